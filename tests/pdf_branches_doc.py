"""A Word SOP whose decisions branch back up the flowchart, for the PDF
reader's branch tests: two decisions whose "Tidak" connector returns two and
three steps up, drawn the way people draw them by hand (separate straight
lines up the side of a column, only the last with an arrowhead), their
Ya/Tidak labels written as text boxes on different sides of the exits. The
forward connectors are Word elbow connectors. Written with python-docx and
lxml; rendered to PDF by LibreOffice in the tests."""
from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml

sys.path.insert(0, str(Path(__file__).parent / "unseen"))
from make_unseen import (NSDECL, TW, Ids, _anchor, borders, landscape, put, row_height,  # noqa: E402
                         set_widths, shape_run)

ACTORS = ["Pemohon", "Petugas Loket", "Kepala Seksi"]
#: (no, uraian, actor column, symbol)
STEPS = [
    (1, "Mengajukan permohonan", 0, "flowChartTerminator"),
    (2, "Melengkapi berkas permohonan", 0, "flowChartProcess"),
    (3, "Menerima dan mencatat berkas", 1, "flowChartProcess"),
    (4, "Memeriksa kelengkapan berkas, lengkap?", 1, "flowChartDecision"),
    (5, "Memproses permohonan", 2, "flowChartProcess"),
    (6, "Memeriksa hasil proses, sesuai?", 2, "flowChartDecision"),
    (7, "Menyerahkan hasil kepada pemohon", 2, "flowChartTerminator"),
]
#: the branches as drawn (hand-written, not read from any reader)
EXPECTED = {4: {"ya": 5, "tidak": 2}, 6: {"ya": 7, "tidak": 3}}

W = 1400  # actor column width (twips)
H = 1100  # row height (twips)
SX, SY, SW, SH = 250, 200, 900, 400  # a box inside its cell
DX, DY, DW, DH = 300, 150, 800, 600  # a diamond inside its cell


def _line(ids, x, y, w, h, *, arrow=False, flip_h=False, flip_v=False):
    """A straight line shape from (x, y), w x h twips; the flips say which
    end is its end (where the arrowhead, if any, is drawn)."""
    flips = (' flipH="1"' if flip_h else "") + (' flipV="1"' if flip_v else "")
    tail = '<a:tailEnd type="triangle"/>' if arrow else ""
    wsp = (f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm{flips}><a:off x="0" y="0"/>'
           f'<a:ext cx="{w * TW}" cy="{h * TW}"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/>'
           f'</a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>{tail}</a:ln>'
           f'</wps:spPr><wps:bodyPr/></wps:wsp>')
    return parse_xml(f'<w:r {NSDECL}>{_anchor(ids, "Line", x, y, w, h, wsp)}</w:r>')


def _label(ids, text, x, y):
    """A text box with a branch label; "\n" in the text starts a new line."""
    lines = text.split("\n")
    w, h = 700, 190 * len(lines) + 30
    pars = "".join(f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="190" w:lineRule="exact"/></w:pPr>'
                   f'<w:r><w:rPr><w:sz w:val="14"/></w:rPr><w:t>{escape(t)}</w:t></w:r></w:p>' for t in lines)
    wsp = (f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
           f'<a:ext cx="{w * TW}" cy="{h * TW}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
           f'<a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>{pars}</w:txbxContent>'
           f'</wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/></wps:wsp>')
    return parse_xml(f'<w:r {NSDECL}>{_anchor(ids, "Text Box", x, y, w, h, wsp)}</w:r>')


#: label texts of the two decisions: (decision 4 ya, tidak, decision 6 ya, tidak)
PLAIN = ("Ya", "Tidak", "Ya", "Tidak")
#: labels in words, one wrapped over two lines
WORDED = ("Lengkap", "Belum\nlengkap", "Sesuai", "Tidak Sesuai")


def read_as_drawn(pdf: Path, steps=STEPS, actors=ACTORS):
    """The SOP read from a rendered ``pdf``, once its steps and their actors
    are checked against the table as built."""
    from soplint.readers import read_path

    assert pdf.is_file()
    sop = read_path(pdf)[0]
    assert [k.no for k in sop.kegiatan] == [s[0] for s in steps]
    assert [k.pelaksana for k in sop.kegiatan] == [actors[s[2]] for s in steps]
    return sop


