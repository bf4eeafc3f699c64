"""The feedback a verdict gives: written from this interview's own deciding findings, never from a template that
claims a behaviour nobody saw.

- *What the recruiter says* is polite and vague by design (the article's Section 1): one line per deciding reason.
- *What the committee meant* names the deciding reasons with the candidate's own words and the turn they said them.
- *Improvements* are the three changes that matter most here: each names the turn where it mattered and what a
  stronger answer would have added there, never advises what was credited, and maps to one of the article's
  Section 5 shifts for a stated reason (`SHIFT_FOR`). When fewer than three apply, the verdict says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.models import Improvement, SignalFinding, Transcript
from agent.offline.text import sentences
from agent.responsiveness import essence
from agent.taxonomy import POSITIVE_IDS, SHIFTS, SIGNALS, Polarity, Recommendation

if TYPE_CHECKING:
    from agent.scoring import Record

MAX_QUOTE = 140

# Each improvement's shift, with the reason it is that shift, checked against the article's Section 5 text.
SHIFT_FOR: dict[str, tuple[int, str]] = {
    "frames_problem": (1, "Shift 1 lists the decisions interviewers evaluate (when to use ML, which metric matters); "
                          "framing is asking which decision the model serves"),
    "data_first": (1, "Shift 1 turns topics into decisions: 'what would make me change my mind?' is, first, the data"),
    "ignores_data_reality": (5, "Shift 5 says to practise with data quality issues injected, which is what was missed"),
    "starts_simple": (1, "Shift 1 names 'when to simplify' among the decisions interviewers evaluate"),
    "premature_complexity": (1, "Shift 1: 'under what conditions would I choose this? when would I avoid it?'"),
    "explicit_tradeoffs": (2, "Shift 2 is explaining tradeoffs out loud: priorities, direction, what is sacrificed"),
    "impact_linkage": (1, "Shift 1 names 'which metric matters' as a decision, tied to what changes when it moves"),
    "metric_fixation": (1, "Shift 1 names 'which metric matters' as a decision, not a number to push"),
    "narrated_uncertainty": (2, "Shift 2 is converting internal reasoning into something the interviewer can hear"),
    "unstructured_reasoning": (2, "Shift 2 is converting internal reasoning into scorable, audible steps"),
    "end_to_end_ownership": (1, "Shift 1 turns 'systems' from a topic into decisions: what you would watch, and what "
                                "you would do when it fails"),
    "adapts_under_constraint": (5, "Shift 5 is practising the second and third answer after a constraint lands"),
    "defensive_under_constraint": (5, "Shift 5: add a constraint, then adapt without restarting or arguing"),
    "unaddressed_constraint": (5, "Shift 5: practise answering the constraint itself when it changes mid-answer"),
    "theory_over_decisions": (1, "Shift 1: theory is signal only when it informs a concrete choice"),
    "tool_name_dropping": (1, "Shift 1 (and Section 4): decision fluency over tool fluency"),
    "overconfidence": (1, "Shift 1: say under what conditions you would choose this and when you would avoid it"),
    "answers_different_question": (1, "topic-shaped preparation steers answers to the prepared topic (Section 4 #3); "
                                      "Shift 1 prepares decisions instead"),
    "over_answering": (6, "Shift 6 is learning to stop talking at the right time"),
    "hollow": (7, "Shift 7: if preparation still feels like memorisation, recalibration is not complete"),
    "hedged": (2, "Shift 2: say the hypothesis and what you would check out loud, instead of hedging"),
}
# Past-project answers are decision stories (Shift 3): what assumption broke, what constraint forced a tradeoff.
PAST_PROJECT_SHIFT = (3, "Shift 3 reframes past projects as decision stories: the assumption that broke, the "
                         "constraint that forced a tradeoff, what you stopped doing")

_ADVICE: dict[str, tuple[str, str]] = {
    # signal: (title, what a stronger answer would have added at that turn)
    "frames_problem": ("Frame before solving", "ask who acts on the prediction and what a wrong call costs, before "
                                               "any model"),
    "data_first": ("Ask about the data unprompted", "ask how the labels are produced, how late they arrive and what "
                                                    "the logs leave out, before naming a model"),
    "ignores_data_reality": ("Put data before models", "say how this data is made and how it can be wrong instead of "
                                                       "assuming it clean"),
    "starts_simple": ("Say what you would ship first", "name the simplest thing that could work here and the limit "
                                                       "that would justify more"),
    "premature_complexity": ("Earn complexity", "name the baseline you would ship in week one and the evidence that "
                                                "would justify the heavier model"),
    "explicit_tradeoffs": ("Make tradeoffs audible", "name the two goals that compete here, the one you pick and "
                                                     "what you give up"),
    "impact_linkage": ("Connect the model to impact", "say who notices when this metric moves and what a wrong call "
                                                      "costs them"),
    "metric_fixation": ("Tie metrics to decisions", "say which decision changes when the metric moves and what "
                                                    "it costs"),
    "narrated_uncertainty": ("Narrate your uncertainty", "state your working hypothesis and the check that would "
                                                         "prove it wrong"),
    "unstructured_reasoning": ("Structure your thinking aloud", "signpost: the goal, the options, the choice and "
                                                                "why, one idea at a time"),
    "end_to_end_ownership": ("Finish past the model", "say what you would watch after launch, what breaks first "
                                                      "and how you would know it still works in six months"),
    "adapts_under_constraint": ("Rehearse the second answer", "say what the new limit rules out and what you "
                                                              "change to fit it"),
    "defensive_under_constraint": ("Treat constraints as new information", "accept the limit, say what it rules "
                                                                           "out and what you change"),
    "theory_over_decisions": ("Land theory on a decision", "use the theory only to justify one concrete choice, "
                                                           "then stop"),
    "tool_name_dropping": ("Trade tool names for reasons", "name a tool only with the problem it solves here"),
    "overconfidence": ("Calibrate your certainty", "say under which assumptions your choice holds and what would "
                                                   "change it"),
    "answers_different_question": ("Answer the question asked", "restate what was asked in a sentence and answer "
                                                                "that"),
    "over_answering": ("Stop talking at the right time", "answer in a few sentences and let the interviewer choose "
                                                         "the depth"),
}

_RECRUITER = {
    "ignores_data_reality": "We're looking for someone with a bit more production experience.",
    "defensive_under_constraint": "We didn't see quite the collaboration style we're looking for.",
    "premature_complexity": "Strong technically, but not quite the right fit for this role.",
    "metric_fixation": "We're looking for a bit more product sense.",
    "unstructured_reasoning": "We'd like to see a bit more clarity of communication.",
    "theory_over_decisions": "We felt the role needs a more applied profile.",
    "tool_name_dropping": "We went with candidates whose experience more closely matched our needs.",
    "overconfidence": "We had some concerns about seniority.",
    "answers_different_question": "We're looking for stronger communication.",
    "over_answering": "We'd like to see more concise communication.",
    "hollow": "We're looking for someone with a bit more experience.",
    "unaddressed_constraint": "We're looking for someone a little more adaptable.",
}
_RISK_MEANT = {
    "ignores_data_reality": "you treated the data as given",
    "defensive_under_constraint": "you argued with or handed off a constraint instead of adapting",
    "premature_complexity": "you reached for a heavy model before anything simple existed",
    "metric_fixation": "you pushed a metric without saying what decision it changes",
    "unstructured_reasoning": "your reasoning jumped between ideas without landing one",
    "theory_over_decisions": "theory never landed on a decision",
    "tool_name_dropping": "you listed tools without a reason for any of them",
    "overconfidence": "you stated certainty where the situation is uncertain",
    "answers_different_question": "you answered a different question from the one asked",
    "over_answering": "you covered everything at once instead of answering what was asked",
}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "\u2026"


def _cite(finding: SignalFinding) -> str:
    ev = finding.evidence[0]
    return f"turn {ev.turn_index}: \u201c{_short(ev.quote)}\u201d"


def _first_sentence(transcript: Transcript, index: int) -> str:
    found = sentences(transcript.turns[index].text)
    return found[0].text if found else transcript.turns[index].text


def compose_feedback(transcript: Transcript, record: Record, rec: Recommendation,
                     dq: list[SignalFinding]) -> tuple[str, str]:
    """(what the recruiter says, what the committee meant), from the findings that decided this verdict."""
    from agent.scoring import HOLLOW_SHARE, unresolved_risks

    risks = sorted(unresolved_risks(record.findings), key=lambda f: -f.strength)
    positives = sorted(record.positives, key=lambda f: -f.strength)
    if rec.band == "hire":
        shown = "; ".join(f"{SIGNALS[f.signal].title.lower()} ({_cite(f)})" for f in positives[:3])
        meant = f"The committee could defend you on what you showed: {shown}."
        held = []
        if record.unaddressed:
            held.append(f"the constraint at turn {record.constraint_at(record.unaddressed[0])} was never taken up")
        if risks:
            held.append(f"{_RISK_MEANT.get(risks[0].signal, SIGNALS[risks[0].signal].title.lower())} "
                        f"({_cite(risks[0])})")
        if record.questions_with_signal < 2 and record.questions >= 2:
            held.append("only one question showed signal")
        if held and rec is not Recommendation.STRONG_HIRE:
            meant += " What kept it lower: " + "; ".join(held) + "."
        return "The team was impressed and would like to move forward.", meant
    reasons: list[str] = []
    key = None
    if len(record.rigid_turns) >= 2:
        key = "defensive_under_constraint"
        reasons.append(f"you resisted {len(record.rigid_turns)} constraints instead of adapting (turns "
                       + ", ".join(str(t) for t in record.rigid_turns) + ")")
    for f in dq:
        if f.signal == "defensive_under_constraint" and key == "defensive_under_constraint":
            continue
        key = key or f.signal
        persisted = " and kept to it after a follow-up" if f.persisted_after_probe else ""
        reasons.append(f"{_RISK_MEANT.get(f.signal, SIGNALS[f.signal].title.lower())}{persisted} ({_cite(f)})")
    if record.share < HOLLOW_SHARE or not positives:
        key = key or "hollow"
        reasons.append("most answers were hedges or general advice with nothing concrete about this problem, so "
                       "nobody on the committee could argue for you")
    if record.unaddressed and len(reasons) < 3:
        key = key or "unaddressed_constraint"
        turns = ", ".join(str(i) for i in record.unaddressed)
        reasons.append(f"you never took up the constraint you were given (answers at turn {turns})")
    for f in risks:
        if len(reasons) >= 3:
            break
        if f in dq or f.signal == "defensive_under_constraint" and record.rigid_turns:
            continue
        key = key or f.signal
        reasons.append(f"{_RISK_MEANT.get(f.signal, SIGNALS[f.signal].title.lower())} ({_cite(f)})")
    if len({f.signal for f in positives}) < 2 and positives and len(reasons) < 3:
        reasons.append(f"only one strength was visible ({SIGNALS[positives[0].signal].title.lower()})")
    if not reasons:
        reasons.append("too little observable signal across the answers to defend a hire")
        key = key or "hollow"
    meant = "Deciding: " + "; ".join(reasons) + "."
    if positives:
        meant += f" Credited, but not enough: {SIGNALS[positives[0].signal].title.lower()} ({_cite(positives[0])})."
    return _RECRUITER.get(key or "hollow", _RECRUITER["hollow"]), meant


def _persona(persona_id: str):
    """The transcript's persona if it is one we know (recorded transcripts may name any id)."""
    from agent.errors import UserError
    from agent.persona import load_persona

    try:
        return load_persona(persona_id)
    except UserError:
        return None


