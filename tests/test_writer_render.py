"""The writer's output in LibreOffice: every converted document opens, the PDF
holds every step, the page count is the writer's own pagination, and a long
SOP repeats its header rows and pairs its off-page connectors across pages.
All documents go through ONE soffice call (it is the slow part)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from soplint.cli import cli
from soplint.model import TakTerpetakan
from soplint.readers import read_path
from soplint.values import norm_space
from soplint.writers.docx import plan, write

from test_writer_docx import WORDS, sop_model  # noqa: E402  (tests/ is on sys.path)
from test_writer_fit import long_keterangan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SERAWAI = ("bps-098-serawai", "bps-098-serawai-grup")


def _pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M)[1])


def _pdf_text(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return _flat(out)


def _flat(text: str) -> str:
    """Whitespace collapsed; hyphens dropped (pdftotext removes the hyphen of
    a line broken after "e-" as if it were hyphenation); a line broken after
    "/" joined."""
    return re.sub(r"/\s+", "/", re.sub(r"-\s*", "", norm_space(text)))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Write the documents, convert them all to PDF in one soffice run."""
    # module scope: the function-scoped `soffice` fixture (requested by every
    # test below, first) decides skip/fail; here we only need the binary
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext not installed")
    base = tmp_path_factory.mktemp("render")
    docs: dict[str, tuple[Path, object, object]] = {}
    # built models
    cases = {
        "sebelas": ({}, sop_model()),
        "panjang": ({}, sop_model(n_steps=40, n_actors=7,
                                  decisions=((5, 3), (12, 15), (19, 16), (26, 29), (33, 30)), long_text=True)),
        "a4": ({"kertas": "A4"}, sop_model(n_steps=22, n_actors=8, decisions=((6, 2), (15, 18)))),
    }
    # detail lists longer than a page: the front part spans pages
    long_front = sop_model(n_steps=6, decisions=())
    long_front.dasar_hukum = [f"Peraturan Daerah Nomor {i} Tahun {2000 + i} tentang " + " ".join(
        WORDS[(i * 3 + j) % len(WORDS)] for j in range(12 + i % 9)) for i in range(1, 30)]
    long_front.peralatan_perlengkapan = [f"Alat kerja nomor {i}" for i in range(1, 31)]
    cases["depan"] = ({}, long_front)
    # a short SOP: the procedure shares the identity page
    short = sop_model(n_steps=3, n_actors=3, decisions=())
    short.dasar_hukum = short.dasar_hukum[:1]
    cases["pendek"] = ({}, short)
    # many unplaced texts: "Catatan konversi" over several pages
    notes = sop_model(n_steps=7, decisions=())
    notes.tak_terpetakan = [TakTerpetakan(" ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(3 + (i * 11) % 60)),
                                          f"paragraf {i}") for i in range(75)]
    cases["catatan"] = ({"lampiran": True}, notes)
    # long Keterangan texts: content-sized columns, the procedure at 8 pt
    fitted = long_keterangan(11, words=28)
    for k in fitted.kegiatan:
        k.uraian = " ".join(WORDS[(k.no + j) % len(WORDS)] for j in range(12))
    cases["sesuai-isi"] = ({}, fitted)
    # 13 ordinary steps: one procedure page with symbols 1 mm lower
    cases["tiga-belas"] = ({}, sop_model(n_steps=13, n_actors=4, decisions=((4, 2),)))
    for name, (opts, sop) in cases.items():
        out = base / f"{name}.docx"
        lay = write(sop, out, opts)
        docs[name] = (out, sop, lay)
    # every sample, through the real CLI (reader + writer)
    conv = base / "samples"
    res = CliRunner().invoke(cli, ["convert", str(ROOT / "samples"), "-o", str(conv)])
    assert res.exit_code == 0, res.output
    for src in sorted((ROOT / "samples").glob("*.docx")):
        sops = read_path(src)
        names = [f"{src.stem}.docx"] if len(sops) == 1 else [f"{src.stem}-{i:02d}.docx" for i in
                                                              range(1, len(sops) + 1)]
        for sop, name in zip(sops, names):
            docs["sample:" + name] = (conv / name, sop, plan(sop))
    # rebuilds of a real BPS SOP whose front part ends close to the page's foot
    for stem in SERAWAI:
        src = ROOT / "tests" / "unseen" / "files" / f"{stem}.docx"
        res = CliRunner().invoke(cli, ["convert", str(src), "-o", str(base / stem)])
        assert res.exit_code == 0, res.output
        sop = read_path(src)[0]
        docs[stem] = (base / stem / f"{stem}.docx", sop, plan(sop))
    pdf_dir = base / "pdf"
    profile = (base / "lo-profile").as_uri()
    cmd = [path, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
           str(pdf_dir)] + [str(p) for p, _s, _l in docs.values()]
    subprocess.run(cmd, capture_output=True, timeout=600)
    return {name: (doc, pdf_dir / (doc.stem + ".pdf"), sop, lay) for name, (doc, sop, lay) in docs.items()}


