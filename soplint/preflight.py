"""Pre-flight: look at a file's bytes before any parser sees it.

:func:`sniff` decides what a Word input really is from its first bytes and
its container directory, without inflating anything:

* ``"zip"``: an OOXML package (``.docx`` and friends), whose central
  directory has already passed the zip-bomb limits of :class:`Limits`;
* ``"doc"``: a Word 97-2003 binary document (an OLE compound file with a
  ``WordDocument`` stream, not encrypted), whatever its name: it is read by
  converting it with LibreOffice (:mod:`soplint.readers.doc`);
* ``"rtf"``: a Rich Text file (Word's "save as RTF", often renamed ``.doc``),
  also converted with LibreOffice.

Everything else raises :class:`~soplint.errors.UnreadableFile` with a
specific ``kind`` and a bilingual message: ``missing``, ``empty``,
``too-large``, ``truncated``, ``not-zip`` (naming PDF, HTML, plain text ...
where it can), ``encrypted`` (a password-protected Word file: an OLE file
with ``EncryptionInfo``/``EncryptedPackage`` streams, a Word 97 file with its
encryption flag set, or zip members with the encryption bit), ``unsupported``
(an Excel/PowerPoint OLE file), ``zip-bomb``.

The OLE directory is read with a small, bounds-checked parser of the
Compound File Binary format (MS-CFB): header, FAT, directory chain. Every
loop is bounded and every offset checked, so a damaged or hostile OLE file
ends as ``damaged`` rather than a hang or an exception.
"""
from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path

from soplint.errors import UnreadableFile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
MB = 1024 * 1024


def size_text(n) -> str:
    """A byte count for a message, in the unit that keeps it readable
    (``10 KB``, ``1.5 MB``, ``512 MB``, ``2 GB``; never ``0 MB``)."""
    n = float(n)
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= factor:
            value = round(n / factor, 1)
            return f"{int(value) if value.is_integer() else value} {unit}"
    return f"{int(n)} B"


@dataclass
class Limits:
    """Limits applied before and while a package is read (all configurable).

    The defaults leave ample room for real SOP files (the largest XML part
    in the corpus is 0.4 MB, the highest compression ratio 25:1) while a zip
    bomb is refused from its central directory alone.
    """

    #: size of the file on disk
    max_file_bytes: int = 256 * MB
    #: number of members in the zip
    max_members: int = 10_000
    #: declared uncompressed size of all members together
    max_total_uncompressed: int = 1024 * MB
    #: declared uncompressed size of one member
    max_member_uncompressed: int = 256 * MB
    #: uncompressed / compressed size of one member ...
    max_ratio: float = 100.0
    #: ... checked for members declaring at least this many bytes
    ratio_floor: int = 4 * MB
    #: one XML part handed to the XML parser
    max_xml_bytes: int = 128 * MB

    @staticmethod
    def parse_option(text: str) -> tuple:
        """``NAME=VALUE`` of the command line (``max-total-uncompressed=512MB``,
        ``max-ratio=200``): ``(name, number)``; sizes may end in K, KB, M, MB,
        G or GB. Raises UsageError."""
        from soplint.errors import UsageError

        name, sep, value = str(text).partition("=")
        value = value.strip().upper().replace(" ", "")
        scale = 1
        for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20),
                             ("K", 1 << 10)):
            if value.endswith(unit):
                value, scale = value[: -len(unit)], factor
                break
        try:
            number = float(value) * scale
        except ValueError:
            number = None
        if not sep or not name.strip() or number is None or number <= 0:
            raise UsageError("Batas harus berbentuk NAMA=NILAI dengan nilai positif (mis. max-ratio=200, "
                             "max-total-uncompressed=512MB): {t}",
                             "A limit must read NAME=VALUE with a positive value (e.g. max-ratio=200, "
                             "max-total-uncompressed=512MB): {t}", t=text)
        return name.strip().replace("_", "-"), int(number) if number.is_integer() else number

    @classmethod
    def from_options(cls, value) -> "Limits":
        """From a :class:`Limits`, ``None`` or a mapping of field names
        (``max_file_bytes`` or ``max-file-bytes``) to numbers, as found in a
        configuration file's ``[limits]`` table."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        known = {f.name: f.type for f in fields(cls)}
        kw = {}
        for key, val in dict(value).items():
            name = str(key).replace("-", "_")
            if name not in known:
                from soplint.errors import UsageError

                names = ", ".join(sorted(n.replace("_", "-") for n in known))
                raise UsageError("Batas tidak dikenal: {k} (yang dikenal: {n})",
                                 "Unknown limit: {k} (known: {n})", k=key, n=names)
            kw[name] = float(val) if name == "max_ratio" else int(val)
        return cls(**kw)


def _err(kind: str, path: Path, id_text: str, en_text: str, **kw) -> UnreadableFile:
    return UnreadableFile(kind, "{p}: " + id_text, "{p}: " + en_text, p=path.name, **kw)


# --------------------------------------------------------------------------- sniffing

def sniff(path, limits: Limits | None = None) -> str:
    """What the file at ``path`` really is: ``"zip"``, ``"doc"`` or ``"rtf"``
    (see the module doc); raises :class:`UnreadableFile` for anything that
    cannot be read as a Word document."""
    path = Path(path)
    limits = Limits.from_options(limits)
    kind, head = sniff_head(path, limits)
    if kind is not None:
        return kind
    open_zip(path, limits, head).close()
    return "zip"


def sniff_head(path: Path, limits: Limits):
    """Size checks and the first bytes: ``("doc" | "rtf", head)`` for files
    LibreOffice must convert, ``(None, head)`` for a candidate zip."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise UnreadableFile("missing", "Berkas tidak ditemukan: {p}", "File not found: {p}", p=path) from None
    except OSError as exc:
        raise _err("damaged", path, "tidak dapat dibuka ({e})", "cannot be opened ({e})", e=exc) from None
    if not path.is_file():
        raise _err("unsupported", path, "bukan berkas biasa", "not a regular file")
    if st.st_size == 0:
        raise _err("empty", path, "berkas kosong (0 bait)", "the file is empty (0 bytes)")
    if st.st_size > limits.max_file_bytes:
        raise _err("too-large", path, "berkas terlalu besar ({n}; batas {m})",
                   "the file is too large ({n}; limit {m})",
                   n=size_text(st.st_size), m=size_text(limits.max_file_bytes))
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise _err("damaged", path, "tidak dapat dibaca ({e})", "cannot be read ({e})", e=exc) from None
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path, st.st_size), head
    if head.lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"{\\rtf"):
        return "rtf", head
    return None, head


