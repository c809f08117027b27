"""The PDF reader's time per page against ``pdftotext -layout`` on the same
PDFs, in one run (issue #13: at most 5x).

    python bench/pdf_read.py [DIR ...] [--repeat 3]

DIR defaults to the shared corpus (../shared/corpus/real-pdf and bps-pdf).
Both sides run in this process's machine in alternation, ``--repeat`` rounds,
and the medians are compared:

- ``pdftotext -layout`` one process per file (what a shell script would do),
  and also one ``pdftotext`` over each file from a warm page cache;
- soplint's PDF reader (:func:`soplint.readers.pdf.read`: text layer, vector
  paths, table, flowchart, model) in-process, the module already imported;
- for the record, PDFium's raw page walk alone (:func:`read_pages`) and
  pdfplumber's extraction of words, rects, curves and lines where it is
  installed.

The figures are wall-clock; on a shared virtual machine successive runs differ,
compare the ratios printed by one run.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _files(dirs):
    out = []
    for d in dirs:
        out.extend(sorted(Path(d).glob("*.pdf")))
    return out


def _pages(files):
    import pypdfium2 as pdfium

    n = 0
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        n += len(doc)
        doc.close()
    return n


def time_pdftotext(files):
    t = time.perf_counter()
    for f in files:
        subprocess.run(["pdftotext", "-layout", str(f), "-"], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def time_reader(files):
    from soplint.readers.pdf import read

    t = time.perf_counter()
    for f in files:
        read(f)
    return time.perf_counter() - t


def time_walk(files):
    from soplint.readers.pdf import read_pages

    t = time.perf_counter()
    for f in files:
        read_pages(f)
    return time.perf_counter() - t


def time_pdfplumber(files):
    import pdfplumber

    t = time.perf_counter()
    for f in files:
        with pdfplumber.open(str(f)) as pdf:
            for page in pdf.pages:
                page.extract_words()
                len(page.rects), len(page.curves), len(page.lines)
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    dirs = args.dirs or [ROOT.parent / "shared" / "corpus" / "real-pdf", ROOT.parent / "shared" / "corpus" / "bps-pdf"]
    files = _files(dirs)
    if not files:
        print("no PDF files in", ", ".join(map(str, dirs)))
        return 2
    if not shutil.which("pdftotext"):
        print("pdftotext (poppler-utils) is not installed")
        return 2
    pages = _pages(files)
    import soplint.readers.pdf.build  # noqa: F401  (imports out of the timing)

    time_reader(files[:1])
    runs = {"pdftotext -layout": [], "soplint PDF reader": [], "PDFium page walk only": []}
    try:
        import pdfplumber  # noqa: F401

        runs["pdfplumber (words, rects, curves, lines)"] = []
    except ImportError:
        pass
    for _ in range(args.repeat):
        runs["pdftotext -layout"].append(time_pdftotext(files))
        runs["soplint PDF reader"].append(time_reader(files))
        runs["PDFium page walk only"].append(time_walk(files))
        if "pdfplumber (words, rects, curves, lines)" in runs:
            runs["pdfplumber (words, rects, curves, lines)"].append(time_pdfplumber(files))
    base = statistics.median(runs["pdftotext -layout"]) / pages
    print(f"{len(files)} PDFs, {pages} pages, {args.repeat} rounds (medians)")
    for name, ts in runs.items():
        per = statistics.median(ts) / pages
        print(f"  {name:42s} {per * 1000:7.2f} ms/page   {per / base:5.2f}x pdftotext -layout")
    ratio = statistics.median(runs["soplint PDF reader"]) / statistics.median(runs["pdftotext -layout"])
    print(f"target: soplint PDF reader at most 5x pdftotext -layout per page: {'met' if ratio <= 5 else 'NOT met'}"
          f" ({ratio:.2f}x)")
    return 0 if ratio <= 5 else 1


if __name__ == "__main__":
    sys.exit(main())
