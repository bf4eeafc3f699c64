"""Tokens, cost and latency of an LLM judge, per transcript and in total.

An LLM verdict carries the usage of the call behind it in `verdict.usage` (agent.llm.usage.Usage.record:
`total_tokens`, `cost_usd`, None when a price is unknown), so usage stays with its transcript under concurrency.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean, quantiles

from agent.models import Verdict
from evals.judged import Judged


def usage_for(verdict: Verdict) -> dict:
    """`{"tokens", "cost"}` of the call behind a verdict (cost None if its price is unknown); empty offline."""
    if not verdict.usage:
        return {}
    return {"tokens": verdict.usage.get("total_tokens", 0), "cost": verdict.usage.get("cost_usd")}


def _totals(judged: Sequence[Judged]) -> dict:
    known = [j.usage for j in judged if j.usage]
    costs = [u["cost"] for u in known]
    return {"tokens": sum(u["tokens"] for u in known), "cost": None if None in costs else sum(costs)}


def _latency(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"mean": values[0], "p50": values[0], "p95": values[0]}
    cuts = quantiles(values, n=100, method="inclusive")
    return {"mean": fmean(values), "p50": cuts[49], "p95": cuts[94]}


def summarise(judged: Sequence[Judged]) -> dict:
    """Totals and per-transcript means over the transcripts with known usage; `spent_this_run` counts only the
    verdicts not served from the cache. Latency is that of the original call, cached or not."""
    total = _totals(judged)
    known = sum(1 for j in judged if j.usage)
    latencies = [j.latency_s for j in judged if j.latency_s is not None]
    return {
        **total,
        "with_usage": known,
        "tokens_per_transcript": total["tokens"] / known if known else None,
        "cost_per_transcript": total["cost"] / known if known and total["cost"] is not None else None,
        "latency_s": _latency(latencies) if latencies else None,
        "spent_this_run": _totals([j for j in judged if not j.cached]),
        "from_cache": sum(j.cached for j in judged),
    }
