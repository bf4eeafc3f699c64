"""The interviewer as a LangGraph state machine.

    ask -> listen (interrupt) -> analyze -> route -> probe | constraint | pushback | follow_up | clarification
                                                     -> listen
                                                  -> next_question -> ask
                                                  -> wrap_up -> judge -> END

`listen` only waits for the candidate and records the answer, so its checkpoint holds the answer before
`analyze` calls any model; a resume re-runs `listen` from the top and never re-rolls the interviewer's line.
State is plain JSON (lists and dicts), so checkpoints deserialize without trusting pickled objects.
"""

from __future__ import annotations

from typing import Any, TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import END, START, StateGraph
from langgraph.types import interrupt

from agent.brain import Brain, TurnContext
from agent.models import BrainTurn, Transcript, Turn
from agent.persona import Persona, question_line
from agent.policy import InterviewProgress, QuestionProgress, allowed_moves, record
from agent.summary import summarize_earlier

FOLLOW_UP_NODES = {"probe": "probe", "constraint": "constraint", "pushback": "pushback",
                   "follow_up": "follow_up", "clarification": "clarification"}


class InterviewState(TypedDict, total=False):
    session_id: str
    persona_id: str
    question_ids: list[str]
    q_index: int
    turns: list[dict]
    progress: dict
    kinds_used: list[str]
    pending: dict | None
    analyses: list[dict]
    notices: list[str]
    usage: list[dict]
    verdict: dict | None


def _turns(state: InterviewState) -> list[Turn]:
    return [Turn.model_validate(t) for t in state.get("turns", [])]


def _progress(state: InterviewState) -> InterviewProgress:
    return InterviewProgress(
        question_index=state["q_index"],
        question_count=len(state["question_ids"]),
        turn_count=len(state.get("turns", [])),
        constraint_kinds_used=state.get("kinds_used", []),
        question=QuestionProgress.model_validate(state.get("progress") or {}),
    )


def question_turns(turns: list[Turn], q_index: int) -> list[tuple[int, Turn]]:
    return [(i, t) for i, t in enumerate(turns) if t.question_index == q_index]


def transcript_of(state: InterviewState) -> Transcript:
    return Transcript(id=state["session_id"], persona=state["persona_id"], turns=_turns(state))


def _stream_writer():
    """LangGraph's custom-stream writer, or a no-op when a node runs outside a graph (unit tests)."""
    try:
        return get_stream_writer()
    except RuntimeError:
        return lambda _chunk: None


