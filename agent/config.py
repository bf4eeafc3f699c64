"""User settings for the model brain: `INTERVIEWER_*` environment variables over `config.toml` in the data home.

    # ~/.local/share/interviewer/config.toml (or $INTERVIEWER_HOME/config.toml)
    model = "openai/gpt-4o-mini"
    timeout = 45

Precedence: explicit arguments (the `--model` flag) > environment > config file > defaults.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from agent.errors import UserError, format_loc, read_user_file

CONFIG_NAME = "config.toml"
ENV_PREFIX = "INTERVIEWER_"


def config_path() -> Path:
    from agent.storage import data_home

    return data_home() / CONFIG_NAME


class Settings(BaseSettings):
    """How to reach a model and how patiently. Every field can be set as `INTERVIEWER_<FIELD>`."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    model: str | None = Field(None, description="litellm model string, or 'offline'")
    api_base: str | None = Field(None, description="base URL of an OpenAI-compatible server or a remote Ollama")
    timeout: float = Field(60.0, gt=0, description="seconds per model request")
    local_timeout: float = Field(600.0, gt=0, description="seconds per request to a server on this machine "
                                 "(a loopback base URL or Ollama): a small CPU model takes minutes, and a timed-out "
                                 "request there is not retried")
    output_mode: Literal["json_schema", "json_object_schema", "prompt"] | None = Field(
        None, description="how the reply's JSON schema is sent: OpenAI's json_schema, llama.cpp's json_object + "
        "schema, or in the prompt only; unset: chosen per provider")
    max_attempts: int = Field(4, ge=1, le=10, description="tries per model request, the first included")
    backoff_initial: float = Field(1.0, ge=0, description="first backoff wait in seconds (0 in tests)")
    backoff_max: float = Field(20.0, ge=0, description="longest single backoff wait in seconds")
    ollama_url: str = Field("http://localhost:11434", description="where to look for a local Ollama")
    ollama_probe_timeout: float = Field(0.3, gt=0, description="seconds to wait for the Ollama probe")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, ConfigFileSource(settings_cls)


class ConfigFileSource(PydanticBaseSettingsSource):
    """`config.toml` in the data home, read like any user file: a folder, a binary file, bad UTF-8 or bad TOML
    is one line naming it. Located per call: INTERVIEWER_HOME may change between calls (tests do that)."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self().get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return read_config_file()


def read_config_file() -> dict[str, Any]:
    path = config_path()
    if not os.path.lexists(path):
        return {}
    data = parse_config(path, read_user_file(path, "config"))
    unknown = sorted(set(data) - set(Settings.model_fields))
    if unknown:
        raise UserError(f"{path}: line {_key_line(path, unknown[0]) or 1}: unknown setting(s) {', '.join(unknown)}; "
                        f"known: {', '.join(Settings.model_fields)}")
    return data


def parse_config(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise UserError(f"{path}: invalid TOML: nested too deeply") from None


def _key_line(path: Path, key: str) -> int | None:
    """The line where `key` is set in the config file, if it is."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def load_settings(**overrides: object) -> Settings:
    """The settings now in force; any problem is one line naming where the bad value came from."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        err = exc.errors()[0]
        field = format_loc(tuple(err["loc"]))
        env = f"{ENV_PREFIX}{field.upper()}"
        line = _key_line(config_path(), field)
        where = env if os.environ.get(env) is not None else f"{config_path()}: line {line}" if line else "settings"
        raise UserError(f"{where}: setting {field}: {err['msg']}") from None
