"""Exactly once: a death at every write of an answer and of the verdict, then a resume, loses and repeats nothing.

Deterministic fault injection. A census run of the step counts its writes: every `SqliteSaver.put` and
`put_writes` (a checkpoint, a step's writes), every session-file write (split at its two instants: the temp
file written but not yet renamed, and renamed) and the compaction of a finished interview. Then, for each write
k, a forked child takes the same step and dies (`os._exit`, no cleanup, as under kill -9) right after write k.
The parent resumes with no input, finishes the interview, and compares it with an uninterrupted run: the same
turns (each answer once, no interviewer line re-rolled), the same verdict, the file finished, no temp file.

Linux-style fork: the children share the parent's imports, so ~30 deaths cost about a second each way.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from support import STRONG_ANSWERS, WEAK_ANSWERS

from agent import checkpoints
from agent.session import Interview
from agent.storage import list_sessions, load_session

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill suite forks")

DIED = 86  # exit status of a simulated death
SID = "kill-me"
ANSWERS = [STRONG_ANSWERS[0], WEAK_ANSWERS[1], STRONG_ANSWERS[2], WEAK_ANSWERS[3]]
Step = Callable[[Interview], object]


class Writes:
    """Counts the writes to disk that follow `arm()`; with `die_after`, the process dies right after that one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch | None = None, die_after: int | None = None):
        from langgraph.checkpoint.sqlite import SqliteSaver

        self.labels: list[str] = []
        self.die_after = die_after
        self.armed = False
        put, put_writes, replace, compact = SqliteSaver.put, SqliteSaver.put_writes, os.replace, checkpoints.compact

        def hook_put(saver, config, checkpoint, metadata, new_versions):
            out = put(saver, config, checkpoint, metadata, new_versions)
            self._wrote(f"checkpoint (step {metadata.get('step')})")
            return out

        def hook_put_writes(saver, config, writes, task_id, task_path=""):
            put_writes(saver, config, writes, task_id, task_path)
            self._wrote("writes " + "+".join(w[0] for w in writes if not w[0].startswith("branch:")))

        def hook_replace(src, dst):
            name = Path(dst).name
            self._wrote(f"{name}: temp file written, not renamed")
            replace(src, dst)
            self._wrote(f"{name}: renamed")

        def hook_compact(conn, thread_id):
            compact(conn, thread_id)
            self._wrote("compaction")

        patches = [(SqliteSaver, "put", hook_put), (SqliteSaver, "put_writes", hook_put_writes),
                   (os, "replace", hook_replace), (checkpoints, "compact", hook_compact)]
        for owner, name, hook in patches:
            if monkeypatch:
                monkeypatch.setattr(owner, name, hook)
            else:  # in a forked child that is about to die: no need to undo
                setattr(owner, name, hook)

    def arm(self) -> None:
        self.armed = True

    def _wrote(self, label: str) -> None:
        if not self.armed:
            return
        self.labels.append(label)
        if len(self.labels) == self.die_after:
            os._exit(DIED)


