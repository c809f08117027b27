#!/usr/bin/env python
"""Throughput benchmark (issue #5): soplint against the floor, python-docx
and pandoc, on the same generated files, from one script.

    python bench/throughput.py [-n 500] [--big 5000] [--data DIR] [--skip pandoc,convert,...]
                               [--check-args "--ignore RD04"]

Per file (total wall time / number of files):

* ``floor``: unzip + lxml parse of every XML part the reader uses (recorded
  from the reader, per layout), in this process;
* ``python-docx``: ``docx.Document(path)``, in this process;
* ``pandoc``: ``pandoc -f docx -t json``, one process per file, as a user
  would script it;
* ``check -j1`` / ``check -j2``: ``soplint check DIR --format json`` (start-up
  included, amortised over the batch), timed without memory sampling (the
  sampler's CPU would slow ``-j2`` on two cores);
* ``convert json`` / ``convert docx``: ``soplint convert DIR --to ...``;

peak memory (sum of the PSS of the soplint process and its workers, sampled
every 20 ms) of ``check -j2`` on N files and on ``--big`` files; and the
start-up of ``soplint check`` on one file against ``python -c "import docx"``
with the slowest imports of the check path (``python -X importtime``).

Targets: check >= 5x faster per file than pandoc, <= 3x the floor, >= 1.8x
faster at -j2 than -j1, memory for --big within 20 % of N, one-file check
<= 1.5x ``import docx``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

SOPLINT = [sys.executable, "-m", "soplint"]

#: subprocesses keep their compiled bytecode (as an installed package does) in a private cache,
#: even where PYTHONDONTWRITEBYTECODE is set; the same for soplint and for python-docx
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "soplint-bench-pycache")
#: soplint's compile cache (soplint/compilecache.py) in a folder of the benchmark's own, not the user's
ENV["SOPLINT_CACHE_DIR"] = os.path.join(tempfile.gettempdir(), "soplint-bench-cache")


# --------------------------------------------------------------------------- helpers

def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared by forked workers and their parent
    counted once in total (RSS would count them in every process)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError):
        return 0


def tree_rss_kb(root_pid: int) -> int:
    """Memory of ``root_pid`` and all its descendants: the sum of their PSS
    (Linux /proc)."""
    children = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as fh:
                stat = fh.read()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        stack.extend(children.get(pid, []))
    return total


def children_cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


CPU: dict = {}  # measurement name -> CPU seconds (this process or its children)


def run_measured(args, sample=True, **kw):
    """Run a command; (seconds, peak tree memory in KB or 0, returncode, out, err).

    Sampling the memory of the process tree (every 20 ms, through /proc)
    costs CPU: with both cores busy (``--jobs 2``) it slows the command
    measured, so timings are taken from runs with ``sample=False`` and
    memory from separate runs."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, **kw)
    peak = [0]
    done = threading.Event()

    def sampler():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            done.wait(0.02)

    th = threading.Thread(target=sampler, daemon=True)
    if sample:
        th.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t
    done.set()
    if sample:
        th.join()
    return seconds, peak[0], proc.returncode, out, err


def parts_by_layout(files) -> dict:
    """Layout name (the file name after the number) -> XML parts the reader
    reads, recorded from one file of each layout."""
    from reader import parts_read_by_reader

    out = {}
    for f in files:
        key = f.stem.split("-", 1)[1] if "-" in f.stem else f.stem
        if key not in out:
            out[key] = parts_read_by_reader(f)
    return out


def floor(files, parts: dict) -> float:
    from lxml import etree

    c = time.process_time()
    t = time.perf_counter()
    for f in files:
        key = f.stem.split("-", 1)[1] if "-" in f.stem else f.stem
        with zipfile.ZipFile(f) as zf:
            for name in parts[key]:
                etree.fromstring(zf.read(name))
    CPU["floor"] = time.process_time() - c
    return time.perf_counter() - t


def python_docx(files) -> float:
    import docx

    c = time.process_time()
    t = time.perf_counter()
    for f in files:
        docx.Document(str(f))
    CPU["python-docx"] = time.process_time() - c
    return time.perf_counter() - t


