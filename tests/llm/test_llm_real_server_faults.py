"""What a real llama.cpp server did to the LLM path (issue 13), replayed from hand-made cassettes in its wire
format: each reply below was seen live, and each test shows the behaviour asked for instead.

The cassettes are labelled hand-made at their top (tests/llm/make_cassettes.py writes them); the server is
"on this machine" (http://127.0.0.1:8080/v1), so the client treats it as local: a long timeout, no retry after
a timeout, no API key.
"""

from __future__ import annotations

import json

import pytest
from llm_script import A1, A2, PERSONA, QUESTIONS, SEED, TURNS

from agent.brains import resolve_brain
from agent.render import turn_label
from agent.session import Interview
from agent.storage import sessions_dir

MODEL = "openai/smollm2"


def _turns(*answers: str) -> tuple[Interview, list[str], dict]:
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain(MODEL), seed=SEED)
    streamed: list[str] = []
    for answer in answers:
        deltas: list[str] = []
        interview.answer(answer, on_delta=deltas.append)
        streamed.append("".join(deltas))
    saved = json.loads((sessions_dir() / f"{interview.session_id}.json").read_text())
    interview.close()
    assert [t["text"] for t in saved["turns"] if t["role"] == "candidate"] == list(answers)  # nothing lost
    return interview, streamed, saved


pytestmark = [pytest.mark.vcr, pytest.mark.usefixtures("cassette_model")]


@pytest.mark.default_cassette("llamacpp_placeholder_line")
def test_a_placeholder_line_is_never_shown_and_is_named(vcr) -> None:
    """`<your line>` twice: re-asked once, then the offline engine's line, with a notice naming the copy."""
    _, streamed, saved = _turns(A1)
    line = saved["turns"][-1]
    assert vcr.play_count == 2 and vcr.all_played
    assert "<" not in streamed[0] and "<" not in line["text"] and streamed[0] == line["text"]
    assert line["produced_by"] == "offline engine" and turn_label_of(line).endswith("(offline engine)")
    (notice,) = saved["metadata"]["notices"]
    assert notice == (f"{MODEL} returned an unusable reply (the line is a placeholder copied from the prompt "
                      "('<your line>'), not something to say) after 2 request(s); the offline engine took this turn.")


def turn_label_of(turn: dict) -> str:
    from agent.models import Turn

    return turn_label(Turn.model_validate(turn))


@pytest.mark.default_cassette("llamacpp_placeholder_then_line")
def test_a_placeholder_is_re_asked_with_the_reason_and_the_real_line_kept(vcr) -> None:
    _, streamed, saved = _turns(A1)
    line = saved["turns"][-1]
    assert vcr.play_count == 2 and not saved["metadata"]["notices"]
    assert line["text"] == TURNS[0]["say"] == streamed[0] and line["produced_by"] == MODEL
    reask = json.loads(vcr.requests[1].body)["messages"]
    assert '"say": "<your line>"' in reask[-2]["content"]
    assert "placeholder copied from the prompt" in reask[-1]["content"]


@pytest.mark.default_cassette("llamacpp_json_schema_500")
def test_a_server_rejecting_json_schema_switches_mode_once_instead_of_retrying(vcr) -> None:
    """llama-cpp-python's HTTP 500 on json_schema: one switch to json_object + schema, no four retries."""
    interview, streamed, saved = _turns(A1)
    assert vcr.play_count == 2 and vcr.all_played
    sent = [json.loads(r.body)["response_format"] for r in vcr.requests]
    assert sent[0]["type"] == "json_schema"
    assert sent[1]["type"] == "json_object" and sent[1]["schema"]["properties"]["say"]["type"] == "string"
    assert saved["turns"][-1]["text"] == TURNS[0]["say"] == streamed[0]
    assert saved["metadata"]["notices"] == [f"{MODEL} rejected the json_schema output format (HTTP 500); switched "
                                            "to json_object_schema"]
    assert interview.brain.client.mode == "json_object_schema"
    assert saved["metadata"]["usage"][0]["requests"] == 2


@pytest.mark.default_cassette("llamacpp_overflow_midstream")
def test_a_context_overflow_mid_stream_is_named_as_one(vcr) -> None:
    _, streamed, saved = _turns(A1)
    assert vcr.play_count == 1  # not retried: the same prompt overflows again
    (notice,) = saved["metadata"]["notices"]
    assert notice.startswith(f"{MODEL} ran out of context window mid-reply (after ")
    assert "unusable" not in notice and "offline engine took this turn" in notice
    # The words streamed before the break stay a prefix; the turn itself is the offline engine's.
    assert streamed[0] == "You went s" and saved["turns"][-1]["produced_by"] == "offline engine"


@pytest.mark.default_cassette("llamacpp_truncated")
def test_a_reply_cut_at_the_token_limit_says_so(vcr) -> None:
    """finish_reason length after a whole line: the line stays (it is on screen), and a notice says why the
    analysis is the offline engine's."""
    _, streamed, saved = _turns(A1)
    assert vcr.play_count == 1
    assert saved["turns"][-1]["text"] == TURNS[0]["say"] == streamed[0]
    assert saved["metadata"]["notices"] == [
        f"{MODEL}'s reply was unusable past its line (the reply was cut off at the 1200-token limit "
        "(finish_reason: length)); the line was kept and the offline engine read the answer."]


@pytest.mark.default_cassette("llamacpp_constraint_without_facts")
def test_a_constraint_line_without_its_facts_does_not_count(vcr) -> None:
    _, _, saved = _turns(A1, A2)
    assert vcr.play_count == 3 and vcr.all_played
    constraint = saved["turns"][-1]
    assert constraint["kind"] == "constraint" and constraint["constraint_kind"] == "data"
    assert "80%" in constraint["text"] and "top 5" in constraint["text"]  # the facts, as delivered on the re-ask
    reask = json.loads(vcr.requests[2].body)["messages"][-1]["content"]
    assert "the constraint line leaves out the number(s) 5, 80" in reask


@pytest.mark.default_cassette("llamacpp_malformed_body")
def test_a_malformed_200_is_not_called_http_500(vcr) -> None:
    _, _, saved = _turns(A1)
    assert vcr.play_count == 1
    (notice,) = saved["metadata"]["notices"]
    assert "sent a malformed response body" in notice and "HTTP" not in notice


@pytest.mark.default_cassette("llamacpp_truncated")
def test_a_timeout_on_a_local_server_is_not_retried(vcr, read_timeout_once) -> None:
    """A timed-out request may still hold the server's only slot: the turn goes offline at once."""
    _, _, saved = _turns(A1)
    assert read_timeout_once["timeouts"] == 1 and vcr.play_count == 0
    (notice,) = saved["metadata"]["notices"]
    assert notice == f"{MODEL} timed out after 600 s after 1 request(s); the offline engine took this turn."
