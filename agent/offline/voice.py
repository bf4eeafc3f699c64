"""The interviewer's voice: templates that say what they need, references that are whole phrases, and
acknowledgements chosen for the move.

Say only what happened. Every line is a `Template` whose `needs` are read off its text: a `{ref}` needs a
phrase the candidate said, an `{essence}` a constraint given in this question, a `{fact}` a clarification fact;
and any template that *talks* about a constraint, a limit, a budget or a change ("Given the new limit, ...")
needs a constraint given in this question even without a placeholder. `usable` refuses a template whose needs
the moment does not meet, so no line can refer to a constraint that was never given.

No template twice in an interview: `fresh` drops templates already heard (recognised in earlier lines by their
fixed words), and banks are large enough that a whole interview need not repeat one.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cached_property

from agent import hedges
from agent.offline.text import STOPWORDS, clauses, content_words, sentences, words
from agent.persona import Persona

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Words that only make sense once a constraint has been given in this question.
CONSTRAINT_TALK = re.compile(
    r"\b(?:constraints?|limits?|budget|new information|new reality|that change|the change|with that in place|"
    r"fits?|isn'?t moving|no longer|stands\b|stays\b|is fixed|as fixed|what changes|changes now|before the new|"
    r"under (?:that|it)|that (?:number|fact)|the new)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Template:
    """One line shape. `source` says where it lives (a persona field or a bank in this module)."""

    text: str
    source: str

    @cached_property
    def needs(self) -> frozenset[str]:
        needs = set(PLACEHOLDER.findall(self.text))
        if CONSTRAINT_TALK.search(PLACEHOLDER.sub(" ", self.text)) or needs & {"essence", "adaptation"}:
            needs.add("constraint")
        return frozenset(needs)

    @cached_property
    def pattern(self) -> re.Pattern:
        """Recognises this template in a line already said, whatever filled it."""
        parts = PLACEHOLDER.split(self.text)
        fixed = [re.escape(p) if i % 2 == 0 else ".+?" for i, p in enumerate(parts)]
        return re.compile("".join(fixed), re.DOTALL)

    def fill(self, values: dict[str, str]) -> str:
        return PLACEHOLDER.sub(lambda m: values[m.group(1)], self.text)


def usable(template: Template, values: dict[str, str]) -> bool:
    return template.needs <= {k for k, v in values.items() if v}


def heard(template: Template, lines: list[str]) -> bool:
    return any(template.pattern.search(line) for line in lines)


def choose(templates: list[Template], values: dict[str, str], lines: list[str], key: str) -> Template | None:
    """A usable template not heard yet in this interview (else a usable one), picked deterministically; the
    persona's own wording before the shared banks."""
    ok = [t for t in templates if usable(t, values)]
    fresh = [t for t in ok if not heard(t, lines)]
    own = [t for t in fresh if not t.source.startswith("voice:")]
    pool = own or fresh or ok
    return pool[zlib.crc32(key.encode()) % len(pool)] if pool else None


def bank(persona: Persona, name: str) -> list[Template]:
    """The persona's own lines of this kind first, then the shared ones."""
    own = [Template(t, f"{persona.id}:lines.{name}") for t in persona.lines.get(name, [])]
    return own + [Template(t, f"voice:{name}") for t in BANKS.get(name, [])]


