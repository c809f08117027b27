"""What `soplint convert` gives a reviewer: a complete form, the source logo in
the logo cell, the reader's leftovers in a side file (or, asked, an appendix),
one line per output, and --strict."""
from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.shared import Mm

from soplint.cli import cli
from soplint.model import SOP, Identitas, Kegiatan, Pengesahan, TakTerpetakan, to_dict
from soplint.readers.docx import read
from soplint.writers.docx import ID_LABELS, DETAIL_LABELS, plan, write
from soplint.writers.docx.front import jabatan_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def png_bytes(w=24, h=24) -> bytes:
    """A small real PNG (green square), built without an imaging library."""
    raw = b"".join(b"\x00" + b"\x10\x80\x30" * w for _ in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def legacy_docx(path: Path, leftover: bool = True) -> Path:
    """A legacy SOP as offices write it: logo and institution in the identity
    table, a detail table missing two boxes, a procedure table, a stray note."""
    logo = path.parent / "logo.png"
    logo.write_bytes(png_bytes())
    d = docx.Document()
    t = d.add_table(rows=5, cols=3)
    cell = t.cell(0, 0).merge(t.cell(4, 0))
    cell.paragraphs[0].add_run().add_picture(str(logo), height=Mm(15))
    cell.add_paragraph("PEMERINTAH KABUPATEN CONTOH")
    cell.add_paragraph("DINAS KOMUNIKASI DAN INFORMATIKA")
    for i, (lab, val) in enumerate([("Nomor SOP", "800/12/DISKOMINFO/2022"), ("Tanggal Pembuatan", "3 Januari 2022"),
                                    ("Disahkan oleh", "a.n. BUPATI CONTOH\nKEPALA DINAS\n\n\nBudi Santoso, S.Kom\n"
                                                      "Pembina\nNIP. 197001011990031001"),
                                    ("Nama SOP", "Pelayanan Pengaduan Masyarakat"), ("Tanggal Revisi", "-")]):
        t.cell(i, 1).text = lab
        t.cell(i, 2).text = val
    d.add_paragraph("")
    t2 = d.add_table(rows=2, cols=2)
    t2.cell(0, 0).text = "Dasar Hukum:\n1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
    t2.cell(0, 1).text = "Kualifikasi Pelaksana:\n1. Memahami pelayanan publik"
    t2.cell(1, 0).text = "Peralatan/Perlengkapan:\n1. Komputer"
    t2.cell(1, 1).text = "Pencatatan dan Pendataan:\n1. Buku register pengaduan"
    if leftover:
        d.add_paragraph("Catatan: formulir ini dicetak rangkap dua dan disimpan oleh petugas")
    actors = ["Masyarakat", "Petugas", "Kepala Seksi"]
    head = ["No", "Kegiatan"] + actors + ["Kelengkapan", "Waktu", "Output", "Keterangan"]
    p = d.add_table(rows=5, cols=len(head))
    for j, h in enumerate(head):
        p.cell(0, j).text = h
    steps = [("Menyampaikan pengaduan", 0), ("Mencatat pengaduan", 1), ("Menelaah pengaduan", 2),
             ("Menyampaikan jawaban kepada masyarakat", 1)]
    for i, (u, a) in enumerate(steps, 1):
        p.cell(i, 0).text = str(i)
        p.cell(i, 1).text = u
        p.cell(i, 2 + a).text = "v"
        p.cell(i, 5).text = "Formulir"
        p.cell(i, 6).text = "10 menit"
        p.cell(i, 7).text = "Catatan"
    out = path
    d.save(out)
    return out


def body_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        from lxml import etree

        root = etree.fromstring(z.read("word/document.xml"))
    return " ".join(t.text or "" for t in root.iter(f"{W}t"))


def test_convert_reports_each_output_and_keeps_leftovers_out(tmp_path):
    src = legacy_docx(tmp_path / "pengaduan.docx")
    before = src.read_bytes()
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["convert", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    target = out / "pengaduan.docx"
    line = next(x for x in res.stdout.splitlines() if x.startswith(str(target)))
    assert "4 kegiatan" in line and "Pelayanan Pengaduan Masyarakat" in line
    assert "Tanggal Efektif" in line                      # the missing field is said
    side = out / "pengaduan.tak-terpetakan.txt"
    assert "1 teks tak terpetakan" in line and side.name in line
    assert "dicetak rangkap dua" in side.read_text("utf-8")
    text = body_text(target)
    assert "dicetak rangkap dua" not in text and "Catatan konversi" not in text
    # the form is complete: every identity row and every detail box, filled or not
    for _key, lab in ID_LABELS + DETAIL_LABELS:
        assert lab in text, lab
    # the source logo is in the logo cell (the first cell of the identity table)
    d = docx.Document(str(target))
    assert d.tables[0].rows[0].cells[0]._tc.xpath(".//pic:pic")
    assert src.read_bytes() == before
    # the signing block keeps "a.n." on its own line
    sign = [p.text for p in d.tables[0].rows[4].cells[2].paragraphs if p.text]
    assert sign[0].startswith("a.n.") and "KEPALA DINAS" not in sign[0]
    # --strict: leftovers make it exit 1
    res = CliRunner().invoke(cli, ["convert", str(src), "-o", str(out), "--force", "--strict"])
    assert res.exit_code == 1 and "--strict" in res.stderr


def test_lampiran_puts_the_leftovers_back_as_an_appendix(tmp_path):
    src = legacy_docx(tmp_path / "pengaduan.docx")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["convert", str(src), "-o", str(out), "--lampiran"])
    assert res.exit_code == 0, res.output
    assert not (out / "pengaduan.tak-terpetakan.txt").exists()
    text = body_text(out / "pengaduan.docx")
    assert "Catatan konversi" in text and "dicetak rangkap dua" in text
    [back] = read(out / "pengaduan.docx")
    assert any("dicetak rangkap dua" in t.teks for t in back.tak_terpetakan)


def test_strict_passes_a_clean_model(tmp_path):
    sop = SOP(identitas=Identitas(instansi=["DINAS CONTOH"], nomor_sop="1/2022", nama_sop="Contoh"),
              pelaksana=["A", "B"],
              kegiatan=[Kegiatan(no=1, uraian="Mulai", pelaksana="A", simbol="mulai", lanjut=[2]),
                        Kegiatan(no=2, uraian="Selesai", pelaksana="B", simbol="selesai")])
    model = tmp_path / "contoh.json"
    model.write_text(json.dumps(to_dict(sop)), "utf-8")
    res = CliRunner().invoke(cli, ["convert", str(model), "-o", str(tmp_path / "o"), "--strict"])
    assert res.exit_code == 0, res.output
    assert "2 kegiatan" in res.stdout


def test_missing_fields_leave_blank_rows_and_boxes_that_read_back_empty(tmp_path):
    sop = SOP(pelaksana=["A"], kegiatan=[Kegiatan(no=1, uraian="x", pelaksana="A", simbol="mulai")],
              tak_terpetakan=[TakTerpetakan("sisa", "paragraf 3")])
    out = tmp_path / "kosong.docx"
    write(sop, out)
    text = body_text(out)
    for _key, lab in ID_LABELS + DETAIL_LABELS:
        assert lab in text
    assert "sisa" not in text
    [back] = read(out)
    assert back.identitas.nomor_sop == "" and back.identitas.tanggal_efektif.teks == ""
    assert back.dasar_hukum == [] and back.tak_terpetakan == []


def test_signing_lines_keep_their_breaks():
    assert jabatan_lines("a.n. CAMAT PALU BARAT LURAH SIRANINDI") == ["a.n. CAMAT PALU BARAT", "LURAH SIRANINDI"]
    assert jabatan_lines("a.n. Bupati Contoh Kepala Dinas Kesehatan") == ["a.n. Bupati Contoh",
                                                                          "Kepala Dinas Kesehatan"]
    assert jabatan_lines("KEPALA DINAS KESEHATAN") == ["KEPALA DINAS KESEHATAN"]
    assert jabatan_lines("Plt. Kepala Dinas\nSekretaris") == ["Plt. Kepala Dinas", "Sekretaris"]


def test_a_short_sop_shares_the_identity_page():
    sop = SOP(identitas=Identitas(nama_sop="Pendek", disahkan_oleh=Pengesahan("KEPALA", "Nama", None, None)),
              pelaksana=["A", "B"],
              kegiatan=[Kegiatan(no=i, uraian=f"Langkah {i}", pelaksana="AB"[i % 2], simbol="proses",
                                 lanjut=[i + 1] if i < 3 else []) for i in range(1, 4)])
    lay = plan(sop)
    assert lay.shared and lay.pages == 1 and lay.proc_start == 1


def _detail_pt(path: Path) -> float:
    """The font size of the "Dasar Hukum:" heading in a written document."""
    for t in docx.Document(str(path)).tables:
        for p in t.cell(0, 0).paragraphs:
            if p.text == "Dasar Hukum:":
                return p.runs[0].font.size.pt
    raise AssertionError("no Dasar Hukum box")


def test_detail_font_steps_down_only_where_it_saves_a_page(tmp_path, monkeypatch):
    """A front part growing by one legal basis at a time: once it ends near
    the page's foot, the detail boxes take a smaller font rather than leave
    their last box on a page of its own; elsewhere they stay at 10 pt, and
    no size ever gives more pages than 10 pt would."""
    import soplint.writers.docx as writer
    from soplint.writers.docx import layout

    # the procedure's own ways of saving a page (smaller symbols, 8 pt) left out
    monkeypatch.setattr(layout, "TRIM", 0.0)
    monkeypatch.setattr(layout, "SMALL_FONT", 9.0)
    words = "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi tentang Pedoman".split()
    saved = kept = 0
    for n in range(4, 26):
        sop = SOP(identitas=Identitas(nama_sop="Pelayanan", disahkan_oleh=Pengesahan("KEPALA", "Nama", None, None)),
                  pelaksana=["A", "B"], kegiatan=[
                      Kegiatan(no=i, uraian=f"Langkah {i}", pelaksana="AB"[i % 2], simbol="proses",
                               lanjut=[i + 1] if i < 9 else []) for i in range(1, 10)])
        sop.dasar_hukum = [" ".join(words[: 4 + (i * 5) % 9]) + f" Nomor {i} Tahun 20{i:02d}" for i in range(n)]
        lay = plan(sop)
        out = tmp_path / f"n{n}.docx"
        write(sop, out)
        with monkeypatch.context() as m:
            m.setattr(writer, "DETAIL_SIZES", (10.0,))
            fixed = plan(sop)
        assert lay.pages <= fixed.pages, n
        if _detail_pt(out) < 10:
            assert (lay.pages, lay.front_pages) < (fixed.pages, fixed.front_pages), n
            saved += fixed.pages - lay.pages
        else:
            assert lay.pages == fixed.pages, n
            kept += 1
    assert saved >= 1 and kept >= 5, (saved, kept)


def test_every_sample_and_unseen_file_converts_to_a_complete_form(tmp_path):
    """Issue 14's first measure over every Word sample and unseen file: each
    output has every identity row and detail box, no leftover text in its
    body (it goes to the side file), and the source's logo in the logo cell
    where the source has one."""
    root = Path(__file__).resolve().parent.parent
    sources = sorted((root / "samples").glob("*.docx")) + sorted((root / "tests" / "unseen" / "files").glob("*.docx"))
    assert len(sources) > 60
    with_logo = {f.stem for f in sources if any(s.sumber.logo for s in read(f))}
    assert len(with_logo) >= 15
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["convert", *map(str, sources), "-o", str(out), "--no-progress"])
    assert res.exit_code in (0, 1), res.output
    outputs = sorted(out.rglob("*.docx"))
    assert len(outputs) >= len(sources)
    stems = {f.stem for f in sources}
    logos = 0
    for target in outputs:
        text = body_text(target)
        for _key, lab in ID_LABELS + DETAIL_LABELS:
            assert lab in text, (target.name, lab)
        assert "Catatan konversi" not in text, target.name
        stem = target.stem if target.stem in stems else target.stem.rsplit("-", 1)[0]
        assert stem in stems, target.name
        if stem in with_logo:
            first = docx.Document(str(target)).tables[0].rows[0].cells[0]
            assert first._tc.xpath(".//pic:pic"), target.name
            logos += 1
    assert logos >= len(with_logo)


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    """``convert arsip -o arsip/baku``, run twice: the second run does not
    convert the first run's outputs again (into arsip/baku/baku/)."""
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    arsip = tmp_path / "arsip"
    arsip.mkdir()
    shutil.copy(root / "samples" / "surat-masuk-bappeda.docx", arsip / "surat.docx")
    cmd = [sys.executable, "-m", "soplint", "--lang", "en", "convert", "arsip", "-o", "arsip/baku"]
    first = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0 and (arsip / "baku" / "surat.docx").is_file(), first.stderr
    again = subprocess.run(cmd + ["--force"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "1 files written, 0 failed" in again.stderr
    assert "the output folder is not read as input" in again.stderr
    assert not (arsip / "baku" / "baku").exists()
