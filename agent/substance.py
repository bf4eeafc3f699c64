"""The rulebook both judges answer to: what a committee hears in each candidate turn, whoever reported the findings.

The offline detector and an LLM judge both report findings with quotes; before any of it is scored, this module
reads every candidate turn against the line it answers and applies the same distinctions to every positive:

- a positive is credited only where its quote sits in a *concrete* sentence (grounded in this problem, not generic
  advice said back, not a hedge alone, not a question about what the interviewer meant): `agent.grounding`,
  `agent.hedges`;
- adapting to a constraint needs an answer that takes up the constraint (`agent.responsiveness`);
- owning the system end to end is cancelled in a turn that hands the work to someone else;
- positives in an answer about a different problem are not about this one.
The readings also give the verdict what the findings cannot: which constraints were never addressed, how much of
the interview was hedge or recital, and how many questions showed anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from agent import hedges
from agent.grounding import Problem, grounding, is_recital, units
from agent.models import SignalFinding, Transcript, Turn
from agent.offline.text import sentences, word_count
from agent.responsiveness import read
from agent.taxonomy import POSITIVE_IDS
from agent.untrusted import without_blocks


@dataclass(frozen=True)
class TurnReading:
    """One candidate turn, as the committee hears it."""

    index: int
    question: int
    prompt_kind: str
    concrete: bool
    committed: bool
    hedging: bool  # said with a hedge, whatever else it says
    deferred: bool
    confused: bool
    dont_know: bool
    constraint_at: int | None
    addresses: bool
    off_topic: bool
    concrete_sentences: tuple[str, ...]
    steered_back: bool  # the interviewer's next line steered the answer back to the question

    @property
    def hedged(self) -> bool:
        """A hedge with nothing concrete beside it."""
        return self.hedging and not self.concrete


def _problem(transcript: Transcript, start: int, end: int) -> Problem:
    return Problem.of(*(t.text for t in transcript.turns[start:end]
                        if t.role == "interviewer" and t.kind in ("question", "clarification", "constraint", None)))


_INTERROGATIVE = re.compile(
    r"^\W*(?:(?:and|so|okay|ok|right|also|first|then|but|well)\W+)*(?:who|whom|whose|what|which|where|when|why|how|"
    r"is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|am)\b", re.IGNORECASE)


def is_question(sentence: str) -> bool:
    """A real question to the interviewer, not a hedge said with a rising tone ("I think maybe the data?")."""
    return sentence.rstrip().endswith("?") and bool(_INTERROGATIVE.match(sentence)) \
        and not hedges.is_confusion(sentence) and not hedges.is_hedged(sentence)


@lru_cache(maxsize=16384)
def is_concrete(sentence: str, problem: Problem | None = None) -> bool:
    """Grounded in this problem (or a real question about it) and not generic advice said back.

    The recital check (the costly one: it compares the sentence with every piece of advice) runs only for a
    sentence that would otherwise count."""
    if hedges.is_confusion(sentence) or not ((is_question(sentence) and not _job_talk(sentence))
                                             or grounding(sentence, problem)):
        return False
    return not is_recital(sentence, problem)


def _job_talk(question: str) -> bool:
    """A question about the job, the team or the interview, not the problem: "Do you know if the team works remotely
    on Fridays?" is a question, not a clarifying one. (The lexicons load on first use, not at import.)"""
    from agent.offline import cues

    return bool(cues.JOB_TALK.search(question))


# An answer this short is read whole, and this many units across two sentences or more make it concrete.
TERSE_ANSWER_WORDS = 60
DENSE_UNITS = 4


def concrete_in_context(sentences_: list[str], problem: Problem | None = None) -> list[bool]:
    """Which sentences are concrete, each read with the one after it: "The costs are asymmetric." is concrete when
    the next sentence says what each error costs; a recital or a confused question never is.

    A terse answer is read whole: fragments with one unit of substance each ("Alert on jumps. Rollback to last good
    model in one step. Holdout stays forever.") are concrete together when the answer adds up to `DENSE_UNITS`."""
    own = [is_concrete(s, problem) for s in sentences_]
    if word_count(" ".join(sentences_)) <= TERSE_ANSWER_WORDS:
        counted = [units(s, problem) for s in sentences_]
        if sum(counted) >= DENSE_UNITS and sum(1 for c in counted if c) >= 2:
            own = [ok or (c > 0 and not hedges.is_confusion(s) and not is_recital(s, problem))
                   for s, ok, c in zip(sentences_, own, counted, strict=True)]
    out = []
    for i, s in enumerate(sentences_):
        borrowed = (i + 1 < len(sentences_) and own[i + 1] and not hedges.is_confusion(s)
                    and not is_recital(s, problem) and not is_question(sentences_[i + 1]))
        out.append(own[i] or borrowed)
    return out


def is_committed(sentence: str, problem: Problem | None = None) -> bool:
    """Concrete and said without a hedge: a turn with none of these hedges everything and earns nothing."""
    return is_concrete(sentence, problem) and not hedges.is_hedged(sentence)


def commits(concrete_sentences: Iterable[str]) -> bool:
    """Some concrete sentence is said without a hedge: a turn that hedges every concrete thing commits to nothing."""
    return any(not hedges.is_hedged(s) for s in concrete_sentences)


