"""What the app remembers between runs that is not an interview: the theme. `<data home>/tui.json`."""

from __future__ import annotations

import json
from pathlib import Path


def settings_path() -> Path:
    from agent.storage import data_home

    return data_home() / "tui.json"


def load_theme() -> str | None:
    """The theme chosen last time, or None (a missing or unreadable file is no theme, never an error)."""
    try:
        theme = json.loads(settings_path().read_text(encoding="utf-8")).get("theme")
    except (OSError, ValueError, AttributeError):
        return None
    return theme if isinstance(theme, str) else None


def save_theme(theme: str) -> None:
    """Remember the theme. Best effort: a read-only data home just means it is not remembered."""
    from agent.storage import atomic_write

    try:
        settings_path().parent.mkdir(parents=True, exist_ok=True)
        atomic_write(settings_path(), json.dumps({"theme": theme}) + "\n")
    except OSError:
        pass
