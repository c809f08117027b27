"""Regenerate the sample SOP .docx files, their oracles and seeded defects.

    python samples/make_samples.py [OUT_DIR] [--libreoffice]    (default: this folder)

``--libreoffice`` also re-saves a few samples through LibreOffice Writer as
``lo-NAME.docx`` (committed; regenerate only when their source changes).

Also rewrites README.md (the table of samples). For every sample NAME it writes ``NAME.docx`` (rendered by :mod:`sopdocx`),
``.oracle/NAME.expected.json`` (a JSON list: the expected model of each SOP in the
file, computed from the same source data the document is rendered from) and
``.oracle/NAME.defects.json`` (the defects deliberately seeded: rule code from
spec/rules.md, SOP index, and the field or step concerned).

The oracles live in the hidden folder ``.oracle/`` on purpose: ``soplint
convert samples/ --to json`` searches folders for .json model inputs too, and
skips hidden folders; oracles next to the .docx would be converted as inputs.

The content is paraphrased from the example SOPs of domain.md §11; names of
officials and NIPs are invented.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sopdocx  # noqa: E402
from soplint import model as m  # noqa: E402


# --------------------------------------------------------------------------
# shorthands

def T(teks, iso=None, presisi=None):
    return m.Tanggal(teks, iso, presisi)


def W(teks, menit, gabungan=None):
    return m.Waktu(teks, menit, gabungan)


def K(no, uraian, pelaksana, kelengkapan="", waktu=None, output="", keterangan="", simbol="proses",
      cabang=None, lain=(), bentuk=None):
    return m.Kegiatan(no=no, uraian=uraian, pelaksana=pelaksana, simbol=simbol, kelengkapan=kelengkapan,
                      waktu=waktu, output=output, keterangan=keterangan,
                      cabang=m.Cabang(*cabang) if cabang else None, pelaksana_lain=list(lain), bentuk=bentuk)


def P(jabatan, nama, pangkat, nip):
    return m.Pengesahan(jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip)


def sop(instansi, nomor, pembuatan, revisi, efektif, pengesahan, nama, *, dasar, kualifikasi, keterkaitan,
        peralatan, peringatan, pencatatan, pelaksana, kegiatan, lainnya=None):
    return m.SOP(
        identitas=m.Identitas(instansi=list(instansi), nomor_sop=nomor, tanggal_pembuatan=pembuatan,
                              tanggal_revisi=revisi, tanggal_efektif=efektif, disahkan_oleh=pengesahan,
                              nama_sop=nama),
        dasar_hukum=dasar, kualifikasi_pelaksana=kualifikasi, keterkaitan=keterkaitan,
        peralatan_perlengkapan=peralatan, peringatan=peringatan, pencatatan_pendataan=pencatatan,
        pelaksana=list(pelaksana), kegiatan=list(kegiatan), lainnya=dict(lainnya or {}))


def D(code, indeks=0, field=None, kegiatan=None, catatan=None):
    d = {"code": code, "indeks": indeks, "field": field, "kegiatan": kegiatan}
    if catatan:
        d["catatan"] = catatan
    return d


STRIP = "-"
SAMPLES = []


def sample(name, layout, description, **opts):
    def deco(fn):
        SAMPLES.append((name, layout, description, opts, fn))
        return fn
    return deco


# --------------------------------------------------------------------------
# 1. surat masuk, Bappeda (E1) - the standard layout

@sample("surat-masuk-bappeda", "standar",
        "standard layout: identity table with colon cells and logo cell, 2-column detail table, procedure "
        "with two header rows, column-number row, DrawingML shapes (VML fallback), connectors, Ya/Tidak "
        "text boxes, a Waktu cell merged over steps 2-3")
def s_surat_masuk():
    A, B, C, Dk, E = ("Pengadministrasi Umum", "Kasubbag Umum dan Kepegawaian", "Sekretaris", "Kepala Bappeda",
                      "Kepala Bidang")
    s = sop(["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR", "BADAN PERENCANAAN PEMBANGUNAN DAERAH", "SEKRETARIAT"],
            "01", T("Desember 2013", "2013-12-01", "bulan"), T("-"), T("Januari 2014", "2014-01-01", "bulan"),
            P("KEPALA BAPPEDA KABUPATEN KOTAWARINGIN TIMUR", "Ir. H. Suparmadi, M.Si", "Pembina Utama Muda",
              "196511121990031007"),
            "Pelayanan Administrasi Surat Masuk",
            dasar=["Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah",
                   "Peraturan Menteri Dalam Negeri Nomor 39 Tahun 2005 tentang Pedoman Penyelenggaraan Kearsipan "
                   "di Lingkungan Pemerintah Daerah",
                   "Peraturan Daerah Kabupaten Kotawaringin Timur Nomor 6 Tahun 2008 tentang Organisasi dan Tata "
                   "Kerja Lembaga Teknis Daerah",
                   "Peraturan Bupati Kotawaringin Timur Nomor 31 Tahun 2008 tentang Rincian Tugas Pokok dan Fungsi "
                   "Bappeda"],
            kualifikasi=["Kepala Bappeda: S1", "Pengadministrasi Umum: SLTA",
                         "Memahami pedoman tata naskah dinas dan kearsipan"],
            keterkaitan=["SOP Surat Keluar"],
            peralatan=["Buku pedoman tata kearsipan", "Buku agenda surat masuk", "Kartu kendali", "Komputer", "ATK",
                       "Stempel"],
            peringatan=["Apabila surat masuk tidak ditangani secara tertib, informasi hilang dan tidak dapat "
                        "ditindaklanjuti"],
            pencatatan=["Buku agenda surat masuk", "Kartu kendali"],
            pelaksana=[A, B, C, Dk, E],
            kegiatan=[
                K(1, "Menerima, mengagendakan dan menggandakan surat masuk serta melampirkan lembar disposisi", A,
                  "Surat masuk", W("10 Menit", 10), "Surat teragenda dan lembar disposisi", simbol="mulai"),
                K(2, "Menerima dan mempelajari surat masuk, lalu meneruskan kepada Sekretaris", B,
                  "Surat masuk dan lembar disposisi", W("10 Menit", 10, [2, 3]), "Surat masuk diparaf"),
                K(3, "Menelaah surat masuk dan meneruskan kepada Kepala Bappeda", C, "Surat masuk diparaf",
                  W("10 Menit", 10, [2, 3]), "Surat masuk ditelaah"),
                K(4, "Membaca surat dan memberikan disposisi", Dk, "Surat masuk dan lembar disposisi",
                  W("15 Menit", 15), "Disposisi Kepala"),
                K(5, "Menerima disposisi dan memberikan arahan kepada Kepala Bidang", C, "Disposisi Kepala",
                  W("10 Menit", 10), "Arahan tindak lanjut"),
                K(6, "Memberikan arahan tindak lanjut kepada Pengadministrasi Umum", E, "Arahan tindak lanjut",
                  W("10 Menit", 10), "Arahan tertulis"),
                K(7, "Memproses surat sesuai disposisi dan menyusun konsep balasan", A, "Surat dan disposisi",
                  W("1 Jam", 60), "Konsep surat balasan"),
                K(8, "Memeriksa konsep balasan, sudah benar?", E, "Konsep surat balasan", W("15 Menit", 15),
                  "Konsep diparaf", "Tidak: kembali ke kegiatan 7", simbol="keputusan", cabang=(9, 7)),
                K(9, "Memeriksa dan memaraf konsep balasan", C, "Konsep diparaf", W("15 Menit", 15),
                  "Konsep berparaf Sekretaris"),
                K(10, "Menandatangani surat balasan", Dk, "Konsep berparaf Sekretaris", W("15 Menit", 15),
                  "Surat balasan ditandatangani"),
                K(11, "Memberi nomor, menggandakan, mengarsipkan dan mengirim surat balasan", A,
                  "Surat balasan ditandatangani", W("30 Menit", 30), "Surat terkirim dan arsip", simbol="selesai"),
            ])
    defects = [D("ID04", field="identitas.tanggal_pembuatan"), D("ID04", field="identitas.tanggal_efektif"),
               D("ID09", field="dasar_hukum", catatan="UU 32/2004 (diganti UU 23/2014)")]
    return s, defects


# --------------------------------------------------------------------------
# 2. surat keluar, Setda (E2) - "Label : value" in one cell, inline lists

@sample("surat-keluar-setda", "satu_sel",
        "identity 'Label : value' inside one cell (label variants Tgl. Pembuatan / Tgl. Revisi / Disahkan "
        "Oleh), detail headings in their own row, items inline '1. ... 2. ...', DrawingML shapes, No as '1.'",
        no_format="{}.",
        label={"tanggal_pembuatan": "Tgl. Pembuatan", "tanggal_revisi": "Tgl. Revisi",
               "disahkan_oleh": "Disahkan Oleh"})
def s_surat_keluar():
    A, B, C, Dk, E = "Pelaksana Unit", "Pengetik", "Kasubbag Tata Usaha", "Kepala Bagian", "Pengarsip"
    s = sop(["PEMERINTAH KOTA BENGKULU", "SEKRETARIAT DAERAH", "BAGIAN UMUM"], "045/12/BU/2022",
            T("3 Januari 2022", "2022-01-03", "hari"), T("-"), T("17 Januari 2022", "2022-01-17", "hari"),
            P("KEPALA BAGIAN UMUM SEKRETARIAT DAERAH KOTA BENGKULU", "Drs. Ahmad Zulkarnain, M.AP",
              "Pembina Tk. I (IV/b)", "197403152000121002"),
            "Penyelesaian Surat Keluar",
            dasar=["Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
                   "Peraturan Menteri Dalam Negeri Nomor 1 Tahun 2023 tentang Tata Naskah Dinas di Lingkungan "
                   "Pemerintah Daerah",
                   "Peraturan Wali Kota Bengkulu Nomor 12 Tahun 2021 tentang Tata Naskah Dinas"],
            kualifikasi=["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"],
            keterkaitan=["SOP Surat Masuk", "SOP Pengarsipan"],
            peralatan=["Komputer", "Printer", "Buku agenda surat keluar", "Stempel", "Amplop"],
            peringatan=["Apabila konsep tidak diperiksa berjenjang, surat keluar dapat memuat kesalahan"],
            pencatatan=["Buku agenda surat keluar", "Buku ekspedisi"],
            pelaksana=[A, B, C, Dk, E],
            kegiatan=[
                K(1, "Menerima disposisi atau memo dari pimpinan", A, "Disposisi/memo", W("10 Menit", 10),
                  "Disposisi diterima", simbol="mulai"),
                K(2, "Menyusun konsep surat", A, "Disposisi", W("30 Menit", 30), "Konsep surat"),
                K(3, "Mengetik konsep surat", B, "Konsep surat", W("15 Menit", 15), "Draf surat"),
                K(4, "Memeriksa dan memaraf draf surat, konsep benar?", C, "Draf surat", W("15 Menit", 15),
                  "Draf berparaf", "Tidak: kembali ke kegiatan 2", simbol="keputusan", cabang=(5, 2)),
                K(5, "Menandatangani surat", Dk, "Draf berparaf", W("15 Menit", 15), "Surat ditandatangani"),
                K(6, "Memberi nomor, menggandakan dan membubuhkan stempel", B, "Surat ditandatangani",
                  W("10 Menit", 10), "Surat bernomor"),
                K(7, "Memasukkan surat ke amplop dan menulis alamat", B, "Surat bernomor", W("10 Menit", 10),
                  "Surat beramplop"),
                K(8, "Mengirim surat melalui kurir", A, "Surat beramplop", W("1 Hari", 480),
                  "Tanda terima pengiriman"),
                K(9, "Mengarsipkan tembusan dan konsep surat", E, "Tembusan dan konsep surat", W("10 Menit", 10),
                  "Arsip surat keluar", simbol="selesai"),
            ])
    return s, []


# --------------------------------------------------------------------------
# 3. cuti ASN (E3) - legacy VML only, document shape, unused actor

@sample("cuti-asn-kantor-perwakilan", "vml",
        "legacy VML shapes only (v:shape type #_x0000_t116/t109/t110/t114 + v:line), typed '1.' list items, "
        "label variants Tgl Pembuatan / Tgl Revisi / Tgl Pengesahan / Disahkan Oleh",
        label={"tanggal_pembuatan": "Tgl Pembuatan", "tanggal_revisi": "Tgl Revisi",
               "tanggal_efektif": "Tgl Pengesahan", "disahkan_oleh": "Disahkan Oleh"})
def s_cuti_asn():
    A, B, C, Dk, E, F = "Pemohon", "Staf TU", "Kasubbag TU", "Kepala Kantor", "BKD Provsu", "Pengiriman Surat"
    s = sop(["PEMERINTAH PROVINSI SUMATERA UTARA", "KANTOR PERWAKILAN JAKARTA"], "800/027/KPJ/2015",
            T("APRIL 2015", "2015-04-01", "bulan"), T("-"), T("APRIL 2015", "2015-04-01", "bulan"),
            P("KEPALA KANTOR PERWAKILAN JAKARTA", "Drs. Riswan Harahap", "Pembina", "196807071994031009"),
            "Pengajuan Cuti Aparatur Sipil Negara",
            dasar=["Undang-Undang Nomor 8 Tahun 1974 tentang Pokok-Pokok Kepegawaian jo. Undang-Undang Nomor 43 "
                   "Tahun 1999",
                   "Peraturan Pemerintah Nomor 24 Tahun 1976 tentang Cuti Pegawai Negeri Sipil",
                   "Surat Edaran Kepala BAKN Nomor 01/SE/1977 tentang Permintaan dan Pemberian Cuti Pegawai Negeri "
                   "Sipil"],
            kualifikasi=["Memahami tugas kepegawaian dan ketentuan cuti",
                         "Mampu mengoperasikan komputer"],
            keterkaitan=["SOP Alur Surat Masuk dan Surat Keluar", "SOP Pengarsipan"],
            peralatan=["Berkas permohonan", "Komputer/laptop", "Printer", "ATK", "Lembar nota dinas", "Map"],
            peringatan=["Cuti adalah hak ASN; apabila SOP tidak dilaksanakan, proses pemberian cuti terganggu"],
            pencatatan=["Buku jaga cuti ASN", "Buku arsip"],
            pelaksana=[A, B, C, Dk, E, F],
            kegiatan=[
                K(1, "Mengajukan permohonan cuti", A, "Berkas permohonan cuti", W("5 Menit", 5),
                  "Registrasi dan buku jaga cuti", simbol="mulai"),
                K(2, "Mencatat permohonan dalam buku jaga cuti", B, "Bahan dan data", W("10 Menit", 10),
                  "Permohonan tercatat"),
                K(3, "Membuat konsep surat cuti dan surat pengantar ke BKD", B, "Permohonan tercatat",
                  W("15 Menit", 15), "Konsep surat cuti"),
                K(4, "Mengetik surat cuti dan surat pengantar", B, "Konsep surat cuti", W("10 Menit", 10),
                  "Draf surat cuti", simbol="tidak_baku", bentuk="flowChartDocument"),
                K(5, "Memeriksa dan memaraf konsep surat, sudah benar?", C, "Draf surat cuti", W("15 Menit", 15),
                  "Draf berparaf", "Tidak: kembali ke kegiatan 3", simbol="keputusan", cabang=(6, 3)),
                K(6, "Menandatangani surat cuti dan surat pengantar", Dk, "Draf berparaf", W("1 Hari", 480),
                  "Surat cuti dan surat pengantar"),
                K(7, "Mengirimkan surat ke BKD Provinsi", F, "Surat cuti dan surat pengantar", W("1 Hari", 480),
                  "Tanda terima", simbol="selesai"),
            ])
    defects = [D("ID04", field="identitas.tanggal_pembuatan"), D("ID04", field="identitas.tanggal_efektif"),
               D("ID09", field="dasar_hukum", catatan="UU 8/1974, PP 24/1976 (diganti UU 5/2014, PP 11/2017)"),
               D("FL04", kegiatan=4, catatan="flowChartDocument (VML t114)"),
               D("PR12", field="pelaksana", catatan="BKD Provsu")]
    return s, defects


# --------------------------------------------------------------------------
# 4. KTP-el (E4) - ticks, branches only in Keterangan

@sample("ktp-el-disdukcapil", "centang",
        "ticks '√' in the actor cells (no drawn symbols), branch only in Keterangan, detail headings in their "
        "own row, list items as Word auto-numbered paragraphs (w:numPr + numbering.xml)")
def s_ktp():
    A, B, C = "Penduduk", "Petugas Pendukung Pelayanan", "Operator Kecamatan"
    s = sop(["PEMERINTAH KABUPATEN SLEMAN", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"], "470/112/DKPS/2023",
            T("3 Januari 2023", "2023-01-03", "hari"), T("-"), T("2 Februari 2023", "2023-02-02", "hari"),
            P("KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN SLEMAN", "Dra. Siti Aminah, M.M.",
              "Pembina Utama Muda", "196902141993032008"),
            "Perekaman KTP Elektronik di Kecamatan",
            dasar=["Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 "
                   "tentang Administrasi Kependudukan",
                   "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk "
                   "dan Pencatatan Sipil",
                   "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Peraturan "
                   "Presiden Nomor 96 Tahun 2018"],
            kualifikasi=["Pendidikan minimal SLTA", "Mampu mengoperasikan perangkat perekaman KTP-el"],
            keterkaitan=["SOP Personalisasi KTP-el", "SOP Perubahan Data Penduduk"],
            peralatan=["Komputer", "Kamera digital", "Pemindai sidik jari", "Pemindai iris", "Signature pad",
                       "Jaringan komunikasi data"],
            peringatan=["Apabila data penduduk belum ada dalam database, dilakukan pendaftaran biodata di SIAK "
                        "terlebih dahulu"],
            pencatatan=["Buku harian perekaman", "Tanda bukti perekaman"],
            pelaksana=[A, B, C],
            kegiatan=[
                K(1, "Mengisi formulir permohonan dan membawa fotokopi KK", A, "Formulir F-1.21 dan fotokopi KK",
                  W("5 Menit", 5), "Formulir terisi", simbol="mulai"),
                K(2, "Menyerahkan berkas kepada petugas pendukung pelayanan", A, "Formulir terisi",
                  W("2 Menit", 2), "Berkas diserahkan"),
                K(3, "Memverifikasi dan memvalidasi berkas, data sesuai?", B, "Berkas permohonan",
                  W("5 Menit", 5), "Berkas terverifikasi", "Tidak: kembali ke kegiatan 1", simbol="keputusan",
                  cabang=(4, 1)),
                K(4, "Menerima berkas dan membuka data penduduk", C, "Berkas terverifikasi", W("1 Menit", 1),
                  "Data penduduk tampil"),
                K(5, "Merekam foto, tanda tangan, sidik jari dan iris mata", C, "Data penduduk", W("10 Menit", 10),
                  "Data biometrik terekam"),
                K(6, "Memverifikasi sidik jari dan memastikan data tersimpan di server", C, "Data biometrik",
                  W("5 Menit", 5), "Data tersimpan"),
                K(7, "Mengarsipkan berkas permohonan", B, "Berkas permohonan", W("3 Menit", 3), "Arsip berkas"),
                K(8, "Menyerahkan tanda bukti perekaman kepada penduduk", B, "Tanda bukti perekaman",
                  W("2 Menit", 2), "Tanda bukti diterima penduduk", simbol="selesai"),
            ])
    return s, []


# --------------------------------------------------------------------------
# 5. Kartu Keluarga (E5) - identity paragraphs, one Pelaksana text column

@sample("kk-disdukcapil-palangkaraya", "kolom_teks",
        "identity as 'Label<TAB>: value' paragraphs with label variants (Landasan Hukum, Kualifikasi "
        "Pelaksanaan, Pencatatan/Pendataan, Tanggal Pengesahan), extra field Jenis Layanan, procedure table "
        "with one Pelaksana text column, a Waktu cell merged over steps 5-8",
        label={"dasar_hukum": "Landasan Hukum", "kualifikasi_pelaksana": "Kualifikasi Pelaksanaan",
               "pencatatan_pendataan": "Pencatatan/Pendataan", "tanggal_efektif": "Tanggal Pengesahan",
               "peralatan_perlengkapan": "Peralatan / Perlengkapan"})
def s_kk():
    gab = [5, 6, 7, 8]
    s = sop(["PEMERINTAH KOTA PALANGKA RAYA", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"],
            "065 / 23.c / DKPS / II / 2014", T("03 Februari 2014", "2014-02-03", "hari"),
            T("07 Oktober 2014", "2014-10-07", "hari"), T(""),
            P("KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PALANGKA RAYA", "Drs. H. Rojikinnor, M.Si",
              "Pembina Utama Muda", "196704041989031013"),
            "Pelayanan Kartu Keluarga (KK) WNI dan WNA",
            dasar=["Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan",
                   "Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006",
                   "Peraturan Presiden Nomor 25 Tahun 2008 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk "
                   "dan Pencatatan Sipil",
                   "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/21/M.PAN/11/2008 tentang "
                   "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan"],
            kualifikasi=["Memahami administrasi kependudukan", "Mampu mengoperasikan SIAK"],
            keterkaitan=["SOP Akta Perkawinan", "SOP Akta Kelahiran", "SOP Surat Keterangan Pindah"],
            peralatan=["Komputer", "Printer", "Blangko KK", "Jaringan SIAK"],
            peringatan=["Berkas yang tidak lengkap, kedaluwarsa atau tidak asli tidak dapat diproses",
                        "Kesalahan pengisian formulir menyebabkan data KK salah"],
            pencatatan=["Register permohonan KK", "Arsip berkas permohonan"],
            pelaksana=["Pemohon", "Petugas Desa", "Petugas Dinas", "Pejabat Dafduk", "Operator"],
            lainnya={"Jenis Layanan": "Kependudukan"},
            kegiatan=[
                K(1, "Membawa berkas persyaratan lengkap ke kantor desa", "Pemohon",
                  "KTP, KK lama dan surat pengantar RT/RW", W("1 Menit", 1), "Berkas persyaratan", simbol="mulai"),
                K(2, "Petugas Desa memverifikasi berkas, lengkap?", "Petugas Desa", "Berkas persyaratan",
                  W("4 Menit", 4), "Berkas terunggah ke SIAK", "Tidak: kembali ke kegiatan 1", simbol="keputusan",
                  cabang=(3, 1)),
                K(3, "Memverifikasi berkas kiriman desa", "Petugas Dinas", "Berkas terunggah ke SIAK",
                  W("4 Menit", 4), "Berkas terverifikasi"),
                K(4, "Memverifikasi data dalam SIAK dan mengajukan TTE", "Petugas Dinas", "Berkas terverifikasi",
                  W("3 Menit", 3), "Pengajuan TTE"),
                K(5, "Menyetujui dengan tanda tangan elektronik", "Pejabat Dafduk", "Pengajuan TTE",
                  W("3 Menit", 3, gab), "KK ber-TTE"),
                K(6, "Mencetak KK", "Operator", "KK ber-TTE", W("3 Menit", 3, gab), "KK tercetak"),
                K(7, "Meregister berkas permohonan", "Operator", "Berkas permohonan", W("3 Menit", 3, gab),
                  "Register KK"),
                K(8, "Menyerahkan KK kepada pemohon", "Operator", "KK tercetak", W("3 Menit", 3, gab),
                  "KK diterima pemohon", simbol="selesai"),
            ])
    defects = [D("ID02", field="identitas.tanggal_efektif"),
               D("ID09", field="dasar_hukum", catatan="PER/21/M.PAN/11/2008 (diganti PermenPAN-RB 35/2012)"),
               D("PR09", kegiatan=2)]
    return s, defects


# --------------------------------------------------------------------------
# 6. izin (E6) - Word mechanics

@sample("izin-pengobat-tradisional-dpmptsp", "standar",
        "standard layout plus Word mechanics: text split across runs, NBSP in labels and Waktu, content "
        "controls (w:sdt) for Nomor/Nama SOP, a tracked change (w:del + w:ins) in step 3, a hyperlink in "
        "Dasar Hukum, a DOCPROPERTY field for Tanggal Efektif, PAGE/NUMPAGES fields in the footer",
        pecah_run=True, nbsp=True, sdt=True, lacak=(3, "meneruskan", "menyampaikan"), tautan=0, field=True,
        kaki="Halaman 1 dari 2")
def s_izin():
    A, B, C, Dk, E, F = ("Pemohon", "Front Office", "Kasi Pelayanan Perizinan", "Kepala Bidang dan Tim Teknis",
                         "Kepala DPMPTSP", "Staf Pemroses")
    s = sop(["PEMERINTAH KABUPATEN ROKAN HULU", "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"],
            "19.02.03.81", T("8 April 2019", "2019-04-08", "hari"), T("8 April 2019", "2019-04-08", "hari"),
            T("8 April 2019", "2019-04-08", "hari"),
            P("KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN ROKAN HULU",
              "H. Yusmar, S.Sos, M.Si", "Pembina Tk. I (IV/b)", "197102101992031004"),
            "Penerbitan Surat Izin Pengobat Tradisional",
            dasar=["Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan",
                   "Peraturan Pemerintah Nomor 103 Tahun 2014 tentang Pelayanan Kesehatan Tradisional",
                   "Peraturan Bupati Rokan Hulu Nomor 15 Tahun 2017 tentang Pelimpahan Kewenangan Perizinan"],
            kualifikasi=["Memahami tugas pelayanan perizinan", "Mampu mengoperasikan komputer",
                         "Mampu menganalisis peraturan perundang-undangan"],
            keterkaitan=["SOP Perizinan dan Non Perizinan"],
            peralatan=["Komputer", "Printer", "ATK", "Jaringan internet"],
            peringatan=["Kelengkapan berkas harus dipastikan sebelum diproses",
                        "Gangguan jaringan dapat menunda penerbitan izin"],
            pencatatan=["Fotokopi KTP pemohon", "Surat keterangan sehat", "Register izin"],
            pelaksana=[A, B, C, Dk, E, F],
            kegiatan=[
                K(1, "Mengajukan surat permohonan izin beserta NIB", A, "Surat permohonan dan NIB", W("15 Menit", 15),
                  "Berkas permohonan", simbol="mulai"),
                K(2, "Memeriksa kelengkapan berkas, lengkap?", B, "Berkas permohonan", W("15 Menit", 15),
                  "Tanda terima berkas", "Tidak: kembali ke kegiatan 1", simbol="keputusan", cabang=(3, 1)),
                K(3, "Memverifikasi berkas dan meneruskan kepada Kepala Bidang", C, "Berkas lengkap",
                  W("1 Hari", 480), "Berkas terverifikasi"),
                K(4, "Melakukan pemeriksaan teknis dan peninjauan lapangan", Dk, "Berkas terverifikasi",
                  W("3 Hari Kerja", 1440), "Berita acara pemeriksaan"),
                K(5, "Melakukan pemeriksaan teknis dan peninjauan lapangan", Dk, "Berkas terverifikasi",
                  W("3 Hari Kerja", 1440), "Berita acara pemeriksaan"),
                K(6, "Memvalidasi hasil pemeriksaan", Dk, "Berita acara pemeriksaan", W("1 Hari", 480),
                  "Rekomendasi teknis"),
                K(7, "Mencetak draf surat izin", C, "Rekomendasi teknis", W("1 Jam", 60), "Draf surat izin"),
                K(8, "Menandatangani surat izin", E, "Draf surat izin", W("1 Hari", 480), "Surat izin ditandatangani"),
                K(9, "Meregister dan menyerahkan surat izin ke Front Office", F, "Surat izin ditandatangani",
                  W("30 Menit", 30), "Surat izin teregister"),
                K(10, "Menyerahkan surat izin kepada pemohon", B, "Surat izin teregister", W("15 Menit", 15),
                  "Surat izin diterima pemohon", simbol="selesai"),
            ])
    defects = [D("RD01", kegiatan=5, catatan="sama dengan kegiatan 4"),
               D("DK03", catatan="1 penghapusan + 1 penyisipan terlacak di kegiatan 3"),
               D("DK02", catatan="footer 'Halaman 1 dari 2'")]
    return s, defects


# --------------------------------------------------------------------------
# 7. laik sehat (E7) - institution only in the page header

@sample("laik-sehat-dinkes", "kepala",
        "institution only in the page header, identity table without a logo cell, detail rows continuing "
        "the identity table, label variants Judul SOP / Ditetapkan Oleh, abbreviated month 'Agt'",
        label={"nama_sop": "Judul SOP", "disahkan_oleh": "Ditetapkan Oleh"}, judul=None)
def s_laik_sehat():
    A, B, C, Dk, E, F = ("Pemohon", "Petugas Loket", "Tim Laik Sehat", "Kasi Kesehatan Lingkungan",
                         "Kepala Bidang", "Kepala Dinas")
    s = sop(["PEMERINTAH KABUPATEN SEMARANG", "DINAS KESEHATAN"], "440/0215/DKK/2021",
            T("12 Agt 2021", "2021-08-12", "hari"), T("-"), T("1 September 2021", "2021-09-01", "hari"),
            P("KEPALA DINAS KESEHATAN KABUPATEN SEMARANG", "dr. Ani Raharjo, MPH", "Pembina Utama Muda",
              "196806221998032005"),
            "Penerbitan Sertifikat Laik Sehat",
            dasar=["Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan",
                   "Peraturan Menteri Kesehatan Nomor 1096 Tahun 2011 tentang Higiene Sanitasi Jasaboga"],
            kualifikasi=["Memahami persyaratan higiene sanitasi", "Mampu melakukan inspeksi kesehatan lingkungan"],
            keterkaitan=["SOP Pemeriksaan Sampel Laboratorium"],
            peralatan=["Formulir inspeksi", "Alat pengambil sampel", "Kendaraan operasional", "Komputer"],
            peringatan=["Apabila persyaratan tidak dipenuhi, sertifikat laik sehat tidak dapat diterbitkan"],
            pencatatan=["Register permohonan", "Berita acara inspeksi"],
            pelaksana=[A, B, C, Dk, E, F],
            kegiatan=[
                K(1, "Mengambil formulir permohonan di Dinas Kesehatan", A, "Formulir permohonan", W("5 Menit", 5),
                  "Formulir permohonan", simbol="mulai"),
                K(2, "Mengisi formulir dan melampirkan persyaratan", A, "KTP, denah lokasi dan izin usaha",
                  W("segera", None), "Berkas permohonan"),
                K(3, "Memeriksa berkas dan menjadwalkan pemeriksaan lapangan", B, "Berkas permohonan",
                  W("± 1 jam", 60), "Jadwal pemeriksaan"),
                K(4, "Melakukan inspeksi lapangan dan pengambilan sampel, memenuhi syarat?", C, "Jadwal pemeriksaan",
                  W("3 Hari Kerja", 1440), "Berita acara inspeksi", simbol="keputusan", cabang=(5, None)),
                K(5, "Menyusun konsep sertifikat laik sehat", Dk, "Berita acara inspeksi", W("1 Jam", 60),
                  "Konsep sertifikat"),
                K(6, "Memaraf konsep sertifikat", E, "Konsep sertifikat", W("30 Menit", 30), "Konsep berparaf"),
                K(7, "Menandatangani sertifikat", F, "Konsep berparaf", W("1 Hari", 480), "Sertifikat ditandatangani"),
                K(8, "Meregister dan menyerahkan sertifikat kepada pemohon", B, "Sertifikat ditandatangani",
                  W("15 Menit", 15), "Sertifikat diterima pemohon", simbol="selesai"),
            ])
    defects = [D("PR06", kegiatan=2, catatan="segera"), D("PR06", kegiatan=3, catatan="± 1 jam"),
               D("FL02", kegiatan=4, catatan="cabang Tidak tidak ada")]
    return s, defects


# --------------------------------------------------------------------------
# 8. SKTM (E8) - nested table, circle connector, two actors in one row

@sample("sktm-kecamatan-sei-suka", "standar",
        "standard layout, logo + institution as a nested table in the left cell, an on-page circle "
        "connector used as a step symbol, one row marked in two actor columns",
        tabel_bersarang=True, kolom_nomor=False)
def s_sktm():
    A, B, C, Dk, E = "Pemohon", "Petugas Kecamatan", "Kasi Kesos", "Sekcam", "Camat"
    s = sop(["PEMERINTAH KABUPATEN BATU BARA", "KECAMATAN SEI SUKA"], "474/045/SS/2022",
            T("05 Mei 2022", "2022-05-05", "hari"), T("-"), T("1 Juni 2022", "2022-06-01", "hari"),
            P("CAMAT SEI SUKA", "Syahrizal, S.STP", "Penata Tk. I (III/d)", "198503122004121001"),
            "Penerbitan Surat Keterangan Tidak Mampu",
            dasar=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                   "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
                   "Peraturan Menteri Sosial Nomor 3 Tahun 2021 tentang Pengelolaan Data Terpadu Kesejahteraan "
                   "Sosial"],
            kualifikasi=["Memahami pengelolaan DTKS", "Mampu mengoperasikan komputer"],
            keterkaitan=["SOP Pelayanan Administrasi Terpadu Kecamatan"],
            peralatan=["Komputer", "Printer", "Aplikasi SIKS-NG", "Stempel"],
            peringatan=["Apabila pemohon tidak terdaftar dalam DTKS, SKTM tidak dapat diterbitkan"],
            pencatatan=["Buku register SKTM", "Arsip SKTM"],
            pelaksana=[A, B, C, Dk, E],
            kegiatan=[
                K(1, "Mengajukan permohonan dengan pengantar desa dan fotokopi KTP/KK", A,
                  "Surat pengantar desa, fotokopi KTP dan KK", W("5 Menit", 5), "Berkas permohonan", simbol="mulai"),
                K(2, "Memeriksa data pemohon dalam DTKS, terdaftar?", B, "Berkas permohonan", W("10 Menit", 10),
                  "Hasil pemeriksaan DTKS", "Tidak: kembali ke kegiatan 1", simbol="keputusan", cabang=(3, 1)),
                K(3, "Memverifikasi dan memvalidasi persyaratan", C, "Berkas permohonan", W("10 Menit", 10),
                  "Berkas tervalidasi"),
                K(4, "Mencetak SKTM", B, "Berkas tervalidasi", W("5 Menit", 5), "Konsep SKTM", simbol="tidak_baku",
                  bentuk="flowChartConnector"),
                K(5, "Kasi Kesos dan Sekcam meneliti, mengoreksi dan memaraf konsep SKTM", C, "Konsep SKTM",
                  W("15 Menit", 15), "SKTM berparaf", lain=[Dk]),
                K(6, "Menandatangani SKTM", E, "SKTM berparaf", W("10 Menit", 10), "SKTM ditandatangani"),
                K(7, "Memberi nomor dan stempel", B, "SKTM ditandatangani", W("5 Menit", 5), "SKTM bernomor"),
                K(8, "Menyerahkan SKTM kepada pemohon", B, "SKTM bernomor", W("5 Menit", 5), "SKTM diterima"),
                K(9, "Mengarsipkan salinan SKTM", B, "Salinan SKTM", W("5 Menit", 5), "Arsip SKTM", simbol="selesai"),
            ])
    defects = [D("FL04", kegiatan=4, catatan="flowChartConnector"), D("PR03", kegiatan=5),
               D("PR09", kegiatan=5)]
    return s, defects


# --------------------------------------------------------------------------
# 9. pengantar PBB (E9) - narrative: steps as auto-numbered paragraphs

@sample("pengantar-pbb-kelurahan", "naratif",
        "everything as paragraphs: identity 'Label : value' with tabs (Tanggal Berlaku), detail headings "
        "with Word auto-numbered items, steps as Word auto-numbered paragraphs naming the actor, a branch "
        "written in the step text, ISO dates",
        label={"tanggal_efektif": "Tanggal Berlaku"})
def s_pbb():
    A, B, C, Dk = "Pemohon", "Petugas Loket", "Kasi Pemerintahan", "Lurah"
    s = sop(["PEMERINTAH KOTA TANGERANG", "KECAMATAN CIBODAS", "KELURAHAN CIBODAS BARU"], "445.8/34 -Sekret",
            T("2018-07-13", "2018-07-13", "hari"), T("2018-07-13", "2018-07-13", "hari"),
            T("2018-07-13", "2018-07-13", "hari"),
            P("LURAH CIBODAS BARU", "Hendra Gunawan, S.IP", "Penata (III/c)", "198004152009011003"),
            "Pelayanan Surat Pengantar PBB",
            dasar=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                   "Undang-Undang Nomor 2 Tahun 1993 tentang Pembentukan Kotamadya Daerah Tingkat II Tangerang",
                   "Peraturan Daerah Kota Tangerang Nomor 8 Tahun 2016 tentang Pembentukan dan Susunan Perangkat "
                   "Daerah",
                   "Peraturan Wali Kota Tangerang Nomor 22 Tahun 2018 tentang Pelayanan Administrasi Terpadu "
                   "Kecamatan"],
            kualifikasi=["Mampu mengoperasikan komputer", "Memahami Perwal PATEN dan ketentuan pelayanan publik"],
            keterkaitan=[],
            peralatan=["ATK", "Buku register", "Filing cabinet", "Komputer", "Rak arsip"],
            peringatan=["Apabila persyaratan tidak lengkap, surat pengantar PBB tidak dapat diproses"],
            pencatatan=["Registrasi permohonan", "Laporan bulanan", "Arsip surat keterangan"],
            pelaksana=[A, B, C, Dk],
            kegiatan=[
                K(1, "Pemohon menyerahkan persyaratan berupa pengantar RT dan RW, KK, e-KTP dan SPPT PBB terakhir.",
                  A, simbol="mulai"),
                K(2, "Petugas Loket memeriksa kelengkapan persyaratan, jika tidak lengkap, kembali ke langkah 1; "
                     "persyaratan lengkap?", B, simbol="keputusan", cabang=(3, 1)),
                K(3, "Petugas Loket meregister permohonan dan mengetik surat pengantar PBB.", B),
                K(4, "Kasi Pemerintahan memeriksa dan memaraf surat pengantar.", C),
                K(5, "Lurah menandatangani surat pengantar PBB.", Dk),
                K(6, "Petugas Loket memberi nomor, membubuhkan stempel, menyerahkan surat kepada pemohon dan "
                     "mengarsipkan salinannya.", B, simbol="selesai"),
            ])
    defects = ([D("PR05", kegiatan=n) for n in range(1, 7)]
               + [D("PR04", kegiatan=n) for n in (3, 4, 5)]
               + [D("PR07", kegiatan=n) for n in range(1, 7)])
    return s, defects


# --------------------------------------------------------------------------
# 10. RKA (E10) - negative example: blank nomor, copy-paste region

@sample("rka-kecamatan-galang", "standar",
        "standard layout, empty Nomor SOP value, month-only upper-case dates, No as '1.', multi-paragraph "
        "activity cells, typed '1.' items, unused actor column, a reviewer's Word comment on the date",
        no_format="{}.", uraian_paragraf=True, daftar="ketik",
        komentar={"tanggal_pembuatan": "Tanggal pembuatan harus lengkap: tanggal, bulan dan tahun"})
def s_rka():
    A, B, C, Dk, E = "Camat", "Sekcam", "Kasi", "Staf Seksi", "Bendahara"
    s = sop(["PEMERINTAH KOTA BATAM", "KECAMATAN GALANG"], "", T("JUNI 2020", "2020-06-01", "bulan"), T("-"),
            T("JUNI 2020", "2020-06-01", "bulan"),
            P("CAMAT GALANG", "Wan Darussalam, S.Sos", "Pembina (IV/a)", "197205211993031002"),
            "Penyusunan Rencana Kerja dan Anggaran Seksi",
            dasar=["Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
                   "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah",
                   "Peraturan Pemerintah Nomor 38 Tahun 2007 tentang Pembagian Urusan Pemerintahan",
                   "Peraturan Pemerintah Nomor 41 Tahun 2007 tentang Organisasi Perangkat Daerah",
                   "Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan Penyusunan Rencana Pembangunan Daerah",
                   "Peraturan Wali Kota Mataram Nomor 21 Tahun 2011 tentang Rincian Tugas Kecamatan"],
            kualifikasi=["Memahami Renstra dan Renja Kota Mataram dan Kecamatan Ampenan",
                         "Mampu mengoperasikan komputer"],
            keterkaitan=["SOP Penyusunan RKA Kecamatan", "SOP Penyusunan DPA"],
            peralatan=["Komputer dan printer", "Meja dan kursi", "Buku pedoman RKA", "ATK"],
            peringatan=["Apabila SOP tidak dilaksanakan, RKA disusun dari kegiatan tahun lalu"],
            pencatatan=["Dokumen RKA seksi"],
            pelaksana=[A, B, C, Dk, E],
            kegiatan=[
                K(1, "Memberikan instruksi penyusunan RKA kepada seksi", A, "Surat edaran penyusunan RKA",
                  W("30 Menit", 30), "Instruksi Camat", simbol="mulai"),
                K(2, "Menyusun program, kegiatan dan RKA seksi", C, "Instruksi Camat dan Renja Kecamatan",
                  W("2 (dua) hari kerja", 960), "Konsep program seksi"),
                K(3, "Menghimpun data kegiatan tahun berjalan, menyusun rincian belanja", Dk, "Konsep program seksi",
                  W("2 (dua) hari kerja", 960), "Rincian belanja"),
                K(4, "Meneliti konsep RKA, sudah benar?", C, "Rincian belanja", W("1 Jam", 60), "Konsep RKA",
                  "Tidak: kembali ke kegiatan 3", simbol="keputusan", cabang=(5, 3)),
                K(5, "Memeriksa konsep RKA seksi", B, "Konsep RKA", W("1 Hari", 480), "Konsep RKA diperiksa"),
                K(6, "Menyetujui RKA seksi", A, "Konsep RKA diperiksa", W("1 Hari", 480), "RKA disetujui"),
                K(7, "Menyampaikan RKA kepada Subbag Perencanaan", C, "RKA disetujui", W("30 Menit", 30),
                  "Tanda terima RKA", simbol="selesai"),
            ])
    defects = [D("ID02", field="identitas.nomor_sop"), D("ID04", field="identitas.tanggal_pembuatan"),
               D("ID04", field="identitas.tanggal_efektif"),
               D("ID09", field="dasar_hukum", catatan="UU 32/2004, PP 41/2007"),
               D("PR12", field="pelaksana", catatan="Bendahara"),
               D("DK03", catatan="1 komentar peninjau")]
    return s, defects


# --------------------------------------------------------------------------
# 11. surat masuk per bidang (E11) - "v" ticks, one-cell identity

@sample("surat-masuk-disdik-pasaman", "centang",
        "identity 'Label : value' in one cell (No. SOP, Tgl. Pembuatan, Tgl. Revisi, Tgl. Efektif), ticks "
        "'v', a decision phrased as a statement (no '?') known only by its Keterangan 'Tidak: lanjut ke "
        "kegiatan 6' (a forward jump), items inline",
        identitas="tabel_satu_sel", daftar="inline", centang_teks="v", detail="tabel",
        label={"nomor_sop": "No. SOP", "tanggal_pembuatan": "Tgl. Pembuatan", "tanggal_revisi": "Tgl. Revisi",
               "tanggal_efektif": "Tgl. Efektif", "disahkan_oleh": "Disahkan Oleh"})
def s_disdik():
    A, B, C, Dk = "Pengadministrasi Bidang", "Kepala Bidang", "Kepala Seksi", "Staf Pelaksana"
    s = sop(["PEMERINTAH KABUPATEN PASAMAN", "DINAS PENDIDIKAN"], "421/017/DISDIK/2021",
            T("15 Maret 2021", "2021-03-15", "hari"), T("-"), T("1 April 2021", "2021-04-01", "hari"),
            P("KEPALA DINAS PENDIDIKAN KABUPATEN PASAMAN", "Drs. Nazirwan, M.Pd", "Pembina Utama Muda",
              "196508121990031006"),
            "Pelayanan Surat Masuk Bidang",
            dasar=["Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
                   "Peraturan Bupati Pasaman Nomor 9 Tahun 2020 tentang Tata Naskah Dinas"],
            kualifikasi=["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"],
            keterkaitan=["SOP Surat Masuk Dinas", "SOP Pengarsipan"],
            peralatan=["Buku agenda", "Lembar disposisi", "Komputer"],
            peringatan=["Apabila surat tidak diagendakan, surat tidak dapat ditelusuri"],
            pencatatan=["Buku agenda surat masuk bidang"],
            pelaksana=[A, B, C, Dk],
            kegiatan=[
                K(1, "Menerima berkas surat dari Bagian Umum", A, "Surat masuk", W("5 Menit", 5),
                  "Surat masuk diterima", simbol="mulai"),
                K(2, "Mencatat dalam buku agenda dan membuat lembar disposisi", A, "Surat masuk", W("10 Menit", 10),
                  "Surat yang sudah diberi lembar disposisi"),
                K(3, "Mempelajari surat dan menentukan perlu tidaknya tindak lanjut", B,
                  "Surat yang sudah diberi lembar disposisi",
                  W("15 Menit", 15), "Disposisi Kepala Bidang", "Tidak: lanjut ke kegiatan 6", simbol="keputusan",
                  cabang=(4, 6)),
                K(4, "Mempelajari disposisi dan menindaklanjuti", C, "Disposisi Kepala Bidang", W("± 1 jam", 60),
                  "Arahan Kepala Seksi"),
                K(5, "Melaksanakan tindak lanjut sesuai disposisi", Dk, "Arahan Kepala Seksi", W("1 Hari", 480),
                  "Hasil tindak lanjut"),
                K(6, "Mengarsipkan surat dan hasil tindak lanjut", A, "Surat dan hasil tindak lanjut",
                  W("10 Menit", 10), "Arsip surat", simbol="selesai"),
            ])
    return s, [D("PR06", kegiatan=4, catatan="± 1 jam")]


# --------------------------------------------------------------------------
# 12. buku SOP (two SOPs + cover page)

@sample("buku-sop-kecamatan-banjarmasin-utara", "standar",
        "a 'buku SOP': cover page and a Word table of contents (TOC field in a content control, "
        "hyperlinks, PAGEREF fields), then two SOPs in the standard layout separated by a page break; both "
        "carry the same Nomor SOP",
        sampul=["KUMPULAN SOP ADMINISTRASI PEMERINTAHAN", "KECAMATAN BANJARMASIN UTARA", "TAHUN 2021"],
        daftar_isi=[("Legalisasi Surat Keterangan Tidak Mampu", 2), ("Pelayanan Surat Masuk", 4)],
        kolom_nomor=False)
def s_buku():
    inst = ["PEMERINTAH KOTA BANJARMASIN", "KECAMATAN BANJARMASIN UTARA"]
    camat = P("CAMAT BANJARMASIN UTARA", "Muhammad Rusdi, S.STP, M.Si", "Pembina (IV/a)", "198109072000121001")
    common = dict(
        dasar=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
               "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"],
        kualifikasi=["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"],
        peralatan=["Komputer", "Printer", "Buku register", "Stempel"],
    )
    A, B, C, Dk, E = "Petugas Loket", "Kasi Kesos", "Sekcam", "Camat", "JFU"
    s1 = sop(inst, "065/012/KEC-BU/2021", T("4 Januari 2021", "2021-01-04", "hari"), T("-"),
             T("1 Februari 2021", "2021-02-01", "hari"), camat, "Legalisasi Surat Keterangan Tidak Mampu",
             keterkaitan=["SOP Penerbitan SKTM Kelurahan"],
             peringatan=["Apabila SKTM tidak diverifikasi, bantuan dapat diberikan kepada yang tidak berhak"],
             pencatatan=["Buku register legalisasi"],
             pelaksana=[A, B, C, Dk, E], **common,
             kegiatan=[
                 K(1, "Memeriksa kelengkapan dan mencatat permohonan dalam buku register", A,
                   "SKTM dari kelurahan, fotokopi KTP dan KK", W("5 Menit", 5), "Permohonan tercatat",
                   simbol="mulai"),
                 K(2, "Memverifikasi dan memaraf SKTM", B, "Permohonan tercatat", W("10 Menit", 10),
                   "SKTM berparaf Kasi"),
                 K(3, "Memaraf SKTM", C, "SKTM berparaf Kasi", W("5 Menit", 5), "SKTM berparaf Sekcam"),
                 K(4, "Menandatangani legalisasi SKTM", Dk, "SKTM berparaf Sekcam", W("10 Menit", 10),
                   "SKTM terlegalisasi"),
                 K(5, "Meregister, memberi nomor dan stempel", E, "SKTM terlegalisasi", W("5 Menit", 5),
                   "SKTM bernomor"),
                 K(6, "Menyerahkan SKTM kepada pemohon dan mengarsipkan salinan", A, "SKTM bernomor",
                   W("5 Menit", 5), "SKTM diterima pemohon", simbol="selesai"),
             ])
    A, B, C, Dk = "Staf TU", "Sekcam", "Camat", "Kasi"
    s2 = sop(inst, "065/012/KEC-BU/2021", T("4 Januari 2021", "2021-01-04", "hari"), T("-"),
             T("1 Februari 2021", "2021-02-01", "hari"), camat, "Pelayanan Surat Masuk",
             keterkaitan=["SOP Surat Keluar", "SOP Pengarsipan"],
             peringatan=["Apabila surat tidak diagendakan, surat tidak dapat ditelusuri"],
             pencatatan=["Buku agenda surat masuk", "Lembar disposisi"],
             pelaksana=[A, B, C, Dk], **common,
             kegiatan=[
                 K(1, "Menerima surat masuk", A, "Surat masuk", W("5 Menit", 5), "Surat diterima", simbol="mulai"),
                 K(2, "Mengagendakan surat dan membuat lembar disposisi", A, "Surat diterima", W("10 Menit", 10),
                   "Surat teragenda"),
                 K(3, "Memberikan disposisi kepada Camat", B, "Surat teragenda", W("15 Menit", 15),
                   "Disposisi Sekcam"),
                 K(4, "Menelaah surat dan memberikan disposisi akhir", C, "Disposisi Sekcam", W("15 Menit", 15),
                   "Disposisi Camat"),
                 K(5, "Mendistribusikan surat kepada seksi", A, "Disposisi Camat", W("10 Menit", 10),
                   "Surat terdistribusi"),
                 K(6, "Menindaklanjuti surat sesuai disposisi", Dk, "Surat terdistribusi", W("1 hari kerja", 480),
                   "Tindak lanjut surat"),
                 K(7, "Mengarsipkan surat", A, "Surat dan tindak lanjut", W("10 Menit", 10), "Arsip surat",
                   simbol="selesai"),
             ])
    defects = [D("RD05", indeks=0, field="identitas.nomor_sop", catatan="sama dengan SOP indeks 1"),
               D("RD05", indeks=1, field="identitas.nomor_sop", catatan="sama dengan SOP indeks 0"),
               D("DK02", indeks=0, catatan="halaman sampul dan daftar isi")]
    return [s1, s2], defects


# --------------------------------------------------------------------------
# 13. cuti pegawai Puskesmas - text box, free notes, footer, Tidak forward

@sample("cuti-pegawai-puskesmas", "standar",
        "standard layout with auto-numbered items, a floating text box note, a free note paragraph after "
        "the table and a page-number footer (all unplaced -> tak_terpetakan), old month spelling 'Pebruari', "
        "label Tanggal Terbit, a decision whose Tidak branch jumps forward to the end",
        daftar="otomatis", kotak_teks="Formulir cuti terlampir (Lampiran 1)",
        catatan=["Catatan: cuti tahunan diajukan paling lambat 7 hari sebelum tanggal cuti."],
        kaki="Halaman 1 dari 1", label={"tanggal_efektif": "Tanggal Terbit"})
def s_cuti_pkm():
    A, B, C, Dk = "Pegawai", "KTU", "Kepala Puskesmas", "Dinas Kesehatan"
    s = sop(["PEMERINTAH KABUPATEN BLITAR", "DINAS KESEHATAN", "UPT PUSKESMAS BORO"], "800/045/PKM-BR/2020",
            T("8 Pebruari 2020", "2020-02-08", "hari"), T("-"), T("1 Maret 2020", "2020-03-01", "hari"),
            P("KEPALA UPT PUSKESMAS BORO", "dr. Retno Wulandari", "Penata Tk. I (III/d)", "198107242008012011"),
            "Permohonan Cuti Pegawai",
            dasar=["Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
                   "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
                   "Peraturan Badan Kepegawaian Negara Nomor 24 Tahun 2017 tentang Tata Cara Pemberian Cuti PNS"],
            kualifikasi=["Memahami ketentuan cuti PNS"],
            keterkaitan=["SOP Surat Keluar"],
            peralatan=["Formulir cuti", "Komputer", "Printer"],
            peringatan=["Apabila permohonan terlambat diajukan, cuti tidak dapat diberikan pada tanggal yang diminta"],
            pencatatan=["Buku agenda cuti"],
            pelaksana=[A, B, C, Dk],
            kegiatan=[
                K(1, "Mengisi formulir permohonan cuti", A, "Formulir cuti", W("10 Menit", 10), "Formulir terisi",
                  simbol="mulai"),
                K(2, "KTU membuat surat permohonan cuti", B, "Formulir terisi", W("15 Menit", 15),
                  "Surat permohonan cuti"),
                K(3, "Menelaah permohonan cuti, disetujui?", C, "Surat permohonan cuti", W("1 Hari", 480),
                  "Permohonan disetujui", "Tidak: lanjut ke kegiatan 6", simbol="keputusan", cabang=(4, 6)),
                K(4, "Meneruskan surat cuti ke Dinas Kesehatan", B, "Permohonan disetujui", W("1 Hari", 480),
                  "Surat pengantar cuti"),
                K(5, "Menerbitkan surat izin cuti", Dk, "Surat pengantar cuti", W("2 x 24 jam", 2880),
                  "Surat izin cuti"),
                K(6, "Mencatat dalam buku agenda cuti dan memberitahukan hasil kepada pegawai", B, "Surat izin cuti",
                  W("10 Menit", 10), "Buku agenda cuti", simbol="selesai"),
            ])
    defects = [D("PR09", kegiatan=2), D("DK02", catatan="kotak teks, catatan, footer")]
    return s, defects


# --------------------------------------------------------------------------
# 14. disposisi (typed numbered paragraphs)

@sample("disposisi-surat-bkpsdm", "naratif",
        "identity paragraphs with 'Tgl.' labels and NBSP, steps as typed '1.' paragraphs naming the actor "
        "(no table), detail items typed '1.', Word auto-numbering absent",
        prosedur="paragraf", daftar="ketik", nbsp=True, judul_prosedur="Prosedur:",
        label={"tanggal_pembuatan": "Tgl. Pembuatan", "tanggal_revisi": "Tgl. Revisi",
               "tanggal_efektif": "Tgl. Efektif", "peralatan_perlengkapan": "Peralatan dan Perlengkapan"})
def s_disposisi():
    A, B, C = "Sekretaris", "Kepala Badan", "Kepala Bidang"
    s = sop(["PEMERINTAH KABUPATEN GARUT", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"],
            "800/1021/BKPSDM/2022", T("10 Oktober 2022", "2022-10-10", "hari"), T("-"),
            T("1 Nopember 2022", "2022-11-01", "hari"),
            P("KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA KABUPATEN GARUT",
              "Drs. Asep Suhendar, M.Si", "Pembina Utama Muda", "196912011990031005"),
            "Pemberian Disposisi Surat Masuk",
            dasar=["Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
                   "Peraturan Bupati Garut Nomor 68 Tahun 2021 tentang Tata Naskah Dinas"],
            kualifikasi=["Memahami tugas dan fungsi unit kerja"],
            keterkaitan=["SOP Surat Masuk"],
            peralatan=["Lembar disposisi", "Buku agenda"],
            peringatan=["Apabila disposisi terlambat, tindak lanjut surat tertunda"],
            pencatatan=["Buku agenda disposisi"],
            pelaksana=[A, B, C],
            kegiatan=[
                K(1, "Sekretaris menerima surat beserta lembar disposisi dari subbagian umum.", A, simbol="mulai"),
                K(2, "Sekretaris menelaah surat dan meneruskan kepada Kepala Badan.", A),
                K(3, "Kepala Badan memberikan disposisi kepada Kepala Bidang.", B),
                K(4, "Kepala Bidang menindaklanjuti surat sesuai disposisi.", C, simbol="selesai"),
            ])
    defects = ([D("PR05", kegiatan=n) for n in range(1, 5)] + [D("PR04", kegiatan=n) for n in (2, 3)]
               + [D("PR07", kegiatan=n) for n in range(1, 5)])
    return s, defects


# --------------------------------------------------------------------------
# 15. akta kelahiran - long SOP over two tables, off-page connectors

@sample("akta-kelahiran-disdukcapil", "standar",
        "long SOP (12 steps) split over two procedure tables with repeated header rows and a pair of "
        "off-page connectors 'A'; header variants (Uraian Kegiatan, Persyaratan/Kelengkapan, Keluaran, "
        "Ket.); upper-case labels with the colon in the label cell; No as '01'; empty rows at the table "
        "ends; decision branches drawn only (glued connectors + Ya/Tidak labels, empty Keterangan)",
        pecah_tabel=[7], no_format="{:02d}", baris_kosong=2, titik_dua="label",
        kolom={"kegiatan": "Uraian Kegiatan", "kelengkapan": "Persyaratan/Kelengkapan", "output": "Keluaran",
               "keterangan": "Ket."},
        label={"nomor_sop": "NOMOR SOP", "tanggal_pembuatan": "TANGGAL PEMBUATAN", "tanggal_revisi": "TANGGAL REVISI",
               "tanggal_efektif": "TANGGAL EFEKTIF", "disahkan_oleh": "DISAHKAN OLEH", "nama_sop": "NAMA SOP",
               "dasar_hukum": "DASAR HUKUM", "kualifikasi_pelaksana": "KUALIFIKASI PELAKSANA",
               "keterkaitan": "KETERKAITAN", "peralatan_perlengkapan": "PERALATAN/PERLENGKAPAN",
               "peringatan": "PERINGATAN", "pencatatan_pendataan": "PENCATATAN DAN PENDATAAN"})
def s_akta():
    A, B, C, Dk, E = ("Pemohon", "Petugas Loket", "Verifikator", "Operator SIAK", "Kepala Bidang Pencatatan Sipil")
    s = sop(["PEMERINTAH KABUPATEN BANYUMAS", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"], "474.1/118/DKPS/2022",
            T("20 Juli 2022", "2022-07-20", "hari"), T("-"), T("1 Agustus 2022", "2022-08-01", "hari"),
            P("KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN BANYUMAS", "Drs. Bambang Setiawan, M.Si",
              "Pembina Utama Muda", "196910101994031008"),
            "Penerbitan Akta Kelahiran",
            dasar=["Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 "
                   "tentang Administrasi Kependudukan",
                   "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk "
                   "dan Pencatatan Sipil",
                   "Peraturan Menteri Dalam Negeri Nomor 109 Tahun 2019 tentang Formulir dan Buku yang Digunakan "
                   "dalam Administrasi Kependudukan"],
            kualifikasi=["Memahami ketentuan pencatatan sipil", "Mampu mengoperasikan SIAK"],
            keterkaitan=["SOP Penerbitan Kartu Keluarga", "SOP Pengarsipan Dokumen Kependudukan"],
            peralatan=["Komputer", "Printer", "Kertas HVS", "Jaringan SIAK", "Buku register"],
            peringatan=["Apabila data pada surat keterangan lahir berbeda dengan KK, akta tidak dapat diterbitkan"],
            pencatatan=["Register akta kelahiran", "Arsip berkas permohonan"],
            pelaksana=[A, B, C, Dk, E],
            kegiatan=[
                K(1, "Mengambil nomor antrean dan menyerahkan berkas permohonan akta kelahiran", A,
                  "Formulir F-2.01, surat keterangan lahir, KK dan KTP orang tua", W("5 Menit", 5),
                  "Berkas permohonan", simbol="mulai"),
                K(2, "Menerima berkas dan mencatat dalam buku register", B, "Berkas permohonan", W("5 Menit", 5),
                  "Berkas teregister"),
                K(3, "Memverifikasi keabsahan berkas, berkas sah dan lengkap?", C, "Berkas teregister",
                  W("10 Menit", 10), "Berkas terverifikasi", simbol="keputusan", cabang=(4, 1)),
                K(4, "Menginput data kelahiran ke dalam SIAK", Dk, "Berkas terverifikasi", W("10 Menit", 10),
                  "Data kelahiran terinput"),
                K(5, "Mencetak draf akta kelahiran", Dk, "Data kelahiran terinput", W("5 Menit", 5), "Draf akta"),
                K(6, "Mencocokkan draf akta dengan berkas, sudah sesuai?", C, "Draf akta", W("5 Menit", 5),
                  "Draf akta terkoreksi", simbol="keputusan", cabang=(7, 4)),
                K(7, "Memeriksa dan memaraf draf akta", E, "Draf akta terkoreksi", W("15 Menit", 15),
                  "Draf akta berparaf"),
                K(8, "Menandatangani akta kelahiran secara elektronik", E, "Draf akta berparaf", W("10 Menit", 10),
                  "Akta kelahiran ber-TTE"),
                K(9, "Mencetak akta kelahiran pada kertas HVS", Dk, "Akta kelahiran ber-TTE", W("5 Menit", 5),
                  "Akta kelahiran tercetak"),
                K(10, "Mengarsipkan berkas permohonan", B, "Berkas permohonan", W("5 Menit", 5), "Arsip berkas"),
                K(11, "Menyerahkan akta kelahiran kepada pemohon", B, "Akta kelahiran tercetak", W("5 Menit", 5),
                  "Tanda terima"),
                K(12, "Menerima akta kelahiran dan menandatangani tanda terima", A, "Akta kelahiran",
                  W("2 Menit", 2), "Akta diterima pemohon", simbol="selesai"),
            ])
    return s, []


# --------------------------------------------------------------------------
# 16. SPP-UP - Word editing debris, ticks "X" in two columns

@sample("spp-up-bpkad", "centang",
        "ticks 'X', one row ticked in two actor columns; Word editing debris around runs (proofErr, "
        "bookmarks, smartTag, customXml); Nama SOP first in the identity table, value cells starting "
        "with ': '; detail as paragraphs under the table with typed 'a.' items and a lone '-' "
        "(= empty list); 'NIP 1976...' without a dot and no pangkat line; dates 'Senin, 6 Maret 2023' "
        "and '01-Apr-23'",
        centang_teks="X", derau=True, titik_dua="nilai", detail="paragraf", daftar="huruf",
        daftar_tampil={"keterkaitan": ["-"]}, nip_label="NIP ",
        urutan_identitas=["nama_sop", "nomor_sop", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
                          "disahkan_oleh"])
def s_spp():
    A, B, C, Dk = "Bendahara Pengeluaran", "PPK-SKPD", "Pengguna Anggaran", "Kuasa BUD"
    s = sop(["PEMERINTAH KOTA PADANG", "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH"], "900/045/BPKAD/2023",
            T("Senin, 6 Maret 2023", "2023-03-06", "hari"), T("-"), T("01-Apr-23", "2023-04-01", "hari"),
            P("KEPALA BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH KOTA PADANG", "Yosefriawan, S.E., M.M.", None,
              "197609122005011004"),
            "Pengajuan Surat Permintaan Pembayaran Uang Persediaan (SPP-UP)",
            dasar=["Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
                   "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan "
                   "Daerah"],
            kualifikasi=["Memiliki sertifikat bendahara", "Memahami penatausahaan keuangan daerah"],
            keterkaitan=[],
            peralatan=["Komputer", "Aplikasi SIPD", "Printer"],
            peringatan=["Apabila SPP-UP tidak lengkap, SP2D tidak dapat diterbitkan"],
            pencatatan=["Register SPP", "Buku kas umum"],
            pelaksana=[A, B, C, Dk],
            kegiatan=[
                K(1, "Menyiapkan dokumen SPP-UP", A, "DPA-SKPD dan SK Bendahara", W("1 Jam", 60), "Dokumen SPP-UP",
                  simbol="mulai"),
                K(2, "Menyusun dan meneliti SPP-UP bersama PPK-SKPD", A, "Dokumen SPP-UP", W("2 Jam", 120),
                  "SPP-UP", lain=[B]),
                K(3, "Memverifikasi kelengkapan SPP-UP, lengkap?", B, "SPP-UP", W("1 Hari", 480),
                  "SPP-UP terverifikasi", "Tidak: kembali ke kegiatan 1", simbol="keputusan", cabang=(4, 1)),
                K(4, "Menerbitkan SPM-UP", B, "SPP-UP terverifikasi", W("1 Hari", 480), "SPM-UP"),
                K(5, "Menandatangani SPM-UP", C, "SPM-UP", W("30 Menit", 30), "SPM-UP ditandatangani"),
                K(6, "Menerbitkan SP2D", Dk, "SPM-UP ditandatangani", W("1 Hari", 480), "SP2D", simbol="selesai"),
            ])
    return s, [D("PR03", kegiatan=2)]


# --------------------------------------------------------------------------
# 17. rekomendasi izin keramaian - Wingdings ticks, section break, complex field

@sample("rekomendasi-izin-keramaian-kecamatan", "centang",
        "ticks inserted as Wingdings symbols (w:sym F0FC, no text), the procedure in its own section "
        "after a paragraph-level w:sectPr, Nomor SOP as a complex DOCPROPERTY field (instrText + "
        "cached result), waktu '2 x 24 jam' and 'maks. 15 menit'",
        centang_simbol=True, seksi=True, field_nomor=True, kolom_nomor=False, daftar="paragraf")
def s_keramaian():
    A, B, C, Dk, E = "Pemohon", "Petugas PATEN", "Kasi Trantib", "Sekcam", "Camat"
    s = sop(["PEMERINTAH KABUPATEN SIDOARJO", "KECAMATAN PORONG"], "300/211/438.7.1/2023",
            T("2 Mei 2023", "2023-05-02", "hari"), T("-"), T("15 Mei 2023", "2023-05-15", "hari"),
            P("CAMAT PORONG", "Agus Prasetyo, S.STP, M.Si", "Pembina (IV/a)", "198203052000121003"),
            "Penerbitan Rekomendasi Izin Keramaian",
            dasar=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                   "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
                   "Peraturan Bupati Sidoarjo Nomor 40 Tahun 2019 tentang Pelimpahan Sebagian Kewenangan Bupati "
                   "kepada Camat"],
            kualifikasi=["Memahami ketentuan ketenteraman dan ketertiban umum", "Mampu mengoperasikan komputer"],
            keterkaitan=["SOP Pelayanan Administrasi Terpadu Kecamatan"],
            peralatan=["Komputer", "Printer", "Buku register", "Stempel"],
            peringatan=["Apabila rekomendasi tidak diterbitkan, kegiatan keramaian tidak mendapat izin Kepolisian"],
            pencatatan=["Buku register rekomendasi"],
            pelaksana=[A, B, C, Dk, E],
            kegiatan=[
                K(1, "Mengajukan permohonan rekomendasi izin keramaian", A,
                  "Surat permohonan, pengantar desa dan fotokopi KTP", W("maks. 15 menit", 15),
                  "Berkas permohonan", simbol="mulai"),
                K(2, "Memeriksa kelengkapan berkas, lengkap?", B, "Berkas permohonan", W("10 Menit", 10),
                  "Berkas lengkap", "Tidak: kembali ke kegiatan 1", simbol="keputusan", cabang=(3, 1)),
                K(3, "Menelaah lokasi dan waktu kegiatan serta menyusun konsep rekomendasi", C, "Berkas lengkap",
                  W("1 Hari", 480), "Konsep rekomendasi"),
                K(4, "Memeriksa dan memaraf konsep rekomendasi", Dk, "Konsep rekomendasi", W("30 Menit", 30),
                  "Konsep berparaf"),
                K(5, "Menandatangani rekomendasi", E, "Konsep berparaf", W("2 x 24 jam", 2880),
                  "Rekomendasi ditandatangani"),
                K(6, "Memberi nomor dan menyerahkan rekomendasi kepada pemohon", B, "Rekomendasi ditandatangani",
                  W("15 Menit", 15), "Rekomendasi diterima pemohon", simbol="selesai"),
            ])
    return s, []


# --------------------------------------------------------------------------
# 18. pengaduan masyarakat - the whole flowchart as one Word group

@sample("pengaduan-masyarakat-diskominfo", "standar",
        "the whole flowchart drawn as ONE Word group (wpg:wgp, VML v:group fallback) anchored in the "
        "first actor cell of the first step row, symbols placed over fixed-width actor columns and "
        "exact-height step rows, glued connectors and Ya/Tidak text boxes inside the group",
        prosedur="grup", kolom_nomor=True)
def s_pengaduan():
    A, B, C, Dk = "Admin SP4N-LAPOR", "Kepala Bidang IKP", "Kepala Dinas", "OPD Terkait"
    s = sop(["PEMERINTAH KOTA BENGKULU", "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK"], "555/089/KOMINFO/2023",
            T("9 Januari 2023", "2023-01-09", "hari"), T("-"), T("1 Februari 2023", "2023-02-01", "hari"),
            P("KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KOTA BENGKULU", "Drs. Hendri Ariansyah, M.Si",
              "Pembina Utama Muda", "197001011993031012"),
            "Penanganan Pengaduan Masyarakat melalui SP4N-LAPOR",
            dasar=["Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                   "Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik",
                   "Peraturan Menteri PAN-RB Nomor 62 Tahun 2018 tentang Pedoman Teknis Pengelolaan Pengaduan "
                   "Pelayanan Publik Nasional"],
            kualifikasi=["Memahami pengelolaan pengaduan pelayanan publik", "Mampu mengoperasikan aplikasi SP4N-LAPOR"],
            keterkaitan=["SOP Layanan Informasi Publik"],
            peralatan=["Komputer", "Jaringan internet", "Aplikasi SP4N-LAPOR"],
            peringatan=["Apabila pengaduan tidak ditindaklanjuti dalam 5 hari kerja, pengaduan dialihkan ke "
                        "atasan OPD"],
            pencatatan=["Rekapitulasi pengaduan", "Laporan bulanan tindak lanjut"],
            pelaksana=[A, B, C, Dk],
            kegiatan=[
                K(1, "Menerima dan memverifikasi pengaduan yang masuk melalui SP4N-LAPOR", A, "Pengaduan masyarakat",
                  W("1 Hari", 480), "Pengaduan terverifikasi", simbol="mulai"),
                K(2, "Menelaah pengaduan, termasuk kewenangan Pemerintah Kota?", B, "Pengaduan terverifikasi",
                  W("1 Hari", 480), "Hasil telaah", "Tidak: lanjut ke kegiatan 7", simbol="keputusan",
                  cabang=(3, 7)),
                K(3, "Menetapkan OPD penanggung jawab tindak lanjut", C, "Hasil telaah", W("1 Hari", 480),
                  "Disposisi Kepala Dinas"),
                K(4, "Menindaklanjuti pengaduan dan menyampaikan jawaban", Dk, "Disposisi Kepala Dinas",
                  W("5 Hari Kerja", 2400), "Jawaban tindak lanjut"),
                K(5, "Memeriksa jawaban OPD, jawaban memadai?", B, "Jawaban tindak lanjut", W("1 Hari", 480),
                  "Jawaban terverifikasi", "Tidak: kembali ke kegiatan 4", simbol="keputusan", cabang=(6, 4)),
                K(6, "Mengunggah jawaban ke SP4N-LAPOR", A, "Jawaban terverifikasi", W("30 Menit", 30),
                  "Jawaban terunggah"),
                K(7, "Menutup pengaduan dan menyusun rekapitulasi", A, "Jawaban terunggah", W("1 Jam", 60),
                  "Rekapitulasi pengaduan", simbol="selesai"),
            ])
    return s, []


# --------------------------------------------------------------------------
# 19. SPPD - branch words, no step numbers, non-breaking hyphens

@sample("sppd-sekretariat-dprd", "standar",
        "empty No cells (steps numbered by position), branch words 'Lengkap'/'Tidak Lengkap' on one "
        "decision, Keterangan phrased 'Jika tidak lengkap, kembali ke langkah 1' and 'Ya: lanjut ke "
        "kegiatan 7' (the Tidak branch goes on to the next step), actor headers broken with Shift+Enter, "
        "hyphens typed as non-breaking hyphens, dates written 13/07/2023",
        no_format="", label_cabang={2: ("Lengkap", "Tidak Lengkap")}, tanda_hubung=True, br_aktor=True)
def s_sppd():
    A, B, C, Dk, E = ("Pelaksana Perjalanan", "Staf Bagian Umum", "Kasubbag Tata Usaha", "Sekretaris DPRD",
                      "Bendahara Pengeluaran")
    s = sop(["PEMERINTAH KABUPATEN LOMBOK TIMUR", "SEKRETARIAT DPRD"], "090/117/SET-DPRD/2023",
            T("13/07/2023", "2023-07-13", "hari"), T("-"), T("1 Agustus 2023", "2023-08-01", "hari"),
            P("SEKRETARIS DPRD KABUPATEN LOMBOK TIMUR", "H. Lalu Ahmad Zaini, S.H., M.H.", "Pembina Utama Muda",
              "196905121994031007"),
            "Penerbitan Surat Perintah Perjalanan Dinas (SPPD)",
            dasar=["Peraturan Presiden Nomor 33 Tahun 2020 tentang Standar Harga Satuan Regional",
                   "Peraturan Bupati Lombok Timur Nomor 5 Tahun 2023 tentang Perjalanan Dinas"],
            kualifikasi=["Memahami ketentuan perjalanan dinas", "Mampu mengoperasikan komputer"],
            keterkaitan=["SOP Pertanggungjawaban Perjalanan Dinas"],
            peralatan=["Komputer", "Printer", "Blangko SPPD", "Stempel"],
            peringatan=["Apabila SPPD terbit tanpa surat tugas, biaya perjalanan tidak dapat dipertanggungjawabkan"],
            pencatatan=["Register SPPD", "Buku kas uang muka perjalanan"],
            pelaksana=[A, B, C, Dk, E],
            kegiatan=[
                K(1, "Mengajukan permohonan SPPD dengan melampirkan surat tugas", A, "Surat tugas",
                  W("10 Menit", 10), "Permohonan SPPD", simbol="mulai"),
                K(2, "Memeriksa kelengkapan permohonan, lengkap?", B, "Permohonan SPPD", W("15 Menit", 15),
                  "Permohonan lengkap", "Jika tidak lengkap, kembali ke langkah 1", simbol="keputusan",
                  cabang=(3, 1)),
                K(3, "Mengetik konsep SPPD", B, "Permohonan lengkap", W("15 Menit", 15), "Konsep SPPD"),
                K(4, "Memeriksa dan memaraf konsep SPPD", C, "Konsep SPPD", W("15 Menit", 15), "Konsep berparaf"),
                K(5, "Memeriksa sumber biaya, perjalanan dibiayai pihak lain?", E, "Konsep berparaf",
                  W("10 Menit", 10), "Keterangan sumber biaya", "Ya: lanjut ke kegiatan 7", simbol="keputusan",
                  cabang=(7, 6)),
                K(6, "Mencatat SPPD dalam register uang muka perjalanan", E, "Keterangan sumber biaya",
                  W("10 Menit", 10), "Register uang muka"),
                K(7, "Menandatangani SPPD", Dk, "Konsep berparaf", W("1 Hari", 480), "SPPD ditandatangani"),
                K(8, "Memberi nomor dan menyerahkan SPPD kepada pelaksana perjalanan", B, "SPPD ditandatangani",
                  W("10 Menit", 10), "SPPD diterima", simbol="selesai"),
            ])
    return s, []


# --------------------------------------------------------------------------
# 20. PBG - the flowchart pasted as a picture

@sample("persetujuan-bangunan-gedung-dpmptsp", "satu_sel",
        "the flowchart pasted as ONE picture floating over the actor columns (no shapes, no ticks): no "
        "step has an actor, symbols are inferred, gambar_alur is true; identity 'Label : value' in one "
        "cell",
        prosedur="gambar", kolom_nomor=True)
def s_pbg():
    A, B, C, Dk = "Pemohon", "Petugas Front Office", "Tim Profesi Ahli", "Kepala DPMPTSP"
    s = sop(["PEMERINTAH KABUPATEN KUDUS", "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"],
            "503/045/DPMPTSP/2022", T("10 Maret 2022", "2022-03-10", "hari"), T("-"),
            T("1 April 2022", "2022-04-01", "hari"),
            P("KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN KUDUS",
              "Drs. Harso Widodo, M.M.", "Pembina Utama Muda", "196711151993031004"),
            "Penerbitan Persetujuan Bangunan Gedung",
            dasar=["Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan Undang-Undang Nomor 28 "
                   "Tahun 2002 tentang Bangunan Gedung",
                   "Peraturan Daerah Kabupaten Kudus Nomor 2 Tahun 2022 tentang Retribusi PBG"],
            kualifikasi=["Memahami ketentuan bangunan gedung", "Mampu mengoperasikan SIMBG"],
            keterkaitan=["SOP Penerbitan Sertifikat Laik Fungsi"],
            peralatan=["Komputer", "Aplikasi SIMBG", "Printer"],
            peringatan=["Apabila dokumen teknis tidak sesuai, PBG tidak dapat diterbitkan"],
            pencatatan=["Register PBG"],
            pelaksana=[A, B, C, Dk],
            kegiatan=[
                K(1, "Mengajukan permohonan PBG melalui SIMBG", A, "Dokumen rencana teknis", W("1 Hari", 480),
                  "Permohonan PBG", simbol="mulai"),
                K(2, "Memeriksa kelengkapan dokumen, lengkap?", B, "Permohonan PBG", W("1 Hari", 480),
                  "Dokumen lengkap", "Tidak: kembali ke kegiatan 1", simbol="keputusan", cabang=(3, 1)),
                K(3, "Melakukan konsultasi dan penilaian dokumen teknis", C, "Dokumen lengkap",
                  W("3 Hari Kerja", 1440), "Berita acara konsultasi"),
                K(4, "Menghitung retribusi PBG", B, "Berita acara konsultasi", W("1 Hari", 480), "SKRD"),
                K(5, "Menandatangani PBG secara elektronik", Dk, "SKRD lunas", W("1 Hari", 480), "PBG ber-TTE"),
                K(6, "Menyerahkan PBG kepada pemohon", B, "PBG ber-TTE", W("15 Menit", 15), "PBG diterima pemohon",
                  simbol="selesai"),
            ])
    return s, ([D("PR02", kegiatan=n) for n in range(1, 7)]
               + [D("PR12", field="pelaksana", catatan="semua kolom pelaksana tanpa tanda")])


# --------------------------------------------------------------------------
# 21. domisili usaha - one header row, no Keterangan column, title row in the table

@sample("domisili-usaha-kelurahan", "standar",
        "title as the merged first row of the identity table, an extra identity row 'No. Revisi' "
        "(-> lainnya), signing block 'a.n. CAMAT ... / LURAH ...', procedure with ONE header row (actor "
        "names directly between Kegiatan and Kelengkapan, no Pelaksana / Mutu Baku row) and no "
        "Keterangan column, decision branches drawn only",
        judul_dalam_tabel=True, header_satu_baris=True, tanpa_keterangan=True, kolom_nomor=False,
        jabatan_baris=["a.n. CAMAT PALU BARAT", "LURAH SIRANINDI"])
def s_domisili():
    A, B, C, Dk = "Pemohon", "Petugas Pelayanan", "Kasi Pemerintahan", "Lurah"
    s = sop(["PEMERINTAH KOTA PALU", "KECAMATAN PALU BARAT", "KELURAHAN SIRANINDI"], "470/052/KEL-SRD/2022",
            T("14 Februari 2022", "2022-02-14", "hari"), T("-"), T("1 Maret 2022", "2022-03-01", "hari"),
            P("a.n. CAMAT PALU BARAT LURAH SIRANINDI", "Moh. Rizal Lamasituju, S.Sos", "Penata Tk. I (III/d)",
              "198402142010011009"),
            "Penerbitan Surat Keterangan Domisili Usaha",
            dasar=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                   "Peraturan Wali Kota Palu Nomor 18 Tahun 2021 tentang Pelimpahan Sebagian Kewenangan Wali Kota "
                   "kepada Camat dan Lurah"],
            kualifikasi=["Memahami pelayanan administrasi kelurahan"],
            keterkaitan=["SOP Pengantar RT/RW"],
            peralatan=["Komputer", "Printer", "Stempel", "Buku register"],
            peringatan=["Apabila alamat usaha tidak sesuai, surat keterangan tidak dapat diterbitkan"],
            pencatatan=["Buku register surat keterangan"],
            pelaksana=[A, B, C, Dk],
            lainnya={"No. Revisi": "00"},
            kegiatan=[
                K(1, "Mengajukan permohonan dengan pengantar RT/RW", A, "Pengantar RT/RW, fotokopi KTP dan KK",
                  W("5 Menit", 5), "Berkas permohonan", simbol="mulai"),
                K(2, "Memeriksa kelengkapan berkas, lengkap?", B, "Berkas permohonan", W("5 Menit", 5),
                  "Berkas lengkap", simbol="keputusan", cabang=(3, 1)),
                K(3, "Mengetik surat keterangan domisili usaha", B, "Berkas lengkap", W("10 Menit", 10),
                  "Konsep surat"),
                K(4, "Memeriksa dan memaraf konsep surat", C, "Konsep surat", W("10 Menit", 10), "Konsep berparaf"),
                K(5, "Menandatangani surat keterangan", Dk, "Konsep berparaf", W("10 Menit", 10),
                  "Surat ditandatangani"),
                K(6, "Memberi nomor, stempel dan menyerahkan surat kepada pemohon", B, "Surat ditandatangani",
                  W("5 Menit", 5), "Surat diterima pemohon", simbol="selesai"),
            ])
    return s, []


# --------------------------------------------------------------------------

README_HEAD = """# Sample SOP documents

