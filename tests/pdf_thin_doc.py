"""A Word SOP whose flowchart connectors are faint, for the PDF reader's
tests: in one variant thin (0.25 pt) light-grey connector shapes, in the
other small pictures of light-grey anti-aliased lines and arrowheads with a
transparent background (as some exports place connectors: the published
BPS PDF 054 draws most of its connectors as such pictures). One decision
goes on ("Ya") to the next actor and back ("Tidak") up two steps. Written
with python-docx and lxml (the pictures as PNG made here); rendered to PDF
by LibreOffice in the tests."""
from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

from docx.oxml import parse_xml

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "unseen"))
from pdf_branches_doc import ACTORS, DH, DW, DX, DY, SH, SW, SX, SY, H, W, _label, procedure_doc  # noqa: E402,F401
from pdf_branches_doc import STEPS as BRANCH_STEPS  # noqa: E402
from make_unseen import NSDECL, TW, _anchor  # noqa: E402

#: (no, uraian, actor column, symbol): the branch document's first four
#: steps (its actors too), then two of its own
STEPS = BRANCH_STEPS[:4] + [
    (5, "Menandatangani surat", 2, "flowChartProcess"),
    (6, "Menyerahkan surat kepada pemohon", 2, "flowChartTerminator"),
]
#: the flow as drawn (written by hand, not read by any reader): step -> following steps
LANJUT = {1: [2], 2: [3], 3: [4], 4: [5], 5: [6], 6: []}
#: the decision's branches as drawn
CABANG = {4: (5, 2)}

GREY = (170, 170, 170)  # the connectors' colour (light grey)


def _connector(ids, prst, x, y, w, h, *, flip_h=False, flip_v=False):
    """A thin (0.25 pt) light-grey connector shape with an arrowhead at its end."""
    flips = (' flipH="1"' if flip_h else "") + (' flipV="1"' if flip_v else "")
    colour = "%02X%02X%02X" % GREY
    wsp = (f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm{flips}><a:off x="0" y="0"/>'
           f'<a:ext cx="{max(w, 0) * TW}" cy="{max(h, 0) * TW}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/>'
           f'</a:prstGeom><a:ln w="3175"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
           f'<a:tailEnd type="triangle"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>')
    return parse_xml(f'<w:r {NSDECL}>{_anchor(ids, "Connector", x, y, w, h, wsp)}</w:r>')


# -- pictures of connectors -------------------------------------------------

DPI = 300
PX = DPI / 1440  # pixels per twip
SS = 4  # supersampling for the anti-aliased edges


