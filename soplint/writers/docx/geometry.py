"""The flowchart as geometry: symbols, branch labels and arrow paths on each
procedure page, in millimetres from the top-left corner of the procedure table
on that page (header rows included). The router (``route.py``) builds it, the
shape writer (``procedure.py``) draws it, and :func:`check` tells what a
reader would stumble on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

#: a line running along a gridline closer than this (mm) prints like a thick border
GRID_GAP = 2.0
#: between two parallel arrows (mm)
LANE_GAP = 1.4
#: a second arrow on one side of a symbol leaves/enters this far (mm) from the middle
SIDE_DY = 1.8
#: the router weighs a crossing like this many mm of extra line
CROSS_COST = 25.0
#: radius (mm) of the hop drawn where two arrows cross
HOP_R = 1.1
EPS = 1e-6


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    def shrink(self, d: float) -> "Rect":
        return Rect(self.x0 + d, self.y0 + d, self.x1 - d, self.y1 - d)

    def overlaps(self, o: "Rect") -> bool:
        return self.x0 < o.x1 and o.x0 < self.x1 and self.y0 < o.y1 and o.y0 < self.y1


@dataclass(frozen=True)
class Segment:
    """A horizontal or vertical piece of an arrow."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y0 - self.y1) < EPS and abs(self.x0 - self.x1) >= EPS

    @property
    def vertical(self) -> bool:
        return abs(self.x0 - self.x1) < EPS and abs(self.y0 - self.y1) >= EPS

    @property
    def length(self) -> float:
        return abs(self.x1 - self.x0) + abs(self.y1 - self.y0)

    def hits(self, r: Rect) -> bool:
        """True where the segment runs through the inside of ``r``."""
        lo_x, hi_x = min(self.x0, self.x1), max(self.x0, self.x1)
        lo_y, hi_y = min(self.y0, self.y1), max(self.y0, self.y1)
        return lo_x < r.x1 and hi_x > r.x0 and lo_y < r.y1 and hi_y > r.y0


def crossing(h: Segment, v: Segment) -> Optional[tuple[float, float]]:
    """Where a horizontal and a vertical segment cross inside both (not at an end)."""
    x, y = v.x0, h.y0
    if min(h.x0, h.x1) + 0.3 < x < max(h.x0, h.x1) - 0.3 and min(v.y0, v.y1) + 0.3 < y < max(v.y0, v.y1) - 0.3:
        return x, y
    return None


@dataclass
class Symbol:
    """A closed shape: a step's symbol, its copy for a second actor, or an off-page connector."""

    rect: Rect
    preset: str
    page: int
    row: int
    col: int
    no: Optional[int] = None          # the step, None for an off-page connector
    role: str = "kegiatan"            # kegiatan | lain | keluar | masuk
    text: str = ""                    # the off-page letter
    sid: int = 0                      # drawing id (set by the writer)

    def covers(self, r: Rect, pad: float = 0.0) -> bool:
        """True where ``r`` overlaps the drawn outline's inside (diamonds are
        diamonds, the rest their box)."""
        box = Rect(self.rect.x0 - pad, self.rect.y0 - pad, self.rect.x1 + pad, self.rect.y1 + pad)
        if not box.overlaps(r):
            return False
        if self.preset != "flowChartDecision":
            return True
        hw, hh = box.w / 2, box.h / 2
        # the point of r nearest to the centre, in the diamond's norm
        px = min(max(box.cx, r.x0), r.x1)
        py = min(max(box.cy, r.y0), r.y1)
        return abs(px - box.cx) / hw + abs(py - box.cy) / hh < 1.0

    def side_point(self, side: str, dy: float = 0.0) -> tuple[float, float]:
        """A point on the outline: "atas"/"bawah" (middle), "kiri"/"kanan" (dy from the middle)."""
        r = self.rect
        if side == "atas":
            return r.cx, r.y0
        if side == "bawah":
            return r.cx, r.y1
        hw, hh = r.w / 2, r.h / 2
        if self.preset == "flowChartDecision":
            dx = hw * (1 - abs(dy) / hh)
        elif self.preset == "flowChartTerminator":
            dx = hw - hh + max(hh * hh - dy * dy, 0.0) ** 0.5
        else:
            dx = hw
        return (r.cx + dx if side == "kanan" else r.cx - dx), r.cy + dy


@dataclass
class Label:
    """A branch's "Ya" / "Tidak"."""

    rect: Rect
    text: str
    page: int
    col: int                          # the column of the branch's start
    key: tuple = ()                   # (src no, cabang)


