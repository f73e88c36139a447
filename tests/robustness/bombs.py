"""Small generators of hostile inputs: PDFs that cost far more to read than their size."""

from __future__ import annotations

import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _assemble(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog), with a true xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def nested_forms(depth: int = 14, fan: int = 8) -> bytes:
    """One page drawing a form XObject that draws the next ``fan`` times, ``depth`` deep:
    ``fan ** depth`` pieces of text from a file of a few kilobytes."""
    # 1 catalog, 2 pages, 3 page, 4 page content, 5 font, 6.. forms (the last draws text)
    first_form = 6
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /X %d 0 R >> >> /Contents 4 0 R >>" % first_form,
        _stream(b"/X Do"),
        _FONT,
    ]
    for level in range(depth):
        if level == depth - 1:
            body = b"BT /F1 11 Tf 56 780 Td (Children's services are inadequate.) Tj ET"
            resources = b"<< /Font << /F1 5 0 R >> >>"
        else:
            body = b" ".join([b"/N Do"] * fan)
            resources = b"<< /XObject << /N %d 0 R >> >>" % (first_form + level + 1)
        extra = b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + resources
        objects.append(_stream(body, extra))
    return _assemble(objects)


def shared_stream(pages: int = 100, repeats: int = 40_000) -> bytes:
    """``pages`` pages that all draw one compressed content stream of ``repeats`` lines of
    text: a file of tens of kilobytes holding megabytes of text on every page."""
    line = b"(Leicester children's services inspection report text) Tj T*\n"
    content = b"BT /F1 2 Tf 3 TL 10 830 Td\n" + line * repeats + b"ET"
    page_ids = [5 + i for i in range(pages)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % i for i in page_ids), pages),
        _stream(content, compress=True),
        _FONT,
    ]
    for _ in page_ids:
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
        )
    return _assemble(objects)
