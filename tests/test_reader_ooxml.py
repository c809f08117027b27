"""The low layer of the .docx reader: Word mechanics -> document tree.

Each test writes a real .docx (python-docx + raw OOXML for what python-docx
cannot write) and checks the tree built by soplint.readers.docx.ooxml."""
from docx.oxml import parse_xml

from fixtures_reader.docbuild import (EMU, NS, WPC_URI, WPG_URI, add_xml, anchor, drawing_run, new, numbered,
                                      numbering_id, run_xml, set_cell, vml, vml_run, wsp)
from soplint.readers.docx import read_document
from soplint.readers.docx.tree import Paragraph, Table


def _save(d, tmp_path, name="t.docx"):
    path = tmp_path / name
    d.save(path)
    return read_document(path)


def _texts(doc):
    return [p.text for p in doc.paragraphs() if p.text]


def test_runs_fields_hyperlinks_and_special_characters(tmp_path):
    d = new()
    p = d.add_paragraph()
    for part in ("Nomor", " S", "OP"):
        p.add_run(part)
    add_xml(d.add_paragraph(), '<w:r><w:t>Kepala</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Dinas\u00a0\u00a0Kesehatan</w:t></w:r>'
            '<w:r><w:br/><w:t>Kota</w:t></w:r>')
    add_xml(d.add_paragraph(), '<w:hyperlink r:id="rIdX"><w:r><w:t>tautan</w:t></w:r></w:hyperlink>'
            '<w:r><w:t xml:space="preserve"> e</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>KTP</w:t></w:r>')
    add_xml(d.add_paragraph(), '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    add_xml(d.add_paragraph(), '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>')
    add_xml(d.add_paragraph(), '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\u00fc</w:t></w:r>')
    doc = _save(d, tmp_path)
    paras = list(doc.paragraphs())
    assert paras[0].text == "Nomor SOP"
    assert paras[1].raw == "Kepala\tDinas\u00a0\u00a0Kesehatan\nKota"
    assert paras[1].text == "Kepala Dinas Kesehatan Kota"
    assert paras[1].lines == ["Kepala Dinas Kesehatan", "Kota"]
    assert paras[2].text == "tautan e-KTP"
    assert paras[3].text == "37"  # results kept, field codes dropped
    assert paras[4].text == "√"
    assert paras[5].text == "√"
    assert [p.index for p in paras] == [1, 2, 3, 4, 5, 6]


def test_tracked_changes_accepted_view_and_comment_count(tmp_path):
    d = new()
    add_xml(d.add_paragraph(), '<w:r><w:t xml:space="preserve">Menerima </w:t></w:r>'
            '<w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>surat lama</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>berkas</w:t></w:r></w:ins>')
    path = tmp_path / "c.docx"
    d.save(path)
    # add a comments part with two comments
    import zipfile
    import shutil
    src = tmp_path / "c2.docx"
    shutil.copy(path, src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>",
                                    b'<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/'
                                    b'2006/relationships/comments" Target="comments.xml"/></Relationships>')
            zout.writestr(item, data)
        zout.writestr("word/comments.xml",
                      f'<w:comments {NS}><w:comment w:id="0"><w:p><w:r><w:t>a</w:t></w:r></w:p></w:comment>'
                      f'<w:comment w:id="1"><w:p><w:r><w:t>b</w:t></w:r></w:p></w:comment></w:comments>')
    doc = read_document(path)
    assert _texts(doc) == ["Menerima berkas"]
    assert doc.tracked_changes == 2
    assert doc.comments == 2


def test_content_controls_at_block_row_cell_and_run_level(tmp_path):
    d = new()
    body = d.element.body
    sdt_block = parse_xml(f'<w:sdt {NS}><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>'
                          f'<w:p><w:r><w:t>Dalam kontrol blok</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    body.insert(0, sdt_block)
    add_xml(d.add_paragraph(), '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>isi run</w:t></w:r></w:sdtContent></w:sdt>')
    t = d.add_table(rows=1, cols=2)
    set_cell(t.cell(0, 0), "A")
    set_cell(t.cell(0, 1), "B")
    tr = t._tbl.tr_lst[0]
    # wrap the second cell in a cell-level sdt and add a row-level sdt
    tc = tr.tc_lst[1]
    wrapper = parse_xml(f'<w:sdt {NS}><w:sdtPr/><w:sdtContent/></w:sdt>')
    tc.addprevious(wrapper)
    wrapper[1].append(tc)
    row_sdt = parse_xml(f'<w:sdt {NS}><w:sdtPr/><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc>'
                        f'<w:tc><w:p><w:r><w:t>D</w:t></w:r></w:p></w:tc></w:tr></w:sdtContent></w:sdt>')
    t._tbl.append(row_sdt)
    doc = _save(d, tmp_path)
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].text == "Dalam kontrol blok"
    table = [b for b in doc.blocks if isinstance(b, Table)][0]
    assert [[c.text for c in r.cells] for r in table.rows] == [["A", "B"], ["C", "D"]]
    assert "isi run" in _texts(doc)


def test_merged_cells_make_a_logical_grid(tmp_path):
    d = new()
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 1).merge(t.cell(0, 3))
    set_cell(t.cell(0, 1), "Pelaksana")
    t.cell(1, 0).merge(t.cell(3, 0))
    set_cell(t.cell(1, 0), "Gabung")
    set_cell(t.cell(2, 2), "x")
    doc = _save(d, tmp_path)
    table = doc.blocks[-1] if isinstance(doc.blocks[-1], Table) else [b for b in doc.blocks if isinstance(b, Table)][0]
    top = table.rows[0].cells
    assert [(c.col, c.span) for c in top] == [(0, 1), (1, 3)]
    origin = table.at(1, 0)
    assert origin.text == "Gabung" and origin.rowspan == 3
    assert table.at(3, 0) is origin
    assert table.at(2, 2).text == "x"
    assert table.at(0, 2) is top[1]


