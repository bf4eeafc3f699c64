"""Pilot tests for what a new user tripped over: evidence jumps, the closing line, Home's keys and fields,
History's order, the remembered theme, coach mode."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, DataTable, Input, OptionList, Static, TextArea
from tui_support import ANSWERS, WEAK, check_every_evidence_jump, make_app, run_async, save_finished, settle

from agent.offline.brain import OfflineBrain
from agent.session import Interview
from agent.storage import session_path
from tui.dialogs import ConfirmScreen
from tui.history_screen import HistoryScreen
from tui.home import HomeScreen
from tui.interview_screen import InterviewScreen, StartRequest
from tui.transcript import TranscriptView
from tui.verdict_screen import VerdictScreen


@run_async
async def test_evidence_jumps_from_history_scroll_each_turn_into_view(data_home: Path) -> None:
    save_finished("long", "google", ANSWERS + WEAK + ANSWERS, "2026-01-12T18:00:00+00:00")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, VerdictScreen)
        assert "Google" in str(screen.query_one("#verdict-meta", Static).render())  # the name, not the id
        assert await check_every_evidence_jump(pilot, screen) >= 3
        assert screen.query_one(TranscriptView).scroll_y > 0  # late turns needed scrolling to reach


@run_async
async def test_the_closing_line_is_shown_before_the_verdict(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(InterviewScreen(StartRequest("google", 1)))
        await settle(pilot)
        room = app.screen
        await pilot.press("ctrl+g", "y")
        await settle(pilot)
        assert app.screen is room, "the room must stay until the person asks for the verdict"
        closing = room.query_one(".turn.-closing")
        view = room.query_one(TranscriptView)
        assert view.content_region.y <= closing.region.y < view.content_region.bottom
        assert not room.query_one("#answer", TextArea).display
        assert room.query_one("#see-verdict", Button).has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VerdictScreen)


@run_async
async def test_the_first_question_shows_before_the_room_opens_as_the_interview_will_ask_it(data_home: Path) -> None:
    from tui.messages import RoomOpened, RoomPreview

    seen: list[object] = []
    app = make_app()
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        order = list({id(m): m for m in seen if isinstance(m, RoomPreview | RoomOpened)}.values())
        assert [type(m) for m in order] == [RoomPreview, RoomOpened]
        first = order[1].snapshot.turns[0]
        assert order[0].turns == [first] and first.kind == "question"
        assert len(app.screen.query(".turn")) == 1 and not app.screen.query(".-provisional")


@run_async
async def test_a_resumed_interview_shows_its_saved_turns_before_the_engine_reopens_it(data_home: Path) -> None:
    from agent.storage import load_session
    from tui.messages import RoomOpened, RoomPreview

    _unfinished("meta-open", "meta")
    saved = load_session("meta-open").turns
    seen: list[object] = []
    app = make_app(resume_id="meta-open")
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await settle(pilot)
        order = list({id(m): m for m in seen if isinstance(m, RoomPreview | RoomOpened)}.values())
        assert [type(m) for m in order] == [RoomPreview, RoomOpened]
        assert order[0].turns == saved == order[1].snapshot.turns
        assert len(app.screen.query(".turn")) == len(saved) and not app.screen.query(".-provisional")


@run_async
async def test_q_quits_from_home_and_the_footer_says_so(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {b.binding.key: b.binding.description for b in app.active_bindings.values() if b.binding.show}
        assert shown.get("q") == "Quit"
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def _unfinished(session_id: str, persona: str) -> None:
    interview = Interview.start(persona, questions=2, brain=OfflineBrain(), session_id=session_id, seed="s")
    interview.answer(ANSWERS[0])
    interview.close()


@run_async
async def test_r_opens_the_selected_unfinished_interview_and_d_deletes_one_after_confirmation(
        data_home: Path) -> None:
    _unfinished("meta-open", "meta")
    _unfinished("stripe-open", "stripe")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        unfinished = app.screen.query_one("#unfinished", OptionList)
        assert unfinished.option_count == 2
        unfinished.highlighted = 1
        chosen = unfinished.get_option_at_index(1).id
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen._snap is not None and app.screen._snap.session_id == chosen
        await pilot.press("escape")
        await settle(pilot)

        home = app.screen
        assert isinstance(home, HomeScreen)
        other = next(i for i in ("meta-open", "stripe-open") if i != chosen)
        unfinished.highlighted = [unfinished.get_option_at_index(i).id for i in range(2)].index(other)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # cancel: nothing is deleted
        await settle(pilot)
        assert session_path(other).exists()
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not session_path(other).exists(), [n.message for n in app._notifications]
        assert [unfinished.get_option_at_index(i).id for i in range(unfinished.option_count)] == [chosen]


@run_async
async def test_mode_reads_as_text_and_coach_mode_coaches(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        mode = app.screen.query_one("#mode", Button)
        assert "realistic" in str(mode.label)
        await pilot.press("m")
        assert "coach" in str(mode.label)
        await pilot.press("ctrl+s")
        await settle(pilot)
        room = app.screen
        assert isinstance(room, InterviewScreen)
        room.query_one("#answer", TextArea).load_text(ANSWERS[0])
        await pilot.press("ctrl+s")
        await settle(pilot)
        hints = room.query(".turn-hint")
        interviewer_turns = [t for t in room._snap.turns if t.role == "interviewer"]
        assert len(hints) == len(interviewer_turns) >= 2
        assert "Testing framing" in str(hints.first().render())
        assert "Still missing" in str(room.query_one("#signals", Static).render())


@run_async
async def test_realistic_mode_shows_no_hint(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(InterviewScreen(StartRequest("google", 1, "realistic")))
        await settle(pilot)
        app.screen.query_one("#answer", TextArea).load_text(ANSWERS[0])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.screen.query(".turn-hint")
        assert "Hidden until the verdict" in str(app.screen.query_one("#signals", Static).render())


@run_async
async def test_a_bad_question_count_is_refused_with_a_message_and_an_empty_time_box_is_fine(
        data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        timebox = home.query_one("#timebox", Input)
        timebox.focus()
        await pilot.press("5", "backspace", "tab")  # typed, cleared, left: empty is a valid "no time box"
        assert timebox.value == "" and not timebox.has_class("-invalid")
        home.query_one("#questions", Input).value = "0"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is home
        assert home.query_one("#questions", Input).has_class("-invalid")
        assert any("Questions: a whole number from 1 to" in str(n.message) for n in app._notifications)


@run_async
async def test_history_is_sorted_by_interview_date_not_last_update(data_home: Path) -> None:
    older = save_finished("older", "meta", WEAK, "2026-01-05T18:00:00+00:00")
    save_finished("newer", "google", ANSWERS, "2026-01-12T18:00:00+00:00")
    older.metadata["updated_at"] = "2026-02-01T09:00:00+00:00"  # reopened later; still started first
    from agent.storage import save_transcript

    save_transcript(older)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        assert [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)] == [
            "newer", "older"]
        assert table.get_row_at(0)[1] == "Google"


@run_async
async def test_the_theme_is_remembered(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.theme
        await pilot.press("ctrl+t")
        await settle(pilot)
        chosen = app.theme
        assert chosen != before
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == chosen


@run_async
async def test_the_persona_detail_is_complete_or_scrollable_at_80x24(data_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#persona-detail-box")
        personas = app.screen.query_one("#personas", OptionList)
        for index in range(personas.option_count):
            personas.highlighted = index
            await pilot.pause()
            if box.max_scroll_y:
                box.focus()
                await pilot.press("end")
                await pilot.pause()
                assert box.scroll_y == box.max_scroll_y
                personas.focus()
        assert box.can_focus
