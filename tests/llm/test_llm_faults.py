"""Every fault ends with the turn completed (retried, or answered by the offline engine with a notice) and the
candidate's answer saved. Backoff waits are zero here (INTERVIEWER_BACKOFF_*), so retries cost no time."""

from __future__ import annotations

import json

import pytest
from llm_cassettes import BY_NAME, PROVIDERS
from llm_script import A1, MOVES, PERSONA, QUESTIONS, SEED, clean_transcript

from agent.brains import resolve_brain
from agent.models import Transcript
from agent.session import Interview
from agent.storage import sessions_dir


def _one_turn(provider: str) -> tuple[Interview, list[str]]:
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain(PROVIDERS[provider].model),
                                seed=SEED)
    deltas: list[str] = []
    interview.answer(A1, on_delta=deltas.append)
    return interview, deltas


def _saved(interview: Interview) -> dict:
    return json.loads((sessions_dir() / f"{interview.session_id}.json").read_text())


def _check_completed(interview: Interview, deltas: list[str], notice: bool) -> dict:
    """The answer is on disk, the interviewer answered it, and a notice says so exactly when the model didn't."""
    saved = _saved(interview)
    assert [t["text"] for t in saved["turns"] if t["role"] == "candidate"] == [A1]
    assert saved["turns"][-1]["role"] == "interviewer" and interview.waiting_for_answer
    assert "".join(deltas) == saved["turns"][-1]["text"]
    assert bool(saved["metadata"]["notices"]) is notice
    return saved


@pytest.mark.parametrize("name, provider", [
    pytest.param("openai_rate_limited", "openai", marks=pytest.mark.default_cassette("openai_rate_limited")),
    pytest.param("anthropic_overloaded", "anthropic", marks=pytest.mark.default_cassette("anthropic_overloaded")),
    pytest.param("openai_malformed_json", "openai", marks=pytest.mark.default_cassette("openai_malformed_json")),
])
@pytest.mark.vcr
def test_retried_or_reasked_then_answered_by_the_model(name: str, provider: str, vcr) -> None:
    interview, deltas = _one_turn(provider)
    saved = _check_completed(interview, deltas, notice=False)
    assert vcr.play_count == BY_NAME[name].requests == 2 and vcr.all_played
    assert saved["metadata"]["usage"][0]["requests"] == 2
    assert interview.state["analyses"][0]["move"]["kind"] + ":premature_complexity" == MOVES[0]
    interview.close()


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_timeout_then_turn")
def test_timeout_then_success(vcr, read_timeout_once) -> None:
    interview, deltas = _one_turn("openai")
    _check_completed(interview, deltas, notice=False)
    assert read_timeout_once["timeouts"] == 1 and vcr.play_count == 1
    assert _saved(interview)["metadata"]["usage"][0]["requests"] == 2
    interview.close()


@pytest.mark.parametrize("name, why", [
    pytest.param("openai_server_error", "failed with HTTP 500",
                 marks=pytest.mark.default_cassette("openai_server_error")),
    pytest.param("openai_bad_key", "rejected the API key", marks=pytest.mark.default_cassette("openai_bad_key")),
    pytest.param("openai_schema_invalid", "returned an unusable reply (the JSON does not match the schema",
                 marks=pytest.mark.default_cassette("openai_schema_invalid")),
    pytest.param("openai_refusal", "declined to answer", marks=pytest.mark.default_cassette("openai_refusal")),
])
@pytest.mark.vcr
def test_offline_fallback_with_notice(name: str, why: str, vcr) -> None:
    interview, deltas = _one_turn("openai")
    saved = _check_completed(interview, deltas, notice=True)
    notice = saved["metadata"]["notices"][0]
    assert why in notice and "offline engine" in notice
    assert vcr.play_count == BY_NAME[name].requests and vcr.all_played  # 500: 4 attempts; 401 and refusal: 1
    assert saved["metadata"]["usage"][0]["requests"] == BY_NAME[name].requests
    interview.close()


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_server_error")
def test_a_failed_turn_is_not_lost_and_the_interview_goes_on(vcr) -> None:
    """After a fallback the session resumes normally: the next answer is a fresh turn."""
    interview, _ = _one_turn("openai")
    interview.close()  # one process, one open interview: the session lock is released here
    resumed = Interview.resume(interview.session_id, brain=resolve_brain("offline"))
    assert resumed.waiting_for_answer and resumed.turns[1].text == A1
    resumed.close()


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_server_error")
def test_a_failed_verdict_falls_back_to_the_offline_judge_and_says_so(vcr) -> None:
    verdict = resolve_brain("openai/gpt-4o-mini").judge(Transcript.model_validate(clean_transcript()))
    assert vcr.play_count == 4
    assert verdict.judge == ("offline engine (fallback: openai/gpt-4o-mini failed with HTTP 500 after 4 "
                             "request(s))")
    assert verdict.usage["cost_usd"] is None  # nothing was answered: the cost is unknown, not $0
