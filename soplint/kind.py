"""What kind of document an SOP model was read from (``sumber.jenis_dokumen``).

Decided per SOP from the model and a few facts the reader gives
(:class:`Facts`), never from the file format, so that every reader (Word,
PDF, ...) can call :func:`decide`. The kinds:

- ``sop_ap``: an SOP AP with its identity part and its procedure table;
- ``sop_ap_draf``: an SOP AP missing parts (checked field by field);
- ``sop_puskesmas``, ``sop_iso``, ``standar_pelayanan``: other formats an
  office sends as an SOP (domain.md D18);
- ``sop_bebas``: an SOP written freely (purpose, scope, steps as lists)
  without the SOP AP identity part and procedure table;
- ``uraian_tugas`` (job description), ``jadwal`` (duty roster), ``manual``
  (user manual), ``laporan`` (report), ``lain`` (something else).

Each decision carries its evidence (``bukti``) and, for anything not an SOP
AP, what an SOP AP would need that is missing (``kurang``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

#: kind code -> (Indonesian name, English name)
NAMES = {
    "sop_ap": ("SOP AP", "an SOP AP"),
    "sop_ap_draf": ("draf SOP AP yang belum lengkap", "an incomplete SOP AP draft"),
    "sop_puskesmas": ("SOP akreditasi Puskesmas/fasyankes", "a Puskesmas/health-facility accreditation SOP"),
    "sop_iso": ("prosedur sistem manajemen mutu (ISO)", "an ISO quality-management procedure"),
    "standar_pelayanan": ("Standar Pelayanan", "a Standar Pelayanan (service standard)"),
    "sop_bebas": ("SOP bentuk bebas (bukan format SOP AP)", "a free-form SOP (not the SOP AP format)"),
    "uraian_tugas": ("uraian tugas/jabatan", "a job description"),
    "jadwal": ("jadwal tugas/piket", "a duty roster"),
    "manual": ("panduan penggunaan (manual)", "a user manual"),
    "laporan": ("laporan", "a report"),
    "lain": ("dokumen lain", "another kind of document"),
}
SOP_AP = ("sop_ap", "sop_ap_draf")

#: labels that mark other kinds of SOP (normalised, compared as prefixes):
#: kind -> signs, and how many make the kind certain ("kuat") or likely when
#: the SOP AP structure is missing ("lemah")
OTHER_KINDS = {
    "sop_puskesmas": {
        "tanda": ["pengertian", "kebijakan", "referensi", "langkah langkah", "langkah kegiatan", "unit terkait",
                  "dokumen terkait", "rekaman historis", "alat dan bahan", "hal hal yang perlu diperhatikan",
                  "bagan alir", "diagram alir", "puskesmas", "ditetapkan kepala puskesmas", "uptd puskesmas"],
        "kuat": 3, "lemah": 2,
    },
    "sop_iso": {
        "tanda": ["no dokumen", "nomor dokumen", "no dok", "status dokumen", "dibuat oleh", "diperiksa oleh",
                  "disetujui oleh", "tanggal terbit", "iso 9001", "manual mutu", "instruksi kerja",
                  "distribusi dokumen", "salinan terkendali"],
        "kuat": 5, "lemah": 3,
    },
    "standar_pelayanan": {
        "tanda": ["standar pelayanan", "nomor sp", "persyaratan pelayanan", "persyaratan",
                  "sistem mekanisme dan prosedur", "sistem mekanisme prosedur", "jangka waktu pelayanan",
                  "jangka waktu penyelesaian", "jangka waktu", "biaya tarif", "biaya", "tarif", "produk pelayanan",
                  "penanganan pengaduan", "pengaduan saran dan masukan", "sarana prasarana", "sarana dan prasarana",
                  "kompetensi pelaksana", "pengawasan internal", "jumlah pelaksana", "jaminan pelayanan",
                  "jaminan keamanan", "evaluasi kinerja pelaksana", "maklumat pelayanan"],
        "kuat": 4, "lemah": 3,
    },
}

#: headings of documents that are not SOPs at all
_NOT_SOP = {
    "uraian_tugas": ["tugas pokok", "tugas dan tanggung jawab", "tugas dan fungsi", "uraian tugas", "tugas harian",
                     "tugas pekanan", "tugas bulanan", "tugas semesteran", "tugas tahunan", "wewenang",
                     "kewenangan", "tanggung jawab", "identitas jabatan", "nama jabatan", "tujuan jabatan",
                     "ikhtisar jabatan", "kriteria", "ruang lingkup tugas", "jam kerja", "syarat jabatan",
                     "indikator keberhasilan", "indikator kinerja", "pelanggaran", "sanksi", "bagian"],
    "jadwal": ["jadwal", "jadwal piket", "jadwal tugas", "jadwal kegiatan", "roster", "jam", "waktu"],
    "manual": ["panduan", "petunjuk penggunaan", "cara penggunaan", "penggunaan", "login", "pengguna sistem",
               "spesifikasi sistem", "fitur", "buku panduan", "manual", "user manual", "tampilan", "menu"],
    "laporan": ["laporan", "bab i", "bab ii", "bab iii", "latar belakang", "kata pengantar", "daftar isi",
                "kesimpulan", "penutup", "halaman awal", "pengesahan", "daftar pustaka", "lampiran"],
}

#: headings of a free-form SOP (purpose, scope, steps)
_SOP_BEBAS = ["tujuan", "ruang lingkup", "prosedur kerja", "prosedur", "langkah kerja", "alur koordinasi",
              "mekanisme", "tahapan", "tahapan proses", "target pelayanan", "dokumen yang digunakan",
              "prosedur pelaksanaan kerja", "prosedur pelaksanaan", "alur kerja", "sop", "standar operasional"]

_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_NUMBERING = re.compile(r"^(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zA-Z]|[ivxIVX]{1,5})\s*[.):]\s*")


def norm(text: Optional[str]) -> str:
    """Lower case, numbering, punctuation and extra spaces removed."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text).strip()
    t = _NUMBERING.sub("", t)
    t = _PUNCT.sub(" ", t.lower().replace("_", " "))
    return " ".join(t.split())


