"""The verdict of a finished interview reuses the readings the interviewer made as each answer arrived."""

from __future__ import annotations

from support import STRONG_ANSWERS

from agent.offline import detector
from agent.offline.judge import judge_transcript
from agent.session import Interview


def test_end_of_interview_verdict_rereads_nothing_and_equals_a_cold_verdict():
    detector.clear_cache()
    interview = Interview.start("google", questions=2, seed="reuse", session_id="t-reuse")
    for answer in STRONG_ANSWERS[:4]:
        interview.answer(answer)
    assert not interview.finished
    before = detector._analyze_cached.cache_info()
    interview.end()
    after = detector._analyze_cached.cache_info()
    answered = len(interview.transcript().candidate_turns())
    assert answered == 4 and interview.verdict is not None
    assert after.misses == before.misses, "the judge read an answer a second time"
    assert after.hits - before.hits == answered

    detector.clear_cache()
    cold = judge_transcript(interview.transcript())
    warm = interview.verdict
    assert cold.model_dump(exclude={"created_at"}) == warm.model_dump(exclude={"created_at"})
    interview.close()


def test_a_caller_cannot_change_the_memoised_reading():
    detector.clear_cache()
    ctx = detector.Context(prompt_text="How would you detect fraud?", question_text="How would you detect fraud?")
    text = "Who acts on the fraud score, and how late do chargebacks arrive?"
    first = detector.analyze_turn(text, 1, ctx)
    first.findings.clear()
    assert detector.analyze_turn(text, 1, ctx).findings
