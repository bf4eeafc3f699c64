"""LLM tests: vcrpy cassettes (pytest-recording), never the network.

Replay is the default: record mode "none", network blocked, fake keys in the environment, zero backoff.
Re-recording the tests marked `recordable` against the real APIs is opt-in:

    INTERVIEWER_RECORD=1 OPENAI_API_KEY=... ANTHROPIC_API_KEY=... pytest tests/llm -m recordable

`1` means "rewrite" (delete those cassettes, record them afresh); `once` or `new_episodes` are passed to vcrpy as
they are. The Ollama cassette needs `ollama pull qwen2.5` on localhost. Fault cassettes cannot be produced by a
live API on demand and stay hand-made (tests/llm/make_cassettes.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from llm_cassettes import BY_NAME, CASSETTES, LLAMACPP_API_BASE, PROVIDERS, vcr_options  # noqa: E402

RECORD = os.environ.get("INTERVIEWER_RECORD", "")
FAKE_KEYS = {"OPENAI_API_KEY": "sk-test-0123456789abcdefFAKEopenai", "ANTHROPIC_API_KEY": "sk-ant-test-FAKEanthropic"}
SETTINGS = ("INTERVIEWER_MODEL", "INTERVIEWER_API_BASE", "INTERVIEWER_TIMEOUT", "INTERVIEWER_MAX_ATTEMPTS",
            "INTERVIEWER_BACKOFF_INITIAL", "INTERVIEWER_BACKOFF_MAX", "INTERVIEWER_OLLAMA_URL")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "recordable: replays a cassette a live API can re-record (INTERVIEWER_RECORD)")
    # litellm's own use of a pydantic API deprecated in 2.11; not ours to fix.
    config.addinivalue_line("filterwarnings", "ignore:Accessing the 'model_:DeprecationWarning:litellm")


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture
def vcr_config(request: pytest.FixtureRequest) -> dict:
    mode = "none"
    if RECORD and request.node.get_closest_marker("recordable"):
        mode = "rewrite" if RECORD == "1" else RECORD
    return {"record_mode": mode, **vcr_options()}


@pytest.fixture(autouse=True)
def llm_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data home, no stray settings; unless recording: fake keys and no waiting between retries."""
    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path))
    for var in SETTINGS:
        monkeypatch.delenv(var, raising=False)
    if not RECORD:
        for var, value in FAKE_KEYS.items():
            monkeypatch.setenv(var, value)
        monkeypatch.setenv("INTERVIEWER_BACKOFF_INITIAL", "0")
        monkeypatch.setenv("INTERVIEWER_BACKOFF_MAX", "0")
    return tmp_path


@pytest.fixture
def read_timeout_once(monkeypatch: pytest.MonkeyPatch) -> dict:
    """SIMULATED FAULT, not in any cassette (a cassette cannot express a timeout): the first HTTP request raises
    httpx's read timeout, as a stalled server would; later requests go on to the cassette. (litellm hands the
    OpenAI SDK its own httpx client, so this is the transport every provider's request passes through.)"""
    import httpx

    replay = httpx.HTTPTransport.handle_request  # vcrpy's replaying stub, installed by the cassette
    seen = {"timeouts": 0}

    def handle(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        if not seen["timeouts"]:
            seen["timeouts"] += 1
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        return replay(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle)
    return seen


@pytest.fixture
def cassette_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The model string that replays this test's cassette: for a llama.cpp one (recorded live, or a fault in
    its wire format), `openai/smollm2` at its base URL on 127.0.0.1 with no key, as it was recorded."""
    marker = request.node.get_closest_marker("default_cassette")
    scenario = BY_NAME[marker.args[0]]
    if scenario.provider == "llamacpp":
        monkeypatch.setenv("INTERVIEWER_API_BASE", LLAMACPP_API_BASE)
        monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    for key, value in scenario.settings:
        monkeypatch.setenv(key, value)
    return PROVIDERS[scenario.provider].model
