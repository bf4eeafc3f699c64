"""The agent core (and the CLI module itself) never imports Textual: the TUI is one client of the core."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import agent.session, agent.graph, agent.offline.brain, agent.cli, evals
import agent.plain_chat, agent.coach, agent.drafts, agent.deletion
agent.session.Interview  # the class itself, and everything its module pulled in
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not leaked, leaked
print("headless")
"""


def test_core_imports_without_textual() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "headless"
