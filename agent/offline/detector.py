"""Hears signal in one candidate turn, read against the turn it answers.

The detector works on clauses, so negation has a scope ("I wouldn't worry about label noise" negates the
cue it governs, not the whole answer); it separates behaviour from vocabulary (a turn dense with buzzwords
and empty of decisions is noise, whatever words it contains); and it reads context: adaptation and
defensiveness only after a constraint or pushback, premature complexity only before a baseline exists,
answering a different question only against what was asked. Every finding carries the span that fired it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from agent import hedges
from agent.grounding import Problem, grounding
from agent.models import Evidence, SignalFinding, TurnAnalysis
from agent.offline import cues, heads
from agent.offline.text import NEGATORS, Span, clauses, content_words, negated, sentences, word_count
from agent.responsiveness import TOPICS, Reading, read
from agent.semantic import embed
from agent.substance import TERSE_ANSWER_WORDS, commits, concrete_in_context, is_committed, is_question, still_off_topic
from agent.taxonomy import POSITIVE_IDS, SIGNALS
from agent.untrusted import Normalised, injected_blocks, normalise, without_blocks


@dataclass(frozen=True)
class Context:
    """What the candidate was answering."""

    prompt_kind: str = "question"
    prompt_text: str = ""
    constraint_kind: str | None = None
    question_text: str = ""
    first_answer: bool = True
    earlier_answers: str = ""
    problem: Problem = field(default_factory=Problem)
    constraint_active: bool = False
    constraint_text: str = ""
    pushed_back: bool = False
    before_question: str = ""  # what the interviewer said before this question (`agent.substance.asked_before`)


@dataclass
class _Hits:
    spans: dict[str, list[tuple[Span, float, str]]] = field(default_factory=dict)

    def add(self, signal: str, span: Span, strength: float, why: str) -> None:
        self.spans.setdefault(signal, []).append((span, strength, why))

    def drop(self, signal: str) -> None:
        self.spans.pop(signal, None)

    def __contains__(self, signal: str) -> bool:
        return signal in self.spans


_DONT_KNOW = re.compile(r"^\W*(?:i (?:really )?(?:don'?t|do not) know|no idea|not sure|i have no idea|"
                        r"i'?m not (?:sure|familiar)|pass\b|i can'?t (?:say|answer))", re.IGNORECASE)
_END = re.compile(r"^\s*/end\b|\b(?:end|stop|finish|wrap up) (?:the|this) interview\b|\bi'?m done\b|"
                  r"\blet'?s (?:stop|end|wrap up)\b|\bcan we (?:stop|end)\b|\bi(?:'d| would) like to stop\b",
                  re.IGNORECASE)
_RHETORICAL = re.compile(r"\b(?:right|no|yeah|ok|okay|correct|you know|isn't it|don't you think)\?\s*$",
                         re.IGNORECASE)
_FRAMING_QUESTION = re.compile(r"\b(?:goal|who|users?|customers?|decision|success|purpose|for whom|is it|are we|"
                               r"worse|matters?|cost)\b", re.IGNORECASE)

# Coarse topics, to read an answer against what was asked; "model" and "theory" are the comfortable places to flee to.
_TOPICS = {**{k: v for k, v in TOPICS.items()}, "theory": cues.THEORY}
_NARRATIVE = re.compile(r"\btell me about\b|\bwalk me through\b|\ba time (?:when|you)\b|\bdescribe a\b|"
                        r"\bproject you\b", re.IGNORECASE)
_COMFORT_TOPICS = ("model", "theory", "metric", "latency")


def _topic_counts(text: str) -> dict[str, int]:
    return {name: len(rx.findall(text)) for name, rx in _TOPICS.items()}


def mentions(text: str, topic: str, at_least: int) -> bool:
    """`text` names `topic` at least `at_least` times (stops reading there)."""
    return next(islice(_TOPICS[topic].finditer(text), at_least - 1, None), None) is not None


_STEERED = "asked about {focus}, answered about {other}"
_STEERED_BACK = re.compile(r"^asked about (\w+), answered about \w+$")


def steered_from(finding: SignalFinding) -> str | None:
    """The topic an answers_different_question finding of `_relevance` says the answer steered away from."""
    m = _STEERED_BACK.match(finding.why or "") if finding.signal == "answers_different_question" else None
    return m.group(1) if m else None


def _prompt_focus(ctx: Context) -> str | None:
    """The topic the prompt is about; none for a story prompt ("tell me about a time..."), which has no topic."""
    counts = _topic_counts(ctx.prompt_text)
    counts.pop("model")
    best = max(counts, key=counts.get)
    if _NARRATIVE.search(ctx.prompt_text):
        return None
    return best if counts[best] >= 1 else None


def _scan(rx: re.Pattern, sents: list[Span], check_negation: bool) -> list[tuple[Span, bool]]:
    """Matches of `rx` per sentence, each as the tightest span holding it (its clause, else the sentence),
    with whether a negator governs it inside its clause."""
    out = []
    for sent in sents:
        m = rx.search(sent.text)
        if not m:
            continue
        start, end = sent.start + m.start(), sent.start + m.end()
        clause = next((c for c in clauses(sent) if c.start <= start < c.end), sent)
        span = clause if end <= clause.end else sent
        neg = check_negation and negated(clause.text, start - clause.start)
        out.append((span, neg))
    return out


def find_injections(text: str) -> list[Span]:
    """Whole blocks that address the evaluator instead of the interviewer (`agent.untrusted`), and any other
    sentence with an instruction to the judge. They are data, never evidence."""
    blocks = [Span(s, e, text[s:e]) for s, e in injected_blocks(text)]
    stray = [s for s in sentences(without_blocks(text, [(b.start, b.end) for b in blocks]))
             if cues.INJECTION.search(s.text)]
    return sorted(blocks + [Span(s.start, s.end, text[s.start:s.end]) for s in stray], key=lambda s: s.start)


def _read(text: str) -> tuple[list[Span], Normalised, list[Span]]:
    """(injected blocks, the rest normalised, its sentences): the text every reading of a turn works on."""
    injected = find_injections(text)
    norm = normalise(without_blocks(text, [(s.start, s.end) for s in injected]))
    return injected, norm, sentences(norm.text)


def readable_sentences(text: str) -> list[str]:
    """The sentences of a candidate turn as the detector reads them (what `evals.train_heads` learns from)."""
    return [s.text for s in _read(text)[2]]


def _original(norm: Normalised, text: str, span: Span) -> str:
    start, end = norm.original_span(span.start, span.end)
    return text[start:end].strip()


def analyze_turn(text: str, turn_index: int, ctx: Context) -> TurnAnalysis:
    """What one candidate turn shows, read in `ctx` (see `_analyze_turn`).

    The interviewer reads each answer as it arrives and the judge reads the same answers in the same contexts at the
    end, so the reading is memoised: the verdict of a finished interview costs aggregation, not a second reading.
    The caller gets its own copy, so nothing it does reaches the cache."""
    return _analyze_cached(text, turn_index, ctx).model_copy(deep=True)


def clear_cache() -> None:
    """Forget every memoised reading (benchmarks measure a cold judge with it)."""
    _analyze_cached.cache_clear()


@lru_cache(maxsize=256)
def _analyze_cached(text: str, turn_index: int, ctx: Context) -> TurnAnalysis:
    return _analyze_turn(text, turn_index, ctx)


def _analyze_turn(text: str, turn_index: int, ctx: Context) -> TurnAnalysis:
    """What one candidate turn shows, read in `ctx`. Injected blocks are blanked before anything is read, the rest
    is read normalised (look-alike letters, zero-width characters, comments undone), and every quote is mapped
    back to the candidate's own characters, so evidence stays verbatim."""
    injected, norm, sents = _read(text)
    embed([s.text for s in sents][:40] + [ctx.prompt_text, ctx.question_text])  # one tokenizer call, then cached
    clause_list = [c for s in sents for c in clauses(s)]
    body = " ".join(s.text for s in sents)
    n_words = word_count(body)
    concrete = concrete_in_context([s.text for s in sents], ctx.problem)
    hits = _Hits()

    confused = [s for s in sents if hedges.is_confusion(s.text)]
    questions = [s for s in sents if is_question(s.text) and not _RHETORICAL.search(s.text)]
    asked_clarifying = bool(questions) and (n_words <= 70 or len(questions) * 2 >= len(sents))
    said_dont_know = bool(_DONT_KNOW.search(body)) and n_words <= 60
    wants_to_end = bool(_END.search(text)) and n_words <= 25

    if asked_clarifying:
        hits.add("frames_problem", questions[0], 0.8, "asked a clarifying question before committing")
    elif ctx.first_answer and ctx.prompt_kind == "question" and questions and (
            questions[0] == sents[0] or _FRAMING_QUESTION.search(questions[0].text)):
        hits.add("frames_problem", questions[0], 0.8, "questioned the problem before solving it")
    for clause, _ in _scan(cues.FRAMES, sents, check_negation=False):
        hits.add("frames_problem", clause, 0.9, "anchored the answer in the problem before the model")

    _data(hits, sents, clause_list)
    _complexity(hits, sents, clause_list, ctx)
    for rx, signal, why in (
        (cues.TRADEOFF, "explicit_tradeoffs", "named what is gained and what is given up"),
        (cues.IMPACT, "impact_linkage", "tied the technical choice to an outcome someone cares about"),
    ):
        for clause, _ in _scan(rx, sents, check_negation=False):
            hits.add(signal, clause, 0.8, why)
    _uncertainty(hits, sents, ctx)
    _ownership(hits, sents)
    if said_dont_know and hedges.concrete_plan(body, ctx.problem):
        hits.add("narrated_uncertainty", sents[0], 0.7, "said 'I don't know' and followed with a plan")

    _metrics(hits, sents, body)
    _theory(hits, sents, body, n_words)
    _tools(hits, clause_list, body)
    _confidence(hits, clause_list)
    _learned(hits, sents)
    _structure(hits, sents, clause_list, body, n_words, ctx, concrete, asked_clarifying or said_dont_know)
    _relevance(hits, sents, body, n_words, ctx, asked_clarifying or said_dont_know)
    reading = _constraint_response(hits, sents, clause_list, body, ctx)
    deferred = _deferral(hits, sents, ctx)
    _stuffing(hits, sents, body, n_words)
    substantive = _substance(hits, sents, concrete)
    off_topic = _off_topic(hits, sents, body, ctx, asked_clarifying or said_dont_know or bool(confused))

    findings = []
    for signal, spans in hits.spans.items():
        evidence, seen = [], set()
        for span, _, _ in spans:
            if word_count(span.text) < MIN_QUOTE_WORDS:  # a fragment ("timestamps") says nothing on its own
                span = _sentence_of(sents, span)
            if span.text not in seen:
                seen.add(span.text)
                evidence.append(Evidence(turn_index=turn_index, quote=_original(norm, text, span)))
        strength = min(1.0, max(s for _, s, _ in spans) + 0.05 * (len(spans) - 1))
        findings.append(SignalFinding(
            signal=signal, polarity=SIGNALS[signal].polarity, evidence=evidence[:3],
            strength=round(strength, 2), why=spans[0][2],
        ))
    found = set(hits.spans)
    unaddressed = (ctx.prompt_kind == "constraint" and not wants_to_end
                   and not found & {"adapts_under_constraint", "defensive_under_constraint"})
    return TurnAnalysis(
        findings=findings,
        asked_clarifying_question=asked_clarifying,
        said_dont_know=said_dont_know,
        wants_to_end=wants_to_end,
        injection_attempts=[Evidence(turn_index=turn_index, quote=s.text.strip()) for s in injected if s.text.strip()],
        addresses_prompt=reading.addresses if reading else not off_topic,
        off_topic=off_topic,
        unaddressed_constraint=unaddressed,
        has_plan=substantive or hedges.concrete_plan(body, ctx.problem),
        hedged=hedges.is_hedged(body) and not substantive,
        deferred=deferred,
    )


