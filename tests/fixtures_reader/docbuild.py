"""Builders of real .docx test files for the reader tests: python-docx for
the text and tables, lxml XML for what python-docx cannot write (DrawingML
and VML shapes, connectors, content controls, tracked changes, fields)."""
from __future__ import annotations

import copy

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word"')

EMU = 914400  # per inch


def new():
    return docx.Document()


def run_xml(inner: str):
    """A w:r element holding ``inner`` (run content XML)."""
    return parse_xml(f"<w:r {NS}>{inner}</w:r>")


def add_xml(paragraph, xml: str):
    """Append raw paragraph-level XML (runs, ins/del, sdt, fields, ...)."""
    el = parse_xml(f'<w:wrap {NS}>{xml}</w:wrap>')
    for child in list(el):
        paragraph._p.append(child)
    return paragraph


def txbx(text: str) -> str:
    if text is None:
        return ""
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>" for t in text.split("\n"))
    return f"<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>"


def wsp(prst, *, sid=None, text=None, cx=EMU, cy=EMU // 2, x=0, y=0, connector=False, st=None, end=None,
        textbox=False, arrow=True, child=False, flip_v=False):
    """A wps:wsp element (as a string). ``child``: inside a group/canvas (has
    its own cNvPr and xfrm offset)."""
    nv = f'<wps:cNvPr id="{sid}" name="Shape {sid}"/>' if child else ""
    if connector:
        cx_ = (f'<a:stCxn id="{st}" idx="2"/>' if st else "") + (f'<a:endCxn id="{end}" idx="0"/>' if end else "")
        nvsp = f"<wps:cNvCnPr>{cx_}</wps:cNvCnPr>"
    else:
        nvsp = '<wps:cNvSpPr txBox="1"/>' if textbox else "<wps:cNvSpPr/>"
    flip = ' flipV="1"' if flip_v else ""
    ln = '<a:ln><a:tailEnd type="triangle"/></a:ln>' if connector and arrow else ""
    body = "<wps:bodyPr/>"
    return (f"<wps:wsp>{nv}{nvsp}<wps:spPr><a:xfrm{flip}><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>"
            f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>{ln}</wps:spPr>{txbx(text) if not connector else ""}{body}</wps:wsp>')


def anchor(graphic: str, uri: str, *, did, x=0, y=0, cx=EMU, cy=EMU // 2, frame_h="column", frame_v="paragraph",
           inline=False):
    if inline:
        return (f'<w:drawing><wp:inline><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{did}" name="Obj {did}"/>'
                f'<a:graphic><a:graphicData uri="{uri}">{graphic}</a:graphicData></a:graphic></wp:inline></w:drawing>')
    return (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="{frame_h}"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="{frame_v}"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:wrapNone/><wp:docPr id="{did}" name="Obj {did}"/>'
            f'<a:graphic><a:graphicData uri="{uri}">{graphic}</a:graphicData></a:graphic></wp:anchor></w:drawing>')


WPS_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
WPC_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"


def vml(vtype, *, sid, text=None, x=0, y=0, w=72, h=36, element="shape", connector=False, extra=""):
    """A VML shape (as a string) with its shapetype; sizes in points."""
    style = f"position:absolute;margin-left:{x}pt;margin-top:{y}pt;width:{w}pt;height:{h}pt;z-index:1"
    tb = ""
    if text is not None:
        tb = (f'<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>')
    if element == "line":
        return (f'<v:line id="_x0000_s{sid}" style="position:absolute;z-index:1" from="{x}pt,{y}pt" '
                f'to="{x + w}pt,{y + h}pt"><v:stroke endarrow="block"/></v:line>')
    if element != "shape":
        return f'<v:{element} id="_x0000_s{sid}" style="{style}" {extra}>{tb}</v:{element}>'
    st = f'<v:shapetype id="_x0000_t{vtype}" coordsize="21600,21600" o:spt="{vtype}" path="m,l,21600r21600,l21600,xe"/>'
    conn = ' o:connectortype="straight"' if connector else ""
    return f'{st}<v:shape id="_x0000_s{sid}" type="#_x0000_t{vtype}" style="{style}"{conn} {extra}>{tb}</v:shape>'


def drawing_run(paragraph, prst, *, did, text=None, fallback_vml=None, **kw):
    """Append a floating DrawingML shape; with ``fallback_vml`` (VML type
    number) wrap it in mc:AlternateContent with a VML copy as Fallback."""
    kw_anchor = {k: kw.pop(k) for k in ("x", "y", "frame_h", "frame_v", "inline", "cx", "cy") if k in kw}
    shape = wsp(prst, text=text, cx=kw_anchor.get("cx", EMU), cy=kw_anchor.get("cy", EMU // 2), **kw)
    d = anchor(shape, WPS_URI, did=did, **kw_anchor)
    if fallback_vml is not None:
        inner = (f'<mc:AlternateContent><mc:Choice Requires="wps">{d}</mc:Choice>'
                 f'<mc:Fallback><w:pict>{vml(fallback_vml, sid=did, text=text)}</w:pict></mc:Fallback>'
                 f'</mc:AlternateContent>')
    else:
        inner = d
    paragraph._p.append(run_xml(inner))
    return paragraph


def vml_run(paragraph, content: str):
    paragraph._p.append(run_xml(f"<w:pict>{content}</w:pict>"))
    return paragraph


def set_cell(cell, *texts, bold=False):
    """Fill a cell with one paragraph per text."""
    cell.text = ""
    first = True
    for t in texts:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        r = p.add_run(t)
        r.bold = bold
    return cell


def numbering_id(document, fmt="decimal", text="%1."):
    """Add an abstractNum + num to numbering.xml; returns the numId."""
    part = document.part.numbering_part
    numbering = part.element
    ids = [int(x.get(qn("w:abstractNumId"))) for x in numbering.findall(qn("w:abstractNum"))]
    aid = max(ids + [100]) + 1
    nids = [int(x.get(qn("w:numId"))) for x in numbering.findall(qn("w:num"))]
    nid = max(nids + [100]) + 1
    an = parse_xml(f'<w:abstractNum {NS} w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>'
                   f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
                   f'</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(an)
    else:
        numbering.append(an)
    numbering.append(parse_xml(f'<w:num {NS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


def numbered(paragraph, num_id, ilvl=0):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph
