"""Build real legacy-layout SOP ``.docx`` files the way OPD staff make them in Word.

This is a test-data library (python-docx + lxml), not part of the product. It
renders one or more :class:`soplint.model.SOP` objects into a Word document in
one of many real-world layouts and returns the *oracle*: the model the reader
must produce from that file (``to_dict`` form, per /work/team/CONVENTIONS.md),
computed from the same source data the document is rendered from, never by
running the reader.

Usage::

    import sys; sys.path.insert(0, "samples")
    import sopdocx
    oracle = sopdocx.build_docx(sop, "out/x.docx", layout="standar")
    # oracle: list of dicts, one per SOP in the file (sumber.berkas = file name)

``sop`` may be one SOP or a list of SOPs (a "buku SOP": use ``sampul=[...]``
for a cover page). Steps' ``lanjut`` may be left empty: :func:`complete`
fills them from ``cabang`` by the conventions (process -> next, last -> [],
decision -> [cabang.ya]). For drawn layouts ``bentuk`` is filled from the
symbol (or kept, for off-standard ``tidak_baku`` shapes given by their
DrawingML preset name, e.g. "flowChartConnector", "flowChartDocument").

Layout presets (``layout=``) and the options they set (all overridable by
keyword):

=================  ===========================================================
``standar``        identity table, colon in its own cell, logo + institution
                   cell; 2-column detail table; procedure table with two
                   header rows, merged Pelaksana / Mutu Baku, column-number
                   row, DrawingML shapes in mc:AlternateContent with VML
                   fallback, connectors and Ya/Tidak text boxes
``satu_sel``       identity "Label : value" inside one cell; detail headings
                   in their own row; items inline "1. ... 2. ..."
``vml``            like ``standar`` but legacy VML shapes only + v:line
``centang``        ticks in the actor cells, branches only in Keterangan
``kolom_teks``     identity as paragraphs; procedure with one Pelaksana text
                   column
``naratif``        identity as paragraphs; steps as numbered paragraphs
                   (actor named in the sentence), no table
``kepala``         institution only in the page header; identity table
                   without a logo cell
=================  ===========================================================

Options:

- ``identitas``: "tabel" | "tabel_satu_sel" | "paragraf" | "kepala"
- ``label``: dict field -> label text as written (variants / typos), fields:
  nomor_sop, tanggal_pembuatan, tanggal_revisi, tanggal_efektif,
  disahkan_oleh, nama_sop, dasar_hukum, kualifikasi_pelaksana, keterkaitan,
  peralatan_perlengkapan, peringatan, pencatatan_pendataan
- ``judul``: document title paragraph above the identity (default
  "STANDAR OPERASIONAL PROSEDUR"; None for none). Not a field: it is
  listed in ``tak_terpetakan`` (the reader places nothing it does not map).
- ``detail``: "tabel" (heading + items in one cell) | "tabel_judul_baris"
  (headings in their own row) | "paragraf" | "satu_tabel" (detail rows
  continue the identity table)
- ``daftar``: "paragraf" | "ketik" (typed "1.") | "otomatis" (w:numPr) |
  "inline" ("1. ... 2. ..." in one paragraph)
- ``prosedur``: "bentuk" | "vml" | "centang" | "kolom_teks" | "paragraf" |
  "paragraf_otomatis"
- ``kolom_nomor``: add the "1 2 3 ..." row under the header
- ``konektor``: draw connectors and Ya/Tidak labels (drawn layouts)
- ``centang_teks``: tick string ("√", "v", "V", "X", "✓")
- ``no_format``: "{}" or "{}." for the No cell
- ``pecah_run``: split every text into several runs (mixed formatting)
- ``nbsp``: put non-breaking spaces / tabs / double spaces in labels
- ``sdt``: nomor and nama SOP values inside content controls
- ``lacak``: (step no, inserted text, deleted text): tracked change in the
  step's uraian (the inserted text must occur in the uraian)
- ``tautan``: index of a dasar_hukum item rendered as a hyperlink
- ``field``: tanggal_efektif value as a field result (fldSimple) and the
  footer page number as complex fields
- ``kaki``: footer text (a page-number line: goes to tak_terpetakan)
- ``kotak_teks``: note rendered as a floating text box (-> tak_terpetakan)
- ``catatan``: free paragraphs after the procedure (-> tak_terpetakan)
- ``tabel_bersarang``: logo + institution as a nested table in the left cell
- ``sampul``: cover-page lines before the first SOP (-> first SOP's
  tak_terpetakan), followed by a page break
- ``daftar_isi``: [(title, page)]: a Word table of contents (TOC field in a
  content control) after the cover (-> first SOP's tak_terpetakan)
- ``uraian_paragraf``: render multi-clause uraian cells as several
  paragraphs (split after ", ")
- ``pecah_tabel``: step numbers after which the procedure continues in a new
  table on the next page (off-page connector pair)
- ``kolom``: procedure header words (no, kegiatan, pelaksana, mutu_baku,
  kelengkapan, waktu, output, keterangan)
- ``titik_dua``: identity colon "sel" (own cell), "label" ("Nomor SOP :"),
  "nilai" (value starts with ": ")
- ``baris_kosong``: empty rows at the end of the procedure table
- ``daftar_tampil``: field -> items as written (e.g. ["-"] for a list the
  model holds as [])
- ``nip_label``: "NIP. " (default), "NIP ", "NIP : "
- ``urutan_identitas``: order of the identity fields
- ``derau``: Word editing debris (proofErr, bookmarks, smartTag, customXml)
- ``centang_simbol``: ticks as Wingdings w:sym (no text)
- ``seksi``: section break (paragraph w:sectPr) before the procedure
- ``field_nomor``: Nomor SOP as a complex DOCPROPERTY field
- ``label_cabang``: words on decision branches, a pair for all decisions or
  {step no: pair}, e.g. ("Lengkap", "Tidak Lengkap")
- ``tanda_hubung``: hyphens as w:noBreakHyphen elements
- ``komentar``: {identity field: text}: a reviewer's Word comment on that
  value (counted in ``sumber.komentar``; its text lives in comments.xml)
- ``br_aktor``: actor header names broken over two lines with w:br
- ``header_satu_baris``: one procedure header row, actor names directly
  between Kegiatan and Kelengkapan (no Pelaksana / Mutu Baku row)
- ``tanpa_keterangan``: no Keterangan column
- ``judul_dalam_tabel``: the title as a merged first row of the identity
  table
- ``jabatan_baris``: the signing block's jabatan lines as typed (they must
  join with spaces into the model's jabatan), e.g. ["a.n. BUPATI SLEMAN",
  "SEKRETARIS DAERAH"]
- ``prosedur="grup"``: the flowchart as one Word group over exact-height
  rows; ``prosedur="gambar"``: the flowchart as a pasted picture (no actor
  marked, ``gambar_alur`` true)
"""
from __future__ import annotations

import copy
import dataclasses
import datetime
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Iterable, Optional, Union

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from soplint import model as m

__all__ = ["build_docx", "complete", "oracle_dict", "LAYOUTS", "png_logo", "DEFAULT_LABELS"]

NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)

DEFAULT_LABELS = {
    "nomor_sop": "Nomor SOP",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_revisi": "Tanggal Revisi",
    "tanggal_efektif": "Tanggal Efektif",
    "disahkan_oleh": "Disahkan oleh",
    "nama_sop": "Nama SOP",
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
}

LAYOUTS = {
    "standar": dict(identitas="tabel", detail="tabel", daftar="paragraf", prosedur="bentuk",
                    kolom_nomor=True, konektor=True),
    "satu_sel": dict(identitas="tabel_satu_sel", detail="tabel_judul_baris", daftar="inline",
                     prosedur="bentuk", kolom_nomor=False, konektor=True),
    "vml": dict(identitas="tabel", detail="tabel", daftar="ketik", prosedur="vml", kolom_nomor=True,
                konektor=True),
    "centang": dict(identitas="tabel", detail="tabel_judul_baris", daftar="otomatis", prosedur="centang",
                    kolom_nomor=True, konektor=False),
    "kolom_teks": dict(identitas="paragraf", detail="paragraf", daftar="ketik", prosedur="kolom_teks",
                       kolom_nomor=False, konektor=False),
    "naratif": dict(identitas="paragraf", detail="paragraf", daftar="otomatis", prosedur="paragraf_otomatis",
                    kolom_nomor=False, konektor=False),
    "kepala": dict(identitas="kepala", detail="satu_tabel", daftar="paragraf", prosedur="bentuk",
                   kolom_nomor=True, konektor=True),
}

# symbol -> (DrawingML preset, VML shape type number)
_PRESET = {"mulai": "flowChartTerminator", "selesai": "flowChartTerminator", "proses": "flowChartProcess",
           "keputusan": "flowChartDecision"}
_VML_TYPE = {"flowChartTerminator": 116, "flowChartProcess": 109, "flowChartDecision": 110,
             "flowChartConnector": 120, "flowChartDocument": 114, "flowChartInputOutput": 111,
             "flowChartOffpageConnector": 177, "flowChartPredefinedProcess": 112,
             "flowChartManualOperation": 119}
