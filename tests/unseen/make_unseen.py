"""Build the "unseen producer" SOP documents used by tests/test_unseen.py.

These files are deliberately NOT made with samples/sopdocx.py: they come from
other producers, the way OPD staff really end up with Word files:

* LibreOffice: SOPs written as HTML (rowspan/colspan headers, tick marks) or as
  flat ODT (.fodt: "Label<tab>: value" paragraphs, LibreOffice's own custom
  flowchart shapes), converted with ``soffice --headless --convert-to docx``
  (and ``doc`` for Word 97 files).
* python-docx written the "careless" way: label typos and variants, upper case,
  double spaces, NBSP, the colon in its own cell, Mutu Baku columns in another
  order, "v"/"V"/"X" ticks, merged cells, page-number footer fields.
* Rebuilds of real signed BPS Provinsi Bengkulu SOPs (shared/corpus/real-texts/
  bps-bengkulu) in their layout, with DrawingML flowchart shapes (bare
  ``w:drawing``, ``mc:AlternateContent`` with a VML fallback, connectors with
  Ya/Tidak text boxes) or legacy VML shapes, written with lxml.

Run:  python tests/unseen/make_unseen.py      (needs LibreOffice for the LO files)
The expectations (files/<name>.expect.json) are hand-written from the source
texts below, never from the reader's output.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import docx.enum.text
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

NBSP = "\u00a0"

# --------------------------------------------------------------------------------------
# LibreOffice conversion
# --------------------------------------------------------------------------------------


def soffice_convert(sources: list[Path], target: str, outdir: Path, infilter: str | None = None):
    """Convert several files in ONE soffice run, with a private profile."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("LibreOffice (soffice) is needed to build the LibreOffice files")
    profile = Path(tempfile.mkdtemp(prefix="h7-unseen-lo-"))
    try:
        cmd = [exe, f"-env:UserInstallation=file://{profile}/{uuid.uuid4().hex}", "--headless"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", target, "--outdir", str(outdir)] + [str(s) for s in sources]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# --------------------------------------------------------------------------------------
# 1. LibreOffice from HTML: IUMK at Kecamatan Tayu (identity table, ticks, rowspan/colspan)
# --------------------------------------------------------------------------------------

IUMK_STEPS = [
    # no, uraian, actor index, kelengkapan, waktu, output, keterangan
    (1, "Mengajukan permohonan IUMK dengan melampirkan persyaratan", 0,
     "Formulir permohonan, fotokopi KTP dan KK, surat pengantar desa", "5 menit", "Berkas permohonan", ""),
    (2, "Memeriksa kelengkapan berkas permohonan, lengkap?", 1,
     "Berkas permohonan", "10 menit", "Berkas lengkap", "Tidak: kembali ke kegiatan 1"),
    (3, "Mencatat dalam buku register dan mengetik draf IUMK", 1,
     "Berkas lengkap", "15 menit", "Draf IUMK", ""),
    (4, "Memverifikasi dan memaraf draf IUMK", 2, "Draf IUMK", "15 menit", "Draf IUMK berparaf", ""),
    (5, "Menandatangani IUMK", 3, "Draf IUMK berparaf", "15 menit", "IUMK ditandatangani", ""),
    (6, "Memberi nomor dan stempel serta mengarsipkan salinan IUMK", 1,
     "IUMK ditandatangani", None, "IUMK bernomor", ""),
    (7, "Menerima IUMK", 0, "IUMK bernomor", "5 menit", "IUMK diterima pemohon", ""),
]
IUMK_ACTORS = ["Pemohon", "Petugas Loket PATEN", "Kasi Ekonomi dan Pembangunan", "Camat"]


def iumk_html() -> str:
    a = IUMK_ACTORS
    rows = []
    for no, uraian, actor, kel, waktu, out, ket in IUMK_STEPS:
        ticks = "".join(f"<td align='center'>{'√' if i == actor else ''}</td>" for i in range(len(a)))
        if no == 5:
            wcell = f"<td rowspan='2'>{waktu}</td>"  # one Waktu for steps 5 and 6
        elif waktu is None:
            wcell = ""
        else:
            wcell = f"<td>{waktu}</td>"
        rows.append(f"<tr><td>{no}.</td><td>{escape(uraian)}</td>{ticks}<td>{escape(kel)}</td>{wcell}"
                    f"<td>{escape(out)}</td><td>{escape(ket)}</td></tr>")
    colnums = "".join(f"<td align='center'><i>{i}</i></td>" for i in range(1, 11))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>SOP IUMK</title></head><body>
<p align="center"><b>STANDAR OPERASIONAL PROSEDUR</b></p>
<table border="1" cellspacing="0" width="100%">
<tr><td rowspan="6" width="35%" align="center"><b>PEMERINTAH KABUPATEN PATI<br>KECAMATAN TAYU</b></td>
<td width="20%">Nomor SOP</td><td width="2%">:</td><td>503/12/IUMK/2022</td></tr>
<tr><td>Tanggal Pembuatan</td><td>:</td><td>14 Maret 2022</td></tr>
<tr><td>Tanggal Revisi</td><td>:</td><td>-</td></tr>
<tr><td>Tanggal Efektif</td><td>:</td><td>1 April 2022</td></tr>
<tr><td>Disahkan oleh</td><td>:</td><td><p>CAMAT TAYU</p><p><br></p><p><br></p>
<p><b><u>Drs. SUTOYO, M.Si</u></b></p><p>Pembina Tk. I</p><p>NIP. 19680412 199303 1 008</p></td></tr>
<tr><td>Nama SOP</td><td>:</td><td><b>Penerbitan Izin Usaha Mikro dan Kecil (IUMK)</b></td></tr>
</table>
<table border="1" cellspacing="0" width="100%">
<tr><td width="50%"><b>Dasar Hukum:</b>
<ol><li>Undang-Undang Nomor 20 Tahun 2008 tentang Usaha Mikro, Kecil, dan Menengah</li>
<li>Peraturan Presiden Nomor 98 Tahun 2014 tentang Perizinan untuk Usaha Mikro dan Kecil</li>
<li>Peraturan Menteri Dalam Negeri Nomor 83 Tahun 2014 tentang Pedoman Pemberian Izin Usaha Mikro dan Kecil</li>
<li>Peraturan Bupati Pati Nomor 45 Tahun 2015 tentang Pendelegasian Sebagian Kewenangan Bupati kepada Camat</li></ol></td>
<td><b>Kualifikasi Pelaksana:</b><p>1. Memahami ketentuan perizinan usaha mikro dan kecil</p>
<p>2. Mampu mengoperasikan komputer</p></td></tr>
<tr><td><b>Keterkaitan:</b><p>1. SOP Pelayanan Administrasi Terpadu Kecamatan (PATEN)</p></td>
<td><b>Peralatan/Perlengkapan:</b><p>1. Komputer dan printer</p><p>2. Buku register IUMK</p><p>3. ATK</p></td></tr>
<tr><td><b>Peringatan:</b><p>Apabila persyaratan tidak lengkap, IUMK tidak dapat diterbitkan</p></td>
<td><b>Pencatatan dan Pendataan:</b><p>1. Buku register IUMK</p><p>2. Arsip salinan IUMK</p></td></tr>
</table>
<p style="page-break-before: always"></p>
<table border="1" cellspacing="0" width="100%">
<tr><th rowspan="2">No</th><th rowspan="2">Kegiatan</th><th colspan="4">Pelaksana</th>
<th colspan="3">Mutu Baku</th><th rowspan="2">Keterangan</th></tr>
<tr>{''.join(f'<th>{x}</th>' for x in a)}<th>Kelengkapan</th><th>Waktu</th><th>Output</th></tr>
<tr>{colnums}</tr>
{''.join(rows)}
</table>
</body></html>
"""


# --------------------------------------------------------------------------------------
# 2. LibreOffice from flat ODT: identity as "Label<tab>: value" paragraphs, ticks
#    (Legalisir ijazah, Dinas Pendidikan Kota Padang)
# --------------------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="cell" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>
 <style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="P1" style:family="paragraph"><style:paragraph-properties>
  <style:tab-stops><style:tab-stop style:position="4.5cm"/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:stroke="solid"
  svg:stroke-color="#000000" draw:fill="solid" draw:fill-color="#ffffff" style:wrap="none"
  style:vertical-pos="from-top" style:horizontal-pos="from-left"
  style:vertical-rel="paragraph" style:horizontal-rel="paragraph"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm"
  fo:page-height="21cm" style:print-orientation="landscape" fo:margin="1.5cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


def _tp(text: str, style: str = "P1") -> str:
    """A text:p where '\\t' becomes <text:tab/>."""
    parts = [escape(p) for p in text.split("\t")]
    return f'<text:p text:style-name="{style}">' + "<text:tab/>".join(parts) + "</text:p>"


def _fcell(content: str, span: int = 1) -> str:
    attr = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    cov = "<table:covered-table-cell/>" * (span - 1)
    return f'<table:table-cell table:style-name="cell" office:value-type="string"{attr}>{content}</table:table-cell>{cov}'


LEGALISIR_STEPS = [
    (1, "Menyerahkan fotokopi ijazah yang akan dilegalisir beserta ijazah asli", 0,
     "Fotokopi ijazah, ijazah asli", "5 menit", "Berkas legalisir", ""),
    (2, "Mencocokkan fotokopi dengan ijazah asli, sesuai?", 1,
     "Fotokopi ijazah, ijazah asli", "10 menit", "Fotokopi ijazah terverifikasi", "Tidak: kembali ke kegiatan 1"),
    (3, "Membubuhkan cap legalisir dan memaraf", 1, "Fotokopi ijazah terverifikasi", "10 menit",
     "Fotokopi berparaf", ""),
    (4, "Menandatangani legalisir", 2, "Fotokopi berparaf", "1 hari kerja", "Legalisir ditandatangani", ""),
    (5, "Menerima fotokopi ijazah yang telah dilegalisir", 0, "Legalisir ditandatangani", "5 menit",
     "Ijazah terlegalisir", ""),
]
LEGALISIR_ACTORS = ["Pemohon", "Petugas Loket", "Sekretaris Dinas"]


def legalisir_fodt() -> str:
    body = []
    body.append(_tp("PEMERINTAH KOTA PADANG"))
    body.append(_tp("DINAS PENDIDIKAN"))
    body.append(_tp("STANDAR OPERASIONAL PROSEDUR"))
    body.append(_tp(""))
    body.append(_tp("Nomor SOP\t: 420/045/SOP-DISDIK/2023"))
    body.append(_tp("Tanggal Pembuatan\t: 9 Januari 2023"))
    body.append(_tp("Tanggal Revisi\t: -"))
    body.append(_tp("Tanggal Efektif\t: 1 Februari 2023"))
    body.append(_tp("Disahkan oleh\t: KEPALA DINAS PENDIDIKAN KOTA PADANG"))
    body.append(_tp("\t  HABIBUL FUADI, S.Pd, M.Kom"))
    body.append(_tp("\t  Pembina Utama Muda"))
    body.append(_tp("\t  NIP. 19700315 199403 1 004"))
    body.append(_tp("Nama SOP\t: Pelayanan Legalisir Fotokopi Ijazah"))
    body.append(_tp(""))
    body.append(_tp("Dasar Hukum\t:"))
    body.append(_tp("1. Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional"))
    body.append(_tp("2. Peraturan Menteri Pendidikan dan Kebudayaan Nomor 29 Tahun 2014 tentang Pengesahan "
                    "Fotokopi Ijazah"))
    body.append(_tp("3. Peraturan Wali Kota Padang Nomor 90 Tahun 2016 tentang Tugas dan Fungsi Dinas Pendidikan"))
    body.append(_tp("Kualifikasi Pelaksana\t:"))
    body.append(_tp("1. Memahami ketentuan legalisir ijazah"))
    body.append(_tp("Keterkaitan\t: -"))
    body.append(_tp("Peralatan/Perlengkapan\t:"))
    body.append(_tp("1. Cap legalisir"))
    body.append(_tp("2. Buku register legalisir"))
    body.append(_tp("Peringatan\t:"))
    body.append(_tp("1. Fotokopi yang tidak sesuai dengan aslinya tidak dapat dilegalisir"))
    body.append(_tp("Pencatatan dan Pendataan\t:"))
    body.append(_tp("1. Buku register legalisir"))
    # procedure table: 3 + actors + 3 + 1 columns, two header rows
    n_act = len(LEGALISIR_ACTORS)
    ncol = 2 + n_act + 4
    t = ['<table:table table:name="Prosedur">', f'<table:table-column table:number-columns-repeated="{ncol}"/>']
    # header row 1: No, Kegiatan, Pelaksana (span), Mutu Baku (span 3), Keterangan
    t.append("<table:table-row>" + _fcell(_tp("No")) + _fcell(_tp("Kegiatan"))
             + _fcell(_tp("Pelaksana"), n_act) + _fcell(_tp("Mutu Baku"), 3) + _fcell(_tp("Keterangan"))
             + "</table:table-row>")
    t.append("<table:table-row>" + _fcell(_tp("")) + _fcell(_tp(""))
             + "".join(_fcell(_tp(a)) for a in LEGALISIR_ACTORS)
             + _fcell(_tp("Kelengkapan")) + _fcell(_tp("Waktu")) + _fcell(_tp("Output")) + _fcell(_tp(""))
             + "</table:table-row>")
    for no, uraian, actor, kel, waktu, out, ket in LEGALISIR_STEPS:
        cells = [_fcell(_tp(str(no))), _fcell(_tp(uraian))]
        cells += [_fcell(_tp("√" if i == actor else "")) for i in range(n_act)]
        cells += [_fcell(_tp(kel)), _fcell(_tp(waktu)), _fcell(_tp(out)), _fcell(_tp(ket))]
        t.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    t.append("</table:table>")
    body.append("".join(t))
    return FODT_HEAD + "\n".join(body) + FODT_TAIL


# --------------------------------------------------------------------------------------
# 3. LibreOffice flat ODT with LibreOffice's own flowchart shapes anchored in the
#    actor cells (rebuild of BPS Bengkulu SOP-045 Peminjaman Lisensi Zoom)
# --------------------------------------------------------------------------------------

ZOOM_ACTORS = ["PJK Terkait", "PJK TIP", "PJK TI"]
ZOOM_STEPS = [
    (1, "Melakukan pengecekan jadwal peminjaman lisensi zoom dan membuat permohonan peminjaman lisensi "
        "ZM pada PORTAL PINTAR", 0, "flowchart-terminator", "Nota dinas/ Undangan Kegiatan", "30 menit",
     "Nota dinas peminjaman lisensi zoom"),
    (2, "PJK TIP menginstruksikan kepada PJK TI untuk melakukan pengecekan jadwal peminjaman lisensi zoom",
     1, "flowchart-process", "Nota dinas", "10 menit", "Hasil pengecekan jadwal"),
    (3, "PJK TI mengecek jadwal peminjaman pada PORTAL PINTAR dan memberikan akun zoom BPS Provinsi kepada "
        "PJK tim terkait", 2, "flowchart-process", "Hasil pengisian Form peminjaman", "10 menit",
     "Akun zoom BPS terdaftar yang diupdate lisensi"),
    (4, "Mengingatkan pemohon untuk segera mengunduh rekaman meeting pada akun zoom BPS", 2,
     "flowchart-process", "Rekaman meeting", "1 jam", "Hasil unduh rekaman meeting"),
    (5, "Anggota PJK TI melakukan managemen lisensi zoom setelah meeting berakhir", 2,
     "flowchart-terminator", "Akses admin", "5 menit", "Pengaturan basic"),
]

BPS_DASAR_HUKUM_10 = [
    "Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik;",
    "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan;",
    "Peraturan Pemerintah Nomor 51 Tahun 1999 tentang Penyelengaraan Statistik;",
    "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Peraturan Pelaksanaan Undang-Undang Nomor 43 Tahun "
    "2009 tentang Kearsipan;",
    "Peraturan Presiden Republik Indonesia Nomor 86 Tahun 2007 tentang Badan Pusat Statistik;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 5 Tahun 2024 tentang "
    "Perubahan atas Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 90 Tahun "
    "2021 tentang Pembangunan dan Evaluasi Zona Integritas Menuju Wilayah Bebas dari Korupsi dan Wilayah "
    "Birokrasi Bersih dan Melayani di Instansi Pemerintah;",
    "Peraturan Badan Pusat Statistik Nomor 1 Tahun 2023 tentang Pedoman Tata Naskah Dinas Badan Pusat "
    "Statistik;",
    "Peraturan Badan Pusat Statistik Nomor 1 Tahun 2024 tentang Penyelenggaraan Kearsipan;",
    "Peraturan Badan Pusat Statistik Nomor 5 Tahun 2023 tentang Organisasi dan Tata Kerja Badan Pusat "
    "Statistik Provinsi dan Badan Pusat Statistik Kabupaten/Kota ;",
    "Peraturan Kepala Badan Pusat Statistik Nomor 19 Tahun 2013 Tentang Pedoman Penyusunan Standar "
    "Operasional Prosedur Administrasi Pemerintah di Lingkungan Badan Pusat Statistik.",
]


def _lo_shape(kind: str, n: int) -> str:
    return (f'<draw:custom-shape text:anchor-type="paragraph" draw:z-index="{n}" draw:name="Shape{n}" '
            f'draw:style-name="gr1" svg:width="2.2cm" svg:height="0.9cm" svg:x="0.3cm" svg:y="0.1cm">'
            f'<text:p/><draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="{kind}"/>'
            f'</draw:custom-shape>')


def zoom_fodt() -> str:
    body = []
    # identity table: logo/institution cell | label | value  (4 columns, first spans rows via text)
    idt = ['<table:table table:name="Identitas">', '<table:table-column table:number-columns-repeated="3"/>']
    rows = [("Nomor SOP", "SOP-045/17000/2025"), ("Tanggal Pembuatan", "8 Januari 2021"),
            ("Tanggal Revisi", "26 Mei 2025"), ("Tanggal Efektif", "2 Juni 2025")]
    inst = _tp("BADAN PUSAT STATISTIK") + _tp("PROVINSI BENGKULU") + _tp(
        "TIM TEKNOLOGI INFORMASI DAN PENGEMBANGAN INOVASI")
    for i, (lab, val) in enumerate(rows):
        first = (f'<table:table-cell table:style-name="cell" office:value-type="string" '
                 f'table:number-rows-spanned="6">{inst}</table:table-cell>') if i == 0 else "<table:covered-table-cell/>"
        idt.append("<table:table-row>" + first + _fcell(_tp(lab)) + _fcell(_tp(val)) + "</table:table-row>")
    sign = (_tp("Kepala BPS Provinsi Bengkulu") + _tp("") + _tp("") + _tp("Ir. Win Rizal, M.E.")
            + _tp("NIP. 19660825 198802 1 001"))
    idt.append("<table:table-row><table:covered-table-cell/>" + _fcell(_tp("Disahkan oleh")) + _fcell(sign)
               + "</table:table-row>")
    idt.append("<table:table-row><table:covered-table-cell/>" + _fcell(_tp("NAMA SOP"))
               + _fcell(_tp("Peminjaman Lisensi Zoom")) + "</table:table-row>")
    idt.append("</table:table>")
    body.append("".join(idt))
    # detail table
    dh = _tp("DASAR HUKUM :") + "".join(_tp(f"{i}.\t{x}") for i, x in enumerate(BPS_DASAR_HUKUM_10, 1))
    kp = _tp("KUALIFIKASI PELAKSANA :") + _tp(
        "1. Anggota tim harus terdiri dari pegawai yang memahami penggunaan Zoom Meeting") + _tp(
        "2. Dapat memegang informasi dan data yang bersifat rahasia")
    kt = _tp("KETERKAITAN") + _tp("1. PJK terkait")
    pp = _tp("PERALATAN/ PERLENGKAPAN") + _tp("1. Komputer") + _tp("2. Lisensi Zoom")
    pr = _tp("PERINGATAN")
    pc = _tp("PENCATATAN DAN PENDATAAN") + _tp("PC Pegawai")
    det = ['<table:table table:name="Detail">', '<table:table-column table:number-columns-repeated="2"/>']
    for a, b in ((dh, kp), (kt, pp), (pr, pc)):
        det.append("<table:table-row>" + _fcell(a) + _fcell(b) + "</table:table-row>")
    det.append("</table:table>")
    body.append("".join(det))
    body.append(_tp(""))
    # procedure table
    n = len(ZOOM_ACTORS)
    t = ['<table:table table:name="Prosedur">', f'<table:table-column table:number-columns-repeated="{2 + n + 4}"/>']
    vs = ' table:number-rows-spanned="2"'
    t.append("<table:table-row>"
             f'<table:table-cell table:style-name="cell"{vs}>{_tp("No")}</table:table-cell>'
             f'<table:table-cell table:style-name="cell"{vs}>{_tp("Kegiatan")}</table:table-cell>'
             + _fcell(_tp("Pelaksana"), n) + _fcell(_tp("Mutu Baku"), 3)
             + f'<table:table-cell table:style-name="cell"{vs}>{_tp("Keterangan")}</table:table-cell>'
             "</table:table-row>")
    t.append("<table:table-row><table:covered-table-cell/><table:covered-table-cell/>"
             + "".join(_fcell(_tp(a)) for a in ZOOM_ACTORS)
             + _fcell(_tp("Kelengkapan")) + _fcell(_tp("Waktu")) + _fcell(_tp("Output"))
             + "<table:covered-table-cell/></table:table-row>")
    z = 1
    for no, uraian, actor, kind, kel, waktu, out in ZOOM_STEPS:
        cells = [_fcell(_tp(str(no))), _fcell(_tp(uraian))]
        for i in range(n):
            if i == actor:
                cells.append(_fcell('<text:p text:style-name="P1">' + _lo_shape(kind, z) + "</text:p>"))
                z += 1
            else:
                cells.append(_fcell(_tp("")))
        cells += [_fcell(_tp(kel)), _fcell(_tp(waktu)), _fcell(_tp(out)), _fcell(_tp(""))]
        t.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    t.append("</table:table>")
    body.append("".join(t))
    return FODT_HEAD + "\n".join(body) + FODT_TAIL


# --------------------------------------------------------------------------------------
# python-docx helpers (the "careless" documents and the BPS rebuilds)
# --------------------------------------------------------------------------------------

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
TW = 635  # EMU per twip


def landscape(doc):
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, side, Cm(1.5))


def borders(table):
    tblPr = table._tbl.tblPr
    b = parse_xml(f'<w:tblBorders {NSDECL}>' + "".join(
        f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
    tblPr.append(b)


def set_widths(table, widths_tw):
    table.autofit = False
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths_tw):
        gc.set(qn("w:w"), str(w))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_tw):
            cell.width = Twips(w)


def row_height(row, tw, exact=True):
    trPr = row._tr.get_or_add_trPr()
    trPr.append(parse_xml(f'<w:trHeight {NSDECL} w:val="{tw}" w:hRule="{"exact" if exact else "atLeast"}"/>'))


def put(cell, lines, bold=False, size=None, underline_line=None):
    """Write lines as paragraphs into a cell (first paragraph reused)."""
    if isinstance(lines, str):
        lines = [lines]
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if line:
            r = p.add_run(line)
            r.bold = bold or (underline_line == i)
            r.underline = underline_line == i
            if size:
                r.font.size = Pt(size)
    return cell


def split_runs(par, text, pieces):
    """Write text into a paragraph as several runs (Word splits runs on edits)."""
    step = max(1, len(text) // pieces)
    for i in range(0, len(text), step):
        par.add_run(text[i:i + step])


def footer_page_fields(doc, prefix="Halaman "):
    """Footer "Halaman <PAGE> dari <NUMPAGES>" as simple fields with cached results."""
    p = doc.sections[0].footer.paragraphs[0]
    p.add_run(prefix)
    p._p.append(parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(f'<w:r {NSDECL}><w:t xml:space="preserve"> dari </w:t></w:r>'))
    p._p.append(parse_xml(f'<w:fldSimple {NSDECL} w:instr=" NUMPAGES "><w:r><w:t>2</w:t></w:r></w:fldSimple>'))


def vmerge(cells):
    """Merge vertically with python-docx (writes w:vMerge restart/continue)."""
    first = cells[0]
    for c in cells[1:]:
        first = first.merge(c)
    return first


# ---------- DrawingML / VML shape runs --------------------------------------------------

class Ids:
    def __init__(self, start=1):
        self.n = start

    def __call__(self):
        self.n += 1
        return self.n


def _wsp(prst, cx, cy, *, text=None, connector=False, flip_h=False, flip_v=False, textbox=False):
    flips = (' flipH="1"' if flip_h else "") + (' flipV="1"' if flip_v else "")
    if connector:
        nv = "<wps:cNvCnPr/>"
        line = ('<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
                '<a:tailEnd type="triangle"/></a:ln>')
        fill = ""
    elif textbox:
        nv = '<wps:cNvSpPr txBox="1"/>'
        line = "<a:ln><a:noFill/></a:ln>"
        fill = "<a:noFill/>"
    else:
        nv = "<wps:cNvSpPr/>"
        line = '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
        fill = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
    txbx = ""
    if text is not None:
        txbx = (f'<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>'
                f'<w:rPr><w:sz w:val="14"/></w:rPr><w:t>{escape(text)}</w:t></w:r></w:p></w:txbxContent></wps:txbx>')
    return (f'<wps:wsp>{nv}<wps:spPr><a:xfrm{flips}><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>{fill}{line}</wps:spPr>{txbx}'
            f'<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/></wps:wsp>')


def _anchor(ids, name, x_tw, y_tw, w_tw, h_tw, wsp_xml):
    did = ids()
    return (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{251658240 + did}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            f'<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{x_tw * TW}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y_tw * TW}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{w_tw * TW}" cy="{h_tw * TW}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:wrapNone/><wp:docPr id="{did}" name="{name} {did}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'{wsp_xml}</a:graphicData></a:graphic></wp:anchor></w:drawing>')


VML_TYPE = {"flowChartProcess": "109", "flowChartDecision": "110", "flowChartTerminator": "116"}


def _vml_fallback(prst, x_tw, y_tw, w_tw, h_tw, sid, *, connector=False, text=None):
    style = (f"position:absolute;margin-left:{x_tw / 20:.1f}pt;margin-top:{y_tw / 20:.1f}pt;"
             f"width:{w_tw / 20:.1f}pt;height:{h_tw / 20:.1f}pt;z-index:{sid}")
    if connector:
        return (f'<w:pict><v:line id="_x0000_s{sid}" style="position:absolute;z-index:{sid}" '
                f'from="{x_tw / 20:.1f}pt,{y_tw / 20:.1f}pt" to="{(x_tw + w_tw) / 20:.1f}pt,{(y_tw + h_tw) / 20:.1f}pt">'
                f'<v:stroke endarrow="block"/></v:line></w:pict>')
    if text is not None:
        return (f'<w:pict><v:rect id="_x0000_s{sid}" style="{style}" filled="f" stroked="f"><v:textbox>'
                f'<w:txbxContent><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:txbxContent>'
                f'</v:textbox></v:rect></w:pict>')
    t = VML_TYPE.get(prst, "1")
    return (f'<w:pict><v:shape id="_x0000_s{sid}" type="#_x0000_t{t}" style="{style}" '
            f'o:spt="{t}"/></w:pict>')


def shape_run(ids, prst, x_tw, y_tw, w_tw, h_tw, *, alt=False, connector=False, text=None,
              flip_h=False, flip_v=False, name=None):
    """One w:r holding a DrawingML shape anchored at (x, y) twips from the cell/paragraph,
    optionally wrapped in mc:AlternateContent with a VML fallback copy."""
    wsp = _wsp(prst, w_tw * TW, h_tw * TW, connector=connector, text=text, textbox=text is not None and prst == "rect",
               flip_h=flip_h, flip_v=flip_v)
    drawing = _anchor(ids, name or ("Connector" if connector else "Flowchart"), x_tw, y_tw, w_tw, h_tw, wsp)
    if alt:
        fb = _vml_fallback(prst, x_tw, y_tw, w_tw, h_tw, ids.n + 1024, connector=connector,
                           text=text if prst == "rect" else None)
        inner = (f'<mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
                 f'<mc:Fallback>{fb}</mc:Fallback></mc:AlternateContent>')
    else:
        inner = drawing
    return parse_xml(f'<w:r {NSDECL}>{inner}</w:r>')


VML_SHAPETYPES = {
    "109": '<v:shapetype id="_x0000_t109" coordsize="21600,21600" o:spt="109" path="m,l,21600r21600,l21600,xe">'
           '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
    "110": '<v:shapetype id="_x0000_t110" coordsize="21600,21600" o:spt="110" '
           'path="m10800,l,10800,10800,21600,21600,10800xe"><v:stroke joinstyle="miter"/>'
           '<v:path gradientshapeok="t" o:connecttype="rect" textboxrect="5400,5400,16200,16200"/></v:shapetype>',
    "116": '<v:shapetype id="_x0000_t116" coordsize="21600,21600" o:spt="116" '
           'path="m3475,qx,10800,3475,21600l18125,21600qx21600,10800,18125,xe"><v:stroke joinstyle="miter"/>'
           '<v:path gradientshapeok="t" o:connecttype="rect" textboxrect="1018,3163,20582,18437"/></v:shapetype>',
}


def vml_run(kind, sid, x_pt, y_pt, w_pt, h_pt, with_type_def):
    """A legacy (Word 2003) VML flowchart shape: v:shapetype (first use) + v:shape."""
    st = VML_SHAPETYPES[kind] if with_type_def else ""
    style = (f"position:absolute;left:0;text-align:left;margin-left:{x_pt}pt;margin-top:{y_pt}pt;"
             f"width:{w_pt}pt;height:{h_pt}pt;z-index:{sid}")
    return parse_xml(f'<w:r {NSDECL}><w:pict>{st}<v:shape id="_x0000_s{1025 + sid}" type="#_x0000_t{kind}" '
                     f'style="{style}"/></w:pict></w:r>')


def vml_line_run(sid, x1, y1, x2, y2):
    return parse_xml(f'<w:r {NSDECL}><w:pict><v:line id="_x0000_s{2025 + sid}" '
                     f'style="position:absolute;z-index:{sid}" from="{x1}pt,{y1}pt" to="{x2}pt,{y2}pt">'
                     f'<v:stroke endarrow="block"/></v:line></w:pict></w:r>')


# --------------------------------------------------------------------------------------
# 4. python-docx, careless: Surat Pengantar Nikah at Kelurahan Sukajadi
# --------------------------------------------------------------------------------------

def careless_nikah(path: Path):
    doc = docx.Document()
    landscape(doc)
    t = doc.add_paragraph()
    t.alignment = 1
    t.add_run("STANDAR OPERASIONAL PROSEDUR").bold = True
    labels = [
        ("NOMOR  SOP", ["474.2 / 118 / KEL-SKJ / 2023"]),
        ("Tgl. Pembuatan", ["Pebruari 2023"]),
        (f"TANGGAL{NBSP}REVISI", ["-"]),
        ("Tanggal Pengesahan", ["06 Maret 2023"]),
        ("Ditetapkan Oleh", ["LURAH SUKAJADI", "", "", "HENDRA GUNAWAN, S.STP", "Penata Tk. I (III/d)",
                             "NIP 19870316 200602 1 002"]),
        ("Judul SOP", ["Pelayanan Surat Pengantar Nikah"]),
        ("Jenis Layanan", ["Administrasi Kependudukan"]),
    ]
    idt = doc.add_table(rows=len(labels), cols=4)
    borders(idt)
    set_widths(idt, [3600, 2600, 300, 7000])
    logo = vmerge([idt.cell(i, 0) for i in range(len(labels))])
    put(logo, ["PEMERINTAH KOTA PALEMBANG", "KECAMATAN SUKARAMI", "KELURAHAN SUKAJADI"], bold=True)
    for i, (lab, val) in enumerate(labels):
        lp = idt.cell(i, 1).paragraphs[0]
        if lab == "Tanggal Pengesahan":
            split_runs(lp, lab, 4)  # label split across runs
        else:
            lp.add_run(lab)
        idt.cell(i, 2).paragraphs[0].add_run(":")
        put(idt.cell(i, 3), val, underline_line=3 if lab == "Ditetapkan Oleh" else None)
    doc.add_paragraph()
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    put(det.cell(0, 0), ["Landasan Hukum :",
                         "1. Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan 2. Undang-Undang Nomor 23 "
                         "Tahun 2006 tentang Administrasi Kependudukan 3. Peraturan Menteri Agama Nomor 20 Tahun "
                         "2019 tentang Pencatatan Pernikahan"])
    put(det.cell(0, 1), ["KUALIFIKASI PELAKSANAAN:", "- Memahami administrasi kependudukan",
                         "- Mampu mengoperasikan komputer"])
    put(det.cell(1, 0), ["Keterkaitan :", "-"])
    put(det.cell(1, 1), ["Peralatan dan Perlengkapan :", "1) Komputer", "2) Printer",
                         "3) Buku register surat pengantar"])
    put(det.cell(2, 0), ["Peringatan :",
                         "Apabila berkas tidak lengkap, surat pengantar nikah tidak dapat diterbitkan"])
    put(det.cell(2, 1), ["Pencatatan/Pendataan :", "Buku register surat pengantar nikah"])
    doc.add_page_break()

    actors = ["Pemohon", "Staf Pelayanan", "Lurah"]
    steps = [
        (1, "Menyerahkan berkas permohonan surat pengantar nikah", 0, "v", "5 menit",
         "Surat pengantar RT/RW, fotokopi KTP dan KK calon pengantin", "Berkas permohonan", ""),
        (2, "Meneliti kelengkapan berkas permohonan", 1, "V", "10 menit", "Berkas permohonan",
         "Berkas lengkap", "Tidak: kembali ke kegiatan 1"),
        (3, "Mengetik formulir N1, N2 dan N4", 1, "v", "30 menit", "Berkas lengkap", "Draf formulir N1-N4", ""),
        (4, "Memeriksa dan menandatangani formulir N1, N2 dan N4", 2, "X", None, "Draf formulir N1-N4",
         "Formulir ditandatangani", ""),
        (5, "Mencatat dalam buku register dan memberi nomor", 1, f"{NBSP}v{NBSP}", "5 menit",
         "Formulir ditandatangani", "Formulir bernomor", ""),
        (6, "Menerima surat pengantar nikah", 0, "√", "2 menit", "Formulir bernomor",
         "Surat pengantar nikah diterima", ""),
    ]
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3800] + [1300] * len(actors) + [1000, 2200, 1800, 1700])
    hdr0, hdr1 = pt.rows[0].cells, pt.rows[1].cells
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "NO", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "URAIAN KEGIATAN", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 1 + len(actors))), "PELAKSANA", bold=True)
    m0 = 2 + len(actors)
    put(pt.cell(0, m0).merge(pt.cell(0, m0 + 2)), "MUTU BAKU", bold=True)
    put(vmerge([pt.cell(0, ncol - 1), pt.cell(1, ncol - 1)]), "KET.", bold=True)
    for i, a in enumerate(actors):
        put(pt.cell(1, 2 + i), a, bold=True)
    # Mutu Baku in a different order: Waktu | Persyaratan/Kelengkapan | Keluaran
    put(pt.cell(1, m0), "Waktu", bold=True)
    put(pt.cell(1, m0 + 1), "Persyaratan/Kelengkapan", bold=True)
    put(pt.cell(1, m0 + 2), "Keluaran", bold=True)
    del hdr0, hdr1
    for r, (no, ur, act, tick, waktu, kel, out, ket) in enumerate(steps, start=2):
        put(pt.cell(r, 0), f"{no}.")
        put(pt.cell(r, 1), ur)
        put(pt.cell(r, 2 + act), tick)
        if waktu is not None:
            put(pt.cell(r, m0), waktu)
        put(pt.cell(r, m0 + 1), kel)
        put(pt.cell(r, m0 + 2), out)
        put(pt.cell(r, ncol - 1), ket)
    # one Waktu for steps 3 and 4 (rows 4 and 5)
    pt.cell(4, m0).merge(pt.cell(5, m0))
    doc.add_paragraph("Catatan: formulir N1-N4 dicetak rangkap dua")
    footer_page_fields(doc)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 5. python-docx, careless: identity as paragraphs, one "Pelaksana" text column
#    (Peminjaman kendaraan dinas, Setda Kabupaten Sleman)
# --------------------------------------------------------------------------------------

def careless_kendaraan(path: Path):
    doc = docx.Document()
    landscape(doc)
    for line in ("PEMERINTAH KABUPATEN SLEMAN", "SEKRETARIAT DAERAH", "BAGIAN UMUM"):
        p = doc.add_paragraph()
        p.alignment = 1
        p.add_run(line).bold = True
    p = doc.add_paragraph()
    p.alignment = 1
    p.add_run("STANDAR OPERASIONAL PROSEDUR").bold = True
    doc.add_paragraph("NOMOR SOP  :  027/ /BU-SETDA/2024")
    doc.add_paragraph("TGL PEMBUATAN:\t2 Januari 2024")
    doc.add_paragraph("Tanggal  revisi\t:\t-")
    doc.add_paragraph("Mulai Berlaku : 15 Jan 2024")
    doc.add_paragraph("Disahkan oleh : SEKRETARIS DAERAH KABUPATEN SLEMAN")
    p = doc.add_paragraph("\t\t")
    r = p.add_run("Ir. HARDA KISWAYA, M.Si")
    r.bold = r.underline = True
    doc.add_paragraph("\t\tPembina Utama Madya")
    doc.add_paragraph("\t\tNIP. 19640111 199003 1 013")
    doc.add_paragraph("Nama SOP : Peminjaman Kendaraan Dinas Operasional")
    doc.add_paragraph("Dasar Hukum :")
    for item in ("Peraturan Pemerintah Nomor 27 Tahun 2014 tentang Pengelolaan Barang Milik Negara/Daerah",
                 "Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2016 tentang Pedoman Pengelolaan Barang Milik "
                 "Daerah",
                 "Peraturan Bupati Sleman Nomor 12 Tahun 2021 tentang Penggunaan Kendaraan Dinas"):
        doc.add_paragraph(item, style="List Number")  # Word auto-numbering (w:numPr)
    doc.add_paragraph("Kualifikasi Pelaksana :")
    doc.add_paragraph("Memahami tata kelola barang milik daerah", style="List Bullet")
    doc.add_paragraph("Mampu mengoperasikan komputer", style="List Bullet")
    doc.add_paragraph("Keterkaitan : SOP Pemeliharaan Kendaraan Dinas")
    doc.add_paragraph("Peralatan / Perlengkapan :")
    doc.add_paragraph("1. Buku peminjaman kendaraan 2. Kunci kendaraan")
    doc.add_paragraph("Peringatan :")
    doc.add_paragraph("Kendaraan yang tidak dikembalikan tepat waktu menghambat kegiatan lain")
    doc.add_paragraph("Pencatatan dan Pendataan :")
    doc.add_paragraph("Buku peminjaman kendaraan dinas")
    p = doc.add_paragraph()
    p.add_run("URAIAN PROSEDUR").bold = True
    steps = [
        ("1", "Mengajukan permohonan peminjaman kendaraan dinas", "Pegawai Peminjam", "Nota dinas permohonan",
         "5 menit", "Nota dinas", ""),
        ("2", "Memeriksa jadwal penggunaan kendaraan, kendaraan tersedia?", "Pengurus Barang",
         "Jadwal penggunaan kendaraan", "10 menit", "Jadwal diperiksa", "Jika tidak tersedia, kembali ke langkah 1"),
        ("3", "Menyetujui peminjaman kendaraan", "Kasubbag  Rumah Tangga", "Nota dinas permohonan", "15 menit",
         "Nota dinas disetujui", ""),
        ("4", "Menyerahkan kunci kendaraan dan mencatat dalam buku peminjaman", "Pengurus Barang",
         "Nota dinas disetujui", "5 menit", "Kunci diserahkan", ""),
        ("5", "Menggunakan kendaraan dan mengembalikannya tepat waktu", "Pegawai Peminjam", "Kunci kendaraan",
         "1 hari", "Kendaraan kembali", ""),
        ("6", "Memeriksa kondisi kendaraan dan menerima kunci", "Pengurus Barang", "Kendaraan", "10 menit",
         "Kendaraan tersimpan", ""),
    ]
    pt = doc.add_table(rows=1 + len(steps), cols=7)
    borders(pt)
    set_widths(pt, [500, 4500, 2200, 2200, 1200, 2200, 2200])
    for i, h in enumerate(("No.", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan")):
        put(pt.cell(0, i), h, bold=True)
    for r, row in enumerate(steps, start=1):
        for c, v in enumerate(row):
            put(pt.cell(r, c), v)
    doc.save(path)


# --------------------------------------------------------------------------------------
# BPS Bengkulu rebuilds (identity table as in the signed PDFs)
# --------------------------------------------------------------------------------------

def bps_identity(doc, instansi, rows, signer, nama_sop, widths=(6500, 2300, 5400)):
    n = len(rows) + 2
    t = doc.add_table(rows=n, cols=3)
    borders(t)
    set_widths(t, list(widths))
    logo = vmerge([t.cell(i, 0) for i in range(n)])
    put(logo, [""] + list(instansi), bold=True)
    for i, (lab, val) in enumerate(rows):
        put(t.cell(i, 1), lab, size=8)
        put(t.cell(i, 2), val, size=8)
    put(t.cell(n - 2, 1), "Disahkan oleh", size=8)
    put(t.cell(n - 2, 2), signer, size=8)
    put(t.cell(n - 1, 1), "NAMA SOP", bold=True, size=8)
    put(t.cell(n - 1, 2), nama_sop, bold=True, size=8)
    return t


def bps_detail(doc, blocks, heading_rows: bool, widths=(7100, 7100)):
    """blocks: [(left heading, left items), (right heading, right items)] per row pair."""
    nrows = len(blocks) * (2 if heading_rows else 1)
    t = doc.add_table(rows=nrows, cols=2)
    borders(t)
    set_widths(t, list(widths))
    r = 0
    for (lh, li), (rh, ri) in blocks:
        if heading_rows:
            put(t.cell(r, 0), lh, bold=True, size=8)
            put(t.cell(r, 1), rh, bold=True, size=8)
            put(t.cell(r + 1, 0), li or [""], size=8)
            put(t.cell(r + 1, 1), ri or [""], size=8)
            r += 2
        else:
            c = put(t.cell(r, 0), lh, bold=True, size=8)
            for x in li:
                c.add_paragraph().add_run(x).font.size = Pt(8)
            c = put(t.cell(r, 1), rh, bold=True, size=8)
            for x in ri:
                c.add_paragraph().add_run(x).font.size = Pt(8)
            r += 1
    return t


# ---------- 6. BPS SOP-078 Diseminasi SERUTI: bare w:drawing shapes, no "Pelaksana" header

def bps_078(path: Path):
    doc = docx.Document()
    landscape(doc)
    ids = Ids(10)
    bps_identity(doc, ["BADAN PUSAT STATISTIK", "PROVINSI BENGKULU", "", "TIM STATISTIK SOSIAL"],
                 [("Nomor SOP", "SOP-078/17000/2025"), ("Tanggal Pembuatan", "2 Januari 2021"),
                  ("Tanggal Revisi", "2 Januari 2025"), ("Tanggal Efektif", "2 Januari 2025")],
                 ["Kepala BPS Provinsi Bengkulu", "", "", "Win Rizal"],
                 "Standar Operasional Prosedur Diseminasi dan Evaluasi SERUTI")
    dh = [("1," if i == 1 else f"{i}.") + "\t" + x for i, x in enumerate(BPS_DASAR_HUKUM_10, 1)]
    bps_detail(doc, [
        (("DASAR HUKUM :", dh), ("KUALIFIKASI PELAKSANA :",
                                 ["1.Memiliki kemampuan melakukan evaluasi data hasil pengolahan SERUTI",
                                  "2.Memahami konsep dan definsi SERUTI"])),
        (("KETERKAITAN", ["1.\tSOP SERUTI"]), ("PERALATAN/ PERLENGKAPAN", ["Raw data, Tabel Teknis, Tabel Evaluasi"])),
        (("PERINGATAN", ["Maksud dan tujuan:\tMelaksanakan kegiatan Diseminasi dan Evaluasi SERUTI 2025"]),
         ("PENCATATAN DAN PENDATAAN", ["Disimpan sebagai dokumen (hardcopy dan softcopy)"])),
    ], heading_rows=True)
    doc.add_page_break()
    actors = ["Ketua Tim Statistik Sosial", "Anggota Tim Statistik Sosial", "Ketua Tim Neraca Wilayah", "BPS RI"]
    steps = [
        (1, "Evaluasi data hasil pengolahan", [0], "flowChartTerminator",
         "Referensi Data Statistik Kesejahteraan Rakyat", "1 bulan", "Tabel evaluasi Statistik Kesejahteraan Rakyat"),
        (2, "Analisis Tabel Evaluasi Seruti", [1], "flowChartProcess", "Tabel Evaluasi", "1 bulan",
         "Analisa Statistik Kesejahteraan Rakyat"),
        (3, "Sinkronisasi dan Pengiriman Data Seruti", [1, 2, 3], "flowChartTerminator", "Raw Data", "1 bulan",
         "Softfile Raw Data"),
    ]
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3000] + [1500] * 4 + [1700, 900, 1700, 1500])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True, size=8)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True, size=8)
    for i, a in enumerate(actors):  # actor names span both header rows; no "Pelaksana" label
        put(vmerge([pt.cell(0, 2 + i), pt.cell(1, 2 + i)]), a, bold=True, size=8)
    m0 = 2 + len(actors)
    put(pt.cell(0, m0).merge(pt.cell(0, m0 + 2)), "Mutu Baku", bold=True, size=8)
    for j, h in enumerate(("Kelengkapan", "Waktu", "Output")):
        put(pt.cell(1, m0 + j), h, bold=True, size=8)
    put(vmerge([pt.cell(0, ncol - 1), pt.cell(1, ncol - 1)]), "Keterangan", bold=True, size=8)
    H = 1300
    for r, (no, ur, cols, prst, kel, waktu, out) in enumerate(steps, start=2):
        row_height(pt.rows[r], H)
        put(pt.cell(r, 0), str(no), size=8)
        put(pt.cell(r, 1), ur, size=8)
        for c in cols:
            pt.cell(r, 2 + c).paragraphs[0]._p.append(shape_run(ids, prst, 250, 200, 1000, 450))
        put(pt.cell(r, m0), kel, size=8)
        put(pt.cell(r, m0 + 1), waktu, size=8)
        put(pt.cell(r, m0 + 2), out, size=8)
    # arrows: 1 (Ketua) -> 2 (Anggota), 2 -> 3 (Anggota), 2 -> 3 (Neraca, BPS RI)
    p1 = pt.cell(2, 2).paragraphs[0]._p
    p1.append(shape_run(ids, "bentConnector2", 750, 425, 1500, H - 225 + 200 - 425 + 225, connector=True))
    p2 = pt.cell(3, 3).paragraphs[0]._p
    p2.append(shape_run(ids, "straightConnector1", 750, 650, 0, H - 450, connector=True))
    p2.append(shape_run(ids, "bentConnector2", 750, 425, 1500, H - 225, connector=True))
    p2.append(shape_run(ids, "bentConnector2", 750, 425, 3000, H - 225, connector=True))
    doc.save(path)


# ---------- 7. BPS SOP-314 Gratifikasi: mc:AlternateContent shapes + VML fallback,
#               connectors with "Ya"/"Tidak" text boxes (no branch note in Keterangan)

def bps_314(path: Path):
    doc = docx.Document()
    landscape(doc)
    ids = Ids(100)
    bps_identity(doc, ["BADAN PUSAT STATISTIK", "PROVINSI BENGKULU", "UNIT PENGENDALIAN GRATIFIKASI"],
                 [("Nomor SOP", "SOP-314/17000/2025"), ("Tanggal Pembuatan", "2 Januari 2025"),
                  ("Tanggal Revisi", "-"), ("Tanggal Efektif", "10 Januari 2025")],
                 ["Kepala BPS Provinsi Bengkulu", "", "", "Win Rizal"],
                 "Penanganan Laporan Gratifikasi Melalui Unit Pengendalian Gratifikasi BPS Provinsi Bengkulu",
                 widths=(9000, 1700, 3500))
    bps_detail(doc, [
        (("Dasar Hukum :", [
            "1. Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik;",
            "2. Peraturan Pemerintah Nomor 51 Tahun 1999 tentang Penyelengaraan Statistik;",
            "3. Peraturan Presiden Republik Indonesia Nomor 86 Tahun 2007 tentang Badan Pusat Statistik;",
            "4. Peraturan Komisi Pemberantasan Korupsi Nomor 2 Tahun 2014 tentang Pedoman Pelaporan dan "
            "Penetapan Status Gratifikasi",
            "5. Peraturan Kepala Badan Pusat Statistik Nomor 178 Tahun 2014 tentang Pengendalian Gratifikasi di "
            "Lingkungan Badan Pusat Statistik",
            "6. Peraturan Badan Pusat Statistik Nomor 5 Tahun 2023 tentang Organisasi dan Tata Kerja Badan Pusat "
            "Statistik Provinsi dan Badan Pusat Statistik Kabupaten/Kota."]),
         ("Kualifikasi Pelaksana :", [
             "1. Mengetahui tugas dan fungsi unit kerja",
             "2. Mengetahui tugas dan fungsi sistem dan prosedur pemerintahan",
             "3. Merupakan anggota Tim UPG sesuai Keputusan Kepala pada tahun berjalan",
             "4. Pernah mendapatkan sosialisasi mengenai gratifikasi.",
             "5. Bisa dan mampu menjaga rahasia pelapor gratifikasi."])),
        (("Keterkaitan :", [
            "1. SOP Penanganan Laporan Gratifikasi Melalui Unit Pengendalian Gratifikasi BPS Provinsi Bengkulu",
            "2. SOP Pelaporan Gratifikasi Melalui Unit Pengendalian Gratifikasi"]),
         ("Peralatan/ Perlengkapan :", ["1. Alat Tulis", "2. PC/Laptop"])),
        (("Peringatan :", ["- Jika prosedur tidak di ikuti, maka kualitas layanan akan terhambat"]),
         ("Pencatatan Dan Pendataan :", ["Disimpan sebagai data elektronik dan manual"])),
    ], heading_rows=False, widths=(9000, 5200))
    doc.add_page_break()
    actors = ["Ketua / Anggota UPG", "Anggota UPG", "KPK"]
    steps = [
        (1, ["Anggota tim membuka e-mail UPG dan Laporan Google form, jika ditemukan adanya laporan, maka anggota "
             "tim memberitahukan ke ketua atau anggota tim lain."], [1], "flowChartTerminator",
         "Formulir Laporan Gratifikasi", "1 Jam", ["- Formulir Laporan Gratifikasi dan bukti dukung"],
         "Setiap Hari atau minimal setiap 2 x 24 Jam harus membuka e-mail dan laporan google form"),
        (2, ["Membuat jadwal untuk penyelenggarakan rapat penanganan laporan gratifikasi"], [0], "flowChartProcess",
         "Formulir Laporan Gratifikasi", "1 x 24 Jam",
         ["- Notulensi", "- Dokumentasi", "- Monitoring Pelaporan Gratifikasi"], ""),
        (3, ["Mengikuti rapat penanganan laporan gratifikasi"], [0, 1], "flowChartProcess",
         "Formulir Laporan Gratifikasi", "2 Jam",
         ["- Formulir Laporan Gratifikasi,", "- BAST penerimaan barang gratifikasi"],
         "Meneruskan pelaporan ke email UPG BPS RI"),
        (4, ["Melakukan Verifikasi substansi laporan", "Jika Ya, laporan diteruskan ke KPK melalui Gol KPK",
             "Jika tidak, laporan akan disimpan sebagai laporan penanganan gratifikasi, hasil penelaahan "
             "disampaikan ke pelapor, dan barang dikembalikan"], [1], "flowChartDecision",
         "Formulir Laporan Gratifikasi", "1 Hari Kerja",
         ["- Laporan kegiatan", "- BA penelaahan Laporan", "- Tanda terima Laporan dari Gol KPK"],
         "SOP Rapat penanganan laporan gratifikasi"),
        (5, ["Analisis laporan gratifikasi"], [2], "flowChartProcess", "Laporan via Gol KPK", "30 hari kerja",
         ["- Monitoring Pelaporan Gratifikasi"], "Mengikuti SOP penanganan gratifikasi oleh KPK"),
        (6, ["Menerima laporan tindak lanjut dari KPK"], [1], "flowChartProcess", "", "", [""], ""),
        (7, ["Menerima laporan tindak lanjut penerimaan laporan.",
             "Jika laporan diterima KPK, maka pelapor akan mendapatkan Sertifikat penetapan gratifikasi yang "
             "diterima."], [0], "flowChartTerminator", "", "", [""],
         "Syarat dan ketentuan penanganan laporan oleh KPK dan Tim UPG"),
    ]
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    W = 1300
    set_widths(pt, [500, 4200] + [W] * 3 + [1400, 1000, 1700, 2000])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "NO.", bold=True, size=8)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "AKTIVITAS", bold=True, size=8)
    put(pt.cell(0, 2).merge(pt.cell(0, 4)), "PELAKSANA", bold=True, size=8)
    put(pt.cell(0, 5).merge(pt.cell(0, 7)), "MUTU BAKU", bold=True, size=8)
    put(vmerge([pt.cell(0, 8), pt.cell(1, 8)]), "KETERANGAN", bold=True, size=8)
    for i, a in enumerate(actors):
        put(pt.cell(1, 2 + i), a, bold=True, size=8)
    for j, h in enumerate(("Kelengkapan", "Waktu", "Output")):
        put(pt.cell(1, 5 + j), h, bold=True, size=8)
    H = 1100
    SX, SY, SW, SH = 200, 150, 900, 380        # box geometry inside a cell (twips)
    DX, DY, DW, DH = 300, 100, 700, 500        # diamond
    for r, (no, ur, cols, prst, kel, waktu, out, ket) in enumerate(steps, start=2):
        row_height(pt.rows[r], H)
        put(pt.cell(r, 0), str(no), size=8)
        put(pt.cell(r, 1), ur, size=8)
        for c in cols:
            geo = (DX, DY, DW, DH) if prst == "flowChartDecision" else (SX, SY, SW, SH)
            pt.cell(r, 2 + c).paragraphs[0]._p.append(shape_run(ids, prst, *geo, alt=True))
        put(pt.cell(r, 5), kel, size=8)
        put(pt.cell(r, 6), waktu, size=8)
        put(pt.cell(r, 7), out, size=8)
        put(pt.cell(r, 8), ket, size=8)

    def conn(row, col, prst, x, y, w, h, flip_h=False):
        pt.cell(row, 2 + col).paragraphs[0]._p.append(
            shape_run(ids, prst, x, y, w, h, alt=True, connector=True, flip_h=flip_h))

    def label(row, col, text, x, y):
        pt.cell(row, 2 + col).paragraphs[0]._p.append(shape_run(ids, "rect", x, y, 500, 220, alt=True, text=text))

    cxm, bot = SX + SW // 2, SY + SH           # box centre x, box bottom y
    conn(2, 1, "bentConnector2", cxm - W, bot, W, H + SY - bot, flip_h=True)       # 1 -> 2
    conn(3, 0, "straightConnector1", cxm, bot, 0, H + SY - bot)                   # 2 -> 3 (Ketua)
    conn(3, 0, "bentConnector2", cxm, bot, W, H + SY - bot)                       # 2 -> 3 (Anggota)
    conn(4, 0, "bentConnector2", cxm, bot, W, H + DY - bot)                       # 3 -> 4 (Ketua)
    conn(4, 1, "straightConnector1", cxm, bot, 0, H + DY - bot)                   # 3 -> 4 (Anggota)
    # decision 4: "Tidak" left to step 7 (Ketua), "Ya" right to step 5 (KPK)
    conn(5, 1, "bentConnector2", cxm - W, DY + DH // 2, DX - (cxm - W), 3 * H + SY - (DY + DH // 2), flip_h=True)
    label(5, 1, "Tidak", -450, 60)
    conn(5, 1, "bentConnector2", DX + DW, DY + DH // 2, W + cxm - (DX + DW), H + SY - (DY + DH // 2))
    label(5, 1, "Ya", DX + DW + 50, 60)
    conn(6, 2, "bentConnector2", cxm - W, bot, W, H + SY - bot, flip_h=True)       # 5 -> 6
    conn(7, 1, "bentConnector2", SX + SW - W, bot, cxm - (SX + SW - W), H + SY + SH // 2 - bot, flip_h=True)  # 6 -> 7
    doc.save(path)


# ---------- 8. BPS SOP-042 Pemeliharaan PC: legacy VML shapes (Word 97-2003 habit),
#               Mutu Baku "Input | Waktu | Output", branch note in Keterangan

BPS_042_STEPS = [
    (1, "Mengecek Jadwal Pemeliharaan", 0, "116", "Jadwal Pemeliharaan", "5 menit",
     "Dokumen Draft Laporan Pemeliharaan", ""),
    (2, "Mengecek Identitas Perangkat dan Laporan Permasalahan serta kerusakan", 0, "109",
     ["• Database Perangkat", "• Laporan Permasalahan dan Kerusakan"], "5-10 menit", "Diagnosa Masalah", ""),
    (3, "Mempersiapkan peralatan dan keamanan kerja", 1, "109", "Alat Kerja : Sarung Tangan Masker",
     "5-10 menit", "Persiapan", ""),
    (4, "Identifikasi Status kondisi perangkat", 1, "109",
     "Mengecek kondisi dari komponen utama PC (CPU, VGA, RAM, dan HDD) baik kondisi fisik maupun", "20-30 menit",
     "Informasi kondisi dari hasil fisikal dan logical check", ""),
    (5, "Memutuskan catu daya semua perangkat", 1, "109", "Perangkat dalam keadaan mati (off )", "3 - 5 menit",
     "Kondisi Aman dan siap untuk dibongkar", ""),
    (6, "Membongkar komponen PC", 1, "109", "Obeng Kit dan Senter Kepala", "15-20 menit",
     "Perangkat terbongkar rapi", "Hanya PC, tidak diperlukan untuk monitor, dll."),
    (7, "Membersihkan perangkat secara bertahap", 1, "109",
     "Blower, Vacuum Cleaner, Cottonbud Kuas, Kain, Tisu, Cairan Pembersih, Stipo, Alcohol, ContactCleaner",
     "45-90 menit", "Sudah dibersihkan setiap item", ""),
    (8, "Pergantian thermal pasta", 1, "109", "Informasi tingkat kekeringan thermal pasta. Alat : Thermal Pasta",
     "5-10 menit", "Thermal pasta dalam keadaan baik untuk menghantar panas", ""),
    (9, "Perakitan dan Perapihan", 1, "109", "Kabel Ties", "15-20 menit", "PC/Perangkat sudah dalam keadaan rapi",
     ""),
    (10, "Ujicoba", 1, "110", "Laporan Permasalahan dan Performa", "5-10 menit", "PC/Perangkat berjalan normal",
     "Tidak: kembali ke kegiatan 4 (perangkat tidak berjalan normal)"),
    (11, "Mengisi Laporan Maintenance", 1, "109", "Dokumen Draft Laporan Pemeliharaan", "5-10 menit",
     "Laporan Pemeliharaan Terisi", ""),
    (12, "Melaporkan Hasil", 0, "109", "Laporan Pemeliharaan diserahkan ke Ketua Tim", "5-10 menit",
     "Informasi kebutuhan pergantian komponen", ""),
    (13, "Mengajukan Nota Dinas Pergantian Komponen dan Menyelesaikan Perawatan", 0, "116",
     "Informasi kebutuhan pergantian komponen ditabulasi dan diajukan notadinas ke fungsi terkait.", "5-10 menit",
     "Selesai", ""),
]


def bps_042(path: Path):
    doc = docx.Document()
    landscape(doc)
    bps_identity(doc, ["BADAN PUSAT STATISTIK", "PROVINSI BENGKULU", "TIM TEKNOLOGI INFORMASI DAN PENGEMBANGAN INOVASI"],
                 [("Nomor SOP", "SOP-042/17000/2025"), ("Tanggal Pembuatan", "8 Januari 2021"),
                  ("Tanggal Revisi", "26 Mei 2025"), ("Tanggal Efektif", "2 Juni 2025")],
                 ["Kepala BPS Provinsi Bengkulu", "", "", "Ir. Win Rizal, M.E.", "NIP. 19660825 198802 1 001"],
                 "Pemeliharaan PC dan Perangkat TI")
    bps_detail(doc, [
        (("DASAR HUKUM :", [f"{i}.\t{x}" for i, x in enumerate(BPS_DASAR_HUKUM_10, 1)]),
         ("KUALIFIKASI PELAKSANA :", [
             "1. Pendidikan minimal D3 atau S1 yang sudah dilatih Operating System Windows , Aplikasi Perkantoran "
             "dan Antivirus", "2. Junior Technical Support"])),
        (("KETERKAITAN", ["1. SOP Pendataan Alat IT", "2. SOP Persiapan dan Perencanaan Pemeliharaan"]),
         ("PERALATAN/ PERLENGKAPAN", ["1. PC/Laptop",
                                      "2. Maintenance Tool Kit (Obeng, Blower, Pembersih, Thermal Pasta, dll)"])),
        (("PERINGATAN", ["1. Penggunaan Perlatan Pengamanan Diperlukan"]),
         ("PENCATATAN DAN PENDATAAN", ["PC Fungsi/Bagian"])),
    ], heading_rows=True)
    doc.add_page_break()
    actors = ["PJK TI", "Anggota tim TIP"]
    pt = doc.add_table(rows=2 + len(BPS_042_STEPS), cols=2 + len(actors) + 4)
    borders(pt)
    set_widths(pt, [500, 3800, 2400, 3000, 2000, 1000, 1800, 1700])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True, size=8)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True, size=8)
    put(pt.cell(0, 2).merge(pt.cell(0, 3)), "Pelaksana", bold=True, size=8)
    put(pt.cell(0, 4).merge(pt.cell(0, 6)), "Mutu Baku", bold=True, size=8)
    put(vmerge([pt.cell(0, 7), pt.cell(1, 7)]), "Keterangan", bold=True, size=8)
    for i, h in enumerate(actors + ["Input", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True, size=8)
    seen = set()
    for r, (no, ur, act, kind, inp, waktu, out, ket) in enumerate(BPS_042_STEPS, start=2):
        row_height(pt.rows[r], 900, exact=False)
        put(pt.cell(r, 0), str(no), size=8)
        put(pt.cell(r, 1), ur, size=8)
        w, h = (70, 30) if kind == "110" else (60, 20)
        par = pt.cell(r, 2 + act).paragraphs[0]._p
        par.append(vml_run(kind, r, 25, 8, w, h, kind not in seen))
        seen.add(kind)
        if no < 13:  # arrow to the next step's shape (next row, maybe the other column)
            nxt = BPS_042_STEPS[no][2]
            dx = {(0, 1): 120, (1, 0): -120}.get((act, nxt), 0)  # PJK TI column: 120 pt
            par.append(vml_line_run(r, 55, 8 + h, 55 + dx, 53))
        put(pt.cell(r, 4), inp, size=8)
        put(pt.cell(r, 5), waktu, size=8)
        put(pt.cell(r, 6), out, size=8)
        put(pt.cell(r, 7), ket, size=8)
    doc.save(path)



# ---------- 9. BPS SOP-312 Tim Zona Integritas: identity, detail boxes and procedure in ONE
#               table (as in the signed PDFs), "✓" ticks, empty Tanggal Revisi, empty Keterkaitan

def bps_312_one_table(path: Path):
    doc = docx.Document()
    landscape(doc)
    ident = [("Nomor SOP", ["SOP-312/17000/2025"]), ("Tanggal Pembuatan", ["2 Januari 2025"]),
             ("Tanggal Revisi", [""]), ("Tanggal Efektif", ["10 Januari 2025"]),
             ("Disahkan oleh", ["Kepala BPS Provinsi Bengkulu", "", "", "Win Rizal"]),
             ("NAMA SOP", ["Pembentukan Tim Zona Integritas"])]
    details = [
        (["DASAR HUKUM :"] + [("1," if i == 1 else f"{i}.") + "\t" + x for i, x in enumerate(BPS_DASAR_HUKUM_10, 1)],
         ["KUALIFIKASI PELAKSANA :", "1. Pegawai yang menduduki Jabatan Kepala Satker",
          "2. Pegawai yang menduduki Jabatan Kepala Bagian Umum", "3. Pegawai yang menduduki Jabaran Ahli Madya",
          "4. Pegawai yang mengelola administrasi kepegawaian",
          "5. Pegawai memahami implementasi Pembangunan Zona Integritas dan Nilai inti ASN BerAKHLAK"]),
        (["KETERKAITAN"], ["PERALATAN/ PERLENGKAPAN", "1. Alat Tulis", "2. PC/Laptop", "3. Printer",
                           "4. Jaringan Internet", "5. Aplikasi perkantoran"]),
        (["PERINGATAN", "- Jika pembentukan tim kerja tidak dilakukan tepat waktu, maka program Zona Integritas di "
                        "BPS Provinsi Bengkulu tidak dapat dilakukan/diwujudkan"],
         ["PENCATATAN DAN PENDATAAN", "- Laporan rapat dan kertas kerja disimpan di Sekretariat ZI"]),
    ]
    steps = [
        (1, "Mengadakan Rapat Penentuan mekanisme pembentukan Tim ZI", 0,
         "Surat undangan rapat, Mekanisme pemilihan anggota tim kerja", "1 hari", "Notulensi rapat"),
        (2, "Menyusun kriteria calon anggota Tim ZI", 1, "Notulen rapat mekanisme pemilihan anggota kerja", "1 jam",
         "Kriteria calon anggota ZI"),
        (3, "Membuat kertas kerja pemilihan anggota Tim ZI", 1, "Kriteria calon anggota tim", "1 jam",
         "Kertas Kerja pemilihan anggota ZI"),
        (4, "Memilih Anggota Tim ZI", 1, "Kertas Kerja pemilihan anggota ZI", "1 jam", "Susunan anggota tim terpilih"),
        (5, "Menetapkan Tim ZI", 0, "Susunan anggota tim terpilih", "1 hari", "SK Tim ZI"),
    ]
    n_id, n_det = len(ident), len(details)
    t = doc.add_table(rows=n_id + n_det + 2 + len(steps), cols=8)
    borders(t)
    set_widths(t, [500, 4200, 1800, 1800, 2200, 1100, 2000, 1900])
    logo = vmerge([t.cell(i, 0).merge(t.cell(i, 3)) for i in range(n_id)])
    put(logo, ["", "BADAN PUSAT STATISTIK", "PROVINSI BENGKULU", "",
               "TIM REFORMASI BIROKRASI DAN PEMBINAAN STATISTIK"], bold=True)
    for i, (lab, val) in enumerate(ident):
        put(t.cell(i, 4), lab, bold=lab.isupper(), size=8)
        put(t.cell(i, 5).merge(t.cell(i, 7)), val, size=8)
    for j, (left, right) in enumerate(details):
        r = n_id + j
        put(t.cell(r, 0).merge(t.cell(r, 3)), left, size=8)
        put(t.cell(r, 4).merge(t.cell(r, 7)), right, size=8)
    h0 = n_id + n_det
    put(vmerge([t.cell(h0, 0), t.cell(h0 + 1, 0)]), "No", bold=True, size=8)
    put(vmerge([t.cell(h0, 1), t.cell(h0 + 1, 1)]), "Kegiatan", bold=True, size=8)
    put(t.cell(h0, 2).merge(t.cell(h0, 3)), "Pelaksana", bold=True, size=8)
    put(t.cell(h0, 4).merge(t.cell(h0, 6)), "Mutu Baku", bold=True, size=8)
    put(vmerge([t.cell(h0, 7), t.cell(h0 + 1, 7)]), "Keterangan", bold=True, size=8)
    for i, h in enumerate(("Kepala", "Tim Seleksi", "Kelengkapan", "Waktu", "Output")):
        put(t.cell(h0 + 1, 2 + i), h, bold=True, size=8)
    for k, (no, ur, act, kel, waktu, out) in enumerate(steps):
        r = h0 + 2 + k
        put(t.cell(r, 0), str(no), size=8)
        put(t.cell(r, 1), ur, size=8)
        put(t.cell(r, 2 + act), "\u2713")
        put(t.cell(r, 4), kel, size=8)
        put(t.cell(r, 5), waktu, size=8)
        put(t.cell(r, 6), out, size=8)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 10. LibreOffice from HTML: a "buku SOP" with a cover and two SOPs; the second one has
#     its identity as paragraphs and its steps as an auto-numbered list (<ol>) naming
#     the actor in each sentence (Kelurahan Kebon Kosong, Jakarta Pusat)
# --------------------------------------------------------------------------------------

def buku_html() -> str:
    actors = ["Pemohon", "Petugas PTSP", "Lurah"]
    steps = [
        (1, "Menyerahkan surat pengantar RT/RW dan fotokopi KTP/KK", 0, "Surat pengantar RT/RW, KTP, KK",
         "5 menit", "Berkas permohonan", ""),
        (2, "Memeriksa berkas dan data kependudukan pemohon, data sesuai?", 1, "Berkas permohonan", "10 menit",
         "Berkas terverifikasi", "Tidak: kembali ke kegiatan 1"),
        (3, "Mencetak surat keterangan domisili", 1, "Berkas terverifikasi", "5 menit", "Draf surat keterangan", ""),
        (4, "Menandatangani surat keterangan domisili", 2, "Draf surat keterangan", "10 menit",
         "Surat keterangan ditandatangani", ""),
        (5, "Menerima surat keterangan domisili", 0, "Surat keterangan ditandatangani", "5 menit",
         "Surat keterangan diterima", ""),
    ]
    rows = "".join(
        f"<tr><td>{no}</td><td>{escape(ur)}</td>"
        + "".join(f"<td align='center'>{'X' if i == a else '&nbsp;'}</td>" for i in range(len(actors)))
        + f"<td>{escape(kel)}</td><td>{w}</td><td>{escape(out)}</td><td>{escape(ket)}</td></tr>"
        for no, ur, a, kel, w, out, ket in steps)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p align="center"><b>BUKU STANDAR OPERASIONAL PROSEDUR</b></p>
<p align="center"><b>KELURAHAN KEBON KOSONG</b></p>
<p align="center">TAHUN 2024</p>
<p style="page-break-before: always" align="center"><b>STANDAR OPERASIONAL PROSEDUR</b></p>
<table border="1" cellspacing="0" width="100%">
<tr><td rowspan="6" width="35%"><p align="center"><b>PEMERINTAH PROVINSI DKI JAKARTA</b></p>
<p align="center"><b>KOTA ADMINISTRASI JAKARTA PUSAT</b></p><p align="center"><b>KELURAHAN KEBON KOSONG</b></p></td>
<td>Nomor SOP</td><td>470/01/KBK/2024</td></tr>
<tr><td>Tanggal Pembuatan</td><td>5 Februari 2024</td></tr>
<tr><td>Tanggal Revisi</td><td>-</td></tr>
<tr><td>Tanggal Efektif</td><td>1 Maret 2024</td></tr>
<tr><td>Disahkan oleh</td><td><p>LURAH KEBON KOSONG</p><p>&nbsp;</p><p><b>RUDI HARTONO, S.Sos</b></p>
<p>Penata Tk. I (III/d)</p><p>NIP. 19790521 200801 1 012</p></td></tr>
<tr><td>Nama SOP</td><td>Pelayanan Surat Keterangan Domisili</td></tr>
</table>
<table border="1" cellspacing="0" width="100%">
<tr><td><b>Dasar Hukum:</b><p>1. Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan</p>
<p>2. Peraturan Gubernur Nomor 47 Tahun 2017 tentang Pelayanan Terpadu Satu Pintu</p></td>
<td><b>Kualifikasi Pelaksana:</b><p>1. Memahami administrasi kependudukan</p></td></tr>
<tr><td><b>Keterkaitan:</b><p>1. SOP Pelayanan Surat Pengantar</p></td>
<td><b>Peralatan/Perlengkapan:</b><p>1. Komputer</p><p>2. Printer</p></td></tr>
<tr><td><b>Peringatan:</b><p>Data yang tidak sesuai menyebabkan surat keterangan tidak dapat diterbitkan</p></td>
<td><b>Pencatatan dan Pendataan:</b><p>1. Buku register surat keterangan</p></td></tr>
</table>
<p>&nbsp;</p>
<table border="1" cellspacing="0" width="100%">
<tr><th rowspan="2">No</th><th rowspan="2">Kegiatan</th><th colspan="3">Pelaksana</th><th colspan="3">Mutu Baku</th><th rowspan="2">Keterangan</th></tr>
<tr>{''.join(f'<th>{a}</th>' for a in actors)}<th>Kelengkapan</th><th>Waktu</th><th>Output</th></tr>
{rows}
</table>
<p style="page-break-before: always" align="center"><b>STANDAR OPERASIONAL PROSEDUR</b></p>
<p>Nomor SOP : 300/02/KBK/2024</p>
<p>Tanggal Pembuatan : 5 Februari 2024</p>
<p>Tanggal Revisi : -</p>
<p>Tanggal Efektif : 1 Maret 2024</p>
<p>Disahkan oleh : LURAH KEBON KOSONG</p>
<p><b>RUDI HARTONO, S.Sos</b></p>
<p>NIP. 19790521 200801 1 012</p>
<p>Nama SOP : Pelayanan Rekomendasi Izin Keramaian</p>
<p>Dasar Hukum :</p>
<ol><li>Undang-Undang Nomor 2 Tahun 2002 tentang Kepolisian Negara Republik Indonesia</li>
<li>Peraturan Kepala Kepolisian Nomor 7 Tahun 2023 tentang Perizinan Keramaian</li></ol>
<p>Kualifikasi Pelaksana : Memahami ketentuan perizinan keramaian</p>
<p>Keterkaitan : SOP Pelayanan Surat Pengantar</p>
<p>Peralatan/Perlengkapan : Komputer, printer</p>
<p>Peringatan : Kegiatan tanpa rekomendasi dapat dibubarkan oleh aparat</p>
<p>Pencatatan dan Pendataan : Buku register rekomendasi</p>
<p><b>Prosedur:</b></p>
<ol>
<li>Pemohon menyerahkan surat permohonan izin keramaian beserta fotokopi KTP.</li>
<li>Petugas PTSP memeriksa kelengkapan berkas, jika tidak lengkap kembali ke langkah 1; berkas lengkap?</li>
<li>Kasi Ketenteraman dan Ketertiban memverifikasi dan memaraf draf rekomendasi.</li>
<li>Lurah menandatangani surat rekomendasi.</li>
<li>Petugas PTSP menyerahkan surat rekomendasi kepada Pemohon.</li>
</ol>
</body></html>
"""


# --------------------------------------------------------------------------------------
# 11. python-docx + raw XML: institution only in the page header, values in content
#     controls (w:sdt), tracked changes (w:ins / w:del), a hyperlink, label and colon in
#     one cell, "Mengesahkan", Mutu Baku named Persyaratan | Waktu | Hasil, INLINE
#     DrawingML shapes (wp:inline) with text inside, off-page connectors between rows
#     (Diskominfo Kabupaten Banyumas, pengaduan LAPOR!)
# --------------------------------------------------------------------------------------

def _sdt(par, text, tag):
    par._p.append(parse_xml(
        f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/></w:sdtPr>'
        f'<w:sdtContent><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:sdtContent></w:sdt>'))


def _ins_del(par, before, inserted, deleted, after, rid):
    if before:
        par.add_run(before)
    if deleted:
        par._p.append(parse_xml(
            f'<w:del {NSDECL} w:id="{rid}" w:author="Staf" w:date="2022-10-20T09:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{escape(deleted)}</w:delText></w:r></w:del>'))
    if inserted:
        par._p.append(parse_xml(
            f'<w:ins {NSDECL} w:id="{rid + 1}" w:author="Kasi" w:date="2022-10-21T09:00:00Z"><w:r>'
            f'<w:t xml:space="preserve">{escape(inserted)}</w:t></w:r></w:ins>'))
    if after:
        par.add_run(after)


def inline_shape_run(ids, prst, w_tw, h_tw, text=None):
    did = ids()
    wsp = _wsp(prst, w_tw * TW, h_tw * TW, text=text)
    return parse_xml(
        f'<w:r {NSDECL}><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{w_tw * TW}" cy="{h_tw * TW}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{did}" name="Shape {did}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'{wsp}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def careless_lapor(path: Path):
    doc = docx.Document()
    landscape(doc)
    ids = Ids(300)
    hdr = doc.sections[0].header
    hdr.paragraphs[0].add_run("PEMERINTAH KABUPATEN BANYUMAS").bold = True
    hdr.add_paragraph().add_run("DINAS KOMUNIKASI DAN INFORMATIKA").bold = True
    t = doc.add_paragraph()
    t.alignment = 1
    t.add_run("STANDAR OPERASIONAL PROSEDUR").bold = True
    idt = doc.add_table(rows=6, cols=2)
    borders(idt)
    set_widths(idt, [3000, 10500])
    put(idt.cell(0, 0), "No. SOP :")
    _sdt(idt.cell(0, 1).paragraphs[0], "555/07/DINKOMINFO/2022", "nomor")
    put(idt.cell(1, 0), "Tgl Pembuatan :")
    _sdt(idt.cell(1, 1).paragraphs[0], "3 Oktober 2022", "tgl_buat")
    put(idt.cell(2, 0), "Tgl Revisi :")
    _sdt(idt.cell(2, 1).paragraphs[0], "-", "tgl_revisi")
    put(idt.cell(3, 0), "Tgl Efektif :")
    _ins_del(idt.cell(3, 1).paragraphs[0], "1 ", "Nopember", "Oktober", " 2022", 11)
    put(idt.cell(4, 0), "Mengesahkan :")
    put(idt.cell(4, 1), ["KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", "KABUPATEN BANYUMAS", "", "",
                         "Drs. WAHYU DEWANTO, M.Si", "Pembina Utama Muda", "NIP. 19680707 199403 1 011"],
        underline_line=4)
    put(idt.cell(5, 0), "Nama SOP :")
    put(idt.cell(5, 1), "Penanganan Pengaduan Masyarakat melalui Kanal LAPOR!", bold=True)
    doc.add_paragraph()
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    c = put(det.cell(0, 0), ["Dasar Hukum :", "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"])
    p = c.add_paragraph("2. ")
    rel = doc.part.relate_to("https://peraturan.bpk.go.id/Details/41485",
                             "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                             is_external=True)
    p._p.append(parse_xml(
        f'<w:hyperlink {NSDECL} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:id="{rel}"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>Peraturan Presiden Nomor 76 Tahun 2013 '
        f'tentang Pengelolaan Pengaduan Pelayanan Publik</w:t></w:r></w:hyperlink>'))
    c.add_paragraph("3. Peraturan Bupati Banyumas Nomor 12 Tahun 2019 tentang Pengelolaan Pengaduan")
    put(det.cell(0, 1), ["Kualifikasi Pelaksana :", "1. Memahami pengelolaan pengaduan pelayanan publik",
                         "2. Mampu mengoperasikan aplikasi SP4N-LAPOR!"])
    put(det.cell(1, 0), ["Keterkaitan :", "SOP Tindak Lanjut Pengaduan oleh Perangkat Daerah"])
    put(det.cell(1, 1), ["Peralatan/Perlengkapan :", "1. Komputer dengan jaringan internet", "2. Akun SP4N-LAPOR!"])
    put(det.cell(2, 0), ["Peringatan :", "Pengaduan yang tidak ditanggapi dalam 5 hari kerja menurunkan indeks "
                                         "kepuasan masyarakat"])
    put(det.cell(2, 1), ["Pencatatan dan Pendataan :", "Rekap pengaduan bulanan"])
    doc.add_page_break()
    actors = ["Admin LAPOR!", "Kasi Layanan Informasi", "Kepala Dinas"]
    steps = [
        (1, ("Menerima dan mencatat pengaduan dari kanal LAPOR!", None, None, ""), 0, "flowChartTerminator",
         "Mulai", "Pengaduan masuk", "15 menit", "Pengaduan tercatat", ""),
        (2, ("Menelaah pengaduan, kewenangan Diskominfo?", None, None, ""), 1, "flowChartDecision", None,
         "Pengaduan tercatat", "30 menit", "Hasil telaah", "Tidak: lanjut ke kegiatan 5"),
        (3, ("Menyusun ", "draf ", None, "jawaban pengaduan"), 1, "flowChartProcess", None,
         "Hasil telaah", "1 jam", "Draf jawaban", ""),
        (4, ("Menyetujui jawaban pengaduan", None, " dan memberi paraf", ""), 2, "flowChartProcess", None,
         "Draf jawaban", "1 hari", "Jawaban disetujui", ""),
        (5, ("Mengunggah jawaban atau meneruskan pengaduan kepada OPD berwenang", None, None, ""), 0,
         "flowChartProcess", None, "Jawaban disetujui", "15 menit", "Jawaban terunggah", ""),
        (6, ("Menutup laporan pada aplikasi", None, None, ""), 0, "flowChartTerminator", "Selesai",
         "Jawaban terunggah", "5 menit", "Laporan selesai", ""),
    ]
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 4000] + [1400] * 3 + [1700, 1000, 1700, 1600])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Uraian Prosedur", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 4)), "Pelaksana", bold=True)
    put(pt.cell(0, 5).merge(pt.cell(0, 7)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 8), pt.cell(1, 8)]), "Ket.", bold=True)
    for i, h in enumerate(actors + ["Persyaratan", "Waktu", "Hasil"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, (before, ins, dele, after), act, prst, text, kel, waktu, out, ket) in enumerate(steps):
        r = 2 + k
        put(pt.cell(r, 0), str(no))
        _ins_del(pt.cell(r, 1).paragraphs[0], before, ins, dele, after, 100 + 2 * k)
        cp = pt.cell(r, 2 + act).paragraphs[0]
        w, h = (800, 600) if prst == "flowChartDecision" else (1000, 400)
        cp._p.append(inline_shape_run(ids, prst, w, h, text=text))
        if no == 3:   # the table breaks over a page here: off-page connector "A" out ...
            cell = pt.cell(r, 2 + act)
            cell.add_paragraph()._p.append(inline_shape_run(ids, "flowChartOffpageConnector", 400, 400, text="A"))
        if no == 4:   # ... and "A" in at the top of the next page, in the row of step 4
            pt.cell(r, 2 + 1).paragraphs[0]._p.append(
                inline_shape_run(ids, "flowChartOffpageConnector", 400, 400, text="A"))
        put(pt.cell(r, 5), kel)
        put(pt.cell(r, 6), waktu)
        put(pt.cell(r, 7), out)
        put(pt.cell(r, 8), ket)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 12. python-docx, careless: identity as "Label : value" paragraphs inside ONE right-hand
#     cell, "NIP : ..." with a colon, 'Agt' abbreviation, actor header in two paragraphs,
#     the procedure continued in a SECOND table that repeats the header rows after a
#     "(bersambung)" line and a page break (BKPSDM Kabupaten Garut, kenaikan pangkat)
# --------------------------------------------------------------------------------------

KP_ACTORS = [["PNS / Pengelola", "Kepegawaian OPD"], ["Analis Kepegawaian", "BKPSDM"], ["Kabid Mutasi"],
             ["Kepala BKPSDM"]]
KP_STEPS = [
    (1, "Mengusulkan kenaikan pangkat melalui aplikasi SIASN dengan melampirkan dokumen persyaratan", 0,
     "SK pangkat terakhir, SKP 2 tahun terakhir", "1 hari kerja", "Usulan terkirim", ""),
    (2, "Memverifikasi kelengkapan dan keabsahan dokumen usulan", 1, "Usulan kenaikan pangkat",
     "2 (dua) hari kerja", "Usulan terverifikasi", "Jika tidak lengkap, dikembalikan ke kegiatan 1"),
    (3, "Membuat nota usul dan memaraf", 1, "Usulan terverifikasi", "1 hari kerja", "Nota usul", ""),
    (4, "Memeriksa nota usul, disetujui?", 2, "Nota usul", "1 hari kerja", "Nota usul diparaf",
     "Tidak: kembali ke kegiatan 3"),
    (5, "Menandatangani nota usul kepada BKN Regional", 3, "Nota usul diparaf", "1 hari kerja",
     "Nota usul ditandatangani", ""),
    (6, "Mengirim usulan ke BKN Regional melalui SIASN", 1, "Nota usul ditandatangani", "30 menit",
     "Usulan terkirim ke BKN", ""),
    (7, "Menerima pertimbangan teknis BKN dan menyiapkan draf SK", 1, "Pertimbangan teknis BKN", "1 hari kerja",
     "Draf SK kenaikan pangkat", ""),
    (8, "Menandatangani SK kenaikan pangkat", 3, "Draf SK kenaikan pangkat", "1 hari kerja", "SK kenaikan pangkat",
     ""),
    (9, "Menyampaikan SK kenaikan pangkat kepada PNS melalui pengelola kepegawaian OPD", 1, "SK kenaikan pangkat",
     "1 hari kerja", "SK diterima PNS", ""),
]


def _kp_table(doc, steps):
    ncol = 2 + len(KP_ACTORS) + 4
    t = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(t)
    set_widths(t, [500, 4200] + [1500] * len(KP_ACTORS) + [1800, 1200, 1600, 1700])
    put(vmerge([t.cell(0, 0), t.cell(1, 0)]), "No", bold=True)
    put(vmerge([t.cell(0, 1), t.cell(1, 1)]), "Kegiatan", bold=True)
    put(t.cell(0, 2).merge(t.cell(0, 1 + len(KP_ACTORS))), "Pelaksana", bold=True)
    m0 = 2 + len(KP_ACTORS)
    put(t.cell(0, m0).merge(t.cell(0, m0 + 2)), "Mutu Baku", bold=True)
    put(vmerge([t.cell(0, ncol - 1), t.cell(1, ncol - 1)]), "Keterangan", bold=True)
    for i, a in enumerate(KP_ACTORS):
        put(t.cell(1, 2 + i), a, bold=True)      # two paragraphs in some header cells
    for j, h in enumerate(("Kelengkapan", "Waktu", "Output")):
        put(t.cell(1, m0 + j), h, bold=True)
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps):
        r = 2 + k
        put(t.cell(r, 0), str(no))
        put(t.cell(r, 1), ur)
        put(t.cell(r, 2 + act), "√")
        put(t.cell(r, m0), kel)
        put(t.cell(r, m0 + 1), waktu)
        put(t.cell(r, m0 + 2), out)
        put(t.cell(r, ncol - 1), ket)


