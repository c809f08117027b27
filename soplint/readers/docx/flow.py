"""Flowchart recogniser: symbols, connectors and branch labels -> steps' simbol,
pelaksana, lanjut and cabang.

Input is the tree's :class:`~.tree.Shape` objects already tied to steps by
:mod:`.procedure`; no XML here. Edges come from, in this order: connector
ids (``a:stCxn``/``a:endCxn``, VML ``o:r`` rules), the geometry of shapes that
share one frame (a group, a canvas, or the same anchor paragraph), and a
column/direction estimate for connectors drawn between cells.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Optional

from soplint.readers.docx.common import yes_no
from soplint.readers.docx.tree import Shape, clean
from soplint.lazyre import lazy_pattern

TERMINATOR = {"flowChartTerminator", "roundRect", "t116", "roundrect", "t2"}
PROCESS = {"flowChartProcess", "rect", "t109", "t1"}
DECISION = {"flowChartDecision", "diamond", "t110", "t4"}
OFFPAGE = {"flowChartOffpageConnector", "homePlate", "t177", "t15"}
#: shapes that are not symbols at all when they carry no meaning of a step
NOT_SYMBOL = {"line", "textbox", "t202", "t75", "custGeom", "t32", "t33", "t34", "t38", "shape", "polyline",
              "arc", "curve", "rightArrow", "leftArrow", "downArrow", "upArrow", "t13", "t66", "t67", "t68"}

#: EMU per twip
TWIP = 635


def kind(s: Shape) -> str:
    """'terminator', 'proses', 'keputusan', 'offpage', 'line', 'label' or 'other'."""
    g = s.geom
    if s.is_line or s.is_connector:
        return "line"
    if g in TERMINATOR:
        return "terminator"
    if g in DECISION:
        return "keputusan"
    if g in OFFPAGE:
        return "offpage"
    if s.is_textbox or g in ("t202", "textbox"):
        return "label"
    if g in PROCESS:
        # a small rectangle holding only "Ya"/"Tidak" is a branch label
        if s.text and yes_no(s.text) and s.cx and s.cx < 700000 and s.cy < 400000:
            return "label"
        return "proses"
    if g in NOT_SYMBOL or not g:
        return "label" if s.text else "decor"
    return "other"


def is_symbol(s: Shape) -> bool:
    return kind(s) in ("terminator", "proses", "keputusan", "other")


@dataclass(eq=False, repr=False)
class Node:
    """A symbol placed in the procedure: a step (no) or an off-page link."""

    shape: Shape
    no: Optional[int]  # step number; None for off-page connectors
    col: int  # grid column (estimated)
    row: int  # table row of the step
    order: int  # position of the step in the procedure (0-based)
    #: bounding box in global estimate (x0, y0, x1, y1) in EMU
    box: tuple = (0, 0, 0, 0)
    label: str = ""


@dataclass(eq=False, repr=False)
class Edge:
    """A connector between two symbols (source to target), with its branch label."""

    src: Node
    dst: Node
    label: Optional[str] = None  # "ya" / "tidak" / None
    shape: Optional[Shape] = None
    #: False for edges found by the estimated grid (text may overrule them)
    exact: bool = True


@dataclass(eq=False, repr=False)
class FlowResult:
    """The flow read from the connectors: each step's targets, and the labels used."""

    #: step no -> list of (target no, label, exact)
    out: dict[int, list[tuple[int, Optional[str], bool]]] = field(default_factory=dict)
    used_labels: set = field(default_factory=set)


def _dist_point_box(p, box) -> float:
    x, y = p
    x0, y0, x1, y1 = box
    dx = max(x0 - x, 0, x - x1)
    dy = max(y0 - y, 0, y - y1)
    return math.hypot(dx, dy)


def _dist_point_seg(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    vx, vy = bx - ax, by - ay
    L = vx * vx + vy * vy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / L))
    return math.hypot(px - (ax + t * vx), py - (ay + t * vy))


def _same_frame(a: Shape, b: Shape) -> bool:
    if a.group or b.group:
        return a.group == b.group and a.group != ""
    return a.para is not None and a.para is b.para


