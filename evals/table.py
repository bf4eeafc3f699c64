"""The terminal rendering of an eval document: plain aligned text, readable in a CI log."""

from __future__ import annotations

from evals.rows import Table, check_lines, confusion_rows, figure_rows, num, signal_rows, slice_rows


def _grid(table: Table, indent: str = "  ") -> list[str]:
    """Columns padded to width: the first left-aligned, the rest right-aligned."""
    header, rows = table
    lines = [header, *rows]
    widths = [max(len(r[k]) for r in lines) for k in range(len(header))]
    return [(indent + "  ".join(c.ljust(w) if k == 0 else c.rjust(w)
                                for k, (c, w) in enumerate(zip(r, widths, strict=True)))).rstrip()
            for r in lines]


def _disagreements(doc: dict) -> list[str]:
    lines = []
    for t in doc["transcripts"]:
        d = t["disagreements"]
        parts = [f"band {t['band']} (labelled {t['labelled_band']})"] if d["band"] else []
        parts += [f"missed {', '.join(d['missed'])}"] if d["missed"] else []
        parts += [f"extra {', '.join(d['extra'])}"] if d["extra"] else []
        if parts:
            lines.append(f"  {t['id']}: " + "; ".join(parts))
    return lines or ["  none"]


def _money(value: float | None) -> str:
    return "cost unknown" if value is None else f"${value:.4f}"


def _usage(u: dict, n: int) -> list[str]:
    if not u["with_usage"]:
        lines = ["  tokens and cost unknown: the judge reported no usage per transcript"]
    else:
        lines = [f"  {u['with_usage']}/{n} transcripts with usage: {u['tokens']:.0f} tokens "
                 f"({u['tokens_per_transcript']:.0f}/transcript), {_money(u['cost'])}"
                 + ("" if u["cost_per_transcript"] is None else f" ({_money(u['cost_per_transcript'])}/transcript)"),
                 f"  spent this run: {u['spent_this_run']['tokens']:.0f} tokens, "
                 f"{_money(u['spent_this_run']['cost'])}; {u['from_cache']} from cache"]
    lat = u["latency_s"] or {}
    return [*lines, f"  latency mean {num(lat.get('mean'), 2)} s, p50 {num(lat.get('p50'), 2)} s, "
                    f"p95 {num(lat.get('p95'), 2)} s"]


def _baseline(b: dict) -> list[str]:
    lines = [f"  band flips: {len(b['band_flips'])}"]
    lines += [f"    {f['id']}: {f['before']} -> {f['after']} (labelled {f['labelled']})" for f in b["band_flips"]]
    lines.append(f"  signal changes: {len(b['signal_changes'])}")
    lines += [f"    {c['id']}: " + ", ".join([f"+{s}" for s in c["gained"]] + [f"-{s}" for s in c["lost"]])
              for c in b["signal_changes"]]
    for key, label in (("only_in_baseline", "only in baseline"), ("only_in_run", "only in this run")):
        if b[key]:
            lines.append(f"  {label}: {', '.join(b[key])}")
    return lines


def render_table(doc: dict) -> str:
    c = doc["counts"]
    out = [f"interviewer eval {doc['dataset']}: {c['transcripts']} transcripts, judge {doc['judge']['name']}"
           + (f", {c['skipped']} skipped as invalid" if c["skipped"] else "")
           + (f", {c['fallbacks']} from the offline fallback (not cached)" if c["fallbacks"] else ""), ""]
    out += _grid(figure_rows(doc))
    out += ["", "Signals (labelled pairs only)", *_grid(signal_rows(doc))]
    out += ["", "Recommendation by labelled band", *_grid(confusion_rows(doc))]
    out += ["", "Slices", *_grid(slice_rows(doc))]
    if doc["usage"]:
        out += ["", "Usage", *_usage(doc["usage"], c["transcripts"])]
    out += ["", f"Disagreements ({c['disagreeing']} transcripts)", *_disagreements(doc)]
    if doc.get("baseline"):
        out += ["", f"Against baseline ({doc['baseline']['dataset']})", *_baseline(doc["baseline"])]
    out += ["", "Checks", *(f"  {line}" for line in check_lines(doc))]
    return "\n".join(out)
