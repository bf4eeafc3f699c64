"""The interviewer faults quoted in issue 10, each as the behaviour it should have had.

Most run the real offline brain (detector, policy, phrasing) on one turn; a few play a short interview through
the graph with a scripted candidate.
"""

from __future__ import annotations

import re

import pytest

from agent.brain import TurnContext
from agent.models import Evidence, SignalFinding, Turn, TurnAnalysis
from agent.offline import voice
from agent.offline.brain import OfflineBrain
from agent.offline.clarify import clarify
from agent.offline.threads import Thread
from agent.offline.voice import CONSTRAINT_TALK
from agent.persona import load_all_personas, load_persona
from agent.policy import InterviewProgress, QuestionProgress, allowed_moves, choose
from agent.taxonomy import Polarity
from evals.interviewer.candidates import strong
from evals.interviewer.faults import unquoted
from evals.interviewer.play import play
from evals.interviewer.script import Candidate, answer

BRAIN = OfflineBrain()
PERSONAS = load_all_personas()
STRONG = ("Before any model I'd pin down the decision this serves and who pays for each kind of error. I'd start "
          "with a simple baseline and measure it against what runs today.")
REDIRECT = re.compile(r"i asked something else|answer to what i asked|original question|not what i asked", re.I)


def respond(persona_id: str, qid: str, turns: list[Turn], progress: QuestionProgress | None = None):
    """The offline brain's answer to the last candidate turn of `turns` (all in question 0)."""
    persona = load_persona(persona_id)
    progress = InterviewProgress(question_index=0, question_count=3, turn_count=len(turns),
                                 question=progress or QuestionProgress())
    ctx = TurnContext(persona=persona, question=persona.question(qid), progress=progress,
                      question_turns=list(enumerate(turns)), summary="", allowed=allowed_moves(persona, progress))
    return BRAIN.respond(ctx)


def q(persona_id: str, qid: str) -> Turn:
    return Turn(role="interviewer", kind="question", text=load_persona(persona_id).question(qid).text,
                question_index=0)


def said(text: str) -> Turn:
    return Turn(role="candidate", text=text, question_index=0)


def constraint_turn(persona_id: str, qid: str, kind: str) -> Turn:
    c = next(c for c in load_persona(persona_id).question(qid).constraints if c.kind == kind)
    return Turn(role="interviewer", kind="constraint", constraint_kind=kind, text=c.text, question_index=0)


# -- say only what happened ------------------------------------------------------------------------------------

@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.id)
def test_before_any_constraint_no_line_refers_to_one(persona):
    """'Given the new constraint, is "..." still your plan?' before any constraint, in 8 of 54 runs."""
    start = InterviewProgress(question_index=0, question_count=3, turn_count=2)
    kinds = {(m.kind, m.signal) for m in allowed_moves(persona, start)}
    assert ("probe", "adapts_under_constraint") not in kinds
    assert not any(k == "follow_up" for k, _ in kinds)
    for question in persona.questions:
        thread = Thread(question, [q(persona.id, question.id) if False else
                                   Turn(role="interviewer", kind="question", text=question.text),
                                   said(STRONG)])
        from agent.offline.phrasing import phrase
        for move in allowed_moves(persona, start):
            if move.kind in ("probe", "pushback"):
                line = phrase(persona, thread, move, TurnAnalysis(), [])
                assert not CONSTRAINT_TALK.search(unquoted(line)), (move, line)


# -- responsiveness drives the move ----------------------------------------------------------------------------

def test_an_on_topic_data_first_answer_is_never_redirected():
    """'That's about "Before any model, I'd pin down"; I asked something else.' to the right first move."""
    turns = [q("meta", "m-messenger-spam"),
             said("Before any model, I'd pin down what users report as spam and how the reports are logged: a "
                  "flag rate that stayed flat while reports tripled says the labels drifted away from the reports.")]
    turn = respond("meta", "m-messenger-spam", turns)
    assert not REDIRECT.search(turn.text), turn.text
    assert not (turn.move.kind == "pushback" and turn.move.signal == "answers_different_question")


