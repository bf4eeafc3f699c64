"""One interview as a client sees it: start, answer, resume, finish. The CLI and the TUI both drive this.

Durability, exactly once. The session file is written before the graph sees anything: at the start, and before
each answer or request to end, as `metadata["pending"]`: `{"answer": text, "turn": index it will take}` or
`{"end": true}`.
The graph runs with `durability="sync"`, so each step's writes and checkpoint are in SQLite before the next
step starts. A kill can therefore leave only these states, and `_recover` finishes each without input:

- no checkpoint yet (killed while starting): the start runs from the saved question list;
- the graph mid-step (a step's writes stored but not its checkpoint, so `get_state().next` is empty; or a
  checkpoint whose next node is not `listen`): the run continues from there, keeping the stored writes;
- an answer in the file that the graph has not recorded: it is sent, once; one it has recorded (its turn is at
  the pending index) is not sent again;
- a request to end that the graph has not acted on: it is sent;
- a verdict in the checkpoint but not in the file: the file is rewritten.

One process at a time: an OS lock on the session is held from opening to `close()`.
"""

from __future__ import annotations

import random
import secrets
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from agent import checkpoints
from agent.brain import Brain
from agent.brains import resolve_brain
from agent.errors import MAX_TURN_CHARS, UserError
from agent.models import Transcript, Turn, Verdict
from agent.persona import Persona, load_persona
from agent.session_lock import SessionLock
from agent.storage import (
    checkpoint_db,
    load_session,
    recent_question_ids,
    remove_stale_temps,
    save_transcript,
    session_path,
)

