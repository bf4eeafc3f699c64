"""The retry policy. Tenacity is the only retry owner: litellm's `num_retries` and the provider SDK's
`max_retries` are both 0, so a request is never multiplied behind our back.

Retried: rate limits, timeouts, connection errors and 5xx (with exponential backoff and jitter, honouring a
server's Retry-After up to the cap). Never retried: authentication, permission, bad-request and not-found
errors, refusals, and anything raised by our own code.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from agent.config import Settings
from agent.llm import runtime

log = logging.getLogger("agent.llm")
RETRY_STATUSES = frozenset({408, 409, 429})


def is_transient(exc: BaseException) -> bool:
    lit = runtime.litellm()
    if isinstance(exc, lit.Timeout | lit.RateLimitError | lit.APIConnectionError):
        return True
    permanent = (lit.AuthenticationError, lit.PermissionDeniedError, lit.BadRequestError, lit.NotFoundError)
    if isinstance(exc, permanent):
        return False
    status = getattr(exc, "status_code", None)
    return isinstance(status, int) and (status >= 500 or status in RETRY_STATUSES)


def reason(exc: BaseException) -> str:
    """A short phrase for the user. Never the provider's own message, which may echo part of a key."""
    lit = runtime.litellm()
    for kind, text in (
        (lit.AuthenticationError, "rejected the API key"),
        (lit.PermissionDeniedError, "refused access to this model"),
        (lit.NotFoundError, "does not know this model"),
        (lit.ContextWindowExceededError, "ran out of context window"),
        (lit.BadRequestError, "rejected the request as invalid"),
        (lit.RateLimitError, "kept rate-limiting"),
        (lit.Timeout, "timed out"),
        (lit.APIConnectionError, "could not be reached"),
    ):
        if isinstance(exc, kind):
            return text
    status = getattr(exc, "status_code", None)
    return f"failed with HTTP {status}" if isinstance(status, int) else f"failed ({type(exc).__name__})"


def _retry_after(exc: BaseException | None) -> float:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    try:
        return max(0.0, float(headers.get("retry-after", 0)))
    except (TypeError, ValueError):  # an HTTP date: the exponential backoff is good enough
        return 0.0


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    backoff_initial: float = 1.0
    backoff_max: float = 20.0

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        return cls(settings.max_attempts, settings.backoff_initial, settings.backoff_max)

    def wait(self, state: RetryCallState) -> float:
        backoff = wait_exponential_jitter(multiplier=self.backoff_initial, max=self.backoff_max,
                                          jitter=self.backoff_initial)(state)
        hint = _retry_after(state.outcome.exception() if state.outcome else None)
        return min(self.backoff_max, max(backoff, hint))

    def retrying(self) -> Retrying:
        return Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=self.wait,
            retry=retry_if_exception(is_transient),
            before_sleep=_log_retry,
            reraise=True,
        )


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    log.info("model request failed (%s); attempt %d, retrying in %.1fs",
             type(exc).__name__, state.attempt_number, state.upcoming_sleep)
