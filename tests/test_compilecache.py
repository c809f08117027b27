"""The compile cache of the command-line process (soplint/compilecache.py):
what it replays equals what Python compiles from the same text, a run with
it reports exactly what a run without it reports, and a missing, damaged,
foreign or unsafe cache file, or a folder that cannot be written, changes
nothing but speed."""
from __future__ import annotations

import dataclasses
import json
import marshal
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

import _sre
from soplint import compilecache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "rules"))
from _sopkit import clean_sop, sopdocx  # noqa: E402

needs_re_compiler = pytest.mark.skipif(not hasattr(re, "_compiler"),
                                       reason="the pattern part needs Python 3.11's re._compiler")


def run_cli(args, cache_dir, **env):
    full = dict(os.environ, SOPLINT_CACHE_DIR=str(cache_dir), **env)
    full.pop("SOPLINT_LANG", None)
    if "SOPLINT_NO_CACHE" not in env:
        full.pop("SOPLINT_NO_CACHE", None)
    return subprocess.run([sys.executable, "-m", "soplint", *map(str, args)], env=full,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def flawed_doc(tmp_path_factory):
    sop = clean_sop()
    sop.identitas.dasar_hukum = []
    sop.identitas.tanggal_efektif.teks = None
    path = tmp_path_factory.mktemp("doc") / "sop.docx"
    sopdocx.build_docx(sop, path, layout="standar")
    return path


@pytest.fixture
def fresh_cache(tmp_path):
    """A cache of its own, hooked in for the test and unhooked after it."""
    cache = compilecache.CompileCache(tmp_path / "c.marshal")
    cache.install()
    re.purge()
    try:
        yield cache
    finally:
        cache.uninstall()
        re.purge()


def test_a_cached_run_reports_what_an_uncached_run_reports(flawed_doc, tmp_path):
    cache_dir = tmp_path / "cache"
    off = run_cli(["check", flawed_doc, "--format", "json"], cache_dir, SOPLINT_NO_CACHE="1")
    assert off.returncode == 1, off.stderr
    assert not cache_dir.exists()  # turned off: nothing written
    first = run_cli(["check", flawed_doc, "--format", "json"], cache_dir)
    files = list(cache_dir.iterdir())
    assert [f.name for f in files] == [compilecache.cache_file().name]
    stamp = files[0].stat().st_mtime_ns
    second = run_cli(["check", flawed_doc, "--format", "json"], cache_dir)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout == off.stdout
    assert json.loads(second.stdout)["ringkasan"]["error"] >= 1
    assert files[0].stat().st_mtime_ns == stamp  # the second run found everything in it
    if os.name == "posix":
        assert files[0].stat().st_mode & 0o777 == 0o600


@needs_re_compiler
def test_every_cached_pattern_and_method_equals_a_fresh_compile(flawed_doc, tmp_path):
    """The cache a real run leaves, entry by entry against the standard
    library compiling the same text now (a pattern's equality compares its
    program; a code object's its bytecode, constants and names)."""
    cache_dir = tmp_path / "cache"
    assert run_cli(["check", flawed_doc, "--format", "json"], cache_dir).returncode == 1
    stamp, patterns, code = marshal.loads(next(cache_dir.iterdir()).read_bytes())
    assert len(patterns) > 100 and len(code) > 30  # Python 3.13 makes one text per class
    code_type = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
    for (is_bytes, pattern, flags), args in patterns.items():
        fresh = re._compiler.compile(pattern, flags)
        replayed = _sre.compile(pattern, args[0], array(code_type, args[1]).tolist(), args[2], dict(args[3]),
                                args[4])
        assert replayed == fresh, pattern
        assert (replayed.groups, replayed.groupindex, replayed.flags) == (fresh.groups, fresh.groupindex,
                                                                          fresh.flags)
    for source, cached in code.items():
        assert cached == compile(source, "<string>", "exec", dont_inherit=True)


@needs_re_compiler
def test_patterns_and_dataclasses_hooked_in_process(tmp_path, fresh_cache):
    pattern = r"(?P<no>\d+)\s*(?:hari|jam)\b(?<=m)?"
    first = re.compile(pattern, re.I)
    assert fresh_cache.new >= 1

    @dataclasses.dataclass
    class Langkah:
        no: int
        uraian: str = ""

    assert Langkah(1, "x") == Langkah(1, "x") and repr(Langkah(2)).endswith(".Langkah(no=2, uraian='')")
    fresh_cache.save()
    fresh_cache.uninstall()
    assert "exec" not in vars(dataclasses) and re._compiler.compile.__module__ == "re._compiler"

    again = compilecache.CompileCache(fresh_cache.path)
    again.load()
    assert again.patterns and again.code
    again.install()
    try:
        re.purge()
        second = re.compile(pattern, re.I)

        @dataclasses.dataclass
        class Langkah:  # noqa: F811 - the same class again, its methods from the cache
            no: int
            uraian: str = ""

        assert again.new == 0
        assert second == first and second.match("12 jam").group("no") == "12"
        assert Langkah(3, "y") == Langkah(3, "y") and repr(Langkah(4)).endswith(".Langkah(no=4, uraian='')")
    finally:
        again.uninstall()


def test_a_damaged_or_foreign_cache_is_ignored_and_rewritten(flawed_doc, tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    target = cache_dir / compilecache.cache_file().name
    baseline = run_cli(["check", flawed_doc, "--format", "json"], tmp_path / "other", SOPLINT_NO_CACHE="1")
    for junk in (b"", b"\x00not marshal", marshal.dumps((("old", 1), {}, {})), marshal.dumps([1, 2])):
        target.write_bytes(junk)
        os.chmod(target, 0o600)
        proc = run_cli(["check", flawed_doc, "--format", "json"], cache_dir)
        assert proc.returncode == 1 and proc.stdout == baseline.stdout, proc.stderr
        stamp = marshal.loads(target.read_bytes())[0]
        assert stamp[0] == compilecache.FORMAT


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_cache_others_can_write_is_not_loaded(tmp_path, fresh_cache):
    re.compile(r"unik-(\d{3})-pola")
    fresh_cache.save()
    os.chmod(fresh_cache.path, 0o666)
    other = compilecache.CompileCache(fresh_cache.path)
    other.load()
    assert other.patterns == {} and other.code == {}
    os.chmod(fresh_cache.path, 0o600)
    other.load()
    assert other.patterns


def test_a_cache_folder_that_cannot_be_written_changes_nothing(flawed_doc, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = run_cli(["check", flawed_doc, "--format", "json"], blocker / "cache")
    baseline = run_cli(["check", flawed_doc, "--format", "json"], tmp_path / "c", SOPLINT_NO_CACHE="1")
    assert proc.returncode == 1 and proc.stdout == baseline.stdout
    assert proc.stderr == baseline.stderr
    assert blocker.read_text() == "not a folder"


def test_without_a_home_folder_nothing_is_written_where_the_command_runs(flawed_doc, tmp_path):
    """No HOME and no cache variables: "~" would stay relative and the cache
    would land in the working folder; the run goes on without a cache."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME", "SOPLINT_CACHE_DIR")}
    work = tmp_path / "kerja"
    work.mkdir()
    proc = subprocess.run([sys.executable, "-c",
                           # a user id with no account entry (a container run as another user)
                           "import pwd\ndef nobody(uid):\n    raise KeyError(uid)\npwd.getpwuid = nobody\n"
                           "import runpy, sys; sys.argv = ['soplint', 'check', sys.argv[1], '--format', 'json']\n"
                           "runpy.run_module('soplint', run_name='__main__')", str(flawed_doc)],
                          env=env, cwd=work, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["ringkasan"]["error"] >= 1
    assert list(work.iterdir()) == []
    assert compilecache.cache_file() is not None  # the test session's own folder
