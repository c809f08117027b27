"""A PDF binding several SOPs ("kumpulan SOP", or single SOPs joined into
one file): its pages cut into one run of pages per SOP.

A new SOP starts on a page holding an identity block (two identity labels
or more: Nomor SOP, Nama SOP, the dates, Disahkan oleh) when the SOP being
read already has a procedure (a table header, a continued table, or steps
under a "Prosedur" heading), or when the block names another SOP (its
Nomor SOP or Nama SOP differs from the one being read). An identity
repeated with the same number and name (a running header on every page) is
the same SOP, as in the Word reader (readers/docx/split.py). Labels set
side by side over a column of entries (a contents table "Nama SOP | Nomor
SOP") open no SOP. Pages before the first SOP's identity (a cover, a table
of contents) are the book's preamble when the file holds several SOPs; a
file found to hold one SOP is read as a whole, exactly as before.

Where an SOP starts under the end of the previous one's table on the same
page (a book without page breaks), that page is cut above the new identity
block and each side read as a page of its own (same page number).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from soplint import labels
from soplint.model import SOP
from soplint.readers.docx.identity import IDENT_KEYS
from soplint.readers.docx.tree import clean
from soplint.readers.pdf import procedure as pr
from soplint.readers.pdf.geometry import join_lines, lines
from soplint.readers.pdf.views import cells_of_runs, split_sop_label

#: identity labels a page must show to open an SOP (a stray "Nama SOP" in a
#: running text does not; weak labels such as a bare "Nomor" do not count)
MIN_IDENT_LABELS = 2


#: the first words of the labels of Nomor SOP and Nama SOP (labels.json)
_NAMING_WORDS = frozenset(("nomor", "no", "no.", "nama", "judul", "kode", "nomor/kode"))


@dataclass(eq=False)
class PageIdentity:
    """What one page (or one side of a cut page) says about the SOP it belongs to."""

    keys: frozenset = frozenset()
    nomor: Optional[str] = None
    nama: Optional[str] = None
    procedure: bool = False
    #: the procedure header found on the page, if any (for reading the values)
    table: object = None
    #: the page view this is about: the page, or one side of a page cut
    #: above an identity block under the end of a table (a book whose SOPs
    #: do not each start on a new page)
    view: object = None
    #: the whole page, where ``view`` is one side of a cut; ``y``: the cut
    whole: object = None
    y: Optional[float] = None

    @property
    def opens(self) -> bool:
        return len(self.keys) >= MIN_IDENT_LABELS


@dataclass(eq=False)
class Part:
    """The pages of one SOP (page views; a page cut where an SOP starts under
    another's table gives each its part)."""

    views: list
    nomor: Optional[str] = None
    nama: Optional[str] = None
    procedure: bool = False


def _norm(text: Optional[str]) -> Optional[str]:
    t = clean(text or "").lower()
    return t or None


def scan(views) -> list[PageIdentity]:
    """Each page's identity labels (read above its procedure header, if any)
    and whether it holds procedure steps; a page holding an identity block
    under the rows of a table gives two entries, one per side of the cut."""
    from soplint.readers.pdf.build import steps_heading

    out = []
    layout = None
    for v in views:
        pt = _header(v)
        cont = pr.continuation(v.grid, layout, v.runs) if pt is None and layout is not None else None
        if pt is not None:
            layout = pt.layout
        keys, top = _labels(v, [r for r in v.runs if pt is None or r.cy < pt.header_top - 0.5])
        page = PageIdentity(keys, procedure=pt is not None or cont is not None or steps_heading(
            [v], mark=False) is not None, table=pt, view=v)
        lower = None
        if pt is not None:
            lower = _identity_in_table(v, pt.top)
        elif cont is not None and len(keys) >= MIN_IDENT_LABELS and top is not None and top > cont.top + 5:
            lower = _identity_in_table(v, cont.top)
            if lower is not None:
                page.keys = frozenset()  # the labels are the lower side's
        if lower is None:
            out.append(page)
            continue
        page.view, page.whole, lower.whole = _sub_view(v, None, lower.y), v, v
        out += [page, lower]
    return out


def _header(v):
    hdr = pr.find_header(v.runs, v.grid, v.cell_of)
    return pr.read_header(v.runs, v.grid, *hdr, shapes=v.geo.shapes) if hdr else None


def _identity_in_table(v, table_top: float) -> Optional[PageIdentity]:
    """An identity block naming its SOP (Nomor or Nama SOP) under the rows of
    the page's procedure table (the table of the SOP before it ends on this
    page): the side of the page from above it (and above the title and
    institution lines right over it) down, as a page of its own."""
    from soplint.readers.pdf.build import steps_heading

    below = [r for r in v.runs if r.cy > table_top + 0.5]
    if not any(r.text[:1].isupper() and r.text.lower().rstrip(":") in _NAMING_WORDS for r in below):
        return None  # no label naming an SOP can start here (a quick look before reading the cells)
    keys, top = _labels(v, below)
    if len(keys) < MIN_IDENT_LABELS or not keys & {"nomor_sop", "nama_sop"}:
        return None
    cut = top
    for ln in reversed(lines([r for r in v.runs if table_top + 0.5 < r.cy < top])):
        t = ln.text
        if labels.is_title(t) or labels.looks_like_instansi(t) or (
                t.upper() == t and len(t) >= 12 and len(re.findall(r"[^\W\d_]{3,}", t)) >= 2):
            cut = ln.y0
        else:
            break
    view = _sub_view(v, cut - 0.5, None)
    pt = _header(view)
    return PageIdentity(keys, procedure=pt is not None or steps_heading([view], mark=False) is not None,
                        table=pt, view=view, y=cut - 0.5)


def _sub_view(v, y0: Optional[float], y1: Optional[float]):
    """The part of a page between two heights, as a page view of its own
    (the same page number; paths crossing the cut are kept on both sides)."""
    from soplint.readers.pdf.extract import Page
    from soplint.readers.pdf.views import PageView

    lo = float("-inf") if y0 is None else y0
    hi = float("inf") if y1 is None else y1
    p = v.page

    def within(box):
        return box[3] >= lo and box[1] <= hi

    paths = [path for path in p.paths if any(within(sub.bbox()) for sub in path.subs if sub.pts)]
    boxes = [b for b in p.image_boxes if within(b)]
    return PageView(Page(number=p.number, width=p.width, height=p.height,
                         runs=[r for r in p.runs if lo <= r.cy < hi], paths=paths, images=len(boxes),
                         image_boxes=boxes))


def _read_values(page: PageIdentity) -> None:
    """The page's Nomor and Nama SOP, read as the identity reader reads them."""
    from soplint.readers.pdf.identity import read_identity

    v = page.view
    saved = v.table
    v.table = page.table
    try:
        scratch = SOP()
        read_identity(scratch, [v], set())
    finally:
        v.table = saved
    page.nomor, page.nama = _norm(scratch.identitas.nomor_sop), _norm(scratch.identitas.nama_sop)


def _labels(v, runs):
    """The identity labels written in ``runs`` of a page, weak ones left out
    ("Nomor" of an output "Nomor antrean", "disahkan" of "Buku uji disahkan"),
    and so are the column headers of a listing (a book's contents table
    "No | Nama SOP | Nomor SOP | Halaman" names many SOPs, it opens none);
    and the top of the first of them (of its cell, in a table)."""
    cells = cells_of_runs(v, runs)
    found = []  # (key, cell, top of the label's line)
    for c in cells:
        texts = [(ln.text, ln.y0) for ln in c.lines if len(ln.text) < 120]
        whole = join_lines(ln.text for ln in c.lines)
        if len(c.lines) > 1 and len(whole) < 60:
            texts.append((whole, c.box[1]))  # a label wrapped over lines of its own cell
        for t, y in texts:
            hit = split_sop_label(t)
            if hit and hit[0] in IDENT_KEYS and not labels.is_weak(hit[1]):
                found.append((hit[0], c, y))
    keys = set()
    top = None
    for key, c, y in found:
        beside = any(o is not c and abs(oy - y) <= 3 for _, o, oy in found)
        if not (beside and _values_below(c, cells) >= 2):
            keys.add(key)
            if c.box[3] - c.box[1] < 0.3 * v.page.height:
                y = min(y, c.box[1])  # a cell of a table, not the page
            top = y if top is None else min(top, y)
    return frozenset(keys), top


def _values_below(c, cells) -> int:
    """Cells under ``c`` in its column that hold no label (the entries of a
    listing; under a label of an identity table sits another label)."""
    n = 0
    for o in cells:
        if o is c or o.box[1] < c.box[3] - 2 or min(o.box[2], c.box[2]) - max(o.box[0], c.box[0]) < 4:
            continue
        if o.lines and split_sop_label(o.lines[0].text) is None:
            n += 1
    return n


def _starts_new(part: Part, page: PageIdentity) -> bool:
    """Does this identity page start an SOP other than ``part``? (the rule of
    the Word reader's ``Stream.need_new``)."""
    named = [(have, got) for have, got in ((part.nomor, page.nomor), (part.nama, page.nama)) if got]
    if part.procedure and not named:
        return True
    for have, got in named:
        if have is not None and have != got:
            return True
        if part.procedure and have is None:
            return True
    return False


def split_pages(views) -> tuple[list, list[list]]:
    """(preamble views, [views of each SOP]) in page order. One part (the
    whole file, no preamble) unless the file holds several SOPs."""
    info = scan(views)
    opening = [i for i, page in enumerate(info) if page.opens]
    if not opening or (len(opening) == 1 and not any(page.procedure for page in info[:opening[0]])):
        return [], [list(views)]  # one identity block at most, nothing before it: one SOP
    for i in opening:
        _read_values(info[i])
    parts: list[Part] = []
    cur: Optional[Part] = None
    pre: list = []
    for page in info:
        if page.opens and (cur is None or _starts_new(cur, page)):
            cur = Part(views=[])
            parts.append(cur)
        elif cur is None and page.procedure:
            cur = Part(views=[])
            parts.append(cur)
        if cur is None:
            pre.append(page)
            continue
        cur.views.append(page)
        if page.opens:
            cur.nomor = cur.nomor or page.nomor
            cur.nama = cur.nama or page.nama
        cur.procedure = cur.procedure or page.procedure
    if len(parts) < 2:
        return [], [list(views)]
    return _rejoined(pre), [_rejoined(p.views) for p in parts]


def _rejoined(pieces) -> list:
    """The views of these pages, both sides of a cut page that stayed in one
    SOP given back as the whole page."""
    out: list = []
    for i, page in enumerate(pieces):
        if page.whole is not None and i and pieces[i - 1].whole is page.whole:
            out[-1] = page.whole
        else:
            out.append(page.view)
    return out
