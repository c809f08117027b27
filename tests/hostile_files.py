"""Builders of hostile and broken input files, shared by the hostile-input
tests, the fuzz test and ``bench/fuzz.py``.

Every builder writes a real file in the format it claims (real zip headers,
real deflate data, real OLE compound files) so the reader meets exactly what
a user could hand it.
"""
from __future__ import annotations

import struct
import time
import zipfile
import zlib
from pathlib import Path

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 b'<Default Extension="xml" ContentType="application/xml"/>'
                 b'<Override PartName="/word/document.xml" ContentType="application/'
                 b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W_NS = b'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def simple_document(text: str = "STANDAR OPERASIONAL PROSEDUR") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="' + W_NS +
            b'"><w:body><w:p><w:r><w:t>' + text.encode() + b'</w:t></w:r></w:p></w:body></w:document>')


def write_package(path, parts: dict) -> Path:
    """A zip with the given ``name -> bytes`` members (deflated)."""
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def minimal_docx(path, document: bytes | None = None, extra: dict | None = None) -> Path:
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
             "word/document.xml": document if document is not None else simple_document()}
    parts.update(extra or {})
    return write_package(path, parts)


# --------------------------------------------------------------------------- zip bomb

def _zeros_deflate(size: int, block: int = 1 << 20):
    """Raw deflate data inflating to ``size`` zero bytes, and its CRC-32,
    built without compressing ``size`` bytes: one megabyte of zeros is
    compressed once and ended with a full flush (byte-aligned, no reference
    to earlier data), so the same bytes can be repeated as often as needed;
    a final empty block ends the stream."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = co.compress(bytes(block)) + co.flush(zlib.Z_FULL_FLUSH)
    n, rest = divmod(size, block)
    tail_co = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = (tail_co.compress(bytes(rest)) if rest else b"") + tail_co.flush(zlib.Z_FINISH)
    crc = 0
    zeros = bytes(block)
    for _ in range(n):
        crc = zlib.crc32(zeros, crc)
    crc = zlib.crc32(bytes(rest), crc)
    return chunk, n, tail, crc


def zip_bomb(path, size: int = 1536 * 1024 * 1024, member: str = "word/document.xml") -> Path:
    """A valid .docx-shaped zip whose ``member`` inflates to ``size`` bytes
    (1.5 GB by default) of zeros from about 1.5 MB on disk; written
    streaming, with hand-made local and central headers."""
    path = Path(path)
    chunk, n, tail, crc = _zeros_deflate(size)
    comp_size = len(chunk) * n + len(tail)
    entries = []
    with open(path, "wb") as fh:
        def add(name: bytes, crc32: int, csize: int, usize: int, method: int, writer):
            offset = fh.tell()
            dos_time, dos_date = 0, (2024 - 1980) << 9 | 1 << 5 | 1
            fh.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, dos_time, dos_date,
                                 crc32, csize, usize, len(name), 0) + name)
            writer()
            entries.append((name, crc32, csize, usize, method, offset, dos_time, dos_date))

        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS)):
            raw = name.encode()
            add(raw, zlib.crc32(data), len(data), len(data), 0, lambda d=data: fh.write(d))

        def write_bomb():
            for _ in range(n):
                fh.write(chunk)
            fh.write(tail)

        add(member.encode(), crc, comp_size, size, 8, write_bomb)
        cd_start = fh.tell()
        for name, crc32, csize, usize, method, offset, dos_time, dos_date in entries:
            fh.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, dos_time, dos_date,
                                 crc32, csize, usize, len(name), 0, 0, 0, 0, 0, offset) + name)
        cd_size = fh.tell() - cd_start
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), cd_size, cd_start, 0))
    return path


def overlapping_bomb(path, copies: int = 2000) -> Path:
    """A "non-recursive" zip bomb: many central-directory entries pointing at
    one local member of 1 MB of zeros; each entry is small, together they
    declare ``copies`` MB."""
    path = Path(path)
    data = bytes(1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = co.compress(data) + co.flush()
    crc = zlib.crc32(data)
    with open(path, "wb") as fh:
        name = b"word/document.xml"
        fh.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x5821, crc, len(comp), len(data),
                             len(name), 0) + name)
        fh.write(comp)
        cd_start = fh.tell()
        for i in range(copies):
            nm = name if i == 0 else f"word/media/copy{i}.xml".encode()
            fh.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x5821, crc, len(comp),
                                 len(data), len(nm), 0, 0, 0, 0, 0, 0) + nm)
        cd_size = fh.tell() - cd_start
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, copies, copies, cd_size, cd_start, 0))
    return path


# --------------------------------------------------------------------------- XML tricks

def billion_laughs_document(levels: int = 10) -> bytes:
    ents = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        ents.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n' + "\n".join(ents) +
            f'\n]>\n<w:document xmlns:w="{W_NS.decode()}"><w:body><w:p><w:r><w:t>&lol{levels - 1};'
            '</w:t></w:r></w:p></w:body></w:document>').encode()


def external_entity_document(target: str = "file:///etc/passwd") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- ' + "x" * 70000 + ' -->\n'
            f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>\n'
            f'<w:document xmlns:w="{W_NS.decode()}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
            '</w:body></w:document>').encode()


# --------------------------------------------------------------------------- OLE

def ole_file(path, streams: dict, sector_shift: int = 9) -> Path:
    """A minimal but valid Compound File (MS-CFB version 3): every stream is
    stored in regular sectors (padded to 4096 bytes so no mini stream is
    needed), one FAT sector, directory entries as a flat red-black tree."""
    path = Path(path)
    ss = 1 << sector_shift
    names = list(streams)
    datas = [streams[n] + bytes(max(0, 4096 - len(streams[n]))) for n in names]
    per_dir = ss // 128
    n_dir_entries = len(names) + 1
    dir_sectors = -(-n_dir_entries // per_dir)
    sectors = []  # list of bytes per sector, FAT entries parallel
    fat = []
    # sector 0: FAT (filled at the end)
    sectors.append(None)
    fat.append(0xFFFFFFFD)
    dir_start = len(sectors)
    for i in range(dir_sectors):
        sectors.append(None)
        fat.append(dir_start + i + 1 if i < dir_sectors - 1 else 0xFFFFFFFE)
    starts = []
    for data in datas:
        start = len(sectors)
        count = -(-len(data) // ss)
        for i in range(count):
            sectors.append(data[i * ss:(i + 1) * ss].ljust(ss, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else 0xFFFFFFFE)
        starts.append(start)
    if len(fat) > ss // 4:
        raise ValueError("too many sectors for this small writer")

    def entry(name: str, etype: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), etype, 1) +
                struct.pack("<III", left, right, child) + bytes(16) + bytes(4) + bytes(16) +
                struct.pack("<IQ", start, size))

    none = 0xFFFFFFFF
    entries = [entry("Root Entry", 5, none, none, 1 if names else none, 0xFFFFFFFE, 0)]
    for i, (name, data) in enumerate(zip(names, datas)):
        entries.append(entry(name, 2, none, i + 2 if i + 1 < len(names) else none, none, starts[i], len(data)))
    dir_blob = b"".join(entries).ljust(dir_sectors * ss, b"\0")
    for i in range(dir_sectors):
        sectors[dir_start + i] = dir_blob[i * ss:(i + 1) * ss]
    sectors[0] = struct.pack("<%dI" % (ss // 4), *(fat + [0xFFFFFFFF] * (ss // 4 - len(fat))))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, sector_shift)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<IIIII", header, 0x2C, 1, dir_start, 0, 4096, 0xFFFFFFFE)
    struct.pack_into("<II", header, 0x40, 0, 0xFFFFFFFE)
    struct.pack_into("<I", header, 0x48, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    with open(path, "wb") as fh:
        fh.write(bytes(header).ljust(ss, b"\0"))
        for s in sectors:
            fh.write(s)
    return path


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


# --------------------------------------------------------------------------- mutations (fuzzing)

MUTATIONS = ("bitflip", "truncate", "delete_member", "swap_members", "xml_damage", "rename_member",
             "lie_sizes", "duplicate_member", "splice")

_XML_JUNK = (b"<", b">", b"</w:p>", b"<w:tbl>", b"</w:tc>", b"<w:tr>", b"&", b"&amp", b"&#0;", b"]]>",
             b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b'<w:gridSpan w:val="99999999"/>', b'<w:vMerge/>',
             b'<w:gridSpan w:val="-3"/>', b'w:val="abc"', b"\x00", b"\xff\xfe", b"<w:t>", b"\xc3",
             b'<w:numPr><w:ilvl w:val="9"/><w:numId w:val="77"/></w:numPr>', b'<mc:AlternateContent>',
             b'<w:tc><w:tcPr><w:gridSpan w:val="0"/></w:tcPr></w:tc>', b'r:id="rId999"', b'r:embed="x"')


def _members(data: bytes):
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _pack(members) -> bytes:
    import io

    import warnings

    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        for name, blob in members:
            zf.writestr(name, blob)
    return buf.getvalue()


def _damage_xml(blob: bytes, rng) -> bytes:
    for _ in range(rng.randint(1, 4)):
        if not blob:
            return rng.choice(_XML_JUNK)
        i = rng.randrange(len(blob))
        j = min(len(blob), i + rng.randint(1, 200))
        op = rng.randrange(5)
        if op == 0:  # delete a span
            blob = blob[:i] + blob[j:]
        elif op == 1:  # insert junk
            blob = blob[:i] + rng.choice(_XML_JUNK) + blob[i:]
        elif op == 2:  # duplicate a span (unbalanced or repeated elements)
            blob = blob[:j] + blob[i:j] + blob[j:]
        elif op == 3:  # move a span elsewhere
            span = blob[i:j]
            rest = blob[:i] + blob[j:]
            k = rng.randrange(len(rest) + 1)
            blob = rest[:k] + span + rest[k:]
        else:  # change a number (sizes, spans, ids)
            import re

            nums = list(re.finditer(rb'"-?\d+"', blob))
            if nums:
                m = rng.choice(nums)
                new = rng.choice([b'"0"', b'"-1"', b'"999999999"', b'"2"', b'"x"', b'""'])
                blob = blob[:m.start()] + new + blob[m.end():]
    return blob


def mutate(data: bytes, kind: str, rng) -> bytes:
    """One mutation of a .docx's bytes: ``kind`` is one of :data:`MUTATIONS`;
    ``rng`` a ``random.Random`` deciding the details."""
    if kind == "bitflip":
        buf = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            pos = rng.randrange(len(buf))
            buf[pos] ^= 1 << rng.randrange(8)
        return bytes(buf)
    if kind == "truncate":
        return data[:rng.randrange(len(data))]
    if kind == "lie_sizes":  # rewrite declared sizes/CRCs in the central directory
        buf = bytearray(data)
        pos = buf.find(b"PK\x01\x02")
        while pos != -1:
            if rng.random() < 0.5:
                field = rng.choice((16, 20, 24))  # crc, compressed, uncompressed
                struct.pack_into("<I", buf, pos + field, rng.choice((0, 1, 0xFFFFFFFF, rng.getrandbits(32))))
            pos = buf.find(b"PK\x01\x02", pos + 4)
        return bytes(buf)
    if kind == "splice":  # a chunk of the file copied over another place
        n = len(data)
        i, j = sorted(rng.randrange(n) for _ in range(2))
        k = rng.randrange(n)
        return data[:k] + data[i:j] + data[k + (j - i):]
    members = _members(data)
    if kind == "delete_member":
        del members[rng.randrange(len(members))]
    elif kind == "swap_members":
        a, b = rng.randrange(len(members)), rng.randrange(len(members))
        members[a], members[b] = (members[a][0], members[b][1]), (members[b][0], members[a][1])
    elif kind == "rename_member":
        a = rng.randrange(len(members))
        members[a] = (members[a][0] + rng.choice(("x", ".bak", "/")), members[a][1])
    elif kind == "duplicate_member":
        a = rng.randrange(len(members))
        members.append((members[a][0], _damage_xml(members[a][1], rng)))
    elif kind == "xml_damage":
        xml = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
        weights = [8 if members[i][0] == "word/document.xml" else 1 for i in xml]
        a = rng.choices(xml, weights)[0]
        members[a] = (members[a][0], _damage_xml(members[a][1], rng))
    else:
        raise ValueError(kind)
    return _pack(members)
