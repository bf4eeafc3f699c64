"""A STAND-IN for an LLM judge, for tests and benchmarks of the eval runner. Never a real judge.

It has the LLM brain's judging surface (`name`, `info`, `judge`, a verdict with `usage`) and returns the
offline engine's verdict, signed with its own name, after a fixed sleep that plays the model's latency, with
made-up token usage. So concurrency, caching and usage reporting run without a provider.
"""

from __future__ import annotations

import threading
import time

from agent.models import Transcript, Verdict
from agent.offline.judge import judge_transcript


class SlowStandInBrain:
    name = "stand-in"

    def __init__(self, latency_s: float = 0.2, model: str = "stand-in/slow") -> None:
        self.latency_s = latency_s
        self.info = {"model": model, "prompt_versions": {"judge": "stand-in-1"}}
        self.calls = 0
        self._lock = threading.Lock()

    def judge(self, transcript: Transcript) -> Verdict:
        time.sleep(self.latency_s)
        prompt = sum(len(t.text) for t in transcript.turns) // 4
        with self._lock:
            self.calls += 1
        usage = {"kind": "verdict", "model": self.info["model"], "total_tokens": prompt + 400,
                 "cost_usd": (prompt + 4 * 400) * 1e-7}
        return judge_transcript(transcript).model_copy(update={"judge": self.name, "usage": usage})