Realistic SOP AP `.docx` files in the layouts regional OPDs really use, each with the model the
reader must produce from it. Everything here is generated — do not edit the `.docx` by hand:

    python samples/make_samples.py          # rewrites samples/*.docx and samples/.oracle/*

- `make_samples.py` — the source data of every sample (content paraphrased from the example SOPs
  in the project's domain notes §11; officials' names and NIPs are invented) and the defects
  deliberately seeded in each.
- `sopdocx.py` — the builder library: renders `soplint.model.SOP` objects into Word files in many
  layouts (python-docx + lxml for shapes) and returns the oracle. Tests and other helpers use it
  to make one real `.docx` per test case: `sys.path.insert(0, "samples"); import sopdocx;
  oracle = sopdocx.build_docx(sop, path, layout="standar", **options)` (options in its
  docstring).
- `.oracle/NAME.expected.json` — a JSON list, the expected model of each SOP in `NAME.docx`
  (built from the same source data the document is rendered from, never by running the reader;
  it follows the team's reading conventions, e.g. a decision's `lanjut` = `[cabang.ya]`, texts
  the document holds outside the SOP fields listed in `tak_terpetakan`).
- `.oracle/NAME.defects.json` — the seeded defects: `code` (spec/rules.md), `indeks` (SOP in the
  file), `field` or `kegiatan`, and a note.