def build_edges(nodes: list[Node], lines: list[Shape], labels: list[Shape], geo=None) -> FlowResult:
    """Edges between nodes from connector shapes; ``geo`` places shapes of
    different cells on one estimated grid (for connectors without ids)."""
    by_id: dict[str, Node] = {}
    for n in nodes:
        if n.shape.id:
            by_id.setdefault(n.shape.id, n)
    edges: list[Edge] = []
    pieces: set = set()
    for e, chain in _chains(lines, nodes, geo):
        edges.append(e)
        pieces.update(id(x) for x in chain)
    for ln in lines:
        if id(ln) in pieces:
            continue
        e = _edge_by_id(ln, by_id) or _edge_by_geometry(ln, nodes) or _edge_by_estimate(ln, nodes, geo)
        if e is None or e.src is e.dst:
            continue
        edges.append(e)
    res = FlowResult()
    # labels: connector text first, then label shapes, each label given to
    # the nearest connector (its drawn path), nearest pairs first
    pairs = []
    for ei, e in enumerate(edges):
        if e.shape is not None and e.shape.text and yes_no(e.shape.text):
            e.label = yes_no(e.shape.text)
            continue
        if e.shape is None:
            continue
        for li, lab in enumerate(labels):
            if not yes_no(lab.text):
                continue
            d = _label_distance(lab, e.shape, geo)
            if d is not None and d < 900000:
                pairs.append((d, ei, li))
    taken_e, taken_l = set(), set()
    for d, ei, li in sorted(pairs):
        if ei in taken_e or li in taken_l:
            continue
        taken_e.add(ei)
        taken_l.add(li)
        edges[ei].label = yes_no(labels[li].text)
        res.used_labels.add(id(labels[li]))
    # resolve off-page links: A -> [off "X"] ... [off "X"] -> B becomes A -> B
    out: dict[int, list[tuple[int, Optional[str]]]] = {}
    offs_out: dict[str, list[Edge]] = {}
    for e in edges:
        if e.src.no is None:
            offs_out.setdefault(clean(e.src.shape.text).lower(), []).append(e)
    for e in edges:
        if e.src.no is None:
            continue
        targets = []
        if e.dst.no is not None:
            targets.append(e.dst.no)
        else:
            key = clean(e.dst.shape.text).lower()
            for e2 in offs_out.get(key, []):
                if e2.src is not e.dst and e2.dst.no is not None:
                    targets.append(e2.dst.no)
            if not targets:
                # an off-page connector without its pair: the next step
                later = sorted((n for n in nodes if n.no is not None and n.order > e.src.order),
                               key=lambda n: n.order)
                if later:
                    targets.append(later[0].no)
        for t in targets:
            if (t, e.label, e.exact) not in out.setdefault(e.src.no, []):
                out[e.src.no].append((t, e.label, e.exact))
    res.out = out
    return res


def _path(ln: Shape):
    """The drawn path of a connector as a polyline (elbows of bent ones)."""
    a, b = ln.endpoints()
    if ln.geom in ("bentConnector2", "t33"):
        return [a, (b[0], a[1]), b]
    if ln.geom in ("bentConnector3", "t34", "bentConnector4", "t35"):
        mx = (a[0] + b[0]) / 2
        return [a, (mx, a[1]), (mx, b[1]), b]
    return [a, b]


def _label_distance(lab: Shape, ln: Shape, geo) -> Optional[float]:
    """How far a branch label is from where the branch leaves its decision
    (labels are written next to the start of their arrow)."""
    start = _oriented(ln)[0]
    if _same_frame(lab, ln):
        c = lab.center()
    elif geo is not None:
        c = geo.point(lab, lab.center())
        start = geo.point(ln, start)
        if c is None or start is None:
            return None
    else:
        return None
    x0, y0 = c[0] - lab.cx / 2, c[1] - lab.cy / 2
    return _dist_point_box(start, (x0, y0, x0 + lab.cx, y0 + lab.cy))


#: how near (EMU, on the estimated grid) two pieces of one connector meet,
#: and a connector's free end comes to the symbol it leaves or reaches
JOINT = 40000
AT_SYMBOL = 120000


