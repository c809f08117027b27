import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def pytest_configure(config):
    """soplint processes started by the tests keep their compile cache
    (soplint/compilecache.py) in a folder of this test session, never in the
    user's cache folder."""
    if "SOPLINT_CACHE_DIR" not in os.environ:
        import tempfile

        config._soplint_cache_dir = tempfile.mkdtemp(prefix="soplint-test-cache-")
        os.environ["SOPLINT_CACHE_DIR"] = config._soplint_cache_dir


def pytest_unconfigure(config):
    folder = getattr(config, "_soplint_cache_dir", None)
    if folder:
        os.environ.pop("SOPLINT_CACHE_DIR", None)
        shutil.rmtree(folder, ignore_errors=True)


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
