"""The standard-template writer: SOP model -> ``.docx`` in the PermenPAN-RB
35/2012 layout, with the flowchart drawn as native, editable DrawingML shapes.

Layout (see ``layout.py``): a landscape page (F4 by default, A4 by option);
first section: the identity table (logo cell with the institution lines,
Nomor SOP ... Nama SOP) and the detail table (Dasar Hukum | Kualifikasi
Pelaksana, ...); second section, on a new page: the procedure table with two
header rows repeated on every page, exact row heights, rows that never split,
and every page but the last filled to the same height so the writer knows
where each page breaks; a closing "Catatan konversi" for text the reader
could not place.

``write(sop, path, options)`` writes atomically. ``canonical(sop)`` is the
model as the written document says it (dates in canonical Indonesian, the
drawn shape names, ...): reading the output back gives exactly that.
"""
from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Optional

from soplint import atomic, labels
from soplint.model import DAFTAR_FIELDS, SOP, Kegiatan, Pengesahan, TakTerpetakan, Waktu
from soplint.values import format_tanggal, norm_space, parse_nip, parse_tanggal, parse_waktu, split_items
from soplint.writers.docx import layout as L
from soplint.writers.docx import measure
from soplint.writers.docx.ooxml import cell, el, para, q, row, sub, table, tw
from soplint.writers.docx.shapes import Ids, connector, label, symbol

__all__ = ["write", "render", "canonical", "plan"]

FONT = "Arial"
HEADER_FILL = "D9D9D9"
#: the detail lists with the standard's names of them (soplint/data/labels.json)
DETAIL_LABELS = tuple((key, labels.name(key)) for key in DAFTAR_FIELDS)
ID_SIZE = 10.0
DETAIL_SIZE = 10.0
INSTANSI_SIZE = 12.0
LOGO_H = 22.0


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


def nip_spaced(nip: str) -> str:
    """"196111221989031005" -> "19611122 198903 1 005" (the usual print)."""
    if nip and len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def canonical(sop: SOP, options: Optional[dict] = None) -> SOP:
    """The model as a reader gives it back from this writer's output
    (ignoring ``sumber`` and ``lokasi``; ``tak_terpetakan`` comes back from
    the closing "Catatan konversi")."""
    merges = L.waktu_merges(sop, plan(sop, options).page_of) if sop.kegiatan else {}
    groups = {}
    for i, k in enumerate(sop.kegiatan):
        if merges.get(i) == "restart":
            groups[k.no] = list(k.waktu.gabungan)
    s = copy.deepcopy(sop)
    s.lokasi = {}
    s.tak_terpetakan = [TakTerpetakan(norm_space(t.teks), norm_space(str(t.lokasi or ""))) for t in s.tak_terpetakan
                        if norm_space(t.teks)]
    idn = s.identitas
    idn.instansi = [t for t in (norm_space(x) for x in idn.instansi) if t]
    if idn.nomor_sop is not None:
        idn.nomor_sop = norm_space(idn.nomor_sop)
    if idn.nama_sop is not None:
        idn.nama_sop = norm_space(idn.nama_sop)
    for name in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        t = getattr(idn, name)
        if t is not None:
            setattr(idn, name, parse_tanggal(_date_text(t)))
    d = idn.disahkan_oleh
    if d is not None:
        jab = norm_space(d.jabatan) if d.jabatan else None
        nama = norm_space(d.nama) if d.nama else None
        pangkat = norm_space(d.pangkat) if d.pangkat else None
        nip = parse_nip(d.nip) if d.nip else None
        idn.disahkan_oleh = Pengesahan(jab or None, nama or None, pangkat or None, nip)
    for key, _label in DETAIL_LABELS:
        items = getattr(s, key)
        if items is not None:
            out: list[str] = []
            for i, item in enumerate(items, 1):
                out.extend(split_items([f"{i}. {item}"]))
            setattr(s, key, out)
    s.pelaksana = [norm_space(p) for p in s.pelaksana]
    s.lainnya = {norm_space(k): norm_space(v) for k, v in s.lainnya.items() if norm_space(k)}
    nos = {k.no for k in s.kegiatan}
    first_terminator = True
    for i, k in enumerate(s.kegiatan):
        g = None
        if merges.get(i):
            g = next(v for v in groups.values() if k.no in v)
        k.lokasi = None
        k.uraian = norm_space(k.uraian)
        k.kelengkapan = norm_space(k.kelengkapan)
        k.output = norm_space(k.output)
        k.keterangan = norm_space(k.keterangan)
        if k.pelaksana is not None:
            k.pelaksana = norm_space(k.pelaksana)
        k.pelaksana_lain = [norm_space(p) for p in k.pelaksana_lain]
        if k.waktu is not None:
            w = parse_waktu(k.waktu.teks)
            k.waktu = Waktu(w.teks, w.menit, g) if w is not None else None
        drawn = L.actor_col(s, k) is not None
        if drawn:
            prst = L.preset_for(k)
            k.bentuk = prst
            if prst == "flowChartTerminator":
                k.simbol = "mulai" if first_terminator else "selesai"
                first_terminator = False
        if k.simbol == "keputusan" and k.cabang is not None:
            ya = k.cabang.ya if k.cabang.ya in nos else None
            tidak = k.cabang.tidak if k.cabang.tidak in nos else None
            k.cabang.ya, k.cabang.tidak = ya, tidak
            extra = [n for n in k.lanjut if n in nos and n not in (ya, tidak)]
            k.lanjut = ([ya] if ya is not None else []) + list(dict.fromkeys(extra))
        else:
            k.lanjut = [n for n in dict.fromkeys(k.lanjut) if n in nos]
    return s


