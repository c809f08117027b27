"""Exceptions that carry a user-facing, bilingual message."""
from __future__ import annotations


def utf8_text(text: str) -> str:
    """``text`` as it can be written in UTF-8: a file name that is not valid
    in the file system's encoding (Python keeps its bytes as lone
    surrogates) gets U+FFFD for the bad bytes. Messages name files, and go
    into JSON, SARIF and HTML reports."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:  # the file system's escaped bytes back, then decoded with U+FFFD
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # some other lone surrogate
        return text.encode("utf-8", "replace").decode("utf-8")


class SoplintError(Exception):
    """Base class; ``str(exc)`` is the message for the current language."""

    def __init__(self, id_text: str, en_text: str, **kw):
        self.id_text = utf8_text(id_text.format(**kw) if kw else id_text)
        self.en_text = utf8_text(en_text.format(**kw) if kw else en_text)
        super().__init__(self.id_text)

    def __str__(self) -> str:
        from soplint.i18n import lang

        return self.en_text if lang() == "en" else self.id_text


class UnreadableFile(SoplintError):
    """The file cannot be read (reported as DK01; the batch goes on).

    ``kind`` names the cause for machines: "not-zip", "encrypted", "ole-doc",
    "zip-bomb", "too-large", "xml-entities", "truncated", "empty",
    "missing-part", "no-libreoffice", "timeout", "memory", "unsupported",
    "invalid-model", "damaged", "no-text" (a PDF without a text layer).
    """

    def __init__(self, kind: str, id_text: str, en_text: str, **kw):
        self.kind = kind
        super().__init__(id_text, en_text, **kw)


class UsageError(SoplintError):
    """Bad command line or configuration (exit code 2)."""


def cannot_write(path, exc: OSError) -> UsageError:
    """An output that could not be written (a full disk, no permission): the
    message names the file and the system's reason, never a traceback."""
    return UsageError("{p} tidak dapat ditulis: {e}", "{p} cannot be written: {e}",
                      p=path, e=exc.strerror or exc)


def out_of_memory(exc) -> bool:
    """Is ``exc`` the memory running out in disguise? Under a low memory
    limit, loading a compiled module fails with an ImportError ("failed to
    map segment from shared object"), a system call with ENOMEM, and lxml's
    parser with an XMLSyntaxError "unknown error" at line 0 whose code is
    libxml2's ERR_NO_MEMORY."""
    import errno

    if isinstance(exc, MemoryError):
        return True
    if isinstance(exc, OSError) and exc.errno == errno.ENOMEM:
        return True
    if _xml_out_of_memory(exc):
        return True
    return isinstance(exc, (ImportError, OSError)) and mapping_failed(str(exc))


def mapping_failed(text: str) -> bool:
    """Does a loader's message (Python's, ctypes', a helper program's
    stderr) say a shared library could not be mapped for want of memory?"""
    text = text.lower()
    return "failed to map segment" in text or "cannot allocate memory" in text


def _xml_out_of_memory(exc) -> bool:
    import sys

    etree = sys.modules.get("lxml.etree")  # no lxml loaded: not an lxml error
    if etree is None or not isinstance(exc, etree.Error):
        return False
    no_memory = etree.ErrorTypes.ERR_NO_MEMORY
    if getattr(exc, "code", None) == no_memory:
        return True
    return any(entry.type == no_memory for entry in getattr(exc, "error_log", None) or ())


def unreadable(exc: BaseException, *, reader=None, label: str = "", memory_mb=None) -> UnreadableFile:
    """The one place where an unexpected exception becomes the reason a file
    is reported unreadable (DK01) while the batch goes on.

    ``reader`` (a :class:`soplint.readers.Reader`) is given when the reader
    raised: the file could not be read ("damaged", naming a plugin's reader
    by its plugin). Without it the exception escaped the per-file work of a
    batch (``label`` names the file): a bug, kind "internal", with the
    traceback when ``SOPLINT_DEBUG`` is set. A :class:`MemoryError` is kind
    "memory" either way, and so is the memory running out in disguise
    (:func:`out_of_memory`)."""
    import os

    if isinstance(exc, UnreadableFile):
        return exc
    debug = bool(os.environ.get("SOPLINT_DEBUG"))
    if reader is not None:
        if debug:
            import traceback

            traceback.print_exception(exc)
        if out_of_memory(exc):
            return UnreadableFile("memory", "Memori tidak cukup untuk membaca berkas",
                                  "Not enough memory to read the file")
        if isinstance(exc, RecursionError):
            return UnreadableFile("damaged", "Struktur berkas terlalu dalam atau rusak",
                                  "The file's structure is too deep or damaged")
        detail = f"{type(exc).__name__}: {exc}"
        if getattr(reader, "plugin", "") and not str(reader.plugin).startswith("soplint."):
            detail = f"{detail}; plugin {reader.plugin}"
        return UnreadableFile("damaged", "Berkas tidak dapat dibaca ({e})", "The file cannot be read ({e})",
                              e=detail)
    if out_of_memory(exc) and not memory_mb:
        return UnreadableFile("memory", "{p}: memori tidak cukup untuk membaca berkas; berkas dilewati",
                              "{p}: not enough memory to read the file; the file was skipped", p=label)
    if out_of_memory(exc):
        return UnreadableFile("memory",
                              "{p}: pembacaan melebihi batas memori {n} MB; berkas dilewati",
                              "{p}: reading needed more than the {n} MB memory limit; the file was skipped",
                              p=label, n=memory_mb)
    tb = ""
    if debug and not isinstance(exc, RecursionError):
        import traceback

        tb = "\n" + "".join(traceback.format_exception(exc))
    limit = 200 if isinstance(exc, RecursionError) else 300
    return UnreadableFile("internal",
                          "{p}: kesalahan internal saat membaca ({t}: {m}); mohon laporkan{d}",
                          "{p}: internal error while reading ({t}: {m}); please report it{d}",
                          p=label, t=type(exc).__name__, m=str(exc)[:limit], d=tb)


# --------------------------------------------------------------------------- the batch's own reasons

def timeout_error(label: str, seconds: float) -> UnreadableFile:
    return UnreadableFile("timeout",
                          "{p}: pembacaan melebihi batas waktu {n} detik; berkas dilewati",
                          "{p}: reading took longer than the {n} s time limit; the file was skipped",
                          p=label, n=int(seconds) if float(seconds).is_integer() else seconds)


def memory_limit_error(label: str, mb: int) -> UnreadableFile:
    return unreadable(MemoryError(), label=label, memory_mb=mb)


def crash_error(label: str, code, memory_mb=None) -> UnreadableFile:
    """A worker died of signal or exit ``code``; ``memory_mb``: a low memory
    limit it ran under, where C libraries may crash rather than fail when
    they cannot allocate (the message names it)."""
    if memory_mb:
        return UnreadableFile("crash",
                              "{p}: proses pembaca berhenti tak terduga ({c}) di bawah batas memori {n} MB; "
                              "berkas dilewati",
                              "{p}: the reading process stopped unexpectedly ({c}) under the {n} MB memory "
                              "limit; the file was skipped",
                              p=label, c=code, n=memory_mb)
    return UnreadableFile("crash",
                          "{p}: proses pembaca berhenti tak terduga ({c}); berkas dilewati",
                          "{p}: the reading process stopped unexpectedly ({c}); the file was skipped",
                          p=label, c=code)
