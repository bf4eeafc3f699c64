"""The interviewer's lines, in the persona's voice, built around what the candidate actually said."""

from __future__ import annotations

import re
import zlib

from agent.models import Move, TurnAnalysis
from agent.offline import cues
from agent.offline.text import STOPWORDS, clauses, content_words, sentences, words
from agent.persona import Persona, Question

_APPROACH = re.compile(
    r"\b(?:i'?d|i would|i'?ll|we'?d|we would|let'?s|i'?m going to|i want to)\s+(?:just\s+)?(?:use|build|train|"
    r"start with|go with|pick|ship|deploy|try|add|set up|fine-tune|throw)\s+((?:[\w\-/']+\s*){1,6})",
    re.IGNORECASE,
)


def pick(options: list[str], key: str, used: set[str] | None = None) -> str:
    """A deterministic choice that avoids lines already said in this interview."""
    fresh = [o for o in options if not used or o not in used] or options
    return fresh[zlib.crc32(key.encode()) % len(fresh)]


_LEAD = re.compile(r"^(?:(?:and|but|so|then|since|because|also|well|ok|okay|um|uh|i think|i guess|honestly|"
                   r"i'?d|i would|i will|i'?ll|we'?d|we would|just|maybe|probably)\b[\s,]*)+", re.IGNORECASE)


def _trim(fragment: str, max_words: int = 7) -> str:
    """At most `max_words` words, without leading fillers or trailing function words."""
    frag = _LEAD.sub("", fragment.strip()).strip(" ,.;:!?-\u2014\"'")
    parts = frag.split()[:max_words]
    while parts and parts[-1].lower().strip(",.;:") in STOPWORDS:
        parts.pop()
    return " ".join(parts).strip(" ,.;:!?-\u2014\"'")


def reference(answer: str, analysis: TurnAnalysis, prefer: str | None = None) -> str:
    """A short verbatim fragment of the answer to hang the next line on.

    For a pushback, the words that triggered it; otherwise what they proposed ("I'd use X"), else their most
    informative short clause. Always a substring of the answer, so the candidate recognises their own words.
    """
    for f in analysis.findings:
        if f.signal == prefer and f.evidence:
            quote = f.evidence[0].quote
            for rx in (cues.COMPLEX, cues.OVERCONFIDENT, cues.DEFENSIVE, cues.TOOLS, cues.METRIC_PUSH, cues.THEORY):
                m = rx.search(quote)
                if m:
                    return _trim(quote[m.start():], 5) or _trim(quote)
            return _trim(quote)
    m = _APPROACH.search(answer)
    if m and _trim(m.group(1), 6):
        return _trim(m.group(1), 6)
    candidates = [c.text for sent in sentences(answer) for c in clauses(sent)
                  if not c.text.rstrip().endswith("?") and len(content_words(c.text)) >= 2]
    short = [c for c in candidates if len(words(c)) <= 8]
    pool = short or candidates
    if pool:
        best = max(pool, key=lambda c: len(content_words(c)))
        trimmed = _trim(best, 7)
        if trimmed:
            return trimmed
    return _trim(answer, 6) or "that"


_ACK_OPENING = re.compile(r"^\W*(?:ok(?:ay)?|right|sure|got it|noted|mm-?hm|fair|understood|alright|i see)\b",
                          re.IGNORECASE)


def _acknowledged(ack: str, line: str) -> str:
    """The persona's neutral acknowledgement before a line, unless the line already opens with one."""
    return line if _ACK_OPENING.match(line) else f"{ack} {line}"


def _fill(template: str, ref: str) -> str:
    return template.replace("{ref}", ref)


def phrase(
    persona: Persona,
    question: Question,
    move: Move,
    answer: str,
    analysis: TurnAnalysis,
    said: set[str],
    constraint_index: int = 0,
) -> str:
    """The interviewer's line for `move`. `said` holds every interviewer line so far, to avoid repeats."""
    key = f"{persona.id}:{question.id}:{move.kind}:{move.signal}:{len(said)}"
    ack = pick(persona.style.acknowledgements, key)
    if move.kind == "clarification":
        return clarify(question, answer)
    if move.kind == "probe" and analysis.said_dont_know:
        return pick(persona.dont_know, key, said)
    if move.kind == "probe":
        ref = reference(answer, analysis)
        return _acknowledged(ack, _fill(pick(persona.probes[move.signal], key, said), ref))
    if move.kind == "pushback":
        ref = reference(answer, analysis, prefer=move.signal)
        options = persona.pushbacks.get(move.signal) or persona.pushbacks["overconfidence"]
        return _fill(pick(options, key, said), ref)
    if move.kind == "constraint":
        constraint = question.constraint(move.constraint_kind, constraint_index)
        return _acknowledged(ack, constraint.text)
    if move.kind == "wrap_up":
        return persona.style.closing
    return ack


def clarify(question: Question, asked: str) -> str:
    """Answer a clarifying question in character: the clarification whose topic overlaps the question most."""
    asked_words = content_words(asked) | set(words(asked))
    best, best_score = None, 0
    for c in question.clarifications:
        score = sum(1 for kw in c.about if kw.lower() in asked_words or kw.lower() in asked.lower())
        if score > best_score:
            best, best_score = c, score
    return best.answer if best else question.default_clarification
