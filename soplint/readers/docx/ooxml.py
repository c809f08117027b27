"""OOXML -> neutral document tree (the only layer that touches raw XML).

Reads ``word/document.xml`` (plus numbering, styles, headers/footers, comments
and VML connector rules) of a package opened through
:class:`soplint.safezip.DocxPackage` and returns a
:class:`soplint.readers.docx.tree.Document`.

Word mechanics handled here: text split across runs, content controls at
block/row/cell/run level, tracked changes (accepted view: ``w:ins`` kept,
``w:del`` dropped, both counted), hyperlinks, simple and complex fields (result
kept, field codes dropped), tabs/breaks/NBSP/no-break hyphens, symbol
characters (Wingdings ticks), merged cells (gridSpan, vMerge, hMerge),
nested tables, ``mc:AlternateContent`` (Choice preferred, Fallback only
without a Choice), DrawingML shapes, groups and canvases, legacy VML shapes,
lines and connectors, text boxes, pictures, headers and footers.
"""
from __future__ import annotations

import posixpath
import re
from typing import Optional

from soplint.readers.docx.tree import (
    Cell,
    Document,
    Image,
    NumInfo,
    Paragraph,
    Part,
    Row,
    Shape,
    Table,
)
from soplint.lazyre import lazy_pattern

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
WPC = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
O = "urn:schemas-microsoft-com:office:office"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def w(tag):
    return "{%s}%s" % (W, tag)


# every w: tag the walker compares, computed once
_W_abstractNum = "{%s}abstractNum" % W
_W_abstractNumId = "{%s}abstractNumId" % W
_W_altChunk = "{%s}altChunk" % W
_W_ascii = "{%s}ascii" % W
_W_b = "{%s}b" % W
_W_bCs = "{%s}bCs" % W
_W_basedOn = "{%s}basedOn" % W
_W_bdo = "{%s}bdo" % W
_W_body = "{%s}body" % W
_W_br = "{%s}br" % W
_W_char = "{%s}char" % W
_W_comment = "{%s}comment" % W
_W_cr = "{%s}cr" % W
_W_customXml = "{%s}customXml" % W
_W_default = "{%s}default" % W
_W_del = "{%s}del" % W
_W_delInstrText = "{%s}delInstrText" % W
_W_delText = "{%s}delText" % W
_W_dir = "{%s}dir" % W
_W_drawing = "{%s}drawing" % W
_W_fldChar = "{%s}fldChar" % W
_W_fldCharType = "{%s}fldCharType" % W
_W_fldSimple = "{%s}fldSimple" % W
_W_font = "{%s}font" % W
_W_footerReference = "{%s}footerReference" % W
_W_gridBefore = "{%s}gridBefore" % W
_W_gridCol = "{%s}gridCol" % W
_W_gridSpan = "{%s}gridSpan" % W
_W_hAnsi = "{%s}hAnsi" % W
_W_hMerge = "{%s}hMerge" % W
_W_headerReference = "{%s}headerReference" % W
_W_hyperlink = "{%s}hyperlink" % W
_W_ilvl = "{%s}ilvl" % W
_W_ins = "{%s}ins" % W
_W_instrText = "{%s}instrText" % W
_W_lastRenderedPageBreak = "{%s}lastRenderedPageBreak" % W
_W_lvl = "{%s}lvl" % W
_W_lvlOverride = "{%s}lvlOverride" % W
_W_lvlText = "{%s}lvlText" % W
_W_moveFrom = "{%s}moveFrom" % W
_W_moveTo = "{%s}moveTo" % W
_W_name = "{%s}name" % W
_W_noBreakHyphen = "{%s}noBreakHyphen" % W
_W_num = "{%s}num" % W
_W_numFmt = "{%s}numFmt" % W
_W_numId = "{%s}numId" % W
_W_numPr = "{%s}numPr" % W
_W_object = "{%s}object" % W
_W_outlineLvl = "{%s}outlineLvl" % W
_W_p = "{%s}p" % W
_W_pPr = "{%s}pPr" % W
_W_pStyle = "{%s}pStyle" % W
_W_pict = "{%s}pict" % W
_W_ptab = "{%s}ptab" % W
_W_r = "{%s}r" % W
_W_rFonts = "{%s}rFonts" % W
_W_rPr = "{%s}rPr" % W
_W_sdt = "{%s}sdt" % W
_W_sdtContent = "{%s}sdtContent" % W
_W_sectPr = "{%s}sectPr" % W
_W_smartTag = "{%s}smartTag" % W
_W_softHyphen = "{%s}softHyphen" % W
_W_specVanish = "{%s}specVanish" % W
_W_start = "{%s}start" % W
_W_startOverride = "{%s}startOverride" % W
_W_style = "{%s}style" % W
_W_styleId = "{%s}styleId" % W
_W_sym = "{%s}sym" % W
_W_t = "{%s}t" % W
_W_tab = "{%s}tab" % W
_W_tbl = "{%s}tbl" % W
_W_tblGrid = "{%s}tblGrid" % W
_W_tblHeader = "{%s}tblHeader" % W
_W_tc = "{%s}tc" % W
_W_tcPr = "{%s}tcPr" % W
_W_tcW = "{%s}tcW" % W
_W_tr = "{%s}tr" % W
_W_trHeight = "{%s}trHeight" % W
_W_trPr = "{%s}trPr" % W
_W_txbxContent = "{%s}txbxContent" % W
_W_type = "{%s}type" % W
_W_u = "{%s}u" % W
_W_vMerge = "{%s}vMerge" % W
_W_val = "{%s}val" % W
_W_vanish = "{%s}vanish" % W
_W_w = "{%s}w" % W

