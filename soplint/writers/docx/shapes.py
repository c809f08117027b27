"""Native DrawingML flowchart shapes (``wps:wsp`` in ``wp:anchor``), anchored in
a table cell and positioned relative to that cell (``layoutInCell``).

Every shape carries a ``wp:docPr`` name that says what it is, so that a
reader (ours or a person's macro) can read the flowchart back without
geometry: ``soplint:kegiatan:<no>``, ``soplint:panah:<from>:<to>[:ya|:tidak]``,
``soplint:penghubung:<label>:keluar|masuk``, ``soplint:label:<from>:ya|tidak``.
Connectors name the shapes they join in ``a:stCxn`` / ``a:endCxn``.
"""
from __future__ import annotations

from typing import Optional

from soplint.writers.docx.ooxml import el, emu, para, run, sub

#: connection sites of the flowchart presets (top, left, bottom, right)
SITE = {"atas": 0, "kiri": 1, "bawah": 2, "kanan": 3}

WPS_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


class Ids:
    """Unique drawing ids and z-order within one document."""

    def __init__(self, start: int = 1000):
        self.next_id = start
        self.z = 251660000

    def new(self) -> int:
        self.next_id += 1
        return self.next_id

    def order(self) -> int:
        self.z += 1
        return self.z


def _anchor(ids: Ids, shape_id: int, name: str, descr: str, x_mm: float, y_mm: float,
            w_mm: float, h_mm: float, wsp, behind: bool = False):
    anchor = el("wp:anchor", {"distT": 0, "distB": 0, "distL": 0, "distR": 0, "simplePos": 0,
                              "relativeHeight": ids.order(), "behindDoc": 1 if behind else 0,
                              "locked": 0, "layoutInCell": 1, "allowOverlap": 1})
    sub(anchor, "wp:simplePos", {"x": 0, "y": 0})
    ph = sub(anchor, "wp:positionH", {"relativeFrom": "column"})
    sub(ph, "wp:posOffset").text = str(emu(x_mm))
    pv = sub(anchor, "wp:positionV", {"relativeFrom": "paragraph"})
    sub(pv, "wp:posOffset").text = str(emu(y_mm))
    sub(anchor, "wp:extent", {"cx": emu(w_mm), "cy": emu(h_mm)})
    sub(anchor, "wp:effectExtent", {"l": 0, "t": 0, "r": 0, "b": 0})
    sub(anchor, "wp:wrapNone")
    sub(anchor, "wp:docPr", {"id": shape_id, "name": name, "descr": descr})
    sub(anchor, "wp:cNvGraphicFramePr")
    graphic = sub(anchor, "a:graphic")
    data = sub(graphic, "a:graphicData", {"uri": WPS_URI})
    data.append(wsp)
    drawing = el("w:drawing", {}, anchor)
    alt = el("mc:AlternateContent", {}, el("mc:Choice", {"Requires": "wps"}, drawing))
    r = el("w:r")
    r.append(alt)
    return r


def _xfrm(sppr, w_mm, h_mm, flip_h=False, flip_v=False):
    attrs = {}
    if flip_h:
        attrs["flipH"] = 1
    if flip_v:
        attrs["flipV"] = 1
    x = sub(sppr, "a:xfrm", attrs)
    sub(x, "a:off", {"x": 0, "y": 0})
    sub(x, "a:ext", {"cx": emu(w_mm), "cy": emu(h_mm)})


def _line(sppr, arrow: bool, width_emu: int = 9525):
    ln = sub(sppr, "a:ln", {"w": width_emu})
    fill = sub(ln, "a:solidFill")
    sub(fill, "a:srgbClr", {"val": "000000"})
    if arrow:
        sub(ln, "a:tailEnd", {"type": "triangle", "w": "med", "len": "med"})
    return ln


def _txbx(wsp, text: str, size: float, align="center", bold=False):
    tx = sub(wsp, "wps:txbx")
    content = sub(tx, "w:txbxContent")
    content.append(para(text, align=align, size=size, bold=bold))


