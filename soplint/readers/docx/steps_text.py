"""Steps written as numbered paragraphs (typed "1." or Word numbering),
with the actor named in the sentence ("Kasubbag Umum memeriksa berkas")."""
from __future__ import annotations

import re
from typing import Optional

from soplint.lokasi import Lokasi
from soplint.model import Kegiatan
from soplint.readers.docx import flow
from soplint.readers.docx.tree import Paragraph
from soplint.lazyre import lazy_pattern

# steps written as paragraphs are rare (most SOPs use a procedure table):
# the patterns are compiled on first use
_typed_re = lazy_pattern(r"^\s*(?:langkah|tahap|step)?\s*(\d{1,3})\s*[.):]\s*(?=\S)", re.I)
_verb_re = lazy_pattern(r"^(me|mem|men|meng|meny|ber|di|ter|mel|mer)[a-z]{3,}$")
#: words that start like a verb but are part of role names
_NOT_VERB = {"direktur", "direktorat", "dinas", "desa", "distrik", "divisi", "menteri", "mentri",
             "bendahara", "berkas", "terkait", "meja", "media", "dirut", "dibantu", "direksi"}


def step_number(p: Paragraph) -> tuple[Optional[int], str]:
    """(number, text without the number) of a numbered paragraph, or
    (None, text) when it is not numbered with decimals."""
    text = p.text
    m = _typed_re().match(text)
    if m:
        return int(m.group(1)), text[m.end():].strip()
    if p.num is not None and p.num.fmt in ("decimal", "decimalZero") and p.num.ilvl == 0:
        lab = re.sub(r"\D", "", p.num.label.split(".")[0]) if p.num.label else ""
        return (int(lab) if lab else 0), text
    return None, text


def split_actor(text: str) -> tuple[Optional[str], str]:
    """("Kasubbag Umum", "memeriksa berkas") for an actor named before the verb."""
    words = text.split()
    verb = _verb_re()
    for i, wd in enumerate(words[:8]):
        low = re.sub(r"[^a-z]", "", wd.lower())
        if i == 0:
            if verb.match(low) and low not in _NOT_VERB:
                return None, text
            continue
        if verb.match(low) and low not in _NOT_VERB and wd[:1].islower():
            actor = " ".join(words[:i]).strip(" ,:")
            if actor and actor[:1].isupper():
                return actor, " ".join(words[i:])
            return None, text
    return None, text


def make_steps(paras: list[Paragraph], pelaksana: list[str]) -> list[Kegiatan]:
    steps: list[Kegiatan] = []
    used: set[int] = set()
    for i, p in enumerate(paras):
        n, body = step_number(p)
        if n is None or n == 0 or n in used:
            n = (max(used) + 1) if used else 1
        used.add(n)
        actor, _rest = split_actor(body)
        k = Kegiatan(no=n, uraian=body, lokasi=Lokasi(paragraf=p.index) if p.index else None)
        if actor:
            k.pelaksana = actor
            if actor not in pelaksana:
                pelaksana.append(actor)
        steps.append(k)
    total = len(steps)
    for i, k in enumerate(steps):
        if i == 0 and total > 1:
            k.simbol = "mulai"
        elif i == total - 1 and total > 1:
            k.simbol = "selesai"
        elif k.uraian.rstrip().endswith("?") or flow.has_yes_no_note(k.uraian):
            k.simbol = "keputusan"
        else:
            k.simbol = "proses"
    nos = [k.no for k in steps]
    for i, k in enumerate(steps):
        nxt = nos[i + 1] if i + 1 < len(nos) else None
        if k.simbol == "keputusan":
            from soplint.model import Cabang

            br = flow.branches_from_text(k.uraian)
            cab = Cabang(ya=br.get("ya"), tidak=br.get("tidak"))
            if "ya" not in br and nxt is not None and cab.tidak != nxt:
                cab.ya = nxt
            elif "tidak" not in br and nxt is not None and cab.ya != nxt:
                cab.tidak = nxt
            if cab.ya is None and nxt is not None and cab.tidak != nxt:
                cab.ya = nxt  # "ya" named without a target: the flow goes on
            k.cabang = cab
            k.lanjut = [cab.ya] if cab.ya is not None else []
        elif k.simbol == "selesai" or nxt is None:
            k.lanjut = []
        else:
            k.lanjut = [nxt]
    return steps
