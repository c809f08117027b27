"""What Python compiles again in every run, kept from one run to the next:
regular-expression programs and the methods :mod:`dataclasses` generates.

The interpreter keeps the bytecode of every imported module (``.pyc``), but
two things are compiled from text each time a process starts: each regular
expression (Python's pattern compiler is written in Python) and each
dataclass's ``__init__``/``__repr__``/``__eq__`` (generated as source text and
passed to :func:`exec`). A one-file ``check`` compiles about 200 patterns and
50 classes' methods that way: about a fifth of its start-up. This module keeps
their results in one file in the user's cache folder, keyed by the exact
text compiled, so a later run loads them instead (``bench/throughput.py``
prints the gain).

It is a speed measure of the command-line process only: the entry point
(:func:`soplint.__main__.run`) installs it, saves what was new as the process
ends, and nothing else calls it; soplint used as a library changes nothing.
``SOPLINT_NO_CACHE=1`` turns it off; ``SOPLINT_CACHE_DIR`` moves it. A cache
that is missing, unreadable, from another Python build or of an unexpected
shape is ignored and rewritten; one that cannot be written is left alone.

What is kept is exactly what the standard library would produce from the
same text in the same interpreter build:

* patterns: the arguments ``re``'s compiler hands to ``_sre.compile`` (the
  program, group count and names), recorded as it compiles a pattern the
  first time and replayed for the same pattern text and flags;
* dataclass methods: the code object of ``compile(text)`` for the exact
  text :mod:`dataclasses` passes to ``exec``.
"""
from __future__ import annotations

import builtins
import marshal
from array import array
import os
import sys
import threading
from pathlib import Path

#: bump when the layout of the file changes
FORMAT = 2
#: entries kept at most per kind; past that only those of the last run are kept
MAX_ENTRIES = 4000

_installed = None


