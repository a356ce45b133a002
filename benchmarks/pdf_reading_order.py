"""Which PDF library reads a two-column newsletter in order: each of the project's newsletters is laid
out as a two-column A4 PDF (tests/pdf_maker.py), read back by each library, and scored.

    .venv/bin/python benchmarks/pdf_reading_order.py [--runs N]

Score: the share of the source's lines (markdown, whitespace, hyphens and bullets taken away) found
in order in the extracted text; and the time per page. Libraries that are not installed are listed as
such: pypdf and PyMuPDF are not dependencies of the bot (install them into a scratch environment to
compare; PyMuPDF is AGPL).
"""

from __future__ import annotations

import argparse
import bisect
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pdf_maker import make_pdf  # noqa: E402

from bot.ingest.document import clean  # noqa: E402
from bot.ingest.formats import newsletter_text  # noqa: E402
from bot.paths import DEFAULT_SOURCES  # noqa: E402


def normalised(text: str) -> str:
    text = clean(text).lower()
    return re.sub(r"[\s\-–•*#|­]+", "", text)


def in_order(source: str, extracted: str) -> tuple[int, int]:
    """(lines found in order, lines) of the source in the extracted text: the most source lines that can
    be matched to places in the extracted text that increase line by line."""
    haystack = normalised(" ".join(extracted.split()))
    tails: list[int] = []  # longest increasing subsequence over every place of every line
    total = 0
    for line in source.splitlines():
        needle = normalised(line)
        if not needle:
            continue
        total += 1
        places = [match.start() for match in re.finditer(re.escape(needle), haystack)]
        for place in reversed(places):  # latest first, so one line never counts twice
            index = bisect.bisect_left(tails, place)
            tails[index : index + 1] = [place]
    return len(tails), total


def pypdf_text(path: Path) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return "\n".join(page.extract_text() or "" for page in reader.pages), len(reader.pages)


def plumber_text(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages), len(pdf.pages)


def plumber_cropped_text(path: Path) -> tuple[str, int]:
    """Each page cropped into its left and right halves, read one after the other."""
    import pdfplumber

    parts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for box in ((0, 0, page.width / 2, page.height), (page.width / 2, 0, page.width, page.height)):
                parts.append(page.crop(box).extract_text() or "")
        return "\n".join(parts), len(pdf.pages)


def pymupdf_text(path: Path, sort: bool) -> tuple[str, int]:
    import pymupdf

    with pymupdf.open(path) as document:
        return "\n".join(page.get_text(sort=sort) for page in document), document.page_count


def bot_text(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
    return newsletter_text(path), pages


READERS: list[tuple[str, str, Callable[[Path], tuple[str, int]]]] = [
    ("pypdf extract_text", "BSD", pypdf_text),
    ("pdfplumber extract_text", "MIT", plumber_text),
    ("pdfplumber, halves cropped", "MIT", plumber_cropped_text),
    ("PyMuPDF get_text", "AGPL", lambda path: pymupdf_text(path, sort=False)),
    ("PyMuPDF get_text(sort=True)", "AGPL", lambda path: pymupdf_text(path, sort=True)),
    ("bot: pdfplumber words, columns found", "MIT", bot_text),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    sources = sorted(DEFAULT_SOURCES.glob("*.txt"))
    for order in ("columns", "rows"):
        with tempfile.TemporaryDirectory() as folder:
            pdfs = [(source, make_pdf(source, Path(folder) / f"{source.stem}.pdf", order)) for source in sources]
            print(
                f"\n{len(pdfs)} newsletters in two columns, written into the PDF {order.replace('s', '')} by "
                f"{order.rstrip('s')}; lines found in order, time per page (median of {runs})"
            )
            measure(pdfs, runs)


def measure(pdfs: list[tuple[Path, Path]], runs: int) -> None:
    print(f"{'reader':38} {'licence':8} {'lines in order':>16} {'worst issue':>12} {'ms/page':>8}")
    for name, licence, read in READERS:
        try:
            found = total = 0
            worst = 1.0
            per_page = []
            for source, pdf in pdfs:
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    text, pages = read(pdf)
                    times.append((time.perf_counter() - started) / pages)
                per_page.append(statistics.median(times))
                hit, lines = in_order(source.read_text(encoding="utf-8"), text)
                found, total = found + hit, total + lines
                worst = min(worst, hit / lines)
        except ImportError:
            print(f"{name:38} {licence:8} {'not installed':>16}")
            continue
        share = f"{found / total:.1%} ({found}/{total})"
        print(f"{name:38} {licence:8} {share:>16} {worst:>12.1%} {statistics.median(per_page) * 1000:>8.1f}")


if __name__ == "__main__":
    main()
