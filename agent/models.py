"""Pydantic models for everything that crosses a boundary: transcripts, analyses, moves and verdicts."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from agent.taxonomy import SIGNAL_IDS, SIGNALS, Dimension, Polarity, Recommendation

Role = Literal["interviewer", "candidate"]
InterviewerKind = Literal["question", "probe", "constraint", "pushback", "follow_up", "clarification", "closing"]
ConstraintKind = Literal["data", "latency", "metric"]
CONSTRAINT_KINDS: tuple[ConstraintKind, ...] = ("data", "latency", "metric")
Band = Literal["hire", "no_hire"]


def _check_signal_ids(ids: list[str]) -> list[str]:
    unknown = [s for s in ids if s not in SIGNALS]
    if unknown:
        raise ValueError(f"unknown signal id(s) {unknown}; known: {', '.join(SIGNAL_IDS)}")
    return ids


class Turn(BaseModel):
    """One utterance. Interviewer turns carry a `kind` from the public list; constraint turns a `constraint_kind`."""

    model_config = ConfigDict(extra="allow")

    role: Role
    text: str
    kind: str | None = None
    constraint_kind: ConstraintKind | None = None
    target_signal: str | None = None
    question_index: int | None = None
    # Who wrote an interviewer line in a model-driven interview: the model's name or "offline engine" (a
    # fallback); absent when the offline engine ran the whole interview.
    produced_by: str | None = None

    @model_validator(mode="after")
    def _kinds_fit_role(self) -> Turn:
        if self.role == "interviewer" and self.kind is not None and self.kind not in InterviewerKind.__args__:
            raise ValueError(f"interviewer kind must be one of {InterviewerKind.__args__}, got {self.kind!r}")
        if self.constraint_kind is not None and self.kind not in (None, "constraint"):
            raise ValueError("constraint_kind is only allowed on constraint turns")
        return self


class Labels(BaseModel):
    """What a careful labeller is sure of. Unlisted signals are unlabelled, not absent."""

    model_config = ConfigDict(extra="forbid")

    present: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)
    recommendation_band: Band | None = None
    recommendation: Recommendation | None = None
    dimension_scores: dict[Dimension, int] | None = None

    _ids = field_validator("present", "absent")(_check_signal_ids)

    @model_validator(mode="after")
    def _disjoint(self) -> Labels:
        both = set(self.present) & set(self.absent)
        if both:
            raise ValueError(f"signal(s) labelled both present and absent: {sorted(both)}")
        if self.recommendation and self.recommendation_band and self.recommendation.band != self.recommendation_band:
            raise ValueError(f"recommendation {self.recommendation.value} is not in band {self.recommendation_band}")
        return self


class Transcript(BaseModel):
    """The public transcript format: one JSON object per file; the evals read the same files."""

    model_config = ConfigDict(extra="allow")

    id: str
    persona: str
    turns: list[Turn]
    labels: Labels | None = None
    injection: bool = False
    tags: list[str] = Field(default_factory=list)
    metadata: dict = Field(default_factory=dict)

    def candidate_turns(self) -> list[tuple[int, Turn]]:
        return [(i, t) for i, t in enumerate(self.turns) if t.role == "candidate"]


class Evidence(BaseModel):
    turn_index: int
    quote: str


class SignalFinding(BaseModel):
    """A signal observed in the candidate's own words. `evidence` quotes must appear verbatim in that turn."""

    signal: str
    polarity: Polarity
    evidence: list[Evidence]
    strength: float = Field(1.0, ge=0, le=1)
    persisted_after_probe: bool = False
    why: str = ""

    _id = field_validator("signal")(lambda v: _check_signal_ids([v])[0])


class TurnAnalysis(BaseModel):
    """What the brain heard in one candidate turn."""

    findings: list[SignalFinding] = Field(default_factory=list)
    asked_clarifying_question: bool = False
    said_dont_know: bool = False
    wants_to_end: bool = False
    injection_attempts: list[Evidence] = Field(default_factory=list)
    # How the answer meets the line it answers (agent/responsiveness.py), for the policy as much as the judge.
    addresses_prompt: bool = True
    off_topic: bool = False
    unaddressed_constraint: bool = False
    has_plan: bool = True
    hedged: bool = False
    deferred: bool = False

    def has(self, signal: str) -> bool:
        return any(f.signal == signal for f in self.findings)


MoveKind = Literal["probe", "constraint", "pushback", "follow_up", "clarification", "next_question", "wrap_up"]


class Move(BaseModel):
    """The interviewer's next move. The policy decides which moves are allowed; a brain picks and phrases one."""

    kind: MoveKind
    signal: str | None = None
    constraint_kind: ConstraintKind | None = None
    reason: str = ""


class BrainTurn(BaseModel):
    """A brain's whole answer to one candidate turn: what it heard, the move it chose, and the line it says."""

    analysis: TurnAnalysis
    move: Move
    text: str
    notice: str | None = None
    usage: dict = Field(default_factory=dict)
    produced_by: str | None = Field(None, description="the model's name, or 'offline engine' for a fallback; "
                                                      "None from the offline brain on its own")


class DimensionScore(BaseModel):
    """1-4, or None when the interview gave no evidence either way (*not assessed*, never a silent 2)."""

    score: int | None = Field(None, ge=1, le=4)
    rationale: str

    @property
    def assessed(self) -> bool:
        return self.score is not None


class Improvement(BaseModel):
    title: str
    detail: str
    shift: int = Field(ge=1, le=7)
    shift_name: str
    turn_index: int | None = Field(None, description="the candidate turn where it mattered")
    stronger: str = Field("", description="what a stronger answer would have added at that turn")


class Coverage(BaseModel):
    """How much of the rubric the interview covered: a short interview is judged on less."""

    dimensions_assessed: int = 0
    dimensions: int = 5
    questions: int = 0
    questions_with_signal: int = 0
    constraints: int = 0
    constraints_addressed: int = 0
    concrete_share: float = Field(0.0, description="share of answers that said something concrete about the problem")


class Verdict(BaseModel):
    """The hiring-committee verdict. `recommendation` is computed in code from verified evidence and scores."""

    recommendation: Recommendation
    band: Band
    scores: dict[Dimension, DimensionScore]
    signals: list[SignalFinding]
    disqualifiers: list[SignalFinding] = Field(default_factory=list)
    recruiter_says: str
    actually_meant: str
    improvements: list[Improvement]
    improvements_note: str = Field("", description="why there are fewer than three improvements, when there are")
    unaddressed_constraints: list[Evidence] = Field(
        default_factory=list, description="answers to a constraint that neither adapted to it nor argued with it")
    coverage: Coverage = Field(default_factory=Coverage)
    injection_attempts: list[Evidence] = Field(default_factory=list)
    summary: str = ""
    judge: str = "offline"
    knowledge_version: str = Field("", description="hash of the knowledge files the rulebook read")
    usage: dict = Field(default_factory=dict, description="model usage of the call behind it; empty offline")

    def signal_ids(self) -> set[str]:
        return {f.signal for f in self.signals}
