"""RD04 compares only candidate pairs (title-length window, rarest-word
prefix index). These tests check, against a plain all-pairs comparison, that
no pair passing either test is missed and that the findings are unchanged."""
import random

from hypothesis import given, settings, strategies as st

from soplint.model import SOP, Identitas, Kegiatan

from soplint_rules.redundansi_dokumen import (SopDuplikat, _Profile, _same_title, _steps_overlap, candidate_pairs,
                                      same_unit)

WORDS = ["pelayanan", "pelayanaan", "surat", "masuk", "keluar", "izin", "ijin", "usaha", "mikro", "cuti",
         "tahunan", "pegawai", "pegawei", "arsip", "dinas", "kependudukan", "akta", "kelahiran", "kelahirn",
         "rekomendasi", "teknis", "penerbitan", "penerbitn"]
STEPS = ["menerima berkas permohonan", "memeriksa kelengkapan berkas", "memeriksa kelengkapan berkass",
         "mendisposisikan surat kepada kepala bidang", "menandatangani surat keputusan",
         "mengarsipkan dokumen", "mengagendakan surat masuk", "menyerahkan surat kepada pemohon",
         "membuat konsep jawaban", "memaraf konsep", "mengirim surat melalui ekspedisi",
         "memverifikasi data pemohon", "mencetak kartu", "memberi nomor surat"]


UNITS = [[], ["Pemerintah Kota X"], ["Pemerintah Kota Y"], ["Pemerintah Kota X", "Dinas A"],
         ["Pemerintah Kota Y", "Dinas A"], ["Dinas B"], ["Pemerintah Kota X", "Dinas B", "Sekretariat"],
         ["Sekretariat"]]


def _sop(rng, n, i):
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
    steps = [rng.choice(STEPS) for _ in range(rng.randint(0, 7))]
    sop = SOP(identitas=Identitas(nama_sop=title, nomor_sop=f"{rng.randint(1, 3)}/{i}",
                                  instansi=rng.choice(UNITS)))
    sop.kegiatan = [Kegiatan(no=k + 1, uraian=t, pelaksana="Staf") for k, t in enumerate(steps)]
    sop.sumber.berkas = f"f{i}.docx"
    sop.sumber.indeks = 0
    return sop


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10 ** 6), n=st.integers(2, 40),
       ambang=st.sampled_from([60, 80, 92, 100]), share=st.sampled_from([0.3, 0.6, 0.8, 1.0]))
def test_candidates_hold_every_matching_pair(seed, n, ambang, share):
    rng = random.Random(seed)
    profiles = [_Profile(_sop(rng, n, i)) for i in range(n)]
    candidates = set(candidate_pairs(profiles, ambang, share))
    for j in range(n):
        for i in range(j):
            a, b = profiles[i], profiles[j]
            if not same_unit(a.units, b.units):
                continue
            if _same_title(a.title, b.title, ambang) or _steps_overlap(a, b, share) >= share:
                assert (i, j) in candidates, (a.units, b.units, a.title, b.title, a.steps, b.steps)


def _all_pairs_findings(rule, sops):
    """RD04 as a plain loop over every pair (the reference)."""
    from soplint_rules.redundansi_dokumen import same_document

    ambang, share = float(rule.options["ambang"]), float(rule.options["ambang_kegiatan"])
    profiles = [_Profile(s) for s in sops]
    done, out = set(), []
    for j, pb in enumerate(profiles):
        for pa in profiles[:j]:
            if not same_unit(pa.units, pb.units) or same_document(pa, pb):
                continue
            if _same_title(pa.title, pb.title, ambang):
                key = "judul"
            elif _steps_overlap(pa, pb, share) >= share:
                key = "kegiatan"
            else:
                continue
            for this, other in ((pa, pb), (pb, pa)):
                if id(this) not in done:
                    done.add(id(this))
                    out.append((this.berkas, key, other.berkas))
    return out


def test_summaries_survive_pickling_and_give_the_same_findings():
    import pickle

    rng = random.Random(3)
    sops = [_sop(rng, 60, i) for i in range(60)]
    rule = SopDuplikat({})
    from_models = [t.to_dict() for t in rule.check_run(sops, None)]
    summaries = pickle.loads(pickle.dumps([rule.summarise(s, None) for s in sops]))
    assert [t.to_dict() for t in rule.check_run(summaries, None)] == from_models
    assert from_models


def test_findings_equal_the_all_pairs_loop():
    rng = random.Random(7)
    sops = [_sop(rng, 120, i) for i in range(120)]
    rule = SopDuplikat({"ambang": 92, "ambang_kegiatan": 0.8})
    got = [(t.berkas, "judul" if t.field == "identitas.nama_sop" else "kegiatan", t.message)
           for t in rule.check_run(sops, None)]
    want = _all_pairs_findings(rule, sops)
    assert len(got) == len(want) > 10
    for (berkas, key, msg), (w_berkas, w_key, w_other) in zip(got, want):
        assert (berkas, key) == (w_berkas, w_key)
        assert w_other in msg
