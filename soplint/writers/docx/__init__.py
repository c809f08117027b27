"""The standard-template writer: SOP model -> ``.docx`` in the PermenPAN-RB
35/2012 layout, with the flowchart drawn as native, editable DrawingML shapes.

Layout (see ``layout.py``): a landscape page (F4 by default, A4 by option);
first section: the identity table (``front.py``: logo cell with the
institution lines, every identity row of the standard) and the six detail
boxes; second section, on a new page: the procedure table (``procedure.py``)
with two header rows repeated on every page, column widths sized to the
texts (``colfit.py``), exact row heights, rows that never split, and every page but the last filled to the same height so the
writer knows where each page breaks. The flowchart's geometry is routed in
``route.py`` and can be checked with :func:`check_geometry`.

The reader's leftovers (``tak_terpetakan``) are not part of the official
document: the converter writes them to a side file. With the option
``lampiran`` they close the document as an appendix, "Catatan konversi".

``write(sop, path, options)`` writes atomically.
"""
from __future__ import annotations

import copy
import io
from typing import Optional

from soplint import atomic
from soplint.model import SOP
from soplint.values import norm_space
from soplint.writers.docx import layout as L
from soplint.writers.docx import measure, route
from soplint.writers.docx.shapes import symbol_words
from soplint.writers.docx.front import DETAIL_LABELS, DETAIL_SIZES, ID_LABELS, FrontMixin, logo_bytes, nip_spaced
from soplint.writers.docx.geometry import Drawing, Violation, check
from soplint.writers.docx.ooxml import el, para, q, sub, tw
from soplint.writers.docx.procedure import ProcedureMixin
from soplint.writers.docx.shapes import Ids

__all__ = ["write", "render", "plan", "drawing", "check_geometry", "leftovers", "undrawn_symbol_texts", "nip_spaced",
           "DETAIL_LABELS", "ID_LABELS"]

FONT = "Arial"
ID_SIZE = 10.0


# --------------------------------------------------------------------------
# public API

def write(sop: SOP, path, options: Optional[dict] = None) -> "L.Layout":
    """Write ``sop`` to ``path`` (atomically); returns the layout (pages)."""
    data, lay = render(sop, options)
    atomic.write_bytes(path, data)
    return lay


def render(sop: SOP, options: Optional[dict] = None) -> tuple[bytes, "L.Layout"]:
    options = dict(options or {})
    return _Writer(sop, options).build()


def plan(sop: SOP, options: Optional[dict] = None) -> "L.Layout":
    """The pagination the writer will use, without writing anything."""
    return _Writer(sop, dict(options or {})).plan()


def drawing(sop: SOP, options: Optional[dict] = None) -> Drawing:
    """The flowchart's geometry as the writer draws it."""
    return route.build(sop, plan(sop, options))


def check_geometry(sop: SOP, options: Optional[dict] = None) -> list[Violation]:
    """What a reader of the printed flowchart would stumble on: arrows through
    symbols or labels, runs along gridlines, labels across column borders,
    crossings without a hop, arrows on top of each other (empty: none)."""
    return check(drawing(sop, options))


def leftovers(sop: SOP) -> list[str]:
    """The reader's leftovers as printed in the appendix / side file: "[where] text"."""
    items = []
    for t in sop.tak_terpetakan:
        teks = norm_space(t.teks)
        if teks:
            items.append(f"[{norm_space(str(t.lokasi))}] {teks}" if t.lokasi else teks)
    return items


def undrawn_symbol_texts(sop: SOP, options: Optional[dict] = None, lay: Optional["L.Layout"] = None) -> list[str]:
    """The texts inside steps' symbols (``teks_simbol``) that do not fit their
    symbol as the writer draws it, so the output does not show them: "[where]
    text", for the side file. ``lay``: the layout :func:`write` returned (else
    it is planned from ``options``)."""
    texts = [k for k in sop.kegiatan if norm_space(k.teks_simbol or "")]
    if not texts:
        return []
    cols = (lay or plan(sop, options)).cols
    items = []
    for k in texts:
        size = L.symbol_size(k, cols)
        words, drawn = symbol_words(k.teks_simbol, L.preset_for(k), size.w, size.h)
        if drawn is None:
            items.append(f"[{norm_space(str(k.lokasi)) if k.lokasi else f'kegiatan {k.no}'}] {words}")
    return items


