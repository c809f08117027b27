"""The flowchart drawn over the actor columns: symbols classified from their
outlines, connectors and arrowheads followed from symbol to symbol, branch
labels (Ya/Tidak, Y/T ...) given to the connector they sit by.

Symbols: a rounded figure wider than tall is a terminator (capsule), a
rectangle a process, a four-point figure with its corners at the middle of
its box a decision, a five-point figure with a point in the middle of its
top or bottom edge an off-page connector; anything else closed is "other".
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional


TERMINATOR = "flowChartTerminator"
PROCESS = "flowChartProcess"
DECISION = "flowChartDecision"
OFFPAGE = "flowChartOffpageConnector"
OTHER = "lainnya"

#: symbol kind -> model simbol
SIMBOL = {TERMINATOR: "terminator", PROCESS: "proses", DECISION: "keputusan"}


@dataclass(eq=False)
class Symbol:
    """A symbol on a page: its kind, box, page, column and text."""

    kind: str
    x0: float
    y0: float
    x1: float
    y1: float
    page: int
    col: Optional[int] = None
    row: Optional[int] = None  # index of the step (global), None for page links
    text: str = ""

    @property
    def cx(self):
        return (self.x0 + self.x1) / 2

    @property
    def cy(self):
        return (self.y0 + self.y1) / 2

    def dist(self, p) -> float:
        x, y = p
        dx = max(self.x0 - x, 0, x - self.x1)
        dy = max(self.y0 - y, 0, y - self.y1)
        return math.hypot(dx, dy)


@dataclass(eq=False)
class Edge:
    src: Symbol
    dst: Symbol
    label: Optional[str] = None
    #: the connector's drawn pieces, each a list of points (for labels)
    pts: list = field(default_factory=list)


def classify(shape) -> str:
    w, h = shape.w, shape.h
    pts = ring(shape.pts)
    n = len(pts)
    if shape.curved or n > 8:
        # a capsule or rounded box (drawn with curves, or as a polygon of many points)
        ratio = _area(pts) / max(w * h, 1e-6)
        if 0.72 <= ratio <= 0.995 and _flat(pts, shape, w):
            return TERMINATOR
        if not shape.curved and n <= 10 and ratio > 0.95:
            return PROCESS  # a box with bevelled corners
        return OTHER
    if n == 4:
        xs = sorted(p[0] for p in pts)
        ys = sorted(p[1] for p in pts)
        if abs(xs[0] - xs[1]) < 1 and abs(xs[2] - xs[3]) < 1 and abs(ys[0] - ys[1]) < 1 and abs(ys[2] - ys[3]) < 1:
            return PROCESS
        mx, my = (shape.x0 + shape.x1) / 2, (shape.y0 + shape.y1) / 2
        tol = max(1.5, 0.08 * max(w, h))
        mids = sum(1 for p in pts if abs(p[0] - mx) <= tol or abs(p[1] - my) <= tol)
        if mids == 4:
            return DECISION
        return OTHER
    if n == 5:
        mx = (shape.x0 + shape.x1) / 2
        tip = [p for p in pts if abs(p[0] - mx) <= max(1.5, 0.08 * w)]
        if len(tip) == 1 and (abs(tip[0][1] - shape.y1) < 1 or abs(tip[0][1] - shape.y0) < 1):
            return OFFPAGE
    return OTHER


def ring(pts) -> list:
    """The corners of a closed outline: repeated points and the closing point dropped."""
    out = []
    for p in pts:
        if not out or abs(p[0] - out[-1][0]) >= 0.3 or abs(p[1] - out[-1][1]) >= 0.3:
            out.append(p)
    while len(out) >= 2 and abs(out[0][0] - out[-1][0]) < 0.8 and abs(out[0][1] - out[-1][1]) < 0.8:
        out.pop()
    return out


def _flat(pts, shape, w) -> bool:
    """Straight top and bottom edges (a rounded box, not an ellipse or a document shape)."""
    top = bottom = False
    for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1]):
        if abs(ay - by) < 0.5 and abs(ax - bx) >= 0.25 * w:
            if abs(ay - shape.y0) < 1:
                top = True
            elif abs(ay - shape.y1) < 1:
                bottom = True
    return top and bottom


def _area(pts) -> float:
    a = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        a += x0 * y1 - x1 * y0
    return abs(a) / 2


def dedupe(symbols):
    """The same figure drawn twice (a fill, then its outline) is one symbol."""
    out = []
    for s in symbols:
        if any(abs(s.x0 - o.x0) < 2.5 and abs(s.y0 - o.y0) < 2.5 and abs(s.x1 - o.x1) < 2.5 and abs(s.y1 - o.y1) < 2.5
               for o in out if o.page == s.page):
            continue
        out.append(s)
    return out


def _tip(pts):
    """The point of an arrowhead: the corner farthest from the others."""
    ring = pts[:-1] if len(pts) >= 4 and abs(pts[0][0] - pts[-1][0]) < 0.8 and abs(pts[0][1] - pts[-1][1]) < 0.8 else pts
    best, bd = ring[0], -1.0
    for p in ring:
        d = sum(math.hypot(p[0] - q[0], p[1] - q[1]) for q in ring)
        if d > bd:
            best, bd = p, d
    return best


#: the widest gap (points) left between a connector and its symbol
GAP = 7.0


def _ahead(pts, tip, symbols):
    """The symbol within GAP of an arrowhead's tip in the direction it points."""
    ring = pts[:-1] if len(pts) >= 4 and abs(pts[0][0] - pts[-1][0]) < 0.8 and abs(pts[0][1] - pts[-1][1]) < 0.8 else pts
    others = [p for p in ring if p is not tip and (p[0], p[1]) != (tip[0], tip[1])]
    if not others:
        return None
    bx = sum(p[0] for p in others) / len(others)
    by = sum(p[1] for p in others) / len(others)
    dx, dy = tip[0] - bx, tip[1] - by
    n = math.hypot(dx, dy)
    if n < 0.5:
        return None
    dx, dy = dx / n, dy / n
    best, bd = None, GAP
    for sym in symbols:
        d = sym.dist(tip)
        if d > bd:
            continue
        # the nearest point of the symbol's box lies ahead of the tip
        qx, qy = min(max(tip[0], sym.x0), sym.x1), min(max(tip[1], sym.y0), sym.y1)
        if (qx - tip[0]) * dx + (qy - tip[1]) * dy >= 0.7 * d:
            best, bd = sym, d
    return best


