"""The one error type a user sees: a single line, exit code 2."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from the user (a file, a flag, a persona). The CLI prints `str(err)` on one line and exits 2."""

    exit_code = 2


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
