"""Page geometry, column widths, row heights, pagination and flowchart routing
for the procedure table. Everything here is computed before any XML is
written, so the writer knows on which page every step lands and the shapes
never end up on the wrong row or page."""
from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from typing import Optional

from soplint.model import SOP, Kegiatan
from soplint.writers.docx import colfit, measure

PAPER = {"F4": (330.0, 215.0), "A4": (297.0, 210.0)}
#: landscape margins in mm (top, bottom, left, right), as the standard's examples
MARGINS = (15.0, 15.0, 20.0, 15.0)
HEADER_DIST = 8.0

#: DrawingML preset per simbol
PRESET = {
    "mulai": "flowChartTerminator",
    "selesai": "flowChartTerminator",
    "proses": "flowChartProcess",
    "keputusan": "flowChartDecision",
}
#: legacy VML shape types -> the DrawingML preset drawn in their place
VML_PRESET = {
    "t114": "flowChartDocument", "t120": "flowChartConnector", "t111": "flowChartPredefinedProcess",
    "t112": "flowChartPredefinedProcess", "t113": "flowChartInternalStorage",
    "t115": "flowChartMultidocument", "t117": "flowChartPreparation", "t118": "flowChartManualInput",
    "t119": "flowChartManualOperation", "t121": "flowChartPunchedCard", "t122": "flowChartPunchedTape",
    "t123": "flowChartSummingJunction", "t124": "flowChartOr", "t125": "flowChartCollate",
    "t126": "flowChartSort", "t127": "flowChartExtract", "t128": "flowChartMerge",
    "t130": "flowChartOnlineStorage", "t131": "flowChartDelay", "t132": "flowChartMagneticTape",
    "t133": "flowChartMagneticDisk", "t134": "flowChartMagneticDrum", "t135": "flowChartDisplay",
    "t7": "parallelogram", "t8": "trapezoid", "t3": "ellipse", "t5": "triangle", "t9": "hexagon",
    "t10": "octagon", "t56": "pentagon", "t22": "can", "t16": "cube",
}
#: presets a reader takes for one of the standard symbols: never used for tidak_baku
STANDARD_LOOKALIKE = {"flowChartTerminator", "roundRect", "flowChartProcess", "rect",
                      "flowChartDecision", "diamond", "flowChartOffpageConnector", "homePlate",
                      "flowChartAlternateProcess"}
KNOWN_PRESETS = set(VML_PRESET.values()) | {
    "flowChartConnector", "flowChartDocument", "flowChartInputOutput", "flowChartPredefinedProcess",
    "flowChartOfflineStorage", "star5", "triangle", "ellipse", "octagon", "hexagon", "can", "cube",
    "parallelogram", "trapezoid", "pentagon", "plus", "cloud", "wedgeRectCallout", "flowChartOr",
}


def preset_for(k: Kegiatan) -> str:
    """The DrawingML preset the writer draws for a step."""
    if k.simbol in PRESET:
        return PRESET[k.simbol]
    raw = (k.bentuk or "").strip()
    if raw in VML_PRESET:
        raw = VML_PRESET[raw]
    if raw in KNOWN_PRESETS and raw not in STANDARD_LOOKALIKE:
        return raw
    return "flowChartPredefinedProcess"


@dataclass
class Page:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header: float = HEADER_DIST
    footer: float = HEADER_DIST

    @property
    def body_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def body_h(self) -> float:
        return self.height - self.top - self.bottom


def page_from(options: dict) -> Page:
    name = str(options.get("kertas") or options.get("paper") or "F4").upper()
    w, h = PAPER.get(name, PAPER["F4"])
    t, b, l, r = MARGINS
    return Page(w, h, t, b, l, r)


# --------------------------------------------------------------------------
# procedure table geometry

@dataclass
class Columns:
    no: float
    kegiatan: float
    actor: float
    n_actors: int
    kelengkapan: float
    waktu: float
    output: float
    keterangan: float
    font: float
    #: mm taken off every symbol's height: compact rows (see ``compute``)
    symbol_trim: float = 0.0

    @property
    def widths(self) -> list[float]:
        return ([self.no, self.kegiatan] + [self.actor] * self.n_actors
                + [self.kelengkapan, self.waktu, self.output, self.keterangan])

    def actor_left(self, i: int) -> float:
        return self.no + self.kegiatan + i * self.actor


