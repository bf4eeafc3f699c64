"""The interview in a plain terminal: for pipes, screen readers, and machines without a TUI."""

from __future__ import annotations

import sys
from collections.abc import Callable

from agent.errors import UserError
from agent.render import turn_label, verdict_markdown

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
    from agent.brains import resolve_brain
    from agent.session import Interview

    brain = resolve_brain(model)
    if resume_id:
        interview = Interview.resume(resume_id, brain=brain)
        print(f"Resuming {resume_id} with {interview.persona.name}.")
    else:
        interview = Interview.start(persona or _pick_persona(read), questions=questions, brain=brain)
        print(f"Interview {interview.session_id} with {interview.persona.name}. Brain: {interview.brain.name}.")
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
            new = interview.end() if answer == "/end" else interview.answer(answer)
            for turn in new:
                if turn.role == "interviewer":
                    print(f"\n{turn_label(turn)}: {turn.text}")
        print()
        print(verdict_markdown(interview.verdict, interview.transcript()))
        return 0
    finally:
        interview.close()
        sys.stdout.flush()
