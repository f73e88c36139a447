"""A child process that does risky work (reading a PDF) under a memory and a time cap.

The child is forked once and then serves one request after another over a pair of pipes
(forking for every PDF cost a quarter of the reading time).  It may add at most a given
number of bytes of address space to what its parent held, it dies with its parent, and a
request that overruns its time is ended by killing the child; the next request forks a new
one.  Only for POSIX systems with ``fork``; elsewhere the caller does the work itself.
"""

from __future__ import annotations

import os
import select
import signal
import struct
import sys
import time
from collections.abc import Callable

from ofstedcli.errors import BadDocument

#: What the child answers: the text, a BadDocument message.
_TEXT, _FAILED = b"T", b"E"


class Overrun(Exception):
    """The work ran out of time, or its child died (out of memory, or a crash)."""


class Sandbox:
    """One child process running ``work(data, name)`` for each request, within the caps."""

    def __init__(self, work: Callable[[bytes, str], str], memory: int) -> None:
        self.work = work
        self.memory = memory
        self.owner = os.getpid()
        self.pid = 0
        self.requests = -1
        self.replies = -1

    def run(self, data: bytes, name: str, seconds: float) -> str:
        """The work's result for ``data``; BadDocument as the work raised it; Overrun."""
        if not self.pid:
            self._start()
        try:
            _write_all(self.requests, _frame(name.encode("utf-8", "surrogatepass"), data))
            reply = self._reply(seconds)
        except BaseException:
            self.stop()  # a half-done request leaves the child out of step: never reuse it
            raise
        kind, body = reply[:1], reply[1:].decode("utf-8", "surrogatepass")
        if kind == _TEXT:
            return body
        raise BadDocument(body)

    def stop(self) -> None:
        """Kill the child (if any) and forget it."""
        if not self.pid:
            return
        for fd in (self.requests, self.replies):
            os.close(fd)
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass
        self.pid = 0

    def _start(self) -> None:
        to_child, requests = os.pipe()
        replies, from_child = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
            code = 0
            try:
                os.close(requests)
                os.close(replies)
                die_with_parent(parent)
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                limit_memory(self.memory)
                self._serve(to_child, from_child)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(to_child)
        os.close(from_child)
        self.pid, self.requests, self.replies = pid, requests, replies

    def _serve(self, requests: int, replies: int) -> None:  # pragma: no cover - in the child
        """Answer requests until the parent closes its end."""
        while True:
            head = _read_exact(requests, 12)
            if not head:
                return
            size_name, size_data = struct.unpack("<IQ", head)
            name = _read_exact(requests, size_name).decode("utf-8", "surrogatepass")
            data = _read_exact(requests, size_data)
            try:
                reply = _TEXT + self.work(data, name).encode("utf-8", "surrogatepass")
            except BadDocument as exc:
                reply = _FAILED + exc.message.encode("utf-8", "surrogatepass")
            except MemoryError:
                return  # the parent sees the pipe close: out of memory
            _write_all(replies, struct.pack("<Q", len(reply)) + reply)

    def _reply(self, seconds: float) -> bytes:
        """One whole reply, within ``seconds``."""
        deadline = time.monotonic() + seconds
        got = bytearray()
        want = 8
        while len(got) < want:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Overrun(f"still reading after {seconds:g} s")
            ready, _, _ = select.select([self.replies], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.replies, min(1 << 20, want - len(got)))
            if not chunk:
                raise Overrun("its reader ran out of memory or failed")
            got += chunk
            if want == 8 and len(got) == 8:
                want = 8 + struct.unpack("<Q", bytes(got))[0]
        return bytes(got[8:])


def _frame(name: bytes, data: bytes) -> bytes:
    return struct.pack("<IQ", len(name), len(data)) + name + data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exact(fd: int, size: int) -> bytes:  # pragma: no cover - in the child
    """``size`` bytes from ``fd``, or b"" at its end."""
    got = bytearray()
    while len(got) < size:
        chunk = os.read(fd, min(1 << 20, size - len(got)))
        if not chunk:
            return b""
        got += chunk
    return bytes(got)


def limit_memory(extra: int) -> None:
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


def _watch_parent(parent: int) -> None:  # pragma: no cover - not Linux
    """A daemon thread that ends this process once its parent is gone."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
