"""DK rules: the file itself (unreadable, unplaced text, tracked changes, kind)."""
from __future__ import annotations

import re

from soplint.rule import Rule

from soplint_rules._teks import norm


class BerkasTidakTerbaca(Rule):
    """Melaporkan berkas yang tidak dapat dibaca; pemeriksaan berkas lain berlanjut.
    Reports files that cannot be read; the other files are still checked.

    Apa / What
      Berkas bukan dokumen Word, rusak atau terpotong, terenkripsi (berkata sandi),
      terlalu besar, bom zip, .doc tanpa LibreOffice, dsb. Pesannya menyebut
      penyebabnya. Juga berkas yang terbaca tetapi tidak akan dibuka Word
      (bagian paket seperti [Content_Types].xml hilang).
      Not a Word document, damaged, encrypted, too large, a zip bomb...; the
      message says which. Also a file that could be read but that Word will
      not open (a package part such as [Content_Types].xml missing).

    Mengapa / Why
      Satu berkas yang rusak tidak boleh menghentikan pemeriksaan seluruh berkas
      SOP sebuah OPD; berkas itu perlu disimpan ulang dari Word.

    Contoh / Example
      Salah / wrong:  "sop-cuti.docx" yang sebenarnya PDF berganti nama.
      Benar / fixed:  simpan ulang dari Word sebagai .docx.
    """

    code = "DK01"
    name = "berkas-tidak-terbaca"
    severity = "error"
    unreadable = True
    summary = ("Berkas tidak dapat dibaca", "The file cannot be read")
    messages = {"default": ("Berkas tidak dapat dibaca: {e}", "The file cannot be read: {e}"),
                "word": ("Word tidak akan membuka berkas ini: bagian {bagian} tidak ada dalam paketnya "
                         "(isinya tetap dibaca; simpan ulang dari LibreOffice atau alat pembuatnya)",
                         "Word will not open this file: the part {bagian} is missing from its package "
                         "(its content was read anyway; save it again from LibreOffice or the tool "
                         "that made it)")}

    def check_unreadable(self, berkas, error, ctx):
        yield self.finding(None, berkas=berkas, indeks=None, e=str(error))

    def check(self, sop, ctx):
        # a file read although Word refuses it: said once, with its first SOP
        if sop.sumber.indeks == 0:
            for part in sop.sumber.bagian_hilang or []:
                yield self.finding(sop, "word", field="sumber", bagian=part, teks=part)


#: the bare document title ("STANDAR OPERASIONAL PROSEDUR (SOP)"), not content
_TITLE = re.compile(r"^(?:standar\s+operasional\s+prosedur|s\.?o\.?p\.?)(?:\s*\(\s*sop\s*\))?"
                    r"(?:\s+administrasi\s+pemerintahan)?(?:\s*\(\s*sop\s*ap\s*\))?\s*$", re.I)


class KontenTakTerpetakan(Rule):
    """Melaporkan teks yang tidak dapat ditempatkan pembaca ke dalam model SOP.
    Reports text the reader could not place in the model.

    Apa / What
      Setiap butir `tak_terpetakan` (catatan tulisan tangan, label tak dikenal,
      teks di luar tabel, nomor halaman di kaki halaman...), dengan lokasinya.
      Judul dokumen polos ("STANDAR OPERASIONAL PROSEDUR") tidak dilaporkan.
      Every item of `tak_terpetakan`, with its location (a bare document title aside).

    Mengapa / Why
      Tidak ada teks yang boleh hilang diam-diam saat dokumen dibaca dan ditulis
      ulang ke templat baku; peninjau perlu memutuskan tempatnya.

    Contoh / Example
      Temuan / finding:  paragraf 41: "Catatan: mohon dicek kembali"
      Perbaikan / fix:   pindahkan ke Keterangan atau hapus.
    """

    code = "DK02"
    name = "konten-tak-terpetakan"
    severity = "info"
    summary = ("Teks yang tidak terpetakan ke model", "Text the reader could not place in the model")
    messages = {"default": ("Teks tidak terpetakan ke bagian SOP mana pun", "Text not placed in any part of the SOP")}

    def check(self, sop, ctx):
        for item in sop.tak_terpetakan or []:
            teks = (item.teks or "").strip()
            if not teks or _TITLE.match(teks):
                continue
            yield self.finding(sop, field="tak_terpetakan", lokasi=item.lokasi or None, teks=teks)


