"""Shared helpers of the layout recognisers: text lines with their location.

Nothing here touches XML; everything works on :mod:`.tree` objects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from soplint.lokasi import Lokasi
from soplint.readers.docx.tree import Cell, Paragraph, Shape, Table, clean

#: a whole cell text that marks an actor without a drawn symbol
TICKS = {"√", "v", "V", "X", "x", "✓", "✔", "☑", "☒", "✗", "✘", "●", "•"}


@dataclass(eq=False, repr=False)
class Line:
    """One visual line of text (a paragraph split at its line breaks)."""

    text: str
    para: Paragraph
    lokasi: Lokasi
    #: index of the line within its paragraph (0 for the first)
    n: int = 0

    @property
    def cell(self) -> Optional[Cell]:
        return self.para.cell


def table_of(cell: Cell) -> Table:
    return cell.table


def cell_lokasi(cell: Cell) -> Lokasi:
    return cell.lokasi


def table_lokasi(t: Table, row: int) -> Lokasi:
    return t.lokasi_at(row)


def para_lokasi(p: Paragraph) -> Lokasi:
    return p.lokasi


def shape_lokasi(s: Shape) -> Lokasi:
    return s.lokasi


def para_lines(p: Paragraph, lokasi: Optional[Lokasi] = None) -> list[Line]:
    loc = lokasi or p.lokasi
    return [Line(text=t, para=p, lokasi=loc, n=i) for i, t in enumerate(p.lines)]


def cell_lines(cell: Cell) -> list[Line]:
    out = []
    for p in cell.all_paragraphs():
        out.extend(para_lines(p))
    return out


_INT_OF = re.compile(r"(\d{1,4})\s*[.)]?")


@lru_cache(maxsize=4096)
def int_of(text: str) -> Optional[int]:
    """The integer of a No cell ("1", "1.", "01", "(1)"); cached (tables
    repeat their numbers)."""
    t = clean(text).strip("()[] ")
    m = _INT_OF.fullmatch(t)
    return int(m.group(1)) if m else None


def is_tick(text: str) -> bool:
    return clean(text) in TICKS


_YES = re.compile(r"^(ya|y|yes|lengkap|setuju|disetujui|benar|sesuai|valid|lulus|memenuhi|ok|diterima|sah|layak|"
                  r"perlu|butuh|ada|berhasil|sudah)\b", re.I)
_NO = re.compile(r"^(tidak|tdk|t|no|belum|tidak lengkap|tidak setuju|salah|tidak sesuai|ditolak|tolak|"
                 r"invalid|tidak valid|tidak lulus|tidak memenuhi|revisi|perbaikan|tidak layak|kurang|gagal)\b", re.I)


@lru_cache(maxsize=4096)
def yes_no(text: str) -> Optional[str]:
    """'ya' / 'tidak' for a branch label ("Ya", "Tidak lengkap", "Setuju"), else None."""
    t = clean(text).strip(" .:!").lower()
    if not t or len(t) > 25:
        return None
    if _NO.match(t) or t.startswith(("tidak", "belum", "tdk")):
        return "tidak"
    if _YES.match(t):
        return "ya"
    return None


def _covered(t: str, uraian: str) -> bool:
    a, b = clean(t).lower(), clean(uraian).lower()
    return bool(a) and (a in b or b in a)


#: words a symbol may hold that say nothing beyond its kind
_SYMBOL_WORDS = ("mulai", "selesai", "start", "end", "stop", "finish", "ya", "tidak")


def symbol_text(text: str, uraian: str) -> Optional[str]:
    """The text written inside a step's symbol, kept as ``teks_simbol``
    where it says more than the activity itself and a bare Mulai/Selesai/
    Ya/Tidak ("Berkas lengkap?", "Via Email"); None otherwise (the Word and
    the PDF reader)."""
    t = clean(text or "")
    if not t or _covered(t, uraian) or t.lower() in _SYMBOL_WORDS:
        return None
    return t
