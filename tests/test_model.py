import json

import pytest

from soplint import model as m


def _sample_model():
    return m.SOP(
        sumber=m.Sumber(berkas="x.docx", indeks=0),
        identitas=m.Identitas(
            instansi=["PEMERINTAH KOTA BENGKULU"], nomor_sop="065/23.c/DKPS/II/2014",
            tanggal_pembuatan=m.Tanggal("03 Februari 2014", "2014-02-03", "hari"),
            tanggal_revisi=m.Tanggal("-"),
            disahkan_oleh=m.Pengesahan("KEPALA DINAS", "Drs. A", "Pembina", "196111221989031005"),
            nama_sop="Pelayanan Surat Masuk"),
        dasar_hukum=["UU 23/2014"], pelaksana=["A", "B"],
        kegiatan=[
            m.Kegiatan(no=1, uraian="Menerima", pelaksana="A", simbol="mulai",
                       waktu=m.Waktu("5 menit", 5), lanjut=[2]),
            m.Kegiatan(no=2, uraian="Lengkap?", pelaksana="B", simbol="keputusan",
                       lanjut=[3, 1], cabang=m.Cabang(ya=3, tidak=1)),
            m.Kegiatan(no=3, uraian="Selesai", pelaksana="A", simbol="selesai"),
        ],
        tak_terpetakan=[m.TakTerpetakan("catatan", "paragraf 4")],
    )


def test_round_trip_json_and_yaml():
    import yaml

    sop = _sample_model()
    data = json.loads(m.to_json(sop))
    m.validate(data)
    assert m.from_dict(data) == sop
    assert m.from_dict(yaml.safe_load(m.to_yaml(sop))) == sop


def test_contract_keys_present():
    data = m.to_dict(_sample_model())
    for key in ("versi_model", "sumber", "identitas", "dasar_hukum", "kualifikasi_pelaksana",
                "keterkaitan", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan",
                "pelaksana", "kegiatan", "lainnya", "tak_terpetakan"):
        assert key in data
    assert data["identitas"]["tanggal_efektif"] is None
    assert data["kegiatan"][1]["cabang"] == {"ya": 3, "tidak": 1}


def test_validation_names_the_bad_key():
    data = m.to_dict(_sample_model())
    data["identitas"]["tanggal_pembuatan"]["presisi"] = "minggu"
    data["kegiatan"][0]["typo_key"] = 1
    with pytest.raises(m.ModelError) as info:
        m.from_dict(data)
    text = str(info.value)
    assert "identitas.tanggal_pembuatan.presisi" in text
    assert "kegiatan[0].typo_key" in text
