"""Opening a Word package safely: the only place that unzips and parses XML.

Every reader goes through :class:`DocxPackage`, so the pre-flight checks of
:mod:`soplint.preflight` (empty, truncated, not a zip, OLE files, zip-bomb
limits on the central directory) and the hardened XML parser (no entity
resolution, no network, no DTD loading, DOCTYPE refused, libxml2's depth
and size limits kept on) apply everywhere.

A Word 97-2003 file or an RTF file carrying a ``.docx`` name raises
:class:`UnreadableFile` with kind ``"ole-doc"`` / ``"rtf"``:
:func:`soplint.readers.read_path` catches those and converts the file with
LibreOffice instead.
"""
from __future__ import annotations

import re
import struct
import threading
import zipfile
import zlib
from pathlib import Path
from typing import Optional

from lxml import etree

from soplint.lazyre import lazy_pattern

from soplint.errors import UnreadableFile, out_of_memory
from soplint.preflight import Limits, open_zip, sniff_head

__all__ = ["DocxPackage", "Limits", "xml_parser", "parse_xml"]

#: exceptions zipfile/zlib raise on damaged members
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError,
                ValueError, struct.error, OverflowError, UnicodeDecodeError)

_CHUNK = 1 << 20
#: parts read through DocxPackage.read_shared: compressed bytes, CRC, size -> inflated bytes
_SHARED: dict = {}
_SHARED_MAX = 4
_SHARED_MIN, _SHARED_LIMIT = 1 << 16, 1 << 24
#: patterns of rare paths (a DOCTYPE in a part; a main part not named
#: word/document.xml), compiled on first use
_decl_re = lazy_pattern(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
_main_rel_re = lazy_pattern(r"officeDocument$")


def xml_parser() -> etree.XMLParser:
    """The one XML parser configuration: no entity expansion, no network, no
    DTD; ``huge_tree`` stays off so libxml2 keeps its depth and node-size
    limits."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=False)


_LOCAL = threading.local()


def _parser() -> etree.XMLParser:
    """This thread's parser of :func:`xml_parser` configuration (reused: a
    fresh libxml2 parser context per part costs more than a small part)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = xml_parser()
    return parser


def _entities(path: Path, name: str) -> UnreadableFile:
    return UnreadableFile("xml-entities",
                          "{p}: {n} memuat deklarasi DOCTYPE/ENTITY (trik entitas XML, misalnya "
                          "'billion laughs'; ditolak demi keamanan)",
                          "{p}: {n} contains a DOCTYPE/ENTITY declaration (an XML entity trick such as "
                          "'billion laughs'; refused for safety)",
                          p=path.name, n=name)


def parse_xml(data: bytes, path: Path, name: str):
    """Parse one XML part with the hardened parser; DOCTYPE/ENTITY refused."""
    if data.find(b"<!", 0, 65536) >= 0 and _decl_re().search(data, 0, 65536):
        raise _entities(path, name)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if out_of_memory(exc):  # libxml2 ran out of memory: the batch names the limit, not damage
            raise MemoryError(str(exc)) from None
        raise UnreadableFile("damaged", "{p}: XML rusak di {n}: {e}", "{p}: broken XML in {n}: {e}",
                             p=path.name, n=name, e=exc) from None
    except ValueError as exc:
        raise UnreadableFile("damaged", "{p}: XML tidak dapat dibaca di {n}: {e}",
                             "{p}: unreadable XML in {n}: {e}", p=path.name, n=name, e=exc) from None
    if root is None:
        raise UnreadableFile("damaged", "{p}: {n} kosong", "{p}: {n} is empty", p=path.name, n=name)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _entities(path, name)
    return root


def _out_of_memory(exc: BaseException) -> bool:
    """zlib could not get memory to inflate (Z_MEM_ERROR, -4: under a memory
    limit, or on a machine out of memory): not a damaged file. zlib.error
    carries the code only in its text ("Error -4 while decompressing data")."""
    return isinstance(exc, zlib.error) and str(exc).startswith("Error -4 ")


