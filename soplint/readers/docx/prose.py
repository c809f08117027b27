"""Procedures written as text: where the procedure part starts and ends, its
groups (sub-procedures, "Tahap n"), and its steps read from sentences.

The procedure part opens at a heading naming it (Prosedur, Langkah-langkah,
Tahapan, Alur ..., Mekanisme, Tata Cara; with or without a marker such as
"D." or "V.") and closes at the next heading of the same rank (the same kind
of marker: "E." after "D.", "VI." after "V."), at an identity label, a title
or institution line. Inside it, a short heading of another rank, or a
"Tahap n" line, opens a group of steps; step numbers may restart in each
group. Lists elsewhere (duties, authorities, criteria, schedules) are never
steps.

A step's actor is the sentence's subject ("Kasi Pelayanan memverifikasi
...", or "... oleh Bagian Keamanan" in a passive sentence) when it reads as a
role; its kelengkapan, waktu and output come from the sentence ("(15
menit)", "dalam waktu 1 hari", "; output: ...") or from lines beside it
("Waktu: 5 menit"); a question ("apakah ...?") or a "jika tidak ..., kembali
ke ..." clause makes it a decision with its branches. Nothing here sees XML.
"""
from __future__ import annotations

import re
from typing import Optional

from soplint import labels, values
from soplint.lazyre import lazy_pattern
from soplint.lokasi import Lokasi
from soplint.model import Cabang, Kegiatan, TakTerpetakan
from soplint.readers.docx import flow
from soplint.readers.docx.common import para_lines
from soplint.readers.docx.steps_text import split_actor
from soplint.readers.docx.tree import Paragraph, clean

_proc_head_re = lazy_pattern(
    r"^(?:uraian\s+|rincian\s+)?(?:prosedur|langkah|tahapan|alur(?!\s+koordinasi)|mekanisme|tata\s+cara|"
    r"uraian\s+kegiatan|rincian\s+kegiatan|kegiatan\s+pelaksanaan|pelaksanaan\s+kegiatan)\b", re.I)
_typed_re = lazy_pattern(r"^\s*(?:(?P<roman>[IVXL]{2,5})|(?P<upper>[A-Z])|(?P<dec2>\d{1,2}\.\d{1,2})|"
                         r"(?P<dec>\d{1,3})|(?P<lower>[a-z]))\s*[.)]\s*(?=\S)")
_tahap_re = lazy_pattern(r"^\s*(?:tahap|tahapan|bagian|sub\s*prosedur)\s+(?:[0-9]{1,2}|[IVX]{1,4})\b", re.I)
#: a line beside a step stating one of its mutu baku: "Waktu: 5 menit"
_beside_re = lazy_pattern(r"^\s*(kelengkapan|persyaratan|input|waktu|lama\s+waktu|output|keluaran|hasil|"
                          r"keterangan|ket)\s*[:=]\s*(.+)$", re.I)
_waktu_in_re = lazy_pattern(
    r"(?:\(\s*(?:waktu\s*[:=]?\s*)?|\bwaktu\s*[:=]\s*|\bdalam\s+waktu\s+|\bselama\s+|\bpaling\s+lama\s+|"
    r"\bmaksimal\s+|\bmaks\.?\s+|±\s*)(\d+(?:[.,]\d+)?\s*(?:\([a-z ]+\)\s*)?(?:menit|jam|hari\s+kerja|hari|"
    r"minggu|pekan|bulan))\b", re.I)
_output_in_re = lazy_pattern(r"[;,.]\s*(?:dengan\s+)?(?:output|keluaran|hasil(?:nya)?)\s*[:=]?\s*(.+?)\s*\.?\s*$", re.I)
_kelengkapan_in_re = lazy_pattern(r"[;,.]\s*(?:kelengkapan|persyaratan)\s*[:=]\s*(.+?)\s*\.?\s*$", re.I)
_oleh_re = lazy_pattern(r"\boleh\s+([A-Za-z][\w'/.-]*(?:\s+[A-Za-z][\w'/.-]*){0,4}?)"
                        r"(?=\s+(?:dengan|setelah|sebelum|untuk|dan|yang|kemudian|sambil|di|ke|pada|serta|agar|"
                        r"secara|sesuai|jika|lalu|\d)\b|\s*[,.;:()]|\s*$)")

