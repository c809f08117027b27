"""Pages of geometry -> one SOP model: identity block, detail boxes, the
procedure table across pages and its flowchart."""
from __future__ import annotations

import re
from typing import Optional

from soplint import labels, values
from soplint.model import SOP, DAFTAR_FIELDS, Kegiatan, TakTerpetakan
from soplint.readers.docx.common import Line as TreeLine
from soplint.readers.docx.common import int_of, is_tick, yes_no
from soplint.readers.docx.identity import IDENT_KEYS, parse_pengesahan, split_label
from soplint.readers.docx.tree import Paragraph
from soplint.readers.pdf import flowchart as fc
from soplint.readers.pdf import procedure as pr
from soplint.readers.pdf.geometry import Grid, analyse, join_lines, lines

_BULLET_START = re.compile(r"^\s*(\d{1,2}\s*[.),:]|[a-z]\s*[.)]|[-–—•·●○▪■►➢✓*])\s*\S")


_NIP_LINE = re.compile(r"^\s*N\.?\s*I\.?\s*P\.?\s*[:.]?\s*\d[\d\s]{10,}$", re.I)


_SOP_AP = re.compile(r"\bSOP\s+AP\b", re.I)


def _split_label(text: str):
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


def facts_of(sop: SOP, pages) -> "object":
    """What the reader saw beyond the model, for the document kind (soplint.kind)."""
    from soplint.kind import Facts

    return Facts(tabel_prosedur=bool(sop.kegiatan), kolom_pelaksana=bool(sop.pelaksana),
                 bagan_alir=any(k.bentuk for k in sop.kegiatan),
                 gambar=sum(1 for p in pages for b in p.image_boxes
                            if (b[2] - b[0]) * (b[3] - b[1]) >= 0.08 * p.width * p.height))


def build(pages, options: Optional[dict] = None) -> SOP:
    options = options or {}
    sop = SOP()
    views = [PageView(p) for p in pages]
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
    start = None if any(v.table is not None for v in views) else _steps_heading(views)
    if start is not None:
        # no procedure table: the steps are written as numbered sentences under
        # a heading ("URAIAN PROSEDUR"); the identity part ends there
        page, y = start
        for v in views:
            v.text_steps = [r for r in v.runs if v.number > page or (v.number == page and r.cy > y)]
            cut = {id(r) for r in v.text_steps}
            v.runs_before = [r for r in v.runs if id(r) not in cut]
    _identity(sop, views, used)
    if start is not None:
        _text_steps(sop, views, used, start)
    _procedure(sop, views, used, options)
    # whatever text was not placed
    seen_texts: set = set()
    for v in views:
        rest = [r for r in v.runs if id(r) not in used]
        if not rest:
            continue
        for ln in lines(rest):
            key = ln.text.lower()
            if key in seen_texts:
                continue  # the same footer or page header on every page
            seen_texts.add(key)
            sop.tak_terpetakan.append(TakTerpetakan(teks=ln.text, lokasi=lok(v.number, (ln.x0, ln.y0, ln.x1, ln.y1))))
    for v in views:
        for box in _raster_regions(v):
            sop.tak_terpetakan.append(TakTerpetakan(
                teks="[halaman %d memuat gambar tanpa lapisan teks (hasil pindai atau tangkapan layar, mis. tabel "
                     "prosedur); isinya tidak terbaca / page %d holds a picture without a text layer (a scan or a "
                     "screenshot, e.g. of the procedure table); its content is not read]" % (v.number, v.number),
                lokasi=lok(v.number, box)))
    return sop


