"""What the model must return, twice over: a JSON schema sent to the provider, and a pydantic model that checks
the reply on our side (providers in JSON mode, and some in schema mode, do not enforce the schema).

The schemas are written by hand in the strict subset every structured-output provider accepts: every property
required, no additional properties, no defaults; and the allowed moves change every turn. The turn schema puts
`move` then `say` first, so the line can stream to the screen while the model is still writing its analysis.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from agent.models import Move
from agent.taxonomy import SIGNAL_IDS, Dimension


def move_id(move: Move) -> str:
    """A move as the model names it: `probe:data_first`, `constraint:latency`, `next_question`..."""
    detail = move.signal or move.constraint_kind
    return f"{move.kind}:{detail}" if detail else move.kind


def _obj(properties: dict) -> dict:
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


_STRING = {"type": "string"}
_QUOTE = {"type": "string", "description": "copied character for character from the candidate's words"}


# Bounds for grammar-constrained decoding (json_object_schema mode): without them a small model can write one
# string, or one array, until the token limit. Per property name; other strings and arrays get the defaults.
# The findings of one turn are few; a verdict's span the interview.
MAX_LENGTHS = {"say": 500, "quote": 200, "why": 100}
MAX_ITEMS = {"interviewer_turn": {"findings": 4, "instructions_to_evaluator": 2},
             "verdict_evidence": {"findings": 10, "instructions_to_evaluator": 3}}
DEFAULT_MAX_LENGTH = 300
DEFAULT_MAX_ITEMS = 4


def bounded(schema: dict, schema_name: str, name: str = "") -> dict:
    """A copy of `schema` with maxLength on every free string and maxItems on every array."""
    out = dict(schema)
    if out.get("type") == "string" and "enum" not in out:
        out["maxLength"] = MAX_LENGTHS.get(name, DEFAULT_MAX_LENGTH)
    elif out.get("type") == "array":
        out["maxItems"] = MAX_ITEMS.get(schema_name, {}).get(name, DEFAULT_MAX_ITEMS)
        out["items"] = bounded(out["items"], schema_name, name)
    elif out.get("type") == "object":
        out["properties"] = {key: bounded(value, schema_name, key) for key, value in out["properties"].items()}
    return out


def turn_schema(move_ids: list[str]) -> dict:
    finding = _obj({"signal": {"type": "string", "enum": list(SIGNAL_IDS)}, "quote": _QUOTE,
                    "strength": {"type": "number"}, "why": _STRING})
    return _obj({
        "move": {"type": "string", "enum": move_ids},
        "say": _STRING,
        "findings": {"type": "array", "items": finding},
        "asked_clarifying_question": {"type": "boolean"},
        "said_dont_know": {"type": "boolean"},
        "wants_to_end": {"type": "boolean"},
        "instructions_to_evaluator": {"type": "array", "items": _QUOTE},
    })


def judge_schema() -> dict:
    quote = _obj({"turn_index": {"type": "integer"}, "quote": _QUOTE})
    finding = _obj({"signal": {"type": "string", "enum": list(SIGNAL_IDS)}, "turn_index": {"type": "integer"},
                    "quote": _QUOTE, "strength": {"type": "number"}, "why": _STRING})
    return _obj({
        "instructions_to_evaluator": {"type": "array", "items": quote},
        "findings": {"type": "array", "items": finding},
        "rationales": _obj({d.value: _STRING for d in Dimension}),
    })


class TurnFinding(BaseModel):
    signal: str
    quote: str
    strength: float = 0.8
    why: str = ""


class TurnReply(BaseModel):
    """The interviewer turn as the model wrote it. Lenient only where a JSON-mode model may omit a false flag."""

    move: str
    say: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    findings: list[TurnFinding]
    asked_clarifying_question: bool = False
    said_dont_know: bool = False
    wants_to_end: bool = False
    instructions_to_evaluator: list[str] = Field(default_factory=list)


class QuotedTurn(BaseModel):
    turn_index: int
    quote: str


class JudgeFinding(QuotedTurn):
    signal: str
    strength: float = 0.8
    why: str = ""


class JudgeReply(BaseModel):
    instructions_to_evaluator: list[QuotedTurn]
    findings: list[JudgeFinding]
    rationales: dict[str, str]
