"""The judge's knowledge is data: every file validates, every example matches its own pattern, and every
counter-example stays clear of its lexicon. A new phrasing is a pattern with an example, checked here."""

from __future__ import annotations

import re

import pytest

from agent.knowledge import all_lexicons, knowledge_version
from agent.models import Transcript, Turn
from agent.offline.judge import judge_transcript

LEXICONS = all_lexicons()


def test_every_knowledge_file_loads_and_names_itself():
    assert len(LEXICONS) >= 30
    for lex in LEXICONS:
        assert lex.description.strip(), lex.name
        assert lex.cues or lex.words or lex.exemplars or lex.groups, lex.name


@pytest.mark.parametrize("lex", [lx for lx in LEXICONS if lx.cues], ids=lambda lx: lx.name)
def test_examples_match_their_pattern_and_counter_examples_stay_clear(lex):
    for cue in lex.cues:
        for example in cue.examples:
            assert re.search(cue.pattern, example, re.IGNORECASE), (lex.name, cue.pattern, example)
        for counter in cue.counter_examples:
            assert not lex.regex.search(counter), (lex.name, counter)


def test_most_patterns_carry_the_sentence_that_taught_them():
    cues = [c for lx in LEXICONS for c in lx.cues]
    assert sum(bool(c.examples) for c in cues) / len(cues) >= 0.8


def test_the_knowledge_version_is_recorded_in_every_verdict():
    v = judge_transcript(Transcript(id="k", persona="google", turns=[
        Turn(role="interviewer", kind="question", text="Design a spam filter."),
        Turn(role="candidate", text="Who reports spam today, and how late do those reports arrive?")]))
    assert v.knowledge_version == knowledge_version() and len(v.knowledge_version) == 12
