"""The embedded offline brain: deterministic, no network, no model download."""

from __future__ import annotations

from agent.brain import TextSink, TurnContext
from agent.models import BrainTurn, Move, Transcript, TurnAnalysis, Verdict
from agent.offline.detector import analyze_turn
from agent.offline.judge import context_for, judge_transcript
from agent.offline.phrasing import phrase
from agent.policy import choose


class OfflineBrain:
    name = "offline"

    def analyze(self, ctx: TurnContext) -> TurnAnalysis:
        index, answer = ctx.answer
        turns = [t for _, t in ctx.question_turns]
        local = context_for(turns, len(turns) - 1)
        return analyze_turn(answer.text, index, local)

    def phrase(self, ctx: TurnContext, move: Move, analysis: TurnAnalysis) -> str:
        said = {t.text for _, t in ctx.question_turns if t.role == "interviewer"}
        nth = ctx.progress.question.constraint_kinds.count(move.constraint_kind or "")
        return phrase(ctx.persona, ctx.question, move, ctx.answer[1].text, analysis, said, nth)

    def respond(self, ctx: TurnContext, on_text: TextSink | None = None) -> BrainTurn:
        analysis = self.analyze(ctx)
        move = choose(ctx.persona, ctx.progress, analysis, ctx.allowed)
        text = self.phrase(ctx, move, analysis)
        if on_text:
            on_text(text)
        return BrainTurn(analysis=analysis, move=move, text=text)

    def judge(self, transcript: Transcript) -> Verdict:
        return judge_transcript(transcript)
