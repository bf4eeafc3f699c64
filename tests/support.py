"""Shared test data: scripted candidates and paths."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STRONG_ANSWERS = [
    "Before I pick anything, who acts on this prediction and what decision does it change? And how are the "
    "labels produced, and how late do they arrive? Delayed labels change how we evaluate.",
    "I'd start with a simple baseline, gradient-boosted trees on a handful of features, and only move to "
    "something deeper if we plateau. I'd give up a little accuracy for something we can debug and ship in "
    "week one.",
    "That changes things. Given that, I'd drop the expensive features, precompute aggregates offline and cache "
    "them, and accept slightly lower recall in exchange for meeting the limit.",
    "My working hypothesis is that the inputs shifted, but I could be wrong, so I'd compare the training and "
    "serving distributions and check how the labels were sampled before touching the model.",
    "I'd monitor it with alerts on drift, keep a rollback to the previous model, and retrain monthly. If "
    "customers notice more false alarms that costs support hours, which is what matters to the business.",
    "In that case I'd switch the objective to the new outcome and revisit the threshold, since the decision "
    "we care about changed; I'd accept fewer catches so reviewers aren't flooded.",
    "Assuming the labels are noisy in the tail, I'd have a few hundred examples relabelled to estimate the "
    "noise rate before trusting any offline number.",
    "Then I'd use a two-stage design: a cheap model filters and the heavier one only scores the top slice, so "
    "cost stays within budget.",
    "I'd ship behind a canary, watch dashboards for drift and keep someone on call for the first weeks.",
]

WEAK_ANSWERS = [
    "I'd go straight to a deep transformer with attention over the whole event history. That's definitely "
    "the best approach; it's state of the art.",
    "I'd still use the transformer. The model will learn to handle the noise, so I wouldn't worry about the "
    "labels.",
    "That's really a product decision. The infra team should just scale it up with more GPUs.",
    "A bigger neural network would fix that, obviously. I'd stick with my original design.",
    "As I said, the same approach still works. That wouldn't be an issue.",
    "I'd add a graph neural network on top; that always works.",
    "That's not a realistic constraint, so I'd still ship the deep model.",
    "More GPUs.",
    "Same answer as before.",
]


def write_answers(path: Path, answers: list[str]) -> Path:
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    return path
