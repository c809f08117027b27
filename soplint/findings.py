"""The finding: what a rule reports (see shared/spec/rules.md, cli.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Optional

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass
class Finding:
    code: str
    name: str
    severity: str
    message: str
    berkas: str
    indeks: Optional[int] = None
    field: Optional[str] = None
    kegiatan: Optional[int] = None
    lokasi: Optional[str] = None
    teks: Optional[str] = None

    def to_dict(self) -> dict:
        return asdict(self)

    def sort_key(self):
        return (self.berkas, -1 if self.indeks is None else self.indeks,
                self.kegiatan or 0, self.code, self.field or "", self.message)
