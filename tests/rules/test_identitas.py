"""ID01-ID09 on real .docx files through the real `soplint check` command."""
from _sopkit import T, of, run_cli


def test_id01_absent_items_reported_one_by_one(periksa, sop):
    sop.identitas.nomor_sop = None
    sop.identitas.tanggal_efektif = None
    sop.dasar_hukum = None
    found = periksa(sop)
    fields = sorted(t["field"] for t in of(found, "ID01"))
    assert fields == ["dasar_hukum", "identitas.nomor_sop", "identitas.tanggal_efektif"]
    msg = of(found, "ID01", field="identitas.tanggal_efektif")[0]
    assert msg["severity"] == "error" and msg["message"] == "Tanggal Efektif tidak ditemukan"


def test_id01_passes_on_complete_identity(periksa, sop):
    assert of(periksa(sop), "ID01") == []


def test_id02_empty_and_placeholder_values(periksa, sop):
    sop.identitas.nomor_sop = "......"
    sop.identitas.tanggal_efektif = T("")
    sop.peringatan = []
    sop.peralatan_perlengkapan = ["Komputer", "[isi]"]
    found = periksa(sop)
    got = {(t["field"], t["teks"]) for t in of(found, "ID02")}
    assert ("identitas.nomor_sop", "......") in got
    assert ("identitas.tanggal_efektif", None) in got
    assert ("peringatan", None) in got
    assert ("peralatan_perlengkapan", "[isi]") in got
    assert len(got) == 4


def test_id02_dash_allowed_for_revision_date_and_keterkaitan(periksa, sop):
    sop.identitas.tanggal_revisi = T("-")
    sop.keterkaitan = ["-"]
    assert of(periksa(sop), "ID02") == []


def test_id02_dash_not_allowed_for_effective_date(periksa, sop):
    sop.identitas.tanggal_efektif = T("-")
    found = of(periksa(sop), "ID02")
    assert [t["field"] for t in found] == ["identitas.tanggal_efektif"]


def test_id03_unreadable_date(periksa, sop):
    sop.identitas.tanggal_pembuatan = T("31 Juni 2014")
    found = of(periksa(sop), "ID03")
    assert [(t["field"], t["teks"]) for t in found] == [("identitas.tanggal_pembuatan", "31 Juni 2014")]


def test_id03_old_spellings_and_iso_dates_are_dates(periksa, sop):
    sop.identitas.tanggal_pembuatan = T("03 Pebruari 2014", "2014-02-03", "hari")
    sop.identitas.tanggal_efektif = T("2014-03-03", "2014-03-03", "hari")
    found = periksa(sop)
    assert of(found, "ID03") == [] and of(found, "ID05") == []


def test_id04_month_year_only(periksa, sop):
    sop.identitas.tanggal_pembuatan = T("Desember 2013", "2013-12-01", "bulan")
    sop.identitas.tanggal_efektif = T("JANUARI 2014", "2014-01-01", "bulan")
    found = of(periksa(sop), "ID04")
    assert sorted(t["field"] for t in found) == ["identitas.tanggal_efektif", "identitas.tanggal_pembuatan"]
    assert all(t["severity"] == "warning" for t in found)


def test_id04_full_dates_pass(periksa, sop):
    assert of(periksa(sop), "ID04") == []


def test_id05_effective_before_made(periksa, sop):
    sop.identitas.tanggal_efektif = T("1 Januari 2014", "2014-01-01", "hari")
    found = of(periksa(sop), "ID05")
    assert [t["field"] for t in found] == ["identitas.tanggal_efektif"]
    assert "3 Februari 2014" in found[0]["message"]


def test_id05_same_month_at_coarser_precision_is_not_earlier(periksa, sop):
    sop.identitas.tanggal_pembuatan = T("15 Februari 2014", "2014-02-15", "hari")
    sop.identitas.tanggal_efektif = T("Februari 2014", "2014-02-01", "bulan")
    found = periksa(sop)
    assert of(found, "ID05") == []
    assert len(of(found, "ID04")) == 1


def test_id06_empty_segment(periksa, sop):
    sop.identitas.nomor_sop = "530/ /01-IND/IV/2019"
    found = of(periksa(sop), "ID06")
    assert len(found) == 1 and found[0]["teks"] == "530/ /01-IND/IV/2019"


def test_id06_pattern_from_config(periksa, sop, tmp_path):
    (tmp_path / "soplint.toml").write_text('[rules.ID06]\npola = "^\\\\d{3}/\\\\d+/[A-Z]+/\\\\d{4}$"\n')
    sop.identitas.nomor_sop = "19.02.03.81"
    found = of(periksa(sop), "ID06")
    assert len(found) == 1 and "pola" in found[0]["message"]