def _steps_heading(views):
    """(page, y) of a heading that opens steps written as sentences, or None."""
    for v in views:
        for ln in lines(v.runs):
            if len(ln.text) <= 40 and labels.match(ln.text.rstrip(": "), "prosedur_judul"):
                # the heading is followed by numbered lines
                after = [x for x in lines([r for r in v.runs if r.cy > ln.y1]) if _BULLET_START.match(x.text)]
                if after or v is not views[-1]:
                    for r in ln.runs:
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
            if _BULLET_START.match(ln.text) and re.match(r"^\s*\d", ln.text):
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
        t.lokasi = lok(_page_of(views, paras[0][0].runs[0]) if paras and paras[0][0].runs else views[0].number)
    sop.tak_terpetakan.extend(unplaced)
    if len(steps) == len(paras):
        for k, p in zip(steps, paras):
            first = p[0]
            k.lokasi = lok(views[0].number if not first.runs else _page_of(views, first.runs[0]),
                           (first.x0, first.y0, max(ln.x1 for ln in p), p[-1].y1))
    sop.kegiatan = steps


def _page_of(views, run) -> int:
    for v in views:
        if any(r is run for r in v.runs):
            return v.number
    return 1


def _raster_regions(v) -> list:
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


def _cells(v: PageView, runs) -> list:
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


def _tree_lines(lns, page) -> list:
    return [TreeLine(ln.text, Paragraph(raw=ln.text), lok(page, (ln.x0, ln.y0, ln.x1, ln.y1)), 0) for ln in lns]


def _identity(sop: SOP, views, used: set) -> None:
    region = []
    for v in views:
        if v.table is not None:
            top = v.table.header_top
            if top is None:
                break
            runs = [r for r in v.runs if r.cy < top - 0.5]
            region.append((v, runs))
            break
        region.append((v, list(getattr(v, "runs_before", v.runs))))
    entries = []  # (key, label, cell, value lines, page)
    all_cells = []
    for v, runs in region:
        cells = _cells(v, runs)
        all_cells.extend(cells)
        for c in cells:
            cur = None
            rest_lines = []
            whole = join_lines(ln.text for ln in c.lines)
            if len(c.lines) > 1 and len(whole) < 60:
                found = _split_label(whole)
                if found and found[0] != "lainnya" and not found[2]:
                    # a label wrapped over lines of its own cell ("Tanggal / Pembuatan")
                    entries.append([found[0], found[1], c, [], v.number, False, c.box[1]])
                    c.free = []
                    continue
            for ln in c.lines:
                found = _split_label(ln.text) if len(ln.text) < 120 else None
                if found is None and len(ln.text) < 120:
                    clean, over = _without_overprint(ln)
                    found = _split_label(clean) if over else None
                    if found is not None:
                        # a word printed over the label (text run over from the cell above)
                        sop.tak_terpetakan.append(TakTerpetakan(teks=over, lokasi=lok(v.number, c.box)))
                if found and found[0] != "lainnya":
                    key, label, rest = found
                    cur = [key, label, c, [], v.number, False, ln.y0]
                    entries.append(cur)
                    rest = rest.lstrip(":").strip()
                    if rest:
                        cur[3].append(_sub_line(ln, rest))
                        cur[5] = True  # the value so far is the rest of the label's line
                elif cur is not None:
                    cur[3].append(ln)
                else:
                    rest_lines.append(ln)
            c.free = rest_lines
    # label cells without values take the cell to their right (identity) or below (lists)
    taken = set()
    for e in entries:
        key, label, c, vals, page, from_rest, _ = e
        if vals and from_rest and len(vals) == 1 and key in DAFTAR_FIELDS:
            below = _below(c, all_cells, entries)
            if any(n.free for n in below):
                # text run over from the cell above onto the heading's line
                # ("KUALIFIKASI PELAKSANA :" + "SERUTI"): the items are below
                sop.tak_terpetakan.append(TakTerpetakan(teks=vals[0].text, lokasi=lok(page, c.box)))
                vals.clear()
        if vals:
            continue
        if key in DAFTAR_FIELDS:
            nxt = _below(c, all_cells, entries)
            for n in nxt:
                vals.extend(n.free)
                taken.add(id(n))
        else:
            n = _right(c, all_cells, {id(e[2]) for e in entries})
            if n is not None and id(n) not in taken and n.free:
                vals.extend(n.free)
                taken.add(id(n))
    # instansi: free lines left of the identity labels, above the detail boxes
    ident = [e for e in entries if e[0] in IDENT_KEYS]
    lists_ = [e for e in entries if e[0] in DAFTAR_FIELDS]
    label_x = min((e[2].box[0] for e in ident), default=None)
    detail_top = min((e[2].box[1] for e in lists_ if e[4] == region[0][0].number), default=None) if region else None
    for c in all_cells:
        if id(c) in taken or not c.free:
            continue
        if (label_x is not None and c.page == region[0][0].number and c.box[2] <= label_x + 2
                and (detail_top is None or c.box[1] < detail_top)):
            for t in paragraphs(c.free, c.box, labels.looks_like_instansi):
                if t:
                    sop.identitas.instansi.append(t)
            for r in c.runs:
                used.add(id(r))
            taken.add(id(c))
    if not sop.identitas.instansi and region:
        # no institution cell: the institution lines written above the identity
        # (a letterhead), before the first label on the first page
        first_top = min((e[6] for e in entries if e[4] == region[0][0].number), default=None)
        for c in all_cells:
            if c.page != region[0][0].number or id(c) in taken:
                continue
            keep = [ln for ln in c.free if (first_top is None or ln.y1 <= first_top + 1)
                    and labels.looks_like_instansi(ln.text)]
            for ln in keep:
                sop.identitas.instansi.append(ln.text)
                for r in ln.runs:
                    used.add(id(r))
    # store entries
    for key, label, c, vals, page, _, _ in entries:
        for r in c.runs:
            used.add(id(r))
        for ln in vals:
            for r in getattr(ln, "runs", ()):
                used.add(id(r))
        _store(sop, key, label, c, vals, page)
    for c in all_cells:
        if id(c) in taken:
            for r in c.runs:
                used.add(id(r))


