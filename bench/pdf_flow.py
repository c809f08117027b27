"""The PDF reader's flowchart against the Word reader's, on LibreOffice
renders of the Word samples: for every step, the symbol, the steps that
follow and a decision's Ya/Tidak targets, read from the .docx and from its
PDF; and on the shared published PDFs, how many decisions have both branches.

    python bench/pdf_flow.py [--show] [--pdf-dir DIR]

Needs LibreOffice (soffice) unless --pdf-dir holds the renders already.
The renders of the legacy samples are themselves imperfect: LibreOffice
places some of their anchored shapes rows away from where Word does (see
the rendered pages), so not every difference is the reader's.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def flow(step) -> tuple:
    cab = step.cabang
    return (step.simbol, sorted(step.lanjut or []), (cab.ya, cab.tidak) if cab else None)


def main() -> int:
    from soplint.readers import read_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every step that differs")
    ap.add_argument("--pdf-dir", help="renders of samples/*.docx already made")
    args = ap.parse_args()
    docs = sorted((ROOT / "samples").glob("*.docx"))
    work = None
    if args.pdf_dir:
        pdf_dir = Path(args.pdf_dir)
    else:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            print("LibreOffice (soffice) not found; pass --pdf-dir")
            return 2
        work = Path(tempfile.mkdtemp(prefix="pdf-flow-"))
        pdf_dir = work / "pdf"
        subprocess.run([soffice, "-env:UserInstallation=" + (work / "profile").as_uri(), "--headless",
                        "--convert-to", "pdf", "--outdir", str(pdf_dir)] + [str(d) for d in docs],
                       capture_output=True, timeout=900)
    steps = same = decisions = dec_same = 0
    for d in docs:
        pdf = pdf_dir / (d.stem + ".pdf")
        if not pdf.is_file():
            continue
        for a, b in zip(read_path(d), read_path(pdf)):
            other = {k.no: k for k in b.kegiatan}
            for k in a.kegiatan:
                o = other.get(k.no)
                ok = o is not None and flow(k) == flow(o)
                steps += 1
                same += ok
                if k.simbol == "keputusan":
                    decisions += 1
                    dec_same += ok
                if not ok and args.show:
                    print(f"{pdf.name} step {k.no}: word {flow(k)} pdf {flow(o) if o else None}")
    print(f"sample renders: steps with the same symbol and flow {same}/{steps}, decisions {dec_same}/{decisions}")
    files = sorted((CORPUS / "real-pdf").glob("*.pdf")) + sorted((CORPUS / "bps-pdf").glob("*.pdf"))
    if files:
        total = both = 0
        for f in files:
            for sop in read_path(f):
                for k in sop.kegiatan:
                    if k.simbol == "keputusan":
                        total += 1
                        both += k.cabang is not None and None not in (k.cabang.ya, k.cabang.tidak)
        print(f"shared PDFs ({len(files)}): decisions with both branches {both}/{total}")
    if work is not None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
