"""Text helpers shared by the built-in rules: normalisation, Indonesian
stemming (PySastrawi), placeholders, regulation citations, data files."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Optional

# --------------------------------------------------------------------------
# normalisation and stemming

_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_WS = re.compile(r"\s+")


def norm(text: Optional[str]) -> str:
    """Lower case, punctuation to spaces, whitespace collapsed."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text).lower().replace("_", " ")
    t = _PUNCT.sub(" ", t)
    return _WS.sub(" ", t).strip()


@lru_cache(maxsize=1)
def _stemmer():
    """Sastrawi's stemmer over Sastrawi's own dictionary of root words.

    Built here rather than by ``StemmerFactory().create_stemmer()``, with the
    same dictionary and the same stems: the factory adds its 30,000 words one
    method call at a time (a third of the stemmer's start-up, which every
    ``check`` pays) and wraps the stemmer in a result cache that :func:`stem`'s
    own cache makes redundant."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    dictionary = ArrayDictionary()
    # the dictionary is only asked whether it holds a word (``contains``), so
    # the values need not repeat the keys; Sastrawi's word list has no blank
    # line but a possible last empty one, which ArrayDictionary.add leaves out
    dictionary.words = dict.fromkeys(StemmerFactory().get_words())
    dictionary.words.pop("", None)
    return Stemmer(dictionary)


@lru_cache(maxsize=50000)
def stem(word: str) -> str:
    """The root of one Indonesian word ("mengagendakan" -> "agenda")."""
    if not word or not word.isalpha() or len(word) <= 3:
        return word
    try:
        return _stemmer().stem(word) or word
    except Exception:  # the stemmer must never stop a run
        return word


#: words that carry no meaning for comparing activities
STOPWORDS = frozenset("""
yang dan atau serta dengan ke kepada dari di pada untuk dalam oleh bagi sebagai
tersebut ini itu secara agar supaya guna akan telah sudah sesuai terhadap
""".split())


#: roots of light verbs that add nothing to an activity ("melakukan
#: peninjauan" says what "meninjau" says)
LIGHT_VERBS = frozenset(["laku", "laksana"])


def tokens(text: Optional[str]) -> list:
    return norm(text).split()


def stems(text: Optional[str], drop_stopwords: bool = True) -> list:
    out = []
    for w in tokens(text):
        if drop_stopwords and w in STOPWORDS:
            continue
        out.append(stem(w))
    return out


def stem_text(text: Optional[str]) -> str:
    """Normalised text with every word reduced to its root, stopwords and
    light verbs out."""
    return " ".join(w for w in stems(text) if w not in LIGHT_VERBS)


# --------------------------------------------------------------------------
# empty values and placeholders

DASHES = {"-", "--", "---", "–", "—", "−"}

_PLACEHOLDER = re.compile(
    r"""^(?:
        [\s.…_\-–—/:,;*?]+                            # only dots, underscores, dashes
      | (?:x[\s.]*){2,}                                # xxx, x x x, XX.XX
      | \[[^\]]*\] | <[^>]*> | \{[^}]*\}             # [isi], <nama>, {nomor}
      | \(\s*(?:isi|diisi|isian|nama|nomor|tanggal|tgl|\.{2,}|…)[^)]*\)
      | (?:isi|diisi|isian|belum\s+diisi|tbd|todo|tba|dummy|contoh|lorem\s+ipsum.*)
    )$""",
    re.I | re.X,
)


def is_dash(text: Optional[str]) -> bool:
    return (text or "").strip() in DASHES


def is_placeholder(text: Optional[str]) -> bool:
    """A value that only holds a placeholder ("...", "xxx", "[isi]", "___").
    A lone dash is not a placeholder here (see :func:`is_dash`)."""
    t = (text or "").strip()
    if not t or is_dash(t):
        return False
    return bool(_PLACEHOLDER.match(t))


def is_blank(text: Optional[str]) -> bool:
    """Empty, a dash or a placeholder."""
    t = (text or "").strip()
    return not t or is_dash(t) or is_placeholder(t)


# --------------------------------------------------------------------------
# regulation citations

KINDS = [
    ("uud", r"undang[\s-]*undang\s+dasar|uud(?:\s*nri)?"),
    ("perppu", r"peraturan\s+pemerintah\s+pengganti\s+undang[\s-]*undang|perppu|perpu"),
    ("uu", r"undang[\s-]*undang|undang2|uu"),
    ("pp", r"peraturan\s+pemerintah|pp"),
    ("perpres", r"peraturan\s+presiden|perpres"),
    ("keppres", r"keputusan\s+presiden|keppres|kepres"),
    ("inpres", r"instruksi\s+presiden|inpres"),
    ("permendagri", r"peraturan\s+menteri\s+dalam\s+negeri|permendagri|permen\s*dagri"),
    ("permenpan", r"peraturan\s+menteri\s+(?:negara\s+)?pendayagunaan\s+aparatur\s+negara"
                  r"(?:\s+dan\s+reformasi\s+birokrasi)?|peraturan\s+menteri\s+(?:negara\s+)?pan(?:\s*[-&]?\s*rb)?"
                  r"|permen\s*pan(?:\s*[-&]?\s*rb)?|permenpanrb"),
    ("kepmendagri", r"keputusan\s+menteri\s+dalam\s+negeri|kepmendagri"),
    ("perka_bkn", r"peraturan\s+kepala\s+badan\s+kepegawaian\s+negara|perka\s*bkn|peraturan\s+kepala\s+bkn"),
    ("peraturan_bkn", r"peraturan\s+badan\s+kepegawaian\s+negara|peraturan\s+bkn"),
    ("permen", r"peraturan\s+menteri|permen[a-z]*"),
    ("kepmen", r"keputusan\s+menteri|kepmen[a-z]*"),
    ("perda", r"peraturan\s+daerah|perda|qanun"),
    ("pergub", r"peraturan\s+gubernur|pergub"),
    ("perbup", r"peraturan\s+bupati|perbup"),
    ("perwal", r"peraturan\s+wali\s*kota|perwal[a-z]*|perwako"),
    ("perkada", r"peraturan\s+kepala\s+daerah|perkada"),
    ("keputusan", r"surat\s+keputusan|keputusan|sk|kep|kepgub|kepbup|kepwal"),
    ("se", r"surat\s+edaran|se"),
    ("instruksi", r"instruksi|ingub|inbup"),
    ("ketetapan", r"ketetapan|tap"),
    ("permenkeu", r"pmk|kmk"),
    ("peraturan", r"peraturan|perka|perdirjen|perkaban|perban|perma|per"),
    ("surat", r"surat|nota\s+dinas|memorandum"),
]
_KIND_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{p})" for k, p in KINDS) + r")\b", re.I)
_YEAR = r"(?:19|20)\d{2}"
_CIT_PATTERNS = [
    # PER/21/M.PAN/11/2008 (old KemenPAN numbering), alone or after "Nomor"
    ("menpan", re.compile(r"\bPER\s*/\s*0*(?P<nomor>\d+)\s*/\s*M\.?\s*PAN(?:\s*[-.]?\s*RB)?\s*/\s*\d{1,2}\s*/\s*"
                          r"(?P<tahun>" + _YEAR + r")", re.I)),
    # Nomor 23 Tahun 2014 / No. 23 Th 2014 / Nomor : 23 tahun 2014
    ("nomor", re.compile(r"\b(?:nomor|nomer|nmr|no)\b\.?\s*[:.]?\s*(?P<nomor>[0-9A-Za-z][\w.\-]*?)\s*,?\s*"
                         r"\b(?:tahun|thn|th)\b\.?\s*(?P<tahun>" + _YEAR + r")\b", re.I)),
    # Nomor 215/PMK.05/2016, Nomor 01/SE/1977, Nomor 800/12/Disdik/2019
    ("slash", re.compile(r"\b(?:nomor|nomer|nmr|no)\b\.?\s*[:.]?\s*(?P<nomor>[\w.\-]*\d[\w.\-]*(?:\s*/\s*[\w.\-]+)+)",
                         re.I)),
    # UU 32/2004, Permendagri 52/2011
    ("short", re.compile(r"(?<![\w/.])(?P<nomor>\d{1,4})\s*/\s*(?P<tahun>" + _YEAR + r")(?![\w/])")),
    # UU 32 Tahun 2004
    ("bare", re.compile(r"(?<![\w/.])(?P<nomor>\d{1,4})\s+(?:tahun|thn|th)\.?\s+(?P<tahun>" + _YEAR + r")\b", re.I)),
]
_REFERS_BACK = re.compile(r"\b(?:atas|pelaksanaan|mencabut|pengganti|menggantikan|dicabut|diganti|"
                          r"sebagaimana|perubahan)\b", re.I)


_DASHES_TO_HYPHEN = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"} |
                                  {c: " " for c in "\u00a0\u2007\u202f\t"})


class Citation:
    __slots__ = ("jenis", "nomor", "tahun", "start", "end", "teks", "rujukan")

    def __init__(self, jenis, nomor, tahun, start, end, teks, rujukan):
        self.jenis, self.nomor, self.tahun = jenis, nomor, tahun
        self.start, self.end, self.teks = start, end, teks
        #: True when the citation is only referred to ("perubahan atas UU ...")
        self.rujukan = rujukan

    def __repr__(self):
        return f"Citation({self.jenis}, {self.nomor}, {self.tahun}{', rujukan' if self.rujukan else ''})"


def _canon_nomor(raw: str) -> str:
    m = re.search(r"\d+", raw)
    if "/" in raw and m:
        return str(int(m.group()))
    if raw.isdigit():
        return str(int(raw))
    return raw.upper()


def _last_kind(window: str) -> Optional[str]:
    m = _last_kind_match(window)
    return m.lastgroup if m else None


def _last_kind_match(window: str):
    last = None
    for m in _KIND_RE.finditer(window):
        last = m
    return last


def citations(text: str) -> list:
    """Regulation citations in one dasar_hukum entry, in text order."""
    # one character for one, so spans stay valid for the original text
    text = (text or "").translate(_DASHES_TO_HYPHEN)
    spans = []
    taken = []
    for name, rx in _CIT_PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            spans.append((m.start(), m.end(), name, m))
    spans.sort()
    out = []
    prev_end = 0
    for start, end, name, m in spans:
        window = text[prev_end:start]
        kind_start = start
        if name == "menpan":
            kind = "permenpan"
        else:
            km = _last_kind_match(window)
            if name in ("short", "bare"):
                # the kind must sit right before the number ("UU 32/2004")
                lo = max(prev_end, start - 30)
                km = _last_kind_match(text[lo:start])
                if km is not None:
                    kind_start = lo + km.start()
            elif km is not None:
                kind_start = prev_end + km.start()
            kind = km.lastgroup if km else None
        nomor_raw = m.group("nomor")
        tahun = m.groupdict().get("tahun")
        if name == "slash":
            years = re.findall(_YEAR, nomor_raw)
            tahun = years[-1] if years else None
            if re.search(r"\bPER\b", nomor_raw, re.I) and re.search(r"PAN", nomor_raw, re.I):
                kind = "permenpan"
        if kind is None:
            prev_end = end
            continue
        out.append(Citation(kind, _canon_nomor(nomor_raw), int(tahun) if tahun else None, kind_start, end,
                            text[kind_start:end], bool(_REFERS_BACK.search(window)) and bool(out)))
        prev_end = end
    return out


_UUD = re.compile(r"\b(?:undang[\s-]*undang\s+dasar|uud)\b.*\b(?:1945|45)\b", re.I)


def looks_like_citation(text: str) -> bool:
    """An entry names a kind of regulation, a number and a year."""
    if _UUD.search((text or "").translate(_DASHES_TO_HYPHEN)):
        return True
    return any(c.tahun for c in citations(text))


def has_kind(text: str) -> bool:
    return _last_kind(text or "") is not None


# --------------------------------------------------------------------------
# data files (rules/data), TOML

#: the package's data folder (installed as files beside the modules; reading it
#: through importlib.resources would cost every run that module's imports)
DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def data_file(name: str) -> dict:
    import tomllib

    return tomllib.loads((DATA / name).read_text("utf-8"))


def load_toml(path) -> dict:
    import tomllib

    with open(path, "rb") as fh:
        return tomllib.load(fh)


def item_loc(sop, key, i):
    """Where item ``i`` of the list field ``key`` is (else the field, else
    the identity block for an identity field)."""
    table = sop.lokasi or {}
    return table.get(f"{key}[{i}]") or table.get(key) or (table.get("identitas") if key.startswith("identitas") else None)
