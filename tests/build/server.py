"""A real HTTP server on 127.0.0.1 for the tests of ``ofsted db update``, started and stopped
by the tests, serving files from memory with ETags, and faults on demand."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Site:
    """What the server serves, how, and what it was asked for."""

    files: dict[str, bytes] = field(default_factory=dict)
    #: Per path: "404", "500", "slow" (answers after ``delay`` seconds), "truncated" (says
    #: its full length, sends half, hangs up), "flaky" (500 once, then the file), "trickle"
    #: (the file in 20 pieces over a second or so).
    faults: dict[str, str] = field(default_factory=dict)
    delay: float = 3.0
    #: (method, path, status) of every request, in order.
    log: list[tuple[str, str, int]] = field(default_factory=list)
    #: Bytes of bodies sent.
    sent: int = 0
    port: int = 0

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def asked(self, path: str) -> list[int]:
        """The statuses given to requests for ``path``."""
        return [status for _, p, status in self.log if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the site keeps its own log

        def _status(
            self, code: int, body: bytes = b"", headers: dict[str, str] | None = None
        ) -> None:
            site.log.append((self.command, self.path, code))
            self.send_response(code)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            site.sent += len(body)

        def do_GET(self) -> None:
            fault = site.faults.get(self.path)
            if fault == "flaky":
                site.faults.pop(self.path)
                return self._status(500, b"try again")
            if fault in ("404", "500"):
                return self._status(int(fault), b"<html>error</html>")
            if fault == "slow":
                time.sleep(site.delay)
            body = site.files.get(self.path)
            if body is None:
                return self._status(404, b"<html>not found</html>")
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self._status(304, headers={"ETag": etag})
            if fault == "trickle":  # the whole body, slowly: a long download
                site.log.append((self.command, self.path, 200))
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                step = max(1, len(body) // 20)
                for start in range(0, len(body), step):
                    self.wfile.write(body[start : start + step])
                    self.wfile.flush()
                    time.sleep(0.06)
                site.sent += len(body)
                return None
            if fault == "truncated":
                site.log.append((self.command, self.path, 200))
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                site.sent += len(body) // 2
                self.close_connection = True
                return None
            return self._status(
                200, body, {"ETag": etag, "Content-Type": "application/octet-stream"}
            )

    return Handler


class _Server(ThreadingHTTPServer):
    """The standard threading server, quiet about clients that hang up (timeouts)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Run the site on a free loopback port for the length of the block."""
    server = _Server(("127.0.0.1", 0), _handler(site))
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port
