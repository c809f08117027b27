"""Faint flowchart connectors in PDFs: thin (0.25 pt) light-grey connector
shapes, and connectors drawn as small pictures (a faint anti-aliased line and
its arrowhead on a transparent ground), as the published BPS PDFs 043, 050
and 054 draw most of theirs. A Word SOP of each kind rendered by LibreOffice,
the picture reader on drawn grids, and the published PDFs (skipped where the
shared corpus is absent)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import pdf_thin_doc as td  # noqa: E402
from pdf_branches_doc import read_as_drawn  # noqa: E402
from lo_render import render_pdfs, soffice_or_skip  # noqa: E402
from shared_corpus import CORPUS, absent_skip, reason  # noqa: E402

from soplint.readers import read_path  # noqa: E402
from soplint.readers.pdf import read_pages  # noqa: E402
from soplint.readers.pdf.raster import vectorise  # noqa: E402


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    soffice_or_skip()
    work = tmp_path_factory.mktemp("faint")
    return render_pdfs([td.build(work / "tipis.docx"), td.build(work / "gambar.docx", pictures=True)], work)


@pytest.mark.parametrize("name", ["tipis", "gambar"])
def test_faint_connectors_give_the_flow_as_drawn(rendered, name):
    sop = read_as_drawn(rendered[name], td.STEPS, td.ACTORS)
    assert {k.no: k.lanjut for k in sop.kegiatan} == td.LANJUT
    for no, (ya, tidak) in td.CABANG.items():
        k = sop.step(no)
        assert k.simbol == "keputusan"
        assert (k.cabang.ya, k.cabang.tidak) == (ya, tidak)
    assert sop.step(1).simbol == "mulai" and sop.step(6).simbol == "selesai"
    texts = " ".join(t.teks for t in sop.tak_terpetakan)
    assert "Tidak" not in texts and "Ya" not in texts


def test_connector_pictures_are_read_as_lines_and_arrowheads(rendered):
    """Each of the six pictures becomes a path of lines with one arrowhead;
    the thin vector connectors of the other render are no pictures."""
    pages = read_pages(rendered["gambar"])
    found = [p for page in pages for p in page.paths if p.raster]
    assert len(found) == 6
    for p in found:
        heads = [s for s in p.subs if s.closed]
        assert len(heads) == 1 and 1 <= len(p.subs) - 1 <= 2
    assert not [p for page in read_pages(rendered["tipis"]) for p in page.paths if p.raster]


def _grid(w, h, ink):
    """A w x h grid of ink values; ``ink(x, y)`` says how dark each pixel is."""
    return bytes(ink(x, y) for y in range(h) for x in range(w)), w, h


def test_a_picture_of_an_elbow_connector_is_two_lines_and_a_head():
    # right along y=5 from x=0 to x=30, then down to a head pointing down at y=58
    def ink(x, y):
        if 4 <= y <= 6 and x <= 31 or 29 <= x <= 31 and 4 <= y <= 46:
            return 60
        if 46 < y <= 58 and abs(x - 30) <= (58 - y) * 0.5:
            return 60
        return 0
    lines, heads = vectorise(*_grid(40, 60, ink))
    assert len(lines) == 2 and len(heads) == 1
    tip = heads[0][1]
    assert abs(tip[0] - 30.5) <= 1 and tip[1] >= 57


def test_a_picture_of_an_arrow_pointing_left_is_one_line_and_a_head():
    # a 0.5 pt line (2 px at 4 px/pt) from x=40 to x=14, a head from x=14 to its tip at x=2
    def ink(x, y):
        if 40 >= x >= 14 and 19 <= y <= 20:
            return 90  # light grey
        if 2 <= x < 14 and abs(y - 19.5) <= (x - 2) * 0.5:
            return 200
        return 0
    lines, heads = vectorise(*_grid(44, 40, ink))
    assert len(lines) == 1 and len(heads) == 1
    (x0, y0), (x1, y1) = lines[0]
    assert abs(y0 - 20) <= 1 and abs(y1 - 20) <= 1 and min(x0, x1) <= 15 and max(x0, x1) >= 40
    tip = heads[0][1]
    assert tip[0] <= 4 and abs(tip[1] - 20) <= 1


@pytest.mark.parametrize("what", ["a filled box", "a box outline", "a grid", "letters", "a ring", "blank"])
def test_pictures_that_are_not_connectors_are_left_alone(what):
    def ink(x, y):
        if what == "a filled box":
            return 255 if 5 <= x < 35 and 5 <= y < 35 else 0
        if what == "a box outline":  # a process symbol drawn as a picture
            return 255 if 5 <= x < 35 and 10 <= y < 30 and (x in (5, 6, 33, 34) or y in (10, 11, 28, 29)) else 0
        if what == "a grid":  # a table or a QR code: many lines
            return 255 if x % 6 == 0 or y % 6 == 0 else 0
        if what == "letters":  # blobs and strokes of text
            return 255 if (x // 3 + y // 5) % 3 == 0 and 8 <= y < 28 else 0
        if what == "a ring":
            return 255 if 14 <= ((x - 20) ** 2 + (y - 20) ** 2) ** 0.5 <= 16 else 0
        return 5
    assert vectorise(*_grid(40, 40, ink)) is None


needs_bps = pytest.mark.skipif(absent_skip("corpus/bps-pdf"), reason=reason("corpus/bps-pdf"))


def _pdf(key: str) -> Path:
    return next((CORPUS / "bps-pdf").glob(f"bps-bengkulu_{key}-*.pdf"))


#: 054's flow read by eye from its rendered pages: most connectors are pictures
FLOW_054 = {1: [2], 2: [3], 3: [4], 4: [5, 11], 5: [6], 6: [7], 7: [8], 8: [9], 9: [10], 10: [11], 11: [12],
            12: [13], 13: [14], 14: []}


@needs_bps
def test_054_connector_pictures_give_the_printed_flow():
    sop = read_path(_pdf("054"))[0]
    assert {k.no: k.lanjut for k in sop.kegiatan} == FLOW_054
    assert sop.step(1).simbol == "mulai" and sop.step(14).simbol == "selesai"
    assert (sop.step(2).cabang.ya, sop.step(2).cabang.tidak) == (3, 1)
    assert (sop.step(9).cabang.ya, sop.step(9).cabang.tidak) == (10, 8)
    # the pictures that are no connectors (the logo, the QR code) give no lines
    pages = read_pages(_pdf("054"))
    assert not [p for p in pages[0].paths if p.raster]
    assert len([p for p in pages[1].paths if p.raster]) == 5


@needs_bps
def test_054_check_has_no_flow_findings_the_page_does_not_have():
    out = subprocess.run([sys.executable, "-m", "soplint", "check", "--format", "json", "--select", "FL",
                          "--no-progress", str(_pdf("054"))], capture_output=True, text=True, timeout=120)
    report = json.loads(out.stdout)
    assert out.returncode == 0, out.stderr
    codes = [f["code"] for b in report["berkas"] for f in b["temuan"]]
    assert codes == [], codes


@needs_bps
def test_043_and_050_connector_pictures():
    """043: steps 3 and 4 each end in a terminator of their own (drawn with
    pictures); 050: decision 2 goes on to step 5 ("Ada garansi") or down to
    the second diamond and on to step 3."""
    s043 = read_path(_pdf("043"))[0]
    assert [(k.no, k.simbol, k.lanjut) for k in s043.kegiatan[2:4]] == [(3, "selesai", []), (4, "selesai", [])]
    s050 = read_path(_pdf("050"))[0]
    assert (s050.step(2).cabang.ya, s050.step(2).cabang.tidak) == (5, 3)
