"""The offline engine's vocabulary: one compiled regular expression per behaviour, read from the knowledge files.

The phrases themselves are data (`agent/knowledge/<name>.toml`, one file per name below, each pattern with an example
sentence it must match; tests/test_knowledge.py holds them to it). This module only names them for the detector,
whose method (negation and hedge scope, grounding, responsiveness, aggregation) is code. Cues describe
*behaviours* (asking where labels come from, naming what is sacrificed), not topic words.
"""

from __future__ import annotations

from agent.knowledge import lexicon

FRAMES = lexicon("frames").regex
TRADEOFF = lexicon("tradeoff").regex
DATA = lexicon("data").regex
PASSING = lexicon("passing").regex
PIVOT = lexicon("pivot").regex
DATA_DISMISSAL = lexicon("data_dismissal").regex
SIMPLE = lexicon("simple").regex
IMPACT = lexicon("impact").regex
UNCERTAIN = lexicon("uncertain").regex
OWNERSHIP_WEAK = lexicon("ownership_weak").regex
OWNERSHIP = lexicon("ownership").regex
CONCESSION = lexicon("concession").regex
ACTION = lexicon("action").regex
ADAPT = lexicon("adapt").regex
DEFENSIVE = lexicon("defensive").regex
KEEPS = lexicon("keeps").regex
OVERCONFIDENT_WEAK = lexicon("overconfident_weak").regex
OVERCONFIDENT = lexicon("overconfident").regex
COMPLEX = lexicon("complex").regex
CONDITIONAL = lexicon("conditional").regex
METRICS = lexicon("metrics").regex
METRIC_PUSH = lexicon("metric_push").regex
THEORY = lexicon("theory").regex
TOOLS = lexicon("tools").regex
BUZZ = lexicon("buzz").regex
DECISION = lexicon("decision").regex
REDIRECT = lexicon("redirect").regex
HOPPING = lexicon("hopping").regex
MAYBE = lexicon("tentative").regex
BRANCH = lexicon("branch").regex
CONNECTIVE = lexicon("connective").regex
INJECTION = lexicon("injection").regex
JOB_TALK = lexicon("job_talk").regex
