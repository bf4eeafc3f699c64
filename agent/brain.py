"""The one interface behind which the offline engine and any LLM sit. The graph never knows which it has."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from agent.models import BrainTurn, Move, Transcript, Turn, Verdict
from agent.persona import Persona, Question
from agent.policy import InterviewProgress

TextSink = Callable[[str], None]


class TurnContext(BaseModel):
    """Everything a brain may look at to answer one candidate turn.

    `question_turns` holds only the current question's turns (with their index in the whole transcript);
    earlier questions arrive as `summary`, so the prompt an LLM sees does not grow with the interview.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    persona: Persona
    question: Question
    progress: InterviewProgress
    question_turns: list[tuple[int, Turn]]
    summary: str
    allowed: list[Move]
    earlier_lines: list[str] = []  # the interviewer's lines in earlier questions, so no template is said twice

    @property
    def answer(self) -> tuple[int, Turn]:
        """The candidate turn being answered (the last one)."""
        return self.question_turns[-1]


@runtime_checkable
class Brain(Protocol):
    """Hears a candidate turn, picks an allowed move and phrases it; judges a finished transcript."""

    name: str

    def respond(self, ctx: TurnContext, on_text: TextSink | None = None) -> BrainTurn:
        """One candidate turn in, the analysis, the chosen move and the interviewer's line out.

        `on_text` receives the line as it is produced (streamed by LLM brains, whole by the offline one).
        """
        ...

    def judge(self, transcript: Transcript) -> Verdict:
        """The hiring-committee verdict. Evidence must be verbatim; the recommendation is computed in code."""
        ...
