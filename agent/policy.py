"""The interviewer's routing policy, in one file a reader can follow.

Per question the interviewer makes between `min_followups` and `max_followups` follow-ups (probes,
constraints, pushbacks; clarifications answered do not count). Order of preference after each answer:

1. the candidate asked to end, or the interview hit its turn cap          -> wrap up
2. the candidate asked a clarifying question (and clarifications remain) -> answer it in character
3. follow-ups for this question are used up                              -> next question / wrap up
4. the answer was overconfident, over-complex, defensive... (and the
   persona's pushback intensity lets that trigger fire)                  -> push back, once per question
5. no probe yet in this question                                          -> probe the missing signal
                                                                             that weighs most for the persona
6. no constraint yet in this question, or a later question with room     -> inject a constraint: the kind
   to escalate                                                              used least so far, never one
                                                                             already used in this question
7. fewer than `min_followups` so far                                      -> probe another missing signal
8. otherwise                                                              -> next question / wrap up

Constraint kinds rotate data -> latency -> metric across questions, so a 3-question interview covers all
three. The brain (offline or LLM) only ever chooses among `allowed_moves`; `choose` is the policy's own pick,
used by the offline brain and to repair an LLM choice that falls outside the allowed set.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from agent.models import CONSTRAINT_KINDS, Move, TurnAnalysis
from agent.persona import Persona
from agent.taxonomy import POSITIVE_IDS

FOLLOW_UP_MOVES = ("probe", "constraint", "pushback")

# Which findings in an answer justify a pushback, by the persona's pushback intensity.
PUSHBACK_TRIGGERS = {
    "low": ("premature_complexity", "overconfidence"),
    "medium": ("premature_complexity", "overconfidence", "defensive_under_constraint", "theory_over_decisions"),
    "high": (
        "premature_complexity", "overconfidence", "defensive_under_constraint", "theory_over_decisions",
        "metric_fixation", "ignores_data_reality", "tool_name_dropping", "answers_different_question",
    ),
}


class QuestionProgress(BaseModel):
    """What has happened in the current question; reset when the next question is asked."""

    followups: int = 0
    clarifications: int = 0
    probed: list[str] = Field(default_factory=list)
    constraint_kinds: list[str] = Field(default_factory=list)
    pushbacks: list[str] = Field(default_factory=list)
    shown: list[str] = Field(default_factory=list)


class InterviewProgress(BaseModel):
    question_index: int
    question_count: int
    turn_count: int
    constraint_kinds_used: list[str] = Field(default_factory=list)
    question: QuestionProgress = Field(default_factory=QuestionProgress)

    @property
    def last_question(self) -> bool:
        return self.question_index >= self.question_count - 1


def _advance(progress: InterviewProgress) -> Move:
    if progress.last_question:
        return Move(kind="wrap_up", reason="last question done")
    return Move(kind="next_question", reason="follow-ups for this question done")


def constraint_budget(progress: InterviewProgress) -> int:
    """Escalation: one constraint in the first question, up to two from the second on."""
    return 1 if progress.question_index == 0 else 2


def next_constraint_kind(progress: InterviewProgress) -> str | None:
    """The kind used least across the interview, never one already used in this question."""
    unused = [k for k in CONSTRAINT_KINDS if k not in progress.question.constraint_kinds]
    if not unused:
        return None
    return min(unused, key=lambda k: (progress.constraint_kinds_used.count(k), CONSTRAINT_KINDS.index(k)))


def allowed_moves(persona: Persona, progress: InterviewProgress) -> list[Move]:
    """Every move the policy permits now, before anyone has read the answer."""
    cfg, q = persona.policy, progress.question
    if progress.turn_count >= cfg.max_turns:
        return [Move(kind="wrap_up", reason="turn cap reached")]
    moves: list[Move] = [_advance(progress)] if q.followups >= cfg.min_followups else []
    if q.clarifications < cfg.max_clarifications:
        moves.append(Move(kind="clarification"))
    if q.followups >= cfg.max_followups:
        return moves or [_advance(progress)]
    for signal in POSITIVE_IDS:
        if signal not in q.probed and signal not in q.shown:
            moves.append(Move(kind="probe", signal=signal))
    if len(q.constraint_kinds) < constraint_budget(progress):
        kind = next_constraint_kind(progress)
        if kind:
            moves.append(Move(kind="constraint", constraint_kind=kind))
    if not q.pushbacks:
        for trigger in PUSHBACK_TRIGGERS[persona.style.pushback]:
            moves.append(Move(kind="pushback", signal=trigger))
    return moves


def _missing_signal(persona: Persona, analysis: TurnAnalysis, allowed: list[Move]) -> str | None:
    probes = [m.signal for m in allowed if m.kind == "probe" and not analysis.has(m.signal)]
    if not probes:
        return None
    return max(probes, key=lambda s: (persona.weight(s), -POSITIVE_IDS.index(s)))


def choose(persona: Persona, progress: InterviewProgress, analysis: TurnAnalysis, allowed: list[Move]) -> Move:
    """The policy's own choice of move among `allowed`, given what was heard in the answer.

    Ending early is always the candidate's right, so `wrap_up` on request needs no permission.
    """

    def pick(kind: str, **match) -> Move | None:
        for m in allowed:
            if m.kind == kind and all(getattr(m, k) == v for k, v in match.items()):
                return m
        return None

    q = progress.question
    advance = _advance(progress)
    if analysis.wants_to_end:
        return Move(kind="wrap_up", reason="candidate asked to end")
    if len(allowed) == 1:
        return allowed[0]
    if analysis.asked_clarifying_question and (clar := pick("clarification")):
        return clar
    if not any(m.kind in FOLLOW_UP_MOVES for m in allowed):
        return advance
    triggers = [f for f in analysis.findings if pick("pushback", signal=f.signal)]
    if triggers:
        worst = max(triggers, key=lambda f: (f.strength, persona.weight(f.signal)))
        return Move(kind="pushback", signal=worst.signal, reason="answer showed " + worst.signal)
    missing = _missing_signal(persona, analysis, allowed)
    if not q.probed and missing:
        return Move(kind="probe", signal=missing, reason="answer lacked " + missing)
    constraint = pick("constraint")
    if constraint and (not q.constraint_kinds or q.followups >= 2):
        return constraint
    if q.followups < persona.policy.min_followups:
        if missing:
            return Move(kind="probe", signal=missing, reason="answer lacked " + missing)
        if constraint:
            return constraint
    return advance
