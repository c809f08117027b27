"""Procedure-table recogniser.

Finds the header of a procedure table by its labels (No, Kegiatan/Uraian,
Pelaksana, Mutu Baku, Kelengkapan/Persyaratan, Waktu, Output/Keluaran,
Keterangan), over one or two header rows with merged cells, skips the
optional column-number row, and reads each following row as a step: its
number, activity, the actor columns marked by a drawn symbol or a tick (or a
single "Pelaksana" text column), and the mutu baku cells (a cell merged over
several rows is shared by every step it covers). :func:`finish` turns the
raw steps of one SOP into model :class:`~soplint.model.Kegiatan` with symbols
and branches (see :mod:`.flow`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from soplint import labels
from soplint.model import Cabang, Kegiatan, TakTerpetakan
from soplint.readers.docx import flow
from soplint.readers.docx.common import TICKS, cell_lokasi, int_of, is_tick, shape_lokasi, table_lokasi, yes_no
from soplint.readers.docx.tree import Cell, Shape, Table, clean
from soplint.lazyre import lazy_pattern

MUTU = ("kelengkapan", "waktu", "output", "keterangan")
_CELL_LABEL = "\x00cell-label"
#: a closing row adding the times up ("JUMLAH WAKTU", "Total") is not a step
_total_re = lazy_pattern(r"^\s*(jumlah|total|sub\s*total|total\s+waktu)\b", re.I)


@dataclass(eq=False, repr=False)
class ColMap:
    """The column map of a procedure table: the role of each grid column, the actors and where the steps start."""

    #: grid column -> role: no, kegiatan, actor, pelaksana, kelengkapan, waktu, output, keterangan
    roles: dict[int, str] = field(default_factory=dict)
    actors: dict[int, str] = field(default_factory=dict)
    #: every grid column of an actor header -> the actor's first column
    actor_at: dict[int, int] = field(default_factory=dict)
    data_start: int = 0
    header_row: int = 0
    header_cells: set = field(default_factory=set)
    #: header cells with text that is neither a column label nor an actor
    extra_header: list = field(default_factory=list)
    #: unit named in the Waktu header ("Waktu (Menit)"), for bare numbers
    waktu_unit: Optional[str] = None
    ncols: int = 0

    def col(self, role: str) -> Optional[int]:
        for c in sorted(self.roles):
            if self.roles[c] == role:
                return c
        return None


def _key(cell: Cell) -> Optional[str]:
    t = cell.text
    if not t or len(t) > 45:
        return None
    return labels.match(t, "kolom")


_ACTIVITY_HINT = ("keg", "urai", "aktiv", "prosed", "langk", "rinci", "tahap", "pekerj")
_ACTIVITY_HINT_RE = re.compile("|".join(_ACTIVITY_HINT))


def _maybe_activity(c: Cell) -> bool:
    if c.origin is not None:
        return False
    t = c.text
    if not t or len(t) > 45:
        return False
    return _ACTIVITY_HINT_RE.search(t.lower()) is not None or labels.match(t, "kolom") == "kegiatan"


def detect_header(table: Table) -> Optional[ColMap]:
    """The column map of a procedure table, or None when the table has no
    procedure header. The header may sit below identity/detail rows of the
    same table (``ColMap.header_row``)."""
    for r0 in range(len(table.rows)):
        row = table.rows[r0]
        if not any(_maybe_activity(c) for c in row.cells):
            continue  # cheap test before matching every cell's label
        keys = {id(c): _key(c) for c in row.cells if c.origin is None}
        found = set(k for k in keys.values() if k)
        if "kegiatan" not in found:
            continue
        if found & {"pelaksana", "waktu", "output", "kelengkapan", "mutu_baku", "keterangan"}:
            return _build_map(table, r0, keys)
        # "No | Kegiatan | <actor> | <actor>": a one-row header naming the actors
        keg = min(c.col for c in row.cells if keys.get(id(c)) == "kegiatan")
        others = [c for c in row.cells if c.origin is None and not keys.get(id(c)) and c.text and c.col > keg]
        if len(others) >= 2:
            return _build_map(table, r0, keys)
    return None


def _build_map(table: Table, r0: int, keys: dict) -> ColMap:
    cm = ColMap(ncols=table.ncols, header_row=r0)
    row = table.rows[r0]
    sub = table.rows[r0 + 1] if r0 + 1 < len(table.rows) else None
    sub_cells = [c for c in sub.cells if c.origin is None] if sub is not None else []
    sub_used = False
    data_start = r0 + 1
    keg_col = None
    unknown: list[Cell] = []
    for cell in row.cells:
        if cell.origin is not None:
            continue
        cm.header_cells.add(id(cell))
        key = keys.get(id(cell))
        cols = range(cell.col, cell.col + cell.span)
        data_start = max(data_start, r0 + cell.rowspan)
        under = [c for c in sub_cells if c.col in cols]
        if key == "pelaksana":
            names = [c for c in under if c.text and not _key(c)]
            # the row below is a second header row when other header cells
            # reach down over it or it holds column labels ("Kelengkapan")
            second = any(c.rowspan > 1 for c in row.cells if c.origin is None) or any(
                _key(c) for c in sub_cells if c.col not in cols)
            if under and names and cell.rowspan == 1 and (cell.span > 1 or len(under) > 1 or second):
                for c in under:
                    cm.header_cells.add(id(c))
                    for k in range(c.col, c.col + c.span):
                        cm.roles[k] = "actor"
                        cm.actor_at[k] = c.col
                    cm.actors[c.col] = clean(c.text)
                sub_used = True
            else:
                for k in cols:
                    cm.roles[k] = "pelaksana"
        elif key == "mutu_baku":
            subkeys = [(c, _key(c)) for c in under]
            if under and cell.rowspan == 1 and any(k for _, k in subkeys):
                for c, k in subkeys:
                    cm.header_cells.add(id(c))
                    for j in range(c.col, c.col + c.span):
                        cm.roles[j] = k or "kelengkapan"
                sub_used = True
            else:
                for k in cols:
                    cm.roles[k] = "kelengkapan"
        elif key:
            if key == "kegiatan" and keg_col is None:
                keg_col = cell.col
            for k in cols:
                cm.roles.setdefault(k, key)
        elif cell.text:
            unknown.append(cell)
    # header cells that are no label: actor columns (a one-row header naming
    # the actors directly), when they sit after the activity column
    for cell in unknown:
        if keg_col is not None and cell.col > keg_col:
            for k in range(cell.col, cell.col + cell.span):
                cm.roles[k] = "actor"
                cm.actor_at[k] = cell.col
            cm.actors[cell.col] = clean(cell.text)
        else:
            cm.extra_header.append(cell)
    if sub_used:
        data_start = max(data_start, r0 + 2)
        # other header cells spanning only one row may have sub-row text
        # continuing their label (e.g. "Kelengkapan" under an empty cell)
        for c in sub_cells:
            if id(c) not in cm.header_cells and c.text:
                k = _key(c)
                if k:
                    cm.header_cells.add(id(c))
                    for j in range(c.col, c.col + c.span):
                        cm.roles[j] = k
    for r in range(r0, min(r0 + 2, len(table.rows))):
        for c in table.rows[r].cells:
            if cm.roles.get(c.col) == "waktu" and c.origin is None:
                m = re.search(r"\b(menit|jam|hari)\b", c.text, re.I)
                if m:
                    cm.waktu_unit = m.group(1).lower()
    # optional row of column numbers "1 2 3 ..."
    if data_start < len(table.rows) and is_number_row(table, data_start):
        data_start += 1
    cm.data_start = data_start
    return cm


def is_number_row(table: Table, r: int) -> bool:
    texts = [c.text for c in table.rows[r].cells if c.origin is None and c.text]
    if len(texts) < 3:
        return False
    nums = [int_of(t) for t in texts]
    if any(n is None for n in nums):
        return False
    return nums == sorted(nums) and len(set(nums)) == len(nums) and nums[0] <= 2


def is_header_repeat(table: Table, r: int, cm: ColMap) -> bool:
    row = table.rows[r]
    found = set()
    for c in row.cells:
        if c.origin is None:
            k = _key(c)
            if k:
                found.add(k)
    return "kegiatan" in found and len(found) >= 2


def same_layout(table: Table, cm: ColMap) -> bool:
    """A table without header continuing a procedure table (same grid)."""
    if abs(table.ncols - cm.ncols) > 0:
        return False
    nocol = cm.col("no")
    if nocol is None:
        return False
    first = table.at(0, nocol) if table.rows else None
    return first is not None and int_of(first.text) is not None


# --------------------------------------------------------------------------
# rows -> raw steps


@dataclass(eq=False, repr=False)
class RawStep:
    """One step row of a procedure table as read, before it becomes a model Kegiatan."""

    no: Optional[int]
    uraian: str
    table: Table
    row: int
    lokasi: str
    #: (grid column, Shape or None for a tick)
    marks: list = field(default_factory=list)
    shapes: list = field(default_factory=list)  # every shape anchored in the step's rows
    pelaksana_text: str = ""
    mutu: dict = field(default_factory=dict)  # role -> text
    waktu_cell: Optional[Cell] = None
    waktu_unit: Optional[str] = None
    #: texts of actor cells that are neither ticks nor empty
    actor_texts: list = field(default_factory=list)
    kegiatan: Optional[Kegiatan] = None


@dataclass(eq=False, repr=False)
class ProcTable:
    """A procedure table read: its column map, its steps and the text and shapes placed in no step."""

    table: Table
    cm: ColMap
    steps: list[RawStep] = field(default_factory=list)
    unplaced: list[TakTerpetakan] = field(default_factory=list)
    #: shapes outside step rows (connectors crossing rows, labels, page links)
    loose_shapes: list[Shape] = field(default_factory=list)
    #: symbols of a flowchart drawn as one group / canvas
    group_symbols: list[Shape] = field(default_factory=list)
    #: actor cells whose whole text is a branch label ("Ya", "Tidak")
    text_labels: list[Cell] = field(default_factory=list)
    images: int = 0


def col_of_shape(table: Table, s: Shape, point=None) -> Optional[int]:
    """Grid column under a shape (its centre, or ``point`` in its frame),
    estimated from the anchor cell and the horizontal offset."""
    cell = s.para.cell if s.para is not None else None
    if cell is None or cell.table is not table or not table.grid:
        return cell.col if cell is not None and cell.table is table else None
    if s.inline or s.frame_h in ("inline", "character"):
        return cell.col
    px = point[0] if point is not None else s.x + s.cx / 2
    if s.frame_h in ("column", "text", "", "insideMargin"):
        x = table.col_x(cell.col) + px / flow.TWIP
    elif s.frame_h in ("margin", "leftMargin"):
        x = px / flow.TWIP
    elif s.frame_h == "page":
        x = px / flow.TWIP - 1440
    else:
        return cell.col
    acc = 0
    for i, wdt in enumerate(table.grid):
        if acc <= x < acc + wdt:
            return i
        acc += wdt
    return cell.col


def read_table(table: Table, cm: ColMap, pelaksana: list[str]) -> ProcTable:
    pt = ProcTable(table=table, cm=cm)
    for c in cm.extra_header:
        pt.unplaced.append(TakTerpetakan(teks=c.text, lokasi=cell_lokasi(c)))
    group_size: dict[str, int] = {}
    for row in table.rows:
        for c in row.cells:
            for p in c.all_paragraphs():
                for s in p.shapes:
                    if s.group and flow.is_symbol(s):
                        group_size[s.group] = group_size.get(s.group, 0) + 1
    nocol = cm.col("no")
    kegcol = cm.col("kegiatan")
    roles = sorted(cm.roles.items())
    limit = max([c for c in (nocol, kegcol) if c is not None] + [c for c, _ in roles], default=-1) + 1
    prev: Optional[RawStep] = None
    for r in range(cm.data_start, len(table.rows)):
        row = table.rows[r]
        if is_header_repeat(table, r, cm) or is_number_row(table, r):
            continue
        at = row.cells_by_column(limit)  # grid column -> cell, as table.at(r, column)
        nocell = at.get(nocol) if nocol is not None else None
        kegcell = at.get(kegcol) if kegcol is not None else None
        cont = (kegcell is not None and kegcell.row != r) and (nocell is None or nocell.row != r)
        no = int_of(nocell.text) if nocell is not None and nocell.row == r else None
        uraian = kegcell.text if kegcell is not None and kegcell.row == r else ""
        if nocell is not None and nocell is kegcell:
            # one cell over the No and activity columns: a stage heading or a
            # note row ("A. TAHAP PERSIAPAN", "Catatan: ..."), not a step
            no, uraian = None, ""
        row_shapes = []
        for c in row.cells:
            if c.origin is None:
                for p in c.all_paragraphs():
                    if p.shapes:
                        row_shapes.extend(p.shapes)
        if cont and prev is not None:
            step = prev
        elif no is None and (not uraian or _total_re().match(uraian)):
            # not a step: keep its text, keep its shapes for the flow
            for c in row.cells:
                if c.origin is None and c.text and cm.roles.get(c.col) == "actor" and yes_no(c.text):
                    pt.text_labels.append(c)  # a branch label typed in a cell between step rows
                elif c.origin is None and c.text and not (cm.roles.get(c.col) == "actor" and is_tick(c.text)):
                    pt.unplaced.append(TakTerpetakan(teks=c.text, lokasi=cell_lokasi(c)))
            pt.loose_shapes.extend(row_shapes)
            continue
        else:
            step = RawStep(no=no, uraian=uraian, table=table, row=r, lokasi=table_lokasi(table, r),
                           waktu_unit=cm.waktu_unit)
            pt.steps.append(step)
            prev = step
        step.shapes.extend(row_shapes)
        for c in row.cells:
            for p in c.all_paragraphs():
                pt.images += len(p.images)
        # actors and mutu baku
        for col, role in roles:
            cell = at.get(col)
            if cell is None or cell.col != col:
                continue
            if role == "actor":
                if cell.row != r:
                    continue
                t = cell.text
                if t and is_tick(t):
                    step.marks.append((col, None))
                elif t and (t.split()[0] in TICKS and len(t.split()[0]) == 1 and not t[:2].isalpha()):
                    step.marks.append((col, None))  # "√ (paraf)": a tick with a note
                    step.actor_texts.append((t[1:].strip(), cell))
                elif t and cm.actors.get(cm.actor_at.get(col, col), "").lower() == t.lower():
                    step.marks.append((col, None))  # the actor's name written in its own column
                elif t and yes_no(t):
                    pt.text_labels.append(cell)
                    step.actor_texts.append((t, cell))
                elif t:
                    step.actor_texts.append((t, cell))
            elif role == "pelaksana":
                if cell.text and not step.pelaksana_text:
                    step.pelaksana_text = cell.text
            elif role in MUTU:
                if role not in step.mutu or not step.mutu[role]:
                    step.mutu[role] = cell.text
                    if role == "waktu":
                        step.waktu_cell = cell
        # symbols in the row: placed by the column under them; a group or
        # canvas holding several symbols is a whole flowchart (placed later)
        for s in row_shapes:
            if flow.is_symbol(s):
                if s.group and group_size.get(s.group, 0) > 1:
                    pt.group_symbols.append(s)
                    continue
                step.marks.append((col_of_shape(table, s), s))
        # note: unknown roles (no role) cells with text are unplaced
        for c in row.cells:
            if c.origin is None and c.row == r and c.col not in cm.roles and c.text:
                pt.unplaced.append(TakTerpetakan(teks=c.text, lokasi=cell_lokasi(c)))
    return pt


# --------------------------------------------------------------------------
# raw steps -> model steps


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
    _connect(tables, raw, steps, unplaced)
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


def _connect(tables: list[ProcTable], raw: list[RawStep], steps: list[Kegiatan], unplaced: list) -> None:
    """lanjut and cabang of every step, from connectors or from text."""
    nodes: list[flow.Node] = []
    lines: list[Shape] = []
    labels_: list[Shape] = []
    seen: set = set()
    table_of: dict[int, Table] = {}
    for order, rs in enumerate(raw):
        for c, s in rs.marks:
            if s is not None and id(s) not in seen:
                seen.add(id(s))
                # flow nodes are keyed by the step's position (step numbers may repeat)
                nodes.append(flow.Node(shape=s, no=order, col=c if c is not None else -1, row=rs.row,
                                       order=order))
    all_shapes = []
    for t in tables:
        for rs in t.steps:
            all_shapes.extend(rs.shapes)
        all_shapes.extend(t.loose_shapes)
        for s in all_shapes:
            table_of[id(s)] = t.table
    order_of_row = {}
    for order, rs in enumerate(raw):
        order_of_row[(id(rs.table), rs.row)] = order
    for s in all_shapes:
        if id(s) in seen:
            continue
        seen.add(id(s))
        k = flow.kind(s)
        if k == "line":
            lines.append(s)
        elif k == "label":
            labels_.append(s)
        elif k == "offpage":
            cell = s.para.cell if s.para is not None else None
            t = table_of.get(id(s))
            row = cell.row if cell is not None else -1
            order = order_of_row.get((id(t), row))
            if order is None:
                # a page link in a row of its own: place it between the steps around it
                before = [o for (tid, r), o in order_of_row.items() if tid == id(t) and r < row]
                order = (max(before) + 0.5) if before else -0.5
            nodes.append(flow.Node(shape=s, no=None, col=col_of_shape(t, s) if t is not None else -1, row=row,
                                   order=order))

    geo = Geo([t.table for t in tables])
    for t in tables:
        for c in t.text_labels:
            paras = c.paragraphs
            if paras:
                width = sum(t.table.grid[c.col:c.col + c.span]) * flow.TWIP if t.table.grid else 900000
                labels_.append(Shape(geom="textbox", is_textbox=True, text=c.text, para=paras[0], x=0, y=0,
                                     cx=width, cy=250000, frame_h="column", frame_v="paragraph", name=_CELL_LABEL))
    res = flow.build_edges(nodes, lines, labels_, geo) if lines else flow.FlowResult()
    if lines:
        _terminators_by_arrows(steps, res)
    nos = [k.no for k in steps]
    for i, k in enumerate(steps):
        nxt = nos[i + 1] if i + 1 < len(nos) else None
        outs = []
        for t, lab, ex in res.out.get(i, []):
            if (nos[t], lab, ex) not in outs:
                outs.append((nos[t], lab, ex))
        if k.simbol == "keputusan":
            cab = _cabang(k, outs, nxt)
            k.cabang = cab
            k.lanjut = [cab.ya] if cab.ya is not None else ([nxt] if nxt is not None and cab.tidak != nxt else [])
        elif k.simbol == "selesai" or nxt is None and not outs:
            k.lanjut = []
        elif outs:
            k.lanjut = sorted({t for t, _, _ in outs})
        else:
            k.lanjut = [nxt] if nxt is not None else []
    # text of labels and symbols that the model does not carry
    step_rows = {(id(rs.table), rs.row) for rs in raw}
    for s in labels_:
        if s.name == _CELL_LABEL:
            cell = s.para.cell
            if id(s) not in res.used_labels and (id(cell.table), cell.row) not in step_rows and not any(
                    k.simbol == "keputusan" for k in steps):
                unplaced.append(TakTerpetakan(teks=s.text, lokasi=cell_lokasi(cell)))
            continue
        if id(s) in res.used_labels or not s.text:
            continue
        if yes_no(s.text) and any(k.simbol == "keputusan" for k in steps):
            continue  # a branch label near a decision whose branches were read from text
        unplaced.append(TakTerpetakan(teks=s.text, lokasi=shape_lokasi(s)))
    for n in nodes:
        t = n.shape.text
        if not t:
            continue
        if n.no is None:
            continue  # off-page connector letters are page links, not text
        st = steps[n.no] if 0 <= n.no < len(steps) else None
        if st is not None and (_covered(t, st.uraian) or clean(t).lower() in (
                "mulai", "selesai", "start", "end", "stop", "finish", "ya", "tidak")):
            continue
        unplaced.append(TakTerpetakan(teks=t, lokasi=shape_lokasi(n.shape)))
    for rs in raw:
        for t, cell in rs.actor_texts:
            if yes_no(t) and rs.kegiatan.simbol == "keputusan":
                continue
            unplaced.append(TakTerpetakan(teks=t, lokasi=cell_lokasi(cell)))


def _terminators_by_arrows(steps: list[Kegiatan], res) -> None:
    """Where connectors are drawn, a terminator nothing points to that has an
    arrow going out is a start, one with an arrow coming in and none going out
    is an end (whatever its position); others keep the first/last rule.
    ``res.out`` is keyed by step position. Arrows count as known only when
    every step that is not a terminator has one going out (a flowchart with
    only a few arrows drawn keeps the first/last rule)."""
    if any(not res.out.get(i) for i, k in enumerate(steps)
           if not (k.simbol in ("mulai", "selesai") and k.bentuk in flow.TERMINATOR)):
        return
    incoming: set[int] = set()
    for src, outs in res.out.items():
        for t, _, _ in outs:
            if t != src:
                incoming.add(t)
    for i, k in enumerate(steps):
        if k.simbol not in ("mulai", "selesai") or k.bentuk not in flow.TERMINATOR:
            continue
        has_out = any(t != i for t, _, _ in res.out.get(i, []))
        if has_out and i not in incoming:
            k.simbol = "mulai"
        elif i in incoming and not has_out:
            k.simbol = "selesai"


class Geo:
    """An estimated page grid for the procedure tables: x from the table grid,
    y from row heights (w:trHeight, else estimated from the text and the
    shapes in the row). Only used to follow connectors without ids."""

    LINE = 200000  # EMU per text line
    PAD = 100000

    def __init__(self, tables: list[Table]):
        self.tables = tables
        self._tops: Optional[dict[int, list[int]]] = None

    @property
    def tops(self) -> dict[int, list[int]]:
        """id(table) -> the estimated top of each row (computed on first
        use: many procedures need no estimate at all)."""
        if self._tops is None:
            self._tops = {}
            y = 0
            for t in self.tables:
                tops = []
                for row in t.rows:
                    tops.append(y)
                    y += self._height(t, row)
                self._tops[id(t)] = tops
                y += 400000
        return self._tops

    def _height(self, t: Table, row) -> int:
        if row.height:
            return row.height * flow.TWIP
        h = 300000
        for c in row.cells:
            if c.origin is not None:
                continue
            width = sum(t.grid[c.col:c.col + c.span]) if t.grid else 2000
            per_line = max(8, int(width / 110))
            paras = c.all_paragraphs()
            lines = sum(max(1, -(-len(p.text) // per_line)) for p in paras if p.text)
            h = max(h, lines * self.LINE + self.PAD)
            for p in paras:
                for s in p.shapes:
                    if not s.is_line and s.frame_v in ("paragraph", "line", "text", ""):
                        h = max(h, s.y + s.cy + 60000)
        return h

    def _origin(self, s: Shape):
        cell = s.para.cell if s.para is not None else None
        if cell is None or id(cell.table) not in self.tops:
            return None
        t = cell.table
        if s.frame_h in ("margin", "leftMargin"):
            ox = 0
        elif s.frame_h == "page":
            ox = -1440 * flow.TWIP
        else:
            ox = t.col_x(cell.col) * flow.TWIP
        tops = self.tops[id(t)]
        oy = tops[cell.row] if cell.row < len(tops) else 0
        return ox, oy, t

    def point(self, s: Shape, p):
        o = self._origin(s)
        if o is None:
            return None
        return o[0] + p[0], o[1] + p[1]

    def box(self, s: Shape):
        o = self._origin(s)
        if o is None:
            return None
        if s.inline:
            cell = s.para.cell
            return (o[0], o[1], o[0] + sum(o[2].grid[cell.col:cell.col + cell.span]) * flow.TWIP, o[1] + 300000)
        return (o[0] + s.x, o[1] + s.y, o[0] + s.x + s.cx, o[1] + s.y + s.cy)

    def col(self, s: Shape, p):
        o = self._origin(s)
        if o is None:
            return None
        x = (o[0] + p[0]) / flow.TWIP
        acc = 0
        for i, wdt in enumerate(o[2].grid):
            if acc <= x < acc + wdt:
                return i
            acc += wdt
        return None


def _covered(t: str, uraian: str) -> bool:
    a, b = clean(t).lower(), clean(uraian).lower()
    return bool(a) and (a in b or b in a)


def _cabang(k: Kegiatan, outs, nxt) -> Cabang:
    """Branches of a decision: labelled connectors first; unlabelled ones
    are matched with the targets the note names ("Ya: lanjut ke 7"), then the
    one to the next step is "ya"; the note in keterangan/uraian also
    overrules targets that were only estimated from the drawing. A branch
    nobody names goes on to the next step."""
    text_br = flow.branches_from_text(k.keterangan) or flow.branches_from_text(k.uraian)
    chosen: dict[str, tuple] = {}
    unl = []
    for t, lab, ex in outs:
        if lab and lab not in chosen:
            chosen[lab] = (t, ex)
        elif not lab:
            unl.append((t, ex))
    unl = [u for u in unl if u[0] not in [v[0] for v in chosen.values()]]
    for lab in ("ya", "tidak"):
        if lab not in chosen and text_br.get(lab) is not None:
            for u in unl:
                if u[0] == text_br[lab]:
                    chosen[lab] = u
                    unl.remove(u)
                    break
    for u in unl:
        if "ya" not in chosen and (u[0] == nxt or "tidak" in chosen):
            chosen["ya"] = u
        elif "tidak" not in chosen:
            chosen["tidak"] = u
        elif "ya" not in chosen:
            chosen["ya"] = u
    for lab in ("ya", "tidak"):
        target = text_br.get(lab)
        if target is not None and (lab not in chosen or not chosen[lab][1]):
            chosen[lab] = (target, True)
    cab = Cabang(ya=chosen.get("ya", (None,))[0], tidak=chosen.get("tidak", (None,))[0])
    if not outs and "tidak" not in text_br and "ya" in text_br and nxt is not None and cab.ya != nxt:
        cab.tidak = nxt
    if cab.ya is None and nxt is not None and cab.tidak != nxt:
        cab.ya = nxt  # the branch not named (or without a target) goes on to the next step
    return cab