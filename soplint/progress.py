"""A one-line progress bar for batches (:func:`soplint.batch.run`)."""
from __future__ import annotations

import sys
import time
from typing import Optional


class Progress:
    """A one-line progress bar on a terminal stream (stderr)."""

    def __init__(self, total: Optional[int], stream=None, width: int = 28):
        self.total = total
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self.current = ""
        self._last = 0.0
        self._shown = False

    @staticmethod
    def wanted(no_progress: bool = False, stream=None) -> bool:
        stream = stream or sys.stderr
        if no_progress:
            return False
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    def start(self, name: str) -> None:
        self.current = name
        self._draw()

    def advance(self) -> None:
        self.done += 1
        self._draw(force=self.total is not None and self.done >= self.total)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        if self.total:
            filled = int(self.width * self.done / self.total)
            bar = "#" * filled + "-" * (self.width - filled)
            head = f"[{bar}] {self.done}/{self.total}"
        else:
            head = f"{self.done}"
        name = self.current if len(self.current) <= 40 else "..." + self.current[-37:]
        self.stream.write(f"\r\x1b[2K{head} {name}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