def test_nested_tables_and_text_boxes(tmp_path):
    d = new()
    t = d.add_table(rows=1, cols=1)
    inner = t.cell(0, 0).add_table(rows=1, cols=2)
    set_cell(inner.cell(0, 0), "dalam")
    set_cell(inner.cell(0, 1), "tabel")
    p = d.add_paragraph("jangkar")
    drawing_run(p, "rect", did=5, text="isi kotak teks", textbox=True)
    doc = _save(d, tmp_path)
    outer = [b for b in doc.blocks if isinstance(b, Table)][0]
    assert outer.index == 1
    cell = outer.rows[0].cells[0]
    nested = [b for b in cell.blocks if isinstance(b, Table)][0]
    assert nested.index is None and nested.parent is cell
    assert cell.texts == ["dalam", "tabel"]
    shapes = list(doc.shapes())
    assert len(shapes) == 1 and shapes[0].text == "isi kotak teks" and shapes[0].is_textbox


def test_alternate_content_is_read_once_and_fallback_only_without_choice(tmp_path):
    d = new()
    p = d.add_paragraph()
    drawing_run(p, "flowChartDecision", did=7, text="Lengkap?", fallback_vml=110)
    only_fallback = ('<mc:AlternateContent><mc:Fallback><w:pict>' + vml(116, sid=9, text="Mulai") +
                     '</w:pict></mc:Fallback></mc:AlternateContent>')
    p._p.append(run_xml(only_fallback))
    doc = _save(d, tmp_path)
    shapes = list(doc.shapes())
    assert [(s.geom, s.source, s.text) for s in shapes] == [("flowChartDecision", "drawingml", "Lengkap?"),
                                                            ("t116", "vml", "Mulai")]


