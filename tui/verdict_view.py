"""Text for the verdict screen: the banner, score bars, evidence entries. Pure functions returning markup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.markup import escape

from tui.history_data import recommendation_title
from tui.marks import polarity_mark

if TYPE_CHECKING:
    from agent.models import SignalFinding, Verdict

BAR_CELLS = 4
"""Cells per score point: a 4/4 bar is 16 cells wide."""

_SCORE_COLOUR = {1: "$error", 2: "$warning", 3: "$success", 4: "$success"}


def score_bar(score: int) -> str:
    filled = "█" * (score * BAR_CELLS)
    empty = "░" * ((4 - score) * BAR_CELLS)
    return f"[{_SCORE_COLOUR.get(score, '$text')}]{filled}[/][dim]{empty}[/]"


def score_text(score: int | None, rationale: str) -> str:
    if score is None:
        return f"[dim]not assessed[/]\n[dim]{escape(rationale)}[/]"
    """The bar and the committee's reason, for one dimension (its title sits in its own column)."""
    return f"{score_bar(score)} {score}/4\n[dim]{escape(rationale)}[/]"


def banner_text(verdict: Verdict) -> str:
    title = recommendation_title(verdict.recommendation.value).upper()
    return f"[b]{title}[/b]  ·  band: {verdict.band.replace('_', ' ')}"


def said_meant_text(verdict: Verdict) -> str:
    return (f"[b]Recruiter:[/b] “{escape(verdict.recruiter_says)}”\n\n"
            f"[b]Committee:[/b] {escape(verdict.actually_meant)}")


def improvements_text(verdict: Verdict) -> str:
    return "\n\n".join(f"[b]{i}. {escape(imp.title)}[/b]  "
                       f"[$text-accent]Shift {imp.shift}: {escape(imp.shift_name)}[/]\n   {escape(imp.detail)}"
                       for i, imp in enumerate(verdict.improvements, 1))


def disqualifiers_text(verdict: Verdict) -> str:
    from agent.taxonomy import SIGNALS

    return "\n".join(f"[$text-error b]✖ {escape(SIGNALS[f.signal].title)}[/]"
                     + (" [dim](persisted after a follow-up)[/]" if f.persisted_after_probe else "")
                     for f in verdict.disqualifiers)


@dataclass(frozen=True)
class EvidenceEntry:
    """One line of the evidence list: a signal, its quotes, and the turn the first quote is from."""

    markup: str
    turn_index: int | None


def _entry(finding: SignalFinding, disqualifier: bool) -> EvidenceEntry:
    from agent.taxonomy import SIGNALS

    title = escape(SIGNALS[finding.signal].title)
    if disqualifier:
        head = f"[$text-error b]✖ DISQUALIFIER[/] [b]{title}[/b]"
    else:
        head = f"{polarity_mark(finding.polarity.value)} [b]{title}[/b] [dim]({finding.polarity.value})[/]"
    lines = [head]
    lines += [f"   [dim]turn {ev.turn_index}[/] “{escape(ev.quote)}”" for ev in finding.evidence]
    if finding.why:
        lines.append(f"   [i]{escape(finding.why)}[/i]")
    return EvidenceEntry("\n".join(lines), finding.evidence[0].turn_index if finding.evidence else None)


def evidence_entries(verdict: Verdict) -> list[EvidenceEntry]:
    """Disqualifiers first, then negative signals, noise, and positives last."""
    rank = {"negative": 0, "noise": 1, "positive": 2}
    disqualified = {f.signal for f in verdict.disqualifiers}
    rest = sorted((f for f in verdict.signals if f.signal not in disqualified),
                  key=lambda f: (rank.get(f.polarity.value, 3), f.signal))
    return [_entry(f, True) for f in verdict.disqualifiers] + [_entry(f, False) for f in rest]
