"""Is a span about *this* problem, or generic advice? The judge credits a positive signal only when it is grounded.

A committee hears "I'd treat data as a first-class citizen" as noise and "I'd train only on payments whose
chargebacks have had ninety days to mature" as signal; the difference is not the topic but the specifics. A span is
grounded when, with generic interview vocabulary and common English set aside, something concrete is left:

- a *problem term*: a word of the question, a clarification or a constraint this candidate was given;
- a *quantity*: "90 days", "15 ms", "a few hundred examples", "half";
- a *mechanism*: a named technique, check or error kind (`agent/knowledge/mechanisms.toml`);
- a *specific word*: a rare content word (Zipf frequency below `RARE_ZIPF` in `wordfreq`) that is not generic ML
  vocabulary: "cardholder", "thumbnail", "Tagalog".

A *recital* is a sentence that one piece of generic advice (`agent/knowledge/advice.toml`, much of it the domain
article's own sentences) covers almost entirely; it is noise unless it adds a quantity or a problem term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from agent.knowledge import lexicon, phrase_regex
from agent.offline.text import content_words, stem, words

RARE_ZIPF = 4.0
RECITAL_COVERAGE = 0.7
MIN_UNITS = 2
RECITAL_SIMILARITY = 0.86
# Two exemplars spliced into one sentence are read together only for a sentence this long, and only when the best
# covering one holds two of its words the other lacks.
SPLICED_MIN_WORDS = 5
# A sentence this long whose content words are this much generic vocabulary, with nothing concrete, is advice.
VOCABULARY_MIN_WORDS = 6
VOCABULARY_SHARE = 0.8
# What follows a mechanism when it is applied to something: a preposition and a content word, or a noun it qualifies.
_APPLIED_TO = re.compile(r"\s+(?:(?:on|of|by|per|over|for|from|against|across)\s+(?:the |our |their |each |every |a )?"
                         r"(?P<object>[a-z][\w-]{3,})|(?P<noun>[a-z][\w-]{3,})(?:\s+[a-z][\w-]{3,})?\s+"
                         r"(?:by|per|over|across)\s+[a-z]{3,})", re.IGNORECASE)

_QUANTITY = re.compile(
    r"\d|\b(?:an?|per|every|each) (?:hour|day|week|month|quarter|year|minute|second)\b|\b(?:hourly|daily|weekly|"
    r"monthly|quarterly|nightly|overnight)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|half|quarter|"
    r"a third|double|twice|triple|tenfold)\b(?:\s+(?:percent|ms|milliseconds|seconds|minutes|hours|days|weeks|"
    r"months|years|examples|cases|rows|labels|points|times|x))?",
    re.IGNORECASE,
)
# A choice the candidate makes: it turns one concrete unit into a decision about the problem.
_DECISION = re.compile(r"\b(?:i'?d|i would|i'?ll|we'?d|we would|we'?ll|let'?s)\s+(?:\w+\s+)?(?:start|use|train|pick|"
                       r"choose|go with|ship|build|keep|drop|cap|set|log|sample|split|weight|route|cache|precompute|"
                       r"measure|compare|check|run|hold|give up|accept|rather|prioriti[sz]e|fit|label)\b"
                       # A terse expert's schedule is a choice too: "Logistic regression this week. Trees next week."
                       r"|\b(?:this|next) (?:week|sprint|month|quarter)\b|\b(?:week|day|phase) (?:one|two|1|2)\b"
                       # ...and so is a fragment that opens on its verb: "Start with the rule they use today plus...".
                       r"|^\W*(?:start|use|train|ship|keep|drop|cap|set|log|sample|split|weight|route|cache|precompute|"
                       r"measure|compare|check|run|hold|fit|label|relabel|alert|roll ?back|retrain|score|prune|serve|"
                       r"cut|gate)\b",
                       re.IGNORECASE)
# "one of", "first", and the count of the answer's own parts ("three buckets: framing, data and tradeoffs") are not
# quantities of the problem.
_STOP_QUANTITY = re.compile(r"^\W*(?:(?:one|first)\b|(?:two|three|four|five) (?:buckets|pillars|parts|areas|things|"
                            r"points|phases|components|dimensions|aspects|themes|sections|topics|ways)\b)",
                            re.IGNORECASE)


# Words this common ("something" 5.8, "thing" 5.7, "want" 6.0 on the Zipf scale; "play" 5.6 stays) are how the
# interviewer talks, not the problem's terms: a candidate's "something straightforward" is not about this problem.
EVERYDAY_ZIPF = 5.7


@dataclass(frozen=True)
class Problem:
    """The problem the candidate was asked about: the stems of its question, clarifications and constraints."""

    terms: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *texts: str) -> Problem:
        return cls(_problem_terms(texts))


@lru_cache(maxsize=4096)
def _problem_terms(texts: tuple[str, ...]) -> frozenset[str]:
    """The same question's turns are read once per answer and again for the verdict: worth remembering."""
    generic = _generic_stems()
    everyday = {stem(w) for t in texts for w in words(t) if _zipf()(w, "en") >= EVERYDAY_ZIPF}
    return frozenset(w for t in texts for w in content_words(t)
                     if w not in generic and w not in everyday and len(w) >= 4)


@dataclass(frozen=True)
class Grounding:
    """What makes a span concrete; empty means generic."""

    reasons: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.reasons)


@cache
def _generic_stems() -> frozenset[str]:
    vocab = lexicon("generic_words").vocabulary | lexicon("ml_terms").vocabulary
    advice = {w for s in lexicon("advice").exemplars for w in content_words(s)}
    return frozenset({stem(w) for w in vocab} | advice)


