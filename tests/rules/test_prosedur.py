"""PR01-PR12 on real .docx files through the real `soplint check` command."""
import copy

import pytest
from _sopkit import K, W, of


def test_pr01_no_steps(periksa, sop):
    sop.kegiatan = []
    found = of(periksa(sop), "PR01")
    assert len(found) == 1 and found[0]["severity"] == "error"


def test_pr01_passes_with_steps(periksa, sop):
    assert of(periksa(sop), "PR01") == []


@pytest.mark.parametrize("layout", ["standar", "centang"])
def test_pr02_step_without_actor(periksa, sop, layout):
    sop.kegiatan[1].pelaksana = None
    found = of(periksa(sop, layout=layout), "PR02")
    assert [t["kegiatan"] for t in found] == [2]
    assert found[0]["lokasi"].startswith("tabel ")


def test_pr02_passes_when_every_step_is_marked(periksa, sop):
    assert of(periksa(sop, layout="centang"), "PR02") == []


def test_pr03_two_columns_marked(periksa, sop):
    sop.kegiatan[1].pelaksana_lain = ["Sekretaris"]
    found = of(periksa(sop), "PR03")
    assert [(t["kegiatan"], t["teks"]) for t in found] == [(2, "Kasubbag Umum, Sekretaris")]


def test_pr03_two_actors_in_the_actor_text(periksa, sop):
    sop.pelaksana[1] = sop.kegiatan[1].pelaksana = "Kasi Kesos dan Sekcam"
    found = of(periksa(sop, layout="kolom_teks"), "PR03")
    assert [t["kegiatan"] for t in found] == [2]


def test_pr03_role_names_containing_dan_pass(periksa, sop):
    sop.pelaksana[1] = sop.kegiatan[1].pelaksana = "Kasubbag Umum dan Kepegawaian"
    assert of(periksa(sop, layout="kolom_teks"), "PR03") == []


def test_pr04_process_step_without_kelengkapan(periksa, sop):
    sop.kegiatan[1].kelengkapan = ""
    sop.kegiatan[2].kelengkapan = ""  # a decision: not checked
    found = of(periksa(sop), "PR04")
    assert [(t["kegiatan"], t["field"]) for t in found] == [(2, "kegiatan.kelengkapan")]
    assert 'kolom "Kelengkapan"' in found[0]["lokasi"]


def test_pr04_passes(periksa, sop):
    assert of(periksa(sop), "PR04") == []


def test_pr05_step_without_time(periksa, sop):
    sop.kegiatan[3].waktu = None
    found = of(periksa(sop), "PR05")
    assert [t["kegiatan"] for t in found] == [4]


def test_pr05_dash_accepted_on_a_decision(periksa, sop):
    sop.kegiatan[2].waktu = W("-", None)
    assert of(periksa(sop), "PR05") == []


def test_pr06_vague_times(periksa, sop):
    sop.kegiatan[1].waktu = W("segera", None)
    sop.kegiatan[3].waktu = W("± 1 jam", 60)
    sop.kegiatan[4].waktu = W("sesuai kebutuhan", None)
    found = of(periksa(sop), "PR06")
    assert [(t["kegiatan"], t["teks"]) for t in found] == [(2, "segera"), (4, "± 1 jam"), (5, "sesuai kebutuhan")]


def test_pr06_measurable_times_pass(periksa, sop):
    sop.kegiatan[1].waktu = W("2 (dua) hari kerja", 960)
    sop.kegiatan[3].waktu = W("1 jam 30 menit", 90)
    sop.kegiatan[4].waktu = W("10-15 menit", 15)
    assert of(periksa(sop), "PR06") == []


def test_pr06_one_word_and_planning_units_pass(periksa, sop):
    # written into the .docx and read back: the reader measures them
    sop.kegiatan[1].waktu = W("Sehari", 480)
    sop.kegiatan[3].waktu = W("1 (satu) triwulan", 31680)
    sop.kegiatan[4].waktu = W("1 tahun", 126720)
    assert of(periksa(sop), "PR06") == []


