"""The finding: what a rule reports (see shared/spec/rules.md, cli.md)."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Optional

from soplint.lokasi import Lokasi

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass
class Finding:
    """One problem a rule found: where (file, SOP, field, step, table cell), what, how bad."""

    code: str
    name: str
    severity: str
    message: str
    berkas: str
    indeks: Optional[int] = None
    field: Optional[str] = None
    kegiatan: Optional[int] = None
    #: a :class:`soplint.lokasi.Lokasi` (its text given is read into one)
    lokasi: Optional[Lokasi] = None
    teks: Optional[str] = None
    #: the items a finding gathers ({"teks", "lokasi"} each; DK02 lists every
    #: unplaced text of an SOP in one finding); left out of the dict when None
    butir: Optional[list] = None

    def __post_init__(self):
        if self.lokasi.__class__ is str:
            self.lokasi = Lokasi.parse(self.lokasi)

    def to_dict(self) -> dict:
        # a flat dict in field order (what dataclasses.asdict gives, without
        # its recursive copy: a report of thousands of findings is written in
        # the batch's serial tail); locations as the model's text of them
        d = {name: getattr(self, name) for name in _FINDING_FIELDS}
        if d["lokasi"] is not None:
            d["lokasi"] = str(d["lokasi"])
        if self.butir is not None:
            d["butir"] = [{k: str(v) if v.__class__ is Lokasi else v for k, v in b.items()} for b in self.butir]
        return d

    def sort_key(self):
        return (self.berkas, -1 if self.indeks is None else self.indeks,
                self.kegiatan or 0, self.code, self.field or "", self.message)


_FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.name != "butir")


@dataclass
class SopSummary:
    """One SOP of a file as reports list it: its position in the file, name and number."""

    indeks: int
    nama_sop: Optional[str]
    nomor_sop: Optional[str]

    def to_dict(self) -> dict:
        return {"indeks": self.indeks, "nama_sop": self.nama_sop, "nomor_sop": self.nomor_sop}


@dataclass
class FileResult:
    """What one input file gave: its SOPs (summaries) and its findings."""

    berkas: str
    sop: list = None  # list[SopSummary]
    temuan: list = None  # list[Finding]

    def __post_init__(self):
        self.sop = self.sop or []
        self.temuan = self.temuan or []

    def to_dict(self) -> dict:
        """One item of a report's ``berkas`` list."""
        return {"berkas": self.berkas, "sop": [s.to_dict() for s in self.sop],
                "temuan": [t.to_dict() for t in self.temuan]}


def tally(files) -> dict:
    """Files, SOPs and findings by severity of a list of FileResults (the
    ``ringkasan`` of a report), in one pass."""
    out = {"berkas": len(files), "sop": 0, "error": 0, "warning": 0, "info": 0}
    for f in files:
        out["sop"] += len(f.sop)
        for t in f.temuan:
            out[t.severity] += 1
    return out


@dataclass
class CheckResult:
    """The whole run, in input order; what every report formatter receives."""

    berkas: list  # list[FileResult]

    def counts(self) -> dict:
        known = getattr(self.berkas, "counts", None)
        if callable(known):  # a streamed run's files count themselves once
            return known()
        return tally(self.berkas)

    def to_dict(self) -> dict:
        return {
            "versi": 1,
            "berkas": [f.to_dict() for f in self.berkas],
            "ringkasan": self.counts(),
        }