def columns_for(sop: SOP, page: Page) -> Columns:
    n = max(1, len(sop.pelaksana))
    base = [9.0, 58.0, 32.0, 18.0, 30.0, 34.0]  # no, kegiatan, kelengkapan, waktu, output, ket
    text_total = sum(base)
    avail = page.body_w
    actor = (avail - text_total) / n
    scale = 1.0
    if actor > 32.0:
        actor = 32.0
        extra = avail - text_total - n * actor
        base[1] += extra * 0.6
        base[5] += extra * 0.4
    elif actor < 20.0:
        actor = 20.0
        scale = (avail - n * actor) / text_total
        if scale < 0.55:
            scale = 0.55
            actor = (avail - text_total * scale) / n
        floors = (7.0, 0.0, 0.0, 12.0, 0.0, 0.0)
        base = [max(floors[i], b * scale) for i, b in enumerate(base)]
        # keep the total exact after the floor on "No"
        excess = sum(base) + n * actor - avail
        base[1] -= excess
    font = 9.0 if n <= 5 and scale >= 0.85 else 8.0
    return Columns(base[0], base[1], actor, n, base[2], base[3], base[4], base[5], font)


@dataclass
class Size:
    w: float
    h: float


def symbol_size(k: Kegiatan, cols: Columns) -> Size:
    """Symbols leave room beside them (at least ``SIDE_ROOM`` each side) for
    arrows running past and for the Ya/Tidak of a branch."""
    aw = cols.actor
    trim = cols.symbol_trim
    if k.simbol == "keputusan":
        return Size(max(9.0, min(16.0, aw - 2 * 6.5)), 10.0 - trim)
    w = max(9.0, min(20.0, aw - 2 * SIDE_ROOM))
    if k.simbol in ("mulai", "selesai"):
        return Size(w, 6.0 - trim)
    return Size(w, 7.0 - trim)


SIDE_ROOM = 5.5
PENT = Size(5.0, 5.0)
GAP = 3.0          # room above and below a symbol for the arrows
PENT_ROOM = 9.0    # extra room for an off-page connector above or below a symbol
HEADER1 = 7.0      # first header row height (mm)
DELTA = 6.0        # slack left free at the bottom of every procedure page
CELL_PAD = 1.0     # cell margin left/right (mm); top/bottom are 0
MIN_ROW = 11.0     # the lowest step row (mm)
FRONT_ZONE = 10.0  # how close (mm) the estimated front part may come to a page boundary
SHARE_GAP = 5.0    # space between the detail boxes and a procedure on the same page (mm)
SMALL_FONT = 8.0   # the procedure's font (pt) where the standard 9 pt would take a page more
TRIM = 1.0         # mm off the symbols' heights where that saves a page (rows of 12 mm, as BPS prints)


@dataclass
class Edge:
    src: int            # step no
    dst: int            # step no
    cabang: Optional[str]  # "ya" / "tidak" / None
    kind: str = ""      # same | offpage | none
    label: Optional[str] = None   # off-page letter


@dataclass
class Layout:
    page: Page
    cols: Columns
    header2: float
    rows: list[float] = field(default_factory=list)      # height of each step row (mm)
    page_of: list[int] = field(default_factory=list)     # procedure page index of each row
    edges: list[Edge] = field(default_factory=list)
    top_room: list[bool] = field(default_factory=list)   # row holds an incoming off-page connector
    bottom_room: list[bool] = field(default_factory=list)
    proc_pages: int = 1
    front_pages: int = 1
    #: the procedure shares the front part's last page (it fits there whole)
    shared: bool = False
    catatan_pages: int = 0
    catatan_break: bool = False
    #: height (mm) of an empty paragraph after the detail table (see compute)
    front_spacer: float = 0.0
    catatan_spacer: float = 0.0

    @property
    def pages(self) -> int:
        return self.front_pages + self.proc_pages - self.shared + self.catatan_pages

    @property
    def proc_start(self) -> int:
        """The page (1-based) the procedure table starts on."""
        return self.front_pages + (0 if self.shared else 1)

    @property
    def capacity(self) -> float:
        return self.page.body_h - HEADER1 - self.header2 - DELTA


def step_edges(sop: SOP) -> list[Edge]:
    nos = {k.no for k in sop.kegiatan}
    out: list[Edge] = []
    for k in sop.kegiatan:
        if k.simbol == "keputusan" and k.cabang is not None:
            seen = set()
            for cab, dst in (("ya", k.cabang.ya), ("tidak", k.cabang.tidak)):
                if dst is not None and dst in nos:
                    out.append(Edge(k.no, dst, cab))
                    seen.add(dst)
            for dst in k.lanjut:
                if dst in nos and dst not in seen and dst != k.cabang.ya:
                    out.append(Edge(k.no, dst, None))
        else:
            for dst in dict.fromkeys(k.lanjut):
                if dst in nos:
                    out.append(Edge(k.no, dst, None))
    return out


