"""The interview room: transcript, answer box, side panel. All core calls run in thread workers."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Label, TextArea

from tui.dialogs import ConfirmScreen, QuestionScreen
from tui.messages import InterviewerDelta, RoomFailed, RoomOpened, RoomPreview, RoomUpdated
from tui.side_panel import SidePanel
from tui.transcript import TranscriptView

if TYPE_CHECKING:
    from tui.app import InterviewerApp
    from tui.room import Room, RoomSnapshot

YOUR_TURN = "Your turn. Enter makes a new line; [b]ctrl+s[/b] sends."
OVER = "The interview is over."
DRAFT_SAVE_DELAY = 1.0


@dataclass(frozen=True)
class StartRequest:
    """What Home asks for: who interviews, how long, and whether signals show live."""

    persona_id: str
    questions: int = 3
    mode: str = "realistic"
    timebox_minutes: int | None = None


class InterviewScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s,ctrl+enter", "send", "Send", priority=True),
        Binding("ctrl+r", "repeat", "Question again"),
        Binding("ctrl+g", "end", "End interview"),
        Binding("escape", "leave", "Save & leave"),
    ]

    app: InterviewerApp

    def __init__(self, start: StartRequest | None = None, resume_id: str | None = None) -> None:
        super().__init__()
        self._start = start
        self._resume_id = resume_id
        self._room: Room | None = None
        self._snap: RoomSnapshot | None = None
        self._busy = True
        self._failed = False
        self._time_up = False
        self._opened_at = 0.0
        self._base_elapsed = 0.0
        self._draft_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="room"):
            with Vertical(id="room-main"):
                yield TranscriptView(follow=True, id="transcript")
                yield Label("Opening the interview room…", id="status")
                yield TextArea(id="answer", placeholder="Your answer…")
                yield Button("See the committee's verdict (enter)", id="see-verdict", variant="primary")
            yield SidePanel(id="side")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once the interview is over, sending, the question and ending no longer apply (nor show in the footer)."""
        over = self._snap is not None and self._snap.finished
        return not (over and action in ("send", "repeat", "end"))

    def on_mount(self) -> None:
        self.query_one("#answer", TextArea).focus()
        self.set_interval(1.0, self._tick)
        self._open()

    # -- workers: every call into the core happens here, off the UI thread -------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="room")
    def _open(self) -> None:
        from agent.drafts import load_draft
        from tui.room import Room, describe_error

        try:
            if self._resume_id:
                self._preview_saved(self._resume_id)
                room = Room.resume(self._resume_id, self.app.brain())
            else:
                req = self._start
                assert req is not None
                session_id = self._preview(req)
                room = Room.start(req.persona_id, req.questions, self.app.brain(), mode=req.mode,
                                  timebox_minutes=req.timebox_minutes, session_id=session_id, seed=self.app.seed)
            snap = room.snapshot()
            if not self.post_message(RoomOpened(room, snap, draft=load_draft(snap.session_id))):
                room.close()  # the user left while the room was opening
        except Exception as exc:  # the room must report, not crash: the error is shown and Home stays usable
            self.post_message(RoomFailed(describe_error(exc)))

    def _preview(self, req: StartRequest) -> str:
        """Show the first question before the engine is open (its import can take seconds on a first Start):
        the question is chosen and phrased exactly as the interview will. Returns the session id to start."""
        from agent.models import Turn
        from agent.persona import load_persona, question_line
        from agent.session import new_session_id, select_questions

        persona = load_persona(req.persona_id)
        session_id = self.app.session_id_for(persona.id) or new_session_id(persona.id)
        first = select_questions(persona, req.questions, self.app.seed or session_id)[0]
        text = question_line(persona.style.opener, persona.question(first))
        turn = Turn(role="interviewer", kind="question", text=text, question_index=0)
        self.post_message(RoomPreview([turn], coach=req.mode == "coach"))
        return session_id

    def _preview_saved(self, session_id: str) -> None:
        """Show a resumed interview's saved turns while the engine reopens it (a damaged file shows nothing
        here: the resume itself reports it)."""
        from agent.errors import UserError
        from agent.storage import load_session

        with contextlib.suppress(UserError):
            saved = load_session(session_id)
            self.post_message(RoomPreview(saved.turns, coach=saved.metadata.get("mode") == "coach"))

    @work(thread=True, exclusive=True, exit_on_error=False, group="room")
    def _answer(self, room: Room, text: str, elapsed: float) -> None:
        from tui.room import describe_error

        try:
            snap = room.answer(text, elapsed, on_delta=lambda delta: self.post_message(InterviewerDelta(delta)))
            self.post_message(RoomUpdated(snap))
        except Exception as exc:  # the core saved the answer before the brain saw it; a retry resumes from there
            self.post_message(RoomFailed(describe_error(exc)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="room")
    def _end(self, room: Room, elapsed: float) -> None:
        from tui.room import describe_error

        try:
            self.post_message(RoomUpdated(room.end(elapsed)))
        except Exception as exc:
            self.post_message(RoomFailed(describe_error(exc)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="room")
    def _retry(self, room: Room) -> None:
        """Reopen the saved interview: `Interview.resume` re-sends a pending answer or finishes the step."""
        from tui.room import Room, describe_error

        try:
            room.close()
            fresh = Room.resume(room.interview.session_id, self.app.brain())
            if not self.post_message(RoomOpened(fresh, fresh.snapshot())):
                fresh.close()
        except Exception as exc:
            self.post_message(RoomFailed(describe_error(exc)))

    # -- messages from the workers ------------------------------------------------------------------------
    async def on_room_opened(self, message: RoomOpened) -> None:
        self._room = message.room
        self._failed = False
        self._opened_at = self.app.clock()
        self._base_elapsed = message.snapshot.elapsed_seconds
        answer = self.query_one("#answer", TextArea)
        if message.draft and not answer.text.strip():
            answer.load_text(message.draft)
            answer.move_cursor(answer.document.end)
        await self._show(message.snapshot)

    async def on_room_preview(self, message: RoomPreview) -> None:
        if self._room is None:
            transcript = self.query_one(TranscriptView)
            transcript.coach = message.coach
            await transcript.add_provisional_turns(message.turns)
            self._set_status("Opening the interview room… you can start writing.")

    async def on_interviewer_delta(self, message: InterviewerDelta) -> None:
        await self.query_one(TranscriptView).stream(message.text)

    async def on_room_updated(self, message: RoomUpdated) -> None:
        await self._show(message.snapshot)
        if self._time_up and message.snapshot.waiting and not message.snapshot.finished:
            self._start_end()

    def on_room_failed(self, message: RoomFailed) -> None:
        self.notify(message.error, title="The interview hit a problem", severity="error", timeout=10)
        if self._room is None:
            self._set_status("[$text-error]Could not open the interview.[/] Press escape to go back.")
            return
        self._failed = True
        self._busy = False
        self._set_status("[$text-error]The interviewer did not respond.[/] Nothing is lost: ctrl+s retries.")

    # -- what the screen shows ----------------------------------------------------------------------------
    async def _show(self, snap: RoomSnapshot) -> None:
        self._snap = snap
        self.sub_title = f"{snap.persona_name} · {snap.session_id}"
        transcript = self.query_one(TranscriptView)
        transcript.coach = snap.mode == "coach"
        await transcript.sync(snap.turns)
        self.query_one(SidePanel).show(snap)
        self._tick()
        if snap.finished:
            self._busy = True
            self._finish(snap)
            return
        self._busy = False
        self._set_status(YOUR_TURN if snap.waiting else "The interviewer is thinking…")

    def _finish(self, snap: RoomSnapshot) -> None:
        """The interviewer's closing line stays on screen (closing any dialog opened while the committee
        deliberated) until the person asks for the verdict."""
        self._release_room()
        while self.app.screen is not self:
            self.app.pop_screen()
        self.query_one("#answer", TextArea).display = False
        button = self.query_one("#see-verdict", Button)
        button.display = True
        button.focus()
        self._set_status(OVER)
        self.refresh_bindings()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        from tui.verdict_screen import VerdictScreen

        snap = self._snap
        if event.button.id == "see-verdict" and snap and snap.verdict is not None and snap.transcript is not None:
            self.app.switch_screen(VerdictScreen(snap.transcript, snap.verdict, snap.persona_name))

    def _set_status(self, text: str) -> None:
        self.query_one("#status", Label).update(text)

    def _elapsed(self) -> float:
        if self._room is None:
            return self._base_elapsed
        return self._base_elapsed + max(0.0, self.app.clock() - self._opened_at)

    def _tick(self) -> None:
        snap = self._snap
        if snap is None:
            return
        elapsed = self._elapsed()
        if snap.timebox_minutes and not self._time_up and elapsed >= snap.timebox_minutes * 60:
            self._time_up = True
            if not snap.finished:
                self.notify("Time's up. The answer you send next is your last: the interviewer closes after "
                            "it. ctrl+g ends now.", title="Time box", timeout=10)
        self.query_one(SidePanel).show_time(elapsed, snap.timebox_minutes, self._time_up)

    # -- actions ------------------------------------------------------------------------------------------
    def action_send(self) -> None:
        # ctrl+s is a priority binding, handled before the answer box has taken keys already queued for it (a fast
        # typist, or a terminal that sends a paste as keystrokes). Sending from the box's own queue runs after them.
        self.query_one("#answer", TextArea).call_later(self._send_answer)

    async def _send_answer(self) -> None:
        answer = self.query_one("#answer", TextArea)
        text = answer.text.strip()
        if self._failed and self._room is not None and not self._busy:
            self._busy = True
            self._set_status("Reopening the interview…")
            self._retry(self._room)
            return
        if self._room is None or self._snap is None or self._busy:
            still = "The interview room is still opening" if self._room is None else "The interviewer is still talking"
            self.notify(f"{still}; your answer stays in the box.", timeout=3)
            return
        if not text:
            self.notify("Write your answer first. Enter makes a new line; ctrl+s sends.", timeout=3)
            return
        self._busy = True
        answer.clear()
        self._cancel_draft_save()
        self._save_draft_now()  # the words are the core's now: an empty box must not bring them back on resume
        self._set_status("The interviewer is thinking…")
        await self.query_one(TranscriptView).add_provisional_answer(text)
        self._answer(self._room, text, self._elapsed())

    def action_repeat(self) -> None:
        snap = self._snap
        if snap is None:
            return
        number = min(snap.question_index + 1, snap.question_count)
        latest = next((c.text for c in reversed(snap.constraints) if c.question_index == snap.question_index), None)
        self.app.push_screen(QuestionScreen(f"Question {number} of {snap.question_count}", snap.question_text,
                                            snap.prompt, latest))

    def action_end(self) -> None:
        if self._room is None or self._busy:
            self.notify("Wait for the interviewer to finish speaking.", timeout=3)
            return
        if self._failed:
            self.notify("Retry first (ctrl+s): the interviewer still owes you a response.", timeout=4)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._start_end()

        self.app.push_screen(ConfirmScreen("End the interview now and get the committee's verdict?",
                                           yes="End"), confirmed)

    def _start_end(self) -> None:
        if self._room is None:
            return
        self._busy = True
        why = "Time's up: the interviewer is closing" if self._time_up else "The interviewer is closing"
        self._set_status(f"{why}; then the committee deliberates…")
        self._end(self._room, self._elapsed())

    def action_leave(self) -> None:
        self._cancel_draft_save()
        if self._snap is not None:
            self._save_draft_now()
            self.notify("Saved. Resume it from Home any time.", timeout=4)
        self._release_room()
        self.app.pop_screen()

    # -- the unsent answer --------------------------------------------------------------------------------
    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self._cancel_draft_save()
        if self._snap is not None:
            self._draft_timer = self.set_timer(DRAFT_SAVE_DELAY, self._save_draft_now)

    def _save_draft_now(self) -> None:
        from agent.drafts import save_draft

        if self._snap is not None:
            text = self.query_one("#answer", TextArea).text
            self.app.run_worker(partial(save_draft, self._snap.session_id, text), thread=True, group="drafts",
                                exclusive=True)

    def _cancel_draft_save(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    def _release_room(self) -> None:
        """Close the interview in an app-level worker: it outlives this screen and waits for a running answer."""
        if self._room is not None:
            self.app.run_worker(self._room.close, thread=True, group="close")
            self._room = None
