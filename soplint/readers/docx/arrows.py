"""The flow between the steps of a procedure table: drawn arrows and
connectors by their geometry (:class:`Geo`), branch labels, and the branches
of each decision; where nothing is drawn, the order of the rows.
"""
from __future__ import annotations

from typing import Optional

from soplint.model import Cabang, Kegiatan, TakTerpetakan
from soplint.readers.docx import flow
from soplint.readers.docx.common import cell_lokasi, shape_lokasi, symbol_text, yes_no
from soplint.readers.docx.procedure import _CELL_LABEL, ProcTable, RawStep, col_of_shape
from soplint.readers.docx.tree import Shape, Table, clean


def connect(tables: list[ProcTable], raw: list[RawStep], steps: list[Kegiatan], unplaced: list) -> None:
    """lanjut and cabang of every step, from connectors or from text."""
    nodes: list[flow.Node] = []
    lines: list[Shape] = []
    labels_: list[Shape] = []
    seen: set = set()
    table_of: dict[int, Table] = {}
    for order, rs in enumerate(raw):
        for c, s in rs.marks:
            if s is not None and id(s) not in seen:
                seen.add(id(s))
                # flow nodes are keyed by the step's position (step numbers may repeat)
                nodes.append(flow.Node(shape=s, no=order, col=c if c is not None else -1, row=rs.row,
                                       order=order))
    all_shapes = []
    for t in tables:
        for rs in t.steps:
            all_shapes.extend(rs.shapes)
        all_shapes.extend(t.loose_shapes)
        for s in all_shapes:
            table_of[id(s)] = t.table
    order_of_row = {}
    for order, rs in enumerate(raw):
        order_of_row[(id(rs.table), rs.row)] = order
    for s in all_shapes:
        if id(s) in seen:
            continue
        seen.add(id(s))
        k = flow.kind(s)
        if k == "line":
            lines.append(s)
        elif k == "label":
            labels_.append(s)
        elif k == "offpage":
            cell = s.para.cell if s.para is not None else None
            t = table_of.get(id(s))
            row = cell.row if cell is not None else -1
            order = order_of_row.get((id(t), row))
            if order is None:
                # a page link in a row of its own: place it between the steps around it
                before = [o for (tid, r), o in order_of_row.items() if tid == id(t) and r < row]
                order = (max(before) + 0.5) if before else -0.5
            nodes.append(flow.Node(shape=s, no=None, col=col_of_shape(t, s) if t is not None else -1, row=row,
                                   order=order))

    geo = Geo([t.table for t in tables])
    for t in tables:
        for c in t.text_labels:
            paras = c.paragraphs
            if paras:
                width = sum(t.table.grid[c.col:c.col + c.span]) * flow.TWIP if t.table.grid else 900000
                labels_.append(Shape(geom="textbox", is_textbox=True, text=c.text, para=paras[0], x=0, y=0,
                                     cx=width, cy=250000, frame_h="column", frame_v="paragraph", name=_CELL_LABEL))
    res = flow.build_edges(nodes, lines, labels_, geo) if lines else flow.FlowResult()
    if lines:
        _terminators_by_arrows(steps, res)
    nos = [k.no for k in steps]
    outs_of = {}
    for i in range(len(steps)):
        outs = outs_of[i] = []
        for t, lab, ex in res.out.get(i, []):
            if (nos[t], lab, ex) not in outs:
                outs.append((nos[t], lab, ex))
    link_steps(steps, outs_of)
    # text of labels and symbols that the model does not carry
    step_rows = {(id(rs.table), rs.row) for rs in raw}
    for s in labels_:
        if s.name == _CELL_LABEL:
            cell = s.para.cell
            if id(s) not in res.used_labels and (id(cell.table), cell.row) not in step_rows and not any(
                    k.simbol == "keputusan" for k in steps):
                unplaced.append(TakTerpetakan(teks=s.text, lokasi=cell_lokasi(cell)))
            continue
        if id(s) in res.used_labels or not s.text:
            continue
        if yes_no(s.text) and any(k.simbol == "keputusan" for k in steps):
            continue  # a branch label near a decision whose branches were read from text
        unplaced.append(TakTerpetakan(teks=s.text, lokasi=shape_lokasi(s)))
    for n in nodes:
        t = n.shape.text
        if not t:
            continue
        if n.no is None:
            continue  # off-page connector letters are page links, not text
        st = steps[n.no] if 0 <= n.no < len(steps) else None
        if st is not None and (symbol_text(t, st.uraian) in (None, st.teks_simbol)):
            continue  # nothing beyond the step's own text, or the step's teks_simbol
        unplaced.append(TakTerpetakan(teks=t, lokasi=shape_lokasi(n.shape)))
    for rs in raw:
        for t, cell in rs.actor_texts:
            if yes_no(t) and rs.kegiatan.simbol == "keputusan":
                continue
            unplaced.append(TakTerpetakan(teks=t, lokasi=cell_lokasi(cell)))


def _terminators_by_arrows(steps: list[Kegiatan], res) -> None:
    """Where connectors are drawn, a terminator nothing points to that has an
    arrow going out is a start, one with an arrow coming in and none going out
    is an end (whatever its position); others keep the first/last rule.
    ``res.out`` is keyed by step position. Arrows count as known only when
    every step that is not a terminator has one going out (a flowchart with
    only a few arrows drawn keeps the first/last rule)."""
    if any(not res.out.get(i) for i, k in enumerate(steps)
           if not (k.simbol in ("mulai", "selesai") and k.bentuk in flow.TERMINATOR)):
        return
    incoming: set[int] = set()
    for src, outs in res.out.items():
        for t, _, _ in outs:
            if t != src:
                incoming.add(t)
    for i, k in enumerate(steps):
        if k.simbol not in ("mulai", "selesai") or k.bentuk not in flow.TERMINATOR:
            continue
        has_out = any(t != i for t, _, _ in res.out.get(i, []))
        if has_out and i not in incoming:
            k.simbol = "mulai"
        elif i in incoming and not has_out:
            k.simbol = "selesai"