def careless_kenaikan_pangkat(path: Path):
    doc = docx.Document()
    landscape(doc)
    idt = doc.add_table(rows=1, cols=2)
    borders(idt)
    set_widths(idt, [5000, 8500])
    put(idt.cell(0, 0), ["PEMERINTAH KABUPATEN GARUT",
                         "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"], bold=True)
    put(idt.cell(0, 1), ["Nomor SOP : 800/123/BKPSDM/2021", "Tanggal Pembuatan : 12 Juli 2021",
                         "Tanggal Revisi : 2 Agt 2022", "Tanggal Efektif : 2 Agustus 2022",
                         "Disahkan oleh : KEPALA BKPSDM KABUPATEN GARUT", "", "",
                         "H. ASEP SUPARMAN, S.IP., M.Si", "Pembina Tk. I (IV/b)", "NIP : 19720305 199203 1 004",
                         "Nama SOP : Pelayanan Usulan Kenaikan Pangkat Reguler"], underline_line=7)
    doc.add_paragraph()
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    put(det.cell(0, 0), ["Dasar Hukum :", "1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
                         "2. Peraturan Pemerintah Nomor 99 Tahun 2000 tentang Kenaikan Pangkat Pegawai Negeri Sipil",
                         "3. Peraturan Badan Kepegawaian Negara Nomor 4 Tahun 2023 tentang Kenaikan Pangkat"])
    put(det.cell(0, 1), ["Kualifikasi Pelaksana :", "1. Memahami peraturan kepegawaian",
                         "2. Mampu mengoperasikan aplikasi SIASN"])
    put(det.cell(1, 0), ["Keterkaitan :", "1. SOP Penilaian Kinerja PNS", "2. SOP Pengelolaan Arsip Kepegawaian"])
    put(det.cell(1, 1), ["Peralatan/Perlengkapan :", "1. Komputer", "2. Jaringan internet", "3. Aplikasi SIASN"])
    put(det.cell(2, 0), ["Peringatan :", "Usulan yang terlambat menyebabkan kenaikan pangkat tertunda satu periode"])
    put(det.cell(2, 1), ["Pencatatan dan Pendataan :", "Daftar usulan kenaikan pangkat"])
    doc.add_page_break()
    _kp_table(doc, KP_STEPS[:5])
    doc.add_paragraph("(bersambung)")
    doc.add_page_break()
    _kp_table(doc, KP_STEPS[5:])
    doc.save(path)


