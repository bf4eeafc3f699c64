"""The shared responsiveness measure: answers read against the line they answer."""

from agent.responsiveness import essence, read

SOLD = ("New information: only 35% of listings that disappear are ever marked sold by the seller. "
        "How does that change your plan?")
ARTWORK = "Netflix shows personalised artwork for each title. How would you decide which image to show each member?"


def test_an_answer_that_takes_up_the_constraint_addresses_it():
    r = read("Then the sold label is mostly missing, so I'd treat a disappearance plus a buyer message as a weak "
             "positive and audit a sample by hand.", SOLD, prompt_kind="constraint", constraint_kind="data")
    assert r.addresses and not r.off_topic
    assert "sold" in r.covered


def test_answers_about_something_else_do_not_address_the_constraint():
    for answer in ("For latency I'd precompute features and cache them so we stay under budget.",
                   "Fair, I overstated that.", "Honestly I don't think that changes much."):
        assert not read(answer, SOLD, prompt_kind="constraint", constraint_kind="data").addresses, answer


def test_a_different_problem_is_off_topic_but_a_plain_first_move_is_not():
    grocery = ("For grocery substitution I'd look at which items shoppers accept when the original is out of stock, "
               "using acceptance rates per store and category.")
    assert read(grocery, ARTWORK, prompt_kind="question").off_topic
    on_topic = ("I'd start by logging which image each member saw and whether they played the title, because the "
                "current artwork picker biases what we observe.")
    r = read(on_topic, ARTWORK, prompt_kind="question")
    assert r.addresses and not r.off_topic


def test_essence_keeps_the_facts_and_drops_the_framing():
    assert essence(SOLD) == "only 35% of listings that disappear are ever marked sold by the seller."


BUDGET = ("Now suppose this: scoring runs at listing creation for 5 million listings a day, with a budget of $0.02 "
          "per 1,000 predictions. Where does that leave your design?")


def test_an_answer_in_the_constraints_own_terms_takes_it_up_without_quoting_it():
    """A plan changed in latency/cost terms answers a cost limit, though it repeats none of its numbers."""
    plan = ("Then I'd precompute the heavy features in a nightly batch, cache them, and keep the request path to a "
            "small tree model on CPU.")
    assert read(plan, BUDGET, prompt_kind="constraint", constraint_kind="latency").addresses
    elsewhere = "I'd sit with the support team for a day and read the complaints they get."
    assert not read(elsewhere, BUDGET, prompt_kind="constraint", constraint_kind="latency").addresses


def test_the_interviewers_own_words_and_the_candidates_quoted_words_are_not_what_was_asked():
    """Writer T's off-topic candidate (dev) was heard adapting: "the bigger question" shared "question" with a
    pushback that quoted the candidate's own words back."""
    pushback = ('Let me bring us back from "That reminds me of a trip I took" to the question I asked. '
                "What is your answer to that?")
    answer = ("I think the bigger question is where the whole industry is going. Crypto is going to change "
              "everything in the next five years.")
    assert not read(answer, pushback, prompt_kind="pushback").addresses
    probe = 'You said "precompute the aggregates". When that fails, what does the customer see?'
    assert not read("I'd precompute the aggregates every hour.", probe, prompt_kind="probe").covered


def test_shrinking_the_model_to_fit_the_board_takes_up_a_latency_limit():
    """Writer AH's grasp-prediction terse expert (dev): '64 by 64 depth crop, a few conv layers, int8' answers
    'within 15 ms on a Jetson-class board' in the terms of fitting a model on the device."""
    limit = "It has to run on the arm's controller, a Jetson-class board, within 15 ms, next to the planner."
    answer = ("Fine. 64 by 64 depth crop, a few conv layers, int8. Score the top five candidate grasps in one batch. "
              "If it still doesn't fit, drop the RGB channel first.")
    assert read(answer, limit, prompt_kind="constraint", constraint_kind="latency").addresses