class _DSU:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, a):
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[b] = a


def connectors(strokes, symbols, area, row_ys=()) -> list[Edge]:
    """Edges between the symbols of one page from its strokes.

    Pieces of one path object, pieces whose end points meet, and a line
    ending on another (lines merging) form one connector; a symbol an arrow tip touches is a target, the other symbols
    the connector touches are its sources."""
    x0, y0, x1, y1 = area
    pieces = [s for s in strokes if s.x1 >= x0 - 2 and s.x0 <= x1 + 2 and s.y1 >= y0 - 2 and s.y0 <= y1 + 2]
    if not pieces or len(symbols) < 2:
        return []
    dsu = _DSU(len(pieces))
    by_path: dict = {}
    for i, s in enumerate(pieces):
        if s.path in by_path:
            dsu.union(by_path[s.path], i)
        else:
            by_path[s.path] = i
    # ends that meet (a line drawn in several pieces, a separate arrowhead;
    # a line whose own path has an arrowhead is another connector, leaving
    # from the tip it starts at)
    headed = {s.path for s in pieces if s.arrow}
    cells: dict = {}
    for i, s in enumerate(pieces):
        pts = [s.pts[0], s.pts[-1]] if not s.arrow else s.pts
        for p in pts:
            cells.setdefault((round(p[0] / 3), round(p[1] / 3)), []).append((i, p))
    for (gx, gy), items in list(cells.items()):
        near = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                near.extend(cells.get((gx + dx, gy + dy), ()))
        for i, p in items:
            for j, q in near:
                if i != j and abs(p[0] - q[0]) <= 2.0 and abs(p[1] - q[1]) <= 2.0 and not _foreign_head(
                        pieces[i], pieces[j], headed):
                    dsu.union(i, j)
    # a line ending at (or inside) an arrowhead drawn separately
    arrows = [i for i, s in enumerate(pieces) if s.arrow]
    if arrows:
        for j, s in enumerate(pieces):
            if s.arrow or s.path in headed:
                continue
            for p in (s.pts[0], s.pts[-1]):
                for i in arrows:
                    a = pieces[i]
                    if a.x0 - 2 <= p[0] <= a.x1 + 2 and a.y0 - 2 <= p[1] <= a.y1 + 2:
                        dsu.union(i, j)
    _junctions(pieces, dsu, row_ys, symbols)
    groups: dict = {}
    for i in range(len(pieces)):
        groups.setdefault(dsu.find(i), []).append(pieces[i])
    edges = []
    for group in groups.values():
        pts = [p for s in group if not s.arrow for p in s.pts]
        polys = [s.pts for s in group if not s.arrow]
        if not pts:
            continue
        targets = []
        for a in (s for s in group if s.arrow):
            t = _tip(a.pts)
            best = min(symbols, key=lambda sym: sym.dist(t))
            if best.dist(t) > 4.0:
                # a gap between the arrowhead and the symbol (Word's exports
                # leave a few points): the symbol right ahead of the tip
                best = _ahead(a.pts, t, symbols)
            if best is not None and best not in targets:
                targets.append(best)
        touched = []
        for sym in symbols:
            if sym in targets:
                continue
            if any(sym.dist(p) <= 3.0 for p in pts):
                touched.append(sym)
        if targets and not touched:
            # the line starts a few points away from its symbol: the symbol
            # nearest to a loose end of it (not the arrowhead's end)
            heads = [(a.x0 - 3, a.y0 - 3, a.x1 + 3, a.y1 + 3) for a in group if a.arrow]
            tails = [p for s in group if not s.arrow for p in (_ends(s) if min(s.x1 - s.x0, s.y1 - s.y0) <= 2.6
                                                                else (s.pts[0], s.pts[-1]))
                     if not any(b[0] <= p[0] <= b[2] and b[1] <= p[1] <= b[3] for b in heads)]
            near = [(min(sym.dist(p) for p in tails), i) for i, sym in enumerate(symbols)
                    if sym not in targets and tails]
            if near and min(near)[0] <= GAP:
                touched.append(symbols[min(near)[1]])
        if not targets:
            # no arrowhead drawn: from the upper/left symbol to the lower/right one
            if len(touched) == 2:
                a, b = sorted(touched, key=lambda s: (s.cy, s.cx))
                edges.append(Edge(a, b, pts=polys))
            continue
        for src in touched:
            for dst in targets:
                edges.append(Edge(src, dst, pts=polys))
    return edges


