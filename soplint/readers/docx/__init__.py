"""The .docx reader: Word package -> list of SOP models (one per SOP).

Two stages: :mod:`.ooxml` builds a neutral document tree (:mod:`.tree`) from
the package, the only code here that sees XML; the layout recognisers
(:mod:`.identity`, :mod:`.procedure`, :mod:`.flow`, :mod:`.steps_text`,
:mod:`.split`) turn the tree into models.
"""
from __future__ import annotations

from pathlib import Path

from soplint.model import SOP


def read_document(path, options=None):
    """The document tree of a .docx file (for tools and tests); ``options``:
    :class:`soplint.readers.ReadOptions` (or a mapping of its fields)."""
    from soplint.readers import ReadOptions
    from soplint.readers.docx.ooxml import read_tree
    from soplint.safezip import DocxPackage

    options = ReadOptions.of(options)
    with DocxPackage(path, options.preflight_limits()) as pkg:
        return read_tree(pkg)


def read(path, options=None) -> list[SOP]:
    """Read every SOP of a .docx file, in document order."""
    from soplint.readers.docx.split import build
    from soplint.readers.docx.tree import unlink

    import gc

    from soplint.errors import UnreadableFile
    from soplint.readers import ReadOptions

    options = ReadOptions.of(options)
    # the tree is many small linked objects: the cyclic collector is paused
    # while it is built and read, and its back-references are cut once the
    # models are made, so it is freed at once instead of being traced by
    # the collector (the models hold no tree object)
    enabled = gc.isenabled()
    gc.disable()
    try:
        doc = read_document(path, options)
        sops = build(doc, options)
        tracked, comments = doc.tracked_changes, doc.comments
        unlink(doc)
        del doc
    except RecursionError:
        raise UnreadableFile("damaged", "{p}: struktur dokumen terlalu dalam (tabel/kotak teks bersarang berlebihan)",
                             "{p}: document structure too deep (excessively nested tables/text boxes)",
                             p=Path(path).name) from None
    finally:
        if enabled:
            gc.enable()
    fmt = options.source_format or "docx"
    berkas = options.source_name or str(path)
    for i, sop in enumerate(sops):
        sop.sumber.berkas = berkas
        sop.sumber.indeks = i
        sop.sumber.format = fmt
        sop.sumber.perubahan_terlacak = tracked
        sop.sumber.komentar = comments
    return sops


__all__ = ["read", "read_document"]
