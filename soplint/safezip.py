"""Opening a Word package safely: the only place that unzips and parses XML.

Every reader goes through :class:`DocxPackage`, so limits (compressed size,
uncompressed size, compression ratio) and the hardened XML parser (no entity
resolution, no network, no DTD loading) apply everywhere.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from soplint.errors import UnreadableFile


@dataclass
class Limits:
    max_file_bytes: int = 200 * 1024 * 1024  # compressed file on disk
    max_total_uncompressed: int = 500 * 1024 * 1024  # all members together
    max_member_uncompressed: int = 300 * 1024 * 1024
    max_ratio: float = 200.0  # uncompressed / compressed per member (large members only)


def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=True, remove_comments=False)


class DocxPackage:
    """A zip container read with limits. ``xml(name)`` parses one part."""

    def __init__(self, path, limits: Limits | None = None):
        self.path = Path(path)
        self.limits = limits or Limits()
        try:
            self._zip = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile:
            raise UnreadableFile("not-zip", "{p}: bukan berkas Word (.docx) yang sah atau rusak",
                                 "{p}: not a valid Word (.docx) file, or damaged", p=self.path.name) from None
        self.names = set(self._zip.namelist())
        total = 0
        for info in self._zip.infolist():
            total += info.file_size
            if info.file_size > self.limits.max_member_uncompressed or (
                    info.file_size > 1024 * 1024
                    and info.file_size > self.limits.max_ratio * max(info.compress_size, 1)):
                raise UnreadableFile("zip-bomb", "{p}: isi zip mencurigakan (bom zip?): {m}",
                                     "{p}: suspicious zip content (zip bomb?): {m}",
                                     p=self.path.name, m=info.filename)
        if total > self.limits.max_total_uncompressed:
            raise UnreadableFile("zip-bomb", "{p}: isi zip terlalu besar setelah diekstrak",
                                 "{p}: zip content too large when extracted", p=self.path.name)

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        try:
            return self._zip.read(name)
        except KeyError:
            raise UnreadableFile("missing-part", "{p}: bagian {n} tidak ada",
                                 "{p}: part {n} is missing", p=self.path.name, n=name) from None
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
            raise UnreadableFile("damaged", "{p}: berkas rusak ({e})", "{p}: file is damaged ({e})",
                                 p=self.path.name, e=exc) from None

    def xml(self, name: str):
        data = self.read(name)
        if b"<!ENTITY" in data[:4096] or b"<!DOCTYPE" in data[:4096]:
            raise UnreadableFile("xml-entities",
                                 "{p}: {n} memuat deklarasi DOCTYPE/ENTITY (ditolak demi keamanan)",
                                 "{p}: {n} contains a DOCTYPE/ENTITY declaration (refused for safety)",
                                 p=self.path.name, n=name)
        try:
            return etree.fromstring(data, xml_parser())
        except etree.XMLSyntaxError as exc:
            raise UnreadableFile("damaged", "{p}: XML rusak di {n}: {e}", "{p}: broken XML in {n}: {e}",
                                 p=self.path.name, n=name, e=exc) from None

    def close(self):
        self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
