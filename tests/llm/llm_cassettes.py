"""The cassettes the LLM tests replay: which provider, what each one holds, and how they are recorded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes"
# Request headers that carry credentials or account ids, and response headers that name an account.
SECRET_REQUEST_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project",
                          "cookie"]
SECRET_RESPONSE_HEADERS = ("set-cookie", "openai-organization", "openai-project", "anthropic-organization-id")


@dataclass(frozen=True)
class Provider:
    model: str
    title: str
    wire: str
    origin: str  # scheme://host of the real endpoint
    base_path: str  # what litellm appends to an api_base before its own route
    key_env: str | None


PROVIDERS = {
    "openai": Provider("openai/gpt-4o-mini", "OpenAI",
                       "chat completions: SSE `data:` chunks ending in [DONE] when streamed, one JSON object when not",
                       "https://api.openai.com", "/v1", "OPENAI_API_KEY"),
    "anthropic": Provider("anthropic/claude-haiku-4-5", "Anthropic",
                          "messages: SSE message_start, content_block_delta ... message_stop events when streamed, "
                          "one JSON object when not", "https://api.anthropic.com", "", "ANTHROPIC_API_KEY"),
    "ollama": Provider("ollama_chat/qwen2.5", "Ollama",
                       "/api/chat: NDJSON lines ending with done=true when streamed, one JSON object when not",
                       "http://localhost:11434", "", None),
    # An OpenAI-compatible llama.cpp server on this machine (the faults issue 13 found on a real one).
    "llamacpp": Provider("openai/smollm2", "a llama.cpp server",
                         "OpenAI chat completions as llama.cpp's server streams them: SSE `data:` chunks",
                         "http://127.0.0.1:8080", "/v1", None),
}
LLAMACPP_API_BASE = PROVIDERS["llamacpp"].origin + PROVIDERS["llamacpp"].base_path


@dataclass(frozen=True)
class Scenario:
    name: str
    provider: str
    kind: str
    about: str
    requests: int
    recordable: bool = False  # a live API can produce it on demand (faults it cannot)
    settings: tuple[tuple[str, str], ...] = ()  # INTERVIEWER_* settings in force while it is made and replayed
    live: bool = False  # recorded from a real server (tests/llm/record_live.py), not written by hand


SCENARIOS = [
    # Recorded from a real llama.cpp server (xllamacpp + SmolLM2 on 127.0.0.1:8080): OpenAI's wire format as a
    # real server wrote it. A real model re-asks and falls back as it will, so the request count is what it was.
    Scenario("openai_interview", "llamacpp", "interview", "a two-question interview and its verdict, live",
             0, recordable=True, live=True),
    Scenario("openai_one_turn", "llamacpp", "one_turn", "one streamed turn, live", 0, recordable=True, live=True),
    Scenario("anthropic_interview", "anthropic", "interview",
             "a two-question interview: 7 streamed turns, a verdict", 8, recordable=True),
    Scenario("ollama_interview", "ollama", "interview", "a two-question interview: 7 streamed turns, a verdict",
             8, recordable=True),
    Scenario("openai_timeout_then_turn", "openai", "one_turn",
             "one streamed turn (replayed after a simulated read timeout)", 1),
    Scenario("openai_rate_limited", "openai", "rate_limited", "HTTP 429, then the turn", 2),
    Scenario("openai_server_error", "openai", "server_error", "HTTP 500 on all 4 attempts", 4),
    Scenario("anthropic_overloaded", "anthropic", "overloaded", "HTTP 529 overloaded, then the turn", 2),
    Scenario("openai_bad_key", "openai", "bad_key", "HTTP 401, an invalid key", 1),
    Scenario("openai_malformed_json", "openai", "malformed_json", "broken JSON, then a valid re-ask", 2),
    Scenario("openai_schema_invalid", "openai", "schema_invalid", "JSON that fails the schema, twice", 2),
    Scenario("openai_refusal", "openai", "refusal", "a structured-output refusal", 1),
    Scenario("openai_verdict_injection", "openai", "verdict_injection",
             "a judge fooled by an injected instruction, then the same transcript without it", 2),
    # What a real llama.cpp server produced (issue 13), replayed.
    Scenario("llamacpp_placeholder_line", "llamacpp", "placeholder_line",
             "the prompt's example copied back (`<your line>`, `<short reason>`), twice", 2),
    Scenario("llamacpp_placeholder_then_line", "llamacpp", "placeholder_then_line",
             "`<your line>`, then a real line on the re-ask", 2),
    Scenario("llamacpp_json_schema_500", "llamacpp", "json_schema_500",
             "llama-cpp-python's HTTP 500 on json_schema, then the turn in json_object + schema", 2,
             settings=(("INTERVIEWER_OUTPUT_MODE", "json_schema"),)),
    Scenario("llamacpp_overflow_midstream", "llamacpp", "overflow_midstream",
             "a 200 whose stream breaks off with the context window exceeded", 1),
    Scenario("llamacpp_truncated", "llamacpp", "truncated",
             "a reply cut off at the token limit (finish_reason length) after its line", 1),
    Scenario("llamacpp_constraint_without_facts", "llamacpp", "constraint_without_facts",
             "a turn, then a constraint line without its facts, then the constraint with them on the re-ask", 3),
    Scenario("llamacpp_malformed_body", "llamacpp", "malformed_body", "a 200 whose body is an HTML page", 1),
]
BY_NAME = {s.name: s for s in SCENARIOS}


def cassette_path(name: str) -> Path:
    return CASSETTES / f"{name}.yaml"


def _scrub_response(response: dict) -> dict:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_RESPONSE_HEADERS:
            del headers[name]
    return response


def vcr_options() -> dict:
    """Shared by the tests' `vcr_config` and the cassette maker: credentials never reach a cassette."""
    return {"filter_headers": SECRET_REQUEST_HEADERS, "decode_compressed_response": True,
            "before_record_response": _scrub_response}