# frequently compared tags
T_P, T_R, T_T, T_TBL, T_TR, T_TC = _W_p, _W_r, _W_t, _W_tbl, _W_tr, _W_tc
T_SDT, T_SDTCONTENT, T_CUSTOMXML = _W_sdt, _W_sdtContent, _W_customXml
T_INS, T_DEL, T_MOVETO, T_MOVEFROM = _W_ins, _W_del, _W_moveTo, _W_moveFrom
T_HYPER, T_FLDSIMPLE, T_SMARTTAG = _W_hyperlink, _W_fldSimple, _W_smartTag
T_PPR, T_RPR, T_TAB, T_BR, T_CR = _W_pPr, _W_rPr, _W_tab, _W_br, _W_cr
T_FLDCHAR, T_INSTR, T_DELTEXT, T_DELINSTR = _W_fldChar, _W_instrText, _W_delText, _W_delInstrText
T_NBH, T_SOFTH, T_SYM = _W_noBreakHyphen, _W_softHyphen, _W_sym
T_DRAWING, T_PICT, T_OBJECT = _W_drawing, _W_pict, _W_object
T_ALT = "{%s}AlternateContent" % MC
T_CHOICE, T_FALLBACK = "{%s}Choice" % MC, "{%s}Fallback" % MC
T_TXBX = _W_txbxContent
T_SECTPR, T_ALTCHUNK = _W_sectPr, _W_altChunk
T_BDO, T_DIR = _W_bdo, _W_dir
T_OMATH, T_OMATHPARA, T_MT = "{%s}oMath" % M, "{%s}oMathPara" % M, "{%s}t" % M
T_PTAB = _W_ptab
T_LASTRENDERED = _W_lastRenderedPageBreak

_VAL = _W_val
_RID = "{%s}id" % R

#: tracked-change elements counted for sumber.perubahan_terlacak
_CHANGE_TAGS = [w(t) for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange",
                               "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange",
                               "cellIns", "cellDel", "cellMerge", "numberingChange")]

# Symbol fonts: private-use code point (0xF000 + glyph) -> Unicode
_SYMBOLS = {
    "wingdings": {0xFC: "√", 0xFB: "X", 0xFD: "☒", 0xFE: "☑", 0xA8: "☐", 0x6F: "☐", 0x71: "☐",
                  0x78: "☒", 0xA7: "▪", 0x9F: "•", 0x6C: "●", 0xD8: "➢", 0xE0: "→", 0xE8: "→",
                  0x4A: "☺", 0x77: "◆", 0x76: "❖", 0xF0: "⇨"},
    "wingdings 2": {0x50: "√", 0x4F: "X", 0x54: "☒", 0x52: "☑", 0x51: "☒", 0xA3: "☐", 0x2A: "☐"},
    "symbol": {0xD6: "√", 0xB7: "•", 0xAE: "→", 0xB4: "×", 0xB1: "±", 0xB3: "≥", 0xA3: "≤",
               0xAC: "←", 0xDE: "⇒", 0x2D: "−"},
}

# VML o:spt numbers of connector types and text boxes
_VML_CONNECTORS = {"32", "33", "34", "35", "36", "37", "38", "39", "40"}
_VML_NAMES = {"1": "rect", "2": "roundRect", "3": "ellipse", "4": "diamond", "20": "line", "202": "textbox"}
_VML_SHAPES = {"{%s}%s" % (V, t): t for t in ("shape", "rect", "roundrect", "oval", "line", "polyline",
                                              "arc", "curve", "image")}
T_VGROUP, T_VSHAPETYPE, T_VTEXTBOX = "{%s}group" % V, "{%s}shapetype" % V, "{%s}textbox" % V
T_VIMAGEDATA = "{%s}imagedata" % V
T_VSTROKE, T_VTEXTPATH = "{%s}stroke" % V, "{%s}textpath" % V
_O_spt, _O_spid, _O_hr, _O_connectortype = ("{%s}%s" % (O, t) for t in ("spt", "spid", "hr", "connectortype"))
T_ORULE, T_OPROXY = "{%s}r" % O, "{%s}proxy" % O
T_WP_INLINE, T_WP_ANCHOR = "{%s}inline" % WP, "{%s}anchor" % WP
T_WP_DOCPR, T_WP_EXTENT, T_WP_SIMPLEPOS = "{%s}docPr" % WP, "{%s}extent" % WP, "{%s}simplePos" % WP
T_WP_POSH, T_WP_POSV = "{%s}positionH" % WP, "{%s}positionV" % WP
T_WP_POSOFFSET, T_WP_ALIGN = "{%s}posOffset" % WP, "{%s}align" % WP
T_A_GRAPHIC, T_A_GRAPHICDATA = "{%s}graphic" % A, "{%s}graphicData" % A
T_A_STCXN, T_A_ENDCXN = "{%s}stCxn" % A, "{%s}endCxn" % A
T_A_PRSTGEOM, T_A_CUSTGEOM, T_A_XFRM, T_A_LN = "{%s}prstGeom" % A, "{%s}custGeom" % A, "{%s}xfrm" % A, "{%s}ln" % A
T_A_OFF, T_A_EXT, T_A_CHOFF, T_A_CHEXT = "{%s}off" % A, "{%s}ext" % A, "{%s}chOff" % A, "{%s}chExt" % A
T_A_HEADEND, T_A_TAILEND = "{%s}headEnd" % A, "{%s}tailEnd" % A
T_WPS_WSP, T_WPS_CNVPR, T_WPS_CNVCNPR = "{%s}wsp" % WPS, "{%s}cNvPr" % WPS, "{%s}cNvCnPr" % WPS
T_WPS_CNVSPPR, T_WPS_SPPR, T_WPS_TXBX = "{%s}cNvSpPr" % WPS, "{%s}spPr" % WPS, "{%s}txbx" % WPS
T_WPG_WGP, T_WPG_GRPSP, T_WPG_GRPSPPR = "{%s}wgp" % WPG, "{%s}grpSp" % WPG, "{%s}grpSpPr" % WPG
T_WPG_GRAPHICFRAME, T_WPC_WPC = "{%s}graphicFrame" % WPG, "{%s}wpc" % WPC
T_PIC_PIC, T_PIC_NVPICPR, T_PIC_CNVPR = "{%s}pic" % PIC, "{%s}nvPicPr" % PIC, "{%s}cNvPr" % PIC

