"""Helpers for the rule tests (imported by tests/rules/conftest.py and the tests): a clean SOP model, rendered into a REAL .docx
with samples/sopdocx.py, read by the real reader and checked by the real
``soplint check --format json`` command (click's CliRunner)."""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "samples"))

import sopdocx  # noqa: E402

from soplint import model as m  # noqa: E402,F401
from soplint.testing import A, B, C, clean_sop, langkah, tanggal, waktu  # noqa: E402,F401
from soplint.cli import cli  # noqa: E402


# the model builders are the public ones rule authors use (soplint.testing)
T, W, K = tanggal, waktu, langkah


def run_cli(args) -> tuple:
    result = CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)
    return result.exit_code, result.output


class Checker:
    def __init__(self, tmp_path: Path):
        self.tmp = tmp_path
        self.n = 0

    def docx(self, sops, layout="standar", name=None, **opts) -> Path:
        self.n += 1
        path = self.tmp / (name or f"sop{self.n}.docx")
        sopdocx.build_docx(sops, path, layout=layout, **opts)
        return path

    def run(self, paths, *extra) -> dict:
        code, out = run_cli(["check", *paths, "--format", "json", "--fail-on", "never", *extra])
        assert code == 0, out
        start = out.index("{")
        return json.loads(out[start:])

    def __call__(self, sops, *extra, layout="standar", **opts) -> list:
        """Render, check, return the findings (all files)."""
        path = self.docx(sops, layout=layout, **opts)
        data = self.run([path], *extra)
        return [t for f in data["berkas"] for t in f["temuan"]]


def of(findings, code, **match):
    """Findings of one rule, optionally filtered by key=value."""
    out = [t for t in findings if t["code"] == code]
    for key, value in match.items():
        out = [t for t in out if t.get(key) == value]
    return out


def serious(findings):
    return [t for t in findings if t["severity"] in ("error", "warning")]
