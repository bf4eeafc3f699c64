"""The signal taxonomy, the rubric and the recommendation scale.

Everything here is drawn from the domain article (Sections 2-5) and is the single source of the ids used
by personas, transcripts, labels, verdicts and prompts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Polarity(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    NOISE = "noise"


class Dimension(StrEnum):
    JUDGMENT = "judgment"
    OWNERSHIP = "ownership"
    PRACTICALITY = "practicality"
    LEARNING_ABILITY = "learning_ability"
    COMMUNICATION = "communication"


class Recommendation(StrEnum):
    STRONG_HIRE = "strong_hire"
    HIRE = "hire"
    LEAN_HIRE = "lean_hire"
    LEAN_NO_HIRE = "lean_no_hire"
    NO_HIRE = "no_hire"

    @property
    def band(self) -> str:
        """The committee's binary call: everything from lean_hire up is a hire."""
        return "hire" if self in HIRE_BAND else "no_hire"


HIRE_BAND = frozenset({Recommendation.STRONG_HIRE, Recommendation.HIRE, Recommendation.LEAN_HIRE})
RECOMMENDATION_ORDER = [
    Recommendation.NO_HIRE,
    Recommendation.LEAN_NO_HIRE,
    Recommendation.LEAN_HIRE,
    Recommendation.HIRE,
    Recommendation.STRONG_HIRE,
]


@dataclass(frozen=True)
class Signal:
    id: str
    polarity: Polarity
    title: str
    description: str
    dimensions: tuple[Dimension, ...]


