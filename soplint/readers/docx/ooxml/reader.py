"""The walker: one :class:`Reader` per document, made of the methods of the
package, runs, tables, DrawingML and VML modules, building the blocks of the
body, headers, footers, cells and text boxes."""
from __future__ import annotations

from typing import Optional

from soplint.readers.docx.ooxml.drawingml import DrawingMLMixin
from soplint.readers.docx.ooxml.ns import (
    _RID,
    _W_body,
    _W_comment,
    _W_footerReference,
    _W_headerReference,
    T_ALT,
    T_ALTCHUNK,
    T_CUSTOMXML,
    T_INS,
    T_MOVETO,
    T_P,
    T_SDT,
    T_SDTCONTENT,
    T_SECTPR,
    T_TBL,
    _choose,
    _find,
)
from soplint.readers.docx.ooxml.numbering import Numbering
from soplint.readers.docx.ooxml.package import _STRICT_W, PackageMixin, _count_changes, _transitional
from soplint.readers.docx.ooxml.runs import RunsMixin, _Ctx
from soplint.readers.docx.ooxml.styles import Styles, styles_for
from soplint.readers.docx.ooxml.tables import TablesMixin
from soplint.readers.docx.ooxml.vml import VmlMixin
from soplint.readers.docx.tree import Document, Part


class Reader(PackageMixin, RunsMixin, TablesMixin, DrawingMLMixin, VmlMixin):
    def __init__(self, pkg, elements: Optional[dict] = None):
        self.pkg = pkg
        #: when a dict is given: tree node -> the element it was read from
        #: (paragraphs -> w:p, tables -> w:tbl, cells -> w:tc)
        self.elements = elements
        #: the main part's name and parsed root (kept once read)
        self.main = ""
        self.root = None
        self.doc = Document()
        self.rels: dict[str, str] = {}
        self.numbering = Numbering(None)
        self.styles = Styles(None)
        self.para_index = 0
        self.table_index = 0
        self.group_seq = 0
        #: VML connector rules: connector id -> (start id, end id)
        self.vml_rules: dict[str, tuple[Optional[str], Optional[str]]] = {}
        self.shapetypes: dict[str, str] = {}

    def read(self) -> Document:
        main = self._main_part()
        data = self.pkg.read(main)
        from soplint.safezip import parse_xml

        self.strict = _STRICT_W in data[:4096]
        if self.strict:
            data = _transitional(data)
        root = parse_xml(data, self.pkg.path, main)
        self.main, self.root = main, root
        has_vml = b"urn:schemas-microsoft-com:vml" in data
        rels = self._part_rels(main)
        by_type = {}
        for rid, (typ, target) in rels.items():
            by_type.setdefault(typ.rsplit("/", 1)[-1], []).append(target)
        for name in by_type.get("numbering", []):
            if self.pkg.has(name):
                self.numbering = Numbering(self._xml(name))
        for name in by_type.get("styles", []):
            if self.pkg.has(name):
                self.styles = styles_for(self.pkg, name)
        for name in by_type.get("settings", []) if has_vml else []:
            if self.pkg.has(name):
                self._collect_vml_rules(self._xml(name))
        for name in by_type.get("comments", []):
            if self.pkg.has(name):
                self.doc.comments += sum(1 for _ in self._xml(name).iterchildren(_W_comment))
        self._collect_vml_rules(root)
        self.doc.tracked_changes += _count_changes(root)
        body = _find(root, _W_body)
        if body is not None:
            self.doc.blocks = self._blocks(body, _Ctx("body"), top=True)
        # headers and footers referenced by the sections, in document order
        parsed: dict = {}
        seen = set()
        current: list[str] = []
        for sect in root.iter(T_SECTPR):
            here = []
            for ref in sect:
                if ref.tag not in (_W_headerReference, _W_footerReference):
                    continue
                rel = rels.get(ref.get(_RID))
                if rel is not None and ref.tag == _W_headerReference and self.pkg.has(rel[1]):
                    here.append(rel[1])
                if rel is None or rel[1] in seen or not self.pkg.has(rel[1]):
                    continue
                seen.add(rel[1])
                kind = "header" if ref.tag == _W_headerReference else "footer"
                proot = parsed[rel[1]] = self._xml(rel[1])
                self.doc.tracked_changes += _count_changes(proot)
                part = Part(name=rel[1], kind=kind, blocks=self._blocks(proot, _Ctx(kind), top=False))
                (self.doc.headers if kind == "header" else self.doc.footers).append(part)
            # a section without header references keeps the previous section's
            current = here or current
            self.doc.section_headers.append(list(current))
        self.doc.logo = self._logo(root, rels, parsed)
        return self.doc

    def _logo(self, root, rels, parsed: dict):
        """The source's logo (part name, bytes), or None; a damaged
        picture or header never fails the reading (a logo is a nicety)."""
        from soplint.readers.docx.ooxml import logo

        try:
            return logo.find(self.pkg, root, rels, lambda name: parsed[name] if name in parsed else self._xml(name),
                             self._part_rels)
        except Exception:
            return None

    # -- blocks -------------------------------------------------------------
    def _blocks(self, parent, ctx: _Ctx, top: bool, children=None) -> list:
        """Blocks of ``parent`` (of the iterable ``children`` of it when
        given: a cell's children after its tcPr)."""
        out = []
        for el in (parent[:] if children is None else children):
            tag = el.tag
            if tag == T_P:
                out.append(self._paragraph(el, ctx, top))
            elif tag == T_TBL:
                out.append(self._table(el, ctx, top))
            elif tag in (T_SDT,):
                content = _find(el, T_SDTCONTENT)
                if content is not None:
                    out.extend(self._blocks(content, ctx, top))
            elif tag in (T_CUSTOMXML, T_INS, T_MOVETO, T_SDTCONTENT):
                out.extend(self._blocks(el, ctx, top))
            elif tag == T_ALT:
                chosen = _choose(el)
                if chosen is not None:
                    out.extend(self._blocks(chosen, ctx, top))
            elif tag == T_ALTCHUNK:
                self.doc.alt_chunks += 1
        return out

    def _txbx(self, content, ctx: _Ctx) -> list:
        sub = _Ctx("textbox")
        sub.cell = None
        return self._blocks(content, sub, top=False)
