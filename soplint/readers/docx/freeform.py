"""Identity written freely, outside an identity table: the title and
institution lines at the top of an SOP, a title split over two lines
("STANDAR OPERASIONAL PROSEDUR" / "PELAYANAN ..."), and the signing block
written as prose at the end (place and date, position, name, rank, NIP).
Nothing here sees XML.
"""
from __future__ import annotations

import re
from typing import Optional

from soplint import labels
from soplint.model import SOP, TakTerpetakan
from soplint.readers.docx.common import Line
from soplint.readers.docx.tree import clean

#: the bare document title, naming no activity
_BARE_TITLE = re.compile(r"^\s*(standar(d)?\s+operasional\s+prosedur|standar(d)?\s+operating\s+procedures?|"
                         r"s\.?o\.?p\.?)\s*(\(\s*sop\s*\))?\s*(administrasi\s+pemerintahan)?\s*(\(\s*sop\s*ap\s*\))?"
                         r"\s*:?\s*$", re.I)


def is_bare_title(text: str) -> bool:
    return bool(_BARE_TITLE.match(text or ""))


def _name_line(text: str) -> bool:
    """The line under a bare title that names the SOP ("PELAYANAN SURAT ...")."""
    t = clean(text)
    return bool(t) and len(t) <= 120 and t.upper() == t and any(c.isalpha() for c in t) \
        and not labels.looks_like_instansi(t) and not labels.match(t, "identitas+daftar") \
        and not t.endswith((".", ";"))


def title_block(pre: list[Line], from_end: bool) -> tuple[list[Line], list[Line], list[Line], list[Line]]:
    """(titles, institution lines, the lines before the block, the lines after it):
    the block of title and institution lines at the end of ``pre`` (just
    before an identity) or, ``from_end`` false, at its start (the top of a
    free-form SOP, where a first line such as an assistant's preamble may
    come before it)."""
    seq = list(reversed(pre)) if from_end else list(pre)
    start = 0
    if not from_end:
        # the block may start on the second or third line
        for i, ln in enumerate(seq[:3]):
            if labels.is_title(ln.text) or is_bare_title(ln.text):
                start = i
                break
    block: list[Line] = []
    i = start
    while i < len(seq):
        ln = seq[i]
        if labels.is_title(ln.text) or is_bare_title(ln.text) or labels.looks_like_instansi(ln.text):
            block.append(ln)
        elif _name_line(ln.text) and (
                (not from_end and block and is_bare_title(block[-1].text)) or
                (from_end and i + 1 < len(seq) and is_bare_title(seq[i + 1].text))):
            block.append(ln)
        else:
            break
        i += 1
    if not any(labels.is_title(ln.text) or is_bare_title(ln.text) for ln in block) and not from_end:
        return [], [], pre, []
    if from_end:
        block.reverse()
        before, after = pre[:len(pre) - len(block)], []
    else:
        before, after = pre[:start], pre[start + len(block):]
    titles: list[Line] = []
    inst: list[Line] = []
    k = 0
    while k < len(block):
        ln = block[k]
        if is_bare_title(ln.text) and k + 1 < len(block) and _name_line(block[k + 1].text) \
                and not labels.is_title(block[k + 1].text):
            joined = Line(text=clean(ln.text).rstrip(":") + " " + clean(block[k + 1].text), para=ln.para,
                          lokasi=block[k + 1].lokasi)
            titles.append(joined)
            k += 2
            continue
        (titles if labels.is_title(ln.text) or is_bare_title(ln.text) else inst).append(ln)
        k += 1
    return titles, inst, before, after


_NIP_LINE = re.compile(r"^\s*N\s*\.?\s*I\s*\.?\s*P\b", re.I)
_PLACE_DATE = re.compile(r"^[A-Z][\w .'-]{1,40},\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}\s*,?$")
_STOP = re.compile(r"^(ditetapkan|disahkan|mengetahui|menyetujui|dikeluarkan)\b", re.I)


class _Para:
    """Enough of a paragraph for :func:`identity.parse_pengesahan` (no formatting known)."""

    bold = False
    underline = False


def signing_block(sop: SOP) -> None:
    """A signing block written as prose among the unplaced texts (a NIP line
    and the position and name above it) becomes ``disahkan_oleh`` where the
    SOP has none."""
    from soplint.readers.docx.identity import parse_pengesahan

    if sop.identitas.disahkan_oleh is not None:
        return
    # in document order (the procedure part's leftovers are added last)
    items = sorted(sop.tak_terpetakan, key=lambda t: getattr(t.lokasi, "paragraf", None) or 10 ** 9)
    for i, item in enumerate(items):
        if not _NIP_LINE.match(item.teks or ""):
            continue
        j = i
        while j > 0 and i - j < 4:
            prev = clean(items[j - 1].teks)
            if not prev or len(prev) > 90 or _PLACE_DATE.match(prev) or _STOP.match(prev) or prev.endswith("."):
                break
            j -= 1
        if i - j < 1:
            continue
        lines = [Line(text=clean(it.teks).rstrip(","), para=_Para(), lokasi=it.lokasi) for it in items[j:i + 1]]
        peng, rest = parse_pengesahan(lines)
        if not peng.nama or not peng.nip:
            continue
        sop.identitas.disahkan_oleh = peng
        sop.lokasi.setdefault("identitas.disahkan_oleh", items[j].lokasi)
        used = {id(t) for t in items[j:i + 1]}
        kept = [TakTerpetakan(teks=ln.text, lokasi=ln.lokasi) for ln in rest]
        sop.tak_terpetakan = [t for t in sop.tak_terpetakan if id(t) not in used] + kept
        return


def title_name(text: str) -> str:
    """The SOP's name in a title line ("SOP Pelayanan KTP" -> "Pelayanan KTP")."""
    t = clean(text)
    m = re.match(r"^\s*(standar(d)?\s+operasional\s+prosedur|standar(d)?\s+operating\s+procedures?|s\.?o\.?p\.?)"
                 r"\s*(\(\s*sop\s*\))?\s*[:\-–]?\s*", t, re.I)
    if not m:
        return ""
    return t[m.end():].strip()


def first_title(lines: list[Line]) -> Optional[Line]:
    for ln in lines:
        if title_name(ln.text):
            return ln
    return None
