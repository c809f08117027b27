"""The procedure table's content-sized columns and its smaller font: long
texts in one column widen that column at the expense of columns with room to
spare, and the procedure steps down to 8 pt only where that saves a page;
ordinary SOPs keep the standard widths and 9 pt."""
from __future__ import annotations

from soplint.writers.docx import layout as L
from soplint.writers.docx import plan

from test_writer_docx import WORDS, sop_model  # noqa: E402  (tests/ is on sys.path)


def _words(start: int, n: int) -> str:
    return " ".join(WORDS[(start + j) % len(WORDS)] for j in range(n))


def long_keterangan(n_steps: int = 6, words: int = 16):
    """Steps with a long Keterangan and empty Kelengkapan/Output, as in
    published SOPs that explain each step in the last column."""
    sop = sop_model(n_steps=n_steps, n_actors=4, decisions=())
    for k in sop.kegiatan:
        k.kelengkapan = k.output = ""
        k.keterangan = _words(k.no * 5, words + 5 * (k.no % 4))
    return sop


def test_ordinary_sop_keeps_the_standard_columns_and_font():
    sop = sop_model()
    lay = plan(sop)
    assert lay.cols == L.columns_for(sop, lay.page)
    assert lay.cols.font == 9.0 and lay.proc_pages == 1


def test_long_keterangan_widens_its_column_and_saves_a_page():
    sop = long_keterangan()
    lay = plan(sop)
    std = L.columns_for(sop, lay.page)
    assert lay.cols.keterangan > std.keterangan + 10
    # width came from the columns with room to spare; the table is as wide as before
    assert lay.cols.kelengkapan < std.kelengkapan and lay.cols.output < std.output
    assert abs(sum(lay.cols.widths) - sum(std.widths)) < 0.01
    assert lay.cols.actor >= min(std.actor, 25.0)
    # at the standard widths the same steps take more room than a page
    def rows(cols):
        return sum(max(L._text_height(k, cols), L.MIN_ROW) for k in sop.kegiatan)

    assert rows(std) > lay.capacity
    assert rows(lay.cols) <= sum(lay.rows) + 0.01 and sum(lay.rows) <= lay.capacity
    assert lay.proc_pages == 1 and lay.cols.font == 9.0


def test_smaller_font_only_where_it_saves_a_page():
    # long steps: one page more at 9 pt than at 8 pt
    sop = long_keterangan(11, words=28)
    for k in sop.kegiatan:
        k.uraian = _words(k.no, 12)
    lay = plan(sop)
    at9 = L.compute(sop, lay.page, 100.0, 0.0)
    at8 = L.compute(sop, lay.page, 100.0, 0.0, L.SMALL_FONT)
    assert at9.proc_pages > at8.proc_pages
    assert lay.cols.font == L.SMALL_FONT and lay.proc_pages == at8.proc_pages
    # a procedure over several pages whatever the font keeps 9 pt
    long = sop_model(n_steps=40, n_actors=5, decisions=((5, 3), (20, 25)))
    lay = plan(long)
    assert lay.proc_pages >= 3 and lay.cols.font == 9.0


def test_lower_symbols_only_where_they_save_a_page():
    """13 ordinary steps: with symbols 1 mm lower (rows of 12 mm, as the BPS
    SOPs print them) they fit one procedure page, at 9 pt; 11 keep the
    standard symbols; 14 do not fit either way and keep them too."""
    for n, trim in ((11, 0.0), (13, L.TRIM), (14, 0.0)):
        sop = sop_model(n_steps=n, n_actors=4, decisions=((4, 2),))
        lay = plan(sop)
        assert lay.cols.symbol_trim == trim and lay.cols.font == 9.0, n
        full = L.compute(sop, lay.page, 100.0, 0.0)
        if trim:
            assert full.proc_pages == 2 and lay.proc_pages == 1
            assert all(L.symbol_size(k, lay.cols).h == L.symbol_size(k, full.cols).h - trim for k in sop.kegiatan)
