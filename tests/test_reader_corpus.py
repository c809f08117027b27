"""The reader on real Word files and on .doc through LibreOffice; labels."""
import re
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from soplint.errors import UnreadableFile
from soplint.labels import exact, match, normalize
from soplint.model import to_dict, validate
from soplint.readers import read_path
from soplint.readers.docx import read, read_document
from shared_corpus import CORPUS as SHARED_CORPUS, absent_skip, need, reason

CORPUS = SHARED_CORPUS / "real"
REAL_DOCX = sorted(CORPUS.glob("*.docx"))
REAL_DOC = sorted(CORPUS.glob("*.doc"))


@pytest.mark.skipif(absent_skip("corpus/real"), reason=reason("corpus/real"))
@pytest.mark.parametrize("path", REAL_DOCX, ids=[p.stem for p in REAL_DOCX])
def test_real_docx_reads_without_crash_and_loses_no_text(path):
    sops = read(path)
    assert sops
    for s in sops:
        validate(to_dict(s))
    placed = " ".join(_all_strings(to_dict(s)) for s in sops)
    doc = read_document(path)
    for p in doc.paragraphs():
        for line in p.lines:
            body = re.sub(r"^\s*(\d{1,3}|[a-zA-Z])\s*[.)]\s*", "", line)
            if any(exact(x.rstrip(": "), g) for g in ("identitas", "daftar", "prosedur_judul", "kolom")
                   for x in (line, body)):
                continue  # a structural label / heading
            if ":" in body and exact(body.split(":")[0], "identitas+daftar+lainnya"):
                body = body.split(":", 1)[1].strip()
            # a title line: its "SOP" / "STANDAR OPERASIONAL PROSEDUR" prefix is a layout label
            named = re.sub(r"^(standar(d)?\s+operasional\s+prosedur|sop)\s*(\(\s*sop\s*\))?\s+", "", body,
                           flags=re.I)
            if named != body and named in placed:
                continue
            nip = re.match(r"^\s*NIP\.?\s*:?\s*([\d ]{15,})\s*$", body, re.I)
            if nip:  # a signer's NIP: the model keeps its digits only
                body = re.sub(r"\D", "", nip.group(1))
            assert body in placed, f"{path.name}: {line!r} is neither placed nor in tak_terpetakan"


def _all_strings(obj) -> str:
    if isinstance(obj, dict):
        return " ".join(_all_strings(v) for k, v in obj.items() if k != "lokasi")
    if isinstance(obj, list):
        return " ".join(_all_strings(v) for v in obj)
    return obj if isinstance(obj, str) else ""


@pytest.mark.skipif(absent_skip("corpus/real"), reason=reason("corpus/real"))
def test_reader_speed_is_near_the_unzip_and_parse_floor():
    """Reading (tree + recognisers) stays within a bounded factor of unzip +
    lxml parse of word/document.xml (generous bound for a loaded CI)."""
    need("corpus/real")
    floor = reader = 0.0
    for path in REAL_DOCX:
        t = time.perf_counter()
        with zipfile.ZipFile(path) as z:
            etree.fromstring(z.read("word/document.xml"))
        floor += time.perf_counter() - t
        t = time.perf_counter()
        read(path)
        reader += time.perf_counter() - t
    assert reader < max(20 * floor, 1.0), (reader, floor)


@pytest.mark.skipif(absent_skip("corpus/real"), reason=reason("corpus/real"))
def test_real_doc_through_libreoffice(soffice, tmp_path):
    need("corpus/real")
    src = REAL_DOC[0]
    before = sorted(p.name for p in src.parent.iterdir())
    sops = read_path(src, {"soffice": soffice})
    assert [s.sumber.format for s in sops] == ["doc"]
    assert sops[0].sumber.berkas == str(src)
    text = _all_strings(to_dict(sops[0]))
    assert "Kriteria" in text or "KRITERIA" in text.upper()
    assert sorted(p.name for p in src.parent.iterdir()) == before  # nothing written beside the input


def test_doc_without_libreoffice_says_so_in_both_languages(tmp_path):
    from soplint.readers.doc import read as read_doc

    f = tmp_path / "lama.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(UnreadableFile) as exc:
        read_doc(f, {"soffice": str(tmp_path / "tidak-ada-soffice")})
    assert exc.value.kind == "no-libreoffice"
    assert "LibreOffice" in exc.value.id_text and "tidak terpasang" in exc.value.id_text
    assert "not installed" in exc.value.en_text


@pytest.mark.parametrize("text,key", [
    ("Nomor SOP", "nomor_sop"), ("No. SOP", "nomor_sop"), ("NO DOKUMEN", "nomor_sop"),
    ("Tgl. Pembuatan", "tanggal_pembuatan"), ("Tanggal Pembuataan", "tanggal_pembuatan"),
    ("Tgl Revisi", "tanggal_revisi"), ("Tanggal Pengesahan", "tanggal_efektif"), ("Mulai Berlaku", "tanggal_efektif"),
    ("Disyahkan Oleh", "disahkan_oleh"), ("Ditetapkan oleh", "disahkan_oleh"), ("Judul SOP", "nama_sop"),
    ("Landasan Hukum", "dasar_hukum"), ("Kualifkasi Pelaksana", "kualifikasi_pelaksana"),
    ("Keterkaitan dengan SOP", "keterkaitan"), ("Peralatan dan Perlengkapan", "peralatan_perlengkapan"),
    ("Peringatan/Resiko", "peringatan"), ("Pencatatan / Pendataan", "pencatatan_pendataan"),
    ("Jenis Layanan", "lainnya"), ("Catatan kaki", None), ("Kasubbag Umum", None),
])
def test_label_variants_and_typos(text, key):
    assert match(text, "identitas+daftar+lainnya") == key


@pytest.mark.parametrize("text,key", [("No.", "no"), ("Uraian Prosedur", "kegiatan"), ("Aktivitas", "kegiatan"),
                                      ("Persyaratan/Kelengkapan", "kelengkapan"), ("Keluaran", "output"),
                                      ("Ket.", "keterangan"), ("Mutu Baku", "mutu_baku"), ("Sekretaris", None)])
def test_procedure_column_labels(text, key):
    assert match(text, "kolom") == key


def test_normalize():
    assert normalize("Tgl.  Pembuatan :") == "tanggal pembuatan"
    assert normalize("Peralatan/Perlengkapan") == normalize("Peralatan dan Perlengkapan")
