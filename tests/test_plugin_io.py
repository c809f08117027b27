"""Readers and writers are plugins: the built-in ones come through the
``soplint_readers`` / ``soplint_writers`` hooks, and the example package
tests/plugin_pkg adds a reader for ``.sopt`` files and a ``--to md`` writer
that ``check`` and ``convert`` use without any change to soplint (installed
from a wheel and run in a subprocess, and in-process with CliRunner).
Broken readers and writers are reported by their plugin's name and skipped.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_plugins import plugin_site, soplint, soplint_subprocess  # noqa: F401  (fixtures)

SOPT = """Nama SOP: SOP Surat
Nomor SOP: 065/23/UMUM/2014
Instansi: PEMERINTAH KOTA BENGKULU
1. Menerima surat masuk | Pengadministrasi Umum
2. Mendisposisikan surat | Kasubbag Umum
catatan tepi yang tidak terpetakan
"""


@pytest.fixture
def sopt_dir(tmp_path, short_title_docx):
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "surat.sopt").write_text(SOPT, "utf-8")
    (folder / "pendek.docx").write_bytes(short_title_docx.read_bytes())
    return folder


@pytest.fixture
def short_title_docx(tmp_path):
    import sys

    root = Path(__file__).resolve().parent
    sys.path.insert(0, str(root / "rules"))
    from _sopkit import clean_sop, sopdocx

    sop = clean_sop()
    sop.identitas.nama_sop = "SOP Surat"
    path = tmp_path / "pendek.docx"
    sopdocx.build_docx(sop, path, layout="standar")
    return path


def test_builtin_readers_and_writers_come_through_the_hooks():
    from soplint.plugins import load_plugins

    plugins = load_plugins(entry_points=False)
    readers = plugins.readers()
    assert {s: r.name for s, r in readers.items() if s in (".docx", ".doc", ".json", ".yaml", ".yml")} == {
        ".docx": "docx", ".doc": "doc", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}
    assert {r.plugin for r in readers.values()} == {"soplint.builtin"}
    assert list(plugins.writers()) == ["docx", "json", "yaml"]
    assert plugins.input_suffixes(models=False) == (".docx", ".docm", ".dotx", ".doc", ".pdf")
    assert plugins.problems == []


def test_installed_reader_and_writer_in_check_and_convert(plugin_site, sopt_dir, tmp_path):  # noqa: F811
    r = soplint_subprocess(["check", sopt_dir, "--format", "json", "--fail-on", "never"], tmp_path, plugin_site)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    files = {Path(f["berkas"]).name: f for f in data["berkas"]}
    assert set(files) == {"pendek.docx", "surat.sopt"}  # the folder search finds .sopt files
    sopt = files["surat.sopt"]
    assert sopt["sop"][0]["nama_sop"] == "SOP Surat"
    codes = {t["code"] for t in sopt["temuan"]}
    assert "XT01" in codes and "DK02" in codes and "DK01" not in codes  # the plugin's rule, unplaced text
    out = tmp_path / "md"
    r = soplint_subprocess(["convert", sopt_dir, "--to", "md", "-o", out], tmp_path, plugin_site)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["pendek.md", "surat.md"]
    page = (out / "surat.md").read_text("utf-8")
    assert page.startswith("# SOP Surat\n") and "| 2 | Mendisposisikan surat | Kasubbag Umum |" in page
    assert "| 1 |" in (out / "pendek.md").read_text("utf-8")  # a .docx read by soplint, written by the plugin


def test_plugin_reader_feeds_builtin_writers_in_process(soplint, plugin_site, sopt_dir, tmp_path):  # noqa: F811
    out = tmp_path / "json"
    r = soplint(["convert", sopt_dir / "surat.sopt", "--to", "json", "-o", out], tmp_path, plugin_site)
    assert r.returncode == 0, r.stderr
    model = json.loads((out / "surat.json").read_text("utf-8"))
    assert [k["uraian"] for k in model["kegiatan"]] == ["Menerima surat masuk", "Mendisposisikan surat"]
    assert model["tak_terpetakan"][0]["teks"] == "catatan tepi yang tidak terpetakan"
    r = soplint(["convert", sopt_dir, "--to", "html", "-o", out], tmp_path, plugin_site)
    assert r.returncode == 2 and "html" in r.stderr and "md" in r.stderr
    # without the plugin neither the format nor the file type is known
    r = soplint(["convert", sopt_dir, "--to", "md", "-o", out, "--lang", "en"], tmp_path)
    assert r.returncode == 2 and "Unknown output format: md" in r.stderr


def test_reader_limits_from_command_line_and_configuration(soplint, plugin_site, sopt_dir, tmp_path):  # noqa: F811
    sopt = sopt_dir / "surat.sopt"
    r = soplint(["check", sopt, "--format", "json", "--limit", "max-baris=3"], tmp_path, plugin_site)
    found = json.loads(r.stdout)["berkas"][0]["temuan"]
    assert [t["code"] for t in found] == ["DK01"] and "lebih dari 3 baris" in found[0]["message"]
    (tmp_path / "soplint.toml").write_text("[limits]\nmax-baris = 3\n")
    r = soplint(["convert", sopt, "--to", "md", "-o", tmp_path / "o"], tmp_path, plugin_site)
    assert r.returncode == 1 and "DK01" in r.stderr and "lebih dari 3 baris" in r.stderr
    # a limit no reader declares is still refused
    (tmp_path / "soplint.toml").write_text("[limits]\nmax-halaman = 3\n")
    r = soplint(["check", sopt], tmp_path, plugin_site)
    assert r.returncode == 2 and "limits.max-halaman" in r.stderr


LOCAL = '''
from soplint import atomic
from soplint.hookspec import hookimpl
from soplint.readers import Reader
from soplint.writers import Writer


def bad_read(path, options):
    raise ValueError("pembaca rusak")


@hookimpl
def soplint_readers():
    return [Reader("rusak", (".rsk",), bad_read), object()]


@hookimpl
def soplint_writers():
    return [Writer("judul", ".txt", lambda sop, path, options: atomic.write_text(path, sop.identitas.nama_sop)),
            Writer("docx", ".docx", lambda sop, path, options: None)]
'''


def test_local_reader_and_writer_plugin_isolation(soplint, sopt_dir, short_title_docx, tmp_path):  # noqa: F811
    plugin = tmp_path / "lokal.py"
    plugin.write_text(LOCAL)
    (sopt_dir / "x.rsk").write_text("apa saja")
    out = tmp_path / "o"
    r = soplint(["convert", sopt_dir, "--plugin", "lokal.py", "--to", "judul", "-o", out, "--lang", "en"], tmp_path)
    assert r.returncode == 1
    assert (out / "pendek.txt").read_text("utf-8") == "SOP Surat"
    # the invalid reader and the taken format name are reported by the plugin's name and skipped
    assert "Plugin lokal.py: reader object skipped" in r.stderr
    assert "Plugin lokal.py: output format docx is already given by soplint.builtin; skipped" in r.stderr
    # the reader's own bug: that file is unreadable (naming the plugin), the batch went on
    assert "x.rsk: DK01" in r.stderr and "ValueError: pembaca rusak; plugin lokal.py" in r.stderr
    (tmp_path / "soplint.toml").write_text('plugins = ["lokal.py"]\n')
    r = soplint(["check", sopt_dir / "x.rsk", short_title_docx, "--format", "json"], tmp_path)
    data = json.loads(r.stdout)
    assert [t["code"] for t in data["berkas"][0]["temuan"]] == ["DK01"]
    assert data["berkas"][1]["sop"]  # the next file was read


BROKEN_HOOK = '''
from soplint.hookspec import hookimpl


@hookimpl
def soplint_readers():
    raise RuntimeError("kait pembaca rusak")
'''


def test_a_reader_hook_that_raises_is_named_and_skipped(soplint, short_title_docx, tmp_path):  # noqa: F811
    plugin = tmp_path / "kait.py"
    plugin.write_text(BROKEN_HOOK)
    r = soplint(["check", short_title_docx, "--plugin", plugin, "--format", "json"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "kait.py" in r.stderr and "soplint_readers" in r.stderr and "kait pembaca rusak" in r.stderr
    assert json.loads(r.stdout)["berkas"][0]["sop"]  # the built-in reader still read the file


SLOW = '''
import time

from soplint.hookspec import hookimpl
from soplint.readers import Reader


def read_slow(path, options):
    time.sleep(60)  # a reader stuck on one file (a PDF renderer in a loop, say)
    return []


@hookimpl
def soplint_readers():
    return [Reader("lambat", (".lambat",), read_slow)]
'''


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_stuck_plugin_reader_is_stopped_by_the_batch_time_limit(tmp_path, short_title_docx, jobs):
    """A reader needs no watchdog of its own: the batch's --timeout stops it,
    the file is DK01 and the next file is read (in-process and in workers)."""
    import time

    (tmp_path / "lambat.py").write_text(SLOW)
    (tmp_path / "x.lambat").write_text("isi")
    start = time.monotonic()
    r = soplint_subprocess(["check", "x.lambat", short_title_docx, "--plugin", "lambat.py", "--timeout", "2",
                            "--jobs", jobs, "--format", "json", "--lang", "en"], tmp_path)
    assert time.monotonic() - start < 45
    data = json.loads(r.stdout)
    stuck, read = data["berkas"]
    assert [t["code"] for t in stuck["temuan"]] == ["DK01"] and "time limit" in stuck["temuan"][0]["message"]
    assert read["sop"] and r.returncode == 1
