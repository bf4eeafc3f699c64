"""What the History screen shows, computed from saved transcripts (no Textual here).

Shift 7 of the article: measure readiness by signal, not comfort. So History tracks each rubric dimension over
time and the signals that keep coming back, not just a list of past results.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agent.models import Transcript

DIMENSIONS = ("judgment", "ownership", "practicality", "learning_ability", "communication")


def dimension_title(dim: str) -> str:
    return dim.replace("_", " ").capitalize()


def recommendation_title(rec: str | None) -> str:
    return rec.replace("_", " ") if rec else ""


def local_time(iso: str | None) -> str:
    """`2026-11-25T21:34:49+00:00` as local `2026-11-25 22:34`; the raw text if it does not parse."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


@dataclass(frozen=True)
class HistoryRow:
    session_id: str
    date: str
    persona: str
    finished: bool
    recommendation: str
    scores: dict[str, int]


def history_rows(transcripts: list[Transcript]) -> list[HistoryRow]:
    """One row per saved interview, the most recently started first: the date shown is when it started, so
    that is the order (`list_sessions` orders by last update, which a resumed old interview would jump)."""
    rows = []
    for t in sorted(transcripts, key=lambda t: t.metadata.get("created_at") or "", reverse=True):
        verdict = t.metadata.get("verdict") or {}
        scores = {dim: int(s["score"]) for dim, s in (verdict.get("scores") or {}).items()
                  if s.get("score") is not None}
        rows.append(HistoryRow(session_id=t.id, date=local_time(t.metadata.get("created_at")), persona=t.persona,
                               finished=t.metadata.get("status") == "finished" and bool(verdict),
                               recommendation=verdict.get("recommendation", ""), scores=scores))
    return rows


def dimension_trends(rows: list[HistoryRow]) -> dict[str, list[int]]:
    """Each dimension's score across finished interviews, oldest first."""
    finished = [r for r in reversed(rows) if r.finished]
    return {dim: [r.scores[dim] for r in finished if dim in r.scores] for dim in DIMENSIONS}


@dataclass(frozen=True)
class RecurringSignal:
    signal: str
    title: str
    polarity: str
    interviews: int
    disqualifier: bool


def recurring_signals(transcripts: list[Transcript], top: int = 6) -> list[RecurringSignal]:
    """Signals found in the most finished interviews (each interview counts once per signal).

    Negative signals and disqualifiers sort before positives at equal counts: they are what to work on.
    """
    from agent.taxonomy import SIGNALS

    counts: Counter[str] = Counter()
    polarity: dict[str, str] = {}
    disqualifying: set[str] = set()
    for t in transcripts:
        verdict = t.metadata.get("verdict") or {}
        found = {f["signal"]: f.get("polarity", "") for f in verdict.get("signals", []) if f.get("signal") in SIGNALS}
        dq = {f["signal"] for f in verdict.get("disqualifiers", []) if f.get("signal") in SIGNALS}
        for sid in dq:
            found.setdefault(sid, "negative")
        disqualifying |= dq
        polarity.update(found)
        counts.update(found.keys())
    order = sorted(counts, key=lambda s: (-counts[s], polarity[s] == "positive", SIGNALS[s].title))
    return [RecurringSignal(signal=s, title=SIGNALS[s].title, polarity=polarity[s], interviews=counts[s],
                            disqualifier=s in disqualifying) for s in order[:top]]
