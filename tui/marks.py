"""How signal polarity is marked everywhere in the app: the same sign and theme colour on every screen."""

from __future__ import annotations

_MARKS = {"positive": ("+", "$text-success"), "negative": ("−", "$text-error"), "noise": ("~", "$text-warning")}


def polarity_mark(polarity: str) -> str:
    """`+`, `−` or `~` in the theme's success, error or warning colour, as Textual markup."""
    sign, colour = _MARKS.get(polarity, ("·", "$text"))
    return f"[{colour} b]{sign}[/]"
