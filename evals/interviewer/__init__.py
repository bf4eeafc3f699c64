"""An eval of the interviewer itself: scripted candidates of many kinds played on every persona, and the faults
a reviewer would flag in what the interviewer said (`interviewer eval-interviewer`)."""

from __future__ import annotations

from evals.interviewer.faults import Findings, find_faults


def run(candidate_set: str = "dev", questions: int = 2, personas: list[str] | None = None) -> list[Findings]:
    """Play every candidate of `candidate_set` (dev, heldout, all, or outside: the maintainers' judge scripts) on
    every persona and find the faults."""
    from agent.persona import load_all_personas, load_persona
    from evals.interviewer.candidates import DEV
    from evals.interviewer.heldout import HELD_OUT
    from evals.interviewer.play import play

    if candidate_set == "outside":
        from evals.interviewer.outside import candidates

        chosen = candidates()
    else:
        chosen = {"dev": DEV, "heldout": HELD_OUT, "all": DEV + HELD_OUT}[candidate_set]
    cast = [load_persona(p) for p in personas] if personas else load_all_personas()
    return [find_faults(play(persona, candidate, questions)) for persona in cast for candidate in chosen]
