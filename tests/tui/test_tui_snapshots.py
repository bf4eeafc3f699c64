"""Screenshots of every screen at 80x24 and 100x30, in the dark and light themes (pytest-textual-snapshot).

Update the baselines with `pytest tests/tui --snapshot-update` and review the SVGs before checking them in.
Determinism: fixed session ids, seed and timestamps, a frozen clock, UTC, and no blinking cursors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea
from tui_support import ANSWERS, WEAK, make_app, no_blink, save_finished, save_unfinished, settle

from agent.models import Verdict
from tui.interview_screen import InterviewScreen, StartRequest
from tui.verdict_screen import VerdictScreen

SIZES = pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])


def _history(data_home: Path) -> None:
    save_finished("meta-1", "meta", WEAK, "2026-01-05T18:00:00+00:00")
    save_finished("google-2", "google", ANSWERS[:2], "2026-01-12T18:00:00+00:00")
    save_finished("stripe-3", "stripe", ANSWERS, "2026-01-19T18:00:00+00:00")


async def _open_verdict(pilot, session_id: str, answers: list[str]) -> None:
    transcript = save_finished(session_id, "google", answers, "2026-01-12T18:00:00+00:00")
    verdict = Verdict.model_validate(transcript.metadata["verdict"])
    await pilot.app.push_screen(VerdictScreen(transcript, verdict, "Google"))
    await settle(pilot)


async def _coach_room(pilot) -> None:
    await settle(pilot)
    await pilot.app.push_screen(InterviewScreen(StartRequest("google", 3, "coach", 20)))
    await settle(pilot)
    for answer in ANSWERS[:3]:
        pilot.app.screen.query_one("#answer", TextArea).load_text(answer)
        await pilot.press("ctrl+s")
        await settle(pilot)


@SIZES
def test_home(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    save_unfinished("google-unfinished", "google", "2026-01-20T09:30:00+00:00")

    async def run_before(pilot) -> None:
        await settle(pilot)
        no_blink(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_home_light_coach(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await settle(pilot)
        await pilot.press("down", "down", "m")
        no_blink(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_home_delete_confirmation(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    save_unfinished("google-unfinished", "google", "2026-01-20T09:30:00+00:00")

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#unfinished", OptionList).focus()
        await pilot.press("d")
        await settle(pilot)
        no_blink(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_interview_coach(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await _coach_room(pilot)
        pilot.app.screen.query_one("#answer", TextArea).load_text("Draft: the data constraint means")
        no_blink(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_interview_question_again(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await _coach_room(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        no_blink(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_interview_realistic_light(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await settle(pilot)
        await pilot.app.push_screen(InterviewScreen(StartRequest("meta", 2, "realistic", None)))
        await settle(pilot)
        no_blink(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_interview_closing(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.app.push_screen(InterviewScreen(StartRequest("google", 1, "realistic", None)))
        await settle(pilot)
        pilot.app.screen.query_one("#answer", TextArea).load_text(ANSWERS[0])
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+g", "y")
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_verdict(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await _open_verdict(pilot, "google-verdict", ANSWERS)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_verdict_evidence_light(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await settle(pilot)
        await _open_verdict(pilot, "google-weak", WEAK)
        await pilot.press("2")

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_verdict_jump_to_quote(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await _open_verdict(pilot, "google-jump", WEAK + ANSWERS)
        await pilot.press("2", "down", "enter")
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_verdict_export(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await _open_verdict(pilot, "google-export", ANSWERS)
        await pilot.press("e")
        await settle(pilot)
        no_blink(pilot)
        # the path holds the test's temporary data home: show a fixed one
        pilot.app.screen.query_one("#export-path").value = "~/exports/google-export.md"

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_history(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    _history(data_home)

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_history_trends(snap_compare, data_home: Path, size: tuple[int, int]) -> None:
    _history(data_home)

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("t")

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)