def symbol(ids: Ids, prst: str, name: str, descr: str, x_mm, y_mm, w_mm, h_mm,
           text: Optional[str] = None, text_size: float = 7, fill: str = "FFFFFF",
           sid: Optional[int] = None, bold: bool = True):
    """A closed flowchart symbol; returns (run, shape_id)."""
    sid = sid or ids.new()
    wsp = el("wps:wsp")
    sub(wsp, "wps:cNvSpPr")
    sppr = sub(wsp, "wps:spPr")
    _xfrm(sppr, w_mm, h_mm)
    geom = sub(sppr, "a:prstGeom", {"prst": prst})
    sub(geom, "a:avLst")
    if fill:
        f = sub(sppr, "a:solidFill")
        sub(f, "a:srgbClr", {"val": fill})
    else:
        sub(sppr, "a:noFill")
    _line(sppr, arrow=False, width_emu=12700)
    if text:
        _txbx(wsp, text, text_size, bold=bold)
    sub(wsp, "wps:bodyPr", {"rot": 0, "vert": "horz", "wrap": "square", "lIns": 0, "tIns": 0,
                            "rIns": 0, "bIns": 0, "anchor": "ctr", "anchorCtr": 0})
    return _anchor(ids, sid, name, descr, x_mm, y_mm, w_mm, h_mm, wsp), sid


#: sizes (pt) tried for a text inside a symbol, largest first
SYMBOL_TEXT_SIZES = (7.0, 6.0, 5.5, 5.0, 4.5)


def symbol_text_size(text: str, prst: str, w_mm: float, h_mm: float) -> Optional[float]:
    """The largest of :data:`SYMBOL_TEXT_SIZES` at which ``text`` fits the
    symbol's text area (the one Word and LibreOffice wrap it in: the middle
    half of a diamond, a capsule without its rounded ends, a box less a thin
    margin) without breaking a word; None where it fits at none."""
    from soplint.writers.docx.measure import line_height_mm, text_width_mm, wrap

    if prst == "flowChartDecision":
        w, h = 0.5 * w_mm, 0.5 * h_mm
    elif prst == "flowChartTerminator":
        w, h = w_mm - 0.6 * h_mm, 0.85 * h_mm
    else:
        w, h = w_mm - 1.0, h_mm - 0.6
    w /= 1.08  # room for the renderers' own rounding (as text_height_mm's slack)
    for size in SYMBOL_TEXT_SIZES:
        if all(text_width_mm(word, size) <= w for word in text.split()) and \
                len(wrap(text, w, size)) * line_height_mm(size) <= h:
            return size
    return None


def symbol_words(text: Optional[str], prst: str, w_mm: float, h_mm: float) -> tuple[str, Optional[float]]:
    """A step's ``teks_simbol`` as drawn in its symbol: the text (spaces
    normalised) and its size, None where it does not fit (the side file
    lists it) or there is none."""
    from soplint.values import norm_space

    words = norm_space(text or "")
    return words, (symbol_text_size(words, prst, w_mm, h_mm) if words else None)


def label(ids: Ids, name: str, text: str, x_mm, y_mm, w_mm, h_mm, size: float = 7):
    """A borderless text box (the Ya / Tidak of a decision branch)."""
    sid = ids.new()
    wsp = el("wps:wsp")
    sub(wsp, "wps:cNvSpPr", {"txBox": 1})
    sppr = sub(wsp, "wps:spPr")
    _xfrm(sppr, w_mm, h_mm)
    geom = sub(sppr, "a:prstGeom", {"prst": "rect"})
    sub(geom, "a:avLst")
    sub(sppr, "a:noFill")
    ln = sub(sppr, "a:ln")
    sub(ln, "a:noFill")
    _txbx(wsp, text, size, align="left", bold=False)
    sub(wsp, "wps:bodyPr", {"rot": 0, "vert": "horz", "wrap": "none", "lIns": 0, "tIns": 0,
                            "rIns": 0, "bIns": 0, "anchor": "ctr", "anchorCtr": 0})
    return _anchor(ids, sid, name, text, x_mm, y_mm, w_mm, h_mm, wsp)


