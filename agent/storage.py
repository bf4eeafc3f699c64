"""Where interviews live on disk: one public-format transcript per session plus the LangGraph checkpoint DB."""

from __future__ import annotations

import glob
import json
import os
import re
import tempfile
from pathlib import Path

from pydantic import ValidationError

from agent.errors import MAX_TURN_CHARS, UserError, check_depth, format_loc, json_line, read_user_file, too_deep
from agent.models import Transcript

SESSION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def data_home() -> Path:
    """`INTERVIEWER_HOME` if set, else the platform's user data directory."""
    env = os.environ.get("INTERVIEWER_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("interviewer", appauthor=False)


def ensure_dir(path: Path) -> Path:
    """`path` as an existing folder, or a one-line UserError naming it (and INTERVIEWER_HOME if that is the cause)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        home = data_home()
        origin = "INTERVIEWER_HOME" if os.environ.get("INTERVIEWER_HOME") else "the data folder"
        if home.exists() and not home.is_dir():
            raise UserError(f"{origin} {home}: is a file, not a folder") from None
        reason = "a file is in the way" if isinstance(exc, FileExistsError) else exc.strerror or str(exc)
        raise UserError(f"{path}: cannot create this folder ({reason}); {origin} is {home}") from None
    return path


def sessions_dir() -> Path:
    return ensure_dir(data_home() / "sessions")


def checkpoint_db() -> Path:
    return ensure_dir(data_home()) / "checkpoints.sqlite"


def check_session_id(session_id: str) -> str:
    """An id names a file in the sessions folder: letters, digits, '.', '_' and '-' only, so never a path."""
    if not SESSION_ID.fullmatch(session_id):
        raise UserError(f"{session_id!r} is not an interview id; `interviewer sessions` lists them")
    return session_id


def session_path(session_id: str) -> Path:
    return sessions_dir() / f"{check_session_id(session_id)}.json"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


def atomic_write(path: Path, text: str) -> None:
    """Write then rename, so a kill mid-write never leaves a half file behind.

    The file gets the usual permissions (0666 less the umask), not mkstemp's private 0600. A kill between the
    write and the rename leaves a `.NAME.*.tmp` file, which `remove_stale_temps` clears once the writer is known
    to be gone.
    """
    ensure_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(path: Path) -> int:
    """Delete temp files a killed `atomic_write` of `path` left behind. Call it only while holding the lock on
    the file's owner (the session lock), so no live writer's temp file is removed. Returns how many went."""
    stale = list(path.parent.glob(glob.escape(f".{path.name}.") + "*.tmp"))
    for tmp in stale:
        tmp.unlink(missing_ok=True)
    return len(stale)


def save_transcript(transcript: Transcript, path: Path | None = None) -> Path:
    path = path or session_path(transcript.id)
    atomic_write(path, transcript.model_dump_json(indent=2, exclude_none=True))
    return path


def parse_transcript(text: str, path: Path, line_offset: int = 0, judged: bool = True) -> Transcript:
    """Validate one transcript; errors are one line naming the file, the field and the line.

    A transcript to be `judged` must have a candidate turn; a saved session may have none yet.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: line {exc.lineno + line_offset}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise UserError(too_deep(path)) from None
    check_depth(data, path)

    def fail(loc: tuple, msg: str) -> UserError:
        return UserError(f"{path}: line {json_line(text, loc) + line_offset}: {format_loc(loc)}: {msg}")

    try:
        transcript = Transcript.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise fail(tuple(err["loc"]), err["msg"].removeprefix("Value error, ")) from None
    for i, turn in enumerate(transcript.turns):
        if len(turn.text) > MAX_TURN_CHARS:
            raise fail(("turns", i, "text"), f"{len(turn.text):,} characters; the limit is {MAX_TURN_CHARS:,}")
        if turn.role == "candidate" and turn.constraint_kind is not None:
            raise fail(("turns", i, "constraint_kind"), "a candidate turn has no constraint_kind; only an "
                                                        "interviewer's constraint turn does")
        if turn.kind == "constraint" and turn.constraint_kind is None:
            raise fail(("turns", i), "a constraint turn needs a constraint_kind (data, latency or metric)")
    if judged and not transcript.turns:
        raise fail(("turns",), "no turns; there is nothing to judge")
    if judged and not any(t.role == "candidate" for t in transcript.turns):
        raise fail(("turns",), "no candidate turn; there is nothing to judge")
    return transcript


def load_transcript(path: Path) -> Transcript:
    """A transcript file to judge."""
    return parse_transcript(read_user_file(path, "transcript"), path)


def load_session(session_id: str) -> Transcript:
    """A saved interview's transcript file, validated like any other (a damaged file is named, with its line)."""
    path = session_path(session_id)
    if not path.exists():
        raise UserError(f"no saved interview {session_id!r}; `interviewer sessions` lists them")
    return parse_transcript(read_user_file(path, "session"), path, judged=False)


def list_sessions() -> list[Transcript]:
    """Saved interviews, newest first. Unreadable files are skipped: history must never crash the app."""
    out = []
    for path in sessions_dir().glob("*.json"):
        try:
            out.append(parse_transcript(read_user_file(path, "session"), path, judged=False))
        except UserError:
            continue
    out.sort(key=lambda t: t.metadata.get("updated_at", ""), reverse=True)
    return out


RECENT_SESSIONS = 3


def recent_question_ids(persona_id: str, sessions: int = RECENT_SESSIONS) -> tuple[str, ...]:
    """The questions of this user's last `sessions` interviews with the persona, newest first, from the saved
    sessions in the data home."""
    mine = [t for t in list_sessions() if t.persona == persona_id][:sessions]
    ids = [qid for t in mine for qid in t.metadata.get("question_ids", []) if isinstance(qid, str)]
    return tuple(dict.fromkeys(ids))
