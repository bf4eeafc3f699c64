"""Coach mode, for both clients (the app and the plain chat): what has been heard so far, what this persona
weighs that is still missing, and what each interviewer line is testing.

Everything is read from what the interview already keeps: the per-turn analyses in the graph state, and each
interviewer turn's kind with the signal or constraint the policy aimed it at. No extra model call, and nothing
here is shown in realistic mode (the clients decide that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agent.taxonomy import POSITIVE_IDS, SIGNALS

if TYPE_CHECKING:
    from agent.models import Turn
    from agent.persona import Persona

MISSING_SHOWN = 4
"""How many missing signals coach mode names at a time: the ones this persona weighs most."""

_CONSTRAINT_NOUN = {"data": "data", "latency": "latency or cost", "metric": "metric"}


@dataclass(frozen=True)
class LiveSignal:
    """A signal heard so far: the latest quote that showed it."""

    signal: str
    title: str
    polarity: str
    quote: str
    turn_index: int


def live_signals(analyses: list[dict]) -> list[LiveSignal]:
    """Signals found in the per-turn analyses the graph keeps, one entry per signal in the order first heard,
    carrying the most recent quote."""
    seen: dict[str, LiveSignal] = {}
    for record in analyses:
        for finding in record.get("analysis", {}).get("findings", []):
            sid = finding.get("signal")
            if sid not in SIGNALS:
                continue
            evidence = finding.get("evidence") or [{}]
            seen[sid] = LiveSignal(signal=sid, title=SIGNALS[sid].title, polarity=finding.get("polarity", ""),
                                   quote=evidence[0].get("quote", ""),
                                   turn_index=evidence[0].get("turn_index", record.get("turn_index", 0)))
    return list(seen.values())


def missing_signals(persona: Persona, heard: list[LiveSignal], limit: int = MISSING_SHOWN) -> list[str]:
    """The positive signals not heard yet, the ones this persona weighs most first (ids)."""
    shown = {s.signal for s in heard if s.polarity == "positive"}
    missing = [sid for sid in POSITIVE_IDS if sid not in shown]
    return sorted(missing, key=lambda sid: -persona.weight(sid))[:limit]


def line_hint(turn: Turn) -> str | None:
    """One line on what an interviewer turn is testing, from its kind and what the policy aimed it at."""
    if turn.role != "interviewer":
        return None
    target = SIGNALS.get(turn.target_signal or "")
    if turn.kind == "question":
        return ("Testing framing: who acts on this, what decision it changes, what success means, "
                "before any model.")
    if turn.kind == "probe" and target:
        return f"Testing {target.title.lower()}: it is missing so far. {_first_sentence(target.description)}"
    if turn.kind == "probe":
        return "Testing depth: a concrete decision about this problem, with its reason."
    if turn.kind == "pushback":
        about = f" about {target.title.lower()}" if target else ""
        return (f"Testing how you take pushback{about}: keep what holds, change what doesn't, say why; "
                "neither dig in nor fold.")
    if turn.kind == "constraint":
        noun = _CONSTRAINT_NOUN.get(turn.constraint_kind or "", "new")
        return f"Testing adaptation: take up the {noun} constraint's facts and say what in your design changes."
    if turn.kind == "clarification":
        return "An answer to your question (asking counts as framing): use it in your next step."
    if turn.kind == "follow_up":
        return "Testing whether you can go one level deeper on your own answer."
    return None


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."
