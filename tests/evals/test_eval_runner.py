"""The runner with a stand-in slow LLM judge: concurrency, the content-addressed cache, --offline."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from eval_helpers import TEST_SPLIT, copy_split, run_cli, run_with_brain

from agent.errors import UserError
from agent.models import Transcript, Verdict
from agent.offline.brain import OfflineBrain
from agent.storage import data_home, load_transcript
from evals.cache import Entry, VerdictCache, cache_key
from evals.runner import run_judge
from evals.stand_in import SlowStandInBrain


@pytest.fixture(scope="module")
def transcripts() -> list[Transcript]:
    return [load_transcript(p) for p in sorted(TEST_SPLIT.glob("*.json"))[:16]]


def test_cache_key_follows_content_model_and_prompt_version_not_labels(transcripts: list[Transcript]) -> None:
    t = transcripts[0]
    brain = SlowStandInBrain()
    key = cache_key(t, brain)
    assert key == cache_key(t.model_copy(), brain)
    assert key == cache_key(t.model_copy(update={"labels": None}), brain)
    edited = t.model_copy(deep=True)
    edited.turns[1].text += " "
    assert key != cache_key(edited, brain)
    assert key != cache_key(t, SlowStandInBrain(model="stand-in/other"))
    other_prompt = SlowStandInBrain()
    other_prompt.info["prompt_versions"] = {"judge": "stand-in-2"}
    assert key != cache_key(t, other_prompt)


def test_unreadable_cache_entry_is_a_miss(tmp_path: Path, transcripts: list[Transcript]) -> None:
    cache = VerdictCache(tmp_path)
    verdict = OfflineBrain().judge(transcripts[0])
    cache.put("ab" * 32, Entry(verdict, {"tokens": 3}, 0.5))
    assert cache.get("ab" * 32) == Entry(verdict, {"tokens": 3}, 0.5)
    (tmp_path / "ab" / f"{'ab' * 32}.json").write_text("{ truncated")
    assert cache.get("ab" * 32) is None


class _MeetsInEights(SlowStandInBrain):
    """Every call waits until eight are in flight at once: it can only finish if the runner really runs eight
    concurrently (a serial runner breaks the barrier). Speed itself is measured by benchmarks/, not asserted."""

    def __init__(self) -> None:
        super().__init__(0)
        self.barrier = threading.Barrier(8, timeout=20)

    def judge(self, transcript: Transcript) -> Verdict:
        self.barrier.wait()
        return super().judge(transcript)


def test_concurrency_8_runs_eight_calls_at_once_and_a_rerun_is_all_cache(
        tmp_path: Path, transcripts: list[Transcript]) -> None:
    batch = (transcripts * 8)[:16]
    batch = [t.model_copy(update={"id": f"{t.id}-{i}"}) for i, t in enumerate(batch)]
    serial = run_judge(batch, SlowStandInBrain(0), cache=VerdictCache(tmp_path / "a"), concurrency=1)
    brain = _MeetsInEights()
    parallel = run_judge(batch, brain, cache=VerdictCache(tmp_path / "b"), concurrency=8)
    assert [j.transcript.id for j in parallel] == [t.id for t in batch]  # input order kept
    assert [j.verdict for j in parallel] == [j.verdict for j in serial]

    again = run_judge(batch, brain, cache=VerdictCache(tmp_path / "b"), concurrency=8, offline=True)
    assert brain.calls == len(batch) and all(j.cached for j in again)
    assert [j.verdict.model_dump() for j in again] == [Verdict.model_validate(dict(j.verdict)).model_dump()
                                                       for j in parallel]
    assert [j.usage for j in again] == [j.usage for j in parallel] and again[0].usage["tokens"] > 0


def test_offline_fails_on_a_miss_before_calling_anything(tmp_path: Path, transcripts: list[Transcript]) -> None:
    brain = SlowStandInBrain(0)
    cache = VerdictCache(tmp_path)
    run_judge(transcripts[:2], brain, cache=cache)
    with pytest.raises(UserError, match=r"--offline: 1 of 3 transcripts are not in the cache"):
        run_judge(transcripts[:3], brain, cache=cache, offline=True)
    assert brain.calls == 2


def test_a_failing_call_cancels_the_queue_and_keeps_what_was_cached(
        tmp_path: Path, transcripts: list[Transcript]) -> None:
    class Failing(SlowStandInBrain):
        def judge(self, transcript: Transcript) -> Verdict:
            if transcript.id == transcripts[1].id:
                raise RuntimeError("provider down")
            return super().judge(transcript)

    brain = Failing(0.05)
    with pytest.raises(RuntimeError, match="provider down"):
        run_judge(transcripts, brain, cache=VerdictCache(tmp_path), concurrency=2)
    assert 1 <= brain.calls < len(transcripts) - 1
    cached = sum(1 for _ in tmp_path.rglob("*.json"))
    assert cached == brain.calls


def test_cli_with_stand_in_reports_usage_and_serves_the_rerun_from_cache(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = copy_split(tmp_path / "ds", 4)
    brain = SlowStandInBrain(0)
    argv = (str(folder), "--json", "--bootstrap", "0", "--concurrency", "4")
    code, out, _ = run_with_brain(capsys, brain, *argv)
    first = json.loads(out)
    assert code == 0 and first["usage"]["spent_this_run"]["tokens"] > 0 and first["usage"]["from_cache"] == 0
    assert first["judge"] == {"name": "stand-in", "info": brain.info}
    assert all(t["tokens"] > 0 and t["cost"] > 0 and t["latency_s"] >= 0 for t in first["transcripts"])
    assert list((data_home() / "eval-cache").rglob("*.json"))  # the default cache, under the data home

    code, out, err = run_with_brain(capsys, brain, *argv, "--offline")
    second = json.loads(out)
    assert code == 0 and brain.calls == 4 and second["usage"]["from_cache"] == 4
    assert second["usage"]["spent_this_run"] == {"tokens": 0, "cost": 0}
    assert second["figures"] == first["figures"] and "(4 from cache)" in err


def test_the_offline_engine_never_touches_the_cache(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = copy_split(tmp_path / "ds", 2)
    code, out, _ = run_cli(capsys, str(folder), "--offline", "--cache-dir", str(tmp_path / "c"), "--json",
                           "--bootstrap", "0")
    assert code == 0 and json.loads(out)["usage"] is None
    assert not (tmp_path / "c").exists() and not (data_home() / "eval-cache").exists()


def test_fallback_verdicts_are_scored_but_never_cached(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    class FallsBack(SlowStandInBrain):
        """Signs like an LLM brain that failed after its retries and answered with the offline engine."""

        def judge(self, transcript: Transcript) -> Verdict:
            verdict = super().judge(transcript)
            if transcript.id.startswith("test-001"):
                verdict = verdict.model_copy(update={"judge": "offline engine (fallback: stand-in failed)"})
            return verdict

    folder = copy_split(tmp_path / "ds", 2)
    brain = FallsBack(0)
    code, out, err = run_with_brain(capsys, brain, str(folder), "--json", "--bootstrap", "0")
    doc = json.loads(out)
    assert code == 0 and doc["counts"]["fallbacks"] == 1 and "offline fallback" in err
    assert [t["fallback"] for t in doc["transcripts"]] == [True, False]
    run_with_brain(capsys, brain, str(folder), "--json", "--bootstrap", "0")
    assert brain.calls == 3  # the fallback was asked again, the other verdict came from the cache


def test_usage_is_unknown_without_records_and_the_default_judge_ignores_the_environment(
        tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    class Silent(SlowStandInBrain):
        def judge(self, transcript: Transcript) -> Verdict:
            return super().judge(transcript).model_copy(update={"usage": {}})

    folder = copy_split(tmp_path / "ds", 2)
    code, out, _ = run_with_brain(capsys, Silent(0), str(folder), "--bootstrap", "0")
    assert code == 0 and "tokens and cost unknown" in out

    monkeypatch.setenv("INTERVIEWER_MODEL", "openai/gpt-4o-mini")
    code, out, _ = run_cli(capsys, str(folder), "--json", "--bootstrap", "0")
    assert code == 0 and json.loads(out)["judge"]["name"] == "offline"
