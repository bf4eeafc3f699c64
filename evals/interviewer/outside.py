"""Outside-written scripted candidates (`evals/candidates/{dev,holdout}`: writers K and L) as interviewer-eval
candidates.

Those scripts were written for the judge: fixed answers consumed in order, whatever the interviewer asks. They
carry no tags, so the only intent marked is the one the shared knowledge can read: a line matching the rigidity
lexicons (`agent/knowledge/{defensive,data_dismissal,deferral}.toml`) is tagged defensive. Every other fault
needs no tag. Slow (86 scripts on six personas), so not part of the CI run: `--set outside`.
"""

from __future__ import annotations

from pathlib import Path

from agent.knowledge import lexicon
from evals.interviewer.script import Answer, Candidate, Line, answer

FOLDERS = ("dev", "holdout")
RIGIDITY = ("defensive", "data_dismissal", "deferral")


def _tagged(text: str) -> Answer:
    rigid = any(lexicon(name).regex.search(text) for name in RIGIDITY)
    return answer(text, *(("defensive",) if rigid else ()))


def candidates(root: Path | None = None) -> list[Candidate]:
    from evals.candidates import load_scripts

    root = root or Path(__file__).resolve().parents[1] / "candidates"
    out = []
    for folder in FOLDERS:
        for script in load_scripts(root / folder):
            answers = list(script.answers)

            def reply(line: Line, answers: list[str] = answers) -> Answer:
                return _tagged(answers[line.answers_in_interview % len(answers)])

            out.append(Candidate(f"{folder}/{script.id}", script.archetype, reply, max_answers=len(answers)))
    return out
