"""The retry policy. Tenacity is the only retry owner: litellm's `num_retries` and the provider SDK's
`max_retries` are both 0, so a request is never multiplied behind our back.

Retried: rate limits, timeouts, connection errors and 5xx (with exponential backoff and jitter, honouring a
server's Retry-After up to the cap). Never retried: authentication, permission, bad-request and not-found
errors, a context overflow, a malformed body, a server rejecting the structured-output format (the client
switches mode instead), refusals, and anything raised by our own code. A server on this machine is not retried
after a timeout either: the abandoned request may still be running in its only slot, and a second one would
queue behind it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from agent.config import Settings
from agent.llm import faults, runtime

log = logging.getLogger("agent.llm")
RETRY_STATUSES = frozenset({408, 409, 429})


def is_transient(exc: BaseException, *, retry_timeouts: bool = True) -> bool:
    lit = runtime.litellm()
    if isinstance(exc, lit.Timeout):
        return retry_timeouts
    if faults.is_context_overflow(exc) or faults.is_format_rejection(exc) or faults.is_malformed_body(exc):
        return False
    if isinstance(exc, lit.RateLimitError | lit.APIConnectionError):
        return True
    permanent = (lit.AuthenticationError, lit.PermissionDeniedError, lit.BadRequestError, lit.NotFoundError)
    if isinstance(exc, permanent):
        return False
    status = getattr(exc, "status_code", None)
    return isinstance(status, int) and (status >= 500 or status in RETRY_STATUSES)


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
    retry_timeouts: bool = True

    @classmethod
    def from_settings(cls, settings: Settings, *, local: bool = False) -> RetryPolicy:
        return cls(settings.max_attempts, settings.backoff_initial, settings.backoff_max, retry_timeouts=not local)

    def wait(self, state: RetryCallState) -> float:
        backoff = wait_exponential_jitter(multiplier=self.backoff_initial, max=self.backoff_max,
                                          jitter=self.backoff_initial)(state)
        hint = _retry_after(state.outcome.exception() if state.outcome else None)
        return min(self.backoff_max, max(backoff, hint))

    def retrying(self) -> Retrying:
        return Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=self.wait,
            retry=retry_if_exception(lambda exc: is_transient(exc, retry_timeouts=self.retry_timeouts)),
            before_sleep=_log_retry,
            reraise=True,
        )


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    log.info("model request failed (%s); attempt %d, retrying in %.1fs",
             type(exc).__name__, state.attempt_number, state.upcoming_sleep)
