"""The LLM brain: the same interface as the offline brain, one model round trip per turn and one per verdict.

The policy in code still decides which moves are allowed; the model analyses the answer and writes the line
for the move it picks. Whatever goes wrong (the provider fails after the retries, the model refuses, or its
JSON is unusable even after one re-ask with the validation error) that turn is answered by the offline brain,
with a notice saying so. The candidate's answer was saved before any of this ran.
"""

from __future__ import annotations

from agent.brain import TextSink, TurnContext
from agent.llm.client import LLMClient, ModelError, Reply
from agent.llm.judge import verdict_from, verdict_request
from agent.llm.output import InvalidOutput, parse_reply
from agent.llm.prompts import load_prompt
from agent.llm.schemas import JudgeReply, TurnReply
from agent.llm.streaming import LineEmitter, TurnStream
from agent.llm.turn import allowed_by_id, salvage, to_brain_turn, turn_request
from agent.llm.usage import Usage
from agent.models import BrainTurn, Transcript, Verdict
from agent.offline.brain import OfflineBrain

TURN_MAX_TOKENS = 1200
VERDICT_MAX_TOKENS = 4000


def reask(messages: list[dict], reply: Reply, err: InvalidOutput) -> list[dict]:
    """The conversation plus the bad reply and what was wrong with it, for the one second chance."""
    return [*messages, {"role": "assistant", "content": reply.text.strip() or "(empty reply)"},
            {"role": "user", "content": f"That reply could not be used: {err}. Reply again with only the JSON "
                                        "object, in exactly the format described."}]


class Unusable(ModelError):
    """A reply that failed validation; carries what the re-ask needs."""

    def __init__(self, reply: Reply, err: InvalidOutput):
        super().__init__("returned unusable JSON")
        self.reply = reply
        self.err = err


class LLMBrain:
    def __init__(self, client: LLMClient, source: str = ""):
        self.client = client
        self.name = client.model
        self.offline = OfflineBrain()
        self.turn_prompt = load_prompt("interviewer_turn")
        self.judge_prompt = load_prompt("judge")
        # Stored in the transcript metadata by the session: which model and which prompt wording made it.
        self.info = {
            "model": client.model,
            "provider": client.provider,
            "structured_output": client.mode,
            "selected_by": source,
            "prompt_versions": {self.turn_prompt.name: self.turn_prompt.version,
                                self.judge_prompt.name: self.judge_prompt.version},
        }
        # Usage of verdict calls. The graph keeps turn usage in its state; a verdict has no usage field.

    # -- turns ----------------------------------------------------------------------------------------
    def respond(self, ctx: TurnContext, on_text: TextSink | None = None) -> BrainTurn:
        emitter = LineEmitter(on_text)
        usage = Usage()
        try:
            result = self._model_turn(ctx, emitter, usage)
        except ModelError as err:
            result = self.offline.respond(ctx)
            result.notice = (f"{self.name} {err} after {usage.requests} request(s); "
                             "the offline engine took this turn.")
        emitter.show(result.text)
        result.usage = usage.record("turn", self.name, turn_index=ctx.answer[0])
        return result

    def _model_turn(self, ctx: TurnContext, emitter: LineEmitter, usage: Usage) -> BrainTurn:
        messages, schema = turn_request(self.turn_prompt, ctx)
        try:
            return self._turn_attempt(messages, schema, ctx, emitter, usage)
        except Unusable as bad:
            if emitter.shown:  # part of a line is on screen: a re-ask would write a different one
                raise
            return self._turn_attempt(reask(messages, bad.reply, bad.err), schema, ctx, emitter, usage)

    def _turn_attempt(self, messages: list[dict], schema: dict, ctx: TurnContext, emitter: LineEmitter,
                      usage: Usage) -> BrainTurn:
        stream = TurnStream(set(allowed_by_id(ctx)), emitter)
        reply = self.client.call(messages, schema_name="interviewer_turn", schema=schema,
                                 max_tokens=TURN_MAX_TOKENS, usage=usage, on_delta=stream.feed)
        try:
            return to_brain_turn(parse_reply(reply.text, TurnReply), ctx, self.name, self.offline)
        except InvalidOutput as err:
            if stream.line is not None:  # the whole line is on screen: keep it, only the analysis is lost
                return salvage(ctx, *stream.line, self.offline)
            raise Unusable(reply, err) from None

    # -- verdict --------------------------------------------------------------------------------------
    def judge(self, transcript: Transcript) -> Verdict:
        usage = Usage()
        try:
            verdict = self._model_verdict(transcript, usage)
        except ModelError as err:
            verdict = self.offline.judge(transcript)
            verdict.judge = f"offline engine (fallback: {self.name} {err} after {usage.requests} request(s))"
        verdict.usage = usage.record("verdict", self.name)
        return verdict

    def _model_verdict(self, transcript: Transcript, usage: Usage) -> Verdict:
        messages, schema = verdict_request(self.judge_prompt, transcript)
        try:
            return self._verdict_attempt(messages, schema, transcript, usage)
        except Unusable as bad:
            return self._verdict_attempt(reask(messages, bad.reply, bad.err), schema, transcript, usage)

    def _verdict_attempt(self, messages: list[dict], schema: dict, transcript: Transcript,
                         usage: Usage) -> Verdict:
        reply = self.client.call(messages, schema_name="verdict_evidence", schema=schema,
                                 max_tokens=VERDICT_MAX_TOKENS, usage=usage)
        try:
            return verdict_from(parse_reply(reply.text, JudgeReply), transcript, self.name)
        except InvalidOutput as err:
            raise Unusable(reply, err) from None
