"""The standard-template .docx writer: structure of the output (page, tables,
native flowchart shapes, pagination), round trip through the docx reader,
idempotence, the CLI. LibreOffice rendering is in test_writer_render.py."""
from __future__ import annotations

import importlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from soplint.model import (
    SOP,
    Cabang,
    Identitas,
    Kegiatan,
    Pengesahan,
    TakTerpetakan,
    Waktu,
    from_dict,
    to_dict,
)
from soplint.values import BULAN, parse_tanggal, parse_waktu
from soplint.writers.docx import plan, render, write
from writer_oracle import canonical

ROOT = Path(__file__).resolve().parent.parent
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
W = "{%s}" % NS["w"]

ACTORS = ["Pemohon", "Petugas Loket", "Pengadministrasi Umum", "Kasubbag Umum dan Kepegawaian",
          "Sekretaris", "Kepala Bidang Pelayanan Perizinan Terpadu", "Kepala Dinas", "Tim Teknis"]
WORDS = ("menerima memeriksa berkas surat permohonan mengagendakan mendisposisikan menandatangani "
         "konsep balasan kelengkapan persyaratan pemohon dinas kepala bidang arsip nomor register "
         "memverifikasi data kependudukan mencetak dokumen menyerahkan kepada petugas loket "
         "pelayanan terpadu satu pintu izin rekomendasi teknis lapangan laporan hasil").split()
