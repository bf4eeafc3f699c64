"""What is not an interviewer line, however well it parses; and the rest of what a real server taught us:
bounded re-asks, honest usage, local servers treated as local, failures named as they are."""

from __future__ import annotations

import json

import pytest
from llm_script import A1, PERSONA, QUESTIONS, SEED, TURNS
from llm_stub import stub_brain

from agent.brains import resolve_brain
from agent.llm.brain import REASK_EXCERPT_CHARS, reask
from agent.llm.client import Reply, is_loopback
from agent.llm.line_check import line_problem
from agent.llm.output import InvalidOutput
from agent.llm.prompts import load_prompt
from agent.session import Interview

INSTRUCTIONS = load_prompt("interviewer_turn").system
FACTS = ("New information: about 80% of impressions happen in the top 5 slots, so your comment and share labels "
         "are heavily concentrated on posts the current ranker already put there. How does that change your plan?")


@pytest.mark.parametrize("say, why", [
    ("<your line>", "placeholder copied from the prompt ('<your line>')"),
    ("<short reason>", "placeholder"),
    ("You said <verbatim>. Why?", "placeholder"),
    ("...},", "fragment of JSON"),
    ('Okay", "findings": [', "fragment of JSON"),
    ("   ", "the line is empty"),
    ("?!", "the line has no words"),
    ("2", "the line has no words"),  # SmolLM2, live
    ("cantis_fabio_fabio", "identifier ('cantis_fabio_fabio')"),  # SmolLM2, live
    ("Let's do probe:data_first now.", "identifier ('data_first')"),
    ("Never a list of questions, never \"and also\".", "repeats the prompt or an earlier line"),
    ("Where do labels come from? And who writes them?", "asks 2 questions"),
])
def test_what_is_not_a_line(say: str, why: str) -> None:
    assert why in (line_problem(say, instructions=INSTRUCTIONS) or "")


def test_the_question_read_back_is_no_line() -> None:
    """SmolLM2, live: its line was the question itself, read back from the user message."""
    said = "The ranking model that decides which posts from friends and groups a Facebook user sees first"
    reply = json.dumps({**TURNS[0], "say": said})
    brain, stub = stub_brain([reply, reply])
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=brain, seed=SEED)
    assert said.lower() in interview.turns[0].text.lower()
    interview.answer(A1)
    notices, line = interview.notices, interview.turns[-1]
    interview.close()
    assert len(stub.requests) == 2 and line.text != said and line.produced_by == "offline engine"
    assert "repeats the prompt or an earlier line" in notices[0]


@pytest.mark.parametrize("say", [
    "You went straight to a deep multi-task transformer. What would you ship before that exists?",
    "Okay. Let's switch to a different problem.",
    "Mostly individuals, not businesses. Sellers can mark a listing as sold; think about how often they do.",
    "Got it. What would you check first in how those labels were logged?",
])
def test_real_lines_pass(say: str) -> None:
    assert line_problem(say, instructions=INSTRUCTIONS) is None


@pytest.mark.parametrize("say, missing", [
    ("Interesting. How would your plan change with new data?", "the number(s) 5, 80"),
    ("About 80% of impressions land in the top 5. How does that change your plan?", "what changed"),
    ("New information: 80% of impressions happen in the top 5 slots, so the labels are concentrated on posts "
     "the ranker already placed. How does that change your plan?", None),
])
def test_a_constraint_line_must_carry_its_facts(say: str, missing: str | None) -> None:
    problem = line_problem(say, instructions=INSTRUCTIONS, constraint_facts=FACTS)
    assert (problem is None) if missing is None else (missing in (problem or ""))


def test_a_verdict_keeps_no_placeholder_rationale_or_reason() -> None:
    """A stored rationale was literally `...},` and a reason `<short reason>`: neither is kept."""
    from agent.llm.judge import verdict_from
    from agent.llm.schemas import JudgeReply
    from agent.models import Transcript

    transcript = Transcript.model_validate({"id": "t", "persona": PERSONA, "turns": [
        {"role": "interviewer", "kind": "question", "text": "Design Feed ranking."},
        {"role": "candidate", "text": A1}]})
    quote = "I'd go straight to a deep multi-task transformer"
    reply = JudgeReply.model_validate({"instructions_to_evaluator": [], "findings": [
        {"signal": "premature_complexity", "turn_index": 1, "quote": quote, "strength": 0.7,
         "why": "<short reason>"}],
        "rationales": {"judgment": "...},", "practicality": "Went to a deep model before any baseline."}})
    verdict = verdict_from(reply, transcript, "m")
    assert "...}" not in verdict.scores["judgment"].rationale
    assert verdict.scores["practicality"].rationale.startswith("Went to a deep model")
    assert all("<" not in f.why for f in verdict.signals)


def test_the_reask_quotes_a_bounded_excerpt() -> None:
    """A 4,000-token verdict resent whole overflowed the context: the re-ask quotes a bounded excerpt."""
    huge = Reply("{" + "x" * 20_000, "stop")
    messages = reask([{"role": "user", "content": "judge"}], huge, InvalidOutput("the reply contains no JSON"))
    assert len(messages[-2]["content"]) < REASK_EXCERPT_CHARS + 80 and "20001" not in messages[-2]["content"]
    assert "more characters not shown" in messages[-2]["content"]


def test_usage_without_server_counts_is_marked_estimated() -> None:
    brain, stub = stub_brain([json.dumps(TURNS[0])])
    stub.report_usage = False  # a server that sends no token counts
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=brain, seed=SEED)
    interview.answer(A1)
    usage = interview.state["usage"][0]
    interview.close()
    assert usage["tokens"] == "estimated" and usage["prompt_tokens"] > 500 and usage["completion_tokens"] > 20


@pytest.mark.parametrize("url, local", [
    ("http://127.0.0.1:8080/v1", True), ("http://localhost:11434", True), ("http://[::1]:8000/v1", True),
    ("http://127.3.4.5/v1", True), ("https://api.openai.com/v1", False), ("http://10.0.0.5:8080/v1", False),
    (None, False),
])
def test_loopback_is_this_machine(url: str | None, local: bool) -> None:
    assert is_loopback(url) is local


def test_a_local_server_gets_a_long_timeout_no_retry_on_timeout_and_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://127.0.0.1:8080/v1")
    monkeypatch.delenv("OPENAI_API_KEY")
    client = resolve_brain("openai/smollm2").client
    assert client.timeout == 600 and not client.retry.retry_timeouts and client.api_key == "none"
    assert client.mode == "json_object_schema"
    monkeypatch.setenv("INTERVIEWER_OUTPUT_MODE", "prompt")
    assert resolve_brain("openai/smollm2").client.mode == "prompt"
    monkeypatch.setenv("INTERVIEWER_API_BASE", "https://llm.example.com/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.delenv("INTERVIEWER_OUTPUT_MODE")
    remote = resolve_brain("openai/smollm2").client
    assert remote.timeout == 60 and remote.retry.retry_timeouts


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_refused_connection_is_named_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://127.0.0.1:9/v1")  # the discard port: nothing listens
    monkeypatch.setenv("INTERVIEWER_MAX_ATTEMPTS", "1")
    interview = Interview.start(PERSONA, questions=QUESTIONS, brain=resolve_brain("openai/smollm2"), seed=SEED)
    interview.answer(A1)
    notices = interview.notices
    interview.close()
    assert notices == ["openai/smollm2 refused the connection at http://127.0.0.1:9/v1 after 1 request(s); the "
                       "offline engine took this turn."]

