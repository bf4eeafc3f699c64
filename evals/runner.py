"""Judging a dataset: cache look-ups first, then the misses on a thread pool.

The runner takes any object with `.judge(transcript) -> Verdict`; this is the hook tests and benchmarks use to
put a stand-in LLM judge in place of a real one (`evals.stand_in.SlowStandInBrain`). Rate limits are the LLM
client's business (its retry policy); the pool only bounds how many calls are in flight.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Protocol

from agent.errors import UserError
from agent.models import Transcript, Verdict
from evals.cache import Entry, VerdictCache, cache_key
from evals.judged import Judged
from evals.progress import Progress
from evals.usage import usage_for


class Judge(Protocol):
    def judge(self, transcript: Transcript) -> Verdict: ...


def is_provider(brain: object) -> bool:
    """Whether verdicts cost calls to a model provider. The embedded offline engine is deterministic, free and
    fast: it is never cached, and `--offline` never stops it."""
    return getattr(brain, "name", None) != "offline"


def _call(brain: Judge, transcript: Transcript) -> Entry:
    start = time.perf_counter()
    verdict = brain.judge(transcript)
    return Entry(verdict, usage_for(verdict), time.perf_counter() - start)


def _is_fallback(brain: Judge, verdict: Verdict) -> bool:
    """An LLM brain that fails after its retries answers with the offline engine's verdict, signed otherwise.
    Such a verdict says nothing about the model and must not be cached as if it did."""
    return verdict.judge != getattr(brain, "name", verdict.judge)


def run_judge(
    transcripts: Sequence[Transcript],
    brain: Judge,
    *,
    cache: VerdictCache | None = None,
    concurrency: int = 1,
    offline: bool = False,
    progress: Progress | None = None,
) -> list[Judged]:
    """One `Judged` per transcript, in input order.

    With `offline`, a cache miss is an error raised before any call is made. Fallback verdicts are kept in the
    results but not cached, so a re-run asks the model again. On a failure the queued calls are cancelled, the
    calls in flight finish and are cached (they are paid for), and the first error is raised; a re-run resumes
    where this one stopped.
    """
    keys = {t.id: cache_key(t, brain) for t in transcripts} if cache is not None else {}
    done: dict[str, Judged] = {}
    for t in transcripts:
        entry = cache.get(keys[t.id]) if cache is not None else None
        if entry is not None:
            done[t.id] = Judged(t, entry.verdict, entry.usage, entry.latency_s, cached=True)
            if progress:
                progress.advance(cached=True)
    missing = [t for t in transcripts if t.id not in done]
    if offline and cache is not None and missing:
        ids = ", ".join(t.id for t in missing[:3]) + (", ..." if len(missing) > 3 else "")
        raise UserError(f"--offline: {len(missing)} of {len(transcripts)} transcripts are not in the cache "
                        f"({ids}); run once without --offline to fill it")
    pool = ThreadPoolExecutor(max_workers=concurrency)
    errors: list[Exception] = []
    try:
        futures = {pool.submit(_call, brain, t): t for t in missing}
        for future in as_completed(futures):
            if future.cancelled():
                continue
            t = futures[future]
            try:
                entry = future.result()
            except Exception as exc:  # re-raised below, once the calls in flight are kept
                errors.append(exc)
                for queued in futures:
                    queued.cancel()
                continue
            fallback = _is_fallback(brain, entry.verdict)
            if cache is not None and not fallback:
                cache.put(keys[t.id], entry)
            done[t.id] = Judged(t, entry.verdict, entry.usage, entry.latency_s, fallback=fallback)
            if progress:
                progress.advance()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if errors:
        raise errors[0]
    return [done[t.id] for t in transcripts]
