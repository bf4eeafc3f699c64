"""A content-addressed cache of verdicts, so re-running an LLM-judge eval costs nothing.

The key hashes the transcript as the judge sees it (labels excluded: relabelling must not cost a re-run), the
brain's name, everything the brain reports in `info` (model, prompt version hashes, sampling parameters) and the
version of the rulebook's knowledge files (`agent.knowledge.knowledge_version`).
Change any of them and the key changes; nothing is ever invalidated by hand.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from agent.knowledge import knowledge_version
from agent.models import Transcript, Verdict
from agent.storage import atomic_write

FORMAT = 1


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(transcript: Transcript, brain: object) -> str:
    payload = {
        "format": FORMAT,
        "transcript": _sha256(transcript.model_dump_json(exclude={"labels"})),
        "brain": getattr(brain, "name", type(brain).__qualname__),
        "info": getattr(brain, "info", {}),
        # the rulebook turns a model's findings into the verdict, so a change to it is a different verdict
        "knowledge": knowledge_version(),
    }
    return _sha256(json.dumps(payload, sort_keys=True, default=str))


@dataclass(frozen=True)
class Entry:
    verdict: Verdict
    usage: dict
    latency_s: float | None


class VerdictCache:
    """One JSON file per key under `root/<2 hex>/<key>.json`, written atomically (safe across threads)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Entry | None:
        """The stored entry, or None when absent or unreadable (an unreadable entry is a miss, not an error)."""
        try:
            record = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Entry(Verdict.model_validate(record["verdict"]), record.get("usage") or {},
                         record.get("latency_s"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        record = {"verdict": entry.verdict.model_dump(mode="json"), "usage": entry.usage,
                  "latency_s": entry.latency_s}
        atomic_write(self._path(key), json.dumps(record))
