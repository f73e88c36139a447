"""Domain errors raised by the core and turned into messages and exit codes by the CLI.

Each error carries a machine-readable ``code`` (used as ``"error"`` in JSON output) and the
process ``exit_code``.  The CLI catches :class:`OfstedError` in exactly one place.
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_AMBIGUOUS = 4
EXIT_INTERRUPTED = 130


class OfstedError(Exception):
    """Base class for every error the user should see as a one-line message."""

    code = "error"
    exit_code = EXIT_ERROR

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_json(self) -> dict[str, Any]:
        """The error as the JSON object printed under ``--json``."""
        return {"error": self.code, "message": self.message, **self.details}


class UsageError(OfstedError):
    """Bad option values: dates that are not dates, negative limits, unknown choices."""

    code = "usage"
    exit_code = EXIT_USAGE


class NotFound(OfstedError):
    """No authority (or document) matches what was asked for."""

    code = "not_found"
    exit_code = EXIT_NOT_FOUND


class Ambiguous(OfstedError):
    """A name fits several authorities; the candidates are given, never guessed between."""

    code = "ambiguous"
    exit_code = EXIT_AMBIGUOUS


class BadSource(OfstedError):
    """A source file is missing, laid out differently, or holds a value we cannot read."""

    code = "bad_source"


class BadDocument(OfstedError):
    """A document cannot be read: empty, binary, encrypted, corrupt or too large."""

    code = "bad_document"


class DatabaseError(OfstedError):
    """A database is missing, unreadable, not SQLite, locked, read-only or full."""

    code = "database"
