"""Shared fixtures: every test gets its own data home, so nothing touches the user's interviews."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    for key in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "INTERVIEWER_API_BASE"):
        monkeypatch.delenv(key, raising=False)
    # Never let a developer's running Ollama or exported settings switch the core tests to a model.
    monkeypatch.setenv("INTERVIEWER_MODEL", "offline")
    return home
