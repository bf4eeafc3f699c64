"""Streaming the interviewer's line out of a JSON reply while the model is still writing it.

The reply starts `{"move": "...", "say": "...`. Each content delta is appended to a buffer that pydantic-core
parses as partial JSON; once `move` is complete and allowed, the growing `say` string is forwarded. A line for
a move the policy does not allow is never shown, nor is anything that may turn out to be a placeholder or a
fragment of JSON: the stream stops short of a `<`, `{` or `}` and shows nothing until a word has arrived, and
the whole line is checked (agent/llm/line_check.py) before it counts as complete.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic_core import from_json

from agent.brain import TextSink

_HELD_BACK = re.compile(r"[<{}]")
_LETTER = re.compile(r"[^\W\d_]")
LineCheck = Callable[[str, str], str | None]  # (move id, line) -> why it is not a line, or None


def safe_prefix(partial: str) -> str:
    """The part of a growing line that can be shown now: up to any `<`, `{` or `}`, and only once it has a word."""
    cut = _HELD_BACK.search(partial)
    shown = partial[: cut.start()] if cut else partial
    return shown if _LETTER.search(shown) else ""


class LineEmitter:
    """Forwards only what extends the text already shown, so a retried or re-asked stream never repeats words.

    If a later text disagrees with what is already on screen (a retry that phrased the line differently, or an
    offline fallback after a partial line), it stops forwarding: the finished turn's text is authoritative and
    a client should render it when the turn completes.
    """

    def __init__(self, sink: TextSink | None):
        self._sink = sink
        self.shown = ""
        self.diverged = False

    def show(self, text: str) -> None:
        if self._sink is None or self.diverged or text == self.shown:
            return
        if not text.startswith(self.shown):
            self.diverged = True
            return
        delta, self.shown = text[len(self.shown):], text
        self._sink(delta)


class TurnStream:
    """Feeds a turn reply's content deltas; shows the `say` field through `emitter` once `move` is allowed."""

    def __init__(self, allowed_ids: set[str], emitter: LineEmitter, check: LineCheck):
        self._allowed = allowed_ids
        self._emitter = emitter
        self._check = check
        self._buffer: list[str] = []
        self._move_ok: bool | None = None
        self._done = False
        self.line: tuple[str, str] | None = None  # (move id, whole line) once the line is complete, checked, shown

    def feed(self, delta: str) -> None:
        self._buffer.append(delta)
        if self._done:
            return
        text = "".join(self._buffer)
        start = text.find("{")
        if start < 0:
            return
        try:
            complete = from_json(text[start:], allow_partial=True)  # only finished strings
        except ValueError:  # not JSON after all: the final parse will say so
            self._done = True
            return
        if not isinstance(complete, dict):
            return
        if self._move_ok is None and "move" in complete:
            self._move_ok = complete["move"] in self._allowed
        if not self._move_ok:
            self._done = self._move_ok is False
            return
        if isinstance(complete.get("say"), str):
            self._done = True
            line = complete["say"].strip()
            if self._check(complete["move"], line) is None:
                self._emitter.show(line)
                self.line = (complete["move"], line)
            return
        partial = from_json(text[start:], allow_partial="trailing-strings")  # parsed once already: valid
        if isinstance(partial, dict) and isinstance(partial.get("say"), str):
            shown = safe_prefix(partial["say"].lstrip())
            if shown:
                self._emitter.show(shown)

    @property
    def committed(self) -> bool:
        """Whether any of this turn's line has reached the screen."""
        return bool(self._emitter.shown)