class DocxPackage:
    """A zip container read with limits. ``xml(name)`` parses one part.

    ``DocxPackage(path, limits)``; ``.names`` (set of member names),
    ``.has(name)``, ``.read(name)`` -> bytes, ``.xml(name)`` -> lxml root,
    ``.main_part()`` -> the main document part's name; a context manager.
    """

    def __init__(self, path, limits: Limits | dict | None = None):
        self.path = Path(path)
        self.limits = Limits.from_options(limits)
        kind, head = sniff_head(self.path, self.limits)
        if kind in ("doc", "rtf"):
            what = {"doc": ("berkas Word 97-2003 (.doc)", "a Word 97-2003 (.doc) file"),
                    "rtf": ("berkas RTF", "an RTF file")}[kind]
            raise UnreadableFile("ole-doc" if kind == "doc" else "rtf",
                                 "{p}: {i} yang diberi nama {s}; perlu dikonversi dengan LibreOffice",
                                 "{p}: {e} named {s}; it must be converted with LibreOffice",
                                 p=self.path.name, i=what[0], e=what[1], s=self.path.suffix or "(tanpa akhiran)")
        self._zip = open_zip(self.path, self.limits, head)
        self._infos = {}
        for info in self._zip.infolist():
            self._infos.setdefault(info.filename, info)
        self.names = set(self._infos)

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise self._missing(name)
        try:
            # read in bounded chunks: ZipExtFile.read() without a size asks the
            # file for up to the declared compressed size at once, and a lying
            # header makes that a multi-gigabyte allocation
            chunks = []
            with self._zip.open(info) as fh:
                while True:
                    block = fh.read(_CHUNK)
                    if not block:
                        break
                    chunks.append(block)
            return b"".join(chunks)
        except _READ_ERRORS as exc:
            if _out_of_memory(exc):
                raise MemoryError(str(exc)) from None
            raise UnreadableFile("damaged", "{p}: berkas rusak di bagian {n} ({e})",
                                 "{p}: the file is damaged in part {n} ({e})",
                                 p=self.path.name, n=name, e=exc) from None

    def read_shared(self, name: str) -> bytes:
        """``read(name)`` for a large part that many packages carry unchanged
        (the styles.xml of a common template, 350 kB inflated): remembered by
        its compressed bytes, CRC and size, so a package holding the very same
        member is not inflated again. Anything unusual takes ``read``."""
        info = self._infos.get(name)
        raw = self._raw(info) if info is not None else None
        if raw is None:
            return self.read(name)
        key = (raw, info.CRC, info.file_size)
        data = _SHARED.get(key)
        if data is None:
            data = self.read(name)
            if len(_SHARED) >= _SHARED_MAX:
                _SHARED.pop(next(iter(_SHARED)), None)
            _SHARED[key] = data
        return data

    def _raw(self, info) -> Optional[bytes]:
        """The compressed bytes of a plain deflated member, checked as
        ``ZipFile.open`` checks its local header; None when it is not such a
        member, is too large to be worth remembering, or anything is off."""
        if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x61 or \
                not _SHARED_MIN <= info.file_size <= _SHARED_LIMIT or info.compress_size > _SHARED_LIMIT:
            return None  # encrypted (bit 0), patched (5), strongly encrypted (6)
        try:
            fp = self._zip.fp
            fp.seek(info.header_offset)
            head = fp.read(zipfile.sizeFileHeader)
            if len(head) != zipfile.sizeFileHeader:
                return None
            fields = struct.unpack(zipfile.structFileHeader, head)
            if fields[0] != zipfile.stringFileHeader:
                return None
            fname = fp.read(fields[10])
            if fields[3] & 0x800:
                fname = fname.decode("utf-8")
            else:
                fname = fname.decode(self._zip.metadata_encoding or "cp437")
            if fname != info.orig_filename:
                return None
            fp.seek(fields[11], 1)
            raw = fp.read(info.compress_size)
        except Exception:
            return None
        return raw if len(raw) == info.compress_size else None

    def xml(self, name: str):
        info = self._infos.get(name)
        if info is not None and info.file_size > self.limits.max_xml_bytes:
            from soplint.preflight import size_text

            raise UnreadableFile("too-large", "{p}: bagian {n} terlalu besar ({m})",
                                 "{p}: part {n} is too large ({m})",
                                 p=self.path.name, n=name, m=size_text(info.file_size))
        return parse_xml(self.read(name), self.path, name)

    def main_part(self) -> str:
        """The main document part: the target of the package's
        officeDocument relationship, else ``word/document.xml``."""
        if self.has("_rels/.rels") and self.has("[Content_Types].xml"):
            try:
                rels = self.xml("_rels/.rels")
                types = self.xml("[Content_Types].xml")
            except UnreadableFile:
                rels = types = None
            word_parts = set()
            for override in (types if types is not None else []):
                if "wordprocessingml" in (override.get("ContentType") or "") or \
                        "ms-word" in (override.get("ContentType") or ""):
                    word_parts.add((override.get("PartName") or "").lstrip("/"))
            for rel in (rels if rels is not None else []):
                if _main_rel_re().search(rel.get("Type") or ""):
                    target = (rel.get("Target") or "").lstrip("/")
                    if target in self.names and target in word_parts:
                        return target
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise self._missing("word/document.xml")

    def missing_for_word(self) -> list:
        """Parts every Word package must have that this one lacks (Word
        refuses to open it, although it can be read here)."""
        return [name for name in ("[Content_Types].xml", "_rels/.rels") if not self.has(name)]

    def _missing(self, name: str) -> UnreadableFile:
        if name != "word/document.xml":
            return UnreadableFile("missing-part", "{p}: bagian {n} tidak ada", "{p}: part {n} is missing",
                                  p=self.path.name, n=name)
        what = self._what_is_it()
        return UnreadableFile("missing-part",
                              "{p}: bukan dokumen Word: word/document.xml tidak ada ({i})",
                              "{p}: not a Word document: word/document.xml is missing ({e})",
                              p=self.path.name, i=what[0], e=what[1])

    def _what_is_it(self):
        names = self.names
        if "xl/workbook.xml" in names:
            return ("ini lembar kerja Excel .xlsx", "this is an Excel .xlsx workbook")
        if "ppt/presentation.xml" in names:
            return ("ini presentasi PowerPoint .pptx", "this is a PowerPoint .pptx presentation")
        if "mimetype" in names and "content.xml" in names:
            return ("ini dokumen OpenDocument (.odt/.ods); simpan ulang sebagai .docx",
                    "this is an OpenDocument file (.odt/.ods); save it again as .docx")
        if "[Content_Types].xml" in names:
            return ("paket Office yang tidak lengkap atau rusak", "an incomplete or damaged Office package")
        return ("ini arsip zip biasa", "this is a plain zip archive")

    def close(self):
        self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
