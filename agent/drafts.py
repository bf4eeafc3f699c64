"""Unsent answers, kept on disk per session so a crash or a quit mid-sentence loses nothing.

The core saves every answer once it is sent; this covers the words still in the answer box.
"""

from __future__ import annotations

from pathlib import Path


def draft_path(session_id: str) -> Path:
    from agent.storage import data_home

    return data_home() / "drafts" / f"{session_id}.txt"


def save_draft(session_id: str, text: str) -> None:
    from agent.storage import atomic_write

    path = draft_path(session_id)
    if text.strip():
        atomic_write(path, text)
    else:
        path.unlink(missing_ok=True)


def load_draft(session_id: str) -> str:
    try:
        return draft_path(session_id).read_text(encoding="utf-8")
    except OSError:
        return ""
