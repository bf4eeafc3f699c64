"""The faults a reviewer would flag in an interviewer, found in a played transcript.

Each check reads the interviewer's lines against what the scripted candidate said (and meant: the script's
tags) and returns how many chances the interviewer had to get it wrong and where it did. Hard faults fail CI;
soft ones are reported as rates.

hard
- phantom_reference: a line refers to a constraint, limit, budget or change that was not given in this question.
- false_redirect: "I asked something else" to an answer the shared responsiveness measure calls on-topic.
- unaddressed_left: an answer that does not address a constraint, and the next line neither restates the
  constraint nor pushes back (answering a question the candidate asked instead is not leaving it).
- defensive_unanswered: a defensive or dismissive line with no pushback or restated constraint after it; when the
  interviewer moves on instead, its line must name the stance (quote it), or it went unanswered.
- template_thrice: one follow-up template three times in one interview.
- multi_question: more than one question in one interviewer line.
- repeats_candidate: a constraint stating what the candidate already raised, without building on it: their
  answers address it (the shared measure, score >= 0.6) and state at least 40% of its facts.
- misquote: a quoted reference that is not the candidate's own words.
soft
- clipped_reference: a quote cut mid-phrase, ending on a function word, or quoting a confession or filler.
- template_twice: one follow-up template twice in one interview.
- stacked_on_stuck: a constraint right after two answers without a plan.
- praise_after_dismissal: "Good." or "Great." right after a defensive line.
- no_follow_through: an adaptation to a constraint with no question on its cost before the interview moves on.
- shallow_question: a question with no thread three follow-ups deep.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from agent import hedges
from agent.models import Turn
from agent.offline.text import STOPWORDS, words
from agent.responsiveness import key_terms, numbers, read
from evals.interviewer.play import Played

HARD = ("phantom_reference", "false_redirect", "unaddressed_left", "defensive_unanswered", "template_thrice",
        "multi_question", "repeats_candidate", "misquote")
SOFT = ("clipped_reference", "template_twice", "stacked_on_stuck", "praise_after_dismissal", "no_follow_through",
        "shallow_question")
FAULTS = HARD + SOFT

_QUOTE = re.compile(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d")
_PHANTOM = re.compile(
    r"\b(?:constraint|(?:new|that|this|the) (?:limit|budget|requirement|information)|with that change|given that "
    r"change|(?:that|the) (?:new )?(?:change|number) (?:i gave|we just|stays)|under (?:that|the) (?:limit|budget)|"
    r"fits? (?:the|that) (?:new )?(?:limit|budget))\b", re.IGNORECASE)
_REDIRECT = re.compile(r"\bi asked (?:something else|about)\b|\bwhat is your answer to what i asked\b|"
                       r"\bback (?:from .{1,80} )?to the (?:original )?question\b|\bnot what i asked\b",
                       re.IGNORECASE)
_PRAISE = re.compile(r"^\W*(?:good|great|nice|perfect|excellent|love (?:it|that)|got it|thanks)\b", re.IGNORECASE)
_BUILDS_ON = re.compile(r"\byou(?:'ve)? (?:raised|mentioned|flagged|said|brought up|guessed|worried)\b|"
                        r"\bas you (?:said|suspected|guessed)\b|\byour (?:guess|worry|hunch)\b|"
                        r"\bright to (?:flag|raise|worry)\b", re.IGNORECASE)
_COST = re.compile(r"\bcost|\bhurt|\bpays?\b|\bgive up\b|\bprice\b|\blose\b|\bworse\b|\bstale|\btrade-?off|"
                   r"\bdownside|\bgive away\b|\bsacrific|\bbreak|\bfail", re.IGNORECASE)
_CLAUSE_STARTERS = frozenset(("and", "but", "so", "because", "which", "then", "since", "while", "though", "or",
                              "although", "before", "after", "unless", "until", "if", "when", "whereas"))
# A noun phrase may also end before its clause's verb or a preposition that starts a modifier (not "of").
_PHRASE_ENDS = _CLAUSE_STARTERS | frozenset(("is", "are", "was", "were", "has", "have", "had", "will", "would",
                                             "can", "could", "should", "given", "with", "for", "from", "to", "in",
                                             "on", "at", "by", "that", "where"))
_SUBJECT_LEAD = re.compile(r"(?:^|[\s,])(?:i|we|you|it|they|i'?d|we'?d|i'?ll|we'?ll|i'?m|i would|we would|i will|"
                           r"that'?s|it'?s|there'?s|so|and|but|then|well|okay|first,?)\s*$", re.IGNORECASE)
_FILLER = re.compile(r"^\W*(?:yeah|okay so|so yeah|um|uh|hmm|well|i mean|you know|sort of|kind of)\b",
                     re.IGNORECASE)
_VERBS = frozenset(("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should"))
FOLLOW_UPS = ("probe", "pushback", "constraint", "follow_up")


@dataclass(frozen=True)
class Fault:
    fault: str
    turn_index: int
    line: str
    why: str


@dataclass
class Findings:
    """Faults found in one played interview, with the chances each fault had to happen."""

    persona: str
    candidate: str
    faults: list[Fault] = field(default_factory=list)
    chances: Counter = field(default_factory=Counter)

    def add(self, fault: str, turn: int, line: str, why: str) -> None:
        self.faults.append(Fault(fault, turn, line, why))

    def count(self, fault: str) -> int:
        return sum(f.fault == fault for f in self.faults)


def unquoted(text: str) -> str:
    return _QUOTE.sub(" Q ", text)


def quotes(text: str) -> list[str]:
    return [a or b for a, b in _QUOTE.findall(text)]


def skeleton(text: str) -> str:
    """A line's template: its words with quotes, numbers and a leading acknowledgement taken out, first three and
    last five. Two lines with the same skeleton are the same template with different fillings."""
    body = unquoted(text)
    first, _, rest = body.partition(". ")
    if rest and len(words(first)) <= 2:
        body = rest
    ws = [w if not w[0].isdigit() else "N" for w in words(body)]
    return " ".join(ws[:3] + ["..."] + ws[-5:]) if len(ws) > 8 else " ".join(ws)


def _restates(line: str, constraint: str) -> bool:
    """The line carries the constraint's facts: one of its numbers or two of its key terms."""
    own = unquoted(line)
    if any(n.split()[0] in own for n in numbers(constraint)):
        return True
    return len(key_terms(constraint) & key_terms(own)) >= 2


