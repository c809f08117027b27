"""Readers: any input file -> list of SOP models (one per SOP, in order).

No reader talks to a writer; they meet at :mod:`soplint.model`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from soplint.errors import UnreadableFile
from soplint.model import SOP


def read_path(path, options: Optional[dict] = None) -> list[SOP]:
    """Read one file by its kind. Raises :class:`UnreadableFile` with a
    bilingual message for anything that cannot be read."""
    path = Path(path)
    options = options or {}
    suffix = path.suffix.lower()
    if not path.exists():
        raise UnreadableFile("missing", "Berkas tidak ditemukan: {p}", "File not found: {p}", p=path)
    if suffix in (".json", ".yaml", ".yml"):
        from soplint.readers.jsonyaml import read

        return read(path, options)
    if suffix in (".doc", ".dot", ".rtf", ".docx", ".docm", ".dotx", ".dotm"):
        # pre-flight on the bytes, whatever the name says: a .doc or RTF behind a
        # .docx name goes to LibreOffice, a .docx renamed .doc is read directly;
        # empty, truncated, encrypted, non-Word files and zip bombs stop here.
        # The package opens with the same checks (preflight.sniff_head and
        # open_zip) and names a Word 97-2003 or RTF file "ole-doc" / "rtf"
        # before anything is inflated, so the file is sniffed once, there.
        from soplint.readers.docx import read

        try:
            return read(path, options)
        except UnreadableFile as exc:
            if exc.kind not in ("ole-doc", "rtf"):
                raise
        from soplint.readers.doc import read as read_doc

        return read_doc(path, options)
    if suffix == ".pdf":
        from soplint.readers.pdf import read as read_pdf

        return read_pdf(path, options)
    for reader in _plugin_readers(options):
        if suffix in tuple(reader.suffixes):
            return list(reader.read(path, options))
    raise UnreadableFile(
        "unsupported",
        "Jenis berkas tidak didukung: {p} (gunakan .docx, .doc, .pdf, .json atau .yaml)",
        "Unsupported file type: {p} (use .docx, .doc, .pdf, .json or .yaml)",
        p=path,
    )


def _plugin_readers(options: dict):
    pm = options.get("plugin_manager")
    if pm is None:
        return []
    readers = []
    for group in pm.hook.soplint_readers():
        readers.extend(group or [])
    return readers
