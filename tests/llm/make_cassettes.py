"""Writes the hand-made cassettes in tests/cassettes/. Run: python tests/llm/make_cassettes.py [NAME ...]

No real API is involved. Each scenario drives the real client (litellm included) against a stand-in server on
127.0.0.1 that answers with responses written by hand in the provider's wire format (tests/llm/llm_wire.py);
vcrpy records the exchange, the URL is rewritten to the provider's real endpoint, credentials are filtered,
and the file is labelled as hand-made. So the requests in a cassette are exactly what the client sends, and
the responses are byte for byte what the tests replay.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

import llm_script as script  # noqa: E402
import llm_wire as wire  # noqa: E402
from llm_cassettes import PROVIDERS, SCENARIOS, Scenario, cassette_path, vcr_options  # noqa: E402
from llm_http import StandInHandler  # noqa: E402

Factory = Callable[[str], wire.Response]
LABEL = """\
# HAND-MADE CASSETTE: not recorded from a live API.
# Responses were written by hand in {provider}'s real wire format ({fmt}) by tests/llm/make_cassettes.py
# (scenario: {about}); requests are what the client really sent, to a stand-in server, with the URL set to
# the real endpoint and credentials filtered.{rerecord}
"""
RERECORD = "\n# Re-record against the real API with INTERVIEWER_RECORD=1 (see tests/cassettes/README.md)."


class _Server(StandInHandler):
    protocol_version = "HTTP/1.1"
    queue: list[Factory] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers.get("content-length", 0))).decode("utf-8")
        self.reply(*self.queue.pop(0)(body))


class _Literal(yaml.SafeDumper):
    """Multi-line strings (SSE and NDJSON bodies) as literal blocks, so a reader sees the wire as it was."""


_Literal.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s,
                                                              style="|" if "\n" in s else None))


def _responses(sc: Scenario) -> list[Factory]:
    stream = getattr(wire, f"{sc.provider}_stream")
    whole = getattr(wire, f"{sc.provider}_json", None)

    def ok(content: str, streamed: bool = True) -> Factory:
        return lambda req: (stream if streamed else whole)(content, wire.tokens(req), sc.name)

    def fixed(response: wire.Response) -> Factory:
        return lambda req: response

    good_turn = ok(script.turn_json(0))
    bad_schema = json.dumps({"move": "pushback:premature_complexity", "say": 42, "findings": "none"})
    malformed = '{"move": "pushback:premature_complexity" "say": "You went straight to'
    return {
        "interview": [ok(script.turn_json(i)) for i in range(len(script.TURNS))]
                     + [ok(script.verdict_json())],
        "rate_limited": [fixed(wire.openai_error(429, sc.name)), good_turn],
        "server_error": [fixed(wire.openai_error(500, sc.name))] * sc.requests,
        "overloaded": [fixed(wire.anthropic_error(529, sc.name)), good_turn],
        "bad_key": [fixed(wire.openai_error(401, sc.name))],
        "malformed_json": [ok(malformed), good_turn],
        "schema_invalid": [ok(bad_schema), ok(bad_schema)],
        "refusal": [lambda req: wire.openai_stream_refusal("I'm sorry, I can't help with that.", wire.tokens(req),
                                                           sc.name)],
        "one_turn": [good_turn],
        "verdict_injection": [ok(script.verdict_json(script.INJECTED_VERDICT)),
                              ok(script.verdict_json(script.CLEAN_VERDICT))],
        "placeholder_line": [ok(script.PLACEHOLDER_TURN)] * 2,
        "placeholder_then_line": [ok(script.PLACEHOLDER_TURN), good_turn],
        "json_schema_500": [fixed(wire.llama_cpp_python_json_schema_500()), good_turn],
        "overflow_midstream": [lambda req: wire.llamacpp_overflow_midstream(script.turn_json(0)[:60], 2048,
                                                                            sc.name)],
        "truncated": [lambda req: wire.llamacpp_stream(script.TRUNCATED_TURN, wire.tokens(req), sc.name,
                                                       finish="length", completion_tokens=1200)],
        "constraint_without_facts": [good_turn, ok(script.FACTLESS_CONSTRAINT), ok(script.turn_json(1))],
        "malformed_body": [fixed(wire.malformed_200())],
    }[sc.kind]


def _drive(sc: Scenario, api_base: str) -> None:
    from agent.brains import resolve_brain
    from agent.models import Transcript
    from agent.session import Interview

    brain = resolve_brain(PROVIDERS[sc.provider].model)
    assert brain.client.api_base == api_base, brain.client.api_base
    if sc.kind == "verdict_injection":
        for transcript in (script.injected_transcript(), script.clean_transcript()):
            brain.judge(Transcript.model_validate(transcript))
        return
    interview = Interview.start(script.PERSONA, questions=script.QUESTIONS, brain=brain, seed=script.SEED)
    answers = script.ANSWERS if sc.kind == "interview" else script.ANSWERS[:2] \
        if sc.kind == "constraint_without_facts" else script.ANSWERS[:1]
    for answer in answers:
        interview.answer(answer)
    if sc.kind == "interview":
        moves = [r["move"]["kind"] for r in interview.state["analyses"]]
        assert not interview.notices and interview.finished, (interview.notices, moves)
    interview.close()


def _tidy(path: Path, sc: Scenario, origin: str) -> None:
    """Point the cassette at the real endpoint, drop the stand-in server's own headers, label it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for interaction in data["interactions"]:
        request = interaction["request"]
        request["uri"] = request["uri"].replace(origin, PROVIDERS[sc.provider].origin)
        request["headers"].pop("host", None)
        for header in ("server", "date"):
            interaction["response"]["headers"].pop(header, None)
    p = PROVIDERS[sc.provider]
    label = LABEL.format(provider=p.title, fmt=p.wire, about=sc.about, rerecord=RERECORD if sc.recordable else "")
    path.write_text(label + yaml.dump(data, Dumper=_Literal, sort_keys=False, allow_unicode=True, width=110),
                    encoding="utf-8")


def main() -> None:
    import vcr

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    os.environ.update(INTERVIEWER_HOME=tempfile.mkdtemp(), INTERVIEWER_BACKOFF_INITIAL="0",
                      INTERVIEWER_BACKOFF_MAX="0", OPENAI_API_KEY="sk-test-not-a-real-key",
                      ANTHROPIC_API_KEY="sk-ant-test-not-a-real-key")
    only = set(sys.argv[1:])  # scenario names; none: all of them
    for sc in SCENARIOS:
        if sc.live or (only and sc.name not in only):
            continue  # live cassettes come from a real server: tests/llm/record_live.py
        p = PROVIDERS[sc.provider]
        api_base = origin + p.base_path
        os.environ["INTERVIEWER_API_BASE"] = api_base
        os.environ.pop("INTERVIEWER_OUTPUT_MODE", None)
        os.environ.update(sc.settings)
        _Server.queue = _responses(sc)
        path = cassette_path(sc.name)
        path.unlink(missing_ok=True)
        recorder = vcr.VCR(record_mode="all", **vcr_options())
        with recorder.use_cassette(str(path)):
            _drive(sc, api_base)
        assert not _Server.queue, f"{sc.name}: {len(_Server.queue)} response(s) never requested"
        _tidy(path, sc, origin)
        print(f"wrote {path.relative_to(HERE.parents[1])}")
    server.shutdown()


if __name__ == "__main__":
    main()
