"""DrawingML: shapes, connectors, text boxes, groups and canvases, pictures,
SmartArt and charts (as images)."""
from __future__ import annotations

from soplint.readers.docx.ooxml.geometry import _apply_xf, _group_xf, _pos, _set_frame
from soplint.readers.docx.ooxml.ns import (
    T_A_CUSTGEOM,
    T_A_ENDCXN,
    T_A_EXT,
    T_A_GRAPHIC,
    T_A_GRAPHICDATA,
    T_A_HEADEND,
    T_A_LN,
    T_A_OFF,
    T_A_PRSTGEOM,
    T_A_STCXN,
    T_A_TAILEND,
    T_A_XFRM,
    T_PIC_CNVPR,
    T_PIC_NVPICPR,
    T_PIC_PIC,
    T_TXBX,
    T_WP_ANCHOR,
    T_WP_DOCPR,
    T_WP_EXTENT,
    T_WP_INLINE,
    T_WP_POSH,
    T_WP_POSV,
    T_WP_SIMPLEPOS,
    T_WPC_WPC,
    T_WPG_GRAPHICFRAME,
    T_WPG_GRPSP,
    T_WPG_GRPSPPR,
    T_WPG_WGP,
    T_WPS_CNVCNPR,
    T_WPS_CNVPR,
    T_WPS_CNVSPPR,
    T_WPS_SPPR,
    T_WPS_TXBX,
    T_WPS_WSP,
    _find,
    _find2,
    _int,
    _kids,
)
from soplint.readers.docx.ooxml.runs import _Ctx
from soplint.readers.docx.tree import Image, Paragraph, Shape


class DrawingMLMixin:
    """Reader methods for w:drawing."""

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


def _blocks_text(blocks) -> str:
    from soplint.readers.docx.tree import _block_paragraphs

    texts = []
    for b in blocks:
        for p in _block_paragraphs(b):
            if p.text:
                texts.append(p.text)
    return " ".join(texts)
