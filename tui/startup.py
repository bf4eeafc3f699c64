"""The app's own start-up log: JSON lines in `<data home>/logs/tui.log`.

Each event records the wall-clock time, the milliseconds since the TUI modules were imported and, where the
OS tells us (Linux `/proc`), since the process started, interpreter start-up included.
`benchmarks/tui_first_paint.py` reads the `first_paint` line. Only stdlib is imported here: this module loads
before the first paint.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

LAUNCHED_AT = time.perf_counter()


@dataclass(frozen=True)
class Mark:
    at: float
    since_launch_ms: float
    since_process_start_ms: float | None


def process_age_seconds() -> float | None:
    """How long this process has been running, from /proc (None where there is no /proc)."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def mark() -> Mark:
    """Now. Take it on the UI thread at the moment that matters; log it later from a worker."""
    age = process_age_seconds()
    return Mark(at=round(time.time(), 4), since_launch_ms=round((time.perf_counter() - LAUNCHED_AT) * 1000, 1),
                since_process_start_ms=round(age * 1000) if age is not None else None)


def log_path() -> Path:
    from agent.storage import data_home

    return data_home() / "logs" / "tui.log"


def log_event(event: str, at: Mark | None = None, **fields: object) -> None:
    """Append one event. Never raises. It imports the core's storage module, so call it from a worker."""
    record = {"event": event, **asdict(at or mark()), **fields}
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
    except OSError:
        pass
