"""Small real PDF files written byte by byte for the PDF reader's tests: a
page of text and drawn lines, a page holding only a picture (a scan), and a
password-protected file (standard security handler, RC4 40-bit, as in the
PDF 1.4 specification's algorithms 3.1-3.5)."""
from __future__ import annotations

import hashlib
import zlib

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pad(pw: bytes) -> bytes:
    return (pw + _PAD)[:32]


def write_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF from object bodies (object 1 is the catalog); offsets computed."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def _esc(text: str) -> bytes:
    return text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_page(lines: list[tuple[float, float, str]], rects: list[tuple[float, float, float, float]] = ()) -> bytes:
    """A one-page PDF (landscape letter) with Helvetica text at (x, y from the
    top) and stroked rectangles (x, y from the top, w, h)."""
    h = 612
    ops = [b"0.8 w"]
    for x, y, w, hh in rects:
        ops.append(b"%.2f %.2f %.2f %.2f re S" % (x, h - y - hh, w, hh))
    for x, y, t in lines:
        ops.append(b"BT /F1 9 Tf %.2f %.2f Td (%s) Tj ET" % (x, h - y, _esc(t)))
    content = b"\n".join(ops)
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 792 612] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(content),
    ])


def scanned_page() -> bytes:
    """A page that holds only a picture (what a scanner produces): no text layer."""
    w = hh = 8
    pixels = zlib.compress(bytes([200]) * (w * hh))
    content = b"q 700 0 0 500 40 50 cm /Im1 Do Q"
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 792 612] /Resources << /XObject << /Im1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        _stream(pixels, b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                        b"/BitsPerComponent 8 /Filter /FlateDecode " % (w, hh)),
        _stream(content),
    ])


def encrypted_page(user_password: bytes = b"rahasia", owner_password: bytes = b"pemilik") -> bytes:
    """A one-page PDF encrypted with a user password (RC4 40-bit, revision 2):
    it cannot be opened without the password."""
    file_id = hashlib.md5(b"soplint-test").digest()
    perms = -4
    # algorithm 3.3: O entry
    okey = hashlib.md5(_pad(owner_password)).digest()[:5]
    o_entry = _rc4(okey, _pad(user_password))
    # algorithm 3.2: the file key
    m = hashlib.md5()
    m.update(_pad(user_password))
    m.update(o_entry)
    m.update(perms.to_bytes(4, "little", signed=True))
    m.update(file_id)
    key = m.digest()[:5]
    # algorithm 3.4: U entry
    u_entry = _rc4(key, _PAD)

    def enc(num: int, data: bytes) -> bytes:
        k = hashlib.md5(key + num.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
        return _rc4(k, data)

    content = enc(5, b"BT /F1 12 Tf 72 500 Td (Rahasia) Tj ET")
    hexs = lambda b: b"<" + b.hex().encode() + b">"  # noqa: E731
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 792 612] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content),
        b"<< /Filter /Standard /V 1 /R 2 /O " + hexs(o_entry) + b" /U " + hexs(u_entry) + b" /P %d >>" % perms,
    ]
    return write_pdf(objects, b"/Encrypt 6 0 R /ID [" + hexs(file_id) + b" " + hexs(file_id) + b"] ")
