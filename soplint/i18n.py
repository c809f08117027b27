"""User-facing messages in Indonesian (default) and English.

Every message shown to a user is a pair; :func:`tr` picks one by the language
in force (``--lang``, ``SOPLINT_LANG``, config ``lang``; default ``id``).
"""
from __future__ import annotations

import os

_LANG: str | None = None


def set_lang(lang: str | None) -> None:
    global _LANG
    _LANG = lang


def lang() -> str:
    value = _LANG or os.environ.get("SOPLINT_LANG") or "id"
    return "en" if value.lower().startswith("en") else "id"


def tr(id_text: str, en_text: str, **kw) -> str:
    """Pick the message for the current language and fill its placeholders."""
    text = en_text if lang() == "en" else id_text
    return text.format(**kw) if kw else text


def both(id_text: str, en_text: str, **kw) -> str:
    """Both languages in one line, for messages that must reach any reader
    (model validation errors, DK01 causes written into reports)."""
    return f"{id_text.format(**kw)} / {en_text.format(**kw)}"