# --------------------------------------------------------------------------------------
# 13. python-docx: the identity table sits in the PAGE HEADER (repeated on every page,
#     ISO-like habit), the body holds the detail table and the procedure (Dinas
#     Perpustakaan Kota Yogyakarta, keanggotaan perpustakaan)
# --------------------------------------------------------------------------------------

def header_identity_perpus(path: Path):
    doc = docx.Document()
    landscape(doc)
    hdr = doc.sections[0].header
    hdr.paragraphs[0].text = ""
    rows = [("Nomor SOP", "041/07/DISPUS/2023"), ("Tanggal Pembuatan", "20 Februari 2023"),
            ("Tanggal Revisi", "-"), ("Tanggal Efektif", "1 Maret 2023")]
    ht = hdr.add_table(rows=len(rows) + 2, cols=3, width=Cm(26.7))
    borders(ht)
    set_widths(ht, [6000, 2600, 6500])
    logo = vmerge([ht.cell(i, 0) for i in range(len(rows) + 2)])
    put(logo, ["PEMERINTAH KOTA YOGYAKARTA", "DINAS PERPUSTAKAAN DAN ARSIP DAERAH"], bold=True)
    for i, (lab, val) in enumerate(rows):
        put(ht.cell(i, 1), lab)
        put(ht.cell(i, 2), val)
    put(ht.cell(len(rows), 1), "Disahkan oleh")
    put(ht.cell(len(rows), 2), ["KEPALA DINAS PERPUSTAKAAN DAN ARSIP DAERAH", "", "",
                                "Dra. SRI ARIYANI, M.Si", "Pembina Utama Muda", "NIP. 19660923 199203 2 005"],
        underline_line=3)
    put(ht.cell(len(rows) + 1, 1), "Nama SOP")
    put(ht.cell(len(rows) + 1, 2), "Pelayanan Pendaftaran Anggota Perpustakaan", bold=True)
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    put(det.cell(0, 0), ["Dasar Hukum :", "1. Undang-Undang Nomor 43 Tahun 2007 tentang Perpustakaan",
                         "2. Peraturan Wali Kota Yogyakarta Nomor 88 Tahun 2020 tentang Fungsi Dinas Perpustakaan"])
    put(det.cell(0, 1), ["Kualifikasi Pelaksana :", "1. Memahami layanan keanggotaan perpustakaan"])
    put(det.cell(1, 0), ["Keterkaitan :", "1. SOP Peminjaman Koleksi"])
    put(det.cell(1, 1), ["Peralatan/Perlengkapan :", "1. Komputer", "2. Printer kartu", "3. Kamera"])
    put(det.cell(2, 0), ["Peringatan :", "Data yang tidak valid menyebabkan kartu anggota tidak dapat dicetak"])
    put(det.cell(2, 1), ["Pencatatan dan Pendataan :", "1. Basis data anggota", "2. Buku register kartu"])
    doc.add_paragraph()
    actors = ["Pemustaka", "Petugas Layanan", "Kasi Layanan"]
    steps = [
        (1, "Mengisi formulir pendaftaran anggota secara daring atau di loket", 0, "KTP, formulir", "5 menit",
         "Formulir terisi", ""),
        (2, "Memverifikasi data pendaftar, data valid?", 1, "Formulir terisi", "5 menit", "Data terverifikasi",
         "Tidak: kembali ke kegiatan 1"),
        (3, "Mengambil foto dan mencetak kartu anggota", 1, "Data terverifikasi", "10 menit", "Kartu anggota", ""),
        (4, "Memeriksa rekap kartu anggota harian", 2, "Kartu anggota", "15 menit", "Rekap diperiksa", ""),
        (5, "Menerima kartu anggota", 0, "Kartu anggota", "2 menit", "Kartu diterima", ""),
    ]
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=3 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 4300] + [1400] * 3 + [1800, 1000, 1800, 1900])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 4)), "Pelaksana", bold=True)
    put(pt.cell(0, 5).merge(pt.cell(0, 7)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 8), pt.cell(1, 8)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for c in range(ncol):
        put(pt.cell(2, c), f"({c + 1})")          # column numbers written as "(1) (2) ..."
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps):
        r = 3 + k
        put(pt.cell(r, 0), f"{no:02d}")            # "01", "02", ...
        put(pt.cell(r, 1), ur)
        put(pt.cell(r, 2 + act), "V")
        put(pt.cell(r, 5), kel)
        put(pt.cell(r, 6), waktu)
        put(pt.cell(r, 7), out)
        put(pt.cell(r, 8), ket)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 14. BPS SOP-098 Serawai (3 pages in the signed PDF): decision 6 with "Ya" down to 7 and
