"""Hedges, confusion and deferral: words that sound like reasoning and credit nothing by themselves.

- A *hedge* ("I'm not sure", "I guess", "maybe") is noise unless a concrete hypothesis or check comes with it: then
  it is narrated uncertainty (the article's "I'm not fully sure yet, but here's my current hypothesis").
- "I don't know" earns credit only with a concrete plan to find out (the article's FAQ 11), never with "I'd ask
  around".
- *Confusion* ("Sorry, which constraint?", "What do you mean?") asks what the interviewer meant: it is not a
  clarifying question about the problem, so it is never framing.
- *Deferral* ("another team handles it", "I'd leave that to infra") is the opposite of ownership; after a
  constraint it hands the constraint away, which committees hear as rigidity.
The phrases live in `agent/knowledge/{hedges,confusion,deferral}.toml`.
"""

from __future__ import annotations

import re

from agent.grounding import Problem, grounding
from agent.knowledge import lexicon

_DONT_KNOW = re.compile(r"\bi (?:really |honestly |just )?(?:don'?t|do not) (?:really )?know\b|\bno idea\b|"
                        r"\bnot sure\b|\bi'?m not (?:sure|familiar)\b|\bi can'?t (?:say|answer)\b|^\W*pass\b",
                        re.IGNORECASE)
# A plan is an action the candidate would take themselves, not one they would hand to someone.
_ACTION = re.compile(
    r"\b(?:i'?d|i would|i'?ll|i will|we'?d|we could|i could|let me|my plan|first,? i|to find out,? i|i'?m going to)\s+"
    r"(?:\w+\s+){0,2}(?:check|pull|look at|look into|measure|compare|run|sample|plot|read|count|audit|test|try|"
    r"split|backtest|label|hand-label|slice|break (?:it )?down|estimate|simulate|query|inspect|segment|log|"
    r"hold out|train|fit|start|build|ship|track|review|join|bucket|survey|interview|shadow|replay)\b"
    r"|\b(?:check|pull|measure|compare|sample|plot|count|audit|backtest|slice|inspect|replay)\b",
    re.IGNORECASE,
)


def hedges(text: str) -> list[re.Match]:
    return list(lexicon("hedges").regex.finditer(text))


def is_hedged(text: str) -> bool:
    return bool(lexicon("hedges").regex.search(text))


def is_confusion(text: str) -> bool:
    """The candidate asks what the interviewer meant or to hear the line again."""
    return bool(lexicon("confusion").regex.search(text))


def deferral(text: str) -> re.Match | None:
    """Where the candidate hands the work to someone else, if they do."""
    return lexicon("deferral").regex.search(text)


def says_dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.search(text))


# The candidate's own way to find out, beside an unknown they named ("so I'd ask marketing", "I will see it when I
# split by tenure", "so we ran three cutoffs in parallel"): wider than _ACTION, since the unknown carries the substance.
_FIND_OUT = re.compile(r"\b(?:i'?d|i will|i'?ll|we'?d|we'?ll|i would|we would|so (?:i|we)|we)\b[\w ,']{0,30}?\b"
                       r"(?:check|test|ask|verify|measure|validate|compare|split|look at|see it|find out|try|backtest|"
                       r"ran|run|sample|confirm|revisit)\b", re.IGNORECASE)


def finds_out(text: str) -> bool:
    """The candidate says how they would find out themselves (handing it to someone else is not finding out)."""
    return bool(_FIND_OUT.search(text)) and not deferral(text)


def concrete_plan(text: str, problem: Problem | None = None) -> bool:
    """An action the candidate would take themselves, about something concrete (a check, a sample, a number)."""
    if deferral(text):
        return False
    return any(_ACTION.search(part) and grounding(part, problem)
               for part in re.split(r"(?<=[.!?;])\s+|\s+(?:but|so|then)\s+", text) if part.strip())


def hedge_only(text: str, problem: Problem | None = None) -> bool:
    """Hedged and empty: nothing concrete is said beside the hedge."""
    return is_hedged(text) and not grounding(text, problem)
