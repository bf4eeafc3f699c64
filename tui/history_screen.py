"""History: past interviews, each rubric dimension over time, and the signals that keep coming back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static, TabbedContent, TabPane

from tui.history_data import (
    DIMENSIONS,
    dimension_title,
    dimension_trends,
    history_rows,
    recommendation_title,
    recurring_signals,
)
from tui.marks import polarity_mark
from tui.messages import HistoryLoaded

if TYPE_CHECKING:
    from agent.models import Transcript
    from tui.app import InterviewerApp
    from tui.history_data import HistoryRow, RecurringSignal

SCORE_COLUMNS = {"judgment": "Jdg", "ownership": "Own", "practicality": "Prc", "learning_ability": "Lrn",
                 "communication": "Com"}


TREND_POINTS = 28
_LEVELS = {1: ("▂", "$error"), 2: ("▄", "$warning"), 3: ("▆", "$success"), 4: ("█", "$success")}


def trend_bars(scores: list[int]) -> str:
    """A sparkline on the rubric's absolute 1-4 scale (a relative one would turn 3,3,3 into a flat floor)."""
    cells = []
    for score in scores[-TREND_POINTS:]:
        char, colour = _LEVELS.get(score, ("·", "$text-muted"))
        cells.append(f"[{colour}]{char}[/]")
    return "".join(cells) or "[dim]·[/]"


def trend_caption(scores: list[int]) -> str:
    if not scores:
        return "[dim]no data[/]"
    if len(scores) == 1:
        return f"{scores[-1]}/4"
    delta = scores[-1] - scores[-2]
    arrow = "[$text-success]↑[/]" if delta > 0 else "[$text-error]↓[/]" if delta < 0 else "[dim]→[/]"
    return f"{scores[-1]}/4 {arrow} [dim]avg {sum(scores) / len(scores):.1f}[/]"


def recurring_text(signals: list[RecurringSignal], interviews: int) -> str:
    if not signals:
        return "[dim]Finish an interview to see which signals recur.[/]"
    width = max(len(s.title) for s in signals)
    return "\n".join(f"{polarity_mark(s.polarity)} {escape(s.title.ljust(width))}  "
                     f"[dim]{s.interviews} of {interviews}[/]"
                     + (" [$text-error]disqualifier[/]" if s.disqualifier else "") for s in signals)


class HistoryScreen(Screen[None]):
    BINDINGS = [
        Binding("i", "tab('interviews')", "Interviews"),
        Binding("t", "tab('trends')", "Trends"),
        Binding("escape", "back", "Back"),
    ]

    app: InterviewerApp

    def __init__(self) -> None:
        super().__init__()
        self._transcripts: dict[str, Transcript] = {}
        self._names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="interviews"):
            with TabPane("Interviews", id="interviews"):
                yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
                yield Label("[dim]enter opens the verdict (or resumes an unfinished interview)[/]",
                            id="history-hint")
            with TabPane("Trends", id="trends"), VerticalScroll(id="trends-scroll"):
                yield Label("Each dimension over time [dim](oldest → newest)[/]", classes="section")
                for dim in DIMENSIONS:
                    with Horizontal(classes="trend-row"):
                        yield Label(dimension_title(dim), classes="trend-label")
                        yield Static("", id=f"spark-{dim}", classes="trend-spark")
                        yield Label("", id=f"caption-{dim}", classes="trend-caption")
                yield Label("Signals that recur", classes="section")
                yield Static("", id="recurring")
                yield Static("[dim]Shift 7: measure readiness by signal, not comfort.[/]", id="shift7")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History"
        table = self.query_one(DataTable)
        table.add_column("Date", key="date")
        table.add_column("Persona", key="persona")
        table.add_column("Result", key="result")
        for dim, short in SCORE_COLUMNS.items():
            table.add_column(short, key=dim)
        table.focus()
        self._load()

    def on_screen_resume(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def _load(self) -> None:
        from agent.errors import UserError
        from agent.persona import load_persona, persona_ids
        from agent.storage import list_sessions

        names = {}
        for persona_id in persona_ids():
            try:
                names[persona_id] = load_persona(persona_id).name
            except UserError:  # Home reports a broken persona file; here its interviews keep the id
                continue
        self.post_message(HistoryLoaded(list_sessions(), names))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        self._transcripts = {t.id: t for t in message.transcripts}
        self._names = message.names
        rows = history_rows(message.transcripts)
        self._fill_table(rows)
        trends = dimension_trends(rows)
        for dim, scores in trends.items():
            self.query_one(f"#spark-{dim}", Static).update(trend_bars(scores))
            self.query_one(f"#caption-{dim}", Label).update(trend_caption(scores))
        finished = sum(r.finished for r in rows)
        self.query_one("#recurring", Static).update(recurring_text(recurring_signals(message.transcripts),
                                                                  finished))

    def _fill_table(self, rows: list[HistoryRow]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for r in rows:
            result = recommendation_title(r.recommendation) if r.finished else "[dim]in progress[/]"
            scores = [str(r.scores.get(dim, "")) for dim in SCORE_COLUMNS]
            table.add_row(r.date, escape(self._names.get(r.persona, r.persona)), result, *scores, key=r.session_id)
        if not rows:
            self.query_one("#history-hint", Label).update("[dim]No interviews yet: start one from Home.[/]")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        transcript = self._transcripts.get(str(event.row_key.value))
        if transcript is None:
            return
        verdict = transcript.metadata.get("verdict")
        if verdict:
            from agent.models import Verdict
            from tui.verdict_screen import VerdictScreen

            self.app.push_screen(VerdictScreen(transcript, Verdict.model_validate(verdict),
                                               self._names.get(transcript.persona)))
        else:
            from tui.interview_screen import InterviewScreen

            self.app.push_screen(InterviewScreen(resume_id=transcript.id))

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.set_focus(self.query_one(DataTable if tab == "interviews" else "#trends-scroll"))

    def action_back(self) -> None:
        self.app.pop_screen()