# The shared banks: used when a persona has too few lines of its own for a whole interview.
BANKS: dict[str, list[str]] = {
    "transition": ["Let's switch to something different.", "Let's move on to another problem.",
                   "Different problem now.", "Let's leave that there and change topic.",
                   "Let's try another one."],
    # Restating a constraint the answer did not take up: its facts in a sentence, then the question again.
    "restate": ["Let me restate it: {essence} With that in place, what do you change?",
                "I don't think you took that on yet. {essence} What happens to your plan?",
                "Stay with that for a second. {essence} What do you do differently?",
                "To be concrete: {essence} Where does that leave your approach?",
                "The point is this: {essence} What is your call now?"],
    # The cost of an adaptation the candidate made.
    "cost": ["Going with \"{adaptation}\" isn't free. What gets worse?",
             "What does \"{adaptation}\" cost you, and who feels it first?",
             "What would you give up to make \"{adaptation}\" work under that constraint?",
             "Say you do \"{adaptation}\". What is the price?",
             "Where does \"{adaptation}\" hurt you?",
             "That change isn't free. What gets worse?", "Who pays for that change, and how much?"],
    # A third step on the same thread: how they would know the adaptation is hurting.
    "consequence": ["How would you know \"{adaptation}\" is hurting more than it helps?",
                    "What number would make you undo \"{adaptation}\"?",
                    "How far can you push \"{adaptation}\" before it stops being good enough?",
                    "What would you watch in the first week of \"{adaptation}\"?",
                    "When would you revisit \"{adaptation}\"?",
                    "How would you know that change is hurting more than it helps?",
                    "What would tell you that change went too far?"],
    # A constraint still not taken up after its restatement: what ignoring it would cost.
    "ignored": ["Suppose you change nothing. What breaks first under that constraint?",
                "If you keep the plan exactly as it is, who notices that limit first, and when?",
                "Play it forward: the plan unchanged, that constraint in force for a month. What happens?",
                "What is the cost of ignoring that change?",
                "If nothing in the plan moves, what does the constraint do to it?"],
    # A stuck candidate: a smaller question, with a fact from the question when there is one.
    "narrow": ["Let's make it smaller. {fact} Given just that, what is the first thing you'd check?",
               "Let me narrow it. {fact} What is one number you'd look at first?",
               "Here is something concrete to start from: {fact} What would you do with it?",
               "Forget the model for a moment. What is the first question you'd ask about the data?",
               "Smaller question, then: what would the simplest possible version of this do?",
               "Start anywhere concrete: who uses the output, and for what decision?",
               "Take the smallest piece: what would you want to know about the users first?",
               "Let's slow down. What is the one thing that has to be true for any of this to work?",
               "Try a guess, even a rough one: what would you build in the first week?",
               "Think of it as a checklist. What is the first item on it?",
               "Pick one thing you'd measure before building anything. What is it?"],
    # A defensive or dismissive answer, with no constraint needed to make sense.
    "dismissal": ["Calling it \"{ref}\" doesn't make it go away. As the owner, what would you do?",
                  "\"{ref}\" is the part I'd push on. What would change your mind?",
                  "I don't buy \"{ref}\" yet. What evidence would you want first?",
                  "Suppose a reviewer hears \"{ref}\". How do you back it up?",
                  "Say \"{ref}\" turns out to be wrong. What breaks first?",
                  "That sounds like a way to skip the question. What is your own call here?",
                  "Humour me and take it seriously. What would you actually do?"],
    # A dismissal that meets a live constraint: the constraint is the point.
    "dismissal_constraint": ["That doesn't get you out of it: {essence} What do you change?",
                             "The facts don't move: {essence} So what do you do?",
                             "I hear \"{ref}\", but {essence_lower} What is your plan under that?"],
    # Naming a stance the candidate would not move from, as the next question begins.
    "stance": ["I'll take \"{ref}\" as your answer there, and I'd flag it as a risk.",
               "You stayed with \"{ref}\"; I'll note that.",
               "I'll note that you'd keep \"{ref}\" as it is."],
    # A constraint whose fact the candidate raised first: build on it instead of announcing it.
    "raised": ["You raised this yourself, and it's worse than you think: {fact} {ask}",
               "Your worry is well founded: {fact} {ask}",
               "You were right to flag that: {fact} {ask}"],
    # The shapes a constraint is delivered in.
    "constraint": ["New information: {fact} {ask}", "Here's a wrinkle: {fact} {ask}", "One more fact: {fact} {ask}",
                   "Let me add something. {fact} {ask}", "{fact} {ask}", "Now suppose this: {fact} {ask}"],
}

_LEAD = re.compile(r"^(?:(?:and|but|so|then|also|well|ok|okay|um|uh|yeah|right|honestly|basically|actually|"
                   r"first(?:ly)?|second(?:ly)?|then)\b[\s,]*)+", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:i'?d|i would|i'?ll|i will|we'?d|we would|we'?ll|let'?s|i'?m going to|i want to|"
                      r"(?:i|we) (?:could|can|should|might))\s+", re.IGNORECASE)
# Where a long clause may be cut: before its verb (the subject noun phrase ends there) or a preposition that
# starts a modifier; never before "of", which binds one noun phrase ("line two of every reply").
_NP_END = re.compile(r"\s+(?=(?:is|are|was|were|has|have|had|will|would|can|could|should|given|with|for|from|to|"
                     r"in|on|at|by|after|before|that|where|while|when)\b)", re.IGNORECASE)
_TENTATIVE = re.compile(r"^\W*(?:maybe|probably|possibly|perhaps|might|it depends|depends|i think|i guess|"
                        r"i suppose|i feel)\b", re.IGNORECASE)
_OBJECT_ENDS = frozenset(("it", "them", "this", "that", "first", "later", "now", "here"))
_SPLIT = re.compile(r"\s+(?=(?:and|because|so that|which|since|while|whereas|unless|if|when|then)\b)", re.IGNORECASE)
_FILLER = re.compile(r"^\W*(?:yeah|okay|so|um|uh|hmm|well|i mean|you know|sort of|kind of|that'?s (?:a )?(?:good|"
                     r"great|fair|interesting) (?:question|point))\W*$", re.IGNORECASE)
