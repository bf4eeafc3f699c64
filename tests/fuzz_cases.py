"""The malformed-input corpus: a table of cases, each materialised as real files and a real command line.

Every case must end with exit code 2 and exactly one line on stderr, naming the file (or the flag or variable
at fault) and, where a case says so, the field and line. `materialise(case, folder)` writes the case's files
under `folder` and returns the argv, the environment changes and stdin.

Kinds: answers files, persona files, transcripts, config.toml and settings variables, saved sessions and the
checkpoint database, INTERVIEWER_HOME, output paths, eval datasets and baselines, command-line flags.
"""

from __future__ import annotations

import copy
import io
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD_ANSWERS = json.dumps({"answers": ["I'd start with a simple baseline and ask where the labels come from."]})
DEEP = 5000  # far past any parser's recursion limit
DEEPISH = 100  # parses, but past the nesting limit


@dataclass(frozen=True)
class Case:
    """`argv` and `names` may use {dir} (the case's folder) and {home} (its INTERVIEWER_HOME)."""

    id: str
    argv: tuple[str, ...]
    files: dict[str, object] = field(default_factory=dict)  # relative path -> str | bytes | maker(path)
    names: tuple[str, ...] = ()  # what the one stderr line must contain
    env: dict[str, str | None] = field(default_factory=dict)  # None: unset
    stdin: str = ""


# -- makers for files that are not plain content ------------------------------------------------------------

def folder(path: Path) -> None:
    path.mkdir(parents=True)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


def dangling(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere" / "at-all.json")


def megabytes(n: float, unit: str) -> Callable[[Path], None]:
    """A real file of about `n` MB made of `unit` repeated (real content, not a sparse file)."""
    def make(path: Path) -> None:
        with path.open("w", encoding="utf-8") as fh:
            count = int(n * 1_000_000 / len(unit)) + 1
            fh.write(unit * count)
    return make


def damaged_db(kind: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        if kind == "garbage":
            path.write_bytes(os.urandom(8192))
        elif kind == "zeros":
            path.write_bytes(b"\0" * 8192)
        elif kind == "folder":
            path.mkdir()
        elif kind == "truncated":
            conn = sqlite3.connect(path)
            conn.execute("CREATE TABLE checkpoints (thread_id TEXT, checkpoint BLOB)")
            conn.executemany("INSERT INTO checkpoints VALUES (?, ?)", [(str(i), os.urandom(3000)) for i in range(60)])
            conn.commit()
            conn.close()
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3])
    return make


# -- base documents -----------------------------------------------------------------------------------------

@cache
def persona_text() -> str:
    return (ROOT / "personas" / "google.yaml").read_text(encoding="utf-8")


@cache
def _persona_tree():
    from ruamel.yaml import YAML

    return YAML(typ="rt").load(persona_text())


def persona_with(change: Callable[[dict], None]) -> Callable[[Path], None]:
    """The Google persona with one structural change, dumped back to YAML."""
    def make(path: Path) -> None:
        from ruamel.yaml import YAML

        tree = copy.deepcopy(_persona_tree())
        change(tree)
        out = io.StringIO()
        YAML(typ="rt").dump(tree, out)
        path.write_text(out.getvalue(), encoding="utf-8")
    return make


def persona_replace(old: str, new: str) -> str:
    text = persona_text()
    assert old in text, old
    return text.replace(old, new, 1)


def transcript(**changes: object) -> dict:
    base = {
        "id": "fuzz", "persona": "google",
        "turns": [
            {"role": "interviewer", "kind": "question", "text": "Design a fraud model for card payments."},
            {"role": "candidate", "text": "Who acts on a flag, and how late do chargeback labels arrive?"},
            {"role": "interviewer", "kind": "constraint", "constraint_kind": "latency", "text": "You have 50 ms."},
            {"role": "candidate", "text": "Then I'd precompute the aggregates and serve a small tree model."},
        ],
    }
    base.update(changes)
    return base


def with_turn(index: int, **changes: object) -> dict:
    doc = transcript()
    doc["turns"][index] = {**doc["turns"][index], **changes}
    for key, value in changes.items():
        if value is None:
            del doc["turns"][index][key]
    return doc


