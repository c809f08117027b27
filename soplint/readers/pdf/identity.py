"""The identity block and the six detail boxes of a PDF SOP: labels and
values in their cells, the "Label : value" form, list items over wrapped lines."""
from __future__ import annotations

import re

from soplint import labels, values
from soplint.model import SOP, DAFTAR_FIELDS, TakTerpetakan
from soplint.readers.docx.identity import IDENT_KEYS, parse_pengesahan
from soplint.readers.pdf.geometry import join_lines, lines
from soplint.readers.pdf.views import BULLET_START, NIP_LINE, cells_of_runs, lok, split_sop_label, tree_lines


def read_identity(sop: SOP, views, used: set) -> None:
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
        cells = cells_of_runs(v, runs)
        all_cells.extend(cells)
        for c in cells:
            cur = None
            rest_lines = []
            whole = join_lines(ln.text for ln in c.lines)
            if len(c.lines) > 1 and len(whole) < 60:
                found = split_sop_label(whole)
                if found and found[0] != "lainnya" and not found[2]:
                    # a label wrapped over lines of its own cell ("Tanggal / Pembuatan")
                    entries.append([found[0], found[1], c, [], v.number, False, c.box[1]])
                    c.free = []
                    continue
            for ln in c.lines:
                found = split_sop_label(ln.text) if len(ln.text) < 120 else None
                if found is None and len(ln.text) < 120:
                    clean, over = _without_overprint(ln)
                    found = split_sop_label(clean) if over else None
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


def read_details_after_table(sop: SOP, views, used: set) -> None:
    """The detail boxes (Dasar Hukum ... Pencatatan dan Pendataan) written
    under the procedure table instead of above it, when the part above held
    none: read where that text holds nothing else (no identity label)."""
    import copy

    if any(getattr(sop, f) is not None for f in DAFTAR_FIELDS):
        return
    last = next((v for v in reversed(views) if v.table is not None and v.table.rows), None)
    if last is None:
        return
    after = [r for r in last.runs if r.cy > last.table.bottom + 0.5 and id(r) not in used]
    if not after:
        return
    part = copy.copy(last)
    part.runs, part.table = after, None
    scratch = SOP()
    took: set = set()
    read_identity(scratch, [part], took)
    ident = scratch.identitas
    if scratch.lainnya or ident.instansi or any(getattr(ident, k) is not None for k in IDENT_KEYS):
        return
    if not any(getattr(scratch, f) is not None for f in DAFTAR_FIELDS):
        return
    for f in DAFTAR_FIELDS:
        if getattr(scratch, f) is not None:
            setattr(sop, f, getattr(scratch, f))
            if f in scratch.lokasi:
                sop.lokasi[f] = scratch.lokasi[f]
    sop.tak_terpetakan.extend(scratch.tak_terpetakan)
    used.update(took)


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
            keep = [ln for ln in vals if not NIP_LINE.match(ln.text)]
            for ln in vals:
                if NIP_LINE.match(ln.text):
                    # a signer's NIP printed over the next row of the identity table
                    if ident.disahkan_oleh is not None and ident.disahkan_oleh.nip is None:
                        ident.disahkan_oleh.nip = values.parse_nip(ln.text)
                    else:
                        sop.tak_terpetakan.append(TakTerpetakan(teks=ln.text, lokasi=loc))
            setattr(ident, key, join_lines(ln.text for ln in keep))
        elif key.startswith("tanggal_"):
            setattr(ident, key, values.parse_tanggal(joined))
        elif key == "disahkan_oleh":
            peng, rest = parse_pengesahan(tree_lines(vals, page))
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
    numbered = any(BULLET_START.match(ln.text) for ln in lns)
    paras: list = []
    prev = None
    for ln in lns:
        t = ln.text
        if not t:
            continue
        if prev is None or BULLET_START.match(t):
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
        if prev is not None and not BULLET_START.match(ln.text) and not (starts and starts(ln.text)) and _wrapped(
                prev, ln, box[0], box[2]):
            out[-1] = join_lines([out[-1], ln.text])
        else:
            out.append(ln.text)
        prev = ln
    return out


# --------------------------------------------------------------------------
# procedure


