"""The CLI as a user meets it: outputs, and one-line errors with exit code 2 for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from support import ROOT, STRONG_ANSWERS, WEAK_ANSWERS, write_answers

from agent.cli import main


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "agent.cli", *args], capture_output=True, text=True, cwd=ROOT)


def test_run_json_has_the_documented_shape(tmp_path, capsys):
    answers = write_answers(tmp_path / "a.json", STRONG_ANSWERS)
    out = tmp_path / "t.json"
    assert main(["run", "--persona", "google", "--answers", str(answers), "--json", "--out", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"session_id", "persona", "turns", "verdict"} <= set(data)
    assert data["verdict"]["recommendation"] in ("lean_hire", "hire", "strong_hire")
    saved = json.loads(out.read_text())
    assert saved["id"] == data["session_id"] and saved["turns"] == data["turns"]


def test_judge_reads_a_transcript_and_sessions_lists_it(tmp_path, capsys):
    answers = write_answers(tmp_path / "a.json", WEAK_ANSWERS)
    out = tmp_path / "t.json"
    main(["run", "--persona", "startup", "--answers", str(answers), "--out", str(out)])
    capsys.readouterr()
    assert main(["judge", str(out), "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["band"] == "no_hire"
    assert main(["sessions", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["status"] == "finished" and listed[0]["recommendation"] == verdict["recommendation"]


def test_personas_lists_all_six(capsys):
    assert main(["personas", "--json"]) == 0
    ids = {p["id"] for p in json.loads(capsys.readouterr().out)}
    assert {"google", "amazon", "meta", "netflix", "stripe", "startup"} <= ids


@pytest.mark.parametrize("content,needle", [
    (None, "no such answers file"),
    ("{not json", "invalid JSON"),
    ('{"answers": []}', "empty"),
    ('{"answers": "one string"}', "list of strings"),
])
def test_bad_answers_files_are_one_line_exit_2(tmp_path, content, needle):
    path = tmp_path / "answers.json"
    if content is not None:
        path.write_text(content)
    proc = cli("run", "--persona", "google", "--answers", str(path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and needle in proc.stderr


def test_unknown_persona_and_bad_transcript_are_one_line(tmp_path):
    answers = write_answers(tmp_path / "a.json", ["hi"])
    proc = cli("run", "--persona", "nope", "--answers", str(answers))
    assert proc.returncode == 2 and "unknown persona 'nope'" in proc.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "id": "x",\n  "persona": "google",\n  "turns": [\n    {"role": "judge", "text": "hi"}\n  ]\n}')
    proc = cli("judge", str(bad))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "bad.json" in proc.stderr and "turns[0].role" in proc.stderr and "line 5" in proc.stderr
    proc = cli("resume", "does-not-exist")
    assert proc.returncode == 2 and "no saved interview" in proc.stderr


def test_help_is_fast_and_imports_no_heavy_library():
    code = ("import sys; from agent.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('langgraph', 'litellm', 'textual', 'openai') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "HEAVY []" in proc.stdout
    assert "run" in proc.stdout and "judge" in proc.stdout
