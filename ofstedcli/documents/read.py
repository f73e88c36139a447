"""Reading a document's text from a file or from bytes: .txt and .md, and .pdf via pypdfium2.

Text files are decoded as UTF-8, else Windows-1252 (letters saved by Word), else Latin-1;
line ends become ``\\n``.  PDF pages are joined with a form feed (``\\f``), which the
extractor uses to find running page headers.  Anything that cannot be read raises
:class:`~ofstedcli.errors.BadDocument` with a one-line reason.
"""

from __future__ import annotations

from pathlib import Path

from ofstedcli.errors import BadDocument

#: Largest file accepted (bytes): ten times the longest Ofsted report.
MAX_BYTES = 50 * 1024 * 1024
#: Suffixes read as plain text.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
#: All the suffixes ``ofsted ingest`` reads when walking a folder.
SUFFIXES = (*TEXT_SUFFIXES, ".pdf")
#: Share of control characters above which "text" is taken for binary data.
_BINARY_SHARE = 0.01
_PDF_MAGIC = b"%PDF-"


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of a .txt, .md or .pdf file."""
    return read_bytes(load(path, max_bytes), Path(path).name, max_bytes)


def load(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a document file, refused when missing, a folder or too large."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise BadDocument(f"cannot read {p}: {exc.strerror or exc}") from None
    if p.is_dir():
        raise BadDocument(f"{p} is a folder, not a document")
    if size > max_bytes:
        raise BadDocument(f"{p.name} is too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise BadDocument(f"cannot read {p}: {exc.strerror or exc}") from None


def read_bytes(data: bytes, name: str = "-", max_bytes: int = MAX_BYTES) -> str:
    """The text of a document given as bytes; ``name`` (a file name) tells PDF from text."""
    if len(data) > max_bytes:
        raise BadDocument(f"{name} is too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if not data.strip():
        raise BadDocument(f"{name} is empty")
    if name.lower().endswith(".pdf") or data[:1024].lstrip().startswith(_PDF_MAGIC):
        text = pdf_text(data, name)
    else:
        text = decode_text(data, name)
    if not text.strip():
        raise BadDocument(f"{name} has no text (a scanned image?)")
    return text


def decode_text(data: bytes, name: str = "-") -> str:
    """Decode a text file: UTF-8 (with or without BOM), else Windows-1252, else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadDocument(f"{name} is not readable UTF-16 text") from None
    else:
        if b"\x00" in data[:8192] or _control_share(data) > _BINARY_SHARE:
            raise BadDocument(f"{name} is binary, not text")
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - latin-1 decodes every byte
            raise BadDocument(f"{name} is not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(data: bytes) -> float:
    """The share of bytes that are control characters other than whitespace."""
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / max(1, len(sample))


def pdf_text(data: bytes, name: str = "-") -> str:
    """The text of a PDF, page by page (joined by form feeds), through pypdfium2."""
    import pypdfium2 as pdfium  # imported here: loading it costs start-up time

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise BadDocument(f"{name} is an encrypted PDF (password required)") from None
        raise BadDocument(f"{name} is not a readable PDF ({_first_line(str(exc))})") from None
    try:
        pages: list[str] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(textpage.get_text_range())
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise BadDocument(f"{name} is a damaged PDF ({_first_line(str(exc))})") from None
    finally:
        pdf.close()
    text = "\f".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "")


def _first_line(text: str) -> str:
    """The first line of a message, for one-line reasons."""
    return text.strip().splitlines()[0] if text.strip() else "unknown error"
