"""The Markdown report: the same content as the HTML one, for a pull-request comment or a wiki page.

Transcript text is HTML-escaped (Markdown renders inline HTML) and its Markdown punctuation backslash-escaped,
so a candidate's words can neither inject markup nor break the layout; evidence is wrapped in `<mark>`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from agent.taxonomy import SIGNALS
from evals.highlight import segments, turn_quotes
from evals.judged import Judged
from evals.rows import Table, check_lines, confusion_rows, figure_rows, signal_rows, slice_rows

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md(text: str) -> str:
    """Text safe to drop into Markdown: HTML-escaped, punctuation escaped, line breaks kept."""
    return _MD_SPECIAL.sub(r"\\\1", escape(text, quote=False)).replace("\n", "<br>")


def _table(table: Table) -> list[str]:
    header, rows = table
    return ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(md(c) for c in r) + " |" for r in rows), ""]


def _case(j: Judged, entry: dict) -> list[str]:
    d = entry["disagreements"]
    out = [f"### {md(j.transcript.id)}", ""]
    if d["band"]:
        out.append(f"- **Band:** judged {entry['band']} ({md(entry['recommendation'])}), "
                   f"labelled {md(entry['labelled_band'])}")
    out += [f"- **Missed:** {SIGNALS[s].title} (`{s}`)" for s in d["missed"]]
    out += [f"- **Extra:** {SIGNALS[s].title} (`{s}`)" for s in d["extra"]]
    out.append("")
    marks = turn_quotes(j)
    for i, t in enumerate(j.transcript.turns):
        text = "".join(md(piece) if not labels else f'<mark title="{escape(", ".join(labels))}">{md(piece)}</mark>'
                       for piece, labels in segments(t.text, marks.get(i, [])))
        out += [f"> **\\[{i}\\] {t.role}**{' · ' + md(t.kind) if t.kind else ''}: {text}", ">"]
    return out[:-1] + [""]


def _baseline(b: dict) -> list[str]:
    return [f"## Against baseline ({md(str(b['dataset']))})", "",
            *_table((("transcript", "band before", "band after", "labelled"),
                     [(f["id"], f["before"], f["after"], str(f["labelled"])) for f in b["band_flips"]])),
            *_table((("transcript", "gained", "lost"),
                     [(x["id"], ", ".join(x["gained"]), ", ".join(x["lost"])) for x in b["signal_changes"]]))]


def render_markdown(doc: dict, judged: Sequence[Judged]) -> str:
    entries = {t["id"]: t for t in doc["transcripts"]}
    cases = [j for j in judged if j.disagrees]
    c = doc["counts"]
    out = [f"# interviewer eval: {md(doc['dataset'])}", "",
           f"{c['transcripts']} transcripts, judge **{md(doc['judge']['name'])}**, {c['skipped']} skipped as "
           f"invalid, {c['disagreeing']} with a disagreement.", "", "## Figures", "", *_table(figure_rows(doc)),
           *(f"- {md(line)}" for line in check_lines(doc)), "",
           "## Signals", "", *_table(signal_rows(doc)),
           "## Recommendation by labelled band", "", *_table(confusion_rows(doc)),
           "## Slices", "", *_table(slice_rows(doc)),
           *(_baseline(doc["baseline"]) if doc.get("baseline") else []),
           f"## Disagreements ({len(cases)})", ""]
    for j in cases:
        out += _case(j, entries[j.transcript.id])
    return "\n".join(out)
