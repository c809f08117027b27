"""Exceptions that carry a user-facing, bilingual message."""
from __future__ import annotations


class SoplintError(Exception):
    """Base class; ``str(exc)`` is the message for the current language."""

    def __init__(self, id_text: str, en_text: str, **kw):
        self.id_text = id_text.format(**kw) if kw else id_text
        self.en_text = en_text.format(**kw) if kw else en_text
        super().__init__(self.id_text)

    def __str__(self) -> str:
        from soplint.i18n import lang

        return self.en_text if lang() == "en" else self.id_text


class UnreadableFile(SoplintError):
    """The file cannot be read (reported as DK01; the batch goes on).

    ``kind`` names the cause for machines: "not-zip", "encrypted", "ole-doc",
    "zip-bomb", "too-large", "xml-entities", "truncated", "empty",
    "missing-part", "no-libreoffice", "timeout", "memory", "unsupported",
    "invalid-model", "damaged".
    """

    def __init__(self, kind: str, id_text: str, en_text: str, **kw):
        self.kind = kind
        super().__init__(id_text, en_text, **kw)


class UsageError(SoplintError):
    """Bad command line or configuration (exit code 2)."""
