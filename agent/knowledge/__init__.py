"""What the offline judge knows, as data: cue lexicons, vocabularies and exemplar sentences per behaviour.

The detector's *method* (grounding, responsiveness, negation and hedge scope, aggregation) is code; its
*knowledge* (which phrases mean a hedge, which words are generic interview advice, which sentences are the advice
itself) lives in the TOML files beside this module, validated by `Lexicon` and hashed into every verdict
(`knowledge_version`), like the prompts. A new phrasing is a data change: add the pattern with an example that
must match it (tests/test_knowledge.py holds every example to its pattern).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Cue(BaseModel):
    """One regular expression (matched case-insensitively) with sentences it must and must not match."""

    model_config = ConfigDict(extra="forbid")

    pattern: str
    examples: list[str] = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"pattern {v!r} does not compile: {exc}") from None
        return v


class Lexicon(BaseModel):
    """A named body of knowledge: cues (regexes), words (a vocabulary) and/or exemplar sentences."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str
    cues: list[Cue] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)
    exemplars: list[str] = Field(default_factory=list)

    @property
    def regex(self) -> re.Pattern:
        return _compiled(self.name)

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.words)


# The sentence heads' weights (`agent.offline.heads`), the one knowledge file that is not a lexicon.
HEADS_FILE = "sentence_heads.json"


def _files() -> list:
    return sorted((f for f in files(__package__).iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


@cache
def lexicon(name: str) -> Lexicon:
    """The lexicon in `<name>.toml`, validated; a broken shipped file is a bug and fails loudly."""
    source = files(__package__).joinpath(f"{name}.toml")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    found = Lexicon.model_validate(data)
    if found.name != name:
        raise ValueError(f"{name}.toml: name is {found.name!r}, expected {name!r}")
    return found


@cache
def _compiled(name: str) -> re.Pattern:
    cues = lexicon(name).cues
    if not cues:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{c.pattern})" for c in cues), re.IGNORECASE)


def phrase_regex(words: list[str] | frozenset[str]) -> re.Pattern:
    """One regex matching any of `words` (literal phrases) on word boundaries, longest first."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b", re.IGNORECASE)


@cache
def knowledge_version() -> str:
    """A short hash of every knowledge file (lexicons and sentence heads), recorded in each verdict beside the
    prompt versions."""
    digest = hashlib.sha256()
    for f in [*_files(), files(__package__).joinpath(HEADS_FILE)]:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()[:12]


def all_lexicons() -> list[Lexicon]:
    return [lexicon(f.name.removesuffix(".toml")) for f in _files()]
