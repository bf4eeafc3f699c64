"""Span-preserving text helpers: sentences and clauses as (start, end) offsets into the original turn.

Every finding quotes `turn.text[start:end]`, so evidence is verbatim by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:]|,|\s[-\u2013\u2014]+\s|\u2014)\s*|\s+(?=(?:but|though|although|however|anyway|whereas)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9']+")

NEGATORS = re.compile(
    r"\b(?:not|no|never|without|n't|don't|doesn't|didn't|won't|wouldn't|shouldn't|can't|cannot|isn't|aren't|"
    r"skip|skipping|ignore|ignoring|forget|neither|nor|nothing|hardly)\b|n't\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _spans(text: str, splitter: re.Pattern, base: int = 0) -> list[Span]:
    out, pos = [], 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    spans = []
    for s, e in out:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append(Span(base + s + lead, base + s + trail, chunk[lead:trail]))
    return spans


def sentences(text: str) -> list[Span]:
    return _spans(text, _SENTENCE_END)


def clauses(sentence: Span) -> list[Span]:
    return _spans(sentence.text, _CLAUSE_BREAK, base=sentence.start)


def words(text: str) -> list[str]:
    """Lower-cased words; quote marks around a word ("a single 'new user'") are not part of it."""
    return [w.strip("'") for w in _WORD.findall(text.lower()) if w.strip("'")]


def word_count(text: str) -> int:
    return len(words(text))


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "so",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "i'd",
        "i'm",
        "we",
        "we'd",
        "you",
        "your",
        "they",
        "them",
        "their",
        "our",
        "my",
        "me",
        "do",
        "does",
        "did",
        "would",
        "could",
        "should",
        "will",
        "can",
        "how",
        "what",
        "which",
        "who",
        "whom",
        "why",
        "when",
        "where",
        "there",
        "here",
        "about",
        "into",
        "over",
        "under",
        "than",
        "more",
        "most",
        "some",
        "any",
        "all",
        "not",
        "no",
        "just",
        "like",
        "also",
        "very",
        "really",
        "want",
        "think",
        "would've",
        "let's",
        "it's",
        "that's",
        "what's",
    ]
)


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS and len(w) >= 3)


def content_words(text: str) -> set[str]:
    """Lower-cased words minus stopwords, lightly stemmed so 'labels' meets 'labelling'."""
    return set(_content_words(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ers", "ies", "ied", "ed", "es", "ly", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            root = word[: -len(suffix)]
            # "dropped" -> "dropp" -> "drop", so it meets "drop"; "fall", "miss" keep their pair
            if suffix in ("ed", "ing", "er", "ers", "ings") and root[-1] == root[-2] and root[-1] not in "lsz":
                root = root[:-1]
            # "queries" and "varied" meet "query" and "vary"
            return root + "y" if suffix in ("ies", "ied") else root
    return word


def negated(clause: str, cue_start: int, window: int = 6) -> bool:
    """Is there a negator in the same clause within `window` words before the cue?"""
    before = clause[:cue_start]
    tail = " ".join(before.split()[-window:])
    return bool(NEGATORS.search(tail))
