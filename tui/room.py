"""The interview room's model: one `Interview` behind a lock, and plain snapshots of it for the UI.

Every method here blocks (LangGraph, SQLite, possibly a model call), so the screens call them only from thread
workers and receive `RoomSnapshot`s back in messages. The lock serialises the worker that answers and the one
that closes, so leaving the screen mid-answer never closes the database under a running graph.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agent.brain import Brain
    from agent.coach import LiveSignal
    from agent.models import Transcript, Turn, Verdict
    from agent.session import Interview

DeltaSink = Callable[[str], None]


@dataclass(frozen=True)
class Constraint:
    kind: str
    text: str
    question_index: int


@dataclass(frozen=True)
class RoomSnapshot:
    """Everything the interview screen shows, read from the interview in one go on the worker thread."""

    session_id: str
    persona_name: str
    turns: list[Turn]
    question_index: int
    question_count: int
    question_text: str
    prompt: str | None
    waiting: bool
    finished: bool
    mode: str
    timebox_minutes: int | None
    elapsed_seconds: float
    signals: list[LiveSignal] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    verdict: Verdict | None = None
    transcript: Transcript | None = None


def constraints_of(turns: list[Turn]) -> list[Constraint]:
    return [Constraint(kind=t.constraint_kind or "", text=t.text, question_index=t.question_index or 0)
            for t in turns if t.kind == "constraint"]


class Room:
    """Owns one `Interview`. Construct it (and call every method) off the UI thread."""

    def __init__(self, interview: Interview):
        self.interview = interview
        self._lock = threading.Lock()

    @classmethod
    def start(cls, persona_id: str, questions: int, brain: Brain, *, mode: str, timebox_minutes: int | None,
              session_id: str | None = None, seed: str | None = None) -> Room:
        from agent.session import Interview
        from agent.storage import save_transcript

        interview = Interview.start(persona_id, questions=questions, brain=brain, session_id=session_id,
                                    seed=seed)
        interview.metadata.update(mode=mode, timebox_minutes=timebox_minutes, elapsed_seconds=0.0)
        save_transcript(interview.transcript())
        return cls(interview)

    @classmethod
    def resume(cls, session_id: str, brain: Brain) -> Room:
        from agent.session import Interview

        return cls(Interview.resume(session_id, brain=brain))

    def snapshot(self) -> RoomSnapshot:
        with self._lock:
            return self._snapshot()

    def answer(self, text: str, elapsed_seconds: float, on_delta: DeltaSink | None = None) -> RoomSnapshot:
        with self._lock:
            self.interview.metadata["elapsed_seconds"] = round(elapsed_seconds, 1)
            self.interview.answer(text, on_delta=on_delta)
            return self._snapshot()

    def end(self, elapsed_seconds: float) -> RoomSnapshot:
        with self._lock:
            self.interview.metadata["elapsed_seconds"] = round(elapsed_seconds, 1)
            self.interview.end()
            return self._snapshot()

    def close(self) -> None:
        with self._lock:
            self.interview.close()

    def _snapshot(self) -> RoomSnapshot:
        from agent.coach import live_signals, missing_signals
        from agent.taxonomy import SIGNALS

        iv = self.interview
        meta = iv.metadata
        state = iv.state
        turns = iv.turns
        q_index = iv.question_index
        question_ids = meta.get("question_ids") or []
        question_text = (iv.persona.question(question_ids[q_index]).text if q_index < len(question_ids)
                         else next((t.text for t in reversed(turns) if t.kind == "question"), ""))
        finished = iv.finished
        timebox = meta.get("timebox_minutes")
        signals = live_signals(state.get("analyses", []))
        return RoomSnapshot(
            session_id=iv.session_id, persona_name=iv.persona.name, turns=turns,
            question_index=q_index, question_count=int(meta.get("questions") or len(question_ids) or 1),
            question_text=question_text, prompt=iv.prompt, waiting=iv.waiting_for_answer, finished=finished,
            mode=meta.get("mode", "realistic"), timebox_minutes=int(timebox) if timebox else None,
            elapsed_seconds=float(meta.get("elapsed_seconds") or 0.0),
            signals=signals, missing=[SIGNALS[sid].title for sid in missing_signals(iv.persona, signals)],
            constraints=constraints_of(turns),
            notices=list(iv.notices), verdict=iv.verdict if finished else None,
            transcript=iv.transcript() if finished else None,
        )


def describe_error(exc: BaseException) -> str:
    """A one-line message for the UI: the core's user errors as they are, anything else with its type."""
    from agent.errors import UserError

    return str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
