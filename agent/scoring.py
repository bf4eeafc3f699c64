"""From verified findings to a committee verdict, in code. No text a candidate writes can set the outcome.

Both judges (offline and LLM) produce findings; this module checks every quote against the transcript,
merges findings per signal, scores the five dimensions, applies the disqualifier rule (committees look for
disqualifiers, they don't average) and computes the recommendation.
"""

from __future__ import annotations

from agent.models import Evidence, Improvement, SignalFinding, Transcript, Verdict
from agent.taxonomy import (
    POSITIVE_IDS,
    SHIFTS,
    SIGNALS,
    Dimension,
    Polarity,
    Recommendation,
)

DISQUALIFYING_STRENGTH = 0.7
# Risks that sink an interview on sight; any other negative disqualifies only once it survived a follow-up.
SINK_ON_SIGHT = frozenset({"ignores_data_reality", "defensive_under_constraint"})
# A sink-on-sight risk seen once, beside its own opposite shown elsewhere, is a mixed record for the committee to
# weigh, not a disqualifier: it still lowers the scores, and still sinks the interview if it persisted.
OPPOSITE = {"ignores_data_reality": "data_first", "defensive_under_constraint": "adapts_under_constraint"}
MAX_QUOTES = 3


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
    """One finding per signal, strongest first; a negative seen again after a follow-up has persisted."""
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
                evidence=sorted(evidence, key=lambda e: e.turn_index)[:MAX_QUOTES],
                strength=round(strength, 2),
                persisted_after_probe=persisted,
                why=best.why,
            )
        )
    order = {s: i for i, s in enumerate(SIGNALS)}
    return sorted(merged, key=lambda f: order[f.signal])


def score_dimensions(findings: list[SignalFinding]) -> dict[Dimension, tuple[int, str]]:
    """Each dimension starts at 2 ("no evidence either way"); positives raise it, risks lower it."""
    scores = {}
    for dim in Dimension:
        feeding_pos = [s for s in POSITIVE_IDS if dim in SIGNALS[s].dimensions]
        pos = [f for f in findings if f.polarity is Polarity.POSITIVE and dim in SIGNALS[f.signal].dimensions]
        neg = [f for f in findings if f.polarity is Polarity.NEGATIVE and dim in SIGNALS[f.signal].dimensions]
        noise = [f for f in findings if f.polarity is Polarity.NOISE and dim in SIGNALS[f.signal].dimensions]
        raw = (
            1.6
            + 2.6 * sum(f.strength for f in pos) / max(1, len(feeding_pos))
            - 0.8 * sum(f.strength for f in neg)
            - 0.4 * sum(f.strength for f in noise)
        )
        score = max(1, min(4, round(raw)))
        parts = []
        if pos:
            parts.append("shown: " + ", ".join(SIGNALS[f.signal].title.lower() for f in pos))
        if neg or noise:
            parts.append("against: " + ", ".join(SIGNALS[f.signal].title.lower() for f in neg + noise))
        scores[dim] = (score, "; ".join(parts) or "no evidence either way in this interview")
    return scores


def disqualifiers(findings: list[SignalFinding]) -> list[SignalFinding]:
    """Strong negative signals, above all those that survived a probe, sink an interview on their own."""
    shown = {f.signal for f in findings if f.polarity is Polarity.POSITIVE}
    return [
        f for f in findings
        if f.polarity is Polarity.NEGATIVE and (
            f.persisted_after_probe
            or (f.signal in SINK_ON_SIGHT and f.strength >= DISQUALIFYING_STRENGTH
                and OPPOSITE.get(f.signal) not in shown))
    ]


def recommend(scores: dict[Dimension, int], findings: list[SignalFinding]) -> Recommendation:
    mean = sum(scores.values()) / len(scores)
    positives = sum(1 for f in findings if f.polarity is Polarity.POSITIVE)
    noise = sum(f.strength for f in findings if f.polarity is Polarity.NOISE)
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
    capped = bool(disqualifiers(findings)) or positives < 2 or noise >= 2.0
    if capped and rec.band == "hire":
        rec = Recommendation.LEAN_NO_HIRE
    return rec