class PerubahanTerlacak(Rule):
    """Memeriksa perubahan terlacak yang belum diterima dan komentar peninjau.
    Checks unaccepted tracked changes and reviewer comments.

    Apa / What
      Dokumen yang masih memuat perubahan terlacak (Track Changes) yang belum
      diterima/ditolak, atau komentar peninjau. Dilaporkan sekali per berkas.
      Unaccepted tracked changes or reviewer comments (once per file).

    Mengapa / Why
      SOP yang ditetapkan adalah naskah final; perubahan yang belum diputuskan
      membuat isi yang berlaku tidak pasti (prinsip kepastian hukum).

    Contoh / Example
      Salah / wrong:  "5 menit" dicoret dan diganti "10 menit" dengan Track Changes.
      Benar / fixed:  Review > Accept/Reject semua perubahan; hapus komentar.
    """

    code = "DK03"
    name = "perubahan-terlacak"
    severity = "warning"
    cross = True
    summary = ("Dokumen memuat perubahan terlacak atau komentar", "Unaccepted tracked changes or reviewer comments")
    messages = {
        "perubahan": ("Dokumen memuat {n} perubahan terlacak yang belum diterima",
                      "The document has {n} unaccepted tracked changes"),
        "komentar": ("Dokumen memuat {n} komentar peninjau", "The document has {n} reviewer comments"),
    }
    messages["default"] = messages["perubahan"]

    FIELDS = (("perubahan_terlacak", "perubahan"), ("komentar", "komentar"))

    def summarise(self, sop, ctx):
        """(file, SOP index, {field: (count, location)}): all DK03 needs of one SOP."""
        from soplint.rule import locate

        counts = {}
        for attr, _key in self.FIELDS:
            n = getattr(sop.sumber, attr, 0) or 0
            counts[attr] = (n, locate(sop, f"sumber.{attr}") if n else None)
        if not any(n for n, _where in counts.values()):
            return None  # nothing to keep for a clean document
        return (sop.sumber.berkas, sop.sumber.indeks, counts)

    def check_run(self, sops, ctx):
        files = {}
        for s in sops:
            item = s if isinstance(s, tuple) or s is None else self.summarise(s, ctx)
            if item is not None:
                files.setdefault(item[0], []).append(item)
        for berkas, group in files.items():
            for attr, key in self.FIELDS:
                counts = [item[2][attr][0] for item in group]
                if not any(counts):
                    continue
                # a count of the whole file, repeated in each SOP: once
                chosen = group[:1] if len(set(counts)) == 1 else [item for item in group if item[2][attr][0]]
                for _berkas, indeks, c in chosen:
                    yield self.finding(None, key, field=f"sumber.{attr}", berkas=berkas, indeks=indeks,
                                       lokasi=c[attr][1], n=c[attr][0])


#: labels that mark other kinds of document (normalised, compared as prefixes)
OTHER_KINDS = {
    "puskesmas": {
        "nama": ("SOP akreditasi Puskesmas/fasyankes", "a Puskesmas/health-facility accreditation SOP"),
        "tanda": ["pengertian", "kebijakan", "referensi", "langkah langkah", "langkah kegiatan", "unit terkait",
                  "dokumen terkait", "rekaman historis", "alat dan bahan", "hal hal yang perlu diperhatikan",
                  "bagan alir", "diagram alir", "puskesmas", "ditetapkan kepala puskesmas", "uptd puskesmas"],
        "kuat": 3, "lemah": 2,
    },
    "iso": {
        "nama": ("prosedur sistem manajemen mutu (ISO)", "an ISO quality-management procedure"),
        "tanda": ["no dokumen", "nomor dokumen", "no dok", "status dokumen", "dibuat oleh", "diperiksa oleh",
                  "disetujui oleh", "tanggal terbit", "iso 9001", "manual mutu", "instruksi kerja",
                  "distribusi dokumen", "salinan terkendali"],
        "kuat": 5, "lemah": 3,
    },
    "standar_pelayanan": {
        "nama": ("Standar Pelayanan", "a Standar Pelayanan (service standard)"),
        "tanda": ["standar pelayanan", "nomor sp", "persyaratan pelayanan", "persyaratan",
                  "sistem mekanisme dan prosedur", "sistem mekanisme prosedur", "jangka waktu pelayanan",
                  "jangka waktu penyelesaian", "jangka waktu", "biaya tarif", "biaya", "tarif", "produk pelayanan",
                  "penanganan pengaduan", "pengaduan saran dan masukan", "sarana prasarana", "sarana dan prasarana",
                  "kompetensi pelaksana", "pengawasan internal", "jumlah pelaksana", "jaminan pelayanan",
                  "jaminan keamanan", "evaluasi kinerja pelaksana", "maklumat pelayanan"],
        "kuat": 4, "lemah": 3,
    },
}


