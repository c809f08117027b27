"""--annotate: a copy of a real .docx with one Word comment per finding at the
text the finding is about; the original untouched; LibreOffice opens it."""
import hashlib
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt
from lxml import etree

from soplint.findings import Finding, SopSummary
from soplint.report.annotate import annotate_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

IDENTITAS = [
    ("Nomor SOP", "065/ /2014"),
    ("Tanggal Pembuatan", "03 Februari 2014"),
    ("Tanggal Revisi", "-"),
    ("Tanggal Efektif", "Maret 2014"),
    ("Disahkan oleh", "KEPALA DINAS KOMUNIKASI\nDrs. H. Ahmad Yani\nNIP. 19611122 198903 1 005"),
    ("Nama SOP", None),
]
STEPS = [
    # no, uraian, actor column (0..2), kelengkapan, waktu, output
    ("1", "Staf menerima surat masuk", 0, "Surat masuk", "5 menit", "Surat diterima"),
    ("2", "Mengagendakan surat", 0, "Buku agenda", "segera", "Surat teragenda"),
    ("3", "Memeriksa dan mendisposisi surat", 1, "Surat teragenda", "", "Disposisi"),
    ("4", "Mengarsipkan surat", None, "Disposisi", "10 menit", "Arsip surat"),
]
ACTORS = ["Pengadministrasi Umum", "Kasubbag Umum", "Kepala Dinas"]


def _merge_down(table, col, top, bottom):
    table.cell(top, col).merge(table.cell(bottom, col))


