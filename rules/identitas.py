"""ID rules: the identity section (bagian identitas) and its detail lists."""
from __future__ import annotations

import re

from soplint import labels
from soplint.model import DAFTAR_FIELDS
from soplint.rule import Rule
from soplint.lazyre import lazy_pattern

from soplint_rules._teks import is_dash, is_placeholder, item_loc

#: identity items: (model key, field path, Indonesian label, English label),
#: the labels being the standard's names (soplint/data/labels.json)
ITEMS = [(key, ("identitas." if key not in DAFTAR_FIELDS else "") + key, labels.name(key), labels.name(key, "en"))
         for key in ("instansi", "nomor_sop", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
                     "disahkan_oleh", "nama_sop") + DAFTAR_FIELDS]
LABEL = {key: (lid, len_) for key, _, lid, len_ in ITEMS}
IDENTITAS_KEYS = {"instansi", "nomor_sop", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
                  "disahkan_oleh", "nama_sop"}
LIST_KEYS = list(DAFTAR_FIELDS)
DATE_KEYS = ["tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"]

#: where a dash is an acceptable value (no revision yet; no related SOP)
DASH_ALLOWED = {"tanggal_revisi", "keterkaitan"}
#: what people write in Tanggal Revisi instead of "-"
_NO_REVISION = lazy_pattern(r"^(?:belum\s+(?:ada|pernah)(?:\s+revisi)?|belum\s+direvisi|tidak\s+ada|belum|"
                          r"n/?a|nihil|none)$", re.I)


def value_of(sop, key):
    if key in IDENTITAS_KEYS:
        return getattr(sop.identitas, key)
    return getattr(sop, key)


def field_of(key):
    return ("identitas." + key) if key in IDENTITAS_KEYS else key


def disahkan_empty(p) -> bool:
    return not any((getattr(p, a) or "").strip() for a in ("jabatan", "nama", "pangkat", "nip"))


def _no_revision(t) -> bool:
    return t is not None and (is_dash(t.teks) or bool(_NO_REVISION().match((t.teks or "").strip())))


class IdentitasWajib(Rule):
    """Memeriksa bahwa setiap unsur identitas SOP ada.
    Checks that every item of the identity section is present.

    Apa / What
      Satu temuan untuk setiap unsur yang tidak ditemukan sama sekali: nomor_sop,
      tanggal_pembuatan, tanggal_revisi, tanggal_efektif, disahkan_oleh, nama_sop,
      instansi, dasar_hukum, kualifikasi_pelaksana, keterkaitan,
      peralatan_perlengkapan, peringatan, pencatatan_pendataan. (Unsur yang ada tetapi
      kosong dilaporkan oleh ID02.)

      One finding per item that is absent altogether (an item present but empty is ID02).

    Mengapa / Why
      PermenPAN-RB 35/2012 (Lampiran, bagian identitas) menetapkan unsur identitas
      ini untuk setiap SOP AP; Permendagri 52/2011 mengikuti format yang sama.

      PermenPAN-RB 35/2012 prescribes these identity items for every SOP AP.

    Contoh / Example
      Salah / wrong:  tabel identitas tanpa baris "Tanggal Efektif".
      Benar / fixed:  tambahkan "Tanggal Efektif : 2 Januari 2024".
    """

    code = "ID01"
    name = "identitas-wajib"
    severity = "error"
    summary = ("Unsur identitas wajib tidak ada", "A required identity item is absent")
    messages = {"default": ("{label} tidak ditemukan", "{label_en} not found")}

    def check(self, sop, ctx):
        for key, fieldpath, lid, len_ in ITEMS:
            value = value_of(sop, key)
            absent = value is None or (key == "instansi" and not [x for x in value if x.strip()])
            if absent:
                yield self.finding(sop, field=fieldpath, label=lid, label_en=len_)


