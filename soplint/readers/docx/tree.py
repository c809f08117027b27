"""The neutral document tree of the .docx reader.

:mod:`soplint.readers.docx.ooxml` turns the OOXML parts of a Word package into
these plain dataclasses; the layout recognisers above it (identity, procedure,
steps_text, split) work on this tree only and never see XML. A node is one
place in the document: nodes compare by identity (``eq=False``; two equal
paragraphs are still two paragraphs) and have no generated repr (cheaper to
define at import). The references up the tree (a paragraph's cell, a cell's
table, a nested table's cell, a shape's paragraph) are weak (:class:`BackRef`):
the tree has no reference cycles, so it is freed by reference counting as soon
as the document is dropped, with no help from the cyclic collector. A node is
used while its document is held.

Coordinates are in EMU (914400 per inch, 12700 per point). A shape's ``x``/``y``
are relative to its ``frame`` (what Word positions it against: "column",
"paragraph", "page", "margin", "character", "line", "inline"); shapes inside a
group or canvas carry the group's anchor frame with coordinates already
transformed into it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional, Union
from weakref import ref

from soplint.lokasi import Lokasi
from soplint.values import norm_space as clean  # whitespace collapsed, stripped


class BackRef:
    """A dataclass field holding a weak reference to the node above (default
    ``None``): reading it gives the node, or ``None`` once it is gone."""

    def __set_name__(self, owner, name):
        self.key = "_ref_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return None  # the field's default, for the dataclass
        r = obj.__dict__.get(self.key)
        return None if r is None else r()

    def __set__(self, obj, value):
        obj.__dict__[self.key] = None if value is None else ref(value)


@dataclass(eq=False, repr=False)
class NumInfo:
    """Word auto-numbering of a paragraph (``w:numPr``) resolved against
    numbering.xml: ``label`` is what Word displays ("1.", "a)", "•")."""

    num_id: str
    ilvl: int
    fmt: str  # decimal, lowerLetter, bullet, none, ...
    label: str


@dataclass(eq=False, repr=False)
class Image:
    """A picture (inline or floating): a logo, a pasted flowchart, a screenshot."""

    name: str = ""
    descr: str = ""
    inline: bool = True
    cx: int = 0
    cy: int = 0
    #: "picture" (pic:pic / v:imagedata), "chart", "smartart", "ole"
    kind: str = "picture"
    para: Optional["Paragraph"] = BackRef()


@dataclass(eq=False, repr=False)
class Shape:
    """A drawn shape: DrawingML (``wps:wsp``) or legacy VML.

    ``geom`` is the raw shape name: the DrawingML preset ("flowChartProcess",
    "rect", "straightConnector1") or the VML type as "t116" (from
    ``type="#_x0000_t116"`` / ``o:spt``) or the VML element name ("rect",
    "roundrect", "oval", "line") when it has no type.
    """

    geom: str = ""
    source: str = "drawingml"  # drawingml | vml
    id: str = ""
    name: str = ""
    text: str = ""
    #: blocks of the shape's text box (paragraphs / tables), already parsed
    blocks: list = field(default_factory=list)
    is_textbox: bool = False
    is_connector: bool = False
    #: connection ids of a connector (DrawingML a:stCxn/a:endCxn, VML o:r rules)
    start_id: Optional[str] = None
    end_id: Optional[str] = None
    #: arrow heads of a line/connector ("triangle", "block", ... or None)
    head: Optional[str] = None
    tail: Optional[str] = None
    x: int = 0
    y: int = 0
    cx: int = 0
    cy: int = 0
    flip_h: bool = False
    flip_v: bool = False
    #: for VML lines: explicit end points (absolute in the frame)
    points: Optional[tuple] = None
    frame_h: str = ""
    frame_v: str = ""
    inline: bool = False
    #: id of the group / canvas the shape belongs to ("" at top level)
    group: str = ""
    #: the paragraph holding the anchor (the cell holding it via para.cell)
    para: Optional["Paragraph"] = BackRef()

    @property
    def is_line(self) -> bool:
        return self.is_connector or self.geom in ("line", "straightConnector1") or self.geom.startswith(
            ("bentConnector", "curvedConnector", "t32", "t33", "t34", "t35", "t36", "t37", "t38", "t39", "t40"))

    def endpoints(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(start, end) points of a line in its frame, flips applied."""
        if self.points:
            return self.points
        x0, y0, x1, y1 = self.x, self.y, self.x + self.cx, self.y + self.cy
        if self.flip_h:
            x0, x1 = x1, x0
        if self.flip_v:
            y0, y1 = y1, y0
        return (x0, y0), (x1, y1)

    def center(self) -> tuple[float, float]:
        return self.x + self.cx / 2, self.y + self.cy / 2

    @property
    def lokasi(self) -> Lokasi:
        """In a text box anchored where its paragraph is."""
        if self.para is None:
            return Lokasi(bagian="textbox")
        return replace(self.para.lokasi, kotak_teks=True)


