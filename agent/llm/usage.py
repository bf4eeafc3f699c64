"""Tokens and cost: counted per model call, summed per turn and per interview, shown at the end."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Usage:
    """What one turn (or one verdict) cost. `cost_usd` is None once any call's price was unknown."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0

    def add(self, prompt_tokens: int, completion_tokens: int, cost_usd: float | None) -> None:
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
        self.cost_usd = None if cost_usd is None or self.cost_usd is None else self.cost_usd + cost_usd

    def record(self, kind: str, model: str, **extra: object) -> dict:
        """The JSON-simple record stored in BrainTurn.usage and the transcript metadata."""
        return {"kind": kind, "model": model, "requests": self.requests, "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens,
                "cost_usd": None if self.cost_usd is None else round(self.cost_usd, 6), **extra}


def summarize(records: list[dict]) -> dict:
    """Totals over usage records (turns and the verdict)."""
    costs = [r.get("cost_usd") for r in records]
    models = sorted({r["model"] for r in records if r.get("model")})
    return {
        "models": models,
        "requests": sum(r.get("requests", 0) for r in records),
        "prompt_tokens": sum(r.get("prompt_tokens", 0) for r in records),
        "completion_tokens": sum(r.get("completion_tokens", 0) for r in records),
        "total_tokens": sum(r.get("total_tokens", 0) for r in records),
        "cost_usd": None if any(c is None for c in costs) else round(sum(costs), 6),
    }


def describe(summary: dict) -> str:
    """One line for the end of an interview."""
    cost = "cost unknown" if summary["cost_usd"] is None else f"${summary['cost_usd']:.4f}"
    return (f"Model usage ({', '.join(summary['models'])}): {summary['requests']} requests, "
            f"{summary['prompt_tokens']:,} prompt + {summary['completion_tokens']:,} completion tokens, {cost}")
