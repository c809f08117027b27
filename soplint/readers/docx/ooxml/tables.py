"""Tables: rows and cells through wrappers, merged cells (gridSpan, vMerge,
legacy hMerge), row properties, nested tables."""
from __future__ import annotations

from typing import Optional

from soplint.readers.docx.ooxml.ns import (
    _OFF,
    _VAL,
    _W_gridBefore,
    _W_gridCol,
    _W_gridSpan,
    _W_hMerge,
    _W_tblGrid,
    _W_tblHeader,
    _W_tcPr,
    _W_tcW,
    _W_trHeight,
    _W_trPr,
    _W_type,
    _W_vMerge,
    _W_w,
    T_ALT,
    T_CUSTOMXML,
    T_INS,
    T_MOVETO,
    T_SDT,
    T_SDTCONTENT,
    T_TC,
    T_TR,
    _choose,
    _find,
    _int,
)
from soplint.readers.docx.ooxml.runs import _Ctx
from soplint.readers.docx.tree import Cell, Paragraph, Row, Table


class TablesMixin:
    """Reader methods for tables."""

    # -- tables -------------------------------------------------------------
    def _table(self, el, ctx: _Ctx, top: bool) -> Table:
        t = Table(part=ctx.part, parent=ctx.cell)
        if self.elements is not None:
            self.elements[t] = el
        if top and ctx.part == "body":
            self.table_index += 1
            t.index = self.table_index
        grid = _find(el, _W_tblGrid)
        if grid is not None:
            t.grid = [_int(g.get(_W_w)) for g in grid.iterchildren(_W_gridCol)]
        open_merge: dict[int, Cell] = {}
        for tr in _rows(el):
            row = Row()
            col = 0
            rkids = tr[:]
            rtags = [x.tag for x in rkids]
            if _W_trPr in rtags:  # the first w:trPr
                trpr = rkids[rtags.index(_W_trPr)]
                for x in trpr[:]:
                    xt = x.tag
                    if xt == _W_tblHeader:
                        row.header = x.get(_VAL) not in _OFF
                    elif xt == _W_trHeight:
                        row.height = _int(x.get(_VAL))
                    elif xt == _W_gridBefore:
                        col = _int(x.get(_VAL))
            ridx = len(t.rows)
            prev: Optional[Cell] = None
            for tc in _cells(tr, rkids, rtags):
                span, vmerge, hmerge, width = 1, None, None, 0
                kids = tc[:]
                first = kids[0] if kids else None
                rest = kids  # the children after the tcPr (_blocks skips a tcPr)
                if first is not None and first.tag == _W_tcPr:
                    rest = kids[1:]
                    for x in first[:]:
                        xt = x.tag
                        if xt == _W_gridSpan:
                            span = max(1, _int(x.get(_VAL), 1))
                        elif xt == _W_vMerge:
                            vmerge = "restart" if x.get(_VAL) == "restart" else "continue"
                        elif xt == _W_hMerge:
                            hmerge = "restart" if x.get(_VAL) == "restart" else "continue"
                        elif xt == _W_tcW and x.get(_W_type) in (None, "dxa"):
                            width = _int(x.get(_W_w))
                cell = Cell(col=col, span=span, row=ridx, vmerge=vmerge, table=t, width=width)
                if self.elements is not None:
                    self.elements[cell] = tc
                saved = ctx.cell
                ctx.cell = cell
                cell.blocks = self._blocks(tc, ctx, top=False, children=rest)
                ctx.cell = saved
                if hmerge == "continue" and prev is not None:
                    # legacy horizontal merge: widen the previous cell
                    prev.span += span
                    prev.blocks.extend(b for b in cell.blocks if _has_content(b))
                    col += span
                    continue
                if vmerge == "continue" and col in open_merge:
                    origin = open_merge[col]
                    cell.origin = origin
                    origin.rowspan = ridx - origin.row + 1
                elif vmerge == "restart":
                    open_merge[col] = cell
                else:
                    open_merge.pop(col, None)
                    if vmerge == "continue":
                        cell.vmerge = None  # continue without a start: a plain cell
                # any other open merge overlapped by this cell ends
                for c in list(open_merge):
                    if c != col and col <= c < col + span:
                        open_merge.pop(c)
                row.cells.append(cell)
                prev = cell
                col += span
            # merges of columns this row does not reach are closed
            for c in list(open_merge):
                if not any(x.col == c for x in row.cells):
                    open_merge.pop(c)
            t.rows.append(row)
        return t


def _rows(tbl):
    for el in tbl[:]:
        tag = el.tag
        if tag == T_TR:
            yield el
        elif tag in (T_SDT, T_CUSTOMXML, T_INS, T_MOVETO):
            inner = _find(el, T_SDTCONTENT) if tag == T_SDT else el
            if inner is not None:
                yield from _rows(inner)
        elif tag == T_ALT:
            ch = _choose(el)
            if ch is not None:
                yield from _rows(ch)


def _cells(tr, kids=None, tags=None):
    """The w:tc of a row (``kids``/``tags``: its children and their tags,
    when already at hand)."""
    if kids is None:
        kids = tr[:]
        tags = [x.tag for x in kids]
    for el, tag in zip(kids, tags):
        if tag == T_TC:
            yield el
        elif tag in (T_SDT, T_CUSTOMXML, T_INS, T_MOVETO):
            inner = _find(el, T_SDTCONTENT) if tag == T_SDT else el
            if inner is not None:
                yield from _cells(inner)


def _has_content(b) -> bool:
    if isinstance(b, Paragraph):
        return bool(b.text or b.shapes or b.images)
    return True
