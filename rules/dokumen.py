"""DK rules: the file itself (unreadable, unplaced text, tracked changes, kind)."""
from __future__ import annotations

import re

from soplint.i18n import tr
from soplint.rule import Rule



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

      One broken file must not stop the check of all the SOP files of an office;
      the file needs to be saved again from Word.

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
      Butir `tak_terpetakan` (catatan tulisan tangan, label tak dikenal, teks di
      luar tabel, nomor halaman di kaki halaman...): satu temuan per SOP dengan
      jumlahnya dan daftar teks beserta lokasinya (kunci "butir" di laporan JSON).
      Judul dokumen polos ("STANDAR OPERASIONAL PROSEDUR") tidak dilaporkan.

      The items of `tak_terpetakan`: one finding per SOP with their count and
      list, each with its location (a bare document title aside).

    Mengapa / Why
      Tidak ada teks yang boleh hilang diam-diam saat dokumen dibaca dan ditulis
      ulang ke templat baku; peninjau perlu memutuskan tempatnya.

      No text may be lost silently when a document is read and rewritten into
      the standard template; a reviewer has to decide where it belongs.

    Contoh / Example
      Temuan / finding:  paragraf 41: "Catatan: mohon dicek kembali"
      Perbaikan / fix:   pindahkan ke Keterangan atau hapus.
    """

    code = "DK02"
    name = "konten-tak-terpetakan"
    severity = "info"
    summary = ("Teks yang tidak terpetakan ke model", "Text the reader could not place in the model")
    messages = {"default": ("{n} teks tidak terpetakan ke bagian SOP mana pun: {daftar}",
                            "{n} texts not placed in any part of the SOP: {daftar}")}
    #: how many texts the message quotes (the finding's "butir" lists them all)
    DALAM_PESAN = 12

    def check(self, sop, ctx):
        items = []
        for item in sop.tak_terpetakan or []:
            teks = (item.teks or "").strip()
            if not teks or _TITLE.match(teks):
                continue
            items.append((teks, item.lokasi or None))
        if not items:
            return
        shown = ["%s%s" % ("[%s] " % lok if lok else "", teks if len(teks) <= 80 else teks[:77] + "...")
                 for teks, lok in items[:self.DALAM_PESAN]]
        if len(items) > self.DALAM_PESAN:
            shown.append("... (+%d)" % (len(items) - self.DALAM_PESAN))
        f = self.finding(sop, field="tak_terpetakan", lokasi=items[0][1], teks=items[0][0], n=len(items),
                         daftar="; ".join(shown))
        f.butir = [{"teks": teks, "lokasi": lok} for teks, lok in items]
        yield f


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

      The SOP that is signed is the final text; undecided changes leave what
      applies uncertain (legal certainty).

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


#: labels that mark other kinds of document (kept here for plugins that import it)
from soplint.kind import OTHER_KINDS  # noqa: E402


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
      identitas) tidak ada. Juga dokumen yang bukan SOP sama sekali atau SOP
      bentuk bebas (uraian tugas/jabatan, jadwal, panduan, laporan) yang tidak
      memiliki bagian identitas, tabel prosedur dan bagan alir SOP AP: satu
      temuan menyebut jenisnya dan apa yang tidak ada (sumber.jenis_dokumen).

      Signs of another format in labels and title, enough of them, or a few of
      them with the SOP AP structure missing; also documents that are no SOP AP
      at all (job description, roster, manual, report, free-form SOP): one
      finding names the kind and what is missing.

    Mengapa / Why
      SOP AP mengikuti format PermenPAN-RB 35/2012 (bagian identitas dan bagian
      flowchart dengan pelaksana terpisah); Standar Pelayanan (PermenPAN-RB
      15/2014) dan SOP akreditasi berbeda isi dan tujuannya.

      An SOP AP follows the PermenPAN-RB 35/2012 form (an identity part and a
      flowchart part with separate actors); a Service Standard (PermenPAN-RB
      15/2014) and accreditation SOPs differ in content and purpose.

    Opsi / Options
      lipat: temuan per unsur (ID01, PR02...) dokumen yang bukan SOP AP dilipat
      ke dalam temuan ini, jumlahnya disebut (bawaan true); false mencantumkan
      semuanya.

    Contoh / Example
      Salah / wrong:  dokumen berisi "Pengertian / Tujuan / Kebijakan / Referensi /
                      Langkah-langkah" dikirim sebagai SOP AP.
      Benar / fixed:  susun ulang dalam templat SOP AP (soplint convert).
    """

    code = "DK04"
    name = "bukan-format-sop"
    severity = "warning"
    summary = ("Dokumen tampaknya jenis lain, bukan SOP AP", "The document looks like another kind, not an SOP AP")
    messages = {
        "default": ("Dokumen tampaknya {jenis}, bukan SOP AP (tanda: {tanda}){kurang}{lipat}",
                    "The document looks like {jenis_en}, not an SOP AP (signs: {tanda_en}){kurang_en}{lipat_en}"),
    }
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"lipat": {"type": "boolean",
                                               "description": "fold the per-field findings of a document that is "
                                                              "not an SOP AP into this one (false: list them all)"}}}
    defaults = {"lipat": True}
    #: the engine folds the other error/warning findings of the SOP into this one
    folds = True

    def check(self, sop, ctx):
        from soplint.kind import SOP_AP, Facts, decide

        jenis = sop.sumber.jenis_dokumen
        if not jenis:
            # a model file: the structure is what the model holds
            jenis = decide(sop, Facts(tabel_prosedur=bool(sop.kegiatan), kolom_pelaksana=bool(sop.pelaksana)))
        if jenis.get("jenis") in SOP_AP:
            return
        nama = jenis.get("nama") or ["dokumen lain", "another kind of document"]
        tanda = "; ".join(_half(b, 0) for b in jenis.get("bukti") or []) or "-"
        tanda_en = "; ".join(_half(b, 1) for b in jenis.get("bukti") or []) or "-"
        kurang = jenis.get("kurang") or []
        f = self.finding(sop, field="sumber.jenis_dokumen", jenis=nama[0], jenis_en=nama[1], tanda=tanda, tanda_en=tanda_en,
                         kurang="; tidak ada: " + ", ".join(_half(k, 0) for k in kurang) if kurang else "",
                         kurang_en="; missing: " + ", ".join(_half(k, 1) for k in kurang) if kurang else "",
                         lipat="", lipat_en="", teks=sop.identitas.nama_sop or None)
        yield f

    def fold(self, finding, folded: list):
        """Name the findings folded into ``finding`` (code x count) in its message."""
        if not folded or not self.options.get("lipat", True):
            return finding
        from collections import Counter

        counts = Counter(t.code for t in folded)
        parts = ", ".join("%s x%d" % (c, n) if n > 1 else c for c, n in sorted(counts.items()))
        finding.message += tr(" ({n} temuan per unsur dilipat: {p}; lihat semua dengan [rules.DK04] lipat = false)",
                              " ({n} per-field findings folded: {p}; see them all with [rules.DK04] lipat = false)",
                              n=len(folded), p=parts)
        return finding


def _half(text: str, i: int) -> str:
    """One language of an "Indonesian / English" text (the text itself where it has one)."""
    parts = text.split(" / ")
    if len(parts) == 2:
        return parts[i].strip()
    return text


RULES = [BerkasTidakTerbaca, KontenTakTerpetakan, PerubahanTerlacak, BukanFormatSop]