def _clipped(quote: str, answer: str) -> str | None:
    """Why `quote` is not a whole phrase of `answer`, or None."""
    at = answer.find(quote)
    if at < 0:
        return None
    ws = words(quote)
    if len(ws) < 2:
        return "a single word"
    if ws[-1] in STOPWORDS and ws[-1] not in ("it", "them", "this", "that", "first", "later", "now"):
        return f"ends on {ws[-1]!r}"
    if hedges.says_dont_know(quote) or _FILLER.match(quote) or hedges.hedge_only(quote):
        return "quotes a confession or a filler"
    after = answer[at + len(quote):]
    if after and not re.match(r"^\s*(?:[.,;:!?)\u2014-]|$)", after):
        nxt = words(after[:30])
        if nxt and nxt[0] not in _PHRASE_ENDS:
            return f"cut before {nxt[0]!r}"
        if nxt and nxt[0] not in _CLAUSE_STARTERS and re.search(r"\b(?:where|that|which|who|whose)\b", quote,
                                                                re.IGNORECASE) and nxt[0] in _VERBS:
            return f"cut inside a relative clause, before {nxt[0]!r}"
    before = answer[:at]
    if before.strip() and not re.search(r"[.,;:!?(\u2014-]\s*$", before) and not _SUBJECT_LEAD.search(before):
        prev = words(before[-30:])
        if prev and prev[-1] not in _CLAUSE_STARTERS:
            return f"starts after {prev[-1]!r}"
    return None


def find_faults(played: Played) -> Findings:
    turns = played.transcript.turns
    out = Findings(played.persona, played.candidate)
    templates: Counter = Counter()
    by_question: dict[int, list[tuple[int, Turn]]] = {}
    for i, t in enumerate(turns):
        by_question.setdefault(t.question_index or 0, []).append((i, t))
    previous: list[str] = []
    for q_turns in by_question.values():
        previous = _question(played, q_turns, out, templates, previous)
    for skel, n in templates.items():
        out.chances["template_thrice"] += 1
        out.chances["template_twice"] += 1
        if n >= 3:
            out.add("template_thrice", -1, skel, f"{n} times in one interview")
        elif n == 2:
            out.add("template_twice", -1, skel, "twice in one interview")
    return out


def _lead(turn: Turn) -> str:
    """What a moving-on line says before the next question (all of a closing line)."""
    return turn.text.split("\n\n")[0] if turn.kind == "question" and "\n\n" in turn.text else (
        turn.text if turn.kind == "closing" else "")


