"""One transcript after judging: the verdict beside its labels, and where the two disagree."""

from __future__ import annotations

from dataclasses import dataclass, field

from agent.models import Evidence, Labels, Transcript, Verdict
from agent.scoring import quote_is_verbatim


@dataclass(frozen=True)
class Judged:
    """A verdict and what it cost. `usage` is `{"tokens", "cost"}`, empty when unknown (always, offline).
    `fallback`: the LLM brain failed and its offline fallback gave this verdict."""

    transcript: Transcript
    verdict: Verdict
    usage: dict = field(default_factory=dict)
    latency_s: float | None = None
    cached: bool = False
    fallback: bool = False

    @property
    def labels(self) -> Labels:
        return self.transcript.labels or Labels()

    @property
    def predicted(self) -> set[str]:
        """A signal counts as predicted when it appears in `verdict.signals`, whatever its strength."""
        return self.verdict.signal_ids()

    @property
    def missed(self) -> list[str]:
        """Labelled present, not predicted."""
        return sorted(set(self.labels.present) - self.predicted)

    @property
    def extra(self) -> list[str]:
        """Labelled absent, predicted."""
        return sorted(set(self.labels.absent) & self.predicted)

    @property
    def band_ok(self) -> bool | None:
        """None when the band is unlabelled."""
        band = self.labels.recommendation_band
        return None if band is None else self.verdict.band == band

    @property
    def disagrees(self) -> bool:
        return self.band_ok is False or bool(self.missed or self.extra)

    def quotes(self) -> list[Evidence]:
        """Every quote the verdict stands on: signal evidence and flagged injection attempts."""
        return [ev for f in self.verdict.signals for ev in f.evidence] + list(self.verdict.injection_attempts)

    def bad_quotes(self) -> list[Evidence]:
        return [ev for ev in self.quotes() if not quote_is_verbatim(self.transcript, ev)]