def test_vml_shapes_lines_and_connector_rules(tmp_path):
    d = new()
    p = d.add_paragraph()
    content = (vml(109, sid=1026, x=10, y=5) + vml(None, sid=1027, element="roundrect", x=10, y=80) +
               vml(None, sid=1028, element="oval") + vml(None, sid=1029, element="line", x=40, y=41, w=0, h=39) +
               vml(32, sid=1030, connector=True))
    vml_run(p, content)
    body = d.element.body
    rules = parse_xml(f'<w:p {NS}><w:r><w:pict><o:shapelayout v:ext="edit"><o:rules v:ext="edit">'
                      f'<o:r id="V:Rule1" type="connector" idref="#_x0000_s1030">'
                      f'<o:proxy start="" idref="#_x0000_s1026" connectloc="2"/>'
                      f'<o:proxy end="" idref="#_x0000_s1027" connectloc="0"/></o:r></o:rules></o:shapelayout>'
                      f'</w:pict></w:r></w:p>')
    body.insert(0, rules)
    doc = _save(d, tmp_path)
    shapes = {s.id: s for s in doc.shapes()}
    assert shapes["_x0000_s1026"].geom == "t109" and shapes["_x0000_s1026"].x == 10 * 12700
    assert shapes["_x0000_s1027"].geom == "roundrect"
    assert shapes["_x0000_s1028"].geom == "oval"
    line = shapes["_x0000_s1029"]
    assert line.is_line and line.points == ((40 * 12700, 41 * 12700), (40 * 12700, 80 * 12700)) and line.tail == "block"
    conn = shapes["_x0000_s1030"]
    assert conn.is_connector and (conn.start_id, conn.end_id) == ("_x0000_s1026", "_x0000_s1027")


