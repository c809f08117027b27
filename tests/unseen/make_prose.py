"""More unseen SOP layouts (written before the reader was changed for them):
procedures written as prose, free-form identity, several SOPs in one file
split by a repeated title block, a flowchart pasted as a picture.

Called by make_unseen.py (``build(FILES)``); python-docx, written the way an
office clerk would, not the way soplint writes.
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Cm


def _title(doc, *lines, bold=True, center=True):
    for line in lines:
        p = doc.add_paragraph()
        if center:
            p.alignment = 1
        p.add_run(line).bold = bold


def _heading(doc, text):
    doc.add_paragraph().add_run(text).bold = True


def _items(doc, items, numbered=True):
    for i, it in enumerate(items, 1):
        doc.add_paragraph(f"{i}.\t{it}" if numbered else it)


def _signer(doc, jabatan, nama, pangkat, nip):
    doc.add_paragraph(jabatan)
    doc.add_paragraph("")
    p = doc.add_paragraph()
    r = p.add_run(nama)
    r.bold = r.underline = True
    doc.add_paragraph(pangkat)
    doc.add_paragraph(nip)


# --------------------------------------------------------------------------------------
# P1. Prose procedure with the mutu baku stated in and beside each sentence, a decision
#     written as a question with both branches (DPMPTSP, izin reklame)
# --------------------------------------------------------------------------------------

def prose_mutu_baku_dpmptsp(path: Path):
    doc = docx.Document()
    _title(doc, "PEMERINTAH KABUPATEN BOYOLALI",
           "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU")
    t = doc.add_table(rows=6, cols=2)
    t.style = "Table Grid"
    rows = [("Nomor SOP", "503/118/DPMPTSP/2023"), ("Tanggal Pembuatan", "6 Maret 2023"),
            ("Tanggal Revisi", "-"), ("Tanggal Efektif", "20 Maret 2023"), ("Disahkan oleh", None),
            ("Nama SOP", "Pelayanan Izin Reklame")]
    for i, (label, value) in enumerate(rows):
        t.cell(i, 0).text = label
        if value is not None:
            t.cell(i, 1).text = value
    c = t.cell(4, 1)
    c.text = "KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"
    r = c.add_paragraph().add_run("Ir. WAHYU HIDAYAT, M.M.")
    r.bold = True
    c.add_paragraph("Pembina Tk. I (IV/b)")
    c.add_paragraph("NIP. 19700512 199503 1 004")
    for head, items in (("Dasar Hukum:", ["Undang-Undang Nomor 28 Tahun 2009 tentang Pajak Daerah dan "
                                          "Retribusi Daerah",
                                          "Peraturan Daerah Kabupaten Boyolali Nomor 4 Tahun 2021 tentang "
                                          "Penyelenggaraan Reklame"]),
                        ("Kualifikasi Pelaksana:", ["Memahami ketentuan perizinan reklame",
                                                    "Mampu mengoperasikan komputer"]),
                        ("Keterkaitan:", ["SOP Penerbitan SKRD"]),
                        ("Peralatan/Perlengkapan:", ["Komputer dan printer", "Buku register izin"]),
                        ("Peringatan:", ["Jika berkas tidak lengkap, permohonan tidak dapat diproses"]),
                        ("Pencatatan dan Pendataan:", ["Buku register izin reklame"])):
        _heading(doc, head)
        _items(doc, items)
    _heading(doc, "Uraian Prosedur:")
    steps = [
        ["1.\tPemohon menyerahkan berkas permohonan izin reklame kepada Petugas Front Office.",
         "Kelengkapan: formulir permohonan dan fotokopi KTP", "Waktu: 5 menit", "Output: berkas permohonan"],
        ["2.\tPetugas Front Office memeriksa kelengkapan berkas dalam waktu 15 menit.",
         "Output: berkas yang sudah diperiksa"],
        ["3.\tPetugas Front Office menilai: apakah berkas lengkap? Jika tidak, berkas dikembalikan kepada "
         "Pemohon (kembali ke langkah 1); jika ya, lanjut ke langkah 4."],
        ["4.\tKepala Seksi Perizinan memverifikasi dan memaraf draf izin selama 1 hari kerja.",
         "Output: draf izin berparaf"],
        ["5.\tKepala Dinas menandatangani izin reklame (waktu: 1 hari)."],
        ["6.\tPetugas Front Office menyerahkan izin kepada Pemohon dalam waktu 10 menit; output: izin reklame "
         "diterima Pemohon."],
    ]
    for step in steps:
        doc.add_paragraph(step[0])
        for beside in step[1:]:
            doc.add_paragraph("\t" + beside)
    doc.save(path)


# --------------------------------------------------------------------------------------
# P2. Procedure in stages ("Tahap I - ...") with the step numbers restarting in each stage,
#     times in brackets, a scope list before it (Dinas Pendidikan, tunjangan profesi)
# --------------------------------------------------------------------------------------

def stages_restart_disdik(path: Path):
    doc = docx.Document()
    _title(doc, "PEMERINTAH KABUPATEN GROBOGAN", "DINAS PENDIDIKAN DAN KEBUDAYAAN",
           "BIDANG PEMBINAAN KETENAGAAN")
    _title(doc, "STANDAR OPERASIONAL PROSEDUR")
    for line in ("Nomor SOP : 800/211/DISDIKBUD/2024", "Tanggal Pembuatan : 2 Februari 2024",
                 "Tanggal Revisi : -", "Tanggal Efektif : 12 Februari 2024",
                 "Nama SOP : Pengusulan Tunjangan Profesi Guru", "Disahkan oleh :"):
        doc.add_paragraph(line)
    _signer(doc, "KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN", "Drs. SUTRISNO, M.Pd.", "Pembina Utama Muda (IV/c)",
            "NIP. 19680317 199203 1 007")
    for head, items in (("Dasar Hukum :", ["Undang-Undang Nomor 14 Tahun 2005 tentang Guru dan Dosen",
                                           "Peraturan Pemerintah Nomor 41 Tahun 2009 tentang Tunjangan Profesi "
                                           "Guru dan Dosen"]),
                        ("Kualifikasi Pelaksana :", ["Memahami aplikasi SIMTUN"]),
                        ("Keterkaitan :", ["SOP Pencairan Tunjangan"]),
                        ("Peralatan/Perlengkapan :", ["Komputer", "Jaringan internet"]),
                        ("Peringatan :", ["Usulan yang terlambat tidak diproses pada triwulan berjalan"]),
                        ("Pencatatan dan Pendataan :", ["Daftar usulan tunjangan"])):
        doc.add_paragraph(head)
        _items(doc, items)
    doc.add_paragraph("Ruang Lingkup :")
    _items(doc, ["Guru SD dan SMP negeri", "Guru SD dan SMP swasta yang sudah bersertifikat pendidik"])
    _heading(doc, "PROSEDUR")
    for stage, steps in (("Tahap I \u2013 Penerimaan Usulan",
                          ["Operator Sekolah mengunggah usulan tunjangan ke aplikasi SIMTUN (30 menit).",
                           "Operator Dinas menerima dan mencetak daftar usulan (15 menit)."]),
                         ("Tahap II \u2013 Verifikasi",
                          ["Kepala Seksi GTK memverifikasi daftar usulan: apakah data sesuai? Jika tidak sesuai, "
                           "usulan dikembalikan ke Operator Sekolah (kembali ke kegiatan 1).",
                           "Kepala Bidang Pembinaan Ketenagaan menyetujui daftar usulan (1 hari)."]),
                         ("Tahap III \u2013 Penetapan",
                          ["Kepala Dinas menandatangani surat keputusan penerima tunjangan (1 hari).",
                           "Operator Dinas mengarsipkan surat keputusan dan mengirimkan salinannya kepada "
                           "sekolah (30 menit)."])):
        _heading(doc, stage)
        _items(doc, steps)
    doc.save(path)


# --------------------------------------------------------------------------------------
# P3. Free-form identity: title and institution lines at the top, "Nomor :" lines,
#     synonym headings (Kriteria Pelaksana, Spesifikasi, Dokumen yang digunakan), a ticked
#     procedure table, the signing block written as prose at the end (Kelurahan)
# --------------------------------------------------------------------------------------

def free_identity_kelurahan(path: Path):
    doc = docx.Document()
    _title(doc, "PEMERINTAH KOTA DEPOK", "KECAMATAN SUKMAJAYA", "KELURAHAN MEKARJAYA")
    _title(doc, "STANDAR OPERASIONAL PROSEDUR", "PELAYANAN SURAT PENGANTAR SKCK")
    for line in ("Nomor : 045.2/07/KEL-MJ/2024", "Tanggal Pembuatan : 8 Januari 2024", "Tanggal Revisi : -",
                 "Tanggal Efektif : 15 Januari 2024"):
        doc.add_paragraph(line)
    for head, items in (("Dasar Hukum", ["Undang-Undang Nomor 2 Tahun 2002 tentang Kepolisian Negara Republik "
                                         "Indonesia",
                                         "Peraturan Wali Kota Depok Nomor 12 Tahun 2020 tentang Pelayanan "
                                         "Administrasi Terpadu Kecamatan"]),
                        ("Keterkaitan", ["SOP Surat Keterangan Domisili"]),
                        ("Kriteria Pelaksana", ["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"]),
                        ("Spesifikasi", ["Komputer", "Printer", "Stempel kelurahan"]),
                        ("Peringatan", ["Surat pengantar tidak diterbitkan bila berkas tidak lengkap"]),
                        ("Dokumen yang digunakan", ["Buku register surat pengantar", "Arsip surat pengantar"])):
        _heading(doc, head)
        _items(doc, items)
    actors = ["Pemohon", "Petugas Pelayanan", "Sekretaris Lurah", "Lurah"]
    steps = [("Mengajukan permohonan surat pengantar SKCK", 0, "KTP dan KK", "5 menit", "Berkas permohonan", ""),
             ("Memeriksa kelengkapan berkas, lengkap?", 1, "Berkas permohonan", "10 menit", "Berkas lengkap",
              "Tidak: kembali ke kegiatan 1"),
             ("Membuat konsep surat pengantar", 1, "Berkas lengkap", "15 menit", "Konsep surat", ""),
             ("Memeriksa dan memaraf konsep surat", 2, "Konsep surat", "10 menit", "Konsep berparaf", ""),
             ("Menandatangani surat pengantar", 3, "Konsep berparaf", "10 menit", "Surat pengantar", ""),
             ("Menyerahkan surat pengantar kepada pemohon", 1, "Surat pengantar", "5 menit",
              "Surat pengantar diterima", "")]
    t = doc.add_table(rows=2 + len(steps), cols=2 + len(actors) + 4)
    t.style = "Table Grid"
    heads = ["NO", "KEGIATAN"] + ["PELAKSANA"] * len(actors) + ["MUTU BAKU"] * 3 + ["KET"]
    for i, h in enumerate(heads):
        t.cell(0, i).text = h
    sub = ["", ""] + actors + ["Kelengkapan", "Waktu", "Output", ""]
    for i, h in enumerate(sub):
        t.cell(1, i).text = h
    t.cell(0, 2).merge(t.cell(0, 1 + len(actors)))
    t.cell(0, 2 + len(actors)).merge(t.cell(0, 4 + len(actors)))
    t.cell(0, 0).merge(t.cell(1, 0))
    t.cell(0, 1).merge(t.cell(1, 1))
    t.cell(0, 5 + len(actors)).merge(t.cell(1, 5 + len(actors)))
    t.cell(0, 0).text = "NO"
    t.cell(0, 1).text = "KEGIATAN"
    t.cell(0, 2).text = "PELAKSANA"
    t.cell(0, 2 + len(actors)).text = "MUTU BAKU"
    t.cell(0, 5 + len(actors)).text = "KET"
    for r, (act, who, kel, wkt, out, ket) in enumerate(steps, 2):
        t.cell(r, 0).text = str(r - 1)
        t.cell(r, 1).text = act
        t.cell(r, 2 + who).text = "\u221a"
        t.cell(r, 2 + len(actors)).text = kel
        t.cell(r, 3 + len(actors)).text = wkt
        t.cell(r, 4 + len(actors)).text = out
        t.cell(r, 5 + len(actors)).text = ket
    doc.add_paragraph("")
    for line in ("Depok, 15 Januari 2024", "LURAH MEKARJAYA,", "", ""):
        p = doc.add_paragraph(line)
        p.alignment = 2
    p = doc.add_paragraph()
    p.alignment = 2
    r = p.add_run("RINA MARLINA, S.STP")
    r.bold = r.underline = True
    for line in ("Penata Tk. I (III/d)", "NIP. 19850312 200701 2 003"):
        p = doc.add_paragraph(line)
        p.alignment = 2
    doc.save(path)


# --------------------------------------------------------------------------------------
# P4. Two SOPs in one file, each opened by the same kind of title block, the second after a
#     page break; identity as "Label : value" lines, prose steps numbered from 1 again
#     (Kelurahan surat keterangan)
# --------------------------------------------------------------------------------------

def two_sops_title_block(path: Path):
    doc = docx.Document()
    sops = [
        ("PENERBITAN SURAT KETERANGAN DOMISILI", "470/01/KEL-TS/2024",
         ["Pemohon menyerahkan surat pengantar RT/RW dan fotokopi KTP kepada Petugas Loket (5 menit).",
          "Petugas Loket memeriksa berkas dan mengetik surat keterangan domisili (15 menit).",
          "Lurah menandatangani surat keterangan domisili (10 menit).",
          "Petugas Loket menyerahkan surat keterangan kepada Pemohon (5 menit)."]),
        ("PENERBITAN SURAT KETERANGAN USAHA", "510/02/KEL-TS/2024",
         ["Pemohon menyerahkan surat pengantar RT/RW dan foto tempat usaha kepada Petugas Loket (5 menit).",
          "Lurah menandatangani surat keterangan usaha (10 menit).",
          "Petugas Loket mencatat surat di buku register dan menyerahkannya kepada Pemohon (10 menit)."]),
    ]
    for n, (name, nomor, steps) in enumerate(sops):
        if n:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _title(doc, "PEMERINTAH KABUPATEN KLATEN", "KECAMATAN TRUCUK", "KELURAHAN TRUCUK")
        _title(doc, "STANDAR OPERASIONAL PROSEDUR", name)
        for line in (f"Nomor SOP : {nomor}", "Tanggal Pembuatan : 4 Maret 2024", "Tanggal Revisi : -",
                     "Tanggal Efektif : 11 Maret 2024", "Disahkan oleh : LURAH TRUCUK",
                     "Dasar Hukum : Peraturan Bupati Klaten Nomor 30 Tahun 2022 tentang Pelayanan Kelurahan",
                     "Kualifikasi Pelaksana : Memahami administrasi kependudukan",
                     "Keterkaitan : SOP Pelayanan Surat Pengantar",
                     "Peralatan/Perlengkapan : Komputer, printer",
                     "Peringatan : Surat tidak diterbitkan tanpa pengantar RT/RW",
                     "Pencatatan dan Pendataan : Buku register surat keterangan"):
            doc.add_paragraph(line)
        _heading(doc, "Prosedur:")
        _items(doc, steps)
    doc.save(path)


# --------------------------------------------------------------------------------------
# P5. The flowchart pasted as a picture after a procedure table that has one text
#     "Pelaksana" column (BPBD, laporan kejadian bencana)
# --------------------------------------------------------------------------------------

def _png(width: int, height: int) -> bytes:
    raw = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def picture_flowchart_bpbd(path: Path, tmp: Path):
    doc = docx.Document()
    _title(doc, "PEMERINTAH KABUPATEN MAGELANG", "BADAN PENANGGULANGAN BENCANA DAERAH")
    t = doc.add_table(rows=6, cols=2)
    t.style = "Table Grid"
    for i, (label, value) in enumerate([("Nomor SOP", "360/045/BPBD/2023"), ("Tanggal Pembuatan", "3 Juli 2023"),
                                        ("Tanggal Revisi", "-"), ("Tanggal Efektif", "17 Juli 2023"),
                                        ("Disahkan oleh", "KEPALA PELAKSANA BPBD"),
                                        ("Nama SOP", "Penerimaan Laporan Kejadian Bencana")]):
        t.cell(i, 0).text = label
        t.cell(i, 1).text = value
    for head, item in (("Dasar Hukum:", "Undang-Undang Nomor 24 Tahun 2007 tentang Penanggulangan Bencana"),
                       ("Kualifikasi Pelaksana:", "Memahami prosedur kaji cepat"),
                       ("Keterkaitan:", "SOP Kaji Cepat Bencana"),
                       ("Peralatan/Perlengkapan:", "Radio komunikasi"),
                       ("Peringatan:", "Laporan yang terlambat menunda bantuan"),
                       ("Pencatatan dan Pendataan:", "Buku laporan kejadian")):
        _heading(doc, head)
        _items(doc, [item])
    steps = [("Menerima laporan kejadian dari masyarakat", "Petugas Pusdalops", "Laporan", "5 menit",
              "Laporan tercatat"),
             ("Memverifikasi laporan ke lokasi", "Tim Reaksi Cepat", "Laporan tercatat", "2 jam",
              "Hasil verifikasi"),
             ("Menyampaikan hasil verifikasi kepada Kepala Pelaksana", "Petugas Pusdalops", "Hasil verifikasi",
              "15 menit", "Laporan kejadian")]
    t = doc.add_table(rows=1 + len(steps), cols=6)
    t.style = "Table Grid"
    for i, h in enumerate(["No", "Uraian Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output"]):
        t.cell(0, i).text = h
    for r, row in enumerate(steps, 1):
        t.cell(r, 0).text = str(r)
        for c, v in enumerate(row, 1):
            t.cell(r, c).text = v
    _heading(doc, "Bagan Alir:")
    img = tmp / "bagan.png"
    img.write_bytes(_png(60, 80))
    doc.add_picture(str(img), width=Cm(14), height=Cm(18))
    doc.save(path)


def build(files: Path, tmp: Path) -> None:
    prose_mutu_baku_dpmptsp(files / "prosa-mutu-baku-dpmptsp-boyolali.docx")
    stages_restart_disdik(files / "prosa-tahapan-berulang-disdik-grobogan.docx")
    free_identity_kelurahan(files / "identitas-bebas-ttd-prosa-kelurahan-depok.docx")
    two_sops_title_block(files / "dua-sop-judul-berulang-trucuk.docx")
    picture_flowchart_bpbd(files / "bagan-gambar-bpbd-magelang.docx", tmp)