def test_the_redirect_needs_the_shared_measure_to_say_off_topic():
    persona = load_persona("meta")
    p = InterviewProgress(question_index=0, question_count=3, turn_count=2)
    finding = SignalFinding(signal="answers_different_question", polarity=Polarity.NEGATIVE, strength=0.9,
                            evidence=[Evidence(turn_index=1, quote="x")])
    on_topic = TurnAnalysis(findings=[finding], off_topic=False)
    off_topic = TurnAnalysis(findings=[finding], off_topic=True)
    assert choose(persona, p, on_topic, allowed_moves(persona, p)).signal != "answers_different_question"
    assert choose(persona, p, off_topic, allowed_moves(persona, p)).signal == "answers_different_question"


@pytest.mark.parametrize("reply", [
    "For latency I'd cache the scores and use a smaller model so we stay under 50 ms at p99.",
    "On monitoring I'd set up dashboards with alerts on the daily volume and a weekly review.",
    "Fair, I overstated that.",
])
def test_a_constraint_answered_with_something_else_is_restated_and_asked_again(reply):
    """A latency answer to a data constraint, monitoring to a cost limit, 'Fair, I overstated that'."""
    ct = constraint_turn("netflix", "n-artwork-personalisation", "data")
    turns = [q("netflix", "n-artwork-personalisation"), said(STRONG), ct, said(reply)]
    progress = QuestionProgress(followups=1, constraint_kinds=["data"], thread=["constraint"])
    turn = respond("netflix", "n-artwork-personalisation", turns, progress)
    assert (turn.move.kind, turn.move.signal) == ("follow_up", "adapts_under_constraint"), turn.move
    assert "85%" in turn.text, "the restatement carries the constraint's facts"


def test_an_adaptation_gets_a_follow_through_on_its_cost_then_a_third_step():
    ct = constraint_turn("netflix", "n-artwork-personalisation", "latency")
    adapted = ("With 10 ms for all of it, the heavy model can't run inline. I'd precompute scores offline for "
               "every member and title, and serve them from a cache.")
    turns = [q("netflix", "n-artwork-personalisation"), said(STRONG), ct, said(adapted)]
    first = respond("netflix", "n-artwork-personalisation", turns,
                    QuestionProgress(followups=1, constraint_kinds=["latency"], thread=["constraint"]))
    assert (first.move.kind, first.move.signal) == ("follow_up", "explicit_tradeoffs")
    assert re.search(r"cost|price|give up|worse|hurt|pays", first.text, re.I), first.text
    cost = ("Staleness: scores can be a day old, so a new title gets a default image until the next batch.")
    turns += [Turn(role="interviewer", kind="follow_up", text=first.text, question_index=0), said(cost)]
    second = respond("netflix", "n-artwork-personalisation", turns,
                     QuestionProgress(followups=2, constraint_kinds=["latency"],
                                      thread=["constraint", "explicit_tradeoffs"]))
    assert (second.move.kind, second.move.signal) == ("follow_up", "end_to_end_ownership")


CANONICAL_DISMISSALS = [
    "That's really a product decision, not an ML one.",
    "I'd just throw more GPUs at it; the design stays the same.",
    "It's definitely the best approach, it's how it's always done.",
    "Nothing changes. The model will handle it, and we'd fix it later.",
]


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.id)
@pytest.mark.parametrize("line", CANONICAL_DISMISSALS)
def test_a_dismissal_always_draws_a_pushback_even_at_the_follow_up_cap(persona, line):
    """"That's really a product decision" got "Mm-hm." and the next question at the cap; "definitely the best
    approach" got no pushback at a high-pushback persona; "throw more GPUs at it" got the next constraint."""
    question = persona.questions[0]
    ct = constraint_turn(persona.id, question.id, "latency")
    turns = [Turn(role="interviewer", kind="question", text=question.text, question_index=0), said(STRONG), ct,
             said(line)]
    for followups in (1, persona.policy.max_followups):
        progress = QuestionProgress(followups=followups, constraint_kinds=["latency"], thread=["constraint"])
        turn = respond(persona.id, question.id, turns, progress)
        assert turn.move.kind == "pushback", (followups, turn.move, turn.text)
        assert not re.match(r"^\W*(?:mm-hm|got it|good|great|okay|sure|noted|right)\b", turn.text, re.I), turn.text


