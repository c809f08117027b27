"""Connectors drawn as pictures: some exports place a flowchart's lines as
small images (a faint anti-aliased line and its arrowhead on a transparent
ground) instead of vector paths. This module reads such a picture back into
straight pieces and arrowheads, in page points, for the flowchart reader.

A picture is taken for a connector only when all of its ink is explained by
thin axis-aligned lines (a few, each at most :data:`geometry.THIN` points
thick), arrowheads at their ends and the joints between them, and the
lines make an open figure (a connector has a start and a tip; a box or a
ring drawn as a picture is a symbol's outline); a logo, a photo, a QR code,
a signature or a picture of text is left alone. Pure Python on a small grid
of "ink" values (0..255); :mod:`.extract` renders the pictures and
:func:`ink_of` turns their pixels into ink.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from soplint.readers.pdf.geometry import THIN

#: pixels per point the pictures are read at (extract renders them so)
SCALE = 4.0
#: at most this many pixels are read of one picture (a larger one is drawn coarser)
MAX_PIXELS = 60_000
#: a line shorter than this (points) is no connector piece
MIN_LEN = 2.0
#: an arrowhead is at most this long and wide (points)
MAX_HEAD = 14.0
#: at most this many lines in one picture (more: a table, a chart, a QR code)
MAX_LINES = 8
#: a pixel at least this dark (0..255, over a white page) is ink: connectors
#: may be drawn much lighter than their arrowheads, so the cut is low
INK = 40
#: the share of the ink a connector picture may leave unexplained
SLACK = 0.08
#: a picture with more of its area inked than this is no line drawing (unless it is a thin strip)
DENSE = 0.35

_RUN = re.compile(rb"\x01+")
_INKED = re.compile(rb"\x01")
_CUT = bytes(1 if v >= INK else 0 for v in range(256))
_ANY = bytes(1 if v else 0 for v in range(256))
#: a colour channel at most this bright is ink (over a white page)
_DARK = bytes(255 if v <= 255 - INK else 0 for v in range(256))
_OPAQUE = bytes(255 if v >= INK else 0 for v in range(256))


def ink_of(data: bytes, w: int, h: int, stride: int, bpp: int, alpha: bool) -> bytes:
    """The ink grid (255 ink, 0 none) of a rendered BGR(A/x) bitmap: a pixel
    with some colour channel dark enough and (with ``alpha``) opaque enough.
    Byte-wise on whole channels, no loop over the pixels."""
    if stride == w * bpp:
        px = data[:w * h * bpp]
    else:
        px = b"".join(data[y * stride:y * stride + w * bpp] for y in range(h))
    ink = 0
    for c in range(3):
        ink |= int.from_bytes(px[c::bpp].translate(_DARK), "big")
    if alpha:
        ink &= int.from_bytes(px[3::bpp].translate(_OPAQUE), "big")
    return ink.to_bytes(w * h, "big")


@dataclass(eq=False)
class _Band:
    """A straight line seen in the grid: along ``a..b`` (pixel edges), centred
    at ``c`` across, ``t`` pixels thick (as its first run: a line keeps its
    thickness, an arrowhead's rows narrow step by step); ``runs`` its pixels
    (along, lo, hi)."""

    c: float
    a: int
    b: int
    t: float
    runs: list = field(default_factory=list)


def _bands(rows, limit_t: float, min_len: int) -> list:
    """Lines running down the grid ``rows`` (a list of bytes, 1 = ink): rows
    holding one thin run of ink at the same place, one after the other."""
    open_: list = []
    done: list = []
    for y, row in enumerate(rows):
        nxt = []
        for m in _RUN.finditer(row):
            lo, hi = m.start(), m.end()
            if hi - lo > limit_t:
                continue
            c = (lo + hi) / 2
            hit = None
            for band in open_:
                if band.b == y and abs(band.c - c) <= 1.5 and abs((hi - lo) - band.t) <= max(2.0, 0.3 * band.t):
                    hit = band
                    break
            if hit is None:
                hit = _Band(c, y, y, hi - lo)
            else:
                open_.remove(hit)
                n = len(hit.runs)
                hit.c = (hit.c * n + c) / (n + 1)
            hit.runs.append((y, lo, hi))
            hit.b = y + 1
            nxt.append(hit)
        done.extend(open_)
        open_ = nxt
    done.extend(open_)
    return [b for b in done if b.b - b.a >= min_len]


def _transpose(rows, w: int, h: int) -> list:
    flat = b"".join(rows)
    return [flat[x::w] for x in range(w)]


def vectorise(ink: bytes, w: int, h: int, scale: float = SCALE):
    """``(lines, heads)`` of a picture ``w`` x ``h`` pixels (``ink`` row by
    row), in pixel units: lines as ((x0, y0), (x1, y1)), arrowheads as
    triangles (base end, tip, base end, base middle); None when the picture
    is not a drawing of connectors."""
    if w * h == 0 or len(ink) < w * h:
        return None
    mask = ink[:w * h].translate(_CUT)
    total = mask.count(1)
    limit_t = THIN * scale
    if total == 0 or total > DENSE * w * h and min(w, h) > limit_t + 2:
        return None  # nothing drawn, or drawn all over (a logo, a QR code, a photo)
    rows = [mask[y * w:(y + 1) * w] for y in range(h)]
    cols = _transpose(rows, w, h)
    min_len = max(4, round(MIN_LEN * scale))
    vert = _bands(rows, limit_t, min_len)  # along y, across x
    horiz = _bands(cols, limit_t, min_len)  # along x, across y
    if not vert and not horiz or len(vert) + len(horiz) > MAX_LINES:
        return None
    covered = bytearray(w * h)  # which line (1..) a pixel belongs to, 0 none
    for n, b in enumerate(vert, 1):
        for y, lo, hi in b.runs:
            covered[y * w + lo:y * w + hi] = bytes((n,)) * (hi - lo)
    for n, b in enumerate(horiz, len(vert) + 1):
        for x, lo, hi in b.runs:
            for y in range(lo, hi):
                covered[y * w + x] = n
    free = int.from_bytes(mask, "big") & ~int.from_bytes(bytes(covered).translate(_ANY), "big")
    rest = [m.start() for m in _INKED.finditer(free.to_bytes(w * h, "big"))]
    if len(rest) > 0.9 * total:
        return None
    # what is left: arrowheads at the lines' ends, joints where two lines meet, anti-aliasing
    left = set(rest)
    ends = []  # (x, y) of a line end in pixels, its outward direction (dx, dy), the line's thickness, the line
    for n, b in enumerate(vert, 1):
        ends.append(((b.c, b.a), (0, -1), b.t, n))
        ends.append(((b.c, b.b), (0, 1), b.t, n))
    for n, b in enumerate(horiz, len(vert) + 1):
        ends.append(((b.a, b.c), (-1, 0), b.t, n))
        ends.append(((b.b, b.c), (1, 0), b.t, n))
    heads = []
    loose = 0  # ends that are a connector's start or tip (not joined to another line)
    for (ex, ey), (dx, dy), t, n in ends:
        blob = _blob(left, w, h, ex, ey, t, MAX_HEAD * scale)
        near = set(blob)
        r = int(t) + 2
        near.update(y * w + x for y in range(max(0, int(ey) - r), min(h, int(ey) + r + 1))
                    for x in range(max(0, int(ex) - r), min(w, int(ex) + r + 1)))
        # joined: the end (or the ink left at it) touches another line
        around = (-w - 1, -w, -w + 1, -1, 0, 1, w - 1, w, w + 1)
        joined = any(0 <= i + o < w * h and covered[i + o] not in (0, n) for i in near for o in around)
        if not blob:
            loose += not joined
            continue
        xs = [i % w for i in blob]
        ys = [i // w for i in blob]
        # along: how far the blob reaches beyond the end; across: its width
        along = [(x + 0.5 - ex) * dx + (y + 0.5 - ey) * dy for x, y in zip(xs, ys)]
        across = [(x + 0.5 - ex) * dy + (y + 0.5 - ey) * dx for x, y in zip(xs, ys)]
        reach = max(along)
        width = max(across) - min(across) + 1
        if _head(along, across, reach, width, t, scale):
            left.difference_update(blob)
            half = width / 2
            tip = (ex + dx * reach, ey + dy * reach)
            # the base's middle point too: the tip is then the corner farthest
            # from the others even for a head wider than long
            heads.append(((ex + dy * half, ey + dx * half), tip, (ex - dy * half, ey - dx * half), (ex, ey)))
            loose += 1
            continue
        loose += not joined
        if len(blob) <= 3 * (t + 2) ** 2 and max(reach, width) <= 2 * t + 4:
            left.difference_update(blob)  # a joint of two lines, or a line's rounded cap
            for i in blob:
                covered[i] = n  # (the other line's end meets this one here)
    if len(left) > SLACK * total + 4:
        return None
    if loose < 2:
        return None  # a closed figure (a box, a ring): a symbol's outline, not a connector
    lines = [((b.c, b.a), (b.c, b.b)) for b in vert] + [((b.a, b.c), (b.b, b.c)) for b in horiz]
    return lines, heads


def _head(along, across, reach, width, t, scale) -> bool:
    """A filled arrowhead beyond a line's end: wider than the line, no
    longer than :data:`MAX_HEAD`, mostly ink over its triangle, its point on
    the line's axis (an arc or a corner of some other figure is not)."""
    if width < max(2.5 * t, 1.2 * scale) or reach < 1.0 * scale or max(reach, width) > MAX_HEAD * scale:
        return False
    if len(along) < 0.3 * reach * width:
        return False
    far = [c for a, c in zip(along, across) if a >= reach - 1.5]
    return abs(sum(far) / len(far)) <= max(t, width / 4)


def _blob(left: set, w: int, h: int, ex: float, ey: float, t: float, reach: float) -> set:
    """The leftover ink touching a line's end (8-connected), within an arrowhead's reach."""
    r = max(2.0, t)
    seeds = [y * w + x for y in range(max(0, int(ey - r)), min(h, int(ey + r) + 1))
             for x in range(max(0, int(ex - r)), min(w, int(ex + r) + 1)) if y * w + x in left]
    out = set(seeds)
    todo = list(seeds)
    while todo:
        i = todo.pop()
        x, y = i % w, i // w
        for ny in (y - 1, y, y + 1):
            for nx in (x - 1, x, x + 1):
                j = ny * w + nx
                if 0 <= nx < w and 0 <= ny < h and j in left and j not in out and abs(nx - ex) <= reach and abs(
                        ny - ey) <= reach:
                    out.add(j)
                    todo.append(j)
    return out
