"""Substance, not vocabulary: every example the judge-substance issue quotes, with the reading a committee gives it."""

from __future__ import annotations

import pytest

from agent.grounding import Problem
from agent.models import Transcript, Turn
from agent.offline.detector import Context, analyze_turn
from agent.offline.judge import judge_transcript
from agent.substance import is_committed, read_transcript
from agent.taxonomy import POSITIVE_IDS

FEED = ("Design the ranking model that decides which posts from friends and groups a Facebook user sees first in "
        "Feed, optimising for meaningful interactions.")
POSITION = ("New information: about 80% of impressions happen in the top 5 slots, so your comment and share labels "
            "are heavily concentrated on posts the current ranker already put there. How does that change your plan?")


def ctx(kind: str = "question", prompt: str = FEED, constraint_kind: str | None = None, first: bool = True,
        active: bool = False) -> Context:
    return Context(prompt_kind=kind, prompt_text=prompt, constraint_kind=constraint_kind, question_text=FEED,
                   first_answer=first, problem=Problem.of(FEED, prompt),
                   constraint_active=active or kind == "constraint")


def found(text: str, context: Context | None = None) -> set[str]:
    return {f.signal for f in analyze_turn(text, 1, context or ctx()).findings}


def test_the_readme_example_earns_data_first():
    assert "data_first" in found("Who acts on this prediction, and how are the labels produced?")


@pytest.mark.parametrize("recital", [
    "Before choosing a model, I'd want to clarify how this prediction is used. Who is the user? What decision are "
    "we trying to improve? What does success look like in production?",
    "I'd treat data as a first-class citizen. Where does the data come from? How is it labeled?",
    "I'd start with a baseline and only move to a deep model if we hit these limits.",
])
def test_a_recital_of_the_article_earns_no_positive_signal(recital):
    assert not {s for s in found(recital) if s in {
        "frames_problem", "data_first", "starts_simple", "explicit_tradeoffs", "impact_linkage",
        "narrated_uncertainty", "end_to_end_ownership", "adapts_under_constraint"}}


def test_not_knowing_how_to_monitor_and_handing_it_to_another_team_is_not_ownership():
    analysis = analyze_turn("I don't really know how to monitor this in production; at my current job another "
                            "team handles it.", 1, ctx("probe", "How would you know it still works in six months?",
                                                       first=False))
    assert "end_to_end_ownership" not in {f.signal for f in analysis.findings}
    assert analysis.deferred


def test_what_worries_me_most_is_the_ground_truth_is_not_ignoring_data():
    assert "ignores_data_reality" not in found("What worries me most is the ground truth.")


@pytest.mark.parametrize("hedge, not_credited", [
    ("Honestly, I don't think that changes much.", "narrated_uncertainty"),
    ("Sorry, which constraint?", "frames_problem"),
    ("I'd ask around the team.", "adapts_under_constraint"),
])
def test_hedges_and_confusion_after_a_constraint_credit_nothing(hedge, not_credited):
    assert not_credited not in found(hedge, ctx("constraint", POSITION, "data"))


def test_then_iterate_from_there_is_not_starting_simple():
    assert "starts_simple" not in found("then iterate from there.", ctx("probe", "What would you build first?",
                                                                         first=False))


@pytest.mark.parametrize("refusal, context", [
    ("That's more of a product decision than an ML one.", ctx("constraint", POSITION, "data")),
    ("Honestly, I don't think that changes much.", ctx("constraint", POSITION, "data")),
    ("I'd ask around the team.", ctx("constraint", POSITION, "data")),
    ("As I said, I'd stick with the original approach.", ctx("probe", "And the position bias?", first=False,
                                                             active=True)),
])
def test_the_canonical_refusals_are_defensive(refusal, context):
    assert "defensive_under_constraint" in found(refusal, context)


def test_an_answer_that_takes_up_the_constraint_adapts():
    assert "adapts_under_constraint" in found(
        "Then I'd log which slot each post was shown in and down-weight clicks from the top slots, or keep a small "
        "randomised slice to learn the position effect.", ctx("constraint", POSITION, "data"))


