"""Geometry: lengths in EMU, anchor positions and frames, group transforms
(child coordinates to frame coordinates)."""
from __future__ import annotations

from soplint.lazyre import lazy_pattern
from soplint.readers.docx.ooxml.ns import (
    T_A_CHEXT,
    T_A_CHOFF,
    T_A_EXT,
    T_A_OFF,
    T_A_XFRM,
    T_WP_ALIGN,
    T_WP_POSOFFSET,
    _find,
    _int,
    _kids,
)
from soplint.readers.docx.tree import Shape

EMU_PER_PT = 12700
_UNITS = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "pc": 152400, "emu": 1}

# compiled on first use: only VML shapes have CSS lengths
_length_re = lazy_pattern(r"\s*(-?[\d.]+)\s*([a-z]*)")
_num_re = lazy_pattern(r"\s*(-?[\d.]+)")


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


def _num(v: str) -> float:
    m = _num_re().match(v or "")
    try:
        return float(m.group(1)) if m else 0.0
    except ValueError:
        return 0.0


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
