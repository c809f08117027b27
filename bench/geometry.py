#!/usr/bin/env python
"""The flowchart writer's geometry over many generated flows (not a test).

    python bench/geometry.py [-n 3000] [--seed 1] [--save DIR]

Draws N flows from the property tests' model strategy (1-40 steps, 1-8
actors, forward and backward branches; ``tests/test_writer_docx.py``), routes
each as the .docx writer does and counts what ``geometry.check`` reports by
kind, plus crossings and hops. ``--save DIR`` pickles every model with a
violation (``DIR/<kind>-<n>.pickle``) to turn into a regression case. The same
seed draws the same models.
"""
from __future__ import annotations

import argparse
import collections
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", type=Path)
    args = ap.parse_args()

    from hypothesis import HealthCheck, given, seed, settings

    from soplint.writers.docx import drawing
    from soplint.writers.docx.geometry import check
    from test_writer_docx import sop_models

    kinds: collections.Counter = collections.Counter()
    flows_with: collections.Counter = collections.Counter()
    totals = collections.Counter()
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)

    @seed(args.seed)
    @settings(max_examples=args.n, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(sop=sop_models())
    def run(sop):
        d = drawing(sop)
        vs = check(d)
        totals["flows"] += 1
        totals["steps"] += len(sop.kegiatan)
        totals["crossings"] += len(d.crossings())
        totals["hops"] += sum(len(r.hops) for r in d.routes)
        totals["labels"] += len(d.labels)
        seen = set()
        for v in vs:
            kinds[v.kind] += 1
            seen.add(v.kind)
        for k in seen:
            flows_with[k] += 1
            if args.save:
                with open(args.save / f"{k}-{totals['flows']}.pickle", "wb") as f:
                    pickle.dump(sop, f)

    t0 = time.perf_counter()
    run()
    dt = time.perf_counter() - t0
    print(f"flows {totals['flows']}  steps {totals['steps']}  labels {totals['labels']}  "
          f"({dt:.0f} s, {1000 * dt / max(totals['flows'], 1):.0f} ms per flow)")
    print(f"crossings {totals['crossings']}  hops {totals['hops']}")
    for k in ("melewati-label", "melewati-simbol", "tumpang-tindih", "dekat-garis", "label-lintas-kolom",
              "silang-tanpa-lompatan"):
        print(f"{k:24} {kinds[k]:6} violations in {flows_with[k]:5} flows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