def test_an_answer_about_something_else_leaves_the_constraint_unaddressed():
    analysis = analyze_turn("For serving I'd precompute the candidate embeddings nightly and cache them so the "
                            "ranker stays fast.", 1, ctx("constraint", POSITION, "data"))
    signals = {f.signal for f in analysis.findings}
    assert analysis.unaddressed_constraint
    assert not signals & {"adapts_under_constraint", "defensive_under_constraint"}


def _interview(persona: str, question: str, *exchange: tuple[str, str, str | None]) -> Transcript:
    turns = [Turn(role="interviewer", kind="question", text=question)]
    for kind, line, answer in exchange:
        if kind == "constraint":
            kind_, ck = "constraint", line.split("|")[0]
            line = line.split("|", 1)[1]
        else:
            kind_, ck = kind, None
        turns.append(Turn(role="interviewer", kind=kind_, constraint_kind=ck, text=line))
        if answer is not None:
            turns.append(Turn(role="candidate", text=answer))
    return Transcript(id="t", persona=persona, turns=turns)


ARTWORK = ("Netflix shows personalised artwork for each title. How would you decide which image to show each "
           "member?")


def test_a_candidate_who_asked_how_labels_are_produced_is_never_told_they_never_asked():
    t = Transcript(id="n", persona="netflix", turns=[
        Turn(role="interviewer", kind="question", text=ARTWORK),
        Turn(role="candidate", text="Who acts on this choice, and how are the labels produced: is a play after an "
                                    "impression the positive, and how long after?"),
        Turn(role="interviewer", kind="clarification", text="Plays within a session of seeing the image."),
        Turn(role="candidate", text="Then the current picker decides which images ever get shown, so I'd keep a 5% "
                                    "exploration slice with random artwork to see outcomes it would have hidden, and "
                                    "start with a per-title popularity rule before any model."),
        Turn(role="interviewer", kind="closing", text="Thanks."),
    ])
    v = judge_transcript(t)
    assert "data_first" in v.signal_ids()
    assert "ignores_data_reality" not in v.signal_ids()
    assert "never asked where the data comes from" not in v.actually_meant
    assert not any(i.title == "Ask about the data unprompted" for i in v.improvements)


def test_an_off_topic_answer_earns_nothing_and_no_hire_band():
    t = _interview("netflix", ARTWORK, ("probe", "Go on.", (
        "For grocery substitution I'd look at which items shoppers accept when the original is out of stock, "
        "using acceptance rates per store and category, and a small model on basket history.")))
    v = judge_transcript(t)
    assert v.band == "no_hire"
    assert "answers_different_question" in v.signal_ids()


def test_refusing_every_constraint_is_no_hire():
    t = _interview("meta", FEED,
                   ("probe", "What would you build first?", "A two-tower model on comments and shares, then a "
                                                            "ranker on 2,000 candidates."),
                   ("constraint", "data|" + POSITION, "That's more of a product decision than an ML one."),
                   ("constraint", "latency|New information: you have 80 ms at p99 for 1,500 candidates on CPU. "
                                  "How does that change your design?", "As I said, I'd stick with the original "
                                                                       "approach."),
                   ("constraint", "metric|New information: leadership wants divisive posts down 10% without "
                                  "losing sessions. How does that change what you'd optimise?",
                    "Honestly, I don't think that changes much."),
                   ("closing", "Thanks.", None))
    assert judge_transcript(t).recommendation.value == "no_hire"


def test_a_recital_interview_is_no_hire_with_no_positive_signal():
    t = _interview("google", FEED,
                   ("probe", "Go on.", "Before choosing a model, I'd want to clarify how this prediction is used. "
                                       "Who is the user? What decision are we trying to improve?"),
                   ("probe", "And the data?", "I'd treat data as a first-class citizen. Where does the data come "
                                              "from? How is it labeled? What biases might exist?"),
                   ("constraint", "latency|New information: you have 80 ms at p99. How does that change your plan?",
                    "I'd start with a baseline and only move to a deep model if we hit these limits."),
                   ("closing", "Thanks.", None))
    v = judge_transcript(t)
    assert v.recommendation.value == "no_hire"
    assert not [f for f in v.signals if f.polarity.value == "positive"]