#: words that open a role name ("Kepala Seksi ...", "Petugas Loket")
ROLE_HEADS = {
    "admin", "administrator", "anggota", "bagian", "bendahara", "bidang", "bupati", "camat", "direktur",
    "front", "guru", "jfu", "kabag", "kabid", "kadis", "kades", "kaban", "karyawan", "kasi", "kasie", "kasubag",
    "kasubbag", "kasubbid", "kasubid", "kepala", "ketua", "koordinator", "lurah", "masyarakat", "mudir",
    "murid", "musyrif", "musyrifah", "operator", "panitia", "pegawai", "pejabat", "pelaksana", "pelapor",
    "pemohon", "penduduk", "pengadministrasi", "pengelola", "pengguna", "penguji", "peserta", "petugas",
    "pimpinan", "pj", "plt", "ppk", "ppid", "resepsionis", "santri", "sekcam", "sekdes", "sekretaris", "seksi",
    "staf", "staff", "sub", "subbag", "tim", "unit", "verifikator", "waka", "wakil", "wali", "walikota",
    "gubernur", "inspektur", "auditor", "analis", "pranata", "arsiparis", "kurir", "satpam", "caraka",
    "ustadz", "ustadzah", "pengasuh", "bupati", "ajudan", "kasatpol", "kapolsek", "pemilik", "pelanggan",
    "tamu", "dokter", "perawat", "bidan", "apoteker", "siswa", "mahasiswa", "dosen", "tata", "loket", "cs",
    "customer", "kasir", "juru", "penyuluh", "pengawas", "penilai", "penyidik", "sekda", "asisten",
}
#: words that never open an actor ("Tidak", "Segera", "Jika ...")
_NOT_ACTOR = {
    "jika", "apabila", "bila", "kalau", "tidak", "tdk", "segera", "setiap", "setelah", "sebelum", "dalam",
    "untuk", "pada", "masuk", "tahap", "tahapan", "langkah", "kemudian", "lalu", "selanjutnya", "apakah", "ya",
    "bukti", "semua", "seluruh", "apabila", "agar", "dengan", "sesuai", "hasil", "proses", "data", "surat",
    "berkas", "dokumen", "izin", "ijin", "laporan", "sambil", "saat", "ketika", "selama", "bagi", "hal",
    "catatan", "waktu", "output", "kelengkapan", "pembelajaran", "pembinaan", "kegiatan", "materi", "kelas",
    "halaqah", "apabila", "jadwal", "sistem", "aplikasi", "modul", "buku", "formulir", "konsep", "draf",
}


def is_procedure_heading(text: str) -> bool:
    """A heading naming the procedure part ("D. Prosedur Kerja", "V. PROSEDUR
    PELAKSANAAN KERJA (...)", "Tahapan Proses dalam kelas", "Langkah-langkah:")."""
    t = clean(text)
    if not t or len(t) > 110 or t.endswith((".", ";", ",")):
        return False
    m = _typed_re().match(t)
    body = t[m.end():] if m else t
    if len(body.split()) > 12:
        return False
    return bool(_proc_head_re().match(body.strip(" :")))


def marker(p: Paragraph, text: Optional[str] = None) -> tuple[Optional[str], str]:
    """(kind of marker, text without it): Word numbering gives its format
    ("decimal", "upperLetter", "bullet", ...; "decimal2" for "2.1."), a
    typed one its kind; ``None`` for a paragraph without one."""
    text = p.text if text is None else text
    t = text.strip()
    if _tahap_re().match(t):
        return "tahap", t
    if p.num is not None and p.num.fmt not in ("none", ""):
        fmt = p.num.fmt
        if fmt in ("decimal", "decimalZero") and p.num.label and re.match(r"^\d+\.\d+", p.num.label):
            fmt = "decimal2"
        return fmt, t
    m = _typed_re().match(t)
    if m:
        for kind, fmt in (("roman", "upperRoman"), ("upper", "upperLetter"), ("dec2", "decimal2"),
                          ("dec", "decimal"), ("lower", "lowerLetter")):
            if m.group(kind):
                return fmt, t[m.end():].strip()
    if t[:1] in "•·-–*▪►o" and len(t) > 2 and t[1] in " \t":
        return "bullet", t[2:].strip()
    return None, t


def same_rank(a: Optional[str], b: Optional[str]) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    # a typed "I." / "V." reads as a letter and as a roman numeral
    return {a, b} == {"upperLetter", "upperRoman"}


def heading_like(text: str) -> bool:
    """Short, not a sentence: may open a part or a group."""
    t = clean(text)
    return bool(t) and len(t) <= 90 and not t.endswith((".", ";", ",")) and len(t.split()) <= 12


def is_beside(text: str) -> bool:
    return bool(_beside_re().match(clean(text)))