def _foreign_head(a, b, headed) -> bool:
    """An arrowhead and a line of another path that has an arrowhead of its own."""
    if a.arrow == b.arrow or a.path == b.path:
        return False
    line = b if a.arrow else a
    return line.path in headed


def _border(s, row_ys) -> bool:
    """A thin horizontal piece on a row's border (tables drawn cell by cell)."""
    return s.y1 - s.y0 <= 2.6 and any(abs((s.y0 + s.y1) / 2 - y) <= 1.5 for y in row_ys)


def _junctions(pieces, dsu, row_ys, symbols) -> None:
    """A line whose loose end lies on another line (not at its end: two flows
    merging into one arrow) joins that line's connector. An end at a symbol
    or at an arrowhead is where a connector leaves or enters, not a merge."""
    lines = [i for i, s in enumerate(pieces) if not s.arrow and not _border(s, row_ys)]
    heads = [(a.x0 - 2, a.y0 - 2, a.x1 + 2, a.y1 + 2) for a in pieces if a.arrow]
    for i in lines:
        s = pieces[i]
        ends = _ends(s) if min(s.x1 - s.x0, s.y1 - s.y0) <= 2.6 else (s.pts[0], s.pts[-1])
        ends = [p for p in ends if not any(b[0] <= p[0] <= b[2] and b[1] <= p[1] <= b[3] for b in heads)
                and not any(sym.dist(p) <= 3.0 for sym in symbols)]
        for j in lines:
            if j == i or dsu.find(i) == dsu.find(j):
                continue
            o = pieces[j]
            for p in ends:
                if not (o.x0 - 1.5 <= p[0] <= o.x1 + 1.5 and o.y0 - 1.5 <= p[1] <= o.y1 + 1.5):
                    continue
                if any(_dist_seg(p, a, b) <= 1.5 for a, b in zip(o.pts, o.pts[1:])):
                    dsu.union(i, j)
                    break


def on_rules(strokes, ruled, area, row_ys=()) -> list:
    """The pieces of connectors drawn along a table rule (a return line run up
    the edge of a column): of the strokes taken for rules, those whose both
    ends meet a connector piece or an arrowhead (directly, or through another
    such piece). A rule of the table ends at other rules, not at connectors;
    the borders of the rows (``row_ys``), drawn cell by cell, are not connectors."""
    x0, y0, x1, y1 = area
    # (a piece of a few points is a rule's corner, drawn on its own by some exports)
    cands = [s for s in ruled if s.x1 >= x0 - 2 and s.x0 <= x1 + 2 and s.y1 >= y0 - 2 and s.y0 <= y1 + 2
             and max(s.x1 - s.x0, s.y1 - s.y0) >= 4]
    if not cands or not strokes:
        return []

    joints = [p for s in strokes if not s.arrow and not _border(s, row_ys) for p in s.pts]
    boxes = [(s.x0 - 2, s.y0 - 2, s.x1 + 2, s.y1 + 2) for s in strokes if s.arrow]

    def meets(p):
        return any(abs(p[0] - q[0]) <= 2.0 and abs(p[1] - q[1]) <= 2.0 for q in joints) or any(
            b[0] <= p[0] <= b[2] and b[1] <= p[1] <= b[3] for b in boxes)

    out = []
    changed = True
    while changed:
        changed = False
        for s in cands:
            if s in out:
                continue
            ends = _ends(s)
            if all(meets(p) for p in ends):
                out.append(s)
                joints.extend(ends)
                changed = True
    return out


def _ends(s) -> list:
    """The two ends of a thin straight piece (a line, or a line drawn as a thin box)."""
    if s.x1 - s.x0 >= s.y1 - s.y0:
        y = (s.y0 + s.y1) / 2
        return [(s.x0, y), (s.x1, y)]
    x = (s.x0 + s.x1) / 2
    return [(x, s.y0), (x, s.y1)]


def _dist_seg(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    vx, vy = bx - ax, by - ay
    ll = vx * vx + vy * vy
    t = 0.0 if ll == 0 else max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / ll))
    return math.hypot(px - (ax + t * vx), py - (ay + t * vy))
