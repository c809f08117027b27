"""OOXML -> neutral document tree (the only layer that touches raw XML).

Reads ``word/document.xml`` (plus numbering, styles, headers/footers, comments
and VML connector rules) of a package opened through
:class:`soplint.safezip.DocxPackage` and returns a
:class:`soplint.readers.docx.tree.Document`.

Word mechanics handled here: text split across runs, content controls at
block/row/cell/run level, tracked changes (accepted view: ``w:ins`` kept,
``w:del`` dropped, both counted), hyperlinks, simple and complex fields (result
kept, field codes dropped), tabs/breaks/NBSP/no-break hyphens, symbol
characters (Wingdings ticks), merged cells (gridSpan, vMerge, hMerge),
nested tables, ``mc:AlternateContent`` (Choice preferred, Fallback only
without a Choice), DrawingML shapes, groups and canvases, legacy VML shapes,
lines and connectors, text boxes, pictures, headers and footers.

The modules follow the parts of the format: :mod:`.package` (parts and
relationships), :mod:`.styles`, :mod:`.numbering`, :mod:`.runs` (paragraphs,
runs and fields), :mod:`.tables`, :mod:`.drawingml`, :mod:`.vml`,
:mod:`.geometry`; :mod:`.reader` walks the document with all of them and
:mod:`.ns` holds the tags they compare.
"""
from __future__ import annotations

from soplint.readers.docx.ooxml.reader import Reader
from soplint.readers.docx.tree import Document

__all__ = ["Reader", "read_tree"]


def read_tree(pkg) -> Document:
    """The document tree of an open :class:`~soplint.safezip.DocxPackage`."""
    return Reader(pkg).read()