EMU_PER_PT = 12700
_UNITS = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "pc": 152400, "emu": 1}


# patterns of VML shapes, symbol characters and numbering levels: only some
# documents have them, so each is compiled on first use
_length_re = lazy_pattern(r"\s*(-?[\d.]+)\s*([a-z]*)")
_num_re = lazy_pattern(r"\s*(-?[\d.]+)")
_hex_re = lazy_pattern(r"[0-9A-Fa-f]+")
_vml_type_re = lazy_pattern(r"_x0000_t(\d+)$")
_level_re = lazy_pattern(r"%(\d)")


def _length(value: str, default_unit: int = 1) -> int:
    """A CSS/VML length ("12.5pt", "1in", "300") in EMU (bare numbers use default_unit)."""
    m = _length_re().match(value or "")
    if not m:
        return 0
    try:
        num = float(m.group(1))
    except ValueError:
        return 0
    unit = _UNITS.get(m.group(2), default_unit)
    return int(num * unit)


def _int(value, default=0) -> int:
    if value.__class__ is str and len(value) < 16:
        # digits only (the usual case): the same value as through float,
        # which is exact below 2**53
        try:
            return int(value)
        except ValueError:
            pass
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


_OFF = ("0", "false", "off", "none")


def _find(el, tag):
    """``el.find(tag)`` for a plain ``{ns}name`` tag (its first child with
    that tag), without the ElementPath machinery."""
    for x in el.iterchildren(tag):
        return x
    return None


def _find2(el, tag, sub):
    """``el.find("tag/sub")`` for plain tags."""
    for x in el.iterchildren(tag):
        for y in x.iterchildren(sub):
            return y
    return None


def _kids(el) -> dict:
    """First child of each tag (``d.get(tag)`` is ``el.find(tag)``), in one pass."""
    d = {}
    for x in el[:]:
        t = x.tag
        if t not in d:
            d[t] = x
    return d


def _on(el, tag) -> bool:
    """A boolean run property (w:b, w:u ...) is on."""
    x = _find(el, tag)
    if x is None:
        return False
    val = x.get(_VAL)
    return val not in ("0", "false", "off", "none")


# --------------------------------------------------------------------------
# numbering and styles


