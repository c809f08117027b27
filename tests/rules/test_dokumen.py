"""DK01-DK04 on real files through the real `soplint check` command."""
import zipfile

import docx
import pytest
from _sopkit import of, serious


def _files(data):
    return {f["berkas"]: f for f in data["berkas"]}


@pytest.mark.parametrize("kind,content", [
    ("not-zip", b"%PDF-1.4 this is really a PDF\n"),
    ("empty", b""),
    ("truncated", None),
])
def test_dk01_broken_file_among_good_ones(periksa, sop, tmp_path, kind, content):
    good1 = periksa.docx(sop, name="a.docx")
    good2 = periksa.docx(sop, layout="centang", name="c.docx")
    bad = tmp_path / "b.docx"
    if content is None:  # a real .docx cut in half
        bad.write_bytes(good1.read_bytes()[: good1.stat().st_size // 2])
    else:
        bad.write_bytes(content)
    data = periksa.run([good1, bad, good2])
    files = _files(data)
    assert [f["berkas"] for f in data["berkas"]] == [str(good1), str(bad), str(good2)]  # input order
    dk01 = of(files[str(bad)]["temuan"], "DK01")
    assert len(dk01) == 1 and dk01[0]["severity"] == "error" and dk01[0]["indeks"] is None
    assert dk01[0]["message"].startswith("Berkas tidak dapat dibaca: ")
    assert files[str(bad)]["sop"] == []
    # the other files were read and checked as usual
    for good in (good1, good2):
        assert len(files[str(good)]["sop"]) == 1
        assert of(files[str(good)]["temuan"], "DK01") == []
    # and checked: the same SOP in two layouts gives the same findings
    assert [t["code"] for t in files[str(good1)]["temuan"]] == [t["code"] for t in files[str(good2)]["temuan"]]


def test_dk01_message_in_english(periksa, tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    data = periksa.run([bad], "--lang", "en")
    msg = data["berkas"][0]["temuan"][0]["message"]
    assert msg.startswith("The file cannot be read: ")


def test_dk01_passes_on_readable_files(periksa, sop):
    assert of(periksa(sop), "DK01") == []


def test_dk02_unplaced_text_listed_with_location(periksa, sop):
    found = of(periksa(sop, catatan=["Catatan: mohon dicek kembali oleh Kasubbag"],
                       kotak_teks="Formulir terlampir"), "DK02")
    # one finding per SOP, with the count and every item with its location
    assert len(found) == 1 and found[0]["severity"] == "info"
    texts = {b["teks"]: b["lokasi"] for b in found[0]["butir"]}
    assert "Catatan: mohon dicek kembali oleh Kasubbag" in texts
    assert texts["Catatan: mohon dicek kembali oleh Kasubbag"].startswith("paragraf ")
    assert "Formulir terlampir" in texts
    assert found[0]["message"].startswith("%d teks tidak terpetakan" % len(texts))
    assert "Formulir terlampir" in found[0]["message"]


def test_dk02_passes_without_unplaced_text(periksa, sop):
    assert of(periksa(sop), "DK02") == []


def test_dk03_tracked_changes(periksa, sop):
    found = of(periksa(sop, lacak=(2, "dan membuat catatan", "dengan cermat")), "DK03")
    assert len(found) == 1 and found[0]["field"] == "sumber.perubahan_terlacak"
    assert found[0]["severity"] == "warning"


def test_dk03_reviewer_comment(periksa, sop, tmp_path):
    path = periksa.docx(sop, name="komentar.docx")
    d = docx.Document(str(path))
    para = next(p for p in d.paragraphs if p.text.strip())
    d.add_comment(para.runs, text="Mohon nomor SOP diperiksa", author="Ortala")
    d.save(str(path))
    data = periksa.run([path])
    found = of(data["berkas"][0]["temuan"], "DK03")
    assert [t["field"] for t in found] == ["sumber.komentar"]


def test_dk03_passes_on_final_document(periksa, sop):
    assert of(periksa(sop), "DK03") == []


def test_dk04_puskesmas_accreditation_format(periksa, sop):
    sop.lainnya = {"Pengertian": "Cuti adalah keadaan tidak masuk kerja", "Tujuan": "Sebagai acuan",
                   "Kebijakan": "SK Kepala Puskesmas", "Referensi": "PP 11/2017",
                   "Unit terkait": "Tata Usaha", "Dokumen terkait": "Formulir cuti"}
    found = of(periksa(sop), "DK04")
    assert len(found) == 1 and "Puskesmas" in found[0]["message"]


def test_dk04_standar_pelayanan(periksa, sop):
    sop.lainnya = {"Persyaratan": "KTP, KK", "Jangka Waktu Pelayanan": "1 hari", "Biaya/Tarif": "Gratis",
                   "Produk Pelayanan": "SKTM", "Penanganan Pengaduan": "Kotak saran"}
    found = of(periksa(sop), "DK04")
    assert len(found) == 1 and "Standar Pelayanan" in found[0]["message"]


def test_dk04_sop_ap_with_usual_extra_fields_passes(periksa, sop):
    sop.lainnya = {"Jenis Layanan": "Kependudukan", "Tujuan": "Tertib administrasi", "Halaman": "1 dari 2"}
    found = periksa(sop)
    assert of(found, "DK04") == [] and serious(found) == []