class IsianKosong(Rule):
    """Memeriksa unsur identitas yang ada tetapi kosong atau berisi penanda isian.
    Checks items that are present but empty or only a placeholder.

    Apa / What
      Nilai kosong, atau hanya "...", "xxx", "[isi]", "___", atau "-" di tempat
      yang tidak boleh "-". Tanda "-" boleh untuk Tanggal Revisi (belum ada revisi)
      dan Keterkaitan (tidak ada SOP terkait). Untuk daftar (Dasar Hukum dsb.)
      judul yang ada tanpa isi, atau butir yang hanya penanda isian, dilaporkan.

      An empty value, or only a placeholder; "-" is allowed for Tanggal Revisi and
      Keterkaitan. For lists: a heading with no entries, or an entry that is a
      placeholder.

    Mengapa / Why
      Unsur identitas adalah bagian wajib dokumen SOP AP (PermenPAN-RB 35/2012);
      isian yang tertinggal menandakan draf yang belum selesai.

      Left-over placeholders mark an unfinished draft.

    Contoh / Example
      Salah / wrong:  "Nomor SOP : ......"   "Dasar Hukum:" tanpa butir
      Benar / fixed:  "Nomor SOP : 065/23.c/DKPS/II/2014"
    """

    code = "ID02"
    name = "isian-kosong"
    severity = "error"
    summary = ("Unsur identitas ada tetapi kosong atau berisi penanda isian",
               "An item is present but empty or a placeholder")
    messages = {
        "default": ("{label} kosong", "{label_en} is empty"),
        "placeholder": ("{label} berisi penanda isian: {teks}", "{label_en} holds a placeholder: {teks}"),
        "dash": ("{label} hanya berisi \"-\"", "{label_en} is only \"-\""),
    }

    def _text_value(self, sop, key, text):
        lid, len_ = LABEL[key]
        f = field_of(key)
        t = (text or "").strip()
        if not t:
            return self.finding(sop, field=f, label=lid, label_en=len_)
        if is_dash(t):
            if key in DASH_ALLOWED:
                return None
            return self.finding(sop, "dash", field=f, label=lid, label_en=len_, teks=t)
        if is_placeholder(t):
            return self.finding(sop, "placeholder", field=f, label=lid, label_en=len_, teks=t)
        return None

    def check(self, sop, ctx):
        idn = sop.identitas
        if idn.nomor_sop is not None:
            f = self._text_value(sop, "nomor_sop", idn.nomor_sop)
            if f:
                yield f
        if idn.nama_sop is not None:
            f = self._text_value(sop, "nama_sop", idn.nama_sop)
            if f:
                yield f
        for key in DATE_KEYS:
            t = getattr(idn, key)
            if t is None:
                continue
            if key == "tanggal_revisi" and _no_revision(t):
                continue
            if t.tanggal:
                continue  # a readable date is never empty
            f = self._text_value(sop, key, t.teks)
            if f:
                yield f
        p = idn.disahkan_oleh
        if p is not None and disahkan_empty(p):
            lid, len_ = LABEL["disahkan_oleh"]
            yield self.finding(sop, field="identitas.disahkan_oleh", label=lid, label_en=len_)
        for i, item in enumerate(idn.instansi or []):
            if is_placeholder(item):
                lid, len_ = LABEL["instansi"]
                yield self.finding(sop, "placeholder", field="identitas.instansi", label=lid, label_en=len_,
                                   teks=item, lokasi=item_loc(sop, "identitas.instansi", i))
        for key in LIST_KEYS:
            items = getattr(sop, key)
            if items is None:
                continue
            lid, len_ = LABEL[key]
            real = [x for x in items if (x or "").strip()]
            if not real:
                if key not in DASH_ALLOWED:
                    yield self.finding(sop, field=key, label=lid, label_en=len_)
                continue
            for i, item in enumerate(items):
                if is_placeholder(item):
                    yield self.finding(sop, "placeholder", field=key, label=lid, label_en=len_, teks=item,
                                       lokasi=item_loc(sop, key, i))
                elif is_dash(item) and key not in DASH_ALLOWED and len(real) == 1:
                    yield self.finding(sop, "dash", field=key, label=lid, label_en=len_, teks=item,
                                       lokasi=item_loc(sop, key, i))


