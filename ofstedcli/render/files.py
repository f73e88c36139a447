"""Writing a picture to a file safely: the format its name asks for, never over a database.

The file is written beside its target under a temporary name and moved into place, so a
failure leaves the old file whole; a target that is an SQLite file, the user database or the
bundled one is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ofstedcli.errors import OfstedError, UsageError

#: format -> the file name endings it is written under.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "svg": (".svg",),
    "html": (".html", ".htm"),
    "png": (".png",),
    "pdf": (".pdf",),
}


def format_of(path: Path, allowed: tuple[str, ...], option: str) -> str:
    """The format a file name asks for; UsageError when it is not one ``option`` can write."""
    suffix = path.suffix.lower()
    for fmt in allowed:
        if suffix in EXTENSIONS[fmt]:
            return fmt
    endings = ", ".join(e for f in allowed for e in EXTENSIONS[f])
    raise UsageError(f"{option} writes a file ending {endings}, not {str(path)[:80]!r}")


def _same(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(path: Path, protected: tuple[Path | None, ...]) -> Path:
    """The real file to write (symlinks followed); OfstedError if it must not be replaced."""
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise OfstedError(f"cannot write {path}: it is a folder")
    if real.exists() and not real.is_file():
        raise OfstedError(f"cannot write {path}: not a regular file")
    for other in protected:
        if _same(real, other) or (other is not None and real == Path(os.path.realpath(other))):
            raise OfstedError(f"refusing to write a picture over the database {path}")
    if real.exists():
        try:
            with real.open("rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise OfstedError(f"cannot write {path}: {exc.strerror or exc}") from exc
        if head == b"SQLite format 3\x00":
            raise OfstedError(f"refusing to write a picture over the SQLite database {path}")
    return real


def write_atomic(path: Path, content: bytes, protected: tuple[Path | None, ...]) -> None:
    """Write ``content`` to a temporary file beside ``path`` and move it into place."""
    real = check_target(path, protected)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name[:100]}.", suffix=".tmp", dir=real.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, real)
        tmp = None
    except OSError as exc:
        raise OfstedError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def convert(svg: str, fmt: str) -> bytes:
    """The SVG as PNG or PDF bytes (cairosvg, imported only here)."""
    try:
        import cairosvg  # type: ignore[import-untyped, unused-ignore]
    except (ImportError, OSError) as exc:
        raise OfstedError(
            f"{fmt.upper()} pictures need cairosvg and the Cairo library "
            "(pip install 'ofsted[pictures]'); write .svg or .html instead"
        ) from exc
    convert_to = cairosvg.svg2png if fmt == "png" else cairosvg.svg2pdf
    data: bytes = convert_to(bytestring=svg.encode("utf-8"), scale=2 if fmt == "png" else 1)
    return data
