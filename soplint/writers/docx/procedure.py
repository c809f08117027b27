"""The procedure table (No | Kegiatan | one column per actor | Mutu Baku:
Kelengkapan, Waktu, Output | Keterangan) with its two header rows repeated on
every page, and the flowchart drawn over the actor cells from the routed
geometry (``route.py``)."""
from __future__ import annotations

from soplint.values import norm_space
from soplint.writers.docx import layout as L
from soplint.writers.docx import route
from soplint.writers.docx.front import HEADER_FILL
from soplint.writers.docx.ooxml import cell, para, row, table
from soplint.writers.docx.shapes import connector, label, symbol, symbol_words


class ProcedureMixin:
    """The procedure table and its shapes (mixed into the writer)."""

    def _procedure(self) -> list:
        sop, lay, cols = self.sop, self.lay, self.lay.cols
        widths = cols.widths
        n = cols.n_actors
        f = cols.font
        # one actor: its column is two grid columns merged, so that "Pelaksana"
        # over it reads as a group header with the actor's name under it (a
        # lone "Pelaksana" column would read as a text column of names)
        gspan = 2 if n == 1 else 1
        grid = widths[:2] + [cols.actor / 2] * 2 + widths[3:] if n == 1 else widths
        t = table(grid, cell_margin_mm=L.CELL_PAD)
        # header rows (repeated on every page)
        h1 = row(t, height_mm=L.HEADER1, exact=True, header=True)
        hp = lambda s: [para(s, align="center", bold=True, size=f)]  # noqa: E731
        cell(h1, widths[0], hp("No"), vmerge="restart", valign="center", fill=HEADER_FILL)
        cell(h1, widths[1], hp("Kegiatan"), vmerge="restart", valign="center", fill=HEADER_FILL)
        cell(h1, cols.actor * n, hp("Pelaksana"), span=n * gspan, valign="center", fill=HEADER_FILL)
        cell(h1, cols.kelengkapan + cols.waktu + cols.output, hp("Mutu Baku"), span=3, valign="center",
             fill=HEADER_FILL)
        cell(h1, cols.keterangan, hp("Keterangan"), vmerge="restart", valign="center", fill=HEADER_FILL)
        h2 = row(t, height_mm=lay.header2, exact=True, header=True)
        cell(h2, widths[0], [para()], vmerge="continue", fill=HEADER_FILL)
        cell(h2, widths[1], [para()], vmerge="continue", fill=HEADER_FILL)
        actors = sop.pelaksana or [""]
        fa = L.header_font(sop, cols)
        for a in actors:
            cell(h2, cols.actor, [para(norm_space(a), align="center", bold=True, size=fa)], valign="center",
                 fill=HEADER_FILL, span=gspan)
        for name, w in (("Kelengkapan", cols.kelengkapan), ("Waktu", cols.waktu), ("Output", cols.output)):
            cell(h2, w, [para(name, align="center", bold=True, size=fa)], valign="center", fill=HEADER_FILL)
        cell(h2, cols.keterangan, [para()], vmerge="continue", fill=HEADER_FILL)

        drawings = self._drawings()
        merges = L.waktu_merges(sop, lay.page_of)
        for i, k in enumerate(sop.kegiatan):
            tr = row(t, height_mm=lay.rows[i], exact=True)
            tx = lambda s, al=None: [para(norm_space(s), align=al, size=f)]  # noqa: E731
            cell(tr, widths[0], tx(str(k.no), "center"), valign="center")
            cell(tr, widths[1], tx(k.uraian), valign="center")
            for c in range(n):
                anchor = para(size=1, line_exact_pt=1)
                for r in drawings.get((i, c), []):
                    anchor.append(r)
                cell(tr, cols.actor, [anchor], no_margins=True, span=gspan)
            cell(tr, cols.kelengkapan, tx(k.kelengkapan, "center"), valign="center")
            if merges.get(i) == "continue":
                cell(tr, cols.waktu, [para(size=f)], vmerge="continue", valign="center")
            else:
                cell(tr, cols.waktu, tx(k.waktu.teks if k.waktu else "", "center"), valign="center",
                     vmerge=merges.get(i))
            cell(tr, cols.output, tx(k.output, "center"), valign="center")
            cell(tr, cols.keterangan, tx(k.keterangan), valign="center")
        return [t, para(size=1, line_exact_pt=1)]

    def _drawings(self) -> dict:
        """All runs holding shapes, keyed by (row index, actor column): each
        shape is anchored in the actor cell of its row and placed relative to it."""
        d = self.drawing
        cols = self.lay.cols
        out: dict[tuple[int, int], list] = {}

        def origin(i, c):
            return cols.actor_left(c), self.router.row_y[i][0]

        # symbols first (connectors name them), in reading order
        for s in d.symbols:
            ox, oy = origin(s.row, s.col)
            r = s.rect
            if s.role == "kegiatan":
                k = self.sop.kegiatan[s.row]
                # the source's text inside the symbol, where it fits (else the side file lists it: undrawn_symbol_texts)
                words, size = symbol_words(k.teks_simbol, s.preset, r.w, r.h)
                run, s.sid = symbol(self.ids, s.preset, f"soplint:kegiatan:{k.no}", k.simbol,
                                    r.x0 - ox, r.y0 - oy, r.w, r.h, text=words if size else None, bold=False,
                                    text_size=size or 7)
            elif s.role == "lain":
                k = self.sop.kegiatan[s.row]
                run, s.sid = symbol(self.ids, s.preset, f"soplint:kegiatan:{k.no}:lain", k.simbol,
                                    r.x0 - ox, r.y0 - oy, r.w, r.h)
            else:
                run, s.sid = symbol(self.ids, s.preset, f"soplint:penghubung:{s.text}:{s.role}", s.text,
                                    r.x0 - ox, r.y0 - oy, r.w, r.h, text=s.text, text_size=7)
            out.setdefault((s.row, s.col), []).append(run)
        for rt in d.routes:
            host = rt.dst if rt.src.role == "masuk" else rt.src
            ox, oy = origin(host.row, host.col)
            run = connector(self.ids, rt.name, rt.descr, rt.points, (rt.src.sid, rt.src_site),
                            (rt.dst.sid, rt.dst_site), (ox, oy), hops=rt.hops)
            out.setdefault((host.row, host.col), []).append(run)
        for lab in d.labels:
            src_row = next(s.row for s in d.symbols if s.role == "kegiatan" and s.no == lab.key[0])
            ox, oy = origin(src_row, lab.col)
            r = lab.rect
            out.setdefault((src_row, lab.col), []).append(
                label(self.ids, f"soplint:label:{lab.key[0]}:{lab.key[1]}", lab.text, r.x0 - ox, r.y0 - oy, r.w, r.h,
                      size=route.LABEL_SIZE))
        return out
