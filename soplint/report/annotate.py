"""``check --annotate DIR``: a copy of each checked Word file with one real
Word comment per finding, anchored at the text the finding is about.

Where a comment goes, in order of preference:

1. the finding's ``lokasi``: ``paragraf P`` -> that top-level body paragraph;
   ``tabel T, baris R, kolom C`` (C a grid column number or a quoted header
   such as ``kolom "Waktu"``) -> that cell; ``tabel T, baris R`` -> the cell
   of that row named by the finding's ``field`` (``waktu``, ``output``, ...),
   or the one holding the offending text, else the activity (Uraian) cell;
   ``tabel T`` -> the cell of that table holding the offending text or the
   field's label;
2. the offending text (``teks``) anywhere in the SOP, then in the file;
3. the label of the finding's field (``Tanggal Efektif``, ``Dasar Hukum``,
   ...): the value cell next to it, or the paragraph holding it;
4. the SOP's title (its Nama SOP, or the "STANDAR OPERASIONAL PROSEDUR"
   heading), else the first paragraph of the document.

The comment says ``[CODE name] message`` (the message is already in the
run's language), author "soplint". The copy is written atomically; the
original is never opened for writing, and a target that is one of the inputs
is refused. Works at the XML level (lxml) through :class:`DocxPackage`.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from lxml import etree

from soplint.atomic import write_bytes
from soplint.errors import UnreadableFile
from soplint.values import norm_space
from soplint.i18n import tr
from soplint.lokasi import Lokasi
from soplint.safezip import DocxPackage

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
R_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
R_OFFICE_DOC_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
R_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "soplint"
INITIALS = "SL"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WRAPPERS = (w("sdt"), w("sdtContent"), w("customXml"), w("smartTag"))


def norm(text: str) -> str:
    """Text for matching: whitespace collapsed, case folded."""
    return norm_space(text).casefold()


def comment_text(finding) -> str:
    return f"[{finding.code} {finding.name}] {finding.message}"


# --------------------------------------------------------------------------
# the document body, as far as anchoring needs it


def _children(el, tags):
    """Children of ``el`` with a tag in ``tags``, looking through content
    controls and custom XML wrappers (as the reader does)."""
    for child in el:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)


def para_text(p) -> str:
    """Visible text of a paragraph, without text boxes of shapes in it."""
    parts = []
    for el in p.iter(w("t"), w("tab"), w("br"), w("cr"), w("txbxContent")):
        if _in_textbox(el, p):
            continue
        parts.append(el.text or "" if el.tag == w("t") else " ")
    return "".join(parts)


def _in_textbox(el, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == w("txbxContent"):
            return True
        parent = parent.getparent()
    return el.tag == w("txbxContent")


class Body:
    """Top-level tables and paragraphs of the main document part, numbered
    as the reader numbers them in ``lokasi``."""

    def __init__(self, root):
        self.root = root
        self.body = root.find(w("body"))
        if self.body is None:
            raise UnreadableFile("damaged", "Dokumen tanpa w:body", "Document without w:body")
        self.blocks = list(_children(self.body, (w("p"), w("tbl"))))
        self.tables = [b for b in self.blocks if b.tag == w("tbl")]
        self.paragraphs = [b for b in self.blocks if b.tag == w("p")]

    # -- tables
    @staticmethod
    def rows(tbl):
        return list(_children(tbl, (w("tr"),)))

    @staticmethod
    def cells(tr):
        """``[(tc, first_grid_col_0based, span)]`` of one row."""
        out = []
        col = 0
        trpr = tr.find(w("trPr"))
        if trpr is not None:
            gb = trpr.find(w("gridBefore"))
            if gb is not None:
                col = _int(gb.get(w("val")), 0)
        for tc in _children(tr, (w("tc"),)):
            span = 1
            tcpr = tc.find(w("tcPr"))
            if tcpr is not None:
                gs = tcpr.find(w("gridSpan"))
                if gs is not None:
                    span = max(1, _int(gs.get(w("val")), 1))
            out.append((tc, col, span))
            col += span
        return out

    def cell_at(self, tbl, r: int, c: int):
        """The cell covering grid column ``c`` of row ``r`` (0-based), vertical
        merges followed up to their origin."""
        rows = self.rows(tbl)
        if not 0 <= r < len(rows):
            return None
        for tc, col, span in self.cells(rows[r]):
            if col <= c < col + span:
                if _vmerge(tc) == "continue":
                    origin = self.cell_at(tbl, r - 1, c) if r > 0 else None
                    return origin if origin is not None else tc
                return tc
        return None

    def table_cells(self, tbl):
        """Every cell of a table with its row index, in reading order."""
        for r, tr in enumerate(self.rows(tbl)):
            for tc, col, span in self.cells(tr):
                yield r, tc, col

    # -- sections of several SOPs
    def sop_regions(self, count: int) -> list:
        """Split the blocks into ``count`` consecutive regions, one per SOP,
        at each block with a paragraph starting with a "Nomor SOP" label (or
        else a "Nama SOP" label); the whole body for every SOP when neither
        gives exactly ``count`` starts."""
        if count <= 1:
            return [self.blocks]
        for labels in (_LABELS["nomor_sop"][:4], _LABELS["nama_sop"]):
            starts = []
            for i, b in enumerate(self.blocks):
                paras = [b] if b.tag == w("p") else [p for p in b.iter(w("p")) if not _in_textbox(p, b)]
                if any(norm(para_text(p)).startswith(lbl) for p in paras for lbl in labels):
                    starts.append(i)
            if len(starts) == count:
                # the title lines just before an identity block belong to it
                bounds = [0] + [self._title_start(i) for i in starts[1:]] + [len(self.blocks)]
                return [self.blocks[bounds[k]:bounds[k + 1]] for k in range(count)]
        return [self.blocks] * count

    def _title_start(self, i: int) -> int:
        j = i
        while j > 0 and self.blocks[j - 1].tag == w("p") and i - j < 3 and (
                "standar operasional prosedur" in norm(para_text(self.blocks[j - 1]))
                or not norm(para_text(self.blocks[j - 1]))):
            j -= 1
        return j


def block_text(b) -> str:
    if b.tag == w("p"):
        return para_text(b)
    return " ".join(para_text(p) for p in b.iter(w("p")))


def _vmerge(tc) -> Optional[str]:
    tcpr = tc.find(w("tcPr"))
    if tcpr is None:
        return None
    vm = tcpr.find(w("vMerge"))
    if vm is None:
        return None
    return "restart" if vm.get(w("val")) == "restart" else "continue"


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def cell_paragraphs(tc) -> list:
    """Paragraphs of a cell outside text boxes (nested tables included)."""
    return [p for p in tc.iter(w("p")) if not _in_textbox(p, tc)]


def cell_text(tc) -> str:
    return " ".join(para_text(p) for p in cell_paragraphs(tc))


# --------------------------------------------------------------------------
# labels, for fields without a precise location

_LABELS = {
    "nomor_sop": ["nomor sop", "no. sop", "no sop", "no.sop", "nomor", "no. dokumen", "no dokumen"],
    "tanggal_pembuatan": ["tanggal pembuatan", "tgl pembuatan", "tgl. pembuatan"],
    "tanggal_revisi": ["tanggal revisi", "tgl revisi", "tgl. revisi"],
    "tanggal_efektif": ["tanggal efektif", "tgl efektif", "tgl. efektif", "tanggal pengesahan",
                        "tgl pengesahan", "tanggal berlaku", "mulai berlaku", "tanggal terbit"],
    "disahkan_oleh": ["disahkan oleh", "ditetapkan oleh", "mengesahkan", "pengesahan", "disetujui oleh"],
    "nama_sop": ["nama sop", "judul sop"],
    "dasar_hukum": ["dasar hukum", "landasan hukum", "referensi"],
    "keterkaitan": ["keterkaitan", "sop terkait"],
    "peringatan": ["peringatan"],
    "kualifikasi_pelaksana": ["kualifikasi pelaksana", "kompetensi", "kualifikasi"],
    "peralatan_perlengkapan": ["peralatan", "sarana", "alat dan bahan"],
    "pencatatan_pendataan": ["pencatatan", "pendataan"],
    "pelaksana": ["pelaksana"],
}

#: procedure columns: field name -> header words
_COLUMNS = {
    "no": ["no", "no.", "nomor"],
    "uraian": ["uraian kegiatan", "kegiatan", "uraian prosedur", "uraian", "aktivitas", "prosedur"],
    "kelengkapan": ["kelengkapan", "persyaratan/kelengkapan", "persyaratan"],
    "waktu": ["waktu"],
    "output": ["output", "keluaran", "hasil"],
    "keterangan": ["keterangan", "ket.", "ket"],
}


def _field_tail(field: Optional[str]) -> Optional[str]:
    """``identitas.tanggal_efektif`` -> ``tanggal_efektif``;
    ``kegiatan.waktu`` / ``kegiatan[3].waktu.teks`` -> ``waktu``."""
    if not field:
        return None
    parts = [re.sub(r"\[.*?\]", "", x) for x in field.split(".") if x]
    parts = [x for x in parts if x not in ("identitas", "kegiatan", "teks", "menit", "tanggal", "presisi")]
    if not parts:
        return "uraian" if field.startswith("kegiatan") else None
    if parts[0] == "disahkan_oleh":
        return "disahkan_oleh"
    return parts[0]


# --------------------------------------------------------------------------
# locating


@dataclass
class Anchor:
    start: object  # w:p where the range starts
    end: object  # w:p where it ends
    how: str  # how it was found (for messages/tests)


def _lokasi_parts(lokasi: Optional[str]) -> dict:
    out = {}
    if not lokasi:
        return out
    text = str(lokasi).strip()
    m = re.search(r"\b(?:tabel|table)\s+(\d+)", text, re.I)
    if m:
        out["tabel"] = int(m.group(1))
    m = re.search(r"\b(?:baris|row)\s+(\d+)", text, re.I)
    if m:
        out["baris"] = int(m.group(1))
    m = re.search(r"\b(?:kolom|column)\s+(?:\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|'([^']+)'|(\d+))", text, re.I)
    if m:
        if m.group(4):
            out["kolom"] = int(m.group(4))
        else:
            out["kolom_nama"] = next(g for g in m.groups()[:3] if g)
    m = re.search(r"\b(?:paragraf|paragraph)\s+(\d+)", text, re.I)
    if m:
        out["paragraf"] = int(m.group(1))
    return out


class Locator:
    def __init__(self, body: Body, sops: list):
        self.body = body
        self.sops = sops
        self.regions = body.sop_regions(len(sops)) if sops else [body.blocks]

    # -- helpers
    def _cell_anchor(self, tc, how) -> Anchor:
        paras = cell_paragraphs(tc)
        if not paras:
            p = etree.SubElement(tc, w("p"))
            paras = [p]
        direct = [p for p in paras if p.getparent() is tc] or paras
        return Anchor(direct[0], direct[-1], how)

    def _within_cell(self, tc, teks: Optional[str]) -> Anchor:
        """The paragraph of a cell holding the offending text (one item of a
        list cell, the name line of a signature), else the whole cell."""
        n = norm(teks or "")
        if n:
            paras = cell_paragraphs(tc)
            hits = [p for p in paras if n in norm(para_text(p))]
            if hits and len(paras) > 1:
                return Anchor(hits[0], hits[0], "sel")
        return self._cell_anchor(tc, "sel")

    def _para_anchor(self, p, how) -> Anchor:
        tc = _ancestor(p, w("tc"))
        if tc is not None and norm(cell_text(tc)) and _is_label_only(para_text(p)):
            return self._cell_anchor(tc, how)
        return Anchor(p, p, how)

    def _header_col(self, tbl, names: list, before_row: Optional[int] = None) -> Optional[int]:
        """Grid column (0-based) of the header cell matching one of ``names``."""
        rows = self.body.rows(tbl)
        limit = min(len(rows), 4 if before_row is None else max(1, min(before_row, 6)))
        wanted = [norm(n).rstrip(":") for n in names]
        best = None
        for r in range(limit):
            for tc, col, span in self.body.cells(rows[r]):
                text = norm(cell_text(tc)).rstrip(":").strip()
                if not text:
                    continue
                for rank, name in enumerate(wanted):
                    score = 0 if text == name else (1 if text.startswith(name) else None)
                    if score is None:
                        continue
                    key = (score, rank, r)
                    if best is None or key < best[0]:
                        best = (key, col)
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
            if b.tag == w("p"):
                if hit(para_text(b)):
                    return self._para_anchor(b, "teks")
                continue
            for r, tc, col in self.body.table_cells(b):
                for p in cell_paragraphs(tc):
                    if hit(para_text(p)):
                        return self._para_anchor(p, "teks")
                if hit(cell_text(tc)):
                    return self._cell_anchor(tc, "teks")
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
        labels = _LABELS.get(tail)
        if not labels:
            return None
        labels = [norm(x) for x in labels]
        for b in blocks:
            candidates = []
            if b.tag == w("p"):
                candidates.append((b, None, None, None))
            else:
                for r, tc, col in self.body.table_cells(b):
                    for p in cell_paragraphs(tc):
                        candidates.append((p, tc, r, b))
            for p, tc, r, tbl in candidates:
                text = norm(para_text(p))
                label = next((x for x in labels if text.startswith(x)), None)
                if label is None:
                    continue
                rest = text[len(label):].strip(" :.\t")
                if tc is None:
                    return Anchor(p, p, "label")
                if rest or not _is_label_only(cell_text(tc)):
                    # value in the same paragraph / cell (list fields, "Label : value")
                    return self._cell_anchor(tc, "label") if not rest else Anchor(p, p, "label")
                value = self._value_cell(tbl, r, tc)
                return self._cell_anchor(value if value is not None else tc, "label")
        return None

    def _symbol_cell(self, tr, teks: Optional[str]):
        """The cell of a step row holding its flowchart symbol: the drawn shape
        named by ``teks`` ("t114", "flowChartConnector"), else the first drawn
        shape that is not a line, else the first tick ("√", "v", "X")."""
        named = shape = tick = None
        for tc, col, span in self.body.cells(tr):
            names = _shape_names(tc)
            if teks and teks in names and named is None:
                named = tc
            if names and shape is None:
                shape = tc
            if tick is None and norm(cell_text(tc)) in _TICKS:
                tick = tc
        for tc in (named, shape, tick):
            if tc is not None:
                return tc
        return None

    def _value_cell(self, tbl, r, label_tc):
        """The first cell right of the label that is not just a colon."""
        cells = self.body.cells(self.body.rows(tbl)[r])
        after = False
        for tc, col, span in cells:
            if tc is label_tc:
                after = True
                continue
            if after and norm(cell_text(tc)).strip() not in (":", ""):
                return tc
        # every cell after it empty: the one after the colon, if any
        after = False
        for tc, col, span in cells:
            if tc is label_tc:
                after = True
                continue
            if after and norm(cell_text(tc)).strip() != ":":
                return tc
        return None

    def title(self, indeks: Optional[int]) -> Anchor:
        region = self.regions[indeks] if indeks is not None and 0 <= indeks < len(self.regions) else (
            self.regions[0] if self.regions else self.body.blocks)
        summary = self.sops[indeks] if indeks is not None and 0 <= indeks < len(self.sops) else (
            self.sops[0] if self.sops else None)
        if summary is not None and summary.nama_sop:
            found = self._find_label("nama_sop", region)
            if found is not None and norm(summary.nama_sop) in norm(
                    " ".join(para_text(p) for p in _range_paras(found))):
                return Anchor(found.start, found.end, "judul")
            found = self._find_text(summary.nama_sop, region)
            if found is not None:
                return Anchor(found.start, found.end, "judul")
        for b in region:
            paras = [b] if b.tag == w("p") else [p for p in b.iter(w("p")) if not _in_textbox(p, b)]
            for p in paras:
                if "standar operasional prosedur" in norm(para_text(p)):
                    return Anchor(p, p, "judul")
        for b in region:
            paras = [b] if b.tag == w("p") else [p for p in b.iter(w("p")) if not _in_textbox(p, b)]
            for p in paras:
                if norm(para_text(p)):
                    return Anchor(p, p, "awal")
        first = next(iter(self.body.body.iter(w("p"))), None)
        if first is None:
            first = etree.Element(w("p"))
            sect = self.body.body.find(w("sectPr"))
            if sect is not None:
                sect.addprevious(first)
            else:
                self.body.body.append(first)
        return Anchor(first, first, "awal")

    # -- the finding
    def locate(self, finding) -> Anchor:
        parts = _lokasi_parts(finding.lokasi)
        tail = _field_tail(finding.field)
        indeks = finding.indeks
        region = (self.regions[indeks] if indeks is not None and 0 <= indeks < len(self.regions)
                  else self.body.blocks)
        if "paragraf" in parts and "tabel" not in parts:
            p_index = parts["paragraf"]
            if 1 <= p_index <= len(self.body.paragraphs):
                para = self.body.paragraphs[p_index - 1]
                if finding.teks and norm(finding.teks) not in norm(para_text(para)):
                    # a list field located at its heading: the item follows it
                    start = self.body.blocks.index(para)
                    found = self._search(finding.teks, None, self.body.blocks[start:start + 60])
                    if found is not None:
                        return found
                return Anchor(para, para, "paragraf")
        if "tabel" in parts and 1 <= parts["tabel"] <= len(self.body.tables):
            tbl = self.body.tables[parts["tabel"] - 1]
            rows = self.body.rows(tbl)
            if "baris" in parts and 1 <= parts["baris"] <= len(rows):
                r = parts["baris"] - 1
                tc = None
                if "kolom" in parts:
                    tc = self.body.cell_at(tbl, r, parts["kolom"] - 1)
                elif "kolom_nama" in parts:
                    col = self._header_col(tbl, [parts["kolom_nama"]], r)
                    tc = None if col is None else self.body.cell_at(tbl, r, col)
                if (tc is not None and "kolom" in parts and finding.teks
                        and norm(finding.teks) not in norm(cell_text(tc))):
                    # the offending text sits in another cell of the row (a label column named)
                    n = norm(finding.teks)
                    tc = next((c for c, col, span in self.body.cells(rows[r]) if n and n in norm(cell_text(c))),
                              tc)
                if tc is not None and tail in _LABELS and _is_label_only(cell_text(tc)):
                    # the location names the label cell: the comment goes on its value
                    value = self._value_cell(tbl, r, tc)
                    tc = tc if value is None else value
                if tc is None and tail in ("simbol", "bentuk", "pelaksana", "pelaksana_lain"):
                    # the offending text where it is written (a step without actor: its
                    # activity), else the drawn symbol / tick of the step
                    n = norm(finding.teks or "")
                    tc = next((c for c, col, span in self.body.cells(rows[r]) if n and n in norm(cell_text(c))),
                              None)
                    if tc is None:
                        tc = self._symbol_cell(rows[r], finding.teks)
                if tc is None and tail in _COLUMNS:
                    col = self._header_col(tbl, _COLUMNS[tail], r)
                    tc = None if col is None else self.body.cell_at(tbl, r, col)
                if tc is None and finding.teks:
                    n = norm(finding.teks)
                    tc = next((c for c, col, span in self.body.cells(rows[r]) if n and n in norm(cell_text(c))),
                              None)
                if tc is None:
                    col = self._header_col(tbl, _COLUMNS["uraian"], r)
                    tc = None if col is None else self.body.cell_at(tbl, r, col)
                if tc is None:
                    cells = self.body.cells(rows[r])
                    tc = next((c for c, col, span in cells
                               if norm(cell_text(c)) and not re.fullmatch(r"[\d.\s]+", norm(cell_text(c)))),
                              cells[0][0] if cells else None)
                if tc is not None:
                    return self._within_cell(tc, finding.teks)
            found = self._search(finding.teks, tail, [tbl])
            if found is not None:
                return found
            # about the table as a whole: its header cell for the field, else its first cell
            names = _COLUMNS.get(tail or "") or _COLUMNS["uraian"]
            col = self._header_col(tbl, names)
            rows = self.body.rows(tbl)
            for r in range(min(len(rows), 4)):
                tc = self.body.cell_at(tbl, r, col) if col is not None else None
                if tc is not None and norm(cell_text(tc)) and any(
                        norm(cell_text(tc)).rstrip(":").startswith(norm(x)) for x in names):
                    return self._cell_anchor(tc, "tabel")
            cells = [c for r, c, col in self.body.table_cells(tbl)]
            if cells:
                return self._cell_anchor(next((c for c in cells if norm(cell_text(c))), cells[0]), "tabel")
        found = self._search(finding.teks, tail, region)
        if found is None and finding.teks and region is not self.body.blocks:
            found = self._find_text(finding.teks, self.body.blocks)
        if found is not None:
            return found
        return self.title(indeks)


A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
_TICKS = {"√", "v", "x", "✓", "✔"}
_VML_SHAPES = tuple(f"{{{V_NS}}}{n}" for n in ("shape", "rect", "roundrect", "oval", "line"))


def _is_line(name: str) -> bool:
    if name in ("line", "straightConnector1") or name.startswith(("bentConnector", "curvedConnector")):
        return True
    m = re.fullmatch(r"t(\d+)", name)
    return bool(m) and 32 <= int(m.group(1)) <= 40


def _shape_names(tc) -> list:
    """Raw names of the drawn shapes in a cell (DrawingML preset, VML type as
    "t116" or the VML element name), lines and connectors left out."""
    names = [g.get("prst") or "" for g in tc.iter(f"{{{A_NS}}}prstGeom")]
    for el in tc.iter(*_VML_SHAPES):
        kind = (el.get("type") or "").lstrip("#")
        m = re.search(r"_x0000_(t\d+)", kind)
        names.append(m.group(1) if m else etree.QName(el).localname)
    return [n for n in names if n and not _is_line(n)]


def _ancestor(el, tag):
    parent = el.getparent()
    while parent is not None:
        if parent.tag == tag:
            return parent
        parent = parent.getparent()
    return None


def _is_label_only(text: str) -> bool:
    """A short text that is a label ("Dasar Hukum :"), not a value."""
    t = norm(text).rstrip(": ")
    return any(t == norm(x) for labels in _LABELS.values() for x in labels)


def _range_paras(anchor: Anchor) -> list:
    if anchor.start is anchor.end:
        return [anchor.start]
    out = []
    inside = False
    for p in anchor.start.getroottree().iter(w("p")):
        if p is anchor.start:
            inside = True
        if inside:
            out.append(p)
        if p is anchor.end:
            break
    return out


# --------------------------------------------------------------------------
# writing comments


def _insert_range(anchor: Anchor, cid: int) -> None:
    sid = str(cid)
    start = etree.Element(w("commentRangeStart"))
    start.set(w("id"), sid)
    ppr = anchor.start.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        anchor.start.insert(0, start)
    end = etree.SubElement(anchor.end, w("commentRangeEnd"))
    end.set(w("id"), sid)
    run = etree.SubElement(anchor.end, w("r"))
    ref = etree.SubElement(run, w("commentReference"))
    ref.set(w("id"), sid)


def _comment_element(cid: int, text: str, date: str):
    c = etree.Element(w("comment"))
    c.set(w("id"), str(cid))
    c.set(w("author"), AUTHOR)
    c.set(w("date"), date)
    c.set(w("initials"), INITIALS)
    p = etree.SubElement(c, w("p"))
    r0 = etree.SubElement(p, w("r"))
    etree.SubElement(r0, w("annotationRef"))
    r1 = etree.SubElement(p, w("r"))
    t = etree.SubElement(r1, w("t"))
    t.text = _XML_BAD.sub("", text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return c


@dataclass
class Annotated:
    """What annotating one file did."""

    source: Path
    target: Optional[Path]
    comments: int = 0
    #: how each comment was anchored (lokasi kinds, in finding order)
    anchors: list = None
    message: Optional[str] = None


def _main_part(pkg: DocxPackage) -> str:
    rels = pkg.xml("_rels/.rels")
    for rel in rels.findall(f"{{{REL_NS}}}Relationship"):
        if rel.get("Type") in (R_OFFICE_DOC, R_OFFICE_DOC_STRICT):
            return rel.get("Target").lstrip("/")
    return "word/document.xml"


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def annotate_docx(source, target, findings, sops=(), inputs=()) -> Annotated:
    """Write ``target``: a copy of the .docx ``source`` with one comment per
    finding. ``sops`` are the file's SopSummary entries (for titles);
    ``inputs`` every input path of the run (none may be overwritten).
    Raises :class:`UnreadableFile` when the source cannot be read, and
    ``ValueError`` when ``target`` is an input."""
    source = Path(source)
    target = Path(target)
    protected = {Path(p).resolve() for p in inputs} | {source.resolve()}
    if target.resolve() in protected:
        raise ValueError(tr("{t}: tidak menimpa berkas masukan", "{t}: refusing to overwrite an input file",
                            t=target))
    with DocxPackage(source) as pkg:
        main = _main_part(pkg)
        root = pkg.xml(main)
        body = Body(root)
        locator = Locator(body, list(sops))
        rels_part = _rels_name(main)
        rels = pkg.xml(rels_part) if pkg.has(rels_part) else etree.Element(f"{{{REL_NS}}}Relationships",
                                                                            nsmap={None: REL_NS})
        comments_part = None
        for rel in rels.findall(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == R_COMMENTS and rel.get("TargetMode") != "External":
                comments_part = posixpath.normpath(posixpath.join(posixpath.dirname(main), rel.get("Target")))
                comments_part = comments_part.lstrip("/")
        if comments_part and pkg.has(comments_part):
            comments = pkg.xml(comments_part)
            new_part = False
        else:
            comments = etree.Element(w("comments"), nsmap={"w": W})
            comments_part = posixpath.join(posixpath.dirname(main), "comments.xml")
            new_part = True
        used = [_int(c.get(w("id")), -1) for c in comments.iter(w("comment"))]
        used += [_int(e.get(w("id")), -1) for e in root.iter(w("commentRangeStart"), w("commentReference"))]
        next_id = max(used, default=-1) + 1
        date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        anchors = []
        for finding in _per_block(findings):
            anchor = locator.locate(finding)
            _insert_range(anchor, next_id)
            comments.append(_comment_element(next_id, comment_text(finding), date))
            anchors.append(anchor.how)
            next_id += 1

        replaced = {main: _xml_bytes(root), comments_part: _xml_bytes(comments)}
        if new_part:
            rid_nums = [_int(re.sub(r"\D", "", r.get("Id") or ""), 0)
                        for r in rels.findall(f"{{{REL_NS}}}Relationship")]
            rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
            rel.set("Id", f"rId{max(rid_nums, default=0) + 1}")
            rel.set("Type", R_COMMENTS)
            rel.set("Target", posixpath.relpath(comments_part, posixpath.dirname(main) or "."))
            replaced[rels_part] = _xml_bytes(rels)
            ctypes = pkg.xml("[Content_Types].xml")
            partname = "/" + comments_part
            if not any(o.get("PartName") == partname for o in ctypes.findall(f"{{{CT_NS}}}Override")):
                o = etree.SubElement(ctypes, f"{{{CT_NS}}}Override")
                o.set("PartName", partname)
                o.set("ContentType", CT_COMMENTS)
            replaced["[Content_Types].xml"] = _xml_bytes(ctypes)

        names = sorted(pkg.names | set(replaced),
                       key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name in names:
                if name.endswith("/"):
                    continue
                data = replaced[name] if name in replaced else pkg.read(name)
                out.writestr(name, data)
    write_bytes(target, buf.getvalue())
    return Annotated(source, target, len(anchors), anchors)


def _same_block(prev, cur) -> bool:
    """Are two unplaced texts parts of one block: the same place, paragraphs
    that follow each other, or the same table?"""
    prev, cur = Lokasi.parse(prev), Lokasi.parse(cur)
    if not prev or not cur:
        return bool(prev) == bool(cur)
    if prev == cur:
        return True
    if prev.paragraf and cur.paragraf and prev == Lokasi(paragraf=prev.paragraf) and cur == Lokasi(paragraf=cur.paragraf):
        return cur.paragraf - prev.paragraf in (0, 1)
    return bool(prev.tabel) and not (prev.kotak_teks or cur.kotak_teks or prev.halaman or cur.halaman) and \
        prev.tabel == cur.tabel


def _per_block(findings):
    """The findings to comment on: a finding that gathers items ("butir",
    DK02) becomes one comment per block of them (at most one per unplaced
    block), the others stay as they are."""
    import copy

    for f in findings:
        items = getattr(f, "butir", None)
        if not items:
            yield f
            continue
        blocks: list = []
        for item in items:
            if blocks and _same_block(blocks[-1][-1].get("lokasi"), item.get("lokasi")):
                blocks[-1].append(item)
            else:
                blocks.append([item])
        for block in blocks:
            one = copy.copy(f)
            one.butir = None
            one.lokasi = block[0].get("lokasi")
            one.teks = block[0].get("teks")
            shown = "; ".join(x.get("teks") or "" for x in block[:3]) + (" ..." if len(block) > 3 else "")
            one.message = tr("Teks tidak terpetakan ke bagian SOP mana pun ({n}): {t}",
                             "Text not placed in any part of the SOP ({n}): {t}", n=len(block), t=shown)
            yield one


def _xml_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --------------------------------------------------------------------------
# a whole run


def target_for(out_dir, rel) -> Path:
    """Where the annotated copy of an input goes: same relative path, .docx."""
    rel = Path(rel)
    name = rel.name if rel.suffix.lower() in (".docx", ".docm", ".dotx", ".dotm") else rel.stem + ".docx"
    return Path(out_dir) / rel.parent / name


def _to_docx(src: Path, workdir: Path) -> Path:
    """A .doc/.rtf converted to .docx exactly as the reader converts it (so the
    findings' locations match the copy); raises UnreadableFile."""
    from soplint.readers.doc import convert_to_docx

    return convert_to_docx(src, workdir)


def annotate_result(result, out_dir, inputs=None) -> list:
    """Annotate every file of a :class:`CheckResult` into ``out_dir``.

    ``inputs``: the run's :class:`soplint.inputs.Input` items (path and
    relative name); without them each file keeps its own name. A Word
    97-2003 (.doc) or RTF file is converted with LibreOffice and its .docx
    copy annotated (LibreOffice missing: skipped with a message).
    Returns one :class:`Annotated` per file (``target`` None and a bilingual
    ``message`` when skipped); one bad file never stops the others."""
    import tempfile

    from soplint.preflight import sniff

    out_dir = Path(out_dir)
    by_name = {}
    all_inputs = []
    for item in inputs or []:
        by_name[str(item.path)] = item
        all_inputs.append(item.path)
    all_inputs = all_inputs or [Path(x.berkas) for x in result.berkas]
    out = []
    taken = set()
    for f in result.berkas:
        item = by_name.get(f.berkas)
        src = item.path if item is not None else Path(f.berkas)
        rel = item.rel if item is not None else Path(Path(f.berkas).name)
        if not f.sop and any(t.code == "DK01" for t in f.temuan):
            out.append(Annotated(src, None, message=tr(
                "{p}: tidak dianotasi (berkas tidak terbaca)", "{p}: not annotated (file cannot be read)",
                p=f.berkas)))
            continue
        if src.suffix.lower() == ".pdf":
            out.append(Annotated(src, None, message=tr(
                "{p}: tidak dianotasi (PDF tidak dapat diberi komentar Word; gunakan laporan atau convert --to docx)",
                "{p}: not annotated (a PDF cannot carry Word comments; use the report or convert --to docx)",
                p=f.berkas)))
            continue
        target = target_for(out_dir, rel)
        try:
            with tempfile.TemporaryDirectory(prefix="soplint-annotate-") as tmp:
                docx_src = src
                if sniff(src) != "zip":
                    docx_src = _to_docx(src, Path(tmp))
                    if target.suffix.lower() != ".docx":
                        target = target.with_suffix(".docx")
                elif target.suffix.lower() not in (".docx", ".docm", ".dotx", ".dotm"):
                    target = target.with_suffix(".docx")
                # two inputs with one relative name (x.docx in two folders, a.doc beside
                # a.docx): the later copy gets a number
                base, k = target, 2
                while target.resolve() in taken:
                    target = base.with_name(f"{base.stem}-{k}{base.suffix}")
                    k += 1
                taken.add(target.resolve())
                done = annotate_docx(docx_src, target, f.temuan, f.sop, all_inputs)
            done.source = src
            out.append(done)
        except ValueError as exc:
            out.append(Annotated(src, None, message=str(exc)))
        except UnreadableFile as exc:
            out.append(Annotated(src, None, message=tr("{p}: tidak dianotasi: {e}", "{p}: not annotated: {e}",
                                                       p=f.berkas, e=exc)))
        except Exception as exc:  # one odd document must not stop the batch
            out.append(Annotated(src, None, message=tr(
                "{p}: tidak dianotasi (galat internal: {e})", "{p}: not annotated (internal error: {e})",
                p=f.berkas, e=f"{type(exc).__name__}: {exc}")))
    return out


def annotate_and_report(result, out_dir, inputs=None, echo=None) -> list:
    """:func:`annotate_result`, with one line per skipped file and a summary
    on standard error (for ``check --annotate DIR``)."""
    if echo is None:
        import click

        def echo(text):
            click.echo(text, err=True)
    done = annotate_result(result, out_dir, inputs)
    written = [d for d in done if d.target is not None]
    for d in done:
        if d.message:
            echo(d.message)
    echo(tr("{n} salinan beranotasi ({k} komentar) ditulis ke {d}",
            "{n} annotated copies ({k} comments) written to {d}",
            n=len(written), k=sum(d.comments for d in written), d=out_dir))
    return done