def _text_height(k: Kegiatan, cols: Columns) -> float:
    f = cols.font
    pad = CELL_PAD * 2
    cells = [
        ([str(k.no)], cols.no),
        ([k.uraian], cols.kegiatan),
        ([k.kelengkapan], cols.kelengkapan),
        ([k.waktu.teks if k.waktu else ""], cols.waktu),
        ([k.output], cols.output),
        ([k.keterangan], cols.keterangan),
    ]
    return max(measure.text_height_mm(p, w - pad, f) for p, w in cells) + 2.0


def header_font(sop: SOP, cols: Columns) -> float:
    """The actor header font: smaller where a word would not fit the column."""
    f = cols.font
    words = [(w, cols.actor) for a in sop.pelaksana for w in a.split()]
    words += [("Kelengkapan", cols.kelengkapan), ("Waktu", cols.waktu), ("Output", cols.output)]
    while f > 6.0 and any(measure.text_width_mm(w, f, True) > width - 2 * CELL_PAD - 0.6 for w, width in words):
        f -= 0.5
    return f


def header2_height(sop: SOP, cols: Columns) -> float:
    f = header_font(sop, cols)
    hs = [measure.text_height_mm([a], cols.actor - 2 * CELL_PAD, f, bold=True) for a in sop.pelaksana]
    hs.append(measure.line_height_mm(f))

    return max(7.0, max(hs) + 2.0)


