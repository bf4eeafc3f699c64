"""Is what the model wrote in `say` a line an interviewer could say? If not, why not, in a few words.

A small model under a JSON grammar produces text that parses and is not a line: the prompt's own example
copied back (`<your line>`, `<short reason>`), a stray fragment of JSON (`...},`), an identifier
(`cantis_fabio_fabio`, a move id), the question read back, nothing at all, a string of questions, or a
constraint that never states the facts it was meant to deliver. Each of those is invalid output, handled like
JSON that fails the schema: re-asked with the reason, or answered by the offline engine with a notice. The
checks read only the line, the move and the text it must not copy; they are structural, not a judgement of
how good the line is.
"""

from __future__ import annotations

import re

# A template slot: `<your line>`, `<one allowed move id>`, `<verbatim>`. Real speech has no angle brackets.
_SLOT = re.compile(r"<[^<>\n]{1,60}>")
# JSON left in the string: braces, or a quote-comma-quote seam between two fields.
_JSON = re.compile(r"[{}]|\"\s*[,:]\s*\"|^\s*(\.\.\.|…)\s*[\]},]")
_LETTER = re.compile(r"[^\W\d_]")
# An identifier from the prompt (a move id, a signal id, a JSON key): `premature_complexity`, `probe:data_first`.
_IDENTIFIER = re.compile(r"\b[^\W\d_]+_\w+")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
# A number in a fact: 80%, 1,500, 0.5; not the 99 of p99.
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
COPIED_RUN = 8  # this many consecutive words of the instructions, repeated in the line, is a copy
MAX_QUESTIONS = 1
# Words every constraint text shares ("New information: ... How does that change your plan?"), and function
# words: neither says which fact changed.
_BOILERPLATE = frozenset((
    "new", "information", "does", "that", "change", "your", "plan", "approach", "design", "investigation", "read",
    "recommendation", "about", "with", "from", "only", "have", "been", "this", "they", "them", "their", "there",
    "what", "when", "which", "would", "could", "should", "into", "than", "then", "were", "will", "also", "more",
    "most", "less", "some", "many", "much", "each", "every", "other", "just", "like", "over", "under", "after",
    "before", "because", "while", "you",
))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def _copies(line: str, instructions: str) -> bool:
    """Whether the line repeats the instructions: the whole line (3+ words), or a long run of them."""
    said, source = _words(line), " ".join(_words(instructions))
    if len(said) >= 3 and " ".join(said) in source:
        return True
    runs = (" ".join(said[i : i + COPIED_RUN]) for i in range(len(said) - COPIED_RUN + 1))
    return any(run in source for run in runs)


def missing_facts(line: str, facts: str) -> str | None:
    """What a constraint line leaves out of the facts it was given: a number, or the thing that changed."""
    absent = sorted(_numbers(facts) - _numbers(line))
    if absent:
        return f"the number(s) {', '.join(absent)}"
    said = {w[:5] for w in _words(line)}
    content = {w[:5] for w in _words(facts) if len(w) >= 4 and w not in _BOILERPLATE}
    needed = min(2, len(content))
    if len(content & said) < needed:
        return "what changed"
    return None


def is_prose(text: str) -> bool:
    """Whether a free-text field (a rationale, a finding's why) is words rather than the prompt's placeholder
    or a scrap of JSON (a stored rationale was literally `...},`)."""
    return bool(_LETTER.search(text)) and not _SLOT.search(text) and not _JSON.search(text.strip())


def line_problem(say: str, *, instructions: str, constraint_facts: str | None = None) -> str | None:
    """Why `say` is not a usable interviewer line, or None when it is.

    `instructions` is the text a line must not copy (the prompt's rules and JSON example, the interviewer's
    earlier lines); `constraint_facts` the new information a constraint move must deliver, when it is one.
    """
    line = say.strip()
    if not line:
        return "the line is empty"
    slot = _SLOT.search(line)
    if slot:
        return f"the line is a placeholder copied from the prompt ({slot.group()!r}), not something to say"
    if _JSON.search(line):
        return f"the line is a fragment of JSON, not something to say ({line[:40]!r})"
    if not _LETTER.search(line):
        return f"the line has no words ({line[:40]!r})"
    ident = _IDENTIFIER.search(line)
    if ident:
        return f"the line contains an identifier ({ident.group()!r}), not speech"
    if _copies(line, instructions):
        return f"the line repeats the prompt or an earlier line instead of saying something new ({line[:60]!r})"
    questions = line.count("?")
    if questions > MAX_QUESTIONS:
        return f"the line asks {questions} questions; ask exactly one ({line[:60]!r})"
    if constraint_facts is not None:
        missing = missing_facts(line, constraint_facts)
        if missing:
            return f"the constraint line leaves out {missing} from the new information it must deliver"
    return None
