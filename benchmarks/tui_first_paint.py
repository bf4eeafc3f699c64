"""Time to first paint of the TUI: from spawning `interviewer` to Home on screen, in a real 80x24 pseudo-terminal.

    python benchmarks/tui_first_paint.py [--runs N]

Each run starts the app with a fresh INTERVIEWER_HOME, waits for the `first_paint` line the app writes to its
own log (`<home>/logs/tui.log`), then quits it with ctrl+q. "Paint" is measured from just before the spawn, so
interpreter start-up and every import count. "Ready" is when Home lists the personas and unfinished interviews
(loaded in a worker after the paint). Prints each run, then the median and p95. The goal is a median first paint
under 1 s on a 2-core machine; this script measures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import math
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

TIMEOUT = 30.0


def _command() -> list[str]:
    """The installed console script next to this interpreter, else the same entry point via -m."""
    script = Path(sys.executable).with_name("interviewer")
    if script.is_file():
        return [str(script)]
    found = shutil.which("interviewer")
    return [found] if found else [sys.executable, "-m", "agent.cli"]


def _events(log: Path) -> dict[str, dict]:
    try:
        lines = log.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return {e["event"]: e for e in (json.loads(line) for line in lines if line.strip())}


def one_run(command: list[str]) -> tuple[float, float, float | None]:
    """(seconds to first paint, seconds to ready, the app's own process-start-to-paint in seconds)."""
    with tempfile.TemporaryDirectory(prefix="tui-paint-") as home:
        log = Path(home) / "logs" / "tui.log"
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "INTERVIEWER_HOME": home, "TERM": os.environ.get("TERM", "xterm-256color"),
               "COLUMNS": "80", "LINES": "24"}
        started = time.time()
        proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        try:
            events: dict[str, dict] = {}
            while "home_ready" not in events:
                if time.time() - started > TIMEOUT:
                    raise RuntimeError(f"no home_ready in {log} after {TIMEOUT:.0f} s")
                readable, _, _ = select.select([master], [], [], 0.02)
                if readable:
                    try:
                        os.read(master, 65536)  # drain the screen output so the app never blocks on a full pty
                    except OSError:
                        break
                events = _events(log)
            paint, ready = events["first_paint"], events["home_ready"]
            own = paint.get("since_process_start_ms")
            return paint["at"] - started, ready["at"] - started, own / 1000 if own is not None else None
        finally:
            os.write(master, b"\x11")  # ctrl+q
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            os.close(master)


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (with a handful of runs, the slowest or next to it)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs (default 9)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first run (cold .pyc cache)")
    args = parser.parse_args()
    command = _command()
    print(f"command: {' '.join(command)}  ({os.cpu_count()} CPUs)")
    if not args.no_warmup:
        one_run(command)
    paints, readies, owns = [], [], []
    for i in range(args.runs):
        paint, ready, own = one_run(command)
        paints.append(paint)
        readies.append(ready)
        if own is not None:
            owns.append(own)
        own_text = f"   app's own log: {own * 1000:4.0f} ms" if own is not None else ""
        print(f"run {i + 1:2d}: first paint {paint * 1000:5.0f} ms   ready {ready * 1000:5.0f} ms{own_text}")
    print(f"first paint: median {statistics.median(paints) * 1000:.0f} ms, p95 {p95(paints) * 1000:.0f} ms")
    print(f"ready:       median {statistics.median(readies) * 1000:.0f} ms, p95 {p95(readies) * 1000:.0f} ms")
    if owns:
        print(f"app's own process-start-to-paint: median {statistics.median(owns) * 1000:.0f} ms")
    verdict = "within" if statistics.median(paints) <= 1.0 else "OVER"
    print(f"goal: median first paint <= 1000 ms: {verdict}")


if __name__ == "__main__":
    main()
