"""The .docx reader: Word package -> list of SOP models (one per SOP).

Two stages: :mod:`.ooxml` builds a neutral document tree (:mod:`.tree`) from
the package, the only code here that sees XML; the layout recognisers
(:mod:`.identity`, :mod:`.procedure`, :mod:`.flow`, :mod:`.steps_text`,
:mod:`.split`) turn the tree into models.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from soplint.model import SOP

if TYPE_CHECKING:
    from soplint.readers.docx.tree import Document


def read_document(path, options=None):
    """The document tree of a .docx file (for tools and tests); ``options``:
    :class:`soplint.readers.ReadOptions` (or a mapping of its fields)."""
    from soplint.readers import ReadOptions
    from soplint.readers.docx.ooxml import read_tree
    from soplint.safezip import DocxPackage

    options = ReadOptions.of(options)
    with DocxPackage(path, options.preflight_limits()) as pkg:
        doc = read_tree(pkg)
        doc.missing_parts = pkg.missing_for_word()
        return doc


def read(path, options=None) -> list[SOP]:
    """Read every SOP of a .docx file, in document order. The tree is freed
    by reference counting once the models are made (they hold no tree node,
    and the tree has no reference cycles)."""
    from soplint.errors import UnreadableFile
    from soplint.inputs import shown
    from soplint.readers import ReadOptions
    from soplint.readers.docx.split import build

    options = ReadOptions.of(options)
    try:
        doc = read_document(path, options)
        sops = build(doc, options)
        tracked, comments, missing = doc.tracked_changes, doc.comments, doc.missing_parts
    except RecursionError:
        raise UnreadableFile("damaged", "{p}: struktur dokumen terlalu dalam (tabel/kotak teks bersarang berlebihan)",
                             "{p}: document structure too deep (excessively nested tables/text boxes)",
                             p=Path(path).name) from None
    fmt = options.source_format or "docx"
    berkas = options.source_name or shown(path)
    logo = doc.logo
    for i, sop in enumerate(sops):
        if logo is not None:
            sop.sumber.logo = logo[0]
            sop.sumber.logo_data = logo[1]  # not part of the model: for the writer in this process
        sop.sumber.berkas = berkas
        sop.sumber.indeks = i
        sop.sumber.format = fmt
        sop.sumber.perubahan_terlacak = tracked
        sop.sumber.komentar = comments
        sop.sumber.bagian_hilang = list(missing) or None
    return sops


@dataclass(eq=False)
class Sourced:
    """A document tree with the XML it was read from, for tools that change
    the very elements the reader read (``check --annotate``): ``root`` is
    the parsed main part (``part``), and :meth:`element` gives the element
    a node of ``doc`` was read from (a paragraph's w:p, a table's w:tbl, a
    cell's w:tc; hMerge continuation cells have none of their own)."""

    doc: "Document"
    root: object
    part: str
    elements: dict

    def element(self, node):
        return self.elements.get(node)


def read_sourced(pkg) -> Sourced:
    """The tree of an open :class:`~soplint.safezip.DocxPackage` with its
    node-to-element map. A Strict OOXML document is refused (its main part
    is read through namespaces mapped to the transitional ones, so its
    elements cannot be written back)."""
    from soplint.errors import UnreadableFile
    from soplint.readers.docx.ooxml import Reader

    elements: dict = {}
    reader = Reader(pkg, elements)
    doc = reader.read()
    if getattr(reader, "strict", False):
        raise UnreadableFile("unsupported", "{p}: dokumen Strict OOXML tidak dapat diberi komentar",
                             "{p}: a Strict OOXML document cannot be annotated", p=Path(pkg.path).name)
    return Sourced(doc, reader.root, reader.main, elements)


__all__ = ["read", "read_document", "read_sourced", "Sourced"]
