"""The one error type a user sees: a single line, exit code 2. And the guards every user-named file passes."""

from __future__ import annotations

import json
import re
import stat
import tempfile
from pathlib import Path


class UserError(Exception):
    """Bad input from the user (a file, a flag, a persona). The CLI prints `str(err)` on one line and exits 2."""

    exit_code = 2


# The largest file of each kind read whole. Real ones are far smaller (a built-in persona is ~21 KB, the longest
# labelled transcript ~4 KB); the limits exist so a wrong file is refused at once instead of parsed for minutes.
MB = 1_000_000
FILE_LIMITS = {
    "persona": 1 * MB,
    "transcript": 2 * MB,
    "answers": 2 * MB,
    "session": 16 * MB,
    "config": MB // 10,
    "dataset": 64 * MB,
    "baseline": 16 * MB,
}
# The longest answer (or any turn's text) taken: about 3,000 words, well beyond anything said in an interview.
MAX_TURN_CHARS = 20_000
# Nesting deeper than this in a JSON or YAML file is refused (no real file nests beyond ~6 levels): deeper
# structures overflow the parsers' and pydantic's recursion limits.
MAX_DEPTH = 64


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1000:.0f} KB"


def _a(what: str) -> str:
    return f"an {what}" if what[0] in "aeiou" else f"a {what}"


def read_user_file(path: Path, what: str) -> str:
    """A file the user named, as text, or a one-line UserError saying why it can't be read.

    Only regular files are read (a FIFO or a device would block or never end), at most `FILE_LIMITS[what]`
    bytes, and only UTF-8 text without NUL bytes.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise UserError(f"{path}: no such {what} file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read {what} file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path}: is a folder, not {_a(what)} file")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{path}: is not a regular file, so it cannot be {_a(what)} file")
    limit = FILE_LIMITS[what]
    if info.st_size > limit:
        raise UserError(f"{path}: {what} file is {_size(info.st_size)}; the limit is {_size(limit)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: cannot read {what} file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(f"{path}: line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                        f"{_a(what)} file must be UTF-8") from None
    nul = text.find("\x00")
    if nul >= 0:
        raise UserError(f"{path}: line {text.count(chr(10), 0, nul) + 1}: a NUL byte; {_a(what)} file must be "
                        "text, not binary")
    return text


def nesting_depth(data: object) -> int:
    """How deeply lists and dicts nest in `data` (a scalar is 0), without recursion, counting only up to just
    past MAX_DEPTH. A node shared by YAML aliases is walked again only when reached deeper than before, so a
    "billion laughs" file costs its size, not its expansion."""
    deepest = 0
    seen: dict[int, int] = {}
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None or seen.get(id(node), 0) >= depth:
            continue
        seen[id(node)] = depth
        deepest = max(deepest, depth)
        if depth <= MAX_DEPTH:
            stack.extend((child, depth + 1) for child in children)
    return deepest


_FLOW = re.compile(r"[\[\]{}]")


def check_flow_nesting(text: str, path: Path) -> None:
    """Refuse YAML whose brackets nest absurdly deep before the YAML parser sees it: ruamel's scanner takes
    time quadratic in flow nesting (8 s at 2,000 levels) before it overflows. Brackets are counted raw, quoted
    or not, against four times MAX_DEPTH, so text that merely mentions brackets never comes near the bound."""
    depth = 0
    for match in _FLOW.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > 4 * MAX_DEPTH:
            raise UserError(too_deep(path))


def check_depth(data: object, path: Path) -> None:
    if nesting_depth(data) > MAX_DEPTH:
        raise UserError(too_deep(path))


def too_deep(path: Path) -> str:
    return f"{path}: nested more than {MAX_DEPTH} levels deep; no valid file is"


def check_output_path(path: Path, flag: str) -> None:
    """Refuse an output path that cannot be written, before any work is done (an interview, a paid eval).
    Missing folders are fine (they are created), as long as the nearest existing one can be written in."""
    if path.is_dir():
        raise UserError(f"{flag} {path}: is a folder; name a file")
    existing = path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UserError(f"{flag} {path}: {existing} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        raise UserError(f"{flag} {path}: cannot write in {existing}: {exc.strerror or exc}") from None


_SPACE = re.compile(r"[ \t\n\r]*")


def json_line(text: str, loc: tuple) -> int:
    """The 1-based line, in valid JSON `text`, of the value at `loc` (keys and list indices), or of the deepest
    part of `loc` that exists. Values are skipped with the standard decoder, so strings can't confuse it."""
    decoder = json.JSONDecoder()
    pos = _SPACE.match(text, 0).end()
    found = pos
    try:
        for part in loc:
            if text[pos] == "{" and isinstance(part, str):
                pos = _member(text, pos, part, decoder)
            elif text[pos] == "[" and isinstance(part, int):
                pos = _element(text, pos, part, decoder)
            else:
                break
            if pos < 0:
                break
            found = pos
    except (ValueError, IndexError):
        pass
    return text.count("\n", 0, found) + 1


def _member(text: str, pos: int, key: str, decoder: json.JSONDecoder) -> int:
    """Position of the value of `key` in the object starting at `pos`, or -1."""
    pos = _SPACE.match(text, pos + 1).end()
    while text[pos] != "}":
        name, pos = json.decoder.scanstring(text, pos + 1)
        pos = _SPACE.match(text, pos).end() + 1  # past the colon
        pos = _SPACE.match(text, pos).end()
        if name == key:
            return pos
        _, pos = decoder.raw_decode(text, pos)
        pos = _SPACE.match(text, pos).end()
        if text[pos] == ",":
            pos = _SPACE.match(text, pos + 1).end()
    return -1


def _element(text: str, pos: int, index: int, decoder: json.JSONDecoder) -> int:
    """Position of item `index` of the list starting at `pos`, or -1."""
    pos = _SPACE.match(text, pos + 1).end()
    i = 0
    while text[pos] != "]":
        if i == index:
            return pos
        _, pos = decoder.raw_decode(text, pos)
        pos = _SPACE.match(text, pos).end()
        if text[pos] == ",":
            pos = _SPACE.match(text, pos + 1).end()
        i += 1
    return -1


def locate(data: object, loc: tuple) -> int | None:
    """Best-effort 1-based line of the node at `loc` in a ruamel round-trip tree, or of its nearest parent."""
    line = None
    node = data
    for key in loc:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(key, int) and isinstance(node, list) and key < len(node):
                if lc is not None:
                    line = lc.item(key)[0] + 1
                node = node[key]
            elif isinstance(node, dict) and key in node:
                if lc is not None:
                    line = lc.key(key)[0] + 1
                node = node[key]
            else:
                break
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    if line is None and getattr(data, "lc", None) is not None:
        line = data.lc.line + 1
    return line


def format_loc(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"
