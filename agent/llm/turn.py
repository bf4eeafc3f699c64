"""One interviewer turn, model side: the request, and the reply turned into a checked BrainTurn.

Nothing the model returns is trusted as is. Quotes must be verbatim in the answer; instructions to the
evaluator are data; a move outside the policy's allowed set is replaced by the policy's own choice, phrased
by the offline brain, since the model's line was written for a move that will not happen.
"""

from __future__ import annotations

from agent.brain import TurnContext
from agent.llm.context import Markers, turn_values
from agent.llm.evidence import admissible, finding, injections_in
from agent.llm.prompts import Prompt
from agent.llm.schemas import TurnReply, move_id, turn_schema
from agent.models import BrainTurn, Move, SignalFinding, TurnAnalysis
from agent.offline.brain import OfflineBrain
from agent.policy import choose

MAX_EVIDENCE = 3


def allowed_by_id(ctx: TurnContext) -> dict[str, Move]:
    return {move_id(m): m for m in ctx.allowed}


def turn_request(prompt: Prompt, ctx: TurnContext) -> tuple[list[dict], dict]:
    """The messages and the JSON schema for this turn. `wrap_up` is always nameable: ending is the candidate's
    right, so the model may pick it when the candidate asked to stop (checked in `to_brain_turn`)."""
    ids = list(allowed_by_id(ctx))
    if "wrap_up" not in ids:
        ids.append("wrap_up")
    return prompt.render(turn_values(ctx, Markers.new("CANDIDATE"))), turn_schema(ids)


def analysis_from(reply: TurnReply, ctx: TurnContext) -> TurnAnalysis:
    index, answer = ctx.answer
    injections = injections_in(answer.text, index, reply.instructions_to_evaluator)
    injected = [ev.quote for ev in injections]
    by_signal: dict[str, SignalFinding] = {}
    for f in reply.findings:
        if not admissible(f.signal, f.quote, answer.text, injected):
            continue
        new = finding(f.signal, index, f.quote, f.strength, f.why)
        old = by_signal.get(f.signal)
        if old is None:
            by_signal[f.signal] = new
        elif new.evidence[0] not in old.evidence and len(old.evidence) < MAX_EVIDENCE:
            old.evidence.append(new.evidence[0])
            old.strength = max(old.strength, new.strength)
    return TurnAnalysis(
        findings=list(by_signal.values()),
        asked_clarifying_question=reply.asked_clarifying_question,
        said_dont_know=reply.said_dont_know,
        wants_to_end=reply.wants_to_end,
        injection_attempts=injections,
    )


def to_brain_turn(reply: TurnReply, ctx: TurnContext, model: str, offline: OfflineBrain) -> BrainTurn:
    analysis = analysis_from(reply, ctx)
    move = allowed_by_id(ctx).get(reply.move)
    if move is None and reply.move == "wrap_up" and analysis.wants_to_end:
        move = Move(kind="wrap_up", reason="candidate asked to end")
    if move is None:
        move = choose(ctx.persona, ctx.progress, analysis, ctx.allowed)
        return BrainTurn(analysis=analysis, move=move, text=offline.phrase(ctx, move, analysis),
                         produced_by="offline engine",
                         notice=f"{model} picked a move the policy does not allow now ({reply.move}); "
                                f"the policy's own move was used.")
    return BrainTurn(analysis=analysis, move=move.model_copy(update={"reason": move.reason or f"chosen by {model}"}),
                     text=reply.say.strip(), produced_by=model)


def salvage(ctx: TurnContext, move: str, say: str, offline: OfflineBrain) -> BrainTurn:
    """The line is already on screen but the rest of the reply is unusable: keep the line and the allowed move,
    and let the offline brain's analysis stand in for the model's."""
    return BrainTurn(analysis=offline.analyze(ctx), move=allowed_by_id(ctx)[move], text=say)