def _chains(lines: list[Shape], nodes: list[Node], geo) -> list[tuple[Edge, list[Shape]]]:
    """Connectors drawn as several straight pieces, end to end, only the
    last with an arrowhead (a branch going back up the side of a column):
    one edge each, from the symbol at the free end of the first piece to the
    symbol at the arrow's tip; with the pieces it was made of. A joint
    where more than two pieces meet, or a chain whose ends touch no symbol,
    is left to the piece-by-piece reading."""
    if geo is None:
        return []
    ends: dict[int, tuple] = {}
    for ln in lines:
        if ln.start_id and ln.end_id:
            continue
        a, b = _oriented(ln)
        ga, gb = geo.point(ln, a), geo.point(ln, b)
        if ga is not None and gb is not None:
            ends[id(ln)] = (ln, ga, gb)
    boxes = [(n, geo.box(n.shape)) for n in nodes]
    boxes = [(n, bx) for n, bx in boxes if bx is not None]

    def at_symbol(p):
        best = min(boxes, key=lambda nb: _dist_point_box(p, nb[1]), default=None)
        return best[0] if best is not None and _dist_point_box(p, best[1]) <= AT_SYMBOL else None

    def touching(p, used):
        return [(ln, ga, gb) for k, (ln, ga, gb) in ends.items() if k not in used and
                (math.dist(p, ga) <= JOINT or math.dist(p, gb) <= JOINT)]

    out = []
    for k, (tip_ln, ga, gb) in ends.items():
        if not (tip_ln.head or tip_ln.tail):
            continue
        chain, used, start = [tip_ln], {k}, ga
        # walk back from the arrow's start, piece by piece, to the symbol it leaves
        while not any(_dist_point_box(start, bx) <= JOINT for _, bx in boxes):
            more = touching(start, used)
            if len(more) != 1 or more[0][0].head or more[0][0].tail:
                break
            ln, pa, pb = more[0]
            used.add(id(ln))
            chain.insert(0, ln)
            start = pb if math.dist(start, pa) <= JOINT else pa
        if len(chain) < 2:
            continue
        src, dst = at_symbol(start), at_symbol(gb)
        if src is None or dst is None or src is dst:
            continue
        out.append((Edge(src, dst, shape=chain[0], exact=False), chain))
    return out


def _edge_by_id(ln: Shape, by_id) -> Optional[Edge]:
    if ln.start_id and ln.end_id and ln.start_id in by_id and ln.end_id in by_id:
        src, dst = by_id[ln.start_id], by_id[ln.end_id]
        if ln.head and not ln.tail:
            src, dst = dst, src
        return Edge(src, dst, shape=ln)
    return None


def _oriented(ln: Shape):
    a, b = ln.endpoints()
    if ln.head and not ln.tail:
        a, b = b, a
    return a, b


def _edge_by_geometry(ln: Shape, nodes: list[Node]) -> Optional[Edge]:
    same = [n for n in nodes if _same_frame(n.shape, ln)]
    if len(same) < 2 or not (ln.group or True):
        return None
    a, b = _oriented(ln)
    tol = 300000  # ~0.33 inch

    def nearest(p):
        best, bd = None, None
        for n in same:
            s = n.shape
            d = _dist_point_box(p, (s.x, s.y, s.x + s.cx, s.y + s.cy))
            if bd is None or d < bd:
                best, bd = n, d
        return best if bd is not None and bd <= tol else None

    src, dst = nearest(a), nearest(b)
    if src is not None and dst is not None and src is not dst:
        return Edge(src, dst, shape=ln)
    return None


def _edge_by_estimate(ln: Shape, nodes: list[Node], geo) -> Optional[Edge]:
    """A connector anchored in a cell, pointing at a symbol in another row:
    both ends are placed on an estimated page grid (column widths from the
    table grid, row heights estimated by ``geo``); the source is the symbol
    nearest to the start, the target the symbol nearest to the end in the
    direction the line runs."""
    if ln.para is None or geo is None:
        return None
    a, b = _oriented(ln)
    ga, gb = geo.point(ln, a), geo.point(ln, b)
    if ga is None or gb is None:
        return None
    placed = [(n, geo.box(n.shape)) for n in nodes]
    placed = [(n, bx) for n, bx in placed if bx is not None]
    if len(placed) < 2:
        return None
    da = {id(n): _dist_point_box(ga, bx) for n, bx in placed}
    db = {id(n): _dist_point_box(gb, bx) for n, bx in placed}
    end_local = b
    if ln.head is None and ln.tail is None and min(db.values()) < min(da.values()):
        ga, gb, da, db = gb, ga, db, da  # no arrow drawn: start where a symbol touches
        end_local = a
    src = min(placed, key=lambda nb: da[id(nb[0])])[0]
    if da[id(src)] > 500000:
        return None
    dy = gb[1] - ga[1]
    col = geo.col(ln, end_local)
    cands = [(n, bx) for n, bx in placed if n is not src]
    if dy > 50000:
        cands = [(n, bx) for n, bx in cands if (bx[1] + bx[3]) / 2 > ga[1]]
    elif dy < -50000:
        cands = [(n, bx) for n, bx in cands if (bx[1] + bx[3]) / 2 < ga[1]]
    in_col = [(n, bx) for n, bx in cands if col is not None and n.col == col]
    pool = in_col or cands
    if not pool:
        return None
    dst = min(pool, key=lambda nb: db[id(nb[0])])[0]
    return Edge(src, dst, shape=ln, exact=False)


