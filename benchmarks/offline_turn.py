"""Offline engine latency: one candidate turn (analyse + choose + phrase) and one verdict.

    python benchmarks/offline_turn.py [--repeat N]

Prints p50 and p95 in milliseconds. The goal is a turn under 20 ms; this script measures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import glob
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from agent.brain import TurnContext  # noqa: E402
from agent.models import Transcript  # noqa: E402
from agent.offline.brain import OfflineBrain  # noqa: E402
from agent.persona import load_persona  # noqa: E402
from agent.policy import InterviewProgress, allowed_moves  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    transcripts = [Transcript.model_validate(json.loads(Path(p).read_text()))
                   for p in sorted(glob.glob(str(ROOT / "evals/datasets/dev/*.json")))]
    brain = OfflineBrain()
    persona = load_persona("google")
    question = persona.questions[0]
    turn_ms, verdict_ms = [], []
    for _ in range(args.repeat):
        for t in transcripts:
            for i, _turn in t.candidate_turns():
                progress = InterviewProgress(question_index=0, question_count=3, turn_count=i + 1)
                ctx = TurnContext(persona=persona, question=question, progress=progress,
                                  question_turns=list(enumerate(t.turns[: i + 1])), summary="",
                                  allowed=allowed_moves(persona, progress))
                start = time.perf_counter()
                brain.respond(ctx)
                turn_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            brain.judge(t)
            verdict_ms.append((time.perf_counter() - start) * 1000)
    for name, values in (("offline turn", turn_ms), ("offline verdict", verdict_ms)):
        print(f"{name:<16} n={len(values):<5} p50={statistics.median(values):6.2f} ms  "
              f"p95={percentile(values, 0.95):6.2f} ms  max={max(values):6.2f} ms")


if __name__ == "__main__":
    main()
