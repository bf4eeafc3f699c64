"""Prompt templates (Markdown with named placeholders) shipped in the wheel."""