def pandoc(files):
    exe = shutil.which("pandoc")
    if not exe:
        return None
    c = children_cpu()
    t = time.perf_counter()
    for f in files:
        subprocess.run([exe, "-f", "docx", "-t", "json", str(f), "-o", os.devnull], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    CPU["pandoc"] = children_cpu() - c
    return time.perf_counter() - t


CHECK_ARGS: list = []


def soplint_check(folder, jobs, tmp, sample=True):
    out = Path(tmp) / f"check-j{jobs}.json"
    c = children_cpu()
    seconds, peak, code, _, err = run_measured(SOPLINT + ["check", str(folder), "--format", "json", "-o", str(out),
                                                          "--jobs", str(jobs), "--no-progress"] + CHECK_ARGS,
                                               sample=sample)
    CPU[f"check -j{jobs}"] = children_cpu() - c
    if code not in (0, 1):
        print(err.decode()[-2000:], file=sys.stderr)
    return seconds, peak


def side_by_side(files, tmp) -> float:
    """Wall seconds of two ``check -j1`` processes, each over half the files,
    started together: what two independent processes get out of this
    machine's two cores right now (a shared VM may give them far less than
    twice one process's speed). ``-j2`` cannot beat it."""
    half = len(files) // 2
    t = time.perf_counter()
    procs = [subprocess.Popen(SOPLINT + ["check", *map(str, part), "--format", "json", "-o",
                                         str(Path(tmp) / f"half-{i}.json"), "--no-progress"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
             for i, part in enumerate((files[:half], files[half:]))]
    for p in procs:
        p.wait()
    return time.perf_counter() - t


def soplint_convert(folder, to, tmp):
    out = Path(tmp) / f"convert-{to}"
    shutil.rmtree(out, ignore_errors=True)
    c = children_cpu()
    seconds, peak, code, _, err = run_measured(SOPLINT + ["convert", str(folder), "--to", to, "-o", str(out),
                                                          "--no-progress"])
    CPU[f"convert {to}"] = children_cpu() - c
    if code not in (0, 1):
        print(err.decode()[-2000:], file=sys.stderr)
    return seconds, peak


def alternate_runs(commands: dict, repeat=11, envs: dict | None = None) -> dict:
    """name -> (median wall seconds, median CPU seconds) of ``repeat`` runs of
    each command, the commands taking turns (so that a busy spell of this
    shared machine falls on all of them alike). ``envs``: extra environment
    variables by name. A run that fails (exit status other than 0 or 1)
    stops the benchmark: its time would measure the error."""
    envs = {name: {**ENV, **(envs or {}).get(name, {})} for name in commands}
    for name, args in commands.items():  # warm-up: bytecode and compile caches
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=envs[name])
    times = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    for _ in range(repeat):
        for name, args in commands.items():
            c = children_cpu()
            t = time.perf_counter()
            proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=envs[name])
            times[name].append(time.perf_counter() - t)
            cpus[name].append(children_cpu() - c)
            if proc.returncode not in (0, 1):
                sys.exit(f"{' '.join(map(str, args))} failed ({proc.returncode}):\n"
                         f"{proc.stderr.decode(errors='replace')[-2000:]}")
    return {name: (statistics.median(times[name]), statistics.median(cpus[name])) for name in commands}


#: what a one-file check needs before any of soplint's own work: its
#: libraries imported, the stemmer built over its dictionary and used once
DEPENDENCIES = ("import click, lxml.etree, zipfile, json, rapidfuzz, pluggy; "
                "from soplint_rules._teks import stem; "
                "[stem(w) for w in 'menerima memeriksa mengagendakan meneruskan menandatangani pengarsipan "
                "diteruskan pemeriksaan dikembalikan menyetujui'.split()]")


def instructions(args) -> int | None:
    """Instructions the command executes (valgrind's callgrind, with a fixed
    hash seed), or None without valgrind: unlike times, the count does not
    move with the machine's load, so one change can be weighed on a busy
    machine (instruction counts do not convert to time one for one: C code
    such as lxml's does more per instruction than the interpreter loop)."""
    exe = shutil.which("valgrind")
    if not exe:
        return None
    proc = subprocess.run([exe, "--tool=callgrind", "--callgrind-out-file=" + os.devnull, *map(str, args)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env={**ENV, "PYTHONHASHSEED": "0"})
    for line in proc.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    return None


def import_report(one_file, top=15):
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "soplint", "check", str(one_file),
                           "--format", "json", "-o", os.devnull], capture_output=True, text=True, env=ENV)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:"):].split("|")
        try:
            self_us, cum_us = int(parts[0]), int(parts[1])
        except ValueError:
            continue  # the header line
        rows.append((cum_us, self_us, parts[2][1:]))
    top_level = [(c, s, n) for c, s, n in rows if not n.startswith("  ")]
    top_level.sort(reverse=True)
    total = sum(c for c, _, _ in top_level)
    return total, top_level[:top]