#     "Tidak" forward to 8, off-page connector pairs between rows 8 and 9 (7 -> 9 and 8 -> 9
#     through them), two-line label "Tanggal / Pembuatan". Two drawings of the same chart:
#     (a) every symbol anchored in its own cell (mc:AlternateContent), bare connectors;
#     (b) the whole flowchart as ONE group (wpg:wgp) anchored in the first actor cell of
#         step 1, the symbols placed by their offsets over the right rows and columns
# --------------------------------------------------------------------------------------

WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
S098_ACTORS = ["CAN", "BPS Kabupaten/Kota", "Pegawai"]
S098_COLW = [1300, 1500, 1300]
S098_STEPS = [
    (1, "Membuat konsep dan jadwal penyelenggaraan Serawai", 0, "flowChartTerminator",
     "Informasi kegiatan Sharing Knowledge Manajemen Perubahan dari BPS RI", "3 Hari Kerja",
     "Konsep dan jadwal penyelenggaraan Serawai",
     "CA dan CC bersama-sama mendiskusikan dan menetapkan konsep dan jadwal penyelenggaraan."),
    (2, "Sosialisasi penyelenggaraan kegiatan Serawai dan sistem pemilihan tema Serawai", 0, "flowChartProcess",
     "Sistem pelaksanaan Serawai yang sudah disepakati", "1 Hari Kerja",
     "Surat Penyelenggaraan dan Kolaborasi Kegiatan Serawai Tahun 2025", ""),
    (3, "Mengusulkan tema Serawai", 1, "flowChartProcess", "Form Usulan Tema Serawai kabupaten/kota",
     "7 Hari Kerja", "Daftar usulan tema Serawai dari BPS kabupaten/kota", ""),
    (4, "Memilih tema Serawai secara voting", 2, "flowChartProcess",
     "Surat Pemilihan Tema Serawai Kabupaten/Kota, Form pemilihan tema Serawai kabupaten/kota", "15 Hari Kerja",
     "3 Tema Terpilih dari Usulan Tema kabupaten/kota",
     "Tema yang terpilih merupakan tema yang mendapatkan suara terbanyak."),
    (5, "Mengumumkan tema terpilih, jadwal dan penyelenggara Serawai", 0, "flowChartProcess",
     "Surat Hasil Pemilihan Tema Serawai kabupaten/Kota", "1 Hari Kerja",
     "Pengumuman 3 Tema Terpilih dan jadwal pelaksanaan masing-masing tema", ""),
    (6, "Menyiapkan susunan kepanitiaan", 1, "flowChartDecision",
     "Hasil pembagian peran yang telah disampaikan oleh CAN Provinsi", "1 Hari Kerja",
     "Surat Daftar Nama Pelaksana Serawai",
     "Surat dikirimkan oleh BPS kabupaten/kota penyelenggara ke BPS Provinsi."),
    (7, "Koordinasi persiapan acara dengan CA Provinsi", 1, "flowChartProcess",
     "Informasi perkembangan persiapan kegiatan", "1 Hari Kerja", "Konfirmasi kesiapan penyelenggaraan kegiatan",
     "CA Provinsi bertanggung jawab mengoordinasikan progress persiapan penyelenggaraan acara dengan CA "
     "kabupaten/kota penyelenggara."),
    (8, "Koordinasi dengan Event Team", 0, "flowChartProcess",
     "Informasi kebutuhan dukungan Event Team (jenis peran, jumlah personel, dan waktu pelaksanaan)",
     "1 0 Hari Kerja", "Konfirmasi rencana kegiatan dan kebutuhan peran Event Team",
     "Penetapan peran dilakukan melalui mekanisme rapat atau diskusi internal Event Team."),
    (9, "Menyelenggarakan kegiatan Serawai", 0, "flowChartProcess", "Petugas penyelenggara sesuai peran yang dibagi",
     "2 Jam", "Sertifikat Peserta dan Narasumber, dokumentasi kegiatan, notulensi",
     "CA Provinsi bertanggung jawab mengawasi penyelenggaraan acara dan memastikan kegiatan berjalan lancar."),
    (10, "Menyusun laporan kegiatan Serawai", 0, "flowChartProcess",
     "Kelengkapan administrasi penyelenggaraan kegiatan (undangan, draft kata sambutan, daftar hadir, dokumentasi, "
     "notulensi, saran dan masukan)", "Triwulan", "Laporan Kegiatan Serawai",
     "Laporan Kegiatan diperiksa dan disetujui oleh CC."),
    (11, "Evaluasi penyaji dan penyelenggara", 0, "flowChartTerminator",
     "Form penilaian penyaji dan penyelenggara Serawai", "Triwulan",
     "Rekap hasil penilaian penyaji dan penyelenggara Serawai",
     "Evaluasi penyaji dilakukan oleh seluruh peserta Serawai, sedangkan evaluasi penyelenggara dilakukan oleh CAN "
     "Provinsi."),
]


def _s098_drawing():
    """The chart as a list of items in absolute table coordinates (twips; x from the left of
    the CAN column, y from the top of step 1's row):
    ("shape", row_index, col, prst, x, y, w, h, text) / ("conn", row, col, x1, y1, x2, y2)."""
    H = 1100
    x0 = [0, S098_COLW[0], S098_COLW[0] + S098_COLW[1]]
    BW, BH, BY = 800, 360, 150
    items, centre = [], {}
    for k, (no, _u, col, prst, *_rest) in enumerate(S098_STEPS):
        if prst == "flowChartDecision":
            w, h, y = 800, 500, 100
        else:
            w, h, y = BW, BH, (560 if no == 9 else BY)
        x = x0[col] + (S098_COLW[col] - w) // 2
        items.append(("shape", k, col, prst, x, k * H + y, w, h, None))
        centre[no] = (x + w // 2, k * H + y, k * H + y + h, x, x + w)   # cx, top, bottom, left, right
    # off-page connector pairs "A" (CAN) and "B" (BPS Kab/Kota) at the bottom of row 8 / top of row 9
    off = {}
    for col, label in ((0, "A"), (1, "B")):
        cx = x0[col] + S098_COLW[col] // 2
        items.append(("shape", 7, col, "flowChartOffpageConnector", cx - 200, 7 * H + 650, 400, 350, label))
        items.append(("shape", 8, col, "flowChartOffpageConnector", cx - 200, 8 * H + 60, 400, 350, label))
        off[col] = (cx, 7 * H + 650, 8 * H + 60 + 350)

    def conn(row, col, a, b):
        items.append(("conn", row, col) + a + b)

    for a, b in ((1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (9, 10), (10, 11)):
        conn(a - 1, S098_STEPS[a - 1][2], (centre[a][0], centre[a][2]), (centre[b][0], centre[b][1]))
    conn(5, 1, (centre[6][0], centre[6][2]), (centre[7][0], centre[7][1]))                 # 6 Ya -> 7
    items.append(("label", 5, 1, "rect", centre[6][0] + 60, centre[6][2], 450, 200, "Ya"))
    conn(5, 1, (centre[6][3], 5 * H + 350), (centre[8][0], centre[8][1]))                  # 6 Tidak -> 8
    items.append(("label", 5, 1, "rect", centre[6][3] - 500, 5 * H + 120, 450, 200, "Tidak"))
    conn(6, 1, (centre[7][0], centre[7][2]), (off[1][0], off[1][1]))                        # 7 -> B
    conn(7, 0, (centre[8][0], centre[8][2]), (off[0][0], off[0][1]))                        # 8 -> A
    conn(8, 0, (off[0][0], off[0][2]), (centre[9][0], centre[9][1]))                        # A -> 9
    conn(8, 1, (off[1][0], off[1][2]), (centre[9][4], centre[9][1] + BH // 2))              # B -> 9
    return items, x0, H


def _conn_geom(x1, y1, x2, y2):
    prst = "straightConnector1" if x1 == x2 or y1 == y2 else "bentConnector2"
    return prst, min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1), x2 < x1, y2 < y1


def bps_098(path: Path, grouped: bool):
    doc = docx.Document()
    landscape(doc)
    ids = Ids(500)
    bps_identity(doc, ["BADAN PUSAT STATISTIK", "PROVINSI BENGKULU", "CHANGE AGENT NETWORK"],
                 [("Nomor SOP", "SOP-098/17000/2025"), ("Tanggal Pembuatan", "2 Januari 2025"),
                  ("Tanggal Revisi", ""), ("Tanggal Efektif", "2 Januari 2025")],
                 ["Kepala BPS Provinsi Bengkulu", "", "", "Win Rizal"],
                 "SOP Penyelenggaraan Kegiatan Sharing Knowledge Antar Pegawai (Serawai) se-BPS Provinsi Bengkulu",
                 widths=(8000, 1900, 4300))
    idt = doc.tables[0]
    lab = idt.cell(1, 1)                       # the label wraps in the PDF: "Tanggal" / "Pembuatan"
    lab.paragraphs[0].runs[0].text = "Tanggal"
    lab.add_paragraph().add_run("Pembuatan").font.size = Pt(8)
    bps_detail(doc, [
        (("DASAR HUKUM :", [f"{i}. {x}" for i, x in enumerate(BPS_DASAR_HUKUM_10, 1)]),
         ("KUALIFIKASI PELAKSANA :", [
             "1. Koordinator memiliki kemampuan koordinasi kegiatan pembelajaran internal, mampu merancang agenda, "
             "dan memastikan kesinambungan kegiatan berbagi pengetahuan antarpegawai",
             "2. Narasumber memiliki kompetensi dan pengalaman sesuai topik yang dibagikan, mampu menyampaikan materi "
             "secara jelas dan menarik, serta terbuka terhadap diskusi dan tanya jawab.",
             "3. Moderator / MC memiliki kemampuan komunikasi publik, mampu mengatur alur acara dengan baik, serta "
             "menciptakan suasana interaktif dan kondusif selama kegiatan berlangsung.",
             "4. Peserta aktif berpartisipasi dalam diskusi, berbagi pengalaman atau ide, serta berkomitmen menerapkan "
             "hasil pembelajaran dalam pekerjaan sehari-hari."])),
        (("KETERKAITAN", []), ("PERALATAN/ PERLENGKAPAN", ["1. PC/Laptop", "2. Jaringan/Internet", "3. Portal Pintar",
                                                          "4. Aplikasi Perkantoran"])),
        (("PERINGATAN", ["- Jika prosedur tidak di ikuti, maka kualitas penyelenggaraan tidak efektif"]),
         ("PENCATATAN DAN PENDATAAN", ["Disimpan sebagai data elektronik dan manual"])),
    ], heading_rows=False, widths=(8000, 6200))
    doc.add_page_break()
    ncol = 2 + 3 + 4
    pt = doc.add_table(rows=2 + len(S098_STEPS), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3500] + S098_COLW + [1700, 1000, 1700, 2300])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "NO.", bold=True, size=7)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "AKTIVITAS", bold=True, size=7)
    put(pt.cell(0, 2).merge(pt.cell(0, 4)), "PELAKSANA", bold=True, size=7)
    put(pt.cell(0, 5).merge(pt.cell(0, 7)), "MUTU BAKU", bold=True, size=7)
    put(vmerge([pt.cell(0, 8), pt.cell(1, 8)]), "KETERANGAN", bold=True, size=7)
    for i, h in enumerate(S098_ACTORS + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True, size=7)
    items, x0, H = _s098_drawing()
    for k, (no, ur, _c, _p, kel, waktu, out, ket) in enumerate(S098_STEPS):
        row_height(pt.rows[2 + k], H)
        for c, v in ((0, str(no)), (1, ur), (5, kel), (6, waktu), (7, out), (8, ket)):
            put(pt.cell(2 + k, c), v, size=7)
    if not grouped:
        for it in items:
            kind, row, col = it[:3]
            cx0, cy0 = x0[col], row * H          # the anchor cell's origin
            par = pt.cell(2 + row, 2 + col).paragraphs[0]._p
            if kind in ("shape", "label"):
                _k, _r, _c, prst, x, y, w, h, text = it
                par.append(shape_run(ids, prst, x - cx0, y - cy0, w, h, alt=True, text=text))
            else:
                prst, x, y, w, h, fh, fv = _conn_geom(*it[3:])
                par.append(shape_run(ids, prst, x - cx0, y - cy0, w, h, connector=True, flip_h=fh, flip_v=fv))
    else:
        kids = []
        minx = min(min(it[4], it[3] if it[0] == "conn" else it[4]) for it in items)
        for it in items:
            if it[0] in ("shape", "label"):
                _k, _r, _c, prst, x, y, w, h, text = it
                wsp = _wsp(prst, w * TW, h * TW, text=text, textbox=it[0] == "label")
            else:
                prst, x, y, w, h, fh, fv = _conn_geom(*it[3:])
                wsp = _wsp(prst, w * TW, h * TW, connector=True, flip_h=fh, flip_v=fv)
            did = ids()
            # child position: replace the zero offset written by _wsp
            wsp = wsp.replace('<a:off x="0" y="0"/>', f'<a:off x="{x * TW}" y="{y * TW}"/>', 1)
            wsp = wsp.replace("<wps:wsp>", f'<wps:wsp><wps:cNvPr id="{did}" name="Bentuk {did}"/>', 1)
            kids.append(wsp)
        maxx = max(it[4] + it[6] if it[0] != "conn" else max(it[3], it[5]) for it in items)
        maxy = max(it[5] + it[7] if it[0] != "conn" else max(it[4], it[6]) for it in items)
        gx, gy = min(0, minx), 0
        gw, gh = maxx - gx, maxy - gy
        did = ids()
        grp = (f'<w:r {NSDECL} xmlns:wpg="{WPG}"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
               f'simplePos="0" relativeHeight="251660000" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
               f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{gx * TW}'
               f'</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
               f'</wp:positionV><wp:extent cx="{gw * TW}" cy="{gh * TW}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
               f'<wp:wrapNone/><wp:docPr id="{did}" name="Grup {did}"/><wp:cNvGraphicFramePr/>'
               f'<a:graphic><a:graphicData uri="{WPG}"><wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr>'
               f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{gw * TW}" cy="{gh * TW}"/>'
               f'<a:chOff x="{gx * TW}" y="{gy * TW}"/><a:chExt cx="{gw * TW}" cy="{gh * TW}"/></a:xfrm>'
               f'</wpg:grpSpPr>{"".join(kids)}</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
        pt.cell(2, 2).paragraphs[0]._p.append(parse_xml(grp))
    doc.save(path)


# --------------------------------------------------------------------------------------
# 15. python-docx, careless structure: dd/mm/yyyy and ISO dates, "Disahkan Oleh :" label and
#     the signing block together in ONE merged cell, a ONE-row procedure header (actor names
#     directly between "Kegiatan" and "Kelengkapan", no "Pelaksana"/"Mutu Baku" row), the
#     header row and column-number row copied again in the middle of the table (as users do
#     after a page break), branch notes "Jika tidak sesuai, kembali ke no. 1", "Ya: lanjut ke kegiatan 4,
#     Tidak: kembali ke kegiatan 1", "Tidak → kegiatan 4" (Dinkes Kota Bengkulu, SIPB)
# --------------------------------------------------------------------------------------

SIPB_ACTORS = ["Pemohon", "Petugas Loket", "Verifikator", "Kepala Dinas"]
SIPB_STEPS = [
    (1, "Mengajukan permohonan SIPB melalui loket dengan persyaratan lengkap", 0,
     "STR, ijazah, surat keterangan sehat, rekomendasi IBI", "10 menit", "Berkas permohonan", ""),
    (2, "Memeriksa kelengkapan persyaratan", 1, "Berkas permohonan", "15 menit", "Berkas lengkap",
     "Jika tidak sesuai, kembali ke no. 1"),
    (3, "Memverifikasi keabsahan dokumen dan tempat praktik", 2, "Berkas lengkap", "2 (dua) hari kerja",
     "Berita acara verifikasi", "Ya: lanjut ke kegiatan 4, Tidak: kembali ke kegiatan 1"),
    (4, "Membuat draf SIPB", 1, "Berita acara verifikasi", "1 jam", "Draf SIPB", ""),
    (5, "Memeriksa draf SIPB, sudah benar?", 2, "Draf SIPB", "30 menit", "Draf SIPB diparaf", "Tidak → kegiatan 4"),
    (6, "Menandatangani SIPB", 3, "Draf SIPB diparaf", "1 hari kerja", "SIPB", ""),
    (7, "Mencatat dalam buku register dan menyerahkan SIPB", 1, "SIPB", "15 menit", "SIPB tercatat", ""),
    (8, "Menerima SIPB", 0, "SIPB", "5 menit", "SIPB diterima", ""),
]


def careless_sipb(path: Path):
    doc = docx.Document()
    landscape(doc)
    idt = doc.add_table(rows=6, cols=3)
    borders(idt)
    set_widths(idt, [5500, 2600, 5400])
    put(vmerge([idt.cell(i, 0) for i in range(6)]), ["PEMERINTAH KOTA BENGKULU", "DINAS KESEHATAN"], bold=True)
    for i, (lab, val) in enumerate((("Nomor SOP", "440/ 211 /DINKES/2024"), ("Tgl. Pembuatan", "13/05/2024"),
                                    ("Tgl. Revisi", "-"), ("Tgl. Efektif", "2024-06-01"))):
        put(idt.cell(i, 1), lab)
        put(idt.cell(i, 2), val)
    sign = idt.cell(4, 1).merge(idt.cell(4, 2))   # label and signing block in one cell
    put(sign, ["Disahkan Oleh :", "KEPALA DINAS KESEHATAN", "KOTA BENGKULU", "", "", "dr. JOHN SITORUS, M.Kes",
               "Pembina Utama Muda (IV/c)", "NIP. 19700101 199803 1 010"], underline_line=5)
    put(idt.cell(5, 1), "Nama SOP")
    put(idt.cell(5, 2), "Penerbitan Surat Izin Praktik Bidan (SIPB)", bold=True)
    doc.add_paragraph()
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    put(det.cell(0, 0), ["Dasar Hukum :", "1. Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
                         "2. Peraturan Menteri Kesehatan Nomor 28 Tahun 2017 tentang Izin dan Penyelenggaraan "
                         "Praktik Bidan"])
    put(det.cell(0, 1), ["Kualifikasi Pelaksana :", "1. Memahami ketentuan perizinan tenaga kesehatan",
                         "2. Mampu mengoperasikan komputer"])
    put(det.cell(1, 0), ["Keterkaitan :", "1. SOP Verifikasi Tempat Praktik"])
    put(det.cell(1, 1), ["Peralatan/Perlengkapan :", "1. Komputer", "2. Printer", "3. Buku register SIPB"])
    put(det.cell(2, 0), ["Peringatan :", "Praktik tanpa SIPB dikenai sanksi administratif"])
    put(det.cell(2, 1), ["Pencatatan dan Pendataan :", "1. Buku register SIPB"])
    doc.add_page_break()
    heads = ["No", "Kegiatan"] + SIPB_ACTORS + ["Kelengkapan", "Waktu", "Output", "Keterangan"]
    ncol = len(heads)
    nrows = 2 + 4 + 2 + 4
    pt = doc.add_table(rows=nrows, cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3800] + [1300] * 4 + [1800, 1100, 1500, 2100])

    def header_rows(r):
        for c, h in enumerate(heads):
            put(pt.cell(r, c), h, bold=True)
            put(pt.cell(r + 1, c), str(c + 1))

    header_rows(0)
    r = 2
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(SIPB_STEPS):
        if k == 4:                        # header copied by hand after the page break
            header_rows(r)
            r += 2
        for c, v in ((0, f"{no}."), (1, ur), (2 + act, "√"), (6, kel), (7, waktu), (8, out), (9, ket)):
            put(pt.cell(r, c), v)
        r += 1
    doc.save(path)


# --------------------------------------------------------------------------------------
# 16. Drawn flowchart whose decisions are labelled with the equivalent pairs
#     "Lengkap"/"Tidak Lengkap" and "Setuju"/"Tidak Setuju" (domain.md §5), back-edges drawn
#     upwards (flipV connectors), no branch note anywhere (DPMPTSP Kab. Kudus, izin reklame)
# --------------------------------------------------------------------------------------

