"""Raw steps of the procedure tables -> model steps.

:func:`finish` turns the raw steps of one SOP (read by
:mod:`.procedure`) into :class:`~soplint.model.Kegiatan`: numbers, mutu baku,
actors, symbols (drawn, ticked or inferred); the flow between them is worked
out by :mod:`.arrows`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from soplint.model import Kegiatan, TakTerpetakan
from soplint.readers.docx import flow
from soplint.readers.docx.procedure import ProcTable, RawStep
from soplint.readers.docx.arrows import Geo, connect
from soplint.readers.docx.common import symbol_text

def finish(tables: list[ProcTable], pelaksana: list[str], options: dict) -> tuple[list[Kegiatan], list[TakTerpetakan]]:
    """Model steps of one SOP from its procedure tables (in order)."""
    hari = getattr(options, "hari_menit", 480)
    raw: list[RawStep] = [s for t in tables for s in t.steps]
    unplaced: list[TakTerpetakan] = []
    for t in tables:
        unplaced.extend(t.unplaced)
    for t in tables:
        if t.group_symbols:
            _place_group_symbols(t)
    _settle_strays(raw)
    drawn = any(m[1] is not None for s in raw for m in s.marks)
    steps: list[Kegiatan] = []
    used_nos: set[int] = set()
    offsets: dict[int, int] = {}
    for i, rs in enumerate(raw):
        # the number as the document gives it, repeats included (rules judge
        # the numbering); a later table that starts its numbering again
        # continues the numbers before it; a row without a number gets the
        # next free one
        no = rs.no
        if used_nos and i > 0 and raw[i - 1].table is not rs.table:
            first = next((r.no for r in raw[i:] if r.table is rs.table and r.no is not None), None)
            if first is not None and first <= max(used_nos):
                offsets[id(rs.table)] = max(used_nos) + 1 - first
        if no is not None:
            no += offsets.get(id(rs.table), 0)
        if no is None:
            no = (max(used_nos) + 1) if used_nos else i + 1
            while no in used_nos:
                no += 1
        used_nos.add(no)
        k = Kegiatan(no=no, uraian=rs.uraian, lokasi=rs.lokasi)
        k.kelengkapan = rs.mutu.get("kelengkapan", "") or ""
        k.output = rs.mutu.get("output", "") or ""
        k.keterangan = rs.mutu.get("keterangan", "") or ""
        wt = rs.mutu.get("waktu", "")
        k.waktu = _waktu(wt, hari) if wt else None
        if k.waktu is not None and k.waktu.menit is None and rs.waktu_unit and re.fullmatch(r"\d+(?:[.,]\d+)?", wt.strip()):
            per = {"menit": 1, "jam": 60, "hari": hari}[rs.waktu_unit]
            k.waktu.menit = float(wt.strip().replace(",", ".")) * per  # "Waktu (Menit)" over bare numbers
        rs.kegiatan = k
        # actors
        marks = sorted(((c, s) for c, s in rs.marks if c is not None), key=lambda m: m[0])
        actor_names = _actor_names(tables, rs)
        cols = []
        for c, s in marks:
            if c in actor_names and c not in cols:
                cols.append(c)
        if cols:
            k.pelaksana = actor_names[cols[0]]
            k.pelaksana_lain = [actor_names[c] for c in cols[1:] if actor_names[c] != k.pelaksana]
        elif rs.pelaksana_text:
            k.pelaksana = rs.pelaksana_text
            if rs.pelaksana_text not in pelaksana:
                pelaksana.append(rs.pelaksana_text)
        elif not _has_actor_columns(tables, rs):
            # no actor columns at all: the actor named in the sentence
            from soplint.readers.docx.steps_text import split_actor

            actor, _ = split_actor(rs.uraian)
            if actor:
                k.pelaksana = actor
                if actor not in pelaksana:
                    pelaksana.append(actor)
        # the symbol of the step: the shape in the left-most marked column
        sym = None
        for c, s in marks:
            if s is not None and (not cols or c == cols[0]):
                sym = s
                break
        if sym is None:
            for c, s in rs.marks:
                if s is not None:
                    sym = s
                    break
        if sym is not None:
            k.bentuk = sym.geom
            k.teks_simbol = symbol_text(sym.text, k.uraian)
            k.simbol = {"terminator": "terminator", "proses": "proses", "keputusan": "keputusan"}.get(
                flow.kind(sym), "tidak_baku")
        elif any(s is None for _, s in rs.marks):
            k.bentuk = "centang"
        steps.append(k)
    # terminators: the first is mulai, the others selesai
    first_term = True
    for k in steps:
        if k.simbol == "terminator":
            k.simbol = "mulai" if first_term else "selesai"
            first_term = False
    # symbols not drawn: infer from the text
    for i, k in enumerate(steps):
        if k.bentuk in (None, "centang"):
            k.simbol = _infer(k, i, len(steps), drawn)
    # gabungan of merged waktu cells
    by_cell: dict[int, list[Kegiatan]] = {}
    for rs in raw:
        if rs.waktu_cell is not None and rs.waktu_cell.rowspan > 1 and rs.kegiatan.waktu is not None:
            by_cell.setdefault(id(rs.waktu_cell), []).append(rs.kegiatan)
    for group in by_cell.values():
        if len(group) > 1:
            nos = [k.no for k in group]
            for k in group:
                k.waktu.gabungan = list(nos)
    # flow
    connect(tables, raw, steps, unplaced)
    return steps, unplaced


@lru_cache(maxsize=2048)
def _waktu_cached(text: str, hari):
    from soplint import values

    w = values.parse_waktu(text, hari)
    return (w.teks, w.menit) if w is not None else None


def _waktu(text: str, hari):
    """parse_waktu, cached (tables repeat their times); a fresh object each time."""
    from soplint.model import Waktu

    r = _waktu_cached(text, hari)
    return Waktu(r[0], r[1]) if r is not None else None


def _settle_strays(raw: list[RawStep]) -> None:
    """Word anchors a dragged shape to the nearest paragraph: a row holding
    two symbols next to a row holding none gives the one lying towards the
    empty row (lowest for the row below, highest for the row above) to it."""
    def syms(rs):
        return [m for m in rs.marks if m[1] is not None]

    for i, rs in enumerate(raw):
        if rs.marks:
            continue
        for j, pick in ((i - 1, max), (i + 1, min)):
            if not 0 <= j < len(raw) or raw[j].table is not rs.table:
                continue
            have = syms(raw[j])
            if len(have) < 2:
                continue
            m = pick(have, key=lambda mk: mk[1].y)
            others = [x for x in have if x is not m]
            if (pick is max and m[1].y > max(x[1].y for x in others) + m[1].cy / 2) or (
                    pick is min and m[1].y + m[1].cy / 2 < min(x[1].y for x in others)):
                raw[j].marks.remove(m)
                rs.marks.append(m)
                break


def _place_group_symbols(pt: ProcTable) -> None:
    """A flowchart drawn as one group or canvas: its symbols, top to bottom,
    belong to the steps without a symbol of their own (one each when the
    counts agree, else by the estimated row under each symbol); the actor
    is the column under the symbol."""
    geo = Geo([pt.table])
    syms = sorted(pt.group_symbols, key=lambda s: (geo.box(s) or (0, s.y))[1])
    free = [rs for rs in pt.steps if not any(m[1] is not None for m in rs.marks)]
    if not free:
        return
    if len(syms) == len(free):
        pairs = list(zip(free, syms))
    else:
        tops = geo.tops[id(pt.table)]
        by_row = {rs.row: rs for rs in free}
        pairs = []
        for s in syms:
            box = geo.box(s)
            if box is None:
                continue
            cy = (box[1] + box[3]) / 2
            row = max((r for r, top in enumerate(tops) if top <= cy), default=None)
            if row in by_row:
                pairs.append((by_row[row], s))
    for rs, s in pairs:
        rs.marks.append((geo.col(s, (s.x + s.cx / 2, 0)), s))


def _has_actor_columns(tables: list[ProcTable], rs: RawStep) -> bool:
    for t in tables:
        if t.table is rs.table:
            return any(r in ("actor", "pelaksana") for r in t.cm.roles.values())
    return True


def _actor_names(tables: list[ProcTable], rs: RawStep) -> dict[int, str]:
    """grid column -> actor name, for every column an actor header covers."""
    for t in tables:
        if t.table is rs.table:
            return {k: t.cm.actors.get(first, "") for k, first in t.cm.actor_at.items()}
    return {}


def _infer(k: Kegiatan, i: int, n: int, drawn: bool) -> str:
    if k.simbol == "keputusan" and k.bentuk:
        return k.simbol
    if i == 0 and n > 1:
        return "mulai"
    if i == n - 1 and n > 1:
        return "selesai"
    if k.uraian.rstrip().endswith("?") or flow.has_yes_no_note(k.keterangan):
        return "keputusan"
    return "proses"


