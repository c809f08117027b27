"""How well an SOP was read (``sumber.pembacaan``): a score from 0 to 1, a
level and its reasons.

Works on the model alone (any reader can call :func:`measure` once its
models are built): the identity items found, the share of the text that was
placed somewhere (not left in ``tak_terpetakan``), the steps read with an
actor, and the document kind (:mod:`soplint.kind`).
"""
from __future__ import annotations

from typing import Optional

from soplint.kind import IDENTITY_ITEMS, SOP_AP, identity_found

TINGGI = 0.8
SEDANG = 0.5


def _chars(value) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return len(value.strip())
    if isinstance(value, (list, tuple)):
        return sum(_chars(v) for v in value)
    if isinstance(value, dict):
        return sum(_chars(v) for v in value.values())
    if hasattr(value, "__dataclass_fields__"):
        return sum(_chars(getattr(value, f)) for f in value.__dataclass_fields__)
    return 0


def placed_chars(sop) -> int:
    """Characters of text the model holds outside ``tak_terpetakan``."""
    n = _chars(sop.identitas) + _chars(sop.lainnya)
    for key, _name in IDENTITY_ITEMS:
        if "." not in key:
            n += _chars(getattr(sop, key, None))
    for k in sop.kegiatan:
        n += _chars([k.uraian, k.kelengkapan, k.output, k.keterangan, k.waktu.teks if k.waktu else ""])
    return n


def measure(sop) -> dict:
    """``{"skor", "tingkat", "alasan"}`` for one model."""
    alasan: list = []
    found = identity_found(sop)
    ident = len(found) / len(IDENTITY_ITEMS)
    alasan.append("identitas %d/%d unsur / identity %d/%d items" % (len(found), len(IDENTITY_ITEMS),
                                                                   len(found), len(IDENTITY_ITEMS)))
    placed = placed_chars(sop)
    left = sum(len((t.teks or "").strip()) for t in sop.tak_terpetakan or [])
    share = placed / (placed + left) if placed + left else 0.0
    alasan.append("teks terpetakan %d%% (%d bagian tersisa) / text placed %d%% (%d pieces left)"
                  % (round(share * 100), len(sop.tak_terpetakan or []), round(share * 100),
                     len(sop.tak_terpetakan or [])))
    steps = sop.kegiatan
    if steps:
        actor = sum(1 for k in steps if k.pelaksana) / len(steps)
        alasan.append("kegiatan %d, %d%% dengan pelaksana / %d steps, %d%% with an actor"
                      % (len(steps), round(actor * 100), len(steps), round(actor * 100)))
    else:
        actor = 0.0
        alasan.append("tidak ada kegiatan terbaca / no steps read")
    skor = 0.35 * ident + 0.35 * share + 0.30 * actor
    jenis = (getattr(sop.sumber, "jenis_dokumen", None) or {}).get("jenis")
    if jenis and jenis not in SOP_AP:
        skor = min(skor, SEDANG - 0.01)
        nama = (sop.sumber.jenis_dokumen.get("nama") or ["", ""])
        alasan.append("bukan SOP AP: %s / not an SOP AP: %s" % (nama[0], nama[1]))
    if getattr(sop.sumber, "gambar_alur", False):
        alasan.append("bagan alir berupa gambar / the flowchart is a picture")
    skor = round(max(0.0, min(1.0, skor)), 2)
    return {"skor": skor, "tingkat": level(skor), "alasan": alasan}


def level(skor: float) -> str:
    return "tinggi" if skor >= TINGGI else "sedang" if skor >= SEDANG else "rendah"


def annotate(sops: list, facts: Optional[list] = None) -> None:
    """Set ``sumber.jenis_dokumen`` (where not set) and ``sumber.pembacaan``
    on each model; ``facts`` gives a reader's :class:`soplint.kind.Facts` per
    model."""
    from soplint.kind import decide

    for i, sop in enumerate(sops):
        if sop.sumber.jenis_dokumen is None:
            sop.sumber.jenis_dokumen = decide(sop, facts[i] if facts and i < len(facts) else None)
        sop.sumber.pembacaan = measure(sop)