REK_ACTORS = ["Pemohon", "Front Office", "Tim Teknis", "Kepala DPMPTSP"]
REK_COLW = [1300, 1300, 1300, 1400]
REK_STEPS = [
    (1, "Mengajukan permohonan izin reklame beserta persyaratan", 0, "flowChartTerminator",
     "Formulir, KTP, NIB, desain reklame", "10 menit", "Berkas permohonan"),
    (2, "Memeriksa kelengkapan berkas permohonan", 1, "flowChartDecision", "Berkas permohonan", "15 menit",
     "Berkas lengkap"),
    (3, "Meregistrasi permohonan dan menjadwalkan survei lokasi", 1, "flowChartProcess", "Berkas lengkap",
     "30 menit", "Jadwal survei"),
    (4, "Melakukan survei lokasi dan menyusun berita acara", 2, "flowChartProcess", "Jadwal survei",
     "2 hari kerja", "Berita acara survei"),
    (5, "Menelaah berita acara dan draf izin", 3, "flowChartDecision", "Berita acara survei, draf izin",
     "1 hari kerja", "Draf izin disetujui"),
    (6, "Menandatangani izin reklame", 3, "flowChartProcess", "Draf izin disetujui", "1 hari kerja",
     "Izin reklame"),
    (7, "Menyerahkan izin reklame kepada pemohon", 1, "flowChartProcess", "Izin reklame", "15 menit",
     "Tanda terima"),
    (8, "Menerima izin reklame", 0, "flowChartTerminator", "Tanda terima", "5 menit", "Izin diterima"),
]


def drawn_reklame(path: Path):
    doc = docx.Document()
    landscape(doc)
    ids = Ids(700)
    idt = doc.add_table(rows=6, cols=4)
    borders(idt)
    set_widths(idt, [5000, 2600, 300, 5600])
    put(vmerge([idt.cell(i, 0) for i in range(6)]),
        ["PEMERINTAH KABUPATEN KUDUS", "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"], bold=True)
    rows = [("Nomor SOP", ["503/27/DPMPTSP/2023"]), ("Tanggal Pembuatan", ["8 Mei 2023"]),
            ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["2 Juni 2023"]),
            ("Disahkan oleh", ["KEPALA DPMPTSP KABUPATEN KUDUS", "", "", "Drs. REVLISIANTO SUBEKTI, M.M.",
                               "Pembina Utama Muda", "NIP. 19680612 199003 1 006"]),
            ("Nama SOP", ["Penerbitan Izin Penyelenggaraan Reklame"])]
    for i, (lab, val) in enumerate(rows):
        put(idt.cell(i, 1), lab)
        put(idt.cell(i, 2), ":")
        put(idt.cell(i, 3), val, underline_line=3 if lab == "Disahkan oleh" else None)
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    put(det.cell(0, 0), ["Dasar Hukum :", "1. Peraturan Daerah Kabupaten Kudus Nomor 5 Tahun 2021 tentang "
                                          "Penyelenggaraan Reklame", "2. Peraturan Bupati Kudus Nomor 20 Tahun 2022 "
                                                                     "tentang Pendelegasian Perizinan"])
    put(det.cell(0, 1), ["Kualifikasi Pelaksana :", "1. Memahami regulasi perizinan reklame"])
    put(det.cell(1, 0), ["Keterkaitan :", "1. SOP Pembayaran Pajak Reklame"])
    put(det.cell(1, 1), ["Peralatan/Perlengkapan :", "1. Komputer", "2. Kamera", "3. Meteran"])
    put(det.cell(2, 0), ["Peringatan :", "Reklame tanpa izin akan dibongkar"])
    put(det.cell(2, 1), ["Pencatatan dan Pendataan :", "1. Buku register izin reklame"])
    doc.add_page_break()
    ncol = 2 + 4 + 4
    pt = doc.add_table(rows=2 + len(REK_STEPS), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3600] + REK_COLW + [1700, 1000, 1600, 1300])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True, size=8)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True, size=8)
    put(pt.cell(0, 2).merge(pt.cell(0, 5)), "Pelaksana", bold=True, size=8)
    put(pt.cell(0, 6).merge(pt.cell(0, 8)), "Mutu Baku", bold=True, size=8)
    put(vmerge([pt.cell(0, 9), pt.cell(1, 9)]), "Keterangan", bold=True, size=8)
    for i, h in enumerate(REK_ACTORS + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True, size=8)
    H = 1000
    x0 = [sum(REK_COLW[:i]) for i in range(4)]
    geo = {}
    for k, (no, ur, col, prst, kel, waktu, out) in enumerate(REK_STEPS):
        row_height(pt.rows[2 + k], H)
        for c, v in ((0, str(no)), (1, ur), (6, kel), (7, waktu), (8, out)):
            put(pt.cell(2 + k, c), v, size=8)
        w, h, y = (760, 480, 100) if prst == "flowChartDecision" else (800, 360, 150)
        x = (REK_COLW[col] - w) // 2
        pt.cell(2 + k, 2 + col).paragraphs[0]._p.append(shape_run(ids, prst, x, y, w, h, alt=True))
        ax = x0[col] + x
        geo[no] = dict(row=k, col=col, cx=ax + w // 2, top=k * H + y, bot=k * H + y + h, left=ax, right=ax + w,
                       mid=k * H + y + h // 2)

    def conn(src, a, b, label=None, label_at=None):
        g = geo[src]
        prst, x, y, w, h, fh, fv = _conn_geom(*a, *b)
        ox, oy = x0[g["col"]], g["row"] * H
        par = pt.cell(2 + g["row"], 2 + g["col"]).paragraphs[0]._p
        par.append(shape_run(ids, prst, x - ox, y - oy, w, h, alt=True, connector=True, flip_h=fh, flip_v=fv))
        if label:
            lx, ly = label_at
            par.append(shape_run(ids, "rect", lx - ox, ly - oy, 1000, 200, alt=True, text=label))

    def down(a, b):
        conn(a, (geo[a]["cx"], geo[a]["bot"]), (geo[b]["cx"], geo[b]["top"]))

    down(1, 2)
    conn(2, (geo[2]["cx"], geo[2]["bot"]), (geo[3]["cx"], geo[3]["top"]), "Lengkap",
         (geo[2]["cx"] + 60, geo[2]["bot"]))
    conn(2, (geo[2]["left"], geo[2]["mid"]), (geo[1]["cx"], geo[1]["bot"]), "Tidak Lengkap",
         (geo[2]["left"] - 1020, geo[2]["mid"] - 220))
    down(3, 4)
    down(4, 5)
    conn(5, (geo[5]["cx"], geo[5]["bot"]), (geo[6]["cx"], geo[6]["top"]), "Setuju",
         (geo[5]["cx"] + 60, geo[5]["bot"]))
    conn(5, (geo[5]["left"], geo[5]["mid"]), (geo[4]["cx"], geo[4]["bot"]), "Tidak Setuju",
         (geo[5]["left"] - 1020, geo[5]["mid"] - 220))
    down(6, 7)
    down(7, 8)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 17. python-docx: a logo PICTURE in its own merged column left of the institution column,
#     "No SOP" / "Tgl Pengesahan" labels, a weekday in a date, the detail section as heading
#     paragraphs without colons followed by "a."/"•" items, and a Word 2003 style flowchart:
#     ONE VML group (v:group with coordsize) anchored in step 1's first actor cell holding
#     v:shape t116/t109/t110 and v:line arrows (Dinas Perpustakaan dan Kearsipan Prov. Jambi)
# --------------------------------------------------------------------------------------

def tiny_png(size=16) -> bytes:
    import struct
    import zlib
    raw = b"".join(b"\x00" + bytes([(x * 13 + y * 7) % 256 for x in range(size) for _ in (0, 1, 2)])
                   for y in range(size))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


ARSIP_ACTORS = ["Unit Pengolah", "Arsiparis", "Kepala Dinas"]
ARSIP_STEPS = [
    (1, "Mengajukan usul pemindahan arsip inaktif", 0, "116", "Daftar usul pemindahan", "15 menit",
     "Surat usul pemindahan", ""),
    (2, "Menilai kelayakan arsip yang akan dipindahkan", 1, "110", "Surat usul pemindahan", "1 hari kerja",
     "Hasil penilaian", "Tidak: kembali ke kegiatan 1"),
    (3, "Menyusun daftar arsip yang dipindahkan", 1, "109", "Hasil penilaian", "2 hari kerja", "Daftar arsip", ""),
    (4, "Menandatangani berita acara pemindahan", 2, "109", "Daftar arsip, draf berita acara", "30 menit",
     "Berita acara pemindahan", ""),
    (5, "Menata arsip di depo arsip inaktif", 1, "109", "Berita acara pemindahan", "1 hari kerja",
     "Arsip tertata", ""),
    (6, "Menerima salinan berita acara dan daftar arsip", 0, "116", "Salinan berita acara", "10 menit",
     "Salinan diterima", ""),
]


def careless_arsip_vml_group(path: Path):
    import io
    doc = docx.Document()
    landscape(doc)
    idt = doc.add_table(rows=6, cols=4)
    borders(idt)
    set_widths(idt, [1500, 4500, 2600, 5000])
    logo = vmerge([idt.cell(i, 0) for i in range(6)])
    logo.paragraphs[0].add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(1.5))
    put(vmerge([idt.cell(i, 1) for i in range(6)]), ["PEMERINTAH PROVINSI JAMBI", "DINAS PERPUSTAKAAN DAN KEARSIPAN"],
        bold=True)
    rows = [("No SOP", ["045/19/DPK/2024"]), ("Tgl Pembuatan", ["Senin, 4 Maret 2024"]), ("Tgl Revisi", ["-"]),
            ("Tgl Pengesahan", ["18 Maret 2024"]),
            ("Disahkan oleh", ["KEPALA DINAS PERPUSTAKAAN DAN KEARSIPAN PROVINSI JAMBI", "", "",
                               "Drs. ASWAN ZAHARI, M.Pd", "Pembina Utama Muda", "NIP. 19710204 199603 1 002"]),
            ("Nama SOP", ["Pemindahan Arsip Inaktif"])]
    for i, (lab, val) in enumerate(rows):
        put(idt.cell(i, 2), lab)
        put(idt.cell(i, 3), val, underline_line=3 if lab == "Disahkan oleh" else None)
    doc.add_paragraph()
    for head, items in (("DASAR HUKUM", ["a. Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
                                         "b. Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Pelaksanaan "
                                         "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
                                         "c. Peraturan Daerah Provinsi Jambi Nomor 4 Tahun 2019 tentang "
                                         "Penyelenggaraan Kearsipan"]),
                        ("KUALIFIKASI PELAKSANA", ["• Memahami tata kelola arsip inaktif",
                                                   "• Mampu mengoperasikan aplikasi SRIKANDI"]),
                        ("KETERKAITAN", ["SOP Penyusutan Arsip"]),
                        ("PERALATAN/PERLENGKAPAN", ["Boks arsip, folder, troli arsip"]),
                        ("PERINGATAN", ["Arsip yang tidak dipindahkan memenuhi ruang kerja unit pengolah"]),
                        ("PENCATATAN DAN PENDATAAN", ["Daftar arsip inaktif yang dipindahkan"])):
        doc.add_paragraph().add_run(head).bold = True
        for it in items:
            doc.add_paragraph(it)
    doc.add_page_break()
    ncol = 2 + 3 + 4
    pt = doc.add_table(rows=2 + len(ARSIP_STEPS), cols=ncol)
    borders(pt)
    CW, H = 1500, 1000
    set_widths(pt, [500, 3800] + [CW] * 3 + [1800, 1100, 1700, 1900])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 4)), "Pelaksana", bold=True)
    put(pt.cell(0, 5).merge(pt.cell(0, 7)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 8), pt.cell(1, 8)]), "Keterangan", bold=True)
    for i, h in enumerate(ARSIP_ACTORS + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    kids, centres = [], {}
    for k, (no, ur, col, kind, kel, waktu, out, ket) in enumerate(ARSIP_STEPS):
        row_height(pt.rows[2 + k], H)
        for c, v in ((0, str(no)), (1, ur), (5, kel), (6, waktu), (7, out), (8, ket)):
            put(pt.cell(2 + k, c), v)
        w, h = (900, 500) if kind == "110" else (1000, 380)
        x, y = col * CW + (CW - w) // 2, k * H + 150
        centres[no] = (x + w // 2, y, y + h)
        kids.append(f'<v:shape id="_x0000_s{1100 + no}" type="#_x0000_t{kind}" '
                    f'style="position:absolute;left:{x};top:{y};width:{w};height:{h}"/>')
    for a in range(1, len(ARSIP_STEPS)):
        (x1, _t, b1), (x2, t2, _b) = centres[a], centres[a + 1]
        kids.append(f'<v:line id="_x0000_s{1200 + a}" style="position:absolute" from="{x1},{b1}" to="{x2},{t2}">'
                    f'<v:stroke endarrow="block"/></v:line>')
    W, HH = 3 * CW, len(ARSIP_STEPS) * H
    types = "".join(VML_SHAPETYPES[t] for t in ("109", "110", "116"))
    grp = (f'<w:r {NSDECL}><w:pict>{types}<v:group id="_x0000_s1100" '
           f'style="position:absolute;margin-left:-5.4pt;margin-top:0;width:{W / 20}pt;height:{HH / 20}pt;'
           f'z-index:251659264" coordorigin="0,0" coordsize="{W},{HH}">{"".join(kids)}</v:group></w:pict></w:r>')
    pt.cell(2, 2).paragraphs[0]._p.append(parse_xml(grp))
    doc.save(path)


# --------------------------------------------------------------------------------------
# 18. python-docx "buku SOP": cover, DAFTAR ISI as a real TOC complex field (field codes
#     TOC / PAGEREF must never be read as text; the results are), then three SOPs each
#     under a Heading 1 chapter title, one after the other with page breaks
#     (Kecamatan Sukolilo, Kabupaten Pati)
# --------------------------------------------------------------------------------------

def _complex_field_runs(instr, result_xml):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {escape(instr)} '
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{result_xml}'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def toc_paragraphs(doc, entries):
    """A TOC field spanning several paragraphs: begin+instr+separate in the first, end in the last."""
    for i, (title, page, anchor) in enumerate(entries):
        inner = (f'<w:hyperlink w:anchor="{anchor}" w:history="1"><w:r><w:t>{escape(title)}</w:t></w:r>'
                 f'<w:r><w:tab/></w:r>'
                 + _complex_field_runs(f"PAGEREF {anchor} \\h", f"<w:r><w:t>{page}</w:t></w:r>")
                 + "</w:hyperlink>")
        head = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                'TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                if i == 0 else "")
        tail = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(entries) - 1 else ""
        doc.element.body.append(parse_xml(
            f'<w:p {NSDECL}><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="13000"/></w:tabs></w:pPr>'
            f'{head}{inner}{tail}</w:p>'))
    # python-docx appends after sectPr: move the section properties back to the end
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    body.remove(sect)
    body.append(sect)


def standard_sop(doc, instansi, ident, details, actors, steps):
    """Identity (logo | label | : | value), detail (2x3), procedure with ticks."""
    n = len(ident)
    idt = doc.add_table(rows=n, cols=4)
    borders(idt)
    set_widths(idt, [4500, 2600, 300, 6100])
    put(vmerge([idt.cell(i, 0) for i in range(n)]), instansi, bold=True)
    for i, (lab, val) in enumerate(ident):
        put(idt.cell(i, 1), lab)
        put(idt.cell(i, 2), ":")
        put(idt.cell(i, 3), val, underline_line=3 if lab.lower().startswith("disahkan") else None)
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    for k, (head, items) in enumerate(details):
        put(det.cell(k // 2, k % 2), [head] + items)
    doc.add_paragraph()
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 4000] + [1200] * len(actors) + [1700, 1000, 1600, 1800])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 1 + len(actors))), "Pelaksana", bold=True)
    m0 = 2 + len(actors)
    put(pt.cell(0, m0).merge(pt.cell(0, m0 + 2)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, ncol - 1), pt.cell(1, ncol - 1)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps):
        for c, v in ((0, str(no)), (1, ur), (2 + act, "√"), (m0, kel), (m0 + 1, waktu), (m0 + 2, out),
                     (ncol - 1, ket)):
            put(pt.cell(2 + k, c), v)


SUKOLILO = ["PEMERINTAH KABUPATEN PATI", "KECAMATAN SUKOLILO"]
CAMAT = ["CAMAT SUKOLILO", "", "", "Drs. MUSLIHAN, M.Si", "Pembina", "NIP. 19690817 199003 1 005"]


def _details(dh, kp, kt, pp, pr, pc):
    return [("Dasar Hukum:", dh), ("Kualifikasi Pelaksana:", kp), ("Keterkaitan:", kt),
            ("Peralatan/Perlengkapan:", pp), ("Peringatan:", pr), ("Pencatatan dan Pendataan:", pc)]