# --------------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--big", type=int, default=5000)
    ap.add_argument("--data", default=os.path.join(tempfile.gettempdir(), "soplint-bench"))
    ap.add_argument("--startup-runs", type=int, default=11,
                    help="runs of each start-up command (they take turns; medians are compared)")
    ap.add_argument("--instructions", action="store_true",
                    help="also count the instructions of the two start-up commands (valgrind), which a busy "
                         "machine does not change")
    ap.add_argument("--skip", default="", help="comma list of: floor,docx,pandoc,check,convert,memory,startup")
    ap.add_argument("--repeat", type=int, default=3, help="runs of check -j1 / -j2 (medians are reported)")
    ap.add_argument("--check-args", default="", help='extra arguments for soplint check, e.g. "--ignore RD04"')
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    CHECK_ARGS[:] = args.check_args.split()
    from generate import generate

    data = Path(args.data)
    files = generate(args.n, data / str(args.n))
    folder = data / str(args.n)
    n = len(files)
    print(f"{n} files in {folder} ({sum(f.stat().st_size for f in files) / 1e6:.1f} MB), "
          f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}"
          + (f"; check {' '.join(CHECK_ARGS)}" if CHECK_ARGS else ""))
    res = {}
    with tempfile.TemporaryDirectory(prefix="soplint-bench-") as tmp:
        if "floor" not in skip:
            parts = parts_by_layout(files)
            floor(files[:20], parts)  # warm the page cache
            res["floor"] = floor(files, parts)
        if "docx" not in skip:
            res["python-docx"] = python_docx(files)
        if "pandoc" not in skip:
            p = pandoc(files)
            if p is not None:
                res["pandoc"] = p
        peaks = {}
        subprocess.run(SOPLINT + ["check", str(files[0]), "--format", "json", "-o", os.devnull], env=ENV,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # bytecode cache
        if "check" not in skip:
            # timed without memory sampling (see run_measured); -j2's memory is measured below.
            # -j1 and -j2 alternate, --repeat times, and the medians are kept: on a shared
            # machine one run of either can be a third slower than the next
            runs = {1: [], 2: []}
            cpus = {1: [], 2: []}
            ceilings = []
            for _ in range(max(1, args.repeat)):
                for jobs in (1, 2):
                    seconds, _peak = soplint_check(folder, jobs, tmp, sample=False)
                    runs[jobs].append(seconds)
                    cpus[jobs].append(CPU[f"check -j{jobs}"])
                ceilings.append(runs[1][-1] / side_by_side(files, tmp))
            for jobs in (1, 2):
                res[f"check -j{jobs}"] = statistics.median(runs[jobs])
                CPU[f"check -j{jobs}"] = statistics.median(cpus[jobs])
                peaks[f"check -j{jobs}"] = 0
            if args.repeat > 1:
                print("check -j1 runs: " + ", ".join(f"{x:.2f}" for x in runs[1]) + " s; -j2 runs: "
                      + ", ".join(f"{x:.2f}" for x in runs[2]) + " s; ratios: "
                      + ", ".join(f"{a / b:.2f}" for a, b in zip(runs[1], runs[2])))
            print("this machine's ceiling for two processes (-j1 over all files / two -j1 over halves side by "
                  "side): " + ", ".join(f"{x:.2f}" for x in ceilings)
                  + f"; median {statistics.median(ceilings):.2f}x")
        if "convert" not in skip:
            res["convert json"], peaks["convert json"] = soplint_convert(folder, "json", tmp)
            res["convert docx"], peaks["convert docx"] = soplint_convert(folder, "docx", tmp)

        print(f"\n{'':16s} {'wall s':>9s} {'ms/file':>9s} {'cpu s':>9s} {'cpu ms/f':>9s} {'peak MB':>8s}")
        for name, seconds in res.items():
            peak = peaks.get(name)
            cpu = CPU.get(name, float("nan"))
            print(f"{name:16s} {seconds:9.2f} {1000 * seconds / n:9.2f} {cpu:9.2f} {1000 * cpu / n:9.2f} "
                  f"{peak / 1024 if peak else float('nan'):8.1f}")
        print("(cpu: user+system time of this process or of the commands and their workers; on a busy machine "
              "the ratios are taken on it, wall time only for -j2 vs -j1)")

        verdicts = []

        def target(label, ok, detail):
            verdicts.append(f"  [{'ok' if ok else 'MISSED'}] {label}: {detail}")

        if "check -j1" in res:
            c = CPU["check -j1"]
            if "pandoc" in res:
                target("check >= 5x faster than pandoc", CPU["pandoc"] / c >= 5,
                       f"pandoc/check = {CPU['pandoc'] / c:.1f}x (cpu; wall {res['pandoc'] / res['check -j1']:.1f}x)")
            if "floor" in res:
                target("check <= 3x the floor", c / CPU["floor"] <= 3,
                       f"check/floor = {c / CPU['floor']:.1f}x (cpu; wall {res['check -j1'] / res['floor']:.1f}x)")
            if "python-docx" in res:
                verdicts.append(f"  [info] check/python-docx load = {c / CPU['python-docx']:.2f}x (cpu)")
            c = res["check -j1"]
            target("-j2 >= 1.8x faster than -j1", c / res["check -j2"] >= 1.8,
                   f"j1/j2 = {c / res['check -j2']:.2f}x")

        if "memory" not in skip and args.big:
            big = generate(args.big, data / str(args.big))
            _, peak_small = soplint_check(folder, 2, tmp)
            t_big, peak_big = soplint_check(data / str(args.big), 2, tmp)
            growth = peak_big / peak_small - 1
            print(f"\npeak memory of check -j2: {n} files {peak_small / 1024:.1f} MB, {len(big)} files "
                  f"{peak_big / 1024:.1f} MB ({100 * growth:+.0f} %); {len(big)} files in {t_big:.1f} s "
                  f"({1000 * t_big / len(big):.1f} ms/file)")
            target(f"memory for {len(big)} files within 20 % of {n}", growth <= 0.20, f"{100 * growth:+.0f} %")

        if "startup" not in skip:
            one = files[0]
            check_one = SOPLINT + ["check", str(one), "--format", "json", "-o", os.devnull]
            shutil.rmtree(ENV["SOPLINT_CACHE_DIR"], ignore_errors=True)
            cold = []  # the compile cache empty, as in a user's first run
            for _ in range(5):
                shutil.rmtree(ENV["SOPLINT_CACHE_DIR"], ignore_errors=True)
                c = children_cpu()
                subprocess.run(check_one, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
                cold.append(children_cpu() - c)
            runs = alternate_runs({"docx": [sys.executable, "-c", "import docx"],
                                   "check": check_one,
                                   "check, no compile cache": check_one,
                                   "deps": [sys.executable, "-c", DEPENDENCIES]},
                                  repeat=args.startup_runs,
                                  envs={"check, no compile cache": {"SOPLINT_NO_CACHE": "1"}})
            (t_docx, c_docx), (t_check, c_check) = runs["docx"], runs["check"]
            c_off = runs["check, no compile cache"][1]
            print(f"one-file check without the compile cache (SOPLINT_NO_CACHE=1): cpu {1000 * c_off:.0f} ms "
                  f"({c_off / c_docx:.2f}x import docx); first run, cache empty: cpu "
                  f"{1000 * statistics.median(cold):.0f} ms ({statistics.median(cold) / c_docx:.2f}x)")
            print(f"soplint's dependencies alone (click, lxml, zipfile, json, rapidfuzz, pluggy, the Sastrawi "
                  f"stemmer with its dictionary and a few stems): cpu {1000 * runs['deps'][1]:.0f} ms "
                  f"({runs['deps'][1] / c_docx:.2f}x import docx)")
            print(f"\none file: soplint check {1000 * t_check:.0f} ms (cpu {1000 * c_check:.0f}), "
                  f"python -c 'import docx' {1000 * t_docx:.0f} ms (cpu {1000 * c_docx:.0f}) "
                  f"(medians of {args.startup_runs}, taking turns)")
            target("one-file check <= 1.5x import docx", c_check / c_docx <= 1.5,
                   f"{c_check / c_docx:.2f}x (cpu; wall {t_check / t_docx:.2f}x)")
            if args.instructions:
                i_docx = instructions([sys.executable, "-c", "import docx"])
                i_check = instructions(SOPLINT + ["check", str(one), "--format", "json", "-o", os.devnull])
                if i_docx and i_check:
                    print(f"instructions (callgrind): check {i_check / 1e6:.0f} M, import docx {i_docx / 1e6:.0f} M "
                          f"({i_check / i_docx:.2f}x)")
                else:
                    print("instructions: valgrind not found")
            total, top = import_report(one)
            print(f"imports of `soplint check` ({total / 1000:.0f} ms cumulative, top-level modules):")
            for cum, self_us, name in top:
                print(f"  {cum / 1000:8.1f} ms  {name.strip()}")

        print("\ntargets:")
        print("\n".join(verdicts))


if __name__ == "__main__":
    main()
