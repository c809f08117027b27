"""soplint.testing, the public helpers for rule authors (a clean SOP, one rule
run on models), and the load-time refusal of a rule without a summary or
messages (through the real CLI)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from soplint.cli import cli
from soplint.errors import UsageError
from soplint.testing import clean_sop, langkah, run_rule

sys.path.insert(0, str(Path(__file__).resolve().parent / "plugin_pkg"))
from soplint_contoh.aturan import JudulTerlaluPendek  # noqa: E402


def test_a_plugin_rule_on_a_clean_and_a_changed_model():
    assert run_rule(JudulTerlaluPendek, clean_sop()) == []
    sop = clean_sop()
    sop.identitas.nama_sop = "SOP Surat"
    found = run_rule(JudulTerlaluPendek, sop)
    assert [(t.code, t.severity, t.teks, t.field) for t in found] == [
        ("XT01", "warning", "SOP Surat", "identitas.nama_sop")]
    assert found[0].message == "Nama SOP hanya 2 kata"
    assert run_rule(JudulTerlaluPendek, sop, {"min_kata": 2}) == []
    with pytest.raises(UsageError, match="min_kata"):
        run_rule(JudulTerlaluPendek, sop, {"min_kata": 0})
    assert sop.identitas.nama_sop == "SOP Surat" and sop.sumber.berkas == ""  # the model is not changed


def test_every_builtin_rule_passes_the_clean_sop():
    from soplint.plugins import load_plugins

    codes = list(load_plugins().rules())
    assert len(codes) >= 34
    for code in codes:
        assert run_rule(code, clean_sop()) == [], code


def test_cross_document_rule_and_aliases():
    found = run_rule("sop-duplikat", [clean_sop(), clean_sop()])
    assert [(t.code, t.indeks) for t in found] == [("RD04", 0), ("RD04", 1)]
    sop = clean_sop()
    sop.kegiatan.append(langkah(6, "Menyerahkan arsip", "Kasubag Umum", simbol="proses"))
    sop.kegiatan[4].simbol = "proses"
    sop.kegiatan[5].simbol = "selesai"
    unaliased = {t.code for t in run_rule("PR02", sop)}
    assert run_rule("PR02", sop, aliases={"Kasubag Umum": "Kasubbag Umum"}) == [] != unaliased


RULES = '''
from soplint.hookspec import hookimpl
from soplint.rule import Rule


class TanpaPesan(Rule):
    """Aturan tanpa ringkasan dan pesan."""
    code = "TP01"
    name = "tanpa-pesan"


class Lengkap(Rule):
    """Aturan lengkap."""
    code = "TP02"
    name = "lengkap"
    summary = ("Ringkasan", "Summary")
    messages = {"default": ("Pesan", "Message")}


@hookimpl
def soplint_rules():
    return [TanpaPesan, Lengkap]
'''


def test_rule_without_summary_or_messages_is_refused_at_load(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOPLINT_LANG", raising=False)
    (tmp_path / "aturan.py").write_text(RULES)
    r = CliRunner().invoke(cli, ["rules", "--plugin", "aturan.py", "--lang", "en", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert "Plugin aturan.py: rule TanpaPesan skipped: no summary" in r.stderr
    assert "no messages" in r.stderr
    codes = [x["code"] for x in json.loads(r.stdout)]
    assert "TP02" in codes and "TP01" not in codes
    r = CliRunner().invoke(cli, ["rules", "--plugin", "aturan.py", "--lang", "id"])
    assert "aturan TanpaPesan dilewati: tidak ada summary" in r.stderr and "tidak ada messages" in r.stderr
    with pytest.raises(ValueError, match="no summary|tidak ada summary"):
        from soplint.rule import Rule

        class Kosong(Rule):
            code = "TP03"
            name = "kosong"

        run_rule(Kosong, clean_sop())