def buku_toc(path: Path):
    doc = docx.Document()
    landscape(doc)
    for line in ("BUKU SOP ADMINISTRASI PEMERINTAHAN", "KECAMATAN SUKOLILO", "KABUPATEN PATI", "TAHUN 2023"):
        p = doc.add_paragraph()
        p.alignment = 1
        p.add_run(line).bold = True
    doc.add_page_break()
    doc.add_paragraph().add_run("DAFTAR ISI").bold = True
    titles = ["SOP Pelayanan Surat Keterangan Usaha", "SOP Legalisasi Surat Pernyataan Ahli Waris",
              "SOP Rekomendasi Dispensasi Nikah"]
    toc_paragraphs(doc, [(t, 3 + 2 * i, f"_Toc14{i}") for i, t in enumerate(titles)])
    common_dh = ["1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                 "2. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"]
    sops = [
        (["Nomor SOP", "503/01/SKL/2023"], "6 Februari 2023", "Pelayanan Surat Keterangan Usaha",
         ["Pemohon", "Petugas PATEN", "Kasi Ekbang", "Camat"],
         [(1, "Menyerahkan surat pengantar desa dan fotokopi KTP", 0, "Pengantar desa, KTP", "5 menit",
           "Berkas permohonan", ""),
          (2, "Memeriksa berkas dan mengetik surat keterangan usaha", 1, "Berkas permohonan", "15 menit",
           "Draf surat", ""),
          (3, "Memaraf draf surat keterangan usaha", 2, "Draf surat", "10 menit", "Draf berparaf", ""),
          (4, "Menandatangani surat keterangan usaha", 3, "Draf berparaf", "10 menit", "Surat ditandatangani", ""),
          (5, "Menerima surat keterangan usaha", 0, "Surat ditandatangani", "5 menit", "Surat diterima", "")]),
        (["Nomor SOP", "474/02/SKL/2023"], "6 Februari 2023", "Legalisasi Surat Pernyataan Ahli Waris",
         ["Pemohon", "Petugas PATEN", "Kasi Pemerintahan", "Sekcam", "Camat"],
         [(1, "Menyerahkan surat pernyataan ahli waris yang diketahui kepala desa", 0,
           "Surat pernyataan, KTP ahli waris, akta kematian", "5 menit", "Berkas permohonan", ""),
          (2, "Mencatat dalam buku register", 1, "Berkas permohonan", "5 menit", "Berkas teregister", ""),
          (3, "Meneliti keabsahan surat pernyataan, sah?", 2, "Berkas teregister", "30 menit", "Berkas diteliti",
           "Tidak: kembali ke kegiatan 1"),
          (4, "Memaraf surat pernyataan", 3, "Berkas diteliti", "10 menit", "Berkas berparaf", ""),
          (5, "Menandatangani legalisasi", 4, "Berkas berparaf", "10 menit", "Legalisasi ditandatangani", ""),
          (6, "Menerima surat pernyataan yang telah dilegalisasi", 0, "Legalisasi ditandatangani", "5 menit",
           "Surat diterima", "")]),
        (["Nomor SOP", "474.2/03/SKL/2023"], "13 Februari 2023", "Rekomendasi Dispensasi Nikah",
         ["Pemohon", "Petugas PATEN", "Camat"],
         [(1, "Menyerahkan permohonan rekomendasi dispensasi nikah", 0, "Pengantar desa, N1-N4, KTP", "5 menit",
           "Berkas permohonan", ""),
          (2, "Memeriksa berkas dan mengetik rekomendasi", 1, "Berkas permohonan", "15 menit", "Draf rekomendasi",
           ""),
          (3, "Menandatangani rekomendasi", 2, "Draf rekomendasi", "10 menit", "Rekomendasi", ""),
          (4, "Menerima rekomendasi dispensasi nikah", 0, "Rekomendasi", "5 menit", "Rekomendasi diterima", "")]),
    ]
    for (nlab, nval), tgl, nama, actors, steps in sops:
        doc.add_page_break()
        doc.add_paragraph("SOP " + nama, style="Heading 1")
        standard_sop(doc, SUKOLILO,
                     [(nlab, [nval]), ("Tanggal Pembuatan", [tgl]), ("Tanggal Revisi", ["-"]),
                      ("Tanggal Efektif", ["1 Maret 2023"]), ("Disahkan oleh", CAMAT), ("Nama SOP", [nama])],
                     _details(common_dh, ["1. Memahami tugas pelayanan PATEN"], ["-"], ["1. Komputer", "2. Printer"],
                              ["Berkas tidak lengkap tidak dapat diproses"], ["1. Buku register"]),
                     actors, steps)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 19. Word "Insert > Symbol" ticks: w:sym Symbol F0D6 (√), w:sym Wingdings F0FC (✓), a run
#     "ü" in the Wingdings font (shows as ✓) and "P" in Wingdings 2 (✓); detail boxes as a
#     label | value table (heading in the left cell, items in the right cell)
#     (Kelurahan Tegalsari, Surabaya: surat keterangan belum menikah)
# --------------------------------------------------------------------------------------

def _sym_tick(cell, kind):
    p = cell.paragraphs[0]
    if kind == "sym-symbol":
        p._p.append(parse_xml(f'<w:r {NSDECL}><w:sym w:font="Symbol" w:char="F0D6"/></w:r>'))
    elif kind == "sym-wingdings":
        p._p.append(parse_xml(f'<w:r {NSDECL}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'))
    elif kind == "font-wingdings":
        p._p.append(parse_xml(f'<w:r {NSDECL}><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
                              f'<w:t>ü</w:t></w:r>'))
    elif kind == "font-wingdings2":
        p._p.append(parse_xml(f'<w:r {NSDECL}><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/>'
                              f'</w:rPr><w:t>P</w:t></w:r>'))


def symbol_ticks_tegalsari(path: Path):
    doc = docx.Document()
    landscape(doc)
    idt = doc.add_table(rows=6, cols=3)
    borders(idt)
    set_widths(idt, [5000, 2800, 5700])
    put(vmerge([idt.cell(i, 0) for i in range(6)]),
        ["PEMERINTAH KOTA SURABAYA", "KECAMATAN TEGALSARI", "KELURAHAN TEGALSARI"], bold=True)
    for i, (lab, val) in enumerate((("Nomor SOP", ["474/15/436.9.1.3/2022"]), ("Tanggal Pembuatan", ["3 Januari 2022"]),
                                    ("Tanggal Revisi", ["10 Januari 2023"]), ("Tanggal Efektif", ["16 Januari 2023"]),
                                    ("Disahkan oleh", ["LURAH TEGALSARI", "", "", "RISKA DAMAYANTI, S.STP, M.M",
                                                       "Penata Tk. I", "NIP. 19880712 201001 2 003"]),
                                    ("Nama SOP", ["Pelayanan Surat Keterangan Belum Menikah"]))):
        put(idt.cell(i, 1), lab)
        put(idt.cell(i, 2), val, underline_line=3 if lab == "Disahkan oleh" else None)
    doc.add_paragraph()
    det = doc.add_table(rows=6, cols=2)
    borders(det)
    set_widths(det, [3500, 10000])
    for r, (head, items) in enumerate((
            ("Dasar Hukum", ["1. Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan",
                             "2. Peraturan Wali Kota Surabaya Nomor 28 Tahun 2021 tentang Pelayanan Kelurahan"]),
            ("Kualifikasi Pelaksana", ["1. Memahami administrasi kependudukan", "2. Mampu mengoperasikan komputer"]),
            ("Keterkaitan", ["1. SOP Pelayanan Surat Pengantar"]),
            ("Peralatan/Perlengkapan", ["1. Komputer", "2. Printer", "3. Aplikasi Klampid"]),
            ("Peringatan", ["Data yang tidak benar menjadi tanggung jawab pemohon"]),
            ("Pencatatan dan Pendataan", ["1. Buku register surat keterangan"]))):
        put(det.cell(r, 0), head, bold=True)
        put(det.cell(r, 1), items)
    doc.add_paragraph()
    actors = ["Pemohon", "Petugas Pelayanan", "Kasi Pemerintahan", "Lurah"]
    steps = [
        (1, "Mengajukan permohonan melalui aplikasi dengan melampirkan persyaratan", 0, "sym-symbol",
         "KTP, KK, surat pengantar RT/RW", "5 menit", "Permohonan terkirim"),
        (2, "Memverifikasi data permohonan", 1, "sym-wingdings", "Permohonan", "15 menit", "Data terverifikasi"),
        (3, "Memaraf draf surat keterangan", 2, "font-wingdings", "Draf surat", "10 menit", "Draf berparaf"),
        (4, "Menandatangani surat keterangan secara elektronik", 3, "font-wingdings2", "Draf berparaf", "10 menit",
         "Surat keterangan"),
        (5, "Mengunduh surat keterangan belum menikah", 0, "sym-symbol", "Surat keterangan", "5 menit",
         "Surat diterima"),
    ]
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 4000] + [1300] * 4 + [1700, 1000, 1500, 1500])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 5)), "Pelaksana", bold=True)
    put(pt.cell(0, 6).merge(pt.cell(0, 8)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 9), pt.cell(1, 9)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, act, tick, kel, waktu, out) in enumerate(steps):
        put(pt.cell(2 + k, 0), str(no))
        put(pt.cell(2 + k, 1), ur)
        _sym_tick(pt.cell(2 + k, 2 + act), tick)
        put(pt.cell(2 + k, 6), kel)
        put(pt.cell(2 + k, 7), waktu)
        put(pt.cell(2 + k, 8), out)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 20. Basic shapes instead of flowchart presets (CONVENTIONS: roundRect = terminator, rect =
#     process, diamond = decision, homePlate = off-page link, ellipse = not standard) in
#     DrawingML, and the VML basic elements v:roundrect / v:rect / v:shape t4 (diamond) /
#     v:oval in a second SOP of the same file (Dinas Sosial Kabupaten Sleman)
# --------------------------------------------------------------------------------------

def _vml_basic_run(kind, sid, x, y, w, h):
    style = f"position:absolute;margin-left:{x}pt;margin-top:{y}pt;width:{w}pt;height:{h}pt;z-index:{sid}"
    if kind == "roundrect":
        el = f'<v:roundrect id="_x0000_s{3000 + sid}" style="{style}" arcsize="10923f"/>'
    elif kind == "rect":
        el = f'<v:rect id="_x0000_s{3000 + sid}" style="{style}"/>'
    elif kind == "oval":
        el = f'<v:oval id="_x0000_s{3000 + sid}" style="{style}"/>'
    else:  # diamond: v:shape of type t4 with its shapetype
        el = ('<v:shapetype id="_x0000_t4" coordsize="21600,21600" o:spt="4" path="m10800,l,10800,10800,21600,'
              '21600,10800xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect" '
              'textboxrect="5400,5400,16200,16200"/></v:shapetype>'
              f'<v:shape id="_x0000_s{3000 + sid}" type="#_x0000_t4" style="{style}"/>')
    return parse_xml(f'<w:r {NSDECL}><w:pict>{el}</w:pict></w:r>')


def basic_shapes_dinsos(path: Path):
    doc = docx.Document()
    landscape(doc)
    ids = Ids(900)
    actors = ["Pemohon", "Petugas Dinsos", "Kepala Bidang", "Kepala Dinas"]
    sops = [
        ("460/101/DINSOS/2023", "Penerbitan Rekomendasi Bantuan Sosial", "drawingml", [
            (1, "Mengajukan permohonan rekomendasi bantuan sosial", 0, "roundRect", ""),
            (2, "Memeriksa kelengkapan dan kesesuaian data DTKS, sesuai?", 1, "diamond",
             "Tidak: kembali ke kegiatan 1"),
            (3, "Melakukan kunjungan rumah dan menyusun laporan", 1, "ellipse", ""),
            (4, "Memaraf draf rekomendasi", 2, "rect", ""),
            (5, "Menandatangani rekomendasi", 3, "rect", ""),
            (6, "Menerima rekomendasi", 0, "roundRect", "")]),
        ("460/102/DINSOS/2023", "Penerbitan Surat Keterangan Terdaftar DTKS", "vml", [
            (1, "Mengajukan permohonan surat keterangan terdaftar DTKS", 0, "roundrect", ""),
            (2, "Memeriksa data pada aplikasi SIKS-NG, terdaftar?", 1, "diamond", "Tidak: kembali ke kegiatan 1"),
            (3, "Mencetak surat keterangan", 1, "rect", ""),
            (4, "Menandatangani surat keterangan", 2, "oval", ""),
            (5, "Menerima surat keterangan", 0, "roundrect", "")]),
    ]
    for s_i, (nomor, nama, engine, steps) in enumerate(sops):
        if s_i:
            doc.add_page_break()
        standard_ident = [("Nomor SOP", [nomor]), ("Tanggal Pembuatan", ["4 September 2023"]),
                          ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["2 Oktober 2023"]),
                          ("Disahkan oleh", ["KEPALA DINAS SOSIAL KABUPATEN SLEMAN", "", "",
                                             "Drs. EKO SUPARGIYANTO, M.M.", "Pembina Utama Muda",
                                             "NIP. 19670707 199303 1 009"]),
                          ("Nama SOP", [nama])]
        n = len(standard_ident)
        idt = doc.add_table(rows=n, cols=4)
        borders(idt)
        set_widths(idt, [4500, 2600, 300, 6100])
        put(vmerge([idt.cell(i, 0) for i in range(n)]), ["PEMERINTAH KABUPATEN SLEMAN", "DINAS SOSIAL"], bold=True)
        for i, (lab, val) in enumerate(standard_ident):
            put(idt.cell(i, 1), lab)
            put(idt.cell(i, 2), ":")
            put(idt.cell(i, 3), val, underline_line=3 if lab == "Disahkan oleh" else None)
        det = doc.add_table(rows=3, cols=2)
        borders(det)
        set_widths(det, [6750, 6750])
        for k, (head, items) in enumerate(_details(
                ["1. Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial"],
                ["1. Memahami data terpadu kesejahteraan sosial"], ["1. SOP Verifikasi dan Validasi DTKS"],
                ["1. Komputer", "2. Aplikasi SIKS-NG"], ["Data yang tidak valid menghambat penyaluran bantuan"],
                ["1. Buku register"])):
            put(det.cell(k // 2, k % 2), [head] + items)
        doc.add_paragraph()
        ncol = 2 + len(actors) + 4
        pt = doc.add_table(rows=2 + len(steps), cols=ncol)
        borders(pt)
        set_widths(pt, [500, 4000] + [1300] * 4 + [1700, 1000, 1500, 1500])
        put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
        put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
        put(pt.cell(0, 2).merge(pt.cell(0, 5)), "Pelaksana", bold=True)
        put(pt.cell(0, 6).merge(pt.cell(0, 8)), "Mutu Baku", bold=True)
        put(vmerge([pt.cell(0, 9), pt.cell(1, 9)]), "Keterangan", bold=True)
        for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
            put(pt.cell(1, 2 + i), h, bold=True)
        for k, (no, ur, act, shape, ket) in enumerate(steps):
            row_height(pt.rows[2 + k], 900)
            put(pt.cell(2 + k, 0), str(no))
            put(pt.cell(2 + k, 1), ur)
            par = pt.cell(2 + k, 2 + act).paragraphs[0]._p
            if engine == "drawingml":
                w, h = (800, 500) if shape == "diamond" else (900, 380)
                par.append(shape_run(ids, shape, 200, 150, w, h, alt=False))
            else:
                w, h = (40, 25) if shape == "diamond" else (45, 19)
                par.append(_vml_basic_run(shape, k + 10 * s_i, 10, 7, w, h))
            put(pt.cell(2 + k, 6), "Berkas")
            put(pt.cell(2 + k, 7), "10 menit")
            put(pt.cell(2 + k, 8), "Hasil kegiatan " + str(no))
            put(pt.cell(2 + k, 9), ket)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 21. A minimal package written by a "web application" generator (no styles, settings or
#     numbering parts; raw XML): tables WITHOUT w:tblGrid, the two header rows merged with
#     the legacy w:hMerge instead of gridSpan, step rows ending early with w:gridAfter (no
#     Keterangan cell), the signing block as ONE paragraph with w:br line breaks, dates
#     wrapped in w:smartTag, the Nama SOP value in w:customXml, bookmarks and proofErr
#     between runs, words split over runs (Badan Kesbangpol Kota Medan, izin penelitian)
# --------------------------------------------------------------------------------------

def _wr(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _wp(inner):
    return f"<w:p>{inner}</w:p>"


def _wtc(inner_pars, extra_pr=""):
    pars = "".join(_wp(x) for x in inner_pars) if inner_pars else "<w:p/>"
    return f"<w:tc><w:tcPr>{extra_pr}</w:tcPr>{pars}</w:tc>"


def web_generator_kesbangpol(path: Path):
    import zipfile
    border = ('<w:tblBorders>' + "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                         for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
              + '</w:tblBorders>')
    tblpr = f'<w:tblPr><w:tblW w:w="5000" w:type="pct"/>{border}</w:tblPr>'
    body = []
    # identity table: 3 columns, no tblGrid
    signer = ("<w:r><w:t>KEPALA BADAN KESATUAN BANGSA DAN POLITIK</w:t><w:br/><w:t>KOTA MEDAN</w:t><w:br/><w:br/>"
              "<w:br/></w:r><w:r><w:rPr><w:b/><w:u w:val=\"single\"/></w:rPr><w:t>Drs. ZAIN NOOR, M.AP</w:t></w:r>"
              "<w:r><w:br/><w:t>Pembina Utama Muda</w:t><w:br/><w:t>NIP. 19690711 199003 1 004</w:t></w:r>")
    date = ('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">'
            '<w:smartTagPr><w:attr w:name="Year" w:val="2023"/></w:smartTagPr>{}</w:smartTag>')
    id_rows = [
        ("Nomor SOP", _wr("070/") + '<w:bookmarkStart w:id="0" w:name="nomor"/>' + _wr("0415") +
         '<w:bookmarkEnd w:id="0"/>' + _wr("/KESBANGPOL/2023")),
        ("Tanggal Pembuatan", date.format(_wr("17 Juli ") + _wr("2023"))),
        ("Tanggal Revisi", _wr("-")),
        ("Tanggal Efektif", date.format(_wr("1 Agustus 2023"))),
        ("Disahkan oleh", signer),
        ("Nama SOP", '<w:customXml w:element="judul">' + _wr("Pelayanan Rekomendasi Izin ") +
         '<w:proofErr w:type="spellStart"/>' + _wr("Pene") + _wr("litian") + '<w:proofErr w:type="spellEnd"/>'
         + "</w:customXml>"),
    ]
    rows = []
    for i, (lab, val_xml) in enumerate(id_rows):
        first = (_wtc([_wr("PEMERINTAH KOTA MEDAN", True), _wr("BADAN KESATUAN BANGSA DAN POLITIK", True)],
                      '<w:vMerge w:val="restart"/>') if i == 0 else _wtc([], "<w:vMerge/>"))
        rows.append(f"<w:tr>{first}{_wtc([_wr(lab)])}{_wtc([val_xml])}</w:tr>")
    body.append(f"<w:tbl>{tblpr}{''.join(rows)}</w:tbl>")
    body.append("<w:p/>")
    det = [
        (["Dasar Hukum:", "1. Undang-Undang Nomor 18 Tahun 2002 tentang Sistem Nasional Ilmu Pengetahuan",
          "2. Peraturan Menteri Dalam Negeri Nomor 7 Tahun 2014 tentang Penerbitan Surat Keterangan Penelitian"],
         ["Kualifikasi Pelaksana:", "1. Memahami ketentuan rekomendasi penelitian"]),
        (["Keterkaitan:", "1. SOP Pelayanan Surat Keterangan Terdaftar Ormas"],
         ["Peralatan/Perlengkapan:", "1. Komputer", "2. Printer"]),
        (["Peringatan:", "Penelitian tanpa rekomendasi dapat dihentikan"],
         ["Pencatatan dan Pendataan:", "1. Buku register rekomendasi penelitian"]),
    ]
    drows = "".join(f"<w:tr>{_wtc([_wr(x) for x in a])}{_wtc([_wr(x) for x in b])}</w:tr>" for a, b in det)
    body.append(f"<w:tbl>{tblpr}{drows}</w:tbl>")
    body.append(_wp(_wr("URAIAN PROSEDUR", True)))
    actors = ["Pemohon", "Petugas Front Office", "Kabid Ideologi", "Kepala Badan"]
    steps = [
        (1, "Mengajukan permohonan rekomendasi penelitian dengan surat pengantar perguruan tinggi", 0,
         "Surat pengantar, proposal, KTP", "10 menit", "Berkas permohonan", ""),
        (2, "Memeriksa kelengkapan berkas, lengkap?", 1, "Berkas permohonan", "15 menit", "Berkas lengkap",
         "Tidak: kembali ke kegiatan 1"),
        (3, "Mengetik draf rekomendasi penelitian", 1, "Berkas lengkap", "30 menit", "Draf rekomendasi", None),
        (4, "Memeriksa dan memaraf draf rekomendasi", 2, "Draf rekomendasi", "30 menit", "Draf berparaf", None),
        (5, "Menandatangani rekomendasi penelitian", 3, "Draf berparaf", "1 hari kerja", "Rekomendasi", None),
        (6, "Menerima rekomendasi penelitian", 0, "Rekomendasi", "5 menit", "Rekomendasi diterima", ""),
    ]
    hm_r, hm_c = '<w:hMerge w:val="restart"/>', '<w:hMerge w:val="continue"/>'
    vm_r, vm_c = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    h1 = (_wtc([_wr("No", True)], vm_r) + _wtc([_wr("Kegiatan", True)], vm_r)
          + _wtc([_wr("Pelaksana", True)], hm_r) + _wtc([], hm_c) * 3
          + _wtc([_wr("Mutu Baku", True)], hm_r) + _wtc([], hm_c) * 2 + _wtc([_wr("Keterangan", True)], vm_r))
    h2 = (_wtc([], vm_c) * 2 + "".join(_wtc([_wr(a, True)]) for a in actors)
          + "".join(_wtc([_wr(h, True)]) for h in ("Kelengkapan", "Waktu", "Output")) + _wtc([], vm_c))
    prow = [f"<w:tr>{h1}</w:tr>", f"<w:tr>{h2}</w:tr>"]
    for no, ur, act, kel, waktu, out, ket in steps:
        cells = _wtc([_wr(str(no))]) + _wtc([_wr(ur[:9]) + _wr(ur[9:])])
        cells += "".join(_wtc([_wr("√")] if i == act else []) for i in range(len(actors)))
        cells += _wtc([_wr(kel)]) + _wtc([_wr(waktu)]) + _wtc([_wr(out)])
        if ket is None:       # the generator leaves the last cell out and says so in trPr
            prow.append(f'<w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>{cells}</w:tr>')
        else:
            prow.append(f"<w:tr>{cells}{_wtc([_wr(ket)] if ket else [])}</w:tr>")
    body.append(f"<w:tbl>{tblpr}{''.join(prow)}</w:tbl>")
    body.append('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
                '<w:pgMar w:top="851" w:right="851" w:bottom="851" w:left="851" w:header="0" w:footer="0" w:gutter="0"/>'
                "</w:sectPr>")
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{NS["w"]}"><w:body>{"".join(body)}</w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)


# --------------------------------------------------------------------------------------
# 22. Two sections: a portrait first section (identity + detail) and a landscape section for
#     the procedure whose page HEADER repeats "Nama SOP" / "Nomor SOP" in a small table (as
#     many OPDs print on every procedure page); the first section has a different first-page
#     header (titlePg) with the institution (Bappeda Kabupaten Sleman, musrenbang kecamatan)
# --------------------------------------------------------------------------------------

def sections_musrenbang(path: Path):
    from docx.enum.section import WD_SECTION
    doc = docx.Document()
    s1 = doc.sections[0]
    s1.different_first_page_header_footer = True
    s1.first_page_header.paragraphs[0].add_run("PEMERINTAH KABUPATEN SLEMAN").bold = True
    s1.first_page_header.add_paragraph().add_run("BADAN PERENCANAAN PEMBANGUNAN DAERAH").bold = True
    t = doc.add_paragraph()
    t.alignment = 1
    t.add_run("STANDAR OPERASIONAL PROSEDUR").bold = True
    ident = [("Nomor SOP", ["050/12/BAPPEDA/2024"]), ("Tanggal Pembuatan", ["5 Januari 2024"]),
             ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["15 Januari 2024"]),
             ("Disahkan oleh", ["KEPALA BAPPEDA KABUPATEN SLEMAN", "", "", "Ir. HARDO KISWOYO, M.T.",
                                "Pembina Utama Muda", "NIP. 19700303 199503 1 004"]),
             ("Nama SOP", ["Fasilitasi Musyawarah Perencanaan Pembangunan Kecamatan"])]
    idt = doc.add_table(rows=len(ident), cols=3)
    borders(idt)
    set_widths(idt, [2800, 300, 6400])
    for i, (lab, val) in enumerate(ident):
        put(idt.cell(i, 0), lab)
        put(idt.cell(i, 1), ":")
        put(idt.cell(i, 2), val, underline_line=3 if lab == "Disahkan oleh" else None)
    doc.add_paragraph()
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [4750, 4750])
    for k, (head, items) in enumerate(_details(
            ["1. Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
             "2. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan Pembangunan Daerah"],
            ["1. Memahami perencanaan pembangunan daerah", "2. Mampu memfasilitasi forum musyawarah"],
            ["1. SOP Penyusunan RKPD"], ["1. Laptop", "2. LCD proyektor", "3. Aplikasi SIPD"],
            ["Usulan yang tidak dibahas dalam musrenbang tidak masuk RKPD"], ["1. Berita acara musrenbang"])):
        put(det.cell(k // 2, k % 2), [head] + items)
    s2 = doc.add_section(WD_SECTION.NEW_PAGE)
    s2.orientation = WD_ORIENT.LANDSCAPE
    s2.page_width, s2.page_height = Cm(29.7), Cm(21.0)
    s2.different_first_page_header_footer = False
    s2.header.is_linked_to_previous = False
    ht = s2.header.add_table(rows=2, cols=2, width=Cm(20))
    borders(ht)
    put(ht.cell(0, 0), "Nama SOP")
    put(ht.cell(0, 1), "Fasilitasi Musyawarah Perencanaan Pembangunan Kecamatan")
    put(ht.cell(1, 0), "Nomor SOP")
    put(ht.cell(1, 1), "050/12/BAPPEDA/2024")
    actors = ["Camat", "Bidang Perencanaan Bappeda", "Kepala Bappeda"]
    steps = [
        (1, "Menyampaikan jadwal dan usulan kegiatan musrenbang kecamatan", 0, "Surat undangan, daftar usulan desa",
         "1 hari kerja", "Jadwal musrenbang", ""),
        (2, "Memverifikasi usulan kegiatan pada aplikasi SIPD, sesuai?", 1, "Daftar usulan desa", "2 hari kerja",
         "Usulan terverifikasi", "Tidak: kembali ke kegiatan 1"),
        (3, "Memfasilitasi pelaksanaan musrenbang kecamatan", 1, "Usulan terverifikasi", "1 hari kerja",
         "Berita acara musrenbang", ""),
        (4, "Menetapkan rekapitulasi usulan prioritas kecamatan", 2, "Berita acara musrenbang", "1 hari kerja",
         "Rekapitulasi usulan", ""),
        (5, "Menerima rekapitulasi usulan prioritas", 0, "Rekapitulasi usulan", "30 menit", "Rekapitulasi diterima",
         ""),
    ]
    ncol = 2 + len(actors) + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 4200] + [1600] * 3 + [1800, 1100, 1700, 1900])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 4)), "Pelaksana", bold=True)
    put(pt.cell(0, 5).merge(pt.cell(0, 7)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 8), pt.cell(1, 8)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps):
        for c, v in ((0, str(no)), (1, ur), (2 + act, "√"), (5, kel), (6, waktu), (7, out), (8, ket)):
            put(pt.cell(2 + k, c), v)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 23. Two FLOATING tables side by side (w:tblpPr): a one-cell institution table on the left
#     and the identity label table on the right; the signer signs "a.n. BUPATI ... /
#     SEKRETARIS DAERAH" (atas nama); ISO-ish extra rows "Revisi ke-" and "Unit Kerja"
#     (Setda Kabupaten Bantul, Bagian Organisasi: evaluasi SOP perangkat daerah)
# --------------------------------------------------------------------------------------

def _float(table, x_tw, y_tw):
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblpPr {NSDECL} w:leftFromText="180" w:rightFromText="180" w:vertAnchor="text" '
        f'w:horzAnchor="margin" w:tblpX="{x_tw}" w:tblpY="{y_tw}"/>'))
    table._tbl.tblPr.append(parse_xml(f'<w:tblOverlap {NSDECL} w:val="never"/>'))


def floating_bantul(path: Path):
    doc = docx.Document()
    landscape(doc)
    left = doc.add_table(rows=1, cols=1)
    borders(left)
    set_widths(left, [5200])
    put(left.cell(0, 0), ["PEMERINTAH KABUPATEN BANTUL", "SEKRETARIAT DAERAH", "BAGIAN ORGANISASI"], bold=True)
    _float(left, 0, 0)
    ident = [("Nomor SOP", ["061/08/ORG/2024"]), ("Revisi ke-", ["1"]), ("Tanggal Pembuatan", ["12 Agustus 2023"]),
             ("Tanggal Revisi", ["5 Februari 2024"]), ("Tanggal Efektif", ["1 Maret 2024"]),
             ("Unit Kerja", ["Bagian Organisasi"]),
             ("Disahkan oleh", ["a.n. BUPATI BANTUL", "SEKRETARIS DAERAH", "", "", "Drs. AGUS BUDIRAHARJA, M.Si",
                                "Pembina Utama Madya", "NIP. 19670811 199303 1 006"]),
             ("Nama SOP", ["Evaluasi Standar Operasional Prosedur Perangkat Daerah"])]
    right = doc.add_table(rows=len(ident), cols=3)
    borders(right)
    set_widths(right, [2600, 300, 5400])
    for i, (lab, val) in enumerate(ident):
        put(right.cell(i, 0), lab)
        put(right.cell(i, 1), ":")
        put(right.cell(i, 2), val, underline_line=4 if lab == "Disahkan oleh" else None)
    _float(right, 5600, 0)
    doc.add_paragraph()
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    for k, (head, items) in enumerate(_details(
            ["1. Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur di "
             "Lingkungan Pemerintah Provinsi dan Kabupaten/Kota",
             "2. Peraturan Menteri PAN dan RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP Administrasi "
             "Pemerintahan", "3. Peraturan Bupati Bantul Nomor 9 Tahun 2021 tentang SOP Perangkat Daerah"],
            ["1. Memahami pedoman penyusunan SOP AP"], ["1. SOP Penyusunan SOP Perangkat Daerah"],
            ["1. Komputer", "2. Instrumen evaluasi SOP"], ["SOP yang tidak dievaluasi tidak mengikuti perubahan tugas"],
            ["1. Laporan evaluasi SOP"])):
        put(det.cell(k // 2, k % 2), [head] + items)
    doc.add_paragraph()
    actors = ["Perangkat Daerah", "Analis Organisasi", "Kepala Bagian Organisasi"]
    steps = [
        (1, "Menyampaikan daftar SOP yang akan dievaluasi", 0, "Daftar SOP", "1 hari kerja", "Surat pengantar", ""),
        (2, "Menilai SOP dengan instrumen evaluasi, sesuai standar?", 1, "Dokumen SOP", "3 hari kerja",
         "Hasil penilaian", "Tidak: kembali ke kegiatan 1"),
        (3, "Menyusun laporan hasil evaluasi SOP", 1, "Hasil penilaian", "2 hari kerja", "Draf laporan", ""),
        (4, "Menyetujui laporan hasil evaluasi", 2, "Draf laporan", "1 hari kerja", "Laporan evaluasi", ""),
        (5, "Menerima laporan hasil evaluasi SOP", 0, "Laporan evaluasi", "30 menit", "Laporan diterima", ""),
    ]
    standard_proc = doc.add_table(rows=2 + len(steps), cols=2 + 3 + 4)
    pt = standard_proc
    borders(pt)
    set_widths(pt, [500, 4300] + [1500] * 3 + [1800, 1100, 1700, 1900])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 4)), "Pelaksana", bold=True)
    put(pt.cell(0, 5).merge(pt.cell(0, 7)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 8), pt.cell(1, 8)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps):
        for c, v in ((0, str(no)), (1, ur), (2 + act, "√"), (5, kel), (6, waktu), (7, out), (8, ket)):
            put(pt.cell(2 + k, c), v)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 24. Narrative procedure ("langkah-langkah") with typed numbers and TABS, lettered sub-items
#     under step 1 (not steps), a branch written into the step ("apabila tidak lengkap, berkas
#     dikembalikan ke langkah 1"), identity as paragraphs with the value on the NEXT line for
#     "Nama SOP" and "Disahkan oleh" (UPT Pengelolaan Rusunawa, Dinas Perkim Kota Semarang)
# --------------------------------------------------------------------------------------

def narrative_rusunawa(path: Path):
    doc = docx.Document()
    for line in ("PEMERINTAH KOTA SEMARANG", "DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN",
                 "UPT PENGELOLAAN RUMAH SUSUN SEDERHANA SEWA"):
        p = doc.add_paragraph()
        p.alignment = 1
        p.add_run(line).bold = True
    p = doc.add_paragraph()
    p.alignment = 1
    p.add_run("STANDAR OPERASIONAL PROSEDUR").bold = True
    for line in ("Nomor SOP\t: 648/031/UPT-RUSUNAWA/2024", "Tanggal Pembuatan\t: 22 April 2024",
                 "Tanggal Revisi\t: -", "Tanggal Efektif\t: 2 Mei 2024", "Nama SOP\t:"):
        doc.add_paragraph(line)
    doc.add_paragraph("Pelayanan Pendaftaran Calon Penghuni Rusunawa")
    doc.add_paragraph("Disahkan oleh\t:")
    doc.add_paragraph("KEPALA UPT PENGELOLAAN RUMAH SUSUN SEDERHANA SEWA")
    p = doc.add_paragraph()
    r = p.add_run("SUGENG PRIYONO, S.T., M.T.")
    r.bold = r.underline = True
    doc.add_paragraph("Penata Tk. I (III/d)")
    doc.add_paragraph("NIP. 19800214 200604 1 011")
    for head, items in (("Dasar Hukum\t:", ["1.\tUndang-Undang Nomor 20 Tahun 2011 tentang Rumah Susun",
                                             "2.\tPeraturan Wali Kota Semarang Nomor 7 Tahun 2019 tentang "
                                             "Pengelolaan Rusunawa"]),
                        ("Kualifikasi Pelaksana\t:", ["1.\tMemahami ketentuan penghunian rusunawa"]),
                        ("Keterkaitan\t:", ["1.\tSOP Penandatanganan Perjanjian Sewa"]),
                        ("Peralatan/Perlengkapan\t:", ["1.\tKomputer", "2.\tBuku register calon penghuni"]),
                        ("Peringatan\t:", ["Berkas yang tidak lengkap tidak dapat diproses"]),
                        ("Pencatatan dan Pendataan\t:", ["Buku register calon penghuni"])):
        doc.add_paragraph(head)
        for it in items:
            doc.add_paragraph(it)
    doc.add_paragraph().add_run("Langkah-langkah:").bold = True
    for line in ("1.\tPemohon mengisi formulir pendaftaran dan melampirkan:",
                 "a.\tfotokopi KTP dan KK;",
                 "b.\tsurat keterangan belum memiliki rumah dari kelurahan;",
                 "2.\tPetugas Loket memeriksa kelengkapan berkas; apabila tidak lengkap, berkas dikembalikan ke "
                 "langkah 1.",
                 "3.\tKasi Pelayanan memverifikasi data calon penghuni dan memaraf daftar tunggu.",
                 "4.\tKepala UPT menetapkan daftar calon penghuni.",
                 "5.\tPetugas Loket mengumumkan daftar calon penghuni kepada Pemohon."):
        doc.add_paragraph(line)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 25. Procedure table with an empty spacer row between steps and a closing "JUMLAH WAKTU"
#     row (label merged over No..actor columns, the total in the Waktu column, as many OPDs
#     add to compare with the published service time) (Kecamatan Mlati: legalisir KK)
# --------------------------------------------------------------------------------------

