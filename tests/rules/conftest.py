"""Fixtures of the rule tests (helpers in _sopkit.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sopkit import Checker, clean_sop  # noqa: E402


@pytest.fixture
def periksa(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file from the project tree
    return Checker(tmp_path)


@pytest.fixture
def sop():
    return clean_sop()
