"""The first part of the standard form: the identity table (logo cell with the
institution lines, Nomor SOP ... Nama SOP) and the detail boxes (Dasar Hukum |
Kualifikasi Pelaksana, ...).

The form is always complete: every identity row and every detail box of the
standard is written, left blank where the source has nothing, so that the
reviewer can fill it in by hand.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Optional

from soplint import labels
from soplint.model import DAFTAR_FIELDS, Pengesahan
from soplint.values import format_tanggal, norm_space, parse_nip
from soplint.writers.docx import measure
from soplint.writers.docx.ooxml import cell, para, row, table

HEADER_FILL = "D9D9D9"
#: the detail lists with the standard's names of them (soplint/data/labels.json)
DETAIL_LABELS = tuple((key, labels.name(key)) for key in DAFTAR_FIELDS)
ID_LABELS = tuple((key, labels.name(key)) for key in ("nomor_sop", "tanggal_pembuatan", "tanggal_revisi",
                                                      "tanggal_efektif", "disahkan_oleh", "nama_sop"))
ID_SIZE = 10.0
DETAIL_SIZE = 10.0
#: detail box font sizes the writer may step down to (largest first) when a
#: smaller one saves a page: the front part would otherwise spill a few lines
#: onto a page of their own, or keep a short procedure off the identity page
DETAIL_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0)
INSTANSI_SIZE = 12.0
LOGO_H = 22.0
#: the smallest identity row and detail box (mm): room to write by hand
MIN_ROW = 6.0
MIN_BOX = 12.0

#: words that open a position: where a merged "a.n. ..." signing line is cut
_POSITION = re.compile(r"\s(?=(?:KEPALA|SEKRETARIS|CAMAT|LURAH|KASUBBAG|KASUBAG|KABAG|KABID|DIREKTUR|"
                       r"BUPATI|WALI\s*KOTA|WALIKOTA|GUBERNUR|INSPEKTUR|PLT\.?|PLH\.?|U\.B\.)(?:\s|$))", re.I)
_ATAS_NAMA = re.compile(r"^\s*(a\.?\s*n\.?|u\.?\s*b\.?|plt\.?|plh\.?)\s", re.I)


def nip_spaced(nip: str) -> str:
    """"196111221989031005" -> "19611122 198903 1 005" (the usual print)."""
    if nip and len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def date_text(t) -> str:
    if t.tanggal:
        return format_tanggal(t)
    return norm_space(t.teks)


def jabatan_lines(jabatan: str) -> list[str]:
    """The position of a signing block as printed, one line per office:
    "a.n. CAMAT PALU BARAT LURAH SIRANINDI" -> ["a.n. CAMAT PALU BARAT",
    "LURAH SIRANINDI"]. Line breaks kept in the model are kept as they are;
    the reader joins the lines with a space, so the model reads back the same."""
    if "\n" in jabatan:
        return [t for t in (norm_space(x) for x in jabatan.split("\n")) if t]
    text = norm_space(jabatan)
    if not _ATAS_NAMA.match(text):
        return [text] if text else []
    head = _ATAS_NAMA.match(text).group(0)
    rest = text[len(head):]
    # the first office follows "a.n."; the signer's own office starts at the next position word
    m = next((m for m in _POSITION.finditer(rest) if m.start() > 0), None)
    if m is None:
        return [text]
    return [norm_space(head + rest[:m.start()]), norm_space(rest[m.start():])]


def logo_bytes(sop, option) -> Optional[bytes]:
    """The picture for the logo cell: ``--logo`` first, else the source's own
    logo (``sumber.logo``: the picture's part in the source package)."""
    if option:
        p = Path(option)
        return p.read_bytes() if p.is_file() else None
    data = getattr(sop.sumber, "logo_data", None)
    if data:
        return data
    part = getattr(sop.sumber, "logo", None)
    src = Path(sop.sumber.berkas or "")
    if part and src.suffix.lower() in (".docx", ".docm", ".dotx") and src.is_file():
        try:
            with zipfile.ZipFile(src) as z:
                return z.read(part)
        except (KeyError, OSError, zipfile.BadZipFile):
            return None
    return None


class FrontMixin:
    """Identity table and detail boxes (mixed into the writer)."""

    #: the detail boxes' font size (pt): one of DETAIL_SIZES, chosen by the writer
    detail_size = DETAIL_SIZE

    def _id_widths(self) -> list[float]:
        bw = self.page.body_w
        logo = round(bw * 0.32, 1)
        lab = 40.0
        return [logo, lab, bw - logo - lab]

    def _id_rows(self) -> list[tuple[str, object]]:
        idn = self.sop.identitas
        rows: list[tuple[str, object]] = []
        for key, lab in ID_LABELS:
            v = getattr(idn, key)
            if key.startswith("tanggal_"):
                v = date_text(v) if v is not None else ""
            elif key == "disahkan_oleh":
                v = v if v is not None else Pengesahan()
            rows.append((lab, "" if v is None else v))
        for k, v in self.sop.lainnya.items():
            rows.append((k, v))
        return rows

    def _pengesahan_lines(self, d: Pengesahan) -> list[tuple[str, dict]]:
        if not any((d.jabatan, d.nama, d.pangkat, d.nip)):
            return [("", {})]
        lines: list[tuple[str, dict]] = []
        for t in jabatan_lines(d.jabatan or ""):
            lines.append((t, {}))
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
        if self.logo_data:
            pic = self._picture_paragraph(self.logo_data)
            if pic is not None:
                ps.append(pic)
        for line in self.sop.identitas.instansi:
            if norm_space(line):
                ps.append(para(norm_space(line), align="center", bold=True, size=INSTANSI_SIZE))
        return ps or [para()]

    def _picture_paragraph(self, data: bytes):
        from docx.shared import Mm

        # python-docx builds the inline picture; we move its paragraph
        p = self.doc.add_paragraph()
        try:
            p.add_run().add_picture(io.BytesIO(data), height=Mm(LOGO_H))
        except Exception:  # not an image python-docx can place (e.g. EMF/WMF it cannot size)
            p._p.getparent().remove(p._p)
            self.logo_data = None
            return None
        p.alignment = 1
        el_ = p._p
        el_.getparent().remove(el_)
        return el_

    def _id_heights(self) -> tuple[list[float], float]:
        """Estimated height of each identity row (never below MIN_ROW) and of the
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
            hs.append(max(h + 0.5, MIN_ROW))
        left = measure.text_height_mm(self.sop.identitas.instansi or [""], widths[0] - 2, INSTANSI_SIZE, bold=True)
        if self.logo_data:
            left += LOGO_H + 1
        return hs, left

    def _identity(self) -> list:
        widths = self._id_widths()
        rows = self._id_rows()
        heights, left = self._id_heights()
        # the rows absorb the logo cell's extra height and the pagination spacer
        extra = max(0.0, left - sum(heights)) + self.lay.front_spacer
        heights = [h + extra / len(heights) for h in heights]
        t = table(widths)
        for i, (lab, val) in enumerate(rows):
            tr = row(t, height_mm=round(heights[i], 2), cant_split=True)
            if i == 0:
                cell(tr, widths[0], self._logo_paragraphs(), vmerge="restart", valign="center")
            else:
                cell(tr, widths[0], [para()], vmerge="continue")
            cell(tr, widths[1], [para(lab, size=ID_SIZE)], valign="center")
            if isinstance(val, Pengesahan):
                ps = [para(text, align="center", size=ID_SIZE, **fmt) for text, fmt in self._pengesahan_lines(val)]
                cell(tr, widths[2], ps, valign="center")
            else:
                bold = lab == "Nama SOP"
                cell(tr, widths[2], [para(norm_space(str(val)), size=ID_SIZE, bold=bold)], valign="center")
        return [t]

    def _detail(self) -> list:
        bw = self.page.body_w
        half = round(bw / 2, 1)
        widths = [half, bw - half]
        t = table(widths)
        for left, right in zip(DETAIL_LABELS[0::2], DETAIL_LABELS[1::2]):
            tr = row(t, cant_split=False, height_mm=MIN_BOX)
            for (key, lab), w in ((left, widths[0]), (right, widths[1])):
                cell(tr, w, self._detail_paragraphs(key, lab))
        return [t]

    def _detail_paragraphs(self, key: str, lab: str) -> list:
        items = getattr(self.sop, key) or []
        size = self.detail_size
        ps = [para(lab + ":", bold=True, size=size)]
        clean = [norm_space(x) for x in items if norm_space(x)]
        if not clean:
            ps.append(para("-", size=size))
        for i, item in enumerate(clean, 1):
            ps.append(para(f"{i}.\t{item}", size=size, hanging_mm=6.0))
        return ps

    def _front_height(self) -> float:
        lh = measure.line_height_mm(ID_SIZE)
        heights, left = self._id_heights()
        total = max(left, sum(heights), lh)
        half = self.page.body_w / 2
        for lk, rk in zip(DETAIL_LABELS[0::2], DETAIL_LABELS[1::2]):
            hs = []
            for key, _lab in (lk, rk):
                items = getattr(self.sop, key) or []
                # the number sits in the hanging indent: measure the item text only
                texts = [norm_space(x) for x in items if norm_space(x)] or ["-"]
                hs.append(measure.line_height_mm(self.detail_size)
                          + measure.text_height_mm(texts, half - 2 - 6, self.detail_size, slack=1.02))
            total += max(max(hs), MIN_BOX) + 0.3
        return total + 2.0
