"""The layout recognisers of the .docx reader on real Word files built here:
the standard identity + detail + procedure tables, label:value paragraphs,
numbered steps, a single Pelaksana column, ticks, merged and continued
tables, drawn flowcharts with connectors, several SOPs in one file."""
import pytest

from fixtures_reader.docbuild import EMU, add_xml, drawing_run, new, numbered, numbering_id, set_cell, vml, vml_run
from soplint.model import to_dict, validate
from soplint.readers.docx import read

VML_TYPE = {"flowChartTerminator": 116, "flowChartDecision": 110, "flowChartProcess": 109,
            "flowChartDocument": 114, "flowChartOffpageConnector": 177}


def identity_table(d, nomor="065/23.c/DKPS/II/2014", nama="Pelayanan Administrasi Surat Masuk"):
    t = d.add_table(rows=6, cols=4)
    logo = t.cell(0, 0).merge(t.cell(5, 0))
    set_cell(logo, "PEMERINTAH KOTA BENGKULU", "DINAS KESEHATAN", "BIDANG PELAYANAN")
    rows = [("Nomor SOP", nomor), ("Tgl. Pembuatan", "03 Pebruari 2014"), ("Tanggal Revisi", "-"),
            ("Tanggal Efektif", "Maret 2014")]
    for i, (label, value) in enumerate(rows):
        set_cell(t.cell(i, 1), label)
        set_cell(t.cell(i, 2), ":")
        set_cell(t.cell(i, 3), value)
    set_cell(t.cell(4, 1), "Disahkan  Oleh")
    set_cell(t.cell(4, 2), ":")
    c = t.cell(4, 3)
    set_cell(c, "KEPALA DINAS KESEHATAN", "KOTA BENGKULU", "", "")
    r = c.add_paragraph().add_run("Drs. H. AHMAD SUBARDI, M.Kes")
    r.bold = r.underline = True
    c.add_paragraph("Pembina Utama Muda")
    c.add_paragraph("NIP. 19611122 198903 1 005")
    set_cell(t.cell(5, 1), "Nama SOP")
    set_cell(t.cell(5, 2), ":")
    set_cell(t.cell(5, 3), nama)
    return t


def detail_table(d):
    dt = d.add_table(rows=3, cols=2)
    set_cell(dt.cell(0, 0), "Dasar Hukum:", "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
             "2. Peraturan Menteri PAN-RB Nomor 35 Tahun 2012")
    set_cell(dt.cell(0, 1), "Kualifikasi Pelaksana:", "1. Memahami tata naskah dinas 2. Mampu mengoperasikan komputer")
    set_cell(dt.cell(1, 0), "Keterkaitan:", "SOP Surat Keluar")
    set_cell(dt.cell(1, 1), "Peralatan / Perlengkapan:", "Komputer", "Buku agenda surat masuk")
    set_cell(dt.cell(2, 0), "Peringatan:", "-")
    set_cell(dt.cell(2, 1), "Pencatatan dan Pendataan:")
    return dt


ACTORS = ["Pengadministrasi Umum", "Kasubbag Umum", "Sekretaris"]


def procedure_table(d, steps, actors=ACTORS, number_row=True, engine="drawingml", did=[100]):
    """steps: (no, uraian, actor index or None, preset or tick text, kelengkapan, waktu, output, keterangan)"""
    ncol = 2 + len(actors) + 4
    extra = 1 if number_row else 0
    pt = d.add_table(rows=2 + extra + len(steps), cols=ncol)
    set_cell(pt.cell(0, 0).merge(pt.cell(1, 0)), "No")
    set_cell(pt.cell(0, 1).merge(pt.cell(1, 1)), "Uraian Kegiatan")
    set_cell(pt.cell(0, 2).merge(pt.cell(0, 1 + len(actors))), "Pelaksana")
    for i, a in enumerate(actors):
        set_cell(pt.cell(1, 2 + i), a)
    m0 = 2 + len(actors)
    set_cell(pt.cell(0, m0).merge(pt.cell(0, m0 + 2)), "Mutu Baku")
    for i, a in enumerate(["Persyaratan/Kelengkapan", "Waktu", "Output"]):
        set_cell(pt.cell(1, m0 + i), a)
    set_cell(pt.cell(0, m0 + 3).merge(pt.cell(1, m0 + 3)), "Ket.")
    if number_row:
        for i in range(ncol):
            set_cell(pt.cell(2, i), str(i + 1))
    for r, (no, ur, ac, mark, kel, wkt, out, ket) in enumerate(steps):
        row = 2 + extra + r
        set_cell(pt.cell(row, 0), no)
        set_cell(pt.cell(row, 1), ur)
        for j, v in enumerate((kel, wkt, out, ket)):
            if v is not None:
                set_cell(pt.cell(row, m0 + j), v)
        if ac is None:
            continue
        cell = pt.cell(row, 2 + ac)
        if mark in ("√", "v", "X"):
            set_cell(cell, mark)
        elif engine == "drawingml":
            did[0] += 1
            drawing_run(cell.paragraphs[0], mark, did=did[0], fallback_vml=VML_TYPE.get(mark, 109),
                        x=50000, y=50000, cx=600000, cy=300000)
        else:
            did[0] += 1
            vml_run(cell.paragraphs[0], vml(VML_TYPE[mark], sid=did[0], x=4, y=4, w=47, h=24))
    return pt


