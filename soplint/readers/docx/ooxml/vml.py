"""Legacy VML: shapes, lines and connectors (with the connector rules of
o:r), groups, text boxes, word-art text paths, pictures."""
from __future__ import annotations

from soplint.lazyre import lazy_pattern
from soplint.readers.docx.ooxml.drawingml import _blocks_text
from soplint.readers.docx.ooxml.geometry import EMU_PER_PT, _apply_xf, _length, _num
from soplint.readers.docx.ooxml.ns import (
    _O_connectortype,
    _O_hr,
    _O_spid,
    _O_spt,
    T_ALT,
    T_OPROXY,
    T_ORULE,
    T_TXBX,
    T_VGROUP,
    T_VIMAGEDATA,
    T_VSHAPETYPE,
    T_VSTROKE,
    T_VTEXTBOX,
    T_VTEXTPATH,
    V,
    _choose,
    _find,
    _kids,
)
from soplint.readers.docx.ooxml.runs import _Ctx
from soplint.readers.docx.tree import Image, Paragraph, Shape

# VML o:spt numbers of connector types and text boxes
_VML_CONNECTORS = {"32", "33", "34", "35", "36", "37", "38", "39", "40"}
_VML_NAMES = {"1": "rect", "2": "roundRect", "3": "ellipse", "4": "diamond", "20": "line", "202": "textbox"}
_VML_SHAPES = {"{%s}%s" % (V, t): t for t in ("shape", "rect", "roundrect", "oval", "line", "polyline",
                                              "arc", "curve", "image")}

# compiled on first use: only some documents have VML shapes
_vml_type_re = lazy_pattern(r"_x0000_t(\d+)$")


class VmlMixin:
    """Reader methods for w:pict and w:object."""

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


def _css(style: str) -> dict:
    out = {}
    for part in style.split(";"):
        if ":" in part:
            k, v = part.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


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
