"""Outputs are written atomically (temporary file + rename), except onto
something that is not a regular file: `-o /dev/null` or a named pipe must be
written into, never replaced."""
import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from soplint.atomic import write_pieces, write_text
from soplint.cli import cli

SAMPLE = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.docx"))[0]


def test_regular_file_written_whole_or_not_at_all(tmp_path):
    target = tmp_path / "sub" / "report.json"
    write_pieces(target, ["{", '"a": 1', "}"])
    assert target.read_text("utf-8") == '{"a": 1}'

    def broken():
        yield "partial"
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_pieces(target, broken())
    assert target.read_text("utf-8") == '{"a": 1}'  # the old report stays, no temporary file is left
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_check_output_to_dev_null_keeps_the_device():
    before = os.stat("/dev/null")
    assert stat.S_ISCHR(before.st_mode)
    res = CliRunner().invoke(cli, ["check", str(SAMPLE), "--format", "json", "-o", "/dev/null"])
    assert res.exit_code in (0, 1), res.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_output_into_a_named_pipe(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_text(fifo, "laporan\n")
    reader.join(10)
    assert got == [b"laporan\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
