"""The offline judge: the detector over every candidate turn, read in context, then the verdict in code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agent.grounding import Problem, is_recital
from agent.models import Evidence, SignalFinding, Transcript, Turn, TurnAnalysis, Verdict
from agent.offline import cues
from agent.offline.detector import Context, analyze_turn, mentions, steered_from
from agent.offline.text import sentences
from agent.scoring import build_verdict
from agent.substance import asked_before, concrete_in_context, steered_back
from agent.taxonomy import Polarity


def context_for(turns: list[Turn], index: int) -> Context:
    """The context of candidate turn `index`: the turn it answers and the question it belongs to."""
    prompt = next((t for t in reversed(turns[:index]) if t.role == "interviewer"), None)
    q_at = next((i for i in range(index - 1, -1, -1)
                 if turns[i].role == "interviewer" and turns[i].kind in ("question", None)), None)
    start = q_at if q_at is not None else 0
    earlier = [t.text for t in turns[start:index] if t.role == "candidate"]
    asked = [t for t in turns[start:index] if t.role == "interviewer"]
    constraints = [t for t in asked if t.kind == "constraint"]
    return Context(
        prompt_kind=(prompt.kind or "question") if prompt else "question",
        prompt_text=prompt.text if prompt else "",
        constraint_kind=prompt.constraint_kind if prompt else None,
        question_text=turns[q_at].text if q_at is not None else "",
        first_answer=not earlier,
        earlier_answers=" ".join(earlier),
        problem=Problem.of(*(t.text for t in asked if t.kind in ("question", "clarification", "constraint", None))),
        constraint_active=bool(constraints),
        constraint_text=constraints[-1].text if constraints else "",
        pushed_back=any(t.kind == "pushback" for t in asked),
        before_question=asked_before(turns, start),
    )


def analyses(transcript: Transcript) -> Iterator[tuple[int, TurnAnalysis]]:
    for i, turn in transcript.candidate_turns():
        yield i, analyze_turn(turn.text, i, context_for(transcript.turns, i))


_MODEL_PLAN = re.compile(
    cues.COMPLEX.pattern + "|" + cues.TOOLS.pattern
    + r"|\b(?:random forest|decision trees?|classifier|regressor|neural|deep|model)\b",
    re.IGNORECASE,
)


# Going to a sophisticated model with no word on the data is a risk that lowers the scores; under the disqualifying
# strength, it sinks the interview only if it persisted (dev: labelled lean_hire candidates who opened with a big
# model and recovered were sunk by it).
MODEL_FIRST_STRENGTH = 0.65


def _model_first(transcript: Transcript, findings: list[SignalFinding]) -> tuple[Evidence, float] | None:
    """Where the candidate went to a model with no word on the data, and how strongly that reads.

    A sophisticated model or a tool stack before any data reasoning is the article's textbook case; a plain
    model proposed first, with data never raised anywhere in the interview, is the same risk, less loudly.
    """
    for signal in ("premature_complexity", "tool_name_dropping"):
        for f in findings:
            if f.signal == signal:
                return f.evidence[0], MODEL_FIRST_STRENGTH
    candidate = transcript.candidate_turns()
    if len(candidate) < 2:
        return None
    index, first = candidate[0]
    for sent in sentences(first.text)[:3]:
        if _MODEL_PLAN.search(sent.text) and cues.ACTION.search(sent.text):
            return Evidence(turn_index=index, quote=sent.text), 0.6
    return None


def _redirected(transcript: Transcript, by_turn: dict[int, TurnAnalysis]) -> list[SignalFinding]:
    """Answers the interviewer had to steer back to the question ("Sure, but I'm asking about the labels")."""
    out = []
    for i, turn in enumerate(transcript.turns[1:], start=1):
        before = transcript.turns[i - 1]
        if (turn.kind in ("probe", "pushback", "follow_up", "clarification", None) and before.role == "candidate"
                and steered_back(transcript, i - 1) and not by_turn[i - 1].asked_clarifying_question):
            first = sentences(before.text)
            if first:
                out.append(SignalFinding(
                    signal="answers_different_question", polarity=Polarity.NOISE, strength=0.7,
                    evidence=[Evidence(turn_index=i - 1, quote=first[0].text)],
                    why="the interviewer had to steer the answer back to the question asked",
                ))
    return out


# This many sentences of generic advice said back make the interview's vocabulary its content: the taxonomy's
# name-dropping of 'framing', 'tradeoffs', 'monitoring' without saying why any of it is needed (dev: 5 of the 6
# interviews over it are labelled so).
RECITED_SENTENCES = 3


def _recited(transcript: Transcript) -> SignalFinding | None:
    """The article's kind of sentences, said back with nothing of this problem in them, across the interview."""
    recited = []
    for i, turn in transcript.candidate_turns():
        problem = context_for(transcript.turns, i).problem
        recited.extend(Evidence(turn_index=i, quote=s.text) for s in sentences(turn.text)
                       if is_recital(s.text, problem))
    if len(recited) < RECITED_SENTENCES:
        return None
    return SignalFinding(signal="tool_name_dropping", polarity=Polarity.NOISE, strength=0.8, evidence=recited[:3],
                         why="recited the interview's vocabulary without a decision about this problem")


