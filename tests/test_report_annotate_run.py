"""check --annotate over a run: inputs never overwritten, unreadable and
Word 97-2003 inputs, output names, LibreOffice opening the copies (the
placement of comments is tested in test_report_annotate.py)."""
import subprocess
import uuid
from pathlib import Path

import docx
import pytest

from soplint.findings import CheckResult, FileResult, Finding, SopSummary
from soplint.inputs import Input
from soplint.report.annotate import annotate_docx, annotate_result, target_for

from test_report_annotate import SUMMARY, F, build_docx, comment_places, findings_for, sha


def test_refuses_to_write_onto_an_input(tmp_path):
    src = build_docx(tmp_path / "a.docx")
    before = sha(src)
    with pytest.raises(ValueError):
        annotate_docx(src, src, findings_for(src), SUMMARY, [src])
    assert sha(src) == before
    result = CheckResult([FileResult(str(src), SUMMARY, findings_for(src))])
    # annotating into the input's own folder would overwrite it: refused, reported
    done = annotate_result(result, tmp_path, [Input(src, Path("a.docx"))])
    assert done[0].target is None and "a.docx" in done[0].message
    assert sha(src) == before


def test_run_with_unreadable_and_doc_inputs(tmp_path):
    good = build_docx(tmp_path / "in" / "sub" / "good.docx")
    bad = tmp_path / "in" / "bad.docx"
    bad.write_bytes(b"not a zip")
    doc = tmp_path / "in" / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    result = CheckResult([
        FileResult(str(bad), [], [Finding("DK01", "berkas-tidak-terbaca", "error", "rusak", str(bad))]),
        FileResult(str(good), SUMMARY, findings_for(good)[:3]),
        FileResult(str(doc), SUMMARY, findings_for(doc)[:1]),
    ])
    inputs = [Input(bad, Path("bad.docx")), Input(good, Path("sub/good.docx")), Input(doc, Path("old.doc"))]
    done = annotate_result(result, tmp_path / "ann", inputs)
    assert [d.target is not None for d in done] == [False, True, False]
    assert done[1].target == tmp_path / "ann" / "sub" / "good.docx"
    assert len(list(docx.Document(str(done[1].target)).comments)) == 3
    assert done[0].message and done[2].message
    assert target_for(tmp_path, Path("x/old.doc")) == tmp_path / "x" / "old.docx"
    assert not (tmp_path / "ann" / "bad.docx").exists()


def test_one_output_name_for_two_inputs_the_first_wins(tmp_path):
    """Two inputs given one relative name (check mirrors the input tree, so
    this is a.doc beside a.docx): the later one is refused with a message,
    not renamed; an existing copy is kept unless force."""
    a = build_docx(tmp_path / "a" / "sop.docx")
    b = build_docx(tmp_path / "b" / "sop.docx", sops=2)
    result = CheckResult([FileResult(str(a), SUMMARY, findings_for(a)[:2]),
                          FileResult(str(b), SUMMARY, findings_for(b)[:3])])
    inputs = [Input(a, Path("sop.docx")), Input(b, Path("sop.docx"))]
    done = annotate_result(result, tmp_path / "ann", inputs)
    assert [d.target for d in done] == [tmp_path / "ann" / "sop.docx", None]
    assert done[1].refused and "sop.docx" in done[1].message
    assert len(list(docx.Document(str(done[0].target)).comments)) == 2
    again = annotate_result(result, tmp_path / "ann", inputs[:1])
    assert again[0].target is None and again[0].refused and "--force" in again[0].message
    forced = annotate_result(result, tmp_path / "ann", inputs[:1], force=True)
    assert forced[0].target == tmp_path / "ann" / "sop.docx"


def test_libreoffice_opens_the_annotated_copy(tmp_path, soffice):
    src = build_docx(tmp_path / "surat.docx", sops=2, with_comment=True)
    findings = findings_for(src) + [F("ID06", "nomor-sop", "Nomor <SOP> & \"pola\"", src, indeks=1,
                                      field="identitas.nomor_sop")]
    out = tmp_path / "ann" / "surat.docx"
    annotate_docx(src, out, findings, [SUMMARY[0], SopSummary(1, "Pelayanan Surat Keluar 1", "066/1/2014")],
                  [src])
    # LibreOffice reads the copy and finds every comment (the PDF export of
    # annotated copies is tested end to end in test_report_cli.py)
    profile = tmp_path / f"lo-{uuid.uuid4().hex}"
    fodt_dir = tmp_path / "fodt"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "fodt",
         "--outdir", str(fodt_dir), str(out)],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    fodt = (fodt_dir / "surat.fodt").read_text("utf-8")
    assert fodt.count("<office:annotation ") + fodt.count("<office:annotation>") == len(findings) + 1
    assert "[PR06 waktu-tidak-terukur]" in fodt


def test_word_97_doc_is_annotated_through_its_converted_copy(tmp_path, soffice):
    """A real .doc (made by LibreOffice from a .docx) gets an annotated .docx copy."""
    made = build_docx(tmp_path / "make" / "lama.docx")
    profile = tmp_path / f"lo-{uuid.uuid4().hex}"
    src_dir = tmp_path / "in"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "doc",
         "--outdir", str(src_dir), str(made)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    doc = src_dir / "lama.doc"
    assert doc.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    before = sha(doc)
    findings = [
        # LibreOffice's .doc round trip joins adjacent tables: locations refer to
        # the converted copy, which is what the reader read
        F("ID04", "tanggal-tidak-lengkap", "Tanggal Efektif hanya bulan dan tahun", doc,
          field="identitas.tanggal_efektif", lokasi="tabel 1", teks="Maret 2014"),
        F("ID01", "identitas-wajib", "Peringatan tidak ditemukan", doc, field="peringatan", severity="error"),
    ]
    result = CheckResult([FileResult(str(doc), SUMMARY, findings)])
    done = annotate_result(result, tmp_path / "ann", [Input(doc, Path("lama.doc"))])
    assert done[0].target == tmp_path / "ann" / "lama.docx", done[0].message
    assert sha(doc) == before
    comments = list(docx.Document(str(done[0].target)).comments)
    assert len(comments) == 2
    places = comment_places(done[0].target)
    by_text = {c.text: str(c.comment_id) for c in comments}
    text, place = places[by_text["[ID04 tanggal-tidak-lengkap] Tanggal Efektif hanya bulan dan tahun"]]
    assert (text, place) == ("Maret 2014", ("tabel", 1, 4, 3))
    assert places[by_text["[ID01 identitas-wajib] Peringatan tidak ditemukan"]][0] == \
        "Pelayanan Administrasi Surat Masuk"
