"""soplint's own readers and writers, registered as a plugin through the
public hooks (``soplint_readers``, ``soplint_writers``) exactly as a
third-party package registers its own (see :mod:`soplint.hookspec`).

Nothing heavy is imported here: each reader or writer imports its module
when it first runs.
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
        if exc.kind not in ("ole-doc", "rtf"):
            raise
    from soplint.readers.doc import read as read_doc

    return read_doc(path, options)


def _read_model(path, options):
    from soplint.readers.jsonyaml import read

    return read(path, options)


def _read_pdf(path, options):
    from soplint.readers.pdf import read

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
        Reader("docx", (".docx", ".docm", ".dotx", ".dotm"), _read_word, folder_suffixes=(".docx", ".docm", ".dotx")),
        Reader("doc", (".doc", ".dot", ".rtf"), _read_word, folder_suffixes=(".doc",)),
        Reader("pdf", (".pdf",), _read_pdf, limits={"max-pages": 300}),
        Reader("json", (".json",), _read_model, models=True),
        Reader("yaml", (".yaml", ".yml"), _read_model, models=True),
    ]


@hookimpl
def soplint_writers():
    from soplint.writers import Writer

    return [Writer("docx", ".docx", _write_docx), Writer("json", ".json", _write_json),
            Writer("yaml", ".yaml", _write_yaml)]
