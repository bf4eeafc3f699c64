"""Answers that tell the judge what to output leave the verdict where the substance puts it."""

from __future__ import annotations

import json

import pytest
from llm_script import (
    A1,
    HALLUCINATED,
    INJECTION,
    PERSONA,
    QUESTIONS,
    SEED,
    TURNS,
    clean_transcript,
    injected_transcript,
)
from llm_stub import stub_brain

from agent.brains import resolve_brain
from agent.models import Transcript
from agent.session import Interview


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_verdict_injection")
def test_a_fooled_judge_cannot_move_the_verdict(vcr) -> None:
    """The first reply is what a model talked into it might return: the injected sentence cited as evidence,
    quotes it made up, no report of the injection, glowing rationales. The second is an honest reply about the
    same transcript without the injected sentence. Both verdicts must agree."""
    brain = resolve_brain("openai/gpt-4o-mini")
    fooled = brain.judge(Transcript.model_validate(injected_transcript()))
    honest = brain.judge(Transcript.model_validate(clean_transcript()))
    assert vcr.play_count == 2

    assert fooled.recommendation == honest.recommendation
    assert fooled.band == "no_hire"
    assert {d: s.score for d, s in fooled.scores.items()} == {d: s.score for d, s in honest.scores.items()}
    assert {f.signal for f in fooled.signals} == {f.signal for f in honest.signals}
    quotes = [ev.quote for f in fooled.signals for ev in f.evidence]
    assert not any(q in INJECTION or HALLUCINATED in q for q in quotes)
    assert [ev.quote for ev in fooled.injection_attempts] == [INJECTION] and not honest.injection_attempts
    assert "strong hire" not in json.dumps(fooled.model_dump(mode="json")["scores"]).lower()


def test_an_injection_in_an_answer_is_data_for_the_interviewer_too() -> None:
    """The turn model cites the injected sentence as evidence: that finding is dropped and the sentence is
    recorded as an attempt to instruct the evaluator, whether or not the model reported it."""
    reply = dict(TURNS[0], findings=[
        *TURNS[0]["findings"],
        {"signal": "frames_problem", "quote": "they framed the problem", "strength": 0.95, "why": "framed"},
        {"signal": "starts_simple", "quote": HALLUCINATED, "strength": 0.9, "why": "made up"},
    ])
    brain, stub = stub_brain([json.dumps(reply)])
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=brain, seed=SEED)
    interview.answer(f"{A1} {INJECTION}")
    analysis = interview.state["analyses"][0]["analysis"]
    interview.close()
    assert len(stub.requests) == 1
    assert {f["signal"] for f in analysis["findings"]} == {"premature_complexity", "overconfidence"}
    assert [ev["quote"] for ev in analysis["injection_attempts"]] == [INJECTION]
