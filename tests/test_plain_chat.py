"""The plain chat as a first-class client: labels, /repeat, Ctrl-D drafts, echo, wrapping, coach and time box."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from agent.drafts import load_draft
from agent.plain_chat import Terminal, chat
from agent.storage import load_session

GOOD = ("Before I pick a model, who acts on this and what decision changes? I'd start with a simple baseline "
        "that is easy to debug, and give up a little accuracy to ship it in week one.")
NOISE = ("Assuming the labels are noisy, I'd relabel a few hundred examples first to estimate the noise rate, "
         "because I could be wrong about where the errors come from.")


def _lines(*lines: str) -> Callable[[], str]:
    """A reader that returns these lines, then raises EOFError (Ctrl-D, or the end of a pipe)."""
    it: Iterator[str] = iter(lines)

    def read() -> str:
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None

    return read


def _run(capsys: pytest.CaptureFixture[str], *lines: str, wrap: bool = False, **kwargs: object) -> str:
    term = Terminal(read=_lines(*lines), wrap=wrap, stream=False, echo=True)
    assert chat(persona="google", questions=2, terminal=term, **kwargs) == 0
    return capsys.readouterr().out


def _session_id(out: str) -> str:
    return out.split("interviewer resume ")[-1].split()[0]


def test_ctrl_d_after_a_partial_answer_saves_it_as_the_draft_and_sends_nothing(
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, GOOD, "", "half a thought about", "the labels")
    session_id = _session_id(out)
    assert "saved as a draft, not sent" in out
    assert load_draft(session_id) == "half a thought about\nthe labels"
    candidate = [t.text for t in load_session(session_id).turns if t.role == "candidate"]
    assert candidate == [GOOD]

    # Resumed, the draft is shown and /draft sends it as it is; then it is gone.
    term = Terminal(read=_lines("/draft", ""), wrap=False, stream=False, echo=True)
    assert chat(resume_id=session_id, terminal=term) == 0
    resumed = capsys.readouterr().out
    assert "Your unsent draft from last time" in resumed and "> /draft\n" in resumed
    candidate = [t.text for t in load_session(session_id).turns if t.role == "candidate"]
    assert candidate == [GOOD, "half a thought about\nthe labels"]
    assert load_draft(session_id) == ""


def test_repeat_shows_the_question_and_the_latest_constraint(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, GOOD, "", NOISE, "", "/repeat")
    session = load_session(_session_id(out))
    question = session.turns[0].text.split("\n\n")[-1]
    repeat = out.split("Question 1 of 2: ")[-1]
    assert repeat.startswith(question)
    constraint = next((t for t in session.turns if t.kind == "constraint"), None)
    if constraint is not None:
        assert f"Latest Interviewer [constraint: {constraint.constraint_kind}]: {constraint.text}" in repeat
    last = session.turns[-1]
    if last is not constraint and last.kind != "question":
        assert last.text in repeat


def test_every_interviewer_line_is_labelled_and_piped_answers_are_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, GOOD, "", NOISE, "")
    session = load_session(_session_id(out))
    for turn in session.turns:
        if turn.role == "interviewer":
            kind = f"constraint: {turn.constraint_kind}" if turn.kind == "constraint" else turn.kind
            assert f"Interviewer [{kind}]: {turn.text}" in out
    assert f"> {GOOD}\n" in out and f"> {NOISE}\n" in out


def test_lines_are_word_wrapped_on_a_terminal(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    out = _run(capsys, GOOD, "", wrap=True)
    rows = out.splitlines()
    assert max(len(r) for r in rows if " " in r) <= 49
    words = set(" ".join(out.split()).split())
    assert {"Before", "baseline", "accuracy"} <= words  # no word was cut in two


def test_coach_mode_says_what_each_line_tests_and_realistic_mode_never(capsys: pytest.CaptureFixture[str]) -> None:
    coached = _run(capsys, GOOD, "", coach=True)
    assert "Coach: Testing framing" in coached and "Still missing:" in coached
    assert load_session(_session_id(coached)).metadata["mode"] == "coach"
    realistic = _run(capsys, GOOD, "")
    assert "Coach:" not in realistic and "Still missing" not in realistic


def test_a_time_box_makes_the_next_answer_the_last(capsys: pytest.CaptureFixture[str], data_home: Path) -> None:
    now = [0.0]

    def read_later() -> Callable[[], str]:
        lines = _lines(GOOD, "", NOISE, "")

        def read() -> str:
            now[0] += 40.0  # each line takes 40 s to write
            return lines()

        return read

    term = Terminal(read=read_later(), wrap=False, stream=False, echo=True)
    assert chat(persona="google", questions=2, terminal=term, minutes=1, clock=lambda: now[0]) == 0
    out = capsys.readouterr().out
    assert "Time's up. The answer you send next is your last" in out
    assert "# Verdict:" in out
    session = load_session(out.split("Interview ")[1].split()[0])
    assert session.metadata["status"] == "finished" and session.turns[-1].kind == "closing"
    assert session.metadata["timebox_minutes"] == 1
