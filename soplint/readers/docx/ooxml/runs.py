"""Paragraphs, runs and fields: text split across runs, content controls,
tracked changes (accepted view), hyperlinks, simple and complex fields (result
kept, field codes dropped), tabs/breaks/no-break hyphens, symbol characters."""
from __future__ import annotations

from typing import Optional

from soplint.lazyre import lazy_pattern
from soplint.readers.docx.ooxml.ns import (
    _OFF,
    _VAL,
    _W_ascii,
    _W_b,
    _W_bCs,
    _W_char,
    _W_fldCharType,
    _W_font,
    _W_hAnsi,
    _W_ilvl,
    _W_numId,
    _W_numPr,
    _W_outlineLvl,
    _W_pStyle,
    _W_rFonts,
    _W_u,
    T_ALT,
    T_BDO,
    T_BR,
    T_CR,
    T_CUSTOMXML,
    T_DEL,
    T_DIR,
    T_DRAWING,
    T_FLDCHAR,
    T_FLDSIMPLE,
    T_HYPER,
    T_INS,
    T_MOVEFROM,
    T_MOVETO,
    T_MT,
    T_NBH,
    T_OBJECT,
    T_OMATH,
    T_OMATHPARA,
    T_PICT,
    T_PPR,
    T_PTAB,
    T_R,
    T_RPR,
    T_SDT,
    T_SDTCONTENT,
    T_SECTPR,
    T_SMARTTAG,
    T_SYM,
    T_T,
    T_TAB,
    _choose,
    _find,
    _int,
)
from soplint.readers.docx.tree import Cell, Paragraph

# Symbol fonts: private-use code point (0xF000 + glyph) -> Unicode
_SYMBOLS = {
    "wingdings": {0xFC: "√", 0xFB: "X", 0xFD: "☒", 0xFE: "☑", 0xA8: "☐", 0x6F: "☐", 0x71: "☐",
                  0x78: "☒", 0xA7: "▪", 0x9F: "•", 0x6C: "●", 0xD8: "➢", 0xE0: "→", 0xE8: "→",
                  0x4A: "☺", 0x77: "◆", 0x76: "❖", 0xF0: "⇨"},
    "wingdings 2": {0x50: "√", 0x4F: "X", 0x54: "☒", 0x52: "☑", 0x51: "☒", 0xA3: "☐", 0x2A: "☐"},
    "symbol": {0xD6: "√", 0xB7: "•", 0xAE: "→", 0xB4: "×", 0xB1: "±", 0xB3: "≥", 0xA3: "≤",
               0xAC: "←", 0xDE: "⇒", 0x2D: "−"},
}

# compiled on first use: only some documents have symbol characters
_hex_re = lazy_pattern(r"[0-9A-Fa-f]+")


class _Ctx:
    """State carried across one part: field nesting, counters, the cell."""

    def __init__(self, part: str):
        self.part = part
        self.field_stack: list[str] = []  # "code" | "result" per open complex field
        self.cell: Optional[Cell] = None


