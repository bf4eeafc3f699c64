"""Comparing a run with a saved `--json` run: band flips, signals gained or lost, headline regressions."""

from __future__ import annotations

import json
from pathlib import Path

from agent.errors import UserError, read_user_file, too_deep
from evals.document import FORMAT
from evals.gates import HEADLINE, Check


def load_baseline(path: Path) -> dict:
    text = read_user_file(path, "baseline")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: line {exc.lineno}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise UserError(too_deep(path)) from None
    if not _well_formed(doc):
        raise UserError(f"{path}: line 1: not an `interviewer eval --json` report (format {FORMAT})")
    return doc


def _well_formed(doc: object) -> bool:
    """The parts `compare` reads: the figures and, per transcript, its id, band and predicted signals."""
    return (isinstance(doc, dict) and doc.get("format") == FORMAT and isinstance(doc.get("figures"), dict)
            and isinstance(doc.get("transcripts"), list)
            and all(isinstance(t, dict) and isinstance(t.get("id"), str) and isinstance(t.get("band"), str)
                    and isinstance(t.get("predicted_signals"), list) for t in doc["transcripts"]))


def compare(baseline: dict, current: dict, tolerance: float) -> tuple[dict, list[Check]]:
    """The differences, and one regression check per headline figure measured in both runs. A figure may fall
    by up to `tolerance` (absolute) before it counts as a regression."""
    before = {t["id"]: t for t in baseline["transcripts"]}
    after = {t["id"]: t for t in current["transcripts"]}
    common = [i for i in after if i in before]
    flips = [{"id": i, "before": before[i]["band"], "after": after[i]["band"],
              "labelled": after[i]["labelled_band"]}
             for i in common if before[i]["band"] != after[i]["band"]]
    changes = []
    for i in common:
        old, new = set(before[i]["predicted_signals"]), set(after[i]["predicted_signals"])
        if old != new:
            changes.append({"id": i, "gained": sorted(new - old), "lost": sorted(old - new)})
    figures, checks = {}, []
    for name in HEADLINE:
        b, a = baseline["figures"].get(name), current["figures"].get(name)
        figures[name] = {"before": b, "after": a, "delta": None if a is None or b is None else a - b}
        if a is not None and b is not None:
            passed = a >= b - tolerance - 1e-12
            checks.append(Check("regression", f"{name} vs baseline", passed,
                                f"{b:.3f} -> {a:.3f} ({a - b:+.3f}, tolerance {tolerance:g})"))
    diff = {
        "dataset": baseline.get("dataset"),
        "tolerance": tolerance,
        "figures": figures,
        "band_flips": flips,
        "signal_changes": changes,
        "only_in_baseline": sorted(set(before) - set(after)),
        "only_in_run": sorted(set(after) - set(before)),
    }
    return diff, checks
