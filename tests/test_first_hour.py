"""The first hour of a new user and of a CI user: each behaviour through the
real command line in a subprocess (output permissions, JUnit and --fail-on,
--annotate's output tree, option checks up front, unknown codes, globs,
standard input, empty batches, shape names, limits, packages Word refuses)."""
from __future__ import annotations

import json
import re
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
#: a sample with warnings (ID04 dates, ID09 revoked regulations) and no errors
WARN = SAMPLES / "surat-masuk-bappeda.docx"
#: a sample with info findings only (RD02)
INFO = SAMPLES / "akta-kelahiran-disdukcapil.docx"


def soplint(*args, cwd=None, stdin=None, umask=None, lang="en", timeout=300):
    """The real command in a subprocess: (exit code, stdout, stderr)."""
    env = dict(os.environ)
    env.pop("SOPLINT_LANG", None)
    env["NO_COLOR"] = "1"
    cmd = [sys.executable, "-m", "soplint"] + (["--lang", lang] if lang else []) + [str(a) for a in args]
    proc = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, timeout=timeout, env=env,
                          umask=-1 if umask is None else umask)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return proc.returncode, out, err


def counts(path) -> dict:
    code, out, _ = soplint("check", path, "--format", "json", "--fail-on", "never", "--no-progress")
    assert code == 0
    return json.loads(out)["ringkasan"]


# --------------------------------------------------------------------------- 2

@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_umask(tmp_path, umask, mode):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(WARN, src / "surat.docx")
    soplint("check", src, "--format", "json", "-o", tmp_path / "laporan.json", "--annotate", tmp_path / "anot",
            "--no-progress", umask=umask)
    soplint("convert", src, "--to", "json", "-o", tmp_path / "json", "--no-progress", umask=umask)
    soplint("convert", src, "--to", "docx", "-o", tmp_path / "docx", "--no-progress", umask=umask)
    outputs = [tmp_path / "laporan.json", tmp_path / "anot" / "surat.docx", tmp_path / "json" / "surat.json",
               tmp_path / "docx" / "surat.docx"]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in outputs} == {p.name: mode for p in outputs}


# --------------------------------------------------------------------------- 3

def _junit(*args):
    code, out, err = soplint("check", INFO, "--format", "junit", "--no-progress", *args)
    return code, etree.fromstring(out.encode("utf-8"))


def test_junit_failures_follow_fail_on():
    summary = counts(INFO)
    assert summary["info"] > 0 and summary["error"] == 0 and summary["warning"] == 0
    code, root = _junit()
    assert code == 0
    assert root.get("failures") == "0" and root.find("testsuite").get("failures") == "0"
    assert not root.findall(".//failure")
    # the info findings are still in the report, as output of the testcase
    out = "".join(root.find(".//testcase").findtext("system-out") or "")
    assert out.count("RD02") == summary["info"]
    code, root = _junit("--fail-on", "info")
    assert code == 1
    assert root.get("failures") == "1" and len(root.findall(".//failure")) == summary["info"]


# --------------------------------------------------------------------------- 4

def test_annotate_into_the_inputs_own_folder_writes_nothing_and_exits_2(tmp_path):
    shutil.copy(WARN, tmp_path / "surat.docx")
    before = (tmp_path / "surat.docx").read_bytes()
    code, out, err = soplint("check", "surat.docx", "--annotate", ".", "-q", cwd=tmp_path)
    assert code == 2
    assert "surat.docx" in err and "input" in err
    assert (tmp_path / "surat.docx").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["surat.docx"]


