"""What a scripted candidate sees of the interviewer's line, and what it says back.

A scripted candidate is a small function of the line it answers: the kind of line (question, probe, constraint,
pushback, clarification), the constraint's text when there is one, and how far into the question it is. Each
answer carries tags saying what the writer meant it to be (`defensive`, `off_topic`, `stuck`, `raised:data`...),
so the fault detector checks the interviewer against what the candidate did, not against the interviewer's own
reading of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from agent.persona import Question


@dataclass(frozen=True)
class Line:
    """The interviewer's line a scripted candidate answers."""

    text: str
    kind: str
    question: Question
    constraint_text: str = ""
    constraint_kind: str | None = None
    answers_in_question: int = 0
    answers_in_interview: int = 0


@dataclass(frozen=True)
class Answer:
    text: str
    tags: frozenset[str] = field(default_factory=frozenset)


def answer(text: str, *tags: str) -> Answer:
    return Answer(text, frozenset(tags))


Reply = Callable[[Line], Answer]


@dataclass(frozen=True)
class Candidate:
    """A named scripted candidate of one kind; `held_out` ones are never looked at while tuning."""

    id: str
    kind: str
    reply: Reply
    max_answers: int = 16
    held_out: bool = False


_LEAD_IN = re.compile(r"^\W*(?:new information|suppose|update|heads up|one more thing|catch)\W*", re.IGNORECASE)


def fact_of(constraint_text: str) -> str:
    """The constraint's first statement, as a candidate would echo it back ("so the impressions come from...")."""
    said = [s for s in re.split(r"(?<=[.!?])\s+", constraint_text.strip()) if not s.endswith("?")]
    first = _LEAD_IN.sub("", max(said, key=len) if said else constraint_text.strip())
    first = re.sub(r"^[^:]{0,30}:\s*", "", first)
    first = first.rstrip(".!?")
    return first[:1].lower() + first[1:] if first else constraint_text


def pick(options: list[str], line: Line) -> str:
    """A deterministic pick that varies with the place in the interview, so answers do not repeat verbatim."""
    return options[(line.answers_in_interview + len(line.question.id)) % len(options)]
