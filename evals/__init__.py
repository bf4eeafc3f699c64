"""Offline evaluation of the judge against labelled transcripts."""
