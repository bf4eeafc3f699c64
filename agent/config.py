"""User settings for the model brain: `INTERVIEWER_*` environment variables over `config.toml` in the data home.

    # ~/.local/share/interviewer/config.toml (or $INTERVIEWER_HOME/config.toml)
    model = "openai/gpt-4o-mini"
    timeout = 45

Precedence: explicit arguments (the `--model` flag) > environment > config file > defaults.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from agent.errors import UserError, format_loc

CONFIG_NAME = "config.toml"


def config_path() -> Path:
    from agent.storage import data_home

    return data_home() / CONFIG_NAME


class Settings(BaseSettings):
    """How to reach a model and how patiently. Every field can be set as `INTERVIEWER_<FIELD>`."""

    model_config = SettingsConfigDict(env_prefix="INTERVIEWER_", extra="ignore")

    model: str | None = Field(None, description="litellm model string, or 'offline'")
    api_base: str | None = Field(None, description="base URL of an OpenAI-compatible server or a remote Ollama")
    timeout: float = Field(60.0, gt=0, description="seconds per model request")
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
        # The file is located per call: INTERVIEWER_HOME may change between calls (tests do that).
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config_path())


def load_settings(**overrides: object) -> Settings:
    """The settings now in force; any problem is one line naming its source."""
    unknown = _unknown_file_keys()
    if unknown:
        raise UserError(f"{config_path()}: unknown setting(s) {', '.join(unknown)}; "
                        f"known: {', '.join(Settings.model_fields)}")
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{config_path()}: invalid TOML: {exc}") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        field = format_loc(tuple(err["loc"]))
        raise UserError(f"setting {field} (INTERVIEWER_{field.upper()} or {config_path()}): {err['msg']}") from None


def _unknown_file_keys() -> list[str]:
    """Typos in the config file are errors; stray INTERVIEWER_* variables (e.g. INTERVIEWER_HOME) are not."""
    path = config_path()
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: invalid TOML: {exc}") from None
    return sorted(set(data) - set(Settings.model_fields))
