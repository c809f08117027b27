"""The SOP model: the one structure every reader produces, every rule reads
and every writer renders (see shared/spec/model.md).

Keys are the standard's own Indonesian terms. The JSON form is produced by
:func:`to_dict` and read back by :func:`from_dict`; ``schema/sop.schema.json``
describes exactly that shape and :func:`validate` checks a dict against it.

Keys added beyond the contract (allowed by it): ``lokasi`` (where a field or
step sits in the source, for findings a person can find in Word),
``kegiatan[].bentuk`` (the raw drawn shape name), ``kegiatan[].teks_simbol`` (text
written inside the step's symbol, only where there is some), ``waktu.gabungan`` (steps
sharing one merged Waktu cell), ``sumber.format`` / ``perubahan_terlacak`` /
``komentar`` / ``gambar_alur`` / ``jenis_dokumen`` / ``pembacaan`` /
``bagian_hilang`` (facts about the source file and how well it was read).
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Optional

from soplint.lokasi import Lokasi

VERSI_MODEL = 1

SIMBOL = ("mulai", "proses", "keputusan", "selesai", "tidak_baku")
PRESISI = ("hari", "bulan", "tahun")

#: the list fields of the detail table, in the standard's order
DAFTAR_FIELDS = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
)
TANGGAL_FIELDS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")


@dataclass
class Sumber:
    """Where the SOP came from: the file, its position in it and facts about the source."""

    berkas: str = ""
    indeks: int = 0
    #: "docx", "doc", "json", "yaml" (added key)
    format: Optional[str] = None
    #: number of unaccepted tracked changes (w:ins/w:del/...) met (added key)
    perubahan_terlacak: int = 0
    #: number of reviewer comments in the file (added key)
    komentar: int = 0
    #: True where the flowchart is a pasted picture, not shapes (added key)
    gambar_alur: bool = False
    #: what kind of document the SOP was read from (added key, see
    #: :mod:`soplint.kind`): {"jenis": code, "nama": [id, en], "bukti": [...],
    #: "kurang": [...]}; ``None`` where not decided (a model file)
    jenis_dokumen: Optional[dict] = None
    #: how well the reader could read it (added key, see
    #: :mod:`soplint.confidence`): {"skor": 0..1, "tingkat": "tinggi" |
    #: "sedang" | "rendah", "alasan": [...]}; ``None`` where not measured
    pembacaan: Optional[dict] = None
    #: parts of the Word package that are missing although the file could be
    #: read, so that Word refuses to open it (e.g. "[Content_Types].xml");
    #: ``None`` (not written) where none is (added key)
    bagian_hilang: Optional[list] = None
    #: the source's logo: the picture's part in the source package
    #: ("word/media/image1.png"), for the converter's logo cell; ``None``
    #: (not written) where the source has none (added key)
    logo: Optional[str] = None


@dataclass
class Tanggal:
    """A date as written (``teks``) and as read: ISO date and its precision."""

    teks: str
    tanggal: Optional[str] = None  # ISO YYYY-MM-DD
    presisi: Optional[str] = None  # hari | bulan | tahun


@dataclass
class Pengesahan:
    """The signing block ("Disahkan oleh"): position, name, rank and NIP."""

    jabatan: Optional[str] = None
    nama: Optional[str] = None
    pangkat: Optional[str] = None
    nip: Optional[str] = None  # digits only


@dataclass
class Identitas:
    """The identity block of an SOP: institution lines, number, dates, signer, name."""

    instansi: list[str] = field(default_factory=list)
    nomor_sop: Optional[str] = None
    tanggal_pembuatan: Optional[Tanggal] = None
    tanggal_revisi: Optional[Tanggal] = None
    tanggal_efektif: Optional[Tanggal] = None
    disahkan_oleh: Optional[Pengesahan] = None
    nama_sop: Optional[str] = None


@dataclass
class Waktu:
    """A step's duration (mutu baku Waktu) as written and in minutes."""

    teks: str
    menit: Optional[float] = None
    #: numbers of the steps that share this one (merged) cell, first included
    gabungan: Optional[list[int]] = None


@dataclass
class Cabang:
    """The two branches of a decision step: the step numbers for ya and tidak."""

    ya: Optional[int] = None
    tidak: Optional[int] = None


@dataclass
class Kegiatan:
    """One step of the procedure: its number, activity, actor, symbol and mutu baku."""

    no: int
    uraian: str = ""
    pelaksana: Optional[str] = None
    simbol: str = "proses"
    kelengkapan: str = ""
    waktu: Optional[Waktu] = None
    output: str = ""
    keterangan: str = ""
    lanjut: list[int] = field(default_factory=list)
    cabang: Optional[Cabang] = None
    pelaksana_lain: list[str] = field(default_factory=list)
    #: raw name of the drawn shape ("flowChartDocument", "t114", "centang")
    bentuk: Optional[str] = None
    #: text written inside the step's symbol ("Berkas lengkap?"), where it
    #: says more than the activity and a bare Mulai/Selesai/Ya/Tidak
    teks_simbol: Optional[str] = None
    #: where the step sits in the source (JSON: "tabel 3, baris 5" / "paragraf 12")
    lokasi: Optional[Lokasi] = None

    def __post_init__(self):
        if self.lokasi.__class__ is str:
            self.lokasi = Lokasi.parse(self.lokasi)


