"""soplint.batch: order, isolation (time and memory limits, dead workers),
errors as outcomes, streaming."""
import os
import signal
import sys
import time

import pytest

from soplint import batch
from soplint.errors import UnreadableFile


def work(item):
    """What each item asks for: a value, a sleep, an allocation, a crash."""
    kind, arg = item
    if kind == "value":
        return arg * 2
    if kind == "sleep":
        time.sleep(arg)
        return "slept"
    if kind == "spin":  # a hang in pure Python
        while True:
            pass
    if kind == "alloc":
        blocks = [bytearray(64 * 1024 * 1024) for _ in range(arg)]
        return len(blocks)
    if kind == "unreadable":
        raise UnreadableFile("damaged", "rusak {x}", "damaged {x}", x=arg)
    if kind == "bug":
        raise KeyError(arg)
    if kind == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    if kind == "exit":
        os._exit(3)
    if kind == "pid":  # which worker read it, after a little work
        time.sleep(arg)
        return os.getpid()
    if kind == "child":  # a hung helper program in its own session, like LibreOffice
        import subprocess

        proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"], start_new_session=True)
        with open(arg, "w") as fh:
            fh.write(str(proc.pid))
        proc.wait()
    raise AssertionError(kind)


def label(item):
    return f"{item[0]}-{item[1]}"


