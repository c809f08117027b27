import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def soffice_path():
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def soffice():
    """The LibreOffice binary; skips where it is not installed, except in CI
    (SOPLINT_REQUIRE_SOFFICE=1) where its absence is a failure."""
    path = soffice_path()
    if path is None:
        if os.environ.get("SOPLINT_REQUIRE_SOFFICE"):
            pytest.fail("LibreOffice (soffice) is required in CI but not installed")
        pytest.skip("LibreOffice not installed")
    return path