def test_the_allowance_is_one_pushback_past_the_cap_and_then_the_stance_is_named():
    persona = load_persona("netflix")
    question = persona.question("n-artwork-personalisation")
    turns = [q("netflix", question.id), said(STRONG), said(CANONICAL_DISMISSALS[0])]
    cap = persona.policy.max_followups
    used = QuestionProgress(followups=cap + 1, allowance_used=True, pushbacks=["defensive_under_constraint"],
                            dismissals=1)
    turn = respond("netflix", question.id, turns, used)
    assert turn.move.kind == "next_question"
    assert '"That\'s really a product decision"' in turn.text, turn.text


# -- constraints that fit --------------------------------------------------------------------------------------

def test_a_constraint_the_candidate_raised_is_not_announced_as_news():
    """Position bias injected right after the candidate raised it; a guessed 30% answered with '35%'."""
    question = load_persona("google").question("g-search-freshness")
    raters = next(c for c in question.constraints if "raters disagree" in c.text)
    guess = ("My worry is the labels: raters disagree on whether a query needs fresh results, I'd guess about 30% "
             "of the time, and agreement is probably worse for non-English queries.")
    turns = [q("google", question.id), said(guess)]
    turn = respond("google", question.id, turns, QuestionProgress(followups=1, probed=["frames_problem"]))
    if turn.move.kind == "constraint" and turn.move.constraint_kind == "data":
        assert raters.text not in turn.text
        assert "raters disagree" not in turn.text or re.search(r"\byou\b.*(?:raised|flag|right|worry)", turn.text,
                                                               re.I), turn.text
    thread = Thread(question, turns)
    chosen, raised = thread.fitting("data")
    assert chosen is not raters and not raised


def test_no_constraint_presupposes_a_fix_the_candidate_never_proposed():
    """'the fix you're leaning toward would double decoding cost', about a cheap fix."""
    for persona in PERSONAS:
        for question in persona.questions:
            for c in question.constraints:
                assert not re.search(r"you'?re leaning|your fix|the fix you|your proposal", c.text, re.I), c.text


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.id)
def test_every_question_has_two_constraints_of_each_kind(persona):
    for question in persona.questions:
        for kind in ("data", "latency", "metric"):
            assert sum(c.kind == kind for c in question.constraints) >= 2, (question.id, kind)


# -- a voice, not a template -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "bad"), [
    ("I'd start with a simple baseline and only go to a model if it fails.", "a simple baseline and only go"),
    ("We could use the conditional probability of a sale given the price.", "the conditional"),
    ("Draft line two of every reply is where the model invents numbers.", "Draft line two"),
])
def test_references_are_whole_phrases(text, bad):
    ref = voice.reference(text, proposal=True)
    assert ref and ref != bad and ref in text
    after = text[text.index(ref) + len(ref):]
    # it ends where the sentence, a clause or a noun phrase ends (before a conjunction, its verb, a modifier)
    assert re.match(r"^\s*(?:[.,;:!?]|$|and\b|if\b|because\b|so\b|is\b|given\b)", after), (ref, after)


def test_a_confession_or_a_filler_is_never_quoted():
    for text in ("I don't know, honestly.", "Yeah so, um, I'm not sure.", "I guess it depends, maybe."):
        assert voice.reference(text) == ""


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.id)
def test_acknowledgements_fit_the_move(persona):
    """'Continue.' before a new question, 'Got it.' after 'Nothing changes', 'Okay. Hold on.'"""
    for i in range(30):
        ack = voice.acknowledgement(persona, "probe", f"k{i}")
        assert not re.match(r"^\W*(?:go on|continue|keep going|good|great|nice|fair)\W*$", ack, re.I), ack
        assert voice.acknowledgement(persona, "probe", f"k{i}", dismissive=True) == ""
        assert voice.acknowledgement(persona, "pushback", f"k{i}") == ""