def _die_in_child(home: Path, k: int, step: Step | None) -> None:
    """Fork; the child opens the interview, takes `step` and dies right after write `k` of it (with no step, of
    the resume itself). Fails unless the child died there."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.environ["INTERVIEWER_HOME"] = str(home)
            writes = Writes(die_after=k)
            if step is None:
                writes.arm()
            interview = Interview.resume(SID)
            writes.arm()
            if step is not None:
                step(interview)
            os._exit(0)
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            assert code == DIED, f"the child exited {code} instead of dying at write {k}"
            return
        time.sleep(0.01)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    raise AssertionError(f"the child dying at write {k} hung")


def _turns(interview: Interview) -> list[tuple]:
    return [(t.role, t.kind, t.text, t.constraint_kind, t.question_index) for t in interview.turns]


def _leftovers(home: Path) -> list[str]:
    return sorted(p.name for p in home.rglob("*") if p.name.endswith((".tmp", "-journal")))


def _census(home: Path, step: Step | None) -> list[str]:
    """The writes `step` makes (with no step, the resume itself), counted in this process."""
    os.environ["INTERVIEWER_HOME"] = str(home)
    with pytest.MonkeyPatch.context() as patch:
        writes = Writes(patch)
        if step is None:
            writes.arm()
        interview = Interview.resume(SID)
        writes.arm()
        if step is not None:
            step(interview)
        interview.close()
    return writes.labels


class Scenario:
    """An interview `answered` answers in, one `step` to kill, and the answers that follow it."""

    def __init__(self, tmp_path: Path, answered: int, step: Step, sent: list[str], after: list[str]):
        self.tmp, self.answered, self.step, self.sent, self.after = tmp_path, answered, step, sent, after
        self.base = tmp_path / "base"
        os.environ["INTERVIEWER_HOME"] = str(self.base)
        interview = Interview.start("google", questions=2, seed="kill-suite", session_id=SID)
        for text in ANSWERS[:answered]:
            interview.answer(text)
        interview.close()
        self.labels = _census(self.copy("census"), step)
        assert len(self.labels) >= 8, self.labels
        self.copy("reference")
        reference = Interview.resume(SID)
        step(reference)
        self.after_step = _turns(reference)
        self.finish(reference)
        self.expected_turns, self.expected_verdict = _turns(reference), reference.verdict
        reference.close()
        self.answers = ANSWERS[:answered] + sent + after
        assert [t[2] for t in self.expected_turns if t[0] == "candidate"] == self.answers

    def copy(self, name: str, source: Path | None = None) -> Path:
        home = self.tmp / name
        shutil.copytree(source or self.base, home)
        os.environ["INTERVIEWER_HOME"] = str(home)
        return home

    def finish(self, interview: Interview) -> None:
        for text in self.after:
            interview.answer(text)
        interview.end()

    def check_resume(self, home: Path, first_write_lost: bool) -> None:
        """Resume with no input, finish, and compare with the uninterrupted run. `first_write_lost`: the death
        came before the step's first write completed, so nothing of it was saved and the person repeats it."""
        os.environ["INTERVIEWER_HOME"] = str(home)
        interview = Interview.resume(SID)
        heard = [t.text for t in interview.turns if t.role == "candidate"]
        if first_write_lost and heard == ANSWERS[:self.answered] and not interview.finished:
            assert interview.waiting_for_answer
            self.step(interview)  # what the person would do: the app keeps the unsent draft for this
        elif self.sent:
            assert heard == ANSWERS[:self.answered] + self.sent, f"answers after resume: {heard}"
            assert interview.waiting_for_answer and interview.turns[-1].role == "interviewer"
        else:
            assert interview.finished, "resume did not finish the verdict"
        self.finish(interview)
        got_turns, got_verdict = _turns(interview), interview.verdict
        interview.close()
        assert got_turns == self.expected_turns, "turns differ from the uninterrupted run"
        assert got_verdict == self.expected_verdict, "verdict differs from the uninterrupted run"
        saved = load_session(SID)
        assert saved.metadata["status"] == "finished" and saved.metadata["verdict"]
        assert "pending" not in saved.metadata
        assert [t.text for t in saved.turns if t.role == "candidate"] == self.answers
        assert [t.metadata["status"] for t in list_sessions()] == ["finished"]
        assert _leftovers(home) == [], "temp files left behind"

    def check_step_done(self, home: Path, first_write_lost: bool) -> None:
        """Resume with no input and compare with the uninterrupted run right after the step (what follows is the
        same as after a single death, which the other tests finish)."""
        os.environ["INTERVIEWER_HOME"] = str(home)
        interview = Interview.resume(SID)
        got, waiting = _turns(interview), interview.waiting_for_answer
        interview.close()
        if first_write_lost and got == self.after_step[:len(got)] and len(got) < len(self.after_step):
            return  # nothing of the step was ever saved; the single-death test shows the repeat
        assert got == self.after_step, "turns differ from the uninterrupted run after the step"
        assert waiting or not self.sent
        assert "pending" not in load_session(SID).metadata
        assert _leftovers(home) == [], "temp files left behind"

    def kill_at_every_write(self) -> list[str]:
        """Die after each write of the step, resume, finish; the failures, one line each."""
        failures = []
        for k, label in enumerate(self.labels, 1):
            home = self.copy(f"kill-{k}")
            try:
                _die_in_child(home, k, self.step)
                self.check_resume(home, first_write_lost=k == 1)
            except AssertionError as exc:
                failures.append(f"write {k} ({label}): {exc}")
        return failures


def test_a_death_at_every_write_of_an_answer_loses_and_repeats_nothing(tmp_path):
    scenario = Scenario(tmp_path, answered=1, step=lambda iv: iv.answer(ANSWERS[1]), sent=[ANSWERS[1]],
                        after=ANSWERS[2:])
    assert not (failures := scenario.kill_at_every_write()), "\n".join(failures)
    assert any("temp file written" in label for label in scenario.labels)
    assert any(label.startswith("writes") for label in scenario.labels)
    print(f"answer: survived {len(scenario.labels)} of {len(scenario.labels)} kill points: "
          f"{', '.join(scenario.labels)}")


def test_a_death_at_every_write_of_the_verdict_finishes_it_on_resume(tmp_path):
    scenario = Scenario(tmp_path, answered=4, step=lambda iv: iv.end(), sent=[], after=[])
    assert not (failures := scenario.kill_at_every_write()), "\n".join(failures)
    assert "compaction" in scenario.labels
    print(f"verdict: survived {len(scenario.labels)} of {len(scenario.labels)} kill points: "
          f"{', '.join(scenario.labels)}")


def test_a_second_death_during_the_resume_is_survived_as_well(tmp_path):
    """Recovery writes too. After each first death, kill the resume itself at each of its writes, then resume:
    the interview must stand exactly where the uninterrupted one stood after the step."""
    scenario = Scenario(tmp_path, answered=1, step=lambda iv: iv.answer(ANSWERS[1]), sent=[ANSWERS[1]],
                        after=ANSWERS[2:])
    failures, points = [], 0
    for k, label in enumerate(scenario.labels, 1):
        first = scenario.copy(f"first-{k}")
        _die_in_child(first, k, scenario.step)
        recovery = _census(scenario.copy(f"census-{k}", first), None)
        for j, second in enumerate(recovery, 1):
            home = scenario.copy(f"second-{k}-{j}", first)
            points += 1
            try:
                _die_in_child(home, j, None)
                scenario.check_step_done(home, first_write_lost=k == 1)
            except AssertionError as exc:
                failures.append(f"write {k} ({label}), then resume write {j} ({second}): {exc}")
    assert not failures, "\n".join(failures)
    assert points >= len(scenario.labels)
    print(f"second deaths: survived {points} of {points} (a death at each write of each recovery)")