def test_hire_feedback_only_claims_what_was_found():
    t = Transcript(id="s", persona="stripe", turns=[
        Turn(role="interviewer", kind="question", text="Design how you'd catch fraudulent card payments."),
        Turn(role="candidate", text="What happens to a flagged payment: is it declined, or sent to the fifteen "
                                    "analysts?"),
        Turn(role="interviewer", kind="clarification", text="Declined at authorisation; a slice goes to review."),
        Turn(role="candidate", text="Then the chargebacks are the labels, and they land up to ninety days late, so "
                                    "I'd train only on payments older than that and accept a slightly stale "
                                    "model. I'd start with gradient-boosted trees on velocity features and keep the "
                                    "rules running beside it."),
        Turn(role="interviewer", kind="closing", text="Thanks."),
    ])
    v = judge_transcript(t)
    assert "adapted under constraint" not in v.actually_meant
    credited = {f.signal for f in v.signals}
    advice = {"data_first": "Ask about the data unprompted", "frames_problem": "Frame before solving",
              "starts_simple": "Say what you would ship first"}
    for signal, title in advice.items():
        if signal in credited:
            assert all(i.title != title for i in v.improvements)
    assert len(v.improvements) == 3 or v.improvements_note
    assert all(i.turn_index is None or t.turns[i.turn_index].role == "candidate" for i in v.improvements)


def test_a_dimension_without_evidence_is_not_assessed_and_coverage_is_reported():
    t = _interview("google", FEED, ("probe", "Go on.", "Who acts on this prediction, and how are the labels "
                                                       "produced?"))
    v = judge_transcript(t)
    assert any(s.score is None for s in v.scores.values())
    assert v.coverage.dimensions_assessed < 5


def test_the_interviewers_everyday_words_are_not_the_problems_terms():
    """Writer F's reciter (dev): "something" in the interviewer's line made "something straightforward" a problem
    term, and a recited baseline earned starts_simple."""
    from agent.grounding import Problem, grounding

    problem = Problem.of("Success is they press play on something in that row.")
    assert "play" in problem.terms and not {t for t in problem.terms if t.startswith("some")}
    said = "Right, so the baseline would be a simple model, something we can ship, and then we iterate from there."
    assert not grounding(said, problem)


def test_a_terse_experts_schedule_is_a_concrete_decision():
    """Writer W's terse expert (dev): "Logistic regression this week." names the model and when it ships; it is a
    choice about the problem, and the simple model it proposes is starting simple."""
    from agent.grounding import grounding

    assert grounding("Logistic regression this week.")
    assert not grounding("A simple model this week.")
    assert "starts_simple" in found("Logistic regression this week. Anything bigger needs a reason.")


def test_a_question_about_the_office_is_not_a_clarifying_question():
    """Writer T's off-topic candidate (dev) reached lean_hire on 'framing' made of questions about remote Fridays,
    the on-call rotation and restaurants."""
    for chat in ("Do you know if the team gets to work remotely on Fridays?",
                 "Sorry, I got distracted. Can we talk about the team's on-call rotation?"):
        assert not found(chat) & {"frames_problem", "end_to_end_ownership"}, chat
    assert "frames_problem" in found("Who sees these posts first, and how often does the ranking need to update?")


def test_a_terse_answer_is_read_whole():
    """Writer W's terse expert (dev): fragments with one unit each are concrete together, so its monitoring plan is
    ownership; a short answer of generic words stays generic."""
    plan = ("Monitoring: feature null rates and ranges, score distribution, action rate. Alert on jumps. Rollback "
            "to last good model in one step. Holdout stays forever.")
    assert "end_to_end_ownership" in found(plan)
    assert not found("Monitoring is key. Alerts matter. Always have a plan. Keep it simple.") & set(POSITIVE_IDS)