def _question_kind(transcript: Transcript, index: int) -> str:
    """The category of the persona question a turn belongs to ("past_project"...), if the persona has it."""
    persona = _persona(transcript.persona)
    q = next((t for t in reversed(transcript.turns[:index]) if t.role == "interviewer" and t.kind == "question"), None)
    if persona is None or q is None:
        return ""
    return next((pq.category for pq in persona.questions if pq.text in q.text), "")


def _emphasis(persona_id: str):
    persona = _persona(persona_id)
    return persona.weight if persona is not None else (lambda _signal: 1.0)


def _where_missing(signal: str, record: Record, transcript: Transcript) -> int | None:
    """The candidate turn where a missing positive would have mattered most."""
    answers = sorted(record.readings)
    if not answers:
        return None
    if signal == "adapts_under_constraint":
        return next(iter(record.unaddressed), None) or next(iter(record.rigid_turns), None)
    if signal in ("frames_problem", "data_first", "starts_simple"):
        firsts = [r.index for r in record.readings.values() if r.prompt_kind == "question"]
        return firsts[0] if firsts else answers[0]
    if signal == "end_to_end_ownership":
        return answers[-1]
    return answers[0]


def _shift(signal: str, transcript: Transcript, turn: int | None) -> tuple[int, str]:
    if turn is not None and signal in POSITIVE_IDS and _question_kind(transcript, turn) == "past_project":
        return PAST_PROJECT_SHIFT
    return SHIFT_FOR[signal]