INSTANSI = ["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR", "PEMERINTAH KOTA BENGKULU", "SEKRETARIAT DAERAH",
            "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "BAGIAN UMUM", "SUB BAGIAN UMUM DAN KEPEGAWAIAN",
            "KECAMATAN SEI SUKA", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"]


# --------------------------------------------------------------------------
# models built in the tests

def sop_model(n_steps=11, n_actors=4, decisions=((4, 2), (9, 7)), long_text=False) -> SOP:
    actors = ACTORS[:n_actors]
    steps = []
    for i in range(1, n_steps + 1):
        simbol = "mulai" if i == 1 else "selesai" if i == n_steps else "proses"
        uraian = f"Langkah {i}: menerima dan memeriksa berkas permohonan"
        if long_text and i % 3 == 0:
            uraian = " ".join(WORDS[(i + j) % len(WORDS)] for j in range(45))
        steps.append(Kegiatan(no=i, uraian=uraian, pelaksana=actors[(i * 5 // 3) % n_actors], simbol=simbol,
                              kelengkapan="Berkas permohonan", waktu=parse_waktu(f"{5 + i} menit"),
                              output=f"Hasil langkah {i}", keterangan="",
                              lanjut=[i + 1] if i < n_steps else []))
    for d, back in decisions:
        if 1 < d < n_steps:
            k = steps[d - 1]
            k.simbol = "keputusan"
            k.uraian = f"Berkas nomor {d} lengkap?"
            k.cabang = Cabang(ya=d + 1, tidak=back)
            k.lanjut = [d + 1]
            k.keterangan = f"Tidak: kembali ke kegiatan {back}"
    return SOP(
        identitas=Identitas(
            instansi=["PEMERINTAH KOTA BENGKULU", "DINAS PENANAMAN MODAL DAN PTSP", "BIDANG PELAYANAN"],
            nomor_sop="065/23.c/DPMPTSP/II/2019",
            tanggal_pembuatan=parse_tanggal("8 April 2019"),
            tanggal_revisi=parse_tanggal("-"),
            tanggal_efektif=parse_tanggal("Mei 2019"),
            disahkan_oleh=Pengesahan("KEPALA DINAS PENANAMAN MODAL DAN PTSP KOTA BENGKULU", "Drs. H. Ahmad Fauzi, M.Si",
                                     "Pembina Utama Muda", "196111221989031005"),
            nama_sop="Pelayanan Izin Praktik Pengobat Tradisional"),
        dasar_hukum=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                     "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012"],
        kualifikasi_pelaksana=["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"],
        keterkaitan=[],
        peralatan_perlengkapan=["Komputer", "Printer", "Buku agenda"],
        peringatan=["Jika berkas tidak lengkap, permohonan tidak dapat diproses"],
        pencatatan_pendataan=None,
        pelaksana=actors,
        kegiatan=steps,
        lainnya={"Jenis Layanan": "Perizinan"},
        tak_terpetakan=[TakTerpetakan("Catatan tulisan tangan di pinggir", "paragraf 41")],
    )


def reader():
    mod = importlib.import_module("soplint.readers.docx")
    fn = getattr(mod, "read", None)
    if fn is None:
        pytest.skip("the docx reader (soplint.readers.docx.read) is not available yet")
    return fn


def comparable(sop: SOP) -> dict:
    d = to_dict(sop)
    for key in ("sumber", "lokasi"):
        d.pop(key, None)
    for k in d["kegiatan"]:
        k.pop("lokasi", None)
    return d


def roundtrip(sop: SOP, path: Path, options=None):
    write(sop, path, options or {})
    back = reader()(path, {})
    assert len(back) == 1, f"{len(back)} SOPs read back from one written SOP"
    return back[0]


# --------------------------------------------------------------------------
# XML helpers

def document_xml(path: Path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def tables(root):
    return root.findall(f"{W}body/{W}tbl")


def cell_text(tc) -> str:
    texts = ("".join(t.text or "" for t in p.iter(f"{W}t")).strip() for p in tc.findall(f"{W}p"))
    return " ".join(t for t in texts if t)


def drawings(root):
    """docPr name -> (docPr element, anchor element)."""
    out = {}
    for dp in root.iter("{%s}docPr" % NS["wp"]):
        out[dp.get("name")] = (dp, dp.getparent())
    return out


# --------------------------------------------------------------------------
# page, tables, shapes

def test_page_is_landscape_f4_by_default_and_a4_by_option(tmp_path):
    sop = sop_model()
    for paper, (w, h) in (("F4", (330, 215)), ("A4", (297, 210))):
        out = tmp_path / f"{paper}.docx"
        write(sop, out, {} if paper == "F4" else {"kertas": "A4"})
        root = document_xml(out)
        for sz in root.iter(f"{W}pgSz"):
            assert sz.get(f"{W}orient") == "landscape"
            assert abs(int(sz.get(f"{W}w")) - w * 1440 / 25.4) < 2
            assert abs(int(sz.get(f"{W}h")) - h * 1440 / 25.4) < 2
        fonts = zipfile.ZipFile(out).read("word/styles.xml").decode()
        assert 'w:ascii="Arial"' in fonts


def test_identity_and_detail_tables(tmp_path):
    sop = sop_model()
    out = tmp_path / "sop.docx"
    write(sop, out)
    ident, detail, proc = tables(document_xml(out))
    rows = [[cell_text(tc) for tc in tr.findall(f"{W}tc")] for tr in ident.findall(f"{W}tr")]
    labels = [r[1] for r in rows]
    assert labels == ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif", "Disahkan oleh",
                      "Nama SOP", "Jenis Layanan"]
    assert rows[0][0] == "PEMERINTAH KOTA BENGKULU DINAS PENANAMAN MODAL DAN PTSP BIDANG PELAYANAN"
    values = dict((r[1], r[2]) for r in rows)
    assert values["Tanggal Pembuatan"] == "8 April 2019"
    assert values["Tanggal Revisi"] == "-"
    assert values["Tanggal Efektif"] == "Mei 2019"
    assert values["Disahkan oleh"] == ("KEPALA DINAS PENANAMAN MODAL DAN PTSP KOTA BENGKULU Drs. H. Ahmad Fauzi, M.Si "
                                       "Pembina Utama Muda NIP. 19611122 198903 1 005")
    dcells = [cell_text(tc) for tr in detail.findall(f"{W}tr") for tc in tr.findall(f"{W}tc")]
    assert dcells[0].startswith("Dasar Hukum: 1.")
    assert dcells[0].endswith("2.Peraturan Menteri PAN-RB Nomor 35 Tahun 2012")  # "2." <tab> item
    assert dcells[2] == "Keterkaitan: -"          # [] -> heading and "-"
    assert dcells[5] == "Pencatatan dan Pendataan: -"  # None -> the box is still there


def test_dates_are_written_in_indonesian(tmp_path):
    sop = sop_model()
    sop.identitas.tanggal_pembuatan = parse_tanggal("08-04-2019")
    sop.identitas.tanggal_efektif = parse_tanggal("Maret 2014")
    sop.identitas.tanggal_revisi = parse_tanggal("2020-01-03")
    out = tmp_path / "sop.docx"
    write(sop, out)
    rows = {cell_text(tr.findall(f"{W}tc")[1]): cell_text(tr.findall(f"{W}tc")[2])
            for tr in tables(document_xml(out))[0].findall(f"{W}tr")}
    assert rows["Tanggal Pembuatan"] == "8 April 2019"
    assert rows["Tanggal Efektif"] == "Maret 2014"
    assert rows["Tanggal Revisi"] == "3 Januari 2020"


def _step_rows(proc):
    trs = proc.findall(f"{W}tr")
    return trs[:2], trs[2:]


def test_procedure_table_headers_rows_and_symbols_in_actor_cells(tmp_path):
    sop = sop_model(n_steps=14, n_actors=5)
    out = tmp_path / "sop.docx"
    write(sop, out)
    root = document_xml(out)
    proc = tables(root)[2]
    head, body = _step_rows(proc)
    for tr in head:
        assert tr.find(f"{W}trPr/{W}tblHeader") is not None
    texts = [cell_text(tc) for tc in head[0].findall(f"{W}tc")]
    assert texts == ["No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan"]
    texts2 = [cell_text(tc) for tc in head[1].findall(f"{W}tc")]
    assert texts2 == ["", ""] + ACTORS[:5] + ["Kelengkapan", "Waktu", "Output", ""]
    assert len(body) == 14
    for tr, k in zip(body, sop.kegiatan):
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
        assert tr.find(f"{W}trPr/{W}trHeight").get(f"{W}hRule") == "exact"
        tcs = tr.findall(f"{W}tc")
        assert cell_text(tcs[0]) == str(k.no)
        assert cell_text(tcs[1]) == k.uraian
        col = sop.pelaksana.index(k.pelaksana)
        names = [[dp.get("name") for dp in tc.iter("{%s}docPr" % NS["wp"])] for tc in tcs[2:7]]
        assert f"soplint:kegiatan:{k.no}" in names[col]
        for other, ns in enumerate(names):
            if other != col:
                assert f"soplint:kegiatan:{k.no}" not in ns
        prst = {"mulai": "flowChartTerminator", "selesai": "flowChartTerminator", "proses": "flowChartProcess",
                "keputusan": "flowChartDecision"}[k.simbol]
        dp, anchor = drawings(root)[f"soplint:kegiatan:{k.no}"]
        assert anchor.get("layoutInCell") == "1"
        assert anchor.find(".//a:prstGeom", NS).get("prst") == prst
        assert anchor.find(".//wps:wsp", NS) is not None


def test_connectors_join_the_symbols_and_decisions_are_labelled(tmp_path):
    sop = sop_model(n_steps=8, decisions=((4, 2), (6, 8)))
    out = tmp_path / "sop.docx"
    write(sop, out)
    root = document_xml(out)
    shapes = drawings(root)
    ids = {dp.get("id"): name for name, (dp, _a) in shapes.items()}
    edges = set()
    for name, (dp, anchor) in shapes.items():
        cn = anchor.find(".//wps:cNvCnPr", NS)
        if cn is None:
            continue
        st_ = cn.find("a:stCxn", NS).get("id")
        en = cn.find("a:endCxn", NS).get("id")
        geom = anchor.find(".//a:prstGeom", NS)
        if geom is not None:  # two points: a straight connector; more: its own path
            assert geom.get("prst") == "straightConnector1"
        else:
            assert anchor.find(".//a:custGeom/a:pathLst/a:path/a:lnTo", NS) is not None
        assert anchor.find(".//a:ln/a:tailEnd", NS).get("type") == "triangle"
        a, b = ids[st_], ids[en]
        if a.startswith("soplint:kegiatan:") and b.startswith("soplint:kegiatan:"):
            m = re.fullmatch(r"soplint:panah:(\d+):(\d+)(?::(ya|tidak))?", name)
            assert m, name
            assert a == f"soplint:kegiatan:{m[1]}" and b == f"soplint:kegiatan:{m[2]}"
            edges.add((int(m[1]), int(m[2]), m[3]))
    expected = set()
    for k in sop.kegiatan:
        if k.cabang:
            expected |= {(k.no, k.cabang.ya, "ya"), (k.no, k.cabang.tidak, "tidak")}
        else:
            expected |= {(k.no, n, None) for n in k.lanjut}
    # on one page every edge is drawn as a connector between the two symbols
    assert plan(sop).proc_pages == 1
    assert edges == expected
    labels = {name: "".join(t.text for t in anchor.iter(f"{W}t")) for name, (dp, anchor) in shapes.items()
              if name.startswith("soplint:label:")}
    assert labels == {"soplint:label:4:ya": "Ya", "soplint:label:4:tidak": "Tidak",
                      "soplint:label:6:ya": "Ya", "soplint:label:6:tidak": "Tidak"}


def test_long_sop_paginates_with_paired_offpage_connectors(tmp_path):
    sop = sop_model(n_steps=40, n_actors=7, decisions=((5, 3), (12, 15), (19, 16), (26, 29), (33, 30)))
    out = tmp_path / "long.docx"
    lay = write(sop, out)
    assert lay.proc_pages >= 4
    root = document_xml(out)
    shapes = drawings(root)
    outs = {n.split(":")[2] for n in shapes if n.startswith("soplint:penghubung:") and n.endswith(":keluar")}
    ins = {n.split(":")[2] for n in shapes if n.startswith("soplint:penghubung:") and n.endswith(":masuk")}
    assert outs and outs == ins
    index = {k.no: i for i, k in enumerate(sop.kegiatan)}
    crossing = [(k.no, n) for k in sop.kegiatan for n in (k.lanjut + ([k.cabang.tidak] if k.cabang else []))
                if lay.page_of[index[k.no]] != lay.page_of[index[n]]]
    assert len(crossing) >= lay.proc_pages - 1
    for a, b in crossing:
        names = [n for n in shapes if re.fullmatch(rf"soplint:panah:{a}:{b}(:ya|:tidak)?:keluar", n)]
        assert len(names) == 1, (a, b)
    # the pentagon text is its label on both ends
    for name, (dp, anchor) in shapes.items():
        if name.startswith("soplint:penghubung:"):
            assert anchor.find(".//a:prstGeom", NS).get("prst") == "flowChartOffpageConnector"
            assert "".join(t.text for t in anchor.iter(f"{W}t")) == name.split(":")[2]
    # every page but the last is filled to the same height (exact rows)
    heights = {}
    for i, h in enumerate(lay.rows):
        heights[lay.page_of[i]] = heights.get(lay.page_of[i], 0) + h
    full = [heights[p] for p in range(lay.proc_pages - 1)]
    assert max(full) - min(full) < 0.01
    assert full[0] <= lay.capacity + 0.01


def test_leftovers_stay_out_of_the_document_unless_asked_as_appendix(tmp_path):
    sop = sop_model()
    out = tmp_path / "sop.docx"
    write(sop, out)
    text = "".join(t.text or "" for t in document_xml(out).iter(f"{W}t"))
    assert "Catatan konversi" not in text and "Catatan tulisan tangan" not in text
    write(sop, out, {"lampiran": True})
    body = document_xml(out).find(f"{W}body")
    paras = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.findall(f"{W}p")]
    i = paras.index("Catatan konversi")
    assert paras[i + 1] == "[paragraf 41] Catatan tulisan tangan di pinggir"


def test_template_keeps_styles_header_and_page(tmp_path):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    tpl = docx.Document()
    sec = tpl.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.left_margin = Mm(25)
    sec.header.paragraphs[0].text = "KOP PEMERINTAH KABUPATEN CONTOH"
    tpl.add_paragraph("Isi templat yang harus dibuang")
    tpl.styles["Normal"].font.name = "Liberation Serif"
    tpath = tmp_path / "templat.docx"
    tpl.save(tpath)
    out = tmp_path / "sop.docx"
    lay = write(sop_model(), out, {"template": str(tpath)})
    assert abs(lay.page.width - 297) < 0.1 and abs(lay.page.left - 25) < 0.1
    d = docx.Document(str(out))
    assert d.sections[-1].header.paragraphs[0].text == "KOP PEMERINTAH KABUPATEN CONTOH"
    assert all("Isi templat" not in p.text for p in d.paragraphs)
    assert d.styles["Normal"].font.name == "Liberation Serif"
    assert tpath.read_bytes() == tpath.read_bytes()  # the template is only read


def test_output_is_written_atomically_and_never_half(tmp_path):
    out = tmp_path / "x.docx"
    write(sop_model(), out)
    assert zipfile.is_zipfile(out)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_tidak_baku_keeps_its_own_shape(tmp_path):
    sop = sop_model()
    sop.kegiatan[2].simbol = "tidak_baku"
    sop.kegiatan[2].bentuk = "t114"
    out = tmp_path / "x.docx"
    write(sop, out)
    _dp, anchor = drawings(document_xml(out))["soplint:kegiatan:3"]
    assert anchor.find(".//a:prstGeom", NS).get("prst") == "flowChartDocument"
    assert canonical(sop).kegiatan[2].bentuk == "flowChartDocument"


# --------------------------------------------------------------------------
# round trip through the reader

def test_roundtrip_built_models(tmp_path):
    cases = [sop_model(), sop_model(n_steps=40, n_actors=7, decisions=((5, 3), (12, 15), (19, 16), (33, 30))),
             sop_model(n_steps=25, n_actors=8, long_text=True), sop_model(n_steps=1, n_actors=2, decisions=())]
    for i, sop in enumerate(cases):
        back = roundtrip(sop, tmp_path / f"c{i}.docx")
        assert comparable(back) == comparable(canonical(sop)), f"case {i}"


def test_roundtrip_single_actor(tmp_path):
    sop = sop_model(n_steps=3, n_actors=1, decisions=())
    back = roundtrip(sop, tmp_path / "satu.docx")
    assert comparable(back) == comparable(canonical(sop))
    # the actor's column is two merged grid columns under "Pelaksana"
    proc = tables(document_xml(tmp_path / "satu.docx"))[2]
    head = proc.findall(f"{W}tr")[1].findall(f"{W}tc")
    assert cell_text(head[2]) == "Pemohon"
    assert head[2].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"


def test_idempotent_conversion(tmp_path):
    sop = sop_model(n_steps=18, n_actors=5, decisions=((6, 3), (10, 14)))
    first = roundtrip(sop, tmp_path / "a.docx")
    second = roundtrip(first, tmp_path / "b.docx")
    assert comparable(second) == comparable(first)
    assert comparable(canonical(first)) == comparable(first)


def _sample_models():
    out = []
    for f in sorted((ROOT / "samples" / ".oracle").glob("*.expected.json")):
        data = json.loads(f.read_text("utf-8"))
        items = data if isinstance(data, list) else data.get("sop", [data]) if isinstance(data, dict) else []
        if isinstance(items, dict):
            items = [items]
        for j, m in enumerate(items):
            out.append((f"{f.name}#{j}", m))
    return out


def test_roundtrip_every_sample_oracle(tmp_path):
    models = _sample_models()
    if not models:
        pytest.skip("no sample oracles (samples/.oracle/*.expected.json) yet")
    bad = []
    for name, data in models:
        sop = from_dict(data)
        back = roundtrip(sop, tmp_path / (re.sub(r"\W", "_", name) + ".docx"))
        if comparable(back) != comparable(canonical(sop)):
            bad.append(name)
    assert not bad, f"{len(bad)}/{len(models)} samples do not round-trip: {bad}"


# --------------------------------------------------------------------------
# hypothesis: generated models

def _date(draw, revisi=False):
    if revisi and draw(st.booleans()):
        return parse_tanggal("-")
    y = draw(st.integers(2005, 2030))
    m = draw(st.integers(1, 12))
    if draw(st.integers(0, 3)) == 0:
        return parse_tanggal(f"{BULAN[m]} {y}")
    d = draw(st.integers(1, 28))
    return parse_tanggal(f"{d} {BULAN[m]} {y}")


def _phrase(draw, lo=1, hi=12):
    n = draw(st.integers(lo, hi))
    words = [draw(st.sampled_from(WORDS)) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words)


@st.composite
def sop_models(draw):
    n_act = draw(st.integers(1, 8))
    actors = draw(st.permutations(ACTORS))[:n_act]
    n = draw(st.integers(1, 40))
    steps = []
    for i in range(1, n + 1):
        simbol = "mulai" if i == 1 else "selesai" if i == n else draw(
            st.sampled_from(["proses", "proses", "proses", "keputusan"]))
        if simbol == "keputusan" and n < 3:
            simbol = "proses"
        waktu = draw(st.sampled_from([None, "5 menit", "15 Menit", "1 jam", "2 hari kerja", "-", "10-15 menit"]))
        k = Kegiatan(no=i, uraian=_phrase(draw, 1, 40 if draw(st.integers(0, 9)) == 0 else 10),
                     pelaksana=draw(st.sampled_from(actors)), simbol=simbol,
                     kelengkapan=draw(st.sampled_from(["", "Berkas permohonan", "Surat masuk", "Formulir"])),
                     waktu=parse_waktu(waktu), output=draw(st.sampled_from(["", "Surat teragenda", "Izin"])),
                     keterangan=draw(st.sampled_from(["", "Rahasia", "Tembusan ke arsip"])),
                     lanjut=[i + 1] if i < n else [])
        if simbol == "keputusan":
            other = draw(st.integers(1, n).filter(lambda x: x not in (i, i + 1)))
            k.cabang = Cabang(ya=i + 1, tidak=other)
            k.uraian = k.uraian + " sudah lengkap?"
        elif simbol == "proses":
            extra = draw(st.integers(0, 19))
            col = actors.index(k.pelaksana)
            if extra == 0 and col + 1 < len(actors):
                # a step done by two actors: the left-most one is the pelaksana
                k.pelaksana_lain = [actors[draw(st.integers(col + 1, len(actors) - 1))]]
            elif extra == 1:
                k.simbol, k.bentuk = "tidak_baku", draw(st.sampled_from(["flowChartDocument", "t114", "t120"]))
        steps.append(k)
    # one Waktu cell merged over a few consecutive steps
    if n >= 4 and draw(st.booleans()):
        start = draw(st.integers(1, n - 2))
        group = list(range(start, min(n, start + draw(st.integers(2, 3))) + 1))
        for no in group:
            steps[no - 1].waktu = Waktu("30 menit", 30, group)
    lists = {}
    for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
                "pencatatan_pendataan"):
        choice = draw(st.integers(0, 4))
        lists[key] = None if choice == 0 else [] if choice == 1 else [
            _phrase(draw, 2, 16) for _ in range(draw(st.integers(1, 6)))]
    title = _phrase(draw, 2, 30)
    return SOP(
        identitas=Identitas(
            instansi=draw(st.lists(st.sampled_from(INSTANSI), min_size=1, max_size=4, unique=True)),
            nomor_sop=draw(st.sampled_from([None, "", "065/23.c/DKPS/II/2014", "800/ 12 /BKPSDM/2021"])),
            tanggal_pembuatan=_date(draw), tanggal_revisi=_date(draw, revisi=True), tanggal_efektif=_date(draw),
            disahkan_oleh=Pengesahan("KEPALA " + _phrase(draw, 1, 8).upper(), _phrase(draw, 2, 4) + ", S.Sos",
                                     draw(st.sampled_from(["Pembina", "Pembina Tk. I (IV/b)", "Pembina Utama Muda"])),
                                     "".join(str(draw(st.integers(0, 9))) for _ in range(18))),
            nama_sop=title),
        pelaksana=actors, kegiatan=steps,
        lainnya=draw(st.sampled_from([{}, {"Jenis Layanan": "Perizinan"}])),
        **lists)


