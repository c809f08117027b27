"""The model's JSON and YAML forms."""
from __future__ import annotations

from soplint import atomic
from soplint.model import SOP, to_json, to_yaml


def write_json(sop: SOP, path, options: dict | None = None) -> None:
    atomic.write_text(path, to_json(sop))


def write_yaml(sop: SOP, path, options: dict | None = None) -> None:
    atomic.write_text(path, to_yaml(sop))
