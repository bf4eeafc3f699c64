"""Scripted candidates played through whole interviews: does the verdict land where a committee would put them?

A script is `{"id", "archetype", "expect": {"min": LEVEL, "max": LEVEL}, "answers": [...]}`: answers consumed in
order by `Interview.answer`, whatever the interviewer asks, as `interviewer run` does. Each script is played on
every persona with the offline engine (questions drawn reproducibly from the script's id) and its verdict checked
against `expect`. Run `python -m evals.candidates evals/candidates/dev` for the table; exit 3 if any verdict is
out of bounds. The scripts were written by a writer who never saw the engine; `holdout/` is never tuned on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from agent.taxonomy import RECOMMENDATION_ORDER, Recommendation

LEVEL = {r: i for i, r in enumerate(RECOMMENDATION_ORDER)}


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min: Recommendation | None = None
    max: Recommendation | None = None

    def holds(self, rec: Recommendation) -> bool:
        return (self.min is None or LEVEL[rec] >= LEVEL[self.min]) and (
            self.max is None or LEVEL[rec] <= LEVEL[self.max])

    def __str__(self) -> str:
        low = self.min.value if self.min else "no_hire"
        high = self.max.value if self.max else "strong_hire"
        return low if low == high else f"{low}..{high}"


class Script(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    archetype: str
    expect: Expect
    answers: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class Played:
    script: Script
    persona: str
    recommendation: Recommendation

    @property
    def ok(self) -> bool:
        return self.script.expect.holds(self.recommendation)


def load_scripts(folder: Path) -> list[Script]:
    from agent.errors import UserError, read_user_file

    scripts = []
    for path in sorted(folder.glob("*.json")):
        try:
            scripts.append(Script.model_validate_json(read_user_file(path, "answers")))
        except ValueError as exc:
            raise UserError(f"{path}: {str(exc).splitlines()[0]}") from None
    if not scripts:
        raise UserError(f"{folder}: no scripts (*.json) found")
    return scripts


@contextmanager
def _scratch_home() -> Iterator[None]:
    """Interviews played here go to a throwaway data home, never the user's history."""
    before = os.environ.get("INTERVIEWER_HOME")
    with tempfile.TemporaryDirectory(prefix="interviewer-candidates-") as home:
        os.environ["INTERVIEWER_HOME"] = home
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("INTERVIEWER_HOME", None)
            else:
                os.environ["INTERVIEWER_HOME"] = before


def play(script: Script, persona: str, questions: int = 3) -> Played:
    from agent.offline.brain import OfflineBrain
    from agent.session import Interview

    interview = Interview.start(persona, questions=questions, brain=OfflineBrain(), seed=f"{script.id}:{persona}")
    try:
        for answer in script.answers:
            if interview.finished:
                break
            interview.answer(answer)
        interview.end()
        return Played(script, persona, interview.verdict.recommendation)
    finally:
        interview.close()


def play_all(scripts: list[Script], personas: list[str], questions: int = 3) -> list[Played]:
    with _scratch_home():
        return [play(s, p, questions) for s in scripts for p in personas]


def render(played: list[Played], personas: list[str]) -> str:
    by_script: dict[str, list[Played]] = {}
    for p in played:
        by_script.setdefault(p.script.id, []).append(p)
    width = max(len(s) for s in by_script)
    lines = [f"{'script':<{width}}  {'expect':<22}  " + "  ".join(f"{p[:8]:<12}" for p in personas)]
    for sid, runs in by_script.items():
        cells = "  ".join(f"{(r.recommendation.value + ('' if r.ok else '!')):<12}" for r in runs)
        lines.append(f"{sid:<{width}}  {str(runs[0].script.expect):<22}  {cells}")
    bad = [p for p in played if not p.ok]
    lines.append(f"\n{len(played) - len(bad)}/{len(played)} verdicts within the script's expected bounds"
                 + (" ('!' marks the others)" if bad else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from agent.errors import UserError
    from agent.persona import persona_ids

    parser = argparse.ArgumentParser(prog="python -m evals.candidates", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of scripted candidates (*.json)")
    parser.add_argument("--persona", action="append", help="persona id (repeatable; default: all built-in)")
    parser.add_argument("--questions", type=int, default=3, help="questions per interview (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per verdict")
    args = parser.parse_args(argv)
    try:
        personas = args.persona or persona_ids()
        played = play_all(load_scripts(args.folder), personas, args.questions)
    except UserError as err:
        print(f"evals.candidates: error: {err}", file=sys.stderr)
        return 2
    if args.json:
        for p in played:
            print(json.dumps({"script": p.script.id, "archetype": p.script.archetype, "persona": p.persona,
                              "recommendation": p.recommendation.value, "expect": str(p.script.expect),
                              "ok": p.ok}))
    else:
        print(render(played, personas))
    return 0 if all(p.ok for p in played) else 3


if __name__ == "__main__":
    sys.exit(main())
