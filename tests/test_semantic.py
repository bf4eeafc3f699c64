"""The embedding cache: bounded, and never loses a row the current call needs."""

from __future__ import annotations

from agent import semantic


def test_a_full_cache_is_cleared_without_losing_the_rows_being_returned(monkeypatch):
    """The full suite embeds more than the cache holds; a call mixing a cached text with new ones at that moment
    raised KeyError (the clear dropped the cached row before it was read)."""
    monkeypatch.setattr(semantic, "_SEEN", {})
    monkeypatch.setattr(semantic, "_SEEN_LIMIT", 2)
    first = semantic.embed(["the labels arrive late"])
    both = semantic.embed(["the labels arrive late", "precompute the features", "cache the scores"])
    assert both.shape == (3, semantic.DIMENSIONS)
    assert (both[0] == first[0]).all()
    assert len(semantic._SEEN) <= 3
