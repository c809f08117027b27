"""Numbered paragraphs (typed "1." or Word numbering) and the actor named
before the verb of a sentence ("Kasubbag Umum memeriksa berkas"); the
procedure part written as text is read by :mod:`.prose`."""
from __future__ import annotations

import re
from typing import Optional

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
