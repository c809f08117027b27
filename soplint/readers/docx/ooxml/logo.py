"""The source's logo: the first picture of the identity block (the body
before the procedure table's "Kegiatan" header) or of the first page header.
The writer puts it back in the logo cell of the standard form. Part of the
OOXML layer: it looks at the very elements and relationships the reader
parsed (:meth:`Reader.read` calls it once the parts are read)."""
from __future__ import annotations

from typing import Optional

from soplint.readers.docx.ooxml.ns import _RID, T_SECTPR, T_T, T_VIMAGEDATA, T_WP_EXTENT, A, R, _W_headerReference

_A_BLIP = "{%s}blip" % A
_R_EMBED = "{%s}embed" % R

#: a picture larger than this (EMU, either side) is a pasted page, not a logo
MAX_EMU = 80 * 36000
#: picture formats the writer can place again
KNOWN = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")


def _pictures(root, stop_at_kegiatan: bool):
    """r:embed / r:id of pictures in document order, until the procedure header."""
    for el in root.iter(T_T, _A_BLIP, T_VIMAGEDATA):
        if el.tag == T_T:
            if stop_at_kegiatan and (el.text or "").strip().lower() in ("kegiatan", "uraian kegiatan"):
                return
            continue
        rid = el.get(_R_EMBED) or el.get(_RID)
        if rid:
            yield el, rid


def _size_ok(el) -> bool:
    for anc in el.iterancestors():
        ext = anc.find(T_WP_EXTENT)
        if ext is not None:
            try:
                return int(ext.get("cx", 0)) <= MAX_EMU and int(ext.get("cy", 0)) <= MAX_EMU
            except ValueError:
                return False
    return True


def _target(rels: dict, rid) -> Optional[str]:
    """The part a relationship id points to (``rels``: id -> (type, part name))."""
    return rels.get(rid, ("", None))[1]


def find(pkg, root, rels: dict, part_xml, part_rels) -> Optional[tuple[str, bytes]]:
    """(part name, bytes) of the logo, or None. ``root`` is the main part as
    the reader parsed it, ``rels`` its relationships (id -> (type, part
    name)); ``part_xml(name)`` and ``part_rels(name)`` give another part's
    parsed root and relationships (the reader's own, so nothing is parsed
    twice)."""
    candidates = []
    for el, rid in _pictures(root, True):
        candidates.append((el, _target(rels, rid)))
        break
    sect = next(root.iter(T_SECTPR), None)
    if sect is not None:
        for ref in sect.iter(_W_headerReference):
            target = _target(rels, ref.get(_RID))
            if target and pkg.has(target):
                hrels = part_rels(target)
                for el, rid in _pictures(part_xml(target), False):
                    candidates.append((el, _target(hrels, rid)))
                    break
    for el, part in candidates:
        if part and part.lower().endswith(KNOWN) and pkg.has(part) and _size_ok(el):
            return part, pkg.read(part)
    return None
