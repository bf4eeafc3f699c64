"""Reading a model's reply: find the JSON object, validate it, and say precisely what was wrong if it isn't."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)


class InvalidOutput(ValueError):
    """The reply is not the JSON that was asked for. The message is sent back to the model in the one re-ask."""


def json_object_text(text: str) -> str:
    """The outermost `{...}` of a reply, tolerating code fences or a sentence around it (JSON-mode models)."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise InvalidOutput("the reply contains no JSON object")
    return text[start : end + 1]


def parse_reply(text: str, model: type[T]) -> T:
    try:
        return model.model_validate_json(json_object_text(text))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'reply'}: {err['msg']}" for err in exc.errors()[:3]
        )
        raise InvalidOutput(f"the JSON does not match the schema ({problems})") from None