@dataclass
class Facts:
    """What a reader saw beyond the model: headings (short lines that open a
    part), whether it met a procedure table with actor columns, a drawn or
    pictured flowchart, and tables of other kinds (schedules)."""

    judul: list = field(default_factory=list)
    tabel_prosedur: bool = False
    kolom_pelaksana: bool = False
    bagan_alir: bool = False
    tabel_jadwal: int = 0
    gambar: int = 0


def _has(labels: list, tanda: str) -> bool:
    return any(lbl == tanda or lbl.startswith(tanda + " ") for lbl in labels)


def _labels(sop, facts: Facts) -> list:
    out = [norm(k) for k in (sop.lainnya or {})]
    for item in sop.tak_terpetakan or []:
        t = item.teks or ""
        head = t.split(":", 1)[0] if ":" in t[:60] else t
        if len(head) <= 60:
            out.append(norm(head))
    if sop.identitas.nama_sop:
        out.append(norm(sop.identitas.nama_sop))
    out.extend(norm(x) for x in sop.identitas.instansi or [])
    out.extend(norm(x) for x in facts.judul if len(x) <= 80)
    return [x for x in out if x]


def _identity_items() -> tuple:
    """(model path, the standard's name) of the 13 identity items, from the
    label vocabulary (:func:`soplint.labels.identity_keys`)."""
    from dataclasses import fields

    from soplint import labels
    from soplint.model import Identitas

    in_identitas = {f.name for f in fields(Identitas)}
    return tuple((f"identitas.{k}" if k in in_identitas else k, labels.name(k)) for k in labels.identity_keys())