def test_drawingml_groups_canvases_connectors_and_positions(tmp_path):
    d = new()
    p = d.add_paragraph()
    group = (f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{2 * EMU}" cy="{2 * EMU}"/>'
             f'<a:chOff x="0" y="0"/><a:chExt cx="{4 * EMU}" cy="{4 * EMU}"/></a:xfrm></wpg:grpSpPr>'
             + wsp("flowChartProcess", sid=21, text="A", child=True, x=0, y=0, cx=EMU, cy=EMU)
             + wsp("flowChartTerminator", sid=22, text="B", child=True, x=2 * EMU, y=2 * EMU, cx=EMU, cy=EMU)
             + wsp("straightConnector1", sid=23, child=True, connector=True, st=21, end=22, x=EMU, y=EMU, cx=EMU, cy=EMU)
             + '</wpg:wgp>')
    p._p.append(run_xml(anchor(group, WPG_URI, did=20, x=100000, y=200000, cx=2 * EMU, cy=2 * EMU)))
    canvas = ('<wpc:wpc><wpc:bg/><wpc:whole/>' + wsp("flowChartDecision", sid=31, text="C", child=True, x=EMU, y=0) +
              '</wpc:wpc>')
    p._p.append(run_xml(anchor(canvas, WPC_URI, did=30, x=0, y=0, frame_h="margin", frame_v="page")))
    doc = _save(d, tmp_path)
    shapes = {s.id: s for s in doc.shapes()}
    a, b, c = shapes["21"], shapes["22"], shapes["23"]
    assert (a.x, a.y, a.cx) == (100000, 200000, EMU // 2)  # group scale 1/2 applied
    assert (b.x, b.y) == (100000 + EMU, 200000 + EMU)
    assert c.is_connector and (c.start_id, c.end_id) == ("21", "22") and c.tail == "triangle"
    assert a.group == b.group == "20" and a.frame_h == "column"
    dec = shapes["31"]
    assert dec.geom == "flowChartDecision" and dec.x == EMU and dec.frame_h == "margin" and dec.frame_v == "page"


def test_numbering_labels_and_pictures(tmp_path):
    d = new()
    nid = numbering_id(d, "decimal", "%1.")
    for t in ("satu", "dua"):
        numbered(d.add_paragraph(t), nid)
    numbered(d.add_paragraph("anak"), nid, ilvl=1)
    numbered(d.add_paragraph("tiga"), nid)
    pic = ('<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
           '<pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill/><pic:spPr/></pic:pic>')
    d.add_paragraph()._p.append(run_xml(anchor(pic, "http://schemas.openxmlformats.org/drawingml/2006/picture",
                                               did=40, inline=True)))
    doc = _save(d, tmp_path)
    paras = [p for p in doc.paragraphs() if p.num]
    assert [(p.text, p.num.label, p.num.ilvl) for p in paras] == [("satu", "1.", 0), ("dua", "2.", 0),
                                                                  ("anak", "a)", 1), ("tiga", "3.", 0)]
    images = list(doc.images())
    assert len(images) == 1 and images[0].inline


def test_headers_and_footers_are_read(tmp_path):
    d = new()
    d.add_paragraph("isi")
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "PEMERINTAH KOTA BENGKULU"
    sec.footer.paragraphs[0].text = "Halaman 1 dari 2"
    doc = _save(d, tmp_path)
    assert [p.text for part in doc.headers for p in part.blocks] == ["PEMERINTAH KOTA BENGKULU"]
    assert [p.text for part in doc.footers for p in part.blocks] == ["Halaman 1 dari 2"]
    assert all(p.part == "header" for part in doc.headers for p in part.blocks)


def test_styles_are_parsed_once_per_content(tmp_path):
    """Styles are cached by the content of the styles part: the same part
    stored differently in two packages gives one parse; another content
    gives another, and its own style names."""
    import zipfile

    from soplint.readers.docx.ooxml.styles import styles_for
    from soplint.safezip import DocxPackage

    d = new()
    d.add_paragraph("Tujuan", style="Heading 1")
    first = tmp_path / "a.docx"
    d.save(first)
    stored = tmp_path / "b.docx"  # the same members, not compressed
    with zipfile.ZipFile(first) as src, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    renamed = tmp_path / "c.docx"  # the heading style under another name
    with zipfile.ZipFile(first) as src, zipfile.ZipFile(renamed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/styles.xml":
                data = data.replace(b'<w:name w:val="heading 1"/>', b'<w:name w:val="Judul Satu"/>')
            dst.writestr(info.filename, data)
    with DocxPackage(first) as a, DocxPackage(stored) as b, DocxPackage(renamed) as c:
        sa, sb, sc = (styles_for(p, "word/styles.xml") for p in (a, b, c))
    assert sa is sb and sa is not sc
    assert sa.names["Heading1"] == "heading 1" and sc.names["Heading1"] == "Judul Satu"
    assert [p.style_name for p in read_document(renamed).paragraphs() if p.text] == ["Judul Satu"]


def test_sourced_tree_maps_nodes_to_the_elements_read(tmp_path):
    """read_sourced: each paragraph, cell and table of the tree gives back the
    very element it was read from (through content controls, merged and
    nested cells), and its Lokasi says where it is."""
    from soplint.readers.docx import read_sourced
    from soplint.safezip import DocxPackage

    d = new()
    d.add_paragraph("Judul")
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(1, 0))  # vertical merge
    t.cell(0, 1).text = "Nama SOP"
    inner = t.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 1).text = "Dalam"
    add_xml(d.add_paragraph(), '<w:sdt><w:sdtContent><w:r><w:t>Isi kontrol</w:t></w:r></w:sdtContent></w:sdt>')
    d.save(tmp_path / "s.docx")
    with DocxPackage(tmp_path / "s.docx") as pkg:
        src = read_sourced(pkg)
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paras = [p for p in src.doc.paragraphs() if p.text]
    assert [p.text for p in paras] == ["Judul", "Nama SOP", "Dalam", "Isi kontrol"]
    for p in paras:
        el = src.element(p)
        assert el.tag == W + "p" and "".join(el.itertext()) == p.text
        assert el.getroottree().getroot() is src.root  # the parsed main part itself
    assert [str(p.lokasi) for p in paras] == ["paragraf 1", "tabel 1, baris 1, kolom 2",
                                              "tabel 1, baris 2, kolom 3, tabel bersarang baris 1, kolom 2",
                                              "paragraf 2"]
    table = src.doc.blocks[1]
    assert src.element(table).tag == W + "tbl"
    merged = table.at(1, 0)  # the continuation row gives the merge's origin cell
    assert merged is table.rows[0].cells[0] and src.element(merged).tag == W + "tc"
    assert src.element(table.rows[1].cells[0]) is not src.element(merged)
    assert src.part == "word/document.xml"


def test_sourced_refuses_strict_documents(tmp_path):
    """A Strict OOXML main part is read through mapped namespaces: its elements
    cannot be written back, so it is refused with a message in both languages."""
    import zipfile

    import pytest

    from soplint.errors import UnreadableFile
    from soplint.readers.docx import read_sourced
    from soplint.safezip import DocxPackage

    d = new()
    d.add_paragraph("Teks")
    d.save(tmp_path / "t.docx")
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(tmp_path / "t.docx") as src, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            dst.writestr(info.filename, data)
    with DocxPackage(strict) as pkg, pytest.raises(UnreadableFile) as err:
        read_sourced(pkg)
    assert "Strict" in str(err.value)
    assert [p.text for p in read_document(strict).paragraphs()] == ["Teks"]  # still read for checking
