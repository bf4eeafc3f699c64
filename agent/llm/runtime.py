"""The one place litellm is imported: lazily, configured for a private, offline-friendly client.

`import litellm` takes seconds and ~200 MB, so nothing imports it until an LLM brain is built; `warm_up()`
does it in a background thread while a person is still choosing a persona.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from types import ModuleType

_lock = threading.Lock()
_module: ModuleType | None = None


def litellm() -> ModuleType:
    """The configured litellm module, imported on first use (thread-safe)."""
    global _module
    with _lock:
        if _module is None:
            # Never fetch the cost map, beta-header table or tokenizers from the network at import or call time.
            os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
            os.environ.setdefault("LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True")
            os.environ.setdefault("LITELLM_OFFLINE_MODE", "true")
            import litellm as module

            module.suppress_debug_info = True  # no "Give Feedback / Get Help" banners on the user's terminal
            module.turn_off_message_logging = True  # prompts and answers stay out of litellm's logging payloads
            for name in ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy"):
                logging.getLogger(name).setLevel(logging.ERROR)
            # litellm's import leaves ~200 MB of long-lived objects; a full collection walking them stalls every
            # thread (the UI's included) for ~0.2 s. They live as long as the process: take them out of the GC.
            gc.freeze()
            _module = module
        return _module



def warm_up() -> threading.Thread:
    """Start importing litellm in a daemon thread, if the settings point at a model (else the thread just ends).

    Choosing the model may probe a local Ollama (~300 ms at worst), which is why that too runs in the thread.
    """

    def work() -> None:
        from agent.llm.selection import choose_model

        try:
            if choose_model(None) is not None:
                litellm()
        except Exception:  # a warm-up is only an optimisation: building the brain reports errors properly
            return

    thread = threading.Thread(target=work, name="litellm-warm-up", daemon=True)
    thread.start()
    return thread
