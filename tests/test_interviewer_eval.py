"""`interviewer eval-interviewer` in CI: zero hard faults on every persona, figures in the README that match a
fresh run, and a fault detector that does find each hard fault when it is there."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agent.cli import main
from agent.models import Transcript, Turn
from evals.interviewer.faults import HARD, find_faults, skeleton
from evals.interviewer.play import Played

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def findings():
    from evals.interviewer import run

    return run("all")


def test_no_hard_fault_on_any_persona(findings):
    from evals.interviewer.report import as_json

    data = as_json(findings)
    assert data["total"]["hard_faults"] == 0, data["examples"]
    assert set(data["personas"]) == {"amazon", "google", "meta", "netflix", "startup", "stripe"}
    for fault in HARD:
        assert data["total"]["faults"][fault]["chances"] > 0, fault


def test_the_readme_shows_todays_figures(findings):
    from evals.interviewer.report import table

    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- eval-interviewer:start -->\n```\n(.*?)```\n<!-- eval-interviewer:end -->", text, re.S)
    assert block, "README has no eval-interviewer figures block"
    assert block.group(1).strip() == table(findings).strip(), "re-run `interviewer eval-interviewer`, paste the table"


def test_the_command_prints_json_and_exits_zero_without_hard_faults(capsys):
    code = main(["eval-interviewer", "--set", "heldout", "--persona", "startup", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["total"]["hard_faults"] == 0
    assert list(data["personas"]) == ["startup"] and data["total"]["interviews"] == 4


def _played(lines: list[tuple[str, str, str | None]], tags: dict[int, frozenset[str]] | None = None) -> Played:
    turns = []
    for role, text, kind in lines:
        turns.append(Turn(role=role, text=text, kind=kind, question_index=0,
                          constraint_kind="data" if kind == "constraint" else None))
    return Played("netflix", "hand-made", Transcript(id="t", persona="netflix", turns=turns), tags or {})


QUESTION = ("interviewer", "Design how you'd choose which artwork image to show a given member for a given title.",
            "question")
CONSTRAINT = ("interviewer", "New information: the logged impressions come from the current policy, which shows "
                             "the top image 85% of the time. How does that change your plan?", "constraint")


def test_the_detector_finds_each_hard_fault_it_is_shown():
    """Each case is a fault the issue quotes; the detector must name it (a check that cannot fail is no check)."""
    phantom = _played([QUESTION, ("candidate", "I'd start with a bandit over the candidate images.", None),
                       ("interviewer", 'Given the new limit, what do you keep from "a bandit"?', "probe")])
    assert find_faults(phantom).count("phantom_reference") == 1

    false_redirect = _played([QUESTION, ("candidate", "Before any model, I'd pin down how plays and impressions "
                                                      "of each artwork image are logged for members.", None),
                              ("interviewer", "That's about the logs, and I asked something else. What's your "
                                              "answer?", "pushback")])
    assert find_faults(false_redirect).count("false_redirect") == 1

    unaddressed = _played([QUESTION, ("candidate", "I'd start with a popularity baseline per title.", None),
                           CONSTRAINT, ("candidate", "Fair, I overstated that.", None),
                           ("interviewer", "Next problem.\n\nHow would you measure search?", "question")])
    assert find_faults(unaddressed).count("unaddressed_left") == 1

    defensive = _played([QUESTION, ("candidate", "That's really a product decision, not an ML one.", None),
                         ("interviewer", "Mm-hm.\n\nHow would you measure search?", "question")],
                        {1: frozenset({"defensive"})})
    assert find_faults(defensive).count("defensive_unanswered") == 1

    two_questions = _played([QUESTION, ("candidate", "I'd start with a popularity baseline per title.", None),
                             ("interviewer", "Why that? And what would you ship?", "probe")])
    assert find_faults(two_questions).count("multi_question") == 1

    misquote = _played([QUESTION, ("candidate", "I'd start with a popularity baseline per title.", None),
                        ("interviewer", 'You said "a deep model". Why?', "probe")])
    assert find_faults(misquote).count("misquote") == 1

    said = "a popularity baseline"
    repeated = _played([QUESTION] + [t for i in range(3) for t in (
        ("candidate", f"I'd start with {said} number {i} for each title.", None),
        ("interviewer", f'You said "{said} number {i}". What would you try first, on Monday?', "probe"))])
    assert find_faults(repeated).count("template_thrice") == 1

    repeats = _played([QUESTION, ("candidate", "The logged impressions come from the current policy, which shows "
                                               "the top image 85% of the time, so the data is biased.", None),
                       CONSTRAINT])
    assert find_faults(repeats).count("repeats_candidate") == 1


def test_a_template_is_the_same_whatever_fills_it():
    assert skeleton('Okay. You said "a". What would you try first, on Monday?') == \
        skeleton('You said "something else entirely". What would you try first, on Monday?')
