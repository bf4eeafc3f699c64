"""Offline engine latency on 30-turn interviews: one candidate turn (analyse + choose + phrase) and the verdict.

    python benchmarks/offline_turn.py [--repeat N]

The interviews are 30-turn transcripts stitched from the dev split's own turns (as in judge_scaling.py). Each is
played as the app plays it: every candidate turn goes through the brain as it arrives, then the verdict is judged.
Two verdict figures are printed:

- *verdict at the end of an interview*: the answers were read as they arrived, so the judge reuses those readings
  (what a user waits for when an interview ends);
- *verdict of a recorded transcript, cold*: nothing read before (what `interviewer eval` pays per transcript).

Prints p50 and p95 in milliseconds. The goal is a turn and an end-of-interview verdict under 20 ms; this script
measures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from judge_scaling import percentile, thirty_turn_transcripts  # noqa: E402

from agent.brain import TurnContext  # noqa: E402
from agent.models import Transcript  # noqa: E402
from agent.offline import detector  # noqa: E402
from agent.offline.brain import OfflineBrain  # noqa: E402
from agent.persona import load_persona  # noqa: E402
from agent.policy import InterviewProgress, allowed_moves  # noqa: E402


def play(brain: OfflineBrain, transcript: Transcript, turn_ms: list[float]) -> None:
    """Every candidate turn through the brain, as the graph does when the answer arrives."""
    persona = load_persona(transcript.persona)
    question = persona.questions[0]
    for i, _turn in transcript.candidate_turns():
        progress = InterviewProgress(question_index=0, question_count=3, turn_count=i + 1)
        ctx = TurnContext(persona=persona, question=question, progress=progress,
                          question_turns=list(enumerate(transcript.turns[: i + 1])), summary="",
                          allowed=allowed_moves(persona, progress))
        start = time.perf_counter()
        brain.respond(ctx)
        turn_ms.append((time.perf_counter() - start) * 1000)


def timed_verdict(brain: OfflineBrain, transcript: Transcript) -> float:
    start = time.perf_counter()
    brain.judge(transcript)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    transcripts = thirty_turn_transcripts()
    brain = OfflineBrain()
    brain.judge(transcripts[0])  # load the embeddings and word lists once, as a running app has
    turn_ms, end_ms, cold_ms = [], [], []
    for _ in range(args.repeat):
        for t in transcripts:
            detector.clear_cache()
            cold_ms.append(timed_verdict(brain, t))
            detector.clear_cache()
            play(brain, t, turn_ms)
            end_ms.append(timed_verdict(brain, t))
    rows = (("offline turn", turn_ms), ("verdict at the end of an interview", end_ms),
            ("verdict of a recorded transcript, cold", cold_ms))
    for name, values in rows:
        print(f"{name:<40} n={len(values):<5} p50={statistics.median(values):7.2f} ms  "
              f"p95={percentile(values, 0.95):7.2f} ms")


if __name__ == "__main__":
    main()
