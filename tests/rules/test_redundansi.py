"""RD01-RD05 on real .docx files through the real `soplint check` command."""
import copy

from _sopkit import B, K, W, of


def _insert(sop, pos, step):
    sop.kegiatan.insert(pos, step)
    for i, k in enumerate(sop.kegiatan, 1):
        k.no = i
    for k in sop.kegiatan:
        if k.cabang:
            k.cabang.ya, k.cabang.tidak = k.no + 1, k.no - 1
            k.keterangan = f"Tidak: kembali ke kegiatan {k.no - 1}"
    return sop


def test_rd01_identical_steps(periksa, sop):
    _insert(sop, 2, K(3, "Menelaah surat dan membuat catatan", B, "Surat bercatatan", W("10 menit", 10),
                      "Surat bercatatan"))
    found = of(periksa(sop, layout="centang"), "RD01")
    assert [t["kegiatan"] for t in found] == [3]
    assert "kegiatan 2" in found[0]["message"]


def test_rd01_same_activity_with_other_affixes(periksa, sop):
    sop.kegiatan[1].uraian = "Meninjau lokasi permohonan"
    _insert(sop, 2, K(3, "Peninjauan lokasi permohonan.", B, "Surat bercatatan", W("10 menit", 10),
                      "Hasil peninjauan"))
    found = of(periksa(sop, layout="centang"), "RD01")
    assert [t["kegiatan"] for t in found] == [3]


def test_rd01_light_verbs_do_not_hide_a_duplicate(periksa, sop):
    sop.kegiatan[1].uraian = "Melakukan peninjauan lapangan"
    _insert(sop, 2, K(3, "Melaksanakan peninjauan lapangan.", B, "Surat bercatatan", W("1 hari", 480),
                      "Berita acara peninjauan"))
    found = of(periksa(sop, layout="centang"), "RD01")
    assert [t["kegiatan"] for t in found] == [3]


def test_rd01_threshold_option(periksa, sop, tmp_path):
    sop.kegiatan[1].uraian = "Meninjau lokasi permohonan izin"
    _insert(sop, 2, K(3, "Meninjau lokasi permohonan", B, "Surat bercatatan", W("10 menit", 10), "Hasil"))
    (tmp_path / "soplint.toml").write_text("[rules.RD01]\nambang = 99\n")
    assert of(periksa(copy.deepcopy(sop), layout="centang"), "RD01") == []
    (tmp_path / "soplint.toml").write_text("[rules.RD01]\nambang = 80\n")
    assert len(of(periksa(sop, layout="centang"), "RD01")) == 1


def test_rd01_same_text_by_other_actor_or_other_number_passes(periksa, sop):
    # hierarchical checking by two officials is not a duplicate
    sop.kegiatan[1].uraian = "Memeriksa dan memaraf konsep tahap 1"
    _insert(sop, 2, K(3, "Memeriksa dan memaraf konsep tahap 1", "Sekretaris", "Konsep", W("5 menit", 5), "Paraf"))
    _insert(sop, 3, K(4, "Memeriksa dan memaraf konsep tahap 2", "Sekretaris", "Konsep", W("5 menit", 5), "Paraf"))
    assert of(periksa(sop, layout="centang"), "RD01") == []


def test_rd02_consecutive_steps_of_one_actor(periksa, sop):
    sop.kegiatan[1].uraian = "Mengetik konsep catatan"
    sop.kegiatan[1].output = "Konsep catatan"
    _insert(sop, 2, K(3, "Mencetak konsep catatan", B, "Konsep catatan", W("5 menit", 5), "Surat bercatatan"))
    sop.kegiatan[3].cabang.tidak = 2
    sop.kegiatan[3].keterangan = "Tidak: kembali ke kegiatan 2"
    found = of(periksa(sop, layout="centang"), "RD02")
    assert [t["kegiatan"] for t in found] == [2]
    assert found[0]["severity"] == "info" and "2 dan 3" in found[0]["message"]


def test_rd02_passes_across_actors_and_decisions(periksa, sop):
    assert of(periksa(sop, layout="centang"), "RD02") == []


def test_rd03_hand_off_step(periksa, sop):
    _insert(sop, 1, K(2, "Menerima surat dan meneruskan kepada Kasubbag Umum", "Sekretaris", "Surat teragenda",
                      W("5 menit", 5), "Surat teragenda"))
    found = of(periksa(sop, layout="centang"), "RD03")
    assert [t["kegiatan"] for t in found] == [2]
    assert found[0]["severity"] == "info"


def test_rd03_step_with_real_work_passes(periksa, sop):
    _insert(sop, 1, K(2, "Menerima, menelaah dan meneruskan surat kepada Kasubbag Umum", "Sekretaris",
                      "Surat teragenda", W("5 menit", 5), "Surat teragenda"))
    assert of(periksa(sop, layout="centang"), "RD03") == []


