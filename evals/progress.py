"""Progress on stderr: a redrawn bar on a terminal, a plain counter in logs (one line per tenth)."""

from __future__ import annotations

import sys

WIDTH = 30


class Progress:
    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.cached = 0
        self.stream = sys.stderr
        self.tty = self.stream.isatty()

    def advance(self, cached: bool = False) -> None:
        """Called from one thread only (the runner's collecting loop)."""
        self.done += 1
        self.cached += cached
        if self.tty:
            filled = WIDTH * self.done // self.total
            self.stream.write(f"\rjudging [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                self.stream.write("\n")
        elif self.done * 10 // self.total > (self.done - 1) * 10 // self.total:  # crossed a tenth (or the end)
            from_cache = f" ({self.cached} from cache)" if self.cached else ""
            self.stream.write(f"judged {self.done}/{self.total}{from_cache}\n")
        self.stream.flush()
