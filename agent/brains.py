"""Choosing the brain: an explicit model string, else the environment or config file, else what the machine
offers (an OpenAI or Anthropic key, a local Ollama), else the embedded offline engine.

Importing this module is cheap: litellm is imported only when an LLM brain is actually built.
"""

from __future__ import annotations

import threading

from agent.brain import Brain


def resolve_brain(model: str | None = None) -> Brain:
    """The brain for `model` (a litellm model string, or "offline"); with none, the best one available.

    Raises UserError, one line, for an unknown model or a missing key.
    """
    from agent.config import load_settings
    from agent.llm.selection import choose_model

    settings = load_settings()
    choice = choose_model(model, settings)
    if choice is None:
        from agent.offline.brain import OfflineBrain

        return OfflineBrain()
    from agent.llm.build import build_brain

    return build_brain(choice, settings)


def describe_brain(brain: Brain) -> str:
    """What to tell the person about the brain in use, and why it was chosen."""
    info = getattr(brain, "info", {})
    if not info.get("model"):
        return "the embedded offline engine"
    return f"{info['model']} via litellm ({info['selected_by']})"


def warm_up() -> threading.Thread:
    """Import litellm in the background if a model will be used (the TUI calls this while a persona is chosen)."""
    from agent.llm.runtime import warm_up as start

    return start()