def test_rd03_lexicon_extended_from_config(periksa, sop, tmp_path):
    _insert(sop, 1, K(2, "Menerima dan mengestafetkan surat kepada Kasubbag Umum", "Sekretaris",
                      "Surat teragenda", W("5 menit", 5), "Surat teragenda"))
    assert of(periksa(copy.deepcopy(sop), layout="centang"), "RD03") == []
    (tmp_path / "soplint.toml").write_text('[rules.RD03]\nkata_teruskan = ["mengestafetkan"]\n')
    assert [t["kegiatan"] for t in of(periksa(sop, layout="centang"), "RD03")] == [2]


def _other(sop, title, nomor):
    other = copy.deepcopy(sop)
    other.identitas.nama_sop = title
    other.identitas.nomor_sop = nomor
    other.kegiatan = [
        K(1, "Menyusun konsep surat keluar", other.pelaksana[0], "Disposisi", W("15 menit", 15), "Konsep surat",
          simbol="mulai"),
        K(2, "Memaraf konsep surat", other.pelaksana[1], "Konsep surat", W("10 menit", 10), "Konsep berparaf"),
        K(3, "Menandatangani surat", other.pelaksana[2], "Konsep berparaf", W("10 menit", 10), "Surat"),
        K(4, "Mengirim surat", other.pelaksana[0], "Surat", W("15 menit", 15), "Tanda terima", simbol="selesai"),
    ]
    return other


def test_rd04_same_title_in_two_files(periksa, sop):
    a = periksa.docx(sop)
    b = periksa.docx(_other(sop, "SOP Pelayanan Administrasi Surat Masuk", "065/99/UMUM/2014"))
    data = periksa.run([a, b])
    found = [t for f in data["berkas"] for t in of(f["temuan"], "RD04")]
    assert sorted(t["berkas"] for t in found) == sorted([str(a), str(b)])


def test_rd04_same_steps_under_another_title(periksa, sop):
    copy_ = copy.deepcopy(sop)
    copy_.identitas.nama_sop = "Penanganan Surat Dinas yang Diterima"
    copy_.identitas.nomor_sop = "065/99/UMUM/2014"
    data = periksa.run([periksa.docx(sop), periksa.docx(copy_)])
    found = [t for f in data["berkas"] for t in of(f["temuan"], "RD04")]
    assert len(found) == 2 and all("Langkah" in t["message"] for t in found)


def test_rd04_different_sops_pass(periksa, sop):
    data = periksa.run([periksa.docx(sop), periksa.docx(_other(sop, "Pelayanan Administrasi Surat Keluar",
                                                                  "065/99/UMUM/2014"))])
    assert [t for f in data["berkas"] for t in of(f["temuan"], "RD04")] == []


def test_rd05_shared_number(periksa, sop):
    other = _other(sop, "Pelayanan Administrasi Surat Keluar", "065/23.c/UMUM/II/2014 ")
    data = periksa.run([periksa.docx(sop), periksa.docx(other)])
    found = [t for f in data["berkas"] for t in of(f["temuan"], "RD05")]
    assert len(found) == 2 and all(t["severity"] == "error" for t in found)
    assert found[0]["field"] == "identitas.nomor_sop"


def test_rd05_shared_number_inside_one_buku_sop(periksa, sop):
    other = _other(sop, "Pelayanan Administrasi Surat Keluar", sop.identitas.nomor_sop)
    found = of(periksa([sop, other]), "RD05")
    assert sorted(t["indeks"] for t in found) == [0, 1]


def test_rd05_distinct_numbers_pass(periksa, sop):
    other = _other(sop, "Pelayanan Administrasi Surat Keluar", "065/24.c/UMUM/II/2014")
    data = periksa.run([periksa.docx(sop), periksa.docx(other)])
    assert [t for f in data["berkas"] for t in of(f["temuan"], "RD05")] == []


def test_rd04_rd05_other_institutions_may_share_titles_and_numbers(periksa, sop):
    other = copy.deepcopy(sop)
    other.identitas.instansi = ["PEMERINTAH KOTA BENGKULU", "DINAS KESEHATAN"]
    data = periksa.run([periksa.docx(sop), periksa.docx(other)])
    assert [t for f in data["berkas"] for t in f["temuan"] if t["code"] in ("RD04", "RD05")] == []


def test_rd04_rd05_one_document_saved_twice_is_not_a_duplicate(periksa, sop):
    # a draft and its final copy (same number, title and steps) in one batch
    data = periksa.run([periksa.docx(sop, name="draf.docx"), periksa.docx(sop, layout="vml", name="final.docx")])
    assert [t for f in data["berkas"] for t in f["temuan"] if t["code"] in ("RD04", "RD05")] == []
    # within one file (a buku SOP) the same SOP twice is always reported
    found = periksa([sop, copy.deepcopy(sop)])
    assert sorted(t["indeks"] for t in of(found, "RD05")) == [0, 1]
    assert sorted(t["indeks"] for t in of(found, "RD04")) == [0, 1]