def _without_overprint(ln):
    """The line's text without the words printed over other words of it, and those words."""
    runs = sorted(getattr(ln, "runs", ()), key=lambda r: r.x0)
    keep, over = [], []
    for r in runs:
        if any(min(r.x1, k.x1) - max(r.x0, k.x0) > 0.3 * min(r.x1 - r.x0, k.x1 - k.x0) for k in keep):
            over.append(r)
        else:
            keep.append(r)
    return join_lines(r.text for r in keep), " ".join(r.text for r in over)


def _sub_line(ln, text):
    from soplint.readers.pdf.geometry import Line

    return Line(text, ln.x0, ln.y0, ln.x1, ln.y1, [])


def _right(c, cells, heads=()):
    """The value cell of a label cell: the nearest cell to its right on the
    same row (an empty ":" column may sit between them), not another label."""
    l, t, r, b = c.box
    best = None
    for o in cells:
        if o is c or o.page != c.page or id(o) in heads:
            continue
        if all(ln.text.strip() in (":", "") for ln in o.lines):
            continue  # the ":" column between labels and values
        ol, ot, orr, ob = o.box
        if ol >= r - 3 and ol - r <= 40 and ot < b - 1 and ob > t + 1:
            if best is None or (ol, abs(ot - t)) < (best.box[0], abs(best.box[1] - t)):
                best = o
    return best


def _below(c, cells, entries):
    """Cells under a heading cell, in its column, down to the next heading."""
    l, t, r, b = c.box
    heads = {id(e[2]) for e in entries}
    out = []
    y = b
    for o in sorted(cells, key=lambda o: o.box[1]):
        if o is c or o.page != c.page:
            continue
        ol, ot, orr, ob = o.box
        if ot < y - 3 or ol > r - 3 or orr < l + 3:
            continue
        if ol < l - 6 or orr > r + 6:
            continue  # a row across both columns is not part of this box
        if id(o) in heads:
            break
        if ot > y + 3 and out:
            break
        out.append(o)
        y = ob
    return out