# --------------------------------------------------------------------------
# branches from text

_CLAUSE_SPLIT = re.compile(r"[;\n?]|\s(?=(?:jika|bila|apabila|kalau)\s)|(?<=[a-z0-9)])\.\s+(?=[A-Z])|"
                           r",\s*(?=(?:jika|bila|apabila|kalau|ya|tidak|ditolak|"
                           r"disetujui|lengkap|setuju|salah|benar)\b)|\s+(?=(?:ya|tidak)\s*[:=→])", re.I)
_TARGET = re.compile(
    r"(?:kegiatan|langkah|nomor|no\.?|step|tahap|tahapan|proses|butir|urutan|baris|ke)\s*(?:no\.?|nomor|ke)?\s*"
    r"[-:]?\s*(\d{1,3})\b", re.I)
_NEG = re.compile(r"\b(tidak|tdk|belum|salah|ditolak|tolak|kurang|gagal|keliru|invalid)\b", re.I)
_POS = re.compile(r"\b(ya|lengkap|setuju|disetujui|benar|sesuai|valid|lulus|memenuhi|diterima|layak|ok)\b", re.I)


def branches_from_text(text: str) -> dict[str, Optional[int]]:
    """{'ya': n, 'tidak': m} named in a note such as "Tidak: kembali ke
    kegiatan 4" or "Jika tidak lengkap, kembali ke langkah 2"; only the
    branches that are named (a named branch whose target is unclear -> None)."""
    out: dict[str, Optional[int]] = {}
    if not text:
        return out
    for clause in _CLAUSE_SPLIT.split(text):
        c = clean(clause)
        if not c or re.search(r"\bapakah\b", c, re.I):
            continue  # the question itself names no branch
        neg = _NEG.search(c)
        pos = _POS.search(c)
        if neg and (not pos or neg.start() <= pos.start()):
            pol = "tidak"
        elif pos:
            pol = "ya"
        else:
            continue
        nums = _TARGET.findall(c)
        target = int(nums[-1]) if nums else None
        if target is None:
            m = re.search(r"\b(\d{1,3})\s*$", c)
            if m:
                target = int(m.group(1))
        if pol not in out or (out[pol] is None and target is not None):
            out[pol] = target
    return out


_answer_re = lazy_pattern(
    r"^(ya|tidak|tdk|lengkap|tidak lengkap|belum lengkap|setuju|tidak setuju|disetujui|tidak disetujui|ditolak|"
    r"benar|salah|sesuai|tidak sesuai|valid|tidak valid|memenuhi|tidak memenuhi|memenuhi syarat|"
    r"tidak memenuhi syarat|diterima|layak|tidak layak|lulus|tidak lulus|ok|revisi)\s*(:|=|→|->|>|,)", re.I)


def has_yes_no_note(text: str) -> bool:
    """A note that states the answers of a decision: "Ya: ...", "Tidak → 4",
    "Lengkap: lanjut ke 3; Tidak lengkap: kembali ke 1", "Jika tidak ..."."""
    t = clean(text)
    if re.search(r"\b(jika|bila|apabila|kalau)\s+(tidak|belum|ya|sudah|lengkap|benar|setuju|disetujui|ditolak|"
                 r"sesuai|memenuhi|valid|salah)\b", t, re.I):
        return True
    answer = _answer_re()
    return any(answer.match(clean(c)) for c in _CLAUSE_SPLIT.split(t) if c)
