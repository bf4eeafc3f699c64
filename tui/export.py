"""Writing a verdict to disk as Markdown (the core's rendering) and as a standalone HTML page."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agent.models import Transcript, Verdict

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #9995; padding: .25rem .5rem; vertical-align: top; }}
blockquote {{ margin: .25rem 0 .5rem 1rem; color: #555; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #1e1e1e; color: #ddd; }} blockquote {{ color: #aaa; }} }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def default_export_path(session_id: str) -> Path:
    from agent.storage import data_home

    return data_home() / "exports" / f"{session_id}.md"


def markdown_to_html(markdown: str, title: str) -> str:
    """A self-contained page. Raw HTML in the source is escaped, since candidate quotes are untrusted text."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return _PAGE.format(title=html.escape(title), body=body)


def export_markdown(verdict: Verdict, transcript: Transcript, persona_name: str | None = None) -> str:
    """The verdict, then the whole transcript with turn numbers, so each quote's "turn N" can be looked up."""
    from agent.render import transcript_markdown, verdict_markdown

    return verdict_markdown(verdict, transcript, persona_name) + "\n" + transcript_markdown(transcript)


def export_verdict(verdict: Verdict, transcript: Transcript, path: Path,
                   persona_name: str | None = None) -> tuple[Path, Path]:
    """Write `path` (Markdown) and the same name with `.html`; returns both paths."""
    from agent.storage import atomic_write

    markdown = export_markdown(verdict, transcript, persona_name)
    md_path = path.with_suffix(".md") if path.suffix.lower() in ("", ".html", ".htm") else path
    html_path = md_path.with_suffix(".html")
    atomic_write(md_path, markdown)
    title = f"Interview verdict: {persona_name or transcript.persona}, {transcript.id}"
    atomic_write(html_path, markdown_to_html(markdown, title))
    return md_path, html_path
