"""The procedure table of a PDF page: header and columns, step rows, and the
text of each cell.

The header is found from its labels (No, Kegiatan/Aktivitas, Pelaksana, Mutu
Baku under any of its names, Keterangan); columns are the vertical rules that
cross the header's lowest row; rows are the horizontal rules that cross the
No column (connectors of the flowchart never do). A page without a header
continues the previous page's table when its vertical rules fall on the same
columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from soplint import labels
from soplint.readers.docx.common import yes_no
from soplint.readers.pdf.geometry import Grid, join_lines, lines
from soplint.values import norm_space

_ACTIVITY = re.compile(r"\b(kegiatan|aktivitas|aktifitas|uraian|langkah|prosedur)\b", re.I)
_NUMBER_ROW = re.compile(r"^\(?\d{1,2}\)?$")
MUTU = ("kelengkapan", "waktu", "output", "keterangan")


@dataclass(eq=False)
class Column:
    """One grid column of the procedure table and what its header says."""

    x0: float
    x1: float
    name: str = ""
    key: Optional[str] = None  # no, kegiatan, actor, pelaksana, kelengkapan, waktu, output, keterangan

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(eq=False)
class Layout:
    """The columns of a procedure table (shared by its continuation pages)."""

    cols: list

    def index(self, key: str) -> Optional[int]:
        for i, c in enumerate(self.cols):
            if c.key == key:
                return i
        return None

    @property
    def actors(self) -> list:
        return [c for c in self.cols if c.key == "actor"]

    def col_at(self, x: float) -> Optional[int]:
        for i, c in enumerate(self.cols):
            if c.x0 - 0.5 <= x <= c.x1 + 0.5:
                return i
        return None

    def actor_span(self):
        a = self.actors
        if not a:
            return None
        return a[0].x0, a[-1].x1

    def spilled_label(self, r) -> bool:
        """A branch label (Ya/Tidak) written in the last or first actor column
        that runs over the column's edge: it belongs to the flowchart, not to
        the cell its middle falls in."""
        span = self.actor_span()
        if span is None:
            return False
        x0, x1 = span
        inside = (r.x0 < x1 - 1 < r.x1 and r.cx > x1) or (r.x0 < x0 + 1 < r.x1 and r.cx < x0)
        return inside and yes_no(r.text) is not None


@dataclass(eq=False)
class RowCells:
    """One table row on a page: its band and the text of each column."""

    page: int
    y0: float
    y1: float
    texts: dict = field(default_factory=dict)  # column index -> list of lines (text)
    #: column index -> (y0, y1) of a cell that spans more rows (merged)
    merged: dict = field(default_factory=dict)


@dataclass(eq=False)
class PageTable:
    """The procedure table on one page: its layout, rows and extent."""

    layout: Layout
    top: float  # top of the first body row (below the header)
    bottom: float
    header_top: Optional[float]  # None on a continuation page without header
    rows: list = field(default_factory=list)


def _col_key(text: str) -> Optional[str]:
    t = norm_space(text)
    if not t or len(t) > 45:
        return None
    k = labels.match(t, "kolom")
    if k is None and _ACTIVITY.search(t):
        return "kegiatan"
    return k


def _header_text(lns, col) -> str:
    """A header cell's lines joined; a word broken over two lines because it
    did not fit the narrow column ("Verifikato" / "r") is joined back."""
    out = ""
    prev = None
    for ln in lns:
        t = ln.text
        if prev is not None and len(prev.runs) == 1 and prev.x1 - prev.x0 >= 0.6 * (col.x1 - col.x0) - 8 and t[:1].islower() \
                and prev.text[-1:].isalpha():
            out += t
        else:
            out = join_lines([out, t]) if out else t
        prev = ln
    return out


def find_header(runs, grid: Grid, cell_of=None):
    """(no run, kegiatan run) of a procedure header on the page, or None.
    The words must be the whole text of their cells ("Kegiatan", not a
    sentence holding the word)."""
    cell_of = cell_of or {}
    texts: dict = {}
    for r in runs:
        texts.setdefault(cell_of.get(id(r)), []).append(r)

    def whole(r):
        box = cell_of.get(id(r))
        if box is None:
            return r.text
        return " ".join(ln.text for ln in lines(texts[box]))

    kegs = [r for r in runs if _ACTIVITY.search(r.text) and _col_key(whole(r)) == "kegiatan"]
    nos = [r for r in runs if len(r.text.strip()) <= 4 and _col_key(r.text) == "no" and _col_key(whole(r)) == "no"]
    for box, rs in texts.items():
        # "No" broken letter by letter in a narrow column ("N" over "o")
        if box is None or len(rs) < 2 or len(rs) > 4:
            continue
        word = "".join(r.text for r in sorted(rs, key=lambda r: (r.cy, r.x0)))
        if len(word) <= 4 and _col_key(word) == "no" and not any(_col_key(r.text) == "no" for r in rs):
            from soplint.readers.pdf.extract import Run

            nos.append(Run(word, min(r.x0 for r in rs), min(r.y0 for r in rs), max(r.x1 for r in rs),
                           max(r.y1 for r in rs)))
    best = None
    for k in kegs:
        for n in nos:
            if n.x1 <= k.x0 + 1 and abs(n.cy - k.cy) <= 30 and k.x0 - n.x1 < 200:
                if best is None or k.y0 < best[1].y0:
                    best = (n, k)
    if best is None and kegs:
        # "Uraian Prosedur" over both the number and the activity columns: a
        # header without its own No cell, when Pelaksana or Mutu Baku sits beside it
        for k in kegs:
            near = [r for r in runs if abs(r.cy - k.cy) <= 30 and r.x0 > k.x1 and _col_key(whole(r)) in (
                "pelaksana", "mutu_baku", "kelengkapan", "waktu", "output", "keterangan")]
            if near and (best is None or k.y0 < best[1].y0):
                best = (None, k)
    return best


def read_header(runs, grid: Grid, no_run, keg_run, shapes=()) -> Optional[PageTable]:
    kl, kt, kr, kb = grid.cell(keg_run.cx, keg_run.cy)
    if no_run is None:
        # the activity header spans the number column too: the body's first
        # (narrow) column under it holds the numbers
        body = sorted(r.pos for r in grid.v if r.a <= kb + 2 and r.b >= kb + 4 and kl - 2 <= r.pos <= kr + 2)
        inner = [x for x in body if kl + 4 < x < kr - 4]
        if not inner or inner[0] - kl > 60:
            return None
        from soplint.readers.pdf.extract import Run

        no_run = Run("No", kl + 1, kt + 1, inner[0] - 1, kb - 1)
        keg_run = Run(keg_run.text, inner[0] + 1, keg_run.y0, kr - 1, keg_run.y1)
    nl, nt, nr, nb = grid.cell(no_run.cx, no_run.cy)
    top = min(nt, kt)
    bottom = max(nb, kb)
    # a header of two rows (Pelaksana over actor names): the lowest cell
    # column boundaries: rules crossing the header's lowest row, or starting at
    # its bottom edge and running into the first body row (tables drawn cell by
    # cell may leave a header cell without its own border); a connector of the
    # flowchart never starts at the header's edge
    xs = grid.vrules_across(bottom - 2, min(nl, kl) - 30, grid.width)
    low = max((r.b for r in grid.v if r.a <= bottom + 2), default=bottom)
    xs += [r.pos for r in grid.v if r.a <= bottom + 2 and r.b >= bottom + 4 and r.pos >= min(nl, kl) - 30
           and r.b - bottom >= 0.5 * (low - bottom)]  # a border runs down the table, a connector does not
    if len(xs) < 4:
        return None
    if not any(x <= no_run.x0 + 0.5 for x in xs):
        # no left border drawn: the table starts where its top rule starts
        tops = [r.a for r in grid.h if abs(r.pos - top) <= 2 and r.a <= no_run.x0]
        if tops:
            xs.append(min(tops))
    merged = []
    for x in sorted(xs):
        if not merged or x - merged[-1] > 2.5:
            merged.append(x)
    xs = merged
    cols = [Column(a, b) for a, b in zip(xs, xs[1:]) if b - a > 4]
    band = [r for r in runs if top - 1 <= r.cy <= bottom + 1]
    from soplint.readers.pdf.flowchart import OFFPAGE, classify

    small = [s for s in shapes if s.w < 40 and s.h < 40 and s.y1 >= top - 2 and s.y0 <= bottom + 2
             and classify(s) == OFFPAGE]
    for c in cols:
        own = []
        for r in band:
            if any(s.x0 <= r.cx <= s.x1 and s.y0 <= r.cy <= s.y1 for s in small):
                continue  # the letter of a page link drawn over the header
            if r.x0 >= c.x0 - 1.5 and r.x1 <= c.x1 + 1.5:
                # only the column's own header cell, not a label spanning several columns
                cl, _, cr, _ = grid.cell(r.cx, r.cy)
                if cl >= c.x0 - 2.5 and cr <= c.x1 + 2.5:
                    own.append(r)
        c.name = _header_text(lines(own), c)
    for c in cols:
        c.key = _col_key(c.name)
    # a header row lower than the No/Kegiatan cells (Mutu Baku over
    # Kelengkapan | Waktu | Output): the names sit just below
    deeper = bottom
    for c in cols:
        if c.key in MUTU or c.key in ("no", "kegiatan"):
            continue
        below = [r for r in runs if bottom - 2 <= r.cy <= bottom + 28 and r.x0 >= c.x0 - 1.5
                 and r.x1 <= c.x1 + 1.5]
        if not below:
            continue
        first = lines(below)[0]
        k = _col_key(first.text)
        if k in MUTU and not c.name:
            c.name, c.key = first.text, k
            _, _, _, cb = grid.cell(first.runs[0].cx, first.runs[0].cy)
            deeper = max(deeper, cb if cb < bottom + 40 else first.y1 + 1)
    bottom = deeper
    # keys: the first column left of Kegiatan is No; columns between Kegiatan
    # and the first Mutu Baku column are actors
    keg_i = next((i for i, c in enumerate(cols) if c.x0 - 1 <= keg_run.cx <= c.x1 + 1), None)
    no_i = next((i for i, c in enumerate(cols) if c.x0 - 1 <= no_run.cx <= c.x1 + 1), None)
    if keg_i is None or no_i is None or keg_i == no_i:
        return None  # (No and Kegiatan in one column: no table of steps to read by columns)
    for i, c in enumerate(cols):
        if i == keg_i:
            c.key = "kegiatan"
        elif i == no_i:
            c.key = "no"
        elif i > keg_i and c.key in ("kegiatan", "no"):
            c.key = None
    first_mutu = next((i for i, c in enumerate(cols) if i > keg_i and c.key in MUTU), len(cols))
    between = [i for i in range(keg_i + 1, first_mutu)]
    if len(between) == 1 and cols[between[0]].key == "pelaksana":
        pass  # one Pelaksana column holding the actor's name as text
    else:
        for i in between:
            if cols[i].key in (None, "pelaksana", "mutu_baku"):
                cols[i].key = "actor"
    # a second "Kelengkapan" (Persyaratan/Perlengkapan) stays kelengkapan
    layout = Layout(cols)
    return PageTable(layout=layout, top=bottom, bottom=bottom, header_top=top)


def continuation(grid: Grid, prev: Layout, runs) -> Optional[PageTable]:
    """A page whose table has no header but the previous page's columns."""
    edges = sorted({round(c.x0, 1) for c in prev.cols} | {round(prev.cols[-1].x1, 1)})
    no = prev.index("no")
    if no is None:
        return None
    nc = prev.cols[no]
    hs = grid.hrules_across(nc.cx, 0, grid.height)
    if len(hs) < 2:
        return None
    top, bottom = min(hs), max(hs)
    mid = (top + min(y for y in hs if y > top + 3)) / 2 if any(y > top + 3 for y in hs) else top + 5
    found = grid.vrules_across(mid, edges[0] - 3, edges[-1] + 3)
    hit = sum(1 for e in edges if any(abs(e - x) <= 2.5 for x in found))
    if hit < 0.7 * len(edges):
        return None
    return PageTable(layout=prev, top=top, bottom=bottom, header_top=None)


