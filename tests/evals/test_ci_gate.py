"""The CI gate: the offline judge must hold its figures on the two held-out splits, which it is never tuned on.

- `evals/datasets/test`: writer B's 40 transcripts (held out since v0.1);
- `evals/datasets/holdout`: writers H, J, I, M, P, V and X, outside writers blind to the detector, whose first-contact
  figures are in evals/README.md.
The floors sit a little under what the offline engine measured when they were set (each figure floored to two
decimals, minus about 0.02), so a change that makes the judge worse fails CI. Raise them when the judge improves:
`interviewer eval evals/datasets/holdout` prints the current figures.
"""

from __future__ import annotations

import pytest
from eval_helpers import TEST_SPLIT, run_cli

HOLDOUT = TEST_SPLIT.parent / "holdout"
# Measured when set: test macro-F1 0.843, band 0.900, kappa 0.698; holdout (writers H, J, I, M, P, V, X: 191
# transcripts) macro-F1 0.765, band 0.906, kappa 0.638, five-level kappa 0.779. V and X joined the holdout at this
# setting and are harder than the 131 files before them, which score 0.779 / 0.916 / 0.652 / 0.811.
FLOORS = {
    TEST_SPLIT: {"macro_f1": 0.82, "band_accuracy": 0.87, "kappa": 0.67},
    HOLDOUT: {"macro_f1": 0.74, "band_accuracy": 0.88, "kappa": 0.61, "recommendation_kappa": 0.76},
}


@pytest.mark.parametrize("split", list(FLOORS), ids=lambda p: p.name)
def test_offline_judge_holds_its_figures_on_the_held_out_splits(split, capsys: pytest.CaptureFixture) -> None:
    spec = ",".join(f"{name}={floor}" for name, floor in FLOORS[split].items())
    code, out, _ = run_cli(capsys, str(split), "--fail-under", spec, "--bootstrap", "0")
    assert code == 0, out
