"""The LLM brain's own overhead per turn, beyond the model call, and how its prompt grows over an interview.

    python benchmarks/llm_overhead.py [--interviews N]

A zero-latency stand-in model answers every turn instantly (a stub completion function streaming canned
chunks; then litellm itself with `mock_response`), so what is timed is the agent: rendering the prompt,
parsing the streamed JSON, validating and verifying the reply, counting usage. Goal: p95 <= 5 ms per turn.
Prompt size is counted with the gpt-4o-mini tokenizer at the 2nd and the 20th candidate turn.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PERSONA, QUESTIONS, TURNS = "google", 5, 20
GOAL_P95_MS = 5.0
_MOVE = re.compile(r"^- ([a-z_]+(?::[a-z_]+)?):", re.MULTILINE)
_ANSWER = ("I'd start by asking who uses the prediction and what decision it drives, then build a simple "
           "baseline on the features we already log, because a baseline tells us whether the problem is learnable "
           "at all. I'd check how the labels are produced and whether they drift, and I'd trade a little accuracy "
           "for latency if serving is tight. Answer {n}.")


def _reply(request: dict, answer: str, n: int) -> str:
    """What an obliging model would return: the first follow-up the policy allows (else move on), one finding."""
    user = request["messages"][1]["content"]
    moves = _MOVE.findall(user.split("Allowed moves")[1])
    move = next((m for m in moves if m.split(":")[0] in ("probe", "constraint")),
                next(m for m in moves if m in ("next_question", "wrap_up")))
    return json.dumps({"move": move, "say": f"Line {n}: tell me more about the part where you said that.",
                       "findings": [{"signal": "frames_problem", "quote": answer[:60], "strength": 0.8,
                                     "why": "asked about the decision first"}],
                       "asked_clarifying_question": False, "said_dont_know": False, "wants_to_end": False,
                       "instructions_to_evaluator": []})


def _stream(text: str) -> Iterator[SimpleNamespace]:
    for i in range(0, len(text), 4):  # a chunk per ~token, as providers stream
        yield SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content=text[i:i + 4]),
                                                       finish_reason=None)], usage=None)
    yield SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content=None), finish_reason="stop")],
                          usage=None)
    yield SimpleNamespace(choices=[], usage=SimpleNamespace(prompt_tokens=2000, completion_tokens=len(text) // 4))


class Model:
    """A zero-latency model: `stub` streams canned chunks itself; `litellm` runs litellm with mock_response."""

    def __init__(self, kind: str):
        self.kind = kind
        self.answer = ""
        self.turn = 0
        self.requests: list[dict] = []

    def __call__(self, **kwargs: object) -> object:
        self.requests.append(kwargs)
        text = _reply(kwargs, self.answer, self.turn)
        if self.kind == "stub":
            return _stream(text)
        from agent.llm import runtime

        return runtime.litellm().completion(**kwargs, mock_response=text)


def _timed_brain(model: Model) -> tuple[object, list[float], list[float]]:
    from agent.llm.brain import LLMBrain
    from agent.llm.client import LLMClient
    from agent.llm.retry import RetryPolicy

    client = LLMClient("openai/gpt-4o-mini", "openai", api_base=None, timeout=5, retry=RetryPolicy(1, 0, 0),
                       mode="json_schema", completion=model)
    brain = LLMBrain(client, source="benchmark")
    times: list[float] = []
    first_words: list[float] = []
    respond: Callable = brain.respond

    def timed(ctx: object, on_text: Callable[[str], None]) -> object:
        started = time.perf_counter()

        def first(delta: str) -> None:
            if len(first_words) < len(times) + 1:
                first_words.append((time.perf_counter() - started) * 1000)
            on_text(delta)

        out = respond(ctx, first)
        times.append((time.perf_counter() - started) * 1000)
        return out

    brain.respond = timed
    return brain, times, first_words


def run(kind: str, interviews: int) -> dict[str, list]:
    from agent.session import Interview

    out: dict[str, list] = {"brain": [], "first_words": [], "turn": [], "prompts": []}
    for i in range(interviews):
        model = Model(kind)
        brain, times, first_words = _timed_brain(model)
        interview = Interview.start(PERSONA, questions=QUESTIONS, brain=brain, seed=f"bench-{i}")
        for n in range(1, TURNS + 1):
            model.answer, model.turn = _ANSWER.format(n=n), n
            started = time.perf_counter()
            interview.answer(model.answer, on_delta=lambda _: None)
            out["turn"].append((time.perf_counter() - started) * 1000)
        interview.close()
        out["brain"] += times[1:]  # the first turn of each interview warms caches
        out["first_words"] += first_words[1:]
        out["prompts"].append([r["messages"] for r in model.requests])
    return out


def _pct(values: list[float]) -> str:
    q = statistics.quantiles(values, n=100)
    return f"p50 {statistics.median(values):6.2f} ms   p95 {q[94]:6.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=5, help=f"interviews of {TURNS} turns each (default 5)")
    args = parser.parse_args()
    os.environ["INTERVIEWER_HOME"] = tempfile.mkdtemp(prefix="interviewer-bench-")
    from agent.llm import runtime

    lit = runtime.litellm()  # imported before timing: its import is a one-off, not per-turn overhead
    stub = run("stub", args.interviews)
    mocked = run("litellm", max(1, args.interviews // 2))
    p95 = statistics.quantiles(stub["brain"], n=100)[94]
    print(f"LLM brain overhead per turn, zero-latency model ({len(stub['brain'])} turns; persona {PERSONA}, "
          f"{TURNS} turns per interview):")
    print(f"  agent only (prompt, streamed-JSON parse, validation, usage)  {_pct(stub['brain'])}   "
          f"goal p95 <= {GOAL_P95_MS:.0f} ms: {'met' if p95 <= GOAL_P95_MS else 'MISSED'}")
    print(f"    of which before the first word is on screen                {_pct(stub['first_words'])}")
    print(f"  whole turn incl. graph, checkpoint and transcript save       {_pct(stub['turn'])}")
    print(f"  agent + litellm.completion(mock_response=...)                {_pct(mocked['brain'])}")
    print(f"    of which before the first word is on screen                {_pct(mocked['first_words'])}")
    tokens = [lit.token_counter(model="gpt-4o-mini", messages=stub["prompts"][0][n - 1]) for n in (2, TURNS)]
    print(f"Prompt tokens (gpt-4o-mini tokenizer): turn 2: {tokens[0]}, turn {TURNS}: {tokens[1]} "
          f"(x{tokens[1] / tokens[0]:.2f}; earlier questions arrive as a one-line summary each)")
    return 0 if p95 <= GOAL_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