#: the 13 identity items of the standard (logo aside) and their names
IDENTITY_ITEMS = _identity_items()
#: the items only an SOP AP identity part has (a title or institution line
#: is in every document)
_AP_ONLY = {"identitas.nomor_sop", "identitas.tanggal_pembuatan", "identitas.tanggal_revisi",
            "identitas.tanggal_efektif", "identitas.disahkan_oleh", "dasar_hukum", "kualifikasi_pelaksana",
            "keterkaitan", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"}


def identity_found(sop) -> list:
    """Keys of the identity items the model holds."""
    out = []
    for key, _name in IDENTITY_ITEMS:
        obj = sop
        for part in key.split("."):
            obj = getattr(obj, part, None)
        if obj not in (None, [], ""):
            out.append(key)
    return out


def _missing(sop, facts: Facts, found: list) -> list:
    miss = []
    ap = [k for k in found if k in _AP_ONLY]
    if len(ap) < 4:
        miss.append("bagian identitas SOP AP / SOP AP identity part")
    if not facts.tabel_prosedur:
        miss.append("tabel prosedur dengan kolom pelaksana dan mutu baku / procedure table with actor and "
                    "mutu baku columns")
    if not facts.bagan_alir:
        miss.append("bagan alir / flowchart")
    return miss


def decide(sop, facts: Optional[Facts] = None) -> dict:
    """``sumber.jenis_dokumen`` of one SOP: {"jenis", "nama", "bukti", "kurang"}."""
    facts = facts or Facts()
    labels = _labels(sop, facts)
    found = identity_found(sop)
    ap = [k for k in found if k in _AP_ONLY]
    names = dict((k, n) for k, n in IDENTITY_ITEMS)
    bukti: list = []
    structure = facts.tabel_prosedur and facts.kolom_pelaksana
    absent = not structure or len(ap) < 5

    # another format of SOP, by its own labels
    best = None
    for kind, spec in OTHER_KINDS.items():
        signs = []
        for tanda in spec["tanda"]:
            if _has(labels, tanda) and not any(tanda.startswith(f) or f.startswith(tanda) for f in signs):
                signs.append(tanda)
        need = spec["lemah"] if absent else spec["kuat"]
        if len(signs) >= need and (best is None or len(signs) > len(best[1])):
            best = (kind, signs)
    if best is not None:
        kind, signs = best
        return _result(kind, [_both("label", "labels", signs)], _missing(sop, facts, found))

    # an SOP AP, complete or a draft
    if len(ap) >= 8 and (structure or sop.kegiatan):
        bukti = ["identitas %d/13 / identity %d/13" % (len(found), len(found)),
                 "tabel prosedur dengan kolom pelaksana / procedure table with actor columns" if structure else
                 "langkah prosedur / procedure steps"]
        return _result("sop_ap", bukti, [])
    if len(ap) >= 4 or structure:
        bukti = [_both("unsur identitas SOP AP", "SOP AP identity items", [names[k] for k in ap])] if ap else []
        if structure:
            bukti.append("tabel prosedur dengan kolom pelaksana / procedure table with actor columns")
        miss = [names[k] for k, _n in IDENTITY_ITEMS if k not in found and k != "identitas.tanggal_revisi"]
        if not structure:
            miss.append("tabel prosedur / procedure table")
        return _result("sop_ap_draf", bukti, miss)

    # not an SOP AP: what is it?
    scores = {}
    for kind, signs in _NOT_SOP.items():
        hit = [s for s in signs if _has(labels, s)]
        scores[kind] = hit
    if facts.tabel_jadwal:
        scores["jadwal"] = scores["jadwal"] + ["tabel jadwal"]
    bebas = [s for s in _SOP_BEBAS if _has(labels, s)]
    titled_sop = any(re.match(r"^(sop|standar(d)? operasional prosedur|standar(t)? operating proc)", x)
                     for x in labels[:0] + [norm(x) for x in facts.judul[:6]] + [norm(sop.identitas.nama_sop)])
    steps = len(sop.kegiatan)
    miss = _missing(sop, facts, found)
    rep = scores["laporan"]
    man = scores["manual"]
    job = scores["uraian_tugas"]
    if len(rep) >= 3 and len(rep) >= len(job):
        kind = "laporan"
        if len(man) >= 2:
            bukti.append(_both("panduan", "manual", man))
        return _result(kind, [_both("judul bagian", "headings", rep)] + bukti, miss)
    if len(man) >= 3:
        return _result("manual", [_both("judul bagian", "headings", man)], miss)
    if titled_sop and (len(bebas) >= 2 or steps) and len(job) < max(3, len(bebas) + 1):
        return _result("sop_bebas", ["judul SOP / SOP title"] + ([_both("judul bagian", "headings", bebas)]
                                                                  if bebas else []), miss)
    if len(job) >= 2 or (titled_sop and job):
        return _result("uraian_tugas", [_both("judul bagian", "headings", job)], miss)
    if len(scores["jadwal"]) >= 2 and not steps:
        return _result("jadwal", [_both("judul bagian", "headings", scores["jadwal"])], miss)
    if titled_sop or len(bebas) >= 2:
        return _result("sop_bebas", ["judul SOP / SOP title"] if titled_sop else
                       [_both("judul bagian", "headings", bebas)], miss)
    if len(rep) >= 2:
        return _result("laporan", [_both("judul bagian", "headings", rep)], miss)
    return _result("lain", [], miss)


def _both(id_label: str, en_label: str, items: list) -> str:
    text = ", ".join(items)
    return "%s: %s / %s: %s" % (id_label, text, en_label, text)


def _result(kind: str, bukti: list, kurang: list) -> dict:
    return {"jenis": kind, "nama": list(NAMES[kind]), "bukti": bukti, "kurang": kurang}


def is_sop_ap(sop) -> bool:
    """True unless the model says it was read from another kind of document
    (an undecided model counts as an SOP AP)."""
    j = getattr(sop.sumber, "jenis_dokumen", None)
    return not j or j.get("jenis") in SOP_AP
