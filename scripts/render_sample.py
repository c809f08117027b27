"""Render a legacy SOP and its soplint conversion to PNG, side by side, for
the README.

    python scripts/render_sample.py samples/surat-masuk-bappeda.docx -o docs --name contoh
    python scripts/render_sample.py published.pdf -o docs --name contoh-pdf --original-page 2

Runs ``soplint convert`` on the input (the real CLI), converts both the input
and the output to PDF with LibreOffice (one soffice call, its own profile),
and writes with pdftoppm:

- ``<name>-asli.png``: the first page of the legacy original (of a PDF
  original, the page ``--original-page``);
- ``<name>-konversi-1.png``: the first page of the conversion (identity);
- ``<name>-konversi-2.png``: the first procedure page (the flowchart).

Needs LibreOffice (``soffice``) and poppler-utils (``pdftoppm``).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def png(pdf: Path, page: int, target: Path, dpi: int) -> Path:
    stem = target.with_suffix("")
    run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(stem)])
    return stem.with_suffix(".png")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="legacy SOP (.docx/.doc/.pdf/.json)")
    ap.add_argument("--original-page", type=int, default=1, help="page of a PDF original to show")
    ap.add_argument("-o", "--out", type=Path, default=Path("docs"))
    ap.add_argument("--name", default="contoh")
    ap.add_argument("--dpi", type=int, default=70)
    args = ap.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("LibreOffice (soffice) and pdftoppm are needed / diperlukan", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="soplint-render-") as tmp:
        tmp = Path(tmp)
        conv = tmp / "konversi"
        run([sys.executable, "-m", "soplint", "convert", str(args.source), "-o", str(conv)])
        outputs = sorted(conv.glob("*.docx"))
        if not outputs:
            print("soplint convert wrote nothing", file=sys.stderr)
            return 1
        converted = outputs[0]
        pdfs = tmp / "pdf"
        original = tmp / ("asli-" + args.source.name)
        shutil.copy(args.source, original)  # never touch the input itself
        inputs = [converted] + ([original] if original.suffix.lower() in (".docx", ".doc") else [])
        run([soffice, f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", str(pdfs)] + [str(p) for p in inputs], timeout=600)
        made = []
        cpdf = pdfs / (converted.stem + ".pdf")
        made.append(png(cpdf, 1, args.out / f"{args.name}-konversi-1.png", args.dpi))
        from soplint.readers import read_path
        from soplint.writers.docx import plan

        lay = plan(read_path(args.source)[0])
        made.append(png(cpdf, lay.proc_start, args.out / f"{args.name}-konversi-2.png", args.dpi))
        if len(inputs) > 1:
            made.append(png(pdfs / (original.stem + ".pdf"), 1, args.out / f"{args.name}-asli.png", args.dpi))
        elif original.suffix.lower() == ".pdf":
            made.append(png(original, args.original_page, args.out / f"{args.name}-asli.png", args.dpi))
    for m in made:
        print(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