The oracles sit in a hidden folder on purpose: `soplint convert samples/ --to json -o out/`
searches folders for `.json` model inputs too, and skips hidden folders.

Tests: `tests/test_samples.py` (every sample reads as its oracle — `lokasi` keys excluded,
`tak_terpetakan` compared as a multiset of texts —, the oracles are what the generator makes
today, the CLI converts the folder into schema-valid JSON, and every seeded defect is reported by
`soplint check`), `tests/test_coverage.py` (every
text of every sample and of every real `.docx` in the shared corpus is in the model or in
`tak_terpetakan`, collected independently with lxml).

## The samples

"""

README_TAIL = """
## Layout features covered

- Identity: table with the colon in its own cell / in the label cell / at the start of the value
  cell; "Label : value" inside one cell; "Label<TAB>: value" paragraphs; institution in the logo
  cell (inline PNG logo), in a nested table, or only in the page header; label variants and
  typos (Tgl. / Tgl / TANGGAL ..., Tanggal Pengesahan / Berlaku / Terbit, Ditetapkan Oleh, Judul
  SOP, No. SOP, Landasan Hukum, Kualifikasi Pelaksanaan, Pencatatan/Pendataan, Peralatan dan
  Perlengkapan); an unknown label (Jenis Layanan → `lainnya`); signing block over several
  paragraphs (jabatan lines, empty lines, bold+underlined name, pangkat, "NIP. 19xxxxxx xxxxxx x
  xxx" or "NIP 19...", with or without pangkat).
- Detail lists: heading and items in one cell, headings in their own row, rows continuing the
  identity table, paragraphs; items as paragraphs, typed "1." / "a.", Word auto-numbering
  (`w:numPr` + numbering.xml), inline "1. ... 2. ...", a lone "-", an empty heading.
- Procedure: two header rows with merged "Pelaksana" / "Mutu Baku" (gridSpan, vMerge), header
  word variants, column-number row, Waktu merged over 2 and 4 steps, No as "1", "1." or "01",
  multi-paragraph activity cells, empty trailing rows, a procedure split over two tables with
  repeated headers; symbols as DrawingML `wps:wsp` in `mc:AlternateContent` with a VML fallback,
  glued connectors (`a:stCxn`/`a:endCxn`), Ya/Tidak text boxes, off-page connectors; legacy VML
  only (`v:shape` t116/t109/t110/t114, `v:line`, t32/t34 connectors glued by `o:r` rules in
  settings.xml); ticks "√", "v", "X" (also two in one row); one "Pelaksana" text column; steps as
  typed or auto-numbered paragraphs naming the actor.
- `lo-*.docx`: four samples re-saved by LibreOffice Writer (`make_samples.py --libreoffice`), as
  files that went through LibreOffice/WPS are; same oracle, VML shapes become DrawingML presets.
- Word mechanics: runs split mid-word, NBSP, content controls, tracked changes, hyperlink,
  Wingdings check marks (w:sym), a section break before the procedure,
  simple and complex fields, floating text box, nested table, page header and footer, proofErr /
  bookmarks / smartTag / customXml around runs, several SOPs with a cover page.
"""


def readme(rows) -> str:
    lines = []
    for name, layout, description, sops, defects in rows:
        sops = sops if isinstance(sops, list) else [sops]
        topic = "; ".join(f"{s.identitas.nama_sop} — {' / '.join(s.identitas.instansi[:2]).title()}" for s in sops)
        seeded = ", ".join(sorted({d["code"] + (f" (kegiatan {d['kegiatan']})" if d["kegiatan"] else
                                                (f" ({d['field']})" if d["field"] else ""))
                                   for d in defects})) or "— (clean)"
        lines.append(f"| `{name}` | {topic} | **{layout}**: {description} | {seeded} |")
    return (README_HEAD + "| sample | SOP (institution) | layout | seeded defects |\n|---|---|---|---|\n"
            + "\n".join(lines) + "\n" + README_TAIL)


def build(out_dir: Path = HERE) -> list[tuple[str, str, str]]:
    out_dir = Path(out_dir)
    oracle_dir = out_dir / ".oracle"
    oracle_dir.mkdir(parents=True, exist_ok=True)
    made, rows = [], []
    for name, layout, description, opts, fn in SAMPLES:
        sops, defects = fn()
        oracle = sopdocx.build_docx(sops, out_dir / f"{name}.docx", layout=layout, **opts)
        (oracle_dir / f"{name}.expected.json").write_text(json.dumps(oracle, ensure_ascii=False, indent=2) + "\n",
                                                       encoding="utf-8")
        (oracle_dir / f"{name}.defects.json").write_text(json.dumps(defects, ensure_ascii=False, indent=2) + "\n",
                                                      encoding="utf-8")
        made.append((name, layout, description))
        rows.append((name, layout, description, sops, defects))
    (out_dir / "README.md").write_text(readme(rows), encoding="utf-8")
    return made


#: samples re-saved by LibreOffice Writer (as OPD files often are: WPS/LibreOffice users, or a
#: .doc opened and saved as .docx); their oracle is the source's, with VML shapes turned into
#: DrawingML presets the way LibreOffice rewrites them
LIBREOFFICE = ["surat-masuk-bappeda", "ktp-el-disdukcapil", "kk-disdukcapil-palangkaraya",
               "cuti-asn-kantor-perwakilan"]
_VML_TO_PRESET = {f"t{n}": name for name, n in sopdocx._VML_TYPE.items()}


def libreoffice_oracle(oracle: list, new_name: str) -> list:
    out = json.loads(json.dumps(oracle))
    for sop_ in out:
        sop_["sumber"]["berkas"] = new_name
        for k in sop_["kegiatan"]:
            k["bentuk"] = _VML_TO_PRESET.get(k["bentuk"], k["bentuk"])
    return out


def libreoffice_variants(out_dir: Path = HERE, soffice: str = "soffice") -> list[str]:
    """lo-NAME.docx for every NAME in LIBREOFFICE (needs LibreOffice), with
    their oracles; the source samples must exist in out_dir."""
    import shutil
    import subprocess
    import tempfile

    out_dir = Path(out_dir)
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        for name in LIBREOFFICE:
            shutil.copy(out_dir / f"{name}.docx", tmp / "in" / f"lo-{name}.docx")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", str(tmp / "out")]
                       + [str(p) for p in sorted((tmp / "in").glob("*.docx"))],
                       check=True, capture_output=True, timeout=600)
        for name in LIBREOFFICE:
            target = f"lo-{name}.docx"
            shutil.copy(tmp / "out" / target, out_dir / target)
            oracle = json.loads((out_dir / ".oracle" / f"{name}.expected.json").read_text("utf-8"))
            (out_dir / ".oracle" / f"lo-{name}.expected.json").write_text(
                json.dumps(libreoffice_oracle(oracle, target), ensure_ascii=False, indent=2) + "\n", "utf-8")
            shutil.copy(out_dir / ".oracle" / f"{name}.defects.json", out_dir / ".oracle" / f"lo-{name}.defects.json")
            made.append(target)
    return made


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = Path(args[0]) if args else HERE
    for name, layout, _ in build(target):
        print(f"{name}.docx ({layout})")
    if "--libreoffice" in sys.argv:
        for name in libreoffice_variants(target):
            print(f"{name} (LibreOffice re-save)")
