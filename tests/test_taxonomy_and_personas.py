from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

from agent.errors import UserError
from agent.models import CONSTRAINT_KINDS
from agent.persona import load_all_personas, load_persona, parse_persona
from agent.taxonomy import NEGATIVE_IDS, NOISE_IDS, POSITIVE_IDS, SIGNALS, Dimension, Recommendation


def test_signal_ids_are_exactly_the_published_ones():
    assert POSITIVE_IDS == ("frames_problem", "explicit_tradeoffs", "data_first", "starts_simple",
                            "impact_linkage", "narrated_uncertainty", "end_to_end_ownership",
                            "adapts_under_constraint")
    assert NEGATIVE_IDS == ("ignores_data_reality", "metric_fixation", "premature_complexity",
                            "defensive_under_constraint", "unstructured_reasoning", "theory_over_decisions")
    assert NOISE_IDS == ("tool_name_dropping", "answers_different_question", "overconfidence", "over_answering")
    assert [d.value for d in Dimension] == ["judgment", "ownership", "practicality", "learning_ability",
                                            "communication"]
    assert [r.value for r in Recommendation] == ["strong_hire", "hire", "lean_hire", "lean_no_hire", "no_hire"]
    for s in SIGNALS.values():
        assert len(s.description) > 80 and s.dimensions


def test_six_personas_each_with_a_full_question_bank():
    personas = {p.id: p for p in load_all_personas()}
    assert {"google", "amazon", "meta", "netflix", "stripe", "startup"} <= set(personas)
    for p in personas.values():
        assert len(p.questions) >= 8
        assert {q.category for q in p.questions} == {"system_design", "data", "metrics", "debugging",
                                                     "past_project"}
        for q in p.questions:
            assert {c.kind for c in q.constraints} >= set(CONSTRAINT_KINDS)
        for signal in POSITIVE_IDS:
            assert all("{ref}" in t for t in p.probes[signal])


def test_personas_differ_in_emphasis():
    meta, amazon = load_persona("meta"), load_persona("amazon")
    assert meta.weight("data_first") > amazon.weight("data_first")
    assert amazon.weight("end_to_end_ownership") > meta.weight("end_to_end_ownership")


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "personas" / "google.yaml").read_text().replace(old, new, 1)
    path = tmp_path / "broken.yaml"
    path.write_text(text)
    return path


def test_malformed_persona_names_file_field_and_line(tmp_path):
    path = _broken(tmp_path, "ambiguity: high", "ambiguity: extreme")
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "ambiguity: extreme" in text)
    with pytest.raises(UserError) as err:
        parse_persona(path, path.read_text())
    msg = str(err.value)
    assert str(path) in msg and f"line {line}" in msg and "style.ambiguity" in msg
    assert "\n" not in msg


def test_invalid_yaml_is_one_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\nname: [unclosed\n")
    with pytest.raises(UserError) as err:
        parse_persona(path, path.read_text())
    assert "bad.yaml" in str(err.value) and "line" in str(err.value)


def test_cli_reports_a_malformed_persona_without_traceback(tmp_path):
    path = _broken(tmp_path, "kind: latency", "kind: speed")
    answers = tmp_path / "a.json"
    answers.write_text('{"answers": ["hi"]}')
    proc = subprocess.run([sys.executable, "-m", "agent.cli", "run", "--persona", str(path), "--answers",
                           str(answers)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("interviewer: error:")]
    assert len(errors) == 1 and "broken.yaml" in errors[0] and "constraints" in errors[0] and "line" in errors[0]