STEPS = [("1", "Menerima dan mengagendakan surat masuk", 0, "flowChartTerminator", "Surat masuk", "5 menit",
          "Surat teragenda", ""),
         ("2", "Memeriksa surat, lengkap?", 1, "flowChartDecision", "Surat", "15 menit", "Surat diperiksa",
          "Tidak: kembali ke kegiatan 1"),
         ("3", "Mendisposisikan surat", 2, "flowChartProcess", "Surat", "1 jam", "Disposisi", ""),
         ("4", "Mengarsipkan surat", 0, "flowChartTerminator", "Disposisi", "2 (dua) hari kerja", "Arsip", "")]


def _read(d, tmp_path, name="sop.docx", **opts):
    path = tmp_path / name
    d.save(path)
    sops = read(path, opts or None)
    for s in sops:
        validate(to_dict(s))
    return sops


def test_standard_layout(tmp_path):
    d = new()
    identity_table(d)
    d.add_paragraph("")
    detail_table(d)
    d.add_paragraph("")
    procedure_table(d, STEPS)
    [sop] = _read(d, tmp_path)
    i = sop.identitas
    assert i.instansi == ["PEMERINTAH KOTA BENGKULU", "DINAS KESEHATAN", "BIDANG PELAYANAN"]
    assert i.nomor_sop == "065/23.c/DKPS/II/2014"
    assert (i.tanggal_pembuatan.tanggal, i.tanggal_pembuatan.presisi) == ("2014-02-03", "hari")
    assert (i.tanggal_revisi.teks, i.tanggal_revisi.tanggal) == ("-", None)
    assert (i.tanggal_efektif.tanggal, i.tanggal_efektif.presisi) == ("2014-03-01", "bulan")
    p = i.disahkan_oleh
    assert (p.jabatan, p.nama, p.pangkat, p.nip) == ("KEPALA DINAS KESEHATAN KOTA BENGKULU",
                                                    "Drs. H. AHMAD SUBARDI, M.Kes", "Pembina Utama Muda",
                                                    "196111221989031005")
    assert i.nama_sop == "Pelayanan Administrasi Surat Masuk"
    assert sop.dasar_hukum == ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                               "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012"]
    assert sop.kualifikasi_pelaksana == ["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"]
    assert sop.keterkaitan == ["SOP Surat Keluar"]
    assert sop.peralatan_perlengkapan == ["Komputer", "Buku agenda surat masuk"]
    assert sop.peringatan == [] and sop.pencatatan_pendataan == []
    assert sop.pelaksana == ACTORS
    got = [(k.no, k.pelaksana, k.simbol, k.bentuk, k.lanjut, k.waktu.menit) for k in sop.kegiatan]
    assert got == [(1, "Pengadministrasi Umum", "mulai", "flowChartTerminator", [2], 5),
                   (2, "Kasubbag Umum", "keputusan", "flowChartDecision", [3], 15),
                   (3, "Sekretaris", "proses", "flowChartProcess", [4], 60),
                   (4, "Pengadministrasi Umum", "selesai", "flowChartTerminator", [], 960)]
    k2 = sop.kegiatan[1]
    assert (k2.cabang.ya, k2.cabang.tidak) == (3, 1)
    assert (k2.kelengkapan, k2.output, k2.keterangan) == ("Surat", "Surat diperiksa", "Tidak: kembali ke kegiatan 1")
    assert str(sop.kegiatan[0].lokasi) == "tabel 3, baris 4"
    assert sop.tak_terpetakan == []
    assert sop.sumber.format == "docx" and sop.sumber.indeks == 0


def test_vml_symbols_ticks_and_nonstandard_shapes(tmp_path):
    d = new()
    identity_table(d)
    steps = [("1", "Menerima berkas", 0, "flowChartTerminator", "", "", "", ""),
             ("2", "Mencetak tanda terima", 0, "flowChartDocument", "", "", "", ""),
             ("3", "Memeriksa berkas", 1, "√", "", "", "", ""),
             ("4", "Menyerahkan", 2, "flowChartTerminator", "", "", "", "")]
    procedure_table(d, steps, engine="vml", number_row=False)
    [sop] = _read(d, tmp_path)
    got = [(k.no, k.pelaksana, k.simbol, k.bentuk) for k in sop.kegiatan]
    assert got == [(1, "Pengadministrasi Umum", "mulai", "t116"), (2, "Pengadministrasi Umum", "tidak_baku", "t114"),
                   (3, "Kasubbag Umum", "proses", "centang"), (4, "Sekretaris", "selesai", "t116")]


def test_text_only_ticks_infer_symbols(tmp_path):
    d = new()
    identity_table(d)
    steps = [("1", "Menerima permohonan", 0, "v", "Formulir", "5 menit", "Berkas", ""),
             ("2", "Memeriksa kelengkapan berkas?", 1, "X", "Berkas", "10 menit", "Berkas diperiksa",
              "Jika tidak lengkap, kembali ke langkah 1"),
             ("3", "Menandatangani surat", 2, "√", "Konsep", "15 menit", "Surat", "")]
    procedure_table(d, steps)
    [sop] = _read(d, tmp_path)
    got = [(k.no, k.pelaksana, k.simbol, k.bentuk, k.lanjut) for k in sop.kegiatan]
    assert got == [(1, "Pengadministrasi Umum", "mulai", "centang", [2]),
                   (2, "Kasubbag Umum", "keputusan", "centang", [3]),
                   (3, "Sekretaris", "selesai", "centang", [])]
    assert (sop.kegiatan[1].cabang.ya, sop.kegiatan[1].cabang.tidak) == (3, 1)


