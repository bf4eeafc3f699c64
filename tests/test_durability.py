"""A killed process loses nothing: the answer is on disk before any brain call, and resume continues."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from support import ROOT, STRONG_ANSWERS

from agent.errors import UserError
from agent.session import Interview
from agent.storage import list_sessions, load_session, load_transcript, sessions_dir

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


def test_a_start_killed_before_its_first_checkpoint_resumes_from_the_saved_question_list(monkeypatch):
    from agent import session

    def killed(self, payload, on_delta=None):
        raise KeyboardInterrupt  # stands in for a death right after the session file was first written

    with monkeypatch.context() as patch:
        patch.setattr(session.Interview, "_run", killed)
        with pytest.raises(KeyboardInterrupt):
            Interview.start("amazon", questions=2, seed="s", session_id="half-started")
    saved = load_session("half-started")
    assert saved.turns == [] and len(saved.metadata["question_ids"]) == 2
    resumed = Interview.resume("half-started")
    assert resumed.waiting_for_answer and resumed.turns[0].kind == "question"
    resumed.close()


def test_a_damaged_checkpoint_database_is_named_on_resume_and_moved_aside_for_a_new_interview(data_home):
    Interview.start("google", questions=1, seed="d", session_id="before-damage").close()
    db = data_home / "checkpoints.sqlite"
    db.write_bytes(b"this is not a database" * 200)
    with pytest.raises(UserError) as err:
        Interview.resume("before-damage")
    assert str(err.value).startswith(f"{db}: the checkpoint database is damaged (file is not a database)")
    assert f"mv {db} {db}.damaged" in str(err.value)

    fresh = Interview.start("google", questions=1, seed="d", session_id="after-damage")
    assert len(fresh.warnings) == 1 and "moved it aside" in fresh.warnings[0]
    fresh.answer(STRONG_ANSWERS[0])
    fresh.end()
    assert fresh.finished
    fresh.close()
    moved = list(data_home.glob("checkpoints.sqlite.damaged-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not a database")
    with pytest.raises(UserError, match="has no checkpoint in .* to continue from; its transcript is in"):
        Interview.resume("before-damage")


def test_an_answer_over_the_size_limit_is_refused_before_anything_is_saved():
    interview = Interview.start("meta", questions=1, seed="big", session_id="big")
    with pytest.raises(UserError, match="an answer can be at most 20,000 characters; this one has 10,000,000"):
        interview.answer("x" * 10_000_000)
    assert "pending" not in load_session("big").metadata
    interview.close()


def test_a_new_run_goes_ahead_past_a_damaged_database_and_says_so(data_home, tmp_path, capsys):
    from support import write_answers

    from agent.cli import main

    data_home.mkdir(parents=True)
    (data_home / "checkpoints.sqlite").write_bytes(b"\x00garbage" * 1000)
    answers = write_answers(tmp_path / "a.json", STRONG_ANSWERS[:2])
    assert main(["run", "--persona", "google", "--answers", str(answers), "--json"]) == 0
    err = capsys.readouterr().err
    assert "interviewer: warning:" in err and "checkpoints.sqlite was damaged" in err and "moved it aside" in err
    assert len(list(data_home.glob("checkpoints.sqlite.damaged-*"))) == 1


def test_a_user_error_from_the_model_layer_is_one_line_exit_2_and_the_answer_waits(tmp_path, monkeypatch, capsys):
    """A stand-in for the LLM layer refusing a key (it raises UserError, as agent/llm does for a 401)."""
    from support import write_answers

    from agent import brains
    from agent.cli import main
    from agent.offline.brain import OfflineBrain

    class RejectedKey(OfflineBrain):
        def respond(self, ctx, on_text=None):
            raise UserError("openai/gpt-4o-mini rejected the API key (HTTP 401); check OPENAI_API_KEY")

    monkeypatch.setattr(brains, "resolve_brain", lambda model=None: RejectedKey())
    answers = write_answers(tmp_path / "a.json", STRONG_ANSWERS[:2])
    assert main(["run", "--persona", "meta", "--answers", str(answers)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines()[-1] == ("interviewer: error: openai/gpt-4o-mini rejected the API key (HTTP 401); "
                                             "check OPENAI_API_KEY")
    assert "Traceback" not in captured.err and captured.out == ""
    saved = list_sessions()[0]
    assert saved.metadata["pending"]["answer"] == STRONG_ANSWERS[0]  # kept for the resume, not lost
