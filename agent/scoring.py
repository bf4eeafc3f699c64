"""From findings to a committee verdict, in code. No text a candidate writes can set the outcome.

Both judges (offline and LLM) produce findings; this module checks every quote against the transcript, holds
every positive to the rulebook (`agent.substance`: grounded, not recited, not hedged away, responsive), merges
findings per signal, scores the dimensions it has evidence for, applies the disqualifier rule (committees look
for disqualifiers, they don't average), decides the level, and writes the feedback from this interview's own
deciding findings (`agent.feedback`).
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.feedback import compose_feedback, improvements
from agent.models import Coverage, Evidence, SignalFinding, Transcript, Verdict
from agent.offline.text import sentences, word_count
from agent.responsiveness import key_terms, read
from agent.substance import TurnReading, admit, read_transcript, substantive_share
from agent.taxonomy import POSITIVE_IDS, RECOMMENDATION_ORDER, SIGNALS, Dimension, Polarity, Recommendation

DISQUALIFYING_STRENGTH = 0.7
# Risks that sink an interview on sight; any other negative disqualifies only once it survived a follow-up.
SINK_ON_SIGHT = frozenset({"ignores_data_reality", "defensive_under_constraint"})
# A sink-on-sight risk seen once, beside its own opposite shown elsewhere, is a mixed record for the committee to
# weigh, not a disqualifier: it still lowers the scores, and still sinks the interview if it persisted.
OPPOSITE = {"ignores_data_reality": "data_first", "defensive_under_constraint": "adapts_under_constraint"}
MAX_QUOTES = 3
# A sink-on-sight risk the candidate took back with an adaptation weighs under the disqualifying strength.
TAKEN_BACK_STRENGTH = 0.6
# What answers a constraint: adapting to it or arguing with it; an answer with neither left it unaddressed.
RESPONSES = frozenset({"adapts_under_constraint", "defensive_under_constraint"})
# Below this share of concrete answers the interview is made of hedges and recited advice.
HOLLOW_SHARE = 0.34
LEVEL = {r: i for i, r in enumerate(RECOMMENDATION_ORDER)}
THIN_SHARE = 0.5
SINGLE_ANSWER_MIN = 5
# strong_hire needs hedges in fewer than one answer in this many.
STRONG_HEDGING_SHARE = 3
# strong_hire needs the reasoning said out loud: "interviewers cannot score reasoning they cannot observe" (the
# article's FAQ 6). A median answer shorter than this states conclusions (a terse expert's 1-3 sentences), however
# right; such a candidate can be a hire, not a strong one.
NARRATED_MEDIAN_WORDS = 40


def quote_is_verbatim(transcript: Transcript, ev: Evidence) -> bool:
    """A quote counts only if it is non-empty and appears verbatim in that candidate turn."""
    if not ev.quote.strip() or not 0 <= ev.turn_index < len(transcript.turns):
        return False
    turn = transcript.turns[ev.turn_index]
    return turn.role == "candidate" and ev.quote in turn.text


def verify_findings(transcript: Transcript, findings: list[SignalFinding]) -> list[SignalFinding]:
    """Drop every quote not found verbatim, then every finding left without evidence."""
    out = []
    for f in findings:
        good = [ev for ev in f.evidence if quote_is_verbatim(transcript, ev)]
        if good:
            out.append(f.model_copy(update={"evidence": good}))
    return out


def _followed_up(transcript: Transcript, first: int, later: int) -> bool:
    return any(
        t.role == "interviewer" and t.kind in ("probe", "pushback", "constraint")
        for t in transcript.turns[first + 1 : later]
    )


def merge_findings(transcript: Transcript, findings: list[SignalFinding]) -> list[SignalFinding]:
    """One finding per signal, quoting its strongest evidence; a negative seen again after a follow-up has
    persisted."""
    by_signal: dict[str, list[SignalFinding]] = {}
    for f in findings:
        by_signal.setdefault(f.signal, []).append(f)
    merged = []
    for signal, group in by_signal.items():
        evidence: list[Evidence] = []
        for f in sorted(group, key=lambda f: -f.strength):
            for ev in f.evidence:
                if ev not in evidence:
                    evidence.append(ev)
        turns = sorted({ev.turn_index for ev in evidence})
        persisted = any(f.persisted_after_probe for f in group) or (
            SIGNALS[signal].polarity is not Polarity.POSITIVE
            and len(turns) > 1
            and _followed_up(transcript, turns[0], turns[-1])
        )
        strength = min(1.0, max(f.strength for f in group) + 0.1 * (len(turns) - 1))
        best = max(group, key=lambda f: f.strength)
        merged.append(
            SignalFinding(
                signal=signal,
                polarity=SIGNALS[signal].polarity,
                evidence=sorted(evidence[:MAX_QUOTES], key=lambda e: e.turn_index),  # the strongest, in order
                strength=round(strength, 2),
                persisted_after_probe=persisted,
                why=best.why,
            )
        )
    order = {s: i for i, s in enumerate(SIGNALS)}
    return sorted(merged, key=lambda f: order[f.signal])


@dataclass(frozen=True)
class Record:
    """What the committee weighs beside the findings: the interview's shape, read from the transcript itself."""

    findings: list[SignalFinding]
    readings: dict[int, TurnReading]
    constraints: list[int]
    unaddressed: list[int]
    ignored: list[int]  # unaddressed constraints still not taken up after the interviewer came back to them
    rigid_turns: list[int]
    questions_with_signal: int
    questions: int
    share: float
    median_answer_words: int

    @property
    def positives(self) -> list[SignalFinding]:
        return [f for f in self.findings if f.polarity is Polarity.POSITIVE]

    def constraint_at(self, answer: int) -> int:
        """The constraint turn a candidate answer responds to."""
        return self.readings[answer].constraint_at