def _fmt_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return ("%02d" % n) if fmt == "decimalZero" and n < 10 else str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        k = max(n, 1)
        letter = chr(ord("a") + (k - 1) % 26) * ((k - 1) // 26 + 1)
        s = letter
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, k = "", max(n, 1)
        for v, s in vals:
            while k >= v:
                out += s
                k -= v
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """numbering.xml resolved to (numId, ilvl) -> (fmt, lvlText, start), with
    running counters to compute the label Word displays."""

    def __init__(self, root):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.abstract_el, self.nums, self.resolved = {}, {}, set()
        if root is None:
            return
        self.abstract_el = {an.get(_W_abstractNumId): an for an in root.iterchildren(_W_abstractNum)}
        self.nums = {num.get(_W_numId): num for num in root.iterchildren(_W_num)}
        self.resolved: set = set()

    def _resolve(self, nid: str):
        """Levels of one num, parsed on first use (documents define many)."""
        self.resolved.add(nid)
        num = self.nums.get(nid)
        if num is None:
            return
        if num is not None:
            ref = _find(num, _W_abstractNumId)
            an = self.abstract_el.get(ref.get(_VAL) if ref is not None else None)
            lv = {}
            if an is not None:
                for lvl in an.iterchildren(_W_lvl):
                    lv[_int(lvl.get(_W_ilvl))] = self._level(lvl)
            for ov in num.iterchildren(_W_lvlOverride):
                il = _int(ov.get(_W_ilvl))
                lvl = _find(ov, _W_lvl)
                if lvl is not None:
                    lv[il] = self._level(lvl)
                so = _find(ov, _W_startOverride)
                if so is not None and il in lv:
                    f, t, _ = lv[il]
                    lv[il] = (f, t, _int(so.get(_VAL), 1))
            for il, spec in lv.items():
                self.levels[(nid, il)] = spec

    @staticmethod
    def _level(lvl):
        fmt_el = _find(lvl, _W_numFmt)
        fmt = fmt_el.get(_VAL) if fmt_el is not None else "decimal"
        txt_el = _find(lvl, _W_lvlText)
        txt = txt_el.get(_VAL) if txt_el is not None else ""
        st = _find(lvl, _W_start)
        return fmt or "decimal", txt or "", _int(st.get(_VAL), 1) if st is not None else 1

    def label(self, num_id: str, ilvl: int) -> Optional[NumInfo]:
        if num_id not in self.resolved:
            self._resolve(num_id)
        spec = self.levels.get((num_id, ilvl))
        if num_id in (None, "0") or spec is None:
            return None
        fmt, text, start = spec
        counters = self.counters.setdefault(num_id, [None] * 9)
        ilvl = max(0, min(ilvl, 8))
        cur = counters[ilvl]
        counters[ilvl] = (start if cur is None else cur + 1)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None

        def repl(m):
            k = int(m.group(1)) - 1
            if not 0 <= k <= 8:
                return ""
            lfmt, _, lstart = self.levels.get((num_id, k), ("decimal", "", 1))
            val = counters[k] if counters[k] is not None else lstart
            return _fmt_number(val, lfmt)

        if fmt == "bullet":
            lab = text
            for ch in lab:
                pass
            lab = "•" if not lab or ord(lab[0]) >= 0xF000 else lab
        else:
            lab = _level_re().sub(repl, text)
        return NumInfo(num_id=num_id, ilvl=ilvl, fmt=fmt, label=lab)


class Styles:
    def __init__(self, root):
        self.names: dict[str, str] = {}
        self.numpr: dict[str, tuple[str, int]] = {}
        self.outline: dict[str, int] = {}
        self.default_para = ""
        if root is None:
            return
        based: dict[str, str] = {}
        for st in root.iterchildren(_W_style):
            sid = st.get(_W_styleId) or ""
            name = _find(st, _W_name)
            self.names[sid] = name.get(_VAL) if name is not None else sid
            if st.get(_W_type) == "paragraph" and st.get(_W_default) in ("1", "true"):
                self.default_para = sid
            b = _find(st, _W_basedOn)
            if b is not None:
                based[sid] = b.get(_VAL)
            ppr = _find(st, T_PPR)
            if ppr is not None:
                npr = _find(ppr, _W_numPr)
                if npr is not None:
                    nid = _find(npr, _W_numId)
                    il = _find(npr, _W_ilvl)
                    if nid is not None:
                        self.numpr[sid] = (nid.get(_VAL), _int(il.get(_VAL)) if il is not None else 0)
                ol = _find(ppr, _W_outlineLvl)
                if ol is not None:
                    self.outline[sid] = _int(ol.get(_VAL))
        # inherit numbering/outline through basedOn (a few levels)
        for sid in list(self.names):
            cur, seen = sid, 0
            while cur in based and seen < 10 and (sid not in self.numpr or sid not in self.outline):
                cur = based[cur]
                seen += 1
                if sid not in self.numpr and cur in self.numpr:
                    self.numpr[sid] = self.numpr[cur]
                if sid not in self.outline and cur in self.outline:
                    self.outline[sid] = self.outline[cur]


_PSTYLE_RE = re.compile(rb'<w:pStyle w:val="([^"]*)"')
# needed only where a styles part is cut down (see _cut_styles)
_style_id_re = lazy_pattern(rb'w:styleId="([^"]*)"')
_based_re = lazy_pattern(rb'<w:basedOn w:val="([^"]*)"')


#: (id of the styles.xml bytes, style ids the document uses) -> (those
#: bytes, Styles): documents whose styles part came from
#: DocxPackage.read_shared as the very same object, using the same styles,
#: share one Styles (only read once made); the entry holds the bytes, so
#: their id stays theirs
_STYLES_CACHE: dict = {}
_STYLES_CACHE_MAX = 16


def _styles_for(pkg, name: str, document: bytes) -> Styles:
    """The styles a document uses (see :func:`_cut_styles`)."""
    data = pkg.read_shared(name)
    used = frozenset(_PSTYLE_RE.findall(document))
    key = (id(data), used)
    hit = _STYLES_CACHE.get(key)
    if hit is not None and hit[0] is data:
        return hit[1]
    st = _cut_styles(pkg, name, data, used)
    from soplint.safezip import is_shared

    if not is_shared(data):
        return st
    if len(_STYLES_CACHE) >= _STYLES_CACHE_MAX:
        _STYLES_CACHE.pop(next(iter(_STYLES_CACHE)), None)
    _STYLES_CACHE[key] = (data, st)
    return st


def _cut_styles(pkg, name: str, data: bytes, used) -> Styles:
    """The styles a document uses. Word templates carry hundreds of unused
    styles (python-docx's default styles.xml is 350 kB): the style blocks the
    document refers to (``used``, and their basedOn chains) are cut out of
    the part and parsed alone; anything unexpected falls back to parsing the
    whole part."""
    from soplint.safezip import parse_xml

    if b"<w:styles" not in data[:4096] or b"<w:style " not in data:
        return Styles(parse_xml(_transitional(data), pkg.path, name))

    def block(sid: bytes):
        k = data.find(b'w:styleId="' + sid + b'"')
        if k < 0:
            return None
        i = data.rfind(b"<w:style ", 0, k)
        j = data.find(b"</w:style>", k)
        if i < 0 or j < 0:
            return None
        return data[i:j + 10]

    default = None
    k = data.find(b'w:default="1"')
    while k >= 0 and default is None:
        i = data.rfind(b"<w:style ", 0, k)
        tag = data[i:data.find(b">", i)] if i >= 0 else b""
        if b'w:type="paragraph"' in tag:
            m = _style_id_re().search(tag)
            default = m.group(1) if m else None
        k = data.find(b'w:default="1"', k + 1)
    want = set(used)
    if default is not None:
        want.add(default)
    todo, keep = list(want), {}
    while todo:
        sid = todo.pop()
        if sid in keep:
            continue
        blk = block(sid)
        if blk is None:
            continue
        keep[sid] = blk
        for base in _based_re().findall(blk):
            todo.append(base)
    head = data[:data.find(b">", data.find(b"<w:styles")) + 1]
    xml = head + b"".join(keep.values()) + b"</w:styles>"
    xml = xml[xml.find(b"<w:styles"):]
    xml = _transitional(xml)
    try:
        return Styles(parse_xml(xml, pkg.path, name))
    except Exception:
        return Styles(parse_xml(_transitional(data), pkg.path, name))


# --------------------------------------------------------------------------
# the walker


class _Ctx:
    """State carried across one part: field nesting, counters, the cell."""

    def __init__(self, part: str):
        self.part = part
        self.field_stack: list[str] = []  # "code" | "result" per open complex field
        self.cell: Optional[Cell] = None


class Reader:
    def __init__(self, pkg):
        self.pkg = pkg
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

    # -- package ----------------------------------------------------------
    def _part_rels(self, part: str) -> dict[str, tuple[str, str]]:
        d, base = posixpath.split(part)
        name = posixpath.join(d, "_rels", base + ".rels")
        out = {}
        if not self.pkg.has(name):
            return out
        root = self._xml(name)
        for rel in root.iterchildren("{%s}Relationship" % PR):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            full = posixpath.normpath(posixpath.join(d, target)) if not target.startswith("/") else target[1:]
            out[rel.get("Id")] = (rel.get("Type") or "", full)
        return out

    def _xml(self, name: str):
        """A part parsed through the package (Strict OOXML namespaces mapped
        to the transitional ones the walker knows)."""
        if not getattr(self, "strict", False):
            return self.pkg.xml(name)
        from soplint.safezip import parse_xml

        return parse_xml(_transitional(self.pkg.read(name)), self.pkg.path, name)

    def _main_part(self) -> str:
        if self.pkg.has("word/document.xml"):
            return "word/document.xml"
        return self.pkg.main_part()

    def read(self) -> Document:
        main = self._main_part()
        data = self.pkg.read(main)
        from soplint.safezip import parse_xml

        self.strict = _STRICT_W in data[:4096]
        if self.strict:
            data = _transitional(data)
        root = parse_xml(data, self.pkg.path, main)
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
                self.styles = _styles_for(self.pkg, name, data)
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
                proot = self._xml(rel[1])
                self.doc.tracked_changes += _count_changes(proot)
                part = Part(name=rel[1], kind=kind, blocks=self._blocks(proot, _Ctx(kind), top=False))
                (self.doc.headers if kind == "header" else self.doc.footers).append(part)
            # a section without header references keeps the previous section's
            current = here or current
            self.doc.section_headers.append(list(current))
        return self.doc

    def _collect_vml_rules(self, root):
        for r in root.iter(T_ORULE):
            if r.get("type") != "connector":
                continue
            cid = (r.get("idref") or "").lstrip("#")
            start = end = None
            for px in r.iterchildren(T_OPROXY):
                ref = (px.get("idref") or "").lstrip("#")
                if px.get("start") is not None:
                    start = ref
                elif px.get("end") is not None:
                    end = ref
            self.vml_rules[cid] = (start, end)

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

    def _paragraph(self, el, ctx: _Ctx, top: bool) -> Paragraph:
        p = Paragraph(part=ctx.part, cell=ctx.cell)
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

    # -- tables -------------------------------------------------------------
    def _table(self, el, ctx: _Ctx, top: bool) -> Table:
        t = Table(part=ctx.part, parent=ctx.cell)
        if top and ctx.part == "body":
            self.table_index += 1
            t.index = self.table_index
        grid = _find(el, _W_tblGrid)
        if grid is not None:
            t.grid = [_int(g.get(_W_w)) for g in grid.iterchildren(_W_gridCol)]
        open_merge: dict[int, Cell] = {}
        for tr in _rows(el):
            row = Row()
            col = 0
            rkids = tr[:]
            rtags = [x.tag for x in rkids]
            if _W_trPr in rtags:  # the first w:trPr
                trpr = rkids[rtags.index(_W_trPr)]
                for x in trpr[:]:
                    xt = x.tag
                    if xt == _W_tblHeader:
                        row.header = x.get(_VAL) not in _OFF
                    elif xt == _W_trHeight:
                        row.height = _int(x.get(_VAL))
                    elif xt == _W_gridBefore:
                        col = _int(x.get(_VAL))
            ridx = len(t.rows)
            prev: Optional[Cell] = None
            for tc in _cells(tr, rkids, rtags):
                span, vmerge, hmerge, width = 1, None, None, 0
                kids = tc[:]
                first = kids[0] if kids else None
                rest = kids  # the children after the tcPr (_blocks skips a tcPr)
                if first is not None and first.tag == _W_tcPr:
                    rest = kids[1:]
                    for x in first[:]:
                        xt = x.tag
                        if xt == _W_gridSpan:
                            span = max(1, _int(x.get(_VAL), 1))
                        elif xt == _W_vMerge:
                            vmerge = "restart" if x.get(_VAL) == "restart" else "continue"
                        elif xt == _W_hMerge:
                            hmerge = "restart" if x.get(_VAL) == "restart" else "continue"
                        elif xt == _W_tcW and x.get(_W_type) in (None, "dxa"):
                            width = _int(x.get(_W_w))
                cell = Cell(col=col, span=span, row=ridx, vmerge=vmerge, table=t, width=width)
                saved = ctx.cell
                ctx.cell = cell
                cell.blocks = self._blocks(tc, ctx, top=False, children=rest)
                ctx.cell = saved
                if hmerge == "continue" and prev is not None:
                    # legacy horizontal merge: widen the previous cell
                    prev.span += span
                    prev.blocks.extend(b for b in cell.blocks if _has_content(b))
                    col += span
                    continue
                if vmerge == "continue" and col in open_merge:
                    origin = open_merge[col]
                    cell.origin = origin
                    origin.rowspan = ridx - origin.row + 1
                elif vmerge == "restart":
                    open_merge[col] = cell
                else:
                    open_merge.pop(col, None)
                    if vmerge == "continue":
                        cell.vmerge = None  # continue without a start: a plain cell
                # any other open merge overlapped by this cell ends
                for c in list(open_merge):
                    if c != col and col <= c < col + span:
                        open_merge.pop(c)
                row.cells.append(cell)
                prev = cell
                col += span
            # merges of columns this row does not reach are closed
            for c in list(open_merge):
                if not any(x.col == c for x in row.cells):
                    open_merge.pop(c)
            t.rows.append(row)
        return t

    # -- drawings -----------------------------------------------------------
    def _drawing(self, el, p: Paragraph, ctx: _Ctx):
        for holder in el[:]:
            htag = holder.tag
            inline = htag == T_WP_INLINE
            if not inline and htag != T_WP_ANCHOR:
                continue
            k = _kids(holder)
            doc_pr = k.get(T_WP_DOCPR)
            did = doc_pr.get("id", "") if doc_pr is not None else ""
            dname = doc_pr.get("name", "") if doc_pr is not None else ""
            descr = doc_pr.get("descr", "") if doc_pr is not None else ""
            ext = k.get(T_WP_EXTENT)
            cx = _int(ext.get("cx")) if ext is not None else 0
            cy = _int(ext.get("cy")) if ext is not None else 0
            x = y = 0
            fh = fv = "inline" if inline else ""
            if not inline:
                x, fh = _pos(k.get(T_WP_POSH))
                y, fv = _pos(k.get(T_WP_POSV))
                if holder.get("simplePos") in ("1", "true"):
                    sp = k.get(T_WP_SIMPLEPOS)
                    if sp is not None:
                        x, y, fh, fv = _int(sp.get("x")), _int(sp.get("y")), "page", "page"
            g = k.get(T_A_GRAPHIC)
            gd = _find(g, T_A_GRAPHICDATA) if g is not None else None
            if gd is None and g is not None:
                gd = _find2(holder, T_A_GRAPHIC, T_A_GRAPHICDATA)  # a later a:graphic
            if gd is None:
                continue
            uri = gd.get("uri", "")
            frame = dict(frame_h=fh, frame_v=fv, inline=inline)
            for child in gd[:]:
                tag = child.tag
                if tag == T_WPS_WSP:
                    s = self._wsp(child, p, ctx, group="", xf=None)
                    s.id = s.id or did
                    s.name = s.name or dname
                    s.x, s.y, s.cx, s.cy = x, y, cx or s.cx, cy or s.cy
                    _set_frame(s, frame)
                    p.shapes.append(s)
                elif tag == T_WPG_WGP or tag == T_WPC_WPC:
                    self.group_seq += 1
                    gid = did or "g%d" % self.group_seq
                    canvas = tag == T_WPC_WPC
                    if canvas:
                        xf = (x, y, 0, 0, 1.0, 1.0)
                    else:
                        xf = _group_xf(_find(child, T_WPG_GRPSPPR), x, y, cx, cy)
                    self._group(child, p, ctx, gid, xf, frame)
                elif tag == T_PIC_PIC:
                    p.images.append(Image(name=dname, descr=descr, inline=inline, cx=cx, cy=cy, para=p))
            if "diagram" in uri:
                p.images.append(Image(name=dname, descr=descr, inline=inline, cx=cx, cy=cy, kind="smartart", para=p))
            elif "chart" in uri:
                p.images.append(Image(name=dname, descr=descr, inline=inline, cx=cx, cy=cy, kind="chart", para=p))

    def _group(self, g, p, ctx, gid, xf, frame):
        for child in g[:]:
            tag = child.tag
            if tag == T_WPS_WSP:
                s = self._wsp(child, p, ctx, group=gid, xf=xf)
                _set_frame(s, frame)
                p.shapes.append(s)
            elif tag == T_WPG_GRPSP or tag == T_WPG_WGP:
                sub = _group_xf(_find(child, T_WPG_GRPSPPR), 0, 0, 0, 0, parent=xf)
                self._group(child, p, ctx, gid, sub, frame)
            elif tag == T_PIC_PIC:
                nv = _find2(child, T_PIC_NVPICPR, T_PIC_CNVPR)
                p.images.append(Image(name=nv.get("name", "") if nv is not None else "", inline=False, para=p))
            elif tag == T_WPG_GRAPHICFRAME:
                continue

    def _wsp(self, el, p: Paragraph, ctx: _Ctx, group: str, xf) -> Shape:
        s = Shape(source="drawingml", group=group, para=p)
        k = _kids(el)
        nv = k.get(T_WPS_CNVPR)
        if nv is not None:
            s.id = nv.get("id", "")
            s.name = nv.get("name", "")
        cn = k.get(T_WPS_CNVCNPR)
        if cn is not None:
            s.is_connector = True
            ck = _kids(cn)
            st = ck.get(T_A_STCXN)
            en = ck.get(T_A_ENDCXN)
            s.start_id = st.get("id") if st is not None else None
            s.end_id = en.get("id") if en is not None else None
        sp = k.get(T_WPS_CNVSPPR)
        if sp is not None and sp.get("txBox") in ("1", "true"):
            s.is_textbox = True
        sppr = k.get(T_WPS_SPPR)
        if sppr is not None:
            pk = _kids(sppr)
            geom = pk.get(T_A_PRSTGEOM)
            if geom is not None:
                s.geom = geom.get("prst", "")
            elif pk.get(T_A_CUSTGEOM) is not None:
                s.geom = "custGeom"
            xfrm = pk.get(T_A_XFRM)
            if xfrm is not None:
                s.flip_h = xfrm.get("flipH") in ("1", "true")
                s.flip_v = xfrm.get("flipV") in ("1", "true")
                xk = _kids(xfrm)
                off = xk.get(T_A_OFF)
                ext = xk.get(T_A_EXT)
                ox, oy = (_int(off.get("x")), _int(off.get("y"))) if off is not None else (0, 0)
                ex, ey = (_int(ext.get("cx")), _int(ext.get("cy"))) if ext is not None else (0, 0)
                if xf is not None:
                    ox, oy, ex, ey = _apply_xf(xf, ox, oy, ex, ey)
                s.x, s.y, s.cx, s.cy = ox, oy, ex, ey
            ln = pk.get(T_A_LN)
            if ln is not None:
                lk = _kids(ln)
                he = lk.get(T_A_HEADEND)
                te = lk.get(T_A_TAILEND)
                s.head = he.get("type") if he is not None and he.get("type") not in (None, "none") else None
                s.tail = te.get("type") if te is not None and te.get("type") not in (None, "none") else None
        if s.geom in ("line", "straightConnector1") or s.geom.startswith(("bentConnector", "curvedConnector")):
            s.is_connector = True
        tb = k.get(T_WPS_TXBX)
        if tb is not None:
            content = _find(tb, T_TXBX)
            if content is not None:
                s.blocks = self._txbx(content, ctx)
        s.text = _blocks_text(s.blocks)
        return s

    def _txbx(self, content, ctx: _Ctx) -> list:
        sub = _Ctx("textbox")
        sub.cell = None
        return self._blocks(content, sub, top=False)

    # -- VML ------------------------------------------------------------------
    def _vml_container(self, el, p: Paragraph, ctx: _Ctx, group: str, gx):
        for child in el[:]:
            tag = child.tag
            if tag == T_VSHAPETYPE:
                spt = child.get(_O_spt)
                if spt:
                    self.shapetypes[child.get("id", "")] = spt
            elif tag == T_VGROUP:
                self.group_seq += 1
                gid = child.get("id") or child.get(_O_spid) or "vg%d" % self.group_seq
                sub = _vml_group_xf(child, gx)
                self._vml_container(child, p, ctx, group or gid, sub)
            elif tag in _VML_SHAPES:
                self._vml_shape(child, _VML_SHAPES[tag], p, ctx, group, gx)
            elif tag in (T_ALT,):
                chosen = _choose(child)
                if chosen is not None:
                    self._vml_container(chosen, p, ctx, group, gx)

    def _vml_shape(self, el, kind: str, p: Paragraph, ctx: _Ctx, group: str, gx):
        if el.get(_O_hr) in ("t", "true"):
            return  # a horizontal rule, not a drawn shape
        style = _css(el.get("style", ""))
        typ = (el.get("type") or "").lstrip("#")
        spt = el.get(_O_spt) or self.shapetypes.get(typ)
        if not spt:
            m = _vml_type_re().match(typ)
            if m:
                spt = m.group(1)
        k = _kids(el)
        img = k.get(T_VIMAGEDATA)
        if kind == "image" or (img is not None and kind == "shape" and not spt) or (
                img is not None and spt == "75"):
            p.images.append(Image(name=el.get("alt", "") or el.get("id", ""), inline=group == "" and
                                  style.get("position") != "absolute", para=p))
            return
        s = Shape(source="vml", group=group, para=p)
        s.id = el.get("id", "") or el.get(_O_spid, "")
        s.name = el.get("alt", "")
        if kind == "shape":
            s.geom = "t%s" % spt if spt else "shape"
        else:
            s.geom = kind
        if spt == "202":
            s.is_textbox = True
        if el.get(_O_connectortype) or (spt in _VML_CONNECTORS) or kind in ("line", "polyline"):
            s.is_connector = True
        if gx is None:
            s.x = _length(style.get("margin-left") or style.get("left", "0"), EMU_PER_PT)
            s.y = _length(style.get("margin-top") or style.get("top", "0"), EMU_PER_PT)
            s.cx = _length(style.get("width", "0"), EMU_PER_PT)
            s.cy = _length(style.get("height", "0"), EMU_PER_PT)
            s.frame_h = style.get("mso-position-horizontal-relative", "column" if style.get(
                "position") == "absolute" else "inline")
            s.frame_v = style.get("mso-position-vertical-relative", "paragraph" if style.get(
                "position") == "absolute" else "inline")
        else:
            lx = _num(style.get("left", "0"))
            ty = _num(style.get("top", "0"))
            wd = _num(style.get("width", "0"))
            ht = _num(style.get("height", "0"))
            s.x, s.y, s.cx, s.cy = _apply_xf(gx[0], lx, ty, wd, ht)
            s.frame_h, s.frame_v = gx[1], gx[2]
        s.inline = s.frame_h == "inline"
        if "flip" in style:
            s.flip_h = "x" in style["flip"]
            s.flip_v = "y" in style["flip"]
        if kind == "line":
            f = _pair(el.get("from", "0,0"))
            t = _pair(el.get("to", "0,0"))
            if gx is None:
                base_x, base_y = s.x, s.y
                pts = ((base_x + _length(f[0], EMU_PER_PT), base_y + _length(f[1], EMU_PER_PT)),
                       (base_x + _length(t[0], EMU_PER_PT), base_y + _length(t[1], EMU_PER_PT)))
            else:
                a = _apply_xf(gx[0], _num(f[0]), _num(f[1]), 0, 0)
                b = _apply_xf(gx[0], _num(t[0]), _num(t[1]), 0, 0)
                pts = ((a[0], a[1]), (b[0], b[1]))
            s.points = pts
            s.x, s.y = min(pts[0][0], pts[1][0]), min(pts[0][1], pts[1][1])
            s.cx, s.cy = abs(pts[1][0] - pts[0][0]), abs(pts[1][1] - pts[0][1])
        stroke = k.get(T_VSTROKE)
        if stroke is not None:
            s.head = stroke.get("startarrow") if stroke.get("startarrow") not in (None, "none") else None
            s.tail = stroke.get("endarrow") if stroke.get("endarrow") not in (None, "none") else None
        rule = self.vml_rules.get(s.id) or self.vml_rules.get(el.get(_O_spid, ""))
        if rule:
            s.is_connector = True
            s.start_id, s.end_id = rule
        tb = k.get(T_VTEXTBOX)
        if tb is not None:
            content = _find(tb, T_TXBX)
            if content is not None:
                s.blocks = self._txbx(content, ctx)
        # VML word-art text path
        tp = k.get(T_VTEXTPATH)
        if tp is not None and tp.get("string"):
            s.blocks = [Paragraph(raw=tp.get("string"), part="textbox")]
        s.text = _blocks_text(s.blocks)
        p.shapes.append(s)


# --------------------------------------------------------------------------
# helpers


_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_STRICT_MAP = [
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", R.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", WP.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/main", A.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/picture", PIC.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", M.encode()),
]


def _transitional(data: bytes) -> bytes:
    """Strict OOXML ("Strict Open XML Document") -> transitional namespaces."""
    for a, b in _STRICT_MAP:
        data = data.replace(a, b)
    return data


def _choose(alt):
    """mc:AlternateContent: the first Choice; the Fallback only without one."""
    fallback = None
    for x in alt[:]:  # a Choice or two and a Fallback: a list beats two searches
        t = x.tag
        if t == T_CHOICE:
            return x
        if t == T_FALLBACK and fallback is None:
            fallback = x
    return fallback


def _rows(tbl):
    for el in tbl[:]:
        tag = el.tag
        if tag == T_TR:
            yield el
        elif tag in (T_SDT, T_CUSTOMXML, T_INS, T_MOVETO):
            inner = _find(el, T_SDTCONTENT) if tag == T_SDT else el
            if inner is not None:
                yield from _rows(inner)
        elif tag == T_ALT:
            ch = _choose(el)
            if ch is not None:
                yield from _rows(ch)


def _cells(tr, kids=None, tags=None):
    """The w:tc of a row (``kids``/``tags``: its children and their tags,
    when already at hand)."""
    if kids is None:
        kids = tr[:]
        tags = [x.tag for x in kids]
    for el, tag in zip(kids, tags):
        if tag == T_TC:
            yield el
        elif tag in (T_SDT, T_CUSTOMXML, T_INS, T_MOVETO):
            inner = _find(el, T_SDTCONTENT) if tag == T_SDT else el
            if inner is not None:
                yield from _cells(inner)


def _count_changes(root) -> int:
    n = 0
    for _ in root.iter(*_CHANGE_TAGS):
        n += 1
    return n


def _has_content(b) -> bool:
    if isinstance(b, Paragraph):
        return bool(b.text or b.shapes or b.images)
    return True


def _blocks_text(blocks) -> str:
    from soplint.readers.docx.tree import _block_paragraphs

    texts = []
    for b in blocks:
        for p in _block_paragraphs(b):
            if p.text:
                texts.append(p.text)
    return " ".join(texts)


def _pos(el) -> tuple[int, str]:
    if el is None:
        return 0, ""
    frame = el.get("relativeFrom", "")
    k = _kids(el)
    off = k.get(T_WP_POSOFFSET)
    if off is not None:
        return _int(off.text), frame
    al = k.get(T_WP_ALIGN)
    return 0, frame + ("/" + al.text if al is not None and al.text else "")


def _set_frame(s: Shape, frame: dict):
    s.frame_h = frame["frame_h"]
    s.frame_v = frame["frame_v"]
    s.inline = frame["inline"]


def _group_xf(grpsppr, x, y, cx, cy, parent=None):
    """Transform of a DrawingML group: child coordinates -> frame coordinates.
    Returned as (ox, oy, chx, chy, sx, sy) meaning X = ox + (x - chx) * sx."""
    off = (0, 0)
    ext = (cx, cy)
    choff = (0, 0)
    chext = (cx, cy)
    xfrm = _find(grpsppr, T_A_XFRM) if grpsppr is not None else None
    if xfrm is not None:
        xk = _kids(xfrm)
        o = xk.get(T_A_OFF)
        e = xk.get(T_A_EXT)
        co = xk.get(T_A_CHOFF)
        ce = xk.get(T_A_CHEXT)
        if o is not None:
            off = (_int(o.get("x")), _int(o.get("y")))
        if e is not None:
            ext = (_int(e.get("cx")), _int(e.get("cy")))
        if co is not None:
            choff = (_int(co.get("x")), _int(co.get("y")))
        if ce is not None:
            chext = (_int(ce.get("cx")), _int(ce.get("cy")))
    sx = ext[0] / chext[0] if chext[0] else 1.0
    sy = ext[1] / chext[1] if chext[1] else 1.0
    if parent is None:
        # top-level group: its own offset is in the anchor's frame (usually 0)
        return (x, y, choff[0] - 0, choff[1] - 0, sx, sy) if xfrm is None else (
            x + 0, y + 0, choff[0], choff[1], sx, sy)
    # nested group: off/ext are in the parent's child space
    px, py, _, _ = _apply_xf(parent, off[0], off[1], 0, 0)
    return (px, py, choff[0], choff[1], sx * parent[4], sy * parent[5])


def _apply_xf(xf, x, y, cx, cy):
    ox, oy, chx, chy, sx, sy = xf
    return int(ox + (x - chx) * sx), int(oy + (y - chy) * sy), int(cx * sx), int(cy * sy)


def _css(style: str) -> dict:
    out = {}
    for part in style.split(";"):
        if ":" in part:
            k, v = part.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


def _num(v: str) -> float:
    m = _num_re().match(v or "")
    try:
        return float(m.group(1)) if m else 0.0
    except ValueError:
        return 0.0


def _pair(v: str):
    parts = (v or "0,0").split(",")
    return (parts[0] if parts else "0", parts[1] if len(parts) > 1 else "0")


def _vml_group_xf(g, parent):
    """VML group: (xf, frame_h, frame_v) mapping child coordinates to EMU."""
    style = _css(g.get("style", ""))
    size = _pair(g.get("coordsize", "1000,1000"))
    origin = _pair(g.get("coordorigin", "0,0"))
    cw, ch = _num(size[0]) or 1000.0, _num(size[1]) or 1000.0
    if parent is None:
        x = _length(style.get("margin-left") or style.get("left", "0"), EMU_PER_PT)
        y = _length(style.get("margin-top") or style.get("top", "0"), EMU_PER_PT)
        wd = _length(style.get("width", "0"), EMU_PER_PT)
        ht = _length(style.get("height", "0"), EMU_PER_PT)
        fh = style.get("mso-position-horizontal-relative", "column")
        fv = style.get("mso-position-vertical-relative", "paragraph")
        return ((x, y, _num(origin[0]), _num(origin[1]), wd / cw, ht / ch), fh, fv)
    pxf, fh, fv = parent
    x, y, wd, ht = (_num(style.get(k, "0")) for k in ("left", "top", "width", "height"))
    ax, ay, aw, ah = _apply_xf(pxf, x, y, wd, ht)
    return ((ax, ay, _num(origin[0]), _num(origin[1]), (aw / cw) if cw else 1.0, (ah / ch) if ch else 1.0), fh, fv)


def read_tree(pkg) -> Document:
    """The document tree of an open :class:`~soplint.safezip.DocxPackage`."""
    import gc

    # the tree is built of many small linked objects: pausing the cyclic
    # collector while it is built saves a third of the reading time
    enabled = gc.isenabled()
    gc.disable()
    try:
        return Reader(pkg).read()
    finally:
        if enabled:
            gc.enable()
