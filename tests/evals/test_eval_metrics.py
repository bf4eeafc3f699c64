"""The hand-written figures against worked examples and against scikit-learn as the reference."""

from __future__ import annotations

import numpy as np
import pytest
from eval_helpers import TEST_SPLIT, make_judged
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

from agent.brains import resolve_brain
from agent.storage import load_transcript
from agent.taxonomy import SIGNAL_IDS
from evals.bootstrap import confidence_interval
from evals.judged import Judged
from evals.metrics import UNASSESSED_AS, Scorer, quadratic_kappa


def test_f1_worked_example_counts_only_labelled_pairs() -> None:
    judged = (
        [make_judged(present=("data_first",), predicted=("data_first",))] * 3  # TP
        + [make_judged(absent=("data_first",), predicted=("data_first",))]  # FP
        + [make_judged(present=("data_first",))] * 2  # FN
        + [make_judged(predicted=("data_first",))]  # unlabelled: not scored
        + [make_judged(absent=("overconfidence",))]  # TN, and no labelled-present case
    )
    scorer = Scorer(judged)
    scores = scorer.signal_scores(scorer.ones())
    s = scores["data_first"]
    assert (s.tp, s.fp, s.fn, s.support, s.labelled) == (3, 1, 2, 5, 6)
    assert s.precision == 0.75 and s.recall == 0.6 and s.f1 == pytest.approx(2 / 3)
    assert scores["overconfidence"].f1 is None and scores["overconfidence"].precision == 0.0
    assert set(scores) == {"data_first", "overconfidence"}
    assert scorer.macro_f1(scorer.ones()) == pytest.approx(2 / 3)  # the signal without support is left out


def test_quadratic_kappa_worked_example() -> None:
    # O = diag(1,1,0,1) + (3->4); row sums 1,1,1,1; column sums 1,1,0,2; sum W*O = 1, sum W*E = 12.
    labelled, predicted = np.array([1, 2, 3, 4]), np.array([1, 2, 4, 4])
    assert quadratic_kappa(labelled, predicted, np.ones(4)) == pytest.approx(11 / 12)
    assert quadratic_kappa(np.array([2, 2]), np.array([2, 2]), np.ones(2)) is None  # undefined
    assert quadratic_kappa(labelled, predicted, np.zeros(4)) is None


def test_quadratic_kappa_matches_sklearn_with_weights() -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):
        a, b = rng.integers(1, 5, 30), rng.integers(1, 5, 30)
        w = rng.integers(0, 4, 30)
        ours = quadratic_kappa(a, b, w)
        ref = cohen_kappa_score(a, b, labels=[1, 2, 3, 4], weights="quadratic", sample_weight=w)
        assert ours == pytest.approx(ref, abs=1e-12)


@pytest.fixture(scope="module")
def judged_test_split() -> list[Judged]:
    brain = resolve_brain()
    return [Judged(t, brain.judge(t)) for t in map(load_transcript, sorted(TEST_SPLIT.glob("*.json")))]


def test_signal_scores_match_sklearn_on_the_test_split(judged_test_split: list[Judged]) -> None:
    scorer = Scorer(judged_test_split)
    ours = scorer.signal_scores(scorer.ones())
    for signal in SIGNAL_IDS:
        pairs = [(signal in j.labels.present, signal in j.predicted) for j in judged_test_split
                 if signal in j.labels.present or signal in j.labels.absent]
        if not pairs:
            continue
        y_true, y_pred = zip(*pairs, strict=True)
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", zero_division=0)
        assert (ours[signal].precision, ours[signal].recall, ours[signal].f1) == pytest.approx((p, r, f))


def test_kappa_matches_sklearn_on_the_test_split(judged_test_split: list[Judged]) -> None:
    pairs = [(score, UNASSESSED_AS if j.verdict.scores[dim].score is None else j.verdict.scores[dim].score)
             for j in judged_test_split
             for dim, score in (j.labels.dimension_scores or {}).items()]
    assert pairs, "the test split labels dimension scores"
    y_true, y_pred = zip(*pairs, strict=True)
    ref = cohen_kappa_score(y_true, y_pred, labels=[1, 2, 3, 4], weights="quadratic")
    scorer = Scorer(judged_test_split)
    assert scorer.kappa(scorer.ones()) == pytest.approx(ref, abs=1e-12)


def test_band_accuracy_and_confusion() -> None:
    judged = [make_judged(band="hire", recommendation="strong_hire"),
              make_judged(band="hire", recommendation="lean_no_hire"),
              make_judged(band="no_hire", recommendation="no_hire"),
              make_judged(band=None, recommendation="hire")]
    scorer = Scorer(judged)
    assert scorer.band_accuracy(scorer.ones()) == pytest.approx(2 / 3)
    confusion = scorer.confusion(scorer.ones())
    assert confusion["hire"] == {"strong_hire": 1, "hire": 0, "lean_hire": 0, "lean_no_hire": 1, "no_hire": 0}
    assert sum(confusion["no_hire"].values()) == 1
    # weights: a slice of the last two keeps only the labelled no_hire case
    assert scorer.band_accuracy(np.array([0, 0, 1, 1])) == 1.0


def test_bootstrap_is_seeded_and_brackets_the_estimate(judged_test_split: list[Judged]) -> None:
    scorer = Scorer(judged_test_split)
    n = len(judged_test_split)
    first = confidence_interval(scorer.macro_f1, n, resamples=300, seed=3)
    assert first == confidence_interval(scorer.macro_f1, n, resamples=300, seed=3)
    assert first != confidence_interval(scorer.macro_f1, n, resamples=300, seed=4)
    low, high = first
    assert low <= scorer.macro_f1(scorer.ones()) <= high
    assert confidence_interval(scorer.macro_f1, 1) is None
