"""A whole interview through each provider's wire format: one model request per candidate turn (two with a
re-ask), one for the verdict, the line streamed as it is written, and nothing in the verdict that the
candidate did not say.

`openai_interview` was recorded from a real llama.cpp server (SmolLM2): its model re-asks and falls back as
it did live, and the test holds it to the same structure. The Anthropic and Ollama cassettes are hand-made
(no such server here) and follow the script move for move.
"""

from __future__ import annotations

import json

import pytest
from llm_cassettes import BY_NAME
from llm_script import ANSWERS, MOVES, PERSONA, QUESTIONS, SEED

from agent.brains import resolve_brain
from agent.scoring import quote_is_verbatim
from agent.session import Interview
from agent.storage import sessions_dir

INTERVIEWS = ["openai_interview", "anthropic_interview", "ollama_interview"]


def _interview(name: str) -> pytest.param:
    return pytest.param(name, marks=[pytest.mark.vcr, pytest.mark.recordable, pytest.mark.default_cassette(name)],
                        id=name.removesuffix("_interview"))


def _run(interview: Interview, vcr) -> tuple[list[str], list[int]]:
    """Answers until the interview ends (or the answers do); the streamed text and the requests per answer."""
    streamed, played = [], []
    for answer in ANSWERS:
        if interview.finished:
            break
        before, deltas = vcr.play_count, []
        interview.answer(answer, on_delta=deltas.append)
        streamed.append("".join(deltas))
        played.append(vcr.play_count - before)
    if not interview.finished:
        before = vcr.play_count
        interview.end()
        played.append(vcr.play_count - before)
    return streamed, played


@pytest.mark.parametrize("name", [_interview(n) for n in INTERVIEWS])
def test_full_interview_one_request_per_turn(name: str, vcr, llm_env, cassette_model: str) -> None:
    live = BY_NAME[name].live
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain(cassette_model), seed=SEED)
    assert vcr.play_count == 0  # the opening question is the persona's, no model call
    streamed, played = _run(interview, vcr)
    assert interview.finished and vcr.all_played

    transcript, verdict = interview.transcript(), interview.verdict
    interview.close()
    usage = transcript.metadata["usage"]
    assert [u["kind"] for u in usage] == ["turn"] * len(streamed) + ["verdict"]
    assert sum(u["requests"] for u in usage) == vcr.play_count  # every request counted, none hidden
    assert all(1 <= u["requests"] <= 2 for u in usage)  # one, or one and its re-ask
    assert all(u["tokens"] == "server" for u in usage if u["prompt_tokens"])
    if not live:
        assert all(u["requests"] == 1 and u["prompt_tokens"] > 0 for u in usage)
        assert not transcript.metadata["notices"] and vcr.play_count == len(ANSWERS) + 1 == BY_NAME[name].requests
    saved = json.loads((sessions_dir() / f"{transcript.id}.json").read_text())
    assert saved["metadata"]["status"] == "finished"
    said = [t["text"] for t in saved["turns"] if t["role"] == "candidate"]
    assert said == ANSWERS[: len(said)] and len(said) == len(streamed)  # every answer kept, once

    # What streamed of a line is the start of the turn it became, and a model's line streams whole.
    lines = [t for t in transcript.turns if t.role == "interviewer"][1:]
    for line, turn in zip(streamed, lines, strict=False):
        assert turn.text.startswith(line) or turn.produced_by == "offline engine" or turn.kind == "question"
    model_lines = [t for t in lines if t.produced_by == cassette_model]
    assert model_lines or live
    assert transcript.metadata["model"] == cassette_model
    assert set(transcript.metadata["prompt_versions"]) == {"interviewer_turn", "judge"}
    assert verdict.usage == usage[-1]
    assert verdict.judge == cassette_model or verdict.judge.startswith("offline engine (fallback: ")
    quotes = [ev for f in verdict.signals for ev in f.evidence] + verdict.injection_attempts
    assert all(quote_is_verbatim(transcript, ev) for ev in quotes) and (quotes or live)


@pytest.mark.parametrize("name", [_interview(n) for n in INTERVIEWS if not BY_NAME[n].live])
def test_scripted_moves_are_followed(name: str, vcr, cassette_model: str) -> None:
    """The hand-made replies pick allowed moves; the graph carries them out as chosen (not when re-recorded)."""
    if vcr.record_mode != "none":
        pytest.skip("a live model chooses its own moves")
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain(cassette_model), seed=SEED)
    for answer in ANSWERS:
        interview.answer(answer)
    moves = [r["move"] for r in interview.state["analyses"]]
    interview.close()
    assert [m["kind"] + (f":{m['signal'] or m['constraint_kind']}" if m["signal"] or m["constraint_kind"] else "")
            for m in moves] == MOVES
