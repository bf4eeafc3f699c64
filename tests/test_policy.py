from __future__ import annotations

from agent.models import Evidence, SignalFinding, TurnAnalysis
from agent.persona import load_persona
from agent.policy import InterviewProgress, QuestionProgress, allowed_moves, choose
from agent.taxonomy import Polarity

PERSONA = load_persona("google")


def progress(q_index=0, count=3, turns=3, used=(), **q) -> InterviewProgress:
    return InterviewProgress(question_index=q_index, question_count=count, turn_count=turns,
                             constraint_kinds_used=list(used), question=QuestionProgress(**q))


def finding(signal: str, polarity=Polarity.NEGATIVE, strength=0.8) -> SignalFinding:
    return SignalFinding(signal=signal, polarity=polarity, strength=strength,
                         evidence=[Evidence(turn_index=1, quote="x")])


def test_first_follow_up_probes_the_heaviest_missing_signal():
    p = progress()
    move = choose(PERSONA, p, TurnAnalysis(), allowed_moves(PERSONA, p))
    assert move.kind == "probe"
    missing_weights = {s: PERSONA.weight(s) for s in ("frames_problem", "explicit_tradeoffs")}
    assert PERSONA.weight(move.signal) >= max(missing_weights.values())


def test_signals_already_shown_are_not_probed():
    p = progress()
    shown = TurnAnalysis(findings=[finding("frames_problem", Polarity.POSITIVE)])
    move = choose(PERSONA, p, shown, allowed_moves(PERSONA, p))
    assert move.kind == "probe" and move.signal != "frames_problem"


def test_overconfidence_draws_a_pushback_until_the_stance_has_been_pushed_on_twice():
    p = progress()
    analysis = TurnAnalysis(findings=[finding("overconfidence")])
    assert choose(PERSONA, p, analysis, allowed_moves(PERSONA, p)).kind == "pushback"
    p2 = progress(followups=1, pushbacks=["overconfidence"], dismissals=1)
    assert choose(PERSONA, p2, analysis, allowed_moves(PERSONA, p2)).kind == "pushback"
    p3 = progress(followups=2, pushbacks=["overconfidence"] * 2, dismissals=2)
    assert choose(PERSONA, p3, analysis, allowed_moves(PERSONA, p3)).kind == "next_question"


def test_constraint_after_the_probe_and_kinds_rotate_across_questions():
    p = progress(followups=1, probed=["data_first"])
    move = choose(PERSONA, p, TurnAnalysis(), allowed_moves(PERSONA, p))
    assert move.kind == "constraint" and move.constraint_kind == "data"
    p2 = progress(q_index=1, followups=1, probed=["data_first"], used=["data"])
    assert choose(PERSONA, p2, TurnAnalysis(), allowed_moves(PERSONA, p2)).constraint_kind == "latency"
    p3 = progress(q_index=2, followups=1, probed=["data_first"], used=["data", "latency"])
    assert choose(PERSONA, p3, TurnAnalysis(), allowed_moves(PERSONA, p3)).constraint_kind == "metric"


def test_never_the_same_constraint_kind_twice_in_a_question():
    p = progress(q_index=1, followups=2, constraint_kinds=["latency"], used=["data", "latency"])
    kinds = [m.constraint_kind for m in allowed_moves(PERSONA, p) if m.kind == "constraint"]
    assert "latency" not in kinds


def test_max_follow_ups_moves_on_and_last_question_wraps_up():
    cfg = PERSONA.policy
    p = progress(followups=cfg.max_followups, probed=["data_first"], constraint_kinds=["data"])
    assert choose(PERSONA, p, TurnAnalysis(), allowed_moves(PERSONA, p)).kind == "next_question"
    last = progress(q_index=2, followups=cfg.max_followups)
    assert choose(PERSONA, last, TurnAnalysis(), allowed_moves(PERSONA, last)).kind == "wrap_up"


def test_min_follow_ups_are_made_before_moving_on():
    p = progress(followups=0)
    assert not any(m.kind == "next_question" for m in allowed_moves(PERSONA, p))


def test_turn_cap_wraps_up_whatever_happened():
    p = progress(turns=PERSONA.policy.max_turns)
    assert [m.kind for m in allowed_moves(PERSONA, p)] == ["wrap_up"]


def test_clarifying_question_is_answered_and_candidate_can_end():
    p = progress()
    allowed = allowed_moves(PERSONA, p)
    assert choose(PERSONA, p, TurnAnalysis(asked_clarifying_question=True), allowed).kind == "clarification"
    assert choose(PERSONA, p, TurnAnalysis(wants_to_end=True), allowed).kind == "wrap_up"


def test_only_unused_constraint_kinds_are_offered_in_a_question():
    p = progress(q_index=1, followups=1, constraint_kinds=["latency"], used=["data", "latency"])
    offered = [m.constraint_kind for m in allowed_moves(PERSONA, p) if m.kind == "constraint"]
    assert offered == ["metric"]
