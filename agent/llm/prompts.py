"""Prompt templates: Markdown files in prompts/ with a system part, a user part and `{{name}}` placeholders.

    <!-- role: system -->
    You are ...  {{persona_name}} ...
    <!-- role: user -->
    ...

Each template's version is a hash of its file, recorded in every transcript it produced, so a verdict can be
traced to the exact prompt wording behind it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_ROLE = re.compile(r"^<!-- role: (system|user) -->\s*$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str
    version: str

    @property
    def placeholders(self) -> set[str]:
        return set(_PLACEHOLDER.findall(self.system)) | set(_PLACEHOLDER.findall(self.user))

    def render(self, values: dict[str, str]) -> list[dict[str, str]]:
        """Chat messages with every placeholder filled. A missing or unexpected value is a programming error."""
        missing, extra = self.placeholders - set(values), set(values) - self.placeholders
        if missing or extra:
            raise KeyError(f"prompt {self.name}: missing {sorted(missing)}, unexpected {sorted(extra)}")

        def fill(text: str) -> str:
            return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text).strip()

        return [{"role": "system", "content": fill(self.system)}, {"role": "user", "content": fill(self.user)}]


def parse_prompt(name: str, text: str) -> Prompt:
    parts = _ROLE.split(text)
    # parts: [preamble, "system", system text, "user", user text]
    roles = dict(zip(parts[1::2], parts[2::2], strict=True))
    if list(roles) != ["system", "user"]:
        raise ValueError(f"prompt {name}: needs a '<!-- role: system -->' part then a '<!-- role: user -->' part")
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return Prompt(name=name, system=roles["system"], user=roles["user"], version=version)


@cache
def load_prompt(name: str) -> Prompt:
    text = resources.files("prompts").joinpath(f"{name}.md").read_text(encoding="utf-8")
    return parse_prompt(name, text)