def _question(played: Played, q_turns: list[tuple[int, Turn]], out: Findings, templates: Counter,
              previous: list[str]) -> list[str]:
    """Check one question's lines; `previous` are the answers to the question before (a transition may quote
    them). Returns this question's answers."""
    question = q_turns[0][1].text
    constraint: Turn | None = None
    answers: list[str] = []
    stuck_run = 0
    depth, best_depth = 0, 0
    for pos, (i, turn) in enumerate(q_turns):
        nxt = next(((j, t) for j, t in q_turns[pos + 1:] if t.role == "interviewer"), None)
        if nxt is None and turn.role == "candidate":
            # the next line may be the next question's opening
            later = [t for t in played.transcript.turns[i + 1:] if t.role == "interviewer"]
            nxt = (i + 1, later[0]) if later else None
        if turn.role == "interviewer":
            _line(turn, i, constraint, answers or previous, question, out, templates, played)
            if turn.kind == "constraint":
                constraint, depth = turn, 1
            elif turn.kind in FOLLOW_UPS and constraint is not None and depth:
                depth += 1
            best_depth = max(best_depth, depth)
            continue
        tags = played.tags.get(i, frozenset())
        answers.append(turn.text)
        if nxt is None:
            continue
        j, reply = nxt
        moved_on = reply.kind in ("question", "closing") or reply.question_index != turn.question_index
        prompt = next(t for _, t in reversed(q_turns[:pos]) if t.role == "interviewer")
        if "defensive" in tags:
            out.chances["defensive_unanswered"] += 1
            out.chances["praise_after_dismissal"] += 1
            answered = (not moved_on and (reply.kind == "pushback"
                                          or (constraint is not None and _restates(reply.text, constraint.text)))
                        ) or (moved_on and any(q in turn.text for q in quotes(_lead(reply))))
            if not answered:
                out.add("defensive_unanswered", j, reply.text, f"after {turn.text!r}")
            if _PRAISE.match(reply.text):
                out.add("praise_after_dismissal", j, reply.text, f"after {turn.text!r}")
        if prompt.kind == "constraint" and not turn.text.rstrip().endswith("?"):
            reading = read(turn.text, prompt.text, prompt_kind="constraint", question=question,
                           constraint_kind=prompt.constraint_kind)
            if not reading.addresses and "defensive" not in tags:
                out.chances["unaddressed_left"] += 1
                if reply.kind == "clarification":
                    pass  # the candidate asked something first; answering it is not leaving the constraint
                elif moved_on or not (_restates(reply.text, prompt.text) or reply.kind == "pushback"):
                    out.add("unaddressed_left", j, reply.text, f"{turn.text!r} left {prompt.text!r} unaddressed")
            if "adapts" in tags:
                out.chances["no_follow_through"] += 1
                if moved_on or not _COST.search(unquoted(reply.text)):
                    out.add("no_follow_through", j, reply.text, "the adaptation's cost was never asked about")
        stuck_run = stuck_run + 1 if "stuck" in tags else 0
        if stuck_run >= 2:
            out.chances["stacked_on_stuck"] += 1
            if reply.kind == "constraint":
                out.add("stacked_on_stuck", j, reply.text, "a constraint after two answers without a plan")
    out.chances["shallow_question"] += 1
    if best_depth < 3:
        out.add("shallow_question", q_turns[0][0], question[:80], f"deepest thread {best_depth}")
    return answers


def _line(turn: Turn, i: int, constraint: Turn | None, answers: list[str], question: str, out: Findings,
          templates: Counter, played: Played) -> None:
    text = turn.text
    own = unquoted(text)
    if turn.kind == "question":
        own = own.split("\n\n")[0] if "\n\n" in own else ""
    out.chances["multi_question"] += 1
    if own.count("?") > 1 or (turn.kind == "question" and text.count("?") > 1):
        out.add("multi_question", i, text, f"{text.count('?')} questions in one line")
    if turn.kind in ("probe", "pushback", "follow_up", "question") and constraint is None:
        out.chances["phantom_reference"] += 1
        m = _PHANTOM.search(own)
        if m:
            out.add("phantom_reference", i, text, f"{m.group(0)!r} with no constraint given in this question")
    if turn.kind in FOLLOW_UPS:
        templates[skeleton(text)] += 1
    if _REDIRECT.search(own) and answers:
        out.chances["false_redirect"] += 1
        prior = next(t for t in reversed(played.transcript.turns[:i - 1]) if t.role == "interviewer")
        context = " ".join([question, prior.text, *answers[:-1]])
        reading = read(answers[-1], context, prompt_kind="question", question=question)
        if not reading.off_topic:
            out.add("false_redirect", i, text, f"the shared measure calls {answers[-1][:60]!r} on-topic")
    for q in quotes(text):
        out.chances["misquote"] += 1
        out.chances["clipped_reference"] += 1
        source = next((a for a in reversed(answers) if q in a), None)
        if source is None:
            out.add("misquote", i, text, f"{q!r} is not in the candidate's answers to this question")
            continue
        why = _clipped(q, source)
        if why:
            out.add("clipped_reference", i, text, f"{q!r}: {why}")
    if turn.kind == "constraint":
        out.chances["repeats_candidate"] += 1
        said = " ".join(answers)
        if said and not _BUILDS_ON.search(own):
            reading = read(said, text, prompt_kind="constraint", question=question,
                           constraint_kind=turn.constraint_kind)
            facts = len(reading.covered) / max(1, len(reading.covered) + len(reading.missed))
            if reading.score >= 0.6 and facts >= 0.4:
                out.add("repeats_candidate", i, text, f"the candidate already said it (score {reading.score}, "
                                                      f"{facts:.0%} of its facts)")
