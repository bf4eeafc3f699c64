"""A whole interview through each provider's wire format: one model request per candidate turn, one for the
verdict, the line streamed as it is written, and nothing in the verdict that the candidate did not say."""

from __future__ import annotations

import json

import pytest
from llm_cassettes import BY_NAME, PROVIDERS
from llm_script import ANSWERS, MOVES, PERSONA, QUESTIONS, SEED

from agent.brains import resolve_brain
from agent.scoring import quote_is_verbatim
from agent.session import Interview
from agent.storage import sessions_dir

INTERVIEWED = [p for p in PROVIDERS if f"{p}_interview" in BY_NAME]


def _interview(provider: str) -> pytest.param:
    return pytest.param(provider, marks=[pytest.mark.vcr, pytest.mark.recordable,
                                         pytest.mark.default_cassette(f"{provider}_interview")], id=provider)


@pytest.mark.parametrize("provider", [_interview(p) for p in INTERVIEWED])
def test_full_interview_one_request_per_turn(provider: str, vcr, llm_env) -> None:
    brain = resolve_brain(PROVIDERS[provider].model)
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=brain, seed=SEED)
    assert vcr.play_count == 0  # the opening question is the persona's, no model call
    streamed: list[str] = []
    for n, answer in enumerate(ANSWERS, 1):
        deltas: list[str] = []
        interview.answer(answer, on_delta=deltas.append)
        # One request per candidate turn; the last answer also runs the wrap-up and its verdict request.
        assert vcr.play_count == n + interview.finished
        streamed.append("".join(deltas))
    assert interview.finished
    assert vcr.play_count == len(ANSWERS) + 1 == BY_NAME[f"{provider}_interview"].requests
    assert vcr.all_played

    transcript, verdict = interview.transcript(), interview.verdict
    interview.close()
    assert not transcript.metadata["notices"]
    saved = json.loads((sessions_dir() / f"{transcript.id}.json").read_text())
    assert saved["metadata"]["status"] == "finished"
    assert [t["text"] for t in saved["turns"] if t["role"] == "candidate"] == ANSWERS

    # Each streamed line is the start of the interviewer turn it became (a next question follows its lead-in).
    said = [t.text for t in transcript.turns if t.role == "interviewer"][1:]
    assert len(said) == len(streamed)
    assert all(line and full.startswith(line) for line, full in zip(streamed, said, strict=True))

    usage = transcript.metadata["usage"]
    assert len(usage) == len(ANSWERS) + 1 and all(u["requests"] == 1 and u["prompt_tokens"] > 0 for u in usage)
    assert transcript.metadata["model"] == PROVIDERS[provider].model
    assert set(transcript.metadata["prompt_versions"]) == {"interviewer_turn", "judge"}
    assert usage[-1]["kind"] == "verdict" and verdict.usage == usage[-1]

    assert verdict.judge == PROVIDERS[provider].model
    quotes = [ev for f in verdict.signals for ev in f.evidence] + verdict.injection_attempts
    assert quotes and all(quote_is_verbatim(transcript, ev) for ev in quotes)


@pytest.mark.parametrize("provider", [_interview(p) for p in INTERVIEWED])
def test_scripted_moves_are_followed(provider: str, vcr) -> None:
    """The hand-made replies pick allowed moves; the graph carries them out as chosen (not when re-recorded)."""
    if vcr.record_mode != "none":
        pytest.skip("a live model chooses its own moves")
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain(PROVIDERS[provider].model),
                                seed=SEED)
    for answer in ANSWERS:
        interview.answer(answer)
    moves = [r["move"] for r in interview.state["analyses"]]
    interview.close()
    assert [m["kind"] + (f":{m['signal'] or m['constraint_kind']}" if m["signal"] or m["constraint_kind"] else "")
            for m in moves] == MOVES
