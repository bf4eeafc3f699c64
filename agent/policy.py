"""The interviewer's routing policy, in one file a reader can follow.

Per question the interviewer makes between `min_followups` and `max_followups` follow-ups (probes,
constraints, pushbacks, thread follow-ups; clarifications answered do not count). It listens first: what the
answer did to the line it answers (`agent.responsiveness`, read into `TurnAnalysis`) decides the move. In order:

1. the candidate asked to end, or the interview hit its turn cap          -> wrap up
2. the candidate asked a clarifying question (and clarifications remain) -> answer it in character
3. a defensive or dismissive line ("that's a product decision, not an
   ML one", "nothing changes", "it's how it's always done")             -> push back, always: at every pushback
                                                                             level, and even at the follow-up cap,
                                                                             where the ALLOWANCE below applies
4. follow-ups for this question are used up                              -> next question / wrap up
5. a constraint thread is open (the last follow-up was a constraint or one of its follow-ups):
   - the answer did not take the constraint up                           -> follow_up:adapts_under_constraint,
                                                                             the constraint restated, asked again
                                                                             (once per constraint)
   - the answer adapted                                                  -> follow_up:explicit_tradeoffs, the
                                                                             cost of that adaptation; then
                                                                             follow_up:end_to_end_ownership, how
                                                                             they would know it hurts (the thread
                                                                             is then three follow-ups deep)
   - still not taken up after the restatement                            -> follow_up:end_to_end_ownership, what
                                                                             ignoring the constraint would break
6. the shared measure calls the answer off-topic                          -> the redirect (pushback:
                                                                             answers_different_question), at every
                                                                             pushback level, once per question; never
                                                                             for an answer the measure calls on-topic
7. two answers in a row without a plan                                   -> follow_up:starts_simple, a narrower
                                                                             question (never another constraint)
8. the answer showed another risk the persona's pushback level covers     -> push back, once per question
9. no probe yet in this question (and room for a constraint thread after) -> probe the missing signal that weighs
                                                                             most for the persona
10. no constraint yet, or a later question with room to escalate          -> inject a constraint: the kind used
                                                                             least so far, never one already used
                                                                             in this question, and only while the
                                                                             thread it opens fits the cap
11. fewer than `min_followups` so far                                    -> probe another missing signal
12. otherwise                                                            -> next question / wrap up

ALLOWANCE: a defensive or dismissive answer is a disqualifying risk a committee must hear tested, and a constraint
left unaddressed is a question the candidate has not answered yet, so one follow-up per question may go beyond
`max_followups`: a pushback on the dismissal, or the constraint restated. After it (or after two pushbacks that
moved nothing), the next question's opening line names the stance instead (`agent.offline.voice`).

Constraint kinds rotate data -> latency -> metric across questions, so a 3-question interview covers all
three. Nothing asks about a constraint before one is given: `adapts_under_constraint` is never probed and no
thread follow-up is allowed until a constraint is live in the question. The brain (offline or LLM) only ever
chooses among `allowed_moves`; `choose` is the policy's own pick, used by the offline brain and to repair an LLM
choice that falls outside the allowed set. `record` is how a chosen move changes the question's progress.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from agent.models import CONSTRAINT_KINDS, Move, TurnAnalysis
from agent.persona import Persona
from agent.taxonomy import POSITIVE_IDS

FOLLOW_UP_MOVES = ("probe", "constraint", "pushback", "follow_up")

# Defensive or dismissive answers: always answered, whatever the persona's pushback level.
DISMISSIVE = ("defensive_under_constraint", "ignores_data_reality", "overconfidence")

# Which other findings justify a pushback, by the persona's pushback intensity.
PUSHBACK_TRIGGERS = {
    "low": ("premature_complexity",),
    "medium": ("premature_complexity", "theory_over_decisions"),
    "high": ("premature_complexity", "theory_over_decisions", "metric_fixation", "tool_name_dropping"),
}
REDIRECT = "answers_different_question"  # at every level, once per question, only for an off-topic answer
THREAD_DEPTH = 3  # constraint -> its restatement or the adaptation's cost -> how they'd know it hurts
RESTATE, COST, CONSEQUENCE, NARROW = ("adapts_under_constraint", "explicit_tradeoffs", "end_to_end_ownership",
                                      "starts_simple")
PUSHBACKS_PER_STANCE = 2  # pushbacks on a stance that moved nothing, before the interview moves on naming it


class QuestionProgress(BaseModel):
    """What has happened in the current question; reset when the next question is asked."""

    followups: int = 0
    clarifications: int = 0
    probed: list[str] = Field(default_factory=list)
    constraint_kinds: list[str] = Field(default_factory=list)
    pushbacks: list[str] = Field(default_factory=list)
    shown: list[str] = Field(default_factory=list)
    thread: list[str] = Field(default_factory=list, description="follow-ups in the open constraint thread")
    restated: int = Field(0, description="constraints restated in this question")
    no_plan: int = Field(0, description="answers in a row without a plan")
    narrowed: int = 0
    allowance_used: bool = False
    dismissals: int = Field(0, description="pushbacks on dismissive answers in this question")

    @property
    def thread_open(self) -> bool:
        return bool(self.thread) and len(self.thread) < THREAD_DEPTH


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


def _room(persona: Persona, q: QuestionProgress) -> int:
    return persona.policy.max_followups - q.followups


def allowed_moves(persona: Persona, progress: InterviewProgress) -> list[Move]:
    """Every move the policy permits now, before anyone has read the answer."""
    cfg, q = persona.policy, progress.question
    if progress.turn_count >= cfg.max_turns:
        return [Move(kind="wrap_up", reason="turn cap reached")]
    moves: list[Move] = [_advance(progress)] if q.followups >= cfg.min_followups else []
    if q.clarifications < cfg.max_clarifications:
        moves.append(Move(kind="clarification"))
    dismissals = [Move(kind="pushback", signal=s) for s in DISMISSIVE]
    if q.followups >= cfg.max_followups:
        if not q.allowance_used:
            beyond = dismissals if q.dismissals < PUSHBACKS_PER_STANCE else []
            if q.thread_open and q.restated < len(q.constraint_kinds):
                beyond = [*beyond, Move(kind="follow_up", signal=RESTATE)]
            moves.extend(m.model_copy(update={"reason": "allowance beyond max_followups"}) for m in beyond)
        return moves or [_advance(progress)]
    if q.constraint_kinds and q.thread_open:
        if q.restated < len(q.constraint_kinds):
            moves.append(Move(kind="follow_up", signal=RESTATE))
        moves.extend(Move(kind="follow_up", signal=s) for s in (COST, CONSEQUENCE) if s not in q.thread)
    if q.no_plan >= 1 and q.narrowed < 2:
        moves.append(Move(kind="follow_up", signal=NARROW))
    for signal in POSITIVE_IDS:
        if signal not in q.probed and signal not in q.shown and signal != "adapts_under_constraint":
            moves.append(Move(kind="probe", signal=signal))
    if len(q.constraint_kinds) < constraint_budget(progress) and q.no_plan < 2:
        kind = next_constraint_kind(progress)
        if kind:
            moves.append(Move(kind="constraint", constraint_kind=kind))
    if q.dismissals < PUSHBACKS_PER_STANCE:
        moves.extend(dismissals)
    if not q.pushbacks:
        moves.extend(Move(kind="pushback", signal=s) for s in PUSHBACK_TRIGGERS[persona.style.pushback])
    if REDIRECT not in q.pushbacks:
        moves.append(Move(kind="pushback", signal=REDIRECT))
    return moves


def _missing_signal(persona: Persona, analysis: TurnAnalysis, allowed: list[Move]) -> str | None:
    probes = [m.signal for m in allowed if m.kind == "probe" and not analysis.has(m.signal)]
    if not probes:
        return None
    return max(probes, key=lambda s: (persona.weight(s), -POSITIVE_IDS.index(s)))


def _adapted(analysis: TurnAnalysis) -> bool:
    return analysis.has("adapts_under_constraint") or (analysis.addresses_prompt and analysis.has_plan
                                                        and not analysis.unaddressed_constraint)


def choose(persona: Persona, progress: InterviewProgress, analysis: TurnAnalysis, allowed: list[Move]) -> Move:
    """The policy's own choice of move among `allowed`, given what was heard in the answer.

    Ending early is always the candidate's right, so `wrap_up` on request needs no permission.
    """

    def pick(kind: str, signal: str | None = None) -> Move | None:
        return next((m for m in allowed if m.kind == kind and (signal is None or m.signal == signal)), None)

    q = progress.question
    advance = _advance(progress)
    if analysis.wants_to_end:
        return Move(kind="wrap_up", reason="candidate asked to end")
    if len(allowed) == 1:
        return allowed[0]
    if analysis.asked_clarifying_question and (clar := pick("clarification")):
        return clar
    dismissive = [f for f in analysis.findings if f.signal in DISMISSIVE]
    answerable = [f for f in dismissive if pick("pushback", f.signal)]
    if answerable:
        worst = max(answerable, key=lambda f: (f.strength, persona.weight(f.signal)))
        return pick("pushback", worst.signal).model_copy(update={"reason": "answer was " + worst.signal})
    if dismissive:
        return advance.model_copy(update={"reason": "a stance pushed on twice: the next line names it"})
    if not any(m.kind in FOLLOW_UP_MOVES for m in allowed):
        return advance
    if q.thread_open:
        unheard = analysis.unaddressed_constraint or not analysis.addresses_prompt
        if unheard and (restate := pick("follow_up", RESTATE)):
            return restate.model_copy(update={"reason": "the answer did not take up the constraint"})
        if not unheard or _adapted(analysis):
            for signal in (COST, CONSEQUENCE):
                if move := pick("follow_up", signal):
                    return move.model_copy(update={"reason": "follow the adaptation through"})
        elif move := pick("follow_up", CONSEQUENCE):
            return move.model_copy(update={"reason": "still not taken up: what ignoring it costs"})
    if analysis.off_topic and (redirect := pick("pushback", REDIRECT)):
        return redirect.model_copy(update={"reason": "the shared measure calls the answer off-topic"})
    if not analysis.has_plan and q.no_plan >= 1 and (narrow := pick("follow_up", NARROW)):
        return narrow.model_copy(update={"reason": "two answers without a plan"})
    triggers = [f for f in analysis.findings if pick("pushback", f.signal) and f.signal != REDIRECT]
    if triggers:
        worst = max(triggers, key=lambda f: (f.strength, persona.weight(f.signal)))
        return Move(kind="pushback", signal=worst.signal, reason="answer showed " + worst.signal)
    missing = _missing_signal(persona, analysis, allowed)
    constraint = pick("constraint")
    thread_fits = _room(persona, q) >= THREAD_DEPTH
    if not q.probed and missing and (q.constraint_kinds or _room(persona, q) > THREAD_DEPTH
                                     or not constraint or q.no_plan):
        return Move(kind="probe", signal=missing, reason="answer lacked " + missing)
    if constraint and (not q.constraint_kinds or q.followups >= 2) and (thread_fits or not q.constraint_kinds):
        return constraint
    if q.followups < persona.policy.min_followups:
        if missing:
            return Move(kind="probe", signal=missing, reason="answer lacked " + missing)
        if constraint:
            return constraint
    return advance


def record(persona: Persona, q: QuestionProgress, move: Move, analysis: TurnAnalysis) -> QuestionProgress:
    """The question's progress after `move` answers a turn that `analysis` read."""
    q = q.model_copy(deep=True)
    q.shown = sorted(set(q.shown) | {f.signal for f in analysis.findings if f.signal in POSITIVE_IDS})
    q.no_plan = 0 if analysis.has_plan or analysis.asked_clarifying_question else q.no_plan + 1
    if move.kind == "clarification":
        q.clarifications += 1
        return q
    q.followups += 1
    if q.followups > persona.policy.max_followups:
        q.allowance_used = True
    if move.kind == "probe" and move.signal:
        q.probed.append(move.signal)
        q.thread = []
    if move.kind == "pushback" and move.signal:
        q.pushbacks.append(move.signal)
        if move.signal in DISMISSIVE:
            q.dismissals += 1
    if move.kind == "constraint" and move.constraint_kind:
        q.constraint_kinds.append(move.constraint_kind)
        q.thread = ["constraint"]
    if move.kind == "follow_up" and move.signal:
        if move.signal == RESTATE:
            q.restated += 1
        if move.signal == NARROW:
            q.narrowed += 1
        elif q.thread:
            q.thread.append(move.signal)
    return q
