"""The transcript pane: one block per turn, constraint and pushback turns marked, the live line streamed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Label, Markdown

if TYPE_CHECKING:
    from textual.widgets.markdown import MarkdownStream

    from agent.models import Turn

_KIND_LABEL = {
    "question": "Interviewer · question",
    "probe": "Interviewer · probe",
    "follow_up": "Interviewer · follow-up",
    "clarification": "Interviewer · clarification",
    "closing": "Interviewer · closing",
}


def turn_heading(turn: Turn, index: int | None = None) -> str:
    """Who speaks and what kind of line it is, with the turn number the verdict's evidence cites."""
    if turn.role == "candidate":
        heading = "You"
    elif turn.kind == "constraint":
        heading = f"▲ CONSTRAINT · {turn.constraint_kind or 'new information'}"
    elif turn.kind == "pushback":
        heading = "◆ PUSHBACK"
    else:
        heading = _KIND_LABEL.get(turn.kind or "", "Interviewer")
    if turn.role == "interviewer" and turn.produced_by:  # with a model: its lines, or the offline engine's fallbacks
        heading += f" [dim]· {escape(turn.produced_by)}[/]"
    return heading if index is None else f"{heading} [dim]· turn {index}[/]"


def candidate_markdown(text: str) -> str:
    """Keep the candidate's line breaks: Enter in the answer box is a new line, not a Markdown soft break."""
    return "  \n".join(text.splitlines())


class TurnView(Vertical):
    """One utterance: a heading, the text as Markdown and, in coach mode, what the line is testing."""

    def __init__(self, heading: str, text: str, classes: str = "", id: str | None = None,
                 hint: str | None = None) -> None:
        super().__init__(classes=classes, id=id)
        self._heading = heading
        self._text = text
        self._hint = hint

    @classmethod
    def of(cls, turn: Turn, index: int, coach: bool = False, provisional: bool = False) -> TurnView:
        """A confirmed turn carries the id evidence links look for; a provisional one (shown while the room
        opens) does not, and is replaced on sync."""
        from agent.coach import line_hint

        kind = "candidate" if turn.role == "candidate" else (turn.kind or "interviewer")
        text = candidate_markdown(turn.text) if turn.role == "candidate" else turn.text
        classes = f"turn -{kind}" + (" -provisional" if provisional else "")
        return cls(turn_heading(turn, index), text, classes=classes, id=None if provisional else f"turn-{index}",
                   hint=line_hint(turn) if coach else None)

    def compose(self) -> ComposeResult:
        yield Label(self._heading, classes="turn-heading")
        yield Markdown(self._text, classes="turn-body")
        if self._hint:
            yield Label(f"[b]Coach[/b] {escape(self._hint)}", classes="turn-hint")


class TranscriptView(VerticalScroll):
    """Turns in order. Confirmed turns carry their transcript index; provisional ones are replaced on sync.

    With `follow`, the view stays scrolled to the newest line (until the user scrolls up to reread). With
    `coach`, each interviewer line says what it is testing.
    """

    can_focus = True

    def __init__(self, follow: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._follow = follow
        self._confirmed = 0
        self._stream: MarkdownStream | None = None
        self.coach = False

    def on_mount(self) -> None:
        if self._follow:
            self.anchor()

    async def sync(self, turns: list[Turn]) -> None:
        """Drop provisional blocks and show every turn not yet shown."""
        await self._drop_provisional()
        new = [TurnView.of(turn, i, self.coach) for i, turn in enumerate(turns) if i >= self._confirmed]
        self._confirmed = max(self._confirmed, len(turns))
        if new:
            await self.mount_all(new)
        self._to_newest()

    async def add_provisional_turns(self, turns: list[Turn]) -> None:
        """Turns shown while the room opens; the interview's own turns replace them on sync."""
        await self.mount_all([TurnView.of(turn, i, self.coach, provisional=True) for i, turn in enumerate(turns)])
        self._to_newest()

    async def add_provisional_answer(self, text: str) -> None:
        """Show the candidate's words at once, before the interviewer has heard them."""
        await self.mount(TurnView("You", candidate_markdown(text), classes="turn -candidate -provisional"))
        self._to_newest()

    async def stream(self, delta: str) -> None:
        """Append to the interviewer's line being produced, opening it on the first piece."""
        if self._stream is None:
            view = TurnView("Interviewer …", "", classes="turn -interviewer -provisional")
            await self.mount(view)
            self._stream = Markdown.get_stream(view.query_one(Markdown))
        await self._stream.write(delta)
        self._to_newest()

    def jump_to(self, turn_index: int) -> None:
        """Scroll to a turn and highlight it (the verdict's evidence links land here)."""
        for view in self.query(".-highlight"):
            view.remove_class("-highlight")
        matches = self.query(f"#turn-{turn_index}")
        if matches:
            target = matches.first()
            target.add_class("-highlight")
            # A tab just switched to has not been laid out yet: scroll once it has, or the target has no place.
            self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=True)

    def _to_newest(self) -> None:
        if self._follow:
            self.scroll_end(animate=False)

    async def _drop_provisional(self) -> None:
        if self._stream is not None:
            await self._stream.stop()
            self._stream = None
        await self.query(".-provisional").remove()