def _date_text(t) -> str:
    if t.tanggal:
        return format_tanggal(t)
    return norm_space(t.teks)


# --------------------------------------------------------------------------

class _Writer:
    def __init__(self, sop: SOP, options: dict):
        self.sop = sop
        self.options = options
        self.template = options.get("template")
        self.logo = options.get("logo")
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
        return L.compute(self.sop, self.page, self._front_height(), self._catatan_height())

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
        lay = L.compute(self.sop, self.page, self._front_height(), self._catatan_height())
        self.lay = lay
        out = []
        out.extend(self._identity())
        out.append(para(size=1, line_exact_pt=2))
        out.extend(self._detail())
        if lay.front_spacer > 0 and not self._id_rows():
            out.append(para(size=1, line_exact_pt=lay.front_spacer / measure.PT_MM))
        # end of the first section: the procedure starts on a new page
        end = para(size=1, line_exact_pt=2)
        sect1 = copy.deepcopy(base_sect)
        end.find(q("w:pPr")).append(sect1)
        out.append(end)
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

    # ---- identity -------------------------------------------------------
    def _id_widths(self) -> list[float]:
        bw = self.page.body_w
        logo = round(bw * 0.32, 1)
        lab = 40.0
        return [logo, lab, bw - logo - lab]

    def _id_rows(self) -> list[tuple[str, object]]:
        idn = self.sop.identitas
        rows: list[tuple[str, object]] = []
        if idn.nomor_sop is not None:
            rows.append(("Nomor SOP", idn.nomor_sop))
        for key, lab in (("tanggal_pembuatan", "Tanggal Pembuatan"), ("tanggal_revisi", "Tanggal Revisi"),
                         ("tanggal_efektif", "Tanggal Efektif")):
            t = getattr(idn, key)
            if t is not None:
                rows.append((lab, _date_text(t)))
        if idn.disahkan_oleh is not None:
            rows.append(("Disahkan oleh", idn.disahkan_oleh))
        if idn.nama_sop is not None:
            rows.append(("Nama SOP", idn.nama_sop))
        for k, v in self.sop.lainnya.items():
            rows.append((k, v))
        return rows

    def _pengesahan_lines(self, d: Pengesahan) -> list[tuple[str, dict]]:
        lines: list[tuple[str, dict]] = []
        if d.jabatan:
            lines.append((norm_space(d.jabatan), {}))
        lines += [("", {}), ("", {}), ("", {})]
        if d.nama:
            lines.append((norm_space(d.nama), {"bold": True, "underline": True}))
        if d.pangkat:
            lines.append((norm_space(d.pangkat), {}))
        if d.nip:
            lines.append(("NIP. " + nip_spaced(parse_nip(d.nip) or d.nip), {}))
        return lines

    def _logo_paragraphs(self) -> list:
        ps = []
        if self.logo and Path(self.logo).is_file():
            ps.append(self._picture_paragraph(Path(self.logo)))
        for line in self.sop.identitas.instansi:
            if norm_space(line):
                ps.append(para(norm_space(line), align="center", bold=True, size=INSTANSI_SIZE))
        return ps or [para()]

    def _picture_paragraph(self, path: Path):
        from docx.shared import Mm

        # python-docx builds the inline picture; we move its paragraph
        p = self.doc.add_paragraph()
        p.add_run().add_picture(str(path), height=Mm(LOGO_H))
        p.alignment = 1
        el_ = p._p
        el_.getparent().remove(el_)
        return el_

    def _id_heights(self) -> tuple[list[float], float]:
        """Estimated height of each identity row (never below 6 mm) and of the
        logo cell. The rows are written with these as their minimum heights;
        the estimate errs tall, so the rows come out at exactly these."""
        widths = self._id_widths()
        hs = []
        for lab, val in self._id_rows():
            if isinstance(val, Pengesahan):
                lines = [t for t, _ in self._pengesahan_lines(val)]
                h = measure.text_height_mm(lines, widths[2] - 2, ID_SIZE)
            else:
                h = max(measure.text_height_mm([str(val)], widths[2] - 2, ID_SIZE, bold=True),
                        measure.text_height_mm([lab], widths[1] - 2, ID_SIZE))
            hs.append(max(h + 0.5, 6.0))
        left = measure.text_height_mm(self.sop.identitas.instansi or [""], widths[0] - 2, INSTANSI_SIZE, bold=True)
        if self.logo:
            left += LOGO_H + 1
        return hs, left

    def _identity(self) -> list:
        widths = self._id_widths()
        rows = self._id_rows()
        heights, left = self._id_heights()
        # the rows absorb the logo cell's extra height and the pagination spacer
        extra = max(0.0, left - sum(heights)) + self.lay.front_spacer
        if heights:
            heights = [h + extra / len(heights) for h in heights]
        t = table(widths)
        for i, (lab, val) in enumerate(rows):
            tr = row(t, height_mm=round(heights[i], 2), cant_split=True)
            if i == 0:
                cell(tr, widths[0], self._logo_paragraphs(), vmerge="restart" if len(rows) > 1 else None,
                     valign="center")
            else:
                cell(tr, widths[0], [para()], vmerge="continue")
            cell(tr, widths[1], [para(lab, size=ID_SIZE)], valign="center")
            if isinstance(val, Pengesahan):
                ps = [para(text, align="center", size=ID_SIZE, **fmt) for text, fmt in self._pengesahan_lines(val)]
                cell(tr, widths[2], ps, valign="center")
            else:
                bold = lab == "Nama SOP"
                cell(tr, widths[2], [para(norm_space(str(val)), size=ID_SIZE, bold=bold)], valign="center")
        if not rows:
            tr = row(t)
            cell(tr, widths[0], self._logo_paragraphs(), valign="center")
            cell(tr, widths[1], [para()])
            cell(tr, widths[2], [para()])
        return [t]

    def _detail(self) -> list:
        bw = self.page.body_w
        half = round(bw / 2, 1)
        widths = [half, bw - half]
        t = table(widths)
        for left, right in zip(DETAIL_LABELS[0::2], DETAIL_LABELS[1::2]):
            tr = row(t, cant_split=False)
            for (key, lab), w in ((left, widths[0]), (right, widths[1])):
                cell(tr, w, self._detail_paragraphs(key, lab))
        return [t]

    def _detail_paragraphs(self, key: str, lab: str) -> list:
        items = getattr(self.sop, key)
        if items is None:
            return [para()]
        ps = [para(lab + ":", bold=True, size=DETAIL_SIZE)]
        clean = [norm_space(x) for x in items if norm_space(x)]
        if not clean:
            ps.append(para("-", size=DETAIL_SIZE))
        for i, item in enumerate(clean, 1):
            ps.append(para(f"{i}.\t{item}", size=DETAIL_SIZE, hanging_mm=6.0))
        return ps

    def _front_height(self) -> float:
        lh = measure.line_height_mm(ID_SIZE)
        heights, left = self._id_heights()
        total = max(left, sum(heights), lh)
        half = self.page.body_w / 2
        for lk, rk in zip(DETAIL_LABELS[0::2], DETAIL_LABELS[1::2]):
            hs = []
            for key, lab in (lk, rk):
                items = getattr(self.sop, key)
                if items is None:
                    hs.append(lh)
                    continue
                # the number sits in the hanging indent: measure the item text only
                texts = [norm_space(x) for x in items if norm_space(x)] or ["-"]
                hs.append(lh + measure.text_height_mm(texts, half - 2 - 6, DETAIL_SIZE, slack=1.02))
            total += max(hs) + 0.3
        return total + 2.0

    # ---- procedure ------------------------------------------------------
    def _procedure(self) -> list:
        sop, lay, cols = self.sop, self.lay, self.lay.cols
        widths = cols.widths
        n = cols.n_actors
        f = cols.font
        # one actor: its column is two grid columns merged, so that "Pelaksana"
        # over it reads as a group header with the actor's name under it (a
        # lone "Pelaksana" column would read as a text column of names)
        gspan = 2 if n == 1 else 1
        grid = widths[:2] + [cols.actor / 2] * 2 + widths[3:] if n == 1 else widths
        t = table(grid, cell_margin_mm=L.CELL_PAD)
        # header rows (repeated on every page)
        h1 = row(t, height_mm=L.HEADER1, exact=True, header=True)
        hp = lambda s: [para(s, align="center", bold=True, size=f)]  # noqa: E731
        cell(h1, widths[0], hp("No"), vmerge="restart", valign="center", fill=HEADER_FILL)
        cell(h1, widths[1], hp("Kegiatan"), vmerge="restart", valign="center", fill=HEADER_FILL)
        cell(h1, cols.actor * n, hp("Pelaksana"), span=n * gspan, valign="center", fill=HEADER_FILL)
        cell(h1, cols.kelengkapan + cols.waktu + cols.output, hp("Mutu Baku"), span=3, valign="center",
             fill=HEADER_FILL)
        cell(h1, cols.keterangan, hp("Keterangan"), vmerge="restart", valign="center", fill=HEADER_FILL)
        h2 = row(t, height_mm=lay.header2, exact=True, header=True)
        cell(h2, widths[0], [para()], vmerge="continue", fill=HEADER_FILL)
        cell(h2, widths[1], [para()], vmerge="continue", fill=HEADER_FILL)
        actors = sop.pelaksana or [""]
        fa = L.header_font(sop, cols)
        for a in actors:
            cell(h2, cols.actor, [para(norm_space(a), align="center", bold=True, size=fa)], valign="center",
                 fill=HEADER_FILL, span=gspan)
        for name, w in (("Kelengkapan", cols.kelengkapan), ("Waktu", cols.waktu), ("Output", cols.output)):
            cell(h2, w, [para(name, align="center", bold=True, size=fa)], valign="center", fill=HEADER_FILL)
        cell(h2, cols.keterangan, [para()], vmerge="continue", fill=HEADER_FILL)

        self.sym_ids = {k.no: self.ids.new() for k in sop.kegiatan}
        self.geo = self._geometry()
        drawings = self._drawings()
        merges = L.waktu_merges(sop, lay.page_of)
        for i, k in enumerate(sop.kegiatan):
            tr = row(t, height_mm=lay.rows[i], exact=True)
            tx = lambda s, al=None: [para(norm_space(s), align=al, size=f)]  # noqa: E731
            cell(tr, widths[0], tx(str(k.no), "center"), valign="center")
            cell(tr, widths[1], tx(k.uraian), valign="center")
            for c in range(n):
                anchor = para(size=1, line_exact_pt=1)
                for r in drawings.get((i, c), []):
                    anchor.append(r)
                cell(tr, cols.actor, [anchor], no_margins=True, span=gspan)
            cell(tr, cols.kelengkapan, tx(k.kelengkapan, "center"), valign="center")
            if merges.get(i) == "continue":
                cell(tr, cols.waktu, [para(size=f)], vmerge="continue", valign="center")
            else:
                cell(tr, cols.waktu, tx(k.waktu.teks if k.waktu else "", "center"), valign="center",
                     vmerge=merges.get(i))
            cell(tr, cols.output, tx(k.output, "center"), valign="center")
            cell(tr, cols.keterangan, tx(k.keterangan), valign="center")
        return [t, para(size=1, line_exact_pt=1)]

    def _geometry(self) -> dict:
        """Per step row: page-local top y, and the symbol box (cx, cy, w, h)."""
        sop, lay, cols = self.sop, self.lay, self.lay.cols
        geo = {}
        y = 0.0
        page = -1
        for i, k in enumerate(sop.kegiatan):
            if lay.page_of[i] != page:
                page = lay.page_of[i]
                y = L.HEADER1 + lay.header2
            h = lay.rows[i]
            c = L.actor_col(sop, k)
            size = L.symbol_size(k, cols)
            top = L.PENT_ROOM if lay.top_room[i] else 0.0
            bottom = L.PENT_ROOM if lay.bottom_room[i] else 0.0
            cy = y + top + (h - top - bottom) / 2
            cx = cols.actor_left(c) + cols.actor / 2 if c is not None else None
            geo[i] = {"y": y, "h": h, "c": c, "cx": cx, "cy": cy, "w": size.w, "sh": size.h}
            y += h
        return geo

    @staticmethod
    def _port(g: dict, port: str) -> tuple[float, float]:
        if port == "atas":
            return g["cx"], g["cy"] - g["sh"] / 2
        if port == "bawah":
            return g["cx"], g["cy"] + g["sh"] / 2
        if port == "kiri":
            return g["cx"] - g["w"] / 2, g["cy"]
        return g["cx"] + g["w"] / 2, g["cy"]

    @staticmethod
    def _side_point(g: dict, k: Kegiatan, port: str, dy: float) -> tuple[float, float]:
        """A point on the left/right outline of a symbol, dy from its middle."""
        half_w, half_h = g["w"] / 2, g["sh"] / 2
        prst = L.preset_for(k)
        if prst == "flowChartDecision":
            dx = half_w * (1 - abs(dy) / half_h)
        elif prst == "flowChartTerminator":
            r = half_h
            dx = half_w - r + (max(r * r - dy * dy, 0.0)) ** 0.5
        else:
            dx = half_w
        return (g["cx"] + dx if port == "kanan" else g["cx"] - dx), g["cy"] + dy

    def _drawings(self) -> dict:
        """All runs holding shapes, keyed by (row index, actor column)."""
        sop, lay, cols = self.sop, self.lay, self.lay.cols
        out: dict[tuple[int, int], list] = {}
        index = {k.no: i for i, k in enumerate(sop.kegiatan)}

        def origin(i: int, c: int) -> tuple[float, float]:
            return cols.actor_left(c), self.geo[i]["y"]

        def put(i, c, r):
            out.setdefault((i, c), []).append(r)

        # symbols
        for i, k in enumerate(sop.kegiatan):
            g = self.geo[i]
            if g["c"] is None:
                continue
            ox, oy = origin(i, g["c"])
            prst = L.preset_for(k)
            r, _ = symbol(self.ids, prst, f"soplint:kegiatan:{k.no}", k.simbol,
                          g["cx"] - g["w"] / 2 - ox, g["cy"] - g["sh"] / 2 - oy, g["w"], g["sh"],
                          sid=self.sym_ids[k.no])
            put(i, g["c"], r)
            for other in k.pelaksana_lain:
                if other in sop.pelaksana and other != k.pelaksana:
                    c2 = sop.pelaksana.index(other)
                    r2, _ = symbol(self.ids, prst, f"soplint:kegiatan:{k.no}:lain", k.simbol,
                                   cols.actor / 2 - g["w"] / 2, g["cy"] - g["sh"] / 2 - oy, g["w"], g["sh"])
                    put(i, c2, r2)
        # arrows
        offpage_in: dict[int, int] = {}  # target row -> pentagon id (one per target)
        side_count: dict[tuple[int, str], int] = {}
        for e in lay.edges:
            if e.kind in ("none", ""):
                continue
            a, b = index[e.src], index[e.dst]
            ga, gb = self.geo[a], self.geo[b]
            ox, oy = origin(a, ga["c"])
            sid_a, sid_b = self.sym_ids[e.src], self.sym_ids[e.dst]
            suffix = f":{e.cabang}" if e.cabang else ""
            descr = {"ya": "Ya", "tidak": "Tidak"}.get(e.cabang or "", "")
            if e.kind == "straight":
                pts = [self._port(ga, "bawah"), self._port(gb, "atas")]
            elif e.kind == "elbow":
                s = self._port(ga, e.src_port)
                d = self._port(gb, "atas")
                pts = [s, (d[0], s[1]), d]
            elif e.kind == "lane":
                s = self._port(ga, e.src_port)
                d = self._port(gb, e.dst_port)
                # a side shared with other arrows: run alongside them, not on top
                if lay.ports.get((b, e.dst_port), 0) > 1:
                    d = self._side_point(gb, sop.kegiatan[b], e.dst_port, -min(1.8, gb["sh"] / 4))
                if lay.ports.get((a, e.src_port), 0) > 1:
                    s = self._side_point(ga, sop.kegiatan[a], e.src_port, min(1.8, ga["sh"] / 4))
                if abs(d[0] - s[0]) < 0.2:
                    d = (d[0] + (-0.3 if e.src_port == "kanan" else 0.3), d[1])
                pts = [s, (e.lane, s[1]), (e.lane, d[1]), d]
            else:
                pts = None
            if pts is not None:
                put(a, ga["c"], connector(self.ids, f"soplint:panah:{e.src}:{e.dst}{suffix}", descr, pts,
                                          (sid_a, e.src_port), (sid_b, e.dst_port), (ox, oy)))
                if e.cabang:
                    put(a, ga["c"], self._branch_label(e, pts[0], e.src_port, (ox, oy)))
                continue
            # off-page: a pentagon under (or beside) the source ...
            port = "bawah"
            k = side_count.get((a, "n"), 0)
            if lay.ports.get((a, "bawah")) or k > 0:
                port = "kanan" if not lay.ports.get((a, "kanan")) and not side_count.get((a, "kanan")) else "kiri"
            side_count[(a, "n")] = k + 1
            side_count[(a, port)] = side_count.get((a, port), 0) + 1
            s = self._port(ga, port)
            pw, ph = L.PENT.w, L.PENT.h
            if port == "bawah":
                px, py = s[0] - pw / 2, s[1] + 3.0
                end = (s[0], py)
                end_site = "atas"
            elif port == "kanan":
                px, py = s[0] + 3.0, s[1] - ph / 2
                end = (px, s[1])
                end_site = "kiri"
            else:
                px, py = s[0] - 3.0 - pw, s[1] - ph / 2
                end = (px + pw, s[1])
                end_site = "kanan"
            pr, pid = symbol(self.ids, "flowChartOffpageConnector", f"soplint:penghubung:{e.label}:keluar", e.label,
                             px - ox, py - oy, pw, ph, text=e.label, text_size=7)
            put(a, ga["c"], pr)
            put(a, ga["c"], connector(self.ids, f"soplint:panah:{e.src}:{e.dst}{suffix}:keluar", descr, [s, end],
                                      (sid_a, port), (pid, end_site), (ox, oy)))
            if e.cabang:
                put(a, ga["c"], self._branch_label(e, s, port, (ox, oy)))
            # ... and one above (or beside) the target, shared by every edge into it
            if b in offpage_in:
                continue
            oxb, oyb = origin(b, gb["c"])
            d = self._port(gb, "atas")
            if lay.ports.get((b, "atas")):
                d = self._port(gb, "kiri")
                qx, qy = d[0] - 3.0 - pw, d[1] - ph / 2
                st = (qx + pw, d[1])
                st_site, end_port = "kanan", "kiri"
            else:
                qx, qy = d[0] - pw / 2, d[1] - 3.0 - ph
                st = (d[0], qy + ph)
                st_site, end_port = "bawah", "atas"
            qr, qid = symbol(self.ids, "flowChartOffpageConnector", f"soplint:penghubung:{e.label}:masuk", e.label,
                             qx - oxb, qy - oyb, pw, ph, text=e.label, text_size=7)
            offpage_in[b] = qid
            put(b, gb["c"], qr)
            put(b, gb["c"], connector(self.ids, f"soplint:panah:{e.label}:{e.dst}:masuk", "", [st, d],
                                      (qid, st_site), (sid_b, end_port), (oxb, oyb)))
        return out

    def _branch_label(self, e: "L.Edge", start, port: str, origin):
        text = "Ya" if e.cabang == "ya" else "Tidak"
        w = measure.text_width_mm(text, 7) + 3.0
        h = 3.2
        x, y = start
        if port == "bawah":
            bx, by = x + 0.8, y + 0.3
        elif port == "kanan":
            bx, by = x + 0.6, y - h - 0.2
        elif port == "kiri":
            bx, by = x - w - 0.6, y - h - 0.2
        else:
            bx, by = x + 0.8, y - h - 0.3
        return label(self.ids, f"soplint:label:{e.src}:{e.cabang}", text, bx - origin[0], by - origin[1], w, h)

    # ---- closing notes --------------------------------------------------
    def _catatan_items(self) -> list[str]:
        items = []
        for t in self.sop.tak_terpetakan:
            teks = norm_space(t.teks)
            if teks:
                items.append(f"[{norm_space(str(t.lokasi))}] {teks}" if t.lokasi else teks)
        return items

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
