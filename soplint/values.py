"""Indonesian values as written in SOPs: dates, durations, NIP, list items.

Pure functions on strings; no document structure here. Month names cover the
standard spellings, the old ones (Pebruari, Nopember), common typos
(Agutus, Novermber) and abbreviations (Agt, Ags, Sept, Nop ...).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from soplint.model import Tanggal, Waktu

_WS = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")


def norm_space(text: Optional[str]) -> str:
    """Collapse every kind of whitespace (NBSP, tabs, newlines, zero-width, BOM) to one space."""
    if not text:
        return ""
    if text.__class__ is str and text.isprintable() and "  " not in text:
        # the usual case: no whitespace but single ASCII spaces (every other
        # whitespace, zero-width character and the BOM is not printable)
        return text.strip()
    return _WS.sub(" ", text).strip()


# --------------------------------------------------------------------------
# months

_MONTHS = {
    1: ["januari", "january", "jan", "janu"],
    2: ["februari", "pebruari", "febuari", "februay", "february", "feb", "peb", "pebr", "febr"],
    3: ["maret", "march", "mar", "mrt"],
    4: ["april", "apr", "apl"],
    5: ["mei", "may"],
    6: ["juni", "june", "jun"],
    7: ["juli", "july", "jul"],
    8: ["agustus", "agutus", "agusuts", "agustur", "august", "agu", "agt", "ags", "agst", "aug", "agus"],
    9: ["september", "septemer", "sept", "sep", "spt"],
    10: ["oktober", "october", "okt", "oct", "oktb"],
    11: ["november", "nopember", "novermber", "novemver", "nov", "nop", "nopb"],
    12: ["desember", "december", "des", "dec", "desm"],
}
MONTH_BY_NAME = {name: num for num, names in _MONTHS.items() for name in names}

#: canonical Indonesian month names, for writers ("8 April 2019")
BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}

_EMPTY_DATE = {"-", "--", "—", "–", "", "n/a", "na", "tidak ada", "belum ada", "belum"}


def month_number(word: str) -> Optional[int]:
    w = word.lower().strip(".,")
    if w in MONTH_BY_NAME:
        return MONTH_BY_NAME[w]
    # fuzzy: a long enough word close to a full month name ("Septembar")
    if len(w) >= 5:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        best = process.extractOne(w, [n for n in MONTH_BY_NAME if len(n) >= 5],
                                  scorer=Levenshtein.distance)
        if best and best[1] <= 2:
            return MONTH_BY_NAME[best[0]]
    return None


def _year(text: str) -> Optional[int]:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y if 1900 <= y <= 2100 else None


def _iso(y: int, m: int, d: int) -> Optional[str]:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


_DAY_NAMES = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*"


def parse_tanggal(text: Optional[str]) -> Optional[Tanggal]:
    """Read a date as written (see :func:`_parse_tanggal_exact`); where the
    whole text is not a date, the date written inside it counts: a place
    before it ("Bengkulu, 3 Maret 2014"), an era marker ("2024 M"), or a Hijri
    date beside the Masehi one ("20 Syawal 1445 H / 29 April 2024 M")."""
    if text is None:
        return None
    t = _parse_tanggal_exact(text)
    if t.tanggal or t.teks.lower() in _EMPTY_DATE:
        return t
    s = norm_space(text)
    # drop Hijri parts ("... 1445 H") and era markers
    s = re.sub(r"\b\d{1,2}\s+[A-Za-z']+\s+1[34]\d\d\s*H\b\.?", " ", s)
    s = re.sub(r"(\d{4})\s*(M|Masehi)\b\.?", r"\1", s)
    candidates = []
    for pattern in (r"\d{1,2}\s*[-/. ]\s*[A-Za-z]+\.?\s*[-/. ,]\s*\d{4}",
                    r"\d{4}-\d{1,2}-\d{1,2}", r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}",
                    r"(?<!\d)(?<!\d )\b[A-Za-z]+\.?\s*[-/ ,]\s*\d{4}"):
        for m in re.finditer(pattern, s):
            found = _parse_tanggal_exact(m.group(0))
            if found.tanggal:
                candidates.append((m.start(), found))
        if candidates:
            break
    if candidates:
        best = candidates[-1][1]  # the last one: the Masehi date follows the Hijri one
        return Tanggal(t.teks, best.tanggal, best.presisi)
    return t


def _parse_tanggal_exact(text: str) -> Tanggal:
    """Read a date as written. ``None`` in -> ``None`` out (field absent).

    Full dates give ``presisi="hari"``; "Maret 2014" the 1st of the month with
    ``"bulan"``; "2014" the 1st of January with ``"tahun"``; "-" and the like
    ``Tanggal("-", None, None)``; unreadable text keeps ``teks`` only.
    """
    teks = norm_space(text)
    low = teks.lower()
    if low in _EMPTY_DATE:
        return Tanggal(teks, None, None)
    s = re.sub(r"^" + _DAY_NAMES, "", low)
    s = re.sub(r"\b(tanggal|tgl\.?)\s*", "", s).strip(" ,.")
    # ISO 2018-07-13
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if m:
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        return Tanggal(teks, iso, "hari" if iso else None)
    # 13-07-2018, 13/07/2018, 13.07.18 (day first, as in Indonesia)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", s)
    if m:
        y = _year(m[3])
        iso = _iso(y, int(m[2]), int(m[1])) if y else None
        return Tanggal(teks, iso, "hari" if iso else None)
    # 8 April 2019, 08-Apr-17, 8 Apr. 2019, 8 IV 2019
    m = re.fullmatch(r"(\d{1,2})\s*[-/.\s]\s*([a-z]+)\.?\s*[-/.\s,]\s*(\d{2}|\d{4})", s)
    if m:
        mon = month_number(m[2]) or _ROMAN.get(m[2])
        y = _year(m[3])
        if mon and y:
            iso = _iso(y, mon, int(m[1]))
            return Tanggal(teks, iso, "hari" if iso else None)
        return Tanggal(teks, None, None)
    # April 8, 2019 (English order)
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", s)
    if m and month_number(m[1]):
        iso = _iso(int(m[3]), month_number(m[1]), int(m[2]))
        return Tanggal(teks, iso, "hari" if iso else None)
    # Desember 2013, Des-13, 07/2014
    m = re.fullmatch(r"([a-z]+)\.?\s*[-/.\s,]\s*(\d{2}|\d{4})", s)
    if m and month_number(m[1]):
        y = _year(m[2])
        if y:
            return Tanggal(teks, _iso(y, month_number(m[1]), 1), "bulan")
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", s)
    if m and 1 <= int(m[1]) <= 12:
        return Tanggal(teks, _iso(int(m[2]), int(m[1]), 1), "bulan")
    # 2014
    m = re.fullmatch(r"(?:tahun\s+)?(\d{4})", s)
    if m and _year(m[1]):
        return Tanggal(teks, _iso(int(m[1]), 1, 1), "tahun")
    return Tanggal(teks, None, None)


def format_tanggal(t: Optional[Tanggal]) -> str:
    """The canonical Indonesian writing of a date ("8 April 2019", "Maret 2014")."""
    if t is None:
        return ""
    if not t.tanggal:
        return t.teks
    y, m, d = (int(x) for x in t.tanggal.split("-"))
    if t.presisi == "tahun":
        return str(y)
    if t.presisi == "bulan":
        return f"{BULAN[m]} {y}"
    return f"{d} {BULAN[m]} {y}"


# --------------------------------------------------------------------------
# durations

#: minutes per unit; "hari" is configurable (a working day)
HARI_MENIT_DEFAULT = 480

_UNITS = [
    (r"detik|dtk|second|seconds|sec|s", 1 / 60),
    (r"menit|mnt|minute|minutes|min|m", 1),
    (r"jam|hour|hours|hrs|j", 60),
    # "hr" is the Indonesian short form of hari
    (r"hari\s+kerja|hari|hr\s+kerja|hr|hk|day|days|workday|workdays", "hari"),
    (r"minggu|pekan|week|weeks|mgg", "minggu"),
    (r"bulan|bln|month|months", "bulan"),
    # planning SOPs (reports, plans): counted in working days like "bulan"
    (r"triwulan|kuartal|quarter|quarters", "triwulan"),
    (r"caturwulan", "caturwulan"),
    (r"semester", "semester"),
    (r"tahun|thn|year|years", "tahun"),
]
#: working days per unit counted in working days
_WORKING_DAYS = {"hari": 1, "minggu": 5, "bulan": 22, "triwulan": 66, "caturwulan": 88, "semester": 132,
                 "tahun": 264}
_NUM = r"(\d+(?:[.,]\d+)?)"
_WORDNUM = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
            "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
            "lima belas": 15, "dua puluh": 20, "tiga puluh": 30, "empat puluh": 40,
            "empat puluh lima": 45, "enam puluh": 60, "setengah": 0.5,
            # one of a unit, written as one word: the unit stays
            "sehari": "1 hari", "sejam": "1 jam", "seminggu": "1 minggu", "sepekan": "1 minggu",
            "sebulan": "1 bulan", "setahun": "1 tahun"}
#: the number words, longest first ("dua puluh" before "dua")
_WORDNUM_ORDER = sorted(_WORDNUM.items(), key=lambda kv: -len(kv[0]))


def _unit_minutes(unit: str, hari_menit: float) -> float:
    for pattern, value in _UNITS:
        if re.fullmatch(pattern, unit):
            if isinstance(value, str):
                return _WORKING_DAYS[value] * hari_menit
            return value
    raise KeyError(unit)


_UNIT_RE = "|".join(p for p, _ in _UNITS)


def parse_waktu(text: Optional[str], hari_menit: float = HARI_MENIT_DEFAULT) -> Optional[Waktu]:
    """Read a step duration: "5 menit", "1 Jam", "2 (dua) hari kerja",
    "1 jam 30 menit", "10-15 menit" (upper bound), "± 1 jam" (60; the
    vagueness is a rule's business, seen in ``teks``). Empty -> ``None``;
    unmeasurable ("segera", "-") -> ``menit=None``."""
    if text is None:
        return None
    teks = norm_space(text)
    if not teks:
        return None
    s = teks.lower()
    # each substitution below is tried only on texts holding the character or
    # word it needs (most durations are "5 menit": nothing to compile for them)
    if "(" in s:
        s = re.sub(r"\([^)]*\)", " ", s)  # "2 (dua) hari" -> "2 hari"
    if "½" in s:
        s = re.sub(r"(\d)\s*½", r"\1.5", s)
    s = s.replace("½", " 0.5 ").replace("¼", " 0.25 ").replace("¾", " 0.75 ")
    if "'" in s or "’" in s or "′" in s:
        s = re.sub(r"(\d)\s*(?:'|’|′)(?!')", r"\1 menit", s)  # 15' = 15 minutes
    if '"' in s or "”" in s or "″" in s or "''" in s:
        s = re.sub(r"(\d)\s*(?:\"|”|″|'')", r"\1 detik", s)
    s = s.replace("±", " ").replace("+/-", " ").replace("+-", " ")
    s = re.sub(r"\b(maks(imal|imum)?\.?|paling lama|selama|kurang lebih|lebih kurang|sekitar|"
               r"kira-kira|max\.?|min(imal)?\.?|<=|≤|<|s\.?d\.?|sampai dengan)(?=\s|\d|$)\s*", " ", s)
    # "2 x 24 jam" -> "48 jam"
    if "x" in s or "×" in s:
        s = re.sub(r"(\d+)\s*[x×]\s*(\d+)", lambda m: str(int(m[1]) * int(m[2])), s)
    for word, num in _WORDNUM_ORDER:
        if word in s:
            s = re.sub(r"\b" + word + r"\b", f" {num} ", s)
    s = norm_space(s)
    total = 0.0
    found = False
    # ranges: "10-15 menit", "10 s/d 15 menit", "1 - 2 hari"
    for m in re.finditer(_NUM + r"\s*(?:-|–|—|/|sampai|hingga|s/d|to)\s*" + _NUM + r"\s*(" + _UNIT_RE + r")\b", s):
        total += float(m[2].replace(",", ".")) * _unit_minutes(m[3], hari_menit)
        found = True
        s = s.replace(m[0], " ")
    for m in re.finditer(_NUM + r"\s*(" + _UNIT_RE + r")\b\.?", s):
        total += float(m[1].replace(",", ".")) * _unit_minutes(m[2], hari_menit)
        found = True
    if not found:
        # a unit alone means one of it ("jam", "hari") only when nothing else is written
        m = re.fullmatch(r"(" + _UNIT_RE + r")", s)
        if m and len(s) > 1:
            return Waktu(teks, float(_unit_minutes(m[1], hari_menit)))
        return Waktu(teks, None)
    return Waktu(teks, round(total, 4))


# --------------------------------------------------------------------------
# NIP and lists

def parse_nip(text: Optional[str]) -> Optional[str]:
    """The NIP digits of a "NIP. 19611122 198903 1 005" line (spaces, dots,
    dashes removed). Returns the digits found (a rule checks the length), or
    ``None`` when the text has no digits."""
    if not text:
        return None
    s = re.sub(r"(?i)^\s*n\.?\s*i\.?\s*p\.?\s*[:.]?", "", norm_space(text))
    digits = re.sub(r"\D", "", s)
    return digits or None


_BULLET = r"(?:[-–—•·●○▪■►➢✓*]|\d{1,2}\s*[.),:]|\(\d{1,2}\)|[a-zA-Z]\s*[.)]|\([a-zA-Z]\)|[ivxIVX]{1,4}\s*[.)])"
_LEAD = re.compile(r"^\s*" + _BULLET + r"\s*(?=\S)")
# "1. xxx 2. yyy" inline: a number followed by ". " preceded by start or space,
# numbers must count up from the first
_INLINE = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\s*[.)]\s+")


def strip_bullet(text: str) -> str:
    """Remove leading list numbering ("1.", "a)", "-", "•", "1,") from an item."""
    t = norm_space(text)
    m = _LEAD.match(t)
    if m:
        rest = t[m.end():]
        # do not eat "1.5 jam" or a lone word like "a." meaning something else
        if rest and not re.match(r"^\d", rest):
            return rest.strip()
    return t


def _split_inline(text: str) -> list[str]:
    """Split "1. Aaa 2. Bbb 3. Ccc" when the numbers run 1, 2, 3, ..."""
    marks = list(_INLINE.finditer(text))
    if len(marks) < 2:
        return [text]
    chosen = []
    expected = None
    for m in marks:
        n = int(m[1])
        if expected is None:
            if m.start() != 0 and text[:m.start()].strip():
                # text before the first number: not a list written inline
                return [text]
            expected = n
        if n == expected:
            chosen.append(m)
            expected += 1
    if len(chosen) < 2:
        return [text]
    parts = []
    for a, b in zip(chosen, chosen[1:] + [None]):
        part = text[a.end(): b.start() if b else len(text)].strip(" ;,")
        if part:
            parts.append(part)
    return parts


def split_items(texts: list[str]) -> list[str]:
    """List items from the paragraphs of a list field: one per paragraph,
    numbering removed, inline "1. .. 2. .." split, empty and lone "-" dropped."""
    items: list[str] = []
    for raw in texts:
        t = norm_space(raw)
        if not t:
            continue
        for part in _split_inline(t):
            item = strip_bullet(part)
            item = item.strip()
            if item and item not in {"-", "–", "—", "."}:
                items.append(item)
    return items
