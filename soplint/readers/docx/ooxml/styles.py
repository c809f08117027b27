"""styles.xml: style names, the default paragraph style, and numbering and
outline levels inherited through basedOn. Parsed once per distinct content."""
from __future__ import annotations

from soplint.readers.docx.ooxml.ns import (
    _VAL,
    _W_basedOn,
    _W_default,
    _W_ilvl,
    _W_name,
    _W_numId,
    _W_numPr,
    _W_outlineLvl,
    _W_style,
    _W_styleId,
    _W_type,
    T_PPR,
    _find,
    _int,
)
from soplint.readers.docx.ooxml.package import _transitional


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


#: (length, hash) of a styles part's bytes -> its Styles (read-only once
#: made): the many documents made from one template carry the same styles part
#: (python-docx's default one is 350 kB) and share one parse; least recently
#: used entries go first. Python's own 64-bit hash of the bytes is enough for a
#: cache of 16 entries within one process (a cryptographic digest would cost
#: every run the import of hashlib)
_STYLES_CACHE: dict = {}
_STYLES_CACHE_MAX = 16


def styles_for(pkg, name: str) -> Styles:
    """The :class:`Styles` of the part ``name`` of ``pkg``."""
    data = pkg.read_shared(name)
    key = (len(data), hash(data))
    hit = _STYLES_CACHE.pop(key, None)
    if hit is None:
        from soplint.safezip import parse_xml

        hit = Styles(parse_xml(_transitional(data), pkg.path, name))
        if len(_STYLES_CACHE) >= _STYLES_CACHE_MAX:
            _STYLES_CACHE.pop(next(iter(_STYLES_CACHE)), None)
    _STYLES_CACHE[key] = hit
    return hit
