"""The process entry point (``python -m soplint``, the ``soplint`` console
script): what a normal exit guarantees holds (the whole output reaches a pipe,
the exit status is the command's, ``atexit`` handlers run and what they print
is flushed, a thread still running is waited for), and the garbage collector
is paused for the start-up only."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "rules"))
from _sopkit import clean_sop, sopdocx  # noqa: E402

from soplint.cli import cli  # noqa: E402


def run_process(args, cwd):
    env = dict(os.environ)
    env.pop("SOPLINT_LANG", None)
    return subprocess.run([sys.executable, "-m", "soplint", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def run_in_process(args, cwd, monkeypatch):
    monkeypatch.delenv("SOPLINT_LANG", raising=False)
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def flawed_docs(tmp_path):
    """Three SOPs with findings (a short title, no legal basis, a missing date)."""
    paths = []
    for i in range(3):
        sop = clean_sop()
        sop.identitas.nama_sop = f"SOP {i}"
        sop.identitas.dasar_hukum = []
        sop.identitas.tanggal_efektif.teks = None
        path = tmp_path / f"sop-{i}.docx"
        sopdocx.build_docx(sop, path, layout="standar")
        paths.append(path)
    return paths


def test_process_output_and_status_equal_the_in_process_run(flawed_docs, tmp_path, monkeypatch):
    for fmt in ("json", "text"):
        proc = run_process(["check", *flawed_docs, "--format", fmt], tmp_path)
        here = run_in_process(["check", *flawed_docs, "--format", fmt], tmp_path, monkeypatch)
        assert proc.returncode == here.exit_code == 1, proc.stderr
        assert proc.stdout == here.stdout
    data = json.loads(proc.stdout if fmt == "json" else run_process(
        ["check", *flawed_docs, "--format", "json"], tmp_path).stdout)
    assert len(data["berkas"]) == 3 and data["ringkasan"]["error"] >= 3


def test_usage_error_status_and_message(flawed_docs, tmp_path):
    proc = run_process(["check", flawed_docs[0], "--select", "XX99"], tmp_path)
    assert proc.returncode == 2
    assert "XX99" in proc.stderr and proc.stdout == ""
    ok = run_process(["--version"], tmp_path)
    assert ok.returncode == 0 and "soplint" in ok.stdout


def test_output_larger_than_a_pipe_buffer_arrives_whole(flawed_docs, tmp_path):
    many = []  # 120 copies: a report of a few hundred kB
    for i in range(120):
        copy = tmp_path / f"salinan-{i:03d}.docx"
        copy.write_bytes(flawed_docs[i % 3].read_bytes())
        many.append(copy)
    proc = run_process(["check", *many, "--format", "json", "--no-progress"], tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert len(proc.stdout) > 65536
    assert len(json.loads(proc.stdout)["berkas"]) == len(many)


def _plugin(tmp_path, body: str) -> Path:
    path = tmp_path / "penutup.py"
    path.write_text("from soplint.hookspec import hookimpl\n" + body + '''

@hookimpl
def soplint_rules():
    return []
''')
    return path


def test_atexit_handlers_run_and_their_output_is_flushed(flawed_docs, tmp_path):
    marker = tmp_path / "atexit.txt"
    plugin = _plugin(tmp_path, f'''
import atexit, sys

def _bye():
    open({str(marker)!r}, "w").write("ran")
    sys.stdout.write("pesan-penutup")

atexit.register(_bye)
''')
    proc = run_process(["check", flawed_docs[0], "--plugin", plugin, "--format", "json"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert marker.read_text() == "ran"
    assert proc.stdout.endswith("pesan-penutup")
    json.loads(proc.stdout[: -len("pesan-penutup")])


def test_a_running_thread_is_waited_for(flawed_docs, tmp_path):
    marker = tmp_path / "thread.txt"
    plugin = _plugin(tmp_path, f'''
import threading, time

def _late():
    time.sleep(0.5)
    open({str(marker)!r}, "w").write("done")

threading.Thread(target=_late).start()
''')
    proc = run_process(["check", flawed_docs[0], "--plugin", plugin, "--format", "json"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert marker.read_text() == "done"


def test_collector_paused_for_the_start_up_only(flawed_docs, tmp_path, monkeypatch):
    """The entry point pauses the garbage collector while the program loads;
    the batch resumes it after the first file, and a worker as it starts. In
    the same process (a library user, CliRunner), it is left alone."""
    log = tmp_path / "gc.log"
    plugin = tmp_path / "catat_gc.py"
    plugin.write_text(f'''
import gc

from soplint.hookspec import hookimpl
from soplint.rule import Rule


class CatatGc(Rule):
    """Mencatat keadaan pengumpul sampah. Records whether the garbage collector runs."""
    code = "XG01"
    name = "catat-gc"
    severity = "info"
    summary = ("Catat gc", "Record gc")
    messages = {{"default": ("gc", "gc")}}

    def check(self, sop, ctx):
        with open({str(log)!r}, "a") as fh:
            fh.write(f"{{sop.sumber.berkas.rsplit('/', 1)[-1]}} {{gc.isenabled()}}\\n")
        return []


@hookimpl
def soplint_rules():
    return [CatatGc]
''')
    args = ["check", *flawed_docs, "--plugin", plugin, "--format", "json", "--no-progress"]
    proc = run_process(args + ["--jobs", "1"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert log.read_text().splitlines() == ["sop-0.docx False", "sop-1.docx True", "sop-2.docx True"]
    log.unlink()
    proc = run_process(args + ["--jobs", "2"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert sorted(log.read_text().splitlines()) == ["sop-0.docx True", "sop-1.docx True", "sop-2.docx True"]
    log.unlink()
    import gc

    assert gc.isenabled()
    here = run_in_process(args + ["--jobs", "1"], tmp_path, monkeypatch)
    assert here.exit_code == 1
    assert log.read_text().splitlines() == ["sop-0.docx True", "sop-1.docx True", "sop-2.docx True"]
    assert gc.isenabled()