def _sentence_of(sents: list[Span], span: Span) -> Span:
    """The sentence holding `span` (found by bisection: sentences are in order, and a long answer has thousands)."""
    i = bisect_right(sents, span.start, key=lambda s: s.start) - 1
    return sents[i] if i >= 0 and sents[i].start <= span.start < sents[i].end else span


def _substance(hits: _Hits, sents: list[Span], concrete_flags: list[bool]) -> bool:
    """Keep a positive only where its sentence is concrete about this problem; say whether any positive is left.

    A sentence is concrete when it is grounded (a term of this problem, a quantity, a named mechanism, a specific
    word) and is not generic advice said back; a real question to the interviewer about the problem is concrete by
    nature ("how are the labels produced?"), unless it is the article's own question recited (`agent.substance`).
    A turn that hedges every concrete thing it says commits to nothing and keeps no positive.
    """
    concrete = {s: ok for s, ok in zip(sents, concrete_flags, strict=True)}
    if not commits(s.text for s, ok in concrete.items() if ok):
        concrete = dict.fromkeys(concrete, False)
    kept = False
    for signal in [s for s in hits.spans if s in POSITIVE_IDS]:
        spans = [h for h in hits.spans[signal] if concrete.get(_sentence_of(sents, h[0]), False)]
        if spans:
            hits.spans[signal] = spans
            kept = True
        else:
            hits.drop(signal)
    return kept


