"""Locations as data: soplint.lokasi.Lokasi, its model text and its words."""
import pytest

from soplint.lokasi import Lokasi
from soplint.report.formats import lokasi_text

#: (location, the model's text, English words)
CASES = [
    (Lokasi(tabel=3, baris=5, kolom=2), "tabel 3, baris 5, kolom 2", "table 3, row 5, column 2"),
    (Lokasi(tabel=3, baris=5), "tabel 3, baris 5", "table 3, row 5"),
    (Lokasi(tabel=3), "tabel 3", "table 3"),
    (Lokasi(tabel=0, bagian="header", baris=1, kolom=2), "tabel di header, baris 1, kolom 2",
     "table in header, row 1, column 2"),
    (Lokasi(tabel=2, jalur=((1, 1),), baris=4, kolom=2), "tabel 2, baris 1, kolom 1, tabel bersarang baris 4, kolom 2",
     "table 2, row 1, column 1, nested table row 4, column 2"),
    (Lokasi(paragraf=12), "paragraf 12", "paragraph 12"),
    (Lokasi(bagian="footer"), "footer", "footer"),
    (Lokasi(bagian="textbox"), "kotak teks", "text box"),
    (Lokasi(bagian="header", kotak_teks=True), "kotak teks, header", "text box, header"),
    (Lokasi(tabel=3, baris=5).dengan_kolom("Waktu"), 'tabel 3, baris 5, kolom "Waktu"', 'table 3, row 5, column "Waktu"'),
    (Lokasi(halaman=2, kotak=(72.0, 100.5, 540.0, 120.0)), "halaman 2, kotak 72 100.5 540 120 pt",
     "page 2, box 72 100.5 540 120 pt"),
    (Lokasi(halaman=4, tabel=1, baris=3, kolom=2), "halaman 4, tabel 1, baris 3, kolom 2",
     "page 4, table 1, row 3, column 2"),
]


@pytest.mark.parametrize("lokasi,text,english", CASES)
def test_text_words_and_reading_back(lokasi, text, english):
    assert str(lokasi) == text
    assert Lokasi.parse(text) == lokasi and Lokasi.parse(text).teks is None
    assert lokasi_text(lokasi, "id") == text and lokasi_text(text, "id") == text
    assert lokasi_text(lokasi, "en") == english


def test_any_other_text_is_kept_as_written():
    for text in ("sel kanan atas", "tabel x, baris 2", "paragraf 3, paragraf 4", "baris 2"):
        got = Lokasi.parse(text)
        assert got.teks == text and str(got) == text and lokasi_text(got, "en") == text
    assert Lokasi.parse(None) is None and not Lokasi.parse("")
    assert lokasi_text(None, "en") == ""


def test_frozen_and_comparable():
    a = Lokasi(tabel=1, baris=2, kolom=3)
    with pytest.raises(AttributeError):
        a.baris = 4
    assert a == Lokasi.parse("tabel 1, baris 2, kolom 3") and len({a, Lokasi.parse(str(a))}) == 1
    assert a.di_tabel and not a.di_paragraf and Lokasi(paragraf=3).di_paragraf
    assert not Lokasi(paragraf=3, kotak_teks=True).di_paragraf


def test_model_json_keeps_the_text_and_reads_values_back():
    """The model's JSON holds locations as text; reading it back gives Lokasi
    values, and writing them again gives the very same text (also for a text
    that is none of the reader's forms)."""
    from soplint.findings import Finding
    from soplint.model import SOP, Kegiatan, TakTerpetakan, from_dict, to_dict

    sop = SOP(kegiatan=[Kegiatan(no=1, uraian="Menerima surat", lokasi=Lokasi(tabel=3, baris=4))],
              tak_terpetakan=[TakTerpetakan("Halaman 1", Lokasi(bagian="footer")),
                              TakTerpetakan("coretan", "pojok kanan atas")],
              lokasi={"identitas.nomor_sop": Lokasi(tabel=1, baris=1, kolom=3)})
    data = to_dict(sop)
    assert data["kegiatan"][0]["lokasi"] == "tabel 3, baris 4"
    assert [t["lokasi"] for t in data["tak_terpetakan"]] == ["footer", "pojok kanan atas"]
    assert data["lokasi"] == {"identitas.nomor_sop": "tabel 1, baris 1, kolom 3"}
    back = from_dict(data, check=False)
    assert back.kegiatan[0].lokasi == Lokasi(tabel=3, baris=4)
    assert back.lokasi["identitas.nomor_sop"].kolom == 3
    assert back.tak_terpetakan[1].lokasi.teks == "pojok kanan atas"
    assert to_dict(back) == data
    # a plugin rule may still give the text: the finding holds the value, its dict the text
    f = Finding(code="XT01", name="x", severity="info", message="m", berkas="a.docx",
                lokasi='tabel 3, baris 4, kolom "Waktu"')
    assert f.lokasi == Lokasi(tabel=3, baris=4, nama_kolom="Waktu")
    assert f.to_dict()["lokasi"] == 'tabel 3, baris 4, kolom "Waktu"'
