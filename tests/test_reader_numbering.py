"""Reader: step numbers as the document gives them (repeats kept) and the kind
of each drawn terminator decided by its arrows (L1 / L2 from the lead).

Real .docx files rendered with samples/sopdocx.py, read by the real reader and
checked by the real ``soplint check --format json`` command."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "rules"))

from _sopkit import Checker, K, W, clean_sop, of  # noqa: E402

from soplint.readers import read_path  # noqa: E402


@pytest.fixture
def periksa(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return Checker(tmp_path)


def _read(path):
    sops = read_path(str(path))
    assert len(sops) == 1
    return sops[0]


def _repeat_sop():
    """1, 2, 3, 4, 4: the last number written twice; the decision (3) says
    "Tidak: kembali ke kegiatan 2" and goes on to the first 4."""
    sop = clean_sop()
    for k, no in zip(sop.kegiatan, [1, 2, 3, 4, 4]):
        k.no = no
    return sop


@pytest.mark.parametrize("layout", ["centang", "kolom_teks", "standar"])
def test_repeated_step_number_is_kept(periksa, layout):
    path = periksa.docx(_repeat_sop(), layout=layout)
    sop = _read(path)
    assert [k.no for k in sop.kegiatan] == [1, 2, 3, 4, 4]
    assert [k.uraian for k in sop.kegiatan][3:] == ["Memberikan disposisi surat",
                                                    "Mengarsipkan surat dan lembar disposisi"]
    dec = sop.kegiatan[2]
    assert dec.simbol == "keputusan"
    assert (dec.cabang.ya, dec.cabang.tidak) == (4, 2)
    # table order: the row after the first 4 is the (second) 4, the last row ends
    assert sop.kegiatan[1].lanjut == [3]
    assert sop.kegiatan[3].lanjut == [4]
    assert sop.kegiatan[4].lanjut == []
    assert sop.kegiatan[4].simbol == "selesai"


def test_repeated_step_number_reported_by_pr08(periksa):
    found = of(periksa(_repeat_sop(), layout="centang"), "PR08")
    assert len(found) == 1
    assert found[0]["kegiatan"] == 4 and "berulang" in found[0]["message"]


def test_skip_and_backwards_numbers_kept(periksa):
    sop = clean_sop()
    for k, no in zip(sop.kegiatan, [1, 2, 3, 5, 4]):
        k.no = no
    sop.kegiatan[2].cabang.ya = 5
    path = periksa.docx(sop, layout="centang")
    assert [k.no for k in _read(path).kegiatan] == [1, 2, 3, 5, 4]


def _two_starts():
    """Two entry points drawn as terminators: 1 (start) -> 2 -> 5 and
    3 (a second start, nothing points to it) -> 4 -> 5 (end)."""
    sop = clean_sop()
    A, B, C = sop.pelaksana
    sop.kegiatan = [
        K(1, "Menerima surat masuk dari loket", A, "Surat masuk", W("5 menit", 5), "Surat diterima", simbol="mulai"),
        K(2, "Mengagendakan surat dari loket", A, "Surat diterima", W("5 menit", 5), "Surat teragenda"),
        K(3, "Menerima surat masuk dari kurir", B, "Surat masuk", W("5 menit", 5), "Surat diterima",
          simbol="mulai"),
        K(4, "Mengagendakan surat dari kurir", B, "Surat diterima", W("5 menit", 5), "Surat teragenda"),
        K(5, "Mengarsipkan surat", C, "Surat teragenda", W("5 menit", 5), "Arsip surat", simbol="selesai"),
    ]
    sop.kegiatan[1].lanjut = [5]
    sop.kegiatan[2].lanjut = [4]
    sop.kegiatan[3].lanjut = [5]
    return sop


@pytest.mark.parametrize("layout", ["standar", "vml"])
def test_second_start_terminator_read_from_arrows(periksa, layout):
    path = periksa.docx(_two_starts(), layout=layout)
    sop = _read(path)
    assert [k.simbol for k in sop.kegiatan] == ["mulai", "proses", "mulai", "proses", "selesai"]
    assert sop.kegiatan[1].lanjut == [5]
    found = of(periksa.run([path])["berkas"][0]["temuan"], "FL01")
    assert len(found) == 1
    assert found[0]["kegiatan"] == 3 and "2 kapsul mulai" in found[0]["message"]


def test_terminators_without_arrows_keep_first_last_rule(periksa):
    sop = _two_starts()
    path = periksa.docx(sop, layout="standar", konektor=False)
    read = _read(path)
    # no arrows drawn: the first terminator starts, the others end
    assert [k.simbol for k in read.kegiatan] == ["mulai", "proses", "selesai", "proses", "selesai"]