_DRAWN = ("bentuk", "vml", "grup")


# --------------------------------------------------------------------------
# model helpers

def complete(sop: m.SOP) -> m.SOP:
    """Fill ``lanjut`` of every step from the conventions (in place)."""
    steps = sop.kegiatan
    for i, k in enumerate(steps):
        nxt = steps[i + 1].no if i + 1 < len(steps) else None
        if k.simbol == "keputusan":
            if k.cabang is None:
                k.cabang = m.Cabang(ya=nxt, tidak=None)
            k.lanjut = [k.cabang.ya] if k.cabang.ya is not None else []
        elif nxt is None or k.simbol == "selesai":
            k.lanjut = []
        elif not k.lanjut:
            k.lanjut = [nxt]
    return sop


def _norm(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text).strip()


def _infer_simbol(sop: m.SOP, k: m.Kegiatan) -> str:
    """The symbol the conventions infer when nothing is drawn."""
    if k is sop.kegiatan[0]:
        return "mulai"
    if k is sop.kegiatan[-1]:
        return "selesai"
    if k.uraian.rstrip().endswith("?") or re.search(r"\b(ya|tidak)\s*:", k.keterangan, re.I):
        return "keputusan"
    return "proses"


def oracle_dict(sop: m.SOP, berkas: str, indeks: int, opts: dict, extra_unplaced=(), tracked=0) -> dict:
    """The expected model of one rendered SOP."""
    exp = copy.deepcopy(sop)
    exp.sumber = m.Sumber(berkas=berkas, indeks=indeks, format="docx", perubahan_terlacak=tracked,
                          komentar=0, gambar_alur=False)
    exp.lokasi = {}
    prosedur = opts["prosedur"]
    for k in exp.kegiatan:
        k.lokasi = None
        if prosedur in _DRAWN:
            name = k.bentuk or _PRESET[k.simbol]
            k.bentuk = f"t{_VML_TYPE[name]}" if prosedur == "vml" else name
        elif prosedur == "centang":
            k.bentuk = "centang" if k.pelaksana else None
        elif prosedur == "gambar":
            # a pasted picture marks no actor and draws no readable symbol
            k.bentuk, k.pelaksana, k.pelaksana_lain = None, None, []
        else:
            k.bentuk = None
    if prosedur == "gambar":
        exp.sumber.gambar_alur = True
    exp.tak_terpetakan = list(exp.tak_terpetakan) + [m.TakTerpetakan(_norm(t), loc) for t, loc in extra_unplaced]
    return m.to_dict(exp)


# --------------------------------------------------------------------------
# small building blocks

def png_logo(size: int = 48) -> bytes:
    """A small PNG (a shield-like emblem), generated without Pillow."""
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx, cy = x - size / 2, y - size / 2.4
            inside = abs(cx) < size * 0.38 and (cy < size * 0.2 or abs(cx) < (size * 0.6 - cy) * 0.9)
            star = abs(cx) + abs(cy + size * 0.05) < size * 0.12
            if star:
                row += bytes((250, 210, 40))
            elif inside:
                row += bytes((20, 90, 40)) if (x + y) % 7 else bytes((30, 110, 50))
            else:
                row += bytes((255, 255, 255))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


class _Ctx:
    """Per-document rendering state."""

    def __init__(self, doc, opts):
        self.doc = doc
        self.opts = opts
        self.shape_id = 1000  # clear of python-docx's own picture ids
        self.step_shape: dict[int, int] = {}  # step no -> docPr id of its symbol
        self.vml_rules: list[tuple] = []  # (connector id, start shape id, end shape id)
        self.noise = 0
        self.current_step = None
        self.comments = 0
        self.tracked = 0
        self.unplaced: list[tuple[str, str]] = []
        self.num_ids: dict[str, int] = {}
        self.top_par = 0  # top-level body paragraphs so far (for lokasi of unplaced text)

    def next_id(self):
        self.shape_id += 1
        return self.shape_id


