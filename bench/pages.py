"""Rendered page counts of the converter's .docx outputs (LibreOffice), and
the share of SOPs of at most 11 steps that render in at most 2 pages
(issue #14's target: at least 90 %).

    python bench/pages.py [--against REV] [--keep DIR] [PATH...]

Inputs: ``samples/*.docx`` and every document in ``tests/unseen/files/`` by
default, or the documents given (Word, RTF or PDF; e.g. the shared corpus:
``../shared/corpus/real/* ../shared/corpus/bps-pdf/*.pdf``). Each input is converted with ``python -m soplint convert`` (to .docx
for the pages, to .json for the step counts); all outputs go through ONE
``soffice --convert-to pdf`` run and ``pdfinfo`` gives the pages.
``--against REV`` converts the same inputs with the ``soplint`` package of
git revision REV too (``git archive`` into a temporary folder, run with
PYTHONPATH) and prints both counts side by side.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".docx", ".docm", ".dotx", ".doc", ".rtf"}
SHORT = 11  # "up to 11 steps"


def inputs(paths: list[str]) -> list[Path]:
    if paths:
        return [Path(p).resolve() for p in paths if Path(p).suffix.lower() in SUFFIXES | {".pdf"}]
    files = sorted((ROOT / "samples").glob("*.docx"))
    files += sorted(p for p in (ROOT / "tests" / "unseen" / "files").iterdir() if p.suffix.lower() in SUFFIXES)
    return files


def convert(src_root: Path, files: list[Path], out: Path, to: str) -> None:
    """``soplint convert`` of every file, one process per input (a file the
    reader refuses must not stop the others)."""
    env = dict(os.environ, PYTHONPATH=str(src_root))
    for f in files:
        dest = out / f.name
        dest.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "soplint", "convert", str(f), "-o", str(dest), "--to", to,
                        "--no-progress", "--force"], env=env, cwd=str(src_root), capture_output=True, text=True)


def to_pdf(docs: list[Path], outdir: Path) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("LibreOffice (soffice) is needed")
    profile = Path(tempfile.mkdtemp(prefix="pages-lo-"))
    try:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}/{uuid.uuid4().hex}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(outdir)] + [str(d) for d in docs],
                       capture_output=True, timeout=1800)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def pdf_pages(pdf: Path):
    if not pdf.is_file():
        return None
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m[1]) if m else None


def run(src_root: Path, files: list[Path], work: Path) -> dict[str, tuple[int, int | None]]:
    """Output name -> (steps, pages)."""
    docx_dir, json_dir, pdf_dir = work / "docx", work / "json", work / "pdf"
    convert(src_root, files, docx_dir, "docx")
    convert(src_root, files, json_dir, "json")
    # output names: unique over all inputs (several inputs share a stem: .docx, .docm, .rtf)
    docs = {}
    for d in sorted(p for p in docx_dir.rglob("*.docx") if p.is_file()):
        name = f"{d.parent.name}/{d.stem}"
        flat = pdf_dir / "in" / (d.parent.name + "__" + d.name)
        flat.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(d, flat)
        docs[name] = flat
    to_pdf(list(docs.values()), pdf_dir)
    result = {}
    for name, flat in docs.items():
        folder, stem = name.split("/", 1)
        js = json_dir / folder / (stem + ".json")  # same folder (the input's name) and stem
        steps = len(json.loads(js.read_text(encoding="utf-8")).get("kegiatan") or []) if js.is_file() else -1
        result[name] = (steps, pdf_pages(pdf_dir / (flat.stem + ".pdf")))
    return result


def share(res: dict) -> tuple[int, int, list[str]]:
    short = {k: v for k, v in res.items() if 0 < v[0] <= SHORT}
    over = sorted(k.split("/", 1)[1] for k, (_s, p) in short.items() if p is None or p > 2)
    return len(short) - len(over), len(short), over


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--against", metavar="REV", help="also convert with the soplint of this git revision")
    ap.add_argument("--keep", metavar="DIR", help="keep the outputs and PDFs here")
    a = ap.parse_args(argv)
    files = inputs(a.paths)
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="pages-"))
    try:
        runs = {}
        if a.against:
            old = work / "src-against"
            old.mkdir(parents=True, exist_ok=True)
            arc = subprocess.run(["git", "archive", a.against, "soplint"], cwd=ROOT, capture_output=True,
                                 check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=arc, check=True)
            runs[a.against] = run(old, files, work / "against")
        runs["now"] = run(ROOT, files, work / "now")
        names = sorted(set().union(*runs.values()))
        labels = list(runs)
        print(f"{'output':58} {'steps':>5} " + " ".join(f"{lab[:8]:>8}" for lab in labels))
        for n in names:
            folder, stem = n.split("/", 1)
            ext = Path(folder).suffix.lower()
            shown = stem + ("" if ext == ".docx" else f" ({ext})")
            steps = next(r[n][0] for r in runs.values() if n in r)
            cols = [str(r[n][1]) if n in r and r[n][1] is not None else "-" for r in runs.values()]
            flag = "  *" if len(set(cols)) > 1 else ""
            print(f"{shown[:58]:58} {steps:>5} " + " ".join(f"{c:>8}" for c in cols) + flag)
        print(f"outputs: {len(names)}")
        for lab, r in runs.items():
            ok, total, over = share(r)
            pages = sum(p for _s, p in r.values() if p)
            pct = 100.0 * ok / total if total else 0.0
            print(f"{lab}: {ok}/{total} SOPs of <= {SHORT} steps in <= 2 pages ({pct:.0f} %), "
                  f"{pages} pages in all; over: {', '.join(over) or 'none'}")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
