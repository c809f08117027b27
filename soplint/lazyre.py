"""Regular expressions compiled on first use.

Compiling a pattern costs more than most runs' use of it when only some
documents or rare paths need it: Python's pattern compiler is written in
Python, and a one-file ``check`` would spend a good part of its start-up
compiling patterns it never uses. Patterns used on nearly every file are
compiled at import as usual.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Callable


def lazy_pattern(pattern, flags: int = 0) -> Callable[[], re.Pattern]:
    """A function returning ``re.compile(pattern, flags)``, compiled at its
    first call."""
    return cache(lambda: re.compile(pattern, flags))