class RunsMixin:
    """Reader methods for paragraphs and what is inside them."""

    def _paragraph(self, el, ctx: _Ctx, top: bool) -> Paragraph:
        p = Paragraph(part=ctx.part, cell=ctx.cell)
        if self.elements is not None:
            self.elements[p] = el
        if top and ctx.part == "body":
            self.para_index += 1
            p.index = self.para_index
        num = None
        # children as a list: one lxml iterator costs more than the list
        kids = el[:]
        first = kids[0] if kids else None
        ppr = first if first is not None and first.tag == T_PPR else None
        if ppr is not None:
            npr = None
            for x in ppr[:]:
                xt = x.tag
                if xt == _W_pStyle:
                    p.style = x.get(_VAL) or ""
                elif xt == _W_numPr:
                    npr = x
                elif xt == _W_outlineLvl:
                    p.outline = _int(x.get(_VAL))
                elif xt == T_SECTPR:
                    p.sect_end = True
            if npr is not None:
                nid = _find(npr, _W_numId)
                il = _find(npr, _W_ilvl)
                if nid is not None:
                    num = (nid.get(_VAL), _int(il.get(_VAL)) if il is not None else 0)
                elif il is not None and p.style in self.styles.numpr:
                    num = (self.styles.numpr[p.style][0], _int(il.get(_VAL)))
        if not p.style:
            p.style = self.styles.default_para
        if num is None and p.style in self.styles.numpr:
            num = self.styles.numpr[p.style]
        if p.outline is None and p.style in self.styles.outline:
            p.outline = self.styles.outline[p.style]
        p.style_name = self.styles.names.get(p.style, p.style)
        buf: list[str] = []
        flags = [0, 0, 0]  # visible runs, bold runs, underlined runs
        # the pPr read above is skipped as _inline would skip it
        self._inline(el, p, ctx, buf, flags, kids if ppr is None else kids[1:])
        p.raw = "".join(buf)
        if num is not None and p.raw.strip():
            p.num = self.numbering.label(num[0], num[1])
        elif num is not None:
            # an empty numbered paragraph still advances Word's counter
            self.numbering.label(num[0], num[1])
        if flags[0]:
            p.bold = flags[1] == flags[0]
            p.underline = flags[2] == flags[0]
        return p

    def _inline(self, parent, p: Paragraph, ctx: _Ctx, buf: list, flags: list, children=None):
        for el in (parent[:] if children is None else children):
            tag = el.tag
            if tag == T_R:
                self._run(el, p, ctx, buf, flags)
            elif tag in (T_HYPER, T_SMARTTAG, T_CUSTOMXML, T_INS, T_MOVETO, T_BDO, T_DIR, T_FLDSIMPLE):
                self._inline(el, p, ctx, buf, flags)
            elif tag == T_SDT:
                content = _find(el, T_SDTCONTENT)
                if content is not None:
                    self._inline(content, p, ctx, buf, flags)
            elif tag in (T_DEL, T_MOVEFROM, T_PPR):
                continue
            elif tag == T_ALT:
                chosen = _choose(el)
                if chosen is not None:
                    self._inline(chosen, p, ctx, buf, flags)
            elif tag in (T_OMATHPARA, T_OMATH):
                if not ctx.field_stack or ctx.field_stack[-1] != "code":
                    buf.append("".join(t.text or "" for t in el.iter(T_MT)))

    def _run(self, r, p: Paragraph, ctx: _Ctx, buf: list, flags: list):
        symfont = None
        bold = underline = False
        visible = False
        stack = ctx.field_stack
        for el in r[:]:
            tag = el.tag
            if tag == T_T:
                if not stack or stack[-1] != "code":
                    t = el.text
                    if t:
                        if symfont:
                            table = _SYMBOLS[symfont]
                            t = "".join(table.get(ord(c) & 0xFF, c) if (ord(c) < 0x100 or 0xF000 <= ord(c) <= 0xF0FF)
                                        else c for c in t)
                        buf.append(t)
                        if not visible and not t.isspace():
                            visible = True
                continue
            if tag == T_RPR:
                for x in el[:]:
                    xt = x.tag
                    if xt == _W_b or xt == _W_bCs:
                        bold = bold or x.get(_VAL) not in _OFF
                    elif xt == _W_u:
                        underline = x.get(_VAL) not in _OFF
                    elif xt == _W_rFonts:
                        f = (x.get(_W_ascii) or x.get(_W_hAnsi) or "").lower()
                        if f in _SYMBOLS:
                            symfont = f
                continue
            if tag == T_FLDCHAR:
                kind = el.get(_W_fldCharType)
                if kind == "begin":
                    stack.append("code")
                elif kind == "separate":
                    if stack:
                        stack[-1] = "result"
                elif kind == "end":
                    if stack:
                        stack.pop()
                continue
            if stack and stack[-1] == "code":
                continue
            if tag == T_TAB or tag == T_PTAB:
                buf.append("\t")
            elif tag == T_BR or tag == T_CR:
                buf.append("\n")
            elif tag == T_NBH:
                buf.append("-")
                visible = True
            elif tag == T_SYM:
                font = (el.get(_W_font) or "").lower()
                raw = el.get(_W_char) or ""
                code = int(raw, 16) if _hex_re().fullmatch(raw) else 0
                ch = _SYMBOLS.get(font, {}).get(code & 0xFF)
                if ch is None:
                    ch = chr(code) if 0x20 <= code < 0xF000 else ""
                buf.append(ch)
                visible = visible or bool(ch.strip())
            elif tag == T_DRAWING:
                self._drawing(el, p, ctx)
            elif tag == T_PICT or tag == T_OBJECT:
                self._vml_container(el, p, ctx, group="", gx=None)
            elif tag == T_ALT:
                chosen = _choose(el)
                if chosen is not None:
                    # the chosen branch may hold w:drawing / w:pict / runs
                    for sub in chosen[:]:
                        if sub.tag == T_DRAWING:
                            self._drawing(sub, p, ctx)
                        elif sub.tag in (T_PICT, T_OBJECT):
                            self._vml_container(sub, p, ctx, group="", gx=None)
                        elif sub.tag == T_R:
                            self._run(sub, p, ctx, buf, flags)
        if visible:
            flags[0] += 1
            flags[1] += bold
            flags[2] += underline
