"""Hostile files for ``ofsted ingest``, each generated here: PDFs that cost far more to read
than their size, over-long text, pipes and devices, a file name that is not UTF-8, a folder
1,000 levels deep.  Each runs the real entry point with a memory cap and a time limit and
must fail in one line (or succeed) within both; the rest of a folder is still ingested."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from ofstedcli.documents.read import MAX_PAGES, MAX_TEXT
from tests.robustness.bombs import nested_forms, shared_stream
from tests.robustness.helpers import ERROR, bounded, letter, problems, write_letters


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"OFSTED_HOME": str(tmp_path / "home"), **extra}


def test_a_4_kb_pdf_of_nested_forms_fails_within_the_memory_cap(tmp_path: Path) -> None:
    """Forms drawing forms 8 times, 14 deep (8**14 pieces of text): it used 5.6 GB and ran
    for 300 s; now its reader meets its memory cap (1 GB more than ingest holds)."""
    pdf = tmp_path / "nested.pdf"
    pdf.write_bytes(nested_forms())
    assert pdf.stat().st_size < 4096
    started = time.monotonic()
    done = bounded("ingest", str(pdf), env=_env(tmp_path))
    assert time.monotonic() - started < 45
    assert not problems(done.returncode, done.stdout, done.stderr, [ERROR], False)
    assert "nested.pdf is too large or complex to read" in done.stderr


def test_a_pdf_reader_taking_too_long_is_stopped(tmp_path: Path) -> None:
    """The time cap (OFSTED_PDF_SECONDS, here 1 s) stops the same PDF before its memory cap."""
    pdf = tmp_path / "nested.pdf"
    pdf.write_bytes(nested_forms())
    started = time.monotonic()
    done = bounded("ingest", str(pdf), "--json", env=_env(tmp_path, OFSTED_PDF_SECONDS="1"))
    assert time.monotonic() - started < 15
    assert not problems(
        done.returncode, done.stdout, done.stderr, [ERROR], True, max_lines=2, error_object=False
    )
    [result] = json.loads(done.stdout)
    assert result["status"] == "failed"
    assert (
        result["reason"] == "nested.pdf is too large or complex to read (still reading after 1 s)"
    )


def test_one_stream_shared_by_100_pages_is_refused_past_the_text_limit(tmp_path: Path) -> None:
    """A 23 KB PDF whose 100 pages draw one compressed stream: 100 MB of text and a 219 MB
    database before; now refused once the text passes the limit, and nothing is stored."""
    pdf = tmp_path / "shared.pdf"
    pdf.write_bytes(shared_stream())
    assert pdf.stat().st_size < 30_000
    done = bounded("ingest", str(pdf), env=_env(tmp_path))
    assert not problems(done.returncode, done.stdout, done.stderr, [ERROR], False)
    assert f"more than {MAX_TEXT:,} characters of text" in done.stderr
    db = tmp_path / "home" / "user.db"
    assert not db.exists() or db.stat().st_size < 1_000_000


def test_too_much_text_in_a_text_file_fails_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(letter(1) + "Children are safe. " * (MAX_TEXT // 19 + 10), encoding="utf-8")
    done = bounded("ingest", str(big), env=_env(tmp_path))
    assert not problems(done.returncode, done.stdout, done.stderr, [ERROR], False)
    assert "big.txt is too large or complex to read" in done.stderr


def test_a_fifo_a_device_and_a_process_substitution_say_what_they_are(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    for path, what in ((str(fifo), "a pipe"), ("/dev/zero", "a device"), ("/dev/null", "a device")):
        done = bounded("ingest", path, env=_env(tmp_path), timeout=30)
        assert not problems(done.returncode, done.stdout, done.stderr, [ERROR], False), path
        assert f"{path} is {what}, not a file" in done.stderr
        assert "no such file" not in done.stderr
    command = f"{sys.executable} -m ofstedcli ingest <(echo hello)"
    done = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        env=dict(os.environ, **_env(tmp_path)),
        timeout=30,
        check=False,
    )
    assert done.returncode == ERROR, done.stderr
    assert "is a pipe, not a file" in done.stderr and "ofsted ingest -" in done.stderr


def test_a_file_name_that_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    """A Latin-1 name (UnicodeEncodeError, and nothing else stored, before): that file
    fails in one line naming it with an escape, the others are ingested."""
    folder = tmp_path / "in"
    write_letters(folder, 7)
    latin = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(latin, "wb") as handle:
        handle.write(letter(99).encode())
    for extra in ([], ["--json"]):
        home = tmp_path / f"home{len(extra)}"
        done = bounded("ingest", str(folder), *extra, env={"OFSTED_HOME": str(home)})
        assert done.returncode == ERROR
        assert "Traceback" not in done.stderr
        assert "caf\\xe9.txt: its name is not UTF-8 text" in done.stderr
        if extra:
            statuses = [r["status"] for r in json.loads(done.stdout)]
            assert sorted(statuses) == ["failed"] + ["ingested"] * 7
        else:
            assert "7 ingested" in done.stdout and "caf\\xe9.txt" in done.stdout


def test_a_folder_1000_levels_deep(tmp_path: Path) -> None:
    """RecursionError before; now the letter at the bottom is found and ingested."""
    deep = tmp_path / "deep"
    levels = [deep]
    deep.mkdir()
    try:
        for _ in range(1000):  # os.makedirs recurses too deep for this
            levels.append(levels[-1] / "d")
            levels[-1].mkdir()
        (levels[-1] / "bottom.txt").write_text(letter(1), encoding="utf-8")
        (deep / "top.txt").write_text(letter(2), encoding="utf-8")
        done = bounded("ingest", str(deep), "--json", env=_env(tmp_path))
        assert done.returncode == 0, done.stderr[-500:]
        assert [r["status"] for r in json.loads(done.stdout)] == ["ingested", "ingested"]
    finally:
        # removed bottom up here: pytest's own clean-up of old runs (shutil.rmtree) recurses
        # once per level and would fail on this tree in a later run
        for level in reversed(levels):
            for child in level.iterdir():
                if not child.is_dir():
                    child.unlink()
            level.rmdir()


#: Bidi embeddings, overrides and isolates, marks and zero-width characters.
INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\u061c\ufeff"


def test_bidi_and_zero_width_characters_are_shown_escaped(tmp_path: Path) -> None:
    """A document (and file name) carrying bidi controls and zero-width characters:
    `letters` and `letter` show them as \\uXXXX, JSON escapes them and keeps the text."""
    name = "report \u202etxt.exe\u202c " + INVISIBLE
    doc = tmp_path / f"{name}.txt"
    doc.write_text(letter(1, extra=f"Title {name} here\n"), encoding="utf-8")
    env = _env(tmp_path)
    ingested = bounded("ingest", str(doc), "--json", env=env)
    assert ingested.returncode == 0, ingested.stderr
    doc_id = json.loads(ingested.stdout)[0]["id"]
    for args, colour in (
        (["letters"], {"FORCE_COLOR": "1"}),
        (["letter", doc_id], {}),
        (["letter", doc_id, "--json"], {}),
        (["ingest", str(doc), "--dry-run"], {}),
    ):
        shown = bounded(*args, env={**env, **colour})
        assert shown.returncode == 0, shown.stderr
        assert not any(c in shown.stdout + shown.stderr for c in INVISIBLE), args
        if "--json" in args:
            assert name in json.loads(shown.stdout)["text"]  # the text exactly, escaped
        elif args[0] != "letters":  # (letters shows titles, and this letter has none)
            assert "\\u202e" in shown.stdout, args


def test_a_pdf_of_too_many_pages_is_refused_before_reading_them(tmp_path: Path) -> None:
    pdf = tmp_path / "pages.pdf"
    pdf.write_bytes(shared_stream(pages=MAX_PAGES + 1, repeats=1))
    done = bounded("ingest", str(pdf), env=_env(tmp_path))
    assert not problems(done.returncode, done.stdout, done.stderr, [ERROR], False)
    assert f"{MAX_PAGES + 1:,} pages; the limit is {MAX_PAGES:,}" in done.stderr
