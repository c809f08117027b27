"""A .doc read through LibreOffice and stopped by the per-file time limit:
the file is reported as over the time limit (not as a damaged file), and
neither LibreOffice nor its temporary folder is left behind."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "tests" / "unseen" / "files" / "lo-fodt-bps-045-lisensi-zoom.doc"


def processes_mentioning(text: str) -> list:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmdline = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
            with open(f"/proc/{entry}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if text in cmdline and state != b"Z":
            out.append((int(entry), cmdline[:120]))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc to look for processes left running")
@pytest.mark.parametrize("jobs,copies", [("1", 1), ("2", 2)])
def test_libreoffice_stopped_by_the_time_limit_leaves_nothing_behind(soffice, tmp_path, jobs, copies):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    files = []
    for n in range(copies):
        files.append(tmp_path / f"surat{n}.doc")
        shutil.copy(DOC, files[-1])
    env = dict(os.environ, TMPDIR=str(tmp), SOPLINT_SOFFICE=soffice)
    env.pop("SOPLINT_LANG", None)
    proc = subprocess.run([sys.executable, "-m", "soplint", "check", *map(str, files), "--timeout", "0.5",
                           "-j", jobs, "--format", "json", "--no-progress", "--lang", "en"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    data = json.loads(proc.stdout)
    for berkas in data["berkas"]:
        messages = [t["message"] for t in berkas["temuan"] if t["code"] == "DK01"]
        assert len(messages) == 1 and "time limit" in messages[0], messages
    deadline = time.monotonic() + 10
    while processes_mentioning(str(tmp)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_mentioning(str(tmp)) == []
    assert list(tmp.iterdir()) == []
