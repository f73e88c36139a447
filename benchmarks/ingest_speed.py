"""How fast documents are ingested and searched.

    python benchmarks/ingest_speed.py [--shared ../shared] [--runs 7] [--docs 10000]

1. Ingest: the development set of real Ofsted PDF reports (``reports/dev``) into a fresh user
   database, text extraction included, in worker processes and in one process.  Goal: 25
   reports a second (the 63 in under 3 s), and at most 1.15 times as long as pypdfium2 alone
   takes to pull the same text from the same files with as many worker processes (both
   measured in the same run, interleaved, medians of ``--runs``).
2. Search: ``ofsted search`` over a generated corpus of ``--docs`` documents in a user
   database, against the start-up time of ``ofsted show``.  Goal: within 1.5 times.

Each command is run as a user runs it (a new process), and the median of ``--runs`` is taken.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ofstedcli import schema  # noqa: E402

INGEST_GOAL = 25.0
#: Longest ingest may take, as a multiple of pypdfium2 alone pulling the same text.
PDFIUM_RATIO_GOAL = 1.15
SEARCH_GOAL = 1.5

_VOCABULARY = (
    "children families social workers leaders managers plans assessments visits foster carers "
    "care leavers adoption permanence protection help early neglect exploitation missing "
    "schools health police partners court proceedings placements stability sufficiency "
    "supervision caseloads audits quality oversight independent reviewing officers advocacy "
    "housing education employment training mental emotional wellbeing disabled private "
    "fostering kinship special guardianship residential homes commissioning voice views "
    "participation corporate parenting board councillors strategy improvement progress"
)
_WORDS = _VOCABULARY.split()


def main() -> int:
    """Measure and print the figures; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        dev = args.shared / "reports" / "dev"
        if dev.is_dir():
            ok = ingest_speed(dev, Path(tmp), args.runs) and ok
        else:
            print(f"no development reports at {dev}: ingest speed not measured")
        ok = search_speed(Path(tmp), args.docs, args.runs) and ok
    return 0 if ok else 1


def ingest_speed(dev: Path, tmp: Path, runs: int) -> bool:
    """Ingest the development PDFs into a fresh user database, in parallel (against
    pypdfium2 alone, in as many processes) and serially."""
    pdfs = [str(p) for p in sorted(dev.glob("*.pdf"))]
    workers = os.cpu_count() or 1
    ingest_times: list[float] = []
    pdfium_times: list[float] = []
    counts = (0, 0)
    for n in range(runs + 1):
        seconds, counts = _ingest_once(pdfs, tmp / f"ingest-{n}", None)
        pdfium = _pdfium_once(pdfs, workers)
        if n:  # the first round warms the caches
            ingest_times.append(seconds)
            pdfium_times.append(pdfium)
    seconds = statistics.median(ingest_times)
    pdfium = statistics.median(pdfium_times)
    rate = len(pdfs) / seconds
    ratio = seconds / pdfium
    ok = rate >= INGEST_GOAL and ratio <= PDFIUM_RATIO_GOAL
    print(
        f"ingest ({workers} worker processes): {len(pdfs)} PDFs in {seconds:.2f} s = "
        f"{rate:.1f} per second (goal {INGEST_GOAL:.0f}); {counts[0]} ingested, "
        f"{counts[1]} failed; median of {runs}"
    )
    print(
        f"pypdfium2 alone, same files, {workers} processes: {pdfium:.2f} s; ingest takes "
        f"{ratio:.2f} times as long (goal at most {PDFIUM_RATIO_GOAL})"
        f"{'' if ok else '  MISSED'}"
    )
    serial, _ = _ingest_once(pdfs, tmp / "ingest-serial", 1)
    print(
        f"ingest (one process): {len(pdfs)} PDFs in {serial:.2f} s = "
        f"{len(pdfs) / serial:.1f} per second (for reference)"
    )
    return ok


