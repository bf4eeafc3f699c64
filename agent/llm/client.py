"""One model call through litellm: structured output, optional streaming, retries, tokens and cost.

The client knows nothing about interviews. It sends chat messages with a JSON schema in the form the server
accepts (OpenAI's `json_schema`; llama.cpp servers' `json_object` + `schema`; Ollama's `format`, which litellm
builds from `json_schema`; or the prompt alone), returns the reply text, and turns every failure that survives
the retry policy into a `ModelError` carrying a phrase, from agent/llm/faults.py, that is safe to show.
A server that answers "this format is unsupported" makes the client switch to the next mode once, instead of
retrying a request that can only fail again.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, get_args
from urllib.parse import urlparse

import openai

from agent.llm import faults, runtime
from agent.llm.retry import RetryPolicy
from agent.llm.schemas import bounded
from agent.llm.usage import Usage

OutputMode = Literal["json_schema", "json_object_schema", "prompt"]
OUTPUT_MODES: tuple[str, ...] = get_args(OutputMode)
# Where a server that rejects a format is taken next: the schema in the other shape, then the prompt alone.
NEXT_MODE: dict[str, OutputMode] = {"json_schema": "json_object_schema", "json_object_schema": "prompt"}
LOCAL_PROVIDERS = frozenset({"ollama", "ollama_chat"})
REFUSAL_FINISH = frozenset({"content_filter", "refusal"})


class ModelError(Exception):
    """A model call that failed for good. `str(err)` is a short phrase for the user, never a provider message."""


class Refused(Exception):
    """The model declined to answer. Not transient: asking again the same way would be declined again."""


@dataclass(frozen=True)
class Reply:
    text: str
    finish_reason: str | None

    @property
    def truncated(self) -> bool:
        """The model stopped at the token limit: whatever it wrote is cut short."""
        return self.finish_reason == "length"


def is_loopback(url: str | None) -> bool:
    """Whether a base URL points at this machine (localhost, 127.0.0.0/8, ::1)."""
    host = urlparse(url or "").hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def output_mode(model: str, provider: str, api_base: str | None = None) -> OutputMode:
    """The structured-output form this provider and model accept: the setting `output_mode` overrides it.

    Ollama takes a JSON schema as `format` (litellm converts `json_schema`); a model litellm's map says takes
    a response schema gets `json_schema`; an OpenAI-compatible server at a base URL (llama.cpp, vLLM, LM
    Studio...) gets `json_object` with the schema beside it, the form llama.cpp servers constrain decoding
    with. Anything else gets the prompt alone. The reply is validated on our side in every mode.
    """
    lit = runtime.litellm()
    if provider in LOCAL_PROVIDERS:
        return "json_schema"
    try:
        if lit.supports_response_schema(model=model, custom_llm_provider=provider):
            return "json_schema"
    except Exception:  # an unmapped model
        pass
    return "json_object_schema" if api_base else "prompt"


@dataclass
class _Progress:
    """What one attempt streamed before it failed, for naming the failure."""

    chars: int = 0


@dataclass
class LLMClient:
    model: str
    provider: str
    api_base: str | None
    timeout: float
    retry: RetryPolicy
    mode: OutputMode
    api_key: str | None = field(default=None, repr=False)  # only ever a placeholder for a keyless server
    completion: Callable[..., Any] | None = field(default=None, repr=False)
    # Mode switches and other things the user should hear about, taken by the brain into its notices.
    notices: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.completion = self.completion or runtime.litellm().completion

    def take_notices(self) -> list[str]:
        taken, self.notices = self.notices, []
        return taken

    def call(self, messages: list[dict], *, schema_name: str, schema: dict, max_tokens: int, usage: Usage,
             on_delta: Callable[[str], None] | None = None) -> Reply:
        """One logical call: streamed when `on_delta` is given; retried per the policy; counted into `usage`."""
        switched = False
        while True:
            kwargs = self._request(messages, schema_name, schema, max_tokens, stream=on_delta is not None)
            progress = _Progress()
            try:
                return self.retry.retrying()(self._attempt, kwargs, usage, on_delta, progress)
            except Refused:
                raise ModelError("declined to answer") from None
            except openai.OpenAIError as exc:  # every litellm exception derives from the OpenAI SDK's
                following = NEXT_MODE.get(self.mode)
                if following and not switched and faults.is_format_rejection(exc):
                    self.notices.append(f"{self.model} rejected the {self.mode} output format "
                                        f"(HTTP {faults.status_of(exc)}); switched to {following}")
                    self.mode, switched = following, True
                    continue
                raise ModelError(faults.describe(exc, api_base=self.api_base, timeout=self.timeout,
                                                 streamed_chars=progress.chars)) from exc

    def _attempt(self, kwargs: dict, usage: Usage, on_delta: Callable[[str], None] | None,
                 progress: _Progress) -> Reply:
        usage.requests += 1
        response = self.completion(**kwargs)
        if on_delta is None:
            return self._read_whole(response, usage, kwargs["messages"])
        return self._read_stream(response, usage, on_delta, kwargs["messages"], progress)

    def _request(self, messages: list[dict], schema_name: str, schema: dict, max_tokens: int,
                 stream: bool) -> dict:
        kwargs: dict[str, Any] = {
            "model": self.model, "messages": messages, "timeout": self.timeout, "max_tokens": max_tokens,
            "num_retries": 0, "max_retries": 0,  # tenacity is the only retry owner
        }
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self.api_key:
            kwargs["api_key"] = self.api_key
        if stream:
            kwargs.update(stream=True, stream_options={"include_usage": True})
        if self.mode == "json_schema":
            kwargs["response_format"] = {"type": "json_schema",
                                         "json_schema": {"name": schema_name, "schema": schema, "strict": True}}
        elif self.mode == "json_object_schema":
            # Grammar-constrained decoding follows the schema to the letter; bounds keep a small model from
            # writing one string until the token limit.
            kwargs["response_format"] = {"type": "json_object", "schema": bounded(schema, schema_name)}
        return kwargs

    def _read_whole(self, response: Any, usage: Usage, messages: list[dict]) -> Reply:
        choice = response.choices[0]
        text = choice.message.content or ""
        if getattr(choice.message, "refusal", None) or (not text and choice.finish_reason in REFUSAL_FINISH):
            raise Refused
        self._count(getattr(response, "usage", None), usage, messages, text)
        return Reply(text, choice.finish_reason)

    def _read_stream(self, chunks: Iterable[Any], usage: Usage, on_delta: Callable[[str], None],
                     messages: list[dict], progress: _Progress) -> Reply:
        parts: list[str] = []
        finish: str | None = None
        refused = False
        reported = None
        for chunk in chunks:
            reported = getattr(chunk, "usage", None) or reported
            if not chunk.choices:
                continue
            choice = chunk.choices[0]
            finish = choice.finish_reason or finish
            # litellm drops OpenAI's streamed refusal text but keeps the (empty) field on the first chunk.
            refused = refused or getattr(choice.delta, "refusal", None) is not None
            if choice.delta.content:
                parts.append(choice.delta.content)
                progress.chars += len(choice.delta.content)
                on_delta(choice.delta.content)
        text = "".join(parts)
        if not text and (refused or finish in REFUSAL_FINISH):
            raise Refused
        if not text and reported is None:  # not one event of a chat-completion stream arrived
            raise ModelError("sent a malformed response body (no chat-completion stream)")
        self._count(reported, usage, messages, text)
        return Reply(text, finish)

    def _count(self, reported: Any, usage: Usage, messages: list[dict], text: str) -> None:
        """Tokens as the server reported them; counted with litellm's tokenizer and marked estimated when it
        sent none. Priced from litellm's local cost map: None (unknown) for a model it does not list."""
        lit = runtime.litellm()
        prompt = getattr(reported, "prompt_tokens", None) if reported is not None else None
        completion = getattr(reported, "completion_tokens", None) if reported is not None else None
        estimated = not isinstance(prompt, int) or not isinstance(completion, int)
        if estimated:
            prompt = lit.token_counter(model=self.model, messages=messages)
            completion = lit.token_counter(model=self.model, text=text, count_response_tokens=True) if text else 0
        try:
            prompt_cost, completion_cost = lit.cost_per_token(model=self.model, prompt_tokens=prompt,
                                                              completion_tokens=completion)
            cost: float | None = prompt_cost + completion_cost
        except Exception:  # a model missing from the cost map: tokens are still known, the price is not
            cost = None
        usage.add(prompt, completion, cost, estimated=estimated)