def compute(sop: SOP, page: Page, front_height: float, catatan_height: float,
            font: Optional[float] = None, trim: float = 0.0) -> Layout:
    """The procedure's columns, rows and pages, with the front part and the
    closing notes around it; ``font``: the procedure's font size (pt) where
    not the standard one of ``columns_for``; ``trim``: mm taken off every
    symbol's height (and so off the rows they set)."""
    cols = columns_for(sop, page)
    if font is not None:
        cols = replace(cols, font=font)
    cols = replace(cols, symbol_trim=trim)
    floors = [max(symbol_size(k, cols).h + 2 * GAP, MIN_ROW) for k in sop.kegiatan]
    cols = colfit.fit(sop, cols, floors, 2 * CELL_PAD, 2.0)
    lay = Layout(page, cols, header2_height(sop, cols))
    steps = sop.kegiatan
    n = len(steps)
    index = {k.no: i for i, k in enumerate(steps)}
    text_h = [_text_height(k, cols) for k in steps]
    top_room = [False] * n
    bottom_room = [False] * n
    cap = lay.capacity
    for _ in range(8):
        heights = []
        for i, k in enumerate(steps):
            sym = symbol_size(k, cols).h + 2 * GAP
            sym += PENT_ROOM if top_room[i] else 0.0
            sym += PENT_ROOM if bottom_room[i] else 0.0
            heights.append(round(max(text_h[i], sym, MIN_ROW), 2))
        page_of, used, p = [], 0.0, 0
        for h in heights:
            h = min(h, cap)
            if used and used + h > cap:
                p += 1
                used = 0.0
            page_of.append(p)
            used += h
        edges = step_edges(sop)
        new_top, new_bottom = _assign_ports(steps, edges, page_of, index)
        if new_top == top_room and new_bottom == bottom_room:
            break
        # only ever add room, so the loop settles
        top_room = [a or b for a, b in zip(top_room, new_top)]
        bottom_room = [a or b for a, b in zip(bottom_room, new_bottom)]
    heights = [min(h, cap) for h in heights]
    # pad every page but the last so that it is exactly full (to DELTA)
    pages = (page_of[-1] + 1) if n else 1
    for pg in range(pages - 1):
        idx = [i for i in range(n) if page_of[i] == pg]
        spare = cap - sum(heights[i] for i in idx)
        for i in idx:
            heights[i] += spare / len(idx)
    lay.rows = [round(h, 3) for h in heights]
    lay.page_of = page_of
    lay.edges = edges
    lay.top_room = top_room
    lay.bottom_room = bottom_room
    lay.proc_pages = pages
    _route(lay, steps, sop)
    _offpage_labels(lay, steps)
    # front part (identity + detail tables) and the closing notes
    # The front part's height is an estimate (rows split across pages where
    # the word processor decides). Near a page boundary, push it clearly past
    # the boundary with a spacer so the page count is the one planned.
    H = page.body_h
    nearest = round(front_height / H) * H
    if nearest > 0 and abs(front_height - nearest) < FRONT_ZONE:
        lay.front_spacer = nearest + FRONT_ZONE - front_height
        front_height = nearest + FRONT_ZONE
    lay.front_pages = max(1, int(-(-front_height // H)))
    # a short procedure shares the front part's last page, as the BPS SOPs do,
    # when it fits there whole with room to spare for the estimate's error
    if pages == 1 and n and catatan_height == 0:
        used = front_height - (lay.front_pages - 1) * H
        if used + SHARE_GAP + HEADER1 + lay.header2 + sum(lay.rows) <= H - FRONT_ZONE:
            lay.shared = True
    if catatan_height > 0:
        last_used = sum(lay.rows[i] for i in range(n) if page_of[i] == pages - 1) if n else 0.0
        room = page.body_h - HEADER1 - lay.header2 - last_used - 3.0
        if catatan_height <= room - FRONT_ZONE:
            lay.catatan_pages = 0
        else:
            lay.catatan_break = True
            nearest = round(catatan_height / H) * H
            if nearest > 0 and abs(catatan_height - nearest) < FRONT_ZONE:
                lay.catatan_spacer = nearest + FRONT_ZONE - catatan_height
                catatan_height = nearest + FRONT_ZONE
            lay.catatan_pages = max(1, int(-(-catatan_height // H)))
    return lay


def _assign_ports(steps, edges, page_of, index):
    n = len(steps)
    top = [False] * n
    bottom = [False] * n
    for e in edges:
        if e.src not in index or e.dst not in index:
            continue
        a, b = index[e.src], index[e.dst]
        if page_of[a] != page_of[b]:
            bottom[a] = True
            top[b] = True
    return top, bottom


def actor_col(sop: SOP, k: Kegiatan) -> Optional[int]:
    if k.pelaksana is None:
        return None
    try:
        return sop.pelaksana.index(k.pelaksana)
    except ValueError:
        return None


def _route(lay: Layout, steps: list[Kegiatan], sop: SOP) -> None:
    """Mark each edge: ``offpage`` across a page break (a pair of off-page
    connectors), ``same`` on one page (routed by ``route.py``), ``none``
    where an end has no actor column."""
    index = {k.no: i for i, k in enumerate(steps)}
    for e in lay.edges:
        a, b = index[e.src], index[e.dst]
        if actor_col(sop, steps[a]) is None or actor_col(sop, steps[b]) is None:
            e.kind = "none"
        elif lay.page_of[a] != lay.page_of[b]:
            e.kind = "offpage"
        else:
            e.kind = "same"


def _letters(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = string.ascii_uppercase[r] + s
    return s


def _offpage_labels(lay: Layout, steps: list[Kegiatan]) -> None:
    index = {k.no: i for i, k in enumerate(steps)}
    by_target: dict[int, str] = {}
    for e in sorted((e for e in lay.edges if e.kind == "offpage"), key=lambda e: (index[e.dst], index[e.src])):
        if e.dst not in by_target:
            by_target[e.dst] = _letters(len(by_target))
        e.label = by_target[e.dst]


def waktu_merges(sop: SOP, page_of: list[int]) -> dict[int, str]:
    """Rows whose Waktu cell is merged (``waktu.gabungan``): row index ->
    "restart" / "continue". Only groups of consecutive rows on one page are
    merged; other groups are written cell by cell."""
    index = {k.no: i for i, k in enumerate(sop.kegiatan)}
    out: dict[int, str] = {}
    for i, k in enumerate(sop.kegiatan):
        g = k.waktu.gabungan if k.waktu else None
        if not g or len(g) < 2 or g[0] != k.no or i in out:
            continue
        rows = [index.get(n) for n in g]
        if None in rows or rows != list(range(i, i + len(g))):
            continue
        if len({page_of[r] for r in rows}) != 1:
            continue
        same = all(sop.kegiatan[r].waktu is not None and sop.kegiatan[r].waktu.teks == k.waktu.teks
                   and list(sop.kegiatan[r].waktu.gabungan or []) == list(g) for r in rows)
        if not same:
            continue
        out[i] = "restart"
        for r in rows[1:]:
            out[r] = "continue"
    return out

