"""Nothing the model returns is trusted blindly: bad moves, broken analyses and stray quotes are repaired."""

from __future__ import annotations

import json

from llm_script import A1, A2, PERSONA, QUESTIONS, SEED, TURNS, clean_transcript
from llm_stub import stub_brain

from agent.models import Transcript
from agent.session import Interview

EMPTY_VERDICT = {"instructions_to_evaluator": [], "findings": [], "rationales": {}}


def _start(replies: list[str]) -> tuple[Interview, object]:
    brain, stub = stub_brain(replies)
    return Interview.start(PERSONA, questions=QUESTIONS, brain=brain, seed=SEED), stub


def test_a_move_outside_the_allowed_set_is_replaced_by_the_policys() -> None:
    reply = dict(TURNS[0], move="next_question", say="Let's move on.")  # not allowed before any follow-up
    interview, stub = _start([json.dumps(reply)])
    deltas: list[str] = []
    interview.answer(A1, on_delta=deltas.append)
    record = interview.state["analyses"][0]
    last = interview.turns[-1]
    notices = interview.notices
    interview.close()
    assert record["move"]["kind"] != "next_question" and last.kind == record["move"]["kind"]
    assert last.text != "Let's move on." and "".join(deltas) == last.text  # the model's line was never shown
    assert "does not allow" in notices[0]
    assert {f["signal"] for f in record["analysis"]["findings"]} == {"premature_complexity", "overconfidence"}


def test_a_streamed_line_is_kept_when_only_the_analysis_is_broken() -> None:
    """The line reached the screen before the JSON broke: keep it (no re-ask, no second line), and let the
    offline analysis stand in."""
    whole = json.dumps(TURNS[0])
    broken = whole[: whole.index('"findings"')] + '"findings": [{"signal": '
    interview, stub = _start([broken])
    deltas: list[str] = []
    interview.answer(A1, on_delta=deltas.append)
    turns, notices = interview.turns, interview.notices
    interview.close()
    assert len(stub.requests) == 1
    assert notices == ["openai/gpt-4o-mini's reply was unusable past its line (the reply contains no JSON object); "
                       "the line was kept and the offline engine read the answer."]
    assert turns[-1].text == TURNS[0]["say"] == "".join(deltas)
    assert turns[-1].kind == "pushback"


def test_the_candidate_may_always_end() -> None:
    reply = dict(TURNS[0], move="wrap_up", say="Sure, let's stop here. Thanks.", wants_to_end=True)
    interview, _ = _start([json.dumps(reply), json.dumps(EMPTY_VERDICT)])
    interview.answer("I'd like to stop the interview here, please.")
    finished, last = interview.finished, interview.turns[-1]
    interview.close()
    assert finished and last.kind == "closing" and last.text == "Sure, let's stop here. Thanks."


def test_wrap_up_without_a_request_to_end_is_not_allowed_early() -> None:
    reply = dict(TURNS[0], move="wrap_up", say="Thanks, that's all.")
    interview, _ = _start([json.dumps(reply)])
    interview.answer(A1)
    finished = interview.finished
    interview.close()
    assert not finished


def test_the_prompt_carries_only_the_current_question() -> None:
    """Earlier questions reach the model as a one-line summary, so the prompt does not grow without bound."""
    replies = [json.dumps(t) for t in TURNS[:3]] + [json.dumps(TURNS[3])]
    interview, stub = _start(replies)
    for answer in (A1, A2, "That changes the plan: the labels are biased by position.", "Who are the sellers?"):
        interview.answer(answer)
    interview.close()
    last_user = stub.requests[-1]["messages"][1]["content"]
    assert A1[:40] not in last_user and "Q1:" in last_user
    assert "Who are the sellers?" in last_user


def test_ending_early_costs_one_request_for_the_verdict(llm_env) -> None:
    """Interview.start, two answers, Interview.end: two turn requests and one verdict request, nothing else."""
    interview, stub = _start([json.dumps(TURNS[0]), json.dumps(TURNS[1]), json.dumps(EMPTY_VERDICT)])
    interview.answer(A1)
    interview.answer(A2)
    interview.end()
    finished = interview.finished
    interview.close()
    assert finished and len(stub.requests) == 3
    # The verdict is streamed too (nothing shown): a server stops generating when its reader goes away.
    assert [bool(r.get("stream")) for r in stub.requests] == [True, True, True]


def test_a_verdict_reply_missing_its_fields_is_re_asked() -> None:
    """A turn-shaped reply is not a verdict: the judge asks once more, with the validation error."""
    brain, stub = stub_brain([json.dumps(TURNS[0]), json.dumps(EMPTY_VERDICT)])
    verdict = brain.judge(Transcript.model_validate(clean_transcript()))
    assert len(stub.requests) == 2 and verdict.judge == "openai/gpt-4o-mini"
    reask = stub.requests[1]["messages"][-1]["content"]
    assert "could not be used" in reask and "rationales: Field required" in reask
