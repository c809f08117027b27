"""Writers: SOP model -> output file. Writers never read source documents.

A writer is a :class:`Writer` offered through the ``soplint_writers`` hook
(:mod:`soplint.hookspec`); ``convert --to NAME`` picks it by name. soplint's
own (docx, json, yaml) come from the built-in plugin :mod:`soplint.builtin`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional


@dataclass(frozen=True)
class Writer:
    """One output format. See ``soplint_writers`` in :mod:`soplint.hookspec`."""

    #: the ``--to`` name ("docx", "json")
    name: str
    #: the ending of the files it writes, with the dot (".docx")
    suffix: str
    #: ``write(sop: SOP, path: Path, options: dict) -> None``; writes
    #: ``path`` atomically (:mod:`soplint.atomic`)
    write: Callable
    #: the plugin that registered it (filled in by soplint)
    plugin: str = ""
    #: ``prepare() -> None``, optional: load the writer's modules before the
    #: batch's per-file limits (as :attr:`soplint.readers.Reader.prepare`)
    prepare: Optional[Callable[[], None]] = None