def test_id06_regional_numbers_pass_without_pattern(periksa, sop):
    sop.identitas.nomor_sop = "19.02.03.81"
    assert of(periksa(sop), "ID06") == []


def test_id07_nip_not_18_digits_and_missing_name(periksa, sop):
    sop.identitas.disahkan_oleh.nip = "19611122198903100"
    found = of(periksa(sop), "ID07")
    assert len(found) == 1 and "17" in found[0]["message"]


def test_id07_missing_nip(periksa, sop):
    sop.identitas.disahkan_oleh.nip = None
    found = of(periksa(sop), "ID07")
    assert len(found) == 1 and found[0]["field"] == "identitas.disahkan_oleh"


def test_id07_regional_head_needs_no_nip(periksa, sop):
    sop.identitas.disahkan_oleh.jabatan = "BUPATI SLEMAN"
    sop.identitas.disahkan_oleh.nama = "Drs. Sri Purnomo, M.Si"
    sop.identitas.disahkan_oleh.pangkat = None
    sop.identitas.disahkan_oleh.nip = None
    assert of(periksa(sop), "ID07") == []


def test_id08_entry_without_number_or_year(periksa, sop):
    sop.dasar_hukum = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                       "Peraturan Walikota tentang Tugas Pokok dan Fungsi",
                       "Pedoman tata naskah dinas"]
    found = of(periksa(sop), "ID08")
    assert [t["teks"] for t in found] == ["Peraturan Walikota tentang Tugas Pokok dan Fungsi",
                                         "Pedoman tata naskah dinas"]


def test_id08_citation_forms_pass(periksa, sop):
    sop.dasar_hukum = ["UU No. 23 Th. 2014 tentang Pemerintahan Daerah",
                       "Permendagri 52/2011",
                       "Peraturan Menteri Keuangan Nomor 215/PMK.05/2016 tentang Akuntansi",
                       "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
                       "Peraturan Daerah Kota Bengkulu Nomor 8 Tahun 2016 tentang Perangkat Daerah"]
    assert of(periksa(sop), "ID08") == []


def test_id09_revoked_regulations_name_the_replacement(periksa, sop):
    sop.dasar_hukum = ["UU No. 32 Tahun 2004 tentang Pemerintahan Daerah",
                       "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/21/M.PAN/11/2008 "
                       "tentang Pedoman Penyusunan SOP",
                       "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah"]
    found = of(periksa(sop), "ID09")
    assert len(found) == 2
    assert "Nomor 23 Tahun 2014" in found[0]["message"]
    assert "35 Tahun 2012" in found[1]["message"]


def test_id09_amendment_reference_and_current_law_pass(periksa, sop):
    sop.dasar_hukum = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                       "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 43 "
                       "Tahun 2009 tentang Kearsipan"]
    assert of(periksa(sop), "ID09") == []


def test_id09_table_extended_from_config(periksa, sop, tmp_path):
    (tmp_path / "soplint.toml").write_text(
        '[rules.ID09]\ntambahan = [{jenis = "perda", nomor = "5", tahun = 2010, '
        'pengganti = "Peraturan Daerah Nomor 3 Tahun 2021"}]\n')
    sop.dasar_hukum = ["Peraturan Daerah Kota Bengkulu Nomor 5 Tahun 2010 tentang Organisasi"]
    found = of(periksa(sop), "ID09")
    assert len(found) == 1 and "Nomor 3 Tahun 2021" in found[0]["message"]


def test_id09_table_file_relative_to_the_config(periksa, sop, tmp_path):
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "daerah.toml").write_text(
        '[[regulasi]]\njenis = "perwal"\nnomor = "47"\ntahun = 2016\n'
        'pengganti = "Peraturan Wali Kota Bengkulu Nomor 12 Tahun 2023"\n')
    (tmp_path / "cfg" / "soplint.toml").write_text('[rules.ID09]\nberkas = "daerah.toml"\n')
    sop.dasar_hukum = ["Peraturan Walikota Bengkulu Nomor 47 Tahun 2016 tentang Tugas Pokok"]
    found = of(periksa(sop, "--config", tmp_path / "cfg" / "soplint.toml"), "ID09")
    assert len(found) == 1 and "Nomor 12 Tahun 2023" in found[0]["message"]
    (tmp_path / "cfg" / "soplint.toml").write_text('[rules.ID09]\nberkas = "tidak-ada.toml"\n')
    code, out = run_cli(["check", tmp_path / "x.docx", "--config", tmp_path / "cfg" / "soplint.toml"])
    assert code == 2 and "rules.ID09.berkas" in out


def test_id03_date_within_other_text_is_readable(periksa, sop):
    sop.identitas.tanggal_pembuatan = T("Bengkulu, 3 Februari 2014")
    sop.identitas.tanggal_efektif = T("3 Maret 2014 M")
    assert of(periksa(sop), "ID03") == []
