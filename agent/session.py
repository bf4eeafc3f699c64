"""One interview as a client sees it: start, answer, resume, finish. The CLI and the TUI both drive this.

Durability: the graph runs with `durability="sync"`, so every node's output is in the SQLite checkpoint before
the next node starts; and `answer()` writes the candidate's words into the session's transcript file before
the graph (and any model call) sees them. A process killed at any point resumes with nothing lost.
"""

from __future__ import annotations

import random
import secrets
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from agent.brain import Brain
from agent.brains import resolve_brain
from agent.errors import UserError
from agent.models import Transcript, Turn, Verdict
from agent.persona import Persona, load_persona
from agent.storage import checkpoint_db, save_transcript, sessions_dir

CATEGORY_ORDER = ("system_design", "data", "debugging", "metrics", "past_project")
DeltaSink = Callable[[str], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def select_questions(persona: Persona, count: int, seed: str) -> list[str]:
    """`count` distinct questions, one category after another, chosen reproducibly from `seed`."""
    if not 1 <= count <= len(persona.questions):
        raise UserError(f"--questions must be between 1 and {len(persona.questions)} for persona {persona.id}")
    rng = random.Random(seed)
    pools = {c: [q.id for q in persona.questions if q.category == c] for c in CATEGORY_ORDER}
    for pool in pools.values():
        rng.shuffle(pool)
    chosen: list[str] = []
    while len(chosen) < count:
        for cat in CATEGORY_ORDER:
            if pools[cat] and len(chosen) < count:
                chosen.append(pools[cat].pop())
    return chosen


def new_session_id(persona_id: str) -> str:
    return f"{persona_id}-{datetime.now(UTC):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


class Interview:
    """A live interview bound to a checkpointed LangGraph thread."""

    def __init__(self, session_id: str, persona: Persona, brain: Brain, db_path: Path | None = None):
        from langgraph.checkpoint.sqlite import SqliteSaver

        from agent.graph import build_graph

        self.session_id = session_id
        self.persona = persona
        self.brain = brain
        self._conn = sqlite3.connect(str(db_path or checkpoint_db()), check_same_thread=False)
        self._saver = SqliteSaver(self._conn)
        self.graph = build_graph(brain, persona, self._saver)
        self.config = {"configurable": {"thread_id": session_id}}
        self.metadata: dict = {}
        self._snapshot = None

    # -- lifecycle ---------------------------------------------------------------------------------
    @classmethod
    def start(cls, persona_id: str, questions: int = 3, brain: Brain | None = None,
              session_id: str | None = None, seed: str | None = None) -> Interview:
        persona = load_persona(persona_id)
        session_id = session_id or new_session_id(persona.id)
        interview = cls(session_id, persona, brain or resolve_brain())
        question_ids = select_questions(persona, questions, seed or session_id)
        interview.metadata = {"created_at": _now(), "questions": questions, "question_ids": question_ids,
                              "brain": interview.brain.name, **getattr(interview.brain, "info", {})}
        interview._run({"session_id": session_id, "persona_id": persona.id, "question_ids": question_ids,
                        "q_index": 0, "turns": [], "kinds_used": [], "analyses": []})
        return interview

    @classmethod
    def resume(cls, session_id: str, brain: Brain | None = None) -> Interview:
        path = sessions_dir() / f"{session_id}.json"
        if not path.is_file():
            raise UserError(f"no saved interview {session_id!r}; `interviewer sessions` lists them")
        saved = Transcript.model_validate_json(path.read_text(encoding="utf-8"))
        interview = cls(session_id, load_persona(saved.persona), brain or resolve_brain())
        interview.metadata = dict(saved.metadata)
        interview.metadata.update(brain=interview.brain.name, **getattr(interview.brain, "info", {}))
        if not interview.state:
            raise UserError(f"interview {session_id!r} has no checkpoint to resume from")
        pending = interview.metadata.get("pending_answer")
        if pending is not None and interview.waiting_for_answer:
            interview.answer(pending)
        elif interview._snap().next and not interview.waiting_for_answer:
            interview._run(None)
        return interview

    def close(self) -> None:
        self._conn.close()

    # -- driving -----------------------------------------------------------------------------------
    def answer(self, text: str, on_delta: DeltaSink | None = None) -> list[Turn]:
        """Record the candidate's answer (on disk first), then let the interviewer respond."""
        from langgraph.types import Command

        if self.finished:
            raise UserError("this interview is finished")
        text = text.strip()
        if not text:
            raise UserError("an answer cannot be empty")
        self.metadata["pending_answer"] = text
        self._save()
        return self._run(Command(resume={"text": text}), on_delta)

    def end(self, on_delta: DeltaSink | None = None) -> list[Turn]:
        """Stop without another answer: the interviewer closes and the judge gives its verdict."""
        from langgraph.types import Command

        if self.finished:
            return []
        return self._run(Command(resume={"end": True}), on_delta)

    def _run(self, payload: object, on_delta: DeltaSink | None = None) -> list[Turn]:
        before = len(self.turns)
        self._snapshot = None
        for chunk in self.graph.stream(payload, self.config, stream_mode="custom", durability="sync"):
            if on_delta and "delta" in chunk:
                on_delta(chunk["delta"])
        self._snapshot = None
        self.metadata.pop("pending_answer", None)
        self._save()
        return self.turns[before:]

    # -- views -------------------------------------------------------------------------------------
    def _snap(self):
        """The checkpointed state, read once per change: it only moves inside `_run`."""
        if self._snapshot is None:
            self._snapshot = self.graph.get_state(self.config)
        return self._snapshot

    @property
    def state(self) -> dict:
        return self._snap().values

    @property
    def turns(self) -> list[Turn]:
        return [Turn.model_validate(t) for t in self.state.get("turns", [])]

    @property
    def waiting_for_answer(self) -> bool:
        return "listen" in self._snap().next

    @property
    def finished(self) -> bool:
        return self.state.get("verdict") is not None

    @property
    def verdict(self) -> Verdict | None:
        v = self.state.get("verdict")
        return Verdict.model_validate(v) if v else None

    @property
    def prompt(self) -> str | None:
        """The interviewer line the candidate is expected to answer, if any."""
        return self.turns[-1].text if self.waiting_for_answer and self.turns else None

    @property
    def question_index(self) -> int:
        return self.state.get("q_index", 0)

    @property
    def notices(self) -> list[str]:
        return self.state.get("notices", [])

    def transcript(self) -> Transcript:
        """The public transcript, with an answer the graph has not recorded yet already in its place."""
        state = self.state
        meta = dict(self.metadata)
        meta.update(
            updated_at=_now(),
            status="finished" if self.finished else "in_progress",
            question_index=state.get("q_index", 0),
            notices=state.get("notices", []),
        )
        if state.get("usage"):
            from agent.llm.usage import summarize

            meta["usage"] = state["usage"]
            meta["usage_total"] = summarize(state["usage"])
        if state.get("verdict"):
            meta["verdict"] = state["verdict"]
        turns = self.turns
        pending = meta.get("pending_answer")
        if pending is not None and not (turns and turns[-1].role == "candidate" and turns[-1].text == pending):
            turns.append(Turn(role="candidate", text=pending, question_index=state.get("q_index", 0)))
        return Transcript(id=self.session_id, persona=self.persona.id, turns=turns, metadata=meta)

    def _save(self) -> Path:
        return save_transcript(self.transcript())
