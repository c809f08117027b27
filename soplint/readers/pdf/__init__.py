"""The PDF reader: a published SOP (text layer plus vector drawing) -> SOP model.

Three stages: :mod:`.extract` reads text runs and vector paths through PDFium
(pypdfium2); :mod:`.geometry` turns drawn lines into table rules and cells;
:mod:`.procedure`, :mod:`.flowchart` and :mod:`.build` recognise the layout of
the standard (identity block, detail boxes, procedure table, flowchart).

Choice of library (measured on the shared PDFs, see ``bench/pdf_read.py``):
pdfplumber gives the same facts at about 42 ms a page; PDFium's raw object
walk costs about as much as ``pdftotext -layout`` and is Apache/BSD licensed
(PyMuPDF is AGPL).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from soplint.errors import UnreadableFile
from soplint.inputs import shown
from soplint.model import SOP

#: PDFs with more pages are refused (an SOP has a handful; a 21-page export is the largest seen)
MAX_PAGES = 300


def _open(path: Path, options):
    import pypdfium2 as pdfium

    limits = options.preflight_limits()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile("missing", "{p}: berkas tidak dapat dibaca ({e})", "{p}: file cannot be read ({e})",
                             p=path.name, e=exc) from None
    if size == 0:
        raise UnreadableFile("empty", "{p}: berkas kosong", "{p}: the file is empty", p=path.name)
    if size > limits.max_file_bytes:
        raise UnreadableFile("too-large", "{p}: berkas terlalu besar ({n} MB; batas {m} MB)",
                             "{p}: file too large ({n} MB; limit {m} MB)", p=path.name,
                             n=round(size / (1 << 20), 1), m=round(limits.max_file_bytes / (1 << 20), 1))
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise UnreadableFile("damaged", "{p}: bukan berkas PDF (tanda %PDF tidak ada)",
                             "{p}: not a PDF file (no %PDF signature)", p=path.name)
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise UnreadableFile("encrypted", "{p}: PDF dilindungi kata sandi atau terenkripsi; tidak dapat dibaca",
                                 "{p}: the PDF is password-protected or encrypted and cannot be read",
                                 p=path.name) from None
        raise UnreadableFile("damaged", "{p}: PDF rusak atau tidak dapat dibuka ({e})",
                             "{p}: the PDF is damaged or cannot be opened ({e})", p=path.name, e=exc) from None
    return doc


def read_pages(path, options: Optional[dict] = None):
    """The pages of a PDF as plain geometry (:class:`.extract.Page`)."""
    import pypdfium2.raw as raw

    from soplint.readers import ReadOptions
    from soplint.readers.pdf.extract import Reader

    options = ReadOptions.of(options)
    path = Path(path)
    doc = _open(path, options)
    try:
        n = len(doc)
        max_pages = int(options.limit("max-pages", MAX_PAGES) or MAX_PAGES)
        if n == 0:
            raise UnreadableFile("empty", "{p}: PDF tanpa halaman", "{p}: the PDF has no pages", p=path.name)
        if n > max_pages:
            raise UnreadableFile("too-large", "{p}: PDF terlalu banyak halaman ({n}; batas {m})",
                                 "{p}: too many pages in the PDF ({n}; limit {m})", p=path.name, n=n, m=max_pages)
        reader = Reader(raw, doc)
        pages = []
        for i in range(n):
            try:
                pages.append(reader.page(i))
            except UnreadableFile:
                raise
            except Exception as exc:  # PDFium refused one page: the file is damaged
                raise UnreadableFile("damaged", "{p}: halaman {i} PDF tidak dapat dibaca ({e})",
                                     "{p}: page {i} of the PDF cannot be read ({e})", p=path.name, i=i + 1,
                                     e=exc) from None
        return pages
    finally:
        doc.close()


def read(path, options: Optional[dict] = None) -> list[SOP]:
    """Read the SOPs of a PDF file: one model per SOP, in page order (a file
    may bind several, see :mod:`.split`)."""
    from soplint.readers import ReadOptions
    from soplint.readers.pdf.build import build_views
    from soplint.readers.pdf.split import split_pages
    from soplint.readers.pdf.views import PageView

    options = ReadOptions.of(options)
    path = Path(path)
    pages = read_pages(path, options)
    if not any(p.runs for p in pages):
        scanned = [str(p.number) for p in pages]
        raise UnreadableFile(
            "no-text", "{p}: PDF tanpa lapisan teks (hasil pindai?) pada halaman {h}; OCR tidak dilakukan",
            "{p}: the PDF has no text layer (scanned?) on page(s) {h}; no OCR is done", p=path.name,
            h=", ".join(scanned))
    sops = []
    facts = []
    try:
        views = [PageView(p) for p in pages]
        preamble, parts = split_pages(views)
        for i, part in enumerate(parts):
            sop = build_views(part, {"hari_menit": options.hari_menit}, preamble=preamble if i == 0 else ())
            sop.sumber.berkas = options.source_name or shown(path)
            sop.sumber.indeks = i
            sop.sumber.format = "pdf"
            sops.append(sop)
            facts.append((sop, [v.page for v in part]))
    except RecursionError:
        raise UnreadableFile("damaged", "{p}: struktur PDF terlalu dalam", "{p}: PDF structure too deep",
                             p=path.name) from None
    from soplint.confidence import annotate
    from soplint.readers.pdf.build import facts_of

    annotate(sops, [facts_of(sop, part_pages) for sop, part_pages in facts])
    return sops


__all__ = ["read", "read_pages"]