def test_advice_spliced_into_one_sentence_or_announced_in_buckets_is_still_a_recital():
    """Writer Z's reciter (dev z-017): two exemplars spliced in one sentence, and the answer's own parts counted
    ("three buckets"), ground nothing; the reciter lands below the hire band, as labelled."""
    from agent.grounding import grounding, is_recital

    problem = Problem.of("Design query autocomplete suggestions for Google Search.")
    assert is_recital("On data: I'd treat data as a first-class citizen and understand its provenance, labeling, "
                      "biases and drift.", problem)
    assert not grounding("I'd structure my answer in three buckets: problem framing, data, and tradeoffs.", problem)
    assert grounding("Three days of typed prefixes, counted per region.", problem)
    turns = [Turn(role="interviewer", kind="question", text="Design query autocomplete suggestions for Google Search."),
             Turn(role="candidate", text="I'd structure my answer in three buckets: problem framing, data, and "
                  "tradeoffs. On framing: who is the user, what decision are we improving, what does success look "
                  "like. On data: I'd treat data as a first-class citizen and understand its provenance, labeling, "
                  "biases and drift. On tradeoffs: I'd be explicit about competing goals, like accuracy versus "
                  "latency."),
             Turn(role="interviewer", kind="constraint", constraint_kind="latency",
                  text="Suggestions must update on every keystroke within 30ms of server time."),
             Turn(role="candidate", text="That's a classic accuracy-versus-latency tradeoff. I'd make it explicit and "
                  "prioritize latency, because users notice lag. And I'd start simple with a baseline and earn "
                  "complexity from there."),
             Turn(role="interviewer", kind="closing", text="Thanks.")]
    verdict = judge_transcript(Transcript(id="z", persona="google", turns=turns))
    assert verdict.recommendation.band == "no_hire"


def test_an_estimate_of_a_quantity_is_not_a_hedge_on_the_decision():
    """Writer AC's live-chat candidate (dev): 'rules and a small fast classifier in the path, maybe 50
    milliseconds' commits to the design and estimates its cost; 'maybe a per-message model' hedges the design."""
    problem = Problem.of("Moderate live chat messages within 500 milliseconds at 20,000 messages per second.")
    assert is_committed("I would put rules and a small fast classifier in the path, maybe 50 milliseconds, and "
                        "block only the high-confidence messages.", problem)
    assert not is_committed("Maybe a small fast classifier on every message in the path.", problem)


def test_a_later_question_about_the_first_ones_system_is_not_off_topic():
    """Writer G's voice-moderation candidate (dev): 'How would you know, six months in, whether this made Horizon
    safer?' is answered in the first question's terms (abuse reports, mutes, slurs): on topic, so its positives
    count."""
    answer = ("Not classifier F1. I'd track confirmed-abuse reports per 1,000 hours of voice time, week-one retention "
              "of new users who filed a harassment report, and the appeal overturn rate on automated mutes as the "
              "false-positive guard; slang and new slurs drift, so the keyword list gets a weekly review.")
    first = Turn(role="interviewer", kind="question", text="Design moderation for voice chat in Horizon: players "
                                                             "report harassment and we can mute speakers.")
    later = Turn(role="interviewer", kind="question", text="How would you know, six months in, whether this made "
                                                            "Horizon safer?")
    opening = Turn(role="candidate", text="Queue the reported audio for human review first, then mute on the slur "
                                          "list only.")
    on_topic = Transcript(id="a", persona="meta", turns=[first, opening, later, Turn(role="candidate", text=answer)])
    assert not read_transcript(on_topic).get(3).off_topic


def test_advice_in_words_no_exemplar_covers_is_still_a_recital():
    """Writer AL's meal-kit reciter (dev): 'I'd link the technical choices to impact and think about deployment,
    monitoring and retraining' is the interview's vocabulary and nothing else; a sentence with one thing of this
    problem in it ('skips within four weeks') is not."""
    from agent.grounding import is_recital

    problem = Problem.of("We're a meal-kit company. Predict who's about to cancel so the retention team can reach out.")
    assert is_recital("End-to-end ownership is really important to me, so I'd think about deployment, monitoring "
                      "and retraining.", problem)
    assert not is_recital("I'd label a cancel as no order and no skip for four weeks, and monitor the retention "
                          "team's call outcomes.", problem)
