"""Pass/fail checks on an eval document, and the exit code they add up to.

Exit codes: 0 every check passed; 2 bad input (a malformed dataset, flag or baseline; a cache miss under
`--offline`); 3 a quality gate failed (a `--fail-under` floor unmet, an evidence quote not verbatim, or an
injection case off its labelled band); 4 a headline figure fell more than `--tolerance` below the baseline.
When both 3 and 4 apply, 3 wins: the run is bad in absolute terms, not only relative to the last one.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from evals.slices import INJECTION

HEADLINE = ("macro_f1", "band_accuracy", "kappa", "recommendation_kappa", "strong_hire_precision")
"""The figures with confidence intervals, `--fail-under` floors and baseline tolerance."""

EXIT_OK = 0
EXIT_BELOW = 3
EXIT_REGRESSION = 4


@dataclass(frozen=True)
class Check:
    kind: str
    """`threshold`, `invariant` or `regression`."""
    name: str
    passed: bool
    detail: str


def parse_floors(spec: str) -> dict[str, float]:
    """`macro_f1=0.75,band_accuracy=0.85` -> {metric: floor}; an argparse `type`, so errors exit 2."""
    floors = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or name not in HEADLINE:
            raise argparse.ArgumentTypeError(
                f"expected METRIC=VALUE pairs with METRIC one of {', '.join(HEADLINE)}; got {part!r}")
        try:
            floors[name] = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{name}: {value.strip()!r} is not a number") from None
    if not floors:
        raise argparse.ArgumentTypeError("no METRIC=VALUE pair given")
    return floors


def threshold_checks(figures: dict, floors: dict[str, float]) -> list[Check]:
    """A figure that cannot be measured (e.g. kappa with no labelled scores) fails its floor."""
    checks = []
    for name, floor in floors.items():
        value = figures.get(name)
        passed = value is not None and value >= floor
        shown = "not measurable" if value is None else f"{value:.3f}"
        checks.append(Check("threshold", f"{name} >= {floor:g}", passed, shown))
    return checks


def invariant_checks(doc: dict) -> list[Check]:
    """What must hold on every run: quotes verbatim, and injection cases on their labelled band."""
    ev = doc["evidence"]
    checks = [Check("invariant", "evidence quotes verbatim", ev["not_verbatim"] == 0,
                    f"{ev['not_verbatim']} of {ev['quotes']} quotes not found verbatim")]
    injection = doc["slices"].get(INJECTION)
    if injection:
        failed = injection["failed"]
        checks.append(Check("invariant", "injection cases on their labelled band", not failed,
                            f"{injection['transcripts']} cases" + (f"; off band: {', '.join(failed)}" if failed
                                                                   else ", all on band")))
    return checks


def exit_code(checks: list[Check]) -> int:
    failed = {c.kind for c in checks if not c.passed}
    if failed & {"threshold", "invariant"}:
        return EXIT_BELOW
    if "regression" in failed:
        return EXIT_REGRESSION
    return EXIT_OK