def build_graph(brain: Brain, persona: Persona, checkpointer: Any = None):
    """Compile the interview graph for one persona around `brain` (offline or LLM; the graph can't tell)."""

    def ask(state: InterviewState) -> dict:
        q_index = state["q_index"]
        question = persona.question(state["question_ids"][q_index])
        pending = state.get("pending")
        lead = persona.style.opener if q_index == 0 else (pending or {}).get("text", "")
        turn = Turn(role="interviewer", kind="question", text=question_line(lead, question), question_index=q_index,
                    produced_by=(pending or {}).get("produced_by") if q_index else None)
        return {"turns": state.get("turns", []) + [turn.model_dump(exclude_none=True)],
                "progress": QuestionProgress().model_dump(), "pending": None}

    def listen(state: InterviewState) -> dict:
        last = state["turns"][-1]
        reply = interrupt({"prompt": last["text"], "kind": last.get("kind")})
        if isinstance(reply, dict) and reply.get("end"):
            return {"pending": None}
        text = reply["text"] if isinstance(reply, dict) else str(reply)
        turn = Turn(role="candidate", text=text, question_index=state["q_index"])
        return {"turns": state["turns"] + [turn.model_dump(exclude_none=True)]}

    def after_listen(state: InterviewState) -> str:
        """The candidate either answered (analyze it) or asked to stop with no answer (wrap up)."""
        return "analyze" if state["turns"][-1]["role"] == "candidate" else "wrap_up"

    def analyze(state: InterviewState) -> dict:
        turns = _turns(state)
        progress = _progress(state)
        ctx = TurnContext(
            persona=persona,
            question=persona.question(state["question_ids"][state["q_index"]]),
            progress=progress,
            question_turns=question_turns(turns, state["q_index"]),
            summary=summarize_earlier(turns, state.get("analyses", []), state["q_index"]),
            earlier_lines=[t.text for t in turns if t.role == "interviewer" and t.question_index != state["q_index"]],
            allowed=allowed_moves(persona, progress),
        )
        writer = _stream_writer()
        result = brain.respond(ctx, on_text=lambda delta: writer({"delta": delta}))
        record = {"turn_index": len(turns) - 1, "analysis": result.analysis.model_dump(mode="json"),
                  "move": result.move.model_dump(mode="json")}
        out: dict = {"pending": result.model_dump(mode="json"),
                     "analyses": state.get("analyses", []) + [record]}
        if result.notice:
            out["notices"] = state.get("notices", []) + [result.notice]
        if result.usage:
            out["usage"] = state.get("usage", []) + [result.usage]
        return out

    def route(state: InterviewState) -> str:
        kind = state["pending"]["move"]["kind"]
        return FOLLOW_UP_NODES.get(kind, kind)

    def follow_up(kind: str):
        def node(state: InterviewState) -> dict:
            pending = BrainTurn.model_validate(state["pending"])
            move = pending.move
            q = record(persona, QuestionProgress.model_validate(state.get("progress") or {}), move,
                       pending.analysis)
            kinds_used = list(state.get("kinds_used", []))
            if kind == "constraint" and move.constraint_kind:
                kinds_used.append(move.constraint_kind)
            turn = Turn(role="interviewer", kind=kind, text=pending.text, question_index=state["q_index"],
                        constraint_kind=move.constraint_kind if kind == "constraint" else None,
                        target_signal=move.signal if kind in ("probe", "pushback", "follow_up") else None,
                        produced_by=pending.produced_by)
            return {"turns": state["turns"] + [turn.model_dump(exclude_none=True)],
                    "progress": q.model_dump(), "kinds_used": kinds_used}

        node.__name__ = kind
        return node

    def next_question(state: InterviewState) -> dict:
        return {"q_index": state["q_index"] + 1}

    def wrap_up(state: InterviewState) -> dict:
        pending = state.get("pending") or {}
        text = pending.get("text") or persona.style.closing
        turn = Turn(role="interviewer", kind="closing", text=text, question_index=state["q_index"],
                    produced_by=pending.get("produced_by") if pending.get("text") else None)
        return {"turns": state["turns"] + [turn.model_dump(exclude_none=True)], "pending": None}

    def judge(state: InterviewState) -> dict:
        verdict = brain.judge(transcript_of(state))
        out: dict = {"verdict": verdict.model_dump(mode="json")}
        if verdict.usage:
            out["usage"] = state.get("usage", []) + [verdict.usage]
        return out

    g = StateGraph(InterviewState)
    g.add_node("ask", ask)
    g.add_node("listen", listen)
    g.add_node("analyze", analyze)
    for kind in FOLLOW_UP_NODES.values():
        g.add_node(kind, follow_up(kind))
        g.add_edge(kind, "listen")
    g.add_node("next_question", next_question)
    g.add_node("wrap_up", wrap_up)
    g.add_node("judge", judge)
    g.add_edge(START, "ask")
    g.add_edge("ask", "listen")
    g.add_conditional_edges("listen", after_listen, ["analyze", "wrap_up"])
    g.add_conditional_edges("analyze", route,
                            [*FOLLOW_UP_NODES.values(), "next_question", "wrap_up"])
    g.add_edge("next_question", "ask")
    g.add_edge("wrap_up", "judge")
    g.add_edge("judge", END)
    return g.compile(checkpointer=checkpointer)
