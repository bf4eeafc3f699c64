"""Offline judge time: a 30-turn transcript, and one answer growing to 1 MB (is judging linear in its length?).

    python benchmarks/judge_scaling.py [--repeat N] [--max-kb 1024]

Prints p50 and p95 of the cold verdict (nothing read before) on 30-turn transcripts (15 candidate answers,
built from the dev split's own answers), then the time to judge a transcript whose one answer is 1 KB, 4 KB, ...
up to --max-kb, with the time per KB: a flat ms/KB column means linear. It measures; it asserts nothing.
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

from agent.models import Transcript, Turn  # noqa: E402
from agent.offline import detector  # noqa: E402
from agent.offline.judge import judge_transcript  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def thirty_turn_transcripts() -> list[Transcript]:
    """Consecutive dev transcripts stitched into 30-turn interviews of three questions."""
    turns: list[Turn] = []
    for path in sorted(glob.glob(str(ROOT / "evals/datasets/dev/*.json"))):
        t = Transcript.model_validate(json.loads(Path(path).read_text()))
        turns += [turn for turn in t.turns if turn.kind != "closing"]
    out = []
    for start in range(0, len(turns) - 30, 30):
        chunk = turns[start:start + 30]
        while chunk and chunk[0].role != "interviewer":
            chunk = chunk[1:]
        chunk = [chunk[0].model_copy(update={"kind": "question", "constraint_kind": None}), *chunk[1:]]
        out.append(Transcript(id=f"bench-{start}", persona="google", turns=chunk))
    return out


def one_long_answer(kb: int) -> Transcript:
    sentence = ("Before I pick anything, who acts on this prediction, and how late do the chargebacks arrive? "
                "I'd start with gradient-boosted trees on 90 days of matured labels and accept a slightly stale "
                "model, because a miss costs the chargeback plus the fee. ")
    text = (sentence * (kb * 1024 // len(sentence) + 1))[: kb * 1024]
    return Transcript(id=f"long-{kb}", persona="stripe", turns=[
        Turn(role="interviewer", kind="question", text="How would you catch fraudulent card payments?"),
        Turn(role="candidate", text=text),
        Turn(role="interviewer", kind="closing", text="Thanks."),
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-kb", type=int, default=1024)
    args = parser.parse_args()
    transcripts = thirty_turn_transcripts()
    judge_transcript(transcripts[0])  # load the embeddings and word lists once, as a running app has
    times = []
    for _ in range(args.repeat):
        for t in transcripts:
            detector.clear_cache()  # cold: nothing read before, as for a recorded transcript
            start = time.perf_counter()
            judge_transcript(t)
            times.append((time.perf_counter() - start) * 1000)
    print(f"verdict, 30-turn transcripts, cold  n={len(times)}  p50={statistics.median(times):7.2f} ms  "
          f"p95={percentile(times, 0.95):7.2f} ms")
    kb = 1
    while kb <= args.max_kb:
        t = one_long_answer(kb)
        detector.clear_cache()
        start = time.perf_counter()
        judge_transcript(t)
        ms = (time.perf_counter() - start) * 1000
        print(f"one answer of {kb:5d} KB  {ms:10.1f} ms  {ms / kb:7.2f} ms/KB")
        kb *= 4


if __name__ == "__main__":
    main()
