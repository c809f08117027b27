"""Word files rendered to PDF by LibreOffice, for the PDF reader's tests:
one headless run for many files, in a profile and home folder of its own."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def soffice_or_skip() -> str:
    """LibreOffice's binary; the test skips where it is not installed,
    except in CI (SOPLINT_REQUIRE_SOFFICE=1), where that is a failure."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("SOPLINT_REQUIRE_SOFFICE"):
            pytest.fail("LibreOffice (soffice) is required in CI but not installed")
        pytest.skip("LibreOffice not installed")
    return soffice


def render_pdfs(docs: list, work: Path) -> dict:
    """``{stem: PDF path}`` of ``docs`` rendered into ``work/pdf``."""
    soffice = soffice_or_skip()
    out = work / "pdf"
    subprocess.run([soffice, "-env:UserInstallation=" + (work / "profile").resolve().as_uri(), "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(out)] + [str(d) for d in docs],
                   capture_output=True, timeout=600, cwd=str(work), env={"HOME": str(work), "PATH": "/usr/bin:/bin"})
    return {Path(d).stem: out / f"{Path(d).stem}.pdf" for d in docs}