@cache
def _advice_stems() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(content_words(e)) for e in lexicon("advice").exemplars)


@cache
def _mechanism_rx() -> re.Pattern:
    return phrase_regex(lexicon("mechanisms").vocabulary)


@cache
def _zipf():
    from wordfreq import zipf_frequency

    return zipf_frequency


def _rare(word: str, below: float = RARE_ZIPF) -> bool:
    return len(word) >= 5 and _zipf()(word, "en") < below


_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w-]*")


def _proper_names(text: str, problem: Problem | None) -> set[str]:
    """Capitalised words inside a sentence that the problem never mentions: product and tool names ("TensorRT",
    "Weaviate", "Grafana"). Naming a vendor is not a decision, so they never ground a span; the problem's own
    names ("Hinglish", "Instagram") are problem terms and count as such."""
    known = problem.terms if problem else frozenset()
    return {m.group(0).lower() for m in _NAME.finditer(text) if stem(m.group(0).lower()) not in known}


def is_specific(word: str, below: float = RARE_ZIPF) -> bool:
    """A rare content word that is not generic interview vocabulary ("cardholder", "thumbnail")."""
    return word.isalpha() and stem(word) not in _generic_stems() and _rare(word, below)


def _applied(text: str, found: list[re.Match[str]]) -> bool:
    """A mechanism said with what it works on ("a logistic regression on usage trends", "per-segment speeds by time
    of week"), not as a checklist word ("a clear rollback plan")."""
    for m in found:
        applied = _APPLIED_TO.match(text, m.end())
        if applied and stem((applied.group("object") or applied.group("noun")).lower()) not in _generic_stems():
            return True
    return False


def grounding(text: str, problem: Problem | None = None) -> Grounding:
    """Why `text` is concrete (empty when it is not)."""
    count, reasons = _count(text, problem)
    return Grounding(reasons if count >= MIN_UNITS else ())


def units(text: str, problem: Problem | None = None) -> int:
    """How many units of substance `text` holds (see `grounding`)."""
    return _count(text, problem)[0]


@lru_cache(maxsize=16384)
def _count(text: str, problem: Problem | None) -> tuple[int, tuple[str, ...]]:
    """The units of substance in `text` and what they are.

    Concreteness is counted in units: a quantity, each problem term, each mechanism, each specific word (up to two
    of each kind). One unit alone is usually an echo ("the customer is someone with a broken device") or a checklist
    word ("a clear rollback plan"); a quantity, or two units together, is a decision about this problem.
    """
    reasons: list[str] = []
    count = 0
    quantity = next((m for m in _QUANTITY.finditer(text) if not _STOP_QUANTITY.match(text[m.start():])), None)
    if quantity:
        reasons.append(f"quantity: {quantity.group(0).strip()}")
        count += 2
    stems = content_words(text)
    shared = sorted(stems & problem.terms) if problem else []
    if shared:
        reasons.append("problem terms: " + ", ".join(shared[:4]))
        count += min(2, len(shared))
    found = list(_mechanism_rx().finditer(text))
    mechanisms = sorted({m.group(0).lower() for m in found})
    if mechanisms:
        reasons.append("mechanism: " + ", ".join(mechanisms[:4]))
        count += min(2, len(mechanisms))
    named = _proper_names(text, problem)
    rare = [w for w in dict.fromkeys(words(text)) if is_specific(w) and w not in mechanisms and w not in named]
    if rare:
        reasons.append("specific: " + ", ".join(rare[:4]))
        count += min(2, len(rare))
    if mechanisms and _DECISION.search(text):
        reasons.append("a decision")
        count += 1
    elif mechanisms and _applied(text, found):
        reasons.append("a mechanism applied to something")
        count += 1
    return count, tuple(reasons)


def _vocabulary_only(sentence: str, said: frozenset[str] | set[str], problem: Problem | None) -> bool:
    """A sentence made of the interview's vocabulary and nothing else ("I'd link the technical choices to impact and
    think about deployment, monitoring and retraining"): advice in words no exemplar happens to cover (dev: every
    one of the 19 interviews with two or more of these is labelled no-hire)."""
    if len(said) < VOCABULARY_MIN_WORDS or grounding(sentence, problem):
        return False
    generic = _generic_stems()
    return sum(w in generic for w in said) >= VOCABULARY_SHARE * len(said)


@lru_cache(maxsize=16384)
def is_recital(sentence: str, problem: Problem | None = None) -> bool:
    """The sentence is generic advice said back: an exemplar covers it and it adds nothing of this problem.

    Advice is often spliced ("I'd treat data as a first-class citizen and understand its provenance, labeling,
    biases and drift" is two exemplars in one sentence), so coverage is by the two exemplars that cover most."""
    said = content_words(sentence)
    if not said:
        return False
    if _vocabulary_only(sentence, said, problem):
        return True
    runner_up, top = sorted((said & e for e in _advice_stems()), key=len)[-2:]
    spliced = len(said) >= SPLICED_MIN_WORDS and len(top - runner_up) >= 2
    best = len(top | runner_up if spliced else top) / len(said)
    if best < RECITAL_COVERAGE and len(said) > 2:
        from agent.semantic import best_match

        similar, _, _ = best_match([sentence], tuple(lexicon("advice").exemplars))
        if similar < RECITAL_SIMILARITY:
            return False
    elif best < RECITAL_COVERAGE:
        return False
    anchored = grounding(sentence, problem)
    return not any(r.startswith(("quantity", "problem terms")) for r in anchored.reasons)
