"""Helpers for the eval tests: small datasets, synthetic judged transcripts and in-process CLI runs.

A plain module rather than conftest, so `import` finds it whatever conftest other test folders define."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agent.cli import _parser, main
from agent.models import DimensionScore, Labels, SignalFinding, Transcript, Turn, Verdict
from agent.taxonomy import SIGNALS, Dimension, Recommendation
from evals.cli import cmd_eval
from evals.judged import Judged

ROOT = Path(__file__).resolve().parents[2]
TEST_SPLIT = ROOT / "evals" / "datasets" / "test"


def copy_split(dest: Path, n: int | None = None) -> Path:
    """The first `n` transcripts of the test split, copied to `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(TEST_SPLIT.glob("*.json"))[:n]:
        shutil.copy(path, dest / path.name)
    return dest


def write_json(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    """`interviewer eval ...` through the real entry point; (exit code, stdout, stderr)."""
    code = main(["eval", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_with_brain(capsys: pytest.CaptureFixture, brain: object, *argv: str) -> tuple[int, str, str]:
    """The eval command with `brain` injected through the documented hook."""
    code = cmd_eval(_parser().parse_args(["eval", *argv]), brain=brain)
    out, err = capsys.readouterr()
    return code, out, err


def make_judged(present: tuple[str, ...] = (), absent: tuple[str, ...] = (), predicted: tuple[str, ...] = (),
                band: str | None = None, recommendation: str = "hire", labelled_scores: dict | None = None,
                scores: dict | None = None, tid: str = "t") -> Judged:
    """A synthetic judged transcript for metric arithmetic (the verdict is built without validation)."""
    transcript = Transcript(id=tid, persona="google", turns=[Turn(role="candidate", text="an answer")],
                            labels=Labels(present=list(present), absent=list(absent), recommendation_band=band,
                                          dimension_scores=labelled_scores))
    rec = Recommendation(recommendation)
    verdict = Verdict.model_construct(
        recommendation=rec, band=rec.band,
        scores={d: DimensionScore(score=(scores or {}).get(d, 2), rationale="") for d in Dimension},
        signals=[SignalFinding.model_construct(signal=s, polarity=SIGNALS[s].polarity, evidence=[])
                 for s in predicted],
        injection_attempts=[])
    return Judged(transcript, verdict)
