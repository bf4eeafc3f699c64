"""What went wrong with a model call, named as it is: each failure gets its own short phrase for the notice.

A context overflow (before the reply or in the middle of a streamed one), a refused connection, a timeout, a
malformed response body, a server that rejects the structured-output format, and any other HTTP status are
told apart here, so a notice never says "HTTP 500" for a refused connection or "unusable JSON" for an
overflow. The phrases never quote a provider's message (it may echo part of a key); only the status, the
URL the user configured and our own numbers go in.
"""

from __future__ import annotations

import re

import httpx
import openai

from agent.llm import runtime

# A 4xx/5xx whose body says the response format itself is what the server cannot take (llama-cpp-python:
# "Input should be 'text' or 'json_object'"; others name response_format, json_schema or the grammar).
_FORMAT_REJECTED = re.compile(r"response_format|json_schema|json_object|\bschema\b|grammar", re.IGNORECASE)
# litellm's words for a 200 whose body is not a chat completion (it re-raises it as a 500).
_MALFORMED = re.compile(r"invalid response from LLM endpoint|Expecting value|JSONDecodeError|Received response",
                        re.IGNORECASE)
_REFUSED = re.compile(r"connection refused|errno 111|connecterror", re.IGNORECASE)


def _body(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    try:
        return str(getattr(response, "text", "") or "")
    except Exception:  # a streamed response whose body was never read
        return ""


def status_of(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def is_format_rejection(exc: BaseException) -> bool:
    """A 4xx/5xx saying the structured-output format is unsupported: switch mode, don't retry the same request."""
    status = status_of(exc)
    if status is None or status < 400 or is_context_overflow(exc):
        return False
    return bool(_FORMAT_REJECTED.search(_body(exc)) or _FORMAT_REJECTED.search(str(exc)))


def is_context_overflow(exc: BaseException) -> bool:
    return isinstance(exc, runtime.litellm().ContextWindowExceededError)


def is_malformed_body(exc: BaseException) -> bool:
    return isinstance(exc, runtime.litellm().InternalServerError) and bool(_MALFORMED.search(str(exc)))


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes: litellm re-raises a refused connection as an InternalServerError (500)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def is_refused_connection(exc: BaseException) -> bool:
    return any(isinstance(e, ConnectionRefusedError) or _REFUSED.search(str(e)) for e in _chain(exc))


def _is_connection_error(exc: BaseException) -> bool:
    return any(isinstance(e, openai.APIConnectionError | httpx.TransportError) for e in _chain(exc))


def _is_timeout(exc: BaseException) -> bool:
    return any(isinstance(e, openai.APITimeoutError | httpx.TimeoutException) for e in _chain(exc))


def describe(exc: BaseException, *, api_base: str | None, timeout: float, streamed_chars: int = 0) -> str:
    """A short phrase for the user naming this failure."""
    lit = runtime.litellm()
    where = f" at {api_base}" if api_base else ""
    if is_context_overflow(exc):
        if streamed_chars:
            return f"ran out of context window mid-reply (after {streamed_chars} characters streamed)"
        return "ran out of context window (the prompt and the reply do not fit)"
    if is_format_rejection(exc):
        return f"rejected the structured-output format (HTTP {status_of(exc)})"
    if is_malformed_body(exc):
        return "sent a malformed response body (not a chat completion)"
    for kind, text in (
        (lit.AuthenticationError, "rejected the API key"),
        (lit.PermissionDeniedError, "refused access to this model"),
        (lit.NotFoundError, "does not know this model"),
        (lit.BadRequestError, "rejected the request as invalid"),
        (lit.RateLimitError, "kept rate-limiting"),
    ):
        if isinstance(exc, kind):
            return text
    if _is_timeout(exc):
        return f"timed out after {timeout:g} s"
    if is_refused_connection(exc):
        return f"refused the connection{where}"
    if _is_connection_error(exc):
        return f"could not be reached{where}"
    status = status_of(exc)
    return f"failed with HTTP {status}" if status is not None else f"failed ({type(exc).__name__})"
