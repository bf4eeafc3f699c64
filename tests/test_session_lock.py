"""One writer per session: a second process opening an interview already open gets one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT, STRONG_ANSWERS

from agent.errors import UserError
from agent.session import Interview
from agent.storage import load_session, session_path


def _cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "agent.cli", *args], cwd=ROOT, env=dict(os.environ), text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def _read_until_prompt(proc: subprocess.Popen) -> str:
    seen = ""
    while not seen.endswith("> "):
        char = proc.stdout.read(1)
        assert char, f"the first process ended early: {seen!r} {proc.stderr.read()!r}"
        seen += char
    return seen


def test_a_second_process_on_an_open_interview_gets_one_line_and_nothing_is_lost():
    interview = Interview.start("stripe", questions=1, seed="lock", session_id="shared")
    interview.answer(STRONG_ANSWERS[0])
    interview.close()

    first = _cli("resume", "shared", "--plain")
    try:
        _read_until_prompt(first)  # the first process holds the interview and waits for an answer
        before = session_path("shared").read_bytes()
        second = subprocess.run([sys.executable, "-m", "agent.cli", "resume", "shared", "--plain"], cwd=ROOT,
                                input=STRONG_ANSWERS[2] + "\n\n", capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert second.stderr.splitlines() == ["interviewer: error: interview shared is open in another process"]
        assert "Traceback" not in second.stdout
        assert session_path("shared").read_bytes() == before, "the refused process wrote to the session"

        out, err = first.communicate(STRONG_ANSWERS[1] + "\n\n", timeout=60)  # then end of input: saved
    finally:
        first.kill()
        first.wait()
    assert first.returncode == 0, err
    assert "Continue with: interviewer resume shared" in out
    saved = load_session("shared")
    assert [t.text for t in saved.turns if t.role == "candidate"] == STRONG_ANSWERS[:2]
    assert saved.metadata["status"] == "in_progress" and "pending" not in saved.metadata
    assert STRONG_ANSWERS[2] not in session_path("shared").read_text()


def test_the_lock_goes_with_the_process_or_with_close():
    interview = Interview.start("meta", questions=1, seed="lock", session_id="once")
    try:
        Interview.resume("once")
    except UserError as exc:
        assert str(exc) == "interview once is open in another process"
    else:
        raise AssertionError("a second open of the same interview succeeded")
    interview.close()
    again = Interview.resume("once")  # closed: free again
    again.close()
    killed = subprocess.run([sys.executable, "-c", (
        "import os; from agent.session import Interview\n"
        "Interview.resume('once'); os._exit(9)")], cwd=ROOT, env=dict(os.environ), timeout=60)
    assert killed.returncode == 9
    Interview.resume("once").close()  # a dead holder's lock is released by the OS
