"""Serial vs concurrent wall time of an LLM-judge eval, and the cache hits of a re-run.

The LLM judge is a STAND-IN (`evals.stand_in.SlowStandInBrain`): the offline verdict after a fixed sleep that
plays the model's latency. Run: `python benchmarks/eval_concurrency.py [--latency 0.2] [--concurrency 8]`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from evals.cache import VerdictCache
from evals.dataset import load_dataset
from evals.runner import run_judge
from evals.stand_in import SlowStandInBrain

DATASET = Path(__file__).resolve().parents[1] / "evals" / "datasets" / "test"


def _timed(transcripts: list, brain: SlowStandInBrain, cache: VerdictCache, concurrency: int) -> float:
    start = time.perf_counter()
    run_judge(transcripts, brain, cache=cache, concurrency=concurrency)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2, help="stand-in model latency in seconds")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--dataset", type=Path, default=DATASET)
    args = parser.parse_args()
    transcripts = load_dataset(args.dataset).transcripts
    with tempfile.TemporaryDirectory() as tmp:
        serial = _timed(transcripts, SlowStandInBrain(args.latency), VerdictCache(Path(tmp, "serial")), 1)
        brain = SlowStandInBrain(args.latency)
        cache = VerdictCache(Path(tmp, "concurrent"))
        concurrent = _timed(transcripts, brain, cache, args.concurrency)
        calls = brain.calls
        rerun = run_judge(transcripts, brain, cache=cache, concurrency=args.concurrency, offline=True)
    print(f"{len(transcripts)} transcripts, stand-in latency {args.latency:g} s")
    print(f"serial (concurrency 1):       {serial:6.2f} s")
    print(f"concurrent (concurrency {args.concurrency}):  {concurrent:6.2f} s")
    print(f"ratio concurrent/serial:      {concurrent / serial:6.3f} (target <= 0.200)")
    print(f"second run: {sum(j.cached for j in rerun)}/{len(rerun)} from cache, "
          f"{brain.calls - calls} judge calls")


if __name__ == "__main__":
    main()
