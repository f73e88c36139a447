"""Reading a document's text from a file or from bytes: .txt and .md, .html (as a browser
shows it, :mod:`.html`), and .pdf via pypdfium2.

Text files are decoded as UTF-8, else Windows-1252 (letters saved by Word), else Latin-1;
line ends become ``\\n``.  PDF pages are joined with a form feed (``\\f``), which the
extractor uses to find running page headers.  Anything that cannot be read raises
:class:`~ofstedcli.errors.BadDocument` with a one-line reason.

Work is bounded, whatever the file: at most :data:`MAX_TEXT` characters of text and
:data:`MAX_PAGES` pages per document, and a PDF is read in a child process of its own that
may add at most :data:`PDF_MEMORY` bytes of memory and take :func:`pdf_seconds` seconds, and
dies with its parent.  A small file that would cost more (nested forms, one stream shared by
every page) fails in one line as "too large or complex".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ofstedcli.documents import html
from ofstedcli.errors import BadDocument, UsageError

if TYPE_CHECKING:
    from ofstedcli.documents.sandbox import Sandbox

#: Largest file accepted (bytes): ten times the longest Ofsted report.
MAX_BYTES = 50 * 1024 * 1024
#: Most characters of text one document may give: the longest of the 63 development
#: reports has 147,000.
MAX_TEXT = 2_000_000
#: Most pages one PDF may have (Ofsted's longest reports have under 100).
MAX_PAGES = 1_000
#: Memory (bytes of address space) a PDF's reader may use beyond what the process holds.
PDF_MEMORY = 1024 * 1024 * 1024
#: Seconds a PDF's reader may take (``OFSTED_PDF_SECONDS`` changes it); a report takes
#: a few hundredths of a second.
DEFAULT_PDF_SECONDS = 30.0
#: Suffixes read as plain text.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
#: Suffixes read as web pages (a text that begins as HTML is read so too).
HTML_SUFFIXES = (".html", ".htm")
#: All the suffixes ``ofsted ingest`` reads when walking a folder.
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".pdf")
#: Most characters of HTML one page may have (a council's news page has under 200,000).
MAX_HTML = 10_000_000
#: Share of control characters above which "text" is taken for binary data.
_BINARY_SHARE = 0.01
_PDF_MAGIC = b"%PDF-"


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of a .txt, .md, .html or .pdf file."""
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
    return read_page(data, name, max_bytes).text


def read_page(data: bytes, name: str = "-", max_bytes: int = MAX_BYTES) -> html.Page:
    """The text of a document given as bytes, and the web address and site name an HTML
    page declares."""
    if len(data) > max_bytes:
        raise BadDocument(f"{name} is too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if not data.strip():
        raise BadDocument(f"{name} is empty")
    shown = None
    if name.lower().endswith(".pdf") or data[:1024].lstrip().startswith(_PDF_MAGIC):
        text = pdf_text(data, name)
    else:
        text = decode_text(data, name)
        if name.lower().endswith(HTML_SUFFIXES) or html.is_html(text):
            if len(text) > MAX_HTML:
                raise too_complex(name, f"more than {MAX_HTML:,} characters of HTML")
            shown = html.page(text)
            text = shown.text
    if not text.strip():
        what = "a browser would show" if shown is not None else "(a scanned image?)"
        raise BadDocument(f"{name} has no text {what}")
    if len(text) > MAX_TEXT:
        raise too_complex(name, f"more than {MAX_TEXT:,} characters of text")
    return shown if shown is not None else html.Page(text)


def too_complex(name: str, why: str) -> BadDocument:
    """The one-line failure of a document that would cost too much to read."""
    return BadDocument(f"{name} is too large or complex to read ({why})")


def pdf_seconds() -> float:
    """Seconds a PDF may take to read: ``OFSTED_PDF_SECONDS``, else the default."""
    raw = os.environ.get("OFSTED_PDF_SECONDS", "").strip()
    if not raw:
        return DEFAULT_PDF_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 86_400:  # also refuses nan and inf
        raise UsageError(
            f"OFSTED_PDF_SECONDS must be a number of seconds from 0 to 86400, not {raw[:40]!r}"
        )
    return value


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
    """The text of a PDF, read in a child process with a memory and a time limit."""
    import pypdfium2  # noqa: F401 - imported once here, never in a child: it costs 30 ms

    from ofstedcli.documents.sandbox import Overrun

    seconds = pdf_seconds()
    if not hasattr(os, "fork"):  # pragma: no cover - Windows: read here, unbounded
        return _pdf_text(data, name)
    for attempt in (1, 2):
        try:
            return _reader().run(data, name, seconds)
        except Overrun as exc:
            raise too_complex(name, str(exc)) from None
        except BrokenPipeError:  # the child had died (killed from outside): a new one
            if attempt == 2:
                raise too_complex(name, "its reader failed") from None
    raise AssertionError("unreachable")  # pragma: no cover


_readers: dict[int, Sandbox] = {}


def _reader() -> Sandbox:
    """This process's PDF reader child (a forked worker makes its own)."""
    from ofstedcli.documents.sandbox import Sandbox

    found = _readers.get(os.getpid())
    if found is None or found.owner != os.getpid():
        found = _readers[os.getpid()] = Sandbox(_pdf_text, PDF_MEMORY)
    return found


def _pdf_text(data: bytes, name: str = "-") -> str:
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
        if len(pdf) > MAX_PAGES:
            raise too_complex(name, f"{len(pdf):,} pages; the limit is {MAX_PAGES:,}")
        pages: list[str] = []
        left = MAX_TEXT
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    left -= textpage.count_chars()
                    if left < 0:
                        raise too_complex(name, f"more than {MAX_TEXT:,} characters of text")
                    pages.append(textpage.get_text_range().rstrip(" "))
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise BadDocument(f"{name} is a damaged PDF ({_first_line(str(exc))})") from None
    finally:
        pdf.close()
    text = "\f".join(pages).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # pdfium ends most lines and pages with a space, which the reader's view would turn, with
    # the break, into one more edit to map back: dropped, a report is read a third faster.
    while " \n" in text:
        text = text.replace(" \n", "\n")
    return text


def _first_line(text: str) -> str:
    """The first line of a message, for one-line reasons."""
    return text.strip().splitlines()[0] if text.strip() else "unknown error"
