"""Tenacity owns retries: which failures are retried, how long it waits, and what the user is told."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest

from agent.llm import faults, runtime
from agent.llm.retry import RetryPolicy, is_transient
from agent.llm.usage import Usage, describe, summarize


def _error(kind: str, status: int, headers: dict | None = None) -> Exception:
    lit = runtime.litellm()
    response = httpx.Response(status, headers=headers or {}, request=httpx.Request("POST", "https://x/v1"))
    if kind in ("Timeout", "APIConnectionError"):
        return getattr(lit, kind)(message="boom", model="m", llm_provider="openai")
    return getattr(lit, kind)(message="boom", model="m", llm_provider="openai", response=response)


@pytest.mark.parametrize("kind, status, transient, says", [
    ("RateLimitError", 429, True, "kept rate-limiting"),
    ("Timeout", 408, True, "timed out after 60 s"),
    ("APIConnectionError", 500, True, "could not be reached"),
    ("InternalServerError", 500, True, "failed with HTTP 500"),
    ("ServiceUnavailableError", 503, True, "failed with HTTP 503"),
    ("AuthenticationError", 401, False, "rejected the API key"),
    ("BadRequestError", 400, False, "rejected the request as invalid"),
    ("NotFoundError", 404, False, "does not know this model"),
])
def test_what_is_retried(kind: str, status: int, transient: bool, says: str) -> None:
    exc = _error(kind, status)
    assert is_transient(exc) is transient
    assert faults.describe(exc, api_base=None, timeout=60) == says


def test_our_own_errors_are_never_retried() -> None:
    assert not is_transient(ValueError("bug"))


def test_backoff_is_exponential_capped_and_honours_retry_after() -> None:
    policy = RetryPolicy(max_attempts=5, backoff_initial=1.0, backoff_max=8.0)

    def wait(attempt: int, exc: Exception) -> float:
        outcome = SimpleNamespace(exception=lambda: exc)
        return policy.wait(SimpleNamespace(attempt_number=attempt, outcome=outcome))

    plain = _error("InternalServerError", 500)
    assert 1.0 <= wait(1, plain) <= 2.0 and 4.0 <= wait(3, plain) <= 8.0 and wait(9, plain) == 8.0
    assert wait(1, _error("RateLimitError", 429, {"retry-after": "6"})) >= 6.0
    assert wait(1, _error("RateLimitError", 429, {"retry-after": "600"})) == 8.0
    assert RetryPolicy(3, 0, 0).wait(SimpleNamespace(attempt_number=2, outcome=None)) == 0


def test_usage_adds_up_and_reads_as_one_line() -> None:
    turn = Usage(requests=2)
    turn.add(1200, 150, 0.0003)
    verdict = Usage(1)
    verdict.add(3000, 400, 0.0007)
    records = [turn.record("turn", "openai/gpt-4o-mini"), verdict.record("verdict", "openai/gpt-4o-mini")]
    total = summarize(records)
    assert total["requests"] == 3 and total["total_tokens"] == 4750 and total["cost_usd"] == pytest.approx(0.001)
    assert describe(total) == ("Model usage (openai/gpt-4o-mini): 3 requests, 4,200 prompt + 550 completion "
                               "tokens, $0.0010")
    unpriced = Usage(1)
    unpriced.add(10, 5, None)
    assert summarize([*records, unpriced.record("turn", "x")])["cost_usd"] is None
