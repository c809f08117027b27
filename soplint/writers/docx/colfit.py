"""Content-sized column widths for the procedure table.

The standard widths (``layout.columns_for``) suit steps whose texts are of
ordinary length. Where one column holds long texts (a Keterangan of ten
lines beside an empty Kelengkapan, say), its rows grow tall while other
columns stand half empty. :func:`fit` moves width, a little at a time, from
columns with room to spare to the columns that make rows tall, as long as the
sum of the row heights drops; actor columns may give some of their width too,
down to ``ACTOR_MIN``. Ordinary SOPs, whose rows are as tall as their symbols,
keep the standard widths."""
from __future__ import annotations

from dataclasses import replace
from soplint.model import SOP
from soplint.writers.docx import measure

TEXT = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
#: the narrowest a text column may get (mm): its header word still fits at 9 pt
MINIMUM = {"kegiatan": 45.0, "kelengkapan": 22.0, "waktu": 14.0, "output": 20.0, "keterangan": 22.0}
#: actor columns give width down to this (mm), never below their standard width
ACTOR_MIN = 25.0
STEPS = (2.0, 4.0, 6.0, 8.0, 12.0)  # widths moved at a time (mm)
MIN_GAIN = 1.0   # a move must lower the sum of the row heights by this much (mm)
MAX_MOVES = 150


def _texts(sop: SOP) -> dict[str, list[str]]:
    ks = sop.kegiatan
    return {
        "kegiatan": [k.uraian for k in ks],
        "kelengkapan": [k.kelengkapan for k in ks],
        "waktu": [k.waktu.teks if k.waktu else "" for k in ks],
        "output": [k.output for k in ks],
        "keterangan": [k.keterangan for k in ks],
    }


def fit(sop: SOP, cols, floors: list[float], pad: float, extra: float):
    """``cols`` with width moved between columns where that lowers the rows.

    ``floors``: each step's lowest row height whatever the widths (its symbol,
    the minimum row); ``pad``: a cell's left + right margin; ``extra``: what a
    row adds to its tallest text."""
    if not sop.kegiatan:
        return cols
    texts = _texts(sop)
    font = cols.font
    cache: dict[tuple[str, float], list[float]] = {}

    def heights(col: str, width: float) -> list[float]:
        key = (col, round(width, 2))
        if key not in cache:
            cache[key] = [measure.text_height_mm([t], width - pad, font) + extra if t else 0.0
                          for t in texts[col]]
        return cache[key]

    widths = {c: getattr(cols, c) for c in TEXT}
    actor = cols.actor
    n = cols.n_actors

    def total(ws: dict[str, float]) -> float:
        per = [heights(c, ws[c]) for c in TEXT]
        return sum(max(f, *hs) for f, hs in zip(floors, zip(*per)))

    best = total(widths)
    actor_floor = min(actor, ACTOR_MIN)
    for _ in range(MAX_MOVES):
        # the move lowering the rows most per mm moved; several sizes, as a
        # text drops a line only once its column has widened by a few mm
        choice = None
        for dst in TEXT:
            for src in TEXT + ("actor",):
                if src == dst:
                    continue
                room = n * (actor - actor_floor) if src == "actor" else widths[src] - MINIMUM[src]
                for amount in STEPS:
                    if amount > room + 1e-9:
                        break
                    ws = dict(widths)
                    if src != "actor":
                        ws[src] -= amount
                    ws[dst] += amount
                    gain = best - total(ws)
                    if gain >= MIN_GAIN and (choice is None or gain / amount > choice[0]):
                        choice = (gain / amount, ws, src, amount)
        if choice is None:
            break
        _rate, widths, src, amount = choice
        best = total(widths)
        if src == "actor":
            actor -= amount / n
    if actor == cols.actor and all(widths[c] == getattr(cols, c) for c in TEXT):
        return cols
    return replace(cols, actor=actor, **widths)
