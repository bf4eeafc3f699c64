"""The eval result as one JSON-ready object: every figure plus one entry per transcript.

This is what `--json` prints and what `--baseline` reads back, so its shape is versioned by `FORMAT`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

import numpy as np

from agent.taxonomy import SIGNAL_IDS, Dimension
from evals.bootstrap import LEVEL, Statistic, confidence_interval
from evals.judged import Judged
from evals.metrics import Scorer
from evals.slices import INJECTION, slice_members
from evals.usage import summarise

FORMAT = "interviewer-eval/1"


def _headline(scorer: Scorer) -> dict[str, Statistic]:
    """The headline figures as functions of the per-transcript weights."""
    return {"macro_f1": scorer.macro_f1, "band_accuracy": scorer.band_accuracy, "kappa": scorer.kappa,
            "recommendation_kappa": scorer.recommendation_kappa,
            "strong_hire_precision": scorer.strong_hire_precision}


def _transcript_entry(j: Judged) -> dict:
    return {
        "id": j.transcript.id,
        "tags": j.transcript.tags,
        "injection": j.transcript.injection,
        "predicted_signals": sorted(j.predicted, key=SIGNAL_IDS.index),
        "recommendation": j.verdict.recommendation.value,
        "band": j.verdict.band,
        "labelled_band": j.labels.recommendation_band,
        "disagreements": {"band": j.band_ok is False, "missed": j.missed, "extra": j.extra},
        "evidence_not_verbatim": len(j.bad_quotes()),
        "judge": j.verdict.judge,
        "fallback": j.fallback,
        "cached": j.cached,
        "latency_s": j.latency_s,
        "tokens": j.usage.get("tokens"),
        "cost": j.usage.get("cost"),
    }


def _slices(scorer: Scorer, judged: Sequence[Judged]) -> dict[str, dict]:
    out = {}
    for name, members in slice_members(judged).items():
        w = np.zeros(len(judged), int)
        w[members] = 1
        entry = {"transcripts": len(members), "band_accuracy": scorer.band_accuracy(w),
                 "macro_f1": scorer.macro_f1(w), "recommendation_kappa": scorer.recommendation_kappa(w),
                 "strong_hire_precision": scorer.strong_hire_precision(w)}
        if name == INJECTION:
            failed = [judged[i].transcript.id for i in members if judged[i].band_ok is False]
            entry |= {"passed": not failed, "failed": failed}
        out[name] = entry
    return out


def build_document(judged: Sequence[Judged], *, dataset: str, judge: dict, skipped: Sequence[str],
                   resamples: int = 1000, seed: int = 0, provider: bool = False) -> dict:
    """Everything but `baseline`, `checks` and `exit_code`, which the command fills in once the floors and the
    baseline are known."""
    scorer = Scorer(judged)
    ones = scorer.ones()
    headline = _headline(scorer)
    figures = {name: statistic(ones) for name, statistic in headline.items()}
    quotes = sum(len(j.quotes()) for j in judged)
    bad = sum(len(j.bad_quotes()) for j in judged)
    figures["evidence_not_verbatim_rate"] = bad / quotes if quotes else 0.0
    ci = {name: confidence_interval(statistic, len(judged), resamples=resamples, seed=seed)
          for name, statistic in headline.items()}
    return {
        "format": FORMAT,
        "dataset": dataset,
        "judge": judge,
        "counts": {"transcripts": len(judged), "skipped": len(skipped),
                   "from_cache": sum(j.cached for j in judged), "fallbacks": sum(j.fallback for j in judged),
                   "disagreeing": sum(j.disagrees for j in judged)},
        "skipped": list(skipped),
        "figures": figures,
        "ci": {"level": LEVEL, "resamples": resamples, "seed": seed, **ci},
        "signals": {s: asdict(v) for s, v in scorer.signal_scores(ones).items()},
        "kappa_by_dimension": {d.value: scorer.kappa(ones, d) for d in Dimension},
        "confusion": scorer.confusion(ones),
        "evidence": {"quotes": quotes, "not_verbatim": bad},
        "slices": _slices(scorer, judged),
        "usage": summarise(judged) if provider else None,
        "baseline": None,
        "checks": [],
        "exit_code": None,
        "transcripts": [_transcript_entry(j) for j in judged],
    }
