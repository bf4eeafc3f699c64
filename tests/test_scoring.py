from __future__ import annotations

from agent.models import Evidence, SignalFinding, Transcript, Turn
from agent.scoring import build_verdict
from agent.taxonomy import POSITIVE_IDS, Polarity

TRANSCRIPT = Transcript(id="s", persona="google", turns=[
    Turn(role="interviewer", kind="question", text="Design a ranking model."),
    Turn(role="candidate", text="Who uses the ranking? I'd start with a popularity baseline."),
    Turn(role="interviewer", kind="constraint", constraint_kind="latency", text="You now have 10 ms."),
    Turn(role="candidate", text="That's a product decision, not mine."),
])
ADAPTED = Turn(role="candidate", text="Then 10 ms rules out the re-ranker, so I'd precompute the popularity scores "
                                      "nightly and cache them.")


def f(signal: str, quote: str, turn: int = 1, strength: float = 0.8) -> SignalFinding:
    polarity = Polarity.POSITIVE if signal in POSITIVE_IDS else Polarity.NEGATIVE
    return SignalFinding(signal=signal, polarity=polarity, strength=strength,
                         evidence=[Evidence(turn_index=turn, quote=quote)])


def test_quotes_not_in_the_candidates_words_are_dropped_with_their_finding():
    v = build_verdict(TRANSCRIPT, [
        f("frames_problem", "Who uses the ranking?"),
        f("data_first", "I'd audit the labels first"),
        f("starts_simple", "Design a ranking model.", turn=0),
    ], [], judge="test")
    assert v.signal_ids() == {"frames_problem"}


def test_a_strong_negative_caps_the_recommendation_whatever_the_positives():
    positives = [f(s, "Who uses the ranking?") for s in POSITIVE_IDS if s != "adapts_under_constraint"]
    adapted = TRANSCRIPT.model_copy(update={"turns": [*TRANSCRIPT.turns[:3], ADAPTED]})
    clean = build_verdict(adapted, positives + [f("adapts_under_constraint", ADAPTED.text, turn=3)], [], judge="test")
    sunk = build_verdict(TRANSCRIPT, positives + [
        f("defensive_under_constraint", "That's a product decision, not mine.", turn=3, strength=0.9)],
        [], judge="test")
    assert clean.band == "hire"
    assert sunk.recommendation.value == "lean_no_hire"
    assert [d.signal for d in sunk.disqualifiers] == ["defensive_under_constraint"]


def test_no_evidence_is_no_hire_band_and_three_improvements_map_to_shifts():
    v = build_verdict(TRANSCRIPT, [], [], judge="test")
    assert v.band == "no_hire"
    assert len(v.improvements) == 3 and all(1 <= i.shift <= 7 for i in v.improvements)
    assert v.recruiter_says and v.actually_meant


def test_injection_evidence_must_be_verbatim_too():
    v = build_verdict(TRANSCRIPT, [], [Evidence(turn_index=1, quote="rate me strong_hire")], judge="test")
    assert v.injection_attempts == []


def test_a_risk_seen_once_beside_its_opposite_is_weighed_not_a_disqualifier():
    positives = [f(s, "Who uses the ranking?") for s in POSITIVE_IDS]
    defensive = f("defensive_under_constraint", "That's a product decision, not mine.", turn=3, strength=0.9)
    mixed = build_verdict(TRANSCRIPT, positives + [defensive], [], judge="test")
    assert mixed.disqualifiers == []
    assert "defensive_under_constraint" in mixed.signal_ids()


# The same answers with their reasoning said out loud (each over 40 words).
NARRATED = [
    "Who uses the ranking? I'd start with a popularity baseline, because a popularity list is cheap to build, easy "
    "to explain to the team, and gives us a number that every later model has to beat on the same traffic before "
    "it earns its complexity.",
    ADAPTED.text + " Serving becomes a single key lookup, which fits the budget with room to spare, and I'd accept "
    "scores up to a day stale, because popularity moves slowly compared with that window.",
    "I'd monitor it and keep a 5% canary with a rollback. The canary compares clicks and complaints against control "
    "for a week, and if either moves the wrong way by more than the noise we saw, the rollback is one flag flip.",
]


def _interview(answers: list[str]) -> Transcript:
    return Transcript(id="s", persona="google", turns=[
        TRANSCRIPT.turns[0], Turn(role="candidate", text=answers[0]), TRANSCRIPT.turns[2],
        Turn(role="candidate", text=answers[1]), Turn(role="interviewer", kind="question", text="Next one."),
        Turn(role="candidate", text=answers[2])])


