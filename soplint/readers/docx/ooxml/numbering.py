"""numbering.xml: list levels resolved and the labels Word displays."""
from __future__ import annotations

from typing import Optional

from soplint.lazyre import lazy_pattern
from soplint.readers.docx.ooxml.ns import (
    _VAL,
    _W_abstractNum,
    _W_abstractNumId,
    _W_ilvl,
    _W_lvl,
    _W_lvlOverride,
    _W_lvlText,
    _W_num,
    _W_numFmt,
    _W_numId,
    _W_start,
    _W_startOverride,
    _find,
    _int,
)
from soplint.readers.docx.tree import NumInfo

# compiled on first use: only some documents number their paragraphs
_level_re = lazy_pattern(r"%(\d)")


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