def pretty(doc: object) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False)


def labelled(**label_changes: object) -> str:
    labels = {"present": ["frames_problem"], "absent": [], "recommendation_band": "hire", **label_changes}
    return json.dumps(transcript(labels=labels))


def session_file(turns: list[dict] | None = None) -> str:
    doc = transcript(id="saved")
    if turns is not None:
        doc["turns"] = turns
    doc["metadata"] = {"status": "in_progress", "question_ids": ["g-search-freshness"], "questions": 1}
    return pretty(doc)


def nested_json(depth: int, key: str = "answers") -> str:
    return f'{{"{key}": {"[" * depth}"x"{"]" * depth}}}'


# -- the table ---------------------------------------------------------------------------------------------

def _answers_cases() -> list[Case]:
    run = ("run", "--persona", "google", "--answers", "{dir}/answers.json")
    contents: list[tuple[str, object, tuple[str, ...]]] = [
        ("empty-file", "", ("invalid JSON", "line 1")),
        ("whitespace-only", "   \n\n  ", ("invalid JSON",)),
        ("open-brace", "{", ("invalid JSON",)),
        ("not-json", "{not json", ("invalid JSON",)),
        ("unclosed-list", '{"answers": ["a", "b"', ("invalid JSON",)),
        ("trailing-comma", '{"answers": ["a",]}', ("invalid JSON",)),
        ("single-quotes", "{'answers': ['a']}", ("invalid JSON",)),
        ("second-line-error", '{\n  "answers": [\n    "a"\n    "b"\n  ]\n}', ("invalid JSON", "line 4")),
        ("bom", "\ufeff" + GOOD_ANSWERS, ("invalid JSON",)),
        ("top-level-list", '["a", "b"]', ("list of strings",)),
        ("top-level-string", '"just a string"', ("list of strings",)),
        ("top-level-number", "42", ("list of strings",)),
        ("top-level-null", "null", ("list of strings",)),
        ("no-answers-key", '{"responses": ["a"]}', ("list of strings",)),
        ("answers-string", '{"answers": "one string"}', ("list of strings", "line 1")),
        ("answers-number", '{"answers": 3}', ("list of strings",)),
        ("answers-object", '{"answers": {"a": 1}}', ("list of strings",)),
        ("answers-null", '{"answers": null}', ("list of strings",)),
        ("answer-number", '{"answers": ["a", 2]}', ("list of strings",)),
        ("answer-null", '{"answers": [null]}', ("list of strings",)),
        ("answer-list", '{"answers": [["nested"]]}', ("list of strings",)),
        ("answer-object", '{"answers": [{"text": "a"}]}', ("list of strings",)),
        ("empty-list", '{"answers": []}', ("empty",)),
        ("blank-answers", '{"answers": ["", "   ", "\\n"]}', ("empty",)),
        ("answers-on-line-3", '{\n\n  "answers": []\n}', ("empty", "line 3")),
        ("deep-list", nested_json(DEEP), ("nested",)),
        ("deep-object", '{"answers": ' + '{"a": ' * DEEP + "1" + "}" * DEEP + "}", ("nested",)),
        ("deepish-list", nested_json(DEEPISH), ("nested",)),
        ("latin-1", '{"answers": ["caf\xe9"]}'.encode("latin-1"), ("not UTF-8", "line 1")),
        ("utf-16", GOOD_ANSWERS.encode("utf-16"), ("not UTF-8",)),
        ("binary", bytes(range(256)) * 8, ("not UTF-8",)),
        ("nul-byte", '{"answers": ["a\x00b"]}', ("NUL",)),
        ("answer-1.5mb", json.dumps({"answers": ["x" * 1_500_000]}), ("answers[0]", "1,500,000 characters")),
        ("answer-too-long-line-4", '{\n  "answers": [\n    "fine",\n    "' + "y" * 20_001 + '"\n  ]\n}',
         ("answers[1]", "line 4", "20,001 characters")),
        ("file-10mb", lambda p: p.write_text(json.dumps({"answers": ["x" * 10_000_000]}), encoding="utf-8"),
         ("10.0 MB", "limit")),
        ("file-3mb-many", lambda p: p.write_text(json.dumps({"answers": ["an answer"] * 300_000}),
                                                encoding="utf-8"), ("MB", "limit")),
        ("folder", folder, ("is a folder",)),
        ("fifo", fifo, ("not a regular file",)),
        ("symlink-loop", symlink_loop, ("cannot read",)),
        ("dangling-symlink", dangling, ("no such answers file",)),
    ]
    cases = [Case(f"answers-{name}", run, {"answers.json": content}, ("{dir}/answers.json", *names))
             for name, content, names in contents]
    cases.append(Case("answers-missing", run, {}, ("{dir}/answers.json", "no such answers file")))
    cases.append(Case("answers-parent-is-file", ("run", "--persona", "google", "--answers", "{dir}/f/answers.json"),
                      {"f": "a file"}, ("{dir}/f/answers.json", "no such answers file")))
    return cases


