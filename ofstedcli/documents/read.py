"""Reading a document's text from a file or from bytes: .txt and .md, and .pdf via pypdfium2.

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
import select
import signal
import sys
from pathlib import Path

from ofstedcli.errors import BadDocument, UsageError

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
    if len(text) > MAX_TEXT:
        raise too_complex(name, f"more than {MAX_TEXT:,} characters of text")
    return text


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
    import pypdfium2  # noqa: F401 - imported once here, not in every child: it costs 30 ms

    seconds = pdf_seconds()
    if not hasattr(os, "fork"):  # pragma: no cover - Windows: read here, unbounded
        return _pdf_text(data, name)
    readable, writable = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
        _child(data, name, parent, readable, writable)
    os.close(writable)
    try:
        payload, timed_out = _read_all(readable, seconds)
    finally:
        os.close(readable)
        _reap(pid)
    if timed_out:
        raise too_complex(name, f"still reading after {seconds:g} s")
    kind, body = payload[:1], payload[1:].decode("utf-8", "surrogatepass")
    if kind == b"T":
        return body
    if kind == b"E":
        raise BadDocument(body)
    raise too_complex(name, "the PDF reader ran out of memory")


def _child(data: bytes, name: str, parent: int, readable: int, writable: int) -> None:
    """Read the PDF under the limits and send back its text (T), a failure (E) or nothing."""
    code = 0
    try:
        os.close(readable)
        die_with_parent(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        _limit_memory(PDF_MEMORY)
        try:
            payload = b"T" + _pdf_text(data, name).encode("utf-8", "surrogatepass")
        except BadDocument as exc:
            payload = b"E" + exc.message.encode("utf-8", "surrogatepass")
        except MemoryError:
            payload = b""
        view = memoryview(payload)
        while view:
            view = view[os.write(writable, view) :]
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _read_all(fd: int, seconds: float) -> tuple[bytes, bool]:
    """Everything written to ``fd`` until it closes, and whether time ran out first."""
    import time

    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"", True
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)


def _reap(pid: int) -> None:
    """End the child (at once if it still runs) and collect its exit status."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass


def _limit_memory(extra: int) -> None:
    """Cap this process's address space at what it holds now plus ``extra`` bytes."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            held = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):  # pragma: no cover - not Linux
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = held + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent (``parent``, the pid that started
    it) dies: a killed ingest leaves no worker behind holding its output open.  Elsewhere a
    thread watches the parent."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl
            _watch_parent(parent)
    else:  # pragma: no cover - not Linux
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _watch_parent(parent: int) -> None:
    """A daemon thread that ends this process once its parent is gone."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


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
