"""Ctrl-C during a run: the command stops with exit status 130 and a
message in the user's language (not click's "Aborted!" and 1, which a CI
script would take for "findings"), in-process and with workers, and leaves no
worker or temporary folder behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SLOW = '''
import os, time
from pathlib import Path
from soplint.hookspec import hookimpl
from soplint.readers import Reader


def read_slow(path, options):
    Path(os.environ["STARTED"]).write_text(str(os.getpid()))
    time.sleep(60)
    return []


@hookimpl
def soplint_readers():
    return [Reader("lambat", (".lambat",), read_slow)]
'''


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
@pytest.mark.parametrize("command,jobs", [("check", "1"), ("check", "2"), ("convert", "2")])
def test_ctrl_c_stops_the_run_with_130_and_leaves_nothing(tmp_path, command, jobs):
    (tmp_path / "lambat.py").write_text(SLOW)
    for name in ("a.lambat", "b.lambat"):
        (tmp_path / name).write_text("isi")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    started = tmp_path / "started"
    env = dict(os.environ, TMPDIR=str(tmp), STARTED=str(started))
    env.pop("SOPLINT_LANG", None)
    args = [sys.executable, "-m", "soplint", "--lang", "en", command, "a.lambat", "b.lambat", "--plugin",
            "lambat.py", "-j", jobs]
    args += ["-o", "out"] if command == "convert" else ["--no-progress"]
    # a shell without job control starts background commands with SIGINT
    # ignored; a terminal's Ctrl-C reaches a program with the default action
    proc = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists(), proc.stderr.read() if proc.poll() is not None else "reader never started"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "Interrupted (Ctrl-C)" in err and "Aborted!" not in err and "Traceback" not in err, err
    time.sleep(0.5)
    assert list(tmp.iterdir()) == []
    worker = int(started.read_text())
    if worker != proc.pid:  # the reading worker is gone too
        with pytest.raises(ProcessLookupError):
            os.kill(worker, 0)
