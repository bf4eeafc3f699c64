"""Provider wire formats, written by hand from the providers' API references, for hand-made cassettes.

Each function returns `(status, headers, body)` exactly as the provider's HTTP API sends it: OpenAI chat
completions (SSE `data:` chunks ending in `data: [DONE]`, or one JSON object), Anthropic messages (SSE
`event:`/`data:` pairs from `message_start` to `message_stop`, or one JSON object) and Ollama chat (NDJSON lines
ending with a `done: true` line carrying the token counts, or one JSON object).
"""

from __future__ import annotations

import json
import re
import zlib

Response = tuple[int, dict[str, str], str]

_PIECE = re.compile(r"\s*[^\s]{1,5}|\s+")
OPENAI_MODEL = "gpt-4o-mini-2024-07-18"
ANTHROPIC_MODEL = "claude-haiku-4-5-20251001"
OLLAMA_MODEL = "qwen2.5"
CREATED = 1764064800  # 2025-11-25T10:00:00Z


def _dumps(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def pieces(text: str) -> list[str]:
    """Token-sized pieces, the way a model streams: a word or part of one, with its leading space."""
    return _PIECE.findall(text)


def _id(prefix: str, seed: str, n: int = 24) -> str:
    digest = format(zlib.crc32(seed.encode()), "08x") * 4
    return prefix + digest[:n]


def tokens(text: str) -> int:
    """A plausible token count (about four characters a token)."""
    return max(1, len(text) // 4)


# -- OpenAI ---------------------------------------------------------------------------------------------------
def _openai_headers(kind: str, seed: str) -> dict[str, str]:
    return {"content-type": kind, "openai-processing-ms": "412", "openai-version": "2020-10-01",
            "x-request-id": _id("req_", seed, 32)}


def openai_stream(content: str, prompt_tokens: int, seed: str = "") -> Response:
    head = {"id": _id("chatcmpl-", seed + content), "object": "chat.completion.chunk", "created": CREATED,
            "model": OPENAI_MODEL, "service_tier": "default", "system_fingerprint": "fp_560af6e559"}

    def chunk(delta: dict, finish: str | None = None) -> dict:
        return {**head, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
                "usage": None}

    chunks = [chunk({"role": "assistant", "content": "", "refusal": None})]
    chunks += [chunk({"content": p}) for p in pieces(content)]
    chunks.append(chunk({}, "stop"))
    chunks.append({**head, "choices": [], "usage": _openai_usage(prompt_tokens, tokens(content))})
    body = "".join(f"data: {_dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    return 200, _openai_headers("text/event-stream; charset=utf-8", seed + content), body


def openai_stream_refusal(refusal: str, prompt_tokens: int, seed: str = "") -> Response:
    """A structured-output refusal: the text arrives in `delta.refusal`, `content` stays null."""
    head = {"id": _id("chatcmpl-", seed + refusal), "object": "chat.completion.chunk", "created": CREATED,
            "model": OPENAI_MODEL, "service_tier": "default", "system_fingerprint": "fp_560af6e559"}

    def chunk(delta: dict, finish: str | None = None) -> dict:
        return {**head, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
                "usage": None}

    chunks = [chunk({"role": "assistant", "content": None, "refusal": ""})]
    chunks += [chunk({"refusal": p}) for p in pieces(refusal)]
    chunks.append(chunk({}, "stop"))
    chunks.append({**head, "choices": [], "usage": _openai_usage(prompt_tokens, tokens(refusal))})
    body = "".join(f"data: {_dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    return 200, _openai_headers("text/event-stream; charset=utf-8", seed + refusal), body


def openai_json(content: str, prompt_tokens: int, seed: str = "") -> Response:
    body = {"id": _id("chatcmpl-", seed + content), "object": "chat.completion", "created": CREATED,
            "model": OPENAI_MODEL,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content, "refusal": None,
                                                 "annotations": []},
                         "logprobs": None, "finish_reason": "stop"}],
            "usage": _openai_usage(prompt_tokens, tokens(content)), "service_tier": "default",
            "system_fingerprint": "fp_560af6e559"}
    return 200, _openai_headers("application/json", seed + content), json.dumps(body, indent=2) + "\n"


def _openai_usage(prompt: int, completion: int) -> dict:
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                          "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}


def openai_error(status: int, seed: str = "") -> Response:
    errors = {
        401: ("Incorrect API key provided: sk-test-************************1234. You can find your API key at "
              "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"),
        429: ("Rate limit reached for gpt-4o-mini in organization org-example on requests per min (RPM): "
              "Limit 500, Used 500, Requested 1. Please try again in 120ms. Visit "
              "https://platform.openai.com/account/rate-limits to learn more.", "requests", "rate_limit_exceeded"),
        500: ("The server had an error while processing your request. Sorry about that!", "server_error", None),
    }
    message, kind, code = errors[status]
    headers = _openai_headers("application/json; charset=utf-8", seed + str(status))
    if status == 429:
        headers.update({"retry-after": "1", "x-ratelimit-limit-requests": "500",
                        "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "120ms"})
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return status, headers, json.dumps(body, indent=2) + "\n"


# -- Anthropic ------------------------------------------------------------------------------------------------
def _anthropic_headers(kind: str, seed: str) -> dict[str, str]:
    return {"content-type": kind, "request-id": _id("req_011C", seed, 20), "anthropic-ratelimit-requests-limit": "50",
            "anthropic-ratelimit-requests-remaining": "49"}


def _usage_anthropic(prompt: int, output: int) -> dict:
    return {"input_tokens": prompt, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
            "output_tokens": output, "service_tier": "standard"}


def anthropic_stream(content: str, prompt_tokens: int, seed: str = "") -> Response:
    def event(name: str, data: dict) -> str:
        return f"event: {name}\ndata: {_dumps(data)}\n\n"

    message = {"id": _id("msg_01", seed + content), "type": "message", "role": "assistant",
               "model": ANTHROPIC_MODEL, "content": [], "stop_reason": None, "stop_sequence": None,
               "usage": _usage_anthropic(prompt_tokens, 1)}
    body = event("message_start", {"type": "message_start", "message": message})
    body += event("content_block_start", {"type": "content_block_start", "index": 0,
                                          "content_block": {"type": "text", "text": ""}})
    body += event("ping", {"type": "ping"})
    for p in pieces(content):
        body += event("content_block_delta", {"type": "content_block_delta", "index": 0,
                                              "delta": {"type": "text_delta", "text": p}})
    body += event("content_block_stop", {"type": "content_block_stop", "index": 0})
    body += event("message_delta", {"type": "message_delta",
                                    "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                                    "usage": {"output_tokens": tokens(content)}})
    body += event("message_stop", {"type": "message_stop"})
    return 200, _anthropic_headers("text/event-stream; charset=utf-8", seed + content), body


def anthropic_json(content: str, prompt_tokens: int, seed: str = "") -> Response:
    body = {"id": _id("msg_01", seed + content), "type": "message", "role": "assistant", "model": ANTHROPIC_MODEL,
            "content": [{"type": "text", "text": content}], "stop_reason": "end_turn", "stop_sequence": None,
            "usage": _usage_anthropic(prompt_tokens, tokens(content))}
    return 200, _anthropic_headers("application/json", seed + content), json.dumps(body, indent=2) + "\n"


def anthropic_error(status: int, seed: str = "") -> Response:
    kinds = {529: ("overloaded_error", "Overloaded"), 500: ("api_error", "Internal server error")}
    kind, message = kinds[status]
    body = {"type": "error", "error": {"type": kind, "message": message}, "request_id": _id("req_011C", seed, 20)}
    return status, _anthropic_headers("application/json", seed + str(status)), json.dumps(body) + "\n"


# -- Ollama ---------------------------------------------------------------------------------------------------
def _stamp(i: int) -> str:
    return f"2025-11-25T10:00:{i // 100:02d}.{(i % 100) * 10000:06d}Z"


def _ollama_done(prompt: int, output: int) -> dict:
    return {"done_reason": "stop", "done": True, "total_duration": 2845112334, "load_duration": 21503417,
            "prompt_eval_count": prompt, "prompt_eval_duration": 612000125, "eval_count": output,
            "eval_duration": 2201994208}


def ollama_stream(content: str, prompt_tokens: int, seed: str = "") -> Response:
    lines = [_dumps({"model": OLLAMA_MODEL, "created_at": _stamp(i),
                     "message": {"role": "assistant", "content": p}, "done": False})
             for i, p in enumerate(pieces(content))]
    lines.append(_dumps({"model": OLLAMA_MODEL, "created_at": _stamp(len(lines)),
                         "message": {"role": "assistant", "content": ""},
                         **_ollama_done(prompt_tokens, tokens(content))}))
    return 200, {"content-type": "application/x-ndjson"}, "\n".join(lines) + "\n"


def ollama_json(content: str, prompt_tokens: int, seed: str = "") -> Response:
    body = {"model": OLLAMA_MODEL, "created_at": _stamp(0), "message": {"role": "assistant", "content": content},
            **_ollama_done(prompt_tokens, tokens(content))}
    return 200, {"content-type": "application/json; charset=utf-8"}, _dumps(body)


# -- llama.cpp-style local servers (the faults issue 13 quotes) ------------------------------------------------
# Shaped like llama.cpp's server as seen live (no service_tier, a `timings` block, `server: llama.cpp`), and
# like llama-cpp-python's for the one fault only it produces (a pydantic 500 on `json_schema`).
LLAMACPP_MODEL = "SmolLM2-135M-Instruct.Q4_1.gguf"


def _llamacpp_head(seed: str) -> dict:
    return {"id": _id("chatcmpl-", seed, 32), "object": "chat.completion.chunk", "created": CREATED,
            "model": LLAMACPP_MODEL, "system_fingerprint": "b0-unknown"}


def _llamacpp_chunk(head: dict, delta: dict, finish: str | None = None) -> dict:
    return {**head, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def llamacpp_stream(content: str, prompt_tokens: int, seed: str = "", finish: str = "stop",
                    completion_tokens: int | None = None) -> Response:
    """A streamed reply; `finish="length"` is one cut off at max_tokens."""
    head = _llamacpp_head(seed + content)
    chunks = [_llamacpp_chunk(head, {"role": "assistant", "content": None})]
    chunks += [_llamacpp_chunk(head, {"content": p}) for p in pieces(content)]
    chunks.append(_llamacpp_chunk(head, {}, finish))
    done = completion_tokens or tokens(content)
    chunks.append({**head, "choices": [], "usage": {"completion_tokens": done, "prompt_tokens": prompt_tokens,
                                                    "total_tokens": prompt_tokens + done}})
    body = "".join(f"data: {_dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    return 200, {"content-type": "text/event-stream", "server": "llama.cpp"}, body


def llamacpp_overflow_midstream(prefix: str, n_ctx: int, seed: str = "") -> Response:
    """A 200 whose stream starts the reply and then reports the context window exceeded, as an error event."""
    head = _llamacpp_head(seed + prefix)
    chunks: list[dict] = [_llamacpp_chunk(head, {"role": "assistant", "content": None})]
    chunks += [_llamacpp_chunk(head, {"content": p}) for p in pieces(prefix)]
    chunks.append({"error": {"code": 400, "type": "exceed_context_size_error", "n_ctx": n_ctx,
                             "message": "the request exceeds the available context size, try increasing it"}})
    body = "".join(f"data: {_dumps(c)}\n\n" for c in chunks)
    return 200, {"content-type": "text/event-stream", "server": "llama.cpp"}, body


def llama_cpp_python_json_schema_500() -> Response:
    """llama-cpp-python's server on `response_format: {"type": "json_schema"}`: its request model allows only
    'text' or 'json_object', and the validation error comes back as an HTTP 500."""
    body = {"detail": [{"type": "literal_error", "loc": ["body", "response_format", "type"],
                        "msg": "Input should be 'text' or 'json_object'", "input": "json_schema",
                        "ctx": {"expected": "'text' or 'json_object'"}}]}
    return 500, {"content-type": "application/json", "server": "uvicorn"}, json.dumps(body)


def malformed_200() -> Response:
    """A 200 that is not a chat completion: a proxy's HTML page in front of the server."""
    return 200, {"content-type": "text/html"}, "<html><body><h1>It works!</h1></body></html>\n"
