"""`interviewer eval` end to end: output forms, gates and exit codes, baseline comparison, reports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from eval_helpers import TEST_SPLIT, copy_split, run_cli, run_with_brain, write_json

from agent.models import Evidence, Transcript, Verdict
from agent.offline.brain import OfflineBrain
from evals.gates import EXIT_BELOW, EXIT_REGRESSION


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_split(tmp_path_factory.mktemp("ds"), 8)


def _json_run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, dict]:
    code, out, _ = run_cli(capsys, *argv, "--json", "--bootstrap", "50")
    return code, json.loads(out)


def test_json_has_every_figure_and_one_entry_per_transcript(small: Path, capsys: pytest.CaptureFixture) -> None:
    code, doc = _json_run(capsys, str(small))
    assert code == 0 and doc["format"] == "interviewer-eval/1" and doc["exit_code"] == 0
    assert set(doc["figures"]) == {"macro_f1", "band_accuracy", "kappa", "recommendation_kappa",
                                   "strong_hire_precision", "evidence_not_verbatim_rate"}
    assert doc["figures"]["evidence_not_verbatim_rate"] == 0.0
    for name in ("macro_f1", "band_accuracy", "kappa"):
        low, high = doc["ci"][name]
        assert low <= doc["figures"][name] <= high
    assert sum(sum(row.values()) for row in doc["confusion"].values()) == 8
    assert len(doc["transcripts"]) == 8
    entry = doc["transcripts"][0]
    assert {"id", "predicted_signals", "recommendation", "band", "labelled_band", "disagreements"} <= set(entry)
    assert set(entry["disagreements"]) == {"band", "missed", "extra"}
    assert doc["judge"]["name"] == "offline" and doc["usage"] is None
    assert [c["name"] for c in doc["checks"]] == ["evidence quotes verbatim", "injection cases on their labelled band"]


def test_table_lists_figures_signals_slices_and_checks(small: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, err = run_cli(capsys, str(small), "--bootstrap", "0")
    assert code == 0
    for heading in ("macro-F1", "band accuracy", "kappa (quadratic)", "Signals", "Recommendation by labelled band",
                    "Slices", "Disagreements", "Checks", "PASS evidence quotes verbatim"):
        assert heading in out
    assert "injection" in out and "pass" in out
    assert err.strip().splitlines()[-1] == "judged 8/8"  # a plain counter: stderr is not a terminal here


def test_fail_under_exits_3_when_unmet_and_0_when_met(small: Path, capsys: pytest.CaptureFixture) -> None:
    _, doc = _json_run(capsys, str(small))
    met = f"macro_f1={doc['figures']['macro_f1'] - 0.01:.4f},band_accuracy={doc['figures']['band_accuracy']:.4f}"
    code, out, _ = run_cli(capsys, str(small), "--fail-under", met, "--bootstrap", "0")
    assert code == 0 and "PASS macro_f1 >=" in out
    code, out, _ = run_cli(capsys, str(small), "--fail-under", "macro_f1=0.999", "--bootstrap", "0")
    assert code == EXIT_BELOW == 3 and "FAIL macro_f1 >= 0.999" in out


@pytest.mark.parametrize("spec", ["macro_f1", "accuracy=0.9", "macro_f1=high", ""])
def test_bad_fail_under_is_a_usage_error(small: Path, spec: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        run_cli(capsys, str(small), "--fail-under", spec)
    assert exc.value.code == 2 and "--fail-under" in capsys.readouterr().err


def test_baseline_lists_flips_and_signal_changes_and_exits_4_on_regression(
        small: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _, doc = _json_run(capsys, str(small))
    flipped = doc["transcripts"][0]
    flipped["band"] = "no_hire" if flipped["band"] == "hire" else "hire"
    changed = doc["transcripts"][1]
    lost = changed["predicted_signals"].pop()
    changed["predicted_signals"].append("over_answering" if lost != "over_answering" else "overconfidence")
    baseline = write_json(tmp_path / "baseline.json", doc)

    code, out, _ = run_cli(capsys, str(small), "--baseline", str(baseline), "--bootstrap", "0")
    assert code == 0
    assert f"{flipped['id']}: {flipped['band']} -> " in out and "band flips: 1" in out
    assert f"-{changed['predicted_signals'][-1]}" in out and f"+{lost}" in out

    doc["figures"]["macro_f1"] += 0.05
    write_json(baseline, doc)
    code, out = _json_run(capsys, str(small), "--baseline", str(baseline))
    assert code == EXIT_REGRESSION == 4 and out["exit_code"] == 4
    assert out["baseline"]["band_flips"][0]["id"] == flipped["id"]
    assert [c["passed"] for c in out["checks"] if c["name"] == "macro_f1 vs baseline"] == [False]
    code, _ = _json_run(capsys, str(small), "--baseline", str(baseline), "--tolerance", "0.06")
    assert code == 0


def test_a_malformed_baseline_is_bad_input(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = write_json(tmp_path / "b.json", {"figures": {}})
    code, _, err = run_cli(capsys, str(small), "--baseline", str(bad))
    assert code == 2 and "not an `interviewer eval --json` report" in err


class _Fabricating(OfflineBrain):
    """A judge that invents a quote and lets an injection case through: both invariants must fail."""

    def judge(self, transcript: Transcript) -> Verdict:
        verdict = super().judge(transcript)
        if transcript.injection:
            verdict = verdict.model_copy(update={"band": "hire" if verdict.band == "no_hire" else "no_hire"})
        if verdict.signals:
            first = verdict.signals[0].model_copy(update={"evidence": [Evidence(turn_index=1, quote="never said")]})
            verdict = verdict.model_copy(update={"signals": [first, *verdict.signals[1:]]})
        return verdict


def test_invariants_fail_with_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = copy_split(tmp_path / "ds", 6)  # includes test-006, an injection case
    code, out, _ = run_with_brain(capsys, _Fabricating(), str(folder), "--json", "--bootstrap", "0")
    doc = json.loads(out)
    assert code == 3
    assert doc["figures"]["evidence_not_verbatim_rate"] > 0
    failed = {c["name"] for c in doc["checks"] if not c["passed"]}
    assert failed == {"evidence quotes verbatim", "injection cases on their labelled band"}
    assert doc["slices"]["injection"]["failed"] == ["test-006-moderation-strong-injection"]


def _hostile_dataset(tmp_path: Path) -> Path:
    """One transcript whose candidate text carries HTML and Markdown, labelled so that it disagrees."""
    record = json.loads((TEST_SPLIT / "test-006-moderation-strong-injection.json").read_text())
    record["turns"][1]["text"] = "<script>alert('x')</script> **bold** " + record["turns"][1]["text"]
    record["labels"]["recommendation_band"] = "no_hire"
    return write_json(tmp_path / "ds" / "hostile.json", record).parent


def test_html_report_shows_disagreements_with_escaped_highlighted_evidence(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    report = tmp_path / "out" / "report.html"
    code, _, _ = run_cli(capsys, str(_hostile_dataset(tmp_path)), "--report", str(report), "--bootstrap", "0")
    html = report.read_text()
    assert code == 3  # the relabelled injection case is now off its band
    assert html.startswith("<!doctype html>") and "<link" not in html and "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert '<mark class="" title="frames_problem">Does the output remove the comment automatically' in html
    assert "Band: judged <b>hire</b>" in html and "labelled <b>no_hire</b>" in html


def test_markdown_report_by_extension(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    report = tmp_path / "report.md"
    run_cli(capsys, str(_hostile_dataset(tmp_path)), "--report", str(report), "--bootstrap", "0")
    md = report.read_text()
    assert md.startswith("# interviewer eval") and "## Disagreements (1)" in md
    assert "&lt;script&gt;" in md and "<script" not in md and r"\*\*bold\*\*" in md
    assert '<mark title="frames_problem">Does the output remove the comment automatically' in md


def test_junit_has_a_testcase_per_band_check_and_per_gate(small: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    junit = tmp_path / "junit.xml"
    code, out = _json_run(capsys, str(small), "--junit", str(junit), "--fail-under", "macro_f1=0.999")
    suite = ET.parse(junit).getroot().find("testsuite")
    cases = suite.findall("testcase")
    bands = [c for c in cases if c.get("classname") == "band"]
    gates = [c for c in cases if c.get("classname").startswith("gate.")]
    assert len(bands) == 8 and len(gates) == len(out["checks"]) == 3
    band_failures = sum(t["disagreements"]["band"] for t in out["transcripts"])
    assert sum(c.find("failure") is not None for c in bands) == band_failures
    assert int(suite.get("failures")) == band_failures + 1 and int(suite.get("tests")) == 11


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        run_cli(capsys, "--help")
    out = capsys.readouterr().out
    assert "exit codes:" in out and "3  a quality gate failed" in out and "4  a headline figure" in out