class Section:
    """The procedure part being read: its heading's marker kind and what came first."""

    def __init__(self, p: Optional[Paragraph], text: str):
        self.kind = marker(p, text)[0] if p is not None else None
        self.first: Optional[str] = None  # "group" or "step"

    def ends_at(self, p: Paragraph, text: str) -> bool:
        """Does this line close the procedure part?"""
        t = clean(text)
        if not t:
            return False
        if is_beside(t) or is_procedure_heading(t):
            return False
        kind, body = marker(p, t)
        if kind in ("tahap",):
            return False
        if labels.is_title(t) or (kind is None and labels.looks_like_instansi(t) and t.upper() == t):
            return True
        head = body.split(":", 1)[0] if ":" in body[:60] else body
        if heading_like(head) and labels.match(head.strip(" :"), "identitas+daftar"):
            return True
        if same_rank(kind, self.kind) and kind in ("upperLetter", "upperRoman"):
            return True  # "E." after "D. Prosedur Kerja", "VI. ..." after "V. PROSEDUR ..."
        if not heading_like(t) or has_verb(body):
            return False
        if re.match(r"^(bab|bagian)\s+[ivxl0-9]+\b", t, re.I) or t.lower().startswith(("lampiran", "penutup")):
            return True
        if same_rank(kind, self.kind):
            return True
        if kind is None and self.kind is None and self.first == "step" and (t.isupper() or t.endswith(":")):
            return True
        return False

    def seen(self, p: Paragraph, text: str) -> None:
        if self.first is None and clean(text):
            kind, _body = marker(p, text)
            self.first = "group" if is_group_heading(text, kind) else "step"


# --------------------------------------------------------------------------
# steps

_verb_word_re = lazy_pattern(r"^(me|mem|men|meng|meny|ber|di|ter|mel|mer)[a-z]{3,}$")


def has_verb(text: str) -> bool:
    """A lower-case word shaped like a verb (me-/ber-/di-/ter-): a sentence, not a heading."""
    for wd in clean(text).split()[1:]:
        low = re.sub(r"[^a-z]", "", wd.lower())
        if wd[:1].islower() and _verb_word_re().match(low) and low not in ("dinas", "desa", "direktur"):
            return True
    first = re.sub(r"[^a-z]", "", (clean(text).split() or [""])[0].lower())
    return bool(_verb_word_re().match(first)) and first not in ("dinas", "desa", "direktur", "divisi")


def is_group_heading(text: str, kind: Optional[str]) -> bool:
    """A sub-procedure heading ("1. Penerimaan Dana", "Tahap II - Verifikasi"):
    short, a noun phrase, not a sentence or an item introducing sub-items."""
    t = clean(text)
    if kind == "tahap":
        return True
    return heading_like(t) and not t.endswith(":") and kind != "bullet" and not has_verb(t)


def _role_like(name: str, roles: list) -> bool:
    words = name.split()
    if not words or len(words) > 7:
        return False
    first = re.sub(r"[^a-z]", "", words[0].lower())
    if first in _NOT_ACTOR:
        return False
    if any(clean(name).lower() == clean(r).lower() for r in roles):
        return True
    if first in ROLE_HEADS:
        return True
    # a capitalised name of two to five words ("Pengurus Barang")
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)


def _title_case(name: str) -> str:
    if name[:1].islower():
        return " ".join(w[:1].upper() + w[1:] if w.isalpha() and w.islower() else w for w in name.split())
    return name


def find_actor(text: str, roles: list) -> Optional[str]:
    """The role doing the step: the subject before the verb, else the agent
    of a passive sentence ("... oleh Bagian Keamanan")."""
    body = text
    if ":" in body[:80]:
        head, rest = body.split(":", 1)
        if len(head.split()) <= 8 and rest.strip():
            actor = find_actor(rest.strip(), roles)
            if actor:
                return actor
            actor, _ = split_actor(head)
            return _clean_actor(actor, roles)
    actor, _rest = split_actor(body)
    actor = _clean_actor(actor, roles)
    if actor:
        return actor
    m = _oleh_re().search(body)
    if m:
        cand = m.group(1).strip(" ,.;")
        if _role_like(cand, roles):
            return _known(_title_case(cand), roles)
    return None


def _clean_actor(actor: Optional[str], roles: list) -> Optional[str]:
    if not actor:
        return None
    # "Mudir Aam bersama Kepala Kuttab dan ..." -> the first one
    heads = "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
    actor = re.split(r"\s+(?:bersama|beserta|dibantu)\s+|,|\s+(?:dan|atau|serta|/)\s+(?=(?:%s)\b)" % heads,
                     actor, flags=re.I)[0].strip(" ,:")
    if not _role_like(actor, roles):
        return None
    return _known(actor, roles)


def _known(actor: str, roles: list) -> str:
    for r in roles:
        if clean(r).lower() == clean(actor).lower():
            return r
    return actor


def _mutu(k: Kegiatan, text: str, hari) -> None:
    """Kelengkapan, waktu and output stated in the sentence."""
    if k.waktu is None:
        m = _waktu_in_re().search(text)
        if m:
            k.waktu = values.parse_waktu(m.group(1), hari)
    if not k.output:
        m = _output_in_re().search(text)
        if m:
            k.output = m.group(1).strip()
    if not k.kelengkapan:
        m = _kelengkapan_in_re().search(text)
        if m:
            k.kelengkapan = m.group(1).strip()