def _uncertainty(hits: _Hits, sents: list[Span], ctx: Context) -> None:
    """A hedge is narrated uncertainty only beside a concrete hypothesis or check, in that sentence or the next."""
    for i, sent in enumerate(sents):
        if not cues.UNCERTAIN.search(sent.text):
            continue
        nxt = sents[i + 1].text if i + 1 < len(sents) else ""
        pair = sent.text + " " + nxt
        grounded = grounding(sent.text, ctx.problem) and not hedges.hedge_only(sent.text, ctx.problem)
        if hedges.concrete_plan(pair, ctx.problem) or (grounded and _HYPOTHESIS.search(sent.text)) or (
                grounded and hedges.finds_out(pair)):
            hits.add("narrated_uncertainty", sent, 0.8, "reasoned aloud about an assumption and how to test it")


_HYPOTHESIS = re.compile(r"\b(?:my (?:\w+ )?guess|hypothesis|hunch|bet|suspect|assum\w*|"
                         r"if (?:that|this|i'?m) (?:\w+ )?wrong|turns out|would tell|to check|to test|whether)\b",
                         re.IGNORECASE)


def _learned(hits: _Hits, sents: list[Span]) -> None:
    """The sentence heads' proposals (`agent.offline.heads`), for signals no lexicon heard in this turn; the gates
    that follow (concreteness, hand-offs, off-topic answers, buzzword stuffing) apply to them as to any cue."""
    heard = set(hits.spans)
    for signal, i in heads.proposals([s.text for s in sents]):
        if signal not in heard:
            heard.add(signal)  # the head's most probable sentence in this turn: its best evidence, not every match
            hits.add(signal, sents[i], HEAD_STRENGTH, _HEARD_BY_HEAD[signal])


