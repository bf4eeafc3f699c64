"""A self-contained HTML report: the figures, then each disagreement beside its transcript with the quoted
evidence highlighted. Every piece of transcript or label text is HTML-escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from agent.taxonomy import SIGNALS
from evals.highlight import segments, turn_quotes
from evals.judged import Judged
from evals.rows import Table, check_lines, confusion_rows, figure_rows, signal_rows, slice_rows

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:right}
td:first-child,th:first-child{text-align:left}.pass{color:#137333}.fail{color:#b3261e;font-weight:600}
.case{display:grid;grid-template-columns:minmax(240px,1fr) 2.4fr;gap:1.2rem;border:1px solid #ddd;
border-radius:8px;padding:1rem;margin:1rem 0}.case h3{grid-column:1/-1;margin:0;font-size:1rem}
.turn{margin:.35rem 0;padding:.35rem .6rem;border-radius:6px;background:#f6f6f8}
.turn.candidate{background:#eef4ff}.who{font-size:.8rem;color:#555;display:block}
mark{background:#ffe58a;padding:0 .1em}mark.extra{background:#ffb4ab}mark.injection_attempt{background:#d7c8ff}
ul{margin:.2rem 0 .6rem;padding-left:1.2rem}.tag{font-size:.8rem;color:#555}
"""


def _table(table: Table) -> str:
    header, rows = table
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _mark(text: str, quotes: list[tuple[str, str]], extra: set[str]) -> str:
    """Evidence in <mark>, titled with its signals; red when a signal is labelled absent."""
    out = []
    for piece, labels in segments(text, quotes):
        if not labels:
            out.append(escape(piece))
            continue
        cls = "extra" if extra & set(labels) else ("injection_attempt" if "injection_attempt" in labels else "")
        out.append(f'<mark class="{cls}" title="{escape(", ".join(labels))}">{escape(piece)}</mark>')
    return "".join(out)


def _signal_item(signal: str) -> str:
    return f"{escape(SIGNALS[signal].title)} <span class=tag>{signal}</span>"


def _case(j: Judged, entry: dict) -> str:
    d = entry["disagreements"]
    items = []
    if d["band"]:
        items.append(f"<p class=fail>Band: judged <b>{escape(entry['band'])}</b> "
                     f"({escape(entry['recommendation'])}), labelled <b>{escape(entry['labelled_band'])}</b></p>")
    if d["missed"]:
        items.append("<p>Missed (labelled present, not found):</p><ul>"
                     + "".join(f"<li>{_signal_item(s)}</li>" for s in d["missed"]) + "</ul>")
    if d["extra"]:
        evidence = {f.signal: f.evidence for f in j.verdict.signals}
        items.append("<p>Extra (labelled absent, found):</p><ul>" + "".join(
            f"<li>{_signal_item(s)}<br>" + "<br>".join(
                f"<mark class=extra>{escape(ev.quote)}</mark> <span class=tag>turn {ev.turn_index}</span>"
                for ev in evidence[s]) + "</li>" for s in d["extra"]) + "</ul>")
    marks = turn_quotes(j)
    turns = "".join(
        f"<div class=\"turn {t.role}\"><span class=who>[{i}] {t.role}{' · ' + escape(t.kind) if t.kind else ''}"
        f"</span>{_mark(t.text, marks.get(i, []), set(d['extra']))}</div>"
        for i, t in enumerate(j.transcript.turns))
    tid = escape(j.transcript.id)
    return (f"<section class=case id=\"{tid}\"><h3>{tid} <span class=tag>{escape(', '.join(j.transcript.tags))}"
            f"</span></h3><div>{''.join(items)}</div><div>{turns}</div></section>")


def _baseline(b: dict) -> str:
    flips = [(f["id"], f["before"], f["after"], str(f["labelled"])) for f in b["band_flips"]]
    changes = [(c["id"], ", ".join(c["gained"]), ", ".join(c["lost"])) for c in b["signal_changes"]]
    return (f"<h2>Against baseline ({escape(str(b['dataset']))})</h2><p>Band flips: {len(flips)}</p>"
            + _table((("transcript", "before", "after", "labelled"), flips))
            + f"<p>Signal changes: {len(changes)}</p>" + _table((("transcript", "gained", "lost"), changes)))


def render_html(doc: dict, judged: Sequence[Judged]) -> str:
    entries = {t["id"]: t for t in doc["transcripts"]}
    cases = [_case(j, entries[j.transcript.id]) for j in judged if j.disagrees]
    checks = "".join(f"<li class={'pass' if c['passed'] else 'fail'}>{escape(line)}</li>"
                     for c, line in zip(doc["checks"], check_lines(doc), strict=True))
    c = doc["counts"]
    title = f"interviewer eval: {escape(doc['dataset'])}"
    return "".join([
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>",
        f"<style>{CSS}</style></head><body><h1>{title}</h1>",
        f"<p>{c['transcripts']} transcripts, judge <b>{escape(doc['judge']['name'])}</b>, "
        f"{c['skipped']} skipped as invalid, {c['disagreeing']} with a disagreement.</p>",
        "<h2>Figures</h2>", _table(figure_rows(doc)), f"<ul>{checks}</ul>",
        "<h2>Signals</h2>", _table(signal_rows(doc)),
        "<h2>Recommendation by labelled band</h2>", _table(confusion_rows(doc)),
        "<h2>Slices</h2>", _table(slice_rows(doc)),
        _baseline(doc["baseline"]) if doc.get("baseline") else "",
        f"<h2>Disagreements ({len(cases)})</h2>",
        "<p>Highlighted: the evidence the judge quoted; <mark class=extra>red</mark> for a signal labelled absent, "
        "<mark class=injection_attempt>violet</mark> for a flagged injection attempt.</p>",
        *cases, "</body></html>\n",
    ])
