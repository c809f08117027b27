"""Mapping the labels written in SOP documents to the model's keys.

The variants live in ``soplint/data/labels.json`` (domain.md sections 3 and 4).
A label is matched on its normalised text (case, punctuation, "Tgl." ->
"tanggal", "/" "&" "dan" "atau" ignored), first exactly, then with fuzzy
matching (rapidfuzz) so that typos ("Tanggal Pembuataan", "Disyahkan Oleh")
still map. Short labels ("No", "Ket") are only matched exactly.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from soplint.lazyre import lazy_pattern

#: groups of labels in labels.json
IDENTITAS = "identitas"
DAFTAR = "daftar"
LAINNYA = "lainnya"
KOLOM = "kolom"
PROSEDUR = "prosedur_judul"
#: the standard's names of fields (Indonesian, English)
NAMA = "nama"

#: (text every match contains, pattern, replacement): a pattern is only
#: tried (and so compiled) on texts holding its text
_ABBREV = [(lit, lazy_pattern(rx), rep) for lit, rx, rep in [
    ("tgl", r"\btgl\b", "tanggal"),
    ("ket", r"\bket\b", "keterangan"),
    ("no", r"\bno\b", "nomor"),
    ("nmr", r"\bnmr\b", "nomor"),
    ("standar", r"\bstandar(?:d)? operasional prosedur\b", "sop"),
    ("standar", r"\bstandar(?:d)? operating procedures?\b", "sop"),
    ("resiko", r"\bresiko\b", "risiko"),
    ("syah", r"\bsyah", "sah"),
]]
_DROP = re.compile(r"\b(dan|atau|serta)\b")
_PUNCT = re.compile(r"[/&,;:.()\[\]\-–—_'\"*]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Lower case, punctuation removed, abbreviations expanded, "/", "&",
    "dan", "atau" dropped, whitespace collapsed."""
    t = (text or "").lower().replace("\u00a0", " ")
    t = _PUNCT.sub(" ", t)
    for lit, rx, rep in _ABBREV:
        if lit in t:
            t = rx().sub(rep, t)
    t = _DROP.sub(" ", t)
    t = _SPACES.sub(" ", t).strip()
    return t