def add_sop(doc, nama="Pelayanan Administrasi Surat Masuk", nomor="065/ /2014", note=None):
    """One SOP in the usual two-part layout: title, identity table (logo cell,
    label, colon, value), detail table, procedure table with ticks."""
    doc.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
    ident = doc.add_table(rows=len(IDENTITAS), cols=4)
    ident.style = "Table Grid"
    for r, (label, value) in enumerate(IDENTITAS):
        ident.cell(r, 1).text = label
        ident.cell(r, 2).text = ":"
        if label == "Nama SOP":
            value = nama
        if label == "Nomor SOP":
            value = nomor
        cell = ident.cell(r, 3)
        lines = value.split("\n")
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    logo = ident.cell(0, 0).merge(ident.cell(len(IDENTITAS) - 1, 0))
    logo.text = "PEMERINTAH KOTA BENGKULU"
    logo.add_paragraph("DINAS KOMUNIKASI DAN INFORMATIKA")

    detail = doc.add_table(rows=3, cols=2)
    detail.style = "Table Grid"
    items = [("Dasar Hukum:", ["UU 32/2004 tentang Pemerintahan Daerah",
                               "Permendagri Nomor 52 Tahun 2011 tentang SOP"]),
             ("Kualifikasi Pelaksana:", ["Memahami tata naskah dinas"]),
             ("Keterkaitan:", ["SOP Surat Keluar"]),
             ("Peralatan/Perlengkapan:", ["Komputer"]),
             ("Pencatatan dan Pendataan:", ["Buku agenda"]),
             ("Catatan Lain:", ["-"])]
    for i, (label, values) in enumerate(items):
        cell = detail.cell(i // 2, i % 2)
        cell.text = label
        for k, v in enumerate(values, 1):
            cell.add_paragraph(f"{k}. {v}")
    if note:
        doc.add_paragraph(note)

    ncols = 2 + len(ACTORS) + 3 + 1
    proc = doc.add_table(rows=2 + len(STEPS), cols=ncols)
    proc.style = "Table Grid"
    head = ["No", "Kegiatan", "Pelaksana", "", "", "Mutu Baku", "", "", "Keterangan"]
    sub = ["", ""] + ACTORS + ["Kelengkapan", "Waktu", "Output", ""]
    for c in range(ncols):
        proc.cell(0, c).text = head[c]
        proc.cell(1, c).text = sub[c]
    for r, (no, uraian, actor, kel, waktu, output) in enumerate(STEPS, start=2):
        row = proc.rows[r].cells
        row[0].text = no
        row[1].text = uraian
        if actor is not None:
            row[2 + actor].text = "\u221a"
        row[5].text = kel
        row[6].text = waktu
        row[7].text = output
    # merges after filling (merged text would concatenate)
    for c in (0, 1, 8):
        keep = proc.cell(0, c).text
        merged = proc.cell(0, c).merge(proc.cell(1, c))
        merged.text = keep
    proc.cell(0, 2).merge(proc.cell(0, 4)).text = "Pelaksana"
    proc.cell(0, 5).merge(proc.cell(0, 7)).text = "Mutu Baku"
    return doc


def build_docx(path, sops=1, with_comment=False):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(10)
    add_sop(doc, note="Catatan: surat rahasia langsung ke Kepala Dinas")
    for k in range(1, sops):
        doc.add_page_break()
        add_sop(doc, nama=f"Pelayanan Surat Keluar {k}", nomor=f"066/{k}/2014")
    if with_comment:
        para = doc.paragraphs[0]
        doc.add_comment(para.runs, text="komentar reviewer", author="Ortala", initials="OR")
    doc.save(path)
    return Path(path)


# -------------------------------------------------------------------------
# reading the annotated copy back


def comment_places(path):
    """{comment id: (anchored text, place)}: place is ("tabel", T, R, C) with
    1-based table/row and the 0-based cell index, or ("paragraf", P)."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(f"{{{W}}}body")
    open_ids = {}
    texts = {}
    places = {}
    def top(tag):
        out = []
        for el in body:
            if el.tag == f"{{{W}}}sdt":
                out.extend(x for x in el.find(f"{{{W}}}sdtContent") if x.tag == tag)
            elif el.tag == tag:
                out.append(el)
        return out

    tables = top(f"{{{W}}}tbl")
    paras = top(f"{{{W}}}p")

    def place_of(el):
        node = el
        tc = tr = tbl = None
        while node is not None and node is not body:
            if node.tag == f"{{{W}}}tc" and tc is None:
                tc = node
            if node.tag == f"{{{W}}}tr" and tr is None:
                tr = node
            if node.tag == f"{{{W}}}tbl":
                tbl = node
            parent = node.getparent()
            if parent is body or parent.tag == f"{{{W}}}sdtContent":
                if node.tag == f"{{{W}}}p":
                    return ("paragraf", paras.index(node) + 1)
                rows = tbl.findall(f"{{{W}}}tr")
                return ("tabel", tables.index(tbl) + 1, rows.index(tr) + 1, tr.findall(f"{{{W}}}tc").index(tc))
            node = parent
        return None

    for el in body.iter():
        if el.tag == f"{{{W}}}commentRangeStart":
            cid = el.get(f"{{{W}}}id")
            open_ids[cid] = []
            places[cid] = place_of(el)
        elif el.tag == f"{{{W}}}commentRangeEnd":
            cid = el.get(f"{{{W}}}id")
            texts[cid] = "".join(open_ids.pop(cid, []))
        elif el.tag == f"{{{W}}}t":
            for buf in open_ids.values():
                buf.append(el.text or "")
        elif el.tag == f"{{{W}}}p":
            for buf in open_ids.values():
                if buf:
                    buf.append(" ")
    return {cid: (" ".join(texts.get(cid, "").split()), places[cid]) for cid in places}


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def F(code, name, message, berkas, **kw):
    kw.setdefault("indeks", 0)
    return Finding(code=code, name=name, severity=kw.pop("severity", "warning"), message=message,
                   berkas=str(berkas), **kw)


def findings_for(src):
    return [
        F("ID04", "tanggal-tidak-lengkap", "Tanggal Efektif hanya bulan dan tahun", src,
          field="identitas.tanggal_efektif", lokasi="tabel 1", teks="Maret 2014"),
        F("ID06", "nomor-sop", "Nomor SOP memiliki segmen kosong", src, field="identitas.nomor_sop"),
        F("PR05", "waktu-kosong", "Kegiatan 3 tidak mempunyai waktu", src, field="kegiatan.waktu",
          kegiatan=3, lokasi="tabel 3, baris 5"),
        F("PR06", "waktu-tidak-terukur", "Waktu 'segera' tidak terukur", src, kegiatan=2,
          lokasi='tabel 3, baris 4, kolom "Waktu"', teks="segera"),
        F("PR09", "subjek-dalam-uraian", "Uraian diawali nama pelaksana", src, kegiatan=1,
          lokasi="tabel 3, baris 3", teks="Staf menerima surat masuk", severity="info"),
        F("PR02", "pelaksana-kosong", "Kegiatan 4 tanpa pelaksana", src, kegiatan=4,
          lokasi="tabel 3, baris 6, kolom 3", severity="error"),
        F("DK02", "konten-tak-terpetakan", "Teks tidak terpetakan", src,
          lokasi="paragraf 2", teks="Catatan: surat rahasia langsung ke Kepala Dinas", severity="info"),
        F("ID01", "identitas-wajib", "Peringatan tidak ditemukan", src, field="peringatan",
          severity="error"),
        F("ID08", "dasar-hukum-format", "Bukan sitasi peraturan", src, field="dasar_hukum",
          teks="UU 32/2004 tentang Pemerintahan Daerah", lokasi="tabel 2, baris 1, kolom 1"),
        F("DK03", "perubahan-terlacak", "Ada perubahan terlacak", src, indeks=None),
        # the reader's location of an identity field names its label cell
        F("ID02", "isian-kosong", "Tanggal Revisi berisi tanda hubung", src, field="identitas.tanggal_revisi",
          lokasi="tabel 1, baris 3, kolom 2"),
        F("ID07", "pengesahan-tidak-lengkap", "Pangkat tidak ada", src, field="identitas.disahkan_oleh.pangkat",
          lokasi="tabel 1, baris 5, kolom 2", teks="Drs. H. Ahmad Yani"),
    ]


SUMMARY = [SopSummary(0, "Pelayanan Administrasi Surat Masuk", "065/ /2014")]


def test_one_comment_per_finding_at_the_right_place(tmp_path):
    src = build_docx(tmp_path / "in" / "surat masuk.docx")
    before = sha(src)
    findings = findings_for(src)
    out = tmp_path / "out" / "surat masuk.docx"
    done = annotate_docx(src, out, findings, SUMMARY, [src])
    assert sha(src) == before
    assert done.comments == len(findings)

    d = docx.Document(str(out))
    comments = list(d.comments)
    assert len(comments) == len(findings)
    assert {c.author for c in comments} == {"soplint"}
    by_text = {c.text: c.comment_id for c in comments}
    for f in findings:
        assert f"[{f.code} {f.name}] {f.message}" in by_text

    places = comment_places(out)
    assert len(places) == len(findings)

    def at(code):
        f = next(x for x in findings if x.code == code)
        return places[str(by_text[f"[{f.code} {f.name}] {f.message}"])]

    # identity value with lokasi "tabel 1" and its text: the value cell
    assert at("ID04") == ("Maret 2014", ("tabel", 1, 4, 3))
    # identity field without lokasi: the value cell beside its label
    assert at("ID06") == ("065/ /2014", ("tabel", 1, 1, 3))
    # step row + field: the Waktu cell of that row (empty)
    assert at("PR05") == ("", ("tabel", 3, 5, 6))
    # quoted column header
    assert at("PR06") == ("segera", ("tabel", 3, 4, 6))
    # step row with the offending text
    assert at("PR09") == ("Staf menerima surat masuk", ("tabel", 3, 3, 1))
    # numeric grid column: the first actor column of row 6 (no tick there)
    assert at("PR02") == ("", ("tabel", 3, 6, 2))
    # top-level paragraph
    assert at("DK02") == ("Catatan: surat rahasia langsung ke Kepala Dinas", ("paragraf", 2))
    # nothing to anchor at: the SOP's title (its Nama SOP value)
    assert at("ID01") == ("Pelayanan Administrasi Surat Masuk", ("tabel", 1, 6, 3))
    assert at("DK03") == ("Pelayanan Administrasi Surat Masuk", ("tabel", 1, 6, 3))
    assert at("ID02") == ("-", ("tabel", 1, 3, 3))
    # the line of a multi-line cell that holds the offending text
    assert at("ID07") == ("Drs. H. Ahmad Yani", ("tabel", 1, 5, 3))
    assert at("ID08") == ("1. UU 32/2004 tentang Pemerintahan Daerah", ("tabel", 2, 1, 0))


def test_short_offending_text_does_not_anchor_on_a_stray_match(tmp_path):
    src = build_docx(tmp_path / "a.docx")
    long_text = "Catatan panjang: " + " ".join(f"kata{i}" for i in range(80))
    d = docx.Document(str(src))
    d.add_paragraph(long_text)
    d.save(str(src))
    n_paras = len(d.paragraphs)
    findings = [
        # "-" is written exactly in the Tanggal Revisi value cell
        F("ID02", "isian-kosong", "Tanggal Revisi kosong", src, field="identitas.tanggal_revisi", teks="-"),
        # "2014" also occurs in the Nomor SOP: the field's label decides
        F("ID03", "tanggal-tidak-valid", "Tanggal tidak valid", src, field="identitas.tanggal_pembuatan",
          teks="2014"),
        # a text shortened by the rule ("...") still finds its paragraph
        F("DK02", "konten-tak-terpetakan", "Teks tak terpetakan", src, teks=long_text[:297] + "...",
          severity="info"),
    ]
    out = tmp_path / "o.docx"
    annotate_docx(src, out, findings, SUMMARY, [src])
    places = comment_places(out)
    texts = {str(c.comment_id): c.text for c in docx.Document(str(out)).comments}
    got = {texts[k].split("]")[0][1:5]: v for k, v in places.items()}
    assert got["ID02"] == ("-", ("tabel", 1, 3, 3))
    assert got["ID03"] == ("03 Februari 2014", ("tabel", 1, 2, 3))
    assert got["DK02"] == (long_text, ("paragraf", n_paras))


def test_named_column_kept_and_list_items_found_below_their_heading(tmp_path):
    src = tmp_path / "a.docx"
    doc = docx.Document()
    add_sop(doc)
    doc.add_paragraph("Dasar Hukum :")
    doc.add_paragraph("1. Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah")
    doc.add_paragraph("2. Peraturan Pemerintah Nomor 41 Tahun 2007")
    doc.save(str(src))
    heading = len(doc.paragraphs) - 2  # 1-based index of "Dasar Hukum :"
    findings = [
        # a rule naming the Keterangan column about a step: the comment stays in that column
        F("FL02", "cabang-keputusan", "Keputusan tanpa cabang", src, kegiatan=2,
          lokasi='tabel 3, baris 4, kolom "Keterangan"', teks="Mengagendakan surat", severity="error"),
        # a list field located at its heading paragraph: the comment goes on the item
        F("ID09", "dasar-hukum-dicabut", "PP 41/2007 diganti PP 18/2016", src, field="dasar_hukum",
          lokasi=f"paragraf {heading}", teks="Peraturan Pemerintah Nomor 41 Tahun 2007"),
    ]
    out = tmp_path / "o.docx"
    annotate_docx(src, out, findings, SUMMARY, [src])
    places = comment_places(out)
    assert places["0"] == ("", ("tabel", 3, 4, 8))
    assert places["1"] == ("2. Peraturan Pemerintah Nomor 41 Tahun 2007", ("paragraf", heading + 2))


def _put_vml(cell, shape_type=None, line=False):
    """A legacy VML drawing in a cell: a shape of ``shape_type`` ("t114") or a line."""
    V = "urn:schemas-microsoft-com:vml"
    run = etree.SubElement(cell.paragraphs[0]._p, f"{{{W}}}r")
    pict = etree.SubElement(run, f"{{{W}}}pict")
    if line:
        el = etree.SubElement(pict, f"{{{V}}}line", nsmap={"v": V})
        el.set("from", "0,0")
        el.set("to", "20pt,0")
    else:
        el = etree.SubElement(pict, f"{{{V}}}shape", nsmap={"v": V})
        el.set("type", f"#_x0000_{shape_type}")
        el.set("style", "width:30pt;height:15pt")


def test_symbol_findings_anchor_on_the_drawn_symbol_or_tick(tmp_path):
    doc = docx.Document()
    add_sop(doc)
    proc = doc.tables[2]
    _put_vml(proc.cell(3, 4), line=True)  # an arrow left of the odd symbol
    _put_vml(proc.cell(3, 3), "t114")  # a document shape in the Kasubbag column, step 2
    src = tmp_path / "a.docx"
    doc.save(str(src))
    findings = [
        F("FL04", "simbol-tidak-baku", "Simbol tidak baku", src, field="kegiatan.simbol", kegiatan=2,
          lokasi="tabel 3, baris 4", teks="t114"),
        F("PR03", "pelaksana-ganda", "Dua pelaksana", src, field="kegiatan.pelaksana", kegiatan=1,
          lokasi="tabel 3, baris 3", teks="Pengadministrasi Umum, Kasubbag Umum"),
        # nothing marked: the activity cell
        F("PR02", "pelaksana-kosong", "Tanpa pelaksana", src, field="kegiatan.pelaksana", kegiatan=4,
          lokasi="tabel 3, baris 6", teks="Mengarsipkan surat", severity="error"),
    ]
    out = tmp_path / "o.docx"
    annotate_docx(src, out, findings, SUMMARY, [src])
    places = comment_places(out)
    assert places["0"][1] == ("tabel", 3, 4, 3)
    assert places["1"] == ("\u221a", ("tabel", 3, 3, 2))
    assert places["2"] == ("Mengarsipkan surat", ("tabel", 3, 6, 1))
    assert len(list(docx.Document(str(out)).comments)) == 3


def test_merged_cells_and_content_controls(tmp_path):
    doc = docx.Document()
    add_sop(doc)
    proc = doc.tables[2]
    # one Waktu cell merged over steps 2 and 3 (rows 4-5)
    proc.cell(3, 6).merge(proc.cell(4, 6))
    # the detail table wrapped in a content control (w:sdt), as some templates do
    tbl = doc.tables[1]._tbl
    sdt = etree.Element(f"{{{W}}}sdt")
    etree.SubElement(sdt, f"{{{W}}}sdtPr")
    content = etree.SubElement(sdt, f"{{{W}}}sdtContent")
    tbl.addprevious(sdt)
    content.append(tbl)
    src = tmp_path / "a.docx"
    doc.save(str(src))
    findings = [
        # step 3's Waktu is the continuation of the merge: the comment goes on the merged cell
        F("PR06", "waktu-tidak-terukur", "Waktu samar", src, kegiatan=3, field="kegiatan.waktu",
          lokasi='tabel 3, baris 5, kolom "Waktu"', teks="segera"),
        # the table inside the content control still counts as table 2
        F("ID09", "dasar-hukum-dicabut", "UU 32/2004 diganti", src, field="dasar_hukum",
          lokasi="tabel 2, baris 1, kolom 1", teks="UU 32/2004 tentang Pemerintahan Daerah"),
    ]
    out = tmp_path / "o.docx"
    annotate_docx(src, out, findings, SUMMARY, [src])
    places = comment_places(out)
    assert places["0"] == ("segera", ("tabel", 3, 4, 6))
    assert places["1"] == ("1. UU 32/2004 tentang Pemerintahan Daerah", ("tabel", 2, 1, 0))
    assert len(list(docx.Document(str(out)).comments)) == 2


def test_several_sops_and_existing_comments(tmp_path):
    src = build_docx(tmp_path / "buku.docx", sops=2, with_comment=True)
    before = sha(src)
    sops = [SopSummary(0, "Pelayanan Administrasi Surat Masuk", "065/ /2014"),
            SopSummary(1, "Pelayanan Surat Keluar 1", "066/1/2014")]
    findings = [
        F("ID06", "nomor-sop", "Nomor SOP tidak sesuai pola", src, indeks=1, field="identitas.nomor_sop"),
        F("ID01", "identitas-wajib", "Peringatan tidak ditemukan", src, indeks=1, field="peringatan"),
        F("ID06", "nomor-sop", "Nomor SOP memiliki segmen kosong", src, indeks=0, field="identitas.nomor_sop"),
    ]
    out = tmp_path / "o" / "buku.docx"
    annotate_docx(src, out, findings, sops, [src])
    assert sha(src) == before
    d = docx.Document(str(out))
    comments = list(d.comments)
    assert len(comments) == 1 + len(findings)
    assert len({c.comment_id for c in comments}) == len(comments)
    assert [c.author for c in comments].count("Ortala") == 1
    places = comment_places(out)
    texts = {c.comment_id: c.text for c in comments}
    got = {texts[int(cid)]: v for cid, v in places.items() if texts[int(cid)] != "komentar reviewer"}
    # second SOP: its own identity table is table 4
    assert got["[ID06 nomor-sop] Nomor SOP tidak sesuai pola"] == ("066/1/2014", ("tabel", 4, 1, 3))
    assert got["[ID01 identitas-wajib] Peringatan tidak ditemukan"] == ("Pelayanan Surat Keluar 1",
                                                                       ("tabel", 4, 6, 3))
    assert got["[ID06 nomor-sop] Nomor SOP memiliki segmen kosong"] == ("065/ /2014", ("tabel", 1, 1, 3))


def test_labels_come_from_the_one_vocabulary(tmp_path):
    """Annotate finds a field by any label variant of soplint/data/labels.json
    ("Tanggal Ditetapkan", "Kode SOP"), and the writer and the identity rules
    name the fields as that data does."""
    from soplint import labels
    from soplint.writers.docx import DETAIL_LABELS
    from soplint_rules.identitas import LABEL

    doc = docx.Document()
    doc.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
    ident = doc.add_table(rows=3, cols=3)
    for r, (label, value) in enumerate([("Kode SOP", "800/12/2020"), ("Tanggal Ditetapkan", "1 Maret 2020"),
                                        ("Nama SOP", "Pelayanan Cuti")]):
        ident.cell(r, 0).text = label
        ident.cell(r, 1).text = ":"
        ident.cell(r, 2).text = value
    src = tmp_path / "v.docx"
    doc.save(src)
    findings = [F("ID04", "tanggal", "Tanggal Efektif tidak lengkap", src, field="identitas.tanggal_efektif"),
                F("ID06", "nomor-sop", "Nomor SOP tidak baku", src, field="identitas.nomor_sop")]
    out = tmp_path / "out" / "v.docx"
    annotate_docx(src, out, findings, [SopSummary(0, "Pelayanan Cuti", "800/12/2020")], [src])
    d = docx.Document(str(out))
    by_text = {c.text: c.comment_id for c in d.comments}
    places = comment_places(out)
    assert places[str(by_text["[ID04 tanggal] Tanggal Efektif tidak lengkap"])] == ("1 Maret 2020", ("tabel", 1, 2, 2))
    assert places[str(by_text["[ID06 nomor-sop] Nomor SOP tidak baku"])] == ("800/12/2020", ("tabel", 1, 1, 2))
    assert "Tanggal Ditetapkan" in labels.variants("tanggal_efektif") and "Kode SOP" in labels.variants("nomor_sop")
    assert dict(DETAIL_LABELS)["peralatan_perlengkapan"] == labels.name("peralatan_perlengkapan") == \
        "Peralatan/Perlengkapan"
    assert LABEL["dasar_hukum"] == (labels.name("dasar_hukum"), labels.name("dasar_hukum", "en")) == \
        ("Dasar Hukum", "Legal basis (Dasar Hukum)")