# Under most lexicon hits (0.8-0.9): where both heard a signal, the verdict quotes the lexicon's sentence first.
HEAD_STRENGTH = 0.75
# Why a head's finding was credited, in the committee's words (the sentence itself is the evidence).
_HEARD_BY_HEAD = {
    "frames_problem": "pinned down the problem before solving it",
    "explicit_tradeoffs": "weighed what a choice gains against what it costs",
    "data_first": "asked where the data comes from and how it can be wrong",
    "starts_simple": "proposed a simple first version before anything complex",
    "impact_linkage": "tied the work to an outcome someone cares about",
    "narrated_uncertainty": "said what they were unsure of and how they would find out",
    "end_to_end_ownership": "took the system past training, into serving and monitoring",
}


def _deferral(hits: _Hits, sents: list[Span], ctx: Context) -> bool:
    """Handing the work to someone else cancels ownership; after a constraint it hands the constraint away."""
    handed = [s for s in sents if hedges.deferral(s.text)]
    if not handed:
        return False
    hits.drop("end_to_end_ownership")
    if ctx.prompt_kind in ("constraint", "pushback") or ctx.constraint_active:
        hits.add("defensive_under_constraint", handed[0], 0.85, "handed the constraint to someone else")
        hits.drop("adapts_under_constraint")
    return True


def _off_topic(hits: _Hits, sents: list[Span], body: str, ctx: Context, exempt: bool) -> bool:
    """A substantial answer about another problem altogether: its positives are not about this one.

    Read against the whole problem (the question with everything said about it so far, the candidate's own
    earlier answers included), never against a short probe alone ("How do you pick the threshold?" has no topic
    of its own); a story prompt ("walk me through a project you led") has no topic to leave.
    """
    if exempt or not sents or ctx.prompt_kind not in ("question", "probe", "follow_up", "clarification"):
        return False
    if not ctx.question_text or _NARRATIVE.search(ctx.question_text):
        return False
    context = " ".join(filter(None, (ctx.question_text, ctx.prompt_text, ctx.earlier_answers)))
    if not read(body, context, prompt_kind="question", question=ctx.question_text).off_topic or not still_off_topic(
            body, context, prompt_kind="question", question=ctx.question_text, before=ctx.before_question):
        return False
    for signal in [s for s in hits.spans if s in POSITIVE_IDS]:
        hits.drop(signal)
    hits.add("answers_different_question", sents[0], 0.8, "answered about a different problem")
    return True


# A dismissal inside a check or a worry is its opposite: "verify whether the labels are clean", "what worries me
# most is the ground truth".
def _dismissal(clause: str) -> re.Match[str] | None:
    """A dismissal of the data, unless the candidate refuses it ("I wouldn't just train through it"): a negator just
    before a dismissal that holds none itself turns it around ("wouldn't worry about the labels" keeps its own)."""
    for m in cues.DATA_DISMISSAL.finditer(clause):
        if NEGATORS.search(m.group()) or not negated(clause, m.start(), window=3):
            return m
    return None


_GUARD = re.compile(r"\b(?:whether|if|check|verify|confirm|make sure|can'?t assume|don'?t assume|never assume|"
                    r"wouldn'?t assume|unless|worr\w*|concern\w*|risk\w*|doubt\w*|suspicious|skeptical|sceptical|"
                    r"not sure|question)\b", re.IGNORECASE)


def _data(hits: _Hits, sents: list[Span], clause_list: list[Span]) -> None:
    """Data-first is reasoning about how the data is made and how it can be wrong; a dismissal is its opposite.

    A negated data cue usually *notices* a gap ("we only see outcomes for approved loans", "no labels for new
    sellers"), so plain negation does not cancel it; dismissals ("assume the labels are clean", "I wouldn't
    worry about label noise") are matched as such, unless they sit inside a check ("verify whether the labels
    are clean").
    """
    dismissed = set()
    for clause in clause_list:
        m = _dismissal(clause.text)
        if m and not _GUARD.search(clause.text[: m.start()]):
            hits.add("ignores_data_reality", clause, 0.9, "dismissed the data's reality")
            dismissed.add(clause)
    for i, sent in enumerate(sents):
        nxt = sents[i + 1].text if i + 1 < len(sents) else ""
        if cues.PASSING.search(sent.text) and (cues.PIVOT.search(sent.text) or cues.PIVOT.search(nxt)):
            continue
        for span, _ in _scan(cues.DATA, [sent], check_negation=False):
            if span not in dismissed and not any(d.start <= span.start < d.end for d in dismissed):
                hits.add("data_first", span, 0.85, "reasoned about where the data comes from or how it can be wrong")


_TERSE = re.compile(r"^\W*(?:a |an |the )?[\w' -]{0,40}[.:]?$|^\W*(?:nothing|just|only|start|first|seasonal|"
                    r"hard-coded|rules|templates|a spreadsheet|the median)\b", re.IGNORECASE)
