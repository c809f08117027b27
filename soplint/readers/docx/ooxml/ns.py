"""Namespaces, the tags the walker compares (computed once) and small XML
helpers shared by the modules of the OOXML reader."""
from __future__ import annotations

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
