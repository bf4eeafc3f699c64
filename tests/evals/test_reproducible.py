"""The eval's figures, recomputed independently from `interviewer judge --json` outputs, must match exactly.

The recomputation is deliberately plain Python: counts from the judge's JSON, F1 = 2TP / (2TP + FP + FN),
macro-F1 as the exactly-rounded mean (math.fsum) of the F1 of every signal with a labelled-present case.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
from eval_helpers import ROOT, TEST_SPLIT, copy_split

from agent.cli import main


def _judge_in_process(path: Path) -> dict:
    out = StringIO()
    with redirect_stdout(out):
        assert main(["judge", str(path), "--json"]) == 0
    return json.loads(out.getvalue())


def _expected(files: list[Path], verdicts: list[dict]) -> dict:
    counts: dict[str, list[int]] = {}
    band_right = band_labelled = 0
    for path, verdict in zip(files, verdicts, strict=True):
        labels = json.loads(path.read_text())["labels"]
        predicted = {s["signal"] for s in verdict["signals"]}
        for signal in labels.get("present", []):
            counts.setdefault(signal, [0, 0, 0])[0 if signal in predicted else 2] += 1
        for signal in labels.get("absent", []):
            c = counts.setdefault(signal, [0, 0, 0])
            c[1] += signal in predicted
        if labels.get("recommendation_band"):
            band_labelled += 1
            band_right += verdict["band"] == labels["recommendation_band"]
    f1 = {s: 2 * tp / (2 * tp + fp + fn) for s, (tp, fp, fn) in counts.items() if tp + fn}
    return {"f1": f1, "tp_fp_fn": counts, "macro_f1": math.fsum(f1.values()) / len(f1),
            "band_accuracy": band_right / band_labelled}


def _check(doc: dict, expected: dict) -> None:
    assert doc["figures"]["macro_f1"] == expected["macro_f1"]
    assert doc["figures"]["band_accuracy"] == expected["band_accuracy"]
    assert {s: v["f1"] for s, v in doc["signals"].items() if v["f1"] is not None} == expected["f1"]
    assert {s: [v["tp"], v["fp"], v["fn"]] for s, v in doc["signals"].items()} == expected["tp_fp_fn"]


def test_eval_on_the_test_split_matches_judge_json_in_process(capsys: pytest.CaptureFixture) -> None:
    files = sorted(TEST_SPLIT.glob("*.json"))
    expected = _expected(files, [_judge_in_process(f) for f in files])
    assert main(["eval", str(TEST_SPLIT), "--json", "--bootstrap", "0"]) == 0
    _check(json.loads(capsys.readouterr().out), expected)


def test_eval_matches_judge_json_through_the_console(tmp_path: Path) -> None:
    folder = copy_split(tmp_path / "ds", 5)
    files = sorted(folder.glob("*.json"))

    def cli(*argv: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "agent.cli", *argv], capture_output=True, text=True,
                              cwd=ROOT, check=True)
        return json.loads(done.stdout)

    expected = _expected(files, [cli("judge", str(f), "--json") for f in files])
    _check(cli("eval", str(folder), "--json", "--bootstrap", "0"), expected)
