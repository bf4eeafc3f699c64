"""Subsets reported on their own: one per tag, and `injection` for transcripts flagged `"injection": true`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser imports this module through evals.gates: keep it light
    from evals.judged import Judged

INJECTION = "injection"


def slice_members(judged: Sequence[Judged]) -> dict[str, list[int]]:
    """Slice name -> indices into `judged`, slices sorted by name. The flag and a tag named `injection` share
    one slice."""
    members: dict[str, list[int]] = {}
    for i, j in enumerate(judged):
        names = set(j.transcript.tags) | ({INJECTION} if j.transcript.injection else set())
        for name in names:
            members.setdefault(name, []).append(i)
    return dict(sorted(members.items()))
