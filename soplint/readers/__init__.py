"""Readers: any input file -> list of SOP models (one per SOP, in order).

A reader is a :class:`Reader` offered through the ``soplint_readers`` hook
(:mod:`soplint.hookspec`); soplint's own readers (.docx, .doc, .json, .yaml)
come from the built-in plugin :mod:`soplint.builtin` through that same hook.
:func:`read_path` picks the reader by the file's ending and runs it with
:class:`ReadOptions`.

No reader talks to a writer; they meet at :mod:`soplint.model`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Union

from soplint.errors import UnreadableFile
from soplint.model import SOP


@dataclass(frozen=True)
class ReadOptions:
    """What a reader is told about the run (one object for every file).

    Make a variant with :meth:`replace` (``dataclasses.replace``)."""

    #: the run's ``[limits]`` table with the ``--limit`` options on top
    #: (hyphenated names, numbers): preflight's limits and the names readers
    #: declare in :attr:`Reader.limits`
    limits: Mapping[str, Any] = field(default_factory=dict)
    #: the run's configuration (:class:`soplint.config.Config`), if any
    config: Any = None
    #: the batch's per-file time (seconds) and memory (MB) limits, for
    #: readers that start helpers of their own (``None``/0: none)
    timeout: Optional[float] = None
    memory_mb: Optional[int] = None
    #: LibreOffice for .doc/RTF: the program (else ``SOPLINT_SOFFICE``, then
    #: ``soffice`` on PATH) and its time limit in seconds
    soffice: Optional[str] = None
    soffice_timeout: float = 120.0
    #: what ``sumber.berkas`` / ``sumber.format`` say when a reader reads a
    #: converted copy (the .doc reader hands LibreOffice's .docx to the .docx reader)
    source_name: Optional[str] = None
    source_format: Optional[str] = None
    #: minutes in a working day, for durations given in days
    hari_menit: float = 480

    @classmethod
    def of(cls, value: Union["ReadOptions", Mapping, None]) -> "ReadOptions":
        """``value`` itself, defaults for ``None``, or the fields named in a
        mapping (``{"limits": ..., "soffice": ...}``; ``None`` values and
        unknown keys are left out)."""
        if isinstance(value, cls):
            return value
        if not value:
            return cls()
        names = {f.name for f in dataclasses.fields(cls)}
        kw = {k: v for k, v in dict(value).items() if k in names and v is not None}
        return cls(**kw)

    def replace(self, **changes) -> "ReadOptions":
        return dataclasses.replace(self, **changes)

    def limit(self, name: str, default=None):
        """One limit of :attr:`limits` (``max-pages`` or ``max_pages``)."""
        key = name.replace("_", "-")
        return self.limits.get(key, self.limits.get(name, default)) if self.limits else default

    def preflight_limits(self):
        """The :class:`soplint.preflight.Limits` for zip packages (the names
        of :attr:`limits` that preflight knows)."""
        from soplint.preflight import Limits

        if not self.limits:
            return Limits()
        known = {f.name for f in dataclasses.fields(Limits)}
        return Limits.from_options({k: v for k, v in self.limits.items() if k.replace("-", "_") in known})


@dataclass(frozen=True)
class Reader:
    """One input format. See ``soplint_readers`` in :mod:`soplint.hookspec`."""

    #: short name, shown in messages ("docx", "pdf")
    name: str
    #: the lower-case file endings it reads, with the dot (``(".pdf",)``)
    suffixes: tuple
    #: ``read(path: Path, options: ReadOptions) -> list[SOP]``
    read: Callable[[Path, ReadOptions], list]
    #: endings looked for when a folder is given (default: :attr:`suffixes`);
    #: a file named on the command line is read whatever it ends with
    folder_suffixes: Optional[tuple] = None
    #: reads soplint's own model files (JSON/YAML), not documents: ``check``
    #: does not look for them in folders, ``convert`` does
    models: bool = False
    #: limits this reader understands beyond preflight's: ``{name: default}``
    #: (hyphenated, e.g. ``{"max-pages": 200}``); they may be set in
    #: ``[limits]`` and with ``--limit`` and reach :meth:`read` in
    #: :attr:`ReadOptions.limits`
    limits: Mapping[str, Any] = field(default_factory=dict)
    #: the plugin that registered it (filled in by soplint)
    plugin: str = ""
    #: ``prepare() -> None``, optional: load what :attr:`read` needs (its
    #: modules, the libraries they map) once, before the batch sets its
    #: per-file memory limit and forks its workers. A module first imported
    #: under a low limit fails to load, or loads half (``hashlib`` without its
    #: hashes), and stays that way for the files after; forked workers
    #: inherit what is loaded. Errors here are ignored: reading reports them.
    prepare: Optional[Callable[[], None]] = None

    def found_in_folders(self) -> tuple:
        return tuple(self.suffixes if self.folder_suffixes is None else self.folder_suffixes)


def prepare(things) -> None:
    """Call each reader's or writer's :attr:`Reader.prepare` once (see there);
    a failure is left for the reading or writing to report."""
    seen = set()
    for thing in things:
        hook = getattr(thing, "prepare", None)
        if hook is None or id(hook) in seen:
            continue
        seen.add(id(hook))
        try:
            hook()
        except Exception:  # the read of a file reports it, as the file's own error
            pass


def readers_for(paths, readers) -> list:
    """The readers that :func:`read_path` will pick for ``paths``."""
    out = []
    for suffix in sorted({Path(p).suffix.lower() for p in paths}):
        reader = readers.get(suffix)
        if reader is not None and reader not in out:
            out.append(reader)
    return out


def builtin_readers() -> dict:
    """``{suffix: Reader}`` of soplint's own readers, for callers without a
    plugin manager (tools, tests)."""
    from soplint import builtin

    out: dict = {}
    for reader in builtin.soplint_readers():
        for suffix in reader.suffixes:
            out.setdefault(suffix, reader)
    return out


def read_path(path, options: Union[ReadOptions, Mapping, None] = None,
              readers: Optional[Mapping[str, Reader]] = None) -> list[SOP]:
    """Read one file with the reader for its ending (``readers``: ``{suffix:
    Reader}``, by default soplint's own). Raises :class:`UnreadableFile`
    with a bilingual message for anything that cannot be read, a reader's
    unexpected exception included (:func:`soplint.errors.unreadable`)."""
    from soplint.errors import out_of_memory, unreadable

    path = Path(path)
    options = ReadOptions.of(options)
    if readers is None:
        readers = builtin_readers()
    if not path.exists():
        raise UnreadableFile("missing", "Berkas tidak ditemukan: {p}", "File not found: {p}", p=path)
    reader = readers.get(path.suffix.lower())
    if reader is None:
        names = _shown_suffixes(readers)
        raise UnreadableFile(
            "unsupported",
            "Jenis berkas tidak didukung: {p} (gunakan {a} atau {b})",
            "Unsupported file type: {p} (use {a} or {b})",
            p=path, a=", ".join(names[:-1]), b=names[-1] if names else "")
    try:
        return list(reader.read(path, options) or [])
    except UnreadableFile:
        raise
    except Exception as exc:  # a reader's bug (a plugin's included) must not stop the batch
        if out_of_memory(exc):  # reported by the batch, which knows the memory limit in force
            raise MemoryError(str(exc)) from None
        raise unreadable(exc, reader=reader) from None


def _shown_suffixes(readers) -> list:
    """The endings named in the unsupported-file message: each reader's
    first one (".docx, .doc, .json atau .yaml" for the built-in readers)."""
    out = []
    for reader in readers.values():
        first = tuple(reader.suffixes)[:1]
        if first and first[0] not in out:
            out.append(first[0])
    return out
