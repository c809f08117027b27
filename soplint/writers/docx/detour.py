"""Second-chance routing: where the router's first choice (straight down, or
out of a side along one free channel) fails, the cheapest clean path with any
number of bends (:meth:`DetourMixin._detour`); and, once every arrow is drawn,
the repair of arrows that a later label or connector now sits on (another
channel, or a detour from the same start so the label stays beside it), then
of labels an arrow still runs through (:meth:`DetourMixin._clear_labels`).
"""
from __future__ import annotations

import heapq

from soplint.writers.docx.geometry import (CROSS_COST, GRID_GAP, LANE_GAP, SIDE_DY, Rect, Route, Segment, Symbol,
                                           check)
from soplint.writers.docx.labels import label_size


class DetourMixin:
    """Needs the router's state and helpers (``Router`` in ``route.py``)."""

    def _repair(self) -> None:
        """Arrows routed before a later label or connector was placed may now
        run through it: move their vertical run to another channel, keeping
        both ends (and so the labels beside them)."""
        for _ in range(3):
            bad = set()
            for v in check(self.d):
                if v.kind in ("melewati-label", "melewati-simbol"):
                    bad.add(v.what.split(" / ")[0])
                elif v.kind == "tumpang-tindih":
                    bad.update(v.what.split(" / "))
            moved = False
            for rt in [r for r in self.d.routes if r.name in bad]:
                if len(rt.points) == 4 and self._rechannel(rt):
                    moved = True
                elif rt.src.role == "kegiatan" and rt.dst.role == "kegiatan":
                    moved |= self._redetour(rt)
            if not moved:
                return

    def _clear_labels(self) -> None:
        """A label is placed as its arrow is drawn, so an arrow drawn later
        (or moved by the repair) may run through it. With every arrow known,
        for each label an arrow runs through: move the label to a clean spot
        beside its start; else draw its own arrow again from another free
        side (bottom or top included), its label placed anew; else the arrow
        through it, round it. A new path is kept only where the check then
        finds fewer problems."""
        for _ in range(3):
            crossed = self._crossed_labels()
            if not crossed:
                return
            progress = False
            for lab, through in crossed:
                own = next((rt for rt in self.d.routes if self.label_of.get(id(rt)) is lab), None)
                if own is None or lab not in [x for x, _t in self._crossed_labels()]:
                    continue
                if self._move_label(own):
                    progress = True
                    continue
                for rt in [own] + [r for r in through if r is not own]:
                    if rt.src.role == "kegiatan" and rt.dst.role == "kegiatan" and self._redraw(rt):
                        progress = True
                        break
            if not progress:
                return

    def _crossed_labels(self) -> list:
        """(label, the arrows through it) as the check sees them."""
        out = []
        for lab in self.d.labels:
            inner = lab.rect.shrink(0.1)
            through = [rt for rt in self.d.routes if rt.page == lab.page and any(g.hits(inner) for g in rt.segments)]
            if through:
                out.append((lab, through))
        return out

    def _redraw(self, rt: Route) -> bool:
        """Draw ``rt`` again from any free side of its source (its label,
        if any, placed anew beside the new start); keep it only where the
        check finds fewer problems than before."""
        before = len(check(self.d))
        self._page = rt.page
        lab = self.label_of.get(id(rt))
        saved = (rt.points, rt.src_site, rt.dst_site, lab.rect if lab else None, dict(self.used))
        i = self.d.routes.index(rt)
        self.d.routes.remove(rt)
        j = self.d.labels.index(lab) if lab else 0
        if lab:
            self.d.labels.remove(lab)
        w, h = label_size("Tidak")
        found = self._detour(rt.src, rt.dst, first=w + 1.2 if lab else 1.0, upright=h + 1.2 if lab else 1.0)
        self.d.routes.insert(i, rt)
        if found is not None:
            rt.points, rt.src_site, rt.dst_site = found[1], found[2], found[3]
            self._use(rt.src, rt.src_site)
            self._use(rt.dst, rt.dst_site)
        if lab:
            self.d.labels.insert(j, lab)
            if found is not None:
                lab.rect = self._label_spot(rt, rt.src, lab.text, skip=lab)[1]
        if found is not None and len(check(self.d)) < before:
            return True
        rt.points, rt.src_site, rt.dst_site = saved[:3]
        if lab:
            lab.rect = saved[3]
        self.used = saved[4]
        return False

    def _redetour(self, rt: Route) -> bool:
        """Reroute ``rt`` round what is in the way, leaving from the same point
        (so its label stays beside its start)."""
        self._page = rt.page
        self.d.routes.remove(rt)
        try:
            found = self._detour(rt.src, rt.dst, keep=(rt.src_site, rt.points[0]))
            if found is None:
                return False
            rt.points, rt.dst_site = found[1], found[3]
            return True
        finally:
            self.d.routes.append(rt)

    def _rechannel(self, rt: Route) -> bool:
        self._page = rt.page
        s, d = rt.points[0], rt.points[-1]
        self.d.routes.remove(rt)
        try:
            now = self._problems(rt.points, rt.src, rt.dst)
            best = None
            ends = [(rt.dst_site, d)]
            if rt.dst.role == "kegiatan" and rt.dst_site in ("kiri", "kanan"):
                lim = rt.dst.rect.h / 2 - 0.8
                for side in (rt.dst_site, "kanan" if rt.dst_site == "kiri" else "kiri"):
                    for dy in (0.0, -SIDE_DY, SIDE_DY, -2 * SIDE_DY, 2 * SIDE_DY):
                        if abs(dy) <= lim:
                            ends.append((side, rt.dst.side_point(side, dy)))
            for x in self._channels(min(rt.src.row, rt.dst.row), max(rt.src.row, rt.dst.row)):
                if rt.src_site in ("kanan", "kiri") and (x - s[0]) * (1 if rt.src_site == "kanan" else -1) < 1.0:
                    continue
                for site, e in ends:
                    if site in ("kanan", "kiri") and (x - e[0]) * (1 if site == "kanan" else -1) < 1.0:
                        continue
                    pts = [s, (x, s[1]), (x, e[1]), e]
                    segs = self._segs(pts)
                    cost = (1000 * self._problems(pts, rt.src, rt.dst) + sum(g.length for g in segs)
                            + CROSS_COST * self._crossings(segs))
                    if best is None or cost < best[0]:
                        best = (cost, pts, site)
            if best is not None and best[0] < 1000 * now:
                rt.points, rt.dst_site = best[1], best[2]
                return True
            return False
        finally:
            self.d.routes.append(rt)

    def _detour(self, sa: Symbol, sb: Symbol, keep=None, first: float = 1.0, upright: float = 0.0):
        """The cheapest clean path with any number of bends (length, a
        penalty per bend and per crossing) over a sparse grid of lines through
        column interiors and row interiors beside every obstacle; None where
        there is none. It leaves ``sa`` from a side, straight for at least
        ``first`` mm; with ``upright`` also from its bottom or top where
        free, straight for at least that many mm."""
        cols, grid = self.cols, self.d.grids[self._page]
        page_syms = [s for s in self.d.symbols if s.page == self._page]
        lo_c = max(0, min(sa.col, sb.col) - 1)
        hi_c = min(cols.n_actors - 1, max(sa.col, sb.col) + 1)
        xs: set[float] = set()
        for c in range(lo_c, hi_c + 1):
            left, right = cols.actor_left(c), cols.actor_left(c) + cols.actor
            cand = [left + GRID_GAP + 0.05, right - GRID_GAP - 0.05, (left + right) / 2]
            for o in page_syms:
                if o.col == c:
                    cand += [o.rect.x0 - 0.8, o.rect.x0 - 0.8 - LANE_GAP, o.rect.x1 + 0.8, o.rect.x1 + 0.8 + LANE_GAP]
            for rt in self.d.routes:
                if rt.page == self._page:
                    for g in rt.segments:
                        if g.vertical and left < g.x0 < right:
                            cand += [g.x0 - LANE_GAP - 0.1, g.x0 + LANE_GAP + 0.1]
            xs.update(round(x, 2) for x in cand if left + GRID_GAP <= x <= right - GRID_GAP)
        r0, r1 = min(sa.row, sb.row), max(sa.row, sb.row)
        if upright:
            # room to leave straight down (up) and turn: the rows either side too, on this page
            if r0 > 0 and self.lay.page_of[r0 - 1] == self._page:
                r0 -= 1
            if r1 + 1 < len(self.lay.page_of) and self.lay.page_of[r1 + 1] == self._page:
                r1 += 1
        y_lo = min(y for (y, _b) in [self.row_y[i] for i in range(r0, r1 + 1) if i in self.row_y])
        y_hi = max(b for (_y, b) in [self.row_y[i] for i in range(r0, r1 + 1) if i in self.row_y])
        ys: set[float] = set()
        for gy in grid.ys:
            for y in (gy - GRID_GAP - 0.05, gy + GRID_GAP + 0.05, gy - GRID_GAP - LANE_GAP, gy + GRID_GAP + LANE_GAP):
                ys.add(round(y, 2))
        for o in page_syms:
            ys.update(round(y, 2) for y in (o.rect.y0 - 0.8, o.rect.y1 + 0.8, o.rect.y0 - 0.8 - LANE_GAP,
                                            o.rect.y1 + 0.8 + LANE_GAP))
        ys = {y for y in ys if y_lo <= y <= y_hi and all(abs(y - gy) >= GRID_GAP for gy in grid.ys)}
        # the ends: out of (into) a side of each symbol, straight to a grid line
        starts, ends = [], []
        for side in ("kiri", "kanan"):
            sgn = 1 if side == "kanan" else -1
            p = sa.side_point(side, self._side_dy(sa, side, True))
            q = sb.side_point(side, self._side_dy(sb, side, False))
            if keep is not None:
                p = keep[1] if keep[0] == side else None
            for x in xs:
                if p is not None and (x - p[0]) * sgn >= first:
                    starts.append((side, p, (x, p[1])))
                if (x - q[0]) * sgn >= 1.0:
                    ends.append((side, q, (x, q[1])))
        ys.update(p[1] for _s, p, _n in starts + ends)
        if upright and keep is None and sa.role == "kegiatan":
            for side, sgn in (("bawah", 1), ("atas", -1)):
                if self._free(sa, side) and (sa.row, side) not in self.keep:
                    p = sa.side_point(side)
                    xs.add(p[0])
                    starts += [(side, p, (p[0], y)) for y in ys if (y - p[1]) * sgn >= upright]
        xs_l, ys_l = sorted(xs), sorted(ys)
        if not xs_l or not ys_l:
            return None

        def cost(a, b, skip=()) -> float:
            g = Segment(a[0], a[1], b[0], b[1])
            if self._obstacles_hit(g, skip) or self._clash(g):
                return -1.0
            box = Rect(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            if any(o not in skip and o.covers(box, 0.6) for o in page_syms):
                return -1.0                   # keep clear of outlines, not only out of them
            return g.length + CROSS_COST * self._crossings([g])

        goal = {}
        for side, q, n in ends:
            c = cost(n, q, (sb,))
            if c >= 0:
                goal[n] = (c, side, q)
        if not goal:
            return None
        heap, seen, tie = [], {}, 0
        for side, p, n in starts:
            c = cost(p, n, (sa,))
            if c >= 0:
                tie += 1
                heapq.heappush(heap, (c, tie, n, "v" if side in ("atas", "bawah") else "h", [p, n], side))
        xi = {x: i for i, x in enumerate(xs_l)}
        yi = {y: i for i, y in enumerate(ys_l)}
        BEND = 4.0
        while heap:
            c, _t, node, dirn, path, side = heapq.heappop(heap)
            if seen.get((node, dirn), 1e18) <= c:
                continue
            seen[(node, dirn)] = c
            if node in goal:
                gc, dside, q = goal[node]
                pts = path + [q]
                out = [pts[0]]
                for k in range(1, len(pts) - 1):     # drop points in the middle of a straight run
                    a, b, cc = out[-1], pts[k], pts[k + 1]
                    if not ((abs(a[0] - b[0]) < 1e-6 and abs(b[0] - cc[0]) < 1e-6)
                            or (abs(a[1] - b[1]) < 1e-6 and abs(b[1] - cc[1]) < 1e-6)):
                        out.append(b)
                out.append(pts[-1])
                if self._problems(out, sa, sb) == 0:
                    return (c + gc, out, side, dside)
                continue
            x, y = node
            nbrs = []
            if x in xi:
                i = xi[x]
                if y in yi:
                    j = yi[y]
                    for jj in (j - 1, j + 1):
                        if 0 <= jj < len(ys_l):
                            nbrs.append(((x, ys_l[jj]), "v"))
                    for ii in (i - 1, i + 1):
                        if 0 <= ii < len(xs_l):
                            nbrs.append(((xs_l[ii], y), "h"))
            for nxt, nd in nbrs:
                ec = cost(node, nxt)
                if ec < 0:
                    continue
                nc = c + ec + (BEND if nd != dirn else 0.0)
                if seen.get((nxt, nd), 1e18) <= nc:
                    continue
                tie += 1
                heapq.heappush(heap, (nc, tie, nxt, nd, path + [nxt], side))
        return None