_APPROACH = re.compile(r"\b(?:use|build|train|start with|go with|pick|ship|deploy|try|add|set up|fine-tune|"
                       r"precompute|cache|serve|switch|reweight|drop|replace|label|sample|hold out|measure|"
                       r"check|compare|log|filter|narrow|cap)\b", re.IGNORECASE)
MIN_WORDS, MAX_WORDS = 3, 10


def phrases(answer: str, skip: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    """The answer's whole phrases a line may quote, each with whether it is a proposal ("I'd precompute scores"):
    clauses (split again at conjunctions) of 3-10 words, without their leading discourse markers or "I'd", never
    ending on a function word, never a question, a confession, a hedge or a filler, never text inside `skip` (an
    injected instruction is not something to quote back)."""
    out = []
    for sent in sentences(answer):
        if any(sent.text in s or s in sent.text for s in skip if s) or sent.text.rstrip().endswith("?"):
            continue
        for clause in clauses(sent):
            if clause.text.rstrip().endswith("?"):
                continue
            for part in _SPLIT.split(clause.text):
                led = _LEAD.sub("", part.strip())
                if hedges.is_hedged(led) or _TENTATIVE.match(led):
                    continue
                if len(words(_SUBJECT.sub("", led))) > MAX_WORDS:
                    led = _noun_phrase(led)
                phrase = _SUBJECT.sub("", led).strip(" ,.;:!-\u2014\"'")
                ws = words(phrase)
                if not MIN_WORDS <= len(ws) <= MAX_WORDS or phrase not in answer:
                    continue
                if ws[-1] in STOPWORDS and ws[-1] not in _OBJECT_ENDS or ws[-1] in ("here", "really"):
                    continue
                if hedges.says_dont_know(phrase) or _FILLER.match(phrase) or hedges.is_hedged(phrase) \
                        or _TENTATIVE.match(phrase):
                    continue
                if len(content_words(phrase)) < 2:
                    continue
                out.append((phrase, bool(_SUBJECT.match(led)) or bool(_APPROACH.match(phrase))))
    return out


_RELATIVE = re.compile(r"\b(?:where|that|which|who|whose|when|while|if|because)\b", re.IGNORECASE)
_VERB = re.compile(r"^\s*(?:is|are|was|were|has|have|had|will|would|can|could|should)\b", re.IGNORECASE)


def _noun_phrase(clause: str) -> str:
    """The longest start of a long clause that ends at a phrase boundary, within the word limit; never inside a
    relative clause ("the cases where the data" is not a phrase)."""
    best = ""
    for m in _NP_END.finditer(clause):
        head = clause[: m.start()]
        if _VERB.match(clause[m.start():]) and _RELATIVE.search(head):
            continue
        ws = words(_SUBJECT.sub("", head))
        if len(ws) <= MAX_WORDS and ws and ws[-1] not in STOPWORDS:
            best = head
    return best


def reference(answer: str, prefer: str = "", skip: tuple[str, ...] = (), proposal: bool = False) -> str:
    """A phrase of the answer to hang a line on: the one holding `prefer` (the words that triggered the move),
    else a proposal ("precompute scores offline") when `proposal`, else the most informative. Empty if none."""
    found = phrases(answer, skip)
    if not found:
        return ""
    if prefer:
        holding = [p for p, _ in found if p in prefer or prefer in p]
        if holding:
            return holding[0]
    if proposal:
        proposing = [p for p, proposes in found if proposes]
        if proposing:
            return proposing[0]
    texts = [p for p, _ in found]
    return max(texts, key=lambda p: (len(content_words(p)), -texts.index(p)))


_CONTINUATION = re.compile(r"^\W*(?:go on|continue|keep going|carry on|and\?)\W*$", re.IGNORECASE)
_PRAISE = re.compile(r"^\W*(?:good|great|nice|perfect|excellent|fair|love it)\W*$", re.IGNORECASE)


def acknowledgement(persona: Persona, move_kind: str, key: str, *, dismissive: bool = False) -> str:
    """A short receipt before a follow-up, or nothing.

    Never a continuation ("Go on.") before a line that asks something new, never praise, nothing before a pushback
    or after a dismissal, and only every other line or so, so lines do not all open the same way.
    """
    if dismissive or move_kind in ("pushback", "clarification", "wrap_up"):
        return ""
    fits = [a for a in persona.style.acknowledgements if not _CONTINUATION.match(a) and not _PRAISE.match(a)]
    h = zlib.crc32(key.encode())
    if not fits or h % 3 == 0:
        return ""
    return fits[h % len(fits)]


def with_ack(ack: str, line: str) -> str:
    return f"{ack} {line}" if ack else line


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
