"""Sentence heads: what a signal sounds like, learned from labelled transcripts instead of listed as phrases.

The cue lexicons hear a signal only in the phrasings someone wrote down, so a new voice ("what does the ops team
do with the score?") goes unheard. Each head is a logistic regression over a sentence's static embedding
(`agent.semantic`), one per signal the lexicons under-hear, trained on the dev split alone by
`python -m evals.train_heads` (multiple-instance learning: a transcript's label says some sentence shows the
signal, not which). The weights are data in `agent/knowledge/sentence_heads.json`, validated here and hashed into
every verdict with the other knowledge files.

A head only proposes, and only in a sentence about its signal's subject; its sentence then goes through the
same rulebook as a lexicon hit (concrete, not recited, not hedged away, not in an off-topic or buzzword-stuffed
answer, ownership cancelled by a hand-off), so it can widen what the detector hears but not what the committee
credits.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator

from agent.knowledge import HEADS_FILE, lexicon
from agent.semantic import DIMENSIONS, embed
from agent.taxonomy import SIGNALS


class Head(BaseModel):
    """One signal's linear head: P(sentence shows the signal) = sigmoid(weights · embedding + bias)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weights: list[float] = Field(min_length=DIMENSIONS, max_length=DIMENSIONS)
    bias: float
    threshold: float = Field(gt=0.0, lt=1.0, description="the probability above which the head proposes the signal")
    bags: int = Field(ge=0, description="labelled transcripts it was trained on")


class Heads(BaseModel):
    """The shipped heads and how they were made."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    embedding: str
    trained_on: str
    dataset_sha256: str
    settings: dict[str, float]
    heads: dict[str, Head]

    @field_validator("heads")
    @classmethod
    def _known_signals(cls, v: dict[str, Head]) -> dict[str, Head]:
        unknown = sorted(set(v) - set(SIGNALS))
        if unknown:
            raise ValueError(f"heads for unknown signals: {unknown}")
        return v


@cache
def shipped() -> Heads:
    """The heads in `agent/knowledge/sentence_heads.json`; a broken shipped file is a bug and fails loudly."""
    return Heads.model_validate_json(files("agent.knowledge").joinpath(HEADS_FILE).read_text(encoding="utf-8"))


_installed: list[Heads] = []


def use(heads: Heads | None) -> None:
    """Judge with `heads` instead of the shipped ones (None: the shipped ones again). Cross-validation uses this to
    measure heads trained without the fold it judges; clear the detector's memo (`detector.clear_cache`) after."""
    _installed[:] = [heads] if heads is not None else []
    _matrices.cache_clear()


def active() -> Heads:
    return _installed[0] if _installed else shipped()


@cache
def _matrices() -> tuple[tuple[str, ...], np.ndarray, np.ndarray, np.ndarray]:
    heads = active().heads
    signals = tuple(sorted(heads))
    weights = np.array([heads[s].weights for s in signals], dtype=np.float32).reshape(len(signals), DIMENSIONS)
    bias = np.array([heads[s].bias for s in signals], dtype=np.float32)
    thresholds = np.array([heads[s].threshold for s in signals], dtype=np.float32)
    return signals, weights, bias, thresholds


def _probabilities(texts: list[str]) -> tuple[tuple[str, ...], np.ndarray]:
    """(signals, a len(texts) x len(signals) matrix of probabilities)."""
    signals, weights, bias, _ = _matrices()
    if not texts:
        return signals, np.zeros((0, len(signals)), dtype=np.float32)
    logits = embed(texts) @ weights.T + bias
    return signals, 1.0 / (1.0 + np.exp(-logits))


def proposals(texts: list[str]) -> list[tuple[str, int]]:
    """Every (signal, sentence index) whose probability is over its head's threshold and whose sentence is about
    the signal's subject, most probable first per signal.

    A head learns how a strong candidate's sentences sound as much as what each signal means, so on its own it
    would quote a good sentence about caching as framing. The subject lexicon (`agent/knowledge/about_<signal>.toml`,
    broad on purpose) keeps its quote on the subject: framing is about users, decisions, costs of error or is a
    question; data reasoning names data, labels, records or sources; and so on."""
    signals, probs = _probabilities(texts)
    thresholds = _matrices()[3]
    out = []
    for j, signal in enumerate(signals):
        above = np.flatnonzero(probs[:, j] > thresholds[j])
        subject = _subject(signal)
        out.extend((signal, int(i)) for i in above[np.argsort(-probs[above, j], kind="stable")]
                   if subject.search(texts[i]))
    return out


def _subject(signal: str) -> re.Pattern:
    return lexicon(f"about_{signal}").regex
