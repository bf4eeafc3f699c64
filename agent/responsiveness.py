"""Does an answer meet the line it answers? One measure, shared by the judge and the interviewer.

A committee hears an answer against what was asked: after a constraint, did the candidate take up *its* facts (the
numbers, the thing that changed), or talk about something else? After a question, did they engage its problem, or
answer a different one? The judge reads the result as adaptation, an unaddressed constraint or a different
question; the interviewer uses it to decide whether to restate a constraint or redirect, and never redirects an
answer this measure calls on-topic.

Three readings are combined, because each alone is deaf in its own way:
- the prompt's *facts* the answer picks up: its numbers and its key terms (lightly stemmed), minus interviewer
  filler ("New information: ... How does that change your plan?");
- the prompt's *topic* (data, latency/cost, metric, ...) present in the answer;
- semantic similarity of the answer's closest sentence to the prompt (static embeddings, `agent.semantic`), which
  hears "the sold flag is mostly missing" as an answer to "only 35% of listings are ever marked sold".
`off_topic` is stricter than not addressing: the answer is substantial and about something else altogether.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from agent.offline.text import content_words, sentences, stem, word_count, words

# Words every interviewer line uses; they say nothing about what the prompt is about.
_PROMPT_FILLER = frozenset(stem(w) for w in (
    "new", "information", "constraint", "change", "changes", "plan", "design", "approach", "optimise", "optimize",
    "okay", "noted", "sure", "right", "got", "say", "tell", "walk", "through", "think", "make", "going", "now",
    "you've", "you're", "what's", "happens", "thing", "things", "way", "does", "that", "mean", "part", "first",
    "one", "give", "given", "assume", "someone", "said", "still", "would", "build", "pick", "choose", "use",
    "question", "questions", "asked", "ask", "answer", "answers", "bring", "back",
))
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s?(%|percent|ms|milliseconds?|seconds?|s\b|minutes?|hours?|days?|"
                     r"weeks?|months?|x\b|k\b|m\b|gb|mb|qps|rps|\$)?", re.IGNORECASE)
_MONEY = re.compile(r"\$\s?\d")


def _topics_rx(*stems: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE)


# Coarse topics: what a prompt is about and what an answer talks about (vocabulary is the point here).
TOPICS: dict[str, re.Pattern] = {
    "data": _topics_rx(r"labels?\b", r"labell?(?:ed|ing|er)", r"data\b", r"dataset", r"annotat", r"ground truth",
                       r"quality", r"nois", r"missing", r"leak", r"drift", r"skew", r"bias", r"sampl", r"logs?\b",
                       r"logging", r"history\b", r"examples", r"tags?\b", r"training set", r"collect", r"chargebacks?",
                       r"trustworthy", r"reviewers?", r"raters?", r"agree", r"coverage", r"reported", r"marked",
                       r"impressions?", r"duplicat", r"stale", r"delay", r"late\b", r"arriv", r"rows?\b",
                       r"records?\b", r"recorded", r"sources?\b", r"timestamps?", r"relabel", r"outcomes?\b"),
    "metric": _topics_rx(r"metrics?\b", r"measur", r"success\b", r"evaluat", r"auc\b", r"precision", r"recall\b",
                         r"f1\b", r"ndcg", r"kpis?\b", r"log ?loss", r"ctr\b", r"accuracy", r"rmse", r"hit rate",
                         r"mrr\b", r"judged", r"optimi[sz]", r"objective", r"goal", r"target", r"prevalence",
                         r"rate\b", r"per \d", r"retention", r"revenue", r"complain", r"volatil", r"trust"),
    "latency": _topics_rx(r"latenc", r"\d+\s?ms\b", r"milliseconds?", r"costs?\b", r"budget", r"cpus?\b",
                          r"gpus?\b", r"throughput", r"qps\b", r"serv(?:e|ing)\b", r"infra", r"memory", r"cheap",
                          r"scal(?:e|able|ing)", r"p99", r"p95", r"fast", r"slow", r"time\b", r"cache", r"precomput",
                          r"distill", r"quanti[sz]", r"int8", r"fp16", r"prun", r"on-?device", r"fits?\b", r"batch",
                          r"hardware", r"compute", r"spend", r"dollars?", r"\$"),
    "model": _topics_rx(r"model(?:s|ling|ing)?\b", r"architecture", r"layers?\b", r"loss\b", r"hyperparam",
                        r"embedding", r"encoder", r"features?\b", r"transformer", r"neural", r"deep\b", r"trees?\b",
                        r"boost", r"regression", r"classifier", r"ensemble"),
    "ownership": _topics_rx(r"deploy", r"launch", r"monitor", r"roll ?back", r"production", r"alert", r"on-?call",
                            r"incident", r"dashboard", r"retrain", r"canary", r"shadow"),
    "impact": _topics_rx(r"users?\b", r"people", r"customers?", r"members?\b", r"business", r"revenue", r"decid",
                         r"decision", r"money", r"sellers?", r"merchants?", r"buyers?", r"advertisers?",
                         r"retention", r"complain"),
}
CONSTRAINT_TOPIC = {"data": "data", "latency": "latency", "metric": "metric"}

ADDRESS_THRESHOLD = 0.3
# Terms of a constraint's own kind (latency, data, metric) that, together, take the constraint up.
KIND_TERMS = 3
# Domain words that mark an answer as being about another problem may be commoner than the words that ground one.
FOREIGN_ZIPF = 4.2
# Adverbs and verb forms ("quietly", "renamed", "dropping") say how, not what about: a domain is named by its nouns.
_NOT_NOUNS = ("ly", "ed", "ing")
OFF_TOPIC_THRESHOLD = 0.12
# Words at least this frequent (Zipf scale: 'after' 6.1, 'come' 6.0; 'data' 5.3, 'budget' 4.9) carry no facts.
COMMON_ZIPF = 5.5


@dataclass(frozen=True)
class Reading:
    """How an answer meets the line it answers."""

    score: float
    addresses: bool
    off_topic: bool
    covered: tuple[str, ...]
    missed: tuple[str, ...]


def topic_counts(text: str) -> dict[str, int]:
    return {name: len(rx.findall(text)) for name, rx in TOPICS.items()}


def numbers(text: str) -> list[str]:
    """The quantities a line states ("62%", "30 ms", "2,000"), as written."""
    return [m.group(0).strip() for m in _NUMBER.finditer(text) if m.group(1)]


def key_terms(prompt: str) -> set[str]:
    """The prompt's content stems, less interviewer filler and the commonest words of English ("come", "after",
    "back"): those are how a fact is said, not the fact."""
    return {w for w in content_words(prompt) if w not in _PROMPT_FILLER and not w.isdigit() and not _common(w)}


@lru_cache(maxsize=16384)
def _common(stem_: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(stem_, "en") >= COMMON_ZIPF


_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


def _core(prompt: str) -> str:
    """The prompt without its stock framing ("New information:", "How does that change your plan?")."""
    parts = [s.text for s in sentences(prompt)]
    kept = [p for p in parts if not re.match(r"^\W*(?:how does (?:that|this) change|new information\W*$|what'?s your)",
                                             p, re.IGNORECASE)]
    text = _QUOTED.sub(" ", " ".join(kept or parts))
    return re.sub(r"^\W*(?:new information|update|constraint|heads up|problem|wrinkle|twist|catch|complication)"
                  r"\s*:\s*", "", text, flags=re.IGNORECASE)


def _focus(prompt: str, prompt_kind: str, constraint_kind: str | None) -> str | None:
    if prompt_kind == "constraint" and constraint_kind in CONSTRAINT_TOPIC:
        return CONSTRAINT_TOPIC[constraint_kind]
    counts = topic_counts(prompt)
    counts.pop("model")
    best = max(counts, key=counts.get)
    return best if counts[best] else None


@lru_cache(maxsize=4096)
def read(answer: str, prompt: str, *, prompt_kind: str, question: str = "",
         constraint_kind: str | None = None) -> Reading:
    """Read `answer` against the interviewer line `prompt` (of `prompt_kind`) within `question`."""
    from agent.semantic import best_match

    core = _core(prompt)
    terms = key_terms(core)
    said = content_words(answer)
    covered_terms = sorted(terms & said)
    stated = numbers(core)
    answer_numbers = {n.split()[0].rstrip("%") for n in numbers(answer)}
    covered_numbers = [n for n in stated if n.split()[0].rstrip("%").rstrip() in answer_numbers]

    lexical = min(1.0, len(covered_terms) / max(1.0, min(len(terms), 8) / 2.5))
    focus = _focus(core, prompt_kind, constraint_kind)
    on_topic = bool(focus) and topic_counts(answer).get(focus, 0) > 0
    answer_sents = [s.text for s in sentences(answer)][:40]
    semantic, _, _ = best_match(answer_sents, [core] + ([question] if question and prompt_kind != "constraint" else []))
    semantic_part = max(0.0, min(1.0, (semantic - 0.06) / 0.24))

    score = 0.45 * lexical + 0.2 * bool(covered_numbers) + 0.15 * on_topic + 0.35 * semantic_part
    if prompt_kind == "constraint" and focus and not on_topic and not covered_numbers:
        score *= 0.7  # a constraint of one kind answered in another's terms (a latency answer to a data problem)
    if prompt_kind == "constraint" and focus and topic_counts(answer).get(focus, 0) >= KIND_TERMS:
        # An answer that works in the constraint's own terms ("precompute", "cache", "p99" after a latency limit)
        # has taken it up, even without repeating its numbers: committees hear the plan change, not the quote.
        score = max(score, ADDRESS_THRESHOLD)
    score = round(min(1.0, score), 3)
    elsewhere = word_count(answer) >= 15 and len(_foreign_terms(answer, core + " " + question)) >= 3
    missed = [t for t in sorted(terms) if t not in said][:8] + [n for n in stated if n not in covered_numbers]
    return Reading(
        score=score,
        addresses=score >= ADDRESS_THRESHOLD,
        off_topic=elsewhere and score < OFF_TOPIC_THRESHOLD,
        covered=tuple(covered_numbers + covered_terms),
        missed=tuple(missed),
    )


def _foreign_terms(answer: str, prompt: str) -> set[str]:
    """Specific words of the answer's own domain that the prompt never mentions ("grocery", "shoppers")."""
    from agent.grounding import is_specific

    known = content_words(prompt)
    return {w for w in words(answer) if is_specific(w, FOREIGN_ZIPF) and stem(w) not in known and not _ml_term(w)
            and not w.endswith(_NOT_NOUNS)}


@cache
def _ml_terms() -> frozenset[str]:
    from agent.knowledge import lexicon

    return lexicon("ml_terms").vocabulary | lexicon("mechanisms").vocabulary


def _ml_term(word: str) -> bool:
    return word in _ml_terms() or stem(word) in _ml_terms()


def essence(constraint_text: str) -> str:
    """The constraint's facts in one short sentence: its first sentence that states a number or several key terms,
    without acknowledgements ("Go on.") or the stock framing ("New information:", "How does that change...?")."""
    core = _core(constraint_text)
    facts = [s.text for s in sentences(core) if not s.text.rstrip().endswith("?")]
    first = next((f for f in facts if numbers(f) or len(key_terms(f)) >= 3), (facts or [core])[-1]).strip()
    first = re.sub(r"^\W*(?:new information|update|constraint|heads up|catch)\s*:\s*", "", first, flags=re.IGNORECASE)
    return first if first.endswith((".", "!")) else first + "."


def similarity(a: str, b: str) -> float:
    """Semantic similarity 0..1 of two texts (for matching a clarifying question to the facts that answer it)."""
    from agent.semantic import similarity as cosine

    return cosine(a, b)
