"""The spool that keeps a batch's finished results out of memory, and the
streamed reports written from it."""
import json

from click.testing import CliRunner

from soplint.cli import cli
from soplint.findings import FileResult, Finding, SopSummary
from soplint.spool import Spool


def _result(i):
    return FileResult(f"f{i}.docx", [SopSummary(0, f"SOP {i}", str(i))],
                      [Finding("ID01", "identitas-wajib", "error", "m" * (i % 50), f"f{i}.docx", 0)])


def test_spool_moves_to_disk_and_reads_back_in_order():
    spool = Spool(memory_limit=2000)
    for i in range(300):
        spool.append(_result(i))
    assert spool.on_disk
    assert len(spool) == 300
    assert [f.berkas for f in spool] == [f"f{i}.docx" for i in range(300)]
    assert spool[-1].sop[0].nama_sop == "SOP 299" and spool[7].temuan[0].message == "m" * 7
    assert [f.berkas for f in spool[10:13]] == ["f10.docx", "f11.docx", "f12.docx"]
    # two iterations open at once each see the whole list
    a, b = iter(spool), iter(spool)
    assert next(a).berkas == next(b).berkas == "f0.docx"
    assert next(a).berkas == "f1.docx" and next(b).berkas == "f1.docx"
    # appending after reading goes on (the file is flushed before each read)
    spool.append(_result(300))
    assert spool[300].berkas == "f300.docx"
    spool.close()
    assert len(spool) == 0


def test_spool_in_memory_below_the_limit():
    spool = Spool()
    spool.append_bytes(__import__("pickle").dumps(_result(1)))
    assert not spool.on_disk and spool[0].berkas == "f1.docx"


def test_batch_on_disk_spool_gives_the_same_report(tmp_path, monkeypatch):
    """A batch whose results no longer fit the in-memory part of the spool
    reports exactly what the same batch reports when they do (json, text,
    sarif), including the cross-document findings merged back per file."""
    import shutil
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    files = sorted(samples.glob("*.docx"))[:6]
    for i, f in enumerate(files):
        shutil.copy(f, tmp_path / f"a{i}-{f.name}")
        shutil.copy(f, tmp_path / f"b{i}-{f.name}")  # same SOPs twice: RD04/RD05 have work
    runner = CliRunner()

    def run(fmt):
        res = runner.invoke(cli, ["check", str(tmp_path), "--format", fmt, "--no-progress"])
        assert res.exit_code in (0, 1), res.output
        return res.stdout

    wide = {fmt: run(fmt) for fmt in ("json", "text", "sarif")}
    import soplint.spool

    monkeypatch.setattr(soplint.spool, "MEMORY_LIMIT", 100)
    monkeypatch.setattr(soplint.spool.Spool.__init__, "__defaults__", (100,))
    narrow = {fmt: run(fmt) for fmt in ("json", "text", "sarif")}
    assert narrow == wide
    data = json.loads(wide["json"])
    assert len(data["berkas"]) == 12
    assert sum(len(f["temuan"]) for f in data["berkas"]) == data["ringkasan"]["error"] + \
        data["ringkasan"]["warning"] + data["ringkasan"]["info"]
