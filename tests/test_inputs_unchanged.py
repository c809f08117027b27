"""Inputs are never modified: every input file (samples, real corpus files,
a Word 97-2003 file behind a .docx name read through LibreOffice, hostile
files) is hashed before and after ``check --annotate``, ``convert --to
json`` and ``convert --to docx`` (in-process and with workers), and the input
folder holds exactly the same files afterwards (same hashes, sizes, times and
modes; no lock files, temporary files or outputs). The real corpus files
come from ../shared where it is present (required in CI); a fresh clone runs
the same commands on the samples and the hostile files only."""
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hostile_files import billion_laughs_document, minimal_docx, zip_bomb
from shared_corpus import optional

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict:
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in files:
            p = Path(root) / name
            st = p.stat()
            out[str(p.relative_to(folder))] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size,
                                               st.st_mtime_ns, st.st_mode)
        for name in dirs:
            out[str((Path(root) / name).relative_to(folder)) + "/"] = None
    return out


def test_no_command_modifies_its_inputs(tmp_path, soffice):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted((ROOT / "samples").glob("*.docx"))[:6]:
        shutil.copy2(f, src / f.name)
    sub = src / "opd"
    sub.mkdir()
    shutil.copy2(sorted((ROOT / "samples").glob("*.docx"))[-1], sub / "sampel-di-subfolder.docx")
    real = optional("corpus/real")
    if real is not None:
        for f in sorted(real.glob("*.docx"))[:2]:
            shutil.copy2(f, sub / f.name)
        # one Word 97-2003 file, behind a .docx name: read through LibreOffice
        shutil.copy2(sorted(real.glob("*.doc"))[0], sub / "lama-bernama-docx.docx")
    zip_bomb(src / "bom.docx", size=300 * 1024 * 1024)
    minimal_docx(src / "entitas.docx", billion_laughs_document())
    (src / "kosong.docx").write_bytes(b"")
    before = snapshot(src)
    assert len(before) > (12 if real is not None else 9)

    runs = [
        ["check", str(src), "--format", "json", "--jobs", "2", "--annotate", str(tmp_path / "annotated")],
        ["convert", str(src), "--to", "json", "-o", str(tmp_path / "json"), "--jobs", "2"],
        ["convert", str(src), "--to", "docx", "-o", str(tmp_path / "docx"), "--jobs", "1"],
    ]
    for args in runs:
        proc = subprocess.run([sys.executable, "-m", "soplint"] + args + ["--no-progress"], capture_output=True,
                              text=True, timeout=600)
        assert proc.returncode in (0, 1), (args, proc.stderr[-3000:])
        assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
        assert snapshot(src) == before, args

    # the runs did produce outputs (elsewhere)
    assert list((tmp_path / "json").rglob("*.json"))
    assert list((tmp_path / "docx").rglob("*.docx"))
    assert list((tmp_path / "annotated").rglob("*.docx"))
