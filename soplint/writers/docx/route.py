"""Flowchart routing: where every symbol, arrow and branch label goes.

Rules a reader can follow on paper:

- arrows run vertically and horizontally through column interiors, never
  within ``GRID_GAP`` of a gridline (a line along a border prints like a
  thick border);
- no arrow runs through a symbol, an off-page connector or a label;
- an arrow to the next row goes straight down, or sideways then down; a
  jump goes out of a side, along a free channel (the middle of a column with
  no symbol in the rows it passes, else the room beside the symbols) and into
  the target's side; channels are chosen to cross as few arrows as possible,
  and each crossing left is drawn with a hop on the horizontal arrow;
- Ya/Tidak sit in the column of the branch's start, beside it.
"""
from __future__ import annotations

from soplint.model import SOP
from soplint.writers.docx import layout as L
from soplint.writers.docx.detour import DetourMixin
from soplint.writers.docx.geometry import (CROSS_COST, GRID_GAP, LANE_GAP, SIDE_DY, Drawing, Label, PageGrid, Rect,
                                           Route, Segment, Symbol, crossing)
from soplint.writers.docx.labels import LABEL_SIZE, LabelMixin, label_size

__all__ = ["build", "Router", "LABEL_SIZE", "label_size"]


class Router(DetourMixin, LabelMixin):
    """Symbols, then arrows (first choice here, fallbacks and repair in
    ``detour.py``), each branch's label as its arrow is drawn (``labels.py``),
    then hops."""

    def __init__(self, sop: SOP, lay: "L.Layout"):
        self.sop, self.lay, self.cols = sop, lay, lay.cols
        self.d = Drawing()
        self.index = {k.no: i for i, k in enumerate(sop.kegiatan)}
        self.sym: dict[int, Symbol] = {}            # row index -> the step's symbol
        self.used: dict[tuple[int, str], int] = {}  # (id(symbol), side) -> arrows using it
        self.label_of: dict[int, Label] = {}        # id(route) -> its branch label
        self.row_y: dict[int, tuple[float, float]] = {}

    # ---- symbols and grid -----------------------------------------------
    def place(self) -> None:
        sop, lay, cols = self.sop, self.lay, self.cols
        y, page = 0.0, -1
        top = L.HEADER1 + lay.header2
        grid_ys: dict[int, list[float]] = {}
        for i, k in enumerate(sop.kegiatan):
            if lay.page_of[i] != page:
                page = lay.page_of[i]
                y = top
                grid_ys[page] = [0.0, L.HEADER1, top]
            h = lay.rows[i]
            self.row_y[i] = (y, y + h)
            grid_ys[page].append(y + h)
            c = L.actor_col(sop, k)
            if c is not None:
                size = L.symbol_size(k, cols)
                t = L.PENT_ROOM if lay.top_room[i] else 0.0
                b = L.PENT_ROOM if lay.bottom_room[i] else 0.0
                cy = y + t + (h - t - b) / 2
                cx = cols.actor_left(c) + cols.actor / 2
                rect = Rect(cx - size.w / 2, cy - size.h / 2, cx + size.w / 2, cy + size.h / 2)
                s = Symbol(rect, L.preset_for(k), page, i, c, no=k.no)
                self.sym[i] = s
                self.d.symbols.append(s)
                for other in k.pelaksana_lain:
                    if other in sop.pelaksana and other != k.pelaksana:
                        c2 = sop.pelaksana.index(other)
                        dx = cols.actor_left(c2) - cols.actor_left(c)
                        self.d.symbols.append(Symbol(Rect(rect.x0 + dx, rect.y0, rect.x1 + dx, rect.y1), s.preset,
                                                     page, i, c2, no=k.no, role="lain"))
            y += h
        xs = [0.0]
        for w in cols.widths:
            xs.append(xs[-1] + w)
        actor_x = [(cols.actor_left(c), cols.actor_left(c) + cols.actor) for c in range(cols.n_actors)]
        for p, ys in grid_ys.items():
            self.d.grids[p] = PageGrid(xs, ys, actor_x)

    # ---- helpers ----------------------------------------------------------
    def _obstacles_hit(self, seg: Segment, skip=()) -> bool:
        box = Rect(min(seg.x0, seg.x1), min(seg.y0, seg.y1), max(seg.x0, seg.x1), max(seg.y0, seg.y1))
        for s in self.d.symbols:
            if s in skip or s.page != self._page:
                continue
            if seg.hits(s.rect.shrink(0.15)) and s.covers(box.shrink(-0.01), 0.3):
                return True
        for lab in self.d.labels:
            if lab.page == self._page and seg.hits(Rect(lab.rect.x0 - 0.2, lab.rect.y0 - 0.2,
                                                        lab.rect.x1 + 0.2, lab.rect.y1 + 0.2)):
                return True
        grid = self.d.grids[self._page]
        if seg.vertical and any(abs(seg.x0 - gx) < GRID_GAP for gx in grid.xs):
            return True
        if seg.horizontal and any(abs(seg.y0 - gy) < GRID_GAP for gy in grid.ys):
            return True
        return False

    def _clash(self, seg: Segment) -> bool:
        """A parallel arrow too close to ``seg`` on an overlapping stretch."""
        for rt in self.d.routes:
            if rt.page != self._page:
                continue
            for o in rt.segments:
                if seg.vertical and o.vertical and abs(seg.x0 - o.x0) < LANE_GAP:
                    lo = max(min(seg.y0, seg.y1), min(o.y0, o.y1))
                    hi = min(max(seg.y0, seg.y1), max(o.y0, o.y1))
                    if hi - lo > -0.5:
                        return True
                if seg.horizontal and o.horizontal and abs(seg.y0 - o.y0) < LANE_GAP:
                    lo = max(min(seg.x0, seg.x1), min(o.x0, o.x1))
                    hi = min(max(seg.x0, seg.x1), max(o.x0, o.x1))
                    if hi - lo > -0.5:
                        return True
        return False

    def _crossings(self, segs: list[Segment]) -> int:
        n = 0
        for rt in self.d.routes:
            if rt.page != self._page:
                continue
            for o in rt.segments:
                for s in segs:
                    if s.horizontal and o.vertical and crossing(s, o):
                        n += 1
                    elif s.vertical and o.horizontal and crossing(o, s):
                        n += 1
        return n

    def _segs(self, pts) -> list[Segment]:
        return [Segment(a[0], a[1], b[0], b[1]) for a, b in zip(pts, pts[1:])
                if abs(a[0] - b[0]) + abs(a[1] - b[1]) > 1e-6]

    def _ok(self, pts, src: Symbol, dst: Symbol) -> bool:
        return self._problems(pts, src, dst) == 0

    def _problems(self, pts, src: Symbol, dst: Symbol) -> int:
        segs = self._segs(pts)
        n = 0
        for j, s in enumerate(segs):
            skip = []
            if j == 0:
                skip.append(src)
            if j == len(segs) - 1:
                skip.append(dst)
            n += self._obstacles_hit(s, skip) + self._clash(s)
        return n

    def _in_zones(self, segs: list[Segment], own: Symbol) -> int:
        return sum(1 for sym, z in self.zones if sym is not own and sym.page == self._page
                   for g in segs if g.vertical and g.hits(z))

    def _use(self, s: Symbol, side: str) -> int:
        k = self.used.get((id(s), side), 0)
        self.used[(id(s), side)] = k + 1
        return k

    def _free(self, s: Symbol, side: str) -> bool:
        return not self.used.get((id(s), side))

    def _side_dy(self, s: Symbol, side: str, out: bool) -> float:
        k = self.used.get((id(s), side), 0)
        if k == 0:
            return 0.0
        return (1 if out else -1) * min(k * SIDE_DY, s.rect.h / 2 - 0.8)

    # ---- arrows -------------------------------------------------------------
    def route_all(self) -> Drawing:
        self.place()
        sop, lay = self.sop, self.lay
        idx = self.index
        edges = [e for e in lay.edges if e.kind not in ("none", "")]
        # next-row arrows first (they take the bottom/top sites), then jumps, shortest first
        # off-page connectors first (everything else must go round them), then
        # next-row arrows (they take the bottom/top sites), then jumps, shortest first
        edges.sort(key=lambda e: (e.kind != "offpage", idx[e.dst] != idx[e.src] + 1,
                                  abs(idx[e.dst] - idx[e.src]), idx[e.src]))
        # the sites a next-row arrow will take
        self.keep = set()
        for e in edges:
            a, b = idx[e.src], idx[e.dst]
            if e.kind == "same" and b == a + 1 and a in self.sym and b in self.sym:
                self.keep.add((b, "atas"))
                if self.sym[a].col == self.sym[b].col:
                    self.keep.add((a, "bawah"))
        # where branch labels will go: arrows keep out of there if they can
        self.zones: list[tuple[Symbol, Rect]] = []
        w, h = label_size("Tidak")
        for i, s in self.sym.items():
            if sop.kegiatan[i].cabang is not None:
                r = s.rect
                self.zones.append((s, Rect(r.x1, r.cy - h - 0.3, r.x1 + w + 0.3, r.cy + h + 0.3)))
                self.zones.append((s, Rect(r.x0 - w - 0.3, r.cy - h - 0.3, r.x0, r.cy + h + 0.3)))
        for e in edges:
            a, b = idx[e.src], idx[e.dst]
            sa, sb = self.sym.get(a), self.sym.get(b)
            if sa is None or sb is None:
                continue
            self._page = sa.page
            if e.kind == "offpage":
                self._offpage(e, sa, sb)
            else:
                self._same_page(e, sa, sb)
        self._repair()
        self._clear_labels()
        self._hops()
        return self.d

    def _name(self, e, suffix="") -> str:
        cab = f":{e.cabang}" if e.cabang else ""
        return f"soplint:panah:{e.src}:{e.dst}{cab}{suffix}"

    def _descr(self, e) -> str:
        return {"ya": "Ya", "tidak": "Tidak"}.get(e.cabang or "", "")

    def _add(self, e, pts, src, dst, s_site, d_site, suffix="") -> Route:
        rt = Route(self._name(e, suffix), self._page, pts, src, dst, s_site, d_site, self._descr(e))
        self.d.routes.append(rt)
        return rt

    def _same_page(self, e, sa: Symbol, sb: Symbol) -> None:
        a, b = sa.row, sb.row
        if b == a + 1:
            if sa.col == sb.col and self._free(sa, "bawah"):
                pts = [sa.side_point("bawah"), sb.side_point("atas")]
                if self._ok(pts, sa, sb):
                    self._use(sa, "bawah")
                    self._use(sb, "atas")
                    rt = self._add(e, pts, sa, sb, "bawah", "atas")
                    self._label(e, rt, sa)
                    return
            elif sa.col != sb.col:
                side = "kanan" if sb.col > sa.col else "kiri"
                if self._free(sa, side):
                    s = sa.side_point(side)
                    d = sb.side_point("atas")
                    pts = [s, (d[0], s[1]), d]
                    if self._ok(pts, sa, sb):
                        self._use(sa, side)
                        self._use(sb, "atas")
                        rt = self._add(e, pts, sa, sb, side, "atas")
                        self._label(e, rt, sa)
                        return
        self._lane(e, sa, sb)

    def _channels(self, lo_row: int, hi_row: int) -> list[float]:
        """x positions where a vertical arrow may run past rows lo..hi."""
        cols = self.cols
        out = []
        for c in range(cols.n_actors):
            left, right = cols.actor_left(c), cols.actor_left(c) + cols.actor
            blocked = [s.rect for s in self.d.symbols
                       if s.page == self._page and s.col == c and lo_row <= s.row <= hi_row]
            if not blocked:
                mid = (left + right) / 2
                for k in (0, 1, -1, 2, -2, 3, -3):
                    x = mid + k * LANE_GAP
                    if left + GRID_GAP <= x <= right - GRID_GAP:
                        out.append(x)
                continue
            inner_l = min(r.x0 for r in blocked) - 0.6
            inner_r = max(r.x1 for r in blocked) + 0.6
            for lo, hi in ((left + GRID_GAP, inner_l), (inner_r, right - GRID_GAP)):
                if hi < lo:
                    continue
                mid = (lo + hi) / 2
                for k in (0, 1, -1, 2, -2):
                    x = mid + k * LANE_GAP / 2
                    if lo <= x <= hi:
                        out.append(x)
        return out

    def _lane(self, e, sa: Symbol, sb: Symbol) -> None:
        lo, hi = min(sa.row, sb.row), max(sa.row, sb.row)
        best = None
        for x in self._channels(lo, hi):
            s_side = "kanan" if x > sa.rect.cx else "kiri"
            d_side = "kanan" if x > sb.rect.cx else "kiri"
            s = sa.side_point(s_side, self._side_dy(sa, s_side, True))
            d = sb.side_point(d_side, self._side_dy(sb, d_side, False))
            if (x - s[0]) * (1 if s_side == "kanan" else -1) < 1.0:
                continue
            if (x - d[0]) * (1 if d_side == "kanan" else -1) < 1.0:
                continue
            pts = [s, (x, s[1]), (x, d[1]), d]
            segs = self._segs(pts)
            # a channel with problems only when there is no clean one
            cost = (1000 * self._problems(pts, sa, sb) + sum(g.length for g in segs)
                    + CROSS_COST * self._crossings(segs) + 200 * self._in_zones(segs, sa))
            if best is None or cost < best[0]:
                best = (cost, pts, s_side, d_side)
        if best is None or best[0] >= 1000:
            # no clean straight channel: go round what is in the way
            # a branch leaves straight far enough for its label to sit beside it
            found = self._detour(sa, sb, first=label_size("Tidak")[0] + 1.2 if e.cabang else 1.0)
            if found is None:
                # both sides taken or too narrow: straight down (or up) first, the label beside it
                found = self._detour(sa, sb, first=label_size("Tidak")[0] + 1.2 if e.cabang else 1.0,
                                     upright=label_size("Tidak")[1] + 1.2 if e.cabang else 1.0)
            if found is not None:
                best = found
        if best is None:
            x = self.cols.actor_left(max(sa.col, sb.col)) + self.cols.actor - GRID_GAP
            s, d = sa.side_point("kanan"), sb.side_point("kanan")
            best = (0, [s, (x, s[1]), (x, d[1]), d], "kanan", "kanan")
        _, pts, s_side, d_side = best
        self._use(sa, s_side)
        self._use(sb, d_side)
        rt = self._add(e, pts, sa, sb, s_side, d_side)
        self._label(e, rt, sa)

    def _offpage(self, e, sa: Symbol, sb: Symbol) -> None:
        pw, ph = L.PENT.w, L.PENT.h
        # out: under the source, or beside it where its bottom is taken
        self._page = sa.page
        if self._free(sa, "bawah") and (sa.row, "bawah") not in self.keep:
            s = sa.side_point("bawah")
            rect = Rect(s[0] - pw / 2, s[1] + 2.5, s[0] + pw / 2, s[1] + 2.5 + ph)
            pent = self._pent(rect, sa, e, "keluar")
            pts = [s, (s[0], rect.y0)]
            site, pside = "bawah", "atas"
        else:
            side = "kanan" if self._free(sa, "kanan") else "kiri"
            s = sa.side_point(side, self._side_dy(sa, side, True))
            left, right = self.cols.actor_left(sa.col), self.cols.actor_left(sa.col) + self.cols.actor
            room = (right - sa.rect.x1) if side == "kanan" else (sa.rect.x0 - left)
            w = max(3.0, min(pw, room - 1.2))
            x = sa.rect.x1 + room / 2 if side == "kanan" else sa.rect.x0 - room / 2
            rect = Rect(x - w / 2, sa.rect.y1 + 2.5, x + w / 2, sa.rect.y1 + 2.5 + min(ph, w))
            pent = self._pent(rect, sa, e, "keluar")
            pts = [s, (x, s[1]), (x, rect.y0)]
            site, pside = side, "atas"
        self._use(sa, site)
        rt = self._add(e, pts, sa, pent, site, pside, ":keluar")
        self._label(e, rt, sa)
        # in: one connector above the target, shared by every arrow into it
        self._page = sb.page
        if any(s.role == "masuk" and s.row == sb.row for s in self.d.symbols):
            return
        if self._free(sb, "atas") and (sb.row, "atas") not in self.keep:
            d = sb.side_point("atas")
            rect = Rect(d[0] - pw / 2, d[1] - 2.5 - ph, d[0] + pw / 2, d[1] - 2.5)
            pent = self._pent(rect, sb, e, "masuk")
            pts = [(d[0], rect.y1), d]
            d_site = "atas"
        else:
            options = []
            for side in ("kiri", "kanan"):
                d = sb.side_point(side, self._side_dy(sb, side, False))
                left, right = self.cols.actor_left(sb.col), self.cols.actor_left(sb.col) + self.cols.actor
                room = (right - sb.rect.x1) if side == "kanan" else (sb.rect.x0 - left)
                w = max(3.0, min(pw, room - 1.2))
                x = sb.rect.x1 + room / 2 if side == "kanan" else sb.rect.x0 - room / 2
                rect = Rect(x - w / 2, sb.rect.y0 - 2.5 - min(ph, w), x + w / 2, sb.rect.y0 - 2.5)
                pts = [(x, rect.y1), (x, d[1]), d]
                options.append((not self._ok(pts, sb, sb) or not self._free(sb, side), side, rect, pts))
            options.sort(key=lambda o: o[0])
            _bad, d_site, rect, pts = options[0]
            pent = self._pent(rect, sb, e, "masuk")
        self._use(sb, d_site)
        rt = Route(f"soplint:panah:{e.label}:{e.dst}:masuk", sb.page, pts, pent, sb, "bawah", d_site)
        self.d.routes.append(rt)

    def _pent(self, rect: Rect, near: Symbol, e, role: str) -> Symbol:
        s = Symbol(rect, "flowChartOffpageConnector", near.page, near.row, near.col, None, role, e.label or "")
        self.d.symbols.append(s)
        return s

    # ---- hops -------------------------------------------------------------
    def _hops(self) -> None:
        for a, _b, p in self.d.crossings():
            a.hops.append(p)
        for rt in self.d.routes:
            rt.hops.sort()



def build(sop: SOP, lay: "L.Layout") -> Drawing:
    return Router(sop, lay).route_all()