def _store(sop: SOP, key, label, cell, vals, page) -> None:
    ident = sop.identitas
    loc = lok(page, cell.box)
    if vals and vals[0].text.startswith(":"):
        # "Label | : value": the colon written at the start of the value cell
        first = vals[0]
        vals = [_sub_line(first, first.text[1:].strip())] + list(vals[1:])
        vals = [ln for ln in vals if ln.text]
    texts = [ln.text for ln in vals]
    joined = join_lines(texts)
    if key in IDENT_KEYS:
        if getattr(ident, key) is not None:
            if joined:
                sop.lainnya.setdefault(label.rstrip(": "), joined)
            return
        sop.lokasi["identitas." + key] = loc
        if key in ("nomor_sop", "nama_sop"):
            keep = [ln for ln in vals if not _NIP_LINE.match(ln.text)]
            for ln in vals:
                if _NIP_LINE.match(ln.text):
                    # a signer's NIP printed over the next row of the identity table
                    if ident.disahkan_oleh is not None and ident.disahkan_oleh.nip is None:
                        ident.disahkan_oleh.nip = values.parse_nip(ln.text)
                    else:
                        sop.tak_terpetakan.append(TakTerpetakan(teks=ln.text, lokasi=loc))
            setattr(ident, key, join_lines(ln.text for ln in keep))
        elif key.startswith("tanggal_"):
            setattr(ident, key, values.parse_tanggal(joined))
        elif key == "disahkan_oleh":
            peng, rest = parse_pengesahan(_tree_lines(vals, page))
            ident.disahkan_oleh = peng
            for ln in rest:
                sop.tak_terpetakan.append(TakTerpetakan(teks=ln.text, lokasi=ln.lokasi))
        return
    if key in DAFTAR_FIELDS:
        items = list_items(vals, cell.box)
        have = getattr(sop, key)
        if have is None:
            setattr(sop, key, items)
            sop.lokasi[key] = loc
        else:
            have.extend(x for x in items if x not in have)
        return
    if joined or label:
        sop.lainnya[label.rstrip(": ")] = joined


def list_items(lns, box) -> list:
    """Items of a detail box: a numbered or bulleted line starts an item; in a
    list without numbers a line starts an item unless the line before it was
    full (the text wrapped)."""
    if not lns:
        return []
    left, right = box[0], box[2]
    centred = _items_by_number(lns)
    if centred is not None:
        return centred
    numbered = any(_BULLET_START.match(ln.text) for ln in lns)
    paras: list = []
    prev = None
    for ln in lns:
        t = ln.text
        if not t:
            continue
        if prev is None or _BULLET_START.match(t):
            paras.append(t)
        elif numbered or _wrapped(prev, ln, left, right):
            paras[-1] = join_lines([paras[-1], t])
        else:
            paras.append(t)
        prev = ln
    return values.split_items(paras)


_LONE_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.),]\s*$")


def _items_by_number(lns):
    """Numbers drawn in a column of their own and centred on their item's
    lines (the 2nd of 3 lines, between 2 lines): each text line belongs to the
    number nearest to it vertically. None when the numbers are not so drawn."""
    runs = [r for ln in lns for r in getattr(ln, "runs", ())]
    if len(runs) < 3:
        return None
    left = min(r.x0 for r in runs)
    nums = [r for r in runs if _LONE_NUMBER.match(r.text) and r.x0 <= left + 3]
    if len(nums) < 2:
        return None
    num_ids = {id(r) for r in nums}
    text_lines = lines([r for r in runs if id(r) not in num_ids])
    if not text_lines:
        return None
    h = max(ln.y1 - ln.y0 for ln in text_lines) or 1.0
    off = [min(abs(n.cy - (t.y0 + t.y1) / 2) for t in text_lines) for n in nums]
    if max(off) <= 0.3 * h:
        return None  # numbers on the first line of their items: the usual layout
    nums.sort(key=lambda n: n.cy)
    mids = [(t.y0 + t.y1) / 2 for t in text_lines]
    pre = []
    i = 0
    while i < len(text_lines) and mids[i] < nums[0].cy - 2 * h:
        pre.append(text_lines[i].text)
        i += 1
    groups = []
    for k, n in enumerate(nums):
        g = []
        # lines are added while the group stays centred on its number
        while i < len(text_lines):
            if k == len(nums) - 1 or not g:
                g.append(i)
                i += 1
                continue
            centre = (mids[g[0]] + mids[i]) / 2
            if centre > n.cy + 0.3 * h:
                break
            g.append(i)
            i += 1
        groups.append([text_lines[j].text for j in g])
    paras = pre + [join_lines(g) for g in groups]
    return values.split_items([p for p in paras if p])


