"""The interview's side panel: question k of n, the clock, the constraints so far and (coach mode) live signals."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Label, Static

from tui.marks import polarity_mark

if TYPE_CHECKING:
    from tui.room import RoomSnapshot


def clock_text(elapsed_seconds: float, timebox_minutes: int | None) -> str:
    minutes, seconds = divmod(int(elapsed_seconds), 60)
    text = f"{minutes:02d}:{seconds:02d}"
    return f"{text} / {timebox_minutes:02d}:00" if timebox_minutes else text


_LEAD_IN = re.compile(r"^(?:(?:[\w']+[ ,]*){1,3}[.!:]\s+)+")


def constraint_gist(text: str) -> str:
    """A constraint line without its conversational lead-in ("Okay. New information: …"), for the panel."""
    text = " ".join(text.split())
    return _LEAD_IN.sub("", text, count=1) or text


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class SidePanel(VerticalScroll):
    can_focus = False

    def compose(self) -> ComposeResult:
        yield Label("", id="persona-name")
        yield Label("Question –", id="progress")
        yield Label("Time 00:00", id="clock")
        yield Label("Constraints", classes="section")
        yield Static("[dim]none yet[/]", id="constraints")
        yield Label("Signals", classes="section")
        yield Static("", id="signals")

    def show(self, snap: RoomSnapshot) -> None:
        self.query_one("#persona-name", Label).update(f"[b]{escape(snap.persona_name)}[/b] · {snap.mode}")
        number = min(snap.question_index + 1, snap.question_count)
        self.query_one("#progress", Label).update(f"Question [b]{number}[/b] of {snap.question_count}")
        lines = [f"[$text-warning]▲[/] Q{c.question_index + 1} [b]{escape(c.kind)}[/b]: "
                 f"{escape(_short(constraint_gist(c.text)))}" for c in snap.constraints]
        self.query_one("#constraints", Static).update("\n".join(lines) or "[dim]none yet[/]")
        self.query_one("#signals", Static).update(self._signals_text(snap))

    def show_time(self, elapsed_seconds: float, timebox_minutes: int | None, time_up: bool) -> None:
        text = clock_text(elapsed_seconds, timebox_minutes)
        label = f"Time [$text-error b]{text}[/]\n[$text-error b]Time's up[/]" if time_up else f"Time {text}"
        self.query_one("#clock", Label).update(label)

    @staticmethod
    def _signals_text(snap: RoomSnapshot) -> str:
        """Realistic mode hides them; coach mode lists those heard and those this persona weighs still missing."""
        if snap.mode != "coach":
            return "[dim]Hidden until the verdict (realistic mode).[/]"
        heard = "\n".join(f"{polarity_mark(s.polarity)} {escape(s.title)}" for s in snap.signals)
        missing = "\n".join(f"[dim]○[/] {escape(title)}" for title in snap.missing)
        parts = [heard or "[dim]None heard yet.[/]"]
        if missing:
            parts.append(f"[b]Still missing[/b]\n{missing}")
        return "\n".join(parts)