def _date_skip(key, t) -> bool:
    """Dates that other rules own: absent, empty, dash, placeholder."""
    if t is None:
        return True
    teks = (t.teks or "").strip()
    if not teks or is_dash(teks) or is_placeholder(teks):
        return True
    if key == "tanggal_revisi" and _no_revision(t):
        return True
    return False


class TanggalTidakValid(Rule):
    """Memeriksa bahwa setiap tanggal identitas dapat dibaca sebagai tanggal.
    Checks that every identity date can be read as a date.

    Apa / What
      Tanggal Pembuatan, Tanggal Revisi dan Tanggal Efektif yang terisi tetapi
      tidak dapat dibaca ("31 Februari 2020", "2020-13-01", "Senin", "tgl").
      Nama bulan Indonesia, ejaan lama (Pebruari, Nopember), singkatan (Agt, Des),
      tanggal ISO dan bulan-tahun saja diterima, juga tanggal yang diapit teks lain
      ("Bengkulu, 3 Maret 2014", "3 Maret 2014 M").

      A filled date that cannot be read as a date.

    Mengapa / Why
      Tanggal efektif menentukan mulai berlakunya SOP, tanggal revisi menandai
      tinjauan berikutnya (PermenPAN-RB 35/2012, bagian identitas).

      The effective date fixes when the SOP applies.

    Contoh / Example
      Salah / wrong:  "Tanggal Efektif : 31 Juni 2020"
      Benar / fixed:  "Tanggal Efektif : 30 Juni 2020"
    """

    code = "ID03"
    name = "tanggal-tidak-valid"
    severity = "error"
    summary = ("Tanggal tidak dapat dibaca", "A date cannot be read as a date")
    messages = {"default": ("{label} tidak dapat dibaca sebagai tanggal: {teks}",
                            "{label_en} cannot be read as a date: {teks}")}

    def check(self, sop, ctx):
        for key in DATE_KEYS:
            t = getattr(sop.identitas, key)
            if _date_skip(key, t) or t.tanggal or date_inside(t.teks):
                continue
            lid, len_ = LABEL[key]
            yield self.finding(sop, field=field_of(key), label=lid, label_en=len_, teks=t.teks)


#: compiled on first use (only for dates the date parser could not read)
_DATE_CANDIDATES = [
    lazy_pattern(r"\b\d{1,2}\s*[-/. ]\s*[A-Za-z]{3,10}\.?\s*[-/. ,]\s*\d{2,4}\b"),
    lazy_pattern(r"\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}\b"),
    lazy_pattern(r"\b\d{4}-\d{2}-\d{2}\b"),
]


def date_inside(text) -> bool:
    """A readable date within noise: "Bengkulu, 3 Maret 2014", "3 Maret 2014 M",
    "3 Maret 2014 / 1 Jumadil Awal 1435 H" are dates a person reads at once."""
    from soplint.values import parse_tanggal

    for rx in _DATE_CANDIDATES:
        for m in rx().finditer(text or ""):
            for cand in (m.group(), re.sub(r"\s*([-/.])\s*", r"\1", m.group())):
                found = parse_tanggal(cand)
                if found is not None and found.tanggal:
                    return True
    return False