def _wrapped(prev, ln, left, right) -> bool:
    """The line before ``ln`` was full: the first word of ``ln`` would not
    have fit on it (left-aligned, centred or justified alike)."""
    if not prev.text:
        return False
    cw = (prev.x1 - prev.x0) / max(len(prev.text), 1)
    first = ln.text.split(" ", 1)[0]
    return (prev.x1 - prev.x0) + (len(first) + 1) * cw > (right - left) - 6


def paragraphs(lns, box, starts=None) -> list:
    """Lines of a cell joined into paragraphs where the text wrapped;
    ``starts(text)`` names lines that always begin a paragraph."""
    out: list = []
    prev = None
    for ln in lns:
        if prev is not None and not _BULLET_START.match(ln.text) and not (starts and starts(ln.text)) and _wrapped(
                prev, ln, box[0], box[2]):
            out[-1] = join_lines([out[-1], ln.text])
        else:
            out.append(ln.text)
        prev = ln
    return out


# --------------------------------------------------------------------------
# procedure


def _cell_text(row, ci) -> str:
    return join_lines(ln.text for ln in row.texts.get(ci, []))


def _procedure(sop: SOP, views, used: set, options: dict) -> None:
    hari = options.get("hari_menit", 480)
    tables = [v for v in views if v.table is not None]
    if not tables:
        return
    # a header repeated on a later page names the same columns (its text may be
    # cut differently): actor columns at the same place keep the first names
    first = tables[0].table.layout
    for v in tables[1:]:
        lay = v.table.layout
        if lay is first:
            continue
        for c in lay.actors:
            same = [f for f in first.actors if abs(f.x0 - c.x0) <= 3 and abs(f.x1 - c.x1) <= 3]
            if same and same[0].name:
                c.name = same[0].name
    # actors in column order, over all layouts
    for v in tables:
        for c in v.table.layout.actors:
            if c.name and c.name not in sop.pelaksana:
                sop.pelaksana.append(c.name)
    steps: list = []  # (Kegiatan, page view, row)
    used_nos: set = set()
    offset = 0
    prev_table = None
    merged_waktu: dict = {}
    for v in tables:
        pt = v.table
        lay = pt.layout
        for r in v.runs:
            if pt.header_top is not None and pt.header_top - 1 <= r.cy <= pt.top + 1:
                used.add(id(r))
        no_i, keg_i = lay.index("no"), lay.index("kegiatan")
        new_table = pt.header_top is not None and prev_table is not None
        first_row = True
        for row in pt.rows:
            if pr.is_number_row(row):
                _use(row, used)
                continue
            no_text = _cell_text(row, no_i)
            uraian = _cell_text(row, keg_i)
            no = int_of(no_text) if no_text else None
            if no is None and not uraian:
                if steps and any(row.texts.values()):
                    _append_row(steps[-1], row, lay, used)
                first_row = False
                continue
            if no is None and steps and (first_row and pt.header_top is None or not no_text and not uraian):
                _append_row(steps[-1], row, lay, used)
                first_row = False
                continue
            if no is not None and new_table and first_row and used_nos and no <= max(used_nos):
                offset = max(used_nos) + 1 - no
            first_row = False
            if no is not None:
                no += offset
            else:
                no = (max(used_nos) + 1) if used_nos else 1
            while no in used_nos:
                no += 1
            used_nos.add(no)
            k = Kegiatan(no=no, uraian=uraian, lokasi=lok(v.number, (lay.cols[0].x0, row.y0, lay.cols[-1].x1, row.y1)))
            _mutu(k, row, lay, hari, merged_waktu, v.number)
            if lay.index("pelaksana") is not None and not lay.actors:
                t = _cell_text(row, lay.index("pelaksana"))
                if t:
                    k.pelaksana = t
                    if t not in sop.pelaksana:
                        sop.pelaksana.append(t)
            _use(row, used, skip=[i for i, c in enumerate(lay.cols) if c.key == "actor"])
            steps.append((k, v, row))
        prev_table = pt
    for group in merged_waktu.values():
        if len(group) > 1:
            nos = [k.no for k in group]
            for k in group:
                if k.waktu is not None:
                    k.waktu.gabungan = list(nos)
    sop.kegiatan = [k for k, _, _ in steps]
    _flow(sop, steps, tables, used)