def test_merged_waktu_and_table_continued_with_repeated_header(tmp_path):
    d = new()
    identity_table(d)
    t1 = procedure_table(d, STEPS[:2])
    merged = t1.cell(3, 6).merge(t1.cell(4, 6))
    set_cell(merged, "30 menit")
    d.add_paragraph("")
    steps2 = [("3", "Mendisposisikan surat", 2, "flowChartProcess", "Surat", "10 menit", "Disposisi", ""),
              ("4", "Mengarsipkan surat", 0, "flowChartTerminator", "Disposisi", "5 menit", "Arsip", "")]
    procedure_table(d, steps2)
    # a third part without header: same grid, numbered rows
    t3 = d.add_table(rows=1, cols=9)
    set_cell(t3.cell(0, 0), "5")
    set_cell(t3.cell(0, 1), "Melaporkan")
    set_cell(t3.cell(0, 4), "√")
    [sop] = _read(d, tmp_path)
    assert [k.no for k in sop.kegiatan] == [1, 2, 3, 4, 5]
    assert sop.kegiatan[0].waktu.teks == "30 menit" and sop.kegiatan[0].waktu.gabungan == [1, 2]
    assert sop.kegiatan[1].waktu.gabungan == [1, 2]
    assert sop.kegiatan[2].waktu.gabungan is None
    assert sop.kegiatan[4].pelaksana == "Sekretaris" and str(sop.kegiatan[4].lokasi) == "tabel 4, baris 1"
    assert sop.pelaksana == ACTORS


def test_single_pelaksana_column_and_one_row_header(tmp_path):
    d = new()
    t = d.add_table(rows=4, cols=5)
    for i, h in enumerate(["No.", "Kegiatan", "Pelaksana", "Waktu", "Keterangan"]):
        set_cell(t.cell(0, i), h)
    rows = [("1", "Menerima berkas", "Petugas Loket", "5 menit"), ("2", "Memverifikasi berkas", "Kasi Pelayanan", "1 Jam"),
            ("3", "Menyerahkan surat", "Petugas Loket", "")]
    for r, (no, ur, pl, wk) in enumerate(rows, 1):
        for c, v in enumerate((no, ur, pl, wk)):
            set_cell(t.cell(r, c), v)
    d.add_paragraph("")
    t2 = d.add_table(rows=2, cols=6)
    for i, h in enumerate(["NO", "AKTIVITAS", "Camat", "Sekcam", "Output", "Ket"]):
        set_cell(t2.cell(0, i), h)
    for c, v in enumerate(["1", "Menandatangani", "", "√", "Surat"]):
        set_cell(t2.cell(1, c), v)
    [sop] = _read(d, tmp_path)
    assert sop.pelaksana == ["Camat", "Sekcam", "Petugas Loket", "Kasi Pelayanan"]
    got = [(k.no, k.pelaksana, k.waktu and k.waktu.menit, k.simbol) for k in sop.kegiatan]
    assert got == [(1, "Petugas Loket", 5, "mulai"), (2, "Kasi Pelayanan", 60, "proses"), (3, "Petugas Loket", None, "proses"),
                   (4, "Sekcam", None, "selesai")]
    assert sop.kegiatan[3].output == "Surat"


