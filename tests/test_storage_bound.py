"""Bounded storage: a finished interview's checkpoints are compacted to the last one, which is all resume needs."""

from __future__ import annotations

import json

from support import STRONG_ANSWERS, WEAK_ANSWERS

from agent import checkpoints
from agent.cli import main
from agent.session import Interview
from agent.storage import checkpoint_db, list_sessions, sessions_dir

PERSONAS = ("google", "meta", "stripe", "amazon", "netflix")


def _ten_interviews() -> dict[str, list[str]]:
    """Ten finished interviews, strong and weak, on five personas: their turns as they ended."""
    finished = {}
    for i in range(10):
        interview = Interview.start(PERSONAS[i % 5], questions=3, seed=f"bound-{i}")
        for answer in STRONG_ANSWERS if i % 2 else WEAK_ANSWERS:
            if interview.finished:
                break
            interview.answer(answer)
        interview.end()
        finished[interview.session_id] = [t.text for t in interview.turns]
        interview.close()
    return finished


def _sizes() -> tuple[int, int]:
    db = sum(p.stat().st_size for p in checkpoint_db().parent.glob("checkpoints.sqlite*"))  # with any WAL
    return db, sum(p.stat().st_size for p in sessions_dir().glob("*.json"))


def test_ten_finished_interviews_keep_the_database_within_3x_the_session_files(data_home, monkeypatch, capsys):
    with monkeypatch.context() as patch:  # the control: the same ten interviews with compaction switched off
        patch.setenv("INTERVIEWER_HOME", str(data_home.parent / "uncompacted"))
        patch.setattr(checkpoints, "compact", lambda conn, thread_id: None)
        _ten_interviews()
        uncompacted_db, uncompacted_files = _sizes()
    finished = _ten_interviews()
    db, files = _sizes()
    assert uncompacted_db > 3 * uncompacted_files, "the control should exceed the bound, or the test proves nothing"
    assert db <= 3 * files, f"checkpoints.sqlite is {db / files:.1f}x the session files"

    for session_id, turns in finished.items():  # resume still works, and changes nothing
        resumed = Interview.resume(session_id)
        assert resumed.finished and resumed.verdict is not None
        assert [t.text for t in resumed.turns] == turns
        resumed.close()
    history = list_sessions()  # and so does history
    assert {t.id for t in history} == set(finished)
    assert all(t.metadata["status"] == "finished" and t.metadata["verdict"]["recommendation"] for t in history)
    capsys.readouterr()
    assert main(["sessions", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 10
    print(f"checkpoints.sqlite {db:,} bytes = {db / files:.2f}x the session files ({files:,} bytes); "
          f"without compaction {uncompacted_db:,} bytes = {uncompacted_db / uncompacted_files:.1f}x")