class TanggalTidakLengkap(Rule):
    """Memeriksa tanggal yang hanya berisi bulan dan tahun, atau tahun saja.
    Checks dates that give only month and year, or only a year.

    Apa / What
      "Desember 2013", "JUNI 2020", "2019": tanggal tanpa hari.

      A date without its day.

    Mengapa / Why
      Tanggal efektif adalah tanggal penandatanganan dokumen SOP
      (PermenPAN-RB 35/2012); tanpa hari, mulai berlakunya tidak pasti
      (prinsip kepastian hukum).

      Without the day, the start of validity is uncertain.

    Contoh / Example
      Salah / wrong:  "Tanggal Pembuatan : Desember 2013"
      Benar / fixed:  "Tanggal Pembuatan : 16 Desember 2013"
    """

    code = "ID04"
    name = "tanggal-tidak-lengkap"
    severity = "warning"
    summary = ("Tanggal hanya bulan dan tahun, atau tahun saja", "A date gives only month and year, or only a year")
    messages = {"bulan": ("{label} hanya berisi bulan dan tahun: {teks}", "{label_en} gives only month and year: {teks}"),
                "tahun": ("{label} hanya berisi tahun: {teks}", "{label_en} gives only a year: {teks}")}
    messages["default"] = messages["bulan"]

    def check(self, sop, ctx):
        for key in DATE_KEYS:
            t = getattr(sop.identitas, key)
            if _date_skip(key, t) or not t.tanggal:
                continue
            if t.presisi in ("bulan", "tahun"):
                lid, len_ = LABEL[key]
                yield self.finding(sop, t.presisi, field=field_of(key), label=lid, label_en=len_, teks=t.teks)


def _truncate(iso: str, presisi: str) -> str:
    if presisi == "tahun":
        return iso[:4]
    if presisi == "bulan":
        return iso[:7]
    return iso


def earlier(a, b) -> bool:
    """Is date ``a`` earlier than ``b``, compared at the coarser precision?"""
    order = {"hari": 3, "bulan": 2, "tahun": 1, None: 3}
    coarse = min(order.get(a.presisi, 3), order.get(b.presisi, 3))
    level = {3: "hari", 2: "bulan", 1: "tahun"}[coarse]
    return _truncate(a.tanggal, level) < _truncate(b.tanggal, level)


class UrutanTanggal(Rule):
    """Memeriksa urutan tanggal: efektif dan revisi tidak boleh sebelum pembuatan.
    Checks date order: effective and revision dates not before the date made.

    Apa / What
      Tanggal Efektif atau Tanggal Revisi lebih awal dari Tanggal Pembuatan.
      Tanggal dengan presisi berbeda dibandingkan pada presisi yang lebih kasar
      ("Juni 2020" tidak lebih awal dari "15 Juni 2020").

      Effective or revision date earlier than the date made (compared at the
      coarser precision).

    Mengapa / Why
      SOP berlaku setelah selesai dibuat dan ditandatangani; revisi (atau rencana
      tinjauan) datang sesudahnya (PermenPAN-RB 35/2012, bagian identitas).

      An SOP applies once it is made and signed; a revision (or a planned
      review) comes after that (PermenPAN-RB 35/2012, identity part).

    Contoh / Example
      Salah / wrong:  Pembuatan 3 Februari 2014, Efektif 1 Januari 2014
      Benar / fixed:  Pembuatan 3 Februari 2014, Efektif 1 Maret 2014
    """

    code = "ID05"
    name = "urutan-tanggal"
    severity = "error"
    summary = ("Tanggal efektif atau revisi sebelum tanggal pembuatan",
               "Effective or revision date earlier than the date made")
    messages = {"default": ("{label} ({teks}) lebih awal dari Tanggal Pembuatan ({buat})",
                            "{label_en} ({teks}) is earlier than the date made ({buat})")}

    def check(self, sop, ctx):
        idn = sop.identitas
        buat = idn.tanggal_pembuatan
        if buat is None or not buat.tanggal:
            return
        for key in ("tanggal_efektif", "tanggal_revisi"):
            t = getattr(idn, key)
            if t is None or not t.tanggal:
                continue
            if earlier(t, buat):
                lid, len_ = LABEL[key]
                yield self.finding(sop, field=field_of(key), label=lid, label_en=len_, teks=t.teks,
                                   buat=buat.teks)


RULES = [IdentitasWajib, IsianKosong, TanggalTidakValid, TanggalTidakLengkap, UrutanTanggal]
