"""The verdict: recommendation, scores, evidence that links into the transcript, feedback, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tui.history_data import DIMENSIONS, dimension_title
from tui.messages import Exported
from tui.transcript import TranscriptView
from tui.verdict_view import (
    banner_text,
    disqualifiers_text,
    evidence_entries,
    improvements_text,
    said_meant_text,
    score_text,
)

if TYPE_CHECKING:
    from agent.models import Transcript, Verdict
    from tui.app import InterviewerApp


class VerdictScreen(Screen[None]):
    BINDINGS = [
        Binding("e", "export", "Export"),
        Binding("1", "tab('summary')", "Verdict", show=False),
        Binding("2", "tab('evidence')", "Evidence", show=False),
        Binding("3", "tab('transcript')", "Transcript", show=False),
        Binding("h", "history", "History"),
        Binding("escape", "back", "Back"),
    ]

    app: InterviewerApp

    def __init__(self, transcript: Transcript, verdict: Verdict, persona_name: str | None = None) -> None:
        super().__init__()
        self.transcript = transcript
        self.verdict = verdict
        self.persona_name = persona_name or transcript.persona
        self._entries = evidence_entries(verdict)

    def compose(self) -> ComposeResult:
        from tui.history_data import local_time

        v = self.verdict
        meta = self.transcript.metadata
        yield Header()
        with TabbedContent(initial="summary"):
            with TabPane("1 Verdict", id="summary"), VerticalScroll(id="summary-scroll", can_focus=True):
                yield Static(banner_text(v), id="banner", classes=f"-{v.band}")
                yield Static(f"[dim]{escape(self.persona_name)} · {local_time(meta.get('created_at'))}"
                             f" · judge: {escape(v.judge)}[/]", id="verdict-meta")
                if v.disqualifiers:
                    yield Label("Disqualifiers", classes="section -error")
                    yield Static(disqualifiers_text(v), id="disqualifiers")
                if v.summary:
                    yield Static(escape(v.summary), id="verdict-summary")
                yield Label("Scores", classes="section")
                for dim in DIMENSIONS:
                    if dim in v.scores:
                        with Horizontal(classes="score-row"):
                            yield Label(dimension_title(dim), classes="score-label")
                            yield Static(score_text(v.scores[dim].score, v.scores[dim].rationale),
                                         id=f"score-{dim}", classes="score-value")
                yield Label("What they'd say / what they meant", classes="section")
                yield Static(said_meant_text(v), id="said-meant")
                yield Label("Three improvements", classes="section")
                yield Static(improvements_text(v), id="improvements")
                yield Static("[dim]e exports this verdict as Markdown and HTML.[/]", id="export-status")
            with TabPane("2 Evidence", id="evidence"):
                yield Label("[dim]enter on a signal jumps to that turn in the transcript[/]", id="evidence-hint")
                yield OptionList(*[Option(e.markup, id=str(i)) for i, e in enumerate(self._entries)],
                                 id="evidence-list")
            with TabPane("3 Transcript", id="transcript"):
                yield TranscriptView(id="verdict-transcript")
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = self.transcript.id
        await self.query_one(TranscriptView).sync(self.transcript.turns)
        self.query_one("#summary-scroll").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._entries[int(event.option.id or 0)]
        if entry.turn_index is None:
            return
        self.action_tab("transcript")
        view = self.query_one(TranscriptView)
        self.call_after_refresh(view.jump_to, entry.turn_index)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {"summary": "#summary-scroll", "evidence": "#evidence-list", "transcript": "#verdict-transcript"}
        self.set_focus(self.query_one(focus[tab]))

    def action_export(self) -> None:
        from tui.dialogs import ExportScreen
        from tui.export import default_export_path

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._export(path)

        self.app.push_screen(ExportScreen(default_export_path(self.transcript.id)), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, path: Path) -> None:
        from tui.export import export_verdict

        try:
            self.post_message(Exported(*export_verdict(self.verdict, self.transcript, path, self.persona_name)))
        except OSError as exc:
            self.app.call_from_thread(self.notify, f"Could not export to {path}: {exc.strerror or exc}",
                                      severity="error")

    def on_exported(self, message: Exported) -> None:
        text = f"Exported to {message.markdown_path} and {message.html_path.name}"
        self.query_one("#export-status", Static).update(f"[$text-success]{escape(text)}[/]")
        self.notify(text, title="Exported", timeout=8)

    def action_history(self) -> None:
        self.app.show_history()

    def action_back(self) -> None:
        self.app.pop_screen()
