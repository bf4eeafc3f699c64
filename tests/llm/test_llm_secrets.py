"""An API key set in the environment appears in no transcript, checkpoint, log, output or cassette."""

from __future__ import annotations

import logging
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import vcr as vcrpy
from llm_cassettes import CASSETTES, vcr_options
from llm_http import StandInHandler
from llm_script import A1, PERSONA, QUESTIONS, SEED, turn_json
from llm_wire import openai_stream

from agent.brains import resolve_brain
from agent.session import Interview

SECRET = "sk-proj-SECRETSECRETSECRET0123456789"


def _files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()]


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_one_turn")
def test_the_key_leaves_no_trace(llm_env: Path, monkeypatch: pytest.MonkeyPatch, caplog, capsys,
                                 cassette_model: str) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)  # sent to the server, then filtered from everything written
    caplog.set_level(logging.DEBUG)
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain(cassette_model), seed=SEED)
    interview.answer(A1)
    interview.close()
    out = capsys.readouterr()
    assert SECRET not in caplog.text + out.out + out.err
    written = _files_under(llm_env)
    assert any(p.suffix == ".json" for p in written) and any(p.suffix == ".sqlite" for p in written)
    for path in written + _files_under(CASSETTES):
        assert SECRET.encode() not in path.read_bytes(), path


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_recording_filters_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record a real exchange (with a local stand-in for the provider) the way INTERVIEWER_RECORD does: the key
    is in the request on the wire and in no byte of the cassette."""
    seen: list[str] = []

    class Provider(StandInHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            seen.append(self.headers.get("authorization", ""))
            self.rfile.read(int(self.headers["content-length"]))
            status, headers, body = openai_stream(turn_json(0), 1000)
            self.reply(status, {**headers, "openai-organization": "org-secret", "set-cookie": "session=x"}, body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("INTERVIEWER_API_BASE", f"http://127.0.0.1:{server.server_port}/v1")
    cassette = tmp_path / "recorded.yaml"
    try:
        with vcrpy.VCR(record_mode="all", **vcr_options()).use_cassette(str(cassette)):
            interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain("openai/gpt-4o-mini"),
                                        seed=SEED)
            interview.answer(A1)
            interview.close()
    finally:
        server.shutdown()
    assert seen == [f"Bearer {SECRET}"]
    text = cassette.read_text()
    assert SECRET not in text and "org-secret" not in text and "session=x" not in text
    assert "pushback:premature_complexity" in text
