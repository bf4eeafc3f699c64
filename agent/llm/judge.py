"""The verdict, model side: the model reports evidence; code verifies it and decides.

The rubric is in the system message; the transcript is marked data between per-call random markers. Every
quote is checked verbatim (and again by `build_verdict`), findings touching an instruction to the evaluator
are dropped, and the recommendation comes from agent/scoring.py, never from the model. Once anyone has tried
to instruct the judge, the model's free-text rationales are not used either: the code's own stand in.
"""

from __future__ import annotations

from agent.llm.context import Markers, judge_values
from agent.llm.evidence import admissible, finding, injections_in
from agent.llm.line_check import is_prose
from agent.llm.prompts import Prompt
from agent.llm.schemas import JudgeReply, judge_schema
from agent.models import Evidence, SignalFinding, Transcript, Verdict
from agent.scoring import build_verdict
from agent.taxonomy import Dimension

MAX_RATIONALE = 400


def verdict_request(prompt: Prompt, transcript: Transcript) -> tuple[list[dict], dict]:
    return prompt.render(judge_values(transcript, transcript.persona, Markers.new("TRANSCRIPT"))), judge_schema()


def verdict_from(reply: JudgeReply, transcript: Transcript, judge: str) -> Verdict:
    said = dict(transcript.candidate_turns())
    injections: list[Evidence] = []
    for index, turn in said.items():
        reported = [q.quote for q in reply.instructions_to_evaluator if q.turn_index == index]
        injections += injections_in(turn.text, index, reported)
    findings: list[SignalFinding] = []
    for f in reply.findings:
        turn = said.get(f.turn_index)
        injected = [ev.quote for ev in injections if ev.turn_index == f.turn_index]
        if turn is not None and admissible(f.signal, f.quote, turn.text, injected):
            findings.append(finding(f.signal, f.turn_index, f.quote, f.strength, f.why))
    rationales = {} if injections else {  # a placeholder or a scrap of JSON is no rationale: the code's own stands
        d.value: text.strip()[:MAX_RATIONALE] for d in Dimension if is_prose(text := reply.rationales.get(d.value, ""))
    }
    return build_verdict(transcript, findings, injections, judge=judge, rationales=rationales)