CATEGORY_ORDER = ("system_design", "data", "debugging", "metrics", "past_project")
DeltaSink = Callable[[str], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def select_questions(persona: Persona, count: int, seed: str, recent: tuple[str, ...] = ()) -> list[str]:
    """`count` distinct questions, one category after another, chosen reproducibly from `seed`; within a category,
    questions not in `recent` (this user's last interviews, newest first) come first, then the least recent."""
    if not 1 <= count <= len(persona.questions):
        raise UserError(f"--questions must be between 1 and {len(persona.questions)} for persona {persona.id}")
    rng = random.Random(seed)
    pools = {c: [q.id for q in persona.questions if q.category == c] for c in CATEGORY_ORDER}
    for pool in pools.values():
        rng.shuffle(pool)
        # popped from the end: fresh questions last in the list, the most recently asked first
        pool.sort(key=lambda qid: recent.index(qid) if qid in recent else len(recent))
    chosen: list[str] = []
    while len(chosen) < count:
        for cat in CATEGORY_ORDER:
            if pools[cat] and len(chosen) < count:
                chosen.append(pools[cat].pop())
    return chosen


def new_session_id(persona_id: str) -> str:
    return f"{persona_id}-{datetime.now(UTC):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


class Interview:
    """A live interview bound to a checkpointed LangGraph thread, held by this process alone until `close()`."""

    def __init__(self, session_id: str, persona: Persona, brain: Brain, lock: SessionLock, *, new: bool):
        from langgraph.checkpoint.sqlite import SqliteSaver

        from agent.graph import build_graph

        self.session_id = session_id
        self.persona = persona
        self.brain = brain
        self.metadata: dict = {}
        self.warnings: list[str] = []
        self._lock = lock
        self._db_path = checkpoint_db()
        self._conn = self._connect(new)
        self._saver = SqliteSaver(self._conn)
        self.graph = build_graph(brain, persona, self._saver)
        self.config = {"configurable": {"thread_id": session_id}}
        self._snapshot = None

    def _connect(self, new: bool) -> sqlite3.Connection:
        """The checkpoint database. A damaged one stops a resume; a new interview moves it aside and goes on."""
        try:
            return checkpoints.connect(self._db_path)
        except checkpoints.DamagedDatabase as exc:
            if not new:
                raise checkpoints.damaged_error(exc, self.session_id) from None
            moved = checkpoints.move_aside(self._db_path)
            self.warnings.append(f"{self._db_path} was damaged ({exc.reason}); moved it aside to {moved} and "
                                 "started a fresh one (interviews saved in it can no longer be resumed)")
            return checkpoints.connect(self._db_path)

    # -- lifecycle ---------------------------------------------------------------------------------
    @classmethod
    def start(cls, persona_id: str, questions: int = 3, brain: Brain | None = None,
              session_id: str | None = None, seed: str | None = None) -> Interview:
        persona = load_persona(persona_id)
        session_id = session_id or new_session_id(persona.id)
        # Fresh questions across sessions; an explicit seed means "this exact interview", so it is not varied.
        recent = () if seed else recent_question_ids(persona.id)
        question_ids = select_questions(persona, questions, seed or session_id, recent)
        brain = brain or resolve_brain()
        interview = cls._open(session_id, lambda: persona, brain, new=True)
        try:
            interview.metadata = {"created_at": _now(), "questions": questions, "question_ids": question_ids,
                                  "brain": interview.brain.name, **getattr(interview.brain, "info", {})}
            interview._save()  # the interview exists on disk before the graph takes its first step
            interview._run(interview._first_input())
        except BaseException:
            interview.close()
            raise
        return interview

    @classmethod
    def resume(cls, session_id: str, brain: Brain | None = None) -> Interview:
        """Reopen a saved interview and finish whatever a killed process left half done."""
        saved: list[Transcript] = []

        def persona() -> Persona:
            saved.append(load_session(session_id))  # read under the lock: no other writer can be mid-way
            try:
                return load_persona(saved[0].persona)
            except UserError as err:
                raise UserError(f"{session_path(session_id)}: persona: {err}") from None

        interview = cls._open(session_id, persona, brain, new=False)
        try:
            interview.metadata = dict(saved[0].metadata)
            interview.metadata.update(brain=interview.brain.name, **getattr(interview.brain, "info", {}))
            if not interview.state and saved[0].turns:
                raise UserError(f"interview {session_id} has no checkpoint in {interview._db_path} to continue "
                                f"from; its transcript is in {session_path(session_id)}")
            interview._recover()
            interview._settle()
            remove_stale_temps(session_path(session_id))
        except BaseException:
            interview.close()
            raise
        return interview

    @classmethod
    def _open(cls, session_id: str, persona: Callable[[], Persona], brain: Brain | None, *, new: bool) -> Interview:
        """Lock the session, then build the interview (the persona is read once the lock is held)."""
        session_path(session_id)  # a bad id is refused before anything is created
        lock = SessionLock(session_id)
        try:
            return cls(session_id, persona(), brain or resolve_brain(), lock, new=new)
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        self._conn.close()
        self._lock.release()

    # -- driving -----------------------------------------------------------------------------------
    def answer(self, text: str, on_delta: DeltaSink | None = None) -> list[Turn]:
        """Record the candidate's answer (on disk first), then let the interviewer respond."""
        from langgraph.types import Command

        text = text.strip()
        if not text:
            raise UserError("an answer cannot be empty")
        if len(text) > MAX_TURN_CHARS:
            raise UserError(f"an answer can be at most {MAX_TURN_CHARS:,} characters; this one has {len(text):,}")
        earlier = self._recover()
        if self.finished:
            raise UserError("this interview is finished")
        self.metadata["pending"] = {"answer": text, "turn": len(self.state.get("turns", []))}
        self._save()
        return earlier + self._run(Command(resume={"text": text}), on_delta)

    def end(self, on_delta: DeltaSink | None = None) -> list[Turn]:
        """Stop without another answer: the interviewer closes and the judge gives its verdict."""
        from langgraph.types import Command

        earlier = self._recover()
        if self.finished:
            return earlier
        self.metadata["pending"] = {"end": True}
        self._save()
        return earlier + self._run(Command(resume={"end": True}), on_delta)

    def _first_input(self) -> dict:
        return {"session_id": self.session_id, "persona_id": self.persona.id,
                "question_ids": self.metadata["question_ids"], "q_index": 0, "turns": [], "kinds_used": [],
                "analyses": []}

    def _recover(self) -> list[Turn]:
        """Bring the graph to a clean stop (waiting for an answer, or finished) from wherever a kill or an
        error left it, and act on a pending answer or end exactly once. Returns the turns this added."""
        from langgraph.types import Command

        before = len(self.turns)
        if not self.state:
            self._run(self._first_input())
        if not self.finished and not self.waiting_for_answer:
            self._run(None)  # the graph stopped mid-step: LangGraph keeps the stored writes and runs the rest
        pending = self.metadata.get("pending") or {}
        if self.waiting_for_answer and "answer" in pending and not self._answer_recorded():
            self._run(Command(resume={"text": pending["answer"]}))
        elif self.waiting_for_answer and pending.get("end"):
            self._run(Command(resume={"end": True}))
        return self.turns[before:]

    def _answer_recorded(self) -> bool:
        """Whether the graph holds the pending answer: its turn, at the index it was sent for, is in the state."""
        index = (self.metadata.get("pending") or {}).get("turn", -1)
        turns = self.state.get("turns", [])
        return 0 <= index < len(turns) and turns[index]["role"] == "candidate"

    def _run(self, payload: object, on_delta: DeltaSink | None = None) -> list[Turn]:
        before = len(self.turns)
        self._snapshot = None
        try:
            for chunk in self.graph.stream(payload, self.config, stream_mode="custom", durability="sync"):
                if on_delta and "delta" in chunk:
                    on_delta(chunk["delta"])
        except sqlite3.OperationalError as exc:  # locked, read-only, out of space: the file itself is sound
            raise UserError(f"{self._db_path}: cannot save the interview's progress: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise checkpoints.damaged_error(checkpoints.DamagedDatabase(self._db_path, str(exc)),
                                            self.session_id) from None
        finally:
            self._snapshot = None
        self._settle()
        return self.turns[before:]

    def _settle(self) -> None:
        """Drop the pending marks the graph has acted on, save the file, and compact a finished interview."""
        pending = self.metadata.get("pending")
        if pending and (self.finished or ("answer" in pending and self._answer_recorded())):
            del self.metadata["pending"]
        self._save()
        if self.finished:
            checkpoints.compact(self._conn, self.session_id)

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
        pending = meta.get("pending") or {}
        if "answer" in pending and not self._answer_recorded():
            turns.append(Turn(role="candidate", text=pending["answer"], question_index=state.get("q_index", 0)))
        return Transcript(id=self.session_id, persona=self.persona.id, turns=turns, metadata=meta)

    def _save(self) -> Path:
        return save_transcript(self.transcript())
