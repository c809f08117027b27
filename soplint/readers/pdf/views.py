"""A PDF page seen as a table grid: text runs deduplicated, underlines and
stray ticks told from cell borders, each run tied to its cell; the location
helper for PDF places."""
from __future__ import annotations

import re
from typing import Optional

from soplint.readers.docx.common import Line as TreeLine
from soplint.readers.docx.identity import split_label
from soplint.readers.docx.tree import Paragraph
from soplint.readers.pdf import procedure as pr
from soplint.readers.pdf.geometry import Grid, analyse, lines


BULLET_START = re.compile(r"^\s*(\d{1,2}\s*[.),:]|[a-z]\s*[.)]|[-–—•·●○▪■►➢✓*])\s*\S")


NIP_LINE = re.compile(r"^\s*N\.?\s*I\.?\s*P\.?\s*[:.]?\s*\d[\d\s]{10,}$", re.I)


_SOP_AP = re.compile(r"\bSOP\s+AP\b", re.I)


def split_sop_label(text: str):
    """A label at the start of a line; "Nomor SOP AP" is read as "Nomor SOP"."""
    found = split_label(text)
    if found is None and _SOP_AP.search(text):
        found = split_label(_SOP_AP.sub("SOP", text, count=1))
    return found


def lok(page: int, box=None):
    """Where something sits in a PDF: the page, and its box in points."""
    from soplint.lokasi import Lokasi

    if box is None:
        return Lokasi(halaman=page)
    return Lokasi(halaman=page, kotak=tuple(round(float(b), 1) for b in box))


class PageView:
    """A page with its geometry analysed and its cell lookup."""

    def __init__(self, page):
        self.page = page
        self.number = page.number
        self.geo = analyse(page.paths)
        self.runs = _dedupe_runs(page.runs)
        self.geo.hrules = _drop_underlines(self.geo.hrules, self.geo.vrules, self.runs)
        self.geo.vrules = _drop_ticks(self.geo.vrules, self.geo.hrules)
        self.grid = Grid(self.geo.hrules, self.geo.vrules, page.width, page.height)
        self.table: Optional[pr.PageTable] = None
        #: id(run) -> the (rounded) box of the cell holding it
        self.cell_of = {}
        canon: list = []
        for r in self.runs:
            box = self.grid.cell(r.cx, r.cy)
            # double borders (two rules a few points apart) give one cell
            key = None
            for c in canon:
                if all(abs(a - b) <= 5 for a, b in zip(c, box)):
                    key = c
                    break
            if key is None:
                key = (round(box[0]), round(box[1]), round(box[2]), round(box[3]))
                canon.append(key)
            self.cell_of[id(r)] = key


def _dedupe_runs(runs):
    """Text drawn twice on itself (a fake bold, a stamp over a copy) is read once."""
    seen = set()
    out = []
    for r in runs:
        key = (r.text, round(r.x0), round(r.y0))
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def _drop_ticks(vrules, hrules):
    """A short vertical stroke with a loose end (a stray tick, a cursor mark
    left in the document) is not a cell border: borders end on rules."""
    out = []
    for v in vrules:
        if v.b - v.a < 30:
            ends = [any(abs(h.pos - y) <= 2.5 and h.spans(v.pos, 2) for h in hrules) for y in (v.a, v.b)]
            if not all(ends):
                continue
        out.append(v)
    return out


def _drop_underlines(hrules, vrules, runs):
    """Underlined text draws a short rule under itself: a rule whose ends meet
    no vertical rule, with text sitting right on it, is not a cell border."""
    if not runs:
        return hrules
    import bisect

    by_bottom = sorted(runs, key=lambda r: r.y1)
    bottoms = [r.y1 for r in by_bottom]
    out = []
    for h in hrules:
        if h.b - h.a > 400:
            out.append(h)
            continue
        ends_free = not any(v.spans(h.pos, 2) and (abs(v.pos - h.a) <= 2.5 or abs(v.pos - h.b) <= 2.5) for v in vrules)
        if ends_free:
            i = bisect.bisect_left(bottoms, h.pos - 4)
            covered = 0.0
            while i < len(by_bottom) and by_bottom[i].y1 <= h.pos + 2.5:
                r = by_bottom[i]
                covered += max(0.0, min(r.x1, h.b) - max(r.x0, h.a))
                i += 1
            if covered >= 0.6 * (h.b - h.a):
                continue
        out.append(h)
    return out




def page_of(views, run) -> int:
    for v in views:
        if any(r is run for r in v.runs):
            return v.number
    return 1


def raster_regions(v) -> list:
    """Pictures large enough to hold part of the SOP (not a logo or a QR code)
    with no text over them: what they show cannot be read without OCR."""
    page = v.page
    out = []
    for box in page.image_boxes:
        x0, y0, x1, y1 = box
        if (x1 - x0) * (y1 - y0) < 0.08 * page.width * page.height:
            continue
        inside = sum(1 for r in v.runs if x0 <= r.cx <= x1 and y0 <= r.cy <= y1)
        if inside < 3 and not any(b is not box and b[0] <= x0 and b[1] <= y0 and b[2] >= x1 and b[3] >= y1
                                  for b in out):
            out.append(box)
    return out


class _Cell:
    def __init__(self, page, box):
        self.page = page
        self.box = box  # left, top, right, bottom
        self.runs = []
        self.lines = []


def cells_of_runs(v: PageView, runs) -> list:
    cells: dict = {}
    for r in runs:
        key = v.cell_of[id(r)]
        c = cells.get(key)
        if c is None:
            c = cells[key] = _Cell(v.number, key)
        c.runs.append(r)
    out = list(cells.values())
    for c in out:
        c.lines = lines(c.runs)
    out.sort(key=lambda c: (c.box[1], c.box[0]))
    return out


def tree_lines(lns, page) -> list:
    return [TreeLine(ln.text, Paragraph(raw=ln.text), lok(page, (ln.x0, ln.y0, ln.x1, ln.y1)), 0) for ln in lns]


