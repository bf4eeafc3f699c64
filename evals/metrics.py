"""Judge-versus-label figures.

Every figure is a function of one weight per transcript, so the same code gives the point estimate (all weights
1), a slice (weights 0 or 1) and a bootstrap resample (weight = how often the transcript was drawn).

Signals: only labelled pairs count (present -> positive, absent -> negative; unlisted signals are unlabelled),
and a signal is predicted when it appears in `verdict.signals`. F1 is 2TP / (2TP + FP + FN); a signal with no
labelled-present case has no recall or F1 and is left out of macro-F1. Precision with nothing predicted is 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from agent.taxonomy import RECOMMENDATION_ORDER, SIGNAL_IDS, Dimension
from evals.dataset import SCORE_SCALE
from evals.judged import Judged

BANDS = ("hire", "no_hire")
RECOMMENDATIONS = tuple(r.value for r in reversed(RECOMMENDATION_ORDER))
# A dimension the judge did not assess is compared as a 2 ("no evidence either way", the old default), so a judge
# cannot raise its kappa by declining to score; the JSON also counts how many labelled pairs it left unassessed.
UNASSESSED_AS = 2
_LEVEL = {r.value: i + 1 for i, r in enumerate(RECOMMENDATION_ORDER)}  # no_hire 1 ... strong_hire 5


@dataclass(frozen=True)
class SignalScore:
    precision: float
    recall: float | None
    f1: float | None
    support: int
    """Labelled present."""
    labelled: int
    """Labelled present or absent."""
    tp: int
    fp: int
    fn: int


def _ratio(num: float, den: float) -> float | None:
    return float(num / den) if den else None


def quadratic_kappa(labelled: np.ndarray, predicted: np.ndarray, weights: np.ndarray,
                    levels: int = len(SCORE_SCALE)) -> float | None:
    """Cohen's kappa with quadratic disagreement weights on a 1..`levels` scale (1-4 for dimension scores, 1-5 for
    recommendations), as sklearn's `cohen_kappa_score(..., weights="quadratic", labels=range(1, levels + 1),
    sample_weight=...)` computes it (tests hold the two together), written with numpy because the bootstrap calls
    it a thousand times and sklearn's input checks cost ~2 ms a call. None with no pairs, or when undefined (both
    raters constant on the same score)."""
    k = levels
    observed = np.bincount((labelled - 1) * k + (predicted - 1), weights=weights, minlength=k * k).reshape(k, k)
    total = observed.sum()
    if not total:
        return None
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / total
    disagreement = np.subtract.outer(np.arange(k), np.arange(k)) ** 2
    chance = (disagreement * expected).sum()
    return float(1 - (disagreement * observed).sum() / chance) if chance else None


class Scorer:
    """Holds the judged dataset as arrays; each method takes integer per-transcript weights `w`."""

    def __init__(self, judged: Sequence[Judged]) -> None:
        col = {s: i for i, s in enumerate(SIGNAL_IDS)}
        shape = (len(judged), len(SIGNAL_IDS))
        present, absent, pred = np.zeros(shape, bool), np.zeros(shape, bool), np.zeros(shape, bool)
        for i, j in enumerate(judged):
            present[i, [col[s] for s in j.labels.present]] = True
            absent[i, [col[s] for s in j.labels.absent]] = True
            pred[i, [col[s] for s in j.predicted]] = True
        self.n = len(judged)
        self._tp, self._fp, self._fn = present & pred, absent & pred, present & ~pred
        self._labelled = present | absent
        self._band_labelled = np.array([j.band_ok is not None for j in judged])
        self._band_ok = np.array([bool(j.band_ok) for j in judged])
        self._bands = [j.labels.recommendation_band for j in judged]
        self._recs = [j.verdict.recommendation.value for j in judged]
        pairs = [(i, dim, score, j.verdict.scores[dim].score)
                 for i, j in enumerate(judged) for dim, score in (j.labels.dimension_scores or {}).items()]
        self._pair_owner = np.array([p[0] for p in pairs], int)
        self._pair_dim = [p[1] for p in pairs]
        self._pair_true = np.array([p[2] for p in pairs], int)
        self._pair_pred = np.array([UNASSESSED_AS if p[3] is None else p[3] for p in pairs], int)
        self.unassessed_pairs = sum(p[3] is None for p in pairs)
        self._rec_true = np.array([_LEVEL[j.labels.recommendation.value] if j.labels.recommendation else 0
                                   for j in judged], int)
        self._rec_pred = np.array([_LEVEL[j.verdict.recommendation.value] for j in judged], int)

    def ones(self) -> np.ndarray:
        return np.ones(self.n, int)

    def _counts(self, w: np.ndarray) -> tuple[np.ndarray, ...]:
        """Weighted TP, FP, FN and labelled pairs, one entry per signal."""
        return tuple(w @ m for m in (self._tp, self._fp, self._fn, self._labelled))

    def signal_scores(self, w: np.ndarray) -> dict[str, SignalScore]:
        """Signals with at least one labelled pair."""
        tp, fp, fn, labelled = self._counts(w)
        out = {}
        for k, signal in enumerate(SIGNAL_IDS):
            if not labelled[k]:
                continue
            out[signal] = SignalScore(
                precision=_ratio(tp[k], tp[k] + fp[k]) or 0.0,
                recall=_ratio(tp[k], tp[k] + fn[k]),
                f1=_ratio(2 * tp[k], 2 * tp[k] + fp[k] + fn[k]) if tp[k] + fn[k] else None,
                support=int(tp[k] + fn[k]), labelled=int(labelled[k]),
                tp=int(tp[k]), fp=int(fp[k]), fn=int(fn[k]),
            )
        return out

    def macro_f1(self, w: np.ndarray) -> float | None:
        tp, fp, fn, _ = self._counts(w)
        has = tp + fn > 0
        f1 = 2 * tp[has] / (2 * tp[has] + fp[has] + fn[has])
        return math.fsum(f1) / len(f1) if len(f1) else None  # fsum: exact, whatever the summation order

    def band_accuracy(self, w: np.ndarray) -> float | None:
        return _ratio(w @ (self._band_labelled & self._band_ok), w @ self._band_labelled)

    def kappa(self, w: np.ndarray, dimension: Dimension | None = None) -> float | None:
        """Quadratic-weighted Cohen's kappa over labelled (transcript, dimension) score pairs on the 1-4 scale."""
        pick = np.array([dimension is None or d == dimension for d in self._pair_dim], bool)
        if not pick.any():
            return None
        return quadratic_kappa(self._pair_true[pick], self._pair_pred[pick], w[self._pair_owner[pick]])

    def recommendation_kappa(self, w: np.ndarray) -> float | None:
        """Quadratic-weighted kappa of the five-level recommendation, over transcripts labelled with one."""
        has = self._rec_true > 0
        if not has.any():
            return None
        return quadratic_kappa(self._rec_true[has], self._rec_pred[has], w[has], levels=len(RECOMMENDATION_ORDER))

    def strong_hire_precision(self, w: np.ndarray) -> float | None:
        """Of the strong_hire verdicts on transcripts with a five-level label, the share labelled strong_hire."""
        top = len(RECOMMENDATION_ORDER)
        called = (self._rec_pred == top) & (self._rec_true > 0)
        return _ratio(w @ (called & (self._rec_true == top)), w @ called)

    def confusion(self, w: np.ndarray) -> dict[str, dict[str, int]]:
        """Labelled band (rows) by predicted recommendation (columns)."""
        table = {band: dict.fromkeys(RECOMMENDATIONS, 0) for band in BANDS}
        for weight, band, rec in zip(w, self._bands, self._recs, strict=True):
            if band is not None:
                table[band][rec] += int(weight)
        return table
