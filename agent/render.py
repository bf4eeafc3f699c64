"""Plain-text and Markdown renderings of transcripts and verdicts (the CLI prints them; the TUI exports them)."""

from __future__ import annotations

from agent.models import Transcript, Turn, Verdict
from agent.taxonomy import SIGNALS

_MARK = {"constraint": "[constraint: {ck}]", "pushback": "[pushback]", "probe": "[probe]",
         "clarification": "[clarification]", "question": "[question]", "closing": "[closing]"}


def turn_label(turn: Turn) -> str:
    if turn.role == "candidate":
        return "You"
    mark = _MARK.get(turn.kind or "", "")
    by = " (offline engine)" if turn.produced_by == "offline engine" else ""  # a fallback in a model's interview
    return ("Interviewer " + mark.format(ck=turn.constraint_kind or "")).strip() + by


def transcript_text(transcript: Transcript) -> str:
    return "\n\n".join(f"{turn_label(t)}: {t.text}" for t in transcript.turns)


def bar(score: int | None, width: int = 4) -> str:
    """A score as a bar; a dimension with no evidence is shown as not assessed, never as a low score."""
    if score is None:
        return "not assessed"
    return "\u2588" * score + "\u2591" * (width - score) + f" {score}/4"


def transcript_markdown(transcript: Transcript) -> str:
    """Every turn under its number, the number the verdict's evidence cites, each in its own quote block."""
    lines = ["## Transcript", ""]
    for i, turn in enumerate(transcript.turns):
        lines += [f"**turn {i} · {turn_label(turn)}**", ""]
        lines += [f"> {row}" if row.strip() else ">" for row in turn.text.splitlines()] + [""]
    return "\n".join(lines)


def verdict_markdown(verdict: Verdict, transcript: Transcript | None = None, persona_name: str | None = None) -> str:
    """The verdict as Markdown: recommendation, scores, disqualifiers first, evidence, feedback, improvements.
    Each quote is a list item of its own, with its turn."""
    lines = [f"# Verdict: {verdict.recommendation.value.replace('_', ' ').upper()}", ""]
    if transcript is not None:
        who = persona_name or transcript.persona
        lines += [f"*Interview `{transcript.id}` with the **{who}** interviewer; judge: {verdict.judge}*", ""]
    lines += [verdict.summary, "", "## Scores", "", "| dimension | score | why |", "|---|---|---|"]
    for dim, s in verdict.scores.items():
        lines.append(f"| {dim.value.replace('_', ' ')} | {bar(s.score)} | {s.rationale} |")
    c = verdict.coverage
    lines += ["", f"Coverage: {c.dimensions_assessed} of {c.dimensions} dimensions assessed; signal in "
                  f"{c.questions_with_signal} of {c.questions} question(s); {c.constraints_addressed} of "
                  f"{c.constraints} constraint(s) addressed."]
    if verdict.unaddressed_constraints:
        lines += ["", "## Constraints left unaddressed", ""]
        lines += [f"- turn {ev.turn_index}: \u201c{ev.quote}\u201d" for ev in verdict.unaddressed_constraints]
    if verdict.disqualifiers:
        lines += ["", "## Disqualifiers", ""]
        for f in verdict.disqualifiers:
            lines.append(f"- **{SIGNALS[f.signal].title}**" + (" (persisted after a follow-up)"
                                                              if f.persisted_after_probe else ""))
            lines += [f"  - turn {ev.turn_index}: \u201c{ev.quote}\u201d" for ev in f.evidence]
    lines += ["", "## Signals", ""]
    for f in sorted(verdict.signals, key=lambda f: (f.polarity.value != "positive", f.signal)):
        sign = "+" if f.polarity.value == "positive" else ("\u2212" if f.polarity.value == "negative" else "~")
        lines.append(f"- {sign} **{SIGNALS[f.signal].title}** ({f.polarity.value}): {f.why}")
        lines += [f"  - turn {ev.turn_index}: \u201c{ev.quote}\u201d" for ev in f.evidence]
    if verdict.injection_attempts:
        lines += ["", "## Instructions to the evaluator (ignored)", ""]
        lines += [f"- turn {ev.turn_index}: \u201c{ev.quote}\u201d" for ev in verdict.injection_attempts]
    lines += ["", "## What they'd say / what they meant", "",
              f"- **Recruiter:** \u201c{verdict.recruiter_says}\u201d",
              f"- **Committee:** {verdict.actually_meant}", "", "## Improvements", ""]
    for i, imp in enumerate(verdict.improvements, 1):
        lines.append(f"{i}. **{imp.title}**: {imp.detail} *(Shift {imp.shift}: {imp.shift_name})*")
    if verdict.improvements_note:
        lines += ["", verdict.improvements_note]
    return "\n".join(lines) + "\n"