def _question_of(transcript: Transcript) -> dict[int, int]:
    out, current = {}, 0
    for i, turn in enumerate(transcript.turns):
        if turn.role == "interviewer" and turn.kind in ("question", None):
            current += 1
        out[i] = current
    return out


def build_record(transcript: Transcript, findings: list[SignalFinding]) -> Record:
    readings = read_transcript(transcript)
    accepted = admit(verify_findings(transcript, findings), readings)
    question_of = _question_of(transcript)
    admitted = _taken_back(merge_findings(transcript, accepted), accepted, question_of)
    # Every accepted piece of evidence counts for the turn it came from, not only the three quotes a verdict shows.
    by_turn: dict[int, set[str]] = {}
    for f in accepted:
        for ev in f.evidence:
            by_turn.setdefault(ev.turn_index, set()).add(f.signal)
    constraint_answers = [r.index for r in readings.values() if r.constraint_at is not None]
    unaddressed = [i for i in constraint_answers if not by_turn.get(i, set()) & RESPONSES
                   and not _taken_up_later(transcript, readings, by_turn, i)]
    rigid = sorted(i for i, s in by_turn.items() if "defensive_under_constraint" in s)
    ignored = [i for i in unaddressed if _ignored_after_redirect(transcript, readings, by_turn, i)]
    with_signal = {question_of[ev.turn_index] for f in admitted if f.polarity is Polarity.POSITIVE
                   for ev in f.evidence}
    return Record(
        findings=admitted,
        readings=readings,
        constraints=constraint_answers,
        unaddressed=unaddressed,
        ignored=ignored,
        rigid_turns=rigid,
        questions_with_signal=len(with_signal),
        questions=max(question_of.values(), default=0),
        share=substantive_share(readings),
        median_answer_words=_median_words(transcript),
    )