_PROPOSAL = re.compile(r"\b(?:start|first|begin|v1|mvp|week one|initially|keep|stay|only|ship|move to|until|"
                       r"before|dumbest|for now|to begin with|literally)\w*", re.IGNORECASE)


_DROPPED = re.compile(r"\b(?:drop|dropping|replace|replacing|remove|removing|swap(?:ping)? out|get rid of|abandon|"
                      r"skip|skipping|instead of|rather than|shelve|cut|cutting|distill|distilling)\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _proposes_simple(text: str) -> bool:
    """A simple option put forward as the plan, not a word like 'baseline' used in passing."""
    return any(
        cues.SIMPLE.search(c.text) and (cues.ACTION.search(c.text) or _PROPOSAL.search(c.text))
        for sent in sentences(text) for c in clauses(sent)
    )


def _ownership(hits: _Hits, sents: list[Span]) -> None:
    """Monitoring, rollback, guardrails count alone; a passing 'retrain' or 'dashboard' needs company."""
    strong = [span for span, neg in _scan(cues.OWNERSHIP, sents, check_negation=True) if not neg]
    weak = [span for span, neg in _scan(cues.OWNERSHIP_WEAK, sents, check_negation=True) if not neg]
    why = "thought past training: deployment, monitoring, failure"
    for span in strong:
        hits.add("end_to_end_ownership", span, 0.8, why)
    if strong or len(weak) >= 2:
        for span in weak:
            hits.add("end_to_end_ownership", span, 0.7, why)


def _ships_it(sents: list[Span], span: Span) -> bool:
    """The next sentence is a short send-off that makes this one the proposal ("...rank calls by weighted hits.
    Ship that first.")."""
    i = bisect_right(sents, span.start, key=lambda s: s.start)
    return i < len(sents) and word_count(sents[i].text) <= 5 and bool(_PROPOSAL.search(sents[i].text))


def _complexity(hits: _Hits, sentences_of: list[Span], clause_list: list[Span], ctx: Context) -> None:
    simple_before = _proposes_simple(ctx.earlier_answers)
    for clause in clause_list:
        s = cues.SIMPLE.search(clause.text)
        sentence = _sentence_of(sentences_of, clause).text
        proposing = s and (cues.ACTION.search(sentence) or _PROPOSAL.search(sentence) or _TERSE.match(sentence)
                           or _ships_it(sentences_of, clause))
        if proposing and not (cues.COMPLEX.search(clause.text) and not cues.CONDITIONAL.search(clause.text)):
            hits.add("starts_simple", clause, 0.85, "proposed something simple first and earned complexity")
            simple_before = True
            continue
        c = cues.COMPLEX.search(clause.text)
        if not c:
            continue
        if (negated(clause.text, c.start()) or _DROPPED.search(clause.text[: c.start()])
                or cues.CONDITIONAL.search(clause.text)):
            hits.add("starts_simple", clause, 0.7, "held complexity back until it is justified")
            simple_before = True
        elif not simple_before and ctx.prompt_kind not in ("constraint",):
            hits.add("premature_complexity", clause, 0.65, "reached for a sophisticated model before a baseline")


def _metrics(hits: _Hits, sents: list[Span], body: str) -> None:
    """A metric chased, or held up as proof, with no word on the decision or outcome it stands for."""
    if cues.IMPACT.search(body) and len(cues.METRICS.findall(body)) < 4:
        return
    pushes = [span for span, _ in _scan(cues.METRIC_PUSH, sents, check_negation=False)
              if not cues.IMPACT.search(span.text)]
    mentions = cues.METRICS.findall(body)
    if pushes or (len(mentions) >= 3 and not cues.IMPACT.search(body)):
        span = pushes[0] if pushes else next(s for s in sents if cues.METRICS.search(s.text))
        hits.add("metric_fixation", span, 0.65, "optimised a metric without saying what decision it changes")


def _theory(hits: _Hits, sents: list[Span], body: str, n_words: int) -> None:
    found = {m.group(0).lower() for m in cues.THEORY.finditer(body)}
    decisions = len(cues.DECISION.findall(body))
    if len(found) >= 3 and decisions <= max(1, n_words // 35):
        best = max(sents, key=lambda s: len(cues.THEORY.findall(s.text)))
        hits.add("theory_over_decisions", best, 0.7, "theory that never landed on a decision")


def _tools(hits: _Hits, clause_list: list[Span], body: str) -> None:
    tools = {m.group(0).lower() for m in cues.TOOLS.finditer(body)}
    if len(tools) < 3:
        return
    reasons = len(re.findall(r"\bbecause\b|\bsince\b|\bso that\b|\bto (?:handle|avoid|get|keep|serve|cut)\b",
                             body, re.IGNORECASE))
    if reasons * 2 < len(tools):
        span = max(clause_list, key=lambda c: len(cues.TOOLS.findall(c.text)))
        hits.add("tool_name_dropping", span, 0.75, "listed tools without the reason for any of them")


def _confidence(hits: _Hits, clause_list: list[Span]) -> None:
    """Certainty where the situation is uncertain. A lone 'obviously' is a verbal tic; 'definitely the best' is not."""
    strong, weak = [], []
    for clause in clause_list:
        if clause.text.rstrip().endswith("?"):
            continue
        m = cues.OVERCONFIDENT.search(clause.text)
        # Certainty under a hedge ("I'm not sure I can fully solve it") is the opposite of certainty.
        if m and not negated(clause.text, m.start(), window=3) and not hedges.is_hedged(clause.text[:m.start()]):
            strong.append(clause)
        elif cues.OVERCONFIDENT_WEAK.search(clause.text):
            weak.append(clause)
    if not strong and len(weak) < 2:
        return
    strength = 0.85 if len(strong) + len(weak) >= 2 else 0.6
    for clause in strong + weak:
        hits.add("overconfidence", clause, strength, "stated certainty where the situation is uncertain")


def _structure(hits: _Hits, sents: list[Span], clause_list: list[Span], body: str, n_words: int,
               ctx: Context, concrete: list[bool], exempt: bool) -> None:
    hops = [c for c in clause_list if cues.HOPPING.search(c.text)]
    connectives = len(cues.CONNECTIVE.findall(body))
    hop_count = len(cues.HOPPING.findall(body))
    if hop_count >= 3 or (hop_count >= 2 and n_words < 80):
        hits.add("unstructured_reasoning", hops[0], 0.7, "jumped between ideas without landing one")
    elif n_words >= 80 and connectives == 0:
        hits.add("unstructured_reasoning", sents[0], 0.6, "a list of fragments with no reasoning joining them")
    elif (not exempt and ctx.prompt_kind in ("question", "probe") and 0 < n_words <= 12 and connectives == 0
          and sents and not any(concrete)
          and not cues.DATA.search(body)):
        # A terse expert's concrete decision ("GBDT on windowed counts; must beat the current heuristic first") or
        # data reason ("No labels.") is a short answer, not a hidden one: writers label terse experts hires and
        # never unstructured.
        hits.add("unstructured_reasoning", sents[0], 0.6, "a conclusion with no reasoning shown")
    if (not exempt and len(cues.MAYBE.findall(body)) >= 2 and not cues.BRANCH.search(body)
            and not commits(x.text for x, ok in zip(sents, concrete, strict=True) if ok)
            and not hedges.concrete_plan(body, ctx.problem)):
        # "Maybe a per-home model, or maybe one model for everyone, both have issues I guess": options weighed
        # and none landed, nothing concrete said. Committees hear that as reasoning with no structure. A plan with
        # its branches ("if not, then ...") has landed them on a condition, and a hedged concrete check ("I guess
        # I'd replay a few past news spikes") is a plan to find out.
        span = next(x for x in sents if cues.MAYBE.search(x.text))
        hits.add("unstructured_reasoning", span, 0.6, "weighed options without landing one")
    prompt_words = max(1, word_count(ctx.prompt_text))
    topics = sum(1 for v in _topic_counts(body).values() if v)
    narrow = ctx.prompt_kind in ("probe", "clarification", "follow_up", "pushback")
    first = ctx.prompt_kind == "question" and ctx.first_answer
    # Length alone is not over-answering: a long answer whose every part serves a decision is a long right answer.
    # It is over-answering when it sprawls: many topics at once, or much of it saying nothing concrete.
    sprawling = topics >= SPRAWL_TOPICS or sum(concrete) < OVER_CONCRETE * len(sents)
    if sents and sprawling and (n_words >= 150 or (first and n_words >= 120)
                                or (narrow and n_words >= 90 and n_words / prompt_words >= 12 and topics >= 5)):
        hits.add("over_answering", sents[0], 0.8 if n_words >= 150 else 0.65,
                 f"{n_words} words for a {prompt_words}-word {ctx.prompt_kind}")


def _relevance(hits: _Hits, sents: list[Span], body: str, n_words: int, ctx: Context, exempt: bool) -> None:
    """Asked about X, answered about a comfortable Y: the answer never touches the prompt's topic."""
    if exempt or n_words < 12 or not sents or ctx.prompt_kind in ("clarification", "closing", "constraint"):
        return
    focus = _prompt_focus(ctx)
    if not focus:
        return
    counts = _topic_counts(body)
    if counts.get(focus, 0) == 0:
        other = max((k for k in _COMFORT_TOPICS if k != focus), key=counts.get)
        if counts[other] >= 2:
            hits.add("answers_different_question", sents[0], 0.75, _STEERED.format(focus=focus, other=other))


UNHEARD_SCORE = 0.2
# How closely a terse answer must take up a constraint's facts for its plain statements to count as the new plan.
TERSE_TAKEN_UP = 0.6
RESTATED_NEW_WORDS = 4
MIN_QUOTE_WORDS = 4
SPRAWL_TOPICS = 4
OVER_CONCRETE = 0.6


_BUT = re.compile(r"^\W*but\s+(?:also\s+)?", re.IGNORECASE)
# The consequent of a condition ("if the simple one is still missing a lot after that, then go bigger"; "if most spam
# comes from numbers that live a week, the daily list is still fine") is a plan with a branch, not a plan defended.
_EARNED = re.compile(r"\bif (?:most|many|few|the data|our data|the logs|it turns out|we see|we find|the numbers|the "
                     r"backtest|the test)\b|\bif\b.{0,80}\b(?:still|not enough|doesn'?t|don'?t|fails?|missing|misses|"
                     r"plateaus?|stalls?|isn'?t enough|falls short)\b", re.IGNORECASE)


def _rigid_phrase(clause: Span, cue: re.Match[str], sents: list[Span]) -> bool:
    """A rigid phrase is an argument unless it is a hypothesis said as one ("my first guess is the model is fine...,
    but I'd want to profile before believing that"), the kept half of a change ("I'd keep training on it but build
    a small clean test set") or the consequent of a condition ("if it still misses a lot, then go bigger")."""
    sentence = _sentence_of(sents, clause)
    before = sentence.text[: clause.start - sentence.start + cue.start()]
    if cues.UNCERTAIN.search(before) or negated(clause.text, cue.start()) or _EARNED.search(before):
        return False
    after = sentence.text[clause.end - sentence.start:]
    but = _BUT.match(after)
    return not (but and _MOVE.search(after[but.end():]))


def _constraint_response(hits: _Hits, sents: list[Span], clause_list: list[Span], body: str,
                         ctx: Context) -> Reading | None:
    """Read the answer against the constraint or pushback it follows: an updated plan, an argument, or neither.

    Rigidity is heard wherever a constraint is live in the question (a probe after a constraint still hears "as I
    said, I'd stick with the original approach"); adaptation only right after the constraint or pushback, and only
    when the answer takes up the constraint's own facts (`agent.responsiveness`) with a concrete change. An answer
    that does neither has left the constraint unaddressed.
    """
    answering = ctx.prompt_kind in ("constraint", "pushback")
    if not (answering or (ctx.constraint_active and ctx.prompt_kind in ("probe", "follow_up"))):
        return None
    reading = None
    if ctx.prompt_kind == "constraint":
        reading = read(body, ctx.prompt_text, prompt_kind="constraint", question=ctx.question_text,
                       constraint_kind=ctx.constraint_kind)
    pushed = ctx.prompt_text + " " + ctx.constraint_text
    heard = reading.addresses if reading else (
        ctx.prompt_kind != "pushback"
        or read(body, pushed, prompt_kind="pushback", question=ctx.question_text).addresses)
    conceded = bool(cues.CONCESSION.search(body))
    defensive = [c for c in clause_list if (cue := cues.DEFENSIVE.search(c.text) or (
        None if conceded else cues.KEEPS.search(c.text))) and _rigid_phrase(c, cue, sents)]
    # Resistance of any kind: an argument, a dismissal of the data, the constraint handed to someone else.
    resisting = defensive + [c for c in clause_list if _dismissal(c.text) or hedges.deferral(c.text)]
    # Granting the point first ("It is. Check it on a few hundred places...") is not restating the plan against it.
    restated = (bool(clause_list) and answering and not conceded
                and _restates(body, ctx.earlier_answers))
    changes = _changes(sents, ctx) if answering and heard and not restated else []
    if not changes and reading is not None and not restated:
        changes = _terse_changes(sents, body, reading, ctx)
    escalated = _escalated(sents, changes, ctx)
    changes = [c for c in changes if c not in escalated]
    if resisting:
        # Beside resistance, only an explicit update ("that rules out...", "I'd switch to...") counts as adapting.
        changes = [c for c in changes if cues.ADAPT.search(c.text)]
    if not defensive and restated:
        defensive = [clause_list[0]]
    resisting = resisting or defensive
    if resisting and len(resisting) >= len(changes):
        hits.add("defensive_under_constraint", resisting[0], 0.9, "argued with the constraint instead of adapting")
        hits.drop("adapts_under_constraint")
        if ctx.constraint_kind == "data" and "data_first" not in hits:
            hits.add("ignores_data_reality", resisting[0], 0.8, "waved away a data problem")
    elif changes:
        hits.add("adapts_under_constraint", changes[0], 0.85, "took up the constraint and changed the plan to fit it")
    if (reading is not None and reading.score < UNHEARD_SCORE and word_count(body) >= 8 and not defensive
            and "adapts_under_constraint" not in hits and not _DONT_KNOW.search(body)):
        hits.add("answers_different_question", sents[0], 0.7,
                 "answered something other than the constraint: " + (", ".join(reading.missed[:3]) or "its facts")
                 + " never came up")
    if ctx.prompt_kind == "constraint" and not escalated:
        hits.drop("premature_complexity")
    return reading


_MOVE = re.compile(
    r"^\W*(?:then|so|ok(?:ay)?|fine|right|in that case|that (?:changes|means|rules out))\b|\b(?:would|will|'ll|'d|can|"
    r"could|should|need to|have to|has to|going to|instead|rather than)\b|^\W*(?:switch|use|drop|add|precompute|"
    r"cache|move|train|retrain|split|log|route|cap|set|raise|lower|cut|narrow|check|pull|sample|label|relabel|"
    r"weight|reweight|filter|exclude|backfill|join|replace|swap|distill|quantize|batch|serve|ship|run|hold|score|"
    r"rank|treat|build|start|stop|limit|shrink|restrict|keep only|measure|audit|compare|segment|bucket)\b",
    re.IGNORECASE)


def _terse_changes(sents: list[Span], body: str, reading: Reading, ctx: Context) -> list[Span]:
    """A terse expert states the new plan without "I'd" ("Baselines are precomputed hourly; per-minute work is a
    compare against stored bands"): in a short answer that takes up the constraint's own facts closely, two committed,
    concrete sentences are the change."""
    if reading.score < TERSE_TAKEN_UP or word_count(body) > TERSE_ANSWER_WORDS:
        return []
    committed = [x for x in sents if is_committed(x.text, ctx.problem) and not _argues(x.text)]
    return committed if len(committed) >= 2 else []


_NAMES_MODEL = re.compile(r"\bmodels?\b|\bclassifier\b|\bregression\b|\brules?\b|\bheuristics?\b", re.IGNORECASE)
_SHRINK = re.compile(r"\b(?:distil\w*|quanti[sz]\w*|int8|prun\w*|smaller|fewer|cheaper|lighter|tiny|cache\w*|"
                     r"precomput\w*|drop\w*|instead of|rather than|replace\w*|only)\b", re.IGNORECASE)


def _escalated(sents: list[Span], changes: list[Span], ctx: Context) -> list[Span]:
    """The changes that answer a latency or cost limit with a bigger model, when that is the answer's first move ("I'd
    actually move to an LSTM autoencoder"): the limit ignored, not the plan fitted to it. A small model in the path
    and a big one off it is a fit."""
    if ctx.constraint_kind != "latency" or ctx.prompt_kind != "constraint":
        return []
    lead = next((x for x in sents if cues.COMPLEX.search(x.text) or _NAMES_MODEL.search(x.text)), None)
    if lead is None or not cues.COMPLEX.search(lead.text) or _SHRINK.search(lead.text):
        return []
    return [c for c in changes if cues.COMPLEX.search(c.text) and not _SHRINK.search(c.text)]


def _changes(sents: list[Span], ctx: Context) -> list[Span]:
    """Committed, concrete statements of what the candidate would now do, in whatever grammar.

    Committees hear "Then narrow it: use ICU admission as the outcome" and "Switch the label to viewable
    impressions" as adaptation as surely as "I'd switch..."; an argument ("prices don't move that fast"), a hedge
    or a restatement of the constraint is not a change. Whether the answer took up the constraint at all is the
    caller's check.
    """
    prompt_words = content_words(ctx.prompt_text)
    out = []
    for sent in sents:
        # A sentence that argues in one clause may still change the plan in another ("so drop the pre-slot scans
        # from training; it's a process problem more than a model one"): such a sentence is read clause by clause.
        for part in clauses(sent) if _argues(sent.text) else [sent]:
            text = part.text
            if text.rstrip().endswith("?") or hedges.deferral(text) or not _MOVE.search(text) or _argues(text):
                continue
            if len(content_words(text) - prompt_words) >= 3 and is_committed(text, ctx.problem):
                out.append(part)
    return out


def _argues(text: str) -> bool:
    return bool(cues.DEFENSIVE.search(text) or cues.KEEPS.search(text) or _dismissal(text))


def _restates(body: str, earlier: str) -> bool:
    """The answer mostly repeats the candidate's own earlier words, adding next to nothing: the original answer,
    restated. A long answer on the same problem shares many words with the earlier ones and still says new things
    (a story from a past job, a new check), so what it adds counts as much as what it shares."""
    words_now = content_words(body)
    if len(words_now) < 6 or not earlier:
        return False
    old = content_words(earlier)
    new = words_now - old
    return (len(words_now) - len(new)) / len(words_now) >= 0.6 and len(new) <= RESTATED_NEW_WORDS


def _stuffing(hits: _Hits, sents: list[Span], body: str, n_words: int) -> None:
    """Buzzwords with no concrete decision are noise, whatever signals their vocabulary suggests."""
    buzz = {m.group(0).lower() for m in cues.BUZZ.finditer(body)} | {
        m.group(0).lower() for m in cues.TOOLS.finditer(body)
    }
    decisions = len(cues.DECISION.findall(body))
    if len(buzz) < 5 or decisions > max(1, n_words // 70):
        return
    for signal in [s for s in hits.spans if SIGNALS[s].polarity.value == "positive"]:
        hits.drop(signal)
    span = max(sents, key=lambda s: len(cues.BUZZ.findall(s.text)) + len(cues.TOOLS.findall(s.text)))
    hits.add("tool_name_dropping", span, 0.85, "buzzwords standing in for decisions")
    hits.add("unstructured_reasoning", span, 0.75, "named every topic without a decision on any")
    if n_words >= 80:
        hits.add("over_answering", sents[0], 0.7, "covered everything at once without answering the question")
