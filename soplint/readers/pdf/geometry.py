"""Table rules, cells and text lines recovered from page geometry.

A table in a PDF is only drawn: thin filled rectangles, stroked lines, or the
edges of stroked boxes. :func:`rules` turns all of those into horizontal and
vertical rules (collinear pieces merged); :class:`Grid` answers "which cell
holds this point" from the nearest rules around it; :func:`lines` groups text
runs into visual lines.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from soplint.values import norm_space

#: a drawn piece thinner than this (points) is a rule, not a box
THIN = 2.6
#: rules closer than this (points) are one rule
SNAP = 1.6


@dataclass(eq=False)
class Rule:
    """A horizontal (``pos`` = y, from ``a`` to ``b`` in x) or vertical rule."""

    pos: float
    a: float
    b: float

    def spans(self, v: float, tol: float = 1.5) -> bool:
        return self.a - tol <= v <= self.b + tol


@dataclass(eq=False)
class Shape:
    """A closed drawn figure that may be a flowchart symbol (or a cell fill)."""

    pts: list
    curved: bool
    fill: bool
    stroke: bool
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(eq=False)
class Stroke:
    """An open or thin drawn piece that may be a connector line or an arrowhead."""

    pts: list
    x0: float
    y0: float
    x1: float
    y1: float
    #: index of the path object it came from (pieces of one path belong together)
    path: int = 0
    arrow: bool = False


@dataclass(eq=False)
class Geometry:
    """Everything drawn on a page, sorted into rules, shapes and strokes."""

    hrules: list = field(default_factory=list)
    vrules: list = field(default_factory=list)
    shapes: list = field(default_factory=list)
    strokes: list = field(default_factory=list)


def _axis_segments(pts):
    """Axis-aligned segments of a polyline: ('h', y, x0, x1) / ('v', x, y0, y1)."""
    out = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        if abs(ay - by) <= 0.6 and abs(ax - bx) > 0.3:
            out.append(("h", (ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) <= 0.6 and abs(ay - by) > 0.3:
            out.append(("v", (ax + bx) / 2, min(ay, by), max(ay, by)))
    return out


def _is_rect(pts) -> bool:
    from soplint.readers.pdf.flowchart import ring as corners

    ring = corners(pts)
    if len(ring) != 4:
        return False
    xs = sorted(p[0] for p in ring)
    ys = sorted(p[1] for p in ring)
    return abs(xs[0] - xs[1]) < 0.8 and abs(xs[2] - xs[3]) < 0.8 and abs(ys[0] - ys[1]) < 0.8 and abs(
        ys[2] - ys[3]) < 0.8


def _close(p, q, tol=0.8) -> bool:
    return abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol


def _is_arrowhead(pts, w, h) -> bool:
    ring = pts[:-1] if len(pts) >= 4 and _close(pts[0], pts[-1]) else pts
    return 3 <= len(ring) <= 4 and w <= 12 and h <= 12 and max(w, h) >= 2.5 and not _is_rect(pts)


def analyse(paths) -> Geometry:
    """Sort the page's paths into rules, candidate symbols and strokes."""
    geo = Geometry()
    hs, vs = [], []
    for pi, p in enumerate(paths):
        if p.raster:
            # a connector read from a picture: its lines and arrowheads (not table rules)
            for sp in p.subs:
                x0, y0, x1, y1 = sp.bbox()
                geo.strokes.append(Stroke(sp.pts, x0, y0, x1, y1, pi, arrow=sp.closed))
            continue
        for sp in p.subs:
            pts = sp.pts
            if len(pts) < 2:
                continue
            x0, y0, x1, y1 = sp.bbox()
            w, h = x1 - x0, y1 - y0
            if w <= THIN and h <= THIN and not (w > 0.3 or h > 0.3):
                continue
            if (w <= THIN or h <= THIN) and not sp.curved:
                # a rule, or a thin straight piece of a connector
                if w <= THIN and h > w:
                    vs.append(Rule((x0 + x1) / 2, y0, y1))
                elif h <= THIN:
                    hs.append(Rule((y0 + y1) / 2, x0, x1))
                geo.strokes.append(Stroke(pts, x0, y0, x1, y1, pi))
                continue
            closed = sp.closed or _close(pts[0], pts[-1])
            if p.fill and not p.stroke and _is_arrowhead(pts, w, h):
                geo.strokes.append(Stroke(pts, x0, y0, x1, y1, pi, arrow=True))
                continue
            if closed and (p.stroke or p.fill):
                if p.stroke and _is_rect(pts) and not sp.curved:
                    # a stroked box: its edges may be cell borders (a filled one
                    # is a shading, often a text's background, not a border)
                    for kind, pos, a, b in _axis_segments(pts + [pts[0]]):
                        (hs if kind == "h" else vs).append(Rule(pos, a, b))
                if p.fill and not p.stroke and _is_arrowhead(pts, w, h):
                    geo.strokes.append(Stroke(pts, x0, y0, x1, y1, pi, arrow=True))
                    continue
                if p.stroke and not p.fill and len(pts) >= 6 and not sp.curved and _polygon_is_line(pts, w, h):
                    geo.strokes.append(Stroke(pts, x0, y0, x1, y1, pi))
                    continue
                if p.fill and not p.stroke and not sp.curved and not _is_rect(pts) and len(pts) >= 6 and (
                        _area(pts) < 0.2 * max(w * h, 1e-6)):
                    # a connector drawn as a thin filled outline (FPDF, Excel)
                    geo.strokes.append(Stroke(pts, x0, y0, x1, y1, pi))
                    continue
                geo.shapes.append(Shape(pts, sp.curved, p.fill, p.stroke, x0, y0, x1, y1))
            elif p.stroke:
                for kind, pos, a, b in _axis_segments(pts):
                    (hs if kind == "h" else vs).append(Rule(pos, a, b))
                geo.strokes.append(Stroke(pts, x0, y0, x1, y1, pi))
    geo.hrules = _merge(hs)
    geo.vrules = _merge(vs)
    return geo


