"""One writer per interview: an OS file lock held for as long as the interview is open.

Two processes writing one session would each keep their own copy of it and overwrite the other's turns. The
lock is `filelock`'s (fcntl on POSIX, msvcrt on Windows; already a dependency of litellm): the OS releases it
when the holder dies, however it dies, so a killed process never leaves an interview locked.
"""

from __future__ import annotations

from agent.errors import UserError


class SessionLock:
    """Taken on construction, without waiting; `release` (idempotent) gives it back."""

    def __init__(self, session_id: str):
        from filelock import FileLock, Timeout

        from agent.storage import data_home, ensure_dir

        path = ensure_dir(data_home() / "locks") / f"{session_id}.lock"
        # Not thread-local: the app opens an interview on one worker thread and may close it on another.
        self._lock = FileLock(path, timeout=0, thread_local=False)
        try:
            self._lock.acquire()
        except Timeout:
            raise UserError(f"interview {session_id} is open in another process") from None
        except OSError as exc:
            raise UserError(f"{path}: cannot lock the interview: {exc.strerror or exc}") from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
