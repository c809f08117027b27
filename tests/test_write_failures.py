"""An output that cannot be written (a full disk, a file-size quota) is named
with the system's reason, the run goes on with the other files and ends with
the documented exit code: never "internal error while reading", never a
traceback. The failure is real: the command runs with a file-size limit
(RLIMIT_FSIZE; Python ignores SIGXFSZ, so a write past it fails with EFBIG as
a write to a full disk fails with ENOSPC)."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "samples" / "surat-masuk-bappeda.docx"
OTHER = ROOT / "samples" / "lo-ktp-el-disdukcapil.docx"


def run_limited(args, max_bytes, cwd):
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    env = dict(os.environ, SOPLINT_NO_CACHE="1")
    env.pop("SOPLINT_LANG", None)
    proc = subprocess.run([sys.executable, "-m", "soplint", *map(str, args), "--lang", "en"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, preexec_fn=limit)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_convert_names_the_output_it_could_not_write_and_goes_on(tmp_path):
    out = tmp_path / "out"
    proc = run_limited(["convert", SMALL, OTHER, "-o", out, "--to", "json"], 20_000, tmp_path)
    assert proc.returncode == 0 and len(list(out.glob("*.json"))) == 2  # the JSON models fit under the limit
    # the .docx outputs (about 40 kB) do not
    proc = run_limited(["convert", SMALL, OTHER, "-o", tmp_path / "docx"], 20_000, tmp_path)
    assert proc.returncode == 1
    lines = [x for x in proc.stderr.splitlines() if "cannot be written" in x]
    assert len(lines) == 2 and all("File too large" in x for x in lines), proc.stderr
    assert "internal error" not in proc.stderr and "please report" not in proc.stderr
    assert "0 files written, 2 failed" in proc.stderr
    left = sorted(p.name for p in (tmp_path / "docx").iterdir()) if (tmp_path / "docx").exists() else []
    assert all(not name.endswith(".docx") for name in left), left  # no partial or temporary .docx left


def test_check_names_the_report_it_could_not_write(tmp_path):
    report = tmp_path / "laporan.json"
    proc = run_limited(["check", SMALL, "--format", "json", "-o", report, "--no-progress"], 500, tmp_path)
    assert proc.returncode == 2
    assert f"{report} cannot be written: File too large" in proc.stderr, proc.stderr
    assert not report.exists() and list(tmp_path.iterdir()) == []


def test_annotate_names_the_copy_it_could_not_write(tmp_path):
    proc = run_limited(["check", SMALL, "--annotate", tmp_path / "ann", "--no-progress"], 20_000, tmp_path)
    assert proc.returncode == 2
    assert "not annotated" in proc.stderr and "cannot be written: File too large" in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr
    assert list((tmp_path / "ann").iterdir()) == []