def _taken_back(merged: list[SignalFinding], accepted: list[SignalFinding],
                question_of: dict[int, int]) -> list[SignalFinding]:
    """A risk that sinks on sight, which the candidate then took back: every turn it was heard in is followed, within
    the same question, by an adaptation (the rigid answer, the pushback, "fair, I was brushing that off", a new
    plan). Committees weigh that as a recovered moment, not a disqualifier; it still lowers the scores, and it
    still sinks the interview if it persisted."""
    adapted = [ev.turn_index for f in accepted if f.signal == "adapts_under_constraint" for ev in f.evidence]
    out = []
    for f in merged:
        if f.signal in SINK_ON_SIGHT and not f.persisted_after_probe and all(
                any(later > ev.turn_index and question_of[later] == question_of[ev.turn_index] for later in adapted)
                for ev in f.evidence):
            f = f.model_copy(update={"strength": min(f.strength, TAKEN_BACK_STRENGTH)})
        out.append(f)
    return out


def _taken_up_later(transcript: Transcript, readings: dict[int, TurnReading], by_turn: dict[int, set[str]],
                    answer: int) -> bool:
    """A constraint the candidate took up in a later answer of the same exchange (after the interviewer's follow-up,
    before the next constraint or question): an adaptation heard there, or a concrete, unhedged answer that earned a
    signal and works on the constraint. Committees hear the plan change, a turn late or not."""
    constraint = transcript.turns[readings[answer].constraint_at]
    for j in range(answer + 1, len(transcript.turns)):
        turn = transcript.turns[j]
        if turn.role == "interviewer" and turn.kind in ("question", None, "closing", "constraint"):
            return False
        if turn.role != "candidate":
            continue
        reading = readings[j]
        if by_turn.get(j, set()) & RESPONSES or (
                reading.concrete and not reading.hedging and by_turn.get(j) and read(
                    turn.text, constraint.text, prompt_kind="constraint",
                    constraint_kind=constraint.constraint_kind).addresses):
            return True
    return False


def _ignored_after_redirect(transcript: Transcript, readings: dict[int, TurnReading], by_turn: dict[int, set[str]],
                            answer: int) -> bool:
    """An unaddressed constraint the interviewer came back to (a clarification or a pushback before the next
    question), and the answer after that still does not take it up: the candidate was helped and did not listen."""
    constraint = transcript.turns[readings[answer].constraint_at]
    for j in range(answer + 1, len(transcript.turns) - 1):
        turn = transcript.turns[j]
        if turn.role == "interviewer" and turn.kind in ("question", None, "closing"):
            return False
        if turn.role == "interviewer" and turn.kind in ("clarification", "pushback") and (
                j == answer + 1 or len(key_terms(turn.text) & key_terms(constraint.text)) >= 2):
            # It came back to the constraint: right after the answer that missed it, or in the constraint's terms.
            reply = transcript.turns[j + 1]
            if reply.role != "candidate" or by_turn.get(j + 1, set()) & RESPONSES:
                return False
            return not read(reply.text, constraint.text, prompt_kind="constraint",
                            constraint_kind=constraint.constraint_kind).addresses
    return False


