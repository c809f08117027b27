"""Identity recogniser: labelled fields from tables and paragraphs.

Works on :class:`~.common.Line` objects (text + paragraph + location). Finds
"label : value" pairs in the shapes SOPs use: the identity header table (label
cell, optional ":" cell, value cell; or "Label : value" inline; the
"Disahkan oleh" signing block over several paragraphs or rows), the
two-column detail table (the label as the first paragraph of a cell, then its
items), and label:value paragraphs. Turning an entry into a model value is
:func:`apply_entry`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from soplint import labels
from soplint.lokasi import Lokasi
from soplint.model import DAFTAR_FIELDS, SOP, Pengesahan, TakTerpetakan
from soplint.readers.docx.common import Line, cell_lines
from soplint.readers.docx.tree import Cell, Table
from soplint.lazyre import lazy_pattern

#: keys whose value may run over several paragraphs / rows
MULTI = set(DAFTAR_FIELDS) | {"disahkan_oleh"}
IDENT_KEYS = ("nomor_sop", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh",
              "nama_sop")
#: words inside a signing block that look like labels but belong to it
sign_sublabels_re = lazy_pattern(r"^\s*(nip|nrp|nik|nama|pangkat|golongan|gol|jabatan|pangkat\s*/\s*gol\w*)\b",
                                 re.I)


@dataclass(eq=False, repr=False)
class Entry:
    """A label found in the document (its model key) with the value lines that follow it."""

    key: str
    label: str
    lokasi: Lokasi
    values: list[Line] = field(default_factory=list)
    cell: Optional[Cell] = None
    row: int = -1
    col: int = -1
    #: ":" seen right after the label (a real label even if unknown)
    colon: bool = False


_unknown_label_re = lazy_pattern(r"^[A-Za-z][A-Za-z .,/&()'-]{1,40}$")


def split_label(text: str, unknown: bool = False, colon_next: bool = False):
    """(key, label, rest) when ``text`` starts with a label, else None.

    ``unknown``: accept a short unknown label followed by ":" as "lainnya".
    ``colon_next``: the text is a cell followed by a ":" cell.
    """
    t = text.strip()
    if not t:
        return None
    if ":" in t:
        left, right = t.split(":", 1)
        left = left.strip()
        key = labels.match(left, "identitas+daftar+lainnya") if left else None
        if key:
            return key, left, right.strip()
        if unknown and _unknown_ok(left):
            return "lainnya", left, right.strip()
    whole = t.rstrip(": ").strip()
    key = labels.match(whole, "identitas+daftar+lainnya")
    if key:
        return key, whole, ""
    if "\t" in text:
        left, right = text.split("\t", 1)
        key = labels.match(left.strip(), "identitas+daftar+lainnya")
        if key and right.strip():
            return key, left.strip(), right.strip()
    if colon_next and unknown and _unknown_ok(whole):
        return "lainnya", whole, ""
    return None


def _unknown_ok(label: str) -> bool:
    return bool(_unknown_label_re().match(label)) and len(label.split()) <= 5 and not labels.is_title(label)


def _strip_colon(text: str) -> str:
    return text[1:].strip() if text.startswith(":") else text


# --------------------------------------------------------------------------
# tables


@dataclass(eq=False, repr=False)
class TableScan:
    """What an identity or detail table holds: its label entries and the lines in no entry."""

    entries: list[Entry] = field(default_factory=list)
    #: lines in no entry, in reading order, with whether they came before
    #: the first entry (instansi candidates) and whether their cell has a picture
    orphans: list[tuple[Line, bool]] = field(default_factory=list)
    images: int = 0


def scan_table(table: Table, unknown: bool = True, stop: Optional[int] = None) -> TableScan:
    """Label/value entries of an identity or detail table (rows before
    ``stop`` only, when the table goes on with a procedure)."""
    scan = TableScan()
    cur: Optional[Entry] = None
    for r, row in enumerate(table.rows[:stop] if stop is not None else table.rows):
        cells = [c for c in row.cells]
        for ci, cell in enumerate(cells):
            if cell.origin is not None and not cell.texts:
                continue
            cell_target: Optional[Entry] = None
            scan.images += len(cell.images)
            lines = cell_lines(cell)
            if 1 < len(lines) <= 4 and len(cell.text) <= 60 and not any(
                    split_label(ln.text) for ln in lines) and split_label(cell.text):
                # a label broken over paragraphs ("Tanggal" / "Pembuatan")
                lines = [Line(text=cell.text, para=lines[0].para, lokasi=lines[0].lokasi)]
            nxt = cells[ci + 1].text.strip() if ci + 1 < len(cells) else ""
            colon_next = nxt == ":" or nxt.startswith(":")
            for k, ln in enumerate(lines):
                text = ln.text
                if text in (":", "："):
                    continue
                lab = split_label(text, unknown=unknown, colon_next=colon_next and k == len(lines) - 1)
                if lab is not None and lab[0] == "lainnya" and cur is not None and cur.key == "disahkan_oleh" \
                        and sign_sublabels_re().match(text):
                    lab = None  # "NIP : ..." inside the signing block
                if lab is not None and lab[0] == "lainnya" and k == 0 and _awaiting(scan, cell, r):
                    lab = None  # the first line of a value cell under a label row
                if lab is not None and cur is not None and cur.cell is cell and cur.key in MULTI and k > 0 \
                        and not text.rstrip().endswith(":") and (
                            lab[0] == "lainnya" or (not lab[2] and not labels.exact(text, "identitas+daftar"))):
                    lab = None  # "Catatan: ..." or "Persyaratan pelayanan" inside a list cell is an item
                if lab is not None and (lab[0] in DAFTAR_FIELDS or lab[0] == "lainnya") and k == 0 \
                        and cur is not None and cur.row == r and cur.cell is not cell and not cur.values \
                        and cur.key in ("nama_sop", "nomor_sop") and ":" not in text and not colon_next:
                    lab = None  # the value beside "Nama SOP" that reads like a label ("Persyaratan pelayanan")
                if lab is not None:
                    key, label, rest = lab
                    cur = Entry(key=key, label=label, lokasi=ln.lokasi, cell=cell, row=r, col=cell.col,
                                colon=":" in text or colon_next)
                    if rest:
                        cur.values.append(Line(text=rest, para=ln.para, lokasi=ln.lokasi, n=ln.n))
                    scan.entries.append(cur)
                    cell_target = None
                    continue
                text = _strip_colon(text)
                if not text:
                    continue
                ln = Line(text=text, para=ln.para, lokasi=ln.lokasi, n=ln.n)
                target = cell_target or _target(table, scan, cur, cell, r)
                cell_target = target
                if target is not None:
                    target.values.append(ln)
                else:
                    scan.orphans.append((ln, not scan.entries))
    return scan


def _awaiting(scan: TableScan, cell: Cell, r: int) -> bool:
    for e in reversed(scan.entries):
        if e.row == r - 1 and e.col == cell.col and not e.values and e.cell is not cell:
            return True
        if e.row < r - 1:
            break
    return False


def _target(table: Table, scan: TableScan, cur: Optional[Entry], cell: Cell, r: int) -> Optional[Entry]:
    if cur is None:
        return None
    if cell is cur.cell:
        return cur
    if r == cur.row and cell.col > cur.col:
        return cur
    # a label row followed by a value row: the entry above in the same column
    for e in reversed(scan.entries):
        if e.row == r - 1 and e.col == cell.col and not e.values and e.cell is not cell:
            return e
        if e.row < r - 1:
            break
    under = table.at(r, cur.col)
    if under is not None and under is cur.cell:
        return cur  # the label cell is merged down over this row
    if cur.key in MULTI and (under is None or not under.texts or under is cell):
        # a signing block / list running on in the rows below its label
        if cell.col >= cur.col:
            return cur
    return None


# --------------------------------------------------------------------------
# paragraphs


def entry_from_line(line: Line, unknown: bool = False) -> Optional[Entry]:
    lab = split_label(line.text, unknown=unknown)
    if lab is None:
        return None
    key, label, rest = lab
    e = Entry(key=key, label=label, lokasi=line.lokasi, colon=":" in line.text)
    if rest:
        e.values.append(Line(text=rest, para=line.para, lokasi=line.lokasi, n=line.n))
    return e


# --------------------------------------------------------------------------
# values


def apply_entry(sop: SOP, e: Entry) -> None:
    """Store an entry's value in the model (the first value of a key wins;
    a repeated key goes to lainnya so nothing is lost)."""
    from soplint import values

    texts = [ln.text for ln in e.values]
    joined = values.norm_space(" ".join(texts))
    ident = sop.identitas
    if e.key in IDENT_KEYS:
        have = getattr(ident, e.key)
        if have is not None:
            if _same_value(have, joined):
                return  # the identity repeated (e.g. in every page header)
            _lainnya(sop, e.label, joined)
            return
        sop.lokasi["identitas." + e.key] = e.lokasi
        if e.key in ("nomor_sop", "nama_sop"):
            setattr(ident, e.key, joined)
        elif e.key.startswith("tanggal_"):
            setattr(ident, e.key, values.parse_tanggal(joined))
        elif e.key == "disahkan_oleh":
            peng, rest = parse_pengesahan(e.values)
            ident.disahkan_oleh = peng
            for ln in rest:
                sop.tak_terpetakan.append(TakTerpetakan(teks=ln.text, lokasi=ln.lokasi))
        return
    if e.key in DAFTAR_FIELDS:
        items = list_items(e.values)
        if getattr(sop, e.key) is None:
            setattr(sop, e.key, items)
            sop.lokasi[e.key] = e.lokasi
        elif getattr(sop, e.key) != items:
            getattr(sop, e.key).extend(x for x in items if x not in getattr(sop, e.key))
        return
    _lainnya(sop, e.label, joined)


def _same_value(have, text: str) -> bool:
    from soplint import values

    t = values.norm_space(text).lower()
    if isinstance(have, str):
        return values.norm_space(have).lower() == t
    if hasattr(have, "teks"):
        return values.norm_space(have.teks).lower() == t
    if isinstance(have, Pengesahan):
        return bool(have.nama) and values.norm_space(have.nama).lower() in t
    return False


def _lainnya(sop: SOP, label: str, value: str) -> None:
    label = label.strip().rstrip(":").strip()
    if label in sop.lainnya:
        if value:
            sop.lainnya[label] = (sop.lainnya[label] + "; " + value).strip("; ")
    else:
        sop.lainnya[label] = value


def list_items(lines: list[Line]) -> list[str]:
    """Items of a list field: one per paragraph (its line breaks joined
    back unless a line starts a new numbered item)."""
    from soplint import values

    paras: list[str] = []
    last_para = None
    for ln in lines:
        if ln.para is last_para and ln.n > 0 and not re.match(r"^\s*(\d{1,2}[.)]|[a-z][.)]|[-•])\s", ln.text):
            paras[-1] = paras[-1] + " " + ln.text
        else:
            paras.append(ln.text)
        last_para = ln.para
    return values.split_items(paras)


_NIP = re.compile(r"\bN\s*\.?\s*I\s*\.?\s*P\b\.?\s*:?", re.I)
_SUB = re.compile(r"^\s*(nama(?:\s+pejabat)?|jabatan|pangkat\s*/\s*gol\w*\.?|pangkat|golongan|gol\.?|nip|nrp)"
                  r"\s*[:.]\s*(.*)$", re.I)
_PANGKAT = re.compile(r"\b(pembina|penata|pengatur|juru|golongan|gol\.|[IV]{1,3}\s*/\s*[a-eA-E])\b", re.I)
_SIGN_NOISE = re.compile(r"^\(?\s*(ttd|t\.t\.d|cap|stempel|cap\s*(dan|&)\s*ttd|ttd\s*(dan|&)\s*cap|"
                         r"tanda\s*tangan|materai|meterai)\.?\s*\)?$", re.I)


def parse_pengesahan(lines: list[Line]) -> tuple[Pengesahan, list[Line]]:
    """Split a signing block into jabatan, nama, pangkat and NIP; returns the
    lines it could not place (e.g. "(ttd)") as the second value."""
    from soplint import values

    rest: list[Line] = []
    keep: list[Line] = []
    for ln in lines:
        if _SIGN_NOISE.match(ln.text):
            rest.append(ln)
        else:
            keep.append(ln)
    peng = Pengesahan()
    # lines written with their own sub-label ("Nama : ...", "Pangkat/Gol : ...")
    plain: list[Line] = []
    for ln in keep:
        m = _SUB.match(ln.text)
        if m and m.group(2).strip():
            key, value = m.group(1).lower(), m.group(2).strip()
            if key.startswith("nama") and peng.nama is None:
                peng.nama = value
            elif key.startswith("jabatan") and peng.jabatan is None:
                peng.jabatan = value
            elif key.startswith(("pangkat", "gol")) and peng.pangkat is None:
                peng.pangkat = value
            elif key.startswith(("nip", "nrp")) and peng.nip is None:
                peng.nip = values.parse_nip(value)
            else:
                plain.append(ln)
        else:
            plain.append(ln)
    if peng.nama is None and peng.jabatan is None:
        peng, plain = Pengesahan(), keep  # only NIP/pangkat labelled: the usual block
    if len(plain) < len(keep):
        # labelled block: the unlabelled lines are the position (before the
        # name) or unplaced
        if plain and peng.jabatan is None:
            peng.jabatan = values.norm_space(" ".join(ln.text for ln in plain))
        elif plain:
            rest.extend(plain)
        return peng, rest
    if not keep:
        return peng, rest
    texts = [ln.text for ln in keep]
    nip_i = None
    for i, t in enumerate(texts):
        if _NIP.search(t) or len(re.sub(r"\D", "", t)) >= 15:
            nip_i = i
            break
    pangkat_inline = None
    if nip_i is not None:
        t = texts[nip_i]
        m = _NIP.search(t)
        before, after = (t[:m.start()], t[m.end():]) if m else ("", t)
        peng.nip = values.parse_nip(after)
        before = before.strip(" ,;")
        if before:
            if _PANGKAT.search(before):
                pangkat_inline = before
            else:
                texts = texts[:nip_i] + [before] + texts[nip_i + 1:]
                nip_i += 1
        head = texts[:nip_i]
        for ln in keep[nip_i + 1:]:
            rest.append(ln)
    else:
        head = texts
    if pangkat_inline:
        peng.pangkat = pangkat_inline
    elif len(head) >= 2 and _PANGKAT.search(head[-1]) and not _PANGKAT.search(head[-2]):
        peng.pangkat = head[-1]
        head = head[:-1]
    elif len(head) >= 3 and nip_i is not None:
        # no pangkat keyword, but three or more lines before the NIP: the line
        # between the name and the NIP is the rank
        bold = [i for i, ln in enumerate(keep[:len(head)]) if ln.para.bold or ln.para.underline]
        if bold and bold[-1] == len(head) - 2:
            peng.pangkat = head[-1]
            head = head[:-1]
    if head:
        name_i = len(head) - 1
        if nip_i is None:
            bold = [i for i, ln in enumerate(keep[:len(head)]) if ln.para.bold or ln.para.underline]
            if bold and bold[-1] > 0:
                name_i = bold[-1]
                for ln in keep[name_i + 1:len(head)]:
                    rest.append(ln)
        if name_i == 0 and nip_i is None and len(head) == 1:
            # a lone line: the position (e.g. "Kepala Dinas")
            peng.jabatan = head[0]
        else:
            peng.nama = head[name_i]
            if name_i > 0:
                peng.jabatan = values.norm_space(" ".join(head[:name_i]))
    return peng, rest
