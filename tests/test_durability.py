"""A killed process loses nothing: the answer is on disk before any brain call, and resume continues."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from support import ROOT, STRONG_ANSWERS

from agent.session import Interview
from agent.storage import load_transcript, sessions_dir

SLOW_SCRIPT = textwrap.dedent("""
    import sys, time
    from agent.offline.brain import OfflineBrain
    from agent.session import Interview

    class SlowSecondTurn(OfflineBrain):
        calls = 0
        def respond(self, ctx, on_text=None):
            SlowSecondTurn.calls += 1
            if SlowSecondTurn.calls == 2:
                print("THINKING", flush=True)
                time.sleep(60)
            return super().respond(ctx, on_text)

    interview = Interview.start("google", questions=2, seed="k", session_id="killed", brain=SlowSecondTurn())
    interview.answer(sys.argv[1])
    interview.answer(sys.argv[2])
""")


def test_kill_during_the_brain_call_then_resume_loses_nothing(data_home):
    env = {**os.environ, "INTERVIEWER_HOME": str(data_home)}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_SCRIPT, STRONG_ANSWERS[0], STRONG_ANSWERS[1]],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        assert proc.stdout.readline().strip() == "THINKING"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    saved = load_transcript(sessions_dir() / "killed.json")
    assert saved.metadata["status"] == "in_progress"
    assert [t.text for t in saved.turns if t.role == "candidate"] == STRONG_ANSWERS[:2]

    interview = Interview.resume("killed")
    candidate = [t.text for t in interview.turns if t.role == "candidate"]
    assert candidate == STRONG_ANSWERS[:2]
    assert interview.turns[-1].role == "interviewer" and interview.waiting_for_answer
    interview.answer(STRONG_ANSWERS[2])
    interview.end()
    assert interview.finished
    interview.close()


def test_an_answer_written_before_the_graph_saw_it_is_replayed_on_resume():
    interview = Interview.start("stripe", questions=1, seed="p", session_id="pending")
    interview.metadata["pending"] = {"answer": STRONG_ANSWERS[0], "turn": len(interview.turns)}
    interview._save()
    interview.close()
    resumed = Interview.resume("pending")
    assert resumed.turns[1].text == STRONG_ANSWERS[0]
    assert resumed.turns[2].role == "interviewer"
    assert "pending" not in load_transcript(sessions_dir() / "pending.json").metadata
    resumed.close()


def test_every_turn_is_in_the_public_transcript_file_as_it_happens():
    interview = Interview.start("meta", questions=1, seed="f", session_id="live")
    path = sessions_dir() / "live.json"
    for answer in STRONG_ANSWERS[:2]:
        interview.answer(answer)
        on_disk = load_transcript(path)
        assert [t.text for t in on_disk.turns] == [t.text for t in interview.turns]
    interview.close()
