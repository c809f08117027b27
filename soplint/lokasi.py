"""Where something sits in a source document: one frozen value, :class:`Lokasi`.

Readers build it from what they read (the part, the table and its cell path,
the row, the column, the body paragraph; for PDF a page and a box in points);
tree nodes, model fields (``SOP.lokasi``, ``Kegiatan.lokasi``,
``TakTerpetakan.lokasi``), steps and findings carry it; only reports turn it
into words (:func:`soplint.report.formats.lokasi_text`).

The model's JSON keeps a location as a short Indonesian text ("tabel 3,
baris 5, kolom 2", "paragraf 12", "kotak teks, header"): ``str(lokasi)``
writes it and :meth:`Lokasi.parse` reads it back; a text that is not one of
those forms is kept as it was written (``teks``).
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Optional

__all__ = ["Lokasi"]


def _table_id(n, part):
    if n:
        return "tabel %d" % n
    return "tabel" if part == "body" else "tabel di " + part


def _row_id(r, c, depth):
    where = "baris %d" % r if c is None else "baris %d, kolom %d" % (r, c)
    return where if depth == 0 else "tabel bersarang " + where


#: the model's text of each piece (see :meth:`Lokasi.pieces`)
_ID = {
    "halaman": lambda n: "halaman %d" % n,
    "kotak": lambda box: "kotak %s pt" % " ".join("%g" % v for v in box),
    "kotak_teks": lambda: "kotak teks",
    "tabel": _table_id,
    "baris": _row_id,
    "paragraf": lambda n: "paragraf %d" % n,
    "bagian": lambda name: "kotak teks" if name == "textbox" else name,
    "nama_kolom": lambda name: 'kolom "%s"' % name,
}


@dataclass(frozen=True, init=False, repr=False)
class Lokasi:
    """One place in a source document. Numbers count from 1, as people do.

    - ``bagian``: the part: ``"body"``, ``"header"``, ``"footer"``,
      ``"textbox"`` (a text box's own text), or another part's name.
    - ``tabel``: the number of a top-level table of the body; ``0`` for a
      table without a number (in a header, a text box); ``None`` outside
      tables.
    - ``jalur``: the cells ``(baris, kolom)`` of the tables enclosing a nested
      table, outermost first (empty for a top-level table).
    - ``baris``, ``kolom``: row and grid column in the innermost table
      (``kolom`` ``None``: the whole row; both ``None`` with ``tabel``: the
      whole table).
    - ``paragraf``: the number of a top-level paragraph of the body.
    - ``kotak_teks``: in a text box or drawn shape anchored at the rest of
      the location.
    - ``nama_kolom``: a column named by its header ("Waktu"), as rules
      name it.
    - ``halaman``, ``kotak``: a page and a box ``(x0, y0, x1, y1)`` in points
      on it (PDF).
    - ``teks``: a location read back from text that is none of these forms,
      kept as written.
    """

    bagian: str = "body"
    tabel: Optional[int] = None
    jalur: tuple = ()
    baris: Optional[int] = None
    kolom: Optional[int] = None
    paragraf: Optional[int] = None
    kotak_teks: bool = False
    nama_kolom: Optional[str] = None
    halaman: Optional[int] = None
    kotak: Optional[tuple] = None
    teks: Optional[str] = None

    def __init__(self, **given):
        # keyword arguments only; unset fields read the class defaults. The
        # readers make one per paragraph and cell: this is several times
        # cheaper than the generated frozen __init__ (a setattr per field)
        if not _NAMES.issuperset(given):
            raise TypeError("Lokasi: unknown field(s) %s" % ", ".join(sorted(set(given) - _NAMES)))
        self.__dict__.update(given)

    # -- what it is ------------------------------------------------------
    @property
    def di_tabel(self) -> bool:
        """In a table (a cell, a row, or the table as a whole)."""
        return self.tabel is not None

    @property
    def di_paragraf(self) -> bool:
        """A top-level body paragraph (not inside a table or a text box)."""
        return self.paragraf is not None and not self.di_tabel and not self.kotak_teks

    def dengan_kolom(self, nama: str) -> "Lokasi":
        """This location narrowed to the column headed ``nama``."""
        return replace(self, nama_kolom=nama)

    def tanpa_kotak_teks(self) -> "Lokasi":
        """Where the text box is anchored."""
        return replace(self, kotak_teks=False)

    def __repr__(self) -> str:
        # the fields set, as they would be given
        return "Lokasi(%s)" % ", ".join("%s=%r" % kv for kv in self.__dict__.items())

    def __bool__(self) -> bool:
        # an empty location read back ("") is no location
        return self.teks != ""

    # -- the model's text ------------------------------------------------
    def pieces(self) -> list:
        """The location as a list of pieces, outermost first, for whoever
        puts it into words: ``("halaman", n)``, ``("kotak", box)``,
        ``("kotak_teks",)``, ``("tabel", n, bagian)`` (n 0: no number),
        ``("baris", r, c_or_None, depth)`` (depth 0: the table itself, 1 and
        more: tables nested in it), ``("paragraf", n)``, ``("bagian", name)``,
        ``("nama_kolom", name)``. Empty for a location kept as text."""
        if self.teks is not None:
            return []
        out = []
        if self.halaman is not None:
            out.append(("halaman", self.halaman))
        if self.kotak is not None:
            out.append(("kotak", self.kotak))
        if self.kotak_teks:
            out.append(("kotak_teks",))
        if self.di_tabel:
            out.append(("tabel", self.tabel, self.bagian))
            cells = list(self.jalur)
            if self.baris is not None:
                cells.append((self.baris, self.kolom))
            out.extend(("baris", r, c, depth) for depth, (r, c) in enumerate(cells))
        elif self.paragraf is not None:
            out.append(("paragraf", self.paragraf))
        elif self.bagian and not (self.halaman is not None and self.bagian == "body"):
            out.append(("bagian", self.bagian))
        if self.nama_kolom is not None:
            out.append(("nama_kolom", self.nama_kolom))
        return out

    def __str__(self) -> str:
        if self.teks is not None:
            return self.teks
        return ", ".join(_ID[p[0]](*p[1:]) for p in self.pieces())

    @classmethod
    def parse(cls, text) -> Optional["Lokasi"]:
        """A location from the model's text (``None`` stays ``None``, a
        :class:`Lokasi` stays itself). Always gives back the very text it
        read: a text that is none of the forms :meth:`__str__` writes is kept
        whole in ``teks``."""
        if text is None or isinstance(text, Lokasi):
            return text
        text = str(text)
        try:
            got = _parse(text)
        except ValueError:
            got = None
        if got is None or str(got) != text:
            return cls(teks=text)
        return got


_NAMES = frozenset(f.name for f in fields(Lokasi))

#: part names read back from text (and part names such as "word/header1.xml")
_PARTS = ("body", "header", "footer")


def _int(word: str) -> int:
    if not word.isdigit():
        raise ValueError(word)
    return int(word)


def _parse(text: str) -> Optional[Lokasi]:
    """The fields of a location text as :meth:`Lokasi.__str__` writes it
    (the caller checks that writing them gives the text back)."""
    items = text.split(", ") if text else []
    kw: dict = {}
    if items and items[0].startswith("halaman "):
        kw["halaman"] = _int(items.pop(0)[8:])
    if items and items[0].startswith("kotak ") and items[0].endswith(" pt"):
        box = tuple(float(v) for v in items.pop(0)[6:-3].split(" "))
        if len(box) != 4:
            return None
        kw["kotak"] = box
    if len(items) > 1 and items[0] == "kotak teks":
        kw["kotak_teks"] = True
        items.pop(0)
    if items and items[-1].startswith('kolom "') and items[-1].endswith('"'):
        kw["nama_kolom"] = items.pop()[7:-1]
    if not items:
        return Lokasi(**kw) if "halaman" in kw else None
    head = items.pop(0)
    if head == "tabel" or head.startswith("tabel "):
        if head.startswith("tabel di "):
            kw["tabel"], kw["bagian"] = 0, head[9:]
        else:
            kw["tabel"] = _int(head[6:]) if head != "tabel" else 0
        cells = []
        while items:
            word = items.pop(0)
            if cells:
                if not word.startswith("tabel bersarang "):
                    return None
                word = word[16:]
            if not word.startswith("baris "):
                return None
            col = _int(items.pop(0)[6:]) if items and items[0].startswith("kolom ") else None
            cells.append((_int(word[6:]), col))
        if cells:
            kw["jalur"] = tuple(cells[:-1])
            kw["baris"], kw["kolom"] = cells[-1]
        return Lokasi(**kw)
    if items:
        return None
    if head.startswith("paragraf "):
        kw["paragraf"] = _int(head[9:])
    elif head == "kotak teks":
        kw["bagian"] = "textbox"
    elif head in _PARTS or head.endswith(".xml"):
        kw["bagian"] = head
    else:
        return None
    return Lokasi(**kw)
