"""The LangGraph checkpoint database: opened with a damage check, and compacted once an interview is finished.

LangGraph's SqliteSaver stores the whole state at every step, so an interview leaves ~0.8 MB of checkpoints
behind, growing with the square of its length. Resume and history need only the last checkpoint of a finished
interview (history reads the session files), so `compact` keeps that one and gives the space back to the file
system: the database is opened with `auto_vacuum=INCREMENTAL`, so freed pages can be returned without a VACUUM.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from agent.errors import UserError

INCREMENTAL = 2  # PRAGMA auto_vacuum value


class DamagedDatabase(Exception):
    """The checkpoint database cannot be used; `reason` is SQLite's word for why."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def connect(path: Path) -> sqlite3.Connection:
    """An open, checked connection, or DamagedDatabase. A brand-new file is set up for incremental vacuum."""
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    except sqlite3.Error as exc:
        raise DamagedDatabase(path, str(exc)) from None
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DamagedDatabase(path, problems[0])
        if conn.execute("PRAGMA auto_vacuum").fetchone()[0] != INCREMENTAL:
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            conn.execute(f"PRAGMA auto_vacuum={INCREMENTAL}")
            if has_tables:
                _vacuum_once(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DamagedDatabase(path, str(exc)) from None
    except DamagedDatabase:
        conn.close()
        raise
    return conn


def _vacuum_once(conn: sqlite3.Connection) -> None:
    """Convert a database made before incremental vacuum (a VACUUM rewrites it once); busy now means next time."""
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("VACUUM")


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) out of the way; nothing is deleted."""
    target = path.with_name(f"{path.name}.damaged-{datetime.now(UTC):%Y%m%d-%H%M%S}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def damaged_error(exc: DamagedDatabase, session_id: str) -> UserError:
    """The one line for an interview whose checkpoints are in a damaged database."""
    return UserError(f"{exc.path}: the checkpoint database is damaged ({exc.reason}), so interview {session_id} "
                     f"cannot continue; move it aside (mv {exc.path} {exc.path}.damaged) and new interviews "
                     "start with a fresh one; the transcript so far stays in the session file")


def compact(conn: sqlite3.Connection, thread_id: str) -> None:
    """Keep only the latest checkpoint of `thread_id` (and its writes), and give the freed pages back.

    One transaction: a kill mid-way leaves the thread as it was. Safe to repeat.
    """
    with conn:
        row = conn.execute("SELECT max(checkpoint_id) FROM checkpoints WHERE thread_id = ? AND checkpoint_ns = ''",
                           (thread_id,)).fetchone()
        if row[0] is None:
            return
        for table in ("writes", "checkpoints"):
            conn.execute(f"DELETE FROM {table} WHERE thread_id = ? AND checkpoint_id < ?", (thread_id, row[0]))
        # Python's driver steps `PRAGMA incremental_vacuum` once, and each step frees one page: so one call a page.
        for _ in range(conn.execute("PRAGMA freelist_count").fetchone()[0]):
            conn.execute("PRAGMA incremental_vacuum(1)")
    with contextlib.suppress(sqlite3.OperationalError):  # another process is reading: its last close folds it in
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
