"""Where interviews live on disk: one public-format transcript per session plus the LangGraph checkpoint DB."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from agent.errors import UserError, read_user_file
from agent.models import Transcript


def data_home() -> Path:
    """`INTERVIEWER_HOME` if set, else the platform's user data directory."""
    env = os.environ.get("INTERVIEWER_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("interviewer", appauthor=False)


def sessions_dir() -> Path:
    path = data_home() / "sessions"
    path.mkdir(parents=True, exist_ok=True)
    return path


def checkpoint_db() -> Path:
    home = data_home()
    home.mkdir(parents=True, exist_ok=True)
    return home / "checkpoints.sqlite"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


def atomic_write(path: Path, text: str) -> None:
    """Write then rename, so a kill mid-write never leaves a half file behind.

    The file gets the usual permissions (0666 less the umask), not mkstemp's private 0600.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
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


def save_transcript(transcript: Transcript, path: Path | None = None) -> Path:
    path = path or sessions_dir() / f"{transcript.id}.json"
    atomic_write(path, transcript.model_dump_json(indent=2, exclude_none=True))
    return path


def _json_error(path: Path, exc: json.JSONDecodeError) -> UserError:
    return UserError(f"{path}: line {exc.lineno}: invalid JSON: {exc.msg}")


def _field_line(text: str, loc: tuple) -> int | None:
    """The line of the deepest key in `loc` that can be found in the raw JSON text, searching in order."""
    pos = 0
    line = None
    for part in loc:
        if isinstance(part, int):
            continue
        idx = text.find(f'"{part}"', pos)
        if idx < 0:
            break
        pos = idx
        line = text.count("\n", 0, idx) + 1
    return line


def parse_transcript(text: str, path: Path, line_offset: int = 0) -> Transcript:
    """Validate one transcript; errors are one line naming the file, the field and the line."""
    from agent.errors import format_loc

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        exc.lineno += line_offset
        raise _json_error(path, exc) from None
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        line = _field_line(text, loc)
        where = f"line {line + line_offset}" if line else f"line {1 + line_offset}"
        msg = err["msg"].removeprefix("Value error, ")
        raise UserError(f"{path}: {where}: {format_loc(loc)}: {msg}") from None


def load_transcript(path: Path) -> Transcript:
    return parse_transcript(read_user_file(path, "transcript"), path)


def list_sessions() -> list[Transcript]:
    """Saved interviews, newest first. Unreadable files are skipped: history must never crash the app."""
    out = []
    for path in sessions_dir().glob("*.json"):
        try:
            out.append(Transcript.model_validate_json(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    out.sort(key=lambda t: t.metadata.get("updated_at", ""), reverse=True)
    return out