def _played(persona_id: str, reply) -> list[Turn]:
    return play(load_persona(persona_id), Candidate("t", "t", reply)).transcript.turns


def test_constraint_lines_come_in_several_shapes_and_new_questions_open_with_a_transition():
    """All ten constraints in one interview were '<ack>. New information: ... How does that change your plan?'"""
    persona = load_persona("amazon")

    turns = _played("amazon", strong)
    constraints = [t.text for t in turns if t.kind == "constraint"]
    assert len(constraints) >= 3
    openings = {" ".join(t.split()[:2]) for t in constraints}
    assert len(openings) >= 2, constraints
    acks = {a.lower() for a in persona.style.acknowledgements}
    for t in turns[1:]:
        if t.kind == "question":
            lead = t.text.split("\n\n")[0]
            assert lead.lower() not in acks and "?" not in lead, lead


# -- a stuck candidate, clarifications, depth, fresh questions --------------------------------------------------

def test_a_stuck_candidate_gets_a_narrower_question_not_another_constraint():
    """Ten 'I don't know's in a row met an unchanged schedule of constraints."""
    turns = _played("meta", lambda line: answer("I don't know."))
    by_question: dict[int, list[Turn]] = {}
    for t in turns:
        by_question.setdefault(t.question_index, []).append(t)
    for q_turns in by_question.values():
        assert not any(t.kind == "constraint" for t in q_turns), [t.text for t in q_turns]
        assert any(t.kind == "follow_up" and t.target_signal == "starts_simple" for t in q_turns)


def test_a_clarifying_question_is_answered_by_meaning_not_keyword():
    """Asked whether the goal was return or watch time, it answered who the users are."""
    question = load_persona("netflix").question("n-artwork-personalisation")
    members = next(c.answer for c in question.clarifications if "member" in c.about)
    reply = clarify(question, "Is the goal that members come back, or that they watch more?", "medium")
    assert members not in reply
    assert reply == question.default_clarification


def test_a_two_part_clarifying_question_gets_both_parts():
    question = load_persona("netflix").question("n-artwork-personalisation")
    asked = "Who are the users here, and how many candidate images does each title have?"
    reply = clarify(question, asked, "low")
    assert "Every member" in reply and "5 and 30" in reply
    assert reply.count("?") <= 1
    assert "5 and 30" not in clarify(question, asked, "high"), "high ambiguity gives less away"


def test_two_interviews_in_a_row_do_not_open_on_the_same_question():
    """'Two Netflix interviews in a row opened and ended on the same questions.'"""
    from agent.session import Interview

    first = Interview.start("netflix", questions=3)
    ids_first = first.metadata["question_ids"]
    first.close()
    second = Interview.start("netflix", questions=3)
    ids_second = second.metadata["question_ids"]
    second.close()
    assert not set(ids_first) & set(ids_second), (ids_first, ids_second)


def test_a_constraint_left_unaddressed_at_the_cap_is_still_restated():
    """'15 constraint turns answered with something else drew no follow-up': some of them at the cap."""
    persona = load_persona("stripe")
    ct = constraint_turn("stripe", "s-merchant-credit-data", "data")
    turns = [q("stripe", "s-merchant-credit-data"), said(STRONG), ct,
             said("I'd also consider federated learning and synthetic data to de-risk privacy.")]
    at_cap = QuestionProgress(followups=persona.policy.max_followups, constraint_kinds=["data"],
                              thread=["constraint"])
    turn = respond("stripe", "s-merchant-credit-data", turns, at_cap)
    assert (turn.move.kind, turn.move.signal) == ("follow_up", "adapts_under_constraint"), turn.move
    spent = at_cap.model_copy(update={"allowance_used": True, "followups": persona.policy.max_followups + 1})
    assert respond("stripe", "s-merchant-credit-data", turns, spent).move.kind in ("next_question", "wrap_up")
