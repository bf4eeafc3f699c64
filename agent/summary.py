"""A compact, bounded summary of earlier questions, so a brain's context does not grow with the interview."""

from __future__ import annotations

from agent.models import Turn

MAX_QUESTION_WORDS = 14


def summarize_earlier(turns: list[Turn], analyses: list[dict], q_index: int) -> str:
    """One line per finished question: what was asked, which constraints landed, what was heard."""
    lines = []
    for q in range(q_index):
        q_turns = [(i, t) for i, t in enumerate(turns) if t.question_index == q]
        if not q_turns:
            continue
        asked = next((t.text for _, t in q_turns if t.kind == "question"), "")
        asked_words = asked.split()
        asked = " ".join(asked_words[-MAX_QUESTION_WORDS:])
        indices = {i for i, _ in q_turns}
        kinds = [t.constraint_kind for _, t in q_turns if t.kind == "constraint" and t.constraint_kind]
        signals: list[str] = []
        for record in analyses:
            if record["turn_index"] in indices:
                for f in record["analysis"]["findings"]:
                    if f["signal"] not in signals:
                        signals.append(f["signal"])
        heard = ", ".join(signals) or "nothing yet"
        lines.append(f"Q{q + 1}: \u2026{asked} | constraints: {', '.join(kinds) or 'none'} | heard: {heard}")
    return "\n".join(lines)
