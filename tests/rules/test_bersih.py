"""A clean SOP, rendered in every layout the samples library knows, yields no
error and no warning (false alarms are the costliest failure of a linter)."""
import copy

import pytest
import sopdocx
from _sopkit import K, W, serious

TABLE_LAYOUTS = sorted(set(sopdocx.LAYOUTS) - {"naratif"})


@pytest.mark.parametrize("layout", TABLE_LAYOUTS)
def test_clean_document_has_no_error_or_warning(periksa, sop, layout):
    findings = periksa(sop, layout=layout)
    assert serious(findings) == []


def test_clean_narrative_document_only_lacks_mutu_baku(periksa, sop):
    # steps written as sentences naming the actor; such a document has no
    # mutu baku columns, so only PR04/PR05/PR07 may be reported
    for k in sop.kegiatan:
        k.uraian = f"{k.pelaksana} {k.uraian[0].lower()}{k.uraian[1:]}"
    sop.kegiatan[2].uraian = "Sekretaris memeriksa catatan, jika tidak benar, kembali ke kegiatan 2; sudah benar?"
    findings = periksa(sop, layout="naratif")
    assert {t["code"] for t in serious(findings)} <= {"PR04", "PR05", "PR07"}
    assert not [t for t in findings if t["code"] in ("PR02", "PR09", "PR12", "FL01", "FL03")]


def test_clean_buku_sop_with_two_sops(periksa, sop):
    other = copy.deepcopy(sop)
    other.identitas.nomor_sop = "065/24.c/UMUM/II/2014"
    other.identitas.nama_sop = "Pelayanan Administrasi Surat Keluar"
    other.kegiatan = [
        K(1, "Menyusun konsep surat keluar", other.pelaksana[0], "Disposisi", W("15 menit", 15), "Konsep surat",
          simbol="mulai"),
        K(2, "Memaraf konsep surat", other.pelaksana[1], "Konsep surat", W("10 menit", 10), "Konsep berparaf"),
        K(3, "Menandatangani surat", other.pelaksana[2], "Konsep berparaf", W("10 menit", 10), "Surat bertanda tangan"),
        K(4, "Memberi nomor dan mengirim surat", other.pelaksana[0], "Surat bertanda tangan", W("15 menit", 15),
          "Tanda terima pengiriman", simbol="selesai"),
    ]
    findings = periksa([sop, other], sampul=["KUMPULAN SOP", "BAGIAN UMUM"])
    assert serious(findings) == []
    # the cover page is text outside both SOPs: listed (info) on the first SOP
    assert {t["indeks"] for t in findings if t["code"] == "DK02"} == {0}
