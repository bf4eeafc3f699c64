"""Held-out scripted candidates: written with the dev set, never looked at while tuning the interviewer or the
fault detector. Their figures are reported separately (`interviewer eval-interviewer --set heldout`)."""

from __future__ import annotations

from evals.interviewer.script import Answer, Candidate, Line, answer, fact_of, pick


def steady(line: Line) -> Answer:
    if line.kind == "question":
        return answer("My first question is what decision this output feeds and what a wrong call costs. Then I'd "
                      "look at how the training examples were collected, since the current product chose most of "
                      "what we observed, and I'd ship a heuristic before anything learned.")
    if line.kind == "constraint":
        return answer(f"Okay, {fact_of(line.constraint_text)}, which rules out part of what I said. I'd narrow the "
                      "first version to the cases where the data is trustworthy and measure the rest separately.",
                      "adapts")
    if line.kind == "pushback":
        return answer("You're right to push. I'd run the simple version first and only keep the complex part if it "
                      "beats it on the held-out month.")
    return answer(pick([
        "What I'd give up is coverage of the long tail; the benefit is a model we can debug in a day.",
        "It costs us a slower launch by about two weeks, which I'd accept because the fallback keeps users safe.",
        "I'd know it is degrading when the live positive rate drifts from the offline estimate for three days.",
    ], line))


def stubborn(line: Line) -> Answer:
    return answer(pick([
        "The constraint doesn't really change anything, we'd keep the plan.",
        "That's an infra problem; someone else handles latency.",
        "Honestly the metric is fine, leadership will always come around.",
        "We'd deal with that later, if it becomes a real problem.",
    ], line), "defensive")


def blank(line: Line) -> Answer:
    return answer(pick(["Hmm. I'm blanking on this one.", "Not sure.", "I can't say, honestly.",
                        "I have no idea what I'd do here."], line), "stuck")


def wanderer(line: Line) -> Answer:
    if line.kind == "constraint":
        return answer("Sure, and on monitoring I'd set up dashboards with alerts on the daily volume and a weekly "
                      "review meeting with the on-call engineer.", "unaddressed")
    return answer("I once built a parking-spot finder for a car-sharing startup: drivers, garages and street "
                  "sensors, with payments through the app, and the municipality shared its meter data with us.",
                  "off_topic")


HELD_OUT: list[Candidate] = [
    Candidate("steady", "strong", steady, held_out=True),
    Candidate("stubborn", "rigid", stubborn, held_out=True),
    Candidate("blank", "stuck", blank, held_out=True),
    Candidate("wanderer", "off_topic", wanderer, held_out=True),
]
