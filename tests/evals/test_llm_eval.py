"""The real LLM judge under `interviewer eval`: requests really run concurrently, one per transcript, and a re-run
is served from the cache without a single request. How much faster concurrency is gets measured, not asserted:
`python benchmarks/eval_concurrency.py --real-client` prints the serial and concurrent wall times and their ratio
(and `pytest -rP` shows this test's own).

Everything is real but the model: `--model openai/gpt-4o-mini` builds the LLMBrain, litellm and the OpenAI SDK
send real HTTP requests, and a local STAND-IN for the OpenAI API on 127.0.0.1 (`eval_helpers.ReplayServer`)
answers each one with the verdict of the hand-made cassette `openai_verdict_injection.yaml`, byte for byte,
after a fixed sleep that plays the model's latency. The replayed findings quote another transcript, so the
verifier drops most of them; the verdicts are still the model's (signed with its name, usage counted, never a
fallback), which is all that concurrency and caching need.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from eval_helpers import ReplayServer, copy_split, run_cli

from agent.brains import resolve_brain
from agent.llm.judge import verdict_request
from agent.llm.prompts import load_prompt
from evals.dataset import load_dataset

MODEL = "openai/gpt-4o-mini"
N, LATENCY_S, CONCURRENCY = 16, 0.25, 8
_MARKER = re.compile(r"<<<(END )?TRANSCRIPT [0-9a-f]{12}>>>")


def _normalised(messages: list[dict]) -> str:
    """A judge request without its per-call random markers, so two requests for one transcript compare equal."""
    return _MARKER.sub(lambda m: f"<<<{m.group(1) or ''}TRANSCRIPT>>>", json.dumps(messages, sort_keys=True))


@pytest.fixture
def openai_stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReplayServer]:
    """The stand-in server and the real client pointed at it: a dummy key, one attempt per request (an error
    would show as a fallback verdict, not hide in a retry). litellm's import and the first request's set-up are
    paid by one warm-up verdict; the server's log then starts empty."""
    with ReplayServer(latency_s=LATENCY_S, workers=2 * CONCURRENCY) as server:
        monkeypatch.setenv("INTERVIEWER_API_BASE", server.api_base)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
        monkeypatch.setenv("INTERVIEWER_MAX_ATTEMPTS", "1")
        brain = resolve_brain(MODEL)
        assert brain.client.api_base == server.api_base
        warm_up = load_dataset(copy_split(tmp_path / "warm-up", 1)).transcripts[0]
        assert brain.judge(warm_up).judge == MODEL
        assert len(server.requests) == 1
        server.reset()
        yield server


def _eval(capsys: pytest.CaptureFixture, folder: Path, cache: Path, concurrency: int) -> tuple[float, dict]:
    """`interviewer eval FOLDER --model openai/gpt-4o-mini ...` through the CLI entry point: (wall time, --json)."""
    start = time.perf_counter()
    code, out, err = run_cli(capsys, str(folder), "--model", MODEL, "--concurrency", str(concurrency),
                             "--cache-dir", str(cache), "--json", "--bootstrap", "0")
    elapsed = time.perf_counter() - start
    doc = json.loads(out)
    assert code in (0, 3), err  # 3 would be a quality gate failed by replayed verdicts: not what is tested here
    assert doc["judge"]["name"] == MODEL and doc["judge"]["info"]["model"] == MODEL
    assert doc["counts"]["transcripts"] == N and doc["counts"]["fallbacks"] == 0, err
    assert all(t["judge"] == MODEL and not t["fallback"] for t in doc["transcripts"])
    return elapsed, doc


@pytest.mark.slow
@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_llm_judge_runs_concurrently_one_request_per_transcript_and_a_rerun_is_all_cache(
        openai_stand_in: ReplayServer, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    server = openai_stand_in
    folder = copy_split(tmp_path / "ds", N)
    transcripts = load_dataset(folder).transcripts
    assert len(transcripts) == N
    expected = Counter(_normalised(verdict_request(load_prompt("judge"), t)[0]) for t in transcripts)

    serial_s, serial = _eval(capsys, folder, tmp_path / "cache-serial", 1)
    assert server.max_in_flight == 1
    assert Counter(_normalised(body["messages"]) for _, body in server.requests) == expected  # one per transcript
    server.reset()

    parallel_s, parallel = _eval(capsys, folder, tmp_path / "cache-parallel", CONCURRENCY)
    timing = (f"{N} transcripts at {LATENCY_S} s: serial {serial_s:.2f} s, concurrency {CONCURRENCY} "
              f"{parallel_s:.2f} s, ratio {parallel_s / serial_s:.3f}")
    assert 1 < server.max_in_flight <= CONCURRENCY, timing
    assert Counter(_normalised(body["messages"]) for _, body in server.requests) == expected
    assert {path for path, _ in server.requests} == {"/v1/chat/completions"}
    assert parallel["transcripts"] == [dict(t, latency_s=p["latency_s"])
                                       for t, p in zip(serial["transcripts"], parallel["transcripts"], strict=True)]
    # the cassette's count, as the wire said (in the last SSE chunk before [DONE])
    replayed = json.loads(server.reply[2].decode().split("data: ")[-2])["usage"]["total_tokens"]
    assert all(t["tokens"] == replayed and t["cost"] > 0 for t in parallel["transcripts"])
    usage = parallel["usage"]
    assert usage["from_cache"] == 0 and usage["spent_this_run"]["tokens"] == N * replayed

    rerun_s, again = _eval(capsys, folder, tmp_path / "cache-parallel", CONCURRENCY)
    assert len(server.requests) == N  # the re-run sent nothing
    assert again["counts"]["from_cache"] == N and all(t["cached"] for t in again["transcripts"])
    assert again["usage"]["spent_this_run"] == {"tokens": 0, "cost": 0}
    assert again["figures"] == parallel["figures"]
    print(f"real LLM judge, {timing}; re-run {rerun_s:.2f} s, {N}/{N} from cache, no request")  # pytest -rP
