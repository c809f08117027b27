"""The package: main part, relationships of a part, Strict OOXML namespaces
mapped to the transitional ones, tracked changes counted."""
from __future__ import annotations

import posixpath

from soplint.readers.docx.ooxml.ns import _CHANGE_TAGS, A, M, PIC, PR, R, W, WP

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


def _count_changes(root) -> int:
    n = 0
    for _ in root.iter(*_CHANGE_TAGS):
        n += 1
    return n


class PackageMixin:
    """Reader methods that reach the parts of the package."""

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
