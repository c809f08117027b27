"""Text written inside a step's symbol ("Catatan benar?" in a decision
diamond): read into ``kegiatan[].teks_simbol`` instead of the leftovers,
drawn inside the symbol by the converter where it fits (listed in the side
file where it does not), and read back from a converted file."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from soplint import model as m
from soplint.readers import read_path
from soplint.testing import clean_sop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
import sopdocx  # noqa: E402

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
      "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _put_text_in_decision(path: Path, text: str) -> None:
    """Write ``text`` into the text box of the document's first decision
    diamond (as Word does when one types into a shape)."""
    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i) for i in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    geom = root.xpath("//a:prstGeom[@prst='flowChartDecision']", namespaces=NS)[0]
    wsp = geom.getparent().getparent()
    old = wsp.find("wps:txbx", NS)
    if old is not None:
        wsp.remove(old)
    txbx = etree.SubElement(wsp, f"{{{NS['wps']}}}txbx")
    body = wsp.find("wps:bodyPr", NS)
    if body is not None:  # the text box comes before bodyPr
        body.addprevious(txbx)
    content = etree.SubElement(txbx, f"{{{NS['w']}}}txbxContent")
    run = etree.SubElement(etree.SubElement(content, f"{{{NS['w']}}}p"), f"{{{NS['w']}}}r")
    etree.SubElement(run, f"{{{NS['w']}}}t").text = text
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _convert(args, tmp_path):
    return subprocess.run([sys.executable, "-m", "soplint", "--lang", "en", "convert", *map(str, args)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)


def test_a_word_file_with_text_in_its_diamond(tmp_path):
    src = tmp_path / "sumber.docx"
    sopdocx.build_docx([clean_sop()], src, layout="standar")
    _put_text_in_decision(src, "Catatan benar?")
    [sop] = read_path(src)
    decision = next(k for k in sop.kegiatan if k.simbol == "keputusan")
    assert decision.teks_simbol == "Catatan benar?"
    assert all("Catatan benar" not in t.teks for t in sop.tak_terpetakan)
    assert [k.teks_simbol for k in sop.kegiatan if k is not decision] == [None] * 4
    data = m.to_dict(sop)
    assert data["kegiatan"][2]["teks_simbol"] == "Catatan benar?" and "teks_simbol" not in data["kegiatan"][0]
    m.validate(data)
    assert m.from_dict(json.loads(json.dumps(data))).kegiatan[2].teks_simbol == "Catatan benar?"


def test_the_converter_draws_it_inside_and_reads_it_back(tmp_path):
    sop = clean_sop()  # three actors: a diamond wide enough for a short question
    sop.kegiatan[2].teks_simbol = "Sesuai?"
    src = tmp_path / "sop.json"
    src.write_text(m.to_json(sop), "utf-8")
    proc = _convert([src, "-o", tmp_path / "out"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out" / "sop.docx"
    assert not (tmp_path / "out" / "sop.tak-terpetakan.txt").exists()
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    diamond = root.xpath("//a:prstGeom[@prst='flowChartDecision']", namespaces=NS)[0].getparent().getparent()
    assert "".join(diamond.xpath(".//w:t/text()", namespaces=NS)) == "Sesuai?"
    [back] = read_path(out)
    assert back.kegiatan[2].teks_simbol == "Sesuai?"
    assert all("Sesuai?" not in t.teks for t in back.tak_terpetakan)


def test_a_text_too_long_for_the_symbol_goes_to_the_side_file(tmp_path):
    sop = clean_sop()
    sop.kegiatan[2].teks_simbol = "Apakah catatan telaah surat sudah benar dan lengkap sesuai ketentuan?"
    src = tmp_path / "sop.json"
    src.write_text(m.to_json(sop), "utf-8")
    proc = _convert([src, "-o", tmp_path / "out"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 unplaced texts -> sop.tak-terpetakan.txt" in proc.stdout
    side = (tmp_path / "out" / "sop.tak-terpetakan.txt").read_text("utf-8")
    assert "sudah benar dan lengkap sesuai ketentuan?" in side
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "out" / "sop.docx").read("word/document.xml"))
    assert not root.xpath("//w:t[contains(., 'ketentuan')]", namespaces=NS)
