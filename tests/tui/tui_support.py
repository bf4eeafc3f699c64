"""Helpers for the TUI tests: a deterministic app, waiting for workers, and saved interviews with fixed dates."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from agent.models import Transcript, Turn
from agent.offline.brain import OfflineBrain
from agent.persona import load_persona
from agent.storage import save_transcript
from tui.app import InterviewerApp
from tui.transcript import TranscriptView
from tui.verdict_screen import VerdictScreen

GOOD_ANSWER = ("Before I pick a model, who acts on this and what decision changes? I'd start with a simple "
               "baseline that is easy to debug, and I'd give up a little accuracy to ship it in week one.")
ANSWERS = [
    GOOD_ANSWER,
    "Assuming the labels are noisy, I'd relabel a few hundred examples first to estimate the noise rate, "
    "because I could be wrong about where the errors come from.",
    "That changes things: I'd drop the expensive features and precompute aggregates offline, accepting "
    "slightly lower recall to meet the limit.",
    "I'd ship behind a canary with a rollback, and watch drift alerts, since false alarms cost support hours.",
]
WEAK = [
    "I'd go straight to a deep transformer. That's definitely the best approach; it's state of the art.",
    "The model will learn to handle the noise, so I wouldn't worry about the labels. More GPUs.",
]


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test on a fresh event loop (the project has no pytest async plugin)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


def make_app(**kwargs: object) -> InterviewerApp:
    """The offline brain (whatever keys or local Ollama the machine has), a frozen clock (the timer always reads
    00:00), a fixed session id and a fixed seed."""
    kwargs.setdefault("model", "offline")
    kwargs.setdefault("clock", lambda: 1000.0)
    kwargs.setdefault("session_ids", lambda persona: f"{persona}-test")
    kwargs.setdefault("seed", "seed-1")
    return InterviewerApp(**kwargs)


async def settle(pilot: Pilot) -> None:
    """Wait until no worker is running and every message they posted has been handled."""
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            break
    await pilot.pause()


def no_blink(pilot: Pilot) -> None:
    """A blinking cursor makes screenshots flaky: keep every cursor on the current screen steady."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


def in_view(view: TranscriptView, turn_index: int) -> bool:
    """The turn's block is highlighted and its top line is inside the transcript's visible area."""
    target = view.query_one(f"#turn-{turn_index}")
    region = view.content_region
    return target.has_class("-highlight") and region.y <= target.region.y < region.bottom


async def check_every_evidence_jump(pilot, screen: VerdictScreen) -> int:
    """Enter on each evidence entry in turn: each time, its turn lands in view. Returns how many jumped."""
    jumps = 0
    for index, entry in enumerate(screen._entries):
        if entry.turn_index is None:
            continue
        await pilot.press("2")
        screen.query_one("#evidence-list", OptionList).highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        view = screen.query_one(TranscriptView)
        assert in_view(view, entry.turn_index), (index, entry.turn_index, view.scroll_y)
        jumps += 1
    return jumps


def save_finished(session_id: str, persona_id: str, answers: list[str], created_at: str) -> Transcript:
    """A judged one-question interview on disk, as the core would leave it, with fixed timestamps."""
    persona = load_persona(persona_id)
    turns = [Turn(role="interviewer", kind="question", text=persona.questions[0].text, question_index=0)]
    for answer in answers:
        turns.append(Turn(role="candidate", text=answer, question_index=0))
        turns.append(Turn(role="interviewer", kind="probe", text="What would change your mind?", question_index=0))
    turns[-1] = Turn(role="interviewer", kind="closing", text=persona.style.closing, question_index=0)
    transcript = Transcript(id=session_id, persona=persona_id, turns=turns)
    verdict = OfflineBrain().judge(transcript)
    transcript.metadata = {"created_at": created_at, "updated_at": created_at, "status": "finished",
                           "questions": 1, "question_index": 0, "brain": "offline", "mode": "realistic",
                           "verdict": verdict.model_dump(mode="json")}
    save_transcript(transcript)
    return transcript


def save_unfinished(session_id: str, persona_id: str, updated_at: str) -> Transcript:
    """An interview stopped in question 2 of 3 (listed on Home; not resumable without a checkpoint)."""
    persona = load_persona(persona_id)
    turns = [Turn(role="interviewer", kind="question", text=persona.questions[0].text, question_index=0),
             Turn(role="candidate", text=GOOD_ANSWER, question_index=0)]
    transcript = Transcript(id=session_id, persona=persona_id, turns=turns, metadata={
        "created_at": updated_at, "updated_at": updated_at, "status": "in_progress", "questions": 3,
        "question_index": 1, "brain": "offline", "mode": "coach"})
    save_transcript(transcript)
    return transcript