def _png(width: int, height: int, alpha: list) -> bytes:
    """An RGBA PNG: every pixel light grey, ``alpha`` its coverage (0..1)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend((*GREY, round(255 * min(1.0, alpha[y * width + x]))))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b""))


def _arrow_png(points, w_tw: int, h_tw: int, line_pt: float = 0.3, head_pt: float = 3.5) -> bytes:
    """A picture ``w_tw`` x ``h_tw`` twips of a polyline through ``points``
    (twips from the picture's top left, axis-aligned legs) ending in a filled
    arrowhead, light grey on a transparent ground."""
    w, h = max(1, round(w_tw * PX)), max(1, round(h_tw * PX))
    half = line_pt * 20 * PX / 2
    head = head_pt * 20 * PX
    pts = [(x * PX, y * PX) for x, y in points]
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    n = max(abs(bx - ax), abs(by - ay))
    ux, uy = (bx - ax) / n, (by - ay) / n
    base = (bx - ux * head, by - uy * head)
    pts[-1] = base  # the last leg stops where the arrowhead starts

    def inside(px, py):
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            if min(x0, x1) - half <= px <= max(x0, x1) + half and min(y0, y1) - half <= py <= max(y0, y1) + half:
                return True
        # the arrowhead: a triangle from its base (across the line) to the tip
        t = (px - base[0]) * ux + (py - base[1]) * uy
        if 0 <= t <= head:
            off = abs((px - base[0]) * -uy + (py - base[1]) * ux)
            return off <= (head - t) * 0.5
        return False

    alpha = [0.0] * (w * h)
    for y in range(h):
        for x in range(w):
            hits = sum(inside(x + (i + 0.5) / SS, y + (j + 0.5) / SS) for i in range(SS) for j in range(SS))
            alpha[y * w + x] = hits / (SS * SS)
    return _png(w, h, alpha)


def _picture(doc, ids, x, y, w, h, points):
    """An anchored picture at (x, y) twips, ``w`` x ``h``, of the connector through ``points``
    (twips relative to the picture)."""
    rid, _ = doc.part.get_or_add_image(io.BytesIO(_arrow_png(points, w, h)))
    did = ids()
    pic = (f'<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
           f'<pic:nvPicPr><pic:cNvPr id="{did}" name="arrow{did}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
           f'<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
           f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w * TW}" cy="{h * TW}"/></a:xfrm>'
           f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>')
    xml = _anchor(ids, "Picture", x, y, w, h, pic).replace(
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.openxmlformats.org/drawingml/2006/picture")
    return parse_xml(f'<w:r {NSDECL}>{xml}</w:r>')


def build(path: Path, pictures: bool = False) -> Path:
    doc, ids, pt = procedure_doc([("Nomor SOP", "007/BR/2025"), ("Tanggal Pembuatan", "3 Maret 2025"),
                                  ("Nama SOP", "Pelayanan Surat Keterangan")], ACTORS, STEPS, "Surat")

    def add(step, col, run):
        pt.cell(step + 1, 2 + col).paragraphs[0]._p.append(run)

    bx, bb = SX + SW // 2, SY + SH  # a box's centre x and bottom y (in its cell)
    dmid = DY + DH // 2
    m = 60  # the pictures' margin around their line (twips)

    def down(step, col, y0, y1):
        if pictures:
            add(step, col, _picture(doc, ids, bx - m, y0, 2 * m, y1 - y0, [(m, 0), (m, y1 - y0)]))
        else:
            add(step, col, _connector(ids, "straightConnector1", bx, y0, 0, y1 - y0))

    def right_down(step, col, x0, y0, x1, y1):
        """Right from (x0, y0), then down to (x1, y1) (an elbow)."""
        if pictures:
            add(step, col, _picture(doc, ids, x0, y0 - m, x1 - x0 + m, y1 - y0 + m,
                                    [(0, m), (x1 - x0, m), (x1 - x0, y1 - y0 + m)]))
        else:
            add(step, col, _connector(ids, "bentConnector2", x0, y0, x1 - x0, y1 - y0))

    down(1, 0, bb, H + SY)
    right_down(2, 0, SX + SW, SY + SH // 2, W + bx, H + SY)
    down(3, 1, bb, H + DY)
    # decision 4: Ya out of the right corner, over and down to step 5 in the next column
    right_down(4, 1, DX + DW, dmid, W + bx, H + SY)
    add(4, 1, _label(ids, "Ya", DX + DW + 40, dmid - 240))
    # decision 4: Tidak out of the left corner, left into column 0, then up to the bottom of step 2's box
    x_up, y_top = bx - W, SY + SH - 2 * H
    if pictures:
        # (anchored in step 2's cell: LibreOffice keeps a picture from going above its cell)
        y_end = dmid + 2 * H
        add(2, 0, _picture(doc, ids, bx - m, SY + SH, W + DX - bx + m, y_end - SY - SH + m,
                           [(W + DX - bx + m, y_end - SY - SH), (m, y_end - SY - SH), (m, 0)]))
    else:
        add(4, 1, _connector(ids, "bentConnector2", x_up, y_top, DX - x_up, dmid - y_top, flip_h=True, flip_v=True))
    add(4, 1, _label(ids, "Tidak", DX - 560, dmid + 30))
    down(5, 2, bb, H + SY)
    doc.save(path)
    return path


if __name__ == "__main__":
    build(Path(sys.argv[1]), pictures="--pictures" in sys.argv)