def _not_zip(path: Path, head: bytes) -> UnreadableFile:
    """A file that is not a zip, named for what it looks like."""
    what = _looks_like(head)
    if what:
        return _err("not-zip", path, "bukan dokumen Word (.docx): berkas ini {i}",
                    "not a Word document (.docx): this file is {e}", i=what[0], e=what[1])
    return _err("not-zip", path, "bukan dokumen Word (.docx) yang sah atau rusak (bukan berkas zip)",
                "not a valid Word (.docx) document, or damaged (not a zip file)")


def _looks_like(head: bytes):
    low = head.lstrip(b"\xef\xbb\xbf\r\n\t ").lower()
    if low.startswith(b"%pdf"):
        return ("berformat PDF", "a PDF file")
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:512]:
        return ("berformat HTML (halaman web)", "an HTML (web page) file")
    if low.startswith(b"mime-version") or b"multipart/related" in low[:512]:
        return ("berformat MHTML (halaman web arsip)", "an MHTML (web archive) file")
    if low.startswith(b"<?xml"):
        if b"w:worddocument" in low or b"pkg:package" in low or b"word.document" in low:
            return ("berformat Word XML 2003/Flat XML, bukan .docx", "a Word 2003 XML / flat XML file, not a .docx")
        return ("berformat XML, bukan .docx", "an XML file, not a .docx")
    if low.startswith((b"\x89png", b"\xff\xd8\xff", b"gif8")):
        return ("berupa gambar", "an image")
    if low.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"rar!")):
        return ("berupa arsip terkompresi lain (gzip/7z/rar)", "another compressed archive (gzip/7z/rar)")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text and all(c.isprintable() or c in "\r\n\t" for c in text):
        return ("berupa teks biasa", "a plain text file")
    return None


