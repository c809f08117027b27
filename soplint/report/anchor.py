"""Where ``check --annotate`` puts a finding's comment, on the reader's own tree.

The document is read by the .docx reader with its node-to-element map
(:func:`soplint.readers.docx.read_sourced`); a finding's
:class:`~soplint.lokasi.Lokasi` is looked up in that tree, and the comment
anchored at the elements the found paragraph or cell was read from. Nothing
here parses location text or walks table XML.

Where a comment goes, in order of preference:

1. the finding's ``lokasi``: a body paragraph -> that paragraph; a table row
   and grid column, or a column named by its header (``kolom "Waktu"``) ->
   that cell; a table row -> the cell of that row for the finding's
   ``field`` (``waktu``, ``output``, ...), or the one holding the offending
   text, else the activity (Uraian) cell; a table -> the cell of that table
   holding the offending text or the field's label;
2. the offending text (``teks``) anywhere in the SOP, then in the file;
3. the label of the finding's field (``Tanggal Efektif``, ``Dasar Hukum``,
   ...): the value cell next to it, or the paragraph holding it;
4. the SOP's title (its Nama SOP, or the "STANDAR OPERASIONAL PROSEDUR"
   heading), else the first paragraph of the document.

Labels and column headers are the written variants of soplint/data/labels.json
(:mod:`soplint.labels`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from lxml import etree

from soplint import labels
from soplint.lokasi import Lokasi
from soplint.model import DAFTAR_FIELDS
from soplint.readers.docx.common import is_tick
from soplint.readers.docx.tree import Paragraph, Table, _block_paragraphs
from soplint.values import norm_space

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_P = "{%s}p" % W

#: fields that are labelled in the document (identity and detail lists, actors)
LABELLED = ("nomor_sop", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh", "nama_sop") \
    + DAFTAR_FIELDS + ("pelaksana",)
#: procedure columns a finding's field names (field tail -> labels.json "kolom" key)
COLUMNS = {"no": "no", "uraian": "kegiatan", "kelengkapan": "kelengkapan", "waktu": "waktu",
           "output": "output", "keterangan": "keterangan"}


def norm(text: str) -> str:
    """Text for matching: whitespace collapsed, case folded."""
    return norm_space(text).casefold()


def field_tail(field: Optional[str]) -> Optional[str]:
    """``identitas.tanggal_efektif`` -> ``tanggal_efektif``;
    ``kegiatan.waktu`` / ``kegiatan[3].waktu.teks`` -> ``waktu``."""
    if not field:
        return None
    parts = [x.split("[", 1)[0] for x in field.split(".") if x]
    parts = [x for x in parts if x not in ("identitas", "kegiatan", "teks", "menit", "tanggal", "presisi", "")]
    if not parts:
        return "uraian" if field.startswith("kegiatan") else None
    return parts[0]


def is_label_only(text: str) -> bool:
    """A short text that is a label ("Dasar Hukum :"), not a value."""
    return labels.is_label_of(text, LABELLED)


def _only_numbers(text: str) -> bool:
    t = norm(text)
    return bool(t) and all(c.isdigit() or c in ". " for c in t)


def _shape_names(cell) -> list:
    """Raw names of the drawn shapes in a cell (lines and connectors left out)."""
    return [s.geom for p in cell.all_paragraphs() for s in p.all_shapes() if s.geom and not s.is_line]


@dataclass
class Anchor:
    start: object  # w:p where the range starts
    end: object  # w:p where it ends
    how: str  # how it was found (for messages/tests)
    text: str = ""  # the text anchored


class Locator:
    """Anchors for the findings of one document (``src``: a
    :class:`soplint.readers.docx.Sourced`), ``sops`` its SopSummary entries."""

    def __init__(self, src, sops: list):
        self.src = src
        self.blocks = src.doc.blocks
        self.tables = [b for b in self.blocks if isinstance(b, Table) and b.index is not None]
        self.paragraphs = [b for b in self.blocks if isinstance(b, Paragraph) and b.index is not None]
        self.sops = sops
        self.regions = self._sop_regions(len(sops)) if sops else [self.blocks]

    # -- sections of several SOPs
    def _sop_regions(self, count: int) -> list:
        """Split the blocks into ``count`` consecutive regions, one per SOP,
        at each block with a paragraph starting with a "Nomor SOP" label (or
        else a "Nama SOP" label); the whole body for every SOP when neither
        gives exactly ``count`` starts."""
        if count <= 1:
            return [self.blocks]
        for key in ("nomor_sop", "nama_sop"):
            starts = [i for i, b in enumerate(self.blocks)
                      if any(_starts_sop_label(p.text, key) for p in _block_paragraphs(b))]
            if len(starts) == count:
                # the title lines just before an identity block belong to it
                bounds = [0] + [self._title_start(i) for i in starts[1:]] + [len(self.blocks)]
                return [self.blocks[bounds[k]:bounds[k + 1]] for k in range(count)]
        return [self.blocks] * count

    def _title_start(self, i: int) -> int:
        j = i
        while j > 0 and isinstance(self.blocks[j - 1], Paragraph) and i - j < 3 and (
                labels.is_title(self.blocks[j - 1].text) or not self.blocks[j - 1].text):
            j -= 1
        return j

    # -- anchors
    def _p(self, p: Paragraph, how: str) -> Anchor:
        el = self.src.element(p)
        return Anchor(el, el, how, p.text)

    def _cell_anchor(self, cell, how: str) -> Anchor:
        paras = [p for p in cell.paragraphs if self.src.element(p) is not None] or \
            [p for p in cell.all_paragraphs() if self.src.element(p) is not None]
        if not paras:
            el = etree.SubElement(self.src.element(cell), W_P)
            return Anchor(el, el, how, "")
        return Anchor(self.src.element(paras[0]), self.src.element(paras[-1]), how, cell.text)

    def _within_cell(self, cell, teks: Optional[str]) -> Anchor:
        """The paragraph of a cell holding the offending text (one item of a
        list cell, the name line of a signature), else the whole cell."""
        n = norm(teks or "")
        if n:
            paras = cell.all_paragraphs()
            hits = [p for p in paras if n in norm(p.text)]
            if hits and len(paras) > 1:
                return self._p(hits[0], "sel")
        return self._cell_anchor(cell, "sel")

    def _para_anchor(self, p: Paragraph, how: str) -> Anchor:
        if p.cell is not None and norm(p.cell.text) and is_label_only(p.text):
            return self._cell_anchor(p.cell, how)
        return self._p(p, how)

    # -- looking in tables and text
    @staticmethod
    def _header_col(tbl: Table, keys_or_names, before_row: Optional[int] = None) -> Optional[int]:
        """Grid column (0-based) of the header cell matching one of the
        names (normalised label variants), the closest match first."""
        limit = min(len(tbl.rows), 4 if before_row is None else max(1, min(before_row, 6)))
        best = None
        for r in range(limit):
            for cell in tbl.rows[r].cells:
                text = labels.normalize(cell.text)
                if not text:
                    continue
                for rank, name in enumerate(keys_or_names):
                    score = 0 if text == name else (1 if text.startswith(name) else None)
                    if score is None:
                        continue
                    key = (score, rank, r)
                    if best is None or key < best[0]:
                        best = (key, cell.col)
        return None if best is None else best[1]

    def _find_text(self, needle: str, blocks, exact: bool = False) -> Optional[Anchor]:
        """The paragraph (or cell) whose text holds ``needle`` (or, with
        ``exact``, is exactly it)."""
        n = norm(needle)
        if n.endswith("...") and len(needle) >= 300:  # shortened by the rule
            n = n[:-3].rstrip()
        if not n:
            return None
        hit = (lambda text: norm(text) == n) if exact else (lambda text: n in norm(text))
        for b in blocks:
            if isinstance(b, Paragraph):
                if hit(b.text):
                    return self._para_anchor(b, "teks")
                continue
            for _r, cell in _table_cells(b):
                for p in cell.all_paragraphs():
                    if hit(p.text):
                        return self._para_anchor(p, "teks")
                if hit(cell.text):
                    return self._cell_anchor(cell, "teks")
        return None

    def _search(self, teks: Optional[str], tail: Optional[str], blocks) -> Optional[Anchor]:
        """The offending text written exactly; else contained (when it is long
        enough to be telling); else the field's label; else any occurrence."""
        if teks:
            found = self._find_text(teks, blocks, exact=True)
            if found is None and len(norm(teks)) >= 6:
                found = self._find_text(teks, blocks)
            if found is not None:
                return found
        if tail:
            found = self._find_label(tail, blocks)
            if found is not None:
                return found
        if teks:
            return self._find_text(teks, blocks)
        return None

    def _find_label(self, tail: str, blocks) -> Optional[Anchor]:
        if tail not in LABELLED:
            return None
        for b in blocks:
            if isinstance(b, Paragraph):
                if labels.after_label(b.text, tail) is not None:
                    return self._p(b, "label")
                continue
            for r, cell in _table_cells(b):
                for p in cell.all_paragraphs():
                    rest = labels.after_label(p.text, tail)
                    if rest is None:
                        continue
                    if rest or not is_label_only(cell.text):
                        # value in the same paragraph / cell (list fields, "Label : value")
                        return self._cell_anchor(cell, "label") if not rest else self._p(p, "label")
                    value = _value_cell(b, r, cell)
                    return self._cell_anchor(value if value is not None else cell, "label")
        return None

    def title(self, indeks: Optional[int]) -> Anchor:
        ok = indeks is not None and 0 <= indeks < len(self.regions)
        region = self.regions[indeks] if ok else (self.regions[0] if self.regions else self.blocks)
        summary = self.sops[indeks] if indeks is not None and 0 <= indeks < len(self.sops) else (
            self.sops[0] if self.sops else None)
        if summary is not None and summary.nama_sop:
            found = self._find_label("nama_sop", region)
            if found is not None and norm(summary.nama_sop) in norm(found.text):
                return Anchor(found.start, found.end, "judul", found.text)
            found = self._find_text(summary.nama_sop, region)
            if found is not None:
                return Anchor(found.start, found.end, "judul", found.text)
        for b in region:
            for p in _block_paragraphs(b):
                if labels.is_title(p.text):
                    return self._p(p, "judul")
        for b in region:
            for p in _block_paragraphs(b):
                if p.text:
                    return self._p(p, "awal")
        first = next((p for p in self.src.doc.paragraphs() if self.src.element(p) is not None), None)
        if first is not None:
            return self._p(first, "awal")
        el = etree.Element(W_P)
        body = self.src.root.find("{%s}body" % W)
        sect = body.find("{%s}sectPr" % W)
        sect.addprevious(el) if sect is not None else body.append(el)
        return Anchor(el, el, "awal")

    # -- the finding
    def locate(self, finding) -> Anchor:
        lok = Lokasi.parse(finding.lokasi) or Lokasi(teks="")
        tail = field_tail(finding.field)
        indeks = finding.indeks
        region = self.regions[indeks] if indeks is not None and 0 <= indeks < len(self.regions) else self.blocks
        if lok.paragraf is not None and not lok.di_tabel:
            if 1 <= lok.paragraf <= len(self.paragraphs):
                para = self.paragraphs[lok.paragraf - 1]
                if finding.teks and norm(finding.teks) not in norm(para.text):
                    # a list field located at its heading: the item follows it
                    start = self.blocks.index(para)
                    found = self._search(finding.teks, None, self.blocks[start:start + 60])
                    if found is not None:
                        return found
                return self._p(para, "paragraf")
        if lok.tabel and 1 <= lok.tabel <= len(self.tables):
            found = self._in_table(self.tables[lok.tabel - 1], lok, finding, tail)
            if found is not None:
                return found
        found = self._search(finding.teks, tail, region)
        if found is None and finding.teks and region is not self.blocks:
            found = self._find_text(finding.teks, self.blocks)
        if found is not None:
            return found
        return self.title(indeks)

    def _in_table(self, tbl: Table, lok: Lokasi, finding, tail) -> Optional[Anchor]:
        # a nested table's location is anchored in the top-level cell holding it
        baris, kolom = lok.jalur[0] if lok.jalur else (lok.baris, lok.kolom)
        if baris is not None and 1 <= baris <= len(tbl.rows):
            cell = self._row_cell(tbl, baris - 1, kolom, lok.nama_kolom, finding, tail)
            if cell is not None:
                return self._within_cell(cell, finding.teks)
        found = self._search(finding.teks, tail, [tbl])
        if found is not None:
            return found
        # about the table as a whole: its header cell for the field, else its first cell
        names = labels.written(COLUMNS.get(tail or "", "kegiatan"))
        col = self._header_col(tbl, names)
        for r in range(min(len(tbl.rows), 4)):
            cell = tbl.at(r, col) if col is not None else None
            if cell is not None and cell.text and any(labels.normalize(cell.text).startswith(x) for x in names):
                return self._cell_anchor(cell, "tabel")
        cells = [c for _r, c in _table_cells(tbl)]
        if cells:
            return self._cell_anchor(next((c for c in cells if c.text), cells[0]), "tabel")
        return None

    def _row_cell(self, tbl: Table, r: int, kolom, nama_kolom, finding, tail):
        """The cell of row ``r`` a finding is about."""
        row = tbl.rows[r]
        n = norm(finding.teks or "")
        holding = next((c for c in row.cells if n and n in norm(c.text)), None)
        cell = None
        if kolom is not None:
            cell = tbl.at(r, kolom - 1)
            if cell is not None and n and n not in norm(cell.text):
                # the offending text sits in another cell of the row (a label column named)
                cell = holding or cell
        elif nama_kolom:
            col = self._header_col(tbl, [labels.normalize(nama_kolom)], r)
            cell = None if col is None else tbl.at(r, col)
        if cell is not None and tail in LABELLED and is_label_only(cell.text):
            # the location names the label cell: the comment goes on its value
            cell = _value_cell(tbl, r, cell) or cell
        if cell is None and tail in ("simbol", "bentuk", "pelaksana", "pelaksana_lain"):
            # the offending text where it is written (a step without actor: its
            # activity), else the drawn symbol / tick of the step
            cell = holding or _symbol_cell(row, finding.teks)
        if cell is None and tail in COLUMNS:
            col = self._header_col(tbl, labels.written(COLUMNS[tail]), r)
            cell = None if col is None else tbl.at(r, col)
        if cell is None:
            cell = holding
        if cell is None:
            col = self._header_col(tbl, labels.written("kegiatan"), r)
            cell = None if col is None else tbl.at(r, col)
        if cell is None and row.cells:
            cell = next((c for c in row.cells if c.text and not _only_numbers(c.text)), row.cells[0])
        return cell


