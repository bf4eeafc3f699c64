"""`import litellm` costs seconds and ~200 MB: `--help` and the offline path must never pay for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = """
from agent.cli import main
try:
    code = main({argv!r})
except SystemExit as exc:
    code = exc.code
"""
WARM_UP = """
from agent.brains import warm_up
code = warm_up().join()
"""
REPORT = '\nimport sys\nprint("litellm" in sys.modules, code)\n'


def _run(body: str, home: Path, **env: str) -> str:
    """Run `body` in a fresh interpreter with no keys and no reachable Ollama; return its last line."""
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and not k.startswith("INTERVIEWER_")}
    clean.update(INTERVIEWER_HOME=str(home), INTERVIEWER_OLLAMA_URL="http://127.0.0.1:9", **env)
    done = subprocess.run([sys.executable, "-c", body + REPORT], capture_output=True, text=True, env=clean,
                          timeout=120, check=False)
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"], ["personas"]])
def test_help_never_imports_litellm(argv: list[str], tmp_path: Path) -> None:
    assert _run(CLI.format(argv=argv), tmp_path) == "False 0"


def test_an_offline_interview_never_imports_litellm(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"answers": ["I'd start with a logistic regression baseline."]}))
    argv = ["run", "--persona", "meta", "--answers", str(answers), "--questions", "1"]
    assert _run(CLI.format(argv=argv), tmp_path) == "False 0"


def test_warm_up_imports_litellm_in_the_background_only_for_a_model(tmp_path: Path) -> None:
    assert _run(WARM_UP, tmp_path) == "False None"
    assert _run(WARM_UP, tmp_path, INTERVIEWER_MODEL="ollama_chat/qwen2.5") == "True None"