def open_zip(path, limits: Limits | None = None, head: bytes | None = None) -> zipfile.ZipFile:
    """Open ``path`` as a zip and check its central directory against the
    limits without inflating any member; the caller closes the result."""
    path = Path(path)
    limits = Limits.from_options(limits)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if head is None:
            with open(path, "rb") as fh:
                head = fh.read(512)
        if head.startswith(ZIP_MAGICS):
            raise _err("truncated", path, "berkas terpotong atau rusak (direktori zip tidak ditemukan; "
                       "mungkin unduhan/salinan tidak selesai)",
                       "the file is truncated or damaged (no zip directory found; perhaps an "
                       "incomplete download or copy)") from None
        raise _not_zip(path, head) from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, OverflowError,
            struct.error, UnicodeDecodeError) as exc:
        raise _err("damaged", path, "direktori zip rusak ({e})", "damaged zip directory ({e})", e=exc) from None
    try:
        check_infolist(path, zf.infolist(), limits, path.stat().st_size)
    except BaseException:
        zf.close()
        raise
    return zf


def check_infolist(path: Path, infos, limits: Limits, archive_size: int | None = None) -> None:
    """The zip-bomb limits, on declared sizes only. ``zipfile`` never yields
    more than a member's declared size, so these bounds hold while reading.
    A member said to lie beyond the end of the file is damage."""
    if len(infos) > limits.max_members:
        raise _err("zip-bomb", path, "zip berisi terlalu banyak bagian ({n}; batas {m})",
                   "the zip holds too many members ({n}; limit {m})", n=len(infos), m=limits.max_members)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _err("encrypted", path, "isi zip terenkripsi (dilindungi kata sandi)",
                       "the zip content is encrypted (password-protected)")
        if archive_size is not None and info.header_offset + info.compress_size > archive_size:
            raise _err("damaged", path,
                       "direktori zip rusak: bagian {m} melewati akhir berkas",
                       "damaged zip directory: member {m} runs past the end of the file", m=info.filename)
        size = info.file_size
        total += size
        if size > limits.max_member_uncompressed:
            raise _err("zip-bomb", path,
                       "bagian {m} terlalu besar setelah diekstrak ({n}; batas {l}): kemungkinan bom zip",
                       "member {m} is too large when extracted ({n}; limit {l}): likely a zip bomb",
                       m=info.filename, n=size_text(size), l=size_text(limits.max_member_uncompressed))
        if size >= limits.ratio_floor and size > limits.max_ratio * max(info.compress_size, 1):
            raise _err("zip-bomb", path,
                       "bagian {m} dimampatkan {r}:1 (batas {l}:1): kemungkinan bom zip",
                       "member {m} is compressed {r}:1 (limit {l}:1): likely a zip bomb",
                       m=info.filename, r=round(size / max(info.compress_size, 1)), l=round(limits.max_ratio))
        if total > limits.max_total_uncompressed:
            raise _err("zip-bomb", path,
                       "isi zip terlalu besar setelah diekstrak (lebih dari {l}): kemungkinan bom zip",
                       "the zip content is too large when extracted (over {l}): likely a zip bomb",
                       l=size_text(limits.max_total_uncompressed))


# --------------------------------------------------------------------------- OLE

def _sniff_ole(path: Path, size: int) -> str:
    try:
        with open(path, "rb") as fh:
            ole = OleDirectory(fh, size)
            names = ole.stream_names()
            flags = ole.word_fib_flags() if "worddocument" in names else None
    except OleError as exc:
        raise _err("damaged", path, "berkas Word lama (OLE) yang rusak ({e})",
                   "a damaged legacy Word (OLE) file ({e})", e=exc) from None
    if "encryptioninfo" in names or "encryptedpackage" in names:
        raise _err("encrypted", path,
                   "dokumen Word terenkripsi (dilindungi kata sandi): buka di Word, hapus kata sandinya "
                   "(File > Info > Protect Document), simpan, lalu periksa ulang",
                   "an encrypted (password-protected) Word document: open it in Word, remove the password "
                   "(File > Info > Protect Document), save it and check it again")
    if "worddocument" in names:
        if flags is not None and flags & 0x0100:  # FIB fEncrypted
            raise _err("encrypted", path,
                       "dokumen Word 97-2003 terenkripsi (dilindungi kata sandi): hapus kata sandinya lalu "
                       "periksa ulang",
                       "an encrypted (password-protected) Word 97-2003 document: remove the password and "
                       "check it again")
        return "doc"
    if "workbook" in names or "book" in names:
        what = ("lembar kerja Excel lama (.xls)", "a legacy Excel workbook (.xls)")
    elif "powerpoint document" in names:
        what = ("presentasi PowerPoint lama (.ppt)", "a legacy PowerPoint presentation (.ppt)")
    else:
        what = ("berkas OLE yang bukan dokumen Word", "an OLE file that is not a Word document")
    raise _err("unsupported", path, "bukan dokumen Word: berkas ini {i}", "not a Word document: this file is {e}",
               i=what[0], e=what[1])


