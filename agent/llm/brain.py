"""The LLM brain: the same interface as the offline brain, one model round trip per turn and one per verdict.

The policy in code still decides which moves are allowed; the model analyses the answer and writes the line
for the move it picks. Whatever goes wrong (the provider fails after the retries, the model refuses, its reply
is cut off at the token limit, or its JSON or its line is unusable even after one re-ask with the reason)
that turn is answered by the offline brain, with a notice saying why. The candidate's answer was saved
before any of this ran. Every turn and verdict records which of the two produced it.
"""

from __future__ import annotations

from agent.brain import TextSink, TurnContext
from agent.llm.client import LLMClient, ModelError, Reply
from agent.llm.context import constraint_facts
from agent.llm.judge import verdict_from, verdict_request
from agent.llm.line_check import line_problem
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
# The most of a bad reply quoted back in the re-ask: enough to see the mistake, never a whole verdict (a
# 4,000-token reply resent in full made the re-ask overflow an 8,192-token context).
REASK_EXCERPT_CHARS = 600
OFFLINE = "offline engine"


def excerpt(text: str, limit: int = REASK_EXCERPT_CHARS) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text or "(empty reply)"
    return f"{text[:limit]} [... {len(text) - limit} more characters not shown]"


def reask(messages: list[dict], reply: Reply, err: InvalidOutput) -> list[dict]:
    """The conversation plus (an excerpt of) the bad reply and what was wrong with it, for the one second
    chance."""
    return [*messages, {"role": "assistant", "content": excerpt(reply.text)},
            {"role": "user", "content": f"That reply could not be used: {err}. Reply again with only the JSON "
                                        "object, in exactly the format described, and keep it short."}]


def truncation(reply: Reply, max_tokens: int) -> InvalidOutput:
    return InvalidOutput(f"the reply was cut off at the {max_tokens}-token limit (finish_reason: length)")


class Unusable(ModelError):
    """A reply that failed validation; carries what the re-ask needs."""

    def __init__(self, reply: Reply, err: InvalidOutput):
        super().__init__(f"returned an unusable reply ({err})")
        self.reply = reply
        self.err = err


def _joined(*notices: str | None) -> str | None:
    kept = [n for n in notices if n]
    return "; ".join(kept) if kept else None


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

    # -- turns ----------------------------------------------------------------------------------------
    def respond(self, ctx: TurnContext, on_text: TextSink | None = None) -> BrainTurn:
        emitter = LineEmitter(on_text)
        usage = Usage()
        try:
            result = self._model_turn(ctx, emitter, usage)
        except ModelError as err:
            result = self.offline.respond(ctx)
            result.produced_by = OFFLINE
            result.notice = (f"{self.name} {err} after {usage.requests} request(s); "
                             "the offline engine took this turn.")
        emitter.show(result.text)
        result.notice = _joined(*self.client.take_notices(), result.notice)
        self.info["structured_output"] = self.client.mode
        result.usage = usage.record("turn", self.name, turn_index=ctx.answer[0], produced_by=result.produced_by)
        return result

    def _model_turn(self, ctx: TurnContext, emitter: LineEmitter, usage: Usage) -> BrainTurn:
        messages, schema = turn_request(self.turn_prompt, ctx)
        try:
            return self._turn_attempt(messages, schema, ctx, emitter, usage)
        except Unusable as bad:
            # Even if part of the rejected line is on screen: the emitter stops extending it, and the finished
            # turn's text (the re-asked line, or the offline engine's) replaces it when the turn completes.
            return self._turn_attempt(reask(messages, bad.reply, bad.err), schema, ctx, emitter, usage)

    def _line_check(self, ctx: TurnContext, system_prompt: str):
        """The checks on this turn's line. Copying is measured against the instructions and what the interviewer
        already said in this question (the question itself included): repeating either is no new line, whereas
        quoting the candidate or the facts of a constraint or a clarification is what a line should do."""
        facts = constraint_facts(ctx)
        said = [turn.text for _, turn in ctx.question_turns if turn.role == "interviewer"]
        instructions = "\n".join([system_prompt, *said])

        def check(move: str, say: str) -> str | None:
            return line_problem(say, instructions=instructions,
                                constraint_facts=facts if move.startswith("constraint:") else None)

        return check

    def _turn_attempt(self, messages: list[dict], schema: dict, ctx: TurnContext, emitter: LineEmitter,
                      usage: Usage) -> BrainTurn:
        check = self._line_check(ctx, messages[0]["content"])
        stream = TurnStream(set(allowed_by_id(ctx)), emitter, check)
        reply = self.client.call(messages, schema_name="interviewer_turn", schema=schema,
                                 max_tokens=TURN_MAX_TOKENS, usage=usage, on_delta=stream.feed)
        try:
            if reply.truncated:
                raise truncation(reply, TURN_MAX_TOKENS)
            parsed = parse_reply(reply.text, TurnReply)
            problem = check(parsed.move, parsed.say)
            if problem:
                raise InvalidOutput(problem)
            turn = to_brain_turn(parsed, ctx, self.name, self.offline)
        except InvalidOutput as err:
            if stream.line is not None:  # the whole line is on screen: keep it, only the analysis is lost
                turn = salvage(ctx, *stream.line, self.offline)
                turn.notice = (f"{self.name}'s reply was unusable past its line ({err}); the line was kept "
                               "and the offline engine read the answer.")
                turn.produced_by = self.name
                return turn
            raise Unusable(reply, err) from None
        return turn

    # -- verdict --------------------------------------------------------------------------------------
    def judge(self, transcript: Transcript) -> Verdict:
        usage = Usage()
        try:
            verdict = self._model_verdict(transcript, usage)
        except ModelError as err:
            verdict = self.offline.judge(transcript)
            verdict.judge = f"{OFFLINE} (fallback: {self.name} {err} after {usage.requests} request(s))"
        notices = self.client.take_notices()
        verdict.usage = usage.record("verdict", self.name, produced_by=verdict.judge,
                                     **({"notices": notices} if notices else {}))
        return verdict

    def _model_verdict(self, transcript: Transcript, usage: Usage) -> Verdict:
        messages, schema = verdict_request(self.judge_prompt, transcript)
        try:
            return self._verdict_attempt(messages, schema, transcript, usage)
        except Unusable as bad:
            return self._verdict_attempt(reask(messages, bad.reply, bad.err), schema, transcript, usage)

    def _verdict_attempt(self, messages: list[dict], schema: dict, transcript: Transcript,
                         usage: Usage) -> Verdict:
        # Streamed, though nothing is shown: a streamed request ends on the server when the client stops
        # reading, so a timed-out verdict never keeps a local server's only slot busy.
        reply = self.client.call(messages, schema_name="verdict_evidence", schema=schema,
                                 max_tokens=VERDICT_MAX_TOKENS, usage=usage, on_delta=lambda _delta: None)
        try:
            if reply.truncated:
                raise truncation(reply, VERDICT_MAX_TOKENS)
            return verdict_from(parse_reply(reply.text, JudgeReply), transcript, self.name)
        except InvalidOutput as err:
            raise Unusable(reply, err) from None
