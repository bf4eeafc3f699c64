"""Answering a clarifying question with the facts that answer it, matched by meaning, every part of it.

A clarifying question is split into its parts ("who are the users, and what does success look like?" is two);
each part is matched by what it asks about (its head words: "goal", "users", "latency requirement") against each
clarification's topic, with the shared semantic similarity (`agent.responsiveness.similarity`), so "Is the goal
return or watch time?" is not answered with who the users are because it mentions members. A part nothing
answers gets the question's default ("make a call"). The persona's `ambiguity` sets how much is given: low gives
every fact asked for, medium up to two, high one and leaves the rest to the candidate.
"""

from __future__ import annotations

import re

from agent.offline.text import STOPWORDS, sentences, words
from agent.persona import Clarification, Question
from agent.responsiveness import similarity

MATCH = 0.3
_PARTS = re.compile(r"\?\s*|,?\s+\b(?:and|or|also|plus)\b\s+(?=(?:who|what|how|is|are|do|does|can|will|where|"
                    r"when|which|should)\b)", re.IGNORECASE)
_FRAME = frozenset(("is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
                    "what", "what's", "how", "which", "whats", "the", "a", "an", "there", "our", "we", "i", "it",
                    "so", "and", "or", "also", "before", "start", "two", "things", "quick", "question", "first", "many",
                    "much", "kind", "sort", "type", "exactly", "roughly", "need", "know"))
_KEEP = frozenset(("who", "when", "where"))
FACTS_BY_AMBIGUITY = {"low": 3, "medium": 2, "high": 1}


def parts(asked: str) -> list[str]:
    """The separate questions in a clarifying turn."""
    out = []
    for sent in sentences(asked):
        if "?" not in sent.text and len(sentences(asked)) > 1:
            continue
        out += [p.strip(" ,:;") for p in _PARTS.split(sent.text) if len(words(p)) >= 2]
    return out or [asked]


def head(part: str) -> str:
    """What a question asks about: its first word past the question frame ("goal", "labels", "who users")."""
    kept = [w for w in words(part) if w in _KEEP]
    content = [w for w in words(part) if w not in _FRAME and w not in _KEEP and w not in STOPWORDS]
    return " ".join(kept + content[:1])


def _score(part: str, c: Clarification) -> float:
    topic = head(part)
    if not topic:
        return 0.0
    about = " ".join(c.about)
    return max(similarity(topic, about), 0.85 * max(similarity(topic, w) for w in c.about))


def matches(question: Question, asked: str) -> list[Clarification]:
    """The clarification answering each part of `asked`, in order, each once; none for a part nothing answers."""
    found: list[Clarification] = []
    for part in parts(asked):
        scored = [(_score(part, c), i) for i, c in enumerate(question.clarifications)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= MATCH and question.clarifications[best[1]] not in found:
            found.append(question.clarifications[best[1]])
    return found


def _statements(text: str) -> str:
    return " ".join(s.text for s in sentences(text) if not s.text.rstrip().endswith("?"))


def clarify(question: Question, asked: str, ambiguity: str = "medium") -> str:
    """The in-character answer: the facts asked for (as many as the persona's ambiguity gives), one question at
    most, and the default for what no fact answers."""
    found = matches(question, asked)
    if not found:
        return question.default_clarification
    given = found[:FACTS_BY_AMBIGUITY.get(ambiguity, 2)]
    # Only the last fact may keep its question ("What would count as a positive?"): one question per line.
    texts = [_statements(c.answer) or c.answer for c in given[:-1]] + [given[-1].answer]
    unanswered = len(parts(asked)) > len(given)
    tail = [question.default_clarification] if unanswered and "?" not in " ".join(texts) else []
    return " ".join(t for t in texts + tail if t)
