"""Helpers for the rule tests (imported by tests/rules/conftest.py and the tests): a clean SOP model, rendered into a REAL .docx
with samples/sopdocx.py, read by the real reader and checked by the real
``soplint check --format json`` command (click's CliRunner)."""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "samples"))

import sopdocx  # noqa: E402

from soplint import model as m  # noqa: E402
from soplint.cli import cli  # noqa: E402


def T(teks, iso=None, presisi=None):
    return m.Tanggal(teks, iso, presisi)


def W(teks, menit):
    return m.Waktu(teks, menit)


def K(no, uraian, pelaksana, kelengkapan="", waktu=None, output="", keterangan="", simbol="proses",
      cabang=None, lain=(), bentuk=None):
    return m.Kegiatan(no=no, uraian=uraian, pelaksana=pelaksana, simbol=simbol, kelengkapan=kelengkapan,
                      waktu=waktu, output=output, keterangan=keterangan,
                      cabang=m.Cabang(*cabang) if cabang else None, pelaksana_lain=list(lain), bentuk=bentuk)


A, B, C = "Pengadministrasi Umum", "Kasubbag Umum", "Sekretaris"


def clean_sop() -> m.SOP:
    """A complete, defect-free SOP AP (surat masuk, domain E1)."""
    return m.SOP(
        identitas=m.Identitas(
            instansi=["PEMERINTAH KOTA BENGKULU", "SEKRETARIAT DAERAH", "BAGIAN UMUM"],
            nomor_sop="065/23.c/UMUM/II/2014",
            tanggal_pembuatan=T("3 Februari 2014", "2014-02-03", "hari"),
            tanggal_revisi=T("-"),
            tanggal_efektif=T("3 Maret 2014", "2014-03-03", "hari"),
            disahkan_oleh=m.Pengesahan(jabatan="KEPALA BAGIAN UMUM SEKRETARIAT DAERAH KOTA BENGKULU",
                                       nama="Drs. Ahmad Fauzi, M.Si", pangkat="Pembina Tk. I (IV/b)",
                                       nip="196111221989031005"),
            nama_sop="Pelayanan Administrasi Surat Masuk"),
        dasar_hukum=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                     "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan"],
        kualifikasi_pelaksana=["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"],
        keterkaitan=["SOP Surat Keluar"],
        peralatan_perlengkapan=["Komputer", "Buku agenda surat masuk"],
        peringatan=["Jika surat tidak diagendakan, surat tidak dapat ditelusuri"],
        pencatatan_pendataan=["Buku agenda surat masuk"],
        pelaksana=[A, B, C],
        kegiatan=[
            K(1, "Menerima dan mengagendakan surat masuk", A, "Surat masuk", W("5 menit", 5), "Surat teragenda",
              simbol="mulai"),
            K(2, "Menelaah surat dan membuat catatan", B, "Surat teragenda", W("10 menit", 10), "Surat bercatatan"),
            K(3, "Memeriksa catatan, sudah benar?", C, "Surat bercatatan", W("10 menit", 10), "Catatan diperiksa",
              keterangan="Tidak: kembali ke kegiatan 2", simbol="keputusan", cabang=(4, 2)),
            K(4, "Memberikan disposisi surat", C, "Catatan diperiksa", W("10 menit", 10), "Lembar disposisi"),
            K(5, "Mengarsipkan surat dan lembar disposisi", A, "Lembar disposisi", W("5 menit", 5), "Arsip surat",
              simbol="selesai"),
        ],
    )


def run_cli(args) -> tuple:
    result = CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)
    return result.exit_code, result.output


class Checker:
    def __init__(self, tmp_path: Path):
        self.tmp = tmp_path
        self.n = 0

    def docx(self, sops, layout="standar", name=None, **opts) -> Path:
        self.n += 1
        path = self.tmp / (name or f"sop{self.n}.docx")
        sopdocx.build_docx(sops, path, layout=layout, **opts)
        return path

    def run(self, paths, *extra) -> dict:
        code, out = run_cli(["check", *paths, "--format", "json", "--fail-on", "never", *extra])
        assert code == 0, out
        start = out.index("{")
        return json.loads(out[start:])

    def __call__(self, sops, *extra, layout="standar", **opts) -> list:
        """Render, check, return the findings (all files)."""
        path = self.docx(sops, layout=layout, **opts)
        data = self.run([path], *extra)
        return [t for f in data["berkas"] for t in f["temuan"]]


def of(findings, code, **match):
    """Findings of one rule, optionally filtered by key=value."""
    out = [t for t in findings if t["code"] == code]
    for key, value in match.items():
        out = [t for t in out if t.get(key) == value]
    return out


def serious(findings):
    return [t for t in findings if t["severity"] in ("error", "warning")]
