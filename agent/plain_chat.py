"""The interview in a plain terminal: for pipes, screen readers, and machines without a TUI."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from agent.errors import UserError
from agent.render import turn_label, verdict_markdown

if TYPE_CHECKING:
    from agent.session import Interview

HELP = "Finish an answer with an empty line. Commands: /repeat (show the question again), /end (stop and judge)."


def _read_answer(read: Callable[[], str]) -> str | None:
    """Lines until an empty one; None on end of input."""
    lines: list[str] = []
    while True:
        try:
            line = read()
        except EOFError:
            return "\n".join(lines) if lines else None
        if not line.strip():
            if lines:
                return "\n".join(lines)
            continue
        lines.append(line.rstrip("\n"))
        if line.strip().startswith("/") and len(lines) == 1:
            return line.strip()


def _pick_persona(read: Callable[[], str]) -> str:
    from agent.persona import load_all_personas

    personas = load_all_personas()
    print("Choose an interviewer:")
    for i, p in enumerate(personas, 1):
        print(f"  {i}. {p.name:<10} {p.tagline}")
    while True:
        print("Number or id: ", end="", flush=True)
        try:
            choice = read().strip()
        except EOFError:
            raise UserError("no persona chosen") from None
        if choice.isdigit() and 1 <= int(choice) <= len(personas):
            return personas[int(choice) - 1].id
        if any(p.id == choice for p in personas):
            return choice
        print(f"  not a persona: {choice!r}")


def chat(persona: str | None = None, questions: int = 3, resume_id: str | None = None,
         model: str | None = None, read: Callable[[], str] = input) -> int:
    from agent.brains import describe_brain, resolve_brain
    from agent.session import Interview

    brain = resolve_brain(model)
    print(f"Brain: {describe_brain(brain)}.")
    if resume_id:
        interview = Interview.resume(resume_id, brain=brain)
        print(f"Resuming {resume_id} with {interview.persona.name}.")
    else:
        interview = Interview.start(persona or _pick_persona(read), questions=questions, brain=brain)
        for warning in interview.warnings:
            print(f"interviewer: warning: {warning}", file=sys.stderr)
        print(f"Interview {interview.session_id} with {interview.persona.name}.")
    print(HELP)
    try:
        for turn in interview.turns:
            print(f"\n{turn_label(turn)}: {turn.text}")
        while not interview.finished:
            print("\n> ", end="", flush=True)
            answer = _read_answer(read)
            if answer is None:
                print(f"\nSaved. Continue with: interviewer resume {interview.session_id}")
                return 0
            if answer == "/repeat":
                print(f"\n{turn_label(interview.turns[-1])}: {interview.prompt}")
                continue
            if answer == "/help":
                print(HELP)
                continue
            _respond(interview, answer, stream=sys.stdout.isatty())
        print()
        print(verdict_markdown(interview.verdict, interview.transcript()))
        _usage(interview)
        return 0
    finally:
        interview.close()
        sys.stdout.flush()


def _respond(interview: Interview, answer: str, stream: bool) -> None:
    """Send the answer and print the interviewer's reply: streamed as it is written on a terminal, whole in a
    pipe or for a screen reader. The finished turn is authoritative: what streaming did not show is printed."""
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
        if shown and turn.text.startswith(shown):
            print(turn.text[len(shown):])
        else:
            print(("\n" if shown else "") + f"\n{turn_label(turn)}: {turn.text}")
        shown = ""
    for notice in interview.notices[seen:]:
        print(f"\n[notice] {notice}")


def _usage(interview: Interview) -> None:
    """The interview's model tokens and cost, as stored with the transcript (nothing for offline)."""
    from agent.llm.usage import describe

    usage_total = interview.transcript().metadata.get("usage_total")
    if usage_total:
        print(describe(usage_total))
