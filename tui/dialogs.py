"""Small modal screens: confirm, show the question again, choose an export path."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; dismisses with the answer."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__(classes="dialog-screen")
        self._question = question
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._question, classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self._yes} (y)", id="yes", variant="warning")
                yield Button("Cancel (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuestionScreen(ModalScreen[None]):
    """The current question again, the latest constraint in it, and the interviewer's latest line if that is
    something else."""

    BINDINGS = [Binding("escape,enter,ctrl+r", "close", "Close")]

    def __init__(self, heading: str, question: str, prompt: str | None, constraint: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self._heading = heading
        self._question = question
        self._prompt = prompt
        self._constraint = constraint

    def compose(self) -> ComposeResult:
        text = self._question
        if self._constraint:
            text += f"\n\n**Latest constraint:** {self._constraint}"
        said = (self._prompt or "").strip()
        if said and said != (self._constraint or "").strip() and self._question not in said:
            text += f"\n\n**Last said:** {said}"
        with Vertical(classes="dialog -wide"):
            yield Label(self._heading, classes="dialog-title")
            yield Markdown(text)
            yield Label("[dim]esc to go back to your answer[/]")

    def action_close(self) -> None:
        self.dismiss(None)


class ExportScreen(ModalScreen[Path | None]):
    """Where to write the Markdown file; the HTML goes next to it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default: Path) -> None:
        super().__init__(classes="dialog-screen")
        self._default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Label("Export the verdict as Markdown and HTML", classes="dialog-title")
            yield Input(str(self._default), id="export-path")
            yield Label("[dim]enter exports · esc cancels · the .html goes next to the .md[/]")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else self._default)

    def action_cancel(self) -> None:
        self.dismiss(None)
