"""Choosing and building the brain: flag, environment, config file, detected provider; one clear line on error."""

from __future__ import annotations

import json
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from llm_http import StandInHandler

from agent.brains import describe_brain, resolve_brain
from agent.config import load_settings
from agent.errors import UserError
from agent.llm.selection import choose_model

LOCAL = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


@pytest.fixture
def no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    monkeypatch.setenv("INTERVIEWER_OLLAMA_URL", "http://127.0.0.1:9")  # nothing listens on the discard port


def test_env_beats_config_file_and_the_flag_beats_both(llm_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (llm_env / "config.toml").write_text('model = "anthropic/claude-haiku-4-5"\ntimeout = 12\n')
    assert load_settings().model == "anthropic/claude-haiku-4-5" and load_settings().timeout == 12
    monkeypatch.setenv("INTERVIEWER_MODEL", "openai/gpt-4o-mini")
    assert choose_model(None).model == "openai/gpt-4o-mini"
    assert choose_model("ollama_chat/qwen2.5").source == "--model"
    assert choose_model("offline") is None


@pytest.mark.parametrize("text, message", [
    ('modle = "x"\n', "unknown setting(s) modle"),
    ("timeout = -1\n", "setting timeout"),
    ("model = \n", "invalid TOML"),
])
def test_config_file_errors_are_one_line(llm_env: Path, text: str, message: str) -> None:
    (llm_env / "config.toml").write_text(text)
    with pytest.raises(UserError) as err:
        load_settings()
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_key_in_the_environment_picks_that_providers_default(monkeypatch: pytest.MonkeyPatch, no_keys) -> None:
    assert choose_model(None) is None
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    assert choose_model(None).model == "anthropic/claude-haiku-4-5"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert choose_model(None).model == "openai/gpt-4o-mini"


@LOCAL
def test_a_local_ollama_supplies_its_first_chat_model(monkeypatch: pytest.MonkeyPatch, no_keys) -> None:
    class Tags(StandInHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            body = json.dumps({"models": [
                {"name": "nomic-embed-text:latest", "details": {"family": "nomic-bert"}},
                {"name": "qwen2.5:7b", "details": {"family": "qwen2"}}]})
            self.reply(200, {"content-type": "application/json"}, body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tags)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("INTERVIEWER_OLLAMA_URL", f"http://127.0.0.1:{server.server_port}")
        choice = choose_model(None)
    finally:
        server.shutdown()
    assert choice.model == "ollama_chat/qwen2.5:7b" and choice.api_base.startswith("http://127.0.0.1")


@LOCAL
def test_no_model_anywhere_means_offline_quickly(no_keys) -> None:
    started = time.perf_counter()
    brain = resolve_brain()
    assert brain.name == "offline" and time.perf_counter() - started < 1.0
    assert describe_brain(brain) == "the embedded offline engine"


@pytest.mark.parametrize("model, env, message", [
    ("nonsense", set(), "litellm cannot tell its provider"),
    ("openai/gpt-4o-mnii", set(), "did you mean openai/gpt-4o-mini"),
    ("anthropic/claude-haiku-4-5", {"ANTHROPIC_API_KEY"}, "needs ANTHROPIC_API_KEY"),
])
def test_model_problems_are_one_clear_line(model: str, env: set[str], message: str,
                                           monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    for var in env:
        monkeypatch.delenv(var)
    with pytest.raises(UserError) as err:
        resolve_brain(model)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert capsys.readouterr().out == "", "litellm prints nothing of its own"


def test_brain_info_names_model_source_and_prompt_versions() -> None:
    brain = resolve_brain("openai/gpt-4o-mini")
    assert brain.info["structured_output"] == "json_schema"
    assert describe_brain(brain) == "openai/gpt-4o-mini via litellm (--model)"
    assert set(brain.info["prompt_versions"]) == {"interviewer_turn", "judge"}


def test_an_openai_compatible_server_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://127.0.0.1:8000/v1")
    brain = resolve_brain("openai/my-local-model")
    assert brain.client.api_base == "http://127.0.0.1:8000/v1" and brain.info["structured_output"] != "prompt"
