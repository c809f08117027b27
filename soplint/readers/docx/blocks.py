"""What a block or a line of the document stream is: page furniture, a
heading (for the document-kind decision), a schedule, a list of SOPs, a
table wrapping the whole SOP; and the lines of a table. Nothing here sees XML.
"""
from __future__ import annotations

from typing import Optional

from soplint import labels
from soplint.readers.docx import identity
from soplint.readers.docx.common import Line, para_lines
from soplint.readers.docx.identity import IDENT_KEYS
from soplint.readers.docx.tree import Paragraph, Table

_FURNITURE = ("halaman", "page", "hal.", "hlm")


def is_furniture(text: str) -> bool:
    t = text.strip().lower()
    return t.startswith(_FURNITURE) and any(ch.isdigit() for ch in t) and len(t) < 40


def is_heading(text: str, p: Paragraph) -> bool:
    """A short line that may open a part ("A. Tujuan", "BAB I", "Tugas Pokok"):
    what the document-kind decision looks at."""
    t = text.strip()
    if not t or len(t) > 80 or t[-1] in ".;,":
        return False
    return p.num is None or p.num.fmt != "bullet"


def is_schedule(t: Table) -> bool:
    """A schedule table: a header row naming times ("NO | WAKTU | JAM | KETERANGAN")."""
    if not t.rows:
        return False
    head = {labels.normalize(c.text) for c in t.rows[0].cells if c.origin is None and c.text}
    return bool(head & {"jam", "waktu", "hari", "pukul", "jadwal"}) and len(t.rows) >= 3


def is_listing(t: Table) -> bool:
    """A list of SOPs (daftar isi: "No | Nama SOP | Nomor SOP | Halaman")
    rather than one SOP's identity: a header row with a number or page
    column beside an identity label, and several rows under it."""
    if len(t.rows) < 3:
        return False
    head = [c.text for c in t.rows[0].cells if c.origin is None and c.text]
    if len(head) < 2:
        return False
    norm = [labels.normalize(h) for h in head]
    has_nama = any(labels.match(h, "identitas") == "nama_sop" for h in head)
    has_nomor = any(labels.match(h, "identitas") == "nomor_sop" and n != "nomor" for h, n in zip(head, norm))
    bare_no = any(n == "nomor" for n in norm)
    page = any(n in ("halaman", "hal", "hlm", "halaman sop") for n in norm)
    return (has_nama and (bare_no or page or has_nomor)) or (has_nomor and page)


def has_identity_table(t: Table) -> bool:
    return any(e.key in IDENT_KEYS and not labels.is_weak(e.label) for e in identity.scan_table(t).entries)


def dedupe(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def paras(blocks):
    from soplint.readers.docx.tree import _block_paragraphs

    for b in blocks:
        yield from _block_paragraphs(b)


def table_lines(t: Table, stop: Optional[int] = None) -> list[Line]:
    out = []
    for row in t.rows[:stop] if stop is not None else t.rows:
        for c in row.cells:
            for p in c.all_paragraphs():
                out.extend(para_lines(p))
    return out


def is_wrapper(t: Table) -> bool:
    cells = [c for row in t.rows for c in row.cells if c.origin is None]
    if len(cells) == 1:
        return True
    return bool(cells) and all(any(isinstance(b, Table) for b in c.blocks) or not c.texts for c in cells) and \
        any(any(isinstance(b, Table) for b in c.blocks) for c in cells)