def test_connectors_with_ids_and_branch_labels(tmp_path):
    d = new()
    identity_table(d)
    steps = [("1", "Menerima berkas", 0, "flowChartTerminator", "", "", "", ""),
             ("2", "Memeriksa berkas", 1, "flowChartDecision", "", "", "", ""),
             ("3", "Memperbaiki berkas", 0, "flowChartProcess", "", "", "", ""),
             ("4", "Menandatangani", 2, "flowChartProcess", "", "", "", ""),
             ("5", "Selesai", 2, "flowChartTerminator", "", "", "", "")]
    did = [500]
    pt = procedure_table(d, steps, did=did)
    ids = {n: 501 + i for i, n in enumerate(range(1, 6))}
    # decision row (table row 4): "Ya" to step 4, "Tidak" to step 3, glued by ids
    par = pt.cell(4, 3).paragraphs[0]
    drawing_run(par, "bentConnector3", did=601, connector=True, st=ids[2], end=ids[4], x=600000, y=200000,
                cx=EMU, cy=EMU)
    drawing_run(par, "straightConnector1", did=602, connector=True, st=ids[2], end=ids[3], x=0, y=200000,
                cx=EMU // 2, cy=EMU // 2)
    drawing_run(par, "rect", did=603, text="Ya", textbox=True, x=650000, y=250000, cx=200000, cy=150000)
    drawing_run(par, "rect", did=604, text="Tidak", textbox=True, x=100000, y=400000, cx=200000, cy=150000)
    # step 3 goes back to the decision
    drawing_run(pt.cell(5, 2).paragraphs[0], "bentConnector2", did=605, connector=True, st=ids[3], end=ids[2])
    [sop] = _read(d, tmp_path)
    k = {x.no: x for x in sop.kegiatan}
    assert k[2].simbol == "keputusan" and (k[2].cabang.ya, k[2].cabang.tidak) == (4, 3)
    assert k[2].lanjut == [4]
    assert k[3].lanjut == [2]
    assert k[4].lanjut == [5] and k[5].lanjut == []
    assert sop.tak_terpetakan == []


def test_identity_and_steps_as_paragraphs(tmp_path):
    d = new()
    for line in ("PEMERINTAH KABUPATEN SLEMAN", "KECAMATAN DEPOK", "STANDAR OPERASIONAL PROSEDUR"):
        d.add_paragraph(line)
    add_xml(d.add_paragraph(), '<w:r><w:t>Nomor SOP</w:t></w:r><w:r><w:tab/><w:t>: 470/12/2019</w:t></w:r>')
    d.add_paragraph("Tgl. Pembuatan : 8 Nopember 2019")
    d.add_paragraph("Tanggal Revisi : -")
    d.add_paragraph("Tgl Efektif : 2020")
    d.add_paragraph("Disahkan oleh :")
    d.add_paragraph("CAMAT DEPOK")
    d.add_paragraph("BUDI SANTOSO, S.IP")
    d.add_paragraph("NIP. 19700101 199003 1 009")
    d.add_paragraph("Nama SOP : Pelayanan Surat Keterangan Tidak Mampu")
    d.add_paragraph("Jenis Layanan : Kependudukan")
    d.add_paragraph("Dasar Hukum :")
    nid = numbering_id(d)
    numbered(d.add_paragraph("Undang-Undang Nomor 23 Tahun 2014"), nid)
    numbered(d.add_paragraph("Peraturan Bupati Sleman Nomor 5 Tahun 2019"), nid)
    d.add_paragraph("Prosedur:")
    d.add_paragraph("1. Pemohon mengajukan permohonan ke loket")
    d.add_paragraph("2. Petugas Loket memeriksa kelengkapan berkas; jika tidak lengkap, kembali ke langkah 1")
    d.add_paragraph("3. Kasi Pemerintahan memverifikasi data?")
    d.add_paragraph("4. Camat menandatangani surat")
    d.add_paragraph("Catatan tulisan tangan")
    [sop] = _read(d, tmp_path)
    i = sop.identitas
    assert i.instansi == ["PEMERINTAH KABUPATEN SLEMAN", "KECAMATAN DEPOK"]
    assert i.nomor_sop == "470/12/2019"
    assert (i.tanggal_pembuatan.tanggal, i.tanggal_efektif.tanggal, i.tanggal_efektif.presisi) == (
        "2019-11-08", "2020-01-01", "tahun")
    assert (i.disahkan_oleh.jabatan, i.disahkan_oleh.nama, i.disahkan_oleh.nip) == (
        "CAMAT DEPOK", "BUDI SANTOSO, S.IP", "197001011990031009")
    assert i.nama_sop == "Pelayanan Surat Keterangan Tidak Mampu"
    assert sop.lainnya == {"Jenis Layanan": "Kependudukan"}
    assert sop.dasar_hukum == ["Undang-Undang Nomor 23 Tahun 2014", "Peraturan Bupati Sleman Nomor 5 Tahun 2019"]
    assert sop.keterkaitan is None
    assert sop.pelaksana == ["Pemohon", "Petugas Loket", "Kasi Pemerintahan", "Camat"]
    got = [(k.no, k.pelaksana, k.simbol, k.lanjut) for k in sop.kegiatan]
    assert got == [(1, "Pemohon", "mulai", [2]), (2, "Petugas Loket", "keputusan", [3]),
                   (3, "Kasi Pemerintahan", "keputusan", [4]), (4, "Camat", "selesai", [])]
    assert (sop.kegiatan[1].cabang.ya, sop.kegiatan[1].cabang.tidak) == (3, 1)
    assert str(sop.kegiatan[0].lokasi) == "paragraf 18"
    assert [(t.teks, str(t.lokasi)) for t in sop.tak_terpetakan] == [
        ("STANDAR OPERASIONAL PROSEDUR", "paragraf 3"), ("Catatan tulisan tangan", "paragraf 22")]


def test_auto_numbered_steps(tmp_path):
    d = new()
    d.add_paragraph("Nama SOP: Penyusunan RKA")
    d.add_paragraph("Langkah-langkah")
    nid = numbering_id(d)
    for t in ("Kasi menyusun rancangan RKA", "Sekcam memeriksa rancangan", "Camat menetapkan RKA"):
        numbered(d.add_paragraph(t), nid)
    [sop] = _read(d, tmp_path)
    assert [(k.no, k.uraian, k.pelaksana) for k in sop.kegiatan] == [
        (1, "Kasi menyusun rancangan RKA", "Kasi"), (2, "Sekcam memeriksa rancangan", "Sekcam"),
        (3, "Camat menetapkan RKA", "Camat")]


def test_several_sops_in_one_file_and_cover_text(tmp_path):
    d = new()
    d.add_paragraph("KUMPULAN SOP KECAMATAN")
    identity_table(d, nomor="01", nama="SOP Surat Masuk")
    procedure_table(d, STEPS)
    d.add_page_break()
    identity_table(d, nomor="02", nama="SOP Surat Keluar")
    procedure_table(d, STEPS[:3])
    sops = _read(d, tmp_path)
    assert [(s.identitas.nomor_sop, s.identitas.nama_sop, len(s.kegiatan), s.sumber.indeks) for s in sops] == [
        ("01", "SOP Surat Masuk", 4, 0), ("02", "SOP Surat Keluar", 3, 1)]
    assert [t.teks for t in sops[0].tak_terpetakan] == ["KUMPULAN SOP KECAMATAN"]
    assert sops[1].tak_terpetakan == []
    assert str(sops[1].kegiatan[0].lokasi) == "tabel 4, baris 4"


def test_header_institution_unknown_labels_and_footer(tmp_path):
    d = new()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "PEMERINTAH PROVINSI NTB"
    sec.header.add_paragraph("DINAS PERINDUSTRIAN")
    sec.footer.paragraphs[0].text = "Halaman 1 dari 1"
    t = d.add_table(rows=3, cols=3)
    for r, (a, b) in enumerate([("Nomor SOP", "530/ /01-IND/IV/2019"), ("Status Dokumen", "Asli"),
                                ("Kode Arsip Khusus", "A.1")]):
        set_cell(t.cell(r, 0), a)
        set_cell(t.cell(r, 1), ":")
        set_cell(t.cell(r, 2), b)
    [sop] = _read(d, tmp_path)
    assert sop.identitas.instansi == ["PEMERINTAH PROVINSI NTB", "DINAS PERINDUSTRIAN"]
    assert sop.identitas.nomor_sop == "530/ /01-IND/IV/2019"
    assert sop.lainnya == {"Status Dokumen": "Asli", "Kode Arsip Khusus": "A.1"}
    assert [(x.teks, str(x.lokasi)) for x in sop.tak_terpetakan] == [("Halaman 1 dari 1", "footer")]
    assert sop.kegiatan == [] and sop.dasar_hukum is None


def test_tracked_changes_are_counted_in_sumber(tmp_path):
    d = new()
    p = d.add_paragraph()
    add_xml(p, '<w:r><w:t xml:space="preserve">Nama SOP : Surat </w:t></w:r>'
               '<w:del w:id="1" w:author="a"><w:r><w:delText>Lama</w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="a"><w:r><w:t>Masuk</w:t></w:r></w:ins>')
    [sop] = _read(d, tmp_path)
    assert sop.identitas.nama_sop == "Surat Masuk"
    assert sop.sumber.perubahan_terlacak == 2


def test_flowchart_drawn_as_one_group(tmp_path):
    """All symbols in one DrawingML group anchored in the first step row:
    each symbol goes to a step top to bottom, its actor is the column under it,
    and the connector inside the group is followed exactly."""
    from docx.oxml.ns import qn

    from fixtures_reader.docbuild import WPG_URI, anchor, run_xml, wsp

    d = new()
    identity_table(d)
    steps = [(a, b, None, None, e, f, g, h) for (a, b, _c, _d, e, f, g, h) in STEPS]
    steps[1] = steps[1][:7] + ("",)  # the decision's branches come from the drawing only
    pt = procedure_table(d, steps)
    widths = [500, 3000, 1500, 1500, 1500, 1200, 1200, 1200, 1200]
    for gc, wdt in zip(pt._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(wdt))
    twip, rowh = 635, 600000
    cols = [0, 1, 2, 0]
    prsts = ["flowChartTerminator", "flowChartDecision", "flowChartProcess", "flowChartTerminator"]
    shapes = [wsp(p, sid=200 + i, child=True, x=c * 1500 * twip + 100000, y=i * rowh + 50000, cx=600000, cy=300000)
              for i, (c, p) in enumerate(zip(cols, prsts))]
    # decision (col 1) -> "Tidak" back to step 1 (col 0), drawn without ids
    shapes.append(wsp("bentConnector3", sid=210, child=True, connector=True, x=400000, y=rowh + 200000,
                      cx=1500 * twip - 300000, cy=1, flip_v=False) .replace('<a:xfrm>', '<a:xfrm flipH="1">'))
    shapes.append(wsp("rect", sid=211, child=True, text="Tidak", textbox=True, x=900000, y=rowh + 100000,
                      cx=300000, cy=120000))
    group = (f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/>'
             f'<a:ext cx="{4500 * twip}" cy="{4 * rowh}"/><a:chOff x="0" y="0"/>'
             f'<a:chExt cx="{4500 * twip}" cy="{4 * rowh}"/></a:xfrm></wpg:grpSpPr>' + "".join(shapes) + "</wpg:wgp>")
    pt.cell(3, 2).paragraphs[0]._p.append(run_xml(anchor(group, WPG_URI, did=300, cx=4500 * twip, cy=4 * rowh)))
    [sop] = _read(d, tmp_path)
    got = [(k.no, k.pelaksana, k.simbol) for k in sop.kegiatan]
    assert got == [(1, "Pengadministrasi Umum", "mulai"), (2, "Kasubbag Umum", "keputusan"),
                   (3, "Sekretaris", "proses"), (4, "Pengadministrasi Umum", "selesai")]
    assert (sop.kegiatan[1].cabang.ya, sop.kegiatan[1].cabang.tidak) == (3, 1)


def test_table_without_actor_columns_takes_the_actor_from_the_sentence(tmp_path):
    d = new()
    d.add_paragraph("Nama SOP : Pelayanan Legalisir")
    t = d.add_table(rows=4, cols=4)
    for i, h in enumerate(["No", "Tahap", "Uraian Prosedur", "Waktu"]):
        set_cell(t.cell(0, i), h)
    rows = [("1", "", "Pemohon menyerahkan fotokopi ijazah", "5 menit"),
            ("2", "", "Kasubbag Umum memeriksa fotokopi", "10 menit"), ("3", "", "Menyerahkan legalisir", "5 menit")]
    for r, vals in enumerate(rows, 1):
        for c, v in enumerate(vals):
            set_cell(t.cell(r, c), v)
    [sop] = _read(d, tmp_path)
    assert [(k.no, k.pelaksana) for k in sop.kegiatan] == [(1, "Pemohon"), (2, "Kasubbag Umum"), (3, None)]
    assert sop.pelaksana == ["Pemohon", "Kasubbag Umum"]
    assert [(x.teks, str(x.lokasi)) for x in sop.tak_terpetakan] == [("Tahap", "tabel 1, baris 1, kolom 2")]


def test_labelled_signing_block_and_waktu_unit_in_header(tmp_path):
    d = new()
    t = d.add_table(rows=2, cols=2)
    set_cell(t.cell(0, 0), "Nama SOP")
    set_cell(t.cell(0, 1), "Pelayanan Arsip")
    set_cell(t.cell(1, 0), "Disahkan oleh")
    set_cell(t.cell(1, 1), "KEPALA DINAS ARSIP", "Nama : Dra. SITI AMINAH", "Pangkat/Gol : Pembina (IV/a)",
             "NIP : 19700101 199003 2 004")
    p = d.add_table(rows=3, cols=4)
    for i, h in enumerate(["No", "Kegiatan", "Pelaksana", "Waktu (Menit)"]):
        set_cell(p.cell(0, i), h)
    for r, vals in enumerate([("1", "Menerima arsip", "Arsiparis", "15"), ("2", "Mencatat arsip", "Arsiparis", "1,5")], 1):
        for c, v in enumerate(vals):
            set_cell(p.cell(r, c), v)
    [sop] = _read(d, tmp_path)
    peng = sop.identitas.disahkan_oleh
    assert (peng.jabatan, peng.nama, peng.pangkat, peng.nip) == ("KEPALA DINAS ARSIP", "Dra. SITI AMINAH",
                                                                "Pembina (IV/a)", "197001011990032004")
    assert [(k.waktu.teks, k.waktu.menit) for k in sop.kegiatan] == [("15", 15), ("1,5", 1.5)]


def test_strict_ooxml_document(tmp_path):
    """A "Strict Open XML" file (purl.oclc.org namespaces) reads like a normal one."""
    import zipfile

    d = new()
    identity_table(d)
    procedure_table(d, STEPS[:2])
    normal = tmp_path / "normal.docx"
    d.save(normal)
    strict = tmp_path / "strict.docx"
    pairs = [(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
              b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
             (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
             (b"http://schemas.openxmlformats.org/drawingml/2006/main", b"http://purl.oclc.org/ooxml/drawingml/main")]
    with zipfile.ZipFile(normal) as zin, zipfile.ZipFile(strict, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                for a, b in pairs:
                    data = data.replace(a, b)
            zout.writestr(item, data)
    [a] = read(normal)
    [b] = read(strict)
    a.sumber = b.sumber = None
    assert to_dict(a) == to_dict(b)
    assert b.identitas.nomor_sop == "065/23.c/DKPS/II/2014" and len(b.kegiatan) == 2


def test_numbered_steps_right_after_an_identity_table(tmp_path):
    d = new()
    t = d.add_table(rows=2, cols=2)
    set_cell(t.cell(0, 0), "Nomor SOP")
    set_cell(t.cell(0, 1), "12")
    set_cell(t.cell(1, 0), "Nama SOP")
    set_cell(t.cell(1, 1), "Pelayanan KTP")
    nid = numbering_id(d)
    for x in ["Pemohon mengisi formulir", "Petugas Loket memeriksa berkas", "Kasi Pelayanan menandatangani"]:
        numbered(d.add_paragraph(x), nid)
    [sop] = _read(d, tmp_path)
    assert [(k.no, k.pelaksana, k.simbol) for k in sop.kegiatan] == [
        (1, "Pemohon", "mulai"), (2, "Petugas Loket", "proses"), (3, "Kasi Pelayanan", "selesai")]
    assert sop.tak_terpetakan == []


def test_identity_in_a_nested_table_and_inline_labels(tmp_path):
    d = new()
    t = d.add_table(rows=1, cols=2)
    set_cell(t.cell(0, 0), "PEMERINTAH KOTA TANGERANG", "KELURAHAN CIBODAS")
    inner = t.cell(0, 1).add_table(rows=4, cols=3)
    for i, (a, b) in enumerate([("Nomor SOP", "445.8/34 -Sekret"), ("Tanggal Efektif", "2018-07-13"),
                                ("Disahkan oleh", "LURAH CIBODAS"), ("Nama SOP", "Pengantar PBB")]):
        set_cell(inner.cell(i, 0), a)
        set_cell(inner.cell(i, 1), ":")
        set_cell(inner.cell(i, 2), b)
    inner.cell(2, 2).add_paragraph("SUPRIYADI")
    inner.cell(2, 2).add_paragraph("NIP. 19680707 199103 1 007")
    d.add_paragraph("Tanggal Pembuatan : 1 Juli 2018")
    procedure_table(d, STEPS[:3])
    [sop] = _read(d, tmp_path)
    i = sop.identitas
    assert i.instansi == ["PEMERINTAH KOTA TANGERANG", "KELURAHAN CIBODAS"]
    assert (i.nomor_sop, i.tanggal_efektif.tanggal, i.tanggal_pembuatan.tanggal, i.nama_sop) == (
        "445.8/34 -Sekret", "2018-07-13", "2018-07-01", "Pengantar PBB")
    assert (i.disahkan_oleh.jabatan, i.disahkan_oleh.nama, i.disahkan_oleh.nip) == (
        "LURAH CIBODAS", "SUPRIYADI", "196807071991031007")
    assert len(sop.kegiatan) == 3 and sop.tak_terpetakan == []


def test_symbol_anchored_in_the_row_above(tmp_path):
    """A symbol dragged below its anchor row (anchored in the previous row,
    positioned lower) belongs to the row it lies in."""
    d = new()
    identity_table(d)
    steps = [("1", "Menerima berkas", 0, "flowChartTerminator", "", "", "", ""),
             ("2", "Memeriksa berkas", 1, "flowChartProcess", "", "", "", ""),
             ("3", "Menandatangani", None, None, "", "", "", ""),
             ("4", "Menyerahkan", 0, "flowChartTerminator", "", "", "", "")]
    pt = procedure_table(d, steps)
    # step 3's symbol is anchored in step 2's row (Sekretaris column), 0.6 inch lower
    drawing_run(pt.cell(4, 4).paragraphs[0], "flowChartProcess", did=900, x=50000, y=550000, cx=600000, cy=300000)
    [sop] = _read(d, tmp_path)
    assert [(k.no, k.pelaksana, k.bentuk) for k in sop.kegiatan] == [
        (1, "Pengadministrasi Umum", "flowChartTerminator"), (2, "Kasubbag Umum", "flowChartProcess"),
        (3, "Sekretaris", "flowChartProcess"), (4, "Pengadministrasi Umum", "flowChartTerminator")]


def test_buku_sop_with_the_identity_in_each_sections_page_header(tmp_path):
    from docx.enum.section import WD_SECTION

    d = new()
    sec1 = d.sections[0]
    h1 = sec1.header
    t = h1.add_table(rows=2, cols=2, width=EMU * 6)
    set_cell(t.cell(0, 0), "Nomor SOP")
    set_cell(t.cell(0, 1), "01")
    set_cell(t.cell(1, 0), "Nama SOP")
    set_cell(t.cell(1, 1), "Surat Masuk")
    procedure_table(d, STEPS)
    sec2 = d.add_section(WD_SECTION.NEW_PAGE)
    sec2.header.is_linked_to_previous = False
    t2 = sec2.header.add_table(rows=2, cols=2, width=EMU * 6)
    set_cell(t2.cell(0, 0), "Nomor SOP")
    set_cell(t2.cell(0, 1), "02")
    set_cell(t2.cell(1, 0), "Nama SOP")
    set_cell(t2.cell(1, 1), "Surat Keluar")
    procedure_table(d, STEPS[:2])
    sops = _read(d, tmp_path)
    assert [(s.identitas.nomor_sop, s.identitas.nama_sop, len(s.kegiatan)) for s in sops] == [
        ("01", "Surat Masuk", 4), ("02", "Surat Keluar", 2)]
    assert all(s.lainnya == {} for s in sops)


def test_actor_marks_written_as_text_and_wide_actor_columns(tmp_path):
    d = new()
    t = d.add_table(rows=5, cols=6)
    set_cell(t.cell(0, 0).merge(t.cell(1, 0)), "No")
    set_cell(t.cell(0, 1).merge(t.cell(1, 1)), "Kegiatan")
    set_cell(t.cell(0, 2).merge(t.cell(0, 4)), "Pelaksana")
    set_cell(t.cell(1, 2).merge(t.cell(1, 3)), "Petugas Loket")  # one actor over two grid columns
    set_cell(t.cell(1, 4), "Lurah")
    set_cell(t.cell(0, 5).merge(t.cell(1, 5)), "Keterangan")
    rows = [("1", "Menerima berkas"), ("2", "Memeriksa berkas"), ("3", "Menandatangani")]
    for r, (no, ur) in enumerate(rows, 2):
        set_cell(t.cell(r, 0), no)
        set_cell(t.cell(r, 1), ur)
        t.cell(r, 2).merge(t.cell(r, 3))
    set_cell(t.cell(2, 2), "√ (paraf)")
    set_cell(t.cell(3, 2), "Petugas Loket")
    set_cell(t.cell(4, 4), "√")
    [sop] = _read(d, tmp_path)
    assert sop.pelaksana == ["Petugas Loket", "Lurah"]
    assert [(k.no, k.pelaksana, k.bentuk) for k in sop.kegiatan] == [
        (1, "Petugas Loket", "centang"), (2, "Petugas Loket", "centang"), (3, "Lurah", "centang")]
    assert [x.teks for x in sop.tak_terpetakan] == ["(paraf)"]


def test_branch_labels_typed_in_cells_around_unglued_arrows(tmp_path):
    """Arrows drawn by hand (no connection ids) from a decision, with "Ya" and
    "Tidak" typed in the table cells next to where they leave it."""
    d = new()
    identity_table(d)
    steps = [("1", "Menerima berkas", 0, "flowChartTerminator", "", "", "", ""),
             ("2", "Memeriksa berkas", 1, "flowChartDecision", "", "", "", ""),
             ("3", "Mengetik surat", 1, "flowChartProcess", "", "", "", ""),
             ("4", "Menandatangani", 2, "flowChartTerminator", "", "", "", "")]
    pt = procedure_table(d, steps)
    from docx.oxml.ns import qn
    for gc in pt._tbl.tblGrid.findall(qn("w:gridCol")):
        gc.set(qn("w:w"), "1500")
    dec = pt.cell(4, 3).paragraphs[0]
    # down to step 3 from the decision's bottom
    drawing_run(dec, "straightConnector1", did=701, connector=True, x=350000, y=350000, cx=0, cy=400000)
    # left and up to step 1 (column 0) from the decision's left side
    from fixtures_reader.docbuild import WPS_URI, anchor, run_xml, wsp
    back = wsp("bentConnector2", connector=True, cx=650000, cy=550000).replace("<a:xfrm>", '<a:xfrm flipH="1" flipV="1">')
    dec._p.append(run_xml(anchor(back, WPS_URI, did=702, x=-600000, y=-350000, cx=650000, cy=550000)))
    pt.cell(4, 2).paragraphs[0].text = "Tidak"
    pt.cell(4, 4).paragraphs[0].text = "Ya"
    [sop] = _read(d, tmp_path)
    k2 = sop.kegiatan[1]
    assert k2.simbol == "keputusan"
    assert (k2.cabang.ya, k2.cabang.tidak) == (3, 1)
    assert sop.tak_terpetakan == []


def test_notes_after_a_procedure_stay_with_their_sop(tmp_path):
    d = new()
    identity_table(d, nomor="01", nama="SOP Surat Masuk")
    procedure_table(d, STEPS)
    d.add_paragraph("Catatan: surat rahasia diagendakan terpisah.")
    d.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
    identity_table(d, nomor="02", nama="SOP Surat Keluar")
    procedure_table(d, STEPS[:2])
    sops = _read(d, tmp_path)
    assert [t.teks for t in sops[0].tak_terpetakan] == ["Catatan: surat rahasia diagendakan terpisah."]
    assert [t.teks for t in sops[1].tak_terpetakan] == ["STANDAR OPERASIONAL PROSEDUR"]


def test_detail_table_after_the_procedure_and_text_that_only_looks_like_labels(tmp_path):
    d = new()
    d.add_paragraph("LAMPIRAN KEPUTUSAN KEPALA DINAS")
    d.add_paragraph("NOMOR : 518/125/KEP/2023")
    identity_table(d)
    procedure_table(d, STEPS)
    detail_table(d)
    t = d.add_table(rows=2, cols=3)
    for i, (a, b) in enumerate([("Dibuat oleh", "Kasi Umum"), ("Diperiksa oleh", "Sekretaris"),
                                ("Disetujui oleh", "Kepala Dinas")]):
        set_cell(t.cell(0, i), a)
        set_cell(t.cell(1, i), b)
    d.add_paragraph("Ditetapkan di : Bengkulu")
    [sop] = _read(d, tmp_path)
    assert sop.identitas.nomor_sop == "065/23.c/DKPS/II/2014"
    assert sop.identitas.disahkan_oleh.nama == "Drs. H. AHMAD SUBARDI, M.Kes"
    assert sop.keterkaitan == ["SOP Surat Keluar"] and len(sop.dasar_hukum) == 2
    assert [x.teks for x in sop.tak_terpetakan] == [
        "LAMPIRAN KEPUTUSAN KEPALA DINAS", "NOMOR : 518/125/KEP/2023", "Dibuat oleh", "Diperiksa oleh",
        "Disetujui oleh", "Kasi Umum", "Sekretaris", "Kepala Dinas", "Ditetapkan di : Bengkulu"]


def test_flowchart_pasted_as_a_picture(tmp_path):
    from fixtures_reader.docbuild import anchor, run_xml

    pic = ('<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
           '<pic:cNvPr id="0" name="bagan.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill/><pic:spPr/></pic:pic>')
    d = new()
    identity_table(d)
    steps = [(a, b, None, None, e, f, g, h) for (a, b, _c, _d, e, f, g, h) in STEPS]
    procedure_table(d, steps)
    d.add_paragraph()._p.append(run_xml(anchor(pic, "http://schemas.openxmlformats.org/drawingml/2006/picture",
                                               did=77, inline=True, cx=6 * EMU, cy=4 * EMU)))
    [sop] = _read(d, tmp_path)
    assert sop.sumber.gambar_alur is True
    assert [k.pelaksana for k in sop.kegiatan] == [None] * 4
    assert [k.simbol for k in sop.kegiatan] == ["mulai", "keputusan", "proses", "selesai"]


def test_table_of_contents_of_a_buku_sop_is_not_an_identity(tmp_path):
    d = new()
    toc = d.add_table(rows=3, cols=3)
    for i, h in enumerate(["No", "Nama SOP", "Halaman"]):
        set_cell(toc.cell(0, i), h)
    for r, (a, b, c) in enumerate([("1", "SOP Surat Masuk", "2"), ("2", "SOP Surat Keluar", "4")], 1):
        set_cell(toc.cell(r, 0), a)
        set_cell(toc.cell(r, 1), b)
        set_cell(toc.cell(r, 2), c)
    identity_table(d, nomor="01", nama="SOP Surat Masuk")
    procedure_table(d, STEPS)
    identity_table(d, nomor="02", nama="SOP Surat Keluar")
    procedure_table(d, STEPS[:2])
    sops = _read(d, tmp_path)
    assert [(s.identitas.nomor_sop, s.identitas.nama_sop) for s in sops] == [("01", "SOP Surat Masuk"),
                                                                             ("02", "SOP Surat Keluar")]
    assert "SOP Surat Keluar" in [t.teks for t in sops[0].tak_terpetakan]


def test_decisions_from_answer_pair_notes_without_question_marks(tmp_path):
    d = new()
    identity_table(d)
    steps = [("1", "Mengajukan permohonan", 0, "√", "", "", "", ""),
             ("2", "Memeriksa kelengkapan berkas", 1, "√", "", "", "",
              "Lengkap: lanjut ke kegiatan 3; Tidak lengkap: kembali ke kegiatan 1"),
             ("3", "Menelaah draf", 2, "√", "", "", "", "Disetujui → kegiatan 4, Ditolak → kegiatan 2"),
             ("4", "Menerima rekomendasi", 0, "√", "", "", "", "Berkas lengkap diserahkan ke pemohon")]
    procedure_table(d, steps)
    [sop] = _read(d, tmp_path)
    got = [(k.no, k.simbol, k.cabang and (k.cabang.ya, k.cabang.tidak)) for k in sop.kegiatan]
    assert got == [(1, "mulai", None), (2, "keputusan", (3, 1)), (3, "keputusan", (4, 2)), (4, "selesai", None)]


def test_a_single_actor_under_pelaksana(tmp_path):
    d = new()
    identity_table(d)
    steps = [("1", "Menerima berkas", 0, "√", "Berkas", "5 menit", "Tanda terima", ""),
             ("2", "Mengarsipkan berkas", 0, "√", "Berkas", "5 menit", "Arsip", "")]
    procedure_table(d, steps, actors=["Arsiparis"])
    [sop] = _read(d, tmp_path)
    assert sop.pelaksana == ["Arsiparis"]
    assert [(k.pelaksana, k.bentuk) for k in sop.kegiatan] == [("Arsiparis", "centang"), ("Arsiparis", "centang")]
