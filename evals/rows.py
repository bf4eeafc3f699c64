"""The tables every rendering shows (terminal, HTML, Markdown), as a header and rows of strings."""

from __future__ import annotations

from evals.metrics import RECOMMENDATIONS

Table = tuple[tuple[str, ...], list[tuple[str, ...]]]
FIGURES = (("macro_f1", "macro-F1"), ("band_accuracy", "band accuracy"), ("kappa", "kappa (quadratic)"),
           ("recommendation_kappa", "5-level kappa (quadratic)"), ("strong_hire_precision", "strong_hire precision"))


def num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def figure_rows(doc: dict) -> Table:
    ci = doc["ci"]
    rows = []
    for name, label in FIGURES:
        interval = ci.get(name)
        rows.append((label, num(doc["figures"][name]),
                     f"[{interval[0]:.3f}, {interval[1]:.3f}]" if interval else "-"))
    ev = doc["evidence"]
    rows.append(("evidence not verbatim", f"{ev['not_verbatim']}/{ev['quotes']}", ""))
    return ("figure", "value", f"{ci['level']:.0%} CI ({ci['resamples']} resamples)"), rows


def signal_rows(doc: dict) -> Table:
    return (("signal", "precision", "recall", "F1", "support", "labelled"),
            [(s, num(v["precision"]), num(v["recall"]), num(v["f1"]), str(v["support"]), str(v["labelled"]))
             for s, v in doc["signals"].items()])


def confusion_rows(doc: dict) -> Table:
    return (("labelled band", *RECOMMENDATIONS),
            [(band, *(str(row[r]) for r in RECOMMENDATIONS)) for band, row in doc["confusion"].items()])


def slice_rows(doc: dict) -> Table:
    rows = []
    for name, s in doc["slices"].items():
        verdict = "" if "passed" not in s else ("pass" if s["passed"] else "FAIL: " + ", ".join(s["failed"]))
        rows.append((name, str(s["transcripts"]), num(s["band_accuracy"]), num(s["macro_f1"]),
                     num(s.get("recommendation_kappa")), num(s.get("strong_hire_precision")), verdict))
    return ("slice", "n", "band accuracy", "macro-F1", "5-level kappa", "strong_hire precision", "injection"), rows


def check_lines(doc: dict) -> list[str]:
    return [f"{'PASS' if c['passed'] else 'FAIL'} {c['name']}: {c['detail']}" for c in doc["checks"]]
