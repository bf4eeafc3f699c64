"""One model call through litellm: structured output, optional streaming, retries, tokens and cost.

The client knows nothing about interviews. It sends chat messages with a JSON schema (or JSON mode, or the
prompt alone where the provider has neither), returns the reply text, and turns every failure that survives
the retry policy into a `ModelError` carrying a phrase that is safe to show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

import openai

from agent.llm import runtime
from agent.llm.retry import RetryPolicy, reason
from agent.llm.usage import Usage

OutputMode = Literal["json_schema", "json_object", "prompt"]
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


def output_mode(model: str, provider: str) -> OutputMode:
    """The strongest structured-output mode this provider and model accept, per litellm's model map.

    Ollama takes a JSON schema as `format` whatever the map says; an unmapped OpenAI-compatible model gets JSON
    mode. The reply is validated on our side in every mode.
    """
    lit = runtime.litellm()
    if provider in LOCAL_PROVIDERS:
        return "json_schema"
    try:
        if lit.supports_response_schema(model=model, custom_llm_provider=provider):
            return "json_schema"
        params = lit.get_supported_openai_params(model=model, custom_llm_provider=provider) or []
    except Exception:  # an unmapped model: assume the plainest contract
        return "prompt"
    return "json_object" if "response_format" in params else "prompt"


class LLMClient:
    def __init__(self, model: str, provider: str, *, api_base: str | None, timeout: float, retry: RetryPolicy,
                 mode: OutputMode, api_key: str | None = None, completion: Callable[..., Any] | None = None):
        self.model = model
        self.provider = provider
        self.api_base = api_base
        self._api_key = api_key  # only ever a placeholder for a keyless server; real keys stay in the environment
        self.timeout = timeout
        self.retry = retry
        self.mode = mode
        self._completion = completion or runtime.litellm().completion

    def call(self, messages: list[dict], *, schema_name: str, schema: dict, max_tokens: int, usage: Usage,
             on_delta: Callable[[str], None] | None = None) -> Reply:
        """One logical call: streamed when `on_delta` is given; retried per the policy; counted into `usage`."""
        kwargs = self._request(messages, schema_name, schema, max_tokens, stream=on_delta is not None)
        try:
            return self.retry.retrying()(self._attempt, kwargs, usage, on_delta)
        except Refused:
            raise ModelError("declined to answer") from None
        except openai.OpenAIError as exc:  # every litellm exception derives from the OpenAI SDK's
            raise ModelError(reason(exc)) from exc

    def _attempt(self, kwargs: dict, usage: Usage, on_delta: Callable[[str], None] | None) -> Reply:
        usage.requests += 1
        response = self._completion(**kwargs)
        if on_delta is None:
            return self._read_whole(response, usage)
        return self._read_stream(response, usage, on_delta)

    def _request(self, messages: list[dict], schema_name: str, schema: dict, max_tokens: int,
                 stream: bool) -> dict:
        kwargs: dict[str, Any] = {
            "model": self.model, "messages": messages, "timeout": self.timeout, "max_tokens": max_tokens,
            "num_retries": 0, "max_retries": 0,  # tenacity is the only retry owner
        }
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self._api_key:
            kwargs["api_key"] = self._api_key
        if stream:
            kwargs.update(stream=True, stream_options={"include_usage": True})
        if self.mode == "json_schema":
            kwargs["response_format"] = {"type": "json_schema",
                                         "json_schema": {"name": schema_name, "schema": schema, "strict": True}}
        elif self.mode == "json_object":
            kwargs["response_format"] = {"type": "json_object"}
        return kwargs

    def _read_whole(self, response: Any, usage: Usage) -> Reply:
        choice = response.choices[0]
        text = choice.message.content or ""
        if getattr(choice.message, "refusal", None) or (not text and choice.finish_reason in REFUSAL_FINISH):
            raise Refused
        self._count(getattr(response, "usage", None), usage)
        return Reply(text, choice.finish_reason)

    def _read_stream(self, chunks: Iterable[Any], usage: Usage, on_delta: Callable[[str], None]) -> Reply:
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
                on_delta(choice.delta.content)
        text = "".join(parts)
        if not text and (refused or finish in REFUSAL_FINISH):
            raise Refused
        self._count(reported, usage)
        return Reply(text, finish)

    def _count(self, reported: Any, usage: Usage) -> None:
        """Tokens as the provider reported them, priced from litellm's local cost map (None if unpriced)."""
        if reported is None:
            usage.add(0, 0, None)
            return
        prompt = getattr(reported, "prompt_tokens", None) or 0
        completion = getattr(reported, "completion_tokens", None) or 0
        try:
            prompt_cost, completion_cost = runtime.litellm().cost_per_token(
                model=self.model, prompt_tokens=prompt, completion_tokens=completion)
            cost: float | None = prompt_cost + completion_cost
        except Exception:  # a model missing from the cost map: tokens are still known, the price is not
            cost = None
        usage.add(prompt, completion, cost)
