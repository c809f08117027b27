"""The test oracle of the standard-template writer: the model as a reader
gives it back from the writer's output."""
from __future__ import annotations

import copy
from typing import Optional

from soplint.model import SOP, Pengesahan, TakTerpetakan, Tanggal, Waktu
from soplint.values import norm_space, parse_nip, parse_tanggal, split_items
from soplint.writers.docx import DETAIL_LABELS, plan
from soplint.writers.docx import layout as L
from soplint.writers.docx.front import date_text


def canonical(sop: SOP, options: Optional[dict] = None) -> SOP:
    """The model as a reader gives it back from the writer's output (ignoring
    ``sumber`` and ``lokasi``). The form is always complete: a missing detail
    box comes back empty; ``tak_terpetakan`` comes back only from the appendix
    (option ``lampiran``)."""
    options = options or {}
    merges = L.waktu_merges(sop, plan(sop, options).page_of) if sop.kegiatan else {}
    groups = {}
    for i, k in enumerate(sop.kegiatan):
        if merges.get(i) == "restart":
            groups[k.no] = list(k.waktu.gabungan)
    s = copy.deepcopy(sop)
    s.lokasi = {}
    if options.get("lampiran"):
        s.tak_terpetakan = [TakTerpetakan(norm_space(t.teks), norm_space(str(t.lokasi or ""))) for t in s.tak_terpetakan
                            if norm_space(t.teks)]
    else:
        s.tak_terpetakan = []
    idn = s.identitas
    idn.instansi = [t for t in (norm_space(x) for x in idn.instansi) if t]
    # every identity row is written: a missing value comes back empty
    idn.nomor_sop = norm_space(idn.nomor_sop or "")
    idn.nama_sop = norm_space(idn.nama_sop or "")
    for name in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        t = getattr(idn, name)
        setattr(idn, name, parse_tanggal(date_text(t)) if t is not None else Tanggal(""))
    d = idn.disahkan_oleh or Pengesahan()
    jab = norm_space(d.jabatan) if d.jabatan else None
    nama = norm_space(d.nama) if d.nama else None
    pangkat = norm_space(d.pangkat) if d.pangkat else None
    nip = parse_nip(d.nip) if d.nip else None
    idn.disahkan_oleh = Pengesahan(jab or None, nama or None, pangkat or None, nip)
    for key, _label in DETAIL_LABELS:
        items = getattr(s, key) or []
        out: list[str] = []
        for i, item in enumerate(items, 1):
            out.extend(split_items([f"{i}. {item}"]))
        setattr(s, key, out)
    s.pelaksana = [norm_space(p) for p in s.pelaksana]
    s.lainnya = {norm_space(k): norm_space(v) for k, v in s.lainnya.items() if norm_space(k)}
    nos = {k.no for k in s.kegiatan}
    first_terminator = True
    for i, k in enumerate(s.kegiatan):
        g = None
        if merges.get(i):
            g = next(v for v in groups.values() if k.no in v)
        k.lokasi = None
        k.uraian = norm_space(k.uraian)
        k.kelengkapan = norm_space(k.kelengkapan)
        k.output = norm_space(k.output)
        k.keterangan = norm_space(k.keterangan)
        if k.pelaksana is not None:
            k.pelaksana = norm_space(k.pelaksana)
        k.pelaksana_lain = [norm_space(p) for p in k.pelaksana_lain]
        if k.waktu is not None:
            from soplint.values import parse_waktu

            w = parse_waktu(k.waktu.teks)
            k.waktu = Waktu(w.teks, w.menit, g) if w is not None else None
        drawn = L.actor_col(s, k) is not None
        if drawn:
            prst = L.preset_for(k)
            k.bentuk = prst
            if prst == "flowChartTerminator":
                k.simbol = "mulai" if first_terminator else "selesai"
                first_terminator = False
        if k.simbol == "keputusan" and k.cabang is not None:
            ya = k.cabang.ya if k.cabang.ya in nos else None
            tidak = k.cabang.tidak if k.cabang.tidak in nos else None
            k.cabang.ya, k.cabang.tidak = ya, tidak
            extra = [n for n in k.lanjut if n in nos and n not in (ya, tidak)]
            k.lanjut = ([ya] if ya is not None else []) + list(dict.fromkeys(extra))
        else:
            k.lanjut = [n for n in dict.fromkeys(k.lanjut) if n in nos]
    return s
