"""Connectors drawn as several straight pieces (a decision's Tidak branch
going back up the side of a column: a line out of the diamond, one up, and
an arrow into the step), read by the Word reader as one branch. The
document is tests/pdf_branches_doc.py's, written for the PDF reader's tests
and not around this reader; its branches are hand-written there."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import pdf_branches_doc as bd  # noqa: E402

from soplint.readers import read_path  # noqa: E402


@pytest.mark.parametrize("labels", [bd.PLAIN, bd.WORDED], ids=["ya-tidak", "in-words"])
def test_a_branch_drawn_in_pieces_is_one_branch(tmp_path, labels):
    [sop] = read_path(bd.build(tmp_path / "sop.docx", labels))
    got = {k.no: {"ya": k.cabang.ya, "tidak": k.cabang.tidak} for k in sop.kegiatan if k.cabang}
    assert got == bd.EXPECTED
    # no step is joined to others by the pieces (step 2 read [1, 3, 4] before)
    assert {k.no: k.lanjut for k in sop.kegiatan if k.simbol != "keputusan"} == {
        1: [2], 2: [3], 3: [4], 5: [6], 7: []}
