"""Say only what happened: every template the offline interviewer can say, and the state it needs.

The enumeration covers the shared banks (`agent.offline.voice.BANKS`) and every persona's probes, pushbacks,
"I don't know" lines and own `lines`. Each template's needs are read off its text; a template that talks about a
constraint must need one, and `usable` must refuse it whenever the state lacks any of its needs.
"""

from __future__ import annotations

import re

import pytest

from agent.offline import voice
from agent.offline.voice import CONSTRAINT_TALK, Template, usable
from agent.persona import LINE_KINDS, load_all_personas

PERSONAS = load_all_personas()
# Every piece of state a template can ask for, with a value that is present.
STATE = {"ref": "precompute scores offline", "essence": "Only 2% of returns are inspected.",
         "essence_lower": "only 2% of returns are inspected.", "constraint": "Only 2% of returns are inspected.",
         "adaptation": "precompute scores offline", "fact": "Each title has 5 to 30 images.",
         "ask": "What do you change?"}


def every_template() -> list[Template]:
    out = [Template(t, f"voice:{name}") for name, texts in voice.BANKS.items() for t in texts]
    for p in PERSONAS:
        out += [Template(t, f"{p.id}:probes.{s}") for s, texts in p.probes.items() for t in texts]
        out += [Template(t, f"{p.id}:pushbacks.{s}") for s, texts in p.pushbacks.items() for t in texts]
        out += [Template(t, f"{p.id}:dont_know") for t in p.dont_know]
        out += [Template(t, f"{p.id}:lines.{k}") for k, texts in p.lines.items() for t in texts]
    return out


TEMPLATES = every_template()
# What each kind of need is, stated once: the test below holds every template to it.
NEEDS = {
    "ref": "a phrase the candidate said in this question",
    "adaptation": "the candidate's change after a constraint in this question",
    "essence": "a constraint given in this question, in one sentence",
    "essence_lower": "the same, lower-cased to follow a clause",
    "constraint": "a constraint given in this question",
    "fact": "a clarification fact of this question",
    "ask": "the question a constraint line ends on",
}


def test_the_enumeration_is_not_empty_and_covers_every_bank():
    assert len(TEMPLATES) > 300
    sources = {t.source.split(":")[1].split(".")[0] for t in TEMPLATES}
    assert {"probes", "pushbacks", "dont_know"} <= sources
    assert set(voice.BANKS) == set(LINE_KINDS), "every kind of line a persona may word has a shared bank"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: f"{t.source}:{t.text[:40]}")
def test_each_template_needs_what_it_says(template: Template):
    assert template.needs <= set(NEEDS), template.needs - set(NEEDS)
    talks_of_constraint = bool(CONSTRAINT_TALK.search(re.sub(r"\{\w+\}", " ", template.text)))
    if talks_of_constraint or template.needs & {"essence", "adaptation", "essence_lower"}:
        assert "constraint" in template.needs
    # usable exactly when every need is met
    assert usable(template, STATE)
    for need in template.needs:
        assert not usable(template, {k: v for k, v in STATE.items() if k != need}), need
    assert template.text.count("?") <= 1 or template.source.endswith("constraint"), "two questions in one line"


def test_lines_about_constraints_in_the_issue_need_a_constraint():
    for text in ('Given the new constraint, is "{ref}" still your plan?',
                 'What is the smallest change to "{ref}" that fits the new limit?',
                 'With that constraint, which part of "{ref}" do you cut?',
                 "Noted. With that constraint, which part of \"{ref}\" do you cut?"):
        assert "constraint" in Template(text, "issue").needs


def test_a_template_is_recognised_in_a_line_already_said_whatever_filled_it():
    t = Template('What does "{adaptation}" cost you, and who feels it first?', "voice:cost")
    assert voice.heard(t, ['Okay. What does "cache the scores" cost you, and who feels it first?'])
    assert not voice.heard(t, ["What does it cost?"])


def test_choose_never_returns_a_template_whose_needs_are_unmet():
    no_constraint = {"ref": "precompute scores offline"}
    for name in voice.BANKS:
        chosen = voice.choose(voice.bank(PERSONAS[0], name), no_constraint, [], f"k-{name}")
        assert chosen is None or "constraint" not in chosen.needs