def read_transcript(transcript: Transcript) -> dict[int, TurnReading]:
    """Every candidate turn read against its prompt, its question and the constraints given so far."""
    out: dict[int, TurnReading] = {}
    question, q_start = 0, 0
    open_constraint: Turn | None = None  # the constraint this exchange is about, until the next question
    for i, turn in enumerate(transcript.turns):
        if turn.role == "interviewer":
            if turn.kind in ("question", None):
                question, q_start, open_constraint = question + 1, i, None
            elif turn.kind == "constraint":
                open_constraint = turn
            continue
        prompt = next((t for t in reversed(transcript.turns[:i]) if t.role == "interviewer"), None)
        prompt_kind = (prompt.kind or "question") if prompt else "question"
        problem = _problem(transcript, q_start, i)
        said = [s.text for s in sentences(without_blocks(turn.text))]  # instructions to the judge are not an answer
        concrete = tuple(s for s, ok in zip(said, concrete_in_context(said, problem), strict=True) if ok)
        q_text = transcript.turns[q_start].text if q_start < i else ""
        reading = None
        if prompt is not None and prompt_kind in ("constraint", "question", "probe", "follow_up"):
            reading = read(turn.text, prompt.text, prompt_kind=prompt_kind, question=q_text,
                           constraint_kind=prompt.constraint_kind)
        adapting_to = None
        if open_constraint is not None and prompt_kind in ("pushback", "clarification", "follow_up"):
            # The interviewer came back to the constraint: an adaptation here is read against the constraint.
            adapting_to = read(turn.text, open_constraint.text, prompt_kind="constraint",
                               constraint_kind=open_constraint.constraint_kind)
        off_topic = bool(reading and reading.off_topic and prompt_kind != "constraint") and still_off_topic(
            turn.text, prompt.text, prompt_kind=prompt_kind, question=q_text,
            before=asked_before(transcript.turns, q_start))
        out[i] = TurnReading(
            index=i,
            question=question,
            prompt_kind=prompt_kind,
            concrete=bool(concrete),
            committed=commits(concrete),
            hedging=hedges.is_hedged(turn.text),
            deferred=bool(hedges.deferral(turn.text)),
            confused=hedges.is_confusion(turn.text) and word_count(turn.text) <= 25,
            dont_know=hedges.says_dont_know(turn.text) and word_count(turn.text) <= 60,
            constraint_at=transcript.turns.index(prompt) if prompt_kind == "constraint" else None,
            addresses=reading.addresses if reading else (adapting_to.addresses if adapting_to else True),
            off_topic=off_topic,
            concrete_sentences=concrete,
            steered_back=steered_back(transcript, i),
        )
    return out


def asked_before(turns: list[Turn], question_start: int) -> str:
    """What the interviewer said before the question starting at `question_start`: a later question is often about
    the system of an earlier one ("how would you report this system's value?"), so an answer in those terms is not
    about another problem. The candidate's own words are left out: off topic in every question must not make the next
    answer look at home."""
    return " ".join(t.text for t in turns[:question_start] if t.role == "interviewer")


def still_off_topic(answer: str, context: str, *, prompt_kind: str, question: str, before: str) -> bool:
    """An answer read as off topic against `context`, read again with what the interviewer said `before` this
    question. Only an answer that is off topic on the first reading pays for the second (longer) one."""
    return not before or read(answer, before + " " + context, prompt_kind=prompt_kind, question=question).off_topic


def steered_back(transcript: Transcript, answer: int) -> bool:
    """The interviewer's next line steers back to what was asked ("I'm asking about the risk model")."""
    from agent.offline import cues

    following = transcript.turns[answer + 1] if answer + 1 < len(transcript.turns) else None
    return bool(following and following.role == "interviewer" and cues.REDIRECT.search(following.text))


def _quote_concrete(quote: str, reading: TurnReading) -> bool:
    return any(quote in s or s in quote for s in reading.concrete_sentences)


def admit(findings: list[SignalFinding], readings: dict[int, TurnReading]) -> list[SignalFinding]:
    """Drop the evidence the rulebook does not accept, then every positive finding left without evidence."""
    out = []
    for f in findings:
        if f.signal not in POSITIVE_IDS:
            out.append(f)
            continue
        kept = []
        for ev in f.evidence:
            r = readings.get(ev.turn_index)
            if r is None or r.off_topic or not r.committed or not _quote_concrete(ev.quote, r):
                continue
            if f.signal == "adapts_under_constraint" and (not r.addresses or r.steered_back):
                # An answer the interviewer had to steer back to the question did not take the constraint up,
                # whatever words of it the answer echoed ("loss rate under 3%" inside an OKR framework).
                continue
            if f.signal == "end_to_end_ownership" and r.deferred:
                continue
            kept.append(ev)
        if kept:
            out.append(f.model_copy(update={"evidence": kept}))
    return out


def substantive_share(readings: dict[int, TurnReading]) -> float:
    """The share of answers (clarifying questions aside) that say anything concrete about the problem."""
    answers = [r for r in readings.values() if r.prompt_kind != "clarification" or r.concrete]
    if not answers:
        return 0.0
    return sum(r.concrete for r in answers) / len(answers)