def improvements(transcript: Transcript, record: Record, rec: Recommendation,
                 dq: list[SignalFinding]) -> tuple[list[Improvement], str]:
    """The three improvements that matter most, or fewer with the reason; never advice on what was credited."""
    from agent.scoring import HOLLOW_SHARE

    weight = _emphasis(transcript.persona)
    credited = {f.signal for f in record.positives}
    picks: list[tuple[str, int | None, str]] = []  # (key, turn, stronger answer)

    def add(key: str, turn: int | None, stronger: str) -> None:
        if key not in {k for k, _, _ in picks}:
            picks.append((key, turn, stronger))

    for f in dq:
        add(f.signal, f.evidence[0].turn_index, _ADVICE[f.signal][1])
    for i in record.unaddressed:
        constraint = record.constraint_at(i)
        facts = _short(essence(transcript.turns[constraint].text))
        add("unaddressed_constraint", i, f"take up the constraint itself ({facts}) and say what changes in your plan")
    if record.share < HOLLOW_SHARE:
        first = next((r.index for r in record.readings.values() if not r.concrete), None)
        add("hollow" if not any(r.hedged for r in record.readings.values()) else "hedged", first,
            "say one concrete thing about this problem: a number, a check you would run, a choice and its reason")
    risks = [f for f in record.findings if f.polarity is not Polarity.POSITIVE and f not in dq]
    for f in sorted(risks, key=lambda f: -f.strength * weight(f.signal)):
        opposite_credited = {"ignores_data_reality": "data_first", "defensive_under_constraint":
                             "adapts_under_constraint", "premature_complexity": "starts_simple"}.get(f.signal)
        if opposite_credited in credited and not f.persisted_after_probe:
            continue
        add(f.signal, f.evidence[0].turn_index, _ADVICE[f.signal][1])
    missing = [s for s in POSITIVE_IDS if s not in credited
               and not (s == "adapts_under_constraint" and not record.constraints)]
    for s in sorted(missing, key=lambda s: -weight(s)):
        add(s, _where_missing(s, record, transcript), _ADVICE[s][1])

    out = []
    for key, turn, stronger in picks[:3]:
        shift, _reason = _shift(key, transcript, turn) if key in SHIFT_FOR else (1, "")
        title = {"unaddressed_constraint": "Answer the constraint you were given",
                 "hollow": "Say it about this problem", "hedged": "Replace hedges with a hypothesis"}.get(
            key, _ADVICE.get(key, (key, ""))[0])
        where = f"At turn {turn}, " if turn is not None else ""
        detail = f"{where}a stronger answer would {stronger}."
        out.append(Improvement(title=title, detail=detail[0].upper() + detail[1:], shift=shift,
                               shift_name=SHIFTS[shift], turn_index=turn, stronger=stronger))
    note = ""
    if not out:
        note = "No improvement: nothing the committee saw needed fixing."
    elif len(out) < 3:
        note = (f"Only {len(out)} improvement{'s' if len(out) != 1 else ''}: nothing else in this interview "
                "needed fixing that the committee saw.")
    return out, note
