"""Runs fuzz cases through `agent.cli.main` in this one process: `python tests/fuzz_driver.py ROOT ID...`.

For each case it prints a JSON line `{"start": id}` before and `{"case": id, "code", "stderr", "escaped"}`
after, flushing each, so the test that reads them can hold every case to a deadline and kill this process if
one overruns. `escaped` is the traceback of any exception that got past `main` (there must be none).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

from fuzz_cases import all_cases, materialise  # noqa: E402

from agent.cli import main  # noqa: E402


def run_case(case, where: Path) -> dict:
    argv, env, stdin = materialise(case, where)
    started = time.perf_counter()
    saved_env = dict(os.environ)
    for key, value in env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    err, out = io.StringIO(), io.StringIO()
    escaped = None
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - exactly what the corpus exists to catch
        code, escaped = None, traceback.format_exc()
    finally:
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)
    return {"case": case.id, "code": code, "stderr": err.getvalue(), "escaped": escaped,
            "seconds": round(time.perf_counter() - started, 3)}


def main_driver(root: Path, ids: list[str]) -> None:
    cases = {c.id: c for c in all_cases()}
    for case_id in ids:
        print(json.dumps({"start": case_id}), flush=True)
        print(json.dumps(run_case(cases[case_id], root / case_id)), flush=True)


if __name__ == "__main__":
    main_driver(Path(sys.argv[1]), sys.argv[2:])