@dataclass(eq=False, repr=False)
class Paragraph:
    """A paragraph: its text as written, style, numbering, run formatting and the shapes and pictures anchored in it."""

    #: text as in Word: runs concatenated, tabs "\t", breaks "\n", NBSP kept
    raw: str = ""
    style: str = ""
    style_name: str = ""
    num: Optional[NumInfo] = None
    #: True when every non-blank run is bold / underlined
    bold: bool = False
    underline: bool = False
    shapes: list[Shape] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    #: 1-based index among top-level body paragraphs (None elsewhere)
    index: Optional[int] = None
    #: the cell that holds the paragraph (None outside tables)
    cell: Optional["Cell"] = BackRef()
    #: "body", "header", "footer", "textbox"
    part: str = "body"
    #: outline level from the style (headings), or None
    outline: Optional[int] = None
    #: the paragraph ends a section (holds a w:sectPr)
    sect_end: bool = False

    #: caches (the tree is not changed once built)
    _text: Optional[str] = None
    _lines: Optional[list] = None
    _lokasi: Optional[Lokasi] = None

    @property
    def lokasi(self) -> Lokasi:
        """Where the paragraph is: its cell, a header or footer, a text box,
        or its number among the body's paragraphs."""
        x = self._lokasi
        if x is None:
            if self.cell is not None:
                x = self.cell.lokasi
            elif self.part == "textbox":
                x = Lokasi(bagian="textbox")
            elif self.index is not None and self.part not in ("header", "footer"):
                x = Lokasi(paragraf=self.index)
            else:
                x = Lokasi(bagian=self.part)
            self._lokasi = x
        return x

    @property
    def text(self) -> str:
        t = self._text
        if t is None:
            t = self._text = clean(self.raw)
        return t

    @property
    def lines(self) -> list[str]:
        """The non-empty lines of the paragraph (split at line breaks)."""
        x = self._lines
        if x is None:
            x = self._lines = [t for t in (clean(y) for y in self.raw.split("\n")) if t] if "\n" in self.raw else (
                [self.text] if self.text else [])
        return x

    def all_shapes(self):
        """Shapes of the paragraph, including those inside text boxes."""
        for s in self.shapes:
            yield s
            for b in s.blocks:
                yield from _block_shapes(b)


@dataclass(eq=False, repr=False)
class Cell:
    """A table cell: its blocks (paragraphs, nested tables), grid position, spans and vertical merge."""

    blocks: list = field(default_factory=list)
    #: first grid column (0-based) and number of grid columns covered
    col: int = 0
    span: int = 1
    #: 0-based row of the origin; rows covered by a vertical merge
    row: int = 0
    rowspan: int = 1
    #: "restart", "continue" or None (w:vMerge)
    vmerge: Optional[str] = None
    #: for a continuation cell: the origin cell of its vertical merge
    origin: Optional["Cell"] = None
    table: Optional["Table"] = BackRef()
    width: int = 0

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs directly in the cell (not inside nested tables)."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    _paras: Optional[list] = None

    def all_paragraphs(self) -> list[Paragraph]:
        """Every paragraph of the cell, nested tables included (cached)."""
        x = self._paras
        if x is None:
            x = self._paras = [p for b in self.blocks for p in _block_paragraphs(b)]
        return x

    _texts: Optional[list] = None

    @property
    def texts(self) -> list[str]:
        """Non-empty paragraph texts, nested tables included (row by row)."""
        x = self._texts
        if x is None:
            x = self._texts = [p.text for p in self.all_paragraphs() if p.text]
        return x

    _text: Optional[str] = None

    @property
    def text(self) -> str:
        x = self._text
        if x is None:
            x = self._text = " ".join(self.texts)
        return x

    _lokasi: Optional[Lokasi] = None

    @property
    def lokasi(self) -> Lokasi:
        """The cell's row and grid column in its table."""
        x = self._lokasi
        if x is None:
            x = self._lokasi = self.table.lokasi_at(self.row, self.col)
        return x

    @property
    def shapes(self) -> list[Shape]:
        """Shapes anchored in the cell's paragraphs (nested tables included)."""
        out = []
        for p in self.all_paragraphs():
            out.extend(p.shapes)
        return out

    @property
    def images(self) -> list[Image]:
        out = []
        for p in self.all_paragraphs():
            out.extend(p.images)
        return out