# What a recruiter says, beside what the committee meant (Section 1), keyed by the deciding signal.
_FEEDBACK = {
    "ignores_data_reality": (
        "We're looking for someone with a bit more production experience.",
        "You treated data as an afterthought: no word on how labels are made, what is missing or how it drifts. "
        "Committees read that as theory without production judgment.",
    ),
    "defensive_under_constraint": (
        "We didn't see quite the collaboration style we're looking for.",
        "When a constraint arrived you argued with it or restated your first answer. Rigidity under changing "
        "assumptions is one of the strongest predictors of poor on-the-job performance.",
    ),
    "premature_complexity": (
        "Strong technically, but not quite the right fit for this role.",
        "You reached for a sophisticated model before a baseline existed or any limit justified it. That reads "
        "as poor cost-benefit judgment and little experience with iteration.",
    ),
    "metric_fixation": (
        "We're looking for a bit more product sense.",
        "You optimised a metric without saying why it matters or what decision it changes: numbers, not impact.",
    ),
    "unstructured_reasoning": (
        "We'd like to see a bit more clarity of communication.",
        "Your reasoning jumped between ideas and landed on conclusions without the steps. Interviewers cannot "
        "score what they cannot see.",
    ),
    "theory_over_decisions": (
        "We felt the role needs a more applied profile.",
        "You explained theory that never informed a concrete decision. It sounded like a thesis defence, not "
        "engineering judgment.",
    ),
    "tool_name_dropping": (
        "We went with candidates whose experience more closely matched our needs.",
        "You recited tools and buzzwords without one justified decision; the committee suspected shallow "
        "reasoning behind the vocabulary.",
    ),
    "overconfidence": (
        "We had some concerns about seniority.",
        "You presented choices as certain and dismissed risks. ML systems live in uncertainty; denying it is "
        "a risk signal.",
    ),
    "answers_different_question": (
        "We're looking for stronger communication.",
        "You answered the question you wished you'd been asked, not the one on the table. That suggests poor "
        "listening under pressure.",
    ),
    "over_answering": (
        "We'd like to see more concise communication.",
        "You covered everything at once instead of answering and letting the interviewer steer depth.",
    ),
}
_NO_EVIDENCE = (
    "We're looking for someone with a bit more experience.",
    "The interview produced too little observable signal: few decisions, tradeoffs or data concerns said out "
    "loud, so nobody on the committee could argue for you.",
)
_HIRE = (
    "The team was impressed and would like to move forward.",
    "You framed the problem, surfaced data risks, made tradeoffs explicit and adapted under constraint: the "
    "committee found you easy to defend.",
)

_IMPROVEMENTS = {
    "ignores_data_reality": ("Put data before models", "Open every design with where labels come from, how "
                             "noisy or late they are, and what could leak or drift.", 1),
    "data_first": ("Ask about the data unprompted", "Before naming a model, ask how the data is collected and "
                   "labelled and what biases or gaps it has.", 1),
    "defensive_under_constraint": ("Treat constraints as new information", "When a limit lands, say what it "
                                   "rules out and what you change, without restarting or arguing.", 5),
    "adapts_under_constraint": ("Rehearse the second and third answer", "Practise with injected data, latency "
                                "and metric changes and adapt the design out loud.", 5),
    "premature_complexity": ("Earn complexity", "Name the baseline you would ship first and the limit that "
                             "would justify anything deeper.", 1),
    "starts_simple": ("Say what you would not build yet", "State the simplest thing that could work and the "
                      "evidence that would make you move past it.", 1),
    "explicit_tradeoffs": ("Make tradeoffs audible", "Name the competing goals, the one you pick and what you "
                           "sacrifice, in one sentence.", 2),
    "metric_fixation": ("Tie metrics to decisions", "For every metric, say what decision changes when it moves "
                        "and what it costs.", 3),
    "impact_linkage": ("Connect the model to impact", "Say who notices when the model improves and what that "
                       "is worth to the business.", 3),
    "end_to_end_ownership": ("Finish past the model", "Close each design with monitoring, failure modes and "
                             "how you'd know it still works in six months.", 4),
    "frames_problem": ("Frame before solving", "Start by asking who uses the prediction, what decision it "
                       "drives and what success looks like.", 1),
    "narrated_uncertainty": ("Narrate your uncertainty", "State your working hypothesis, the assumption under "
                             "it and what you'd do if it is wrong.", 2),
    "unstructured_reasoning": ("Structure your thinking aloud", "Signpost: goal, options, choice, why. One "
                               "idea at a time.", 2),
    "theory_over_decisions": ("Land theory on a decision", "Use theory only to justify a concrete choice, "
                              "then stop.", 1),
    "tool_name_dropping": ("Trade tool names for reasons", "Mention a tool only with the problem it solves and "
                           "when you would not need it.", 1),
    "overconfidence": ("Calibrate your certainty", "Replace 'definitely' with the assumptions under which your "
                       "choice holds.", 7),
    "answers_different_question": ("Answer the question asked", "Restate the question in a sentence before "
                                   "answering, even when it is uncomfortable.", 6),
    "over_answering": ("Stop talking at the right time", "Answer in a few sentences, then let the interviewer "
                       "choose the depth.", 6),
}


