"""A PDF binding several SOPs ("kumpulan SOP", or single SOPs joined into
one file): its pages cut into one run of pages per SOP.

A new SOP starts on a page holding an identity block (two identity labels
or more: Nomor SOP, Nama SOP, the dates, Disahkan oleh) when the SOP being
read already has a procedure (a table header, a continued table, or steps
under a "Prosedur" heading), or when the block names another SOP (its
Nomor SOP or Nama SOP differs from the one being read). An identity
repeated with the same number and name (a running header on every page) is
the same SOP, as in the Word reader (readers/docx/split.py). Pages before
the first SOP's identity (a cover, a table of contents) are the book's
preamble when the file holds several SOPs; a file found to hold one SOP is
read as a whole, exactly as before.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from soplint import labels
from soplint.model import SOP
from soplint.readers.docx.identity import IDENT_KEYS
from soplint.readers.docx.tree import clean
from soplint.readers.pdf import procedure as pr
from soplint.readers.pdf.geometry import join_lines
from soplint.readers.pdf.views import cells_of_runs, split_sop_label

#: identity labels a page must show to open an SOP (a stray "Nama SOP" in a
#: running text does not; weak labels such as a bare "Nomor" do not count)
MIN_IDENT_LABELS = 2


@dataclass(eq=False)
class PageIdentity:
    """What one page says about the SOP it belongs to."""

    keys: frozenset = frozenset()
    nomor: Optional[str] = None
    nama: Optional[str] = None
    procedure: bool = False

    @property
    def opens(self) -> bool:
        return len(self.keys) >= MIN_IDENT_LABELS


@dataclass(eq=False)
class Part:
    """The pages of one SOP (indices into the views)."""

    start: int
    end: int = 0  # exclusive
    nomor: Optional[str] = None
    nama: Optional[str] = None
    procedure: bool = False
    pages: list = field(default_factory=list)


def _norm(text: Optional[str]) -> Optional[str]:
    t = clean(text or "").lower()
    return t or None


def scan(views) -> list[PageIdentity]:
    """Each page's identity labels (read above its procedure header, if any)
    and whether it holds procedure steps."""
    from soplint.readers.pdf.build import steps_heading
    from soplint.readers.pdf.identity import read_identity

    out = []
    layout = None
    for v in views:
        hdr = pr.find_header(v.runs, v.grid, v.cell_of)
        pt = pr.read_header(v.runs, v.grid, *hdr, shapes=v.geo.shapes) if hdr else None
        continued = pt is None and layout is not None and pr.continuation(v.grid, layout, v.runs) is not None
        if pt is not None:
            layout = pt.layout
        keys = _labels(v, [r for r in v.runs if pt is None or r.cy < pt.header_top - 0.5])
        has_steps = pt is not None or continued or steps_heading([v], mark=False) is not None
        page = PageIdentity(keys, procedure=has_steps)
        if page.opens:
            # the values, read as the identity reader reads them
            saved = v.table
            v.table = pt
            try:
                scratch = SOP()
                read_identity(scratch, [v], set())
            finally:
                v.table = saved
            page.nomor, page.nama = _norm(scratch.identitas.nomor_sop), _norm(scratch.identitas.nama_sop)
        out.append(page)
    return out


def _labels(v, runs) -> frozenset:
    """The identity labels written in ``runs`` of a page, weak ones left out
    ("Nomor" of an output "Nomor antrean", "disahkan" of "Buku uji disahkan")."""
    keys = set()
    for c in cells_of_runs(v, runs):
        texts = [ln.text for ln in c.lines if len(ln.text) < 120]
        whole = join_lines(ln.text for ln in c.lines)
        if len(c.lines) > 1 and len(whole) < 60:
            texts.append(whole)  # a label wrapped over lines of its own cell
        for t in texts:
            found = split_sop_label(t)
            if found and found[0] in IDENT_KEYS and not labels.is_weak(found[1]):
                keys.add(found[0])
    return frozenset(keys)


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
    if len(views) < 2:
        return [], [list(views)]
    info = scan(views)
    parts: list[Part] = []
    cur: Optional[Part] = None
    for i, page in enumerate(info):
        if page.opens and (cur is None or _starts_new(cur, page)):
            cur = Part(start=i)
            parts.append(cur)
        elif cur is None and page.procedure:
            cur = Part(start=i)
            parts.append(cur)
        if cur is None:
            continue
        if page.opens:
            cur.nomor = cur.nomor or page.nomor
            cur.nama = cur.nama or page.nama
        cur.procedure = cur.procedure or page.procedure
    if len(parts) < 2:
        return [], [list(views)]
    for a, b in zip(parts, parts[1:]):
        a.end = b.start
    parts[-1].end = len(views)
    return list(views[:parts[0].start]), [list(views[p.start:p.end]) for p in parts]
