"""Fault rates per persona and in total, as JSON and as a readable table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from evals.interviewer.faults import FAULTS, HARD, Findings


@dataclass
class Tally:
    faults: Counter = field(default_factory=Counter)
    chances: Counter = field(default_factory=Counter)
    interviews: int = 0

    def add(self, found: Findings) -> None:
        self.interviews += 1
        self.faults.update(f.fault for f in found.faults)
        self.chances.update(found.chances)

    def rate(self, fault: str) -> float:
        return self.faults[fault] / self.chances[fault] if self.chances[fault] else 0.0

    def as_json(self) -> dict:
        return {"interviews": self.interviews,
                "faults": {f: {"count": self.faults[f], "chances": self.chances[f], "rate": round(self.rate(f), 4)}
                           for f in FAULTS},
                "hard_faults": sum(self.faults[f] for f in HARD)}


def tally(findings: list[Findings]) -> tuple[dict[str, Tally], Tally]:
    per: dict[str, Tally] = {}
    total = Tally()
    for found in findings:
        per.setdefault(found.persona, Tally()).add(found)
        total.add(found)
    return per, total


def as_json(findings: list[Findings], examples: int = 3) -> dict:
    per, total = tally(findings)
    shown: dict[str, list[dict]] = {}
    for found in findings:
        for f in found.faults:
            if len(shown.setdefault(f.fault, [])) < examples:
                shown[f.fault].append({"persona": found.persona, "candidate": found.candidate,
                                       "turn": f.turn_index, "line": f.line, "why": f.why})
    return {"hard": list(HARD), "total": total.as_json(),
            "personas": {p: t.as_json() for p, t in sorted(per.items())}, "examples": shown}


def table(findings: list[Findings]) -> str:
    per, total = tally(findings)
    cols = [*sorted(per), "total"]
    tallies = [*(per[p] for p in sorted(per)), total]
    width = max(len(f) for f in FAULTS) + 7
    lines = [f"{'fault':<{width}}" + "".join(f"{c:>9}" for c in cols)]
    for fault in FAULTS:
        name = fault + (" (hard)" if fault in HARD else "")
        lines.append(f"{name:<{width}}" + "".join(f"{t.rate(fault):>9.1%}" for t in tallies))
    lines.append(f"{'hard faults (count)':<{width}}" + "".join(
        f"{sum(t.faults[f] for f in HARD):>9}" for t in tallies))
    lines.append(f"{'interviews':<{width}}" + "".join(f"{t.interviews:>9}" for t in tallies))
    return "\n".join(lines)
