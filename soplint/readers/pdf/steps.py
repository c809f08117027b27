"""The procedure table of a PDF SOP: one step per row across pages, the
Mutu Baku columns, and the flow read from the drawn symbols and connectors."""
from __future__ import annotations

from soplint import values
from soplint.model import SOP, Kegiatan, TakTerpetakan
from soplint.readers.docx.common import int_of, is_tick, symbol_text, yes_no
from soplint.readers.pdf import flowchart as fc
from soplint.readers.pdf.labels import label_edges
from soplint.readers.pdf import procedure as pr
from soplint.readers.pdf.geometry import join_lines
from soplint.readers.pdf.views import lok


def _cell_text(row, ci) -> str:
    return join_lines(ln.text for ln in row.texts.get(ci, []))


def read_procedure(sop: SOP, views, used: set, options: dict) -> None:
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
    from soplint.readers.docx.arrows import link_steps
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
                    s.h >= 0.6 * (pt.rows[ri].y1 - pt.rows[ri].y0)) and (
                    abs(s.x0 - col.x0) <= 3 and abs(s.x1 - col.x1) <= 3):
                continue  # a cell drawn (or shaded) as a box of its own, not a symbol inside it
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
        actor_runs = [r for r in v.runs if (ax0 - 1 <= r.cx <= ax1 + 1 or lay.spilled_label(r))
                      and top - 1 <= r.cy <= bottom + 1]
        free = []
        for r in actor_runs:
            host = next((s for s in page_syms if _inside(s, r)), None)
            if host is not None:
                host.text = values.norm_space(host.text + " " + r.text)
                used.add(id(r))
            else:
                free.append(r)
        strokes, ruled = [], []
        for s in v.geo.strokes:
            (ruled if _is_table_rule(s, lay, ax0, ax1) else strokes).append(s)
        row_ys = [y for r in pt.rows for y in (r.y0, r.y1)]
        strokes += fc.on_rules(strokes, ruled, (ax0, top, ax1, bottom), row_ys)
        page_edges = fc.connectors(strokes, page_syms, (ax0, top, ax1, bottom), row_ys)
        used_labels = label_edges(page_edges, free)
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
                      if c.key == "actor" and row.texts.get(ci) and all(_tick(ln.text) for ln in row.texts[ci])]
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
            k.teks_simbol = symbol_text(prim.text, k.uraian)
            for s in syms:
                t = symbol_text(s.text, k.uraian) if s is not prim else None
                if t:
                    # text inside another symbol of the step: kept with the box of the symbol
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
    link_steps(kegs, {i: [(nos[t], lab, True) for t, lab in v] for i, v in outs_of_step.items()})


#: tick marks of the Wingdings font as a PDF's text layer gives them (the
#: font's own codes in the private use area: check, cross, boxed cross, boxed check)
_WINGDINGS_TICKS = {"\uf0fc", "\uf0fb", "\uf0fd", "\uf0fe"}


def _tick(text: str) -> bool:
    return is_tick(text) or text.strip() in _WINGDINGS_TICKS


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
