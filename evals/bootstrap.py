"""Percentile bootstrap confidence intervals over transcripts, with a fixed seed so a run is reproducible."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np

Statistic = Callable[[np.ndarray], float | None]
LEVEL = 0.95


def confidence_interval(statistic: Statistic, n: int, *, resamples: int = 1000, seed: int = 0,
                        level: float = LEVEL) -> tuple[float, float] | None:
    """The `level` interval of `statistic(weights)` over `resamples` draws of n transcripts with replacement.

    `statistic` takes one integer weight per transcript (how often it was drawn). None when there are fewer
    than two transcripts or the figure is undefined on some resample (e.g. kappa with no labelled scores drawn).
    Percentile rather than BCa: BCa is undefined when every resample agrees (a perfect score on a small set).
    """
    if n < 2 or resamples < 1:
        return None
    from scipy.stats import bootstrap

    def stat(drawn: np.ndarray) -> float:
        value = statistic(np.bincount(drawn, minlength=n))
        return np.nan if value is None else value

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = bootstrap((np.arange(n),), stat, vectorized=False, n_resamples=resamples, method="percentile",
                           confidence_level=level, rng=np.random.default_rng(seed))
    low, high = result.confidence_interval
    return None if np.isnan(low) or np.isnan(high) else (float(low), float(high))
