"""Company-style personas: YAML files validated by pydantic, with errors that name the file, field and line."""

from __future__ import annotations

import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from agent.errors import (
    MAX_DEPTH,
    UserError,
    check_depth,
    check_flow_nesting,
    format_loc,
    locate,
    nesting_depth,
    read_user_file,
    too_deep,
)
from agent.models import CONSTRAINT_KINDS, ConstraintKind
from agent.taxonomy import POSITIVE_IDS, SIGNALS

Level = Literal["low", "medium", "high"]
Category = Literal["system_design", "data", "metrics", "debugging", "past_project"]
# Kinds of line a persona may word in its own voice (`agent.offline.voice` has a shared bank of each).
LINE_KINDS = ("transition", "restate", "cost", "consequence", "ignored", "narrow", "dismissal", "dismissal_constraint",
              "stance", "raised", "constraint")
PUSHBACK_TRIGGERS = (
    "overconfidence", "premature_complexity", "defensive_under_constraint", "theory_over_decisions",
    "metric_fixation", "ignores_data_reality", "tool_name_dropping", "answers_different_question",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Style(_Strict):
    tone: str
    ambiguity: Level = "medium"
    pushback: Level = "medium"
    opener: str
    closing: str
    acknowledgements: list[str] = Field(min_length=1)


class PolicyConfig(_Strict):
    """How the routing policy behaves for this persona."""

    min_followups: int = Field(2, ge=0, le=6)
    max_followups: int = Field(4, ge=1, le=8)
    max_clarifications: int = Field(2, ge=0, le=4)
    max_turns: int = Field(40, ge=6, le=200)

    @model_validator(mode="after")
    def _ordered(self) -> PolicyConfig:
        if self.min_followups > self.max_followups:
            raise ValueError("min_followups must not exceed max_followups")
        return self


class Constraint(_Strict):
    kind: ConstraintKind
    text: str = Field(min_length=10)


class Clarification(_Strict):
    """An in-character answer to a clarifying question whose words overlap `about`."""

    about: list[str] = Field(min_length=1)
    answer: str


class Question(_Strict):
    id: str
    category: Category
    text: str = Field(min_length=20)
    clarifications: list[Clarification] = Field(default_factory=list)
    default_clarification: str
    constraints: list[Constraint]

    @field_validator("constraints")
    @classmethod
    def _every_kind(cls, v: list[Constraint]) -> list[Constraint]:
        missing = [k for k in CONSTRAINT_KINDS if not any(c.kind == k for c in v)]
        if missing:
            raise ValueError(f"needs at least one constraint of each kind; missing {missing}")
        return v

    def constraint(self, kind: str, nth: int = 0) -> Constraint:
        of_kind = [c for c in self.constraints if c.kind == kind]
        return of_kind[nth % len(of_kind)]


class Persona(_Strict):
    id: str
    name: str
    tagline: str
    style: Style
    policy: PolicyConfig = Field(default_factory=PolicyConfig)
    emphasis: dict[str, float]
    questions: list[Question] = Field(min_length=8)
    probes: dict[str, list[str]]
    pushbacks: dict[str, list[str]]
    dont_know: list[str] = Field(min_length=1)
    lines: dict[str, list[str]] = Field(default_factory=dict, description="lines in the persona's own voice")

    @field_validator("lines")
    @classmethod
    def _line_kinds(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = sorted(set(v) - set(LINE_KINDS))
        if unknown:
            raise ValueError(f"unknown line kind(s) {unknown}; known: {', '.join(LINE_KINDS)}")
        return v

    @field_validator("emphasis")
    @classmethod
    def _emphasis_ids(cls, v: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(v) - set(SIGNALS))
        if unknown:
            raise ValueError(f"unknown signal id(s) {unknown}")
        if any(w < 0 or w > 3 for w in v.values()):
            raise ValueError("weights must be between 0 and 3")
        return v

    @field_validator("probes")
    @classmethod
    def _probe_every_positive(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = [s for s in POSITIVE_IDS if not v.get(s)]
        if missing:
            raise ValueError(f"needs probe phrasings for every positive signal; missing {missing}")
        unknown = sorted(set(v) - set(POSITIVE_IDS))
        if unknown:
            raise ValueError(f"probes are for positive signals only; unknown {unknown}")
        return v

    @field_validator("pushbacks")
    @classmethod
    def _pushback_ids(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = sorted(set(v) - set(PUSHBACK_TRIGGERS))
        if unknown:
            raise ValueError(f"unknown pushback trigger(s) {unknown}; known: {', '.join(PUSHBACK_TRIGGERS)}")
        if not v.get("overconfidence") or not v.get("premature_complexity"):
            raise ValueError("needs pushbacks for at least overconfidence and premature_complexity")
        return v

    @model_validator(mode="after")
    def _unique_question_ids(self) -> Persona:
        ids = [q.id for q in self.questions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate question id(s) {dupes}")
        return self

    def weight(self, signal: str) -> float:
        return self.emphasis.get(signal, 1.0)

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise UserError(f"persona {self.id}: no question {qid!r}")


def question_line(lead: str, question: Question) -> str:
    """How the interviewer asks a question: the lead-in (the opener, or the line that moves on), then the
    question. The graph asks with it; the app shows the first question with it while the engine is still opening."""
    return f"{lead}\n\n{question.text}".strip() if lead else question.text


def _user_persona_dir() -> Path:
    from agent.storage import data_home

    return data_home() / "personas"


_CORE_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_CORE_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")


@cache
def _fast_loader() -> type:
    """libyaml's safe loader (PyYAML's C parser, ~20x faster than ruamel's pure-Python one) read as ruamel
    reads YAML: only true/false are booleans, a leading zero is not octal, a repeated key is an error. So a
    file both accept gives the same data."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class CoreSchemaLoader(base):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool",
                                                                        "tag:yaml.org,2002:int")]
            for first, resolvers in base.yaml_implicit_resolvers.items()}

        def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN202 - PyYAML's signature
            """A key given twice is an error, as in ruamel (PyYAML would keep the last one silently)."""
            keys = [self.construct_object(key, deep=True) for key, _ in node.value]
            if any(isinstance(k, list | dict) for k in keys) or len(set(keys)) != len(keys):
                raise yaml.constructor.ConstructorError(None, None, "duplicate or unhashable key", node.start_mark)
            return super().construct_mapping(node, deep=deep)

    CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _CORE_BOOL, list("tTfF"))
    CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:int", _CORE_INT, list("-+0123456789"))
    CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _core_int)
    return CoreSchemaLoader


def _core_int(loader: object, node: object) -> int:
    value = node.value  # type: ignore[attr-defined]
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value, 10)


def _fast_parse(text: str) -> Persona | None:
    """The hot path: libyaml, then pydantic. None when anything is wrong; the careful path then says what."""
    import yaml

    try:
        data = yaml.load(text, Loader=_fast_loader())  # a safe loader with YAML 1.2 scalars
        if nesting_depth(data) > MAX_DEPTH or not isinstance(data, dict):
            return None
        return Persona.model_validate(data)
    except (yaml.YAMLError, ValidationError, RecursionError, ValueError, TypeError):
        return None


def _read_yaml(path: Path, text: str) -> object:
    """ruamel's round-trip tree, which keeps the line of every node for error messages."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}" if mark else "unknown line"
        raise UserError(f"{path}: {line}: invalid YAML: {exc.problem or exc.context}") from None
    except RecursionError:
        raise UserError(too_deep(path)) from None
    check_depth(data, path)
    return data


def parse_persona(path: Path, text: str) -> Persona:
    """Validate one persona file; any problem becomes a single-line UserError naming file, field and line.

    A valid file is read by libyaml alone. Only a file that fails there is read again by ruamel, whose
    round-trip tree knows the line of each field, to say where the problem is.
    """
    check_flow_nesting(text, path)
    persona = _fast_parse(text)
    if persona is not None:
        return persona
    data = _read_yaml(path, text)
    if not isinstance(data, dict):
        raise UserError(f"{path}: line 1: (top level): a persona must be a YAML mapping")
    try:
        return Persona.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        line = locate(data, loc)
        where = f"line {line}" if line else "unknown line"
        msg = err["msg"].removeprefix("Value error, ")
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise UserError(f"{path}: {where}: {format_loc(loc)}: {msg}{more}") from None


def load_persona_file(path: Path) -> Persona:
    return parse_persona(path, read_user_file(path, "persona"))


@cache
def _builtin_texts() -> dict[str, tuple[str, str]]:
    out = {}
    for entry in resources.files("personas").iterdir():
        if entry.name.endswith(".yaml"):
            out[entry.name.removesuffix(".yaml")] = (f"personas/{entry.name}", entry.read_text(encoding="utf-8"))
    return out


def persona_ids() -> list[str]:
    ids = set(_builtin_texts())
    user_dir = _user_persona_dir()
    if user_dir.is_dir():
        ids |= {p.stem for p in user_dir.glob("*.yaml")}
    return sorted(ids)


@cache
def _builtin_persona(name: str) -> Persona | None:
    """Built-in personas never change while the program runs: parse each once."""
    builtin = _builtin_texts().get(name)
    return parse_persona(Path(builtin[0]), builtin[1]) if builtin else None


def load_persona(name: str) -> Persona:
    """A persona by id (user folder first, then built-in) or by path to a YAML file."""
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        return load_persona_file(Path(name))
    user_file = _user_persona_dir() / f"{name}.yaml"
    if user_file.is_file():
        return load_persona_file(user_file)
    persona = _builtin_persona(name)
    if persona is None:
        raise UserError(f"unknown persona {name!r}; choose one of: {', '.join(persona_ids())}")
    return persona


def load_all_personas() -> list[Persona]:
    return [load_persona(pid) for pid in persona_ids()]
