"""Document kind (sumber.jenis_dokumen), reading confidence (sumber.pembacaan)
and DK04 folding, on real Word files built here and the real CLI."""
import json

from click.testing import CliRunner

from fixtures_reader.docbuild import new
from soplint.cli import cli
from soplint.model import to_dict, validate
from soplint.readers.docx import read


def _check(path, *extra):
    res = CliRunner().invoke(cli, ["check", str(path), "--format", "json", "--fail-on", "never", *extra],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return json.loads(res.output[res.output.index("{"):])["berkas"][0]["temuan"]


def _serious(found):
    return [t for t in found if t["severity"] in ("error", "warning")]


def job_description(path):
    d = new()
    d.add_paragraph("STANDAR OPERASIONAL PROSEDUR (SOP) KEPALA GUDANG")
    d.add_paragraph("Yayasan Pendidikan Nurul Huda")
    d.add_paragraph("I. IDENTITAS JABATAN")
    d.add_paragraph("Nama Jabatan: Kepala Gudang", style="List Bullet")
    d.add_paragraph("II. TUGAS POKOK")
    for t in ("Menyusun rencana kebutuhan barang;", "Mengawasi keluar masuk barang;",
              "Segera melaporkan kerusakan barang kepada bendahara;"):
        d.add_paragraph(t, style="List Number")
    d.add_paragraph("III. WEWENANG")
    for t in ("Tidak mengeluarkan barang tanpa bukti permintaan;", "Jika tugas mendesak, menunda permintaan;"):
        d.add_paragraph(t, style="List Number")
    d.save(str(path))
    return path


def free_form_sop(path):
    d = new()
    d.add_paragraph("SOP BENDAHARA SEKOLAH")
    d.add_paragraph("SD Harapan Bangsa")
    d.add_paragraph("A. Tujuan")
    d.add_paragraph("Menjamin pengelolaan keuangan yang tertib.")
    d.add_paragraph("B. Ruang Lingkup")
    d.add_paragraph("Penerimaan dana", style="List Bullet")
    d.add_paragraph("C. Prosedur Kerja")
    d.add_paragraph("1. Penerimaan Dana")
    for t in ("Menerima pembayaran.", "Memverifikasi nominal.", "Mengeluarkan bukti pembayaran."):
        d.add_paragraph(t, style="List Bullet")
    d.save(str(path))
    return path


def report(path):
    d = new()
    d.add_paragraph("LAPORAN")
    d.add_paragraph("PANDUAN PENGGUNAAN APLIKASI ARSIP")
    d.add_paragraph("DAFTAR ISI")
    d.add_paragraph("BAB I")
    d.add_paragraph("LATAR BELAKANG")
    d.add_paragraph("Aplikasi ini membantu pegawai mencatat arsip.")
    d.add_paragraph("BAB II")
    d.add_paragraph("PENGGUNAAN")
    for t in ("Buka aplikasi di peramban.", "Masukkan nama pengguna.", "Klik tombol masuk."):
        d.add_paragraph(t, style="List Number")
    d.add_paragraph("BAB III")
    d.add_paragraph("KESIMPULAN")
    d.add_paragraph("Aplikasi mudah digunakan.")
    d.save(str(path))
    return path


def test_job_description_is_named_and_folded(tmp_path):
    path = job_description(tmp_path / "jabatan.docx")
    [sop] = read(path)
    jenis = sop.sumber.jenis_dokumen
    assert jenis["jenis"] == "uraian_tugas"
    assert any("tugas pokok" in b for b in jenis["bukti"])
    assert any("bagian identitas" in k for k in jenis["kurang"])
    validate(to_dict(sop))
    found = _check(path)
    serious = _serious(found)
    assert [t["code"] for t in serious] == ["DK04"]
    assert "uraian tugas" in serious[0]["message"] and "dilipat" in serious[0]["message"]
    assert "ID01" in serious[0]["message"]


def test_fold_option_lists_every_finding(tmp_path):
    path = job_description(tmp_path / "jabatan.docx")
    cfg = tmp_path / "soplint.toml"
    cfg.write_text("[rules.DK04]\nlipat = false\n", encoding="utf-8")
    found = _check(path, "--config", str(cfg))
    codes = {t["code"] for t in _serious(found)}
    assert "DK04" in codes and "ID01" in codes
    dk04 = [t for t in found if t["code"] == "DK04"][0]
    assert "dilipat" not in dk04["message"]


def test_free_form_sop_and_report(tmp_path):
    [sop] = read(free_form_sop(tmp_path / "bebas.docx"))
    assert sop.sumber.jenis_dokumen["jenis"] == "sop_bebas"
    [rep] = read(report(tmp_path / "laporan.docx"))
    assert rep.sumber.jenis_dokumen["jenis"] in ("laporan", "manual")
    found = _check(tmp_path / "laporan.docx", "--lang", "en")
    dk04 = [t for t in found if t["code"] == "DK04"]
    assert len(dk04) == 1 and "not an SOP AP" in dk04[0]["message"] and "missing" in dk04[0]["message"]


def test_sop_ap_reads_with_high_confidence(tmp_path):
    from test_reader_layouts import STEPS, detail_table, identity_table, procedure_table

    d = new()
    identity_table(d)
    detail_table(d)
    procedure_table(d, STEPS)
    path = tmp_path / "ap.docx"
    d.save(str(path))
    [sop] = read(path)
    assert sop.sumber.jenis_dokumen["jenis"] == "sop_ap"
    p = sop.sumber.pembacaan
    assert p["tingkat"] == "tinggi" and 0.8 <= p["skor"] <= 1 and p["alasan"]
    assert not [t for t in _check(path) if t["code"] == "DK04"]


def test_non_sop_reads_with_low_confidence(tmp_path):
    [sop] = read(job_description(tmp_path / "jabatan.docx"))
    p = sop.sumber.pembacaan
    assert p["tingkat"] == "rendah" and p["skor"] < 0.5
    assert any("bukan SOP AP" in a for a in p["alasan"])


def test_schema_lists_every_kind():
    from soplint.kind import NAMES
    from soplint.model import schema

    enum = schema()["properties"]["sumber"]["properties"]["jenis_dokumen"]["properties"]["jenis"]["enum"]
    assert sorted(enum) == sorted(NAMES)


def test_picture_flowchart_is_recorded_and_reported(tmp_path):
    import struct
    import zlib

    from docx.shared import Cm

    def png(w, h):
        raw = b"".join(b"\x00" + b"\xff\xff\xff" * w for _ in range(h))

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    d = new()
    d.add_paragraph("Nama SOP : Penerimaan Laporan")
    t = d.add_table(rows=3, cols=6)
    for i, h in enumerate(["No", "Uraian Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output"]):
        t.cell(0, i).text = h
    for r, row in enumerate([("1", "Menerima laporan", "Petugas", "Laporan", "5 menit", "Laporan tercatat"),
                             ("2", "Memverifikasi laporan", "Tim", "Laporan tercatat", "1 jam", "Hasil")], 1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    img = tmp_path / "bagan.png"
    img.write_bytes(png(40, 50))
    d.add_picture(str(img), width=Cm(14), height=Cm(17))
    path = tmp_path / "gambar.docx"
    d.save(str(path))
    [sop] = read(path)
    assert sop.sumber.gambar_alur is True
    assert any("gambar" in a for a in sop.sumber.pembacaan["alasan"])
    found = _check(path)
    fl = [t for t in found if t["code"].startswith("FL")]
    assert [t["code"] for t in fl] == ["FL05"] and fl[0]["severity"] == "info"