def _label(text: str) -> str:
    """A label without its numbering ("5. Langkah-langkah" -> "langkah langkah")."""
    from soplint.values import strip_bullet

    t = strip_bullet(text or "")
    t = re.sub(r"^(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\s*[.)]\s*", "", t)
    return norm(t)


def _labels(sop) -> list:
    """Label-like texts of the document: extra identity labels, the start of
    unplaced texts, the title and institution lines."""
    out = []
    for key in (sop.lainnya or {}):
        out.append(_label(key))
    for item in sop.tak_terpetakan or []:
        t = item.teks or ""
        head = t.split(":", 1)[0] if ":" in t[:60] else t
        if len(head) <= 60:
            out.append(_label(head))
    if sop.identitas.nama_sop:
        out.append(norm(sop.identitas.nama_sop))
    for line in sop.identitas.instansi or []:
        out.append(norm(line))
    return [x for x in out if x]


def _structure_absent(sop) -> bool:
    no_actor_columns = not [p for p in sop.pelaksana or [] if p and p.strip()]
    missing = sum(1 for v in (sop.identitas.nomor_sop, sop.identitas.tanggal_pembuatan, sop.identitas.tanggal_efektif,
                              sop.identitas.disahkan_oleh, sop.dasar_hukum, sop.kualifikasi_pelaksana,
                              sop.keterkaitan, sop.peralatan_perlengkapan, sop.peringatan,
                              sop.pencatatan_pendataan) if v is None)
    return no_actor_columns or missing >= 5


class BukanFormatSop(Rule):
    """Memeriksa apakah dokumen sebenarnya jenis lain, bukan SOP AP.
    Checks whether the document is another kind rather than an SOP AP.

    Apa / What
      Tanda-tanda format lain pada label dan judul: SOP akreditasi Puskesmas
      (Pengertian, Tujuan, Kebijakan, Referensi, Langkah-langkah, Unit terkait,
      Dokumen terkait, Rekaman historis), prosedur ISO (No. Dokumen, Status
      Dokumen, Dibuat/Diperiksa/Disetujui oleh), atau Standar Pelayanan
      (Persyaratan, Sistem mekanisme dan prosedur, Jangka waktu, Biaya/tarif,
      Produk pelayanan, Penanganan pengaduan). Dilaporkan bila tanda cukup banyak,
      atau bila ada beberapa tanda dan struktur SOP AP (kolom pelaksana, unsur
      identitas) tidak ada.
      Signs of another format in labels and title, enough of them, or a few of
      them with the SOP AP structure missing.

    Mengapa / Why
      SOP AP mengikuti format PermenPAN-RB 35/2012 (bagian identitas dan bagian
      flowchart dengan pelaksana terpisah); Standar Pelayanan (PermenPAN-RB
      15/2014) dan SOP akreditasi berbeda isi dan tujuannya.

    Contoh / Example
      Salah / wrong:  dokumen berisi "Pengertian / Tujuan / Kebijakan / Referensi /
                      Langkah-langkah" dikirim sebagai SOP AP.
      Benar / fixed:  susun ulang dalam templat SOP AP (soplint convert).
    """

    code = "DK04"
    name = "bukan-format-sop"
    severity = "warning"
    summary = ("Dokumen tampaknya jenis lain, bukan SOP AP", "The document looks like another kind, not an SOP AP")
    messages = {"default": ("Dokumen tampaknya {jenis}, bukan SOP AP (tanda: {tanda})",
                            "The document looks like {jenis_en}, not an SOP AP (signs: {tanda})")}

    def check(self, sop, ctx):
        labels = _labels(sop)
        if not labels:
            return
        absent = _structure_absent(sop)
        best = None
        for kind, spec in OTHER_KINDS.items():
            found = []
            for tanda in spec["tanda"]:
                if any(lbl == tanda or lbl.startswith(tanda + " ") for lbl in labels):
                    # "biaya tarif" also counts "biaya": count distinct concepts only once
                    if not any(tanda.startswith(f) or f.startswith(tanda) for f in found):
                        found.append(tanda)
            need = spec["lemah"] if absent else spec["kuat"]
            if len(found) >= need and (best is None or len(found) > len(best[1])):
                best = (kind, found)
        if best:
            kind, found = best
            nama = OTHER_KINDS[kind]["nama"]
            yield self.finding(sop, field=None, jenis=nama[0], jenis_en=nama[1], tanda=", ".join(found),
                               teks=sop.identitas.nama_sop or None)


RULES = [BerkasTidakTerbaca, KontenTakTerpetakan, PerubahanTerlacak, BukanFormatSop]