def run(items, **kw):
    kw.setdefault("label", label)
    return list(batch.run(work, items, **kw))


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_back_in_input_order_whatever_the_scheduling(jobs):
    # early items are slow, later ones fast: scheduling finishes them out of order
    items = [("sleep", 0.2), ("sleep", 0.1)] + [("value", i) for i in range(30)]
    outs = run(items, jobs=jobs, timeout=30, memory_mb=0)
    assert [o.index for o in outs] == list(range(len(items)))
    assert [o.item for o in outs] == items
    assert [o.value for o in outs] == ["slept", "slept"] + [2 * i for i in range(30)]
    assert all(o.ok for o in outs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_errors_become_outcomes_and_the_batch_goes_on(jobs):
    items = [("value", 1), ("unreadable", "x"), ("bug", "k"), ("value", 2)]
    outs = run(items, jobs=jobs, timeout=30, memory_mb=0)
    assert [o.value for o in outs] == [2, None, None, 4]
    assert outs[1].error.kind == "damaged" and outs[1].error.en_text == "damaged x"
    assert outs[2].error.kind == "internal"
    assert "KeyError" in outs[2].error.en_text and "KeyError" in outs[2].error.id_text


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_time_limit_is_a_timeout_and_the_batch_goes_on(jobs):
    items = [("value", 1), ("spin", 0), ("sleep", 30), ("value", 2)]
    start = time.monotonic()
    outs = run(items, jobs=jobs, timeout=0.5, memory_mb=0)
    assert time.monotonic() - start < 10
    assert [o.value for o in outs] == [2, None, None, 4]
    assert outs[1].error.kind == outs[2].error.kind == "timeout"
    assert "0.5" in outs[1].error.en_text


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_memory_limit_is_reported_and_the_batch_goes_on(jobs):
    items = [("value", 1), ("alloc", 16), ("value", 2), ("alloc", 1)]  # 1 GB vs a 300 MB limit
    outs = run(items, jobs=jobs, timeout=60, memory_mb=300)
    assert outs[1].error is not None and outs[1].error.kind == "memory"
    assert "300 MB" in outs[1].error.en_text
    assert [outs[0].value, outs[2].value, outs[3].value] == [2, 4, 1]


def test_a_dead_worker_is_replaced():
    items = [("value", 1), ("segfault", 0), ("exit", 0), ("value", 2), ("value", 3)]
    outs = run(items, jobs=2, timeout=30, memory_mb=0)
    assert [o.value for o in outs] == [2, None, None, 4, 6]
    assert outs[1].error.kind == "crash" and "SIGSEGV" in outs[1].error.en_text
    assert outs[2].error.kind == "crash" and "exit 3" in outs[2].error.en_text


def test_workers_are_recycled_and_results_stream():
    items = [("value", i) for i in range(50)]
    gen = batch.run(work, items, jobs=2, timeout=30, memory_mb=0, max_tasks=7, label=label)
    first = next(gen)  # available before the whole batch is done
    assert first.index == 0 and first.value == 0
    rest = list(gen)
    assert [o.value for o in rest] == [2 * i for i in range(1, 50)]


def test_no_worker_is_forked_for_the_last_few_items():
    """Workers are replaced after ``max_tasks`` items, except when the items
    left are within a quarter of that: a worker forked for them would start
    cold at the end of the batch (500 files at -j2 with workers replaced
    after 250 forked a third one for the last few). Longer batches still
    replace their workers."""
    items = [("pid", 0.005)] * 164  # two workers of 80 and a few left: a quarter of 80 is 20
    assert len({o.value for o in run(items, jobs=2, timeout=30, memory_mb=0, max_tasks=80)}) == 2
    items = [("pid", 0.002)] * 300
    assert len({o.value for o in run(items, jobs=2, timeout=30, memory_mb=0, max_tasks=40)}) >= 4


def test_the_batch_ends_when_the_last_workers_retire_together():
    """Every item handed out, then each worker retired at its task limit (two
    workers, two items, one task each: 500 files at -j2 with workers replaced
    after 250 did the same): nothing is left to wait for and the batch ends.
    It used to wait for an idle worker to notice the end of the items, and
    with no worker left it spun forever. Run in a child process, so a
    regression fails on its time limit instead of hanging the suite."""
    import subprocess

    code = ("from soplint import batch\n"
            "def double(x):\n    return 2 * x\n"
            "for jobs, n, tasks in ((2, 2, 1), (2, 4, 2), (3, 9, 3)):\n"
            "    outs = list(batch.run(double, list(range(n)), jobs=jobs, timeout=30, memory_mb=0, max_tasks=tasks))\n"
            "    assert [o.value for o in outs] == [2 * i for i in range(n)], outs\n"
            "print('ended')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "ended", proc.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_items_waiting_behind_a_crash_a_timeout_or_a_memory_error_are_read_by_another_worker():
    """Each worker holds a second item in its pipe while it reads one
    (batch.DEPTH): when the one it reads kills it (a crash, the time limit,
    the memory limit), the waiting one is read by a worker that lives, and
    every result keeps its place."""
    assert batch.DEPTH > 1
    bad = {3: ("segfault", 0), 6: ("spin", 0), 11: ("alloc", 16), 15: ("exit", 0)}
    items = [bad.get(i, ("value", i)) for i in range(40)]
    outs = run(items, jobs=2, timeout=1.0, memory_mb=300)
    assert [o.index for o in outs] == list(range(40))
    for i, o in enumerate(outs):
        if i in bad:
            assert o.error is not None and o.value is None
        else:
            assert o.ok and o.value == 2 * i, (i, o)
    assert [outs[i].error.kind for i in sorted(bad)] == ["crash", "timeout", "memory", "crash"]


def test_effective_jobs():
    assert batch.effective_jobs(0) == batch.cpu_count()
    assert batch.effective_jobs(4, 1) == 1
    assert batch.effective_jobs(2, 10) == 2


def test_progress_bar_only_on_a_terminal(tmp_path):
    with open(tmp_path / "log", "w") as fh:
        assert batch.Progress.wanted(False, fh) is False
    fd_master, fd_slave = os.openpty()
    with os.fdopen(fd_slave, "w") as tty:
        assert batch.Progress.wanted(False, tty) is True
        assert batch.Progress.wanted(True, tty) is False
        bar = batch.Progress(3, stream=tty)
        for name in ("a.docx", "b.docx", "c.docx"):
            bar.start(name)
            bar.advance()
        bar.close()
    chunks = []
    while True:  # read everything written before the terminal closed
        try:
            block = os.read(fd_master, 4096)
        except OSError:  # EIO once the other end is closed and drained
            break
        if not block:
            break
        chunks.append(block)
    os.close(fd_master)
    out = b"".join(chunks).decode()
    assert "3/3" in out


def test_check_reports_the_same_at_any_jobs_and_streams_cross_rules(tmp_path):
    """The samples (a "buku SOP" with a shared Nomor SOP: RD05 across SOPs)
    plus an unreadable file, checked in-process and with two workers."""
    import json
    import shutil
    import subprocess
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    src = tmp_path / "in"
    src.mkdir()
    chosen = sorted(samples.glob("*.docx"))[:6] + sorted(samples.glob("buku-*.docx"))
    for f in chosen:
        shutil.copy(f, src / f.name)
    (src / "rusak.docx").write_bytes(b"PK\x03\x04 truncated")
    reports = []
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "soplint", "check", str(src), "--format", "json",
                               "--jobs", jobs, "--no-progress"], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1, proc.stderr
        reports.append(json.loads(proc.stdout))
    assert reports[0] == reports[1]
    by_file = {Path(f["berkas"]).name: f for f in reports[0]["berkas"]}
    assert [t["code"] for t in by_file["rusak.docx"]["temuan"]] == ["DK01"]
    assert any(t["code"] == "RD05" for f in reports[0]["berkas"] for t in f["temuan"])


def test_a_timed_out_worker_leaves_no_child_running(tmp_path):
    pidfile = tmp_path / "child.pid"
    outs = run([("child", str(pidfile)), ("value", 1)], jobs=2, timeout=3, memory_mb=0)
    assert outs[0].error.kind == "timeout" and outs[1].value == 2
    pid = int(pidfile.read_text())
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        raise AssertionError("the helper program outlived its worker")
