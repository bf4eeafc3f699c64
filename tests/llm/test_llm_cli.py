"""The CLI shows which brain is in use, the notices, and the interview's tokens and cost, and stores them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from llm_script import A1, ANSWERS, PERSONA, QUESTIONS, SEED

from agent.brains import resolve_brain
from agent.cli import main
from agent.plain_chat import _respond
from agent.session import Interview
from agent.storage import sessions_dir


def _answers(tmp_path: Path, answers: list[str]) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": answers}))
    return str(path)


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_interview")
def test_run_reports_brain_usage_and_stores_it(tmp_path: Path, capsys, vcr, cassette_model: str) -> None:
    """Replayed from a real llama.cpp server: its own token counts, and a price nobody knows."""
    argv = ["run", "--persona", PERSONA, "--answers", _answers(tmp_path, ANSWERS), "--questions", str(QUESTIONS),
            "--seed", SEED, "--model", cassette_model, "--json"]
    assert main(argv) == 0
    out = capsys.readouterr()
    assert f"Brain: {cassette_model} via litellm (--model)" in out.err
    report = json.loads(out.out)
    assert report["brain"] == cassette_model
    assert report["usage"]["requests"] == vcr.play_count and vcr.all_played
    assert report["usage"]["cost_usd"] is None and report["usage"]["tokens"] == "server"
    assert report["usage"]["prompt_tokens"] > report["usage"]["completion_tokens"] > 0
    saved = json.loads((sessions_dir() / f"{report['session_id']}.json").read_text())
    assert saved["metadata"]["usage_total"] == report["usage"]
    kinds = [u["kind"] for u in saved["metadata"]["usage"]]
    assert kinds[-1] == "verdict" and set(kinds[:-1]) == {"turn"}


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_server_error")
def test_run_shows_notices_in_text_mode(tmp_path: Path, capsys) -> None:
    argv = ["run", "--persona", PERSONA, "--answers", _answers(tmp_path, [A1]), "--questions", "1",
            "--model", "openai/gpt-4o-mini"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Notice: openai/gpt-4o-mini failed with HTTP 500 after 4 request(s)" in out
    assert "Model usage (openai/gpt-4o-mini):" in out and "# Verdict" in out


@pytest.mark.vcr
@pytest.mark.default_cassette("openai_one_turn")
def test_plain_chat_streams_on_a_terminal_without_printing_twice(capsys, cassette_model: str) -> None:
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain(cassette_model), seed=SEED)
    capsys.readouterr()
    _respond(interview, A1, stream=True)
    line = interview.turns[-1].text
    interview.close()
    out = capsys.readouterr().out
    assert out.count(line) == 1 and out.startswith(f"\nInterviewer: {line[:8]}")


def test_an_unknown_model_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    argv = ["run", "--persona", PERSONA, "--answers", _answers(tmp_path, [A1]), "--model", "nonsense"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("interviewer: error: unknown model 'nonsense'") and "\n" not in err
