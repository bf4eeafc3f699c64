"""The sentence heads: reproducible from the dev split, validated, and held to the same rulebook as the lexicons."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from agent.knowledge import lexicon
from agent.models import Transcript, Turn
from agent.offline import detector, heads
from agent.offline.heads import Heads
from agent.offline.judge import judge_transcript
from evals import train_heads

PARCELS = "We want to predict which parcels will fail on first delivery attempt, nobody home, no access, and so on. Go."
SCAN_CODES = ("Label from driver scan codes, but 'no access' and 'customer unavailable' get used interchangeably, "
              "so I'd collapse them.")
NO_HEADS = Heads(embedding="none", trained_on="none", dataset_sha256="", settings={}, heads={})


@pytest.fixture
def without_heads():
    heads.use(NO_HEADS)
    detector.clear_cache()
    yield
    heads.use(None)
    detector.clear_cache()


def _interview(question: str, answer: str) -> Transcript:
    return Transcript(id="h", persona="amazon", turns=[Turn(role="interviewer", kind="question", text=question),
                                                      Turn(role="candidate", text=answer)])


def test_the_shipped_heads_are_what_the_dev_split_trains(capsys):
    assert train_heads.main(["--check"]) == 0, capsys.readouterr().out


def test_every_head_has_a_subject_lexicon_and_a_reason():
    for signal in heads.shipped().heads:
        assert lexicon(f"about_{signal}").cues
        assert detector._HEARD_BY_HEAD[signal]


@pytest.mark.parametrize("change", [
    {"heads": {"no_such_signal": {"weights": [0.0] * 256, "bias": 0.0, "threshold": 0.5, "bags": 1}}},
    {"heads": {"data_first": {"weights": [0.0] * 3, "bias": 0.0, "threshold": 0.5, "bags": 1}}},
    {"heads": {"data_first": {"weights": [0.0] * 256, "bias": 0.0, "threshold": 1.5, "bags": 1}}},
])
def test_a_malformed_heads_file_is_refused(change):
    good = heads.shipped().model_dump()
    with pytest.raises(ValidationError):
        Heads.model_validate({**good, **change})


def test_a_head_hears_a_plain_voice_the_lexicons_miss():
    """A dev-split answer (writer N's) in no lexicon's phrasing: the candidate reasons about how the labels are
    produced."""
    assert "data_first" in judge_transcript(_interview(PARCELS, SCAN_CODES)).signal_ids()


def test_without_heads_the_lexicons_alone_miss_it(without_heads):
    assert "data_first" not in judge_transcript(_interview(PARCELS, SCAN_CODES)).signal_ids()


def test_a_head_proposes_only_on_its_subject():
    """The data head's probability alone would not keep a quote about data; the subject lexicon does."""
    assert ("data_first", 0) in heads.proposals([SCAN_CODES])
    assert not lexicon("about_data_first").regex.search("Then cache the aggregates every few minutes.")


def test_a_heads_proposal_in_an_answer_about_another_problem_earns_nothing():
    artwork = "Netflix shows one artwork image per title on the home page. How would you choose which image to show?"
    answer = (SCAN_CODES + " Then the van routes get re-planned each morning from the depot, and drivers get the "
              "flagged parcels first, with a text to the customer and a locker offered at checkout.")
    assert ("data_first", 0) in heads.proposals([SCAN_CODES])
    assert "data_first" not in judge_transcript(_interview(artwork, answer)).signal_ids()