def _starts_sop_label(text: str, key: str) -> bool:
    """A paragraph that starts an SOP's identity block: a strong label of
    ``key`` ("Nomor SOP", not the bare "Nomor")."""
    if not text:
        return False
    t = labels.normalize(text)
    return any(t == x or t.startswith(x + " ") for x in labels.written(key) if not labels.is_weak(x))


def _table_cells(tbl: Table):
    """``(row index, cell)`` of every cell of a table, in reading order."""
    for r, row in enumerate(tbl.rows):
        for cell in row.cells:
            yield r, cell


def _value_cell(tbl: Table, r: int, label_cell):
    """The first cell right of the label that is not just a colon (else the
    first one after it that is not a colon)."""
    cells = tbl.rows[r].cells
    after = cells[cells.index(label_cell) + 1:] if label_cell in cells else []
    return next((c for c in after if norm(c.text).strip() not in (":", "")), None) or \
        next((c for c in after if norm(c.text).strip() != ":"), None)


def _symbol_cell(row, teks: Optional[str]):
    """The cell of a step row holding its flowchart symbol: the drawn shape
    named by ``teks`` ("t114", "flowChartConnector"), else the first drawn
    shape that is not a line, else the first tick ("√", "v", "X")."""
    named = shape = tick = None
    for cell in row.cells:
        names = _shape_names(cell)
        if teks and teks in names and named is None:
            named = cell
        if names and shape is None:
            shape = cell
        if tick is None and is_tick(cell.text):
            tick = cell
    return named or shape or tick
