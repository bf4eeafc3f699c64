"""Sentence similarity from static word embeddings whose weights ship inside the `wordllama` wheel.

WordLlama averages token vectors (256-d, 16 MB, MIT), so it is fast (microseconds per sentence) and needs no
network, but it does not see negation or word order: callers keep their own negation and hedge rules beside it
and use it only to ask "is this about the same thing?". The model loads lazily, once per process (~0.4 s).
"""

from __future__ import annotations

import logging
from functools import cache

import numpy as np


@cache
def _model():
    from importlib.resources import files

    import wordllama

    logging.getLogger("wordllama").setLevel(logging.WARNING)
    # The wheel carries its weights and tokenizer; pointing the cache at the package makes `load` find them there
    # and `disable_download` guarantees it never reaches for the network if they are missing.
    return wordllama.WordLlama.load(cache_dir=files("wordllama"), disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (zero rows for empty texts)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    vectors = np.asarray(_model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts, clipped to 0..1."""
    if not a.strip() or not b.strip():
        return 0.0
    va, vb = embed([a, b])
    return float(max(0.0, min(1.0, np.dot(va, vb))))


def best_match(texts: list[str], references: list[str]) -> tuple[float, int, int]:
    """The most similar (text, reference) pair: (similarity, text index, reference index); (0, -1, -1) if none."""
    if not texts or not references:
        return 0.0, -1, -1
    sims = embed(texts) @ embed(references).T
    i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
    return float(max(0.0, sims[i, j])), int(i), int(j)
