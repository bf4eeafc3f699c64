"""A real model in the loop: SmolLM2 behind xllamacpp's llama.cpp server, through the project's own client.

A 135M model interviews badly; what is asserted is structure, which a real server is the only honest test
of: one request per turn (two with a re-ask), the verdict in one or two, every answer kept, usage from the
server's own counts, no placeholder ever reaching the screen or the transcript, every fallback named, and no
fallback caused by the output format.
"""

from __future__ import annotations

import json
import re
import time

import pytest

from agent.brains import resolve_brain
from agent.llm.local_server import LocalServer
from agent.models import Transcript
from agent.session import Interview
from agent.storage import sessions_dir

pytestmark = [pytest.mark.live, pytest.mark.block_network(allowed_hosts=["127.0.0.1"])]

MODEL = "openai/smollm2"
ANSWERS = [
    "I'd start by asking who acts on the ranking and how the labels are logged, then ship a logistic regression "
    "on a few features as a baseline before anything deep.",
    "I'd log a small randomised slice to get unbiased labels and accept a little engagement loss on it.",
]
# The shapes of a notice that names its cause (agent/llm/brain.py, agent/llm/faults.py, agent/llm/turn.py).
NAMED = re.compile(r"returned an unusable reply \(.+\)|was unusable past its line \(.+\)|picked a move the policy "
                   r"does not allow|ran out of context window|timed out after|refused the connection|"
                   r"malformed response body|failed with HTTP \d+|switched to")
FORMAT_FAILURES = re.compile(r"output format|malformed|no JSON object|does not match the schema")
PLACEHOLDER = re.compile(r"<[^<>\n]{1,60}>|\.\.\.\}|[{}]")


def _timed(label: str, started: float, capsys: pytest.CaptureFixture) -> None:
    with capsys.disabled():
        print(f"\n{label}: {time.perf_counter() - started:.1f} s")


def test_a_short_interview_with_a_real_model(live_env: LocalServer, capsys: pytest.CaptureFixture) -> None:
    started = time.perf_counter()
    brain = resolve_brain(MODEL)
    assert brain.client.mode == "json_object_schema" and brain.client.api_key == "none"
    assert brain.client.timeout == 600 and not brain.client.retry.retry_timeouts
    interview = Interview.start("meta", questions=1, brain=brain, seed="s1")
    streamed: list[str] = []
    for answer in ANSWERS:
        if interview.finished:
            break
        deltas: list[str] = []
        interview.answer(answer, on_delta=deltas.append)
        streamed.append("".join(deltas))
    if not interview.finished:
        interview.end()
    transcript, verdict = interview.transcript(), interview.verdict
    interview.close()
    _timed("live interview (1 question, SmolLM2)", started, capsys)

    saved = json.loads((sessions_dir() / f"{transcript.id}.json").read_text())
    said = [t["text"] for t in saved["turns"] if t["role"] == "candidate"]
    assert said == ANSWERS[: len(said)] and said, "every answer kept, once, in order"

    usage = transcript.metadata["usage"]
    turns = [u for u in usage if u["kind"] == "turn"]
    assert len(turns) == len(said) and all(1 <= u["requests"] <= 2 for u in turns)
    assert usage[-1]["kind"] == "verdict" and 1 <= usage[-1]["requests"] <= 2
    answered = [u for u in usage if u["prompt_tokens"]]
    assert answered and all(u["tokens"] == "server" for u in answered), "the server's own token counts"

    interviewer = [t for t in transcript.turns if t.role == "interviewer"][1:]
    follow_ups = [t for t in interviewer if t.kind not in ("question", "closing")]
    assert all(t.produced_by in (MODEL, "offline engine") for t in follow_ups), "every brain's line attributed"
    for text in [*streamed, *(t.text for t in interviewer)]:
        assert not PLACEHOLDER.search(text), f"placeholder shown: {text!r}"
    notices = transcript.metadata["notices"]
    assert all(NAMED.search(n) for n in notices), notices
    assert not any(FORMAT_FAILURES.search(n) for n in notices), notices
    assert verdict is not None and verdict.judge.startswith((MODEL, "offline engine (fallback: "))


def test_a_judge_call_with_a_real_model(live_env: LocalServer, capsys: pytest.CaptureFixture) -> None:
    started = time.perf_counter()
    transcript = Transcript.model_validate({"id": "live-judge", "persona": "meta", "turns": [
        {"role": "interviewer", "kind": "question", "question_index": 0,
         "text": "Design the ranking model for Feed."},
        {"role": "candidate", "question_index": 0, "text": ANSWERS[0]},
        {"role": "interviewer", "kind": "closing", "question_index": 0, "text": "Thanks, we're at time."},
    ]})
    verdict = resolve_brain(MODEL).judge(transcript)
    _timed("live judge call (SmolLM2)", started, capsys)
    assert 1 <= verdict.usage["requests"] <= 2 and verdict.usage["tokens"] == "server"
    assert verdict.usage["cost_usd"] is None  # a model no price list knows: unknown, not free
    if verdict.judge != MODEL:
        assert NAMED.search(verdict.judge) and not FORMAT_FAILURES.search(verdict.judge), verdict.judge
    quotes = [ev.quote for f in verdict.signals for ev in f.evidence]
    assert all(q in ANSWERS[0] for q in quotes), "evidence is verbatim or dropped"