@lru_cache(maxsize=1)
def _data() -> dict:
    # a file beside the module: importlib.resources would cost every run its imports
    return json.loads((Path(__file__).resolve().parent / "data" / "labels.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def _table(group: str) -> dict[str, str]:
    """normalised variant -> key for one group ("identitas+daftar" joins)."""
    out: dict[str, str] = {}
    data = _data()
    for v in data.get("bukan", []):
        out[normalize(v)] = ""  # look-alikes that are no label
    for g in group.split("+"):
        section = data[g]
        if isinstance(section, dict):
            for key, variants in section.items():
                if key.startswith("_"):
                    continue
                out[normalize(key.replace("_", " "))] = key
                for v in variants:
                    out.setdefault(normalize(v), key)
        else:
            for v in section:
                out.setdefault(normalize(v), g)
    return out


@lru_cache(maxsize=None)
def _by_length(group: str) -> tuple[list[tuple[str, int]], frozenset]:
    """The variants of a group with their lengths, in table order, and the
    set of those lengths."""
    sized = [(v, len(v)) for v in _table(group)]
    return sized, frozenset(m for _, m in sized)


@lru_cache(maxsize=None)
def _choices(group: str, n: int, floor: float) -> list[str]:
    """The variants of a group, in table order, that a text of length ``n``
    can match with a ratio of ``floor`` or more: a ratio is at most
    200 * min(n, m) / (n + m) for lengths n and m, so the others never can
    (tested once per length, not per variant)."""
    sized, lengths = _by_length(group)
    fit = {m for m in lengths if 200.0 * min(n, m) >= (floor - 1e-6) * (n + m)}
    return [v for v, m in sized if m in fit]


def match(text: str, group: str = "identitas+daftar", cutoff: float = 86.0) -> Optional[str]:
    """See :func:`_match` (cached: documents repeat their labels)."""
    if not text or len(text) > 90:
        return None
    return _match(text, group, cutoff)


def exact(text: str, group: str) -> bool:
    """The label is one of the written variants (after normalisation)."""
    return bool(_table(group).get(normalize(text)))


@lru_cache(maxsize=4096)
def _match(text: str, group: str = "identitas+daftar", cutoff: float = 86.0) -> Optional[str]:
    """The key a label maps to in ``group`` (e.g. "nomor_sop"), or None.

    ``group`` names sections of labels.json joined with "+": identitas,
    daftar, lainnya (returns "lainnya"), kolom, prosedur_judul (returns
    "prosedur_judul").
    """
    norm = normalize(text)
    if not norm or len(norm) > 60:
        return None
    table = _table(group)
    key = table.get(norm)
    if key is not None:
        return key or None
    if len(norm) < 6:
        return None
    from rapidfuzz import fuzz, process

    # choices scoring below cutoff - 3 can decide nothing: the best one must
    # reach the cutoff, and a second one 3 or more points below it is no rival
    floor = min(100.0, max(0.0, cutoff - 3))
    best = process.extract(norm, _choices(group, len(norm), floor), scorer=fuzz.ratio, limit=2,
                           score_cutoff=floor)
    if not best or best[0][1] < cutoff:
        return None
    if len(best) > 1 and table[best[1][0]] != table[best[0][0]] and best[0][1] - best[1][1] < 3:
        return None  # ambiguous between two keys
    return table[best[0][0]] or None


#: labels that name identity fields only inside an identity block: on their
#: own ("Nomor : ...", "Judul : ...") they also head letters, decrees, forms
WEAK = {"nomor", "judul", "disahkan", "ditetapkan", "pengesahan", "mengesahkan", "referensi", "acuan"}


def is_weak(label: str) -> bool:
    return normalize(label) in WEAK


def variants(key: str) -> list[str]:
    """All written variants of one key (for messages and writers)."""
    data = _data()
    for section in (IDENTITAS, DAFTAR, KOLOM):
        if key in data[section]:
            return list(data[section][key])
    return []


def identity_keys() -> list[str]:
    """The standard's 13 identity items (the logo aside), in the form's
    order, as keys of :func:`name` ("instansi", "nomor_sop", ... "pencatatan_pendataan")."""
    return [k for k in _data()[NAMA] if not k.startswith("_")]


def name(key: str, lang: str = "id") -> str:
    """The standard's name of a field as the template writes it
    ("Peralatan/Perlengkapan"), or its English name ("Equipment
    (Peralatan/Perlengkapan)") for ``lang`` "en"."""
    pair = _data()[NAMA][key]
    return pair[1] if lang == "en" else pair[0]


@lru_cache(maxsize=None)
def written(key: str) -> tuple:
    """The variants of one key, normalised (:func:`normalize`), in the
    data's order, without repeats."""
    return tuple(dict.fromkeys(v for v in (normalize(x) for x in variants(key)) if v))


def after_label(text: str, key: str) -> Optional[str]:
    """What follows a written label of ``key`` at the start of ``text``
    (normalised; "" for the label alone), or None when ``text`` does not
    start with one."""
    t = normalize(text)
    for label in written(key):
        if t == label:
            return ""
        if t.startswith(label + " "):
            return t[len(label) + 1:]
    return None


def is_label_of(text: str, keys) -> bool:
    """``text`` is just a written label of one of ``keys``."""
    t = normalize(text)
    return bool(t) and any(t in written(k) for k in keys)


_TITLE = re.compile(r"^\s*(standar(d)?\s+operasional\s+prosedur|standar(d)?\s+operating\s+procedures?|s\s*\.?\s*o\s*\.?\s*p\s*\.?)(\s|\(|$|:)",
                    re.I)


def is_title(text: str) -> bool:
    """The document title line ("STANDAR OPERASIONAL PROSEDUR ...", or an
    upper-case "SOP ..."; "SOP Surat Keluar" in a list is an item)."""
    m = _TITLE.match(text or "")
    if not m:
        return False
    if m.group(1).lower().startswith("s") and not m.group(1).lower().startswith("standar"):
        letters = [c for c in text if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return True


_INSTANSI = re.compile(
    r"^\s*(pemerintah|dinas|badan|kantor|kecamatan|kelurahan|desa|sekretariat|inspektorat|satuan|"
    r"bagian|bidang|sub\s*bagian|subbagian|sub\s*bidang|seksi|upt|uptd|rsud|rumah\s+sakit|puskesmas|"
    r"kementerian|kementrian|direktorat|biro|lembaga|komisi|provinsi|kabupaten|kota|unit|madrasah|"
    r"sekolah|universitas|balai|camat|sekretaris|dewan|dprd|kepolisian|pengadilan|kejaksaan|bappeda|"
    r"bapenda|bkpsdm|bkd|dpmptsp|disdukcapil|setda|setwan|otorita|perangkat|instansi|opd|skpd|pusat)\b",
    re.I)


def looks_like_instansi(text: str) -> bool:
    """An institution line ("PEMERINTAH KABUPATEN X", "DINAS ...", "BIDANG ...")."""
    t = (text or "").strip()
    if not t or len(t) > 120:
        return False
    return bool(_INSTANSI.match(t))