def connector(ids: Ids, name: str, descr: str, points: list[tuple[float, float]],
              start: Optional[tuple[int, str]], end: Optional[tuple[int, str]],
              origin: tuple[float, float], hops=(), hop_r: float = 1.1):
    """An arrow from points[0] to points[-1] through the corners between
    (coordinates in mm; ``origin`` is the anchoring cell's top-left corner).
    Two points: ``straightConnector1``; more: a connector with its own path
    (``a:custGeom``), with a small semicircular hop over each point of
    ``hops`` (crossings, on its horizontal pieces)."""
    # the box spans the start and the end (a reader takes its flipped corners
    # for the arrow's ends); the path may run outside it
    (x0, y0), (x1, y1) = points[0], points[-1]
    xs, ys = [x0, x1], [y0, y1]
    if abs(x1 - x0) < 0.5:
        xs = [p[0] for p in points]
    if abs(y1 - y0) < 0.5:
        ys = [p[1] for p in points]
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    w, h = right - left, bottom - top
    flip_h = x1 < x0 if abs(x1 - x0) >= 0.5 else abs(x0 - right) < abs(x0 - left) - 1e-9
    flip_v = y1 < y0 if abs(y1 - y0) >= 0.5 else abs(y0 - bottom) < abs(y0 - top) - 1e-9
    wsp = el("wps:wsp")
    cn = sub(wsp, "wps:cNvCnPr")
    if start:
        sub(cn, "a:stCxn", {"id": start[0], "idx": SITE[start[1]]})
    if end:
        sub(cn, "a:endCxn", {"id": end[0], "idx": SITE[end[1]]})
    sppr = sub(wsp, "wps:spPr")
    _xfrm(sppr, w, h, flip_h, flip_v)
    if len(points) == 2 and not hops:
        geom = sub(sppr, "a:prstGeom", {"prst": "straightConnector1"})
        sub(geom, "a:avLst")
    else:
        _path(sppr, points, hops, hop_r, (left, top, right, bottom), flip_h, flip_v)
    sub(sppr, "a:noFill")
    _line(sppr, arrow=True)
    sub(wsp, "wps:bodyPr")
    sid = ids.new()
    return _anchor(ids, sid, name, descr, left - origin[0], top - origin[1], w, h, wsp)


def _path(sppr, points, hops, r_mm, box, flip_h, flip_v):
    """The arrow's path in the shape's own (unflipped) coordinates, in EMU."""
    left, top, right, bottom = box

    def local(x, y):
        lx = (right - x) if flip_h else (x - left)
        ly = (bottom - y) if flip_v else (y - top)
        return emu(lx), emu(ly)

    geom = sub(sppr, "a:custGeom")
    for tag in ("a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"):
        sub(geom, tag)
    sub(geom, "a:rect", {"l": 0, "t": 0, "r": "r", "b": "b"})
    lst = sub(geom, "a:pathLst")
    path = sub(lst, "a:path", {"w": max(1, emu(right - left)), "h": max(1, emu(bottom - top)), "fill": "none"})

    def pt(tag, x, y):
        px, py = local(x, y)
        sub(sub(path, tag), "a:pt", {"x": px, "y": py})

    pt("a:moveTo", *points[0])
    r = emu(r_mm)
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if abs(ay - by) < 1e-9 and abs(ax - bx) > 1e-9:
            sgn = 1 if bx > ax else -1
            on = sorted((hx for hx, hy in hops if abs(hy - ay) < 0.05 and min(ax, bx) < hx < max(ax, bx)),
                        reverse=sgn < 0)
            for hx in on:
                pt("a:lnTo", hx - sgn * r_mm, ay)
                # direction and bump in the shape's own coordinates (flips mirror them)
                s_local = -sgn if flip_h else sgn
                up_local = not flip_v
                sub(path, "a:arcTo", {"wR": r, "hR": r, "stAng": 10800000 if s_local > 0 else 0,
                                      "swAng": 10800000 if (s_local > 0) == up_local else -10800000})
        pt("a:lnTo", bx, by)


__all__ = ["Ids", "symbol", "label", "connector", "run"]
