"""Finding a run's input files (soplint.inputs.collect): folders searched,
one entry per real file however it is reached (a folder and a file in it, a
linked file, a linked folder), Word's lock files skipped, order stable."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from soplint.inputs import collect


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "arsip"
    (root / "bidang").mkdir(parents=True)
    for rel in ("b.docx", "a.docx", "bidang/c.doc", "~$a.docx", "catatan.txt"):
        (root / rel).write_bytes(b"x")
    return root


def test_a_folder_gives_its_word_files_sorted_and_skips_lock_files(tree):
    found = collect([tree])
    assert [i.rel.as_posix() for i in found] == ["a.docx", "b.docx", "bidang/c.doc"]
    assert all(i.path.is_file() for i in found)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_each_real_file_once_however_it_is_reached(tree, tmp_path):
    os.symlink(tree / "a.docx", tree / "tautan.docx")  # a linked file: the same document
    os.symlink(tree, tmp_path / "arsip-lain")  # the same folder under another name
    found = collect([tree, tree / "b.docx", tmp_path / "arsip-lain", tmp_path / "arsip-lain" / "bidang" / "c.doc"])
    assert [i.rel.as_posix() for i in found] == ["a.docx", "b.docx", "bidang/c.doc"]
    assert len({i.path.resolve() for i in found}) == len(found) == 3


def test_a_file_named_directly_is_taken_whatever_its_ending(tree):
    found = collect([tree / "catatan.txt", tree / "catatan.txt"])
    assert [i.rel for i in found] == [Path("catatan.txt")]
