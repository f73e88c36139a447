"""Picture files: the format the name asks for, never over a database, moved into place whole."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from ofstedcli.errors import OfstedError, UsageError
from ofstedcli.render.files import format_of, write_atomic


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.svg", "svg"), ("A.SVG", "svg"), ("a.htm", "html"), ("a.b.pdf", "pdf")]
)
def test_the_file_ending_gives_the_format(name: str, fmt: str) -> None:
    assert format_of(Path(name), ("svg", "html", "png", "pdf"), "--chart") == fmt


@pytest.mark.parametrize("name", ["a.png", "a", "a.svg.txt", "svg", ".svg.bak"])
def test_a_wrong_ending_is_a_usage_error(name: str) -> None:
    with pytest.raises(UsageError, match=r"--svg writes a file ending \.svg"):
        format_of(Path(name), ("svg",), "--svg")


def _sqlite(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    return path.read_bytes()


def test_never_over_an_sqlite_file_whatever_its_name(tmp_path: Path) -> None:
    db = tmp_path / "looks-like.svg"
    before = _sqlite(db)
    with pytest.raises(OfstedError, match="SQLite database"):
        write_atomic(db, b"<svg/>", ())
    assert db.read_bytes() == before


def test_never_through_a_symlink_or_hard_link_to_a_protected_file(tmp_path: Path) -> None:
    protected = tmp_path / "user.db"
    protected.write_bytes(b"not yet sqlite, but the user database all the same")
    (tmp_path / "sym.svg").symlink_to(protected)
    os.link(protected, tmp_path / "hard.svg")
    for name in ("sym.svg", "hard.svg", "user.db"):
        with pytest.raises(OfstedError, match="refusing"):
            write_atomic(tmp_path / name, b"<svg/>", (protected,))
    assert protected.read_bytes().startswith(b"not yet sqlite")


def test_a_protected_file_not_yet_created_is_still_protected(tmp_path: Path) -> None:
    with pytest.raises(OfstedError, match="refusing"):
        write_atomic(tmp_path / "user.db", b"x", (tmp_path / "user.db",))
    assert not (tmp_path / "user.db").exists()


def test_replaces_an_old_picture_whole_with_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "c.svg"
    target.write_bytes(b"old")
    write_atomic(target, b"new", ())
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["c.svg"]
    mask = os.umask(0o022)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_failed_move_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.svg"
    target.write_bytes(b"old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OfstedError, match=r"cannot write .*No space left"):
        write_atomic(target, b"new", ())
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["c.svg"]


def test_folders_and_devices_are_not_written(tmp_path: Path) -> None:
    with pytest.raises(OfstedError, match="folder"):
        write_atomic(tmp_path, b"x", ())
    with pytest.raises(OfstedError, match="not a regular file"):
        write_atomic(Path("/dev/null"), b"x", ())
    with pytest.raises(OfstedError, match="cannot write"):
        write_atomic(tmp_path / "missing" / "c.svg", b"x", ())