@dataclass
class Route:
    """One arrow: its path (page coordinates), the shapes it joins and where it hops."""

    name: str
    page: int
    points: list[tuple[float, float]]
    src: Symbol
    dst: Symbol
    src_site: str
    dst_site: str
    descr: str = ""
    hops: list[tuple[float, float]] = field(default_factory=list)

    @property
    def segments(self) -> list[Segment]:
        return [Segment(a[0], a[1], b[0], b[1]) for a, b in zip(self.points, self.points[1:])
                if abs(a[0] - b[0]) + abs(a[1] - b[1]) > EPS]


@dataclass
class PageGrid:
    """The table's gridlines on one procedure page: x of every column border
    and y of every row border (mm)."""

    xs: list[float]
    ys: list[float]
    actor_x: list[tuple[float, float]]   # (left, right) of each actor column


@dataclass
class Drawing:
    symbols: list[Symbol] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    grids: dict[int, PageGrid] = field(default_factory=dict)

    def crossings(self) -> list[tuple[Route, Route, tuple[float, float]]]:
        """(route drawn with a hop, route crossed, point) for every crossing."""
        out = []
        for a in self.routes:
            for b in self.routes:
                if a is b or a.page != b.page:
                    continue
                for h in a.segments:
                    if not h.horizontal:
                        continue
                    for v in b.segments:
                        if v.vertical:
                            p = crossing(h, v)
                            if p is not None:
                                out.append((a, b, p))
        return out


@dataclass(frozen=True)
class Violation:
    kind: str        # melewati-simbol | melewati-label | dekat-garis | label-lintas-kolom | silang-tanpa-lompatan | tumpang-tindih
    page: int
    what: str


def check(d: Drawing) -> list[Violation]:
    """Everything a reader of the printed flowchart would stumble on."""
    out: list[Violation] = []
    for rt in d.routes:
        segs = rt.segments
        grid = d.grids.get(rt.page)
        for i, s in enumerate(segs):
            box = Rect(min(s.x0, s.x1), min(s.y0, s.y1), max(s.x0, s.x1), max(s.y0, s.y1))
            for sym in d.symbols:
                if sym.page != rt.page:
                    continue
                own_end = (sym is rt.src and i == 0) or (sym is rt.dst and i == len(segs) - 1)
                if own_end:
                    continue
                if s.hits(sym.rect.shrink(0.15)) and sym.covers(box.shrink(-0.01), -0.15):
                    out.append(Violation("melewati-simbol", rt.page, f"{rt.name} / {sym.role} {sym.no or sym.text}"))
            for lab in d.labels:
                if lab.page == rt.page and s.hits(lab.rect.shrink(0.1)):
                    out.append(Violation("melewati-label", rt.page, f"{rt.name} / {lab.text} {lab.key}"))
            if grid is not None:
                if s.vertical and any(abs(s.x0 - gx) < GRID_GAP - EPS for gx in grid.xs):
                    out.append(Violation("dekat-garis", rt.page, f"{rt.name} x={s.x0:.1f}"))
                if s.horizontal and any(abs(s.y0 - gy) < GRID_GAP - EPS for gy in grid.ys):
                    out.append(Violation("dekat-garis", rt.page, f"{rt.name} y={s.y0:.1f}"))
    for lab in d.labels:
        grid = d.grids.get(lab.page)
        if grid is None:
            continue
        left, right = grid.actor_x[lab.col]
        if lab.rect.x0 < left + 0.2 or lab.rect.x1 > right - 0.2:
            out.append(Violation("label-lintas-kolom", lab.page, f"{lab.text} {lab.key}"))
    for a, _b, p in d.crossings():
        if not any(abs(p[0] - hx) < 0.05 and abs(p[1] - hy) < 0.05 for hx, hy in a.hops):
            out.append(Violation("silang-tanpa-lompatan", a.page, f"{a.name} ({p[0]:.1f}, {p[1]:.1f})"))
    # two arrows on top of each other cannot be told apart (arrows merging
    # into the same side of the same symbol may share their last piece)
    for i, a in enumerate(d.routes):
        for b in d.routes[i + 1:]:
            if a.page != b.page:
                continue
            merge = a.dst is b.dst and a.dst_site == b.dst_site
            for sa in a.segments:
                for sb in b.segments:
                    if _overlap(sa, sb) > 0.5 and not (merge and sa is a.segments[-1] and sb is b.segments[-1]):
                        out.append(Violation("tumpang-tindih", a.page, f"{a.name} / {b.name}"))
    return out


def _overlap(a: Segment, b: Segment) -> float:
    if a.vertical and b.vertical and abs(a.x0 - b.x0) < 0.6:
        lo, hi = max(min(a.y0, a.y1), min(b.y0, b.y1)), min(max(a.y0, a.y1), max(b.y0, b.y1))
        return hi - lo
    if a.horizontal and b.horizontal and abs(a.y0 - b.y0) < 0.6:
        lo, hi = max(min(a.x0, a.x1), min(b.x0, b.x1)), min(max(a.x0, a.x1), max(b.x0, b.x1))
        return hi - lo
    return 0.0