# Half the answers or more hedged with nothing concrete beside them: the reasoning was never shown (dev: 17 of the
# 33 interviews at or over it are labelled unstructured, none labelled otherwise).
HEDGED_SHARE = 0.5


def _unseen_reasoning(transcript: Transcript, by_turn: dict[int, TurnAnalysis]) -> SignalFinding | None:
    """An interview answered mostly in hedges: 'interviewers cannot score what they cannot see'."""
    hedged = []
    for i, analysis in by_turn.items():
        said = [s.text for s in sentences(transcript.turns[i].text)]
        if analysis.hedged and said and not any(concrete_in_context(said, context_for(transcript.turns, i).problem)):
            hedged.append(Evidence(turn_index=i, quote=said[0]))
    if len(by_turn) < 2 or len(hedged) < HEDGED_SHARE * len(by_turn):
        return None
    quotes = hedged[:3]
    return SignalFinding(signal="unstructured_reasoning", polarity=Polarity.NEGATIVE, strength=0.6, evidence=quotes,
                         why="most answers hedged without a plan, so the reasoning was never shown") if quotes else None


def _certain_it_does_not_matter(findings: list[SignalFinding]) -> SignalFinding | None:
    """Arguing a constraint away ("that wouldn't change much", "the model will handle it") is certainty where the
    situation just became uncertain: the taxonomy's overconfidence, heard in the same words (dev: 41 of the 66
    rigid interviews are labelled overconfident, none labelled otherwise). It weighs lightly: the rigidity itself
    already counts against the interview."""
    if any(f.signal == "overconfidence" for f in findings):
        return None
    rigid = [ev for f in findings if f.signal == "defensive_under_constraint" for ev in f.evidence]
    if not rigid:
        return None
    return SignalFinding(signal="overconfidence", polarity=Polarity.NOISE, strength=0.4, evidence=rigid[:1],
                         why="argued the new fact away instead of weighing it")


# A topic taken up this many times in another answer is one the candidate meets rather than avoids.
MET_TOPIC_MENTIONS = 2


def _met_elsewhere(transcript: Transcript, findings: list[SignalFinding]) -> list[SignalFinding]:
    """Drop "asked about X, answered about Y" where the candidate takes X up squarely in another answer.

    The article's question-you-wish-you-were-asked is steering toward a comfortable topic; a candidate who works
    through the data at length in one answer has not been avoiding data when another answer about data drifts to
    latency (dev: 425 of 498 scripted verdicts in bounds with this, 422 without; labelled dev band 0.944 / 0.942).
    """
    steered = {id(f): focus for f in findings if (focus := steered_from(f))}
    if not steered:
        return findings
    answers = dict(transcript.candidate_turns())

    def met(f: SignalFinding) -> bool:
        turn = f.evidence[0].turn_index if f.evidence else None
        return any(mentions(t.text, steered[id(f)], MET_TOPIC_MENTIONS) for i, t in answers.items() if i != turn)

    return [f for f in findings if id(f) not in steered or not met(f)]


def find_signals(transcript: Transcript) -> tuple[list[SignalFinding], list[Evidence]]:
    findings: list[SignalFinding] = []
    injections: list[Evidence] = []
    by_turn = dict(analyses(transcript))
    for analysis in by_turn.values():
        findings.extend(analysis.findings)
        injections.extend(analysis.injection_attempts)
    findings = _met_elsewhere(transcript, findings)
    findings.extend(_redirected(transcript, by_turn))
    findings.extend(f for f in (_recited(transcript), _unseen_reasoning(transcript, by_turn),
                                _certain_it_does_not_matter(findings)) if f is not None)
    found = {f.signal for f in findings}
    if "data_first" not in found and "ignores_data_reality" not in found:
        model_first = _model_first(transcript, findings)
        if model_first is not None:
            quote, strength = model_first
            findings.append(SignalFinding(
                signal="ignores_data_reality", polarity=Polarity.NEGATIVE, evidence=[quote], strength=strength,
                why="went to the model and never asked where the data comes from or how it can be wrong",
            ))
    return findings, injections


def judge_transcript(transcript: Transcript) -> Verdict:
    findings, injections = find_signals(transcript)
    return build_verdict(transcript, findings, injections, judge="offline")
