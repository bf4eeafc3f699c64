"""Home: choose the interviewer, the length and the mode; see the brain; resume an unfinished interview.

This is the first screen painted, so it imports only Textual: personas, sessions and the brain load in a thread
worker afterwards and arrive as a `HomeLoaded` message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.messages import BrainReady, HomeLoaded

MODES = {"realistic": "signals hidden until the verdict", "coach": "signals and hints shown live"}

if TYPE_CHECKING:
    from agent.models import Transcript
    from agent.persona import Persona
    from tui.app import InterviewerApp


def brain_text(description: str | None, error: str | None) -> str:
    if error:
        return f"Brain: [$text-error]{escape(error)}[/]"
    if description is None:
        return "Brain: [dim]setting up…[/]"
    return f"Brain: [b]{escape(description)}[/b]"


def persona_text(persona: Persona) -> str:
    """Name, style and what the persona weighs most, from its YAML."""
    from agent.taxonomy import POSITIVE_IDS, SIGNALS

    def top(ids: set[str]) -> str:
        ranked = sorted((s for s in persona.emphasis if s in ids), key=lambda s: -persona.emphasis[s])[:3]
        return ", ".join(SIGNALS[s].title for s in ranked) or "—"

    positive = set(POSITIVE_IDS)
    negative = set(persona.emphasis) - positive
    style = persona.style
    return "\n".join([
        escape(persona.tagline),
        f"[b]Style[/b] {escape(style.tone)}",
        f"[b]Ambiguity[/b] {style.ambiguity} · [b]pushback[/b] {style.pushback}",
        f"[b]Weighs most[/b] {escape(top(positive))}",
        f"[b]Watches for[/b] {escape(top(negative))}",
    ])


def unfinished_label(t: Transcript, names: dict[str, str]) -> str:
    from tui.history_data import local_time

    meta = t.metadata
    total = meta.get("questions") or len(meta.get("question_ids") or []) or "?"
    number = int(meta.get("question_index") or 0) + 1
    return (f"{escape(names.get(t.persona, t.persona))} · question {number} of {total} · "
            f"{local_time(meta.get('updated_at'))} · [dim]{meta.get('mode', 'realistic')}[/]")


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", priority=True),
        Binding("m", "toggle_mode", "Mode"),
        Binding("h", "history", "History"),
        Binding("r", "resume", "Resume"),
        Binding("d", "delete", "Delete unfinished", show=False),
        Binding("ctrl+t", "app.toggle_theme", "Light/dark"),
        Binding("q", "app.quit", "Quit"),
    ]

    app: InterviewerApp

    def __init__(self, persona: str | None = None, questions: int = 3, *, coach: bool = False,
                 minutes: int | None = None) -> None:
        super().__init__()
        self._wanted_persona = persona
        self._questions = questions
        self._minutes = minutes
        self._personas: list[Persona] = []
        self._brain_shown = False
        self._mode = "coach" if coach else "realistic"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-top"):
            yield OptionList(Option("Loading interviewers…", disabled=True), id="personas")
            with VerticalScroll(id="persona-detail-box"):
                yield Static("", id="persona-detail")
        with Horizontal(id="settings"):
            yield Label("Questions", classes="setting-label")
            yield Input(str(self._questions), id="questions", type="integer", max_length=2)
            yield Label("Time box (min)", classes="setting-label")
            yield Input(str(self._minutes or ""), id="timebox", type="integer", max_length=3, placeholder="none",
                        valid_empty=True)
            yield Button(f"Mode: {self._mode}", id="mode")
            yield Static(f"[dim]{MODES[self._mode]}[/]", id="mode-hint")
        with Horizontal(id="launch"):
            yield Static(brain_text(None, None), id="brain")
            yield Button("Start interview", id="start", variant="primary")
            yield Button("History", id="history")
        unfinished = OptionList(id="unfinished")
        unfinished.border_title = "Unfinished interviews [dim]· r resumes · d deletes[/]"
        yield unfinished
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#personas", OptionList).focus()
        self._load()

    def on_screen_resume(self) -> None:
        self.set_focus(self.query_one("#personas", OptionList))
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def _load(self) -> None:
        """Personas and sessions first (Home is usable at once), then the brain, which may import litellm, then
        the interview engine, so that Start is quick."""
        from agent.brains import describe_brain
        from agent.errors import UserError
        from agent.persona import load_persona, persona_ids
        from agent.storage import list_sessions
        from tui.room import describe_error

        personas, problems = [], []
        for persona_id in persona_ids():
            try:
                personas.append(load_persona(persona_id))
            except UserError as exc:  # one broken persona file must not hide the others
                problems.append(str(exc))
        unfinished = [t for t in list_sessions() if t.metadata.get("status") == "in_progress"]
        self.post_message(HomeLoaded(personas, unfinished, problems))
        try:
            self.post_message(BrainReady(describe_brain(self.app.brain())))
        except Exception as exc:  # a missing key or a bad model string is shown on Home, not raised
            self.post_message(BrainReady(None, describe_error(exc)))
        self.app.prepare_core()

    def on_home_loaded(self, message: HomeLoaded) -> None:
        first_load = not self._personas
        self._personas = message.personas
        if first_load:
            for problem in message.problems:
                self.notify(problem, title="A persona file was skipped", severity="warning", timeout=10)
            personas = self.query_one("#personas", OptionList)
            personas.clear_options()
            personas.add_options(Option(escape(p.name), id=p.id) for p in message.personas)
            ids = [p.id for p in message.personas]
            personas.highlighted = ids.index(self._wanted_persona) if self._wanted_persona in ids else 0
            self.app.log_milestone("home_ready")
        names = {p.id: p.name for p in message.personas}
        unfinished = self.query_one("#unfinished", OptionList)
        kept = self._selected_unfinished()  # coming back from a dialog or the room keeps the selection
        unfinished.clear_options()
        if message.unfinished:
            unfinished.add_options(Option(unfinished_label(t, names), id=t.id) for t in message.unfinished)
            ids = [t.id for t in message.unfinished]
            unfinished.highlighted = ids.index(kept) if kept in ids else 0
        else:
            unfinished.add_option(Option("[dim]None. Every interview you start is saved as you go.[/]",
                                         disabled=True))

    def on_brain_ready(self, message: BrainReady) -> None:
        self.query_one("#brain", Static).update(brain_text(message.description, message.error))
        if not self._brain_shown:
            self._brain_shown = True
            self.app.log_milestone("brain_ready")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "personas" and event.option.id:
            persona = next((p for p in self._personas if p.id == event.option.id), None)
            if persona is not None:
                self.query_one("#persona-detail", Static).update(persona_text(persona))
                box = self.query_one("#persona-detail-box", VerticalScroll)
                box.border_title = f"[b]{escape(persona.name)}[/b] [dim]· {len(persona.questions)} questions[/]"
                box.scroll_home(animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "personas":
            self.action_start()
        elif event.option_list.id == "unfinished" and event.option.id:
            from tui.interview_screen import InterviewScreen

            self.app.push_screen(InterviewScreen(resume_id=event.option.id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        elif event.button.id == "history":
            self.action_history()
        elif event.button.id == "mode":
            self.action_toggle_mode()

    def action_toggle_mode(self) -> None:
        self._mode = "coach" if self._mode == "realistic" else "realistic"
        self.query_one("#mode", Button).label = f"Mode: {self._mode}"
        self.query_one("#mode-hint", Static).update(f"[dim]{MODES[self._mode]}[/]")

    def action_start(self) -> None:
        from tui.interview_screen import InterviewScreen, StartRequest

        option_list = self.query_one("#personas", OptionList)
        if not self._personas or option_list.highlighted is None:
            self.notify("Still loading the interviewers; try again in a moment.", timeout=3)
            return
        persona = self._personas[option_list.highlighted]
        questions = self._int("#questions")
        if questions is None or not 1 <= questions <= len(persona.questions):
            self._refuse("#questions", f"Questions: a whole number from 1 to {len(persona.questions)} for "
                                       f"{persona.name}.")
            return
        timebox = self._int("#timebox")
        if self.query_one("#timebox", Input).value.strip() and (timebox is None or timebox < 1):
            self._refuse("#timebox", "Time box: whole minutes, at least 1, or leave it empty for none.")
            return
        request = StartRequest(persona.id, questions, self._mode, timebox)
        self.app.push_screen(InterviewScreen(start=request))

    def _refuse(self, selector: str, message: str) -> None:
        field = self.query_one(selector, Input)
        field.add_class("-invalid")
        field.focus()
        self.notify(message, title="Not started", severity="warning", timeout=6)

    def action_history(self) -> None:
        self.app.show_history()

    def _selected_unfinished(self) -> str | None:
        unfinished = self.query_one("#unfinished", OptionList)
        if unfinished.highlighted is None:
            return None
        return unfinished.get_option_at_index(unfinished.highlighted).id

    def action_resume(self) -> None:
        """Open the highlighted unfinished interview (the newest, unless another was picked)."""
        from tui.interview_screen import InterviewScreen

        session_id = self._selected_unfinished()
        if session_id is None:
            self.notify("No unfinished interview to resume.", timeout=3)
            return
        self.app.push_screen(InterviewScreen(resume_id=session_id))

    def action_delete(self) -> None:
        from tui.dialogs import ConfirmScreen

        session_id = self._selected_unfinished()
        if session_id is None:
            self.notify("No unfinished interview to delete.", timeout=3)
            return
        label = self.query_one("#unfinished", OptionList).get_option(session_id).prompt

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(session_id)

        self.app.push_screen(ConfirmScreen(f"Delete this unfinished interview for good?\n{label}",
                                           yes="Delete"), confirmed)

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-delete")
    def _delete(self, session_id: str) -> None:
        from agent.deletion import delete_interview
        from tui.room import describe_error

        try:
            delete_interview(session_id)
        except Exception as exc:  # open in another process, or a file that cannot be removed: say so
            self.app.call_from_thread(self.notify, describe_error(exc), title="Not deleted", severity="error")
            return
        self.app.call_from_thread(self.notify, "Deleted.", timeout=3)
        self.app.call_from_thread(self._load)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.input.remove_class("-invalid")

    def _int(self, selector: str) -> int | None:
        value = self.query_one(selector, Input).value.strip()
        return int(value) if value.isdigit() else None
