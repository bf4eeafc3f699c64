"""Building an LLM brain from a model choice: every configuration problem becomes one clear line.

This is where litellm is first imported.
"""

from __future__ import annotations

import difflib

from agent.config import Settings
from agent.errors import UserError
from agent.llm import runtime
from agent.llm.brain import LLMBrain
from agent.llm.client import LOCAL_PROVIDERS, LLMClient, is_loopback, output_mode
from agent.llm.retry import RetryPolicy
from agent.llm.selection import ModelChoice

# Hosted providers whose model names litellm's map lists; a name it lacks there is a typo or an unknown model.
MAPPED_PROVIDERS = frozenset({"openai", "anthropic"})
# Sent when an OpenAI-compatible server (INTERVIEWER_API_BASE) gets no key: the SDK insists on one.
NO_KEY = "none"


def build_brain(choice: ModelChoice, settings: Settings) -> LLMBrain:
    lit = runtime.litellm()
    try:
        name, provider, _, _ = lit.get_llm_provider(choice.model, api_base=choice.api_base)
    except Exception:
        raise UserError(f"unknown model {choice.model!r} (from {choice.source}): litellm cannot tell its provider; "
                        "use provider/model, "
                        "e.g. openai/gpt-4o-mini, anthropic/claude-haiku-4-5 or ollama_chat/qwen2.5") from None
    if provider in MAPPED_PROVIDERS and not choice.api_base and f"{provider}/{name}" not in lit.model_cost \
            and name not in lit.model_cost:
        close = difflib.get_close_matches(name, lit.models_by_provider.get(provider, []), n=3)
        hint = f"; did you mean {', '.join(f'{provider}/{c}' for c in close)}?" if close else ""
        raise UserError(f"litellm does not know the model {choice.model!r} (from {choice.source}){hint}")
    local = provider in LOCAL_PROVIDERS
    missing = [var for var in lit.validate_environment(model=choice.model)["missing_keys"]
               if not (var.endswith("_API_BASE") and (choice.api_base or local))]
    api_key = None
    if missing and choice.api_base and all(var.endswith("_API_KEY") for var in missing):
        api_key = NO_KEY  # a local OpenAI-compatible server usually needs none
    elif missing:
        raise UserError(f"the model {choice.model} (from {choice.source}) needs {' and '.join(missing)} in the "
                        "environment; "
                        "set it, choose another --model, or use --model offline")
    if local:
        # Priced at zero in litellm's map, so that it never asks the server for model info (POST /api/show).
        lit.register_model({choice.model: {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0,
                                           "litellm_provider": provider, "mode": "chat"}})
    api_base = choice.api_base or (settings.ollama_url if local else None)
    on_this_machine = local or is_loopback(api_base)
    client = LLMClient(choice.model, provider, api_base=api_base, api_key=api_key,
                       timeout=settings.local_timeout if on_this_machine else settings.timeout,
                       retry=RetryPolicy.from_settings(settings, local=on_this_machine),
                       mode=settings.output_mode or output_mode(name, provider, api_base))
    return LLMBrain(client, source=choice.source)
