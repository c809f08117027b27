"""Plugins: a third-party package installed with pip adds a rule (and a report
format and a configuration key) through the entry-point group ``soplint``; a
plugin that raises on import is reported by name and the run still succeeds;
local ``.py`` plugins from ``--plugin`` or the configuration.

The package is tests/plugin_pkg. It is turned into a wheel here (a wheel is a
zip with a dist-info folder; building it by hand keeps the test offline and
independent of the ``wheel`` package), pip-installed with ``--target`` into a
temporary folder, and soplint runs in a subprocess with that folder on
PYTHONPATH, exactly as an installed plugin would be found.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "tests" / "plugin_pkg"

sys.path.insert(0, str(ROOT / "tests" / "rules"))
from _sopkit import clean_sop, sopdocx  # noqa: E402


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(src: Path, out_dir: Path) -> Path:
    import tomllib

    meta = tomllib.loads((src / "pyproject.toml").read_text("utf-8"))
    project = meta["project"]
    name, version = project["name"], project["version"]
    dist = name.replace("-", "_")
    info = f"{dist}-{version}.dist-info"
    files = {}
    for package in meta["tool"]["setuptools"]["packages"]:
        for path in sorted((src / package).rglob("*.py")):
            files[path.relative_to(src).as_posix()] = path.read_bytes()
    files[f"{info}/METADATA"] = (f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                                 f"Summary: {project.get('description', '')}\n").encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: soplint-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    eps = "".join(f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in table.items()) + "\n"
                  for group, table in project.get("entry-points", {}).items())
    files[f"{info}/entry_points.txt"] = eps.encode()
    record = [_record_line(n, d) for n, d in files.items()] + [f"{info}/RECORD,,"]
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = out_dir / f"{dist}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in files.items():
            zf.writestr(n, d)
    return wheel


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory):
    """A folder where the plugin package is pip-installed."""
    work = tmp_path_factory.mktemp("plugin")
    wheel = build_wheel(PKG, work)
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--disable-pip-version-check", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, text=True)
    assert (target / "soplint_contoh" / "aturan.py").is_file()
    return target


def soplint_subprocess(args, cwd, site=None):
    """soplint as an end user runs it: a new process, the plugin found on PYTHONPATH."""
    env = dict(os.environ)
    env.pop("SOPLINT_LANG", None)
    if site is not None:
        env["PYTHONPATH"] = str(site) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "soplint", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


class Result:
    def __init__(self, r):
        self.returncode, self.stdout, self.stderr = r.exit_code, r.stdout, r.stderr


@pytest.fixture
def soplint(monkeypatch):
    """soplint in this process (faster): the plugin folder, when given, is put
    on sys.path, where importlib.metadata finds its entry points."""
    from click.testing import CliRunner

    from soplint.cli import cli

    monkeypatch.delenv("SOPLINT_LANG", raising=False)

    def run(args, cwd, site=None):
        with monkeypatch.context() as m:
            m.chdir(cwd)
            if site is not None:
                m.syspath_prepend(str(site))
            return Result(CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False))

    return run


@pytest.fixture
def short_title_docx(tmp_path):
    sop = clean_sop()
    sop.identitas.nama_sop = "SOP Surat"
    path = tmp_path / "pendek.docx"
    sopdocx.build_docx(sop, path, layout="standar")
    return path


def test_installed_plugin_adds_a_rule_that_check_runs(plugin_site, short_title_docx, tmp_path):
    r = soplint_subprocess(["check", short_title_docx, "--format", "json"], tmp_path, plugin_site)
    assert r.returncode == 0, r.stderr  # XT01 is a warning; --fail-on is "error"
    data = json.loads(r.stdout)
    xt = [t for t in data["berkas"][0]["temuan"] if t["code"] == "XT01"]
    assert len(xt) == 1 and xt[0]["name"] == "judul-terlalu-pendek" and xt[0]["teks"] == "SOP Surat"
    # the broken plugin of the same package is named, and the run went on
    assert "rusak" in r.stderr and "sengaja rusak" in r.stderr


def test_installed_plugin_rule_is_listed_and_documented(soplint, plugin_site, tmp_path):
    r = soplint(["rules"], tmp_path, plugin_site)
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("XT01"))
    assert "judul-terlalu-pendek" in line and "warning" in line
    assert any(x.startswith("ID01") for x in r.stdout.splitlines())  # built-ins still there
    page = soplint(["rules", "judul-terlalu-pendek", "--lang", "en"], tmp_path, plugin_site)
    assert page.returncode == 0
    assert "Checks SOP titles that are too short" in page.stdout and "min_kata" in page.stdout
    assert "contoh" in page.stdout  # the plugin that provides it


def test_plugin_options_config_key_and_formatter(soplint, plugin_site, short_title_docx, tmp_path):
    (tmp_path / "soplint.toml").write_text("fail-on = \"never\"\n[contoh]\naktif = true\n"
                                           "[rules.XT01]\nmin_kata = 1\n")
    r = soplint(["check", short_title_docx, "--format", "json"], tmp_path, plugin_site)
    assert r.returncode == 0, r.stderr
    assert not [t for t in json.loads(r.stdout)["berkas"][0]["temuan"] if t["code"] == "XT01"]
    r = soplint(["check", short_title_docx, "--format", "hitungan"], tmp_path, plugin_site)
    assert r.returncode == 0 and r.stdout.startswith(str(short_title_docx) + "\t")
    # the key the plugin contributes is validated like the others
    (tmp_path / "soplint.toml").write_text("[contoh]\naktif = \"ya\"\n")
    r = soplint(["check", short_title_docx], tmp_path, plugin_site)
    assert r.returncode == 2 and "contoh.aktif" in r.stderr


def test_without_the_plugin_the_rule_is_unknown(soplint, short_title_docx, tmp_path):
    r = soplint(["check", short_title_docx, "--select", "XT01"], tmp_path)
    assert r.returncode == 2 and "XT01" in r.stderr


def test_local_plugin_file_from_command_line_and_config(soplint, short_title_docx, tmp_path):
    plugin = tmp_path / "aturan_daerah.py"
    plugin.write_text('''
from soplint.hookspec import hookimpl
from soplint.rule import Rule


class InstansiKota(Rule):
    """Memeriksa bahwa instansi menyebut Kota Bengkulu. Checks the institution names the city."""
    code = "LK01"
    name = "instansi-kota"
    severity = "error"
    summary = ("Instansi bukan Kota Bengkulu", "Institution is not Kota Bengkulu")
    messages = {"default": ("Instansi tidak menyebut Kota Bengkulu", "Institution does not name Kota Bengkulu")}

    def check(self, sop, ctx):
        if not any("BENGKULU" in line.upper() for line in sop.identitas.instansi):
            yield self.finding(sop, field="identitas.instansi")


@hookimpl
def soplint_rules():
    return [InstansiKota]
''')
    # clean_sop() is from Kota Bengkulu: LK01 runs and passes
    r = soplint(["check", short_title_docx, "--plugin", plugin, "--select", "LK01", "--format", "json"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["ringkasan"]["error"] == 0
    sop = clean_sop()
    sop.identitas.instansi = ["PEMERINTAH KOTA MATARAM", "KECAMATAN AMPENAN"]
    other = tmp_path / "mataram.docx"
    sopdocx.build_docx(sop, other, layout="standar")
    sub = tmp_path / "proyek"
    sub.mkdir()
    (sub / "soplint.toml").write_text('plugins = ["../aturan_daerah.py"]\nselect = ["LK01"]\n')
    r = soplint(["check", other, "--format", "json"], sub)
    assert r.returncode == 1, r.stderr
    found = json.loads(r.stdout)["berkas"][0]["temuan"]
    assert [t["code"] for t in found] == ["LK01"]


def test_broken_local_plugin_is_reported_and_skipped(soplint, short_title_docx, tmp_path):
    bad = tmp_path / "rusak_lokal.py"
    bad.write_text("import modul_yang_tidak_ada\n")
    r = soplint(["check", short_title_docx, "--plugin", bad, "--format", "json"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "rusak_lokal.py" in r.stderr and "dilewati" in r.stderr
    assert json.loads(r.stdout)["berkas"][0]["sop"]  # the run went on
    r = soplint(["check", short_title_docx, "--plugin", bad, "--lang", "en"], tmp_path)
    assert "could not be loaded and was skipped" in r.stderr


def test_builtin_rules_come_through_the_entry_point_like_any_plugin():
    from importlib import metadata

    from soplint.plugins import load_plugins

    eps = {ep.name: ep.value for ep in metadata.entry_points(group="soplint")}
    assert eps.get("builtin_rules") == "soplint_rules"
    plugins = load_plugins()
    rules = plugins.rules()
    assert plugins.origin("ID01") == "builtin_rules"
    assert len([c for c in rules if c[:2] in ("ID", "PR", "FL", "RD", "DK")]) == 35  # FL05 (bagan alir gambar) added
    # without entry points nothing registers rules: the core imports none
    assert load_plugins(entry_points=False).rules() == {}


def test_entry_point_scan_agrees_with_importlib_metadata():
    """soplint reads entry_points.txt files itself (importlib.metadata costs
    tens of milliseconds at each start); it finds what importlib.metadata
    finds, for soplint's group and for a busy one, and loads them alike."""
    from importlib import metadata

    from soplint.plugins import _scan_entry_points

    for group in ("soplint", "console_scripts", "pytest11"):
        want = {(ep.name, ep.value) for ep in metadata.entry_points(group=group)}
        got = {(ep.name, ep.value) for ep in _scan_entry_points(group)}
        assert got == want, group
    ours = {ep.name: ep for ep in _scan_entry_points("console_scripts")}
    assert ours["soplint"].load() is metadata.entry_points(group="console_scripts")["soplint"].load()


def test_core_modules_import_no_rule_module():
    code = ("import sys, soplint.engine, soplint.config, soplint.plugins, soplint.commands.check; "
            "print(any(m.startswith('soplint_rules') for m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"