def procedure_doc(identity, actors, steps, output: str):
    """A landscape Word SOP: an identity table of ``identity`` (label, value)
    rows, then on a new page a procedure table with one actor column per
    actor and one row per step (no, uraian, actor column, symbol), each
    step's symbol drawn in its actor's cell. Returns (document, shape ids,
    procedure table); the caller draws the connectors."""
    doc = docx.Document()
    landscape(doc)
    ids = Ids(100)
    doc.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
    idt = doc.add_table(rows=len(identity), cols=2)
    borders(idt)
    for r, (a, b) in enumerate(identity):
        put(idt.cell(r, 0), a)
        put(idt.cell(r, 1), b)
    doc.add_page_break()
    ncol = 2 + len(actors) + 3
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3600] + [W] * len(actors) + [1800, 1100, 1800])
    put(pt.cell(0, 0).merge(pt.cell(1, 0)), "No", bold=True, size=8)
    put(pt.cell(0, 1).merge(pt.cell(1, 1)), "Kegiatan", bold=True, size=8)
    put(pt.cell(0, 2).merge(pt.cell(0, 1 + len(actors))), "Pelaksana", bold=True, size=8)
    put(pt.cell(0, 2 + len(actors)).merge(pt.cell(0, ncol - 1)), "Mutu Baku", bold=True, size=8)
    for i, a in enumerate(actors):
        put(pt.cell(1, 2 + i), a, bold=True, size=8)
    for j, h in enumerate(("Kelengkapan", "Waktu", "Output")):
        put(pt.cell(1, 2 + len(actors) + j), h, bold=True, size=8)
    for r, (no, ur, col, prst) in enumerate(steps, start=2):
        row_height(pt.rows[r], H)
        put(pt.cell(r, 0), str(no), size=8)
        put(pt.cell(r, 1), ur, size=8)
        geo = (DX, DY, DW, DH) if prst == "flowChartDecision" else (SX, SY, SW, SH)
        pt.cell(r, 2 + col).paragraphs[0]._p.append(shape_run(ids, prst, *geo))
        put(pt.cell(r, 2 + len(actors)), "Berkas", size=8)
        put(pt.cell(r, 3 + len(actors)), "5 menit", size=8)
        put(pt.cell(r, 4 + len(actors)), output, size=8)
    return doc, ids, pt


def build(path: Path, labels=PLAIN) -> Path:
    ya4, tidak4, ya6, tidak6 = labels
    doc, ids, pt = procedure_doc([("Nomor SOP", "001/BR/2025"), ("Tanggal Pembuatan", "2 Januari 2025"),
                                  ("Nama SOP", "Pelayanan Permohonan Berkas")], ACTORS, STEPS, "Berkas")

    def add(row, col, run):
        pt.cell(row, 2 + col).paragraphs[0]._p.append(run)

    bx, bb = SX + SW // 2, SY + SH  # box centre x and bottom y (in its cell)
    dmid, dbot = DY + DH // 2, DY + DH
    # forward: 1 -> 2 (down), 2 -> 3 (elbow right and down), 3 -> 4 (down)
    add(2, 0, shape_run(ids, "straightConnector1", bx, bb, 0, H + SY - bb, connector=True))
    add(3, 0, shape_run(ids, "bentConnector2", bx, bb, W, H + SY - bb, connector=True))
    add(4, 1, shape_run(ids, "straightConnector1", bx, bb, 0, H + DY - bb, connector=True))
    # decision 4: Ya out of the right corner, over and down to step 5 (column 2); label above the exit
    add(5, 1, shape_run(ids, "bentConnector2", DX + DW, dmid, W + bx - (DX + DW), H + SY - dmid, connector=True))
    add(5, 1, _label(ids, ya4, DX + DW + 40, dmid - 240))
    # decision 4: Tidak out of the left corner, up the left edge of its column two steps to step 2
    # (column 0): three separate lines, the last one with the arrowhead; label below the exit
    gx = -120  # just left of column 1's left edge, i.e. at the right side of column 0
    add(5, 1, _line(ids, gx, dmid, DX - gx, 0, flip_h=True))
    add(5, 1, _line(ids, gx, SY + SH // 2 - 2 * H, 0, dmid - (SY + SH // 2 - 2 * H), flip_v=True))
    add(5, 1, _line(ids, SX + SW - W, SY + SH // 2 - 2 * H, gx - (SX + SW - W), 0, arrow=True, flip_h=True))
    add(5, 1, _label(ids, tidak4, DX - 520, dmid + 30))
    # 5 -> 6 (down)
    add(6, 2, shape_run(ids, "straightConnector1", bx, bb, 0, H + DY - bb, connector=True))
    # decision 6: Ya down to step 7; label on the left of that exit
    add(7, 2, shape_run(ids, "straightConnector1", DX + DW // 2, dbot, 0, H + SY - dbot, connector=True))
    add(7, 2, _label(ids, ya6, DX + DW // 2 - 560, dbot + 20))
    # decision 6: Tidak out of the right corner, up the right side of column 2 three steps to
    # step 3 (column 1), over the empty cells; label below the exit
    rx = W - 120
    top = SY + SH // 2 - 3 * H
    add(7, 2, _line(ids, DX + DW, dmid, rx - (DX + DW), 0))
    add(7, 2, _line(ids, rx, top, 0, dmid - top, flip_v=True))
    add(7, 2, _line(ids, SX + SW - W, top, rx - (SX + SW - W), 0, arrow=True, flip_h=True))
    add(7, 2, _label(ids, tidak6, DX + DW + 20, dmid + 40))
    doc.save(path)
    return path


if __name__ == "__main__":
    build(Path(sys.argv[1]), WORDED if "--worded" in sys.argv else PLAIN)
