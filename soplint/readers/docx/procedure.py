"""Procedure-table recogniser.

Finds the header of a procedure table by its labels (No, Kegiatan/Uraian,
Pelaksana, Mutu Baku, Kelengkapan/Persyaratan, Waktu, Output/Keluaran,
Keterangan), over one or two header rows with merged cells, skips the
optional column-number row, and reads each following row as a step: its
number, activity, the actor columns marked by a drawn symbol or a tick (or a
single "Pelaksana" text column), and the mutu baku cells (a cell merged over
several rows is shared by every step it covers). :func:`.table_steps.finish`
turns the raw steps of one SOP into model :class:`~soplint.model.Kegiatan`
with symbols, and :mod:`.arrows` works out the branches (see :mod:`.flow`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from soplint import labels
from soplint.model import Kegiatan, TakTerpetakan
from soplint.readers.docx import flow
from soplint.readers.docx.common import TICKS, cell_lokasi, int_of, is_tick, table_lokasi, yes_no
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