def total_row_mlati(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Petugas PATEN", "Sekcam", "Camat"]
    steps = [
        (1, "Menyerahkan fotokopi KK yang akan dilegalisir beserta KK asli", 0, "KK asli dan fotokopi", "5 menit",
         "Berkas legalisir", ""),
        (2, "Mencocokkan fotokopi dengan KK asli dan mencatat di buku register", 1, "Berkas legalisir", "10 menit",
         "Berkas tercatat", ""),
        (3, "Memaraf legalisir", 2, "Berkas tercatat", "10 menit", "Berkas berparaf", ""),
        (4, "Menandatangani legalisir", 3, "Berkas berparaf", "10 menit", "Legalisir ditandatangani", ""),
        (5, "Menerima fotokopi KK yang telah dilegalisir", 0, "Legalisir ditandatangani", "5 menit",
         "Legalisir diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN SLEMAN", "KECAMATAN MLATI"],
                 [("Nomor SOP", ["470/05/MLT/2023"]), ("Tanggal Pembuatan", ["9 Januari 2023"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["1 Februari 2023"]),
                  ("Disahkan oleh", ["CAMAT MLATI", "", "", "WIJAYANTO, S.IP., M.M.", "Pembina",
                                     "NIP. 19751002 199503 1 001"]),
                  ("Nama SOP", ["Pelayanan Legalisir Fotokopi Kartu Keluarga"])],
                 _details(["1. Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan"],
                          ["1. Memahami administrasi kependudukan"], ["1. SOP PATEN"], ["1. Stempel", "2. ATK"],
                          ["Fotokopi yang tidak sesuai aslinya tidak dilegalisir"], ["1. Buku register legalisir"]),
                 actors, steps)
    pt = doc.tables[-1]
    # empty spacer row after step 2 (copy of an empty row inserted before step 3's row)
    import copy
    spacer = copy.deepcopy(pt.rows[3]._tr)
    for t in spacer.iter(qn("w:t")):
        t.text = ""
    pt.rows[4]._tr.addprevious(spacer)
    total = pt.add_row()
    cells = total.cells
    lab = cells[0].merge(cells[1 + len(actors)])
    put(lab, "JUMLAH WAKTU", bold=True)
    put(cells[3 + len(actors)], "40 menit", bold=True)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 26. Full-width rows inside the procedure table: a title row ABOVE the header rows, stage
#     rows "A. TAHAP PERSIAPAN" / "B. TAHAP PELAKSANAAN" between steps (long SOPs written as
#     tahapan berurutan), and a "Catatan:" row at the bottom (BPBD Kabupaten Klaten, kaji
#     cepat bencana)
# --------------------------------------------------------------------------------------

def stage_rows_bpbd(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pusdalops", "Tim Reaksi Cepat", "Kepala Pelaksana BPBD"]
    steps = [
        (1, "Menerima laporan kejadian bencana dari masyarakat", 0, "Laporan kejadian", "10 menit",
         "Laporan tercatat", ""),
        (2, "Menyiapkan personel dan peralatan kaji cepat", 1, "Laporan tercatat", "30 menit", "Tim siap", ""),
        (3, "Berangkat ke lokasi kejadian", 1, "Tim siap", "1 jam", "Tim di lokasi", ""),
        (4, "Melakukan kaji cepat kerusakan dan kebutuhan", 1, "Formulir kaji cepat", "3 jam",
         "Data kaji cepat", ""),
        (5, "Menyusun laporan hasil kaji cepat", 1, "Data kaji cepat", "1 jam", "Laporan kaji cepat", ""),
        (6, "Menetapkan tindak lanjut penanganan darurat", 2, "Laporan kaji cepat", "1 jam",
         "Keputusan tindak lanjut", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN KLATEN", "BADAN PENANGGULANGAN BENCANA DAERAH"],
                 [("Nomor SOP", ["360/07/BPBD/2024"]), ("Tanggal Pembuatan", ["15 Januari 2024"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["1 Februari 2024"]),
                  ("Disahkan oleh", ["KEPALA PELAKSANA BPBD KABUPATEN KLATEN", "", "", "Ir. SYAHRUDIN, M.T.",
                                     "Pembina Tk. I", "NIP. 19710520 199803 1 005"]),
                  ("Nama SOP", ["Kaji Cepat Bencana"])],
                 _details(["1. Undang-Undang Nomor 24 Tahun 2007 tentang Penanggulangan Bencana"],
                          ["1. Terlatih kaji cepat bencana"], ["1. SOP Aktivasi Pos Komando"],
                          ["1. Kendaraan operasional", "2. Formulir kaji cepat", "3. GPS"],
                          ["Keterlambatan kaji cepat menunda bantuan darurat"], ["1. Laporan kaji cepat"]),
                 actors, steps)
    pt = doc.tables[-1]
    ncol = len(pt.columns)

    def full_row_before(tr_index, text):
        row = pt.add_row()
        c = row.cells[0].merge(row.cells[ncol - 1])
        put(c, text, bold=True)
        tr = row._tr
        pt._tbl.remove(tr)
        pt.rows[tr_index]._tr.addprevious(tr)

    # rows now: 0-1 header, 2.. steps 1-6
    full_row_before(4, "B. TAHAP PELAKSANAAN")          # before step 3
    full_row_before(2, "A. TAHAP PERSIAPAN")            # before step 1
    full_row_before(0, "PROSEDUR KAJI CEPAT BENCANA")   # title row above the header
    last = pt.add_row()
    put(last.cells[0].merge(last.cells[ncol - 1]),
        "Catatan: kaji cepat dilakukan paling lambat 6 jam setelah laporan diterima")
    doc.save(path)


# --------------------------------------------------------------------------------------
# 27. A signing block AFTER the procedure table ("Ditetapkan di : ...", "pada tanggal : ...",
#     jabatan, name, NIP), as older SOP documents close like a decree, while the identity
#     table already has its own "Disahkan oleh" (Dinas Perhubungan Kabupaten Boyolali, uji KIR)
# --------------------------------------------------------------------------------------

def closing_signature_dishub(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Petugas Loket", "Penguji Kendaraan", "Kepala UPT PKB"]
    steps = [
        (1, "Mendaftarkan kendaraan untuk uji berkala", 0, "Buku uji, STNK", "10 menit", "Nomor antrean", ""),
        (2, "Memeriksa dokumen dan menerima retribusi", 1, "Buku uji, STNK", "10 menit", "Bukti bayar", ""),
        (3, "Menguji kendaraan bermotor, lulus uji?", 2, "Kendaraan", "30 menit", "Hasil uji",
         "Tidak: kembali ke kegiatan 1"),
        (4, "Mengesahkan hasil uji dan buku uji", 3, "Hasil uji", "10 menit", "Buku uji disahkan", ""),
        (5, "Menerima buku uji dan tanda lulus uji", 0, "Buku uji disahkan", "5 menit", "Tanda uji diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN BOYOLALI", "DINAS PERHUBUNGAN"],
                 [("Nomor SOP", ["551/17/DISHUB/2022"]), ("Tanggal Pembuatan", ["3 Oktober 2022"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["1 November 2022"]),
                  ("Disahkan oleh", ["KEPALA DINAS PERHUBUNGAN KABUPATEN BOYOLALI", "", "",
                                     "Drs. JOKO SUSILO, M.Si", "Pembina Utama Muda", "NIP. 19680505 199203 1 009"]),
                  ("Nama SOP", ["Pelayanan Pengujian Berkala Kendaraan Bermotor"])],
                 _details(["1. Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan",
                           "2. Peraturan Menteri Perhubungan Nomor 19 Tahun 2021 tentang Pengujian Berkala"],
                          ["1. Bersertifikat penguji kendaraan bermotor"], ["1. SOP Pembayaran Retribusi"],
                          ["1. Alat uji emisi", "2. Alat uji rem"], ["Kendaraan tidak laik jalan dilarang beroperasi"],
                          ["1. Buku register uji berkala"]),
                 actors, steps)
    doc.add_paragraph()
    for line in ("Ditetapkan di : Boyolali", "pada tanggal : 1 November 2022", "KEPALA DINAS PERHUBUNGAN",
                 "KABUPATEN BOYOLALI,", "", "", "Drs. JOKO SUSILO, M.Si", "NIP. 19680505 199203 1 009"):
        p = doc.add_paragraph(line)
        p.paragraph_format.left_indent = Cm(17)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 28. An appendix after the procedure: the application FORM the SOP refers to, with letter
#     fields "Nomor : ....", "Lampiran :", "Perihal :", "Tanggal : ....", a data table
#     "Nama / NIK / Alamat" and a signature for the applicant (Kecamatan Depok, Sleman:
#     surat keterangan ahli waris)
# --------------------------------------------------------------------------------------

def appendix_form_depok(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Petugas PATEN", "Kasi Pemerintahan", "Camat"]
    steps = [
        (1, "Mengisi formulir permohonan dan melampirkan persyaratan", 0, "Formulir (lampiran), KTP, KK",
         "10 menit", "Berkas permohonan", ""),
        (2, "Memeriksa kelengkapan berkas, lengkap?", 1, "Berkas permohonan", "10 menit", "Berkas lengkap",
         "Tidak: kembali ke kegiatan 1"),
        (3, "Memverifikasi dan memaraf draf surat keterangan", 2, "Berkas lengkap", "30 menit", "Draf berparaf", ""),
        (4, "Menandatangani surat keterangan ahli waris", 3, "Draf berparaf", "15 menit", "Surat keterangan", ""),
        (5, "Menerima surat keterangan ahli waris", 0, "Surat keterangan", "5 menit", "Surat diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN SLEMAN", "KECAMATAN DEPOK"],
                 [("Nomor SOP", ["474.3/09/DPK/2023"]), ("Tanggal Pembuatan", ["6 Maret 2023"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["3 April 2023"]),
                  ("Disahkan oleh", ["CAMAT DEPOK", "", "", "Drs. RAHMAT HIDAYAT, M.M.", "Pembina Tk. I",
                                     "NIP. 19720909 199303 1 007"]),
                  ("Nama SOP", ["Pelayanan Surat Keterangan Ahli Waris"])],
                 _details(["1. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"],
                          ["1. Memahami hukum waris dan administrasi kependudukan"], ["1. SOP PATEN"],
                          ["1. Komputer", "2. Printer"], ["Keterangan palsu menjadi tanggung jawab pemohon"],
                          ["1. Buku register surat keterangan"]),
                 actors, steps)
    doc.add_page_break()
    for line in ("Lampiran", "FORMULIR PERMOHONAN SURAT KETERANGAN AHLI WARIS", "",
                 "Nomor\t: ..................", "Lampiran\t: 1 (satu) berkas", "Perihal\t: Permohonan Surat Keterangan "
                 "Ahli Waris", "", "Yth. Camat Depok", "di Sleman", "", "Yang bertanda tangan di bawah ini:"):
        doc.add_paragraph(line)
    ft = doc.add_table(rows=3, cols=3)
    for r, lab in enumerate(("Nama", "NIK", "Alamat")):
        put(ft.cell(r, 0), lab)
        put(ft.cell(r, 1), ":")
        put(ft.cell(r, 2), "....................................")
    for line in ("mengajukan permohonan surat keterangan ahli waris.", "Tanggal\t: ..................",
                 "Hormat kami,", "Pemohon", "", "(................................)"):
        doc.add_paragraph(line)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 29. The SOP printed as an attachment of a decree: a right-aligned "LAMPIRAN KEPUTUSAN ...
#     NOMOR : ... TANGGAL : ... TENTANG ..." block ABOVE the identity table, whose NOMOR and
#     TANGGAL are the decree's, not the SOP's (Dinas Koperasi dan UKM Kabupaten Bantul)
# --------------------------------------------------------------------------------------

def decree_attachment_diskop(path: Path):
    doc = docx.Document()
    landscape(doc)
    for line in ("LAMPIRAN KEPUTUSAN KEPALA DINAS KOPERASI DAN UKM", "KABUPATEN BANTUL",
                 "NOMOR\t: 518/125/KEP/2023", "TANGGAL\t: 3 Juli 2023",
                 "TENTANG STANDAR OPERASIONAL PROSEDUR DI LINGKUNGAN DINAS KOPERASI DAN UKM"):
        p = doc.add_paragraph(line)
        p.paragraph_format.left_indent = Cm(15)
    actors = ["Pengurus Koperasi", "Petugas Pelayanan", "Kabid Kelembagaan", "Kepala Dinas"]
    steps = [
        (1, "Mengajukan permohonan pengesahan perubahan anggaran dasar koperasi", 0,
         "Berita acara RAT, akta perubahan", "15 menit", "Berkas permohonan", ""),
        (2, "Memeriksa kelengkapan berkas, lengkap?", 1, "Berkas permohonan", "30 menit", "Berkas lengkap",
         "Tidak: kembali ke kegiatan 1"),
        (3, "Menelaah substansi perubahan anggaran dasar", 2, "Berkas lengkap", "3 hari kerja", "Hasil telaah", ""),
        (4, "Menandatangani surat pengesahan", 3, "Hasil telaah, draf surat", "1 hari kerja", "Surat pengesahan", ""),
        (5, "Menerima surat pengesahan", 0, "Surat pengesahan", "10 menit", "Surat diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN BANTUL", "DINAS KOPERASI DAN UKM"],
                 [("Nomor SOP", ["518/07/DISKOP/2023"]), ("Tanggal Pembuatan", ["12 Juni 2023"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["3 Juli 2023"]),
                  ("Disahkan oleh", ["KEPALA DINAS KOPERASI DAN UKM KABUPATEN BANTUL", "", "",
                                     "Drs. AGUS SULISTIYANTA, M.M.", "Pembina Utama Muda",
                                     "NIP. 19690404 199503 1 003"]),
                  ("Nama SOP", ["Pengesahan Perubahan Anggaran Dasar Koperasi"])],
                 _details(["1. Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian",
                           "2. Peraturan Menteri Koperasi dan UKM Nomor 9 Tahun 2018 tentang Penyelenggaraan dan "
                           "Pembinaan Perkoperasian"],
                          ["1. Memahami regulasi perkoperasian"], ["1. SOP Pembinaan Koperasi"],
                          ["1. Komputer", "2. Printer"], ["Perubahan tanpa pengesahan tidak berlaku"],
                          ["1. Buku register pengesahan"]),
                 actors, steps)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 30. A revision-history table after the procedure ("RIWAYAT PERUBAHAN": No | Tanggal |
#     Uraian Perubahan | Paraf) - it has a No column and an "Uraian" column but is not a
#     procedure (Dinas Lingkungan Hidup Kota Magelang, izin pembuangan air limbah)
# --------------------------------------------------------------------------------------

def revision_history_dlh(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Petugas Perizinan", "Tim Teknis", "Kepala Dinas"]
    steps = [
        (1, "Mengajukan permohonan izin pembuangan air limbah", 0, "Formulir, dokumen lingkungan", "15 menit",
         "Berkas permohonan", ""),
        (2, "Memeriksa kelengkapan berkas, lengkap?", 1, "Berkas permohonan", "30 menit", "Berkas lengkap",
         "Tidak: kembali ke kegiatan 1"),
        (3, "Melakukan verifikasi lapangan dan uji baku mutu", 2, "Berkas lengkap", "5 hari kerja", "Berita acara",
         ""),
        (4, "Menandatangani izin pembuangan air limbah", 3, "Berita acara, draf izin", "1 hari kerja", "Izin", ""),
        (5, "Menerima izin pembuangan air limbah", 0, "Izin", "10 menit", "Izin diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KOTA MAGELANG", "DINAS LINGKUNGAN HIDUP"],
                 [("Nomor SOP", ["660/21/DLH/2024"]), ("Tanggal Pembuatan", ["8 Januari 2024"]),
                  ("Tanggal Revisi", ["20 Mei 2024"]), ("Tanggal Efektif", ["3 Juni 2024"]),
                  ("Disahkan oleh", ["KEPALA DINAS LINGKUNGAN HIDUP KOTA MAGELANG", "", "", "Ir. SRI HARSO, M.T.",
                                     "Pembina Utama Muda", "NIP. 19690101 199403 1 008"]),
                  ("Nama SOP", ["Penerbitan Izin Pembuangan Air Limbah"])],
                 _details(["1. Undang-Undang Nomor 32 Tahun 2009 tentang Perlindungan dan Pengelolaan Lingkungan "
                           "Hidup"], ["1. Memahami baku mutu air limbah"], ["1. SOP Uji Laboratorium"],
                          ["1. Alat uji", "2. Kendaraan"], ["Pembuangan tanpa izin dikenai sanksi"],
                          ["1. Buku register izin"]),
                 actors, steps)
    doc.add_paragraph()
    doc.add_paragraph().add_run("RIWAYAT PERUBAHAN").bold = True
    rt = doc.add_table(rows=3, cols=4)
    borders(rt)
    set_widths(rt, [600, 2200, 8000, 1500])
    for c, h in enumerate(("No", "Tanggal", "Uraian Perubahan", "Paraf")):
        put(rt.cell(0, c), h, bold=True)
    put(rt.cell(1, 0), "1")
    put(rt.cell(1, 1), "8 Januari 2024")
    put(rt.cell(1, 2), "Penerbitan pertama")
    put(rt.cell(2, 0), "2")
    put(rt.cell(2, 1), "20 Mei 2024")
    put(rt.cell(2, 2), "Penambahan verifikasi lapangan pada kegiatan 3")
    doc.save(path)


# --------------------------------------------------------------------------------------
# 31. An ISO-style approval table at the END (Dibuat oleh | Diperiksa oleh | Disetujui oleh,
#     each with jabatan, name and NIP) next to a proper identity table that has its own
#     "Disahkan oleh" (Dinas Pendidikan Kabupaten Kulon Progo, mutasi siswa)
# --------------------------------------------------------------------------------------

def iso_approval_disdik(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Orang Tua Siswa", "Operator Sekolah", "Kasi Kurikulum", "Kepala Bidang"]
    steps = [
        (1, "Mengajukan permohonan mutasi siswa dengan surat keterangan pindah dari sekolah asal", 0,
         "Surat pindah, rapor", "15 menit", "Berkas permohonan", ""),
        (2, "Memeriksa data siswa pada Dapodik, sesuai?", 1, "Berkas permohonan", "30 menit", "Data terverifikasi",
         "Tidak: kembali ke kegiatan 1"),
        (3, "Memverifikasi dan memaraf surat rekomendasi mutasi", 2, "Data terverifikasi", "1 hari kerja",
         "Draf berparaf", ""),
        (4, "Menandatangani surat rekomendasi mutasi", 3, "Draf berparaf", "1 hari kerja", "Surat rekomendasi", ""),
        (5, "Menerima surat rekomendasi mutasi", 0, "Surat rekomendasi", "10 menit", "Surat diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN KULON PROGO", "DINAS PENDIDIKAN, PEMUDA DAN OLAHRAGA"],
                 [("Nomor SOP", ["421/30/DIKPORA/2023"]), ("Tanggal Pembuatan", ["2 Oktober 2023"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["1 November 2023"]),
                  ("Disahkan oleh", ["KEPALA DINAS PENDIDIKAN, PEMUDA DAN OLAHRAGA", "", "",
                                     "Drs. NUR HADIYANTO, M.Pd", "Pembina Utama Muda", "NIP. 19660303 199003 1 011"]),
                  ("Nama SOP", ["Pelayanan Rekomendasi Mutasi Siswa"])],
                 _details(["1. Peraturan Menteri Pendidikan dan Kebudayaan Nomor 1 Tahun 2021 tentang PPDB"],
                          ["1. Memahami aplikasi Dapodik"], ["1. SOP PPDB"], ["1. Komputer", "2. Dapodik"],
                          ["Data Dapodik yang tidak sesuai menghambat mutasi"], ["1. Buku register mutasi"]),
                 actors, steps)
    doc.add_paragraph()
    at = doc.add_table(rows=2, cols=3)
    borders(at)
    set_widths(at, [4500, 4500, 4500])
    for c, h in enumerate(("Dibuat oleh", "Diperiksa oleh", "Disetujui oleh")):
        put(at.cell(0, c), h, bold=True)
    put(at.cell(1, 0), ["Kasi Kurikulum SMP", "", "", "SRI LESTARI, S.Pd", "NIP. 19780202 200501 2 004"])
    put(at.cell(1, 1), ["Kepala Bidang Pembinaan SMP", "", "", "Drs. BAMBANG W., M.Pd", "NIP. 19700707 199512 1 002"])
    put(at.cell(1, 2), ["Sekretaris Dinas", "", "", "Dra. ANI RAHMAWATI", "NIP. 19680808 199303 2 006"])
    doc.save(path)


# --------------------------------------------------------------------------------------
# 32. The web-generator document of 21 re-serialised the way XSLT / other XML toolkits do:
#     WordprocessingML as the DEFAULT namespace (no "w:" prefix), plus zero-width spaces and
#     soft hyphens pasted into labels ("Nomor\u200b SOP", "Tang\u00adgal Efektif")
# --------------------------------------------------------------------------------------

def default_namespace_variant(src: Path, path: Path):
    import zipfile

    from lxml import etree
    W = NS["w"]
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    old = etree.fromstring(members["word/document.xml"])

    def copy(el, parent=None):
        nsmap = {None: W, "wx": W} if parent is None else None
        new = etree.Element(el.tag, nsmap=nsmap) if parent is None else etree.SubElement(parent, el.tag)
        for k, v in el.attrib.items():
            new.set(k, v)               # w:val -> wx:val (the prefix bound to the same namespace)
        new.text, new.tail = el.text, el.tail
        for child in el:
            copy(child, new)
        return new

    root = copy(old)
    for t in root.iter(f"{{{W}}}t"):
        if t.text == "Nomor SOP":
            t.text = "Nomor\u200b SOP"
        elif t.text == "Tanggal Efektif":
            t.text = "Tang\u00adgal Efektif"
    members["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in members.items():
            z.writestr(n, data)


# --------------------------------------------------------------------------------------
# 33. A symbol LEGEND table ("KETERANGAN SIMBOL": Simbol | Keterangan, one drawn flowchart
#     shape per row) between the detail boxes and a drawn procedure table - a fixture of many
#     Indonesian SOP books (Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bantul, akta
#     kelahiran)
# --------------------------------------------------------------------------------------

def legend_table_dukcapil(path: Path):
    doc = docx.Document()
    landscape(doc)
    ids = Ids(1200)
    n = 6
    idt = doc.add_table(rows=n, cols=4)
    borders(idt)
    set_widths(idt, [4500, 2600, 300, 6100])
    put(vmerge([idt.cell(i, 0) for i in range(n)]),
        ["PEMERINTAH KABUPATEN BANTUL", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"], bold=True)
    for i, (lab, val) in enumerate((
            ("Nomor SOP", ["474.1/12/DUKCAPIL/2024"]), ("Tanggal Pembuatan", ["8 Januari 2024"]),
            ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["1 Februari 2024"]),
            ("Disahkan oleh", ["KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "", "", "Drs. BAMBANG PURWADI, M.M.",
                               "Pembina Utama Muda", "NIP. 19680901 199403 1 006"]),
            ("Nama SOP", ["Penerbitan Akta Kelahiran"]))):
        put(idt.cell(i, 1), lab)
        put(idt.cell(i, 2), ":")
        put(idt.cell(i, 3), val, underline_line=3 if lab == "Disahkan oleh" else None)
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    for k, (head, items) in enumerate(_details(
            ["1. Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan",
             "2. Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk"],
            ["1. Memahami SIAK"], ["1. SOP Penerbitan KK"], ["1. Komputer", "2. Printer", "3. SIAK"],
            ["Data yang salah menyebabkan akta harus dibetulkan"], ["1. Register akta kelahiran"])):
        put(det.cell(k // 2, k % 2), [head] + items)
    doc.add_paragraph()
    doc.add_paragraph().add_run("KETERANGAN SIMBOL:").bold = True
    legend = [("flowChartTerminator", "Mulai / Selesai"), ("flowChartProcess", "Proses / kegiatan"),
              ("flowChartDecision", "Keputusan"), ("straightConnector1", "Arah alur"),
              ("flowChartOffpageConnector", "Penghubung antarhalaman")]
    lt = doc.add_table(rows=1 + len(legend), cols=2)
    borders(lt)
    set_widths(lt, [2000, 5000])
    put(lt.cell(0, 0), "Simbol", bold=True)
    put(lt.cell(0, 1), "Keterangan", bold=True)
    for r, (prst, text) in enumerate(legend, start=1):
        row_height(lt.rows[r], 600)
        conn = prst.endswith("Connector1")
        lt.cell(r, 0).paragraphs[0]._p.append(
            shape_run(ids, prst, 300, 100, 1000 if not conn else 1000, 350 if not conn else 0, alt=True,
                      connector=conn))
        put(lt.cell(r, 1), text)
    doc.add_page_break()
    actors = ["Pemohon", "Petugas Pelayanan", "Kasi Kelahiran", "Kepala Dinas"]
    steps = [
        (1, "Mengajukan permohonan akta kelahiran", 0, "flowChartTerminator"),
        (2, "Memverifikasi berkas permohonan, lengkap?", 1, "flowChartDecision"),
        (3, "Merekam data kelahiran pada SIAK", 1, "flowChartProcess"),
        (4, "Memverifikasi data dan memaraf draf akta", 2, "flowChartProcess"),
        (5, "Menandatangani akta kelahiran secara elektronik", 3, "flowChartProcess"),
        (6, "Menerima akta kelahiran", 0, "flowChartTerminator"),
    ]
    ncol = 2 + 4 + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3800] + [1300] * 4 + [1700, 1000, 1600, 1700])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 5)), "Pelaksana", bold=True)
    put(pt.cell(0, 6).merge(pt.cell(0, 8)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 9), pt.cell(1, 9)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, col, prst) in enumerate(steps):
        row_height(pt.rows[2 + k], 900)
        put(pt.cell(2 + k, 0), str(no))
        put(pt.cell(2 + k, 1), ur)
        w, h, y = (760, 480, 100) if prst == "flowChartDecision" else (800, 360, 150)
        pt.cell(2 + k, 2 + col).paragraphs[0]._p.append(shape_run(ids, prst, 250, y, w, h, alt=True))
        put(pt.cell(2 + k, 6), "Berkas")
        put(pt.cell(2 + k, 7), "15 menit")
        put(pt.cell(2 + k, 8), f"Hasil kegiatan {no}")
        put(pt.cell(2 + k, 9), "Tidak: kembali ke kegiatan 1" if no == 2 else "")
    doc.save(path)


# --------------------------------------------------------------------------------------
# 34. Order swapped: identity, then the procedure, THEN the detail boxes (some templates put
#     Dasar Hukum etc. after the flowchart); a decision whose "Ya" loops back ("Ya: kembali ke
#     kegiatan 2") and one whose "Tidak" leaves to another SOP (no step number) (Inspektorat
#     Kabupaten Gunungkidul, reviu laporan keuangan)
# --------------------------------------------------------------------------------------

def details_after_inspektorat(path: Path):
    doc = docx.Document()
    landscape(doc)
    n = 6
    idt = doc.add_table(rows=n, cols=4)
    borders(idt)
    set_widths(idt, [4500, 2600, 300, 6100])
    put(vmerge([idt.cell(i, 0) for i in range(n)]), ["PEMERINTAH KABUPATEN GUNUNGKIDUL", "INSPEKTORAT DAERAH"],
        bold=True)
    for i, (lab, val) in enumerate((
            ("Nomor SOP", ["700/04/INSP/2024"]), ("Tanggal Pembuatan", ["2 Januari 2024"]), ("Tanggal Revisi", ["-"]),
            ("Tanggal Efektif", ["15 Januari 2024"]),
            ("Disahkan oleh", ["INSPEKTUR DAERAH KABUPATEN GUNUNGKIDUL", "", "", "Drs. SUNARYANTA, M.Si",
                               "Pembina Utama Muda", "NIP. 19670220 199303 1 005"]),
            ("Nama SOP", ["Reviu Laporan Keuangan Pemerintah Daerah"]))):
        put(idt.cell(i, 1), lab)
        put(idt.cell(i, 2), ":")
        put(idt.cell(i, 3), val, underline_line=3 if lab == "Disahkan oleh" else None)
    doc.add_paragraph()
    actors = ["BPKAD", "Auditor", "Pengendali Teknis", "Inspektur"]
    steps = [
        (1, "Menyampaikan draf laporan keuangan untuk direviu", 0, "Draf LKPD", "1 hari kerja", "Surat pengantar", ""),
        (2, "Melakukan reviu atas draf laporan keuangan", 1, "Draf LKPD", "5 hari kerja", "Kertas kerja reviu", ""),
        (3, "Memeriksa kertas kerja reviu, masih ada koreksi?", 2, "Kertas kerja reviu", "1 hari kerja",
         "Kertas kerja diperiksa", "Ya: kembali ke kegiatan 2"),
        (4, "Menandatangani pernyataan telah direviu, ada temuan material?", 3, "Kertas kerja diperiksa",
         "1 hari kerja", "Pernyataan telah direviu", "Tidak: diproses sesuai SOP Penanganan Temuan"),
        (5, "Menerima pernyataan telah direviu", 0, "Pernyataan telah direviu", "30 menit", "Pernyataan diterima",
         ""),
    ]
    ncol = 2 + 4 + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3800] + [1300] * 4 + [1700, 1000, 1600, 2000])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 5)), "Pelaksana", bold=True)
    put(pt.cell(0, 6).merge(pt.cell(0, 8)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 9), pt.cell(1, 9)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps):
        for c, v in ((0, str(no)), (1, ur), (2 + act, "√"), (6, kel), (7, waktu), (8, out), (9, ket)):
            put(pt.cell(2 + k, c), v)
    doc.add_paragraph()
    det = doc.add_table(rows=3, cols=2)
    borders(det)
    set_widths(det, [6750, 6750])
    for k, (head, items) in enumerate(_details(
            ["1. Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
             "2. Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2020 tentang Reviu atas Laporan Keuangan",
             "3. Peraturan Bupati Gunungkidul Nomor 70 Tahun 2021 tentang Inspektorat"],
            ["1. Bersertifikat jabatan fungsional auditor"], ["1. SOP Penanganan Temuan"],
            ["1. Laptop", "2. Aplikasi SIPD"], ["LKPD yang tidak direviu tidak dapat disampaikan ke BPK"],
            ["1. Kertas kerja reviu"])):
        put(det.cell(k // 2, k % 2), [head] + items)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 35. The procedure table split in two by a page break typed inside it: the second table
#     continues steps 5-8 WITHOUT header rows (same column widths), so its actor columns are
#     those of the first table (Satpol PP Kabupaten Sleman, penertiban reklame liar)
# --------------------------------------------------------------------------------------

def headerless_continuation_satpol(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Masyarakat", "Petugas Pengaduan", "Kasi Penertiban", "Kepala Satpol PP"]
    steps = [
        (1, "Menyampaikan pengaduan reklame tanpa izin", 0, "Laporan pengaduan", "10 menit", "Pengaduan", ""),
        (2, "Mencatat pengaduan dan memeriksa data perizinan reklame", 1, "Pengaduan", "30 menit",
         "Hasil pemeriksaan", ""),
        (3, "Menerbitkan surat peringatan kepada pemilik reklame", 2, "Hasil pemeriksaan", "1 hari kerja",
         "Surat peringatan", ""),
        (4, "Memantau tindak lanjut surat peringatan, sudah dibongkar sendiri?", 2, "Surat peringatan",
         "7 hari kerja", "Hasil pemantauan", "Ya: lanjut ke kegiatan 7"),
        (5, "Menandatangani surat perintah penertiban", 3, "Hasil pemantauan", "1 hari kerja", "Surat perintah", ""),
        (6, "Melaksanakan penertiban reklame", 2, "Surat perintah", "1 hari kerja", "Berita acara penertiban", ""),
        (7, "Menyusun laporan penanganan pengaduan", 1, "Berita acara penertiban", "1 hari kerja", "Laporan", ""),
        (8, "Menerima informasi hasil penanganan pengaduan", 0, "Laporan", "10 menit", "Informasi diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN SLEMAN", "SATUAN POLISI PAMONG PRAJA"],
                 [("Nomor SOP", ["300/15/SATPOLPP/2023"]), ("Tanggal Pembuatan", ["4 Desember 2023"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["2 Januari 2024"]),
                  ("Disahkan oleh", ["KEPALA SATUAN POLISI PAMONG PRAJA", "", "", "Drs. SUKIMAN HADI, M.M.",
                                     "Pembina Tk. I", "NIP. 19700808 199403 1 010"]),
                  ("Nama SOP", ["Penertiban Reklame Tanpa Izin"])],
                 _details(["1. Peraturan Daerah Kabupaten Sleman Nomor 5 Tahun 2021 tentang Reklame"],
                          ["1. Memahami perda reklame"], ["1. SOP Penanganan Pengaduan"],
                          ["1. Kendaraan operasional", "2. Peralatan pembongkaran"],
                          ["Reklame liar membahayakan pengguna jalan"], ["1. Register penertiban"]),
                 actors, steps[:4])
    first = doc.tables[-1]
    widths = [gc.get(qn("w:w")) for gc in first._tbl.tblGrid.findall(qn("w:gridCol"))]
    doc.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    ncol = len(widths)
    cont = doc.add_table(rows=len(steps) - 4, cols=ncol)
    borders(cont)
    set_widths(cont, [int(w) for w in widths])
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps[4:]):
        for c, v in ((0, str(no)), (1, ur), (2 + act, "√"), (6, kel), (7, waktu), (8, out), (9, ket)):
            put(cont.cell(k, c), v)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 36. The same SOP saved as a Word TEMPLATE (.dotx: template main content type) and as a
#     MACRO-ENABLED document (.docm: macroEnabled content type) - OPDs keep their SOP
#     "format" as .dotx and some offices save everything as .docm
# --------------------------------------------------------------------------------------

def retyped_package(src: Path, path: Path, content_type: str):
    import zipfile
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    ct = members["[Content_Types].xml"].decode("utf-8")
    ct = ct.replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type)
    members["[Content_Types].xml"] = ct.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in members.items():
            z.writestr(zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


# --------------------------------------------------------------------------------------
# 37. Identity written as a NUMBERED list of the standard's items ("1. Nomor SOP : ...",
#     "2. Tanggal Pembuatan : ...", ... "8. Dasar Hukum :" with its own "a." sub-items), then
#     the procedure table (Dinas Pertanian dan Pangan Kabupaten Kudus, rekomendasi pupuk
#     bersubsidi)
# --------------------------------------------------------------------------------------

def numbered_identity_distan(path: Path):
    doc = docx.Document()
    landscape(doc)
    for line in ("PEMERINTAH KABUPATEN KUDUS", "DINAS PERTANIAN DAN PANGAN"):
        p = doc.add_paragraph()
        p.alignment = 1
        p.add_run(line).bold = True
    p = doc.add_paragraph()
    p.alignment = 1
    p.add_run("STANDAR OPERASIONAL PROSEDUR").bold = True
    for line in ("1.\tNomor SOP\t: 521/19/DISPERTAPA/2024",
                 "2.\tTanggal Pembuatan\t: 5 Februari 2024",
                 "3.\tTanggal Revisi\t: -",
                 "4.\tTanggal Efektif\t: 1 Maret 2024",
                 "5.\tDisahkan oleh\t: KEPALA DINAS PERTANIAN DAN PANGAN KABUPATEN KUDUS",
                 "\t\t  Ir. CATUR SULISTIYANTO, M.Si",
                 "\t\t  Pembina Utama Muda",
                 "\t\t  NIP. 19700212 199503 1 003",
                 "6.\tNama SOP\t: Penerbitan Rekomendasi Alokasi Pupuk Bersubsidi",
                 "7.\tDasar Hukum\t:",
                 "\ta.\tPeraturan Menteri Pertanian Nomor 10 Tahun 2022 tentang Tata Cara Penetapan Alokasi Pupuk "
                 "Bersubsidi",
                 "\tb.\tPeraturan Bupati Kudus Nomor 3 Tahun 2024 tentang Alokasi Pupuk Bersubsidi",
                 "8.\tKualifikasi Pelaksana\t: Memahami sistem e-RDKK",
                 "9.\tKeterkaitan\t: SOP Penyusunan e-RDKK",
                 "10.\tPeralatan/Perlengkapan\t: Komputer, aplikasi e-RDKK",
                 "11.\tPeringatan\t: Alokasi di luar e-RDKK tidak dapat ditebus",
                 "12.\tPencatatan dan Pendataan\t: Rekap alokasi per kecamatan"):
        doc.add_paragraph(line)
    actors = ["Kelompok Tani", "Penyuluh Pertanian", "Kabid Sarana Prasarana", "Kepala Dinas"]
    steps = [
        (1, "Mengajukan usulan kebutuhan pupuk melalui e-RDKK", 0, "Data anggota kelompok", "1 hari kerja",
         "Usulan e-RDKK", ""),
        (2, "Memverifikasi usulan e-RDKK, sesuai luas lahan?", 1, "Usulan e-RDKK", "3 hari kerja",
         "Usulan terverifikasi", "Tidak: kembali ke kegiatan 1"),
        (3, "Merekapitulasi alokasi per kecamatan", 2, "Usulan terverifikasi", "2 hari kerja", "Rekap alokasi", ""),
        (4, "Menandatangani rekomendasi alokasi", 3, "Rekap alokasi", "1 hari kerja", "Rekomendasi", ""),
        (5, "Menerima rekomendasi alokasi pupuk", 0, "Rekomendasi", "30 menit", "Rekomendasi diterima", ""),
    ]
    ncol = 2 + 4 + 4
    pt = doc.add_table(rows=2 + len(steps), cols=ncol)
    borders(pt)
    set_widths(pt, [500, 3800] + [1300] * 4 + [1700, 1100, 1600, 1800])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 5)), "Pelaksana", bold=True)
    put(pt.cell(0, 6).merge(pt.cell(0, 8)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 9), pt.cell(1, 9)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps):
        for c, v in ((0, str(no)), (1, ur), (2 + act, "√"), (6, kel), (7, waktu), (8, out), (9, ket)):
            put(pt.cell(2 + k, c), v)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 38. Narrative steps as Word AUTO-NUMBERED paragraphs (style "List Number", w:numPr) after
#     Dasar Hukum items that use the same list style (the step list must count from 1 again),
#     multi-word actors containing "dan" ("Kasubbag Umum dan Kepegawaian"), a "?" decision
#     (Sekretariat DPRD Kabupaten Sleman, peminjaman ruang rapat)
# --------------------------------------------------------------------------------------

def autonumber_dprd(path: Path):
    doc = docx.Document()
    for line in ("PEMERINTAH KABUPATEN SLEMAN", "SEKRETARIAT DPRD"):
        p = doc.add_paragraph()
        p.alignment = 1
        p.add_run(line).bold = True
    for line in ("Nomor SOP : 005/22/SETWAN/2023", "Tanggal Pembuatan : 6 November 2023", "Tanggal Revisi : -",
                 "Tanggal Efektif : 1 Desember 2023", "Disahkan oleh : SEKRETARIS DPRD KABUPATEN SLEMAN",
                 "Drs. INDRA SETIAWAN, M.Si", "NIP. 19711111 199703 1 004",
                 "Nama SOP : Peminjaman Ruang Rapat Sekretariat DPRD", "Dasar Hukum :"):
        doc.add_paragraph(line)
    for item in ("Peraturan Pemerintah Nomor 12 Tahun 2018 tentang Pedoman Penyusunan Tata Tertib DPRD",
                 "Peraturan Bupati Sleman Nomor 45 Tahun 2021 tentang Sekretariat DPRD"):
        doc.add_paragraph(item, style="List Number")
    for line in ("Kualifikasi Pelaksana : Memahami tata kelola barang milik daerah",
                 "Keterkaitan : SOP Pemeliharaan Gedung", "Peralatan/Perlengkapan : Buku jadwal ruang rapat",
                 "Peringatan : Peminjaman tanpa jadwal menimbulkan bentrok kegiatan",
                 "Pencatatan dan Pendataan : Buku jadwal ruang rapat", "Prosedur :"):
        doc.add_paragraph(line)
    # a new list (restart at 1): a fresh w:num that points to the List Number abstract numbering
    numbering = doc.part.numbering_part.element
    style_num = doc.styles["List Number"]._element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    numbering.append(parse_xml(
        f'<w:num {NSDECL} w:numId="{new_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for step in ("Pemohon mengajukan surat permohonan peminjaman ruang rapat.",
                 "Kasubbag Umum dan Kepegawaian memeriksa jadwal ruang rapat, ruang tersedia?",
                 "Pengurus Barang menyiapkan ruang rapat dan peralatannya.",
                 "Pemohon menggunakan ruang rapat dan mengembalikan kunci."):
        p = doc.add_paragraph(step, style="List Number")
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {NSDECL}><w:ilvl w:val="0"/><w:numId w:val="{new_id}"/></w:numPr>'))
    doc.save(path)


# --------------------------------------------------------------------------------------
# 39. A long procedure continued on a second page that starts with a small copy of the
#     identity (Nomor SOP / Nama SOP, same values) in the BODY, then the header rows again and
#     steps 6-9: the same SOP continues (BKPSDM Kabupaten Magelang, cuti tahunan)
# --------------------------------------------------------------------------------------

def repeated_mini_identity_bkpsdm(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["PNS", "Atasan Langsung", "Pengelola Kepegawaian", "Kepala BKPSDM"]
    steps = [
        (1, "Mengajukan permohonan cuti tahunan melalui aplikasi", 0, "Formulir cuti", "10 menit", "Permohonan", ""),
        (2, "Memberikan pertimbangan atas permohonan cuti, disetujui?", 1, "Permohonan", "1 hari kerja",
         "Pertimbangan", "Tidak: kembali ke kegiatan 1"),
        (3, "Memeriksa sisa hak cuti", 2, "Pertimbangan", "30 menit", "Data sisa cuti", ""),
        (4, "Menyiapkan draf surat izin cuti", 2, "Data sisa cuti", "30 menit", "Draf surat izin", ""),
        (5, "Memaraf draf surat izin cuti", 2, "Draf surat izin", "15 menit", "Draf berparaf", ""),
        (6, "Menandatangani surat izin cuti", 3, "Draf berparaf", "1 hari kerja", "Surat izin cuti", ""),
        (7, "Mencatat cuti pada aplikasi kepegawaian", 2, "Surat izin cuti", "15 menit", "Cuti tercatat", ""),
        (8, "Menyampaikan surat izin cuti kepada PNS", 2, "Surat izin cuti", "10 menit", "Surat terkirim", ""),
        (9, "Menerima surat izin cuti", 0, "Surat izin cuti", "5 menit", "Surat diterima", ""),
    ]
    nama, nomor = "Pelayanan Cuti Tahunan Pegawai Negeri Sipil", "800/41/BKPSDM/2024"
    standard_sop(doc, ["PEMERINTAH KABUPATEN MAGELANG", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"],
                 [("Nomor SOP", [nomor]), ("Tanggal Pembuatan", ["3 Januari 2024"]), ("Tanggal Revisi", ["-"]),
                  ("Tanggal Efektif", ["15 Januari 2024"]),
                  ("Disahkan oleh", ["KEPALA BKPSDM KABUPATEN MAGELANG", "", "", "Drs. ARIF SUBIANTORO, M.Si",
                                     "Pembina Utama Muda", "NIP. 19700606 199503 1 002"]),
                  ("Nama SOP", [nama])],
                 _details(["1. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen PNS",
                           "2. Peraturan BKN Nomor 24 Tahun 2017 tentang Tata Cara Pemberian Cuti PNS"],
                          ["1. Memahami ketentuan cuti PNS"], ["1. SOP Pengelolaan Arsip Kepegawaian"],
                          ["1. Komputer", "2. Aplikasi kepegawaian"], ["Cuti tanpa izin dianggap tidak masuk kerja"],
                          ["1. Kartu cuti"]),
                 actors, steps[:5])
    doc.add_page_break()
    mini = doc.add_table(rows=2, cols=2)
    borders(mini)
    set_widths(mini, [2600, 8000])
    put(mini.cell(0, 0), "Nomor SOP")
    put(mini.cell(0, 1), nomor)
    put(mini.cell(1, 0), "Nama SOP")
    put(mini.cell(1, 1), nama)
    doc.add_paragraph()
    ncol = 2 + 4 + 4
    pt = doc.add_table(rows=2 + 4, cols=ncol)
    borders(pt)
    set_widths(pt, [500, 4000] + [1200] * 4 + [1700, 1000, 1600, 1800])
    put(vmerge([pt.cell(0, 0), pt.cell(1, 0)]), "No", bold=True)
    put(vmerge([pt.cell(0, 1), pt.cell(1, 1)]), "Kegiatan", bold=True)
    put(pt.cell(0, 2).merge(pt.cell(0, 5)), "Pelaksana", bold=True)
    put(pt.cell(0, 6).merge(pt.cell(0, 8)), "Mutu Baku", bold=True)
    put(vmerge([pt.cell(0, 9), pt.cell(1, 9)]), "Keterangan", bold=True)
    for i, h in enumerate(actors + ["Kelengkapan", "Waktu", "Output"]):
        put(pt.cell(1, 2 + i), h, bold=True)
    for k, (no, ur, act, kel, waktu, out, ket) in enumerate(steps[5:]):
        for c, v in ((0, str(no)), (1, ur), (2 + act, "√"), (6, kel), (7, waktu), (8, out), (9, ket)):
            put(pt.cell(2 + k, c), v)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 40. Branch notes written with the equivalent answer pairs instead of Ya/Tidak:
#     "Lengkap: lanjut ke kegiatan 3; Tidak lengkap: kembali ke kegiatan 1" and
#     "Disetujui → kegiatan 6, Ditolak → kegiatan 4" (Puskesmas-like wording; domain.md §5)
#     (Dinas Kesehatan Kabupaten Wonosobo, rekomendasi izin apotek)
# --------------------------------------------------------------------------------------

def answer_pairs_dinkes(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Petugas Perizinan", "Tim Visitasi", "Kepala Dinas"]
    steps = [
        (1, "Mengajukan permohonan rekomendasi izin apotek", 0, "Formulir, STRA, denah", "15 menit",
         "Berkas permohonan", ""),
        (2, "Memeriksa kelengkapan berkas", 1, "Berkas permohonan", "30 menit", "Berkas diperiksa",
         "Lengkap: lanjut ke kegiatan 3; Tidak lengkap: kembali ke kegiatan 1"),
        (3, "Melakukan visitasi sarana apotek", 2, "Berkas diperiksa", "3 hari kerja", "Berita acara visitasi", ""),
        (4, "Menyusun draf rekomendasi berdasarkan hasil visitasi", 1, "Berita acara visitasi", "1 hari kerja",
         "Draf rekomendasi", ""),
        (5, "Menelaah draf rekomendasi", 3, "Draf rekomendasi", "1 hari kerja", "Draf ditelaah",
         "Disetujui → kegiatan 6, Ditolak → kegiatan 4"),
        (6, "Menerima rekomendasi izin apotek", 0, "Rekomendasi", "10 menit", "Rekomendasi diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN WONOSOBO", "DINAS KESEHATAN"],
                 [("Nomor SOP", ["440/33/DINKES/2023"]), ("Tanggal Pembuatan", ["10 Juli 2023"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["1 Agustus 2023"]),
                  ("Disahkan oleh", ["KEPALA DINAS KESEHATAN KABUPATEN WONOSOBO", "", "", "dr. JUNAEDI, M.Kes",
                                     "Pembina Utama Muda", "NIP. 19690303 199903 1 007"]),
                  ("Nama SOP", ["Penerbitan Rekomendasi Izin Apotek"])],
                 _details(["1. Peraturan Menteri Kesehatan Nomor 9 Tahun 2017 tentang Apotek"],
                          ["1. Apoteker"], ["1. SOP Visitasi Sarana Kefarmasian"], ["1. Kendaraan", "2. Checklist"],
                          ["Apotek tanpa izin ditutup"], ["1. Register rekomendasi"]),
                 actors, steps)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 41. Step references written in other ways: "Tidak: kembali ke langkah ke-2", "Jika tidak
#     sesuai, kembali ke kegiatan nomor 1", "Tidak: ke butir 4"
#     (Dinas Penanaman Modal Kota Magelang, izin usaha industri)
# --------------------------------------------------------------------------------------

def step_refs_dpmptsp(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Front Office", "Verifikator", "Kepala Dinas"]
    steps = [
        (1, "Mengajukan permohonan izin usaha industri melalui OSS", 0, "NIB, dokumen lingkungan", "15 menit",
         "Permohonan", ""),
        (2, "Memeriksa kelengkapan dokumen", 1, "Permohonan", "30 menit", "Dokumen diperiksa",
         "Jika tidak sesuai, kembali ke kegiatan nomor 1"),
        (3, "Memverifikasi komitmen teknis", 2, "Dokumen diperiksa", "2 hari kerja", "Hasil verifikasi",
         "Tidak: kembali ke langkah ke-2"),
        (4, "Menyusun draf izin usaha industri", 1, "Hasil verifikasi", "1 hari kerja", "Draf izin", ""),
        (5, "Menandatangani izin secara elektronik, sudah sesuai?", 3, "Draf izin", "1 hari kerja", "Izin",
         "Tidak: ke butir 4"),
        (6, "Mengunduh izin usaha industri", 0, "Izin", "10 menit", "Izin diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KOTA MAGELANG", "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"],
                 [("Nomor SOP", ["503/58/DPMPTSP/2024"]), ("Tanggal Pembuatan", ["1 Februari 2024"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["1 Maret 2024"]),
                  ("Disahkan oleh", ["KEPALA DPMPTSP KOTA MAGELANG", "", "", "Drs. HANDAYANI, M.M.",
                                     "Pembina Utama Muda", "NIP. 19710101 199603 2 004"]),
                  ("Nama SOP", ["Penerbitan Izin Usaha Industri"])],
                 _details(["1. Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Perizinan Berusaha Berbasis Risiko"],
                          ["1. Memahami OSS RBA"], ["1. SOP Pengawasan Perizinan"], ["1. Komputer", "2. OSS"],
                          ["Usaha tanpa izin dikenai sanksi"], ["1. Register izin"]),
                 actors, steps)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 42. Value spellings from Aceh / pesantren-influenced offices and hand-typed tables: dates
#     with the era marker ("4 Maret 2024 M") and Hijri + Masehi double dates ("20 Syawal 1445 H
#     / 29 April 2024"); durations "15'" (minutes), "½ jam", "2 hr" (hr = hari in Indonesian)
#     (Dinas Syariat Islam Kota Banda Aceh, rekomendasi kegiatan dakwah)
# --------------------------------------------------------------------------------------

def value_spellings_aceh(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Petugas Pelayanan", "Kabid Dakwah", "Kepala Dinas"]
    steps = [
        (1, "Mengajukan permohonan rekomendasi kegiatan dakwah", 0, "Proposal kegiatan", "15'", "Permohonan", ""),
        (2, "Memeriksa kelengkapan proposal, lengkap?", 1, "Permohonan", "½ jam", "Proposal diperiksa",
         "Tidak: kembali ke kegiatan 1"),
        (3, "Menelaah materi dan penceramah", 2, "Proposal diperiksa", "2 hr", "Hasil telaah", ""),
        (4, "Menandatangani rekomendasi", 3, "Hasil telaah", "1 hari kerja", "Rekomendasi", ""),
        (5, "Menerima rekomendasi kegiatan dakwah", 0, "Rekomendasi", "10 menit", "Rekomendasi diterima", ""),
    ]
    standard_sop(doc, ["PEMERINTAH KOTA BANDA ACEH", "DINAS SYARIAT ISLAM"],
                 [("Nomor SOP", ["451/12/DSI/2024"]), ("Tanggal Pembuatan", ["4 Maret 2024 M"]),
                  ("Tanggal Revisi", ["-"]), ("Tanggal Efektif", ["20 Syawal 1445 H / 29 April 2024 M"]),
                  ("Disahkan oleh", ["KEPALA DINAS SYARIAT ISLAM KOTA BANDA ACEH", "", "", "Dr. H. RIDWAN, M.A.",
                                     "Pembina Utama Muda", "NIP. 19750505 200003 1 002"]),
                  ("Nama SOP", ["Penerbitan Rekomendasi Kegiatan Dakwah"])],
                 _details(["1. Qanun Aceh Nomor 8 Tahun 2014 tentang Pokok-Pokok Syariat Islam"],
                          ["1. Memahami qanun syariat Islam"], ["1. SOP Pembinaan Dai"], ["1. Komputer", "2. Printer"],
                          ["Kegiatan tanpa rekomendasi dapat dihentikan"], ["1. Register rekomendasi"]),
                 actors, steps)
    doc.save(path)


# --------------------------------------------------------------------------------------
# 43. Tick layout with two actors ticked in one row (Kasi and Sekcam paraf together, domain
#     D9) and a row where nobody is ticked (D17) (Kecamatan Gamping,
#     surat keterangan domisili usaha)
# --------------------------------------------------------------------------------------

def multi_tick_gamping(path: Path):
    doc = docx.Document()
    landscape(doc)
    actors = ["Pemohon", "Petugas PATEN", "Kasi Trantib", "Sekcam", "Camat"]
    steps = [
        (1, "Menyerahkan permohonan surat keterangan domisili usaha", [0], "Pengantar desa, KTP", "5 menit",
         "Berkas permohonan"),
        (2, "Memeriksa berkas dan mengetik surat keterangan", [1], "Berkas permohonan", "15 menit", "Draf surat"),
        (3, "Meneliti dan memaraf draf surat keterangan", [2, 3], "Draf surat", "15 menit", "Draf berparaf"),
        (4, "Menandatangani surat keterangan", [4], "Draf berparaf", "10 menit", "Surat keterangan"),
        (5, "Memberi nomor dan stempel", [], "Surat keterangan", "5 menit", "Surat bernomor"),
        (6, "Menerima surat keterangan domisili usaha", [0], "Surat bernomor", "5 menit", "Surat diterima"),
    ]
    standard_sop(doc, ["PEMERINTAH KABUPATEN SLEMAN", "KECAMATAN GAMPING"],
                 [("Nomor SOP", ["503/07/GMP/2023"]), ("Tanggal Pembuatan", ["2 Mei 2023"]), ("Tanggal Revisi", ["-"]),
                  ("Tanggal Efektif", ["5 Juni 2023"]),
                  ("Disahkan oleh", ["CAMAT GAMPING", "", "", "ABU BAKAR, S.H., M.H.", "Pembina",
                                     "NIP. 19720815 199803 1 006"]),
                  ("Nama SOP", ["Pelayanan Surat Keterangan Domisili Usaha"])],
                 _details(["1. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"], ["1. Memahami PATEN"],
                          ["1. SOP PATEN"], ["1. Komputer", "2. Stempel"], ["Berkas tidak lengkap tidak diproses"],
                          ["1. Buku register"]),
                 actors, [(no, ur, 0, kel, w, out, "") for no, ur, _a, kel, w, out in steps])
    pt = doc.tables[-1]
    for k, (_no, _ur, acts, *_rest) in enumerate(steps):
        for i in range(len(actors)):
            cell = pt.cell(2 + k, 2 + i)
            for r in cell.paragraphs[0].runs:
                r.text = ""
            if i in acts:
                cell.paragraphs[0].add_run("√")
    doc.save(path)

# --------------------------------------------------------------------------------------

def main(argv=None):
    FILES.mkdir(parents=True, exist_ok=True)
    careless_nikah(FILES / "careless-pengantar-nikah.docx")
    careless_kendaraan(FILES / "careless-paragraf-kendaraan-dinas.docx")
    bps_078(FILES / "bps-078-diseminasi-seruti.docx")
    bps_314(FILES / "bps-314-gratifikasi-upg.docx")
    bps_042(FILES / "bps-042-pemeliharaan-pc.docx")
    bps_312_one_table(FILES / "bps-312-tim-zi-satu-tabel.docx")
    careless_lapor(FILES / "careless-header-sdt-lapor.docx")
    careless_kenaikan_pangkat(FILES / "careless-tabel-lanjutan-kenaikan-pangkat.docx")
    header_identity_perpus(FILES / "careless-identitas-di-header-perpustakaan.docx")
    bps_098(FILES / "bps-098-serawai.docx", grouped=False)
    bps_098(FILES / "bps-098-serawai-grup.docx", grouped=True)
    careless_sipb(FILES / "careless-struktur-sipb-dinkes.docx")
    drawn_reklame(FILES / "drawn-lengkap-setuju-reklame.docx")
    careless_arsip_vml_group(FILES / "careless-logo-vml-grup-arsip.docx")
    buku_toc(FILES / "buku-daftar-isi-kecamatan-sukolilo.docx")
    symbol_ticks_tegalsari(FILES / "word-simbol-centang-tegalsari.docx")
    basic_shapes_dinsos(FILES / "bentuk-dasar-dinsos-sleman.docx")
    web_generator_kesbangpol(FILES / "web-generator-kesbangpol-medan.docx")
    sections_musrenbang(FILES / "seksi-header-berulang-bappeda.docx")
    floating_bantul(FILES / "tabel-mengambang-an-bupati-bantul.docx")
    narrative_rusunawa(FILES / "narasi-langkah-rusunawa-semarang.docx")
    total_row_mlati(FILES / "baris-jumlah-waktu-mlati.docx")
    stage_rows_bpbd(FILES / "baris-tahapan-bpbd-klaten.docx")
    closing_signature_dishub(FILES / "ttd-penutup-dishub-boyolali.docx")
    appendix_form_depok(FILES / "lampiran-formulir-depok.docx")
    decree_attachment_diskop(FILES / "lampiran-keputusan-diskop-bantul.docx")
    revision_history_dlh(FILES / "riwayat-revisi-dlh-magelang.docx")
    iso_approval_disdik(FILES / "tabel-persetujuan-iso-disdik.docx")
    default_namespace_variant(FILES / "web-generator-kesbangpol-medan.docx",
                              FILES / "web-generator-namespace-bawaan.docx")
    legend_table_dukcapil(FILES / "tabel-keterangan-simbol-dukcapil.docx")
    details_after_inspektorat(FILES / "rincian-setelah-prosedur-inspektorat.docx")
    headerless_continuation_satpol(FILES / "tabel-lanjutan-tanpa-header-satpol.docx")
    retyped_package(FILES / "careless-pengantar-nikah.docx", FILES / "careless-pengantar-nikah.dotx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
    retyped_package(FILES / "careless-pengantar-nikah.docx", FILES / "careless-pengantar-nikah.docm",
                    "application/vnd.ms-word.document.macroEnabled.main+xml")
    numbered_identity_distan(FILES / "identitas-bernomor-distan-kudus.docx")
    autonumber_dprd(FILES / "langkah-penomoran-otomatis-dprd.docx")
    repeated_mini_identity_bkpsdm(FILES / "identitas-diulang-halaman-2-bkpsdm.docx")
    answer_pairs_dinkes(FILES / "catatan-cabang-lengkap-ditolak-dinkes.docx")
    step_refs_dpmptsp(FILES / "rujukan-langkah-dpmptsp-magelang.docx")
    value_spellings_aceh(FILES / "ejaan-nilai-dsi-banda-aceh.docx")
    multi_tick_gamping(FILES / "centang-ganda-kosong-gamping.docx")
    with tempfile.TemporaryDirectory(prefix="h7-unseen-") as tmp:
        tmp = Path(tmp)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from make_prose import build as build_prose

        build_prose(FILES, tmp)  # prose procedures, free-form identity, picture flowchart
        (tmp / "lo-html-iumk-kecamatan-tayu.html").write_text(iumk_html(), encoding="utf-8")
        (tmp / "lo-fodt-legalisir-ijazah.fodt").write_text(legalisir_fodt(), encoding="utf-8")
        (tmp / "lo-fodt-bps-045-lisensi-zoom.fodt").write_text(zoom_fodt(), encoding="utf-8")
        (tmp / "lo-html-buku-sop-kebon-kosong.html").write_text(buku_html(), encoding="utf-8")
        html = [tmp / "lo-html-iumk-kecamatan-tayu.html", tmp / "lo-html-buku-sop-kebon-kosong.html"]
        fodt = [tmp / "lo-fodt-legalisir-ijazah.fodt", tmp / "lo-fodt-bps-045-lisensi-zoom.fodt"]
        soffice_convert(html, 'docx:MS Word 2007 XML', FILES, infilter="HTML (StarWriter)")
        soffice_convert(html[:1], 'doc:MS Word 97', FILES, infilter="HTML (StarWriter)")
        soffice_convert(fodt, 'docx:MS Word 2007 XML', FILES)
        soffice_convert([fodt[1]], 'doc:MS Word 97', FILES)
        # (not kept: LibreOffice's own .doc export of bps-314/bps-042 drops the drawn shapes /
        # flattens the procedure table to text - a producer defect, not a reading test)
        soffice_convert([FILES / "careless-pengantar-nikah.docx"], 'rtf:Rich Text Format', FILES)
    for p in sorted(FILES.glob("*.docx")):
        _fixed_zip_times(p)
    for p in sorted(FILES.iterdir()):
        if p.suffix in (".docx", ".doc", ".rtf"):
            print(f"{p.name}: {p.stat().st_size} bytes")


def _fixed_zip_times(path: Path):
    """Rewrite a .docx with fixed member timestamps so that regenerating gives the same bytes."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    sys.exit(main())
