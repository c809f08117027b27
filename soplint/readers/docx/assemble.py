"""One SOP being built from the document stream (:class:`Builder`) and the
model it becomes (:func:`finish`). Nothing here sees XML.
"""
from __future__ import annotations

from soplint import labels
from soplint.kind import Facts
from soplint.lokasi import Lokasi
from soplint.model import DAFTAR_FIELDS, SOP, TakTerpetakan
from soplint.readers.docx import freeform, procedure, prose, table_steps
from soplint.readers.docx.blocks import dedupe
from soplint.readers.docx.common import Line, para_lines
from soplint.readers.docx.identity import IDENT_KEYS
from soplint.readers.docx.tree import Paragraph


class Builder:
    def __init__(self):
        self.sop = SOP()
        self.proc_tables: list[procedure.ProcTable] = []
        self.proc_paras: list[Paragraph] = []
        self.title: list[Line] = []
        self.instansi_done = False
        self.images = 0
        #: what the kind decision needs beyond the model (soplint.kind)
        self.facts = Facts()

    @property
    def has_procedure(self) -> bool:
        return bool(self.proc_tables) or any(prose.marker(p)[0] not in (None, "tahap") for p in self.proc_paras)

    @property
    def has_identity(self) -> bool:
        i = self.sop.identitas
        return any(getattr(i, k) is not None for k in IDENT_KEYS) or any(
            getattr(self.sop, k) is not None for k in DAFTAR_FIELDS)

    def unplaced(self, text: str, lokasi: str):
        if text:
            self.sop.tak_terpetakan.append(TakTerpetakan(teks=text, lokasi=lokasi))


def finish(stream, b: Builder) -> SOP:
    """The model of one SOP: instansi and title, the steps of its procedure
    (tables or text), a signing block written as prose."""
    sop = b.sop
    ident = sop.identitas
    if not ident.instansi:
        pre_inst = getattr(b, "_pre_instansi", [])
        if pre_inst:
            ident.instansi = [ln.text for ln in pre_inst]
            sop.lokasi.setdefault("identitas.instansi", pre_inst[0].lokasi)
        elif b is stream.builders[0]:
            hl = getattr(stream, "header_lines", [])
            used = [ln for ln in hl if labels.looks_like_instansi(ln.text)]
            if used:
                ident.instansi = dedupe([ln.text for ln in used])
                sop.lokasi.setdefault("identitas.instansi", Lokasi(bagian="header"))
    elif getattr(b, "_pre_instansi", None):
        for ln in b._pre_instansi:
            b.unplaced(ln.text, ln.lokasi)
    if b is stream.builders[0]:
        seen = set(ident.instansi)
        for ln in getattr(stream, "header_lines", []):
            if ln.text in seen:
                continue
            seen.add(ln.text)
            b.unplaced(ln.text, "header")
    # the title: nama_sop where no "Nama SOP" label exists
    for ln in b.title:
        name = freeform.title_name(ln.text)
        if ident.nama_sop is None and name:
            ident.nama_sop = name
            sop.lokasi.setdefault("identitas.nama_sop", ln.lokasi)
        else:
            b.unplaced(ln.text, ln.lokasi)
    # procedure
    if b.proc_tables:
        actors: list[str] = []
        for pt in b.proc_tables:
            for c in sorted(pt.cm.actors):
                name = pt.cm.actors[c]
                if name and name not in actors:
                    actors.append(name)
        text_actors: list[str] = []
        steps, unplaced = table_steps.finish(b.proc_tables, text_actors, stream.options)
        sop.pelaksana = actors + [a for a in text_actors if a not in actors]
        sop.kegiatan = steps
        sop.tak_terpetakan.extend(unplaced)
        drawn = any(k.bentuk not in (None, "centang") for k in steps)
        if not drawn and (b.images or any(pt.images for pt in b.proc_tables)):
            sop.sumber.gambar_alur = True
        b.facts.tabel_prosedur = True
        b.facts.kolom_pelaksana = bool(actors)
        b.facts.bagan_alir = drawn or sop.sumber.gambar_alur
        for p in b.proc_paras:  # text under a procedure heading beside the table
            for ln in para_lines(p):
                b.unplaced(ln.text, ln.lokasi)
    elif b.proc_paras:
        sop.kegiatan, unplaced = prose.make_steps(b.proc_paras, sop.pelaksana, stream.options)
        sop.tak_terpetakan.extend(unplaced)
    freeform.signing_block(sop)
    return sop
