"""Bounded work: hostile texts are read in time linear in their length.

Each input is generated here (small generators, no stored bombs) at the size that once took
the reader from 19 s to over 300 s; it must now be read within a limit far below that, so
that a step that rescans the text from each match, or an unbounded leading pattern, fails
the test instead of hanging it.  Two of them also go through the real ``ofsted ingest``
process with a time and memory limit.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import string
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from ofstedcli.documents import extract
from tests.documents import factory

#: Seconds any one of these texts may take to read (they take well under two).
LIMIT = 8.0


def _capitalised_words(size: int) -> str:
    rng = random.Random(1)
    words: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(string.ascii_uppercase) + "".join(
            rng.choices(string.ascii_lowercase, k=rng.randint(2, 8))
        )
        words.append(word)
        total += len(word) + 1
    return " ".join(words)


def _distinct_councils(count: int) -> str:
    rng = random.Random(2)
    return "\n".join(
        "".join(rng.choices(string.ascii_uppercase, k=1))
        + "".join(rng.choices(string.ascii_lowercase, k=7))
        + " Council was judged inadequate in 2019."
        for _ in range(count)
    )


def _visit_letter(body: str) -> str:
    return factory.visit_letter(
        "Northam",
        "on 14 and 15 June 2022",
        "The inspectors were Robin Hood and Marian Green.",
        "Inspectors looked at the arrangements for care leavers. " + body,
    )


def _report_without_overall(tail: str) -> str:
    grades = dict.fromkeys(("leadership", "help_and_protection", "in_care", "care_leavers"), "Good")
    report = factory.ilacs_report(
        "Northam",
        date(2024, 1, 8),
        date(2024, 1, 19),
        "Robin Hood",
        grades,
        overall=None,
        separate_care_leavers=True,
    )
    return report + tail


HOSTILE: dict[str, Callable[[], str]] = {
    "100 KB of capitalised words": lambda: _capitalised_words(100_000),
    "1 MB of capitalised words": lambda: _capitalised_words(1_000_000),
    "28 KB of Council on one line": lambda: " ".join(["Council"] * 4_000),
    "Inadequate x 10,000 in a visit letter": lambda: _visit_letter("Inadequate " * 10_000),
    "10,000 distinct council names": lambda: _distinct_councils(10_000),
    "1.5 MB of inspector": lambda: "inspector " * 150_000,
    "a report with no overall row and 40 KB without a full stop": lambda: _report_without_overall(
        " word" * 8_000
    ),
    "a visit letter listing 20,000 days": lambda: _visit_letter("").replace(
        "on 14 and 15 June 2022", "on " + "1, " * 20_000 + "and 2 June 2022"
    ),
    "a title followed by 100 KB of capitalised words": lambda: (
        "Area SEND inspection of " + _capitalised_words(100_000)
    ),
    "a letter subject followed by 100 KB of capitalised words": lambda: (
        "Dear Sir\nFocused visit to " + _capitalised_words(100_000)
    ),
    "5,000 visit sentences": lambda: "The visit took place on 14 and 15 June 2022. " * 5_000,
}


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Fail (rather than hang) when the block runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_read_in_bounded_time(name: str) -> None:
    text = HOSTILE[name]()
    started = time.perf_counter()
    with _deadline(LIMIT):
        x = extract(text)
    assert time.perf_counter() - started < LIMIT
    assert len(x.authority_names) <= 12
    assert len(x.mentions) <= 100
    for fact in x.facts[:50]:
        assert text[fact.start : fact.end] == fact.text


def _limits() -> None:
    """Child process limits: 2 GB of address space."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


@pytest.mark.parametrize("name", ["10,000 distinct council names", "28 KB of Council on one line"])
def test_ingest_of_hostile_text_finishes(name: str, tiny_db_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE[name](), encoding="utf-8")
    own = tmp_path / "own.db"  # a copy: a text naming no authority is stored, with none
    shutil.copy(tiny_db_file, own)
    env = dict(os.environ, OFSTED_DB=str(own), OFSTED_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-m", "ofstedcli", "ingest", str(path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        preexec_fn=_limits,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