def _area(pts) -> float:
    a = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        a += x0 * y1 - x1 * y0
    return abs(a) / 2


def _polygon_is_line(pts, w, h) -> bool:
    return min(w, h) <= THIN


def _merge(rules):
    """Collinear rules that touch or overlap become one."""
    rules.sort(key=lambda r: (round(r.pos / SNAP), r.a))
    out: list[Rule] = []
    by_pos: dict = {}
    for r in sorted(rules, key=lambda r: r.pos):
        key = None
        for k in (round(r.pos / SNAP) - 1, round(r.pos / SNAP), round(r.pos / SNAP) + 1):
            for cand in by_pos.get(k, ()):
                if abs(cand.pos - r.pos) <= SNAP and r.a <= cand.b + SNAP and r.b >= cand.a - SNAP:
                    key = cand
                    break
            if key:
                break
        if key is not None:
            key.a = min(key.a, r.a)
            key.b = max(key.b, r.b)
        else:
            nr = Rule(r.pos, r.a, r.b)
            out.append(nr)
            by_pos.setdefault(round(r.pos / SNAP), []).append(nr)
    # a second pass joins pieces that became adjacent
    out.sort(key=lambda r: (round(r.pos / SNAP), r.a))
    final: list[Rule] = []
    for r in out:
        f = final[-1] if final else None
        if f is not None and abs(f.pos - r.pos) <= SNAP and r.a <= f.b + SNAP and r.b >= f.a - SNAP:
            f.a = min(f.a, r.a)
            f.b = max(f.b, r.b)
        else:
            final.append(r)
    return final


class Grid:
    """Cell lookup from rules: the cell holding a point is bounded by the
    nearest rules around it that cross its row / column."""

    def __init__(self, hrules, vrules, width: float, height: float):
        self.h = sorted(hrules, key=lambda r: r.pos)
        self.v = sorted(vrules, key=lambda r: r.pos)
        self._hp = [r.pos for r in self.h]
        self._vp = [r.pos for r in self.v]
        self.width = width
        self.height = height

    def cell(self, x: float, y: float):
        """(left, top, right, bottom) of the cell holding (x, y); page edges
        where no rule bounds it."""
        i = bisect_left(self._vp, x)
        left = 0.0
        for k in range(i - 1, -1, -1):
            if self.v[k].spans(y):
                left = self.v[k].pos
                break
        right = self.width
        for k in range(i, len(self.v)):
            if self.v[k].spans(y):
                right = self.v[k].pos
                break
        j = bisect_left(self._hp, y)
        top = 0.0
        for k in range(j - 1, -1, -1):
            if self.h[k].spans(x):
                top = self.h[k].pos
                break
        bottom = self.height
        for k in range(j, len(self.h)):
            if self.h[k].spans(x):
                bottom = self.h[k].pos
                break
        return left, top, right, bottom

    def hrules_across(self, x: float, y0: float, y1: float):
        """Positions of the horizontal rules crossing x between y0 and y1."""
        return [r.pos for r in self.h if y0 <= r.pos <= y1 and r.spans(x)]

    def vrules_across(self, y: float, x0: float, x1: float):
        return [r.pos for r in self.v if x0 <= r.pos <= x1 and r.spans(y)]


@dataclass(eq=False)
class Line:
    """A visual line of text: its runs joined, its box."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    runs: list = field(default_factory=list)


def lines(runs) -> list[Line]:
    """Runs grouped into lines (top to bottom), each line's runs left to right."""
    out: list[Line] = []
    for r in sorted(runs, key=lambda r: (r.cy, r.x0)):
        h = max(r.y1 - r.y0, 1.0)
        placed = None
        for ln in reversed(out[-3:]):
            lh = max(ln.y1 - ln.y0, 1.0)
            overlap = min(ln.y1, r.y1) - max(ln.y0, r.y0)
            if overlap >= 0.45 * min(h, lh) and abs(r.cy - (ln.y0 + ln.y1) / 2) <= 0.6 * max(h, lh):
                placed = ln
                break
        if placed is None:
            out.append(Line("", r.x0, r.y0, r.x1, r.y1, [r]))
        else:
            placed.runs.append(r)
            placed.x0 = min(placed.x0, r.x0)
            placed.x1 = max(placed.x1, r.x1)
            placed.y0 = min(placed.y0, r.y0)
            placed.y1 = max(placed.y1, r.y1)
    for ln in out:
        ln.runs.sort(key=lambda r: r.x0)
        ln.text = join_runs(ln.runs)
    out.sort(key=lambda ln: (ln.y0 + ln.y1) / 2)
    return out


def join_lines(texts) -> str:
    """Lines of one paragraph joined: a space between them, none after a
    line that ends in a hyphen inside a word ("SP4N-" + "LAPOR")."""
    out = ""
    for t in texts:
        t = norm_space(t)
        if not t:
            continue
        if out and not (out.endswith("-") and len(out) > 1 and out[-2].isalnum()):
            out += " "
        out += t
    return out


def join_runs(runs) -> str:
    """Words of a line joined by single spaces."""
    return norm_space(" ".join(r.text for r in runs))
