"""The writer's own geometry check over generated flows (1-40 steps, 1-8
actors, forward and backward branches): no arrow runs along a gridline or
through a symbol or a label, no two arrows are drawn on top of each other,
labels stay in their column, every crossing is drawn with a hop (an arc in the
arrow's path)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from lxml import etree

from soplint.writers.docx import check_geometry, drawing, render
from test_writer_docx import sop_models

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
