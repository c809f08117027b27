"""The PDF reader's identity fields against the openSOP authors' own
extraction of the same 348 BPS Bengkulu SOPs (shared corpus,
real-texts/bps-bengkulu_identity-fields-348-sop.json; their extractor, not
hand-checked), on the shared PDFs.

    python bench/pdf_identity.py [--show]

Fields compared after whitespace and case are normalised: nomor (sopNumber),
nama (title, which they often shorten), tanggal efektif (effectiveDate), the
signer's name (pengesahan), and the list fields (legalBasis,
executorQualification, equipment, warnings, recordKeeping) as their text with
numbering and line breaks removed. ``--show`` prints every disagreement.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def norm(text) -> str:
    t = (text or "").lower()
    t = re.sub(r"(^|\n)\s*(\d{1,2}\s*[.,)]|[-•])\s*", " ", t)
    t = re.sub(r"(^|\s)\d{1,2}\s*[.)]\s+(?=[a-z])", " ", t)  # numbering written inline
    t = re.sub(r"[^\w/]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def ours_list(items) -> str:
    return norm(" ".join(items or []))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    from soplint.readers.pdf import read

    data = json.loads((CORPUS / "real-texts" / "bps-bengkulu_identity-fields-348-sop.json").read_text("utf-8"))
    by_no = {}
    for rec in data["data"]:
        m = re.match(r"(\d{3})\.", rec.get("originalFileName") or "")
        if m:
            by_no.setdefault(m.group(1), rec)
    files = sorted((CORPUS / "real-pdf").glob("*.pdf")) + sorted((CORPUS / "bps-pdf").glob("*.pdf"))
    agree = total = 0
    per_field: dict = {}
    for f in files:
        no = f.name.split("_")[1][:3]
        rec = by_no.get(no)
        if rec is None:
            continue
        sop = read(f)[0]
        ident = sop.identitas
        peng = ident.disahkan_oleh
        pairs = {
            "nomor": (norm(ident.nomor_sop), norm(rec.get("sopNumber"))),
            "nama": (norm(ident.nama_sop), norm(rec.get("title"))),
            "tanggal_efektif": ((ident.tanggal_efektif.tanggal if ident.tanggal_efektif else None) or "",
                                (rec.get("effectiveDate") or "")[:10]),
            "disahkan_nama": (norm(peng.nama if peng else ""), norm(rec.get("pengesahan"))),
            "dasar_hukum": (ours_list(sop.dasar_hukum), norm(rec.get("legalBasis"))),
            "kualifikasi_pelaksana": (ours_list(sop.kualifikasi_pelaksana), norm(rec.get("executorQualification"))),
            "peralatan_perlengkapan": (ours_list(sop.peralatan_perlengkapan), norm(rec.get("equipment"))),
            "peringatan": (ours_list(sop.peringatan), norm(rec.get("warnings"))),
            "pencatatan_pendataan": (ours_list(sop.pencatatan_pendataan), norm(rec.get("recordKeeping"))),
        }
        for field, (a, b) in pairs.items():
            if field == "nama":
                ok = bool(a) and bool(b) and (b in a or a in b)  # their titles drop "SOP"/"Standar ... Prosedur"
            elif field == "disahkan_nama":
                ok = bool(a) and a in b
            elif field == "pencatatan_pendataan" and b in ("", "-") and a in ("",):
                ok = True
            else:
                ok = a == b
            total += 1
            agree += ok
            s = per_field.setdefault(field, [0, 0])
            s[0] += ok
            s[1] += 1
            if not ok and args.show:
                print(f"{f.name[:40]:40s} {field}:\n    ours:   {a[:160]!r}\n    theirs: {b[:160]!r}")
    print(f"{len(files)} PDFs; fields agreeing with the openSOP extraction: {agree}/{total} = {agree / total:.1%}")
    for field, (a, n) in per_field.items():
        print(f"  {field:24s} {a}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
