"""The Textual app: screens, the brain shared by every interview, themes and the start-up log.

Start-up stays fast because nothing heavy is imported before the first paint: the core (pydantic, LangGraph,
any model client) loads in thread workers, and the screens after Home are imported when first opened.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from tui.home import HomeScreen
from tui.startup import log_event, mark

if TYPE_CHECKING:
    from agent.brain import Brain

LIGHT, DARK = "textual-light", "textual-dark"


class InterviewerApp(App[None]):
    TITLE = "interviewer"
    CSS_PATH = ["app.tcss", "home.tcss", "interview.tcss", "verdict.tcss", "history.tcss"]
    BINDINGS = [Binding("ctrl+t", "toggle_theme", "Light/dark", show=False)]

    def __init__(self, model: str | None = None, *, persona: str | None = None, questions: int = 3,
                 coach: bool = False, minutes: int | None = None, resume_id: str | None = None,
                 clock: Callable[[], float] = time.monotonic, session_ids: Callable[[str], str] | None = None,
                 seed: str | None = None) -> None:
        """`persona`, `questions`, `coach` and `minutes` preset Home's choices. `clock`, `session_ids` and `seed`
        exist so tests can pin the timer, session ids and question choice."""
        super().__init__()
        self.model = model
        self.clock = clock
        self.seed = seed
        self._persona = persona
        self._questions = questions
        self._coach = coach
        self._minutes = minutes
        self._resume_id = resume_id
        self._session_ids = session_ids
        self._brain: Brain | None = None
        self._brain_lock = threading.Lock()
        self._core_ready = False

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen(self._persona, self._questions, coach=self._coach, minutes=self._minutes)

    def on_mount(self) -> None:
        from tui.settings import load_theme

        remembered = load_theme()
        if remembered in (LIGHT, DARK):
            self.theme = remembered
        if self._resume_id:
            from tui.interview_screen import InterviewScreen

            self.push_screen(InterviewScreen(resume_id=self._resume_id))
        self.call_after_refresh(self._first_paint)

    def _first_paint(self) -> None:
        self.run_worker(partial(log_event, "first_paint", mark(), theme=self.theme), thread=True, group="log")

    def log_milestone(self, event: str) -> None:
        """Log a start-up milestone (`home_ready`: personas listed; `brain_ready`: the brain is set up)."""
        self.run_worker(partial(log_event, event, mark()), thread=True, group="log")

    def brain(self) -> Brain:
        """The brain every interview in this app uses, resolved once. Call from a worker: it may import litellm."""
        with self._brain_lock:
            if self._brain is None:
                from agent.brains import resolve_brain

                self._brain = resolve_brain(self.model)
            return self._brain

    def prepare_core(self) -> None:
        """While the person is still choosing: import the room (its widgets, and what shows the first question
        at once), then the interview engine (LangGraph and its SQLite checkpointer, ~1-3 s) and the offline
        judge's embeddings, so Start opens the room at once. Call from a worker; later calls return at once."""
        if self._core_ready:
            return
        import importlib

        from agent.semantic import embed

        # In this order: what Start needs first (the session helpers, the room's widgets; Markdown pulls in
        # markdown-it), then the engine (langgraph -> langchain_core -> langsmith).
        for module in ("agent.session", "tui.interview_screen", "agent.graph"):
            importlib.import_module(module)

        embed(["warm up"])
        self._core_ready = True
        self.log_milestone("core_ready")

    def session_id_for(self, persona_id: str) -> str | None:
        return self._session_ids(persona_id) if self._session_ids else None

    def show_history(self) -> None:
        """History sits directly above Home, however the user got here."""
        from tui.history_screen import HistoryScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, HistoryScreen):
            return
        self.push_screen(HistoryScreen())

    def action_toggle_theme(self) -> None:
        from tui.settings import save_theme

        self.theme = LIGHT if self.theme != LIGHT else DARK
        self.run_worker(partial(save_theme, self.theme), thread=True, group="settings", exclusive=True)


def run(model: str | None = None, persona: str | None = None, questions: int = 3, resume_id: str | None = None,
        coach: bool = False, minutes: int | None = None) -> int:
    """Run the TUI until the user quits."""
    InterviewerApp(model, persona=persona, questions=questions, coach=coach, minutes=minutes,
                   resume_id=resume_id).run()
    return 0
