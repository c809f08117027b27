"""Configuration: discovery, validation naming the bad key, select/ignore,
severity overrides, per-file ignores, rule options, language, provenance
(`soplint config`), exit codes -- through the real CLI on a real .docx."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "rules"))
from _sopkit import T, W, clean_sop, sopdocx  # noqa: E402

from soplint.cli import cli  # noqa: E402


@pytest.fixture(scope="module")
def cacat_docx(tmp_path_factory):
    """A real .docx with three known defects: ID04 (warning, two dates),
    ID06 (warning) and PR05 (warning, step 2)."""
    sop = clean_sop()
    sop.identitas.nomor_sop = "065/ /UMUM/2014"
    sop.identitas.tanggal_pembuatan = T("Februari 2014", "2014-02-01", "bulan")
    sop.identitas.tanggal_efektif = T("Maret 2014", "2014-03-01", "bulan")
    sop.kegiatan[1].waktu = None
    path = tmp_path_factory.mktemp("cfg") / "cacat.docx"
    sopdocx.build_docx(sop, path, layout="standar")
    return path


@pytest.fixture
def proyek(tmp_path, monkeypatch, cacat_docx):
    """A project folder holding the document; the cwd."""
    (tmp_path / "dok").mkdir()
    shutil.copy(cacat_docx, tmp_path / "dok" / "cacat.docx")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOPLINT_LANG", raising=False)
    return tmp_path


def run(*args):
    r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return r.exit_code, r.output


def codes(*args):
    code, out = run("check", "dok/cacat.docx", "--format", "json", *args)
    assert code in (0, 1), out
    data = json.loads(out[out.index("{"):])
    return code, sorted({t["code"] for f in data["berkas"] for t in f["temuan"]}), data


def test_defaults_without_configuration(proyek):
    code, found, _ = codes()
    assert found == ["ID04", "ID06", "PR05"]
    assert code == 0  # only warnings; --fail-on defaults to error


@pytest.mark.parametrize("name,content", [
    ("soplint.toml", 'ignore = ["ID04"]\n'),
    (".soplint.toml", 'ignore = ["ID04"]\n'),
    ("pyproject.toml", '[project]\nname = "x"\n[tool.soplint]\nignore = ["ID04"]\n'),
    ("setup.cfg", "[metadata]\nname = x\n[soplint]\nignore = ID04\n"),
])
def test_discovery_from_a_parent_folder(proyek, monkeypatch, name, content):
    (proyek / name).write_text(content)
    monkeypatch.chdir(proyek / "dok")
    code, out = run("check", "cacat.docx", "--format", "json")
    data = json.loads(out[out.index("{"):])
    assert sorted({t["code"] for t in data["berkas"][0]["temuan"]}) == ["ID06", "PR05"]


def test_pyproject_without_soplint_table_is_passed_over(proyek, monkeypatch):
    (proyek / "soplint.toml").write_text('ignore = ["PR"]\n')
    (proyek / "dok" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    monkeypatch.chdir(proyek / "dok")
    code, out = run("check", "cacat.docx", "--format", "json")
    data = json.loads(out[out.index("{"):])
    assert "PR05" not in {t["code"] for t in data["berkas"][0]["temuan"]}


def test_config_option_overrides_discovery(proyek):
    (proyek / "soplint.toml").write_text('ignore = ["ID04"]\n')
    (proyek / "lain.toml").write_text('ignore = ["PR05"]\n')
    _, found, _ = codes("--config", "lain.toml")
    assert found == ["ID04", "ID06"]


def test_select_and_ignore_by_code_name_and_prefix(proyek):
    assert codes("--select", "ID")[1] == ["ID04", "ID06"]
    assert codes("--select", "waktu-kosong")[1] == ["PR05"]
    assert codes("--ignore", "ID0")[1] == ["PR05"]
    assert codes("--select", "ID", "--ignore", "nomor-sop")[1] == ["ID04"]
    # a more specific select wins over a broader ignore
    (proyek / "soplint.toml").write_text('ignore = ["ID"]\n')
    assert codes("--select", "ID06")[1] == ["ID06"]
    assert codes()[1] == ["PR05"]
    assert codes("--ignore", "PR05")[1] == []  # --ignore adds to the configured ignore


def test_severity_override_changes_exit_code(proyek):
    (proyek / "soplint.toml").write_text('[severity]\nPR05 = "error"\nnomor-sop = "info"\nID04 = "off"\n')
    code, found, data = codes()
    assert found == ["ID06", "PR05"]
    sev = {t["code"]: t["severity"] for t in data["berkas"][0]["temuan"]}
    assert sev == {"ID06": "info", "PR05": "error"}
    assert code == 1


def test_fail_on_levels(proyek):
    assert codes("--fail-on", "warning")[0] == 1
    assert codes("--fail-on", "never")[0] == 0
    (proyek / "soplint.toml").write_text('fail-on = "warning"\n')
    assert codes()[0] == 1


def test_per_file_ignores(proyek):
    (proyek / "soplint.toml").write_text('[per-file-ignores]\n"dok/*.docx" = ["ID04", "PR"]\n')
    assert codes()[1] == ["ID06"]
    (proyek / "soplint.toml").write_text('[per-file-ignores]\n"**/lain-*.docx" = ["ID"]\n')
    assert codes()[1] == ["ID04", "ID06", "PR05"]


def test_rule_options_are_validated_with_the_rule_schema(proyek):
    (proyek / "soplint.toml").write_text('[rules.PR10]\nmaks = "enam"\n')
    code, out = run("check", "dok/cacat.docx")
    assert code == 2 and "rules.PR10.maks" in out
    (proyek / "soplint.toml").write_text('[rules.PR10]\nmaksimum = 6\n')
    code, out = run("check", "dok/cacat.docx")
    assert code == 2 and "rules.PR10.maksimum" in out and "maks" in out
    (proyek / "soplint.toml").write_text('[rules.ID06]\npola = "([a-z"\n')
    code, out = run("check", "dok/cacat.docx")
    assert code == 2 and "rules.ID06.pola" in out
    (proyek / "soplint.toml").write_text('[rules.ZZ99]\nmaks = 1\n')
    code, out = run("check", "dok/cacat.docx", "--lang", "en")
    assert code == 2 and "rules.ZZ99: unknown rule" in out


@pytest.mark.parametrize("content,key", [
    ('selct = ["ID"]\n', "selct"),
    ('lang = "fr"\n', "lang"),
    ('[severity]\nPR05 = "fatal"\n', "severity.PR05"),
    ('[severity]\nXX01 = "error"\n', "severity.XX01"),
    ('select = ["NOPE"]\n', "NOPE"),
    ('plugins = "a.py"\n', "plugins"),
])
def test_invalid_configuration_names_the_key(proyek, content, key):
    (proyek / "soplint.toml").write_text(content)
    code, out = run("check", "dok/cacat.docx")
    assert code == 2
    assert "Konfigurasi tidak sah" in out and key in out


def test_unparseable_configuration_file(proyek):
    (proyek / "soplint.toml").write_text("select = [\n")
    code, out = run("check", "dok/cacat.docx", "--lang", "en")
    assert code == 2 and "cannot be read" in out and "soplint.toml" in out


def test_language_from_configuration_and_command_line(proyek):
    (proyek / "soplint.toml").write_text('lang = "en"\n')
    _, _, data = codes()
    assert any(t["message"].startswith("Step 2 has no time") for t in data["berkas"][0]["temuan"])
    _, _, data = codes("--lang", "id")
    assert any(t["message"].startswith("Kegiatan 2 tidak memiliki waktu") for t in data["berkas"][0]["temuan"])
    code, out = run("--lang", "id", "check", "dok/cacat.docx")
    assert "Kegiatan 2 tidak memiliki waktu" in out


def test_config_command_prints_values_and_their_origin(proyek):
    (proyek / "soplint.toml").write_text('ignore = ["ID04"]\n[rules.PR10]\nmaks = 6\n'
                                         '[aliases]\n"Kasubag Umum" = "Kasubbag Umum"\n')
    code, out = run("config")
    assert code == 0
    lines = out.splitlines()
    assert any(x.startswith('ignore = ["ID04"]') and x.endswith("soplint.toml") for x in lines)
    assert any(x.startswith("rules.PR10.maks = 6") and x.endswith("soplint.toml") for x in lines)
    assert any(x.startswith("rules.PR11.maks = 25") and x.endswith("# bawaan") for x in lines)
    assert any(x.startswith('aliases = {"Kasubag Umum": "Kasubbag Umum"}') for x in lines)
    code, out = run("config", "--format", "json", "--lang", "en")
    data = json.loads(out)
    rows = {r["kunci"]: r for r in data["nilai"]}
    assert rows["select"]["asal"] == "default" and rows["select"]["nilai"] == ["ALL"]
    assert data["berkas_konfigurasi"].endswith("soplint.toml")
    assert "ID04" not in data["aturan_aktif"] and "PR05" in data["aturan_aktif"]


def test_text_report_groups_by_file_and_sop_with_location(proyek):
    code, out = run("check", "dok/cacat.docx", "--statistics")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "dok/cacat.docx"
    assert lines[1].startswith("  SOP 1: Pelayanan Administrasi Surat Masuk [065/ /UMUM/2014]")
    i = next(n for n, x in enumerate(lines) if "PR05" in x)
    assert lines[i + 1].strip().startswith("di: tabel ") and 'kolom "Waktu"' in lines[i + 1]
    assert "kegiatan 2" in lines[i + 1]
    j = next(n for n, x in enumerate(lines) if "ID06" in x)
    assert lines[j + 2].strip() == 'teks: "065/ /UMUM/2014"'
    assert "Statistik:" in out and lines[-1].startswith("Ringkasan: 1 berkas, 1 SOP; 0 galat, 4 peringatan")
    code, quiet = run("check", "dok/cacat.docx", "--quiet")
    assert "Ringkasan" not in quiet and "PR05" in quiet


def test_output_file_is_written(proyek):
    code, out = run("check", "dok/cacat.docx", "--format", "json", "--output", "hasil/laporan.json")
    assert code == 0 and out.strip() == ""
    data = json.loads((proyek / "hasil" / "laporan.json").read_text("utf-8"))
    assert data["ringkasan"] == {"berkas": 1, "sop": 1, "error": 0, "warning": 4, "info": 0}


def test_unknown_format_is_a_usage_error(proyek):
    code, out = run("check", "dok/cacat.docx", "--format", "pdf")
    assert code == 2 and "pdf" in out


def test_missing_input_is_dk01_not_a_crash(proyek):
    code, out = run("check", "dok/cacat.docx", "dok/tidak-ada.docx", "--format", "json")
    data = json.loads(out[out.index("{"):])
    assert code == 1
    assert [t["code"] for t in data["berkas"][1]["temuan"]] == ["DK01"]
    assert len(data["berkas"][0]["sop"]) == 1


@pytest.mark.parametrize("name,content", [
    ("pyproject.toml", '[tool.soplint]\nignore = ["ID04"]\n[tool.soplint.severity]\nPR05 = "error"\n'
                       '[tool.soplint.rules.ID06]\npola = "^\\\\d+$"\n'),
    ("setup.cfg", "[soplint]\nignore = ID04\n[soplint.severity]\nPR05 = error\n"
                  "[soplint.rules.ID06]\npola = ^\\d+$\n"),
])
def test_tables_in_pyproject_and_setup_cfg(proyek, name, content):
    (proyek / name).write_text(content)
    code, found, data = codes()
    assert found == ["ID06", "PR05"] and code == 1
    id06 = [t for t in data["berkas"][0]["temuan"] if t["code"] == "ID06"]
    assert id06 and "kosong" in id06[0]["message"]  # empty segment comes before the pattern
    code, out = run("config")
    assert any(x.startswith('rules.ID06.pola = "^\\\\d+$"') and x.endswith(name) for x in out.splitlines()), out


def test_broken_unrelated_pyproject_is_passed_over(proyek, monkeypatch):
    (proyek / "soplint.toml").write_text('ignore = ["PR"]\n')
    (proyek / "dok" / "pyproject.toml").write_text("[project\nname = \n")
    monkeypatch.chdir(proyek / "dok")
    code, out = run("check", "cacat.docx", "--format", "json")
    data = json.loads(out[out.index("{"):])
    assert code == 0 and "PR05" not in {t["code"] for t in data["berkas"][0]["temuan"]}


def test_unknown_ignore_is_a_usage_error_like_select(proyek):
    r = CliRunner().invoke(cli, ["check", "dok/cacat.docx", "--ignore", "QQ77", "--format", "json"])
    assert r.exit_code == 2
    assert "QQ77" in r.stderr and r.stdout == ""


def test_builtin_defaults_are_valid_under_the_schema():
    """validate_with_plugins skips jsonschema when only defaults are in force; that is
    sound only while the defaults themselves validate."""
    from soplint import config as cfgmod

    data = {k: v for k, v in cfgmod.DEFAULTS.items() if v is not None}
    assert cfgmod.validation_errors(data) == []


@pytest.mark.parametrize("options", [[], ["--fail-on", "warning", "--select", "ID,PR", "--ignore", "PR04"]])
def test_plain_check_does_not_import_jsonschema(tmp_path, options):
    """Nor does a check with the options a CI job passes: --fail-on is one
    of click's choices and --select/--ignore codes are checked by the rule
    selection, and jsonschema costs about 60 ms of a one-file run (a
    one-file check with --fail-on warning took 2.8x `import docx`, 1.5x
    without it)."""
    import subprocess
    import sys

    code = ("import sys; from soplint.cli import main\n"
            "try:\n    main(['check', '--format', 'json'] + sys.argv[1:])\n"
            "except SystemExit:\n    pass\n"
            "print('JSONSCHEMA', 'jsonschema' in sys.modules, file=sys.stderr)")
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "samples" / "surat-keluar-setda.docx"
    proc = subprocess.run([sys.executable, "-c", code, str(sample)] + options, cwd=tmp_path,
                          capture_output=True, text=True)
    assert '"ringkasan"' in proc.stdout  # the check really ran
    assert "JSONSCHEMA False" in proc.stderr


def test_a_bad_select_code_is_still_refused_without_the_schema(tmp_path):
    from click.testing import CliRunner

    from soplint.cli import cli

    sample = Path(__file__).resolve().parent.parent / "samples" / "surat-keluar-setda.docx"
    r = CliRunner().invoke(cli, ["--lang", "en", "check", str(sample), "--select", "NOPE"])
    assert r.exit_code == 2 and "NOPE" in (r.output + (r.stderr if r.stderr_bytes else ""))


def test_limits_schema_names_every_reader_limit():
    """The configuration's [limits] keys are exactly the fields of the reader's Limits."""
    from dataclasses import fields

    from soplint.config import BASE_SCHEMA
    from soplint.preflight import Limits

    keys = set(BASE_SCHEMA["properties"]["limits"]["properties"])
    assert keys == {f.name.replace("_", "-") for f in fields(Limits)}
