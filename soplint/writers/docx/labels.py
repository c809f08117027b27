"""Where a branch's "Ya" / "Tidak" goes: inside the column of the branch's
start, beside its first segment, nearer that start than any other side of the
symbol (a reader gives each label to the nearest start), clear of symbols,
other labels and arrows.
"""
from __future__ import annotations

from typing import Optional

from soplint.writers.docx.geometry import Label, Rect, Route, Symbol
from soplint.writers.docx.measure import line_height_mm, text_width_mm

LABEL_SIZE = 5.5


def label_size(text: str) -> tuple[float, float]:
    return text_width_mm(text, LABEL_SIZE) + 0.3, line_height_mm(LABEL_SIZE) + 0.1


class LabelMixin:
    """Needs the router's drawing and columns (``Router`` in ``route.py``)."""

    def _label(self, e, rt: Route, src: Symbol) -> None:
        if not e.cabang:
            return
        text = "Ya" if e.cabang == "ya" else "Tidak"
        lab = Label(self._label_spot(rt, src, text)[1], text, rt.page, src.col, (e.src, e.cabang))
        self.d.labels.append(lab)
        self.label_of[id(rt)] = lab

    def _label_spot(self, rt: Route, src: Symbol, text: str, skip: Optional[Label] = None) -> tuple[int, Rect]:
        """The best spot for ``rt``'s label and its score (0: clean), against
        the arrows and labels drawn so far (``skip``: the label itself)."""
        w, h = label_size(text)
        left, right = self.cols.actor_left(src.col), self.cols.actor_left(src.col) + self.cols.actor
        (x, y), (x2, y2) = rt.points[0], rt.points[1]
        cands = []
        if abs(x2 - x) > abs(y2 - y):           # leaves sideways
            sgn = 1 if x2 > x else -1
            turn = rt.points[2][1] - y2 if len(rt.points) > 2 else 0.0
            above = [Rect(0, y - 0.3 - h, 0, y - 0.3), Rect(0, y + 0.3, 0, y + 0.3 + h)]
            if turn < 0:
                above.reverse()
            for r in above:
                for shift in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, -0.3, -0.6, -1.0):
                    x0 = x + 0.15 + shift if sgn > 0 else x - 0.15 - shift - w
                    cands.append(Rect(x0, r.y0, x0 + w, r.y1))
        else:                                   # leaves downwards
            for dy in (0.3, -0.6, -1.5, -2.4, 1.2):
                for dx in (0.5, 1.2, 2.0, 3.0, 4.0):
                    cands.append(Rect(x + dx, y + dy, x + dx + w, y + dy + h))
                    cands.append(Rect(x - dx - w, y + dy, x - dx, y + dy + h))
        others = [src.side_point(sd) for sd in ("atas", "bawah", "kiri", "kanan")]
        others = [p for p in others if abs(p[0] - x) + abs(p[1] - y) > 0.5]
        def score(r: Rect) -> int:
            """0: clean; else the weight of what is wrong (the reader's nearest-start rule weighs most)."""
            bad = 0
            if r.x0 < left + 0.3 or r.x1 > right - 0.3:
                bad += 1
            # nearer its own arrow's start than any other side of the symbol (a
            # reader gives each label to the nearest start)
            if any(_dist(p, r) < _dist((x, y), r) + 0.5 for p in others):
                bad += 100
            if any(s.page == rt.page and s.covers(r, 0.2) for s in self.d.symbols):
                bad += 10
            if any(lab is not skip and lab.page == rt.page and lab.rect.overlaps(r) for lab in self.d.labels):
                bad += 10
            if any(g.hits(r.shrink(-0.15)) for o in self.d.routes if o.page == rt.page for g in o.segments):
                bad += 5
            return bad

        best = None
        for c in cands:
            sc = score(c)
            if best is None or sc < best[0]:
                best = (sc, c)
            if sc == 0:
                break
        return best

    def _move_label(self, rt: Route) -> bool:
        """Move ``rt``'s label to a clean spot beside its start, now that
        every arrow is drawn; False where there is none (the label stays)."""
        lab = self.label_of.get(id(rt))
        if lab is None:
            return False
        sc, r = self._label_spot(rt, rt.src, lab.text, skip=lab)
        if sc == 0:
            lab.rect = r
            return True
        return False


def _dist(p, r: Rect) -> float:
    dx = max(r.x0 - p[0], 0.0, p[0] - r.x1)
    dy = max(r.y0 - p[1], 0.0, p[1] - r.y1)
    return (dx * dx + dy * dy) ** 0.5
