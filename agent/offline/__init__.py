"""The embedded offline engine: detector, phrasing, judge."""