def _ingest_once(pdfs: list[str], home: Path, workers: int | None) -> tuple[float, tuple[int, int]]:
    """Seconds to ingest the files into a fresh user database; (ingested, failed)."""
    from ofstedcli.documents.ingest import ingest
    from ofstedcli.store import open_store

    os.environ["OFSTED_HOME"] = str(home)
    with open_store(write=True) as store:
        started = time.perf_counter()
        summary = ingest(store, pdfs, workers=workers)
        seconds = time.perf_counter() - started
    return seconds, (summary.count("ingested"), summary.failed)


def _pdfium_text(path: str) -> int:
    """pypdfium2 alone: every page's text of one PDF (its length, to keep the work)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(Path(path).read_bytes())
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return len("\f".join(pages))
    finally:
        pdf.close()


def _pdfium_once(pdfs: list[str], workers: int) -> float:
    """Seconds for pypdfium2 alone to pull the files' text in ``workers`` processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    started = time.perf_counter()
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(min(workers, len(pdfs)), mp_context=context) as pool:
        sum(pool.map(_pdfium_text, pdfs, chunksize=2))
    return time.perf_counter() - started


def search_speed(tmp: Path, docs: int, runs: int) -> bool:
    """``ofsted search`` over a generated corpus against ``ofsted show`` start-up."""
    home = tmp / "search"
    home.mkdir()
    make_corpus(home / "user.db", docs)
    env = dict(os.environ, OFSTED_HOME=str(home), COLUMNS="100")
    env.pop("OFSTED_DB", None)
    show = _median([sys.executable, "-m", "ofstedcli", "show", "leicester"], env, runs)
    search = _median([sys.executable, "-m", "ofstedcli", "search", "foster carers"], env, runs)
    rare = _median([sys.executable, "-m", "ofstedcli", "search", "kinship advocacy",
                    "--kind", "ministerial_letter", "--json"], env, runs)  # fmt: skip
    ratio = max(search, rare) / show
    met = ratio <= SEARCH_GOAL
    print(
        f"search over {docs:,} documents: {search * 1000:.0f} ms (filtered, JSON: "
        f"{rare * 1000:.0f} ms); show start-up {show * 1000:.0f} ms; ratio {ratio:.2f} "
        f"(goal {SEARCH_GOAL}{'' if met else ', MISSED'})"
    )
    return met


def make_corpus(path: Path, docs: int) -> None:
    """A user database holding ``docs`` generated documents, indexed for search."""
    rng = random.Random(4)
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn)
    codes = ["E06000016", "E10000018", "E08000035", "E09000008", "E06000044"]
    kinds = ["inspection_report", "ministerial_letter", "press_release", "committee_report"]
    # Newer schemas index documents in FTS5 by trigger; older ones were indexed by hand.
    indexed_by_trigger = bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'documents_fts_insert'"
        ).fetchall()
    )
    conn.execute("BEGIN")
    for n in range(docs):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(150, 600)))
        doc_id = f"{n:012x}"
        conn.execute(
            "INSERT INTO documents (id, authority, kind, date, title, text, sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, rng.choice(codes), rng.choice(kinds),
             f"20{rng.randint(14, 26)}-{rng.randint(1, 12):02d}-01", f"Generated {n}", text,
             f"{n:064x}"),
        )  # fmt: skip
        if not indexed_by_trigger:
            conn.execute(
                "INSERT INTO documents_fts (document, title, text) VALUES (?, ?, ?)",
                (doc_id, f"Generated {n}", text),
            )
    conn.execute("COMMIT")
    conn.close()


def _median(cmd: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of a command run ``runs`` times (after one warm-up run)."""
    times = []
    for n in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, check=False)
        if n:
            times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[2:])} failed: {done.stderr.decode()[:300]}")
    return statistics.median(times)


if __name__ == "__main__":
    if shutil.which(sys.executable) is None:  # pragma: no cover
        raise SystemExit("no Python to run the commands with")
    sys.exit(main())
