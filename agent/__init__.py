"""The interview engine: graph, brains, personas, judge. Never imports Textual."""
