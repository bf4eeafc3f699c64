"""Tokens and cost: counted per model call, summed per turn and per interview, shown at the end."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Usage:
    """What one turn (or one verdict) cost.

    The cost is known only when some reply was priced and none was unpriced: calls that all failed, or a model
    missing from the price map, make it None (unknown), never 0. (A failed request that was retried is taken
    as unbilled, as providers do for errors.) Token counts are the server's own unless a
    reply came without them; then they were counted here, and `estimated` says so.
    """

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float = 0.0
    priced: int = 0  # replies whose price is known
    unpriced: bool = False
    estimated: bool = False

    def add(self, prompt_tokens: int, completion_tokens: int, cost_usd: float | None, *,
            estimated: bool = False) -> None:
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
        self.estimated = self.estimated or estimated
        if cost_usd is None:
            self.unpriced = True
        else:
            self.priced += 1
            self.cost += cost_usd

    @property
    def cost_usd(self) -> float | None:
        known = self.priced > 0 and not self.unpriced
        return round(self.cost, 6) if known else None

    def record(self, kind: str, model: str, **extra: object) -> dict:
        """The JSON-simple record stored in BrainTurn.usage and the transcript metadata."""
        return {"kind": kind, "model": model, "requests": self.requests, "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens,
                "tokens": "estimated" if self.estimated else "server", "cost_usd": self.cost_usd, **extra}


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
        "tokens": "estimated" if any(r.get("tokens") == "estimated" for r in records) else "server",
    }


def describe(summary: dict) -> str:
    """One line for the end of an interview."""
    cost = "cost unknown" if summary["cost_usd"] is None else f"${summary['cost_usd']:.4f}"
    return (f"Model usage ({', '.join(summary['models'])}): {summary['requests']} requests, "
            f"{summary['prompt_tokens']:,} prompt + {summary['completion_tokens']:,} completion tokens"
            f"{' (estimated)' if summary.get('tokens') == 'estimated' else ''}, {cost}")
