"""Free-form identity and several SOPs in one file, on real Word files built
here: title and institution lines at the top, a title over two lines, synonym
headings, a signing block written as prose, a repeated title block starting
the next SOP (found again by RD04 across files)."""
import json

from click.testing import CliRunner

from fixtures_reader.docbuild import new
from soplint.cli import cli
from soplint.model import to_dict, validate
from soplint.readers.docx import read


def _save(d, path):
    d.save(str(path))
    sops = read(path)
    for s in sops:
        validate(to_dict(s))
    return sops


def _free_sop(d, name, steps):
    d.add_paragraph(f"SOP {name}")
    d.add_paragraph("Madrasah Nurul Iman")
    d.add_paragraph("A. Tujuan")
    d.add_paragraph("Menjamin pekerjaan berjalan tertib.")
    d.add_paragraph("B. Prosedur Kerja")
    for t in steps:
        d.add_paragraph(t, style="List Bullet")
    d.add_paragraph("C. Dokumen yang Digunakan")
    for t in ("Buku Kas Umum", "Bukti Kas Masuk"):
        d.add_paragraph(t, style="List Bullet")


def test_title_block_at_the_top_and_synonym_heading(tmp_path):
    d = new()
    d.add_paragraph("Berikut adalah rancangan SOP yang diminta.")
    _free_sop(d, "BENDAHARA", ["Bendahara menerima pembayaran.", "Bendahara menyimpan bukti pembayaran."])
    [sop] = _save(d, tmp_path / "a.docx")
    assert sop.identitas.nama_sop == "BENDAHARA"
    assert sop.identitas.instansi == ["Madrasah Nurul Iman"]
    assert sop.pencatatan_pendataan == ["Buku Kas Umum", "Bukti Kas Masuk"]
    assert [k.pelaksana for k in sop.kegiatan] == ["Bendahara", "Bendahara"]
    assert "Berikut adalah rancangan SOP yang diminta." in [t.teks for t in sop.tak_terpetakan]


def test_repeated_title_block_splits_and_rd04_finds_the_copy(tmp_path):
    d = new()
    _free_sop(d, "TATA USAHA", ["Petugas Tata Usaha menerima surat.", "Petugas Tata Usaha mengarsipkan surat."])
    d.add_paragraph("")
    steps = ["Bendahara menerima pembayaran.", "Bendahara mencatat pembayaran di buku kas.",
             "Bendahara menyimpan bukti pembayaran."]
    _free_sop(d, "BENDAHARA", steps)
    both = tmp_path / "gabungan.docx"
    sops = _save(d, both)
    assert [s.identitas.nama_sop for s in sops] == ["TATA USAHA", "BENDAHARA"]
    assert [len(s.kegiatan) for s in sops] == [2, 3]
    d2 = new()
    _free_sop(d2, "BENDAHARA", steps)
    one = tmp_path / "bendahara.docx"
    _save(d2, one)
    res = CliRunner().invoke(cli, ["check", str(both), str(one), "--format", "json", "--fail-on", "never"])
    data = json.loads(res.output[res.output.index("{"):])
    rd04 = [t for f in data["berkas"] for t in f["temuan"] if t["code"] == "RD04"]
    assert rd04 and all(t["severity"] == "warning" for t in rd04)
    # each file: one DK04 naming its kind, its per-field findings folded into it
    for f in data["berkas"]:
        serious = [t for t in f["temuan"] if t["severity"] in ("error", "warning") and t["code"] != "RD04"]
        assert {t["code"] for t in serious} == {"DK04"}


def test_two_line_title_and_signing_block_in_prose(tmp_path):
    d = new()
    for line in ("PEMERINTAH KOTA DEPOK", "KELURAHAN MEKARJAYA", "STANDAR OPERASIONAL PROSEDUR",
                 "PELAYANAN SURAT PENGANTAR"):
        d.add_paragraph(line)
    d.add_paragraph("Nomor SOP : 045/07/2024")
    d.add_paragraph("Kriteria Pelaksana")
    d.add_paragraph("1. Memahami tata naskah dinas")
    d.add_paragraph("Spesifikasi")
    d.add_paragraph("1. Komputer")
    d.add_paragraph("Langkah-langkah:")
    d.add_paragraph("1. Pemohon mengajukan permohonan (5 menit).")
    d.add_paragraph("2. Lurah menandatangani surat (10 menit).")
    d.add_paragraph("")
    for line in ("Depok, 15 Januari 2024", "LURAH MEKARJAYA,", "", "RINA MARLINA, S.STP", "Penata Tk. I (III/d)",
                 "NIP. 19850312 200701 2 003"):
        d.add_paragraph(line)
    [sop] = _save(d, tmp_path / "b.docx")
    i = sop.identitas
    assert i.instansi == ["PEMERINTAH KOTA DEPOK", "KELURAHAN MEKARJAYA"]
    assert i.nama_sop == "PELAYANAN SURAT PENGANTAR"
    p = i.disahkan_oleh
    assert (p.jabatan, p.nama, p.pangkat, p.nip) == ("LURAH MEKARJAYA", "RINA MARLINA, S.STP",
                                                      "Penata Tk. I (III/d)", "198503122007012003")
    assert sop.kualifikasi_pelaksana == ["Memahami tata naskah dinas"]
    assert sop.peralatan_perlengkapan == ["Komputer"]
    assert "Depok, 15 Januari 2024" in [t.teks for t in sop.tak_terpetakan]
    assert [(k.pelaksana, k.waktu.menit) for k in sop.kegiatan] == [("Pemohon", 5), ("Lurah", 10)]
