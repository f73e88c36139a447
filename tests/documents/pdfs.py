"""Tiny PDFs written by hand for the reader's tests: text pages, encrypted, corrupt."""

from __future__ import annotations


def _escape(text: str) -> str:
    """A PDF string literal's body (Latin-1 text with backslashes and brackets escaped)."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], *, encrypt: bool = False) -> bytes:
    """A valid PDF with one page per list of lines, in Helvetica; optionally "encrypted"
    (an /Encrypt dictionary whose keys match no password, so a reader must ask for one)."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for page_id, lines in zip(page_ids, pages, strict=True):
        ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
        ops += [f"({_escape(line)}) Tj T*" for line in lines]
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> "
            f"/Contents {page_id + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    encrypt_ref = b""
    if encrypt:
        key = b"<" + b"41" * 32 + b">"
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O " + key + b" /U " + key + b" /P -44 >>")
        encrypt_ref = b" /Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff>"
        encrypt_ref = encrypt_ref % len(objects)
        encrypt_ref += b" <00112233445566778899aabbccddeeff>]"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1) + encrypt_ref + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
