"""PDF pages -> plain geometry: text runs with their boxes, vector paths with
their points, and a count of pictures. The only module of the PDF reader that
talks to the PDF library (pypdfium2, PDFium's Python binding).

Coordinates are PDF points with the origin at the top left of the page (y
grows downwards), so that "above" and "below" read as on paper.

PDFium is used through its raw functions on purpose: the object walk is then
about as fast as ``pdftotext -layout`` (see ``bench/pdf_read.py``), while the
higher-level helpers allocate a Python object per page object.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

#: page objects nested in form XObjects are followed this deep
MAX_FORM_DEPTH = 8
#: at most this many pictures of a page are looked at as possible connectors
MAX_PICTURES = 200


@dataclass(eq=False)
class Run:
    """A piece of text as drawn (one text object), with its box."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float = 0.0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(eq=False)
class SubPath:
    """One closed or open piece of a path: its points (Bézier control points
    dropped, end points kept) and whether it had curves."""

    pts: list
    closed: bool
    curved: bool

    def bbox(self):
        xs = [p[0] for p in self.pts]
        ys = [p[1] for p in self.pts]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(eq=False)
class Path:
    """A vector path object: its pieces, whether it is filled and/or stroked."""

    subs: list
    fill: bool
    stroke: bool
    width: float = 1.0
    #: read back from a picture of a connector (see :mod:`.raster`): open
    #: pieces are its lines, closed ones its arrowheads
    raster: bool = False


@dataclass(eq=False)
class Page:
    """One page: its size, the text runs, the paths and the number of pictures."""

    number: int  # 1-based
    width: float
    height: float
    runs: list = field(default_factory=list)
    paths: list = field(default_factory=list)
    images: int = 0
    #: boxes (x0, y0, x1, y1) of the pictures on the page
    image_boxes: list = field(default_factory=list)