def cache_file() -> Path | None:
    """The cache file of this interpreter build; None where there is no
    absolute folder for it (no home directory: a relative "~" would put the
    cache in the folder the command runs in)."""
    folder = os.environ.get("SOPLINT_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "soplint")
    if not os.path.isabs(folder):
        return None
    tag = sys.implementation.cache_tag or "python"
    return Path(folder) / f"compiled-{tag}-{sys.hexversion:x}.marshal"


def _stamp() -> tuple:
    import _sre

    return (FORMAT, sys.hexversion, sys.implementation.name, getattr(_sre, "MAGIC", 0))


class _SreRecorder:
    """Stands in for the ``_sre`` module inside ``re``'s compiler: passes
    everything on, and notes (per thread) the arguments of the last
    ``compile`` call."""

    def __init__(self, real):
        self._real = real
        self._local = threading.local()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def compile(self, pattern, *args):
        self._local.last = args
        return self._real.compile(pattern, *args)

    def take(self):
        args, self._local.last = getattr(self._local, "last", None), None
        return args


class CompileCache:
    def __init__(self, path: Path):
        self.path = path
        #: (bytes?, pattern, flags) -> arguments of ``_sre.compile`` after the pattern
        self.patterns: dict = {}
        #: source text -> code object
        self.code: dict = {}
        self.used: set = set()
        self.new = 0
        self._undo: list = []

    # -- the file ----------------------------------------------------------
    def load(self) -> None:
        """Read the file if it is this interpreter build's and safe to trust
        (on POSIX: the user's own, writable by nobody else)."""
        try:
            with open(self.path, "rb") as fh:
                if os.name == "posix":
                    st = os.fstat(fh.fileno())
                    if st.st_uid != os.getuid() or st.st_mode & 0o022:
                        return
                data = marshal.loads(fh.read())
        except (OSError, EOFError, ValueError, TypeError):
            return
        if not (isinstance(data, tuple) and len(data) == 3 and data[0] == _stamp()
                and isinstance(data[1], dict) and isinstance(data[2], dict)):
            return
        self.patterns, self.code = data[1], data[2]

    def save(self) -> None:
        """Write the cache if this run compiled something new: atomically,
        readable and writable by the user only. Past :data:`MAX_ENTRIES` of a
        kind only what this run used is kept (a run that alone compiles more
        than that writes nothing). A folder that cannot be written is left
        alone."""
        if not self.new:
            return
        self.new = 0
        patterns, code = self.patterns, self.code
        if len(patterns) > MAX_ENTRIES or len(code) > MAX_ENTRIES:
            patterns = {k: v for k, v in patterns.items() if k in self.used}
            code = {k: v for k, v in code.items() if k in self.used}
            if len(patterns) > MAX_ENTRIES or len(code) > MAX_ENTRIES:
                return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            data = marshal.dumps((_stamp(), patterns, code))
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            try:
                tmp.unlink()
            except OSError:
                pass

    # -- the hooks ---------------------------------------------------------
    def install(self) -> None:
        self._install_patterns()
        self._install_dataclasses()

    def uninstall(self) -> None:
        for undo in reversed(self._undo):
            undo()
        self._undo.clear()

    def _install_patterns(self) -> None:
        import re

        compiler = getattr(re, "_compiler", None)  # Python 3.11 and later
        real_sre = getattr(compiler, "_sre", None)
        original = getattr(compiler, "compile", None)
        if compiler is None or real_sre is None or original is None:
            return
        recorder = _SreRecorder(real_sre)
        # the array type whose items are the size of the pattern compiler's code words
        code_type = next((t for t in "IL" if array(t).itemsize == getattr(real_sre, "CODESIZE", 0)), None)
        debug = re.DEBUG
        patterns, used = self.patterns, self.used

        def compile_pattern(p, flags=0):
            if not isinstance(p, (str, bytes)) or flags & debug:
                return original(p, flags)
            key = (isinstance(p, bytes), p, int(flags))  # flags may be a RegexFlag
            args = patterns.get(key)
            if args is not None:
                used.add(key)
                return real_sre.compile(p, args[0], array(code_type, args[1]).tolist(), args[2], dict(args[3]),
                                        args[4])
            recorder.take()
            compiled = original(p, flags)
            args = recorder.take()
            if args is not None and len(args) == 5 and code_type:
                # the program as machine words (a list of ints would take five times the room and the time to load)
                patterns[key] = (int(args[0]), array(code_type, args[1]).tobytes(), int(args[2]), dict(args[3]),
                                 tuple(args[4]))
                used.add(key)
                self.new += 1
            return compiled

        compiler._sre = recorder
        compiler.compile = compile_pattern

        def undo():
            compiler._sre = real_sre
            compiler.compile = original

        self._undo.append(undo)

    def _install_dataclasses(self) -> None:
        import dataclasses

        code, used = self.code, self.used
        missing = object()
        before = dataclasses.__dict__.get("exec", missing)

        def exec_cached(source, globals=None, locals=None, /):
            if isinstance(source, str):
                compiled = code.get(source)
                if compiled is None:
                    compiled = compile(source, "<string>", "exec", dont_inherit=True)
                    code[source] = compiled
                    self.new += 1
                used.add(source)
                source = compiled
            return builtins.exec(source, globals, locals)

        dataclasses.exec = exec_cached

        def undo():
            if before is missing:
                del dataclasses.exec
            else:
                dataclasses.exec = before

        self._undo.append(undo)


def install() -> CompileCache | None:
    """Load this build's cache and hook it in (once per process); None when
    turned off."""
    global _installed
    if _installed is not None:
        return _installed
    path = cache_file()
    if os.environ.get("SOPLINT_NO_CACHE") or path is None:
        return None
    cache = CompileCache(path)
    cache.load()
    cache.install()
    _installed = cache
    return cache


def save() -> None:
    """Write what this process compiled that the cache did not hold."""
    if _installed is not None:
        _installed.save()
