"""The offline interviewer's lines: one per move, in the persona's voice, built from what happened in this question.

Every line comes from a `voice.Template` whose needs are met by the moment (`voice.usable`): a quote needs a
phrase the candidate said in this question, a restated constraint needs one given, a cost follow-through needs
their adaptation. Templates already heard in the interview are passed over.
"""

from __future__ import annotations

import zlib

from agent.models import Move, TurnAnalysis
from agent.offline import voice
from agent.offline.clarify import clarify
from agent.offline.threads import Thread, dismissal, parts
from agent.offline.voice import Template, acknowledgement, with_ack
from agent.persona import Persona
from agent.policy import COST, DISMISSIVE, NARROW, RESTATE

ASKS = ("How does that change your plan?", "What do you change?", "Where does that leave your design?",
        "What would you do differently now?", "Walk me through what changes.", "What's your move?")


def _templates(persona: Persona, texts: list[str], source: str) -> list[Template]:
    return [Template(t, f"{persona.id}:{source}") for t in texts]


def _key(persona: Persona, thread: Thread, move: Move, lines: list[str]) -> str:
    return f"{persona.id}:{thread.question.id}:{move.kind}:{move.signal}:{move.constraint_kind}:{len(lines)}"


def _line(templates: list[Template], values: dict[str, str], lines: list[str], key: str) -> str | None:
    template = voice.choose(templates, values, lines, key)
    return template.fill(values) if template else None


def phrase(persona: Persona, thread: Thread, move: Move, analysis: TurnAnalysis, earlier_lines: list[str]) -> str:
    """The interviewer's line for `move`. `earlier_lines` are the interviewer's lines in earlier questions."""
    lines = earlier_lines + thread.lines
    key = _key(persona, thread, move, lines)
    answer = thread.answers[-1] if thread.answers else ""
    skip = tuple(e.quote for e in analysis.injection_attempts)
    plan = next((r for a in thread.answers if (r := voice.reference(a, skip=skip, proposal=True))), "")
    values = {"ref": voice.reference(answer, skip=skip, proposal=True) or plan,
              "essence": voice.sentence_case(thread.essence())}
    values["constraint"] = values["essence"]  # a constraint was given in this question
    values["essence_lower"] = values["essence"][:1].lower() + values["essence"][1:]
    stance = dismissal(answer)
    ack = acknowledgement(persona, move.kind, key, dismissive=bool(stance))

    if move.kind == "clarification":
        return clarify(thread.question, answer, persona.style.ambiguity)
    if move.kind == "constraint":
        return with_ack(ack, _constraint(persona, thread, move, lines, key))
    if move.kind == "pushback":
        return _pushback(persona, thread, move, analysis, values, lines, key, answer, skip, stance)
    if move.kind == "follow_up":
        return _follow_up(persona, thread, move, values, lines, key, ack, skip)
    if move.kind == "probe":
        if analysis.said_dont_know:
            text = _line(_templates(persona, persona.dont_know, "dont_know"), values, lines, key)
            if text and not any(text in s for s in lines):
                return text
        pool = _templates(persona, persona.probes.get(move.signal or "", []), f"probes.{move.signal}")
        return with_ack(ack, _line(pool, values, lines, key) or _line(voice.bank(persona, "narrow"), values, lines,
                                                                      key) or persona.style.closing)
    named = ""
    if stance and (ref := voice.reference(answer, prefer=stance, skip=skip)):
        named = _line(voice.bank(persona, "stance"), {"ref": ref}, lines, key) or ""
    if move.kind == "wrap_up":
        return f"{named} {persona.style.closing}".strip()
    transition = _line(voice.bank(persona, "transition"), {}, lines, key) or ""
    return f"{named} {transition}".strip()


def _constraint(persona: Persona, thread: Thread, move: Move, lines: list[str], key: str) -> str:
    constraint, raised = thread.fitting(move.constraint_kind or "data")
    p = parts(constraint)
    asks = [a for a in ((p.ask,) if p.ask else ()) + ASKS if not any(a in line for line in lines)] or list(ASKS)
    ask = p.ask if p.hypothetical and p.ask else asks[zlib.crc32(key.encode()) % len(asks)]
    values = {"fact": p.fact, "ask": ask, "essence": p.fact, "constraint": p.fact}
    if raised:
        text = _line(voice.bank(persona, "raised"), {**values, "fact": p.fact[:1].lower() + p.fact[1:]}, lines, key)
        if text:
            return text
    if p.hypothetical:
        return f"{p.fact} {ask}".strip()
    shapes = voice.bank(persona, "constraint")
    return _line(shapes, values, lines, key) or f"{p.fact} {ask}"


def _pushback(persona: Persona, thread: Thread, move: Move, analysis: TurnAnalysis, values: dict[str, str],
              lines: list[str], key: str, answer: str, skip: tuple[str, ...], stance: str) -> str:
    trigger = next((f.evidence[0].quote for f in analysis.findings if f.signal == move.signal and f.evidence), "")
    ref = voice.reference(answer, prefer=stance or trigger, skip=skip)
    values = {**values, "ref": ref}
    own = _templates(persona, persona.pushbacks.get(move.signal or "", []), f"pushbacks.{move.signal}")
    if move.signal in DISMISSIVE:
        pool = own + (voice.bank(persona, "dismissal_constraint") if thread.constraint else []) \
            + voice.bank(persona, "dismissal")
    else:
        pool = own or _templates(persona, persona.pushbacks["overconfidence"], "pushbacks.overconfidence")
    return _line(pool, values, lines, key) or _line(voice.bank(persona, "dismissal"), values, lines, key) \
        or "What would you actually do?"


def _follow_up(persona: Persona, thread: Thread, move: Move, values: dict[str, str], lines: list[str], key: str,
               ack: str, skip: tuple[str, ...]) -> str:
    if move.signal == NARROW:
        said = " ".join(lines)
        facts = [c.answer for c in thread.question.clarifications
                 if c.answer not in said and "?" not in c.answer]
        fact = facts[zlib.crc32(key.encode()) % len(facts)] if facts and persona.style.ambiguity != "high" else ""
        return _line(voice.bank(persona, "narrow"), {**values, "fact": fact}, lines, key) or "Where would you start?"
    if move.signal == RESTATE:
        own = [Template("{essence} " + t, f"{persona.id}:probes.adapts_under_constraint")
               for t in persona.probes.get("adapts_under_constraint", [])]
        return with_ack(ack, _line(voice.bank(persona, "restate") + own, values, lines, key) or values["essence"])
    since = thread.answers_since_constraint()
    adaptation = next((r for a in since if (r := voice.reference(a, skip=skip, proposal=True))), "")
    name = "cost" if move.signal == COST else "consequence"
    if move.signal != COST and move.reason.startswith("still not taken up"):
        name = "ignored"
    return with_ack(ack, _line(voice.bank(persona, name), {**values, "adaptation": adaptation}, lines, key)
                    or _line(voice.bank(persona, "cost"), {**values, "adaptation": adaptation}, lines, key)
                    or "What does that cost you?")