D = Dimension
_SIGNALS = [
    # Positive: Section 3's high-signal behaviours.
    Signal(
        "frames_problem", Polarity.POSITIVE, "Frames the problem before solving it",
        "Starts by asking who the user is, what decision the prediction improves and what success looks like in "
        "production, before picking a model. Clarifying questions count. Framing shows ML is a means, not an "
        "end, and raises the evaluation ceiling.",
        (D.JUDGMENT, D.COMMUNICATION),
    ),
    Signal(
        "explicit_tradeoffs", Polarity.POSITIVE, "Makes tradeoffs explicit",
        "Names competing goals (accuracy vs latency, recall vs false alarms, bias vs coverage), says which one "
        "wins and why, and what is being sacrificed. Solutions presented as universally optimal create doubt.",
        (D.JUDGMENT, D.PRACTICALITY),
    ),
    Signal(
        "data_first", Polarity.POSITIVE, "Treats data as a first-class citizen",
        "Talks about data before models: where it comes from, how it is labelled, what biases, missingness, "
        "leakage or drift it may have. Surfacing data risks unprompted signals production experience.",
        (D.PRACTICALITY, D.JUDGMENT),
    ),
    Signal(
        "starts_simple", Polarity.POSITIVE, "Starts simple and earns complexity",
        "Proposes a baseline first, explains what would justify more complexity, and states what they would "
        "not build yet. Shows cost-benefit judgment and experience with iteration.",
        (D.PRACTICALITY, D.JUDGMENT),
    ),
    Signal(
        "impact_linkage", Polarity.POSITIVE, "Links technical choices to impact",
        "Ties metrics to the decision or business outcome they drive: which users notice, what changes if the "
        "metric moves, which errors cost what. Metrics are proxies, not goals.",
        (D.JUDGMENT, D.OWNERSHIP),
    ),
    Signal(
        "narrated_uncertainty", Polarity.POSITIVE, "Narrates reasoning under uncertainty",
        "Thinks aloud with calibrated hedges: states a current hypothesis, the assumption it rests on and how "
        "they would adjust if it proves wrong. Saying 'I don't know' followed by a plan to find out counts.",
        (D.LEARNING_ABILITY, D.COMMUNICATION),
    ),
    Signal(
        "end_to_end_ownership", Polarity.POSITIVE, "Owns the system end to end",
        "Extends the answer past training: deployment, monitoring, what happens when it fails, how to know it "
        "still works in six months, rollback and retraining. Thinks like an owner, not a task executor.",
        (D.OWNERSHIP, D.PRACTICALITY),
    ),
    Signal(
        "adapts_under_constraint", Polarity.POSITIVE, "Adapts calmly under constraint",
        "When a constraint or pushback arrives, treats it as new information and updates the design explicitly "
        "without restarting: changes the model, metric or plan to fit the new limit.",
        (D.LEARNING_ABILITY, D.JUDGMENT),
    ),
    # Negative: Section 2's rejection-causing signals.
    Signal(
        "ignores_data_reality", Polarity.NEGATIVE, "Ignores data reality",
        "Jumps to models, architectures and losses while treating data as an afterthought or assuming it clean: "
        "no word on collection, label noise, missingness, bias or train-serve skew, or an explicit dismissal. "
        "The most common rejection trigger.",
        (D.PRACTICALITY, D.JUDGMENT),
    ),
    Signal(
        "metric_fixation", Polarity.NEGATIVE, "Optimises metrics without context",
        "Chases AUC, F1 or RMSE gains without saying why the metric matters, what decision it changes or what "
        "tradeoff it introduces. Optimises numbers, not impact.",
        (D.JUDGMENT, D.OWNERSHIP),
    ),
    Signal(
        "premature_complexity", Polarity.NEGATIVE, "Premature complexity",
        "Proposes a sophisticated architecture (deep nets, transformers, ensembles, custom infrastructure) before "
        "a baseline exists or any limit justifies it. Signals poor cost-benefit judgment.",
        (D.PRACTICALITY, D.JUDGMENT),
    ),
    Signal(
        "defensive_under_constraint", Polarity.NEGATIVE, "Defensive under constraint",
        "Argues with an injected constraint, dismisses it as someone else's problem or a product decision, or "
        "restates the original answer unchanged. Rigidity predicts poor on-the-job performance.",
        (D.LEARNING_ABILITY, D.JUDGMENT),
    ),
    Signal(
        "unstructured_reasoning", Polarity.NEGATIVE, "Silent or unstructured reasoning",
        "Jumps between ideas, gives conclusions without reasoning, or lists fragments with no order or decision. "
        "Interviewers cannot score what they cannot see.",
        (D.COMMUNICATION, D.JUDGMENT),
    ),
    Signal(
        "theory_over_decisions", Polarity.NEGATIVE, "Treats the interview as an academic discussion",
        "Long derivations, optimisation theory or formalism that never lands on a decision. Theory is valuable "
        "only when it informs a concrete choice.",
        (D.PRACTICALITY, D.COMMUNICATION),
    ),
    # Noise: Section 4's behaviours that sound strong and earn nothing.
    Signal(
        "tool_name_dropping", Polarity.NOISE, "Tool and framework name-dropping",
        "Recites a stack or a list of buzzwords (XGBoost, Airflow, Spark, Kubernetes, MLflow; 'framing', "
        "'tradeoffs', 'monitoring') without saying why any of it is needed. Decision fluency beats tool fluency.",
        (D.JUDGMENT, D.COMMUNICATION),
    ),
    Signal(
        "answers_different_question", Polarity.NOISE, "Answers the question they wish they were asked",
        "Steers away from what was asked toward a comfortable topic: a data-quality question turned into a "
        "modelling talk, a product tradeoff turned into metric optimisation. Suggests poor listening.",
        (D.COMMUNICATION, D.LEARNING_ABILITY),
    ),
    Signal(
        "overconfidence", Polarity.NOISE, "Overconfidence disguised as certainty",
        "'This is definitely the best approach', 'that wouldn't be an issue', 'this is how it's always done'. "
        "Denies uncertainty instead of managing it.",
        (D.JUDGMENT, D.LEARNING_ABILITY),
    ),
    Signal(
        "over_answering", Polarity.NOISE, "Over-answering",
        "Speaks far beyond what was asked, covering every topic at once instead of answering concisely and "
        "letting the interviewer guide depth.",
        (D.COMMUNICATION,),
    ),
]

SIGNALS: dict[str, Signal] = {s.id: s for s in _SIGNALS}
SIGNAL_IDS: tuple[str, ...] = tuple(SIGNALS)
POSITIVE_IDS = tuple(s.id for s in _SIGNALS if s.polarity is Polarity.POSITIVE)
NEGATIVE_IDS = tuple(s.id for s in _SIGNALS if s.polarity is Polarity.NEGATIVE)
NOISE_IDS = tuple(s.id for s in _SIGNALS if s.polarity is Polarity.NOISE)

# The article's Section 5 shifts, which every improvement in a verdict maps to.
SHIFTS: dict[int, str] = {
    1: "Prepare around decisions, not topics",
    2: "Practice explaining tradeoffs out loud",
    3: "Reframe past projects through a signal lens",
    4: "Build a small set of reusable signal stories",
    5: "Practice constraint injection",
    6: "Learn to stop talking at the right time",
    7: "Measure readiness by signal, not comfort",
}
