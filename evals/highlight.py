"""Splitting a turn's text around the quotes a verdict cites, for highlighting in reports."""

from __future__ import annotations

from collections.abc import Iterable

from evals.judged import Judged


def segments(text: str, quotes: Iterable[tuple[str, str]]) -> list[tuple[str, tuple[str, ...]]]:
    """`text` cut into consecutive pieces, each with the labels of the quotes covering it (empty if none).

    `quotes` are (quote, label) pairs; each marks the quote's first occurrence. Overlapping quotes split into
    pieces carrying both labels, so the pieces always join back to `text` exactly.
    """
    spans = []
    for quote, label in quotes:
        at = text.find(quote) if quote else -1
        if at >= 0:
            spans.append((at, at + len(quote), label))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    out: list[tuple[str, tuple[str, ...]]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        labels = tuple(sorted({lab for s, e, lab in spans if s <= a and b <= e}))
        if out and out[-1][1] == labels:
            out[-1] = (out[-1][0] + text[a:b], labels)
        else:
            out.append((text[a:b], labels))
    return out


def turn_quotes(j: Judged) -> dict[int, list[tuple[str, str]]]:
    """Turn index -> (quote, signal) for every evidence quote in the verdict, injection attempts included."""
    out: dict[int, list[tuple[str, str]]] = {}
    for f in j.verdict.signals:
        for ev in f.evidence:
            out.setdefault(ev.turn_index, []).append((ev.quote, f.signal))
    for ev in j.verdict.injection_attempts:
        out.setdefault(ev.turn_index, []).append((ev.quote, "injection_attempt"))
    return out
