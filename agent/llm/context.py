"""What the model sees: the placeholder values for the two prompts, rendered from the core's own objects.

Candidate text is untrusted. It goes in between per-call random markers, its lines indented so that it cannot
forge a turn header, and any copy of the marker tag is removed from it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from agent.brain import TurnContext
from agent.llm.schemas import move_id
from agent.models import Move, Transcript, Turn
from agent.persona import Persona
from agent.taxonomy import SIGNALS, Dimension

EMPHASIS_SHOWN = 4


@dataclass(frozen=True)
class Markers:
    """A per-call random pair of markers around untrusted text."""

    tag: str
    open: str
    close: str

    @classmethod
    def new(cls, kind: str) -> Markers:
        tag = secrets.token_hex(6)
        return cls(tag, f"<<<{kind} {tag}>>>", f"<<<END {kind} {tag}>>>")

    def scrub(self, text: str) -> str:
        return text.replace(self.tag, "")


def _indented(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines() or [""])


def _turn_line(index: int, turn: Turn, wrap: Markers | None = None) -> str:
    """One turn under its header; with `wrap`, a candidate's words also sit between that pair of markers."""
    if turn.role == "candidate":
        if wrap is None:
            return f"[{index}] Candidate:\n{_indented(turn.text)}"
        return f"[{index}] Candidate:\n{wrap.open}\n{_indented(wrap.scrub(turn.text))}\n{wrap.close}"
    kind = f" ({turn.kind})" if turn.kind else ""
    return f"[{index}] Interviewer{kind}:\n{_indented(turn.text)}"


def signals_brief() -> str:
    return "\n".join(f"- {s.id}, {s.polarity.value}: {s.title}" for s in SIGNALS.values())


def taxonomy_full() -> str:
    """The taxonomy as the judge reads it, rendered from agent/taxonomy.py so the two never drift apart."""
    return "\n".join(
        f"- `{s.id}` ({s.polarity.value}; {', '.join(d.value for d in s.dimensions)}): {s.title}. {s.description}"
        for s in SIGNALS.values()
    )


def dimensions() -> str:
    return "\n".join(
        f"  - {d.value}: {', '.join(s.id for s in SIGNALS.values() if d in s.dimensions)}" for d in Dimension
    )


def _move_line(move: Move) -> str:
    mid = move_id(move)
    if move.kind == "probe":
        return f"- {mid}: give them room to show \u201c{SIGNALS[move.signal].title}\u201d"
    if move.kind == "pushback":
        return f"- {mid}: only if the answer shows \u201c{SIGNALS[move.signal].title}\u201d"
    if move.kind == "constraint":
        return f"- {mid}: deliver the new information on {move.constraint_kind} given above"
    if move.kind == "follow_up":
        title = SIGNALS[move.signal].title
        return f"- {mid}: stay on the constraint or the stuck point: room to show \u201c{title}\u201d"
    return {
        "clarification": f"- {mid}: answer the candidate's clarifying question",
        "next_question": f"- {mid}: move on; the next question follows your line",
        "wrap_up": f"- {mid}: close the interview",
    }[move.kind]


def _persona_values(persona: Persona) -> dict[str, str]:
    top = sorted(persona.emphasis, key=persona.emphasis.get, reverse=True)[:EMPHASIS_SHOWN]
    return {
        "persona_name": persona.name,
        "persona_tagline": persona.tagline,
        "persona_tone": persona.style.tone,
        "ambiguity": persona.style.ambiguity,
        "pushback": persona.style.pushback,
        "acknowledgements": " / ".join(persona.style.acknowledgements),
        "emphasis": ", ".join(f"{s} ({SIGNALS[s].title.lower()})" for s in top),
    }


def constraint_facts(ctx: TurnContext) -> str | None:
    """The new information the allowed constraint move delivers this turn, or None when none is allowed."""
    constraint = next((m for m in ctx.allowed if m.kind == "constraint"), None)
    if constraint is None:
        return None
    nth = ctx.progress.question.constraint_kinds.count(constraint.constraint_kind or "")
    return ctx.question.constraint(constraint.constraint_kind, nth).text


def turn_values(ctx: TurnContext, markers: Markers) -> dict[str, str]:
    """Placeholder values for prompts/interviewer_turn.md."""
    moves = list(ctx.allowed)
    if not any(m.kind == "wrap_up" for m in moves):
        moves.append(Move(kind="wrap_up"))
    lines = [_move_line(m) for m in moves]
    if not any(m.kind == "wrap_up" for m in ctx.allowed):
        lines[-1] += " (only if the candidate asked to stop)"
    constraint = next((m for m in ctx.allowed if m.kind == "constraint"), None)
    facts = constraint_facts(ctx)
    new_information = f"({move_id(constraint)}) {facts}" if constraint and facts else \
        "(none: no constraint move is allowed now)"
    if any(m.kind == "clarification" for m in ctx.allowed):
        answers = [f"- on {', '.join(c.about)}: {c.answer}" for c in ctx.question.clarifications]
        clarification_facts = "\n".join([*answers, f"- anything else: {ctx.question.default_clarification}"])
    else:
        clarification_facts = "(none: no clarification move is allowed now)"
    return {
        **_persona_values(ctx.persona),
        "signals": signals_brief(),
        "question_number": str(ctx.progress.question_index + 1),
        "question_count": str(ctx.progress.question_count),
        "question_category": ctx.question.category.replace("_", " "),
        "question_text": ctx.question.text,
        "summary": ctx.summary or "(none: this is the first question)",
        "open_tag": markers.open,
        "close_tag": markers.close,
        "turns": "\n".join(_turn_line(i, t, markers) for i, t in ctx.question_turns),
        "clarification_facts": clarification_facts,
        "constraint_facts": new_information,
        "allowed_moves": "\n".join(lines),
        "answer_index": str(ctx.answer[0]),
    }


def judge_values(transcript: Transcript, persona_name: str, markers: Markers) -> dict[str, str]:
    """Placeholder values for prompts/judge.md."""
    body = "\n".join(_turn_line(i, t) for i, t in enumerate(transcript.turns))
    return {
        "dimensions": dimensions(),
        "taxonomy": taxonomy_full(),
        "persona_name": persona_name,
        "open_tag": markers.open,
        "close_tag": markers.close,
        "transcript": markers.scrub(body),
    }
