"""soplint's own readers and writers, registered as a plugin through the
public hooks (``soplint_readers``, ``soplint_writers``) exactly as a
third-party package registers its own (see :mod:`soplint.hookspec`).

Nothing heavy is imported here: each reader or writer imports its modules
in its ``prepare`` (called by the command before the batch's per-file limits)
or when it first runs.
"""
from __future__ import annotations

from soplint.hookspec import hookimpl


def _read_word(path, options):
    """.docx and .doc alike: the package is sniffed on its bytes, whatever the
    name says. A .doc or RTF behind a .docx name goes to LibreOffice, a .docx
    renamed .doc is read directly; empty, truncated, encrypted, non-Word files
    and zip bombs stop in the pre-flight (:mod:`soplint.preflight`), which
    names a Word 97-2003 or RTF file "ole-doc" / "rtf" before anything is
    inflated, so the file is sniffed once."""
    from soplint.errors import UnreadableFile
    from soplint.readers.docx import read

    try:
        return read(path, options)
    except UnreadableFile as exc:
        if exc.kind == "not-zip" and _head(path).startswith(b"%PDF-"):
            return _read_pdf(path, options)  # a PDF saved under a Word name
        if exc.kind not in ("ole-doc", "rtf"):
            raise
    from soplint.readers.doc import read as read_doc

    return read_doc(path, options)


def _head(path) -> bytes:
    """The file's first bytes, leading blanks and a UTF-8 mark dropped."""
    try:
        with open(path, "rb") as fh:
            return fh.read(1024).lstrip(b"\xef\xbb\xbf\r\n\t ")
    except OSError:
        return b""


def _prepare_word():
    import soplint.readers.docx  # noqa: F401
    import soplint.readers.docx.ooxml  # noqa: F401
    import soplint.readers.docx.split  # noqa: F401
    import soplint.safezip  # noqa: F401


def _prepare_doc():
    import soplint.readers.doc  # noqa: F401

    _prepare_word()


def _prepare_json():
    import soplint.readers.jsonyaml  # noqa: F401


def _prepare_yaml():
    import yaml  # noqa: F401

    import soplint.readers.jsonyaml  # noqa: F401


def _prepare_pdf():
    import pypdfium2  # noqa: F401  (maps libpdfium)

    import soplint.readers.pdf.build  # noqa: F401
    import soplint.readers.pdf.extract  # noqa: F401


def _prepare_docx_writer():
    import docx  # noqa: F401  (python-docx: its docx.image loads hashlib, which maps OpenSSL)
    import docx.shared  # noqa: F401

    import soplint.writers.docx  # noqa: F401


def _prepare_json_writer():
    import soplint.writers.jsonyaml  # noqa: F401


def _prepare_yaml_writer():
    import yaml  # noqa: F401

    import soplint.writers.jsonyaml  # noqa: F401


def _read_model(path, options):
    from soplint.readers.jsonyaml import read

    return read(path, options)


def _read_pdf(path, options):
    """A .pdf; a Word file saved under a .pdf name (a zip, Word 97-2003 or
    RTF, by its first bytes) goes to the Word reader, as a PDF under a Word
    name comes here."""
    from soplint.preflight import OLE_MAGIC
    from soplint.readers.pdf import read

    head = _head(path)
    if b"%PDF-" not in head and head.startswith((b"PK\x03\x04", OLE_MAGIC, b"{\\rtf")):
        return _read_word(path, options)
    return read(path, options)


def _write_docx(sop, path, options):
    from soplint.writers.docx import write

    return write(sop, path, options)


def _write_json(sop, path, options):
    from soplint.writers.jsonyaml import write_json

    return write_json(sop, path, options)


def _write_yaml(sop, path, options):
    from soplint.writers.jsonyaml import write_yaml

    return write_yaml(sop, path, options)


@hookimpl
def soplint_readers():
    from soplint.readers import Reader

    return [
        Reader("docx", (".docx", ".docm", ".dotx", ".dotm"), _read_word, folder_suffixes=(".docx", ".docm", ".dotx"),
               prepare=_prepare_word),
        Reader("doc", (".doc", ".dot", ".rtf"), _read_word, folder_suffixes=(".doc",), prepare=_prepare_doc),
        Reader("pdf", (".pdf",), _read_pdf, limits={"max-pages": 300}, prepare=_prepare_pdf),
        Reader("json", (".json",), _read_model, models=True, prepare=_prepare_json),
        Reader("yaml", (".yaml", ".yml"), _read_model, models=True, prepare=_prepare_yaml),
    ]


@hookimpl
def soplint_writers():
    from soplint.writers import Writer

    return [Writer("docx", ".docx", _write_docx, prepare=_prepare_docx_writer),
            Writer("json", ".json", _write_json, prepare=_prepare_json_writer),
            Writer("yaml", ".yaml", _write_yaml, prepare=_prepare_yaml_writer)]
