"""Decision branches of the PDF reader: a "Tidak" connector that returns up
the chart (drawn as separate lines, one of them along a column's rule), labels
of several words or wrapped over two lines, a label that runs over the actor
columns' edge, and connectors that stop a few points short of their symbols
(real published PDFs, skipped where the shared corpus is absent)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import pdf_branches_doc as bd  # noqa: E402
from lo_render import render_pdfs, soffice_or_skip  # noqa: E402
from shared_corpus import CORPUS, absent_skip, reason  # noqa: E402

from soplint.readers import read_path  # noqa: E402


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    soffice_or_skip()
    work = tmp_path_factory.mktemp("branches")
    return render_pdfs([bd.build(work / "polos.docx", bd.PLAIN), bd.build(work / "kata.docx", bd.WORDED)], work)


@pytest.mark.parametrize("name", ["polos", "kata"])
def test_branches_returning_up_the_chart_keep_their_target_and_label(rendered, name):
    sop = bd.read_as_drawn(rendered[name])
    for no, want in bd.EXPECTED.items():
        k = sop.step(no)
        assert k.simbol == "keputusan"
        assert (k.cabang.ya, k.cabang.tidak) == (want["ya"], want["tidak"]), no
        assert k.lanjut == [want["ya"]]
    # the forward flow is untouched by the returning lines crossing it
    assert [sop.step(n).lanjut for n in (1, 2, 3, 5)] == [[2], [3], [4], [6]]
    assert sop.step(7).simbol == "selesai" and sop.step(7).lanjut == []
    # a label running over into the Kelengkapan column is not that cell's text
    assert all(k.kelengkapan == "Berkas" for k in sop.kegiatan)
    texts = " ".join(t.teks for t in sop.tak_terpetakan)
    assert "Tidak" not in texts and "lengkap" not in texts


needs_real = pytest.mark.skipif(absent_skip("corpus/real-pdf"), reason=reason("corpus/real-pdf"))
needs_bps = pytest.mark.skipif(absent_skip("corpus/bps-pdf"), reason=reason("corpus/bps-pdf"))


def _pdf(folder: str, key: str) -> Path:
    return next((CORPUS / folder).glob(f"bps-bengkulu_{key}-*.pdf"))


#: (folder, SOP number, step) -> (ya, tidak), read by eye from the rendered pages
PUBLISHED = {
    # Excel export: the Tidak line starts 3 pt left of the diamond, down to the end (step 7)
    ("real-pdf", "314", 4): (5, 7),
    # FPDF: "Ya" arrowhead stops 4 pt above its box (step 5)
    ("bps-pdf", "346", 2): (5, 3),
    # labels "Belum" / "valid" wrapped over two lines, "valid" below; "Belum lengkap" back up to 6
    ("bps-pdf", "347", 6): (7, 5),
    ("bps-pdf", "347", 7): (8, 6),
    # "Belum Benar" back up to 7 and "Sudah Benar" on to 9, each two words
    ("bps-pdf", "050", 8): (9, 7),
    # "T" and "Y" stacked by one corner: T up to the start, Y down
    ("bps-pdf", "106", 2): (3, 1),
    # "Belum Ada Peningkatan Performa" (four words over three lines) back up five steps to 3
    ("bps-pdf", "044", 8): (9, 3),
    # "tidak" merges into the line from step 4 to step 5; "Ya" merges into the line from 5 to the end
    ("bps-pdf", "342", 3): (6, 5),
    # labelled "Butuh" and "Perlu" (answers yes_no knows since they were seen here), both on to step 13
    ("real-pdf", "042", 12): (13, 13),
}


@needs_real
@needs_bps
@pytest.mark.parametrize("folder,key,no", sorted(PUBLISHED))
def test_published_pdfs_decision_branches(folder, key, no):
    sop = read_path(_pdf(folder, key))[0]
    k = sop.step(no)
    assert k.simbol == "keputusan"
    assert (k.cabang.ya, k.cabang.tidak) == PUBLISHED[(folder, key, no)]


@needs_bps
def test_a_line_leaving_an_arrow_tip_and_lines_merging_are_separate_connectors():
    """342: the line out of step 5 is drawn from the tip of the arrow into it;
    the branches of decision 3 end on the lines 4 -> 5 and 5 -> 6."""
    sop = read_path(_pdf("bps-pdf", "342"))[0]
    assert [(k.no, k.lanjut) for k in sop.kegiatan] == [(1, [2]), (2, [3]), (3, [6]), (4, [5]), (5, [6]), (6, [])]


@needs_bps
def test_a_last_row_without_its_bottom_border_is_read():
    """053: the page ends the table without a bottom rule under step 6 (the
    column rules run on to where the row would end): step 6 is read, and
    decision 5 goes on to it ("Berhasil") or back to step 4."""
    sop = read_path(_pdf("bps-pdf", "053"))[0]
    assert [k.no for k in sop.kegiatan] == [1, 2, 3, 4, 5, 6]
    last = sop.step(6)
    assert last.uraian == "Selesai" and last.simbol == "selesai" and last.pelaksana == "Pegawai"
    assert last.waktu.teks == "5-10 Menit"
    assert (sop.step(5).cabang.ya, sop.step(5).cabang.tidak) == (6, 4)


@needs_bps
def test_a_box_nearly_as_wide_as_its_column_is_a_symbol_not_a_cell():
    """050: the process boxes of steps 3 and 4 fill most of the Teknisi
    column (and two thirds of their rows) but stand off its left edge: they
    are symbols, not the cell drawn as a box."""
    sop = read_path(_pdf("bps-pdf", "050"))[0]
    assert (sop.step(3).pelaksana, sop.step(3).simbol) == ("Teknisi", "proses")
    assert (sop.step(4).pelaksana, sop.step(4).pelaksana_lain) == ("Pegawai", ["Admin/ PJK TI", "Teknisi"])
