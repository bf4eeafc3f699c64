"""Tokens, cost and latency of an LLM judge, per transcript and in total.

An LLM brain appends one usage record per verdict to `brain.verdict_usage` (agent.llm.usage.Usage.record:
`total_tokens`, `cost_usd`, None when a price is unknown). Under concurrency the records interleave, so a record
is matched to its transcript by a `transcript_id` key; without one, the transcript's usage is unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean, quantiles

from evals.judged import Judged


def usage_for(brain: object, transcript_id: str) -> dict:
    """`{"tokens", "cost"}` summed over the brain's verdict records for this transcript (cost None if any price
    was unknown); empty when the brain keeps no such records."""
    records = [r for r in getattr(brain, "verdict_usage", []) if r.get("transcript_id") == transcript_id]
    if not records:
        return {}
    costs = [r.get("cost_usd") for r in records]
    return {"tokens": sum(r.get("total_tokens", 0) for r in records),
            "cost": None if None in costs else sum(costs)}


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
