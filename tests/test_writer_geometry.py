"""The writer's own geometry check over generated flows (1-40 steps, 1-8
actors, forward and backward branches): no arrow runs along a gridline or
through a symbol or a label, no two arrows are drawn on top of each other,
labels stay in their column, every crossing is drawn with a hop (an arc in the
arrow's path)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from lxml import etree

from soplint.model import Cabang, Kegiatan
from soplint.writers.docx import check_geometry, drawing, render
from test_writer_docx import ACTORS, WORDS, sop_model, sop_models

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


# the same generated models on every run (CI must not pass or fail by the draw); a
# random search for new counterexamples: set derandomize=False locally
@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(sop=sop_models())
def test_generated_flows_keep_off_gridlines_and_hop_every_crossing(sop):
    violations = check_geometry(sop)
    kinds = {v.kind for v in violations}
    assert "melewati-simbol" not in kinds, [v for v in violations if v.kind == "melewati-simbol"]
    assert "tumpang-tindih" not in kinds, [v for v in violations if v.kind == "tumpang-tindih"]
    assert "dekat-garis" not in kinds
    assert "silang-tanpa-lompatan" not in kinds
    assert "label-lintas-kolom" not in kinds
    assert "melewati-label" not in kinds


def test_crossings_are_drawn_as_hops():
    import zipfile
    import io

    from test_writer_docx import sop_model

    # a long back loop past arrows going across: at least one crossing
    sop = sop_model(n_steps=11, n_actors=4, decisions=((9, 2), (6, 3)))
    d = drawing(sop)
    crossings = d.crossings()
    data, _lay = render(sop)
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    arcs = len(list(xml.iter(f"{A}arcTo")))
    assert arcs == len(crossings)
    assert sum(len(r.hops) for r in d.routes) == len(crossings)


def _dist(p, r) -> float:
    """From a point to a rectangle (0 inside)."""
    dx = max(r.x0 - p[0], 0.0, p[0] - r.x1)
    dy = max(r.y0 - p[1], 0.0, p[1] - r.y1)
    return (dx * dx + dy * dy) ** 0.5


def flow(actors: list[str], steps: list[tuple]) -> "SOP":
    """A model from a compact description: each step is (actor index, uraian)
    or, for a decision, (actor index, uraian, the Tidak branch's step); Ya goes
    to the next step; a last item {"lain": [actor index]} adds a second actor.
    The other cells are empty (they set the row heights)."""
    sop = sop_model(n_steps=len(steps), n_actors=1, decisions=())
    sop.pelaksana = list(actors)
    n = len(steps)
    sop.kegiatan = []
    for i, (actor, uraian, *tidak) in enumerate(steps, 1):
        extra = tidak.pop() if tidak and isinstance(tidak[-1], dict) else {}
        simbol = "mulai" if i == 1 else "selesai" if i == n else "keputusan" if tidak else "proses"
        k = Kegiatan(no=i, uraian=uraian, pelaksana=actors[actor], simbol=simbol, lanjut=[i + 1] if i < n else [],
                     pelaksana_lain=[actors[a] for a in extra.get("lain", [])])
        if tidak:
            k.cabang = Cabang(ya=i + 1, tidak=tidak[0])
        sop.kegiatan.append(k)
    return sop


# Flows where an arrow ran through a Ya/Tidak label before labels were checked
# once every arrow was drawn (found by a random search over generated flows,
# bench/geometry.py, then shrunk). Mostly three arrows on one side of a
# decision (one coming in, Ya and Tidak going out, 1.8 mm apart): no room for
# Ya's label between them, and the Tidak arrow, drawn later, ran through it.
LABEL_CASES = [
    # Tidak of 6 and 7 leave the side Ya and the arrow into the decision use
    (["Kasubbag Umum dan Kepegawaian", "Kepala Bidang Pelayanan Perizinan Terpadu", "Kepala Dinas", "Pemohon",
      "Pengadministrasi Umum"],
     [(2, "Berkas terpadu"), (3, "sudah lengkap?", 12), (1, "sudah lengkap?", 12), (2, "Berkas konsep"),
      (0, "terpadu laporan"), (3, "sudah lengkap?", 9), (3, "sudah lengkap?", 12), (0, "pemohon konsep"),
      (2, "sudah lengkap?", 12), (0, "sudah lengkap?", 12), (4, "pelayanan izin"), (0, "memeriksa izin")]),
    (["Sekretaris", "Kepala Dinas", "Petugas Loket", "Pengadministrasi Umum", "Kasubbag Umum dan Kepegawaian",
      "Tim Teknis"],
     [(2, "pelayanan menandatangani"), (3, "sudah lengkap?", 11), (5, "Kepada"), (0, "sudah lengkap?", 6),
      (4, "Data hasil"), (1, "Konsep satu"), (1, "Mendisposisikan teknis"), (0, "persyaratan menerima"),
      (0, "sudah lengkap?", 12), (2, "sudah lengkap?", 3), (1, "sudah lengkap?", 4), (2, "kepada mendisposisikan")]),
    # the same, and the decision's bottom has no room to turn within its own row
    (["Tim Teknis", "Sekretaris", "Kasubbag Umum dan Kepegawaian"],
     [(2, "Petugas"), (2, "mengagendakan nomor"), (2, "sudah lengkap?", 12), (2, "sudah lengkap?", 8),
      (2, "satu kepada"), (0, "sudah lengkap?", 11), (2, "sudah lengkap?", 3), (0, "Kependudukan menerima"),
      (1, "sudah lengkap?", 5), (2, "kepada kependudukan"), (1, "sudah lengkap?", 4), (0, "kelengkapan register")]),
    (["Pengadministrasi Umum", "Pemohon", "Kepala Bidang Pelayanan Perizinan Terpadu",
      "Kasubbag Umum dan Kepegawaian"],
     [(3, "laporan satu"), (3, "sudah lengkap?", 1), (1, "pemohon laporan"),
      (2, "laporan memverifikasi", {"lain": [3]}), (3, "sudah lengkap?", 1), (0, "Permohonan")]),
    # a Tidak arrow leaving a side with 5 mm of room turns down through its own label
    (["Kasubbag Umum dan Kepegawaian", "Pemohon", "Pengadministrasi Umum", "Petugas Loket", "Sekretaris",
      "Tim Teknis"],
     [(2, "pintu kepada"), (3, "sudah lengkap?", 15), (1, "teknis pintu"), (5, "Loket"),
      (4, "Teknis berkas hasil berkas arsip memeriksa izin nomor kepala satu mengagendakan rekomendasi register "
          "permohonan mendisposisikan data dinas kependudukan bidang persyaratan petugas berkas pelayanan surat "
          "berkas arsip"),
      (5, "sudah lengkap?", 2), (2, "Permohonan permohonan"), (1, "mendisposisikan kelengkapan"),
      (1, "sudah lengkap?", 23), (0, "sudah lengkap?", 24), (2, "permohonan menyerahkan"), (3, "berkas pelayanan"),
      (5, "sudah lengkap?", 23), (3, "sudah lengkap?", 7), (0, "kepada dinas"), (2, "lapangan rekomendasi"),
      (1, "Memverifikasi pemohon register mengagendakan mendisposisikan mengagendakan kepada rekomendasi bidang"),
      (2, "sudah lengkap?", 20), (0, "Pintu"), (1, "dinas persyaratan"), (0, "berkas mencetak"),
      (5, "memverifikasi memverifikasi"), (5, "sudah lengkap?", 25), (4, "sudah lengkap?", 11),
      (5, "menandatangani nomor")]),
]


@pytest.mark.parametrize("actors,steps", LABEL_CASES, ids=[f"case{i + 1}" for i in range(len(LABEL_CASES))])
def test_no_arrow_through_a_label_in_flows_that_once_had_one(actors, steps):
    sop = flow(actors, steps)
    d = drawing(sop)
    assert any(lab.text == "Tidak" for lab in d.labels)
    violations = check_geometry(sop)
    assert violations == [], violations
    # each label inside its column, nearer its own arrow's start than the other branch's
    for lab in d.labels:
        left, right = d.grids[lab.page].actor_x[lab.col]
        assert left < lab.rect.x0 and lab.rect.x1 < right
        no, cabang = lab.key
        starts = {rt.name.split(":")[4]: rt.points[0] for rt in d.routes
                  if rt.name.startswith(f"soplint:panah:{no}:") and rt.name.count(":") >= 4}
        other = "tidak" if cabang == "ya" else "ya"
        if other in starts:
            assert _dist(starts[cabang], lab.rect) < _dist(starts[other], lab.rect), (lab, starts)


@st.composite
def branchy_flows(draw):
    """Short flows with many decisions among few actors (one step in three a
    decision, its Tidak going anywhere): where branches share a decision's
    sides and labels are most crowded."""
    n_act = draw(st.integers(1, 4))
    n = draw(st.integers(3, 20))
    actors = draw(st.permutations(ACTORS))[:n_act]
    steps = []
    for i in range(1, n + 1):
        uraian = " ".join(draw(st.sampled_from(WORDS)) for _ in range(draw(st.integers(1, 14))))
        step = (draw(st.integers(0, n_act - 1)), uraian)
        if 1 < i < n and draw(st.integers(0, 2)) == 0:
            step += (draw(st.integers(1, n).filter(lambda x, i=i: x not in (i, i + 1))),)
        steps.append(step)
    return flow(actors, steps)


# a fixed seed: the same flows on every run (CI must not pass or fail by the draw)
@seed(20261206)
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(sop=branchy_flows())
def test_crowded_decisions_keep_arrows_off_labels(sop):
    # labels only: with many return loops into one narrow column, arrows may
    # still have to share a stretch (tumpang-tindih), a case left open
    violations = [v for v in check_geometry(sop) if v.kind in ("melewati-label", "label-lintas-kolom",
                                                              "melewati-simbol", "dekat-garis",
                                                              "silang-tanpa-lompatan")]
    assert violations == [], violations
