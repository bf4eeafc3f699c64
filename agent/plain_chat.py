"""The interview in a plain terminal: for pipes, screen readers, and machines without a TUI.

Every interviewer line is printed whole under its label (`Interviewer [constraint: data]: …`), on a terminal
word-wrapped to its width. The one exception is a model's line on a terminal: it is streamed as it is written,
and its label's mark follows the line. With input from a pipe each answer is echoed after the `> ` prompt, so
the output reads as a transcript. End of input (Ctrl-D) quits: a half-written answer is kept as the draft, never sent.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from agent.errors import UserError
from agent.render import turn_label, verdict_markdown

if TYPE_CHECKING:
    from agent.models import Turn
    from agent.session import Interview

HELP = ("Finish an answer with an empty line. Commands: /repeat (the question and the latest constraint or "
        "follow-up), /draft (send the saved draft), /end (stop and get the verdict). Ctrl-D saves and quits.")
COMMANDS = ("/repeat", "/draft", "/end", "/help")


@dataclass
class Terminal:
    """Where the chat writes and reads, and whether each end is a terminal (wrap, stream) or a pipe (echo)."""

    read: Callable[[], str] = input
    wrap: bool = field(default_factory=lambda: sys.stdout.isatty())
    stream: bool = field(default_factory=lambda: sys.stdout.isatty())
    echo: bool = field(default_factory=lambda: not sys.stdin.isatty())

    def say(self, text: str = "", end: str = "\n") -> None:
        print(self.wrapped(text) if self.wrap else text, end=end, flush=True)

    def echo_answer(self, text: str) -> None:
        """From a pipe nothing was typed on screen: show the answer after the `> ` prompt already printed."""
        print(self.wrapped("> " + text)[2:] if self.wrap else text, flush=True)

    def wrapped(self, text: str) -> str:
        """Word-wrapped to the terminal, each line and paragraph kept; continuation lines indented by two."""
        width = max(40, shutil.get_terminal_size((80, 24)).columns - 1)
        return "\n".join(textwrap.fill(row, width, subsequent_indent="  ", break_long_words=False,
                                       break_on_hyphens=False) if row.strip() else row
                         for row in text.split("\n"))


@dataclass(frozen=True)
class Answer:
    """What the person typed: the text, or a command; `ended` when input ended (Ctrl-D) while reading."""

    text: str
    ended: bool = False


def _read_answer(read: Callable[[], str]) -> Answer:
    """Lines until an empty one. End of input returns what was typed so far, marked `ended`."""
    lines: list[str] = []
    while True:
        try:
            line = read()
        except EOFError:
            return Answer("\n".join(lines), ended=True)
        if not line.strip():
            if lines:
                return Answer("\n".join(lines))
            continue
        lines.append(line.rstrip("\n"))
        if line.strip().startswith("/") and len(lines) == 1 and line.strip().split()[0] in COMMANDS:
            return Answer(line.strip())


def _pick_persona(term: Terminal) -> str:
    from agent.persona import load_all_personas

    personas = load_all_personas()
    term.say("Choose an interviewer:")
    for i, p in enumerate(personas, 1):
        term.say(f"  {i}. {p.name:<10} {p.tagline}")
    while True:
        term.say("Number or id: ", end="")
        try:
            choice = term.read().strip()
        except EOFError:
            raise UserError("no persona chosen") from None
        if choice.isdigit() and 1 <= int(choice) <= len(personas):
            return personas[int(choice) - 1].id
        if any(p.id == choice for p in personas):
            return choice
        term.say(f"  not a persona: {choice!r}")


def chat(persona: str | None = None, questions: int = 3, resume_id: str | None = None,
         model: str | None = None, read: Callable[[], str] = input, *, coach: bool = False,
         minutes: int | None = None, clock: Callable[[], float] = time.monotonic,
         terminal: Terminal | None = None) -> int:
    """Run one interview in plain text. `coach` and `minutes` are as in the app; on resume they are the saved
    interview's own."""
    from agent.brains import describe_brain, resolve_brain
    from agent.session import Interview
    from agent.storage import save_transcript

    term = terminal or Terminal(read=read)
    brain = resolve_brain(model)
    term.say(f"Brain: {describe_brain(brain)}.")
    if resume_id:
        interview = Interview.resume(resume_id, brain=brain)
        term.say(f"Resuming {resume_id} with {interview.persona.name}.")
    else:
        interview = Interview.start(persona or _pick_persona(term), questions=questions, brain=brain)
        for warning in interview.warnings:
            print(f"interviewer: warning: {warning}", file=sys.stderr)
        interview.metadata.update(mode="coach" if coach else "realistic", timebox_minutes=minutes,
                                  elapsed_seconds=0.0)
        save_transcript(interview.transcript())
        term.say(f"Interview {interview.session_id} with {interview.persona.name}.")
    try:
        return _converse(interview, term, clock)
    finally:
        interview.close()
        sys.stdout.flush()