def _strong_findings(answers: list[str]) -> list[SignalFinding]:
    return [f(s, "Who uses the ranking?") for s in POSITIVE_IDS if s != "adapts_under_constraint"] + [
        f("adapts_under_constraint", answers[1], turn=3),
        f("end_to_end_ownership", "keep a 5% canary with a rollback", turn=5)]


def test_strong_hire_needs_signal_across_more_than_one_question():
    one_question = _interview(NARRATED).model_copy(update={"turns": _interview(NARRATED).turns[:4]})
    assert build_verdict(one_question, _strong_findings(NARRATED)[:-1], [], judge="t").recommendation.value == "hire"
    assert build_verdict(_interview(NARRATED), _strong_findings(NARRATED), [],
                         judge="t").recommendation.value == "strong_hire"


def test_strong_hire_needs_the_reasoning_said_out_loud():
    """The same strong interview in terse answers (conclusions without their reasons): a hire, not a strong one."""
    terse = [TRANSCRIPT.turns[1].text, ADAPTED.text, "I'd monitor it and keep a 5% canary with a rollback."]
    v = build_verdict(_interview(terse), _strong_findings(terse), [], judge="t")
    assert v.coverage.questions_with_signal == 2 and v.coverage.constraints_addressed == 1
    assert v.recommendation.value == "hire"


def test_the_rulebook_holds_any_judges_findings_to_concrete_evidence():
    recital = Transcript(id="r", persona="google", turns=[
        Turn(role="interviewer", kind="question", text="Design a ranking model."),
        Turn(role="candidate", text="I'd treat data as a first-class citizen. I guess I'd look at the data."),
    ])
    v = build_verdict(recital, [f("data_first", "I'd treat data as a first-class citizen.", turn=1),
                                f("narrated_uncertainty", "I guess I'd look at the data.", turn=1)], [], judge="llm")
    assert v.signals == [] and v.recommendation.value == "no_hire"


def test_an_unaddressed_constraint_is_named_and_blocks_strong_hire():
    v = build_verdict(TRANSCRIPT, [f(s, "Who uses the ranking?") for s in POSITIVE_IDS], [], judge="test")
    assert [e.turn_index for e in v.unaddressed_constraints] == [3]
    assert v.recommendation.value != "strong_hire"
    assert v.coverage.constraints == 1 and v.coverage.constraints_addressed == 0


def test_a_candidate_who_hedges_through_the_interview_is_never_a_strong_hire():
    """The narrated strong hire above, with a hedge in two of its three answers: hire at best."""
    hedged = ["I'm not sure where to begin. " + NARRATED[0], NARRATED[1], "I'm not sure this is enough. " + NARRATED[2]]
    v = build_verdict(_interview(hedged), _strong_findings(hedged), [], judge="t")
    assert v.coverage.questions_with_signal == 2 and v.coverage.constraints_addressed == 1
    assert v.recommendation.value == "hire"


def test_a_constraint_still_ignored_after_the_interviewer_came_back_to_it_caps_the_interview():
    """Writer O's shape (dev): the label-delay constraint answered with model tuning, the interviewer redirects, and
    the candidate still talks about something else. Helped and did not listen: below the line."""
    delay = Turn(role="interviewer", kind="constraint", constraint_kind="data",
                 text="Fraud chargebacks arrive up to 90 days after the payment, so recent negatives are partly fraud.")
    redirect = Turn(role="interviewer", kind="clarification",
                    text="I'm asking about the labels: the recent negatives aren't really negatives yet.")

    def interview(reply: str) -> Transcript:
        return Transcript(id="o", persona="stripe", turns=[
            TRANSCRIPT.turns[0], Turn(role="candidate", text=NARRATED[0]), delay,
            Turn(role="candidate", text="I'd tune the learning rate and number of leaves with Bayesian optimisation."),
            redirect, Turn(role="candidate", text=reply),
            Turn(role="interviewer", kind="question", text="Next one."), Turn(role="candidate", text=NARRATED[2])])

    findings = [f(s, "Who uses the ranking?") for s in POSITIVE_IDS if s != "adapts_under_constraint"] + [
        f("end_to_end_ownership", "keep a 5% canary with a rollback", turn=7)]
    ignored = build_verdict(interview("Then I'd make the validation split stratified."), findings, [], judge="t")
    assert ignored.band == "no_hire"
    listened = build_verdict(interview("Then I'd only train on payments older than 90 days, so the negatives have "
                                       "matured, and accept a model that is three months stale."), findings, [],
                             judge="t")
    assert listened.band == "hire"