# the same generated models on every run (CI must not pass or fail by the draw); a
# random search for new counterexamples: set derandomize=False locally
@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(sop=sop_models())
def test_roundtrip_generated_models(sop, tmp_path):
    read = reader()
    data, lay = render(sop)
    path = tmp_path / "gen.docx"
    path.write_bytes(data)
    back = read(path, {})
    assert len(back) == 1
    got, want = comparable(back[0]), comparable(canonical(sop))
    diff = [(a, b) for a, b in zip(got["kegiatan"], want["kegiatan"]) if a != b]
    assert not diff, [{k: (a.get(k), b.get(k)) for k in b if a.get(k) != b.get(k)} for a, b in diff]
    assert got == want
    assert lay.proc_pages >= 1


# --------------------------------------------------------------------------
# the CLI

def test_cli_convert_json_model_to_docx(tmp_path):
    from soplint.cli import cli as main

    src = tmp_path / "in"
    src.mkdir()
    model = sop_model(n_steps=6, decisions=((3, 2),))
    (src / "surat.json").write_text(json.dumps(to_dict(model), ensure_ascii=False), "utf-8")
    before = (src / "surat.json").read_bytes()
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["convert", str(src / "surat.json"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    target = out / "surat.docx"
    assert zipfile.is_zipfile(target)
    assert (src / "surat.json").read_bytes() == before
    names = set(drawings(document_xml(target)))
    assert {f"soplint:kegiatan:{i}" for i in range(1, 7)} <= names
    res = CliRunner().invoke(main, ["convert", str(src / "surat.json"), "-o", str(out)])
    assert res.exit_code == 1  # refuses to overwrite without --force


def _png(path: Path, w: int = 24, h: int = 24) -> Path:
    """A small real PNG (green square) written with zlib only."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\x10\x80\x20" * w for _ in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_cli_paper_and_logo_options(tmp_path):
    from soplint.cli import cli as main

    model = sop_model(n_steps=5, decisions=())
    src = tmp_path / "sop.json"
    src.write_text(json.dumps(to_dict(model), ensure_ascii=False), "utf-8")
    logo = _png(tmp_path / "logo.png")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--kertas", "A4", "--logo", str(logo)])
    assert res.exit_code == 0, res.output
    root = document_xml(out / "sop.docx")
    for sz in root.iter(f"{W}pgSz"):
        assert abs(int(sz.get(f"{W}w")) - 297 * 1440 / 25.4) < 2
    first_cell = tables(root)[0].find(f"{W}tr/{W}tc")
    assert first_cell.find(".//{http://schemas.openxmlformats.org/drawingml/2006/picture}pic") is not None
    assert cell_text(first_cell) == " ".join(model.identitas.instansi)


def test_cli_converting_a_converted_file_changes_nothing(tmp_path):
    """legacy .docx -> converted -> converted again: the same model both times."""
    from soplint.cli import cli as main

    reader()
    samples = sorted((ROOT / "samples").glob("*.docx"))
    if not samples:
        pytest.skip("no samples yet")
    picks = [p for p in samples if p.stem in ("surat-masuk-bappeda", "kk-disdukcapil-palangkaraya",
                                              "sktm-kecamatan-sei-suka")] or samples[:3]
    one, two = tmp_path / "satu", tmp_path / "dua"
    res = CliRunner().invoke(main, ["convert", *map(str, picks), "-o", str(one)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["convert", str(one), "-o", str(two)])
    assert res.exit_code == 0, res.output
    firsts = sorted(one.glob("*.docx"))
    assert len(firsts) >= len(picks)
    for first in firsts:
        a = reader()(first, {})
        b = reader()(two / first.name, {})
        assert [comparable(x) for x in a] == [comparable(x) for x in b], first.name
        assert comparable(a[0]) == comparable(canonical(a[0]))


def test_degenerate_models_still_give_a_document(tmp_path):
    """Nothing to draw, unknown actors, missing targets: a valid document, read back as one SOP."""
    odd = sop_model()
    odd.kegiatan[2].pelaksana = None            # no actor: no symbol, no arrows to/from it
    odd.kegiatan[3].pelaksana = "Bukan Pelaksana"
    odd.kegiatan[1].lanjut = [99, 3]            # 99 does not exist
    cases = [SOP(), SOP(pelaksana=["Staf", "Kasubbag"]),
             SOP(kegiatan=[Kegiatan(1, "Menerima berkas"), Kegiatan(2, "Mengarsipkan")]), odd]
    for i, sop in enumerate(cases):
        out = tmp_path / f"d{i}.docx"
        lay = write(sop, out)
        assert lay.pages >= (1 if lay.shared else 2)  # a short procedure may share the identity page
        back = reader()(out, {})
        assert len(back) == 1
        assert [k.uraian for k in back[0].kegiatan] == [k.uraian for k in sop.kegiatan]
    names = set(drawings(document_xml(tmp_path / "d3.docx")))
    assert "soplint:kegiatan:3" not in names and "soplint:kegiatan:4" not in names
    assert not [n for n in names if n.startswith("soplint:panah:2:99")]