def _converse(interview: Interview, term: Terminal, clock: Callable[[], float]) -> int:
    from agent.drafts import load_draft, save_draft

    meta = interview.metadata
    coach = meta.get("mode") == "coach"
    timebox = meta.get("timebox_minutes")
    opened, base = clock(), float(meta.get("elapsed_seconds") or 0.0)

    def elapsed() -> float:
        return base + clock() - opened

    if coach:
        term.say("Coach mode: after each interviewer line, what it is testing and the signals still missing.")
    if timebox:
        term.say(f"Time box: {timebox} min; {_clock(elapsed())} used.")
    term.say(HELP)
    for turn in interview.turns:
        _show_turn(term, turn, coach)
    draft = load_draft(interview.session_id)
    if draft.strip():
        term.say(f"\nYour unsent draft from last time (/draft sends it as it is):\n{draft}")
    last = False
    while not interview.finished:
        if timebox and not last and elapsed() >= timebox * 60:
            last = True
            term.say("\nTime's up. The answer you send next is your last: the interviewer closes after it.")
        print("\n> ", end="", flush=True)  # the prompt as it is: wrapping would strip its space
        answer = _read_answer(term.read)
        if term.echo and answer.text and not answer.ended:
            term.echo_answer(answer.text)
        if answer.ended:
            interview.metadata["elapsed_seconds"] = round(elapsed(), 1)
            if answer.text.strip():
                save_draft(interview.session_id, answer.text)
                term.say(f"\nYour unfinished answer is saved as a draft, not sent. Continue with: "
                         f"interviewer resume {interview.session_id}")
            else:
                term.say(f"\nSaved. Continue with: interviewer resume {interview.session_id}")
            return 0
        text = answer.text
        if text == "/repeat":
            _repeat(interview, term)
            continue
        if text == "/help":
            term.say(HELP)
            continue
        if text == "/draft":
            text = load_draft(interview.session_id).strip()
            if not text:
                term.say("No saved draft.")
                continue
        interview.metadata["elapsed_seconds"] = round(elapsed(), 1)
        _respond(interview, text, stream=term.stream and _streams(interview), term=term, coach=coach)
        save_draft(interview.session_id, "")  # the answer is the core's now: the draft must not come back
        if last and not interview.finished:
            _respond(interview, "/end", stream=False, term=term, coach=coach)
    term.say()
    term.say(verdict_markdown(interview.verdict, interview.transcript(), interview.persona.name))
    _usage(interview, term)
    return 0


def _streams(interview: Interview) -> bool:
    """Only a model writes a line piece by piece; the offline engine's line arrives whole, so it is not streamed."""
    return bool(getattr(interview.brain, "info", {}).get("model"))


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def _show_turn(term: Terminal, turn: Turn, coach: bool, streamed: str = "") -> None:
    """One turn under its label (a streamed line: the rest of it, then its mark), and in coach mode its hint."""
    from agent.coach import line_hint

    label = turn_label(turn)
    if streamed and turn.text.startswith(streamed):
        rest = turn.text[len(streamed):]
        mark = label.removeprefix("Interviewer").strip()
        print(rest + (f" {mark}" if mark else ""), flush=True)
    else:
        term.say(("\n" if streamed else "") + f"\n{label}: {turn.text}")
    hint = line_hint(turn) if coach else None
    if hint:
        term.say(f"  Coach: {hint}")


def _repeat(interview: Interview, term: Terminal) -> None:
    """The current question, then the latest constraint in it and the line being answered, if different."""
    turns = interview.turns
    q_index = interview.question_index
    total = interview.metadata.get("questions") or len(interview.metadata.get("question_ids") or []) or "?"
    ids = interview.metadata.get("question_ids") or []
    question = interview.persona.question(ids[q_index]).text if q_index < len(ids) else ""
    term.say(f"\nQuestion {q_index + 1} of {total}: {question}")
    latest = next((t for t in reversed(turns) if t.kind == "constraint" and t.question_index == q_index), None)
    if latest is not None:
        term.say(f"\nLatest {turn_label(latest)}: {latest.text}")
    last = turns[-1] if turns else None
    if last is not None and last.role == "interviewer" and last is not latest and question not in last.text:
        term.say(f"\nLast said, {turn_label(last)}: {last.text}")


def _respond(interview: Interview, answer: str, stream: bool, term: Terminal | None = None,
             coach: bool = False) -> None:
    """Send the answer (or `/end`) and print the interviewer's reply: a model's line streamed as it is written
    when `stream`, else whole. The finished turn is authoritative: what streaming did not show is printed."""
    term = term or Terminal(wrap=False)
    streamed: list[str] = []

    def show(delta: str) -> None:
        if not streamed:
            print("\nInterviewer: ", end="")
        streamed.append(delta)
        print(delta, end="", flush=True)

    seen = len(interview.notices)
    new = interview.end() if answer == "/end" else interview.answer(answer, on_delta=show if stream else None)
    shown = "".join(streamed)
    for turn in new:
        if turn.role != "interviewer":
            continue
        _show_turn(term, turn, coach, shown)
        shown = ""
    if coach:
        _coach_summary(interview, term)
    for notice in interview.notices[seen:]:
        term.say(f"\n[notice] {notice}")


def _coach_summary(interview: Interview, term: Terminal) -> None:
    from agent.coach import live_signals, missing_signals
    from agent.taxonomy import SIGNALS

    if interview.finished:
        return
    heard = live_signals(interview.state.get("analyses", []))
    found = ", ".join(s.title for s in heard) or "none yet"
    missing = ", ".join(SIGNALS[sid].title for sid in missing_signals(interview.persona, heard)) or "none"
    term.say(f"  Coach: heard so far: {found}. Still missing: {missing}.")


def _usage(interview: Interview, term: Terminal) -> None:
    """The interview's model tokens and cost, as stored with the transcript (nothing for offline)."""
    from agent.llm.usage import describe

    usage_total = interview.transcript().metadata.get("usage_total")
    if usage_total:
        term.say(describe(usage_total))
