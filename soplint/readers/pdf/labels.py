"""Branch labels of a flowchart's decisions: the free text near the
connectors (Ya/Tidak, Y/T, "Belum lengkap" ...) read as labels, words of one
line and lines wrapped under each other together, each given to the
connector leaving a decision nearest to it."""
from __future__ import annotations

import math

from soplint.readers.docx.common import yes_no
from soplint.readers.pdf.flowchart import DECISION, Edge, _DSU


def label_edges(edges: list[Edge], label_runs) -> set:
    """Give each Ya/Tidak label to the connector leaving a decision nearest
    to it; returns the ids of the runs used. A label of several words, or
    wrapped over lines ("Belum" / "valid"), is read as one."""
    pairs = []
    blocks = label_blocks(label_runs)
    for li, (yn, box, _) in enumerate(blocks):
        if not yn:
            continue
        for ei, e in enumerate(edges):
            if e.src.kind != DECISION:
                continue
            # the label is written where its connector leaves the decision
            pts = [p for poly in e.pts for p in poly]
            if not pts:
                continue
            near = min(e.src.dist(p) for p in pts)
            exits = [p for p in pts if e.src.dist(p) <= near + 3]
            d = min(_dist_box(p, box) for p in exits)
            if d <= 40:
                pairs.append((d, ei, li, yn))
    used_e, used_l = set(), set()
    for d, ei, li, yn in sorted(pairs, key=lambda t: t[0]):
        if ei in used_e or li in used_l:
            continue
        # one label per decision branch: edges of the same connector share it
        used_e.add(ei)
        used_l.add(li)
        edges[ei].label = yn
    return {id(r) for li in used_l for r in blocks[li][2]}


#: labels that are a whole branch name by themselves (two of them stacked are two labels)
_BARE = {"ya", "y", "yes", "tidak", "t", "tdk", "no", "n"}


def label_blocks(runs) -> list:
    """The free text runs as labels: (ya/tidak or None, box, runs). Words of
    one line close together, and lines wrapped right under each other, make
    one label; its meaning is that of its whole text, else of its first line."""
    n = len(runs)
    dsu = _DSU(n)
    hs = [max(r.y1 - r.y0, 1.0) for r in runs]
    for i in range(n):
        a = runs[i]
        for j in range(i + 1, n):
            b = runs[j]
            h = min(hs[i], hs[j])
            if abs(a.cy - b.cy) <= 0.35 * h and max(a.x0, b.x0) - min(a.x1, b.x1) <= 0.6 * h:
                dsu.union(i, j)
    lines: dict = {}
    for i in range(n):
        lines.setdefault(dsu.find(i), []).append(i)
    boxes = {}
    for k, idx in lines.items():
        idx.sort(key=lambda i: runs[i].x0)
        boxes[k] = (min(runs[i].x0 for i in idx), min(runs[i].y0 for i in idx),
                    max(runs[i].x1 for i in idx), max(runs[i].y1 for i in idx), max(hs[i] for i in idx),
                    " ".join(runs[i].text for i in idx))
    keys = sorted(boxes, key=lambda k: (boxes[k][1], boxes[k][0]))
    stack = _DSU(len(keys))
    for p, ka in enumerate(keys):
        a = boxes[ka]
        for q in range(p + 1, len(keys)):
            b = boxes[keys[q]]
            h = min(a[4], b[4])
            gap = b[1] - a[3]
            if gap > 0.35 * h:
                continue
            if gap < -0.5 * h or min(a[2], b[2]) - max(a[0], b[0]) <= 0:
                continue
            if _bare(a[5]) and _bare(b[5]):
                continue
            stack.union(p, q)
    groups: dict = {}
    for p in range(len(keys)):
        groups.setdefault(stack.find(p), []).append(keys[p])
    out = []
    for ks in groups.values():
        ks.sort(key=lambda k: (boxes[k][1], boxes[k][0]))
        text = " ".join(boxes[k][5] for k in ks)
        yn = yes_no(text) or yes_no(boxes[ks[0]][5])
        box = (min(boxes[k][0] for k in ks), min(boxes[k][1] for k in ks),
               max(boxes[k][2] for k in ks), max(boxes[k][3] for k in ks))
        out.append((yn, box, [runs[i] for k in ks for i in lines[k]]))
    return out


def _bare(text: str) -> bool:
    return text.strip(" .:").lower() in _BARE


def _dist_box(p, box) -> float:
    x, y = p
    x0, y0, x1, y1 = box
    return math.hypot(max(x0 - x, 0, x - x1), max(y0 - y, 0, y - y1))
