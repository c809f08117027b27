"""Small WordprocessingML builders (paragraphs, runs, tables, cells) on lxml."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional

from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}

TW_PER_MM = 1440 / 25.4
EMU_PER_MM = 36000


@lru_cache(maxsize=None)
def q(tag: str) -> str:
    prefix, local = tag.split(":")
    return "{%s}%s" % (NS[prefix], local)


@lru_cache(maxsize=None)
def _attr(key: str) -> str:
    return q(key) if ":" in key else key


#: a plain parser: python-docx installs a custom element-class lookup on the
#: default one, which makes every etree.Element() call slow
_PARSER = etree.XMLParser()
_NSMAP = {k: v for k, v in NS.items() if k in ("w", "wp", "a", "wps", "mc", "r")}


def el(tag: str, attrs: Optional[dict] = None, *children) -> etree._Element:
    e = _PARSER.makeelement(q(tag), nsmap=_NSMAP)
    if attrs:
        for k, v in attrs.items():
            e.set(_attr(k), str(v))
    for c in children:
        if c is not None:
            e.append(c)
    return e


def sub(parent, tag: str, attrs: Optional[dict] = None) -> etree._Element:
    e = etree.SubElement(parent, q(tag))
    if attrs:
        for k, v in attrs.items():
            e.set(_attr(k), str(v))
    return e


def tw(mm: float) -> int:
    return int(round(mm * TW_PER_MM))


def emu(mm: float) -> int:
    return int(round(mm * EMU_PER_MM))


def run(text: str = "", *, bold=False, italic=False, underline=False, size: Optional[float] = None):
    r = el("w:r")
    rpr = sub(r, "w:rPr")
    if bold:
        sub(rpr, "w:b")
    if italic:
        sub(rpr, "w:i")
    if size:  # schema order: b, i, ..., sz, szCs, ..., u
        sub(rpr, "w:sz", {"w:val": int(round(size * 2))})
        sub(rpr, "w:szCs", {"w:val": int(round(size * 2))})
    if underline:
        sub(rpr, "w:u", {"w:val": "single"})
    if len(rpr) == 0:
        r.remove(rpr)
    parts = text.split("\t")
    for i, part in enumerate(parts):
        if i:
            sub(r, "w:tab")
        if part:
            t = sub(r, "w:t")
            t.text = part
            if part != part.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def para(text: str = "", *, align: Optional[str] = None, bold=False, italic=False, underline=False,
         size: Optional[float] = None, hanging_mm: float = 0, keep_next=False,
         page_break_before=False, line_exact_pt: Optional[float] = None, after_pt: float = 0,
         runs: Optional[Iterable] = None):
    p = el("w:p")
    ppr = sub(p, "w:pPr")
    if keep_next:
        sub(ppr, "w:keepNext")
    if page_break_before:
        sub(ppr, "w:pageBreakBefore")
    spacing = {"w:before": 0, "w:after": int(round(after_pt * 20))}
    if line_exact_pt:
        spacing.update({"w:line": int(line_exact_pt * 20), "w:lineRule": "exact"})
    else:
        spacing.update({"w:line": 240, "w:lineRule": "auto"})
    sub(ppr, "w:spacing", spacing)
    if hanging_mm:
        sub(ppr, "w:ind", {"w:left": tw(hanging_mm), "w:hanging": tw(hanging_mm)})
    if align:
        sub(ppr, "w:jc", {"w:val": align})
    if size:
        rpr = sub(ppr, "w:rPr")
        sub(rpr, "w:sz", {"w:val": int(round(size * 2))})
        sub(rpr, "w:szCs", {"w:val": int(round(size * 2))})
    if text:
        p.append(run(text, bold=bold, italic=italic, underline=underline, size=size))
    for r in runs or ():
        p.append(r)
    return p


def table(widths_mm: list[float], *, borders=True, cell_margin_mm=1.0):
    t = el("w:tbl")
    pr = sub(t, "w:tblPr")
    sub(pr, "w:tblW", {"w:w": sum(tw(w) for w in widths_mm), "w:type": "dxa"})
    sub(pr, "w:jc", {"w:val": "center"})
    if borders:
        b = sub(pr, "w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            sub(b, "w:" + side, {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"})
    sub(pr, "w:tblLayout", {"w:type": "fixed"})
    mar = sub(pr, "w:tblCellMar")
    sub(mar, "w:top", {"w:w": 0, "w:type": "dxa"})
    sub(mar, "w:left", {"w:w": tw(cell_margin_mm), "w:type": "dxa"})
    sub(mar, "w:bottom", {"w:w": 0, "w:type": "dxa"})
    sub(mar, "w:right", {"w:w": tw(cell_margin_mm), "w:type": "dxa"})
    sub(pr, "w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                          "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1})
    grid = sub(t, "w:tblGrid")
    for w in widths_mm:
        sub(grid, "w:gridCol", {"w:w": tw(w)})
    return t


def row(tbl, *, height_mm: Optional[float] = None, exact=False, header=False, cant_split=True):
    tr = sub(tbl, "w:tr")
    pr = sub(tr, "w:trPr")
    if cant_split:
        sub(pr, "w:cantSplit")
    if height_mm is not None:
        sub(pr, "w:trHeight", {"w:val": tw(height_mm), "w:hRule": "exact" if exact else "atLeast"})
    if header:
        sub(pr, "w:tblHeader")
    return tr


def cell(tr, width_mm: float, paragraphs=(), *, span: int = 1, vmerge: Optional[str] = None,
         valign: Optional[str] = None, fill: Optional[str] = None, no_margins=False):
    tc = sub(tr, "w:tc")
    pr = sub(tc, "w:tcPr")
    sub(pr, "w:tcW", {"w:w": tw(width_mm), "w:type": "dxa"})
    if span > 1:
        sub(pr, "w:gridSpan", {"w:val": span})
    if vmerge is not None:
        sub(pr, "w:vMerge", {"w:val": vmerge} if vmerge == "restart" else {})
    if fill:
        sub(pr, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill})
    if no_margins:
        mar = sub(pr, "w:tcMar")
        sub(mar, "w:left", {"w:w": 0, "w:type": "dxa"})
        sub(mar, "w:right", {"w:w": 0, "w:type": "dxa"})
    if valign:
        sub(pr, "w:vAlign", {"w:val": valign})
    paragraphs = list(paragraphs)
    if not paragraphs:
        paragraphs = [para()]
    for p in paragraphs:
        tc.append(p)
    return tc