class OleError(Exception):
    pass


class OleDirectory:
    """Just enough of MS-CFB to list stream names and read a stream's first
    bytes. Bounded: chains stop at the number of sectors the file can hold."""

    FREE, END, FAT_SECT, DIFAT_SECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC

    def __init__(self, fh, size: int):
        self.fh = fh
        self.size = size
        header = self._read_at(0, 512)
        if len(header) < 512:
            raise OleError("header truncated")
        shift = struct.unpack_from("<H", header, 0x1E)[0]
        if shift not in (9, 12):
            raise OleError(f"bad sector size 2^{shift}")
        self.sector_size = 1 << shift
        self.max_sectors = max(1, size // self.sector_size)
        n_fat = struct.unpack_from("<I", header, 0x2C)[0]
        self.first_dir = struct.unpack_from("<I", header, 0x30)[0]
        first_difat = struct.unpack_from("<I", header, 0x44)[0]
        n_difat = struct.unpack_from("<I", header, 0x48)[0]
        if n_fat > self.max_sectors or n_difat > self.max_sectors:
            raise OleError("FAT larger than the file")
        fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < self.FAT_SECT]
        per = self.sector_size // 4
        sect, seen = first_difat, set()
        while sect < self.FAT_SECT and len(seen) < n_difat:
            if sect in seen:
                raise OleError("DIFAT loop")
            seen.add(sect)
            data = self._sector(sect)
            vals = struct.unpack("<%dI" % per, data)
            fat_sectors.extend(v for v in vals[:-1] if v < self.FAT_SECT)
            sect = vals[-1]
        fat_sectors = fat_sectors[:n_fat] if n_fat else fat_sectors
        self.fat = []
        for s in fat_sectors:
            self.fat.extend(struct.unpack("<%dI" % per, self._sector(s)))

    def _read_at(self, offset: int, n: int) -> bytes:
        if offset < 0 or offset >= self.size:
            raise OleError("offset outside the file")
        self.fh.seek(offset)
        return self.fh.read(n)

    def _sector(self, sect: int) -> bytes:
        data = self._read_at((sect + 1) * self.sector_size, self.sector_size)
        if len(data) < self.sector_size:
            raise OleError("sector truncated")
        return data

    def chain(self, start: int, limit: int | None = None):
        """Sector numbers of a chain, bounded and loop-checked."""
        limit = self.max_sectors if limit is None else min(limit, self.max_sectors)
        sect, seen = start, set()
        while sect < self.DIFAT_SECT and len(seen) < limit:
            if sect in seen or sect >= len(self.fat):
                if sect in seen:
                    raise OleError("sector chain loop")
                raise OleError("sector outside the FAT")
            seen.add(sect)
            yield sect
            sect = self.fat[sect]

    def entries(self):
        """(lower-case name, type, start sector, size) of each directory entry."""
        out = []
        for sect in self.chain(self.first_dir):
            data = self._sector(sect)
            for off in range(0, self.sector_size, 128):
                entry = data[off:off + 128]
                name_len = struct.unpack_from("<H", entry, 64)[0]
                etype = entry[66]
                if etype == 0 or not 2 <= name_len <= 64:
                    continue
                name = entry[:name_len - 2].decode("utf-16-le", "replace")
                start, size = struct.unpack_from("<IQ", entry, 116)
                out.append((name.lower(), etype, start, size))
        return out

    def stream_names(self) -> set:
        self._entries = self.entries()
        return {e[0] for e in self._entries}

    def word_fib_flags(self):
        """The flags word of the WordDocument stream's FIB (offset 0x0A), or
        None when the stream lives in the mini stream or cannot be read."""
        for name, etype, start, size in getattr(self, "_entries", None) or self.entries():
            if name == "worddocument" and etype == 2:
                if size < 4096:
                    return None
                first = next(iter(self.chain(start, 1)), None)
                if first is None:
                    return None
                data = self._sector(first)
                return struct.unpack_from("<H", data, 0x0A)[0]
        return None