@dataclass
class TakTerpetakan:
    """A text of the source that maps to no model key, with its location."""

    teks: str
    lokasi: Lokasi

    def __post_init__(self):
        if self.lokasi.__class__ is str:
            self.lokasi = Lokasi.parse(self.lokasi)


@dataclass
class SOP:
    """One SOP: identity, detail lists, actors and steps, plus unmapped text and locations."""

    versi_model: int = VERSI_MODEL
    sumber: Sumber = field(default_factory=Sumber)
    identitas: Identitas = field(default_factory=Identitas)
    dasar_hukum: Optional[list[str]] = None
    kualifikasi_pelaksana: Optional[list[str]] = None
    keterkaitan: Optional[list[str]] = None
    peralatan_perlengkapan: Optional[list[str]] = None
    peringatan: Optional[list[str]] = None
    pencatatan_pendataan: Optional[list[str]] = None
    pelaksana: list[str] = field(default_factory=list)
    kegiatan: list[Kegiatan] = field(default_factory=list)
    lainnya: dict[str, str] = field(default_factory=dict)
    tak_terpetakan: list[TakTerpetakan] = field(default_factory=list)
    #: model key ("identitas.nomor_sop", "dasar_hukum") -> location in the source
    lokasi: dict[str, Lokasi] = field(default_factory=dict)

    def step(self, no: int) -> Optional[Kegiatan]:
        for k in self.kegiatan:
            if k.no == no:
                return k
        return None


# --------------------------------------------------------------------------
# dict / JSON / YAML

_NESTED = {
    ("SOP", "sumber"): Sumber,
    ("SOP", "identitas"): Identitas,
    ("Identitas", "tanggal_pembuatan"): Tanggal,
    ("Identitas", "tanggal_revisi"): Tanggal,
    ("Identitas", "tanggal_efektif"): Tanggal,
    ("Identitas", "disahkan_oleh"): Pengesahan,
    ("Kegiatan", "waktu"): Waktu,
    ("Kegiatan", "cabang"): Cabang,
}
_LISTS = {("SOP", "kegiatan"): Kegiatan, ("SOP", "tak_terpetakan"): TakTerpetakan}


#: added keys left out of the dict while unset (a model file read back, or
#: written by a reader that does not measure them, keeps its shape)
_OMIT_NONE = frozenset({"jenis_dokumen", "pembacaan", "bagian_hilang", "logo", "teks_simbol"})


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data, keys in declaration order; a location as the
    model's text of it ("tabel 3, baris 5")."""
    if obj.__class__ is Lokasi:
        return str(obj)
    if dataclasses.is_dataclass(obj):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not (f.name in _OMIT_NONE and getattr(obj, f.name) is None)}
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj


def _build(cls: type, data: dict) -> Any:
    kwargs = {}
    names = {f.name for f in dataclasses.fields(cls)}
    for key, value in data.items():
        if key not in names:
            continue  # unknown keys are tolerated (schema decides strictness)
        sub = _NESTED.get((cls.__name__, key))
        lst = _LISTS.get((cls.__name__, key))
        if sub is not None and isinstance(value, dict):
            value = _build(sub, value)
        elif lst is not None and isinstance(value, list):
            value = [_build(lst, v) for v in value]
        elif key == "lokasi" and cls is SOP and isinstance(value, dict):
            value = {k: Lokasi.parse(v) if isinstance(v, str) else v for k, v in value.items()}
        kwargs[key] = value
    return cls(**kwargs)


def from_dict(data: dict, *, check: bool = True) -> SOP:
    """Build a model from its JSON form; validates first unless told not to."""
    if check:
        validate(data)
    return _build(SOP, data)


def to_json(sop: SOP, indent: int = 2) -> str:
    return json.dumps(to_dict(sop), ensure_ascii=False, indent=indent) + "\n"


def to_yaml(sop: SOP) -> str:
    import yaml

    return yaml.safe_dump(to_dict(sop), allow_unicode=True, sort_keys=False)


# --------------------------------------------------------------------------
# schema validation

class ModelError(ValueError):
    """A model document that does not match the schema; names the bad key."""


_SCHEMA: Optional[dict] = None


def schema() -> dict:
    global _SCHEMA
    if _SCHEMA is None:
        from importlib.resources import files

        _SCHEMA = json.loads(files("soplint").joinpath("schema/sop.schema.json").read_text("utf-8"))
    return _SCHEMA


def _path(err) -> str:
    parts = []
    for p in err.absolute_path:
        parts.append(f"[{p}]" if isinstance(p, int) else ("." if parts else "") + str(p))
    return "".join(parts) or "(akar/root)"


def validation_errors(data: Any) -> list[str]:
    """Every schema violation as 'key: problem' (bilingual), sorted by key."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        key = _path(err)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            key = key + "." + ",".join(extra) if key != "(akar/root)" else ",".join(extra)
            out.append(f"{key}: kunci tidak dikenal / unknown key")
        elif err.validator == "required":
            out.append(f"{key}: {err.message} (kunci wajib hilang / required key missing)")
        else:
            out.append(f"{key}: {err.message}")
    return out


def validate(data: Any) -> None:
    errors = validation_errors(data)
    if errors:
        raise ModelError(
            "Model SOP tidak sesuai skema / SOP model does not match the schema:\n  - "
            + "\n  - ".join(errors)
        )