def test_annotate_mirrors_the_input_tree_and_refuses_to_overwrite(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(WARN, tmp_path / folder / "x.docx")
    code, out, err = soplint("check", "a", "b/x.docx", "--annotate", "out", "-q", cwd=tmp_path)
    assert code == 0, err
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.docx"))
    assert written == ["a/x.docx", "b/x.docx"]
    # a single folder keeps the names relative to it
    code, out, err = soplint("check", "a", "--annotate", "satu", "-q", cwd=tmp_path)
    assert code == 0 and (tmp_path / "satu" / "x.docx").is_file()
    # again: refused, like convert, unless --force
    stamp = (tmp_path / "out" / "a" / "x.docx").stat().st_mtime_ns
    code, out, err = soplint("check", "a", "b/x.docx", "--annotate", "out", "-q", cwd=tmp_path)
    assert code == 2
    assert "--force" in err and "a/x.docx" in err
    assert (tmp_path / "out" / "a" / "x.docx").stat().st_mtime_ns == stamp
    code, out, err = soplint("check", "a", "b/x.docx", "--annotate", "out", "--force", "-q", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "out" / "a" / "x.docx").stat().st_mtime_ns != stamp


# --------------------------------------------------------------------------- 5

@pytest.mark.parametrize("option,name", [("--template", "bukan.docx"), ("--logo", "logo.png")])
def test_convert_checks_template_and_logo_once_up_front(tmp_path, option, name):
    bad = tmp_path / name
    bad.write_text("this is not what its name says\n", "utf-8")
    code, out, err = soplint("convert", WARN, INFO, "-o", tmp_path / "out", option, bad, "--no-progress")
    assert code == 2
    assert option in err and name in err
    assert "report" not in err and "DK01" not in err
    assert err.count(name) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --------------------------------------------------------------------------- 6

@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_codes_in_select_and_ignore_are_both_usage_errors(option):
    code, out, err = soplint("check", WARN, option, "XX99", "-q")
    assert code == 2
    assert "XX99" in err


def test_unknown_ignore_in_the_configuration_is_a_usage_error(tmp_path):
    (tmp_path / "soplint.toml").write_text('ignore = ["XX99"]\n', "utf-8")
    code, out, err = soplint("check", WARN, "-q", cwd=tmp_path)
    assert code == 2 and "XX99" in err


# --------------------------------------------------------------------------- 7

def test_per_file_ignores_double_star_matches_zero_folders(tmp_path):
    (tmp_path / "arsip" / "lama").mkdir(parents=True)
    shutil.copy(WARN, tmp_path / "arsip" / "x.docx")
    shutil.copy(WARN, tmp_path / "arsip" / "lama" / "y.docx")
    shutil.copy(WARN, tmp_path / "z.docx")
    (tmp_path / "soplint.toml").write_text('[per-file-ignores]\n"arsip/**/*.docx" = ["ID04"]\n', "utf-8")
    code, out, err = soplint("check", ".", "--format", "json", "--fail-on", "never", "--no-progress", cwd=tmp_path)
    assert code == 0, err
    by_file = {Path(f["berkas"]).name: {t["code"] for t in f["temuan"]} for f in json.loads(out)["berkas"]}
    assert "ID04" not in by_file["x.docx"] and "ID04" not in by_file["y.docx"]
    assert "ID04" in by_file["z.docx"]


# --------------------------------------------------------------------------- 8

def test_check_reads_a_document_from_standard_input(tmp_path):
    code_file, out_file, _ = soplint("check", WARN, "--format", "json", "--no-progress")
    code, out, err = soplint("check", "-", "--format", "json", "--no-progress", stdin=WARN.read_bytes())
    assert code == code_file, err
    report, expected = json.loads(out), json.loads(out_file)
    assert [t["code"] for t in report["berkas"][0]["temuan"]] == [t["code"] for t in expected["berkas"][0]["temuan"]]
    assert report["berkas"][0]["berkas"] == "-"
    code, out, err = soplint("check", "-", "--stdin-filename", "arsip/surat.docx", "--no-progress",
                             stdin=WARN.read_bytes())
    assert code == code_file
    assert out.startswith("arsip/surat.docx") and "ID04" in out


def test_stdin_with_annotate_is_refused_up_front(tmp_path):
    code, out, err = soplint("check", "-", "--annotate", tmp_path / "out", stdin=WARN.read_bytes())
    assert code == 2 and "--annotate" in err and "standard input" in err and out == ""
    assert not (tmp_path / "out").exists()


def test_stdin_filename_takes_part_in_per_file_ignores(tmp_path):
    (tmp_path / "soplint.toml").write_text('[per-file-ignores]\n"arsip/**" = ["ID04"]\n', "utf-8")
    code, out, err = soplint("check", "-", "--stdin-filename", "arsip/surat.docx", "--no-progress", cwd=tmp_path,
                             stdin=WARN.read_bytes())
    assert "ID04" not in out and "ID09" in out


# --------------------------------------------------------------------------- 9

def test_no_sop_files_found_is_said_on_standard_error(tmp_path):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.txt").write_text("bukan SOP", "utf-8")
    code, out, err = soplint("check", tmp_path / "kosong")
    assert code == 0
    assert "no SOP files" in err
    code, out, err = soplint("check", tmp_path / "kosong", lang="id")
    assert "tidak ada berkas SOP" in err


# --------------------------------------------------------------------------- 10

@pytest.mark.parametrize("layout", ["standar", "vml"])
def test_fl04_names_the_shape_in_words(tmp_path, layout):
    sys.path.insert(0, str(SAMPLES))
    sys.path.insert(0, str(ROOT / "tests" / "rules"))
    import sopdocx
    from _sopkit import clean_sop

    sop = clean_sop()
    sop.kegiatan[3].simbol = "tidak_baku"
    sop.kegiatan[3].bentuk = "flowChartDocument"
    path = tmp_path / "sop.docx"
    sopdocx.build_docx([sop], path, layout=layout)
    for lang, word in (("en", "document"), ("id", "dokumen")):
        code, out, err = soplint("check", path, "--select", "FL04", "--no-progress", lang=lang)
        line = next(x for x in out.splitlines() if "FL04" in x)
        assert word in line and "t114" not in line and "flowChart" not in line, line


# --------------------------------------------------------------------------- 12

def test_a_memory_limit_too_low_is_named_as_such():
    # 1 MB: the reader's modules are loaded before the limit, so what must fit
    # is the file's own work (a few MB here); tests/test_memory_limit.py sweeps
    code, out, err = soplint("check", WARN, "--memory-limit", "1", "--no-progress")
    assert "DK01" in out
    assert "memory limit" in out and "ImportError" not in out and "failed to map" not in out


def test_limit_names_have_one_spelling_and_sizes_their_unit():
    code, out, err = soplint("check", WARN, "--limit", "max-total-uncompressed=10KB", "--no-progress")
    assert "10 KB" in out and "0 MB" not in out
    code, out, err = soplint("check", WARN, "--limit", "max_total_uncompressed=10KB", "--no-progress")
    assert "10 KB" in out  # the other spelling is understood, and shown as the documented one
    code, out, err = soplint("check", WARN, "--limit", "max-foo=1", "--no-progress")
    assert code == 2 and "max-ratio" in err and "max_ratio" not in err


# --------------------------------------------------------------------------- 13

def test_a_package_word_will_not_open_is_read_and_reported(tmp_path):
    broken = tmp_path / "tanpa-content-types.docx"
    with zipfile.ZipFile(WARN) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "[Content_Types].xml":
                out.writestr(info, src.read(info.filename))
    code, out, err = soplint("check", broken, "--format", "json", "--no-progress")
    report = json.loads(out)
    f = report["berkas"][0]
    assert f["sop"], "the document is still read"
    dk01 = [t for t in f["temuan"] if t["code"] == "DK01"]
    assert len(dk01) == 1 and "Word" in dk01[0]["message"] and "[Content_Types].xml" in dk01[0]["message"]
    assert any(t["code"] == "ID04" for t in f["temuan"])
    assert code == 1
    # the intact file has no such finding
    assert not [t for t in json.loads(soplint("check", WARN, "--format", "json")[1])["berkas"][0]["temuan"]
                if t["code"] == "DK01"]


# --------------------------------------------------------------------------- 14

def _soplint_env(*args, env_extra=None, cwd=None):
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.pop("SOPLINT_LANG", None)
    env.update(env_extra or {})
    proc = subprocess.run([sys.executable, "-m", "soplint", "--lang", "en", *map(str, args)], capture_output=True,
                          env=env, cwd=cwd, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_color_auto_always_never_and_no_color():
    code, out, err = _soplint_env("check", WARN, "--color", "always", "--no-progress")
    assert "\x1b[" in out and "ID04" in out
    code, plain, err = _soplint_env("check", WARN, "--no-progress")  # auto, and not a terminal
    assert "\x1b[" not in plain
    code, out, err = _soplint_env("check", WARN, "--color", "never", "--no-progress")
    assert "\x1b[" not in out and out == plain
    # NO_COLOR turns off the automatic colour; an explicit --color always still wins
    code, out, err = _soplint_env("check", WARN, "--color", "auto", "--no-progress", env_extra={"NO_COLOR": "1"})
    assert "\x1b[" not in out
    code, out, err = _soplint_env("check", WARN, "--color", "always", "--no-progress", env_extra={"NO_COLOR": "1"})
    assert "\x1b[" in out
    # colour never reaches a report written to a file, nor another format
    code, out, err = _soplint_env("check", WARN, "--color", "always", "--format", "json", "--no-progress")
    assert "\x1b[" not in out


def test_exclude_globs_skip_files_found_in_folders(tmp_path):
    (tmp_path / "arsip" / "2019").mkdir(parents=True)
    (tmp_path / "baru").mkdir()
    shutil.copy(WARN, tmp_path / "arsip" / "lama.docx")
    shutil.copy(WARN, tmp_path / "arsip" / "2019" / "lebih-lama.docx")
    shutil.copy(WARN, tmp_path / "baru" / "surat.docx")
    shutil.copy(WARN, tmp_path / "baru" / "draf-surat.docx")
    code, out, err = _soplint_env("check", ".", "--exclude", "arsip", "--exclude", "**/draf-*.docx",
                                  "--format", "json", "--fail-on", "never", "--no-progress", cwd=tmp_path)
    assert code == 0, err
    assert [Path(f["berkas"]).as_posix() for f in json.loads(out)["berkas"]] == ["baru/surat.docx"]
    # convert takes the same option
    code, out, err = _soplint_env("convert", ".", "--to", "json", "-o", tmp_path / "out", "--exclude", "arsip/**",
                                  "--no-progress", cwd=tmp_path)
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")) == [
        "baru/draf-surat.json", "baru/surat.json"]


def test_verbose_says_files_configuration_and_time(tmp_path):
    (tmp_path / "soplint.toml").write_text('fail-on = "warning"\n', "utf-8")
    shutil.copy(WARN, tmp_path / "surat.docx")
    code, out, err = _soplint_env("check", "surat.docx", "-v", "--no-progress", cwd=tmp_path)
    assert code == 1
    assert "soplint.toml" in err and "surat.docx" in err
    assert "fail-on" in err and "warning" in err
    assert re.search(r"\d+(\.\d+)? s\b", err), err
    code, quiet_out, quiet_err = _soplint_env("check", "surat.docx", "--no-progress", cwd=tmp_path)
    assert "soplint.toml" not in quiet_err and quiet_out == out


def test_pre_commit_hook_definition_runs_the_real_command(tmp_path):
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "soplint")
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("sop/surat.docx") and files.search("lama.DOC") and not files.search("catatan.txt")
    # pre-commit runs `entry` with the staged file names appended
    entry = hook["entry"].split()
    assert entry[0] == "soplint"
    shutil.copy(WARN, tmp_path / "surat.docx")
    proc = subprocess.run([sys.executable, "-m", "soplint", *entry[1:], *hook.get("args", []), "surat.docx"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "ID04" in proc.stdout, proc.stderr  # warnings only: the commit goes on


# --------------------------------------------------------------------------- 11

def test_each_language_is_complete_in_the_rule_list_and_doc_pages():
    code, out, err = soplint("rules")
    assert code == 0
    for indonesian in ("no waktu", "no kelengkapan", "waktu is", "nomor_sop"):
        assert indonesian not in out
    pages = {}
    for lang in ("en", "id"):
        code, listing, _ = soplint("rules", "--format", "json", lang=lang)
        pages[lang] = {r["code"]: r["doc"] for r in json.loads(listing)}
    assert len(pages["en"]) >= 34 and pages["en"].keys() == pages["id"].keys()
    code, one, _ = soplint("rules", "PR10")
    assert one.startswith(pages["en"]["PR10"])
    for rule in pages["en"]:
        en, id_ = pages["en"][rule], pages["id"][rule]
        assert "\nWhy\n" in en and "\nWhat\n" in en and "Mengapa" not in en and "Apa /" not in en, rule
        assert "\nMengapa\n" in id_ and "Why" not in id_ and "What" not in id_, rule
        why = en.split("\nWhy\n", 1)[1].split("\n\n", 1)[0]
        assert why.strip() and not re.search(r"\b(yang|dan|tidak|dengan)\b", why), (rule, why)


def test_text_report_words_follow_the_language():
    code, en, _ = soplint("check", WARN, "--no-progress")
    assert en.rstrip().splitlines()[-1] == "Summary: 1 file, 1 SOP; 0 errors, 4 warnings, 0 info"
    code, id_, _ = soplint("check", WARN, "--no-progress", lang="id")
    assert id_.rstrip().splitlines()[-1] == "Ringkasan: 1 berkas, 1 SOP; 0 galat, 4 peringatan, 0 info"
    assert "    peringatan ID04" in id_ and " warning " not in id_


def test_configuration_errors_in_one_language(tmp_path):
    (tmp_path / "soplint.toml").write_text('fail-on = "kadang"\n[rules.PR10]\nmaks = "x"\n', "utf-8")
    code, out, err = soplint("check", WARN, lang="id", cwd=tmp_path)
    assert code == 2
    assert "tidak termasuk pilihan" in err and "is not one of" not in err
    code, out, err = soplint("check", WARN, cwd=tmp_path)
    assert code == 2 and "is not one of the choices" in err
