"""Whole interviews through the real graph: interrupt -> resume with a SQLite checkpointer."""

from __future__ import annotations

import pytest
from support import STRONG_ANSWERS, WEAK_ANSWERS

from agent.offline.brain import OfflineBrain
from agent.scoring import quote_is_verbatim
from agent.session import Interview


def run_interview(persona: str, answers: list[str], questions: int = 3, seed: str = "s1") -> Interview:
    interview = Interview.start(persona, questions=questions, seed=seed, session_id=f"t-{persona}-{seed}")
    for answer in answers:
        if interview.finished:
            break
        interview.answer(answer)
    interview.end()
    return interview


def interviewer_turns(interview: Interview):
    return [t for t in interview.turns if t.role == "interviewer"]


def assert_quotes_verbatim(interview: Interview) -> None:
    transcript = interview.transcript()
    verdict = interview.verdict
    for f in verdict.signals + verdict.disqualifiers:
        for ev in f.evidence:
            assert quote_is_verbatim(transcript, ev), (f.signal, ev)


@pytest.mark.parametrize("persona", ["google", "meta", "stripe"])
def test_strong_candidate_gets_lean_hire_or_better(persona):
    interview = run_interview(persona, STRONG_ANSWERS)
    verdict = interview.verdict
    assert verdict.band == "hire", verdict.summary
    assert {"frames_problem", "data_first", "starts_simple", "explicit_tradeoffs"} <= verdict.signal_ids()
    assert_quotes_verbatim(interview)
    interview.close()


@pytest.mark.parametrize("persona", ["amazon", "netflix", "startup"])
def test_weak_candidate_is_sunk_by_data_and_defensiveness_in_their_own_words(persona):
    interview = run_interview(persona, WEAK_ANSWERS)
    verdict = interview.verdict
    assert verdict.recommendation.value in ("lean_no_hire", "no_hire")
    ids = verdict.signal_ids()
    assert {"ignores_data_reality", "defensive_under_constraint"} <= ids
    candidate_text = " ".join(t.text for t in interview.turns if t.role == "candidate")
    for f in verdict.signals:
        if f.signal in ("ignores_data_reality", "defensive_under_constraint"):
            assert all(ev.quote in candidate_text for ev in f.evidence)
    assert verdict.disqualifiers
    assert_quotes_verbatim(interview)
    interview.close()


def test_three_question_run_covers_every_constraint_kind_without_repeats():
    interview = run_interview("google", STRONG_ANSWERS * 2)
    turns = interviewer_turns(interview)
    questions = [t.text for t in turns if t.kind == "question"]
    constraints = [t for t in turns if t.kind == "constraint"]
    assert len(questions) == 3 and len(set(questions)) == 3
    assert {t.constraint_kind for t in constraints} == {"data", "latency", "metric"}
    assert len({t.text for t in constraints}) == len(constraints)
    for q in range(3):
        kinds = [t.constraint_kind for t in constraints if t.question_index == q]
        assert len(kinds) == len(set(kinds))
    interview.close()


def test_each_question_has_a_probe_aimed_at_a_missing_signal_phrased_around_the_answer():
    interview = run_interview("meta", STRONG_ANSWERS * 2)
    turns = interview.turns
    analyses = {r["turn_index"]: r for r in interview.state["analyses"]}
    for q in range(3):
        probes = [(i, t) for i, t in enumerate(turns) if t.question_index == q and t.kind == "probe"]
        assert probes, f"question {q} had no probe"
        i, probe = probes[0]
        answer = turns[i - 1]
        assert answer.role == "candidate"
        heard = {f["signal"] for f in analyses[i - 1]["analysis"]["findings"]}
        assert probe.target_signal not in heard
        fragment = probe.text.split('"')[1] if '"' in probe.text else ""
        assert fragment and fragment in answer.text, probe.text
    interview.close()


def test_interrupt_resume_cycle_is_checkpointed_after_every_turn():
    interview = Interview.start("google", questions=2, seed="x", session_id="cycle")
    assert interview.waiting_for_answer and interview.prompt
    interview.answer(STRONG_ANSWERS[0])
    before = [t.text for t in interview.turns]
    interview.close()
    again = Interview.resume("cycle")
    assert [t.text for t in again.turns] == before
    assert again.turns[1].text == STRONG_ANSWERS[0]
    assert again.waiting_for_answer
    again.close()


def test_clarifying_question_is_answered_in_character_and_counts_as_framing():
    interview = Interview.start("stripe", questions=1, seed="c", session_id="clar")
    new = interview.answer("Who acts on this score, and what happens to a transaction we flag?")
    assert new[-1].kind == "clarification"
    interview.end()
    assert "frames_problem" in interview.verdict.signal_ids()
    interview.close()


def test_i_dont_know_is_met_with_a_question_not_a_rescue():
    interview = Interview.start("netflix", questions=1, seed="d", session_id="idk")
    new = interview.answer("I don't know.")
    assert new[-1].role == "interviewer" and new[-1].text.rstrip().endswith("?")
    interview.close()


def test_candidate_can_end_early_and_is_judged():
    interview = Interview.start("amazon", questions=3, seed="e", session_id="early")
    interview.answer(STRONG_ANSWERS[0])
    interview.answer("I'd like to stop the interview here.")
    assert interview.finished and interview.turns[-1].kind == "closing"
    assert interview.verdict is not None
    interview.close()


def test_nodes_run_alone():
    from agent.graph import build_graph
    from agent.persona import load_persona

    persona = load_persona("google")
    graph = build_graph(OfflineBrain(), persona)
    state = {"session_id": "n", "persona_id": "google", "question_ids": [persona.questions[0].id],
             "q_index": 0, "turns": []}
    out = graph.nodes["ask"].invoke(state)
    assert out["turns"][0]["kind"] == "question" and persona.questions[0].text in out["turns"][0]["text"]
    state.update(out)
    state["turns"].append({"role": "candidate", "text": WEAK_ANSWERS[0], "question_index": 0})
    analyzed = graph.nodes["analyze"].invoke(state)
    assert analyzed["pending"]["move"]["kind"] in ("pushback", "probe")
    assert "premature_complexity" in {f["signal"] for f in analyzed["pending"]["analysis"]["findings"]}
