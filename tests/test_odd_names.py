"""File names as legacy archives have them: spaces, punctuation, a dash
outside ASCII, and bytes that are not valid UTF-8 (an archive unpacked from
another system: Python keeps such bytes as lone surrogates, which cannot be
written as UTF-8). Every report format, convert and --annotate handle them;
the reports show the bad bytes as U+FFFD."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = os.fsdecode(b"bad\xffname.docx")


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "folder dengan spasi"
    folder.mkdir()
    shutil.copy(ROOT / "samples" / "surat-masuk-bappeda.docx", folder / "SOP Surat (revisi) #2 — final.docx")
    try:
        shutil.copy(ROOT / "samples" / "lo-ktp-el-disdukcapil.docx", folder / BAD)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take file names that are not UTF-8")
    return folder


def run(args, cwd):
    env = dict(os.environ)
    env.pop("SOPLINT_LANG", None)
    proc = subprocess.run([sys.executable, "-m", "soplint", "--lang", "en", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=300)
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "please report" not in err, err
    return proc.returncode, err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html", "junit"])
def test_every_report_format_writes_an_undecodable_name(folder, tmp_path, fmt):
    report = tmp_path / f"laporan.{fmt}"
    code, err = run(["check", folder, "--format", fmt, "-o", report, "--no-progress", "--fail-on", "never"],
                    tmp_path)
    assert code == 0, err
    text = report.read_text("utf-8")
    assert "bad\ufffdname.docx" in text or "bad%EF%BF%BDname.docx" in text
    if fmt == "json":
        names = sorted(Path(b["berkas"]).name for b in json.loads(text)["berkas"])
        assert names == ["SOP Surat (revisi) #2 — final.docx", "bad\ufffdname.docx"]
        assert all(b["sop"] for b in json.loads(text)["berkas"])  # both read


@pytest.mark.parametrize("to", ["docx", "json"])
def test_convert_and_annotate_keep_the_name_on_disk(folder, tmp_path, to):
    code, err = run(["convert", folder, "-o", tmp_path / "out", "--to", to], tmp_path)
    assert code == 0 and "2 files written, 0 failed" in err, err
    assert (tmp_path / "out" / BAD).with_suffix("." + to).is_file()
    code, err = run(["check", folder, "--annotate", tmp_path / "ann", "--no-progress", "--fail-on", "never"],
                    tmp_path)
    assert code == 0 and "2 annotated copies" in err, err
    assert (tmp_path / "ann" / BAD).is_file()


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "junit", "text"])
def test_an_unreadable_file_with_an_undecodable_name_is_reported(tmp_path, fmt):
    """The DK01 message names the file: before, every report format but
    JUnit stopped with a traceback on it."""
    try:
        (tmp_path / os.fsdecode(b"rusak\xff.docx")).write_text("bukan dokumen")
        (tmp_path / os.fsdecode(b"kosong\xfe.docx")).write_bytes(b"")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take file names that are not UTF-8")
    report = tmp_path.parent / f"{tmp_path.name}-laporan.{fmt}"
    code, err = run(["check", tmp_path, "--format", fmt, "-o", report, "--no-progress"], tmp_path)
    assert code == 1, err
    text = report.read_text("utf-8")
    assert text.count("DK01") >= 2
    assert "rusak\ufffd.docx" in text or "rusak%EF%BF%BD.docx" in text
    code, err = run(["convert", tmp_path, "-o", tmp_path.parent / f"{tmp_path.name}-out"], tmp_path)
    assert code == 1 and "rusak\ufffd.docx: DK01" in err and "\\udc" not in err, err
