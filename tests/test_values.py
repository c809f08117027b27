import pytest

from soplint.values import format_tanggal, norm_space, parse_nip, parse_tanggal, parse_waktu, split_items


@pytest.mark.parametrize("text,iso,presisi", [
    ("03 Februari 2014", "2014-02-03", "hari"),
    ("8 April 2019", "2019-04-08", "hari"),
    ("8 Pebruari 2020", "2020-02-08", "hari"),
    ("1 Nopember 2019", "2019-11-01", "hari"),
    ("12 Agt 2021", "2021-08-12", "hari"),
    ("17 Agutus 2020", "2020-08-17", "hari"),
    ("Senin, 5 Mei 2020", "2020-05-05", "hari"),
    ("2018-07-13", "2018-07-13", "hari"),
    ("13/07/2018", "2018-07-13", "hari"),
    ("01-Apr-17", "2017-04-01", "hari"),
    ("Desember 2013", "2013-12-01", "bulan"),
    ("JUNI 2020", "2020-06-01", "bulan"),
    ("Novermber 2024", "2024-11-01", "bulan"),
    ("2014", "2014-01-01", "tahun"),
])
def test_dates(text, iso, presisi):
    t = parse_tanggal(text)
    assert (t.teks, t.tanggal, t.presisi) == (text, iso, presisi)


@pytest.mark.parametrize("text", ["-", "", "31 Februari 2020", "belum ditentukan", "xx"])
def test_dates_without_value(text):
    t = parse_tanggal(text)
    assert t.teks == text and t.tanggal is None and t.presisi is None


def test_absent_date_is_none():
    assert parse_tanggal(None) is None


def test_format_tanggal_round_trip():
    assert format_tanggal(parse_tanggal("08 April 2019")) == "8 April 2019"
    assert format_tanggal(parse_tanggal("JUNI 2020")) == "Juni 2020"
    assert format_tanggal(parse_tanggal("-")) == "-"


@pytest.mark.parametrize("text,minutes", [
    ("5 menit", 5), ("5 Menit", 5), ("1 Jam", 60), ("1 Hari", 480),
    ("2 (dua) hari kerja", 960), ("60 (enam puluh) menit", 60), ("1 jam 30 menit", 90),
    ("10-15 menit", 15), ("± 1 jam", 60), ("30 detik", 0.5), ("1 minggu", 2400),
    ("2 x 24 jam", 2880), ("maks. 15 menit", 15), ("15 mnt", 15),
    # one of a unit in one word, and the units of planning SOPs (in working days)
    ("sehari", 480), ("Sejam", 60), ("seminggu", 2400), ("sebulan", 10560), ("setengah hari", 240),
    ("1 triwulan", 31680), ("1 (satu) semester", 63360), ("1 tahun", 126720), ("2 thn", 253440),
])
def test_durations(text, minutes):
    w = parse_waktu(text)
    assert w.teks == text and w.menit == minutes


@pytest.mark.parametrize("text", ["segera", "-", "sesuai kebutuhan", "tentatif", "tahunan", "triwulanan"])
def test_unmeasurable_durations(text):
    assert parse_waktu(text).menit is None


def test_working_day_is_configurable():
    assert parse_waktu("1 hari kerja", hari_menit=450).menit == 450


def test_nip_and_space():
    assert parse_nip("NIP. 19611122 198903 1 005") == "196111221989031005"
    assert parse_nip("NIP : -") is None
    assert norm_space(" a\u00a0\tb \n c ") == "a b c"


def test_split_items():
    assert split_items(["1. UU 23/2014 tentang Pemda 2. PP 18/2016 tentang Perangkat Daerah",
                        "a. Komputer", "-", "• ATK", "2) Printer", ""]) == [
        "UU 23/2014 tentang Pemda", "PP 18/2016 tentang Perangkat Daerah", "Komputer", "ATK", "Printer"]
    # numbers that do not start a list stay
    assert split_items(["Pasal 5 ayat 2. Ketentuan 3. lain"]) == ["Pasal 5 ayat 2. Ketentuan 3. lain"]


@pytest.mark.parametrize("text,iso,presisi", [
    ("Bengkulu, 3 Maret 2014", "2014-03-03", "hari"),
    ("4 Maret 2024 M", "2024-03-04", "hari"),
    ("20 Syawal 1445 H / 29 April 2024 M", "2024-04-29", "hari"),
    ("Jakarta, Januari 2020", "2020-01-01", "bulan"),
])
def test_dates_inside_other_text(text, iso, presisi):
    t = parse_tanggal(text)
    assert (t.teks, t.tanggal, t.presisi) == (text, iso, presisi)


@pytest.mark.parametrize("text,minutes", [("15'", 15), ("½ jam", 30), ("1 ½ jam", 90), ("2 hr", 960)])
def test_duration_short_forms(text, minutes):
    assert parse_waktu(text).menit == minutes