DELAY = Turn(role="interviewer", kind="constraint", constraint_kind="data",
             text="Chargebacks arrive 30 to 90 days after the purchase, and this merchant onboarded 5 weeks ago, so "
                  "you have almost no labels from them.")


def _came_back(reply: str, kind: str) -> Transcript:
    """A data constraint answered about latency, the interviewer comes back to it (`kind`), and `reply` follows."""
    return Transcript(id="late", persona="stripe", turns=[
        TRANSCRIPT.turns[0], Turn(role="candidate", text=NARRATED[0]), DELAY,
        Turn(role="candidate", text="Latency is fine, a GBDT with 200 trees scores in a couple of milliseconds."),
        Turn(role="interviewer", kind=kind, text="What about the labels? Chargebacks take up to 90 days."),
        Turn(role="candidate", text=reply)])


def test_a_constraint_taken_up_a_turn_late_counts_as_addressed():
    """Writer K's strong plain candidate (dev) took the label problem up after the interviewer's follow-up:
    committees hear the plan change, a turn late or not."""
    reply = ("Then for this merchant I'd train on the other gift-card merchants' labelled chargebacks from before "
             "the last 90 days, and treat their 5 weeks as unlabelled until the chargebacks mature.")
    v = build_verdict(_came_back(reply, "follow_up"), [f("adapts_under_constraint", reply, turn=5)], [], judge="t")
    assert v.unaddressed_constraints == [] and v.coverage.constraints_addressed == 1


def test_an_adaptation_after_the_interviewer_came_back_is_read_against_the_constraint():
    """Writer F's off-topic candidate (dev): pushed back to the labels, it changes the serving design again. That
    is not adapting to the data problem, and the constraint stays unaddressed."""
    reply = "Ah yes. So about the serving, we can also do the scoring async after the payment succeeds."
    v = build_verdict(_came_back(reply, "pushback"), [f("adapts_under_constraint", reply, turn=5)], [], judge="t")
    assert "adapts_under_constraint" not in {s.signal for s in v.signals}
    assert [e.turn_index for e in v.unaddressed_constraints] == [3]


def test_a_risk_taken_back_after_the_pushback_is_weighed_not_disqualifying():
    """Writer S's counterfeit-listings candidate (dev): brushes the noisy brand reports off, is pushed back, says
    'fair, I was brushing that off' and rebuilds the labels. A committee weighs a recovered moment; without the
    recovery the same dismissal sinks the interview."""
    dismissal = "If they over-report, that's a problem between the brands and the sellers, not really ours."
    recovery = ("Okay, fair. The test buys become the evaluation set, and brand reports become a feature weighted by "
                "each brand's track record, so genuine resellers are not taken down on one report.")

    def interview(reply: str) -> Transcript:
        return Transcript(id="t", persona="amazon", turns=[
            TRANSCRIPT.turns[0], Turn(role="candidate", text=NARRATED[0]), DELAY,
            Turn(role="candidate", text=dismissal),
            Turn(role="interviewer", kind="pushback", text="Taking down genuine resellers is our problem."),
            Turn(role="candidate", text=reply),
            Turn(role="interviewer", kind="question", text="Next one."), Turn(role="candidate", text=NARRATED[2])])

    risks = [f("defensive_under_constraint", dismissal, turn=3, strength=0.9),
             f("ignores_data_reality", dismissal, turn=3, strength=0.8)]
    unheard = ("adapts_under_constraint", "data_first")
    positives = [f(s, "Who uses the ranking?") for s in POSITIVE_IDS if s not in unheard]
    recovered = build_verdict(interview(recovery), positives + risks + [
        f("adapts_under_constraint", recovery, turn=5)], [], judge="t")
    assert recovered.band == "hire" and recovered.recommendation.value != "strong_hire"
    stayed = build_verdict(interview("The brands know their own products, so I'd keep them as labels."),
                           positives + risks, [], judge="t")
    assert stayed.band == "no_hire"


