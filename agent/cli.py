"""The `interviewer` command. Imports stay inside the commands so `--help` is instant."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from agent.errors import (
    MAX_TURN_CHARS,
    UserError,
    check_depth,
    check_output_path,
    json_line,
    read_user_file,
    too_deep,
)

DESCRIPTION = """\
An adversarial ML-interview simulator. A company-style interviewer asks an open ML question, probes the
signal you left out, injects data, latency and metric constraints, pushes back on overconfidence, and ends
with a hiring-committee verdict backed by your own words. With no model configured it runs on an embedded
offline engine: no key, no network.
"""


class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line, like every other bad input: no usage dump before the message.
    Subcommand parsers are made from the same class, so theirs are too."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} (see `{self.prog} --help`)\n")


def _add_model(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="MODEL",
                   help="litellm model string, e.g. openai/gpt-4o-mini or ollama_chat/qwen2.5, or 'offline' "
                        "(default: $INTERVIEWER_MODEL or config.toml, else an OpenAI/Anthropic key's default "
                        "model, else a local Ollama, else the offline engine)")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="interviewer", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="a headless interview with a scripted candidate",
                         description="Run a whole interview with answers read from FILE "
                                     '({"answers": ["...", ...]}), consumed in order. When they run out the '
                                     "interview wraps up and is judged.")
    run.add_argument("--persona", required=True, help="persona id (see `interviewer personas`) or a YAML path")
    run.add_argument("--answers", required=True, type=Path, metavar="FILE", help="JSON file of answers")
    run.add_argument("--questions", type=int, default=3, metavar="N", help="questions to ask (default 3)")
    run.add_argument("--seed", help="seed for question choice (default: the session id)")
    run.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    _add_model(run)
    run.add_argument("--out", type=Path, metavar="PATH", help="also write the transcript (public format) here")

    judge = sub.add_parser("judge", help="the verdict for a transcript file",
                           description="Judge a transcript in the public format and print the verdict.")
    judge.add_argument("transcript", type=Path, metavar="TRANSCRIPT")
    judge.add_argument("--json", action="store_true", help="print the verdict as JSON")
    _add_model(judge)

    personas = sub.add_parser("personas", help="list the interviewer personas",
                              description="List the personas with their style and emphasis.")
    personas.add_argument("--json", action="store_true", help="print JSON")

    chat = sub.add_parser("chat", help="an interactive interview (the terminal app; --plain for plain text)",
                          description="Interview in the terminal app (the default with no command). With --plain, "
                                      "or when input or output is not a terminal, interview in plain text: finish "
                                      "an answer with an empty line; /repeat shows the question and the latest "
                                      "constraint or follow-up, /end stops and gets the verdict, Ctrl-D saves and "
                                      "quits (a half-written answer is kept as a draft).")
    chat.add_argument("--persona", default=None, help="persona id (preselected in the app; asked for with --plain)")
    chat.add_argument("--questions", type=int, default=3, metavar="N", help="questions to ask (default 3)")
    chat.add_argument("--plain", action="store_true",
                      help="plain-terminal chat, for pipes and screen readers (no full-screen app)")
    chat.add_argument("--coach", action="store_true",
                      help="coach mode: signals shown live and what each interviewer line is testing")
    chat.add_argument("--minutes", type=int, metavar="M", help="time box in minutes (default: none)")
    _add_model(chat)

    resume = sub.add_parser("resume", help="continue a saved interview",
                            description="Continue an unfinished interview where it stopped.")
    resume.add_argument("session_id", metavar="ID")
    resume.add_argument("--plain", action="store_true", help="continue in plain text instead of the terminal app")
    _add_model(resume)

    sessions = sub.add_parser("sessions", help="list saved interviews",
                              description="List saved interviews, newest first.")
    sessions.add_argument("--json", action="store_true", help="print JSON")
    from evals.cli import add_eval_parser  # argparse only: the eval command imports the rest when it runs
    add_eval_parser(sub)
    from evals.interviewer.cli import add_parser as add_eval_interviewer_parser
    add_eval_interviewer_parser(sub)
    return p


def _read_answers(path: Path) -> list[str]:
    text = read_user_file(path, "answers")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: line {exc.lineno}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise UserError(too_deep(path)) from None
    check_depth(data, path)
    answers = data.get("answers") if isinstance(data, dict) else None
    line = json_line(text, ("answers",))
    if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
        raise UserError(f'{path}: line {line}: answers: expected {{"answers": ["...", ...]}}, a list of strings')
    if not any(a.strip() for a in answers):
        raise UserError(f"{path}: line {line}: answers: the list is empty")
    for i, answer in enumerate(answers):
        if len(answer.strip()) > MAX_TURN_CHARS:
            raise UserError(f"{path}: line {json_line(text, ('answers', i))}: answers[{i}]: {len(answer):,} "
                            f"characters; an answer can be at most {MAX_TURN_CHARS:,}")
    return [a for a in answers if a.strip()]


def _warn(lines: list[str]) -> None:
    for line in lines:
        print(f"interviewer: warning: {line}", file=sys.stderr)


def cmd_run(args: argparse.Namespace) -> int:
    from agent.brains import describe_brain, resolve_brain
    from agent.llm.usage import describe
    from agent.render import transcript_text, verdict_markdown
    from agent.session import Interview
    from agent.storage import save_transcript

    if args.out:
        check_output_path(args.out, "--out")
    answers = _read_answers(args.answers)
    brain = resolve_brain(args.model)
    interview = Interview.start(args.persona, questions=args.questions, seed=args.seed, brain=brain)
    print(f"Brain: {describe_brain(brain)}", file=sys.stderr)
    _warn(interview.warnings)
    try:
        for answer in answers:
            if interview.finished:
                break
            interview.answer(answer)
        interview.end()
        transcript = interview.transcript()
        verdict = interview.verdict
    finally:
        interview.close()
    usage_total = transcript.metadata.get("usage_total")
    if args.out:
        save_transcript(transcript, args.out)
    notices = transcript.metadata.get("notices", [])
    if args.json:
        print(json.dumps({"session_id": transcript.id, "persona": transcript.persona,
                          "turns": [t.model_dump(exclude_none=True) for t in transcript.turns],
                          "verdict": verdict.model_dump(mode="json"), "brain": brain.name, "notices": notices,
                          "usage": usage_total}, indent=2))
    else:
        print(transcript_text(transcript))
        print()
        print(verdict_markdown(verdict, transcript))
        for notice in notices:
            print(f"Notice: {notice}")
        if usage_total:
            print(describe(usage_total))
    return 0


def cmd_judge(args: argparse.Namespace) -> int:
    from agent.brains import describe_brain, resolve_brain
    from agent.llm.usage import describe, summarize
    from agent.render import verdict_markdown
    from agent.storage import load_transcript

    transcript = load_transcript(args.transcript)
    brain = resolve_brain(args.model)
    print(f"Brain: {describe_brain(brain)}", file=sys.stderr)
    verdict = brain.judge(transcript)
    print(verdict.model_dump_json(indent=2) if args.json else verdict_markdown(verdict, transcript))
    if verdict.usage:
        print(describe(summarize([verdict.usage])), file=sys.stderr)
    return 0


def cmd_personas(args: argparse.Namespace) -> int:
    from agent.persona import load_all_personas

    personas = load_all_personas()
    if args.json:
        print(json.dumps([{
            "id": p.id, "name": p.name, "tagline": p.tagline, "style": p.style.model_dump(),
            "emphasis": p.emphasis, "questions": len(p.questions)} for p in personas], indent=2))
        return 0
    for p in personas:
        top = sorted(p.emphasis, key=p.emphasis.get, reverse=True)[:3]
        print(f"{p.id:<9} {p.name}: {p.tagline}")
        print(f"{'':<9} tone: {p.style.tone} | ambiguity {p.style.ambiguity}, pushback {p.style.pushback}"
              f" | weighs {', '.join(top)} | {len(p.questions)} questions")
    return 0


def cmd_sessions(args: argparse.Namespace) -> int:
    from agent.storage import list_sessions

    sessions = list_sessions()
    if args.json:
        print(json.dumps([{"id": t.id, "persona": t.persona, "status": t.metadata.get("status"),
                           "updated_at": t.metadata.get("updated_at"),
                           "recommendation": (t.metadata.get("verdict") or {}).get("recommendation")}
                          for t in sessions], indent=2))
        return 0
    if not sessions:
        print("No saved interviews yet. Start one with `interviewer chat`.")
        return 0
    for t in sessions:
        rec = (t.metadata.get("verdict") or {}).get("recommendation", "")
        print(f"{t.id:<34} {t.persona:<9} {t.metadata.get('status', '?'):<12} {rec:<13} "
              f"{t.metadata.get('updated_at', '')}")
    return 0


def _wants_app(args: argparse.Namespace) -> bool:
    """The full-screen app needs a terminal on both ends; `--plain` and pipes get the plain chat."""
    return not args.plain and sys.stdin.isatty() and sys.stdout.isatty()


def cmd_chat(args: argparse.Namespace) -> int:
    if args.minutes is not None and args.minutes < 1:
        raise UserError(f"--minutes {args.minutes}: a time box is at least 1 minute")
    if _wants_app(args):
        from tui.app import run

        return run(model=args.model, persona=args.persona, questions=args.questions, coach=args.coach,
                   minutes=args.minutes)
    from agent.plain_chat import chat

    return chat(persona=args.persona, questions=args.questions, model=args.model, coach=args.coach,
                minutes=args.minutes)


def cmd_resume(args: argparse.Namespace) -> int:
    from agent.storage import check_session_id

    check_session_id(args.session_id)
    if _wants_app(args):
        from tui.app import run

        return run(model=args.model, resume_id=args.session_id)
    from agent.plain_chat import chat

    return chat(resume_id=args.session_id, model=args.model)


def cmd_eval(args: argparse.Namespace) -> int:
    from evals.cli import cmd_eval as run_eval

    return run_eval(args)


def cmd_eval_interviewer(args: argparse.Namespace) -> int:
    from evals.interviewer.cli import cmd

    return cmd(args)


COMMANDS = {"run": cmd_run, "judge": cmd_judge, "personas": cmd_personas, "chat": cmd_chat,
            "resume": cmd_resume, "sessions": cmd_sessions, "eval": cmd_eval, "eval-interviewer": cmd_eval_interviewer}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "chat"
    if args.command is None:
        args = parser.parse_args(["chat"])
    try:
        return COMMANDS[command](args)
    except UserError as err:
        print(f"interviewer: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("\ninterviewer: interrupted; your answers are saved (`interviewer sessions`).", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
