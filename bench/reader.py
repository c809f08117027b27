#!/usr/bin/env python
"""The .docx reader's time per file against the floor, on the samples.

    python bench/reader.py [FOLDER ...] [--repeat 7] [--cpu]

For each file: the *floor* (open the zip, inflate ``word/document.xml`` and
parse it with lxml: what any reader must at least do), the floor over every
XML part the reader actually parses (recorded while it reads), and
``soplint.readers.read_path``; the median of ``--repeat`` runs, in ms, and the
ratios. Default folder: ``samples/``.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent


def floor_document(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        etree.fromstring(zf.read("word/document.xml"))


def floor_parts(path: Path, parts) -> None:
    with zipfile.ZipFile(path) as zf:
        for name in parts:
            etree.fromstring(zf.read(name))


def parts_read_by_reader(path: Path) -> list:
    """The XML parts soplint's reader uses for this file (recorded by
    wrapping DocxPackage.read and read_shared, through which every part is
    read, for one read)."""
    from soplint import safezip
    from soplint.readers import read_path

    seen = []
    original = safezip.DocxPackage.read
    original_shared = safezip.DocxPackage.read_shared

    def recording(self, name):
        seen.append(name)
        return original(self, name)

    def recording_shared(self, name):
        # a part the reader takes from its cache of identical members (a
        # template's styles.xml) is still a part it uses
        seen.append(name)
        return original_shared(self, name)

    safezip.DocxPackage.read = recording
    safezip.DocxPackage.read_shared = recording_shared
    try:
        read_path(path)
    finally:
        safezip.DocxPackage.read = original
        safezip.DocxPackage.read_shared = original_shared
    return [n for n in dict.fromkeys(seen) if n.endswith((".xml", ".rels"))]


CLOCK = time.perf_counter


def median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = CLOCK()
        func()
        times.append(CLOCK() - t)
    return 1000 * statistics.median(times)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=[str(ROOT / "samples")])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--cpu", action="store_true", help="CPU time of this process instead of wall time "
                                                        "(steadier on a busy machine)")
    args = ap.parse_args(argv)
    global CLOCK
    if args.cpu:
        CLOCK = time.process_time
    from soplint.readers import read_path

    files = sorted(p for f in args.folders for p in Path(f).glob("*.docx"))
    if not files:
        sys.exit("no .docx files")
    read_path(files[0])  # imports and caches out of the measurement
    rows = []
    print(f"{'file':44s} {'floor':>7s} {'parts':>7s} {'reader':>7s} {'x floor':>8s} {'x parts':>8s}  "
          f"({'CPU' if args.cpu else 'wall'} ms, median of {args.repeat})")
    for f in files:
        parts = parts_read_by_reader(f)
        a = median_ms(lambda: floor_document(f), args.repeat)
        b = median_ms(lambda: floor_parts(f, parts), args.repeat)
        c = median_ms(lambda: read_path(f), args.repeat)
        rows.append((a, b, c))
        print(f"{f.name[:44]:44s} {a:7.2f} {b:7.2f} {c:7.2f} {c / a:8.1f} {c / b:8.1f}")
    a, b, c = (sum(r[i] for r in rows) / len(rows) for i in range(3))
    print(f"{'mean per file':44s} {a:7.2f} {b:7.2f} {c:7.2f} {c / a:8.1f} {c / b:8.1f}")
    print(f"\nreader: {c:.1f} ms per file = {c / a:.1f}x the floor (unzip + lxml parse of word/document.xml), "
          f"{c / b:.1f}x unzip + parse of every XML part it reads; {len(files)} files")


if __name__ == "__main__":
    main()
