"""Files of the project's shared folder (``../shared`` beside the checkout:
the real corpus and the spec), which a fresh clone does not have.

A test that needs one asks for it with :func:`need`: where the path is absent
the test is skipped with a reason naming it, except under
``SOPLINT_REQUIRE_SHARED=1`` (set by ``.ci/run``), where its absence fails
the test instead, so CI never passes by skipping what it needs."""
import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"


def reason(rel: str) -> str:
    return f"needs ../shared/{rel} (the project's shared corpus and spec; absent in a fresh clone)"


def present(rel: str) -> bool:
    """Whether ../shared/<rel> exists (a folder counts when it holds a file)."""
    path = SHARED / rel
    if path.is_dir():
        return any(path.iterdir())
    return path.exists()


def absent_skip(rel: str) -> bool:
    """For ``pytest.mark.skipif``: true where the test must be skipped (the
    path is absent and CI does not require it)."""
    return not present(rel) and not os.environ.get("SOPLINT_REQUIRE_SHARED")


def need(rel: str) -> Path:
    """../shared/<rel>, or skip (fail in CI) with a reason naming it."""
    if not present(rel):
        if os.environ.get("SOPLINT_REQUIRE_SHARED"):
            pytest.fail(reason(rel) + ", required in CI (SOPLINT_REQUIRE_SHARED=1)")
        pytest.skip(reason(rel))
    return SHARED / rel


def optional(rel: str) -> Path | None:
    """../shared/<rel> where present, else None (a test that runs without it,
    on less); in CI its absence fails the test like :func:`need`."""
    if present(rel) or os.environ.get("SOPLINT_REQUIRE_SHARED"):
        return need(rel)
    return None