class Geo:
    """An estimated page grid for the procedure tables: x from the table grid,
    y from row heights (w:trHeight, else estimated from the text and the
    shapes in the row). Only used to follow connectors without ids."""

    LINE = 200000  # EMU per text line
    PAD = 100000

    def __init__(self, tables: list[Table]):
        self.tables = tables
        self._tops: Optional[dict[int, list[int]]] = None

    @property
    def tops(self) -> dict[int, list[int]]:
        """id(table) -> the estimated top of each row (computed on first
        use: many procedures need no estimate at all)."""
        if self._tops is None:
            self._tops = {}
            y = 0
            for t in self.tables:
                tops = []
                for row in t.rows:
                    tops.append(y)
                    y += self._height(t, row)
                self._tops[id(t)] = tops
                y += 400000
        return self._tops

    def _height(self, t: Table, row) -> int:
        if row.height:
            return row.height * flow.TWIP
        h = 300000
        for c in row.cells:
            if c.origin is not None:
                continue
            width = sum(t.grid[c.col:c.col + c.span]) if t.grid else 2000
            per_line = max(8, int(width / 110))
            paras = c.all_paragraphs()
            lines = sum(max(1, -(-len(p.text) // per_line)) for p in paras if p.text)
            h = max(h, lines * self.LINE + self.PAD)
            for p in paras:
                for s in p.shapes:
                    if not s.is_line and s.frame_v in ("paragraph", "line", "text", ""):
                        h = max(h, s.y + s.cy + 60000)
        return h

    def _origin(self, s: Shape):
        cell = s.para.cell if s.para is not None else None
        if cell is None or id(cell.table) not in self.tops:
            return None
        t = cell.table
        if s.frame_h in ("margin", "leftMargin"):
            ox = 0
        elif s.frame_h == "page":
            ox = -1440 * flow.TWIP
        else:
            ox = t.col_x(cell.col) * flow.TWIP
        tops = self.tops[id(t)]
        oy = tops[cell.row] if cell.row < len(tops) else 0
        return ox, oy, t

    def point(self, s: Shape, p):
        o = self._origin(s)
        if o is None:
            return None
        return o[0] + p[0], o[1] + p[1]

    def box(self, s: Shape):
        o = self._origin(s)
        if o is None:
            return None
        if s.inline:
            cell = s.para.cell
            return (o[0], o[1], o[0] + sum(o[2].grid[cell.col:cell.col + cell.span]) * flow.TWIP, o[1] + 300000)
        return (o[0] + s.x, o[1] + s.y, o[0] + s.x + s.cx, o[1] + s.y + s.cy)

    def col(self, s: Shape, p):
        o = self._origin(s)
        if o is None:
            return None
        x = (o[0] + p[0]) / flow.TWIP
        acc = 0
        for i, wdt in enumerate(o[2].grid):
            if acc <= x < acc + wdt:
                return i
            acc += wdt
        return None


def link_steps(steps, outs_of: dict) -> None:
    """Each step's ``lanjut`` (and a decision's ``cabang``) from the arrows
    leaving it: ``outs_of[i]`` lists ``(target step no, label, explicit)`` for
    step ``i``; a step with no arrow goes on to the next, the last one ends.
    Shared by the Word and the PDF reader."""
    nos = [k.no for k in steps]
    for i, k in enumerate(steps):
        nxt = nos[i + 1] if i + 1 < len(nos) else None
        outs = outs_of.get(i, [])
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


def _cabang(k: Kegiatan, outs, nxt) -> Cabang:
    """Branches of a decision: labelled connectors first; unlabelled ones
    are matched with the targets the note names ("Ya: lanjut ke 7"), then the
    one to the next step is "ya"; the note in keterangan/uraian also
    overrules targets that were only estimated from the drawing. A branch
    nobody names goes on to the next step."""
    text_br = flow.branches_from_text(k.keterangan) or flow.branches_from_text(k.uraian)
    chosen: dict[str, tuple] = {}
    unl = []
    for t, lab, ex in outs:
        if lab and lab not in chosen:
            chosen[lab] = (t, ex)
        elif not lab:
            unl.append((t, ex))
    unl = [u for u in unl if u[0] not in [v[0] for v in chosen.values()]]
    for lab in ("ya", "tidak"):
        if lab not in chosen and text_br.get(lab) is not None:
            for u in unl:
                if u[0] == text_br[lab]:
                    chosen[lab] = u
                    unl.remove(u)
                    break
    for u in unl:
        if "ya" not in chosen and (u[0] == nxt or "tidak" in chosen):
            chosen["ya"] = u
        elif "tidak" not in chosen:
            chosen["tidak"] = u
        elif "ya" not in chosen:
            chosen["ya"] = u
    for lab in ("ya", "tidak"):
        target = text_br.get(lab)
        if target is not None and (lab not in chosen or not chosen[lab][1]):
            chosen[lab] = (target, True)
    cab = Cabang(ya=chosen.get("ya", (None,))[0], tidak=chosen.get("tidak", (None,))[0])
    if not outs and "tidak" not in text_br and "ya" in text_br and nxt is not None and cab.ya != nxt:
        cab.tidak = nxt
    if cab.ya is None and nxt is not None and cab.tidak != nxt:
        cab.ya = nxt  # the branch not named (or without a target) goes on to the next step
    return cab