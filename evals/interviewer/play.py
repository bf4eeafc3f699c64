"""Play one scripted candidate against one persona, headlessly, through the real interview graph.

The graph is the one the app and `chat --plain` drive (`agent.graph.build_graph`), with the offline brain and an
in-memory checkpointer, so what is measured is the interviewer a user meets.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.models import Transcript, Turn
from agent.persona import Persona
from evals.interviewer.script import Answer, Candidate, Line


@dataclass(frozen=True)
class Played:
    """A finished interview and the tags of each candidate answer, by turn index."""

    persona: str
    candidate: str
    transcript: Transcript
    tags: dict[int, frozenset[str]]


def _line(turns: list[Turn], persona: Persona, question_ids: list[str], q_index: int) -> Line:
    last = turns[-1]
    in_question = [t for t in turns if t.question_index == q_index]
    constraint = next((t for t in reversed(in_question) if t.kind == "constraint"), None)
    return Line(
        text=last.text, kind=last.kind or "question", question=persona.question(question_ids[q_index]),
        constraint_text=constraint.text if constraint else "",
        constraint_kind=constraint.constraint_kind if constraint else None,
        answers_in_question=sum(t.role == "candidate" for t in in_question),
        answers_in_interview=sum(t.role == "candidate" for t in turns),
    )


def play(persona: Persona, candidate: Candidate, questions: int = 3) -> Played:
    from langgraph.checkpoint.memory import InMemorySaver
    from langgraph.types import Command

    from agent.graph import build_graph
    from agent.offline.brain import OfflineBrain
    from agent.session import select_questions

    session_id = f"eval-{candidate.id}-{persona.id}"
    question_ids = select_questions(persona, questions, session_id)
    graph = build_graph(OfflineBrain(), persona, InMemorySaver())
    config = {"configurable": {"thread_id": session_id}}
    stop = {"interrupt_before": ["judge"]}  # the verdict is the judge's business, not this eval's
    graph.invoke({"session_id": session_id, "persona_id": persona.id, "question_ids": question_ids, "q_index": 0,
                  "turns": [], "kinds_used": [], "analyses": []}, config, **stop)
    tags: dict[int, frozenset[str]] = {}
    for _ in range(candidate.max_answers):
        state = graph.get_state(config)
        if "listen" not in state.next:
            break
        turns = [Turn.model_validate(t) for t in state.values["turns"]]
        said: Answer = candidate.reply(_line(turns, persona, question_ids, state.values["q_index"]))
        tags[len(turns)] = said.tags
        graph.invoke(Command(resume={"text": said.text}), config, **stop)
    if "listen" in graph.get_state(config).next:
        graph.invoke(Command(resume={"end": True}), config, **stop)
    values = graph.get_state(config).values
    transcript = Transcript(id=session_id, persona=persona.id,
                            turns=[Turn.model_validate(t) for t in values["turns"]],
                            metadata={"question_ids": question_ids})
    return Played(persona.id, candidate.id, transcript, tags)
