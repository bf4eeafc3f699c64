"""The malformed-input corpus (tests/fuzz_cases.py, 150+ cases): each is exit 2 and one line on stderr that
names the file, never a traceback, and none runs past 30 s.

Most cases run through `agent.cli.main` inside two driver processes (tests/fuzz_driver.py), which report each
case as it starts and ends; the test holds every case to a 30 s deadline and kills a driver that overruns, so
the limit is enforced by the clock on a subprocess, not asserted afterwards. A sample also runs as the real
command, `python -m agent.cli`, one process per case with `timeout=30`.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzz_cases import Case, all_cases, expected, materialise
from support import ROOT

CASE_SECONDS = 30
DRIVERS = 2
# One of each kind, and the ones the issue saw hang or crash, as the real command.
SAMPLE = ("answers-file-10mb", "answers-deep-list", "persona-31mb", "persona-deep-flow", "transcript-deep",
          "transcript-turns-empty", "config-binary", "session-truncated", "session-db-garbage", "home-file-chat",
          "out-folder", "junit-proc", "flag-unknown-command", "env-unknown-model")
CASES = all_cases()


def _problems(case: Case, where: Path, code: int | None, stderr: str, escaped: str | None = None) -> list[str]:
    lines = stderr.strip().splitlines()
    problems = [] if code == 2 else [f"exit {code}"]
    if escaped or "Traceback" in stderr:
        problems.append(f"traceback: {(escaped or stderr).strip().splitlines()[-1]}")
    if len(lines) != 1:
        problems.append(f"{len(lines)} lines on stderr: {lines[:3]}")
    missing = [name for name in expected(case, where) if not any(name in line for line in lines)]
    if missing:
        problems.append(f"does not name {missing}: {lines[:1]}")
    return problems


def _environment() -> dict[str, str]:
    return dict(os.environ)


def test_the_corpus_has_150_cases_of_every_kind():
    kinds = {case.id.split("-")[0] for case in CASES}
    assert len(CASES) >= 150
    assert {"answers", "persona", "transcript", "config", "env", "session", "home", "out", "report", "junit",
            "eval", "baseline", "flag"} <= kinds
    assert set(SAMPLE) <= {case.id for case in CASES}


def test_every_malformed_input_is_one_line_naming_the_file_and_exit_2(tmp_path):
    by_id = {case.id: case for case in CASES}
    # The cases that import litellm (~5 s) go to one driver, so only one pays for it.
    ids = sorted((case.id for case in CASES if case.id not in SAMPLE), key=lambda cid: "unknown-model" not in cid)
    share = -(-len(ids) // DRIVERS)
    drivers = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "fuzz_driver.py"), str(tmp_path),
                                 *ids[i * share:(i + 1) * share]], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, cwd=ROOT, env=_environment()) for i in range(DRIVERS)]
    selector = selectors.DefaultSelector()
    running: dict[subprocess.Popen, tuple[str, float] | None] = {}
    for driver in drivers:
        selector.register(driver.stdout, selectors.EVENT_READ, driver)
        running[driver] = None
    results = {}
    try:
        while running:
            for key, _ in selector.select(timeout=1):
                driver = key.data
                line = driver.stdout.readline()
                if not line:
                    selector.unregister(driver.stdout)
                    running.pop(driver)
                    continue
                record = json.loads(line)
                if "start" in record:
                    running[driver] = (record["start"], time.monotonic())
                else:
                    results[record["case"]] = record
                    running[driver] = None
            for current in running.values():
                if current and time.monotonic() - current[1] > CASE_SECONDS:
                    pytest.fail(f"{current[0]}: still running after {CASE_SECONDS} s")
    finally:
        for driver in drivers:
            driver.kill()
            driver.wait()
    crashed = [driver.stderr.read()[-2000:] for driver in drivers if driver.returncode not in (0, -9)]
    assert not crashed, crashed
    assert sorted(results) == sorted(ids), "a driver ended before finishing its cases"
    failures = [f"{cid}: {'; '.join(p)}" for cid, r in results.items()
                if (p := _problems(by_id[cid], tmp_path / cid, r["code"], r["stderr"], r["escaped"]))]
    assert not failures, "\n".join(failures)
    print(f"fuzz: {len(results)} of {len(results)} malformed inputs in-process: exit 2, one line naming the file")


@pytest.mark.parametrize("case_id", SAMPLE)
def test_a_sample_through_the_real_command(tmp_path, case_id):
    case = next(c for c in CASES if c.id == case_id)
    argv, changes, stdin = materialise(case, tmp_path)
    env = _environment()
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    proc = subprocess.run([sys.executable, "-m", "agent.cli", *argv], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=CASE_SECONDS)
    assert not _problems(case, tmp_path, proc.returncode, proc.stderr)
