"""`interviewer eval DATASET`: the parser and the command.

Only argparse-level modules are imported here, because `agent.cli` builds this parser on every start; the
command imports the rest (numpy, scikit-learn, the brains) when it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from agent.errors import UserError, check_output_path
from evals.gates import parse_floors

if TYPE_CHECKING:
    from evals.judged import Judged

DESCRIPTION = """\
Run the judge over every labelled transcript in DATASET (a folder of public-format .json/.jsonl files, or one
JSONL file) and score it against the labels: per-signal precision/recall/F1 and macro-F1, hire/no-hire band
accuracy and the recommendation confusion matrix, quadratic-weighted kappa on labelled dimension scores, the
rate of evidence quotes not found verbatim, and bootstrap confidence intervals. Tags and injection cases are
also reported as slices. LLM verdicts are cached by content under the data home, so a re-run costs nothing.
"""

DEFAULT_CONCURRENCY = 4

EPILOG = """\
exit codes:
  0  every check passed
  2  bad input: a malformed dataset file (named with its line), flag or baseline; a cache miss with --offline
  3  a quality gate failed: a --fail-under floor unmet, an evidence quote not verbatim, or an injection case
     judged off its labelled band
  4  a headline figure (macro_f1, band_accuracy, kappa) fell more than --tolerance below the --baseline run
  (3 wins over 4)
"""


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text}")
    return value


def _non_negative(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        value = kind(text)
        if value < 0:
            raise argparse.ArgumentTypeError(f"expected a non-negative number, got {text}")
        return value

    parse.__name__ = kind.__name__
    return parse


def add_eval_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the judge against a labelled dataset", description=DESCRIPTION,
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dataset", type=Path, metavar="DATASET", help="folder of transcript files, or a JSONL file")
    p.add_argument("--model", metavar="MODEL",
                   help="litellm model string for an LLM judge (default: the offline engine, whatever the "
                        "environment holds, so a default run is reproducible)")
    p.add_argument("--concurrency", type=_positive_int, metavar="N",
                   help=f"LLM judge calls in flight (default {DEFAULT_CONCURRENCY}; 1 for the offline engine)")
    p.add_argument("--cache-dir", type=Path, metavar="DIR",
                   help="verdict cache (default: <data home>/eval-cache)")
    p.add_argument("--offline", action="store_true",
                   help="never call a provider: a verdict missing from the cache is an error")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--report", type=Path, metavar="PATH",
                   help="write a self-contained HTML report (Markdown if PATH ends in .md)")
    p.add_argument("--junit", type=Path, metavar="PATH", help="write JUnit XML for CI")
    p.add_argument("--baseline", type=Path, metavar="REPORT.json",
                   help="a saved --json run to compare with: band flips, signals gained or lost, regressions")
    p.add_argument("--fail-under", type=parse_floors, metavar="METRIC=VALUE,...",
                   help="floors on macro_f1, band_accuracy, kappa, e.g. macro_f1=0.75,band_accuracy=0.85")
    p.add_argument("--tolerance", type=_non_negative(float), default=0.02, metavar="X",
                   help="how far a headline figure may fall below the baseline (default 0.02)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="skip malformed transcripts (each named on stderr) instead of stopping")
    p.add_argument("--bootstrap", type=_non_negative(int), default=1000, metavar="N",
                   help="bootstrap resamples for the confidence intervals (default 1000; 0 for none)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")


def _write(path: Path, text: str) -> None:
    from agent.storage import atomic_write

    try:
        atomic_write(path, text)
    except OSError as exc:
        raise UserError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _evaluate(args: argparse.Namespace, brain: object | None) -> tuple[dict, list[Judged]]:
    """Load, judge, score and check: the eval document (with its exit code) and the judged transcripts."""
    from agent.brains import resolve_brain
    from agent.storage import data_home
    from evals.baseline import compare, load_baseline
    from evals.cache import VerdictCache
    from evals.dataset import load_dataset
    from evals.document import build_document
    from evals.gates import exit_code, invariant_checks, threshold_checks
    from evals.progress import Progress
    from evals.runner import is_provider, run_judge

    dataset = load_dataset(args.dataset, skip_invalid=args.skip_invalid)
    for line in dataset.skipped:
        print(f"interviewer eval: skipped: {line}", file=sys.stderr)
    if dataset.skipped:
        print(f"interviewer eval: skipped {len(dataset.skipped)} invalid transcript(s)", file=sys.stderr)
    baseline = load_baseline(args.baseline) if args.baseline else None
    brain = brain or resolve_brain(args.model or "offline")
    provider = is_provider(brain)
    cache = VerdictCache(args.cache_dir or data_home() / "eval-cache") if provider else None
    judged = run_judge(dataset.transcripts, brain, cache=cache, offline=args.offline,
                       concurrency=args.concurrency or (DEFAULT_CONCURRENCY if provider else 1),
                       progress=Progress(len(dataset.transcripts)))
    doc = build_document(judged, dataset=str(args.dataset), skipped=dataset.skipped, resamples=args.bootstrap,
                         seed=args.seed, provider=provider,
                         judge={"name": getattr(brain, "name", type(brain).__name__),
                                "info": getattr(brain, "info", {})})
    if doc["counts"]["fallbacks"]:
        print(f"interviewer eval: {doc['counts']['fallbacks']} verdict(s) came from the offline fallback after "
              "model errors; they are scored but not cached, so a re-run asks the model again", file=sys.stderr)
    checks = invariant_checks(doc) + threshold_checks(doc["figures"], args.fail_under or {})
    if baseline is not None:
        doc["baseline"], regressions = compare(baseline, doc, args.tolerance)
        checks += regressions
    doc["checks"] = [asdict(c) for c in checks]
    doc["exit_code"] = exit_code(checks)
    return doc, judged


def cmd_eval(args: argparse.Namespace, brain: object | None = None) -> int:
    """Run the eval, print it, write the requested files, and return the exit code.

    `brain` is the hook for any object with `.judge(transcript) -> Verdict` (e.g. `evals.stand_in`'s stand-in
    LLM judge in tests and benchmarks); without it, `--model` names the LLM judge, else the offline engine.
    """
    from evals.junit import render_junit
    from evals.report_html import render_html
    from evals.report_md import render_markdown
    from evals.table import render_table

    for flag, path in (("--report", args.report), ("--junit", args.junit)):
        if path:
            check_output_path(path, flag)  # before the (possibly paid) run, not after it
    doc, judged = _evaluate(args, brain)
    print(json.dumps(doc, indent=2, default=str) if args.json else render_table(doc))
    if args.report:
        markdown = args.report.suffix.lower() in (".md", ".markdown")
        _write(args.report, render_markdown(doc, judged) if markdown else render_html(doc, judged))
    if args.junit:
        _write(args.junit, render_junit(doc))
    return doc["exit_code"]