def _use(row, used, skip=()):
    for ci, lns in row.texts.items():
        if ci in skip:
            continue
        for ln in lns:
            for r in ln.runs:
                used.add(id(r))


def _append_row(step, row, lay, used) -> None:
    k = step[0]
    keg_i = lay.index("kegiatan")
    t = _cell_text(row, keg_i)
    if t:
        k.uraian = values.norm_space(k.uraian + " " + t)
    for key in ("kelengkapan", "output", "keterangan"):
        ci = lay.index(key)
        if ci is not None:
            t = _cell_text(row, ci)
            if t:
                setattr(k, key, values.norm_space(getattr(k, key) + " " + t))
    _use(row, used, skip=[i for i, c in enumerate(lay.cols) if c.key == "actor"])


def _mutu(k: Kegiatan, row, lay, hari, merged_waktu, page) -> None:
    for key in ("kelengkapan", "output", "keterangan"):
        ci = lay.index(key)
        if ci is not None:
            setattr(k, key, _cell_text(row, ci))
    ci = lay.index("waktu")
    if ci is not None:
        span = row.merged.get(ci)
        t = _cell_text(row, ci)
        if span is not None:
            group = merged_waktu.setdefault((page, span), [])
            if group and not t:
                t = group[0].waktu.teks if group[0].waktu else ""
            group.append(k)
        if t:
            k.waktu = values.parse_waktu(t, hari)


