"""The downloader: conditional requests by Last-Modified, the cache, size caps."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ofstedcli.build.fetch import CHANGED, NEW, UNCHANGED, Fetcher
from ofstedcli.errors import BadSource


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def folder_server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """The standard library's file server (Last-Modified, no ETag) on 127.0.0.1."""
    root = tmp_path / "www"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_last_modified_makes_the_second_download_free(
    tmp_path: Path, folder_server: tuple[Path, str]
) -> None:
    """New, then unchanged by a 304 (no bytes), then changed when the file changes."""
    root, base = folder_server
    (root / "index.csv").write_text("a,b\n1,2\n")
    fetcher = Fetcher(tmp_path / "cache", retries=0)
    first = fetcher.get(f"{base}/index.csv")
    assert first.status == NEW and first.read() == b"a,b\n1,2\n" and fetcher.received == 8
    second = Fetcher(tmp_path / "cache", retries=0)
    again = second.get(f"{base}/index.csv")
    assert again.status == UNCHANGED and second.received == 0 and second.requests == 1
    (root / "index.csv").write_text("a,b\n1,3\n")
    import os

    os.utime(root / "index.csv", (2_000_000_000, 2_000_000_000))  # a later Last-Modified
    third = Fetcher(tmp_path / "cache", retries=0).get(f"{base}/index.csv")
    assert third.status == CHANGED and third.read() == b"a,b\n1,3\n"


def test_limits_and_bad_addresses(tmp_path: Path, folder_server: tuple[Path, str]) -> None:
    """Too large, not http(s), and a 404: one-line BadSource each; nothing cached."""
    root, base = folder_server
    (root / "big.pdf").write_bytes(b"%PDF-" + b"x" * 5000)
    fetcher = Fetcher(tmp_path / "cache", retries=0)
    with pytest.raises(BadSource, match=r"too large \(5,005 bytes; the limit is 1,000\)"):
        fetcher.get(f"{base}/big.pdf", what="report", max_bytes=1000)
    with pytest.raises(BadSource, match="not an http"):
        fetcher.get("file:///etc/passwd")
    with pytest.raises(BadSource, match=r"cannot download the report .*/missing.pdf: HTTP 404"):
        fetcher.get(f"{base}/missing.pdf", what="report")
    cached = list((tmp_path / "cache").rglob("*")) if (tmp_path / "cache").exists() else []
    assert [p for p in cached if p.is_file()] == []