def improvements(findings: list[SignalFinding], transcript: Transcript) -> list[Improvement]:
    """The three improvements that matter most: disqualifiers first, then risks, then missing positives."""
    found = {f.signal for f in findings}
    ranked = [f.signal for f in sorted(disqualifiers(findings), key=lambda f: -f.strength)]
    ranked += [f.signal for f in findings if f.polarity is not Polarity.POSITIVE and f.signal not in ranked]
    ranked += [s for s in POSITIVE_IDS if s not in found]
    chosen: list[str] = []
    for s in ranked:
        if len(chosen) == 3:
            break
        if s not in chosen:
            chosen.append(s)
    out = []
    for s in chosen:
        title, detail, shift = _IMPROVEMENTS[s]
        out.append(Improvement(title=title, detail=detail, shift=shift, shift_name=SHIFTS[shift]))
    return out


def _questions_with_signal(transcript: Transcript, findings: list[SignalFinding]) -> int:
    """How many questions the positive evidence spans: 'strong' means consistent across rounds, not one answer."""
    question_of, current = {}, 0
    for i, turn in enumerate(transcript.turns):
        if turn.role == "interviewer" and turn.kind == "question":
            current += 1
        question_of[i] = current
    return len({question_of[ev.turn_index] for f in findings if f.polarity is Polarity.POSITIVE
                for ev in f.evidence})


def build_verdict(
    transcript: Transcript,
    findings: list[SignalFinding],
    injection_attempts: list[Evidence],
    judge: str,
    rationales: dict[str, str] | None = None,
) -> Verdict:
    """Verify, merge, score and decide. `rationales` (e.g. from an LLM) may replace the rationale text only."""
    verified = merge_findings(transcript, verify_findings(transcript, findings))
    dims = score_dimensions(verified)
    scores = {d: s for d, (s, _) in dims.items()}
    rec = recommend(scores, verified)
    if rec is Recommendation.STRONG_HIRE and _questions_with_signal(transcript, verified) < 2:
        rec = Recommendation.HIRE
    dq = sorted(disqualifiers(verified), key=lambda f: -f.strength)
    risks = sorted((f for f in verified if f.polarity is not Polarity.POSITIVE), key=lambda f: -f.strength)
    if rec.band == "hire":
        says, meant = _HIRE
    elif dq or risks:
        says, meant = _FEEDBACK.get((dq or risks)[0].signal, _NO_EVIDENCE)
    else:
        says, meant = _NO_EVIDENCE
    injections = [ev for ev in injection_attempts if quote_is_verbatim(transcript, ev)]
    positives = [SIGNALS[f.signal].title.lower() for f in verified if f.polarity is Polarity.POSITIVE]
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
        scores={d: {"score": s, "rationale": rationales.get(d.value) or r} for d, (s, r) in dims.items()},
        signals=verified,
        disqualifiers=dq,
        recruiter_says=says,
        actually_meant=meant,
        improvements=improvements(verified, transcript),
        injection_attempts=injections,
        summary=summary,
        judge=judge,
    )

