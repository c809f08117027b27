"""A file saved under the other format's name, as users do: a PDF named
.docx is read by the PDF reader, a Word file named .pdf by the Word reader
(the bytes decide, as a .doc behind a .docx name already went to
LibreOffice); a file that is neither still gets the clear DK01."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
from lo_render import render_pdfs  # noqa: E402


def test_a_pdf_named_docx_and_a_docx_named_pdf_are_read(tmp_path):
    sample = ROOT / "samples" / "surat-masuk-bappeda.docx"
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(sample, work / "surat.docx")
    pdf = render_pdfs([work / "surat.docx"], work)["surat"]
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy(pdf, folder / "dari-pdf.docx")
    shutil.copy(sample, folder / "dari-word.pdf")
    (folder / "catatan.docx").write_text("bukan dokumen")
    proc = subprocess.run([sys.executable, "-m", "soplint", "--lang", "en", "check", str(folder), "--format", "json",
                           "--no-progress", "--fail-on", "never"], capture_output=True, text=True, timeout=300)
    data = {Path(b["berkas"]).name: b for b in json.loads(proc.stdout)["berkas"]}
    for name in ("dari-pdf.docx", "dari-word.pdf"):
        assert [s["nama_sop"] for s in data[name]["sop"]] == ["Pelayanan Administrasi Surat Masuk"], name
        assert not [t for t in data[name]["temuan"] if t["code"] == "DK01"], name
    dk01 = [t["message"] for t in data["catatan.docx"]["temuan"] if t["code"] == "DK01"]
    assert len(dk01) == 1 and "plain text" in dk01[0]
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "soplint", "--lang", "en", "convert", str(folder / "dari-pdf.docx"),
                           str(folder / "dari-word.pdf"), "-o", str(out), "--to", "json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    formats = {p.stem: json.loads(p.read_text())["sumber"]["format"] for p in out.glob("*.json")}
    assert formats == {"dari-pdf": "pdf", "dari-word": "docx"}
