"""Pages of geometry -> one SOP model: identity block, detail boxes, the
procedure table across pages and its flowchart (identity.py and steps.py
read the parts; views.py gives each page its cells)."""
from __future__ import annotations

import re
from typing import Optional

from soplint import labels
from soplint.model import SOP, TakTerpetakan
from soplint.readers.docx.tree import Paragraph
from soplint.readers.pdf import procedure as pr
from soplint.readers.pdf.geometry import join_lines, lines
from soplint.readers.pdf.identity import read_details_after_table, read_identity
from soplint.readers.pdf.steps import read_procedure
from soplint.readers.pdf.views import BULLET_START, PageView, lok, page_of, raster_regions


def facts_of(sop: SOP, pages) -> "object":
    """What the reader saw beyond the model, for the document kind (soplint.kind)."""
    from soplint.kind import Facts

    return Facts(tabel_prosedur=bool(sop.kegiatan), kolom_pelaksana=bool(sop.pelaksana),
                 bagan_alir=any(k.bentuk for k in sop.kegiatan),
                 gambar=sum(1 for p in pages for b in p.image_boxes
                            if (b[2] - b[0]) * (b[3] - b[1]) >= 0.08 * p.width * p.height))


def build(pages, options: Optional[dict] = None) -> SOP:
    return build_views([PageView(p) for p in pages], options)


def build_views(views, options: Optional[dict] = None, preamble=()) -> SOP:
    """One SOP from its pages; ``preamble``: pages before it that belong to
    no SOP (a book's cover, its contents), whose text is kept as unplaced."""
    options = options or {}
    sop = SOP()
    # procedure tables, page by page
    layout = None
    for v in views:
        hdr = pr.find_header(v.runs, v.grid, v.cell_of)
        pt = pr.read_header(v.runs, v.grid, *hdr, shapes=v.geo.shapes) if hdr else None
        if pt is None and layout is not None:
            pt = pr.continuation(v.grid, layout, v.runs)
        if pt is not None:
            pr.read_rows(pt, v.runs, v.grid, v.number)
            v.table = pt
            layout = pt.layout
    # identity and detail boxes: everything above the first header (on any page)
    used: set = set()
    start = None if any(v.table is not None for v in views) else steps_heading(views)
    if start is not None:
        # no procedure table: the steps are written as numbered sentences under
        # a heading ("URAIAN PROSEDUR"); the identity part ends there
        page, y = start
        for v in views:
            v.text_steps = [r for r in v.runs if v.number > page or (v.number == page and r.cy > y)]
            cut = {id(r) for r in v.text_steps}
            v.runs_before = [r for r in v.runs if id(r) not in cut]
    read_identity(sop, views, used)
    if start is not None:
        _text_steps(sop, views, used, start)
    read_procedure(sop, views, used, options)
    read_details_after_table(sop, views, used)
    # whatever text was not placed
    seen_texts: set = set()
    for v in list(preamble) + list(views):
        rest = [r for r in v.runs if id(r) not in used]
        if not rest:
            continue
        for ln in lines(rest):
            key = ln.text.lower()
            if key in seen_texts:
                continue  # the same footer or page header on every page
            seen_texts.add(key)
            sop.tak_terpetakan.append(TakTerpetakan(teks=ln.text, lokasi=lok(v.number, (ln.x0, ln.y0, ln.x1, ln.y1))))
    for v in list(preamble) + list(views):
        for box in raster_regions(v):
            sop.tak_terpetakan.append(TakTerpetakan(
                teks="[halaman %d memuat gambar tanpa lapisan teks (hasil pindai atau tangkapan layar, mis. tabel "
                     "prosedur); isinya tidak terbaca / page %d holds a picture without a text layer (a scan or a "
                     "screenshot, e.g. of the procedure table); its content is not read]" % (v.number, v.number),
                lokasi=lok(v.number, box)))
    return sop


def steps_heading(views, mark: bool = True):
    """(page, y) of a heading that opens steps written as sentences, or None;
    ``mark``: note the heading's runs on its page (as read, not placed)."""
    for v in views:
        for ln in lines(v.runs):
            if len(ln.text) <= 40 and labels.match(ln.text.rstrip(": "), "prosedur_judul"):
                # the heading is followed by numbered lines
                after = [x for x in lines([r for r in v.runs if r.cy > ln.y1]) if BULLET_START.match(x.text)]
                if after or v is not views[-1]:
                    for r in ln.runs if mark else ():
                        v.heading_runs = getattr(v, "heading_runs", []) + [r]
                    return v.number, ln.y0 - 0.1
    return None


def _text_steps(sop: SOP, views, used: set, start) -> None:
    """Steps written as numbered sentences ("2. Petugas Loket memeriksa ..."):
    one step per number, the actor named before the verb (as the Word reader)."""
    from soplint.readers.docx.prose import make_steps

    for v in views:
        for r in getattr(v, "heading_runs", []):
            used.add(id(r))
    paras = []
    for v in views:
        runs = getattr(v, "text_steps", [])
        for ln in lines(runs):
            if BULLET_START.match(ln.text) and re.match(r"^\s*\d", ln.text):
                paras.append([ln])
            elif paras:
                paras[-1].append(ln)
            else:
                continue
            for r in ln.runs:
                used.add(id(r))
    tree = [Paragraph(raw=join_lines(ln.text for ln in p)) for p in paras]
    steps, unplaced = make_steps(tree, sop.pelaksana)
    for t in unplaced:
        t.lokasi = lok(page_of(views, paras[0][0].runs[0]) if paras and paras[0][0].runs else views[0].number)
    sop.tak_terpetakan.extend(unplaced)
    if len(steps) == len(paras):
        for k, p in zip(steps, paras):
            first = p[0]
            k.lokasi = lok(views[0].number if not first.runs else page_of(views, first.runs[0]),
                           (first.x0, first.y0, max(ln.x1 for ln in p), p[-1].y1))
    sop.kegiatan = steps


