"""The source's logo: the first picture of the identity block (the body
before the procedure table's "Kegiatan" header) or of the first page header.
The writer puts it back in the logo cell of the standard form. Part of the
OOXML layer: it looks at the very elements and relationships the reader
parsed (:meth:`Reader.read` calls it once the parts are read)."""
from __future__ import annotations

from typing import Optional

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
#: a picture larger than this (EMU, either side) is a pasted page, not a logo
MAX_EMU = 80 * 36000
#: picture formats the writer can place again
KNOWN = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")


def _pictures(root, stop_at_kegiatan: bool):
    """r:embed / r:id of pictures in document order, until the procedure header."""
    for el in root.iter("{%s}t" % W, "{%s}blip" % A, "{%s}imagedata" % V):
        if el.tag == "{%s}t" % W:
            if stop_at_kegiatan and (el.text or "").strip().lower() in ("kegiatan", "uraian kegiatan"):
                return
            continue
        rid = el.get("{%s}embed" % R) or el.get("{%s}id" % R)
        if rid:
            yield el, rid


def _size_ok(el) -> bool:
    for anc in el.iterancestors():
        ext = anc.find("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent")
        if ext is not None:
            try:
                return int(ext.get("cx", 0)) <= MAX_EMU and int(ext.get("cy", 0)) <= MAX_EMU
            except ValueError:
                return False
    return True


def find(pkg, root, rels: dict, part_xml, part_rels) -> Optional[tuple[str, bytes]]:
    """(part name, bytes) of the logo, or None. ``root`` is the main part as
    the reader parsed it, ``rels`` its relationships (id -> (type, part
    name)); ``part_xml(name)`` and ``part_rels(name)`` give another part's
    parsed root and relationships (the reader's own, so nothing is parsed
    twice)."""
    candidates = []
    for el, rid in _pictures(root, True):
        candidates.append((el, rels.get(rid, ("", None))[1]))
        break
    sect = root.find(".//{%s}sectPr" % W)
    if sect is not None:
        for ref in sect.iter("{%s}headerReference" % W):
            target = rels.get(ref.get("{%s}id" % R), ("", None))[1]
            if target and pkg.has(target):
                hrels = part_rels(target)
                for el, rid in _pictures(part_xml(target), False):
                    candidates.append((el, hrels.get(rid, ("", None))[1]))
                    break
    for el, part in candidates:
        if part and part.lower().endswith(KNOWN) and pkg.has(part) and _size_ok(el):
            return part, pkg.read(part)
    return None
