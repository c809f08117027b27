"""The answers a decision's branches are labelled with (readers/docx/common.py
``yes_no``, shared by the Word and the PDF reader): Ya/Tidak and the pairs
written in real SOPs (Lengkap/Tidak lengkap, Perlu/Tidak perlu, Ada/Tidak ada,
Sudah/Belum, Berhasil/Gagal, as in the BPS PDFs)."""
from __future__ import annotations

import pytest

from soplint.readers.docx.common import yes_no


@pytest.mark.parametrize("text, answer", [
    ("Ya", "ya"), ("Tidak", "tidak"), ("Lengkap", "ya"), ("Tidak lengkap", "tidak"), ("Belum lengkap", "tidak"),
    ("Perlu", "ya"), ("Tidak perlu", "tidak"), ("Butuh", "ya"), ("Ada garansi", "ya"), ("Tidak Ada", "tidak"),
    ("Sudah", "ya"), ("Belum", "tidak"), ("Berhasil", "ya"), ("Gagal", "tidak"), ("Setuju", "ya"),
    ("Adalah", None), ("Sudahkah berkas diperiksa dan ditandatangani", None), ("Teknis", None), ("", None),
])
def test_branch_answers(text, answer):
    assert yes_no(text) == answer
