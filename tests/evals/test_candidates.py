"""Scripted candidates from an outside writer, played through whole interviews on every persona.

The committee's floor and ceiling for the archetypes the judge-substance issue names: no hedger, reciter, "I don't
know" or rigid candidate reaches the hire band, and strong candidates who never use the article's vocabulary do.
(`python -m evals.candidates evals/candidates/dev` prints the full table against each script's own expectation;
the holdout folder is never tuned on.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.persona import persona_ids
from evals.candidates import load_scripts, play_all

DEV = Path(__file__).resolve().parents[2] / "evals" / "candidates" / "dev"
SINKS = ("hedger-no-plan", "reciter", "dont-know", "rigid", "buzzword", "injecting")
STRONG = ("strong-plain",)


# Each script is played on half the personas, in turn, so every persona meets every writer's archetypes and the
# suite stays inside CI's ten minutes on two cores (all six: `python -m evals.candidates evals/candidates/dev`).
PERSONAS_PER_SCRIPT = 3


@pytest.fixture(scope="module")
def played():
    scripts = [s for s in load_scripts(DEV) if s.archetype in SINKS + STRONG]
    personas = persona_ids()
    return [p for n, script in enumerate(scripts)
            for p in play_all([script], [personas[(n + k) % len(personas)] for k in range(PERSONAS_PER_SCRIPT)])]


def test_hedgers_reciters_and_the_rigid_never_reach_the_hire_band(played):
    sunk = [p for p in played if p.script.archetype in SINKS]
    assert sunk and all(p.recommendation.band == "no_hire" for p in sunk), [
        (p.script.id, p.persona, p.recommendation.value) for p in sunk if p.recommendation.band != "no_hire"]


def test_strong_candidates_without_the_articles_vocabulary_reach_the_hire_band(played):
    strong = [p for p in played if p.script.archetype in STRONG]
    assert strong
    hired = [p for p in strong if p.recommendation.band == "hire"]
    assert len(hired) >= 0.8 * len(strong), [(p.script.id, p.persona, p.recommendation.value) for p in strong]