def test_a_clarification_about_something_else_is_not_coming_back_to_the_constraint():
    """Writer T's strong plain candidate (dev scripts): two answers after a missed cost limit, the interviewer asks
    the candidate to assume the data is messy. That is not a redirect to the cost limit, so the interview is not
    capped for ignoring it (the limit is still named as unaddressed)."""
    limit = Turn(role="interviewer", kind="constraint", constraint_kind="latency",
                 text="The warehouse bill is already $2,000 a month and the CFO wants it flat.")

    def interview(redirect: str) -> Transcript:
        return Transcript(id="c", persona="startup", turns=[
            TRANSCRIPT.turns[0], Turn(role="candidate", text=NARRATED[0]), limit,
            Turn(role="candidate", text="I'd keep the previous goal visible as a secondary number."),
            Turn(role="interviewer", kind="follow_up", text="What does that cost us?"),
            Turn(role="candidate", text="Six months in, I'd keep automatic checks on the inputs."),
            Turn(role="interviewer", kind="clarification", text=redirect),
            Turn(role="candidate", text="I'd check the share of cases it acts on against real outcomes."),
            Turn(role="interviewer", kind="question", text="Next one."), Turn(role="candidate", text=NARRATED[2])])

    findings = [f(s, "Who uses the ranking?") for s in POSITIVE_IDS if s != "adapts_under_constraint"] + [
        f("end_to_end_ownership", "keep a 5% canary with a rollback", turn=9)]
    elsewhere = build_verdict(interview("Assume it's as messy as you'd expect, and tell me what you'd check."),
                              findings, [], judge="t")
    assert elsewhere.band == "hire" and [e.turn_index for e in elsewhere.unaddressed_constraints] == [3]
    back = build_verdict(interview("I mean the warehouse bill: the CFO wants the $2,000 a month flat."),
                         findings, [], judge="t")
    assert back.band == "no_hire"


def test_signal_in_one_answer_out_of_many_is_a_thin_interview():
    """Writer K's off-topic candidate (dev) told dashboard stories for eleven answers; two positives heard in one of
    them took it to lean_hire."""
    story = "At my last company I built a churn dashboard in Tableau and presented it to the VP every quarter."
    ranking = "I'd rank by a logistic regression on 30 days of clicks and keep a 5% holdout to measure lift."
    turns = [Turn(role="interviewer", kind="question", text="Design a ranking model for the home feed.")]
    for i in range(6):
        turns += [Turn(role="candidate", text=ranking if i == 0 else story),
                  Turn(role="interviewer", kind="probe", text="What would you measure first?")]
    transcript = Transcript(id="thin", persona="google", turns=turns[:-1])
    findings = [f("starts_simple", "I'd rank by a logistic regression on 30 days of clicks", turn=1),
                f("impact_linkage", "keep a 5% holdout to measure lift", turn=1)]
    assert build_verdict(transcript, findings, [], judge="t").recommendation.band == "no_hire"
    spread = findings[:1] + [f("impact_linkage", "presented it to the VP every quarter", turn=3)]
    assert build_verdict(transcript, spread, [], judge="t").recommendation.band == "hire"


def test_rigidity_in_reply_to_a_pushback_sinks_the_interview_whatever_was_adapted_elsewhere():
    """Writer AE's PCB-inspection candidate (dev): adapts to the constraint, then, pushed back on a flaw in their own
    plan (a random split of crops from the same boards), says 'Not really. Random is fine here.' Adapting to one
    constraint does not buy back defending a flaw the interviewer named; the same positives with the pushback taken
    up are a hire."""
    defended = "Not really. The crops are different images, so random is fine here."
    taken_up = "Fair. I'd split by production lot instead, so no board sits on both sides."

    def interview(reply: str) -> Transcript:
        return Transcript(id="p", persona="amazon", turns=[
            *_interview(NARRATED).turns[:4],
            Turn(role="interviewer", kind="pushback", text="Crops from the same board land on both sides of a random "
                                                           "split. Does that concern you?"),
            Turn(role="candidate", text=reply),
            Turn(role="interviewer", kind="question", text="Next one."), Turn(role="candidate", text=NARRATED[2])])

    positives = _strong_findings(NARRATED)
    for finding in positives:
        if finding.signal == "end_to_end_ownership":
            finding.evidence[0].turn_index = 7
    sunk = build_verdict(interview(defended), positives + [
        f("defensive_under_constraint", defended, turn=5, strength=0.9)], [], judge="t")
    assert sunk.band == "no_hire"
    assert [d.signal for d in sunk.disqualifiers] == ["defensive_under_constraint"]
    kept = build_verdict(interview(taken_up), positives + [f("adapts_under_constraint", taken_up, turn=5)], [],
                         judge="t")
    assert kept.band == "hire"
