#!/usr/bin/env python
"""Fuzz the reader with N mutations of real .docx files (default 10,000).

    python bench/fuzz.py [-n 10000] [--jobs 0] [--seeds samples/] [--target read|tree]
                         [--timeout 20] [--save DIR]

Each mutation (bit flips, truncation, deleted/swapped/renamed/duplicated
members, lying central-directory sizes, spliced bytes, random XML damage;
see ``tests/hostile_files.py``) is written to a temporary file and read in a
worker of :mod:`soplint.batch` with a time limit. Counted:

* ``ok``: the reader returned models;
* ``refused``: it raised UnreadableFile (DK01), by kind;
* ``crash``: any other exception (a reader bug) or a dead worker;
* ``hang``: the time limit was reached.

Crashes and hangs must be 0. With ``--save DIR`` each crashing/hanging input
is kept for reproduction. ``--target tree`` fuzzes only the low layer
(DocxPackage + the OOXML tree reader). Exit code 1 when anything crashed or
hung.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_files import MUTATIONS, mutate  # noqa: E402


def make_case(seed_bytes: list, index: int, base_seed: int):
    rng = random.Random(base_seed * 1_000_003 + index)
    seed_no = rng.randrange(len(seed_bytes))
    kind = MUTATIONS[index % len(MUTATIONS)]
    return seed_no, kind, mutate(seed_bytes[seed_no], kind, rng)


def read_case(task):
    """Worker: write the case to a temporary file and read it."""
    path, target = task
    if target == "tree":
        from soplint.readers.docx.ooxml import read_tree
        from soplint.safezip import DocxPackage

        with DocxPackage(path) as pkg:
            read_tree(pkg)
        return "ok"
    from soplint.readers import read_path

    sops = read_path(path)
    assert isinstance(sops, list)
    return "ok"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--seeds", default=str(ROOT / "samples"))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--target", choices=["read", "tree"], default="read")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--memory-mb", type=int, default=1024)
    ap.add_argument("--save", default=None)
    args = ap.parse_args(argv)

    from soplint import batch

    seed_files = sorted(Path(args.seeds).glob("*.docx"))
    if not seed_files:
        sys.exit(f"no .docx seeds in {args.seeds}")
    seed_bytes = [f.read_bytes() for f in seed_files]
    save = Path(args.save) if args.save else None
    if save:
        save.mkdir(parents=True, exist_ok=True)

    counts = collections.Counter()
    kinds = collections.Counter()
    problems = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="soplint-fuzz-") as tmp:
        tmp = Path(tmp)
        chunk = 500  # write cases in chunks so the disk holds few at a time
        for first in range(0, args.n, chunk):
            meta = {}
            tasks = []
            for i in range(first, min(args.n, first + chunk)):
                seed_no, kind, data = make_case(seed_bytes, i, args.seed)
                path = tmp / f"case-{i:06d}.docx"
                path.write_bytes(data)
                meta[str(path)] = (i, seed_no, kind)
                tasks.append((str(path), args.target))
            for out in batch.run(read_case, tasks, jobs=args.jobs, timeout=args.timeout, memory_mb=args.memory_mb,
                                 label=lambda t: Path(t[0]).name, max_tasks=500):
                i, seed_no, kind = meta[out.item[0]]
                if out.error is None:
                    counts["ok"] += 1
                elif out.error.kind == "timeout":
                    counts["hang"] += 1
                elif out.error.kind in ("internal", "crash"):
                    counts["crash"] += 1
                else:
                    counts["refused"] += 1
                    kinds[out.error.kind] += 1
                if out.error is not None and out.error.kind in ("timeout", "internal", "crash"):
                    problems.append((i, seed_files[seed_no].name, kind, out.error.en_text))
                    if save:
                        Path(out.item[0]).replace(save / f"case-{i:06d}-{kind}.docx")
                try:
                    os.unlink(out.item[0])
                except FileNotFoundError:
                    pass
            done = min(args.n, first + chunk)
            print(f"\r{done}/{args.n}  crash={counts['crash']} hang={counts['hang']}", end="", file=sys.stderr,
                  flush=True)
    print(file=sys.stderr)
    elapsed = time.perf_counter() - start
    print(f"target: {args.target}; seeds: {len(seed_files)} files from {args.seeds}; base seed {args.seed}")
    print(f"mutations: {args.n} in {elapsed:.1f} s ({1000 * elapsed / max(args.n, 1):.1f} ms each, "
          f"jobs={batch.effective_jobs(args.jobs)})")
    print(f"  read to models: {counts['ok']}")
    print(f"  refused (DK01): {counts['refused']}  " + ", ".join(f"{k}={v}" for k, v in kinds.most_common()))
    print(f"  crashes:        {counts['crash']}")
    print(f"  hangs:          {counts['hang']}")
    by_msg = collections.Counter(p[3].split(": ", 1)[-1][:160] for p in problems)
    for msg, n in by_msg.most_common(20):
        print(f"    {n:5d}  {msg}")
    return 1 if counts["crash"] or counts["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