def _chunks(text: str, split: bool) -> list[str]:
    if not split or len(text) < 6:
        return [text]
    # split inside words too: Word does this after edits / spell checks
    cuts = sorted({max(1, len(text) // 3), max(2, (2 * len(text)) // 3 + 1)})
    parts, last = [], 0
    for c in cuts:
        if last < c < len(text):
            parts.append(text[last:c])
            last = c
    parts.append(text[last:])
    return [p for p in parts if p]


def _add_text(ctx: _Ctx, par, text: str, bold=False, underline=False, italic=False, size=None):
    runs = []
    for i, part in enumerate(_chunks(text, ctx.opts.get("pecah_run") or ctx.opts.get("derau"))):
        if ctx.opts.get("tanda_hubung") and "-" in part:
            _add_nobreak_hyphens(par, part, bold, underline, italic, size)
            continue
        run = par.add_run(part)
        run.bold = bold or None
        run.underline = underline or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if ctx.opts.get("pecah_run") and i == 1:
            run.font.name = "Arial"  # a formatting change that forces a run split
        runs.append(run)
    if ctx.opts.get("derau") and runs:
        _word_noise(ctx, runs)
    return par


def _add_nobreak_hyphens(par, text, bold, underline, italic, size):
    """Ctrl+Shift+Minus: the hyphen is a w:noBreakHyphen element, not text."""
    pieces = text.split("-")
    for j, piece in enumerate(pieces):
        run = par.add_run(piece)
        run.bold = bold or None
        run.underline = underline or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if j < len(pieces) - 1:
            run._r.append(parse_xml(f'<w:noBreakHyphen {NSDECL}/>'))


def _word_noise(ctx: _Ctx, runs):
    """What Word leaves between runs of an edited document: spelling marks,
    bookmarks, smart tags, rsid-only run splits."""
    ctx.noise += 1
    first, last = runs[0]._r, runs[-1]._r
    first.addprevious(parse_xml(f'<w:proofErr {NSDECL} w:type="spellStart"/>'))
    last.addnext(parse_xml(f'<w:proofErr {NSDECL} w:type="spellEnd"/>'))
    if ctx.noise % 3 == 0:
        bid = 500 + ctx.noise
        first.addprevious(parse_xml(f'<w:bookmarkStart {NSDECL} w:id="{bid}" w:name="_Hlk{8000 + bid}"/>'))
        last.addnext(parse_xml(f'<w:bookmarkEnd {NSDECL} w:id="{bid}"/>'))
    if ctx.noise % 4 == 0 and len(runs) > 1:
        tag = parse_xml(f'<w:smartTag {NSDECL} w:uri="urn:schemas-microsoft-com:office:smarttags" '
                        f'w:element="place"/>')
        r = runs[1]._r
        r.addprevious(tag)
        tag.append(r)
    if ctx.noise % 5 == 0:
        cx = parse_xml(f'<w:customXml {NSDECL} w:element="isian"/>')
        r = runs[0]._r
        r.addprevious(cx)
        cx.append(r)


def _label_text(ctx: _Ctx, label: str) -> str:
    if ctx.opts.get("nbsp"):
        # NBSP inside the label and a double space before it
        return label.replace(" ", "\u00a0", 1)
    return label


def _cell_par(cell, first=True):
    """The cell's first (empty) paragraph, else a new one."""
    if first and len(cell.paragraphs) == 1 and not cell.paragraphs[0].text:
        return cell.paragraphs[0]
    return cell.add_paragraph()


def _set_cell(ctx: _Ctx, cell, text: str, bold=False, size=None, align=None):
    par = _cell_par(cell)
    if text:
        _add_text(ctx, par, text, bold=bold, size=size)
    if align is not None:
        par.alignment = align
    return par


def _shade(cell, fill="D9D9D9"):
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(parse_xml(f'<w:shd {NSDECL} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _borders(table):
    tblPr = table._tbl.tblPr
    xml = (f'<w:tblBorders {NSDECL}>' + "".join(
        f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>')
    tblPr.append(parse_xml(xml))


def _new_table(container, rows, cols, widths_cm=None):
    table = container.add_table(rows=rows, cols=cols)
    _borders(table)
    if widths_cm:
        table.autofit = False
        for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
            gc.set(qn("w:w"), str(int(w * 567)))
        for row in table.rows:
            for cell, w in zip(row.cells, widths_cm):
                cell.width = Cm(w)
    return table


def _section_break(ctx):
    """End the current section in a paragraph's w:sectPr (portrait) and go on
    in the document's last section (landscape), as Word does for a landscape
    procedure after a portrait identity page."""
    p = ctx.doc.add_paragraph()
    ctx.top_par += 1
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:sectPr {NSDECL}><w:pgSz w:w="12240" w:h="18720"/>'
        f'<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" '
        f'w:gutter="0"/><w:cols w:space="720"/></w:sectPr>'))


def _page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------
# numbering.xml (Word auto-numbering)

def _numbering(ctx: _Ctx, kind: str) -> int:
    """A w:num id for a decimal list ("1.") or a lower-letter list ("a.");
    each call for "daftar" restarts numbering (new w:num)."""
    numbering = ctx.doc.part.numbering_part.element
    abs_key = "abs_" + kind
    if abs_key not in ctx.num_ids:
        abs_id = 90 + len(ctx.num_ids)
        fmt, text = ("lowerLetter", "%1.") if kind == "huruf" else ("decimal", "%1.")
        abstract = parse_xml(
            f'<w:abstractNum {NSDECL} w:abstractNumId="{abs_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        ctx.num_ids[abs_key] = abs_id
    num_id = 200 + sum(1 for k in ctx.num_ids if k.startswith("num"))
    ctx.num_ids[f"num{num_id}"] = num_id
    numbering.append(parse_xml(
        f'<w:num {NSDECL} w:numId="{num_id}"><w:abstractNumId w:val="{ctx.num_ids[abs_key]}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return num_id


def _set_numpr(par, num_id):
    pPr = par._p.get_or_add_pPr()
    pPr.append(parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


# --------------------------------------------------------------------------
# list fields

def _list_pars(ctx: _Ctx, container, items: list[str], style: str, link_index=None, cell=None):
    """Render list items into a cell (``cell``) or the body (``container``)."""
    def new_par():
        if cell is not None:
            return _cell_par(cell, first=False)
        return container.add_paragraph()

    if not items:
        return
    if style == "inline":
        par = new_par()
        _add_text(ctx, par, " ".join(f"{i}. {t}" for i, t in enumerate(items, 1)))
        return
    num_id = _numbering(ctx, "angka") if style == "otomatis" else None
    for i, item in enumerate(items, 1):
        par = new_par()
        if num_id is not None:
            _set_numpr(par, num_id)
            text = item
        else:
            text = {"ketik": f"{i}.\t{item}", "huruf": f"{chr(96 + i)}.\t{item}", "kurung": f"{i})\t{item}",
                    "strip": f"-\t{item}", "bulet": f"\u2022\t{item}"}.get(style, item)
        if link_index is not None and i - 1 == link_index:
            if style == "ketik":
                _add_text(ctx, par, f"{i}.\t")
            _hyperlink(ctx, par, item, "https://jdih.example.go.id/peraturan/" + str(i))
        else:
            _add_text(ctx, par, text)


def _hyperlink(ctx: _Ctx, par, text, url):
    rid = par.part.relate_to(url, RT.HYPERLINK, is_external=True)
    el = parse_xml(
        f'<w:hyperlink {NSDECL} r:id="{rid}" w:history="1"><w:r><w:rPr><w:color w:val="0563C1"/>'
        f'<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:hyperlink>')
    par._p.append(el)


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


# --------------------------------------------------------------------------
# identity

def _jabatan_lines(jabatan: str) -> list[str]:
    """Split a jabatan the way it is typed over two or three lines."""
    m_ = re.search(r"\s(KOTA|KABUPATEN|PROVINSI|KECAMATAN)\s", jabatan)
    if m_ and m_.start() > 0:
        return [jabatan[:m_.start()], jabatan[m_.start() + 1:]]
    return [jabatan]


def _signing_lines(p: m.Pengesahan, nip_label: str = "NIP. ", jabatan_baris=None) -> list[tuple[str, dict]]:
    if jabatan_baris:
        if " ".join(jabatan_baris) != p.jabatan:
            raise ValueError(f"jabatan_baris {jabatan_baris} do not make the jabatan {p.jabatan!r}")
        lines = [(line, {}) for line in jabatan_baris]
    else:
        lines = [(line, {}) for line in _jabatan_lines(p.jabatan or "")]
    lines += [("", {}), ("", {}), ("", {})]
    if p.nama:
        lines.append((p.nama, {"bold": True, "underline": True}))
    if p.pangkat:
        lines.append((p.pangkat, {}))
    if p.nip:
        nip = p.nip
        spaced = f"{nip[:8]} {nip[8:14]} {nip[14:15]} {nip[15:]}" if len(nip) == 18 else nip
        lines.append((f"{nip_label}{spaced}", {}))
    return lines


def _date_text(t: Optional[m.Tanggal]) -> Optional[str]:
    return None if t is None else t.teks


def _identity_rows(sop: m.SOP, labels: dict, order=None) -> list[tuple[str, str, object]]:
    """(field, label, value) in document order; absent fields (None) skipped."""
    idn = sop.identitas
    rows = []
    for f in order or ("nomor_sop", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh",
                       "nama_sop"):
        value = getattr(idn, f)
        if value is None:
            continue
        if isinstance(value, m.Tanggal):
            value = value.teks
        rows.append((f, labels[f], value))
    for label, value in sop.lainnya.items():
        rows.append(("lainnya", label, value))
    return rows


def _value_into(ctx: _Ctx, cell_or_par_factory, field, value, first_par=None):
    """Write one identity value; ``cell_or_par_factory()`` gives new paragraphs."""
    par = first_par
    _value_into_inner(ctx, cell_or_par_factory, field, value, first_par)
    note = (ctx.opts.get("komentar") or {}).get(field)
    if note and par is not None and par.runs:
        # a reviewer's Word comment anchored on the value
        ctx.doc.add_comment(par.runs, text=note, author="Bagian Organisasi", initials="BO")
        ctx.comments += 1


def _value_into_inner(ctx: _Ctx, cell_or_par_factory, field, value, first_par=None):
    if isinstance(value, m.Pengesahan):
        for i, (line, fmt) in enumerate(_signing_lines(value, ctx.opts.get("nip_label", "NIP. "),
                                                       ctx.opts.get("jabatan_baris"))):
            par = first_par if (i == 0 and first_par is not None) else cell_or_par_factory()
            if line:
                _add_text(ctx, par, line, **fmt)
        return
    par = first_par if first_par is not None else cell_or_par_factory()
    if field in ("nomor_sop", "nama_sop") and ctx.opts.get("sdt") and value:
        _sdt_run(par, value, tag=field)
    elif field == "nomor_sop" and ctx.opts.get("field_nomor") and value:
        _complex_field(par, "DOCPROPERTY  NomorSOP  \\* MERGEFORMAT", value)
    elif field == "tanggal_efektif" and ctx.opts.get("field") and value:
        par._p.append(parse_xml(
            f'<w:fldSimple {NSDECL} w:instr=" DOCPROPERTY  TanggalEfektif  \\* MERGEFORMAT ">'
            f'<w:r><w:t xml:space="preserve">{_esc(value)}</w:t></w:r></w:fldSimple>'))
    elif value:
        _add_text(ctx, par, value)


def _sdt_run(par, text, tag):
    par._p.append(parse_xml(
        f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{sum(map(ord, tag)) * 37}"/>'
        f'</w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:sdtContent></w:sdt>'))


def _instansi_cell(ctx: _Ctx, cell, instansi: list[str]):
    logo = png_logo()
    if ctx.opts.get("tabel_bersarang"):
        inner = cell.add_table(rows=1, cols=2)
        p0 = _cell_par(inner.cell(0, 0))
        p0.add_run().add_picture(io.BytesIO(logo), width=Cm(1.6))
        for i, line in enumerate(instansi):
            _add_text(ctx, _cell_par(inner.cell(0, 1), first=(i == 0)), line, bold=True, size=10)
        return
    par = _cell_par(cell)
    par.add_run().add_picture(io.BytesIO(logo), width=Cm(2.0))
    par.alignment = 1
    for line in instansi:
        p = cell.add_paragraph()
        p.alignment = 1
        _add_text(ctx, p, line, bold=True, size=10)


def _render_identity(ctx: _Ctx, sop: m.SOP, labels: dict):
    doc = ctx.doc
    mode = ctx.opts["identitas"]
    rows = _identity_rows(sop, labels, ctx.opts.get("urutan_identitas"))
    judul = ctx.opts.get("judul", "STANDAR OPERASIONAL PROSEDUR")
    if mode == "paragraf":
        for line in sop.identitas.instansi:
            p = doc.add_paragraph()
            p.alignment = 1
            _add_text(ctx, p, line, bold=True)
            ctx.top_par += 1
        if judul:
            p = doc.add_paragraph()
            p.alignment = 1
            _add_text(ctx, p, judul, bold=True, size=14)
            ctx.top_par += 1
            ctx.unplaced.append((judul, f"paragraf {ctx.top_par}"))
        for field, label, value in rows:
            p = doc.add_paragraph()
            ctx.top_par += 1
            tab = "\t\t" if len(label) < 14 else "\t"
            _add_text(ctx, p, f"{_label_text(ctx, label)}{tab}: ")

            def factory():
                q = doc.add_paragraph()
                q.paragraph_format.left_indent = Cm(5)
                ctx.top_par += 1
                return q
            _value_into(ctx, factory, field, value, first_par=p)
        return None
    judul_tabel = bool(judul and ctx.opts.get("judul_dalam_tabel"))
    if judul and not judul_tabel:
        p = doc.add_paragraph()
        p.alignment = 1
        _add_text(ctx, p, judul, bold=True, size=14)
        ctx.top_par += 1
        ctx.unplaced.append((judul, f"paragraf {ctx.top_par}"))
    with_logo = mode != "kepala"
    if mode == "kepala":
        _page_header(ctx, sop.identitas.instansi)
    satu_sel = mode == "tabel_satu_sel"
    ncols = (2 if satu_sel else 4) if with_logo else (1 if satu_sel else 3)
    widths = {4: [6.0, 4.0, 0.5, 8.5], 2: [6.0, 13.0], 3: [5.0, 0.5, 13.5], 1: [19.0]}[ncols]
    table = _new_table(doc, len(rows), ncols, widths)
    off = 1 if with_logo else 0
    for r, (field, label, value) in enumerate(rows):
        cells = table.rows[r].cells
        if satu_sel:
            cell = cells[off]
            par = _cell_par(cell)
            _add_text(ctx, par, f"{_label_text(ctx, label)}\t: ")
            _value_into(ctx, cell.add_paragraph, field, value, first_par=par)
        elif ctx.opts.get("titik_dua") == "label":
            # "Nomor SOP :" in the label cell, the middle cell left empty
            _set_cell(ctx, cells[off], _label_text(ctx, label) + " :")
            _value_into(ctx, cells[off + 2].add_paragraph, field, value, first_par=_cell_par(cells[off + 2]))
        elif ctx.opts.get("titik_dua") == "nilai":
            # the value cell starts with ": "
            _set_cell(ctx, cells[off], _label_text(ctx, label))
            first = _cell_par(cells[off + 2])
            _add_text(ctx, first, ": ")
            _value_into(ctx, cells[off + 2].add_paragraph, field, value, first_par=first)
        else:
            _set_cell(ctx, cells[off], _label_text(ctx, label))
            _set_cell(ctx, cells[off + 1], ":")
            _value_into(ctx, cells[off + 2].add_paragraph, field, value, first_par=_cell_par(cells[off + 2]))
    if with_logo:
        left = table.cell(0, 0)
        if len(rows) > 1:
            left = left.merge(table.cell(len(rows) - 1, 0))
        _instansi_cell(ctx, left, sop.identitas.instansi)
    if judul_tabel:
        # a first row across the whole table holding the title
        first_tr = table.rows[0]._tr
        new_tr = parse_xml(f'<w:tr {NSDECL}><w:tc><w:tcPr><w:gridSpan w:val="{ncols}"/></w:tcPr><w:p><w:pPr>'
                           f'<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>'
                           f'<w:t>{_esc(judul)}</w:t></w:r></w:p></w:tc></w:tr>')
        first_tr.addprevious(new_tr)
        ctx.unplaced.append((judul, "tabel, baris 1"))
    return table


def _page_header(ctx: _Ctx, lines: list[str]):
    header = ctx.doc.sections[0].header
    header.is_linked_to_previous = False
    first = True
    for line in lines:
        p = header.paragraphs[0] if first else header.add_paragraph()
        first = False
        p.alignment = 1
        _add_text(ctx, p, line, bold=True)


# --------------------------------------------------------------------------
# detail (the 2-column table)

_DETAIL_PAIRS = [("dasar_hukum", "kualifikasi_pelaksana"), ("keterkaitan", "peralatan_perlengkapan"),
                 ("peringatan", "pencatatan_pendataan")]


def _render_detail(ctx: _Ctx, sop: m.SOP, labels: dict, identity_table=None):
    doc = ctx.doc
    mode = ctx.opts["detail"]
    style = ctx.opts["daftar"]
    link = ctx.opts.get("tautan")
    if mode == "paragraf":
        for pair in _DETAIL_PAIRS:
            for f in pair:
                items = _shown(ctx, sop, f)
                if items is None:
                    continue
                p = doc.add_paragraph()
                _add_text(ctx, p, f"{labels[f]} :", bold=True)
                _list_pars(ctx, doc, items, style, link_index=link if f == "dasar_hukum" else None)
        return
    if mode == "satu_tabel" and identity_table is not None:
        table = identity_table
        ncols = len(table.columns)
        for pair in _DETAIL_PAIRS:
            row = table.add_row()
            left, right = row.cells[0], row.cells[ncols - 1]
            if ncols > 2:
                left = left.merge(row.cells[ncols // 2 - 1]) if ncols // 2 - 1 > 0 else left
                right = row.cells[ncols // 2].merge(row.cells[ncols - 1])
            for cell, f in ((left, pair[0]), (right, pair[1])):
                _detail_cell(ctx, cell, f, _shown(ctx, sop, f), labels, style, link)
        return
    table = _new_table(doc, 0, 2, [9.5, 9.5])
    for pair in _DETAIL_PAIRS:
        if mode == "tabel_judul_baris":
            head = table.add_row().cells
            body = table.add_row().cells
            for i, f in enumerate(pair):
                items = _shown(ctx, sop, f)
                if items is None:
                    continue
                _set_cell(ctx, head[i], f"{labels[f]}:", bold=True)
                _shade(head[i], "F2F2F2")
                _list_pars(ctx, None, items, style, link_index=link if f == "dasar_hukum" else None, cell=body[i])
        else:
            row = table.add_row().cells
            for i, f in enumerate(pair):
                _detail_cell(ctx, row[i], f, _shown(ctx, sop, f), labels, style, link)


def _shown(ctx: _Ctx, sop: m.SOP, field: str):
    """The items as written in the document (``daftar_tampil`` overrides, e.g.
    a lone "-" for a list the model holds as [])."""
    shown = (ctx.opts.get("daftar_tampil") or {}).get(field)
    return shown if shown is not None else getattr(sop, field)


def _detail_cell(ctx, cell, field, items, labels, style, link):
    if items is None:
        return
    _set_cell(ctx, cell, f"{labels[field]}:", bold=True)
    _list_pars(ctx, None, items, style, link_index=link if field == "dasar_hukum" else None, cell=cell)


# --------------------------------------------------------------------------
# drawing: DrawingML (with VML fallback) and legacy VML

EMU_PT = 12700


def _anchor_xml(ctx: _Ctx, preset: str, x_emu, y_emu, cx, cy, *, name, text=None, connector=False,
                flip="", arrow=False, vml_fallback=True, vml_type=None, sid=None, cxn=None,
                symbol_text=False):
    sid = sid or ctx.next_id()
    line_end = '<a:tailEnd type="triangle"/>' if arrow else ""
    if connector and cxn:
        # glued connector, as Word writes it: source and target shape ids
        nv = (f'<wps:cNvCnPr><a:stCxn id="{cxn[0]}" idx="2"/>'
              + (f'<a:endCxn id="{cxn[1]}" idx="0"/>' if cxn[1] else "") + '</wps:cNvCnPr>')
        fill = ""
    elif connector:
        nv = "<wps:cNvCnPr/>"
        fill = ""
    elif text is not None and not symbol_text:
        nv = '<wps:cNvSpPr txBox="1"/>'
        fill = "<a:noFill/>"
    else:
        nv = "<wps:cNvSpPr/>"
        fill = '<a:solidFill><a:schemeClr val="bg1"/></a:solidFill>'
    line = ('<a:ln w="6350"><a:noFill/></a:ln>' if text is not None and not symbol_text else
            f'<a:ln w="9525"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>{line_end}</a:ln>')
    txbx = ""
    if text is not None:
        txbx = (f'<wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
                f'<w:r><w:rPr><w:sz w:val="14"/></w:rPr><w:t>{_esc(text)}</w:t></w:r></w:p></w:txbxContent></wps:txbx>')
    body = ('<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
            '<a:noAutofit/></wps:bodyPr>')
    drawing = (
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + sid * 1024}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x_emu)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(y_emu)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{int(cx)}" cy="{int(cy)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{sid}" name="{_esc(name)} {sid}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp>{nv}<wps:spPr><a:xfrm{flip}><a:off x="0" y="0"/><a:ext cx="{int(cx)}" cy="{int(cy)}"/></a:xfrm>'
        f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{fill}{line}</wps:spPr>{txbx}{body}</wps:wsp>'
        f'</a:graphicData></a:graphic>'
        f'<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
        f'<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
        f'</wp:anchor></w:drawing>')
    if not vml_fallback:
        return f'<w:r {NSDECL}>{drawing}</w:r>'
    fallback = _vml_xml(sid, preset, x_emu, y_emu, cx, cy, text=None if symbol_text else text,
                        label=text if symbol_text else None, connector=connector, arrow=arrow,
                        vml_type=vml_type, name=name, wrap=False)
    return (f'<w:r {NSDECL}><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


def _vml_connector(cid, x, y, dx, dy, bent):
    t = 34 if bent else 32
    flip = ",".join(f for f, c in (("x", dx < 0), ("y", dy < 0)) if c)
    style = (f"position:absolute;margin-left:{_pt(x + min(dx, 0))};margin-top:{_pt(y + min(dy, 0))};"
             f"width:{_pt(abs(dx) or 1)};height:{_pt(abs(dy) or 1)};z-index:{cid}"
             + (f";flip:{flip}" if flip else ""))
    path = "m,l21600,21600e" if t == 32 else "m,l@0,0@0,21600,21600,21600e"
    return (f'<w:r {NSDECL}><w:pict><v:shapetype id="_x0000_t{t}" coordsize="21600,21600" o:spt="{t}" '
            f'o:oned="t" path="{path}" filled="f"><v:path arrowok="t" fillok="f" o:connecttype="none"/>'
            f'<o:lock v:ext="edit" shapetype="t"/></v:shapetype>'
            f'<v:shape id="AutoShape {cid}" o:spid="_x0000_s{1024 + cid}" type="#_x0000_t{t}" style="{style}" '
            f'o:connectortype="{"elbow" if t == 34 else "straight"}" strokeweight=".5pt">'
            f'<v:stroke endarrow="block"/></v:shape></w:pict></w:r>')


def _vml_rules_into_settings(ctx: "_Ctx"):
    if not ctx.vml_rules:
        return
    rules = "".join(
        f'<o:r id="V:Rule{i}" type="connector" idref="#_x0000_s{1024 + cid}">'
        + (f'<o:proxy start="" idref="#_x0000_s{1024 + a}" connectloc="2"/>' if a else "")
        + (f'<o:proxy end="" idref="#_x0000_s{1024 + b}" connectloc="0"/>' if b else "")
        + '</o:r>' for i, (cid, a, b) in enumerate(ctx.vml_rules, 1))
    el = parse_xml(f'<w:shapeDefaults {NSDECL}><o:shapedefaults v:ext="edit" spidmax="{4096}"/>'
                   f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>'
                   f'<o:rules v:ext="edit">{rules}</o:rules></o:shapelayout></w:shapeDefaults>')
    settings = ctx.doc.settings.element
    old = settings.find(qn("w:shapeDefaults"))
    if old is not None:
        settings.remove(old)
    anchor = settings.find(qn("w:decimalSymbol"))
    if anchor is not None:
        anchor.addprevious(el)
    else:
        settings.append(el)


def _pt(emu):
    return f"{emu / EMU_PT:.2f}pt"


def _vml_xml(sid, preset, x, y, cx, cy, *, text=None, connector=False, arrow=False, vml_type=None, name="",
             wrap=True, label=None):
    style = (f"position:absolute;margin-left:{_pt(x)};margin-top:{_pt(y)};width:{_pt(cx)};height:{_pt(cy)};"
             f"z-index:{sid};mso-position-horizontal-relative:text;mso-position-vertical-relative:text")
    if connector:
        shape = (f'<v:line id="_x0000_s{1024 + sid}" style="position:absolute;z-index:{sid}" '
                 f'from="{_pt(x)},{_pt(y)}" to="{_pt(x + cx)},{_pt(y + cy)}" strokeweight=".5pt">'
                 + ('<v:stroke endarrow="block"/>' if arrow else "") + '</v:line>')
    elif text is not None:
        shape = (f'<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
                 f'<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
                 f'<v:shape id="Text Box {sid}" o:spid="_x0000_s{1024 + sid}" type="#_x0000_t202" style="{style}" '
                 f'filled="f" stroked="f"><v:textbox inset="0,0,0,0"><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/>'
                 f'</w:pPr><w:r><w:rPr><w:sz w:val="14"/></w:rPr><w:t>{_esc(text)}</w:t></w:r></w:p></w:txbxContent>'
                 f'</v:textbox></v:shape>')
    else:
        t = vml_type or _VML_TYPE.get(preset, 109)
        shape = (f'<v:shapetype id="_x0000_t{t}" coordsize="21600,21600" o:spt="{t}" path="m,l,21600r21600,l21600,xe">'
                 f'<v:stroke joinstyle="miter"/><v:path o:connecttype="rect"/></v:shapetype>'
                 f'<v:shape id="{_esc(name)} {sid}" o:spid="_x0000_s{1024 + sid}" type="#_x0000_t{t}" '
                 f'style="{style}" fillcolor="white" strokeweight=".5pt">'
                 + (f'<v:textbox inset="0,0,0,0"><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
                    f'<w:r><w:rPr><w:sz w:val="14"/></w:rPr><w:t>{_esc(label)}</w:t></w:r></w:p></w:txbxContent>'
                    f'</v:textbox>' if label else "")
                 + '</v:shape>')
    if wrap:
        return f'<w:r {NSDECL}><w:pict>{shape}</w:pict></w:r>'
    return f'<w:pict>{shape}</w:pict>'


COL_W = 1.9  # actor column width, cm
ROW_H_EMU = 560000  # nominal step row height


def _draw_step(ctx: _Ctx, par, k: m.Kegiatan, preset: str, engine: str, targets: dict, col_of: dict,
               keputusan_label: bool, connectors: bool = True):
    """Anchor the step's symbol (and its outgoing connectors/labels) in ``par``."""
    ctx.current_step = k.no
    w, h = (560000, 300000) if preset != "flowChartDecision" else (560000, 400000)
    x0, y0 = (COL_W * 360000 - w) / 2, 60000
    if engine == "bentuk":
        sid = ctx.step_shape.get(k.no) if connectors else None
        par._p.append(parse_xml(_anchor_xml(ctx, preset, x0, y0, w, h, name=_shape_label(preset), sid=sid)))
    else:
        sid = (ctx.step_shape.get(k.no) if connectors else None) or ctx.next_id()
        par._p.append(parse_xml(_vml_xml(sid, preset, x0, y0, w, h, name=_shape_label(preset))))
    if not ctx.opts.get("konektor") or not connectors:
        return
    here = col_of.get(k.no, 0)
    outs = []
    if k.simbol == "keputusan" and k.cabang is not None:
        if k.cabang.ya is not None:
            outs.append(("Ya", k.cabang.ya))
        if k.cabang.tidak is not None:
            outs.append(("Tidak", k.cabang.tidak))
    else:
        outs += [(None, t) for t in k.lanjut]
    for label, target in outs:
        dst_col = col_of.get(target, here)
        dst_row_delta = targets.get(target, 1)
        dx = (dst_col - here) * COL_W * 360000
        dy = dst_row_delta * ROW_H_EMU - h
        x, y = x0 + w / 2, y0 + h
        flip = ""
        if dx < 0:
            flip += ' flipH="1"'
        if dy < 0:
            flip += ' flipV="1"'
        preset_c = "straightConnector1" if dx == 0 else "bentConnector3"
        if label == "Tidak":
            # the No branch leaves the diamond at its right vertex (Ya leaves at the bottom)
            x, y = x0 + w, y0 + h / 2
            preset_c = "bentConnector3"
        if engine == "bentuk":
            par._p.append(parse_xml(_anchor_xml(ctx, preset_c, x + min(dx, 0), y + min(dy, 0), abs(dx) or 1,
                                                abs(dy) or 1, name="Straight Arrow Connector", connector=True,
                                                flip=flip, arrow=True,
                                                cxn=(ctx.step_shape.get(k.no), ctx.step_shape.get(target)))))
        else:
            if dst_row_delta == 1 and label != "Tidak":
                # a plain line drawn down to the next row (not glued)
                par._p.append(parse_xml(_vml_xml(ctx.next_id(), preset_c, x, y, dx, dy, connector=True,
                                                 arrow=True)))
            else:
                # a glued elbow/straight connector (t34/t32) with its rule in settings.xml
                cid = ctx.next_id()
                par._p.append(parse_xml(_vml_connector(cid, x, y, dx, dy, bent=dx != 0)))
                ctx.vml_rules.append((cid, ctx.step_shape.get(k.no), ctx.step_shape.get(target)))
        if label and keputusan_label:
            # the word sits right next to the start of its own branch
            lx, ly = (x - 300000, y + 20000) if label == "Ya" else (x + 20000, y - 160000)
            if engine == "bentuk":
                par._p.append(parse_xml(_anchor_xml(ctx, "rect", lx, ly, 260000, 140000, name="Text Box",
                                                    text=_branch_word(ctx, label))))
            else:
                par._p.append(parse_xml(_vml_xml(ctx.next_id(), "rect", lx, ly, 260000, 140000,
                                                 text=_branch_word(ctx, label))))


def _branch_word(ctx: _Ctx, label: str) -> str:
    """The word written on a branch: "Ya"/"Tidak" or an equivalent pair
    (option ``label_cabang``, e.g. ("Lengkap", "Tidak Lengkap"))."""
    pair = ctx.opts.get("label_cabang") or ("Ya", "Tidak")
    if isinstance(pair, dict):
        pair = pair.get(ctx.current_step, ("Ya", "Tidak"))
    return pair[0] if label == "Ya" else pair[1]


def _shape_label(preset):
    return {"flowChartTerminator": "Flowchart: Terminator", "flowChartProcess": "Flowchart: Process",
            "flowChartDecision": "Flowchart: Decision"}.get(preset, "Flowchart: Shape")


# --------------------------------------------------------------------------
# procedure

def _uraian_into(ctx: _Ctx, cell, k: m.Kegiatan):
    lacak = ctx.opts.get("lacak")
    if lacak and lacak[0] == k.no:
        _tracked_par(ctx, _cell_par(cell), k.uraian, lacak[1], lacak[2])
        return
    if ctx.opts.get("uraian_paragraf") and ", " in k.uraian:
        head, tail = k.uraian.split(", ", 1)
        _set_cell(ctx, cell, head + ",")
        _add_text(ctx, cell.add_paragraph(), tail)
        return
    _set_cell(ctx, cell, k.uraian)


def _tracked_par(ctx: _Ctx, par, text, inserted, deleted):
    i = text.index(inserted)
    before, after = text[:i], text[i + len(inserted):]
    if before:
        _add_text(ctx, par, before)
    meta = 'w:author="Operator OPD" w:date="2024-03-04T09:12:00Z"'
    par._p.append(parse_xml(f'<w:del {NSDECL} w:id="901" {meta}><w:r><w:delText xml:space="preserve">'
                            f'{_esc(deleted)}</w:delText></w:r></w:del>'))
    par._p.append(parse_xml(f'<w:ins {NSDECL} w:id="902" {meta}><w:r><w:t xml:space="preserve">'
                            f'{_esc(inserted)}</w:t></w:r></w:ins>'))
    ctx.tracked += 2
    if after:
        _add_text(ctx, par, after)


KOLOM = {"no": "No", "kegiatan": "Kegiatan", "pelaksana": "Pelaksana", "mutu_baku": "Mutu Baku",
         "kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output", "keterangan": "Keterangan"}


def _render_procedure_table(ctx: _Ctx, sop: m.SOP):
    """The procedure as one table, or as several (``pecah_tabel``: step
    numbers after which a page break and a new table with repeated header
    rows start; the flow crosses by a pair of off-page connectors)."""
    steps = sop.kegiatan
    cuts = sorted(ctx.opts.get("pecah_tabel") or [])
    chunks, cur = [], []
    for k in steps:
        cur.append(k)
        if k.no in cuts:
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)
    for k in steps:
        ctx.step_shape[k.no] = ctx.next_id()
    letters = iter("ABCDEFGH")
    table = None
    incoming = None
    for ci, chunk in enumerate(chunks):
        outgoing = None
        if ci + 1 < len(chunks):
            nxt = chunks[ci + 1][0].no
            crossing = [(k.no, t) for k in chunk for t in _targets(k) if t not in {c.no for c in chunk}]
            if crossing != [(chunk[-1].no, nxt)]:
                raise ValueError(f"pecah_tabel: only the sequential edge may cross a page, got {crossing}")
            outgoing = (chunk[-1].no, next(letters))
        if ci > 0:
            _page_break(ctx.doc)
            ctx.top_par += 1
        if outgoing and chunk[-1].simbol == "keputusan":
            raise ValueError("pecah_tabel: a page may not end on a decision in these samples")
        table = _proc_table(ctx, sop, chunk, outgoing, incoming)
        incoming = (chunks[ci + 1][0].no, outgoing[1]) if outgoing else None
    return table


def _targets(k: m.Kegiatan) -> list[int]:
    out = list(k.lanjut)
    if k.cabang is not None:
        out += [t for t in (k.cabang.ya, k.cabang.tidak) if t is not None and t not in out]
    return out


def _proc_table(ctx: _Ctx, sop: m.SOP, steps, outgoing=None, incoming=None):
    doc = ctx.doc
    mode = ctx.opts["prosedur"]
    kol = dict(KOLOM)
    kol.update(ctx.opts.get("kolom") or {})
    actors = sop.pelaksana if mode != "kolom_teks" else []
    n = len(actors) if mode != "kolom_teks" else 1
    no_fmt = ctx.opts.get("no_format", "{}")
    # columns: No | Kegiatan | actors... | Kelengkapan | Waktu | Output | Keterangan
    tanpa_ket = bool(ctx.opts.get("tanpa_keterangan"))
    if tanpa_ket and any(k.keterangan for k in steps):
        raise ValueError("tanpa_keterangan: the steps must have no keterangan")
    ncols = 2 + n + (3 if tanpa_ket else 4)
    one_row = mode == "kolom_teks" or bool(ctx.opts.get("header_satu_baris"))
    two_rows = not one_row
    header_rows = 2 if two_rows else 1
    colnum = 1 if ctx.opts.get("kolom_nomor") else 0
    kosong = int(ctx.opts.get("baris_kosong") or 0)
    table = _new_table(doc, header_rows + colnum + len(steps) + kosong, ncols,
                       [1.0, 6.0] + [COL_W if mode != "kolom_teks" else 3.0] * n + [3.0, 2.0, 3.0, 3.0][:ncols - 2 - n])
    c_kel, c_wak, c_out, c_ket = 2 + n, 3 + n, 4 + n, (None if tanpa_ket else 5 + n)
    if two_rows:
        for c, key in ((0, "no"), (1, "kegiatan"), (c_ket, "keterangan")):
            if c is None:
                continue
            merged = table.cell(0, c).merge(table.cell(1, c))
            _set_cell(ctx, merged, kol[key], bold=True, align=1)
        pel = table.cell(0, 2).merge(table.cell(0, 1 + n)) if n > 1 else table.cell(0, 2)
        _set_cell(ctx, pel, kol["pelaksana"], bold=True, align=1)
        mutu = table.cell(0, c_kel).merge(table.cell(0, c_out))
        _set_cell(ctx, mutu, kol["mutu_baku"], bold=True, align=1)
        for i, actor in enumerate(actors):
            if ctx.opts.get("br_aktor") and " " in actor:
                # typed over two lines with Shift+Enter (w:br)
                head, tail = actor.split(" ", 1)
                par = _cell_par(table.cell(1, 2 + i))
                par.alignment = 1
                run = par.add_run(head)
                run.bold = True
                run.add_break()
                par.add_run(tail).bold = True
            else:
                _set_cell(ctx, table.cell(1, 2 + i), actor, bold=True, size=9, align=1)
        for c, key in ((c_kel, "kelengkapan"), (c_wak, "waktu"), (c_out, "output")):
            _set_cell(ctx, table.cell(1, c), kol[key], bold=True, align=1)
        for r in range(2):
            trPr = table.rows[r]._tr.get_or_add_trPr()
            trPr.append(parse_xml(f'<w:tblHeader {NSDECL}/>'))
    elif mode != "kolom_teks":
        # one header row: the actor names sit directly between Kegiatan and Kelengkapan
        heads = [kol["no"], kol["kegiatan"]] + list(actors) + [kol["kelengkapan"], kol["waktu"], kol["output"]]
        heads += [] if tanpa_ket else [kol["keterangan"]]
        for c, text in enumerate(heads):
            _set_cell(ctx, table.cell(0, c), text, bold=True, size=9, align=1)
    else:
        keys = ["no", "kegiatan", "pelaksana", "kelengkapan", "waktu", "output"] + ([] if tanpa_ket else ["keterangan"])
        for c, key in enumerate(keys):
            _set_cell(ctx, table.cell(0, c), kol[key], bold=True, align=1)
    if colnum:
        for c in range(ncols):
            _set_cell(ctx, table.cell(header_rows, c), str(c + 1), size=8, align=1)
    first = header_rows + colnum
    grid = table._cells  # one snapshot: python-docx's table.cell() walks the whole table

    def C(r, c):
        return grid[r * ncols + c]

    row_of = {k.no: i for i, k in enumerate(steps)}
    col_of = {k.no: (actors.index(k.pelaksana) if k.pelaksana in actors else 0) for k in sop.kegiatan}
    for i, k in enumerate(steps):
        r = first + i
        _set_cell(ctx, C(r, 0), no_fmt.format(k.no), align=1)
        _uraian_into(ctx, C(r, 1), k)
        if mode == "kolom_teks":
            _set_cell(ctx, C(r, 2), k.pelaksana or "")
        elif mode in ("grup", "gambar"):
            pass  # drawn once, below, over the whole table
        elif k.pelaksana is not None:
            marked = [k.pelaksana] + list(k.pelaksana_lain)
            for actor in marked:
                cell = C(r, 2 + actors.index(actor))
                if mode == "centang":
                    if ctx.opts.get("centang_simbol"):
                        # Insert > Symbol: a Wingdings check mark, no w:t at all
                        par = _cell_par(cell)
                        par.alignment = 1
                        par._p.append(parse_xml(f'<w:r {NSDECL}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'))
                    else:
                        _set_cell(ctx, cell, ctx.opts.get("centang_teks", "√"), align=1)
                    continue
                preset = k.bentuk or _PRESET[k.simbol]
                targets = {t: row_of[t] - i for t in row_of}
                par = _cell_par(cell)
                main = actor == k.pelaksana
                if main and incoming and incoming[0] == k.no:
                    _offpage(ctx, par, incoming[1], mode, into=k.no)
                if main and outgoing and outgoing[0] == k.no:
                    k_out = dataclasses.replace(k, lanjut=[])  # the edge leaves through the page link
                    _draw_step(ctx, par, k_out, preset, mode, targets, col_of, keputusan_label=True,
                               connectors=True)
                    _offpage(ctx, par, outgoing[1], mode, out_of=k.no)
                else:
                    _draw_step(ctx, par, k, preset, mode, targets, col_of, keputusan_label=True, connectors=main)
        _set_cell(ctx, C(r, c_kel), k.kelengkapan)
        if k.waktu is not None and k.waktu.gabungan and len(k.waktu.gabungan) > 1:
            if k.no == k.waktu.gabungan[0]:
                last = first + row_of[k.waktu.gabungan[-1]]
                cell = C(r, c_wak).merge(C(last, c_wak))
                _set_cell(ctx, cell, k.waktu.teks, align=1)
        elif k.waktu is not None:
            _set_cell(ctx, C(r, c_wak), k.waktu.teks.replace(" ", "\u00a0") if ctx.opts.get("nbsp")
                      else k.waktu.teks, align=1)
        _set_cell(ctx, C(r, c_out), k.output)
        if c_ket is not None:
            _set_cell(ctx, C(r, c_ket), k.keterangan)
    if mode == "grup":
        for i in range(len(steps)):
            trPr = table.rows[first + i]._tr.get_or_add_trPr()
            trPr.append(parse_xml(f'<w:trHeight {NSDECL} w:val="{GRUP_ROW_TWIPS}" w:hRule="exact"/>'))
        _draw_group(ctx, _cell_par(C(first, 2)), steps, actors)
    if mode == "gambar":
        _pasted_picture(ctx, _cell_par(C(first, 2)), len(actors), len(steps))
    return table


def _pasted_picture(ctx: _Ctx, par, ncols, nrows):
    """A flowchart pasted as one picture (e.g. a screenshot from Visio),
    floating over the actor columns."""
    run = par.add_run()
    run.add_picture(io.BytesIO(png_logo(64)), width=Cm(COL_W * ncols), height=Cm(1.6 * nrows))
    inline = run._r.find(".//" + qn("wp:inline"))
    # turn the inline picture into a floating one, as Word does for "In front of text"
    extent = inline.find(qn("wp:extent"))
    docpr = inline.find(qn("wp:docPr"))
    graphic = inline.find(qn("a:graphic"))
    anchor = parse_xml(
        f'<wp:anchor {NSDECL} distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="251800000" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{extent.get("cx")}" cy="{extent.get("cy")}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/></wp:anchor>')
    anchor.append(docpr)
    anchor.append(parse_xml(f'<wp:cNvGraphicFramePr {NSDECL}/>'))
    anchor.append(graphic)
    inline.getparent().replace(inline, anchor)


GRUP_ROW_TWIPS = 1020  # exact step row height in the grouped layout (1.8 cm)


def _draw_group(ctx: _Ctx, par, steps, actors):
    """The whole flowchart as ONE Word group (wpg:wgp) anchored in the first
    actor cell of the first step row: symbols placed by geometry over the
    actor columns (fixed widths) and the step rows (exact heights), glued
    connectors and Ya/Tidak text boxes inside the group, and a VML group as
    the mc:Fallback copy."""
    col_w = int(COL_W * 360000)
    row_h = GRUP_ROW_TWIPS * 635
    W, H = col_w * len(actors), row_h * len(steps)
    ids = {k.no: ctx.next_id() for k in steps}
    pos = {}
    kids, vml = [], []
    for i, k in enumerate(steps):
        preset = k.bentuk or _PRESET[k.simbol]
        w, h = (560000, 400000) if preset == "flowChartDecision" else (560000, 300000)
        j = actors.index(k.pelaksana)
        x, y = j * col_w + (col_w - w) // 2, i * row_h + (row_h - h) // 2
        pos[k.no] = (x, y, w, h)
        kids.append(f'<wps:wsp><wps:cNvPr id="{ids[k.no]}" name="{_shape_label(preset)} {ids[k.no]}"/><wps:cNvSpPr/>'
                    f'<wps:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
                    f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="bg1"/>'
                    f'</a:solidFill><a:ln w="9525"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill></a:ln>'
                    f'</wps:spPr><wps:bodyPr/></wps:wsp>')
        t = _VML_TYPE.get(preset, 109)
        vml.append(f'<v:shape id="_x0000_s{1024 + ids[k.no]}" type="#_x0000_t{t}" style="position:absolute;'
                   f'left:{x};top:{y};width:{w};height:{h}" fillcolor="white" strokeweight=".5pt"/>')
    for k in steps:
        outs = []
        if k.simbol == "keputusan" and k.cabang is not None:
            outs = [(lab, t) for lab, t in (("Ya", k.cabang.ya), ("Tidak", k.cabang.tidak)) if t is not None]
        else:
            outs = [(None, t) for t in k.lanjut]
        for label, target in outs:
            if target not in pos:
                continue
            x0, y0, w0, h0 = pos[k.no]
            x1, y1, w1, h1 = pos[target]
            if label == "Tidak":  # the No branch leaves the diamond at its right vertex
                a = (x0 + w0, y0 + h0 // 2)
                b = (x1 + w1 // 2, y1) if y1 > y0 else (x1 + w1, y1 + h1 // 2)
            elif y1 > y0:
                a, b = (x0 + w0 // 2, y0 + h0), (x1 + w1 // 2, y1)
            else:  # loop back: from the side to the target's side
                a, b = (x0 + w0, y0 + h0 // 2), (x1 + w1, y1 + h1 // 2)
            cid = ctx.next_id()
            flip = (' flipH="1"' if b[0] < a[0] else "") + (' flipV="1"' if b[1] < a[1] else "")
            prst = "straightConnector1" if a[0] == b[0] else "bentConnector3"
            kids.append(f'<wps:wsp><wps:cNvPr id="{cid}" name="Connector {cid}"/><wps:cNvCnPr>'
                        f'<a:stCxn id="{ids[k.no]}" idx="2"/><a:endCxn id="{ids[target]}" idx="0"/></wps:cNvCnPr>'
                        f'<wps:spPr><a:xfrm{flip}><a:off x="{min(a[0], b[0])}" y="{min(a[1], b[1])}"/>'
                        f'<a:ext cx="{abs(b[0] - a[0])}" cy="{abs(b[1] - a[1])}"/></a:xfrm>'
                        f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill>'
                        f'<a:schemeClr val="tx1"/></a:solidFill><a:tailEnd type="triangle"/></a:ln></wps:spPr>'
                        f'<wps:bodyPr/></wps:wsp>')
            vml.append(f'<v:line id="_x0000_s{1024 + cid}" style="position:absolute" from="{a[0]},{a[1]}" '
                       f'to="{b[0]},{b[1]}" strokeweight=".5pt"><v:stroke endarrow="block"/></v:line>')
            if label:
                lid = ctx.next_id()
                lx, ly = (a[0] - 300000, a[1] + 10000) if label == "Ya" else (a[0] + 20000, a[1] - 160000)
                kids.append(f'<wps:wsp><wps:cNvPr id="{lid}" name="Text Box {lid}"/><wps:cNvSpPr txBox="1"/>'
                            f'<wps:spPr><a:xfrm><a:off x="{lx}" y="{ly}"/><a:ext cx="260000" cy="140000"/></a:xfrm>'
                            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
                            f'</wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:sz w:val="14"/></w:rPr>'
                            f'<w:t>{label}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
                            f'<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/></wps:wsp>')
                vml.append(f'<v:shape id="_x0000_s{1024 + lid}" type="#_x0000_t202" style="position:absolute;'
                           f'left:{lx};top:{ly};width:260000;height:140000" filled="f" stroked="f"><v:textbox>'
                           f'<w:txbxContent><w:p><w:r><w:t>{label}</w:t></w:r></w:p></w:txbxContent></v:textbox>'
                           f'</v:shape>')
    gid = ctx.next_id()
    drawing = (
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="251700000" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{W}" cy="{H}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{gid}" name="Group {gid}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
        f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{W}" cy="{H}"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="{W}" cy="{H}"/></a:xfrm></wpg:grpSpPr>{"".join(kids)}</wpg:wgp>'
        f'</a:graphicData></a:graphic></wp:anchor></w:drawing>')
    fallback = (f'<w:pict><v:group id="Group {gid}" o:spid="_x0000_s{1024 + gid}" style="position:absolute;'
                f'margin-left:0;margin-top:0;width:{_pt(W)};height:{_pt(H)};z-index:251700000" '
                f'coordsize="{W},{H}">{"".join(vml)}</v:group></w:pict>')
    wpg = 'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"'
    par._p.append(parse_xml(f'<w:r {NSDECL} {wpg}><mc:AlternateContent><mc:Choice Requires="wpg">{drawing}'
                            f'</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>'))


def _offpage(ctx: _Ctx, par, letter: str, engine: str, out_of=None, into=None):
    """A pentagon page link with its letter, below the source symbol (out_of)
    or above the target symbol (into), joined to it by a glued connector."""
    w, h = 300000, 260000
    x0 = (COL_W * 360000 - w) / 2
    pid = ctx.next_id()
    step_id = ctx.step_shape.get(out_of or into)
    y = 60000 + 420000 if out_of else -300000
    if engine == "bentuk":
        par._p.append(parse_xml(_anchor_xml(ctx, "flowChartOffpageConnector", x0, y, w, h,
                                            name="Flowchart: Off-page Connector", text=letter, sid=pid,
                                            symbol_text=True)))
        cxn = (step_id, pid) if out_of else (pid, step_id)
        par._p.append(parse_xml(_anchor_xml(ctx, "straightConnector1", x0 + w / 2, y - 120000 if out_of else y + h,
                                            1, 120000, name="Straight Arrow Connector", connector=True, arrow=True,
                                            cxn=cxn)))
    else:
        par._p.append(parse_xml(_vml_xml(pid, "flowChartOffpageConnector", x0, y, w, h,
                                         name="Flowchart: Off-page Connector", label=letter)))
        cid = ctx.next_id()
        par._p.append(parse_xml(_vml_connector(cid, x0 + w / 2, y - 120000 if out_of else y + h, 0, 120000,
                                               bent=False)))
        ctx.vml_rules.append((cid, step_id, pid) if out_of else (cid, pid, step_id))


def _render_procedure_paragraphs(ctx: _Ctx, sop: m.SOP):
    doc = ctx.doc
    auto = ctx.opts["prosedur"] == "paragraf_otomatis"
    p = doc.add_paragraph()
    _add_text(ctx, p, ctx.opts.get("judul_prosedur", "URAIAN PROSEDUR"), bold=True)
    ctx.top_par += 1
    num_id = _numbering(ctx, "angka") if auto else None
    for k in sop.kegiatan:
        par = doc.add_paragraph()
        ctx.top_par += 1
        if auto:
            _set_numpr(par, num_id)
            _add_text(ctx, par, k.uraian)
        else:
            _add_text(ctx, par, f"{k.no}. {k.uraian}")


# --------------------------------------------------------------------------
# furniture: footer, text box, notes

def _footer(ctx: _Ctx, text: str):
    footer = ctx.doc.sections[0].footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.alignment = 2
    mt = re.fullmatch(r"(.*?)(\d+)(\s+dari\s+)(\d+)", text)
    if ctx.opts.get("field") and mt:
        _add_text(ctx, p, mt.group(1))
        _complex_field(p, "PAGE \\* Arabic", mt.group(2))
        p.add_run(mt.group(3))
        _complex_field(p, "NUMPAGES \\* Arabic", mt.group(4))
    else:
        _add_text(ctx, p, text)
    ctx.unplaced.append((text, "footer"))


def _complex_field(par, instr, result):
    for xml in (f'<w:r {NSDECL}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {NSDECL}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
                f'<w:r {NSDECL}><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {NSDECL}><w:t xml:space="preserve">{_esc(result)}</w:t></w:r>',
                f'<w:r {NSDECL}><w:fldChar w:fldCharType="end"/></w:r>'):
        par._p.append(parse_xml(xml))


def _table_of_contents(ctx: _Ctx, entries) -> list[str]:
    """A Word table of contents (References > Table of Contents): a w:sdt
    block of the "Table of Contents" gallery holding a TOC field whose result
    paragraphs link to bookmarks and carry PAGEREF fields. Returns the
    paragraph texts as a reader sees them."""
    body = ctx.doc.element.body
    paras = [f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>DAFTAR ISI</w:t></w:r></w:p>']
    texts = ["DAFTAR ISI"]
    for i, (title, page) in enumerate(entries):
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o '
                 '"1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                 if i == 0 else "")
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(entries) - 1 else ""
        anchor = f"_Toc{140000 + i}"
        paras.append(
            f'<w:p><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs></w:pPr>{begin}'
            f'<w:hyperlink w:anchor="{anchor}" w:history="1"><w:r><w:t>{_esc(title)}</w:t></w:r><w:r><w:tab/></w:r>'
            f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {anchor} '
            f'\\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{page}</w:t></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>{end}</w:p>')
        texts.append(f"{title} {page}")
    sdt = parse_xml(f'<w:sdt {NSDECL}><w:sdtPr><w:id w:val="-1790967"/><w:docPartObj>'
                    f'<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>'
                    f'<w:sdtContent>{"".join(paras)}</w:sdtContent></w:sdt>')
    body.insert(len(body) - 1, sdt)  # before the final w:sectPr
    ctx.top_par += len(paras)
    return texts


def _text_box(ctx: _Ctx, text: str):
    p = ctx.doc.add_paragraph()
    ctx.top_par += 1
    p._p.append(parse_xml(_anchor_xml(ctx, "rect", 3000000, 0, 3200000, 400000, name="Text Box", text=text)))
    ctx.unplaced.append((text, "kotak teks"))


# --------------------------------------------------------------------------
# the document

def _check_inferable(sop: m.SOP, mode: str):
    """Text layouts carry no drawn symbol: the spec must match what the
    conventions infer, or the oracle would be wrong."""
    if mode in _DRAWN:
        return
    if mode in ("kolom_teks", "paragraf", "paragraf_otomatis"):
        seen = []
        for k in sop.kegiatan:
            if k.pelaksana and k.pelaksana not in seen:
                seen.append(k.pelaksana)
            if k.pelaksana_lain:
                raise ValueError(f"step {k.no}: pelaksana_lain cannot be expressed in layout {mode!r}")
        if seen != list(sop.pelaksana):
            raise ValueError(f"pelaksana {sop.pelaksana} must be the order of first appearance {seen}")
    for k in sop.kegiatan:
        want = _infer_simbol(sop, k)
        if k.simbol != want:
            raise ValueError(f"step {k.no}: simbol {k.simbol!r} cannot be inferred in layout {mode!r} "
                             f"(would read as {want!r})")


def build_docx(sops: Union[m.SOP, Iterable[m.SOP]], path, layout: str = "standar", **opts) -> list[dict]:
    """Render ``sops`` into a .docx at ``path``; return the oracle models.

    ``layout`` picks a preset from :data:`LAYOUTS`; keyword options override
    it (see the module docstring). Returns one expected model dict per SOP,
    ``sumber.berkas`` = the file name.
    """
    if isinstance(sops, m.SOP):
        sops = [sops]
    sops = [complete(copy.deepcopy(s)) for s in sops]
    o = dict(LAYOUTS[layout])
    o.update(opts)
    labels = dict(DEFAULT_LABELS)
    labels.update(o.get("label") or {})
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(33.0), Cm(21.5)  # F4 landscape
    sec.left_margin = sec.right_margin = Cm(1.5)
    sec.top_margin = sec.bottom_margin = Cm(1.5)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.styles["Normal"].paragraph_format.space_after = Pt(0)
    ctx = _Ctx(doc, o)
    unplaced_per_sop: list[list[tuple[str, str]]] = [[] for _ in sops]
    for line in o.get("sampul") or []:
        p = doc.add_paragraph()
        p.alignment = 1
        ctx.top_par += 1
        _add_text(ctx, p, line, bold=True, size=16)
        unplaced_per_sop[0].append((line, f"paragraf {ctx.top_par}"))
    if o.get("daftar_isi"):
        for text in _table_of_contents(ctx, o["daftar_isi"]):
            unplaced_per_sop[0].append((text, "daftar isi"))
    if o.get("sampul") or o.get("daftar_isi"):
        _page_break(doc)
    for idx, sop in enumerate(sops):
        _check_inferable(sop, o["prosedur"])
        if idx > 0:
            _page_break(doc)
        ctx.unplaced = []
        ident = _render_identity(ctx, sop, labels)
        _render_detail(ctx, sop, labels, identity_table=ident)
        if o["detail"] != "paragraf" or o["identitas"] != "paragraf":
            doc.add_paragraph()  # Word keeps an empty paragraph between tables
            ctx.top_par += 1
        if o.get("seksi"):
            _section_break(ctx)
        if o["prosedur"].startswith("paragraf"):
            _render_procedure_paragraphs(ctx, sop)
        else:
            _render_procedure_table(ctx, sop)
        for note in o.get("catatan") or []:
            p = doc.add_paragraph()
            ctx.top_par += 1
            _add_text(ctx, p, note, italic=True)
            ctx.unplaced.append((note, f"paragraf {ctx.top_par}"))
        if o.get("kotak_teks") and idx == 0:
            _text_box(ctx, o["kotak_teks"])
        unplaced_per_sop[idx].extend(ctx.unplaced)
    if o.get("kaki"):
        ctx.unplaced = []
        _footer(ctx, o["kaki"])
        unplaced_per_sop[0].extend(ctx.unplaced)
    _vml_rules_into_settings(ctx)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "Subbag Umum"
    cp.created = cp.modified = datetime.datetime(2024, 3, 4, 9, 0, 0)
    cp.revision = 3
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_stable_zip(buf.getvalue()))
    out = [oracle_dict(sop, path.name, i, o, unplaced_per_sop[i], tracked=ctx.tracked if i == 0 else 0)
           for i, sop in enumerate(sops)]
    out[0]["sumber"]["komentar"] = ctx.comments
    return out


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed member timestamps (reproducible files)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 3, 4, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
