"""The interviewer's line streams out of the JSON as it is written, and only for a move the policy allows."""

from __future__ import annotations

import json

from agent.llm.streaming import LineEmitter, TurnStream


def _feed(text: str, allowed: set[str], piece: int = 3) -> tuple[list[str], TurnStream]:
    shown: list[str] = []
    stream = TurnStream(allowed, LineEmitter(shown.append), lambda move, line: None)
    for i in range(0, len(text), piece):
        stream.feed(text[i : i + piece])
    return shown, stream


REPLY = json.dumps({"move": "probe:data_first", "say": "Where do the labels come from, and who writes them?",
                    "findings": [], "wants_to_end": False})


def test_the_line_streams_before_the_reply_is_complete() -> None:
    shown, stream = _feed(REPLY, {"probe:data_first"})
    assert len(shown) > 5, "the line arrives in many small pieces"
    assert "".join(shown) == "Where do the labels come from, and who writes them?"
    assert stream.line == ("probe:data_first", "Where do the labels come from, and who writes them?")
    first_piece_at = REPLY.index('"say": "') + len('"say": "') + 3
    partial, _ = _feed(REPLY[:first_piece_at], {"probe:data_first"})
    assert partial, "the first words are shown as soon as they exist"


def test_no_line_for_a_move_the_policy_does_not_allow() -> None:
    shown, stream = _feed(REPLY, {"constraint:latency"})
    assert shown == [] and stream.line is None and not stream.committed


def test_garbage_and_fences_are_tolerated() -> None:
    assert _feed("I think that " + "{oops", {"probe:data_first"})[0] == []
    shown, _ = _feed("```json\n" + REPLY + "\n```", {"probe:data_first"})
    assert "".join(shown).startswith("Where do the labels")


def test_unicode_escapes_stream_whole() -> None:
    text = json.dumps({"move": "clarification", "say": "Caf\u00e9 \u2014 \u201cquoted\u201d"})
    shown, _ = _feed(text, {"clarification"}, piece=1)
    assert "".join(shown) == "Caf\u00e9 \u2014 \u201cquoted\u201d"


def test_emitter_never_repeats_and_stops_on_disagreement() -> None:
    out: list[str] = []
    emitter = LineEmitter(out.append)
    for text in ("Wh", "Where", "Where", "Where do"):
        emitter.show(text)
    assert out == ["Wh", "ere", " do"]
    emitter.show("Something else")
    emitter.show("Something else entirely")
    assert out == ["Wh", "ere", " do"] and emitter.diverged