def _beside(k: Kegiatan, text: str, hari) -> bool:
    m = _beside_re().match(clean(text))
    if not m:
        return False
    key, value = m.group(1).lower(), m.group(2).strip()
    if key in ("kelengkapan", "persyaratan", "input"):
        k.kelengkapan = value
    elif key in ("waktu", "lama waktu"):
        k.waktu = values.parse_waktu(value, hari)
    elif key in ("output", "keluaran", "hasil"):
        k.output = value
    else:
        k.keterangan = value
    return True


def _lokasi(p: Paragraph) -> Optional[Lokasi]:
    return Lokasi(paragraf=p.index) if p.index else None


def make_steps(paras: list[Paragraph], pelaksana: list[str], options: Optional[dict] = None
               ) -> tuple[list[Kegiatan], list[TakTerpetakan]]:
    """Model steps from the paragraphs of the procedure part (and what of
    them is not a step: group headings, sub-items, loose text, as unplaced)."""
    hari = getattr(options, "hari_menit", 480) if options is not None else 480
    unplaced: list[TakTerpetakan] = []
    rows = []
    for i, p in enumerate(paras):
        text = clean(p.text)
        if not text:
            continue
        kind, body = marker(p, text)
        rows.append((p, kind, body, text))
    any_item = any(kind not in (None, "tahap") for _p, kind, _b, _t in rows)
    steps: list[Kegiatan] = []
    used: set[int] = set()
    step_kind: Optional[str] = None
    for idx, (p, kind, body, text) in enumerate(rows):
        nxt_kind = rows[idx + 1][1] if idx + 1 < len(rows) else None
        group = kind == "tahap" or is_procedure_heading(text) or (
            is_group_heading(text, kind) and nxt_kind is not None and nxt_kind != kind
            and not is_beside(text) and (step_kind is None or kind != step_kind))
        if group:
            step_kind = None
            for ln in para_lines(p):
                unplaced.append(TakTerpetakan(teks=ln.text, lokasi=ln.lokasi))
            continue
        if steps and is_beside(text) and _beside(steps[-1], text, hari):
            continue
        is_step = (kind is not None and (step_kind is None or kind == step_kind)) or (kind is None and not any_item)
        if not is_step:
            for ln in para_lines(p):
                unplaced.append(TakTerpetakan(teks=ln.text, lokasi=ln.lokasi))
            continue
        if step_kind is None:
            step_kind = kind
        n = None
        if kind in ("decimal",):
            m = re.match(r"^\s*(\d{1,3})", text if not p.num else (p.num.label or ""))
            n = int(m.group(1)) if m else None
        if n is None or n == 0 or n in used or (used and n < max(used)):
            n = (max(used) + 1) if used else 1
        used.add(n)
        k = Kegiatan(no=n, uraian=body, lokasi=_lokasi(p))
        actor = find_actor(body, pelaksana)
        if actor:
            k.pelaksana = actor
            if actor not in pelaksana:
                pelaksana.append(actor)
        _mutu(k, body, hari)
        steps.append(k)
    _symbols_and_flow(steps)
    return steps, unplaced


def is_decision(text: str) -> bool:
    t = clean(text)
    return t.rstrip().endswith("?") or bool(re.search(r"\bapakah\b|\?\s", t, re.I)) or flow.has_yes_no_note(t)


def _symbols_and_flow(steps: list[Kegiatan]) -> None:
    total = len(steps)
    for i, k in enumerate(steps):
        if is_decision(k.uraian) and 0 < i < total - 1:
            k.simbol = "keputusan"
        elif i == 0 and total > 1:
            k.simbol = "mulai"
        elif i == total - 1 and total > 1:
            k.simbol = "selesai"
        else:
            k.simbol = "proses"
    nos = [k.no for k in steps]
    known = set(nos)
    for i, k in enumerate(steps):
        nxt = nos[i + 1] if i + 1 < len(nos) else None
        if k.simbol == "keputusan":
            br = flow.branches_from_text(k.uraian)
            ya = br.get("ya") if br.get("ya") in known else None
            tidak = br.get("tidak") if br.get("tidak") in known else None
            if ya is None and nxt is not None and tidak != nxt:
                ya = nxt
            if tidak is None and "tidak" not in br and nxt is not None and ya != nxt:
                tidak = nxt
            k.cabang = Cabang(ya=ya, tidak=tidak)
            k.lanjut = [ya] if ya is not None else []
        elif k.simbol == "selesai" or nxt is None:
            k.lanjut = []
        else:
            k.lanjut = [nxt]
