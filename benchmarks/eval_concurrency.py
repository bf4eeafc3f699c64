"""Serial vs concurrent wall time of an LLM-judge eval, and the cache hits of a re-run.

    python benchmarks/eval_concurrency.py [--latency 0.2] [--concurrency 8] [--real-client]

By default the LLM judge is a STAND-IN (`evals.stand_in.SlowStandInBrain`): the offline verdict after a fixed
sleep that plays the model's latency. With `--real-client` the judge is the real LLM brain
(`openai/gpt-4o-mini`: litellm, the OpenAI SDK, real HTTP requests) and the model is a STAND-IN server for the
OpenAI API on 127.0.0.1 (`tests/evals/eval_helpers.ReplayServer`) that answers every request with the verdict
of the hand-made cassette `tests/cassettes/openai_verdict_injection.yaml` after the same fixed sleep; no key
and no network are used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from agent.models import Transcript
from evals.cache import VerdictCache
from evals.dataset import load_dataset
from evals.runner import Judge, run_judge
from evals.stand_in import SlowStandInBrain

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "evals" / "datasets" / "test"
MODEL = "openai/gpt-4o-mini"


def _timed(transcripts: Sequence[Transcript], brain: Judge, cache: VerdictCache, concurrency: int) -> float:
    start = time.perf_counter()
    run_judge(transcripts, brain, cache=cache, concurrency=concurrency)
    return time.perf_counter() - start


def _report(transcripts: Sequence[Transcript], judge: str, latency: float, concurrency: int, serial: float,
            concurrent: float, rerun_cached: int, rerun_calls: int, calls: str) -> None:
    print(f"{len(transcripts)} transcripts, {judge}, model latency {latency:g} s")
    print(f"serial (concurrency 1):       {serial:6.2f} s")
    print(f"concurrent (concurrency {concurrency}):  {concurrent:6.2f} s")
    print(f"ratio concurrent/serial:      {concurrent / serial:6.3f} (target <= 0.200)")
    print(f"second run: {rerun_cached}/{len(transcripts)} from cache, {rerun_calls} {calls}")


def stand_in(transcripts: Sequence[Transcript], latency: float, concurrency: int, tmp: Path) -> None:
    serial = _timed(transcripts, SlowStandInBrain(latency), VerdictCache(tmp / "serial"), 1)
    brain = SlowStandInBrain(latency)
    cache = VerdictCache(tmp / "concurrent")
    concurrent = _timed(transcripts, brain, cache, concurrency)
    calls = brain.calls
    rerun = run_judge(transcripts, brain, cache=cache, concurrency=concurrency, offline=True)
    _report(transcripts, "stand-in judge", latency, concurrency, serial, concurrent,
            sum(j.cached for j in rerun), brain.calls - calls, "judge calls")


def real_client(transcripts: Sequence[Transcript], latency: float, concurrency: int, tmp: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "evals"))
    from eval_helpers import ReplayServer

    from agent.brains import resolve_brain

    with ReplayServer(latency_s=latency, workers=2 * concurrency) as server:
        os.environ.update(INTERVIEWER_API_BASE=server.api_base, OPENAI_API_KEY="sk-benchmark-not-a-real-key",
                          INTERVIEWER_MAX_ATTEMPTS="1")
        # litellm's import (seconds) and the first request's set-up are paid before anything is timed.
        resolve_brain(MODEL).judge(transcripts[0])
        server.reset()
        serial = _timed(transcripts, resolve_brain(MODEL), VerdictCache(tmp / "serial"), 1)
        serial_requests = len(server.requests)
        server.reset()
        brain = resolve_brain(MODEL)
        cache = VerdictCache(tmp / "concurrent")
        concurrent = _timed(transcripts, brain, cache, concurrency)
        requests, in_flight = len(server.requests), server.max_in_flight
        rerun = run_judge(transcripts, brain, cache=cache, concurrency=concurrency)  # the cache alone, no --offline
        rerun_requests = len(server.requests) - requests
    fallbacks = sum(j.fallback for j in rerun)
    _report(transcripts, f"real LLM judge ({MODEL} via litellm, stand-in OpenAI server)", latency, concurrency,
            serial, concurrent, sum(j.cached for j in rerun), rerun_requests, "HTTP requests")
    print(f"HTTP requests: {serial_requests} serial, {requests} concurrent (at most {in_flight} in flight); "
          f"{fallbacks} fallback verdicts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2, help="model latency in seconds (default 0.2)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--real-client", action="store_true",
                        help="judge with the real LLM brain against a local stand-in OpenAI server")
    args = parser.parse_args()
    transcripts = load_dataset(args.dataset).transcripts
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_HOME"] = str(Path(tmp, "home"))  # no user settings, no user data touched
        run = real_client if args.real_client else stand_in
        run(transcripts, args.latency, args.concurrency, Path(tmp))


if __name__ == "__main__":
    main()
