"""Sentence similarity from static word embeddings whose weights ship inside the `wordllama` wheel.

WordLlama averages token vectors (256-d, 16 MB, MIT), so it is fast (microseconds per sentence) and needs no
network, but it does not see negation or word order: callers keep their own negation and hedge rules beside it
and use it only to ask "is this about the same thing?". The model loads lazily, once per process (~0.4 s).
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache

import numpy as np

DIMENSIONS = 256  # the bundled model's embedding width


@cache
def _model():
    from importlib.resources import files

    import wordllama

    logging.getLogger("wordllama").setLevel(logging.WARNING)
    # The wheel carries its weights and tokenizer; pointing the cache at the package makes `load` find them there
    # and `disable_download` guarantees it never reaches for the network if they are missing.
    return wordllama.WordLlama.load(cache_dir=files("wordllama"), disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (zero rows for empty texts). Each text is embedded once per
    process: judging reads the same sentences and exemplars many times."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    rows = {t: _SEEN[t] for t in texts if t in _SEEN}
    missing = list(dict.fromkeys(t for t in texts if t not in rows))
    if missing:
        vectors = np.asarray(_model().embed(missing), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
        fresh = dict(zip(missing, vectors, strict=True))
        if len(_SEEN) + len(fresh) > _SEEN_LIMIT:
            _SEEN.clear()  # the rows this call needs are held in `rows` and `fresh`, not in the cache
        _SEEN.update(fresh)
        rows.update(fresh)
    return np.stack([rows[t] for t in texts])


@lru_cache(maxsize=64)
def _matrix(references: tuple[str, ...]) -> np.ndarray:
    return embed(list(references))


_SEEN: dict[str, np.ndarray] = {}
_SEEN_LIMIT = 20_000


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts, clipped to 0..1."""
    if not a.strip() or not b.strip():
        return 0.0
    va, vb = embed([a, b])
    return float(max(0.0, min(1.0, np.dot(va, vb))))


def best_match(texts: list[str], references: list[str] | tuple[str, ...]) -> tuple[float, int, int]:
    """The most similar (text, reference) pair: (similarity, text index, reference index); (0, -1, -1) if none.
    Pass `references` as a tuple when it is fixed (exemplars): its matrix is then built once."""
    if not texts or not references:
        return 0.0, -1, -1
    matrix = _matrix(references) if isinstance(references, tuple) else embed(list(references))
    sims = embed(texts) @ matrix.T
    i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
    return float(max(0.0, sims[i, j])), int(i), int(j)