def test_pr07_missing_vague_or_repeated_output(periksa, sop):
    sop.kegiatan[0].output = ""
    sop.kegiatan[1].output = "proses"
    sop.kegiatan[3].output = "Memberikan disposisi surat"
    found = of(periksa(sop), "PR07")
    assert [t["kegiatan"] for t in found] == [1, 2, 4]
    assert "mengulang" in found[2]["message"]


def test_pr07_passes(periksa, sop):
    assert of(periksa(sop), "PR07") == []


def test_pr08_numbers_skip_and_run_backwards(periksa, sop):
    for k, no in zip(sop.kegiatan, [1, 2, 4, 3, 5]):
        k.no = no
    sop.kegiatan[2].cabang.ya = 3
    found = of(periksa(sop, layout="centang"), "PR08")
    by_step = {t["kegiatan"]: t["message"] for t in found}
    assert sorted(by_step) == [3, 4, 5]
    assert "melompat dari 2 ke 4" in by_step[4] and "mundur dari 4 ke 3" in by_step[3]
    assert "melompat dari 3 ke 5" in by_step[5]


def test_pr08_passes(periksa, sop):
    assert of(periksa(sop), "PR08") == []


def test_pr09_actor_in_activity_text(periksa, sop):
    sop.kegiatan[1].uraian = "Kasubbag Umum menelaah surat dan membuat catatan"
    found = of(periksa(sop), "PR09")
    assert [t["kegiatan"] for t in found] == [2]
    assert found[0]["severity"] == "info"


def test_pr09_verb_first_passes(periksa, sop):
    assert of(periksa(sop), "PR09") == []


def _many_actors(sop, n):
    names = [f"Kepala Seksi {i}" for i in range(1, n + 1)]
    sop.pelaksana = names
    sop.kegiatan = [K(i, f"Memeriksa berkas tahap {i}", names[i - 1], f"Berkas tahap {i}", W("5 menit", 5),
                      f"Berkas tahap {i + 1}", simbol="mulai" if i == 1 else ("selesai" if i == n else "proses"))
                    for i in range(1, n + 1)]
    return sop


def test_pr10_too_many_actor_columns(periksa, sop):
    found = of(periksa(_many_actors(sop, 8), layout="centang"), "PR10")
    assert len(found) == 1 and "8" in found[0]["message"]


def test_pr10_option_maks_from_config(periksa, sop, tmp_path):
    (tmp_path / "soplint.toml").write_text("[rules.PR10]\nmaks = 6\n")
    assert len(of(periksa(_many_actors(copy.deepcopy(sop), 7), layout="centang"), "PR10")) == 1
    (tmp_path / "soplint.toml").write_text("[rules.PR10]\nmaks = 8\n")
    assert of(periksa(_many_actors(sop, 8), layout="centang"), "PR10") == []


def test_pr11_too_many_steps(periksa, sop):
    steps = [K(i, f"Memverifikasi dokumen nomor {i}", sop.pelaksana[i % 3], "Dokumen", W("5 menit", 5),
               "Dokumen terverifikasi", simbol="mulai" if i == 1 else ("selesai" if i == 26 else "proses"))
             for i in range(1, 27)]
    sop.kegiatan = steps
    found = of(periksa(sop, layout="centang"), "PR11")
    assert len(found) == 1 and found[0]["severity"] == "info"


def test_pr11_passes_below_maks(periksa, sop):
    assert of(periksa(sop), "PR11") == []


def test_pr12_unused_actor_column(periksa, sop):
    sop.pelaksana.append("Bendahara")
    found = of(periksa(sop), "PR12")
    assert [t["teks"] for t in found] == ["Bendahara"]


def test_pr12_passes_and_aliases_apply(periksa, sop, tmp_path):
    assert of(periksa(copy.deepcopy(sop)), "PR12") == []
    # a step written with another spelling of the actor, unified by aliases
    (tmp_path / "soplint.toml").write_text('[aliases]\n"Kasubag Umum" = "Kasubbag Umum"\n')
    sop.pelaksana[1] = "Kasubag Umum"
    sop.kegiatan[1].pelaksana = "Kasubag Umum"
    sop.kegiatan[1].uraian = "Kasubbag Umum menelaah surat"
    found = periksa(sop, layout="kolom_teks")
    assert of(found, "PR12") == []
    assert [t["kegiatan"] for t in of(found, "PR09")] == [2]
