"""The document stream: blocks in order -> one model per SOP.

Walks the top-level blocks of the tree, hands each table to the procedure
or identity recogniser and each paragraph to the label/steps recognisers,
starts a new SOP at each new identity block after a procedure (a "buku
SOP"), and puts every text it cannot place into ``tak_terpetakan`` with its
location. Never touches XML.
"""
from __future__ import annotations

from typing import Optional

from soplint import labels
from soplint.lokasi import Lokasi
from soplint.model import DAFTAR_FIELDS, SOP
from soplint.readers.docx import assemble, blocks, freeform, identity, procedure, prose, steps_text
from soplint.readers.docx.assemble import Builder
from soplint.readers.docx.common import Line, para_lines, shape_lokasi
from soplint.readers.docx.identity import IDENT_KEYS, MULTI, Entry
from soplint.readers.docx.tree import Document, Paragraph, Table, clean
from soplint.lazyre import lazy_pattern

#: an item of soplint's own "Catatan konversi" list: "[lokasi] teks"
_catatan_item_re = lazy_pattern(r"^\[([^\]]{1,80})\]\s+(.+)$")


class Stream:
    def __init__(self, doc: Document, options: dict):
        self.doc = doc
        self.options = options or {}
        self.builders: list[Builder] = []
        self.cur: Optional[Builder] = None
        #: unplaced lines waiting for the SOP they belong to
        self.pre: list[Line] = []
        self.open: Optional[Entry] = None
        self.mode: Optional[str] = None  # "proc_text" after a procedure heading
        #: the procedure part written as text being read (mode "proc_text")
        self.section: Optional[prose.Section] = None
        #: the last line read was part of the identity (numbered steps may follow it)
        self.after_ident = False
        self.boundary = False  # a title after a procedure: the next identity starts a new SOP
        self.weak: list = []  # weak labels waiting for a real identity label
        self.last_proc: Optional[procedure.ProcTable] = None
        #: headings met before the first SOP starts
        self.pre_heads: list[str] = []
        self.pre_schedules = 0

    # -- builders -----------------------------------------------------------
    def new_builder(self) -> Builder:
        self.close_entry()
        prev = self.cur
        b = Builder()
        self.builders.append(b)
        self.cur = b
        self.boundary = False
        self.last_proc = None
        self.mode = None
        self._take_pre(b, prev)
        b.facts.judul.extend(self.pre_heads)
        b.facts.tabel_jadwal += self.pre_schedules
        self.pre_heads, self.pre_schedules = [], 0
        return b

    def ensure(self) -> Builder:
        return self.cur if self.cur is not None else self.new_builder()

    def _take_pre(self, b: Builder, prev: Optional[Builder] = None):
        """Lines before an identity: the trailing institution lines become
        instansi (where the SOP has none yet), titles are kept aside, the
        rest is unplaced (in the previous SOP, whose notes they follow, or in
        this one when it is the first)."""
        pre, self.pre = self.pre, []
        titles, inst, before, after = freeform.title_block(pre, from_end=True)
        if not titles and not inst:
            # a free-form SOP: its title block opens the lines before it
            titles, inst, before, after = freeform.title_block(pre, from_end=False)
        for ln in before:
            (prev or b).unplaced(ln.text, ln.lokasi)
        for ln in after:
            b.unplaced(ln.text, ln.lokasi)
        b._pre_instansi = inst
        b.title.extend(titles)

    def need_new(self, keys_values: dict) -> bool:
        """Do these identity values start a new SOP?"""
        b = self.cur
        if b is None:
            return True
        if self.boundary and (b.has_procedure or b.has_identity):
            return True
        ident = b.sop.identitas
        for key, value in keys_values.items():
            have = getattr(ident, key, None) if key in IDENT_KEYS else getattr(b.sop, key, None)
            if key in ("nomor_sop", "nama_sop"):
                if b.has_procedure and (have is None or clean(str(have)) != clean(value)):
                    return True
                if have is not None and clean(str(have)) != clean(value):
                    return True
        return False

    # -- weak labels -----------------------------------------------------
    def take_weak(self):
        """Weak labels just before a real identity label belong to it."""
        weak, self.weak = self.weak, []
        for e, ln in weak:
            have = getattr(self.cur.sop.identitas, e.key, None) if e.key in IDENT_KEYS else None
            if have is None:
                identity.apply_entry(self.cur.sop, e)
            else:
                self.cur.unplaced(ln.text, ln.lokasi)

    def flush_weak(self):
        """Weak labels followed by anything else were not identity: text."""
        weak, self.weak = self.weak, []
        for e, ln in weak:
            if self.cur is not None and self.cur.has_procedure:
                self.cur.unplaced(ln.text, ln.lokasi)
            else:
                self.pre.append(ln)

    # -- entries ------------------------------------------------------------
    def close_entry(self):
        e, self.open = self.open, None
        if e is not None and self.cur is not None:
            self._apply(e)

    def _apply(self, e: Entry):
        b = self.cur
        ident = b.sop.identitas
        if e.key in ("nomor_sop", "nama_sop"):
            have = getattr(ident, e.key)
            value = clean(" ".join(ln.text for ln in e.values))
            if have is not None and clean(have) == value:
                return  # the same identity repeated (e.g. on every page)
        identity.apply_entry(b.sop, e)

    # -- blocks -------------------------------------------------------------
    def run(self) -> list[SOP]:
        sections = self.doc.section_headers or [[p.name for p in self.doc.headers]]
        by_name = {p.name: p for p in self.doc.headers}
        done: set = set()

        def section_headers(k: int):
            for name in sections[min(k, len(sections) - 1)]:
                if name not in done and name in by_name:
                    done.add(name)
                    self.header_part(by_name[name])

        section_headers(0)
        sect = 0
        for block in self.doc.blocks:
            self.block(block)
            if isinstance(block, Paragraph) and block.sect_end:
                # a new section: its own page header may carry the next SOP's identity
                sect += 1
                self.close_entry()
                section_headers(sect)
        for part in self.doc.headers:
            if part.name not in done:
                done.add(part.name)
                self.header_part(part)
        self.close_entry()
        self.flush_weak()
        if not self.builders:
            self.new_builder()
        elif self.pre:
            for ln in self.pre:
                self.cur.unplaced(ln.text, ln.lokasi)
            self.pre = []
        for part in self.doc.footers:
            for p in blocks.paras(part.blocks):
                for ln in para_lines(p, "footer"):
                    self.builders[0].unplaced(ln.text, "footer")
                self._shape_texts(p, self.builders[0])
        return [assemble.finish(self, b) for b in self.builders]

    def header_part(self, part):
        self.header_lines = getattr(self, "header_lines", [])
        for b in part.blocks:
            if isinstance(b, Table):
                scan = identity.scan_table(b)
                if any(e.key in IDENT_KEYS for e in scan.entries):
                    self.info_table(b, scan, lokasi_part="header")
                    continue
                for p in blocks.paras([b]):
                    self.header_lines.extend(para_lines(p, "header"))
            else:
                self.header_lines.extend(para_lines(b, "header"))

    def block(self, block):
        if isinstance(block, Paragraph):
            self.paragraph(block)
        else:
            self.table(block)

    def paragraph(self, p: Paragraph):
        b = self.cur
        if b is not None:
            self._shape_texts(p, b)
        else:
            for s in p.all_shapes():
                if s.text:
                    self.pre.append(Line(text=s.text, para=p, lokasi=shape_lokasi(s)))
        if b is not None:
            # a large picture (not a logo) may be the flowchart pasted as an image
            b.images += sum(1 for im in p.images if im.cx >= 2 * 914400 or im.cy >= 2 * 914400)
        lines = para_lines(p)
        if not lines:
            return
        for ln in lines:
            self.line(ln, p)

    def line(self, ln: Line, p: Paragraph):
        text = ln.text
        if blocks.is_heading(text, p):
            (self.cur.facts.judul if self.cur is not None else self.pre_heads).append(text)
        if self.mode == "proc_text" and self.cur is not None and self.section is not None:
            if self.section.ends_at(p, text) or text.lower().rstrip(": ") == "catatan konversi":
                self.mode, self.section = None, None
            else:
                # the procedure part: steps, group headings, lines beside a step
                if ln.n == 0:
                    self.cur.proc_paras.append(p)
                self.section.seen(p, text)
                return
        if self.mode == "catatan" and self.cur is not None:
            # soplint's own "Catatan konversi": "[lokasi] teks" back to tak_terpetakan
            m = _catatan_item_re().match(text)
            if m:
                self.cur.unplaced(m.group(2), Lokasi.parse(m.group(1)))
                return
            if not labels.is_title(text) and not labels.match(text, "identitas+daftar"):
                self.cur.unplaced(text, ln.lokasi)
                return
        if text.lower().rstrip(": ") == "catatan konversi" and self.cur is not None:
            self.close_entry()
            self.mode = "catatan"
            return
        if blocks.is_furniture(text):
            (self.cur.unplaced(text, ln.lokasi) if self.cur else self.pre.append(ln))
            return
        if labels.is_title(text) and not labels.match(text, "identitas+daftar"):
            self.close_entry()
            if self.cur is not None and self.cur.has_procedure:
                self.boundary = True
            self.mode = None
            self.pre.append(ln)
            return
        # a label?
        zone = self.cur is not None and self.cur.has_identity and not self.cur.has_procedure
        e = identity.entry_from_line(ln, unknown=False)
        if e is not None and e.key == "lainnya" and self.open is not None and self.open.key == "disahkan_oleh" \
                and identity.sign_sublabels_re().match(text):
            e = None
        if e is not None and e.key == "lainnya" and not zone:
            e = None
        if e is not None and self.open is not None and self.open.key in DAFTAR_FIELDS and e.key == "lainnya" \
                and not e.colon:
            e = None  # a list item that happens to read like a label
        if e is not None and e.key != "lainnya" and labels.is_weak(e.label) and not zone:
            # "Nomor : ..." outside an identity block: a letter, decree or form
            # field unless a real identity label follows right after it
            if e.values:
                self.close_entry()
                self.weak.append((e, ln))
                return
            e = None
        if e is not None:
            self.close_entry()
            self.mode = None
            self.after_ident = True
            vals = {e.key: " ".join(x.text for x in e.values)} if e.key in ("nomor_sop", "nama_sop") else {}
            if self.need_new(vals) or (self.cur is not None and e.key in IDENT_KEYS and
                                       self.cur.has_procedure and getattr(self.cur.sop.identitas, e.key) is not None):
                self.new_builder()
            self.take_weak()
            self.open = e
            if e.key not in MULTI and e.values:
                self.close_entry()
            return
        self.flush_weak()
        if (labels.match(text.rstrip(":"), "prosedur_judul") and len(text) < 60) or prose.is_procedure_heading(text):
            self.close_entry()
            if self.boundary and self.cur is not None and self.cur.has_procedure:
                self.new_builder()  # a new title block, then this SOP's procedure
            self.ensure()
            self.mode = "proc_text"
            self.section = prose.Section(p, text)
            self.cur.sop.lokasi.setdefault("kegiatan", ln.lokasi)
            if not labels.exact(text.rstrip(":"), "prosedur_judul"):
                self.cur.unplaced(text, ln.lokasi)  # a heading read fuzzily ("D. Prosedur Kerja"): keep its text
            return
        if self.open is not None:
            if self.open.key in MULTI or not self.open.values:
                self.open.values.append(ln)
                if self.open.key not in MULTI:
                    self.close_entry()
                return
            self.close_entry()
        if self.mode is None and self.after_ident and self.cur is not None and self.cur.has_identity \
                and not self.cur.has_procedure \
                and ln.n == 0 and p.cell is None and steps_text.step_number(p)[0] in (0, 1) \
                and prose.has_verb(steps_text.step_number(p)[1]):
            self.mode = "proc_text"  # numbered steps right after the identity, without a heading
            self.section = prose.Section(None, "")
            self.section.first = "step"
            self.cur.sop.lokasi.setdefault("kegiatan", ln.lokasi)
        if self.mode == "proc_text" and self.cur is not None:
            if ln.n == 0:
                self.cur.proc_paras.append(p)
            else:
                # a line break inside a step paragraph: part of it
                pass
            return
        self.after_ident = False
        self.pre.append(ln)

    def _shape_texts(self, p: Paragraph, b: Builder):
        for s in p.all_shapes():
            if s.text and s.para is p:
                b.unplaced(s.text, shape_lokasi(s))

    def table(self, t: Table):
        self.close_entry()
        if self.weak and not blocks.has_identity_table(t):
            self.flush_weak()
        cm = procedure.detect_header(t)
        if cm is None and self.last_proc is not None and procedure.same_layout(t, self.last_proc.cm):
            cm = procedure.ColMap(roles=dict(self.last_proc.cm.roles), actors=dict(self.last_proc.cm.actors),
                                  actor_at=dict(self.last_proc.cm.actor_at), data_start=0,
                                  ncols=self.last_proc.cm.ncols, waktu_unit=self.last_proc.cm.waktu_unit)
        if cm is not None:
            if cm.header_row > 0:
                # identity / detail rows above the procedure in the same table
                scan = identity.scan_table(t, stop=cm.header_row)
                if any(e.key != "lainnya" for e in scan.entries):
                    self.info_table(t, scan, stop=cm.header_row)
                else:
                    b = self.cur
                    for ln in blocks.table_lines(t, stop=cm.header_row):
                        if labels.exact(ln.text.rstrip(": "), "prosedur_judul"):
                            continue
                        (b.unplaced(ln.text, ln.lokasi) if b is not None else self.pre.append(ln))
            self.proc_table(t, cm)
            return
        # a layout table wrapping the SOP (one cell, or cells holding tables)
        if blocks.is_wrapper(t):
            for row in t.rows:
                for cell in row.cells:
                    if cell.origin is None:
                        for blk in cell.blocks:
                            if isinstance(blk, Table):
                                self.table(blk)
                            else:
                                self.cell_paragraph(blk)
            return
        scan = identity.scan_table(t) if not blocks.is_listing(t) else identity.TableScan()
        known = [e for e in scan.entries if e.key != "lainnya"]
        if known:
            self.info_table(t, scan)
            return
        # a table with no label: if nested procedure tables are inside, read them
        nested = [blk for row in t.rows for c in row.cells for blk in c.blocks if isinstance(blk, Table)]
        if any(procedure.detect_header(n) for n in nested):
            for row in t.rows:
                for cell in row.cells:
                    for blk in cell.blocks:
                        if isinstance(blk, Table):
                            self.table(blk)
                        else:
                            self.cell_paragraph(blk)
            return
        b = self.cur
        if blocks.is_schedule(t):
            if b is not None:
                b.facts.tabel_jadwal += 1
            else:
                self.pre_schedules += 1
        for ln in blocks.table_lines(t):
            if b is not None:
                b.unplaced(ln.text, ln.lokasi)
            else:
                self.pre.append(ln)
        for p in blocks.paras([t]):
            for s in p.all_shapes():
                if s.text:
                    (b.unplaced(s.text, shape_lokasi(s)) if b else
                     self.pre.append(Line(text=s.text, para=p, lokasi=shape_lokasi(s))))

    def cell_paragraph(self, p: Paragraph):
        for ln in para_lines(p):
            self.line(ln, p)

    def proc_table(self, t: Table, cm: procedure.ColMap):
        b = self.cur
        if b is None or (self.boundary and (b.has_procedure or b.has_identity)):
            b = self.new_builder()
        self.mode = None
        pt = procedure.read_table(t, cm, b.sop.pelaksana)
        b.proc_tables.append(pt)
        b.sop.lokasi.setdefault("kegiatan", Lokasi(tabel=t.index or 0))
        # header cells other than the column labels and actor names are text too
        self.last_proc = pt

    def info_table(self, t: Table, scan: identity.TableScan, lokasi_part: Optional[str] = None,
                   stop: Optional[int] = None):
        vals = {e.key: " ".join(x.text for x in e.values) for e in scan.entries
                if e.key in ("nomor_sop", "nama_sop") and not labels.is_weak(e.label)}
        keys = {e.key for e in scan.entries if e.key in IDENT_KEYS}
        # an identity block: its own number or name, or several identity fields
        # (an approval table "Dibuat / Diperiksa / Disetujui oleh" is none)
        has_ident = bool(vals) or len(keys) >= 2
        fills = self.cur is not None and any(e.key in DAFTAR_FIELDS and getattr(self.cur.sop, e.key) is None
                                             for e in scan.entries)
        if not has_ident and not fills and self.cur is not None and self.cur.has_procedure:
            # labelled text after the procedure (an approval table, a form)
            # that starts no new SOP: kept as text, not as identity
            for ln in blocks.table_lines(t, stop=stop):
                self.cur.unplaced(ln.text, ln.lokasi)
            for row in t.rows[:stop] if stop is not None else t.rows:
                for c in row.cells:
                    for p in c.all_paragraphs():
                        self._shape_texts(p, self.cur)
            return
        if self.cur is None or (has_ident and self.need_new(vals)) or (
                has_ident and self.cur.has_procedure and not vals):
            self.new_builder()
        b = self.cur
        self.last_proc = None
        self.mode = None
        self.after_ident = True
        inst_lines = [ln for ln, before in scan.orphans if before]
        later = [ln for ln, before in scan.orphans if not before]
        if has_ident and not b.sop.identitas.instansi:
            for ln in inst_lines:
                if labels.is_title(ln.text):
                    b.title.append(ln)
                elif blocks.is_furniture(ln.text):
                    b.unplaced(ln.text, ln.lokasi)
                else:
                    b.sop.identitas.instansi.append(ln.text)
                    b.sop.lokasi.setdefault("identitas.instansi", ln.lokasi)
            b.instansi_done = bool(b.sop.identitas.instansi)
        else:
            later = inst_lines + later
        for e in scan.entries:
            self._apply(e)
        if has_ident:
            self.take_weak()
        for ln in later:
            if labels.is_title(ln.text):
                b.title.append(ln)
            else:
                b.unplaced(ln.text, ln.lokasi)
        for row in t.rows[:stop] if stop is not None else t.rows:
            for c in row.cells:
                for p in c.all_paragraphs():
                    self._shape_texts(p, b)

    # -- finishing ----------------------------------------------------------
def build(doc: Document, options: Optional[dict] = None) -> list[SOP]:
    """The models of a document, each with its kind and reading confidence."""
    from soplint.confidence import annotate

    stream = Stream(doc, options or {})
    sops = stream.run()
    annotate(sops, [b.facts for b in stream.builders])
    return sops