def _mat_mul(a, b):
    """a then b (PDF matrices as (a, b, c, d, e, f))."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Reader:
    """Walks the pages of an open PDFium document."""

    def __init__(self, raw, pdfium_doc):
        self.R = raw
        self.doc = pdfium_doc
        self._fx = ctypes.c_float()
        self._fy = ctypes.c_float()
        self._b = [ctypes.c_float() for _ in range(4)]
        self._fs = ctypes.c_float()
        self._m = raw.FS_MATRIX()
        self._fillmode = ctypes.c_int()
        self._stroke = ctypes.c_int()
        self._rect = raw.FS_RECTF()

    def page(self, index: int) -> Page:
        R = self.R
        page = self.doc[index]
        try:
            w, h = page.get_size()
            tp = page.get_textpage()
            out = Page(number=index + 1, width=w, height=h)
            try:
                praw = page.raw
                self._praw = praw
                self._pictures = 0
                n = R.FPDFPage_CountObjects(praw)
                objs = [R.FPDFPage_GetObject(praw, i) for i in range(n)]
                self._walk(objs, None, out, tp.raw, h, 0)
                self._words(tp.raw, out, h)
            finally:
                tp.close()
        finally:
            page.close()
        return out

    def _matrix(self, obj):
        m = self._m
        if not self.R.FPDFPageObj_GetMatrix(obj, m):
            return _IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _walk(self, objs, ctm, out: Page, tp, h: float, depth: int) -> None:
        R = self.R
        b = self._b
        for obj in objs:
            t = R.FPDFPageObj_GetType(obj)
            if t == R.FPDF_PAGEOBJ_PATH:
                self._path(obj, ctm, out, h)
            elif t == R.FPDF_PAGEOBJ_IMAGE:
                out.images += 1
                if R.FPDFPageObj_GetBounds(obj, b[0], b[1], b[2], b[3]):
                    x0, y0, x1, y1 = b[0].value, b[1].value, b[2].value, b[3].value
                    if ctm is not None:
                        (x0, y0), (x1, y1) = _apply(ctm, x0, y0), _apply(ctm, x1, y1)
                    box = (min(x0, x1), h - max(y0, y1), max(x0, x1), h - min(y0, y1))
                    out.image_boxes.append(box)
                    try:
                        self._picture(obj, ctm, box, out)
                    except MemoryError:
                        raise
                    except Exception:  # noqa: BLE001 - a picture PDFium cannot render is no connector
                        pass
            elif t == R.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                m = self._matrix(obj)
                sub = m if ctm is None else _mat_mul(m, ctm)
                k = R.FPDFFormObj_CountObjects(obj)
                kids = [R.FPDFFormObj_GetObject(obj, i) for i in range(max(k, 0))]
                self._walk(kids, sub, out, tp, h, depth + 1)

    def _words(self, tp, out: Page, h: float) -> None:
        """Words from the text layer, character by character: a word ends at a
        space, a line end, or a visible gap (text objects may hold several
        cells' text, so they are not used as units)."""
        R = self.R
        n = R.FPDFText_CountChars(tp)
        if n <= 0:
            return
        rect = self._rect
        get_u = R.FPDFText_GetUnicode
        get_box = R.FPDFText_GetLooseCharBox
        chars: list = []
        x0 = y0 = x1 = y1 = 0.0
        runs = out.runs

        def flush():
            if chars:
                runs.append(Run("".join(chars), x0, h - y1, x1, h - y0))
                chars.clear()

        for i in range(n):
            u = get_u(tp, i)
            if u == 2:
                u = 0x2D  # PDFium marks a hyphen it takes for a line-end one as 0x02
            if u <= 32 or u in (0xA0, 0xFFFE, 0xFFFF, 0x2002, 0x2003, 0x2009, 0x200B):
                flush()
                continue
            get_box(tp, i, rect)
            l, t, r, b = rect.left, rect.top, rect.right, rect.bottom
            if b > t:
                b, t = t, b
            ch = t - b
            if chars:
                lh = y1 - y0
                if abs(b - y0) > 0.45 * max(lh, ch) or l - x1 > 0.25 * max(lh, ch) or l < x1 - 0.6 * max(lh, ch):
                    flush()
            if not chars:
                x0, y0, x1, y1 = l, b, r, t
            else:
                x1 = max(x1, r)
                y0 = min(y0, b)
                y1 = max(y1, t)
            chars.append(chr(u) if u < 0xD800 or u > 0xDFFF else "\ufffd")
        flush()

    def _path(self, obj, ctm, out: Page, h: float) -> None:
        R = self.R
        n = R.FPDFPath_CountSegments(obj)
        if n <= 0:
            return
        R.FPDFPath_GetDrawMode(obj, self._fillmode, self._stroke)
        fill = self._fillmode.value != 0
        stroke = bool(self._stroke.value)
        if not fill and not stroke:
            return
        m = self._matrix(obj)
        if ctm is not None:
            m = _mat_mul(m, ctm)
        a, bb, c, d, e, f = m
        plain = m == _IDENTITY
        x, y = self._fx, self._fy
        subs = []
        cur = None
        bez = 0
        for i in range(n):
            sg = R.FPDFPath_GetPathSegment(obj, i)
            R.FPDFPathSegment_GetPoint(sg, x, y)
            px, py = x.value, y.value
            if not plain:
                px, py = a * px + c * py + e, bb * px + d * py + f
            py = h - py
            kind = R.FPDFPathSegment_GetType(sg)
            if kind == R.FPDF_SEGMENT_MOVETO or cur is None:
                cur = SubPath([(px, py)], False, False)
                subs.append(cur)
                bez = 0
            elif kind == R.FPDF_SEGMENT_BEZIERTO:
                cur.curved = True
                bez += 1
                if bez % 3 == 0:  # the end point of the curve (two control points before it)
                    cur.pts.append((px, py))
            else:
                cur.pts.append((px, py))
            if R.FPDFPathSegment_GetClose(sg):
                cur.closed = True
        width = 1.0
        if stroke and R.FPDFPageObj_GetStrokeWidth(obj, self._fs):
            width = self._fs.value
        out.paths.append(Path(subs, fill, stroke, width))

    def _picture(self, obj, ctm, box, out: Page) -> None:
        """A small picture that draws connector lines (see :mod:`.raster`):
        rendered with its mask at about ``raster.SCALE`` pixels a point and
        read back into a path of lines and arrowheads."""
        from soplint.readers.pdf import raster

        x0, y0, x1, y1 = box
        bw, bh = x1 - x0, y1 - y0
        if bw <= 0.3 or bh <= 0.3 or self._pictures >= MAX_PICTURES:
            return
        scale = min(raster.SCALE, (raster.MAX_PIXELS / (bw * bh)) ** 0.5)
        if scale < 1.5:
            return  # too large for a connector
        if ctm is not None and (abs(ctm[1]) > 1e-6 or abs(ctm[2]) > 1e-6):
            return  # a turned form: only pictures upright on the page are read
        R = self.R
        if not hasattr(R, "FPDFImageObj_GetRenderedBitmap") or not hasattr(R, "FPDFPageObj_SetMatrix"):
            return
        self._pictures += 1
        m = self._m
        if not R.FPDFPageObj_GetMatrix(obj, m):
            return
        own = (m.a, m.b, m.c, m.d, m.e, m.f)
        ow = abs(own[0]) + abs(own[2])
        if ow <= 0:
            return
        k = scale * bw / ow
        R.FPDFPageObj_SetMatrix(obj, R.FS_MATRIX(own[0] * k, own[1] * k, own[2] * k, own[3] * k, own[4], own[5]))
        try:
            bm = R.FPDFImageObj_GetRenderedBitmap(self.doc.raw, self._praw, obj)
        finally:
            R.FPDFPageObj_SetMatrix(obj, R.FS_MATRIX(*own))
        if not bm:
            return
        try:
            w, h = R.FPDFBitmap_GetWidth(bm), R.FPDFBitmap_GetHeight(bm)
            stride, fmt = R.FPDFBitmap_GetStride(bm), R.FPDFBitmap_GetFormat(bm)
            if w <= 0 or h <= 0 or w * h > 4 * raster.MAX_PIXELS or fmt not in (2, 3, 4):
                return
            data = ctypes.string_at(R.FPDFBitmap_GetBuffer(bm), stride * h)
        finally:
            R.FPDFBitmap_Destroy(bm)
        ink = raster.ink_of(data, w, h, stride, 3 if fmt == 2 else 4, alpha=fmt == 4)
        found = raster.vectorise(ink, w, h, (w / bw + h / bh) / 2)
        if found is None:
            return
        flip_x = ctm is not None and ctm[0] < 0
        flip_y = ctm is not None and ctm[3] < 0

        def at(px, py):
            fx, fy = px / w, py / h
            return (x1 - fx * bw if flip_x else x0 + fx * bw), (y1 - fy * bh if flip_y else y0 + fy * bh)

        lines, heads = found
        subs = [SubPath([at(*a), at(*b)], False, False) for a, b in lines]
        subs += [SubPath([at(*p) for p in tri + (tri[0],)], True, False) for tri in heads]
        out.paths.append(Path(subs, True, False, raster=True))


def _apply(m, x, y):
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