def read_rows(pt: PageTable, runs, grid: Grid, page: int) -> None:
    """Fill ``pt.rows`` with the rows below the header and the text of each cell."""
    lay = pt.layout
    no = lay.index("no")
    nc = lay.cols[no]
    hs = sorted(y for y in grid.hrules_across(nc.cx, pt.top - 1.5, grid.height))
    # drop rules hugging each other (double lines)
    ys = []
    for y in hs:
        if not ys or y - ys[-1] > 3:
            ys.append(y)
    if ys and ys[0] > pt.top + 3:
        ys.insert(0, pt.top)
    end = _column_end(grid, nc.x1, pt.top)
    if end is not None:
        # rules further down cross the column of numbers but belong to
        # another table (the detail boxes, the next SOP's identity)
        ys = [y for y in ys if y <= end + 2.5]
        if ys and end > ys[-1] + 10 and any(
                nc.x0 <= r.cx <= nc.x1 and ys[-1] < r.cy < end and r.text.strip().rstrip(".").isdigit()
                for r in runs):
            # a last row whose bottom border is not drawn (the page cut the
            # table): it ends where the column rules end
            ys.append(end)
    if len(ys) < 2:
        return
    pt.bottom = ys[-1]
    left, right = lay.cols[0].x0, lay.cols[-1].x1
    body = [r for r in runs if ys[0] - 1 <= r.cy <= ys[-1] + 1 and left - 2 <= r.cx <= right + 2]
    rows = [RowCells(page, a, b) for a, b in zip(ys, ys[1:]) if b - a > 3]
    # merged cells: a column whose cell boundary (rule) is missing between rows
    for ci, c in enumerate(lay.cols):
        if c.key not in MUTU and c.key not in ("kegiatan",):
            continue
        inner = grid.hrules_across(c.cx, ys[0] - 1.5, ys[-1] + 1.5)
        for ri, row in enumerate(rows):
            if ri == 0:
                continue
            if not any(abs(y - row.y0) <= 2 for y in inner):
                prev = rows[ri - 1]
                start = prev.merged.get(ci, (prev.y0, prev.y1))
                span = (start[0], row.y1)
                for rr in rows[:ri + 1]:
                    if rr.y0 >= span[0] - 0.5:
                        rr.merged[ci] = span
    by_cell: dict = {}
    for r in body:
        ci = lay.col_at(r.cx)
        if lay.spilled_label(r):
            continue
        if ci is None:
            continue
        ri = _row_of(rows, r.cy)
        if ri is None:
            continue
        span = rows[ri].merged.get(ci)
        if span is not None:
            # text of a merged cell belongs to the first row it covers
            ri = next(i for i, rr in enumerate(rows) if rr.merged.get(ci) == span)
        by_cell.setdefault((ri, ci), []).append(r)
    for (ri, ci), rs in by_cell.items():
        rows[ri].texts[ci] = lines(rs)
    pt.rows = rows


def _column_end(grid: Grid, x: float, top: float) -> Optional[float]:
    """Where the rule at ``x`` (the No column's right border) that runs down
    from ``top`` ends, its pieces joined (tables drawn cell by cell); None
    where no rule runs there."""
    reach = None
    for r in sorted((r for r in grid.v if abs(r.pos - x) <= 2.5), key=lambda r: r.a):
        if reach is None:
            if r.a <= top + 3 and r.b > top + 3:
                reach = r.b
        elif r.a <= reach + 3:
            reach = max(reach, r.b)
    return reach


def _row_of(rows, y):
    for i, r in enumerate(rows):
        if r.y0 - 0.5 <= y <= r.y1 + 0.5:
            return i
    return None


def is_number_row(row: RowCells) -> bool:
    """The "(1) (2) (3) ..." row under some headers."""
    texts = [ln.text for lns in row.texts.values() for ln in lns]
    return bool(texts) and all(_NUMBER_ROW.match(t.replace(" ", "")) for t in texts) and len(texts) >= 3
