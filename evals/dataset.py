"""Loading an eval dataset: a folder of public-format transcripts (`*.json`, `*.jsonl`) or one JSONL file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from agent.errors import UserError, read_user_file
from agent.models import Transcript
from agent.storage import parse_transcript

SCORE_SCALE = (1, 2, 3, 4)


@dataclass
class Dataset:
    path: Path
    transcripts: list[Transcript] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """One line per skipped record, naming its file and line."""


def _records(path: Path) -> Iterator[tuple[str, int]]:
    """(text, line offset) of each transcript in the file: the whole file, or each non-blank JSONL line."""
    text = read_user_file(path, "dataset")
    if path.suffix != ".jsonl":
        yield text, 0
        return
    for offset, line in enumerate(text.splitlines()):
        if line.strip():
            yield line, offset


def _check_scores(transcript: Transcript, text: str, path: Path, offset: int) -> None:
    """Labelled dimension scores must sit on the verdict's 1-4 scale, or kappa silently drops them."""
    scores = (transcript.labels.dimension_scores or {}) if transcript.labels else {}
    for dim, score in scores.items():
        if score not in SCORE_SCALE:
            at = text.find(f'"{dim.value}"', max(0, text.find('"dimension_scores"')))
            line = offset + 1 + (text.count("\n", 0, at) if at >= 0 else 0)
            raise UserError(f"{path}: line {line}: labels.dimension_scores.{dim.value}: "
                            f"{score} is outside the 1-4 scale")


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".json", ".jsonl"))
        if not files:
            raise UserError(f"{path}: no .json or .jsonl transcript files in this folder")
        return files
    if path.is_file():
        return [path]
    raise UserError(f"{path}: no such dataset file or folder")


def load_dataset(path: Path, skip_invalid: bool = False) -> Dataset:
    """Every transcript under `path`, in file-name order. A bad record stops the load with its file and line,
    or, with `skip_invalid`, is left out and listed in `Dataset.skipped`."""
    data = Dataset(path)
    seen: dict[str, str] = {}
    for file in _files(path):
        try:
            records = list(_records(file))
        except UserError as err:
            if not skip_invalid:
                raise
            data.skipped.append(str(err))
            continue
        for text, offset in records:
            try:
                transcript = parse_transcript(text, file, line_offset=offset)
                _check_scores(transcript, text, file, offset)
                where = f"{file}: line {offset + 1}"
                if transcript.id in seen:
                    raise UserError(f"{where}: id {transcript.id!r} is already used by {seen[transcript.id]}")
            except UserError as err:
                if not skip_invalid:
                    raise
                data.skipped.append(str(err))
                continue
            seen[transcript.id] = where
            data.transcripts.append(transcript)
    if not data.transcripts:
        raise UserError(f"{path}: no valid transcripts ({len(data.skipped)} skipped as invalid)")
    if not any(t.labels for t in data.transcripts):
        raise UserError(f"{path}: nothing to score: no transcript has labels")
    return data
