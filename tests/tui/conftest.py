"""TUI tests run in UTC so dates rendered in local time are the same on every machine.

The data home comes from tests/conftest.py (a fresh INTERVIEWER_HOME per test).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def utc() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
