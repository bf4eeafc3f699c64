"""evals/README.md carries the dataset counts the script computes; a stale block fails here."""

from __future__ import annotations

from eval_helpers import ROOT

from evals.stats import current_block


def test_readme_counts_match_the_datasets() -> None:
    readme = (ROOT / "evals" / "README.md").read_text(encoding="utf-8")
    assert current_block() in readme, "dataset counts changed: run `python -m evals.stats --write`"