def test_every_document_opens_and_shows_every_step(soffice, rendered):
    assert len([n for n in rendered if n.startswith("sample:")]) >= 10
    missing = []
    for name, (doc, pdf, sop, lay) in rendered.items():
        assert pdf.exists(), f"LibreOffice could not convert {name}"
        text = _pdf_text(pdf)
        for k in sop.kegiatan:
            if _flat(k.uraian) not in text:
                missing.append((name, k.no, k.uraian))
        for a in sop.pelaksana:
            assert all(w in text for w in _flat(a).split()), (name, a)
        if sop.identitas.nama_sop:
            assert _flat(sop.identitas.nama_sop) in text, name
    assert not missing, missing


def test_page_count_is_the_writers_pagination(soffice, rendered):
    wrong = {name: (_pdf_pages(pdf), lay.pages) for name, (doc, pdf, sop, lay) in rendered.items()
             if _pdf_pages(pdf) != lay.pages}
    assert not wrong, wrong


def test_long_sop_repeats_headers_and_pairs_offpage_connectors(soffice, rendered, tmp_path):
    doc, pdf, sop, lay = rendered["panjang"]
    assert lay.proc_pages >= 4
    first_proc = lay.proc_start
    index = {k.no: i for i, k in enumerate(sop.kegiatan)}
    for p in range(lay.proc_pages):
        text = _pdf_text(pdf, first_proc + p)
        # the two header rows on every procedure page
        for head in ("No", "Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"):
            assert head in text, (p, head)
        # the steps the writer put on this page are on this page
        for i, k in enumerate(sop.kegiatan):
            if lay.page_of[i] == p:
                assert _flat(k.uraian) in text, (p, k.no)
    # every off-page edge: its letter on the source's page and on the target's page
    offs = [e for e in lay.edges if e.kind == "offpage"]
    assert len(offs) >= lay.proc_pages - 1
    for e in offs:
        src_page = first_proc + lay.page_of[index[e.src]]
        dst_page = first_proc + lay.page_of[index[e.dst]]
        assert src_page != dst_page
        for page in (src_page, dst_page):
            tokens = _pdf_text(pdf, page).split()
            assert e.label in tokens, (e, page)
    # a picture of the first procedure page, for a person to look at
    png = tmp_path / "halaman"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(first_proc), "-l", str(first_proc), str(pdf),
                    str(png)], check=True)
    assert list(tmp_path.glob("halaman*.png"))


def test_front_part_spanning_pages_is_counted(soffice, rendered):
    doc, pdf, sop, lay = rendered["depan"]
    assert lay.front_pages >= 2
    assert _pdf_pages(pdf) == lay.pages
    # the procedure starts on the page the writer planned for it
    assert "Mutu Baku" in _pdf_text(pdf, lay.proc_start)
    assert "Mutu Baku" not in _pdf_text(pdf, lay.proc_start - 1)


def test_short_sop_shares_the_identity_page(soffice, rendered):
    doc, pdf, sop, lay = rendered["pendek"]
    assert lay.shared and lay.pages == 1
    assert _pdf_pages(pdf) == 1
    text = _pdf_text(pdf, 1)
    assert "Nomor SOP" in text and "Mutu Baku" in text


@pytest.mark.parametrize("stem", SERAWAI)
def test_front_part_near_the_page_foot_keeps_to_its_page(soffice, rendered, stem):
    """The identity table and the six detail boxes of BPS SOP 098 fill its
    first page: they stay on it, not with the last detail box alone on a
    second page before the procedure; its 11 long steps fit the next page."""
    doc, pdf, sop, lay = rendered[stem]
    assert _pdf_pages(pdf) <= 2
    first = _pdf_text(pdf, 1)
    assert "Nomor SOP" in first and "Pencatatan dan Pendataan" in first
    assert "Mutu Baku" in _pdf_text(pdf, 2)
    assert len(sop.kegiatan) == 11


def test_content_sized_columns_render_as_planned(soffice, rendered):
    doc, pdf, sop, lay = rendered["sesuai-isi"]
    assert lay.cols.font == 8.0 and lay.cols.keterangan > 60
    assert _pdf_pages(pdf) == lay.pages
    for i, k in enumerate(sop.kegiatan):
        assert _flat(k.keterangan) in _pdf_text(pdf, lay.proc_start + lay.page_of[i]), k.no


def test_catatan_konversi_over_pages(soffice, rendered):
    doc, pdf, sop, lay = rendered["catatan"]
    assert lay.catatan_pages >= 2
    assert _pdf_pages(pdf) == lay.pages
    first = lay.proc_start + lay.proc_pages
    assert _pdf_text(pdf, first).startswith("Catatan konversi")
    assert _flat(f"[{sop.tak_terpetakan[-1].lokasi}] {sop.tak_terpetakan[-1].teks}") in _pdf_text(pdf, lay.pages)


def test_a4_option_gives_a4_pages(soffice, rendered):
    doc, pdf, sop, lay = rendered["a4"]
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups())
    assert abs(w - 297 / 25.4 * 72) < 2 and abs(h - 210 / 25.4 * 72) < 2
    doc, pdf, sop, lay = rendered["sebelas"]
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups())
    assert abs(w - 330 / 25.4 * 72) < 2 and abs(h - 215 / 25.4 * 72) < 2