def _flow(sop: SOP, steps, tables, used: set) -> None:
    from soplint.readers.docx.arrows import _cabang
    from soplint.readers.docx.table_steps import _infer

    symbols: list = []
    edges: list = []
    index_of = {}
    for i, (k, v, row) in enumerate(steps):
        index_of[id(row)] = i
    for v in tables:
        pt = v.table
        lay = pt.layout
        span = lay.actor_span()
        if span is None or not pt.rows:
            continue
        ax0, ax1 = span
        top, bottom = pt.rows[0].y0, pt.rows[-1].y1
        page_syms = []
        for s in v.geo.shapes:
            if not (ax0 - 1 <= s.cx <= ax1 + 1 and top - 1 <= s.cy <= bottom + 1):
                continue
            if s.w < 5 or s.h < 4 or s.h > 200:
                continue
            if not s.stroke and (s.w < 16 or s.h < 7):
                continue  # a small white box behind a label, not a symbol
            ci = lay.col_at(s.cx)
            if ci is None:
                continue
            col = lay.cols[ci]
            kind = fc.classify(s)
            ri = pr._row_of(pt.rows, s.cy)
            if kind == fc.PROCESS and s.w >= 0.85 * (col.x1 - col.x0) and ri is not None and (
                    s.h >= 0.6 * (pt.rows[ri].y1 - pt.rows[ri].y0)):
                continue  # a cell drawn (or shaded) as a box of its own
            if s.w > 1.6 * (col.x1 - col.x0) + 20:
                continue
            sym = fc.Symbol(kind, s.x0, s.y0, s.x1, s.y1, v.number, col=ci)
            if kind != fc.OFFPAGE and ri is not None:
                row = pt.rows[ri]
                sym.row = index_of.get(id(row))
                if sym.row is None:
                    # a row that continues the step above (no number of its own)
                    before = [index_of[id(r)] for r in pt.rows[:ri] if id(r) in index_of]
                    sym.row = before[-1] if before else (len([1 for _ in steps]) and _prev_page_step(steps, v))
            page_syms.append(sym)
        page_syms = fc.dedupe(page_syms)
        # text inside symbols, and labels beside them
        actor_runs = [r for r in v.runs if ax0 - 1 <= r.cx <= ax1 + 1 and top - 1 <= r.cy <= bottom + 1]
        free = []
        for r in actor_runs:
            host = next((s for s in page_syms if _inside(s, r)), None)
            if host is not None:
                host.text = values.norm_space(host.text + " " + r.text)
                used.add(id(r))
            else:
                free.append(r)
        strokes = [s for s in v.geo.strokes if not _is_table_rule(s, lay, ax0, ax1)]
        page_edges = fc.connectors(strokes, page_syms, (ax0, top, ax1, bottom))
        used_labels = fc.label_edges(page_edges, free)
        for r in free:
            if id(r) in used_labels:
                used.add(id(r))
        symbols.extend(page_syms)
        edges.extend(page_edges)
        for r in free:
            if id(r) not in used_labels and yes_no(r.text):
                used.add(id(r))  # a branch label the drawing does not tie to a connector
    kegs = [k for k, _, _ in steps]
    n = len(kegs)
    # off-page connectors: an arrow into one continues from its pair on a later page
    offs = [s for s in symbols if s.kind == fc.OFFPAGE]
    out_of: dict = {}
    for e in edges:
        out_of.setdefault(id(e.src), []).append(e)

    def pair_of(off):
        later = [o for o in offs if o.page > off.page and out_of.get(id(o))]
        if not later:
            return []
        first_page = min(o.page for o in later)
        cands = [o for o in later if o.page == first_page]
        if off.text:
            same = [o for o in cands if o.text and o.text.lower() == off.text.lower()]
            if same:
                return same
        same_col = [o for o in cands if o.col == off.col]
        return same_col or cands

    def targets(sym, seen, label=None):
        """(step index, label) reached from a symbol, through symbols of the same step and page links."""
        res = []
        for e in out_of.get(id(sym), []):
            lab = label or e.label
            d = e.dst
            if id(d) in seen:
                continue
            seen.add(id(d))
            if d.kind == fc.OFFPAGE:
                for p in pair_of(d):
                    if id(p) not in seen:
                        seen.add(id(p))
                        res.extend(targets(p, seen, lab))
                continue
            if d.row is None:
                continue
            if d.row == sym.row:
                res.extend(targets(d, seen, lab))
            else:
                res.append((d.row, lab))
        return res

    by_step: dict = {}
    for s in symbols:
        if s.kind != fc.OFFPAGE and s.row is not None:
            by_step.setdefault(s.row, []).append(s)
    incoming: set = set()
    outs_of_step: dict = {}
    for i in range(n):
        outs = []
        for s in by_step.get(i, []):
            for t, lab in targets(s, {id(s)}):
                if t != i and (t, lab) not in outs:
                    outs.append((t, lab))
        outs_of_step[i] = outs
        for t, _ in outs:
            incoming.add(t)
    drawn = bool(symbols)
    layouts = {id(v): v.table.layout for v in tables}
    sym_in = {id(e.dst) for e in edges}
    sym_out = {id(e.src) for e in edges}
    for i, (k, v, row) in enumerate(steps):
        syms = sorted(by_step.get(i, []), key=lambda s: s.x0)
        lay = layouts[id(v)]
        if not syms:
            # no symbol: the actor columns may be marked with a tick ("X", "v", "√")
            marked = [lay.cols[ci].name for ci, c in enumerate(lay.cols)
                      if c.key == "actor" and row.texts.get(ci) and all(is_tick(ln.text) for ln in row.texts[ci])]
            if marked:
                k.pelaksana = marked[0]
                k.pelaksana_lain = [m for m in marked[1:] if m != marked[0]]
                k.bentuk = "centang"
                for ci, c in enumerate(lay.cols):
                    if c.key == "actor":
                        for ln in row.texts.get(ci, []):
                            for r in ln.runs:
                                used.add(id(r))
        if syms:
            names = []
            for s in syms:
                nm = lay.cols[s.col].name if s.col is not None else None
                if nm and nm not in names:
                    names.append(nm)
            if names:
                k.pelaksana = names[0]
                k.pelaksana_lain = names[1:]
            prim = syms[0]
            if prim.kind != fc.TERMINATOR:
                # a start or an end drawn beside another symbol of the step: the
                # step is that start or end (told by the terminator's own arrows,
                # or by its place when no arrow touches it)
                for s in syms:
                    if s.kind != fc.TERMINATOR:
                        continue
                    s_in, s_out = id(s) in sym_in, id(s) in sym_out
                    if s_in != s_out or (not s_in and (i == 0 or i == len(steps) - 1)):
                        prim = s
                        break
            k.bentuk = prim.kind
            k.simbol = fc.SIMBOL.get(prim.kind, "tidak_baku")
            for s in syms:
                t = s.text
                if t and not _covered(t, k.uraian) and t.lower() not in (
                        "mulai", "selesai", "start", "end", "stop", "finish", "ya", "tidak"):
                    # text written inside a symbol: kept with the box of the symbol (in the step's row)
                    sop.tak_terpetakan.append(TakTerpetakan(teks=t, lokasi=lok(s.page, (s.x0, s.y0, s.x1, s.y1))))
    # terminators: a start has arrows going out and none coming in, an end the reverse
    first_term = True
    for i, k in enumerate(kegs):
        if k.simbol == "terminator":
            term = next((s for s in sorted(by_step.get(i, []), key=lambda s: s.x0) if s.kind == fc.TERMINATOR), None)
            has_in = term is not None and id(term) in sym_in
            has_out = term is not None and id(term) in sym_out
            if has_out and not has_in:
                k.simbol = "mulai"
            elif has_in and not has_out:
                k.simbol = "selesai"
            else:
                k.simbol = "mulai" if first_term else "selesai"
            first_term = False
    for i, k in enumerate(kegs):
        if k.bentuk in (None, "centang"):
            k.simbol = _infer(k, i, n, drawn)
    nos = [k.no for k in kegs]
    for i, k in enumerate(kegs):
        nxt = nos[i + 1] if i + 1 < n else None
        outs = [(nos[t], lab, True) for t, lab in outs_of_step.get(i, [])]
        if k.simbol == "keputusan":
            cab = _cabang(k, outs, nxt)
            k.cabang = cab
            k.lanjut = [cab.ya] if cab.ya is not None else ([nxt] if nxt is not None and cab.tidak != nxt else [])
        elif k.simbol == "selesai" or nxt is None and not outs:
            k.lanjut = []
        elif outs:
            k.lanjut = sorted({t for t, _, _ in outs})
        else:
            k.lanjut = [nxt] if nxt is not None else []


