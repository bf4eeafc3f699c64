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

INVOICES = ("Businesses upload supplier invoices as PDFs or photos, and we want to pre-fill a payment: supplier, "
            "amount, due date, bank details. How would you approach extraction?")
# A plain-voiced impact sentence the lexicons miss. The heads are brittle across paraphrases: retrained with writers
# AE-AP, the impact head put the earlier example ("Getting the due date wrong is an annoyance; paying the
# right amount to the wrong account is money gone...") at 0.56, under its 0.64 threshold, and this one at 0.99.
WRONG_ACCOUNT = ("Paying the right amount to the wrong account is money gone for good; a late due date only costs a "
                 "reminder email.")
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
    """A dev-split sentence (writer O's) in no lexicon's phrasing: what each error costs the business."""
    assert "impact_linkage" in judge_transcript(_interview(INVOICES, WRONG_ACCOUNT)).signal_ids()


def test_without_heads_the_lexicons_alone_miss_it(without_heads):
    assert "impact_linkage" not in judge_transcript(_interview(INVOICES, WRONG_ACCOUNT)).signal_ids()


def test_a_head_proposes_only_on_its_subject():
    """The head's probability alone would not keep a quote about impact; the subject lexicon does."""
    assert ("impact_linkage", 0) in heads.proposals([WRONG_ACCOUNT])
    assert not lexicon("about_impact_linkage").regex.search("Then cache the aggregates in a nightly batch.")


def test_a_heads_proposal_in_an_answer_about_another_problem_earns_nothing():
    artwork = "Netflix shows one artwork image per title on the home page. How would you choose which image to show?"
    answer = (WRONG_ACCOUNT + " So I'd extract the supplier, the amount and the bank details from each PDF with an "
              "OCR model, and ask the business to confirm any bank account we have not paid before.")
    assert ("impact_linkage", 0) in heads.proposals([WRONG_ACCOUNT])
    assert "impact_linkage" not in judge_transcript(_interview(artwork, answer)).signal_ids()
