"""The TUI's plain-Python parts: history trends, recurring signals, live signals, export, drafts, the CLI switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import ANSWERS, WEAK, save_finished, save_unfinished

from agent import cli
from agent.coach import live_signals
from agent.drafts import load_draft, save_draft
from agent.models import Turn, Verdict
from agent.storage import list_sessions
from tui.export import export_verdict, markdown_to_html
from tui.history_data import dimension_trends, history_rows, recurring_signals
from tui.room import constraints_of


def test_history_rows_trends_and_recurring_signals(data_home: Path) -> None:
    save_finished("a", "meta", WEAK, "2026-01-05T18:00:00+00:00")
    save_finished("b", "google", ANSWERS, "2026-01-12T18:00:00+00:00")
    save_unfinished("c", "google", "2026-01-20T09:30:00+00:00")
    transcripts = list_sessions()
    rows = history_rows(transcripts)
    assert [r.session_id for r in rows] == ["c", "b", "a"]
    assert [r.finished for r in rows] == [False, True, True]

    trends = dimension_trends(rows)
    assert set(trends) == {"judgment", "ownership", "practicality", "learning_ability", "communication"}
    # oldest first; unfinished interviews and dimensions a verdict did not assess are left out
    assert all(len(scores) <= 2 for scores in trends.values())
    assert any(len(scores) == 2 for scores in trends.values())

    recurring = recurring_signals(transcripts)
    assert recurring and all(1 <= s.interviews <= 2 for s in recurring)
    counts = [s.interviews for s in recurring]
    assert counts == sorted(counts, reverse=True)


def test_live_signals_keep_one_entry_per_signal_with_the_latest_quote() -> None:
    finding = {"signal": "frames_problem", "polarity": "positive", "evidence": [{"turn_index": 1, "quote": "a"}]}
    later = {**finding, "evidence": [{"turn_index": 3, "quote": "b"}]}
    other = {"signal": "overconfidence", "polarity": "negative", "evidence": [{"turn_index": 3, "quote": "c"}]}
    analyses = [{"turn_index": 1, "analysis": {"findings": [finding]}},
                {"turn_index": 3, "analysis": {"findings": [later, other, {"signal": "not_a_signal"}]}}]
    signals = live_signals(analyses)
    assert [(s.signal, s.quote, s.turn_index) for s in signals] == [("frames_problem", "b", 3),
                                                                    ("overconfidence", "c", 3)]


def test_constraints_are_read_from_constraint_turns() -> None:
    turns = [Turn(role="interviewer", kind="question", text="Q", question_index=0),
             Turn(role="interviewer", kind="constraint", constraint_kind="latency", text="50 ms now.",
                  question_index=0)]
    assert [(c.kind, c.question_index) for c in constraints_of(turns)] == [("latency", 0)]


def test_export_writes_both_files_and_escapes_candidate_html(data_home: Path, tmp_path: Path) -> None:
    transcript = save_finished("x", "google", ["I'd <script>alert(1)</script> start simple. " + ANSWERS[0]],
                               "2026-01-12T18:00:00+00:00")
    verdict = Verdict.model_validate(transcript.metadata["verdict"])
    md, html = export_verdict(verdict, transcript, tmp_path / "out" / "verdict.html")
    assert md.name == "verdict.md" and html.name == "verdict.html"
    assert md.read_text().startswith("# Verdict:")
    assert "<table>" in html.read_text()
    assert "<script>" not in markdown_to_html("a <script>alert(1)</script>", "t")


def test_an_export_stands_alone(data_home: Path, tmp_path: Path) -> None:
    """Each quote on its own line with its turn, the transcript appended with those turn numbers, display names."""
    transcript = save_finished("y", "google", WEAK + ANSWERS, "2026-01-12T18:00:00+00:00")
    verdict = Verdict.model_validate(transcript.metadata["verdict"])
    md, html = export_verdict(verdict, transcript, tmp_path / "v.md", persona_name="Google")
    text = md.read_text()
    assert "**Google** interviewer" in text and "persona **google**" not in text
    quotes = [ev for f in verdict.signals + verdict.disqualifiers for ev in f.evidence]
    assert quotes
    for ev in quotes:
        assert f"  - turn {ev.turn_index}: \u201c{ev.quote}\u201d" in text.splitlines()
        assert f"**turn {ev.turn_index} · You**" in text
    body = text.split("## Transcript", 1)[1]
    for i, turn in enumerate(transcript.turns):
        assert f"**turn {i} · " in body and turn.text.splitlines()[0] in body
    assert html.read_text().count("<li>") >= len(quotes)


def test_drafts_round_trip_and_clear(data_home: Path) -> None:
    save_draft("s1", "half a thought")
    assert load_draft("s1") == "half a thought"
    save_draft("s1", "  ")
    assert load_draft("s1") == ""


@pytest.mark.parametrize(("argv", "tty", "expected"), [
    (["chat"], True, "tui"),
    ([], True, "tui"),
    (["chat", "--plain"], True, "plain"),
    (["chat"], False, "plain"),
    (["resume", "abc"], True, "tui"),
    (["resume", "abc"], False, "plain"),
])
def test_chat_opens_the_tui_on_a_terminal_and_plain_chat_otherwise(
        monkeypatch: pytest.MonkeyPatch, argv: list[str], tty: bool, expected: str) -> None:
    calls: list[tuple[str, dict]] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: tty)
    monkeypatch.setattr("sys.stdout.isatty", lambda: tty)
    monkeypatch.setattr("tui.app.run", lambda **kw: calls.append(("tui", kw)) or 0)
    monkeypatch.setattr("agent.plain_chat.chat", lambda **kw: calls.append(("plain", kw)) or 0)
    assert cli.main(argv) == 0
    assert [c[0] for c in calls] == [expected]


def test_a_turn_heading_says_who_produced_the_line_when_a_model_ran_the_interview() -> None:
    from agent.models import Turn
    from tui.transcript import turn_heading

    offline = Turn(role="interviewer", kind="probe", text="Why?")
    assert "engine" not in turn_heading(offline) and "·" not in turn_heading(offline).replace("Interviewer · probe", "")
    by_model = offline.model_copy(update={"produced_by": "openai/smollm2"})
    fallback = offline.model_copy(update={"produced_by": "offline engine"})
    assert "openai/smollm2" in turn_heading(by_model, 4) and "turn 4" in turn_heading(by_model, 4)
    assert "offline engine" in turn_heading(fallback)
    assert "smollm2" not in turn_heading(Turn(role="candidate", text="Hi", produced_by="openai/smollm2"))
