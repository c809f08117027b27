"""FL01-FL04 on real .docx files through the real `soplint check` command."""
import pytest
from _sopkit import of


def test_fl01_no_start_terminator(periksa, sop):
    sop.kegiatan[0].simbol = "proses"  # drawn as a process box: no capsule at the start
    found = of(periksa(sop), "FL01")
    assert len(found) == 1 and found[0]["field"] == "kegiatan.simbol"


def test_fl01_passes_with_start_and_end(periksa, sop):
    # (every layout: tests/rules/test_bersih.py)
    assert of(periksa(sop, layout="vml"), "FL01") == []


@pytest.mark.parametrize("layout", ["standar", "centang"])
def test_fl02_decision_without_no_branch(periksa, sop, layout):
    sop.kegiatan[2].cabang.tidak = None
    sop.kegiatan[2].keterangan = ""
    found = of(periksa(sop, layout=layout), "FL02")
    assert [t["kegiatan"] for t in found] == [3]
    assert "tidak" in found[0]["message"]


def test_fl02_branch_to_missing_step(periksa, sop):
    sop.kegiatan[2].cabang.tidak = 9
    sop.kegiatan[2].keterangan = "Tidak: kembali ke kegiatan 9"
    found = of(periksa(sop, layout="centang"), "FL02")
    assert [t["kegiatan"] for t in found] == [3]
    assert "9" in found[0]["message"]


def test_fl02_passes_with_two_branches(periksa, sop):
    assert of(periksa(sop, layout="centang"), "FL02") == []


@pytest.mark.parametrize("layout", ["centang", "standar"])
def test_fl03_step_skipped_by_both_branches(periksa, sop, layout):
    sop.kegiatan[2].cabang.ya = 5
    sop.kegiatan[2].keterangan = "Ya: lanjut ke kegiatan 5; Tidak: kembali ke kegiatan 2"
    found = of(periksa(sop, layout=layout), "FL03")
    assert [t["kegiatan"] for t in found] == [4]


def test_fl03_passes_when_every_step_is_reached(periksa, sop):
    assert of(periksa(sop, layout="centang"), "FL03") == []


@pytest.mark.parametrize("layout,shape", [("standar", "flowChartDocument"), ("vml", "t114")])
def test_fl04_non_standard_symbol(periksa, sop, layout, shape):
    sop.kegiatan[3].simbol = "tidak_baku"
    sop.kegiatan[3].bentuk = "flowChartDocument"
    found = of(periksa(sop, layout=layout), "FL04")
    assert [(t["kegiatan"], t["teks"]) for t in found] == [(4, shape)]


def test_fl04_passes_with_the_five_symbols(periksa, sop):
    assert of(periksa(sop, layout="vml"), "FL04") == []


def test_fl03_step_without_symbol_is_not_called_unreachable(periksa, sop):
    # no symbol drawn for step 2 (PR02): no arrow can end there, which says
    # nothing about the flow; FL03 stays quiet
    sop.kegiatan[1].pelaksana = None
    found = periksa(sop)
    assert of(found, "FL03") == [] and [t["kegiatan"] for t in of(found, "PR02")] == [2]


def test_fl02_branch_leading_outside_the_sop_exists(periksa, sop):
    sop.kegiatan[2].cabang.tidak = None
    sop.kegiatan[2].keterangan = "Tidak: diproses sesuai SOP Penanganan Temuan"
    assert of(periksa(sop, layout="centang"), "FL02") == []