def _median_words(transcript: Transcript) -> int:
    counts = sorted(word_count(t.text) for t in transcript.turns if t.role == "candidate")
    return counts[len(counts) // 2] if counts else 0


def score_dimensions(record: Record) -> dict[Dimension, tuple[int | None, str]]:
    """A dimension with no evidence either way is *not assessed*; otherwise positives raise it, risks lower it.

    An unaddressed constraint counts against learning ability (the candidate did not take the new information),
    and a turn that hands the work to someone else against ownership.
    """
    findings = record.findings
    deferred = [r for r in record.readings.values() if r.deferred]
    scores = {}
    for dim in Dimension:
        feeding_pos = [s for s in POSITIVE_IDS if dim in SIGNALS[s].dimensions]
        pos = [f for f in findings if f.polarity is Polarity.POSITIVE and dim in SIGNALS[f.signal].dimensions]
        neg = [f for f in findings if f.polarity is Polarity.NEGATIVE and dim in SIGNALS[f.signal].dimensions]
        noise = [f for f in findings if f.polarity is Polarity.NOISE and dim in SIGNALS[f.signal].dimensions]
        against = [SIGNALS[f.signal].title.lower() for f in neg + noise]
        penalty = 0.0
        if dim is Dimension.LEARNING_ABILITY and record.unaddressed:
            penalty += min(1.2, 0.4 * len(record.unaddressed))
            against.append(f"{len(record.unaddressed)} constraint(s) left unaddressed")
        if dim is Dimension.OWNERSHIP and deferred:
            penalty += 0.6
            against.append("handed the work to another team")
        if not pos and not against:
            scores[dim] = (None, "not assessed: no evidence either way in this interview")
            continue
        raw = (
            1.6
            + 2.6 * sum(f.strength for f in pos) / max(1, len(feeding_pos))
            - 0.8 * sum(f.strength for f in neg)
            - 0.4 * sum(f.strength for f in noise)
            - penalty
        )
        score = max(1, min(4, round(raw)))
        parts = []
        if pos:
            parts.append("shown: " + ", ".join(SIGNALS[f.signal].title.lower() for f in pos))
        if against:
            parts.append("against: " + ", ".join(against))
        scores[dim] = (score, "; ".join(parts))
    return scores


def disqualifiers(record: Record) -> list[SignalFinding]:
    """Strong negative signals, above all those that survived a probe, sink an interview on their own.

    Rigidity in reply to a pushback sinks it whatever the candidate adapted to elsewhere: the interviewer named a
    flaw in the candidate's own answer and the candidate defended it (dev, 600 interviews: without this rule band
    accuracy falls 0.953 to 0.943, and no interview gains)."""
    findings = record.findings
    shown = {f.signal for f in findings if f.polarity is Polarity.POSITIVE}
    pushed = {i for i, r in record.readings.items() if r.prompt_kind == "pushback"}
    return [
        f for f in findings
        if f.polarity is Polarity.NEGATIVE and (
            f.persisted_after_probe
            or (f.signal == "defensive_under_constraint" and any(ev.turn_index in pushed for ev in f.evidence))
            or (f.signal in SINK_ON_SIGHT and f.strength >= DISQUALIFYING_STRENGTH
                and OPPOSITE.get(f.signal) not in shown))
    ]


def unresolved_risks(findings: list[SignalFinding]) -> list[SignalFinding]:
    """Negatives, and noise heard strongly, that nothing in the interview answered."""
    shown = {f.signal for f in findings if f.polarity is Polarity.POSITIVE}
    return [f for f in findings if (f.polarity is Polarity.NEGATIVE and OPPOSITE.get(f.signal) not in shown)
            or (f.polarity is Polarity.NOISE and f.strength >= 0.75)]


def recommend(scores: dict[Dimension, int | None], record: Record) -> Recommendation:
    """The level, from the assessed scores, then the committee's rules, which only ever lower it.

    - no_hire: rigid under more than one constraint, rigidity that persisted after a pushback, nothing positive at
      all, or an interview made mostly of hedges and recited advice;
    - at most lean_no_hire: any disqualifier, fewer than two positive signals, loud noise, a thin interview, or a
      constraint still ignored after the interviewer came back to it;
    - at most lean_hire with most constraints left unaddressed (they are named in the verdict either way);
    - at most hire unless strong hire is earned: concrete positives in at least two questions, every constraint
      addressed, no unresolved risk, hedges in fewer than one answer in three (a committee does not call a
      candidate who hedges through the interview a strong hire, however good the plans beside the hedges), and
      reasoning said out loud (a median answer of `NARRATED_MEDIAN_WORDS` words or more).
    """
    findings = record.findings
    assessed = [s for s in scores.values() if s is not None]
    mean = sum(assessed) / len(assessed) if assessed else 1.0
    if mean >= 3.4:
        rec = Recommendation.STRONG_HIRE
    elif mean >= 2.8:
        rec = Recommendation.HIRE
    elif mean >= 2.3:
        rec = Recommendation.LEAN_HIRE
    elif mean >= 1.8:
        rec = Recommendation.LEAN_NO_HIRE
    else:
        rec = Recommendation.NO_HIRE
    positives = {f.signal for f in record.positives}
    noise = sum(f.strength for f in findings if f.polarity is Polarity.NOISE)
    persisted_rigidity = any(f.signal == "defensive_under_constraint" and f.persisted_after_probe for f in findings)
    if len(record.rigid_turns) >= 2 or persisted_rigidity or not positives or record.share < HOLLOW_SHARE:
        return Recommendation.NO_HIRE
    answers_with_signal = {ev.turn_index for f in record.positives for ev in f.evidence}
    capped = (bool(disqualifiers(record)) or len(positives) < 2 or noise >= 2.0 or record.share < THIN_SHARE
              or (len(record.readings) >= SINGLE_ANSWER_MIN and len(answers_with_signal) < 2)
              or bool(record.ignored))
    if capped and rec.band == "hire":
        rec = Recommendation.LEAN_NO_HIRE
    if len(record.unaddressed) * 2 > len(record.constraints) and LEVEL[rec] > LEVEL[Recommendation.LEAN_HIRE]:
        rec = Recommendation.LEAN_HIRE
    hedging = sum(r.hedging or r.dont_know for r in record.readings.values())
    strong_earned = (record.questions_with_signal >= 2 and not record.unaddressed and not record.rigid_turns
                     and not unresolved_risks(findings) and len(positives) >= 4
                     and hedging * STRONG_HEDGING_SHARE < len(record.readings)
                     and record.median_answer_words >= NARRATED_MEDIAN_WORDS)
    if rec is Recommendation.STRONG_HIRE and not strong_earned:
        rec = Recommendation.HIRE
    return rec


def coverage(scores: dict[Dimension, int | None], record: Record) -> Coverage:
    return Coverage(
        dimensions_assessed=sum(s is not None for s in scores.values()),
        dimensions=len(scores),
        questions=record.questions,
        questions_with_signal=record.questions_with_signal,
        constraints=len(record.constraints),
        constraints_addressed=len(record.constraints) - len(record.unaddressed),
        concrete_share=round(record.share, 2),
    )


def _opening(transcript: Transcript, index: int) -> str:
    found = sentences(transcript.turns[index].text)
    return found[0].text if found else transcript.turns[index].text


def build_verdict(
    transcript: Transcript,
    findings: list[SignalFinding],
    injection_attempts: list[Evidence],
    judge: str,
    rationales: dict[str, str] | None = None,
) -> Verdict:
    """Verify, hold to the rulebook, merge, score and decide. `rationales` (e.g. from an LLM) may replace only the
    rationale text of a dimension that was assessed."""
    from agent.knowledge import knowledge_version

    record = build_record(transcript, findings)
    dims = score_dimensions(record)
    scores = {d: s for d, (s, _) in dims.items()}
    rec = recommend(scores, record)
    dq = sorted(disqualifiers(record), key=lambda f: -f.strength)
    says, meant = compose_feedback(transcript, record, rec, dq)
    improved, note = improvements(transcript, record, rec, dq)
    injections = [ev for ev in injection_attempts if quote_is_verbatim(transcript, ev)]
    positives = [SIGNALS[f.signal].title.lower() for f in record.positives]
    summary = (
        f"{rec.value.replace('_', ' ')}: "
        + (f"showed {', '.join(positives)}" if positives else "little positive signal")
        + (f"; sunk by {', '.join(SIGNALS[f.signal].title.lower() for f in dq)}" if dq else "")
        + "."
    )
    rationales = rationales or {}
    return Verdict(
        recommendation=rec,
        band=rec.band,
        scores={d: {"score": s, "rationale": (rationales.get(d.value) if s is not None else None) or r}
                for d, (s, r) in dims.items()},
        signals=record.findings,
        disqualifiers=dq,
        recruiter_says=says,
        actually_meant=meant,
        improvements=improved,
        improvements_note=note,
        unaddressed_constraints=[Evidence(turn_index=i, quote=_opening(transcript, i)) for i in record.unaddressed],
        coverage=coverage(scores, record),
        injection_attempts=injections,
        summary=summary,
        judge=judge,
        knowledge_version=knowledge_version(),
    )