@dataclass(eq=False, repr=False)
class Row:
    """A table row: its cells, in grid order."""

    cells: list[Cell] = field(default_factory=list)
    header: bool = False  # w:tblHeader (repeated on every page)
    height: int = 0  # twips (w:trHeight), 0 when not given

    def cell_at(self, c: int) -> Optional[Cell]:
        """The cell covering grid column c, following a vertical merge to
        its origin; None where the row has no cell there."""
        for cell in self.cells:
            if cell.col <= c < cell.col + cell.span:
                return cell.origin or cell
        return None

    def cells_by_column(self, limit: int) -> dict:
        """Grid column (below ``limit``) -> :meth:`cell_at` of it, for every
        column the row covers, in one pass over its cells."""
        at: dict = {}
        for cell in self.cells:
            for k in range(max(cell.col, 0), min(cell.col + cell.span, limit)):
                if k not in at:
                    at[k] = cell.origin or cell
        return at


@dataclass(eq=False, repr=False)
class Table:
    """A table: rows of cells over a grid of columns; nested tables know the cell that holds them."""

    rows: list[Row] = field(default_factory=list)
    #: grid column widths in twips (w:tblGrid)
    grid: list[int] = field(default_factory=list)
    #: 1-based index among top-level tables (None for nested ones)
    index: Optional[int] = None
    #: the cell holding a nested table
    parent: Optional[Cell] = BackRef()
    part: str = "body"

    @property
    def ncols(self) -> int:
        n = len(self.grid)
        for r in self.rows:
            if r.cells:
                n = max(n, r.cells[-1].col + r.cells[-1].span)
        return n

    def at(self, r: int, c: int) -> Optional[Cell]:
        """The cell covering grid position (r, c), following vertical merges to
        their origin; None where the row has no cell there."""
        if r < 0 or r >= len(self.rows):
            return None
        return self.rows[r].cell_at(c)

    def col_x(self, c: int) -> int:
        """Left edge of grid column c in twips."""
        return sum(self.grid[:c])

    def lokasi_at(self, r: int, c: Optional[int] = None) -> Lokasi:
        """Where row ``r`` (0-based) of the table is, or its grid column ``c``:
        a top-level table by its number, a nested one through the cell
        holding it, another (in a header, a text box) by its part."""
        kolom = None if c is None else c + 1
        if self.index is not None:
            return Lokasi(tabel=self.index, baris=r + 1, kolom=kolom)
        if self.parent is not None:
            outer = self.parent.lokasi
            return replace(outer, jalur=outer.jalur + ((outer.baris, outer.kolom),), baris=r + 1, kolom=kolom)
        return Lokasi(tabel=0, bagian=self.part, baris=r + 1, kolom=kolom)


Block = Union[Paragraph, Table]


@dataclass(eq=False, repr=False)
class Part:
    """A header or footer part."""

    name: str
    kind: str  # header | footer
    blocks: list = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Document:
    """The whole document: body blocks in order, header and footer parts, and counts of what was not read."""

    blocks: list = field(default_factory=list)
    headers: list[Part] = field(default_factory=list)
    footers: list[Part] = field(default_factory=list)
    comments: int = 0
    tracked_changes: int = 0
    #: parts embedded as alternative chunks (w:altChunk) that were not read
    alt_chunks: int = 0
    #: header part names of each section, in order (the last is the body's own)
    section_headers: list = field(default_factory=list)
    #: required package parts that are missing (Word will not open the file)
    missing_parts: list = field(default_factory=list)
    #: the source's logo: (picture part name, its bytes), or None
    logo: Optional[tuple] = None

    def paragraphs(self):
        for b in self.blocks:
            yield from _block_paragraphs(b)

    def shapes(self):
        for b in self.blocks:
            yield from _block_shapes(b)

    def images(self):
        for p in self.paragraphs():
            yield from p.images


def _block_paragraphs(b):
    if isinstance(b, Paragraph):
        yield b
    elif isinstance(b, Table):
        for row in b.rows:
            for cell in row.cells:
                for x in cell.blocks:
                    yield from _block_paragraphs(x)


def _block_shapes(b):
    for p in _block_paragraphs(b):
        yield from p.all_shapes()