# --------------------------------------------------------------------------

class _Writer(FrontMixin, ProcedureMixin):
    def __init__(self, sop: SOP, options: dict):
        self.sop = sop
        self.options = options
        self.template = options.get("template")
        self.logo_data = logo_bytes(sop, options.get("logo"))
        self.appendix = bool(options.get("lampiran"))
        self.page = L.page_from(options)
        self.ids = Ids()

    # ---- planning -------------------------------------------------------
    def _template_page(self, sect) -> None:
        """Use the template's landscape page setup when it has one."""
        if sect is None:
            return
        sz = sect.find(q("w:pgSz"))
        mar = sect.find(q("w:pgMar"))
        if sz is None or mar is None:
            return
        w, h = int(sz.get(q("w:w"), 0)), int(sz.get(q("w:h"), 0))
        if w <= h:
            return
        def mm(v) -> float:
            return int(v) * 25.4 / 1440

        try:
            self.page = L.Page(mm(w), mm(h), mm(mar.get(q("w:top"))), mm(mar.get(q("w:bottom"))),
                               mm(mar.get(q("w:left"))), mm(mar.get(q("w:right"))),
                               mm(mar.get(q("w:header"), 454)), mm(mar.get(q("w:footer"), 454)))
        except (TypeError, ValueError):
            pass

    def plan(self) -> "L.Layout":
        if self.template:
            import docx

            d = docx.Document(str(self.template))
            self._template_page(d.element.body.find(q("w:sectPr")))
        return self._compute()

    def _compute(self) -> "L.Layout":
        """The layout: the procedure at its standard font and symbol sizes,
        unless symbols ``L.TRIM`` mm lower, the smaller ``L.SMALL_FONT``, or
        both save a page (in that order of preference: the text keeps its
        size where it can); the detail boxes' font chosen by ``_fit_front``."""
        size, lay = self._fit_front(None, 0.0)
        standard_font = lay.cols.font
        catatan = self._catatan_height() > 0
        for font, trim in ((None, L.TRIM), (L.SMALL_FONT, 0.0), (L.SMALL_FONT, L.TRIM)):
            if lay.proc_pages == 1 and (lay.shared or catatan):
                break  # nothing left to save on the procedure's side
            if font is not None and standard_font <= font:
                continue
            other = self._fit_front(font, trim)
            if other[1].pages < lay.pages:
                size, lay = other
        self.detail_size = size
        return lay

    def _fit_front(self, font, trim: float) -> tuple[float, "L.Layout"]:
        """The detail boxes' font: the largest size of DETAIL_SIZES that
        gives the fewest pages (and of those, the front part on the fewest
        pages), with the layout it gives. A front part ending near a
        page boundary is pushed clearly past it (``layout.compute``, its
        height being an estimate): at one size that leaves a page holding
        little more than the last detail box, where a slightly smaller font
        keeps the front part on one page less."""
        catatan = self._catatan_height()
        best = None
        for size in DETAIL_SIZES:
            self.detail_size = size
            lay = L.compute(self.sop, self.page, self._front_height(), catatan, font, trim)
            # fewest pages; then the front part whole on fewer pages (not its
            # last box on top of the procedure's page); then the largest font
            if best is None or (lay.pages, lay.front_pages) < (best[1].pages, best[1].front_pages):
                best = (size, lay)
            # a smaller font can only save a page of the front part, or let
            # a one-page procedure share the identity page
            if lay.front_pages == 1 and (lay.shared or lay.proc_pages > 1 or catatan):
                break
        return best

    # ---- the document ---------------------------------------------------
    def build(self) -> tuple[bytes, "L.Layout"]:
        import docx

        if self.template:
            doc = docx.Document(str(self.template))
        else:
            doc = docx.Document()
        body = doc.element.body
        base_sect = body.find(q("w:sectPr"))
        for child in list(body):
            if child is not base_sect:
                body.remove(child)
        if base_sect is None:
            base_sect = sub(body, "w:sectPr")
        if self.template:
            self._template_page(base_sect)
        else:
            self._style(doc)
        self._page_setup(base_sect)
        self.doc = doc
        lay = self._compute()
        self.lay = lay
        out = []
        self.router = route.Router(self.sop, lay)
        self.drawing = self.router.route_all()
        out.extend(self._identity())
        out.append(para(size=1, line_exact_pt=2))
        out.extend(self._detail())
        # end of the first section: the procedure starts on a new page
        end = para(size=1, line_exact_pt=L.SHARE_GAP / measure.PT_MM if lay.shared else 2)
        sect1 = copy.deepcopy(base_sect)
        end.find(q("w:pPr")).append(sect1)
        out.append(end)
        if lay.shared:  # the procedure follows on the same page
            base_sect.find(q("w:type")).set(q("w:val"), "continuous")
        out.extend(self._procedure())
        out.extend(self._catatan())
        for e in out:
            base_sect.addprevious(e)
        # drop the namespace declarations repeated on every built element
        # (the document root declares them all)
        from lxml import etree

        etree.cleanup_namespaces(body)
        core = doc.core_properties
        core.title = (self.sop.identitas.nama_sop or "")[:250]
        core.subject = "SOP AP"
        core.author = "soplint"
        core.comments = "Ditulis oleh soplint / written by soplint"
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue(), lay

    def _style(self, doc) -> None:
        st = doc.styles["Normal"]
        st.font.name = FONT
        st.font.size = None
        rpr = st.element.get_or_add_rPr()
        fonts = rpr.find(q("w:rFonts"))
        if fonts is None:
            fonts = sub(rpr, "w:rFonts")
        for k in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(q(k), FONT)
        lang = rpr.find(q("w:lang"))
        if lang is None:
            lang = sub(rpr, "w:lang")
        lang.set(q("w:val"), "id-ID")  # Indonesian proofing in Word
        from docx.shared import Pt

        st.font.size = Pt(ID_SIZE)
        pf = st.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing = 1.0

    def _page_setup(self, sect) -> None:
        pg = self.page
        # schema order: headerReference*, footerReference*, footnotePr, endnotePr, type, pgSz, pgMar, ...
        typ = sect.find(q("w:type"))
        if typ is None:
            typ = el("w:type")
            lead = [c for c in sect if c.tag in (q("w:headerReference"), q("w:footerReference"),
                                                 q("w:footnotePr"), q("w:endnotePr"))]
            if lead:
                lead[-1].addnext(typ)
            else:
                sect.insert(0, typ)
        typ.set(q("w:val"), "nextPage")
        sz = sect.find(q("w:pgSz"))
        if sz is None:
            sz = el("w:pgSz")
            typ.addnext(sz)
        sz.set(q("w:w"), str(tw(pg.width)))
        sz.set(q("w:h"), str(tw(pg.height)))
        sz.set(q("w:orient"), "landscape")
        mar = sect.find(q("w:pgMar"))
        if mar is None:
            mar = el("w:pgMar")
            sz.addnext(mar)
        for key, val in (("top", pg.top), ("bottom", pg.bottom), ("left", pg.left), ("right", pg.right),
                         ("header", pg.header), ("footer", pg.footer)):
            mar.set(q("w:" + key), str(tw(val)))
        mar.set(q("w:gutter"), "0")

    # ---- closing notes --------------------------------------------------
    def _catatan_items(self) -> list[str]:
        return leftovers(self.sop) if self.appendix else []

    def _catatan_height(self) -> float:
        items = self._catatan_items()
        if not items:
            return 0.0
        return measure.line_height_mm(11) + measure.text_height_mm(items, self.page.body_w, 9, slack=1.02)

    def _catatan(self) -> list:
        items = self._catatan_items()
        if not items:
            return []
        out = [para("Catatan konversi", bold=True, size=11, page_break_before=self.lay.catatan_break)]
        # the pagination spacer is spread over the notes (no page of blank space)
        after = self.lay.catatan_spacer / measure.PT_MM / len(items)
        for it in items:
            out.append(para(it, size=9, after_pt=after))
        return out
