"""Helpers for the eval tests: small datasets, synthetic judged transcripts, in-process CLI runs and a
stand-in OpenAI server that replays a cassette's verdict (also used by benchmarks/eval_concurrency.py).

A plain module rather than conftest, so `import` finds it whatever conftest other test folders define."""

from __future__ import annotations

import json
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import yaml

from agent.cli import _parser, main
from agent.models import DimensionScore, Labels, SignalFinding, Transcript, Turn, Verdict
from agent.taxonomy import SIGNALS, Dimension, Recommendation
from evals.cli import cmd_eval
from evals.judged import Judged

ROOT = Path(__file__).resolve().parents[2]
TEST_SPLIT = ROOT / "evals" / "datasets" / "test"
# A hand-made cassette in OpenAI's chat-completions wire format; its last reply is an honest verdict.
VERDICT_CASSETTE = ROOT / "tests" / "cassettes" / "openai_verdict_injection.yaml"


def copy_split(dest: Path, n: int | None = None) -> Path:
    """The first `n` transcripts of the test split, copied to `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(TEST_SPLIT.glob("*.json"))[:n]:
        shutil.copy(path, dest / path.name)
    return dest


def write_json(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    """`interviewer eval ...` through the real entry point; (exit code, stdout, stderr)."""
    code = main(["eval", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_with_brain(capsys: pytest.CaptureFixture, brain: object, *argv: str) -> tuple[int, str, str]:
    """The eval command with `brain` injected through the documented hook."""
    code = cmd_eval(_parser().parse_args(["eval", *argv]), brain=brain)
    out, err = capsys.readouterr()
    return code, out, err


def make_judged(present: tuple[str, ...] = (), absent: tuple[str, ...] = (), predicted: tuple[str, ...] = (),
                band: str | None = None, recommendation: str = "hire", labelled_scores: dict | None = None,
                scores: dict | None = None, tid: str = "t") -> Judged:
    """A synthetic judged transcript for metric arithmetic (the verdict is built without validation)."""
    transcript = Transcript(id=tid, persona="google", turns=[Turn(role="candidate", text="an answer")],
                            labels=Labels(present=list(present), absent=list(absent), recommendation_band=band,
                                          dimension_scores=labelled_scores))
    rec = Recommendation(recommendation)
    verdict = Verdict.model_construct(
        recommendation=rec, band=rec.band,
        scores={d: DimensionScore(score=(scores or {}).get(d, 2), rationale="") for d in Dimension},
        signals=[SignalFinding.model_construct(signal=s, polarity=SIGNALS[s].polarity, evidence=[])
                 for s in predicted],
        injection_attempts=[])
    return Judged(transcript, verdict)


# -- a stand-in OpenAI API that replays a cassette's verdict --------------------------------------------------
def cassette_reply(cassette: Path = VERDICT_CASSETTE, index: int = -1) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one response in a cassette, byte for byte as the tests replay it."""
    response = yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"][index]["response"]
    headers = {k: v[0] for k, v in response["headers"].items() if k.lower() != "content-length"}
    return response["status"]["code"], headers, response["body"]["string"].encode("utf-8")


class _Replay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # a client that stalls mid-request cannot hold a worker for longer
    server: _PooledServer

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        stand_in = self.server.stand_in
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        stand_in.arrive(self.path, body)
        try:
            time.sleep(stand_in.latency_s)  # the model thinking
        finally:
            stand_in.leave()
        status, headers, data = stand_in.reply
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(data)))
        self.send_header("connection", "close")  # so a worker is free again as soon as it has answered
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def log_message(self, *args: object) -> None:
        return


class _PooledServer(HTTPServer):
    """http.server with a fixed pool of worker threads instead of one new thread per connection, and a listen
    backlog deeper than socketserver's 5, for a burst of concurrent connections."""

    request_queue_size = 64

    def __init__(self, stand_in: ReplayServer, workers: int):
        super().__init__(("127.0.0.1", 0), _Replay)
        self.stand_in = stand_in
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="stand-in-openai")

    def process_request(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's signature
        self.pool.submit(self._work, request, client_address)

    def _work(self, request, client_address) -> None:  # noqa: ANN001
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)


class ReplayServer:
    """A STAND-IN for the OpenAI API on 127.0.0.1, for tests and benchmarks of an LLM-judge eval.

    Every POST is answered with the same recorded response (by default the honest verdict of
    `openai_verdict_injection.yaml`, a valid judge reply in the chat-completions wire format) after a fixed
    sleep that plays the model's latency. Bounded: at most `workers` requests are handled at once, each answer
    closes its connection, and a stalled client is dropped after 10 s. It keeps every request (path and JSON
    body) and the most it ever had in flight. Use it as a context manager; point the client at `api_base`.
    """

    def __init__(self, latency_s: float = 0.25, workers: int = 16,
                 reply: tuple[int, dict[str, str], bytes] | None = None):
        self.latency_s = latency_s
        self.reply = reply or cassette_reply()
        self.requests: list[tuple[str, dict]] = []
        self.in_flight = self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = _PooledServer(self, workers)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="stand-in-openai", daemon=True)
        self.api_base = f"http://127.0.0.1:{self._server.server_port}/v1"

    def arrive(self, path: str, body: bytes) -> None:
        with self._lock:
            self.requests.append((path, json.loads(body or b"{}")))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_in_flight = self.in_flight

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._server.pool.shutdown(wait=True, cancel_futures=True)
        self._thread.join()
