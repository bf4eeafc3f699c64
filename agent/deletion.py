"""Deleting an unfinished interview: its session file, its checkpoints and its unsent draft, all of it.

The interview's lock is taken first, so one open in another process (or in this one) is never deleted under
its writer.
"""

from __future__ import annotations

from agent.session_lock import SessionLock


def delete_interview(session_id: str) -> None:
    """Remove every trace of `session_id`. UserError, one line, if it is open somewhere."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    from agent import checkpoints
    from agent.drafts import draft_path
    from agent.storage import checkpoint_db, session_path

    path = session_path(session_id)
    lock = SessionLock(session_id)
    try:
        try:
            conn = checkpoints.connect(checkpoint_db())
        except checkpoints.DamagedDatabase:
            conn = None  # nothing in a damaged database can be resumed anyway; the new interview moves it aside
        if conn is not None:
            try:
                SqliteSaver(conn).delete_thread(session_id)
            finally:
                conn.close()
        draft_path(session_id).unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    finally:
        lock.release()
