"""Which model to use, if any: the flag, then INTERVIEWER_MODEL / the config file, then what the machine offers.

Pure Python and the standard library only: deciding that no model is available must cost no litellm import.
"""

from __future__ import annotations

import json
import os
import urllib.request
from dataclasses import dataclass

from agent.config import Settings, config_path, load_settings

OFFLINE = "offline"
# With a key but no model named, a cheap, fast model of that provider that supports structured output.
DEFAULT_MODELS = (
    ("OPENAI_API_KEY", "openai/gpt-4o-mini"),
    ("ANTHROPIC_API_KEY", "anthropic/claude-haiku-4-5"),
)


@dataclass(frozen=True)
class ModelChoice:
    model: str
    api_base: str | None
    source: str  # shown to the user: why this model was picked


def choose_model(explicit: str | None, settings: Settings | None = None) -> ModelChoice | None:
    """The model to run, or None for the offline engine."""
    settings = settings or load_settings()
    if explicit:
        named, source = explicit.strip(), "--model"
    elif settings.model:
        source = "INTERVIEWER_MODEL" if os.environ.get("INTERVIEWER_MODEL") else f"model in {config_path()}"
        named = settings.model.strip()
    else:
        return _detect(settings)
    if named.lower() == OFFLINE:
        return None
    return ModelChoice(named, settings.api_base, source)


def _detect(settings: Settings) -> ModelChoice | None:
    for key, model in DEFAULT_MODELS:
        if os.environ.get(key):
            return ModelChoice(model, settings.api_base, f"{key} is set")
    name = first_ollama_chat_model(settings.ollama_url, settings.ollama_probe_timeout)
    if name:
        return ModelChoice(f"ollama_chat/{name}", settings.ollama_url, f"Ollama running at {settings.ollama_url}")
    return None


def first_ollama_chat_model(url: str, timeout: float) -> str | None:
    """The first chat model a reachable Ollama lists (GET /api/tags), skipping embedding models; None if none."""
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/api/tags", timeout=timeout) as resp:
            data = json.loads(resp.read().decode("utf-8"))
    except Exception:  # unreachable, refused, blocked, not Ollama: all mean "no local model"
        return None
    models = data.get("models") if isinstance(data, dict) else None
    for entry in models if isinstance(models, list) else []:
        if not isinstance(entry, dict):
            continue
        name = entry.get("name") or entry.get("model")
        family = str((entry.get("details") or {}).get("family", ""))
        if isinstance(name, str) and "embed" not in name.lower() and not family.endswith("bert"):
            return name
    return None