def _persona_cases() -> list[Case]:
    run = ("run", "--persona", "{dir}/p.yaml", "--answers", "{dir}/answers.json")
    structural: list[tuple[str, Callable[[dict], None], tuple[str, ...]]] = [
        ("missing-id", lambda t: t.pop("id"), ("id", "Field required")),
        ("unknown-field", lambda t: t.insert(1, "colour", "blue"), ("colour", "line 4")),
        ("few-questions", lambda t: t.__setitem__("questions", t["questions"][:3]), ("questions", "at least 8")),
        ("questions-not-list", lambda t: t.__setitem__("questions", "many"), ("questions",)),
        ("bad-category", lambda t: t["questions"][2].__setitem__("category", "vibes"), ("questions[2].category",)),
        ("short-question", lambda t: t["questions"][1].__setitem__("text", "Why?"), ("questions[1].text",)),
        ("missing-constraint-kind",
         lambda t: t["questions"][0].__setitem__("constraints", t["questions"][0]["constraints"][:2]),
         ("questions[0].constraints", "each kind")),
        ("constraint-bad-kind", lambda t: t["questions"][0]["constraints"][0].__setitem__("kind", "budget"),
         ("questions[0].constraints[0].kind",)),
        ("duplicate-question-ids", lambda t: t["questions"][1].__setitem__("id", t["questions"][0]["id"]),
         ("duplicate question id",)),
        ("emphasis-unknown", lambda t: t["emphasis"].__setitem__("charisma", 2.0), ("emphasis", "charisma")),
        ("emphasis-weight", lambda t: t["emphasis"].__setitem__("frames_problem", 9.0), ("emphasis", "between 0")),
        ("emphasis-not-number", lambda t: t["emphasis"].__setitem__("frames_problem", "lots"), ("emphasis",)),
        ("probe-missing", lambda t: t["probes"].pop("data_first"), ("probes", "data_first")),
        ("pushback-unknown", lambda t: t["pushbacks"].__setitem__("rudeness", ["No."]), ("pushbacks", "rudeness")),
        ("policy-order", lambda t: t["policy"].update(min_followups=5, max_followups=3), ("policy",)),
        ("policy-max-turns", lambda t: t["policy"].__setitem__("max_turns", 2), ("policy.max_turns",)),
        ("style-level", lambda t: t["style"].__setitem__("ambiguity", "extreme"), ("style.ambiguity",)),
        ("no-acknowledgements", lambda t: t["style"].__setitem__("acknowledgements", []),
         ("style.acknowledgements",)),
        ("dont-know-empty", lambda t: t.__setitem__("dont_know", []), ("dont_know",)),
    ]
    laughs = "\n".join(f"{c}: &{c} [" + ", ".join([f"*{p}"] * 9) + "]"
                        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    texts: list[tuple[str, object, tuple[str, ...]]] = [
        ("empty-file", "", ("a persona must be a YAML mapping",)),
        ("comment-only", "# nothing here\n", ("a persona must be a YAML mapping",)),
        ("top-level-list", "- id: google\n- name: Google\n", ("a persona must be a YAML mapping",)),
        ("top-level-scalar", "just words\n", ("a persona must be a YAML mapping",)),
        ("tab-indent", persona_replace("  tone:", "\ttone:"), ("invalid YAML",)),
        ("unclosed-flow", persona_replace("policy: {min_followups: 2,", "policy: {min_followups: 2, ["),
         ("invalid YAML",)),
        ("unclosed-quote", persona_replace("name: Google\n", "name: 'Google\n"), ("invalid YAML",)),
        ("bad-indent", persona_replace("  ambiguity: high", "     ambiguity: high"), ("invalid YAML", "line 8")),
        ("duplicate-key", persona_replace("name: Google\n", "name: Google\nname: Again\n"), ("line 5",)),
        ("python-tag", "id: !!python/object:os.system ls\n", ("p.yaml",)),
        ("deep-flow", "id: " + "[" * DEEP + "]" * DEEP + "\n", ("nested",)),
        ("deep-block", "".join("  " * i + f"k{i}:\n" for i in range(400)) + "  " * 400 + "v: 1\n", ("nested",)),
        ("deepish-flow", "id: " + "[" * DEEPISH + "]" * DEEPISH + "\n", ("nested",)),
        ("latin-1", persona_replace("name: Google", "name: Caf\xe9").encode("latin-1"), ("not UTF-8", "line 4")),
        ("binary", os.urandom(4096) + b"\xff", ("p.yaml",)),
        ("nul-byte", persona_replace("name: Google", "name: Goo\x00gle"), ("NUL", "line 4")),
        ("31mb", megabytes(31, "  - {kind: data, text: 'a long constraint line for the fuzz corpus'}\n"),
         ("31.0 MB", "limit")),
        ("1.5mb", megabytes(1.5, "# a comment line in a persona that is simply far too long\n"), ("MB", "limit")),
        ("folder", folder, ("is a folder",)),
        ("fifo", fifo, ("not a regular file",)),
        ("symlink-loop", symlink_loop, ("cannot read",)),
        ("billion-laughs", "a: &a [x, x, x, x, x, x, x, x, x]\n" + laughs + "\n" + persona_text() + "\n",
         ("p.yaml",)),
    ]
    cases = [Case(f"persona-{name}", run, {"p.yaml": persona_with(change), "answers.json": GOOD_ANSWERS},
                  ("{dir}/p.yaml", *names)) for name, change, names in structural]
    cases += [Case(f"persona-{name}", run, {"p.yaml": content, "answers.json": GOOD_ANSWERS},
                   ("{dir}/p.yaml", *names)) for name, content, names in texts]
    cases.append(Case("persona-missing-path", run, {"answers.json": GOOD_ANSWERS}, ("{dir}/p.yaml", "no such")))
    cases.append(Case("persona-unknown-id", ("run", "--persona", "nobody", "--answers", "{dir}/answers.json"),
                      {"answers.json": GOOD_ANSWERS}, ("unknown persona 'nobody'", "google")))
    cases.append(Case("persona-user-folder-invalid",
                      ("run", "--persona", "mine", "--answers", "{dir}/answers.json"),
                      {"home/personas/mine.yaml": "id: [", "answers.json": GOOD_ANSWERS},
                      ("{home}/personas/mine.yaml", "invalid YAML")))
    cases.append(Case("persona-user-folder-dir",
                      ("run", "--persona", "mine", "--answers", "{dir}/answers.json"),
                      {"home/personas/mine.yaml": folder, "answers.json": GOOD_ANSWERS},
                      ("mine",)))
    return cases


def _transcript_cases() -> list[Case]:
    judge = ("judge", "{dir}/t.json")
    doc = transcript()
    contents: list[tuple[str, object, tuple[str, ...]]] = [
        ("empty-file", "", ("invalid JSON",)),
        ("not-json", "{'id': 1}", ("invalid JSON",)),
        ("truncated", pretty(doc)[:200], ("invalid JSON",)),
        ("top-level-list", "[]", ("(top level)",)),
        ("top-level-string", '"x"', ("(top level)",)),
        ("missing-id", pretty({k: v for k, v in doc.items() if k != "id"}), ("id", "Field required")),
        ("missing-persona", pretty({k: v for k, v in doc.items() if k != "persona"}), ("persona",)),
        ("missing-turns", pretty({"id": "x", "persona": "google"}), ("turns", "Field required")),
        ("turns-object", pretty(transcript(turns={"role": "candidate"})), ("turns",)),
        ("turns-empty", pretty(transcript(turns=[])), ("turns", "no turns")),
        ("interviewer-only", pretty(transcript(turns=[doc["turns"][0], doc["turns"][2]])),
         ("no candidate turn",)),
        ("turn-not-object", pretty(transcript(turns=["hello"])), ("turns[0]",)),
        ("bad-role", pretty(with_turn(1, role="judge")), ("turns[1].role", "line 11")),
        ("missing-text", pretty(with_turn(1, text=None)), ("turns[1].text",)),
        ("text-number", pretty(with_turn(1, text=42)), ("turns[1].text",)),
        ("bad-kind", pretty(with_turn(0, kind="monologue")), ("turns[0]", "kind")),
        ("bad-constraint-kind", pretty(with_turn(2, constraint_kind="budget")), ("turns[2].constraint_kind",)),
        ("constraint-no-kind", pretty(with_turn(2, constraint_kind=None)),
         ("turns[2]", "needs a constraint_kind", "line 14")),
        ("constraint-kind-on-candidate", pretty(with_turn(3, constraint_kind="data")),
         ("turns[3].constraint_kind", "candidate turn")),
        ("constraint-kind-on-probe", pretty(with_turn(0, constraint_kind="data")),
         ("turns[0]", "only allowed on constraint turns")),
        ("question-index-text", pretty(with_turn(1, question_index="first")), ("turns[1].question_index",)),
        ("metadata-list", pretty(transcript(metadata=[1, 2])), ("metadata",)),
        ("labels-unknown-signal", labelled(present=["charisma"]), ("labels.present", "charisma")),
        ("labels-both", labelled(absent=["frames_problem"]), ("labels", "both present and absent")),
        ("labels-band", labelled(recommendation_band="maybe"), ("labels.recommendation_band",)),
        ("labels-extra", labelled(vibe="good"), ("labels.vibe",)),
        ("deep", '{"id": "x", "persona": "google", "turns": ' + "[" * DEEP + "]" * DEEP + "}", ("nested",)),
        ("deep-metadata", pretty(transcript()).replace('"id"', '"metadata": ' + nested_json(DEEPISH, "m") + ', "id"'),
         ("nested",)),
        ("latin-1", pretty(with_turn(1, text="caf\xe9")).encode("latin-1"), ("not UTF-8", "line 12")),
        ("utf-16", pretty(doc).encode("utf-16"), ("not UTF-8",)),
        ("binary", os.urandom(2048) + b"\xff", ("t.json",)),
        ("nul-byte", pretty(transcript()).replace("Who acts", "Who\x00acts"), ("NUL", "line 12")),
        ("turn-25k", pretty(with_turn(3, text="z" * 25_000)), ("turns[3].text", "25,000 characters", "line 22")),
        ("answer-10mb", lambda p: p.write_text(pretty(with_turn(3, text="z" * 10_000_000)), encoding="utf-8"),
         ("10.0 MB", "limit")),
        ("folder", folder, ("is a folder",)),
        ("fifo", fifo, ("not a regular file",)),
        ("symlink-loop", symlink_loop, ("cannot read",)),
        ("dangling-symlink", dangling, ("no such transcript file",)),
    ]
    cases = [Case(f"transcript-{name}", judge, {"t.json": content}, ("{dir}/t.json", *names))
             for name, content, names in contents]
    cases.append(Case("transcript-missing", judge, {}, ("{dir}/t.json", "no such transcript file")))
    return cases


def _config_cases() -> list[Case]:
    judge = ("judge", "{dir}/t.json")
    base = {"t.json": pretty(transcript())}
    contents: list[tuple[str, object, tuple[str, ...]]] = [
        ("invalid-toml", "model = \n", ("invalid TOML",)),
        ("unclosed-string", 'model = "openai/gpt\n', ("invalid TOML",)),
        ("bare-words", "this is not toml\n", ("invalid TOML",)),
        ("deep-array", "x = " + "[" * DEEP + "]" * DEEP + "\n", ("config.toml",)),
        ("latin-1", 'model = "caf\xe9"\n'.encode("latin-1"), ("not UTF-8",)),
        ("binary", os.urandom(1024) + b"\xff", ("config.toml",)),
        ("nul-byte", 'timeout = 3\n\x00\n', ("NUL", "line 2")),
        ("unknown-key", "\n\ntmeout = 3\n", ("unknown setting", "tmeout", "line 3")),
        ("wrong-type", 'timeout = "soon"\n', ("line 1", "timeout")),
        ("out-of-range", "max_attempts = 99\n", ("line 1", "max_attempts")),
        ("wrong-type-api-base", "api_base = 5\n", ("line 1", "api_base")),
        ("too-big", megabytes(0.1, "# a long comment line in a config file that is much too long\n"),
         ("KB", "limit")),
        ("folder", folder, ("is a folder",)),
        ("fifo", fifo, ("not a regular file",)),
        ("symlink-loop", symlink_loop, ("cannot read",)),
    ]
    cases = [Case(f"config-{name}", judge, {**base, "home/config.toml": content}, ("{home}/config.toml", *names))
             for name, content, names in contents]
    cases += [
        Case("config-model-not-string", judge, {**base, "home/config.toml": "\nmodel = 5\n"},
             ("{home}/config.toml", "line 2", "model"), env={"INTERVIEWER_MODEL": None}),
        Case("config-unknown-model", judge, {**base, "home/config.toml": 'model = "nonsense"\n'},
             ("unknown model 'nonsense'", "{home}/config.toml"), env={"INTERVIEWER_MODEL": None}),
        Case("env-unknown-model", judge, base, ("unknown model 'bogus'", "INTERVIEWER_MODEL"),
             env={"INTERVIEWER_MODEL": "bogus"}),
        Case("flag-unknown-model", (*judge, "--model", "nonsense"), base, ("unknown model 'nonsense'", "--model")),
        Case("env-timeout-text", judge, base, ("INTERVIEWER_TIMEOUT", "timeout"), env={"INTERVIEWER_TIMEOUT": "abc"}),
        Case("env-attempts-zero", judge, base, ("INTERVIEWER_MAX_ATTEMPTS",), env={"INTERVIEWER_MAX_ATTEMPTS": "0"}),
    ]
    return cases


def _session_cases() -> list[Case]:
    resume = ("resume", "saved", "--plain")
    contents: list[tuple[str, object, tuple[str, ...]]] = [
        ("empty", "", ("invalid JSON",)),
        ("truncated", session_file()[:300], ("invalid JSON",)),
        ("schema-invalid", pretty({"id": "saved", "persona": "google", "turns": "none"}), ("turns",)),
        ("bad-turn", session_file([{"role": "ghost", "text": "boo"}]), ("turns[0].role",)),
        ("deep", '{"id": "saved", "turns": ' + "[" * DEEP + "]" * DEEP + "}", ("nested",)),
        ("binary", os.urandom(4096) + b"\xff", ("saved.json",)),
        ("folder", folder, ("is a folder",)),
        ("huge", megabytes(17, " " * 1023 + "\n"), ("MB", "limit")),
        ("unknown-persona", session_file().replace('"persona": "google"', '"persona": "nobody"'),
         ("unknown persona 'nobody'",)),
    ]
    cases = [Case(f"session-{name}", resume, {"home/sessions/saved.json": content},
                  ("{home}/sessions/saved.json", *names)) for name, content, names in contents]
    cases += [Case(f"session-db-{kind}", resume,
                   {"home/sessions/saved.json": session_file(), "home/checkpoints.sqlite": damaged_db(kind)},
                   ("{home}/checkpoints.sqlite", "damaged", "move it aside", "saved"))
              for kind in ("garbage", "zeros", "folder", "truncated")]
    cases += [
        Case("session-no-checkpoint", resume, {"home/sessions/saved.json": session_file()},
             ("has no checkpoint", "{home}/sessions/saved.json")),
        Case("session-unknown-id", ("resume", "nope", "--plain"), {}, ("no saved interview 'nope'",)),
        Case("session-path-id", ("resume", "../../etc/passwd", "--plain"), {}, ("not an interview id",)),
        Case("session-slash-id", ("resume", "a/b", "--plain"), {}, ("not an interview id",)),
        Case("session-empty-id", ("resume", "", "--plain"), {}, ("not an interview id",)),
    ]
    return cases


def _home_cases() -> list[Case]:
    file_home = {"INTERVIEWER_HOME": "{dir}/home-file"}
    answers = {"answers.json": GOOD_ANSWERS, "home-file": "I am a file"}
    run = ("run", "--persona", "google", "--answers", "{dir}/answers.json")
    return [
        Case("home-file-run", run, answers, ("INTERVIEWER_HOME", "{dir}/home-file", "is a file"), env=file_home),
        Case("home-file-sessions", ("sessions",), answers, ("INTERVIEWER_HOME", "is a file"), env=file_home),
        Case("home-file-resume", ("resume", "x", "--plain"), answers, ("INTERVIEWER_HOME", "is a file"),
             env=file_home),
        Case("home-file-chat", ("chat", "--plain", "--persona", "google"), answers,
             ("INTERVIEWER_HOME", "is a file"), env=file_home, stdin="hello\n\n"),
        Case("home-under-file", run, answers, ("{dir}/home-file/sub",),
             env={"INTERVIEWER_HOME": "{dir}/home-file/sub"}),
        Case("home-uncreatable", run, {"answers.json": GOOD_ANSWERS}, ("/proc/interviewer-home",),
             env={"INTERVIEWER_HOME": "/proc/interviewer-home"}),
        Case("home-sessions-is-file", run, {"answers.json": GOOD_ANSWERS, "home/sessions": "not a folder"},
             ("{home}/sessions",)),
    ]


def _output_cases() -> list[Case]:
    run = ("run", "--persona", "google", "--answers", "{dir}/answers.json")
    files = {"answers.json": GOOD_ANSWERS, "out": folder, "a-file": "x", "data/t.json": labelled()}
    evaluate = ("eval", "{dir}/data")
    return [
        Case("out-folder", (*run, "--out", "{dir}/out"), files, ("--out", "{dir}/out", "is a folder")),
        Case("out-proc-subfolder", (*run, "--out", "/proc/interviewer/t.json"), files, ("--out", "/proc")),
        Case("out-under-file", (*run, "--out", "{dir}/a-file/t.json"), files, ("--out", "{dir}/a-file")),
        Case("out-proc", (*run, "--out", "/proc/interviewer.json"), files, ("--out", "/proc")),
        Case("report-folder", (*evaluate, "--report", "{dir}/out"), files, ("--report", "{dir}/out", "folder")),
        Case("report-under-file", (*evaluate, "--report", "{dir}/a-file/sub/r.html"), files,
             ("--report", "{dir}/a-file", "not a folder")),
        Case("junit-folder", (*evaluate, "--junit", "{dir}/out"), files, ("--junit", "{dir}/out")),
        Case("junit-proc", (*evaluate, "--junit", "/proc/junit.xml"), files, ("--junit", "/proc")),
    ]


def _eval_cases() -> list[Case]:
    good = {"data/a.json": labelled()}
    evaluate = ("eval", "{dir}/data")
    return [
        Case("eval-missing", ("eval", "{dir}/nothing"), {}, ("{dir}/nothing", "no such dataset")),
        Case("eval-empty-folder", evaluate, {"data": folder}, ("{dir}/data", "no .json or .jsonl")),
        Case("eval-bad-jsonl-line", ("eval", "{dir}/d.jsonl"), {"d.jsonl": labelled() + "\n{oops\n"},
             ("{dir}/d.jsonl", "line 2", "invalid JSON")),
        Case("eval-no-labels", evaluate, {"data/a.json": pretty(transcript())}, ("nothing to score",)),
        Case("eval-duplicate-ids", evaluate, {**good, "data/b.json": labelled()}, ("{dir}/data/b.json", "already")),
        Case("eval-score-off-scale", evaluate, {"data/a.json": labelled(dimension_scores={"judgment": 7})},
             ("{dir}/data/a.json", "judgment")),
        Case("eval-deep-line", ("eval", "{dir}/d.jsonl"), {"d.jsonl": labelled() + "\n" + "[" * DEEP + "]" * DEEP},
             ("{dir}/d.jsonl", "nested")),
        Case("eval-latin-1", evaluate, {"data/a.json": labelled().replace("Design", "D\xe9sign").encode("latin-1")},
             ("{dir}/data/a.json", "not UTF-8")),
        Case("eval-no-candidate", evaluate, {"data/a.json": json.dumps(transcript(
            turns=[transcript()["turns"][0]], labels={"present": [], "absent": []}))},
            ("{dir}/data/a.json", "no candidate turn")),
        Case("baseline-invalid", (*evaluate, "--baseline", "{dir}/b.json"), {**good, "b.json": "{nope"},
             ("{dir}/b.json", "invalid JSON")),
        Case("baseline-deep", (*evaluate, "--baseline", "{dir}/b.json"),
             {**good, "b.json": "[" * DEEP + "]" * DEEP}, ("{dir}/b.json", "nested")),
        Case("baseline-wrong-shape", (*evaluate, "--baseline", "{dir}/b.json"), {**good, "b.json": "{}"},
             ("{dir}/b.json", "not an `interviewer eval --json` report")),
        Case("baseline-folder", (*evaluate, "--baseline", "{dir}/data"), good, ("{dir}/data", "is a folder")),
    ]


def _flag_cases() -> list[Case]:
    answers = {"answers.json": GOOD_ANSWERS}
    run = ("run", "--persona", "google", "--answers", "{dir}/answers.json")
    return [
        Case("flag-unknown-command", ("interrogate",), {}, ("invalid choice: 'interrogate'",)),
        Case("flag-unknown-option", ("sessions", "--colour"), {}, ("--colour",)),
        Case("flag-run-no-persona", ("run", "--answers", "x.json"), {}, ("--persona",)),
        Case("flag-run-no-answers", ("run", "--persona", "google"), {}, ("--answers",)),
        Case("flag-questions-text", (*run, "--questions", "three"), answers, ("--questions", "'three'")),
        Case("flag-questions-zero", (*run, "--questions", "0"), answers, ("--questions", "between 1 and")),
        Case("flag-questions-many", (*run, "--questions", "99"), answers, ("--questions", "between 1 and")),
        Case("flag-judge-no-file", ("judge",), {}, ("TRANSCRIPT",)),
        Case("flag-resume-no-id", ("resume",), {}, ("ID",)),
        Case("flag-eval-concurrency", ("eval", "x", "--concurrency", "0"), {}, ("--concurrency",)),
        Case("flag-eval-fail-under", ("eval", "x", "--fail-under", "accuracy=2"), {}, ("--fail-under",)),
        Case("flag-eval-bootstrap", ("eval", "x", "--bootstrap", "-1"), {}, ("--bootstrap",)),
        Case("flag-model-missing-value", ("judge", "t.json", "--model"), {}, ("--model",)),
    ]


def all_cases() -> list[Case]:
    cases = (_answers_cases() + _persona_cases() + _transcript_cases() + _config_cases() + _session_cases()
             + _home_cases() + _output_cases() + _eval_cases() + _flag_cases())
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    return cases


def materialise(case: Case, where: Path) -> tuple[list[str], dict[str, str | None], str]:
    """Write the case's files under `where`; its argv, environment changes (None: unset) and stdin."""
    where.mkdir(parents=True, exist_ok=True)
    subs = {"dir": str(where), "home": str(where / "home")}
    for rel, content in case.files.items():
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    env = {"INTERVIEWER_HOME": subs["home"]}
    env.update({k: v.format(**subs) if v else v for k, v in case.env.items()})
    return [a.format(**subs) for a in case.argv], env, case.stdin


def expected(case: Case, where: Path) -> list[str]:
    subs = {"dir": str(where), "home": str(where / "home")}
    return [n.format(**subs) for n in case.names]
