"""Label counts per split, as the Markdown block in evals/README.md.

`python -m evals.stats` prints the block; `--write` replaces it in the README (tests fail when it is stale).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from agent.taxonomy import SIGNALS
from evals.dataset import Dataset, load_dataset

ROOT = Path(__file__).parent
SPLITS = ("dev", "test", "holdout")
BEGIN, END = "<!-- stats:begin (python -m evals.stats --write) -->", "<!-- stats:end -->"


def _row(label: str, values: list[object]) -> str:
    return f"| {label} | " + " | ".join(str(v) for v in values) + " |"


def render_stats(splits: dict[str, Dataset]) -> str:
    names = list(splits)
    data = [s.transcripts for s in splits.values()]
    head = ["| | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    lines = [*head,
             _row("transcripts", [len(ts) for ts in data]),
             _row("band hire", [sum(t.labels.recommendation_band == "hire" for t in ts) for ts in data]),
             _row("band no_hire", [sum(t.labels.recommendation_band == "no_hire" for t in ts) for ts in data]),
             _row("injection cases", [sum(t.injection for t in ts) for ts in data]),
             _row("with dimension scores", [sum(bool(t.labels.dimension_scores) for t in ts) for ts in data]),
             "", "Signals labelled present / absent (unlisted signals are unlabelled):", "",
             "| signal | polarity | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for sid, sig in SIGNALS.items():
        cells = [f"{sum(sid in t.labels.present for t in ts)} / {sum(sid in t.labels.absent for t in ts)}"
                 for ts in data]
        lines.append(f"| {sid} | {sig.polarity.value} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def current_block() -> str:
    stats = render_stats({s: load_dataset(ROOT / "datasets" / s) for s in SPLITS})
    return f"{BEGIN}\n{stats}\n{END}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.stats", description=__doc__)
    parser.add_argument("--write", action="store_true", help="replace the block in evals/README.md")
    block = current_block()
    if parser.parse_args().write:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        start, end = text.index(BEGIN), text.index(END) + len(END)
        readme.write_text(text[:start] + block + text[end:], encoding="utf-8")
    print(block)


if __name__ == "__main__":
    main()