def _inside(s, r) -> bool:
    if not (s.x0 - 1 <= r.cx <= s.x1 + 1 and s.y0 - 1 <= r.cy <= s.y1 + 1):
        return False
    if s.kind == fc.DECISION:
        hw, hh = max((s.x1 - s.x0) / 2, 1), max((s.y1 - s.y0) / 2, 1)
        return abs(r.cx - s.cx) / hw + abs(r.cy - s.cy) / hh <= 1.15
    return True


def _prev_page_step(steps, v):
    idx = [i for i, (k, vv, row) in enumerate(steps) if vv.number < v.number]
    return idx[-1] if idx else None


def _is_table_rule(s, lay, ax0, ax1) -> bool:
    """A stroke that is a rule of the table, not a connector."""
    if s.arrow:
        return False
    w, h = s.x1 - s.x0, s.y1 - s.y0
    if h <= 2.6 and (s.x0 < ax0 - 3 or s.x1 > ax1 + 3):
        return True
    if w <= 2.6:
        x = (s.x0 + s.x1) / 2
        for c in lay.cols:
            if abs(c.x0 - x) <= 1.2 or abs(c.x1 - x) <= 1.2:
                return True
    return False


def _covered(t: str, uraian: str) -> bool:
    a, b = values.norm_space(t).lower(), values.norm_space(uraian).lower()
    return bool(a) and (a in b or b in a)
