"""`interviewer eval-interviewer`: the parser (argparse only, `agent.cli` builds it on every start) and the command."""

from __future__ import annotations

import argparse
import json

DESCRIPTION = """\
Play scripted candidates of many kinds (strong, hedging, rigid, off-topic, terse, rambling, stuck, injecting,
a clarifier, an anticipator) on every persona with the offline interviewer, headlessly, and report the rate of
each fault a reviewer would flag: phantom references, false redirects, constraints left unaddressed, defensive
lines with no response, repeated templates, clipped references, two questions in one line, constraints that
repeat what the candidate said. `--set heldout` plays the held-out candidates, never used for tuning.
"""
QUESTIONS = 2
EPILOG = """\
exit codes:
  0  no hard fault
  3  at least one hard fault (listed with examples in --json)
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval-interviewer", help="fault rates of the interviewer against scripted candidates",
                       description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--set", dest="candidate_set", choices=("dev", "heldout", "all", "outside"),
                   default="all", help="which scripted candidates to play (default all: dev and held-out; outside: "
                                       "the maintainers' judge scripts, slow)")
    p.add_argument("--questions", type=int, default=QUESTIONS, choices=range(1, 9), metavar="N",
                   help=f"questions per interview (default {QUESTIONS}: with escalation, every constraint kind)")
    p.add_argument("--persona", action="append", metavar="ID", help="only this persona (repeatable)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")


def cmd(args: argparse.Namespace) -> int:
    from evals.interviewer import run
    from evals.interviewer.report import as_json, table

    findings = run(args.candidate_set, args.questions, args.persona)
    report = as_json(findings)
    print(json.dumps(report, indent=2) if args.json else table(findings))
    return 3 if report["total"]["hard_faults"] else 0
