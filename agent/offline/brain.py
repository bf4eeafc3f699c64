"""The embedded offline brain: deterministic, no network, no model download."""

from __future__ import annotations

import re

from agent.brain import TextSink, TurnContext
from agent.models import BrainTurn, Evidence, Move, SignalFinding, Transcript, TurnAnalysis, Verdict
from agent.offline.detector import analyze_turn
from agent.offline.judge import context_for, judge_transcript
from agent.offline.phrasing import phrase
from agent.offline.text import sentences, word_count
from agent.offline.threads import Thread, dismissal
from agent.policy import DISMISSIVE, choose
from agent.taxonomy import Polarity

_ASKING = re.compile(r"^\W*(?:who|what|which|where|when|why|how|is|are|do|does|can|should|will)\b", re.IGNORECASE)


def _asks(text: str) -> bool:
    """A short turn that puts a question to the interviewer, however it opens ("Before I start, two things: who
    are the users, and what does success look like?")."""
    if word_count(text) > 60:
        return False
    return any(s.text.rstrip().endswith("?") and any(_ASKING.match(p) for p in re.split(r"[:;,]", s.text))
               for s in sentences(text))


def _heard(analysis: TurnAnalysis, index: int, text: str) -> TurnAnalysis:
    """What the interviewer hears beyond the detector: a clarifying question however it is phrased, and a
    dismissal wherever it is said."""
    if not analysis.asked_clarifying_question and not analysis.said_dont_know and _asks(text):
        analysis = analysis.model_copy(update={"asked_clarifying_question": True})
    return _with_stance(analysis, index, text)


def _with_stance(analysis: TurnAnalysis, index: int, text: str) -> TurnAnalysis:
    """The detector hears rigidity only where a constraint or pushback is live; the interviewer answers a
    dismissal wherever it is said ("that's a product decision, not an ML one" to a probe)."""
    if any(f.signal in DISMISSIVE for f in analysis.findings) or analysis.asked_clarifying_question:
        return analysis
    stance = dismissal(text)
    if not stance:
        return analysis
    finding = SignalFinding(signal="defensive_under_constraint", polarity=Polarity.NEGATIVE, strength=0.8,
                            evidence=[Evidence(turn_index=index, quote=stance)], why="dismissed the problem")
    return analysis.model_copy(update={"findings": [*analysis.findings, finding]})


class OfflineBrain:
    name = "offline"

    def analyze(self, ctx: TurnContext) -> TurnAnalysis:
        index, answer = ctx.answer
        turns = [t for _, t in ctx.question_turns]
        local = context_for(turns, len(turns) - 1)
        return _heard(analyze_turn(answer.text, index, local), index, answer.text)

    def phrase(self, ctx: TurnContext, move: Move, analysis: TurnAnalysis) -> str:
        thread = Thread(ctx.question, [t for _, t in ctx.question_turns])
        return phrase(ctx.persona, thread, move, analysis, ctx.earlier_lines)

    def respond(self, ctx: TurnContext, on_text: TextSink | None = None) -> BrainTurn:
        analysis = self.analyze(ctx)
        move = choose(ctx.persona, ctx.progress, analysis, ctx.allowed)
        text = self.phrase(ctx, move, analysis)
        if on_text:
            on_text(text)
        return BrainTurn(analysis=analysis, move=move, text=text)

    def judge(self, transcript: Transcript) -> Verdict:
        return judge_transcript(transcript)
