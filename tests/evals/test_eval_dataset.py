"""Loading datasets: folders, JSONL, and malformed records named by file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_helpers import TEST_SPLIT, copy_split, run_cli, write_json

from agent.errors import UserError
from evals.dataset import load_dataset


def _record(name: str) -> dict:
    return json.loads((TEST_SPLIT / name).read_text(encoding="utf-8"))


def test_folder_loads_every_transcript_in_name_order() -> None:
    data = load_dataset(TEST_SPLIT)
    names = sorted(p.stem for p in TEST_SPLIT.glob("*.json"))
    assert [t.id for t in data.transcripts] == names and not data.skipped


def test_jsonl_loads_one_transcript_per_line_and_names_the_bad_line(tmp_path: Path) -> None:
    records = [_record(p.name) for p in sorted(TEST_SPLIT.glob("*.json"))[:3]]
    good = tmp_path / "set.jsonl"
    good.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    assert [t.id for t in load_dataset(good).transcripts] == [r["id"] for r in records]

    records[1]["labels"]["present"] = ["not_a_signal"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with pytest.raises(UserError, match=r"bad\.jsonl: line 2: labels\.present.*not_a_signal"):
        load_dataset(bad)
    data = load_dataset(bad, skip_invalid=True)
    assert len(data.transcripts) == 2 and len(data.skipped) == 1 and "line 2" in data.skipped[0]


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    folder = copy_split(tmp_path / "ds", 2)
    (folder / "broken.json").write_text('{\n  "id": "x",\n  "turns": [\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"broken\.json: line \d+: invalid JSON"):
        load_dataset(folder)


def test_field_error_names_the_line_of_the_field(tmp_path: Path) -> None:
    record = _record("test-002-fraud-strong.json")
    record["labels"]["recommendation_band"] = "maybe"
    path = write_json(tmp_path / "x.json", record)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if '"recommendation_band"' in text)
    with pytest.raises(UserError, match=rf"x\.json: line {line}: labels\.recommendation_band"):
        load_dataset(path)


def test_dimension_scores_must_be_on_the_verdict_scale(tmp_path: Path) -> None:
    record = next(_record(p.name) for p in sorted(TEST_SPLIT.glob("*.json"))
                  if _record(p.name)["labels"].get("dimension_scores"))
    record["labels"]["dimension_scores"]["judgment"] = 5
    path = write_json(tmp_path / "x.json", record)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if '"judgment"' in text)
    with pytest.raises(UserError, match=rf"line {line}: labels\.dimension_scores\.judgment: 5 is outside"):
        load_dataset(path)


def test_duplicate_ids_and_empty_or_unlabelled_datasets_are_refused(tmp_path: Path) -> None:
    folder = copy_split(tmp_path / "ds", 1)
    original = next(folder.glob("*.json"))
    (folder / "z-copy.json").write_text(original.read_text())
    with pytest.raises(UserError, match="already used by"):
        load_dataset(folder)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UserError, match="no .json or .jsonl"):
        load_dataset(empty)
    record = _record(original.name)
    del record["labels"]
    with pytest.raises(UserError, match="no transcript has labels"):
        load_dataset(write_json(tmp_path / "unlabelled.json", record))
    with pytest.raises(UserError, match="no such dataset"):
        load_dataset(tmp_path / "missing")


def test_cli_stops_on_a_bad_file_with_exit_2_or_skips_it(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = copy_split(tmp_path / "ds", 3)
    (folder / "broken.json").write_text("{ nope", encoding="utf-8")
    code, out, err = run_cli(capsys, str(folder))
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "broken.json: line 1: invalid JSON" in err

    code, out, err = run_cli(capsys, str(folder), "--skip-invalid", "--json", "--bootstrap", "0")
    doc = json.loads(out)
    assert code == 0 and doc["counts"]["transcripts"] == 3 and doc["counts"]["skipped"] == 1
    assert "skipped 1 invalid transcript(s)" in err and "broken.json: line 1" in err
