"""What has happened in the current question, as the offline interviewer needs it to say only what happened.

From the question's turns: the constraint given (the persona's own constraint it was, so its facts are known),
the candidate's plan and their adaptation to the constraint, and whether a constraint's fact is one the candidate
already raised (then another constraint of that kind is chosen, or the line builds on what they said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.knowledge import lexicon
from agent.models import Turn
from agent.offline.text import clauses, sentences
from agent.persona import Constraint, Question
from agent.responsiveness import essence, read

# The candidate raised a constraint when their answers so far address it this well (the shared measure) and
# state at least this share of its facts (key terms and numbers); similarity alone hears a topic, not the facts.
RAISED = 0.6
RAISED_FACTS = 0.4
_GUARD = re.compile(r"\b(?:whether|if|check|verify|confirm|make sure|unless|worr\w*|risk\w*|not sure)\b",
                    re.IGNORECASE)
_RIGIDITY = ("defensive", "data_dismissal", "deferral", "overconfident")
_ASK = re.compile(r"[^.!?]*\?\s*$")
_LEAD = re.compile(r"^\W*(?:new information|update|heads up|one more thing)\s*:\s*", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"^\W*(?:suppose|say|imagine|assume|what if)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Parts:
    """A persona constraint taken apart: its fact and the question it asks (if it asks one)."""

    fact: str
    ask: str
    hypothetical: bool


def parts(constraint: Constraint) -> Parts:
    text = _LEAD.sub("", constraint.text.strip())
    m = _ASK.search(text)
    ask = m.group(0).strip() if m and m.start() > 0 else ""
    fact = text[: m.start()].strip() if ask else text
    return Parts(fact[:1].upper() + fact[1:], ask, bool(_HYPOTHETICAL.match(fact)))


def given(question: Question, turn: Turn) -> Constraint | None:
    """The persona constraint a constraint turn delivered (its fact is in the line)."""
    return next((c for c in question.constraints if c.kind == turn.constraint_kind and parts(c).fact[1:] in turn.text),
                None)


def dismissal(answer: str) -> str:
    """The clause where the candidate argues with, waves away or hands off the problem, or overclaims; empty if
    none. A dismissal inside a check ("verify whether the labels are fine") is its opposite."""
    for sent in sentences(answer):
        parts = clauses(sent)
        for name in _RIGIDITY:
            m = lexicon(name).regex.search(sent.text)  # a sentence at a time: "I hear you, but" spans clauses
            if not m:
                continue
            at = sent.start + m.start()
            clause = next((c for c in parts if c.start <= at < c.end), sent)
            if not _GUARD.search(answer[clause.start:at]):
                return clause.text if len(clause.text.split()) >= 3 else sent.text
    return ""


@dataclass(frozen=True)
class Thread:
    """The current question so far."""

    question: Question
    turns: list[Turn]

    @property
    def answers(self) -> list[str]:
        return [t.text for t in self.turns if t.role == "candidate"]

    @property
    def lines(self) -> list[str]:
        return [t.text for t in self.turns if t.role == "interviewer"]

    @property
    def constraint_turn(self) -> Turn | None:
        return next((t for t in reversed(self.turns) if t.role == "interviewer" and t.kind == "constraint"), None)

    @property
    def constraint(self) -> Constraint | None:
        turn = self.constraint_turn
        return given(self.question, turn) if turn else None

    def essence(self) -> str:
        c = self.constraint
        return essence(c.text) if c else ""

    def answers_since_constraint(self) -> list[str]:
        turn = self.constraint_turn
        if turn is None:
            return []
        at = max(i for i, t in enumerate(self.turns) if t is turn)
        return [t.text for t in self.turns[at + 1:] if t.role == "candidate"]

    def raised(self, constraint: Constraint) -> bool:
        """Whether the candidate's answers so far already state this constraint's facts."""
        said = " ".join(self.answers)
        if not said:
            return False
        reading = read(said, constraint.text, prompt_kind="constraint", question=self.question.text,
                       constraint_kind=constraint.kind)
        facts = len(reading.covered) / max(1, len(reading.covered) + len(reading.missed))
        return reading.score >= RAISED and facts >= RAISED_FACTS

    def fitting(self, kind: str) -> tuple[Constraint, bool]:
        """The constraint of `kind` to give now, and whether the candidate raised it already: one they did not
        raise, if the bank has one; else the first, to be built on."""
        of_kind = [c for c in self.question.constraints if c.kind == kind]
        unraised = [c for c in of_kind if not self.raised(c)]
        return (unraised[0], False) if unraised else (of_kind[0], True)
