"""Personas are read by libyaml on the hot path; ruamel reads a file only to say where it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.errors import UserError
from agent.persona import Persona, _builtin_texts, _fast_loader, _read_yaml, parse_persona


@pytest.mark.parametrize("name", sorted(_builtin_texts()))
def test_both_parsers_read_every_built_in_persona_alike(name: str) -> None:
    path, text = _builtin_texts()[name]
    assert parse_persona(Path(path), text) == Persona.model_validate(_read_yaml(Path(path), text))


def test_scalars_are_read_as_ruamel_reads_them() -> None:
    import yaml

    data = yaml.load("a: yes\nb: 010\nc: 0o10\nd: true\ne: No\nf: 0x1f\n", Loader=_fast_loader())
    assert data == {"a": "yes", "b": 10, "c": 8, "d": True, "e": "No", "f": 31}


def test_a_bad_file_still_names_its_field_and_line(tmp_path: Path) -> None:
    path, text = _builtin_texts()["meta"]
    broken = text.replace("pushback: ", "pushback: extreme # ", 1)
    with pytest.raises(UserError) as err:
        parse_persona(tmp_path / "meta.yaml", broken)
    message = str(err.value)
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if "pushback: extreme" in row)
    assert message.startswith(f"{tmp_path / 'meta.yaml'}: line {line}: style.pushback:")
    assert "\n" not in message


def test_a_repeated_key_is_refused_with_its_line(tmp_path: Path) -> None:
    _, text = _builtin_texts()["meta"]
    with pytest.raises(UserError, match=r"line \d+"):
        parse_persona(tmp_path / "p.yaml", "id: meta\n" + text)
