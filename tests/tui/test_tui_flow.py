"""A new user's evening, driven by keyboard through Pilot with the offline brain."""

from __future__ import annotations

import json
from itertools import cycle
from pathlib import Path

from textual.message import Message
from textual.widgets import DataTable, OptionList, Static, TextArea
from tui_support import ANSWERS, check_every_evidence_jump, make_app, run_async, settle

from agent.storage import sessions_dir
from tui.history_screen import HistoryScreen
from tui.home import HomeScreen
from tui.interview_screen import InterviewScreen
from tui.messages import InterviewerDelta, RoomUpdated
from tui.verdict_screen import VerdictScreen


async def _answer(pilot, text: str) -> None:
    pilot.app.screen.query_one("#answer", TextArea).load_text(text)
    await pilot.press("ctrl+s")
    await settle(pilot)


def _over(screen: InterviewScreen) -> bool:
    return not screen.query_one("#answer", TextArea).display


async def _to_verdict(pilot) -> None:
    """The room shows the closing line and waits: enter opens the verdict."""
    assert isinstance(pilot.app.screen, InterviewScreen) and _over(pilot.app.screen)
    await pilot.press("enter")
    await settle(pilot)


@run_async
async def test_full_interview_from_home_to_history(data_home: Path) -> None:
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "offline engine" in str(app.screen.query_one("#brain", Static).render())

        # Google, one question, typed by keyboard alone; Enter in the answer box is a new line, ctrl+s sends.
        await pilot.press("down", "tab", "tab", "backspace", "1", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        app.screen.query_one("#answer", TextArea).focus()
        await pilot.press(*"I'd ask who uses it.", "enter", *"Then a simple baseline.")
        assert app.screen.query_one("#answer", TextArea).text == "I'd ask who uses it.\nThen a simple baseline."
        await pilot.press("ctrl+s")
        await settle(pilot)

        saw_constraint = False
        answers = cycle(ANSWERS)
        for _ in range(20):
            if _over(app.screen):
                break
            saw_constraint |= bool(app.screen.query(".turn.-constraint"))
            await _answer(pilot, next(answers))
        assert saw_constraint, "the interviewer injected no constraint"
        closing = app.screen.query(".turn.-closing")
        assert len(closing) == 1 and closing.first().region.height > 0, "the closing line is not on screen"
        await _to_verdict(pilot)
        assert isinstance(app.screen, VerdictScreen)
        assert app.screen.query_one("#banner", Static).render()

        # The interviewer's lines were streamed to the screen before each update.
        kinds = [type(m) for m in seen if isinstance(m, InterviewerDelta | RoomUpdated)]
        assert InterviewerDelta in kinds and kinds.index(InterviewerDelta) < kinds.index(RoomUpdated)

        # Evidence links into the transcript: each quote's turn lands in view, every time.
        assert await check_every_evidence_jump(pilot, app.screen) >= 1

        saved = json.loads((sessions_dir() / "google-test.json").read_text())
        assert saved["metadata"]["status"] == "finished"
        assert saved["turns"][1]["text"] == "I'd ask who uses it.\nThen a simple baseline."

        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VerdictScreen)
        assert app.screen.transcript.id == "google-test"


@run_async
async def test_export_writes_markdown_and_html_into_the_data_home(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "tab", "tab", "backspace", "1", "ctrl+s")
        await settle(pilot)
        app.screen.query_one("#answer", TextArea).focus()
        await pilot.press("ctrl+g", "y")
        await settle(pilot)
        await _to_verdict(pilot)
        assert isinstance(app.screen, VerdictScreen)
        await pilot.press("e", "enter")
        await settle(pilot)
        md = data_home / "exports" / "google-test.md"
        html = md.with_suffix(".html")
        assert md.read_text().startswith("# Verdict:")
        assert "<h1>Verdict:" in html.read_text()
        assert str(md) in str(app.screen.query_one("#export-status", Static).render())


@run_async
async def test_quit_mid_interview_then_resume_from_home(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await _answer(pilot, ANSWERS[0])
        turns_before = len(app.screen.query(".turn"))
        app.screen.query_one("#answer", TextArea).load_text("half a thought about lab")
        await pilot.press("escape")  # leave: the draft is saved with the interview
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        unfinished = app.screen.query_one("#unfinished", OptionList)
        assert unfinished.option_count == 1
        unfinished.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert len(app.screen.query(".turn")) == turns_before
        answer = app.screen.query_one("#answer", TextArea)
        assert answer.text == "half a thought about lab"
        answer.load_text(ANSWERS[1])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(app.screen.query(".turn")) == turns_before + 2


@run_async
async def test_time_box_wraps_up_after_the_next_answer(data_home: Path) -> None:
    now = [0.0]
    app = make_app(clock=lambda: now[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "tab", "tab", "tab", *"1", "ctrl+s")  # a one-minute time box
        await settle(pilot)
        room = app.screen
        assert isinstance(room, InterviewScreen)
        now[0] = 61.0
        room._tick()
        assert "Time's up" in str(room.query_one("#clock").render())
        await _answer(pilot, ANSWERS[0])
        assert _over(room) and room.query(".turn.-closing")
        await _to_verdict(pilot)
        assert isinstance(app.screen, VerdictScreen)
        meta = json.loads((sessions_dir() / "google-test.json").read_text())["metadata"]
        assert meta["timebox_minutes"] == 1 and meta["elapsed_seconds"] >= 61
