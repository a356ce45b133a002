"""Newsletters as PDF and HTML give the knowledge base the same facts as their text; what cannot be read
is one clear line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_NEWSLETTERS, run_cli
from pdf_maker import make_pdf
from reportlab.pdfgen.canvas import Canvas

from bot.ingest.build import build
from bot.ingest.formats import NewsletterError, newsletter_text
from bot.knowledge.store import render_kb
from bot.knowledge.vocabulary import load_vocabulary
from bot.paths import DEFAULT_SOURCES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [DEFAULT_SOURCES / name for name in SEED_NEWSLETTERS]
OWN_LAYOUTS = sorted(
    path
    for folder in ("newsletter_zoo/seen", "newsletter_layouts")
    for path in (ROOT / "tests" / folder).iterdir()
    if path.suffix in (".txt", ".md")
)
HTML = ROOT / "tests" / "newsletters" / "html" / "nyhetsbrev-2020-nr3.html"  # apart: the folder above is read whole


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    return {source.stem: make_pdf(source, folder / f"{source.stem}.pdf") for source in SOURCES}


def facts(path: Path) -> dict[str, Any]:
    """The meetings, open places, contacts (with their roles) and boards read from one newsletter, with
    hyphens taken out of words: "Torsby-modellen" broken at its own hyphen at a line end and said once
    comes back as "Torsbymodellen" (no other word of the issue tells which it was)."""
    rendered = render_kb(build([path], load_vocabulary(), None).kb)
    return {
        name: re.sub(r"(?<=\w)-(?=\w)", "", rendered[name])
        for name in ("meetings.yaml", "places.yaml", "contacts.yaml", "boards.yaml")
    }


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_a_pdf_newsletter_gives_the_facts_of_its_text(source: Path, pdfs: dict[str, Path]) -> None:
    assert facts(pdfs[source.stem]) == facts(source)


@pytest.mark.parametrize("source", OWN_LAYOUTS, ids=lambda path: path.name)
def test_a_pdf_of_a_newsletter_in_another_layout_gives_the_facts_of_its_text(source: Path, tmp_path: Path) -> None:
    assert facts(make_pdf(source, tmp_path / f"{source.stem}.pdf")) == facts(source)


def test_pdf_text_is_read_column_by_column_with_hyphens_and_addresses_rejoined(pdfs: dict[str, Path]) -> None:
    text = newsletter_text(pdfs["nyhetsbrev-2018-nr5"])
    assert text.startswith("# NYHETS BREV\n\n**nr 5 2018 aug.**\n\n")
    assert "# Ritva Widgren går i pension 2019 – förbundet söker hennes efterträdare\n" in text
    assert "Supported Employment-tjänst" in text and "cecilia.vitblom@haninge.se" in text
    assert "www.samordningsforbundetostrasodertorn.se" in text and "Arbetsförmedlingen" in text
    assert "Sida " not in text and "Samordningsförbundet Östra Södertörn\n" not in text  # no page furniture
    assert not re.search(r"\w-\n|\w- \w{3,}", text.replace("- och", ""))  # no hyphenation left


def test_an_html_newsletter_gives_its_facts() -> None:
    kb = build([HTML], load_vocabulary(), None).kb
    assert [(m.date.isoformat(), m.municipality, m.topic) for m in kb.meetings] == [
        ("2020-09-18", "Haninge", "Arbetsträning på riktigt – erfarenheter från Jobbverket"),
        ("2020-10-09", "Tyresö", "Unga vuxna och psykisk hälsa"),
    ]
    places = {(p.provider, p.count) for report in kb.places for p in report.places}
    assert places == {("Bönorna", 2), ("Grow", 1), ("Jobbverket", 3), ("Case Management", 8), ("Stationen", 4)}
    assert any(c.email == "cecilia.vitblom@haninge.se" for c in kb.contacts)


def test_html_elements_become_lines() -> None:
    html = (
        "<html><head><style>p{}</style><script>var x = 1;</script></head><body><h3>Rubrik &amp; mer</h3>"
        "<p>Ett <b>fett</b> ord<br>ny rad <a href='x'>länk</a></p><ul><li>ett</li><li>två</li></ul>"
        "<table><tr><th>Namn</th><th>Platser</th></tr><tr><td>Grow</td><td>2</td></tr></table></body></html>"
    )
    path = Path("x.html")
    from bot.ingest.formats import html_text

    assert html_text(path, html.encode()) == (
        "# Rubrik & mer\n\nEtt **fett** ord\nny rad länk\n\n• ett\n\n• två\n\nNamn | Platser\n\nGrow | 2\n"
    )


def blank_pdf(path: Path) -> Path:
    canvas = Canvas(str(path))
    canvas.rect(100, 100, 200, 200)  # a drawing, no text: a scanned page has none either
    canvas.showPage()
    canvas.save()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path, pdf: path.write_bytes(pdf.read_bytes()[:1500]), "cannot read this PDF: it is damaged"),
        (lambda path, pdf: blank_pdf(path), "the PDF has no text layer"),
        (lambda path, pdf: path.write_bytes(b"PK\x03\x04 not a pdf"), "not a PDF file"),
    ],
    ids=["truncated", "no-text", "not-pdf"],
)
def test_an_unreadable_pdf_is_one_clear_line(tmp_path: Path, pdfs: dict[str, Path], make: Any, message: str) -> None:
    path = tmp_path / "nyhetsbrev.pdf"
    make(path, pdfs["nyhetsbrev-2019-nr1"])
    with pytest.raises(NewsletterError, match=re.escape(message)):
        newsletter_text(path)
    result = run_cli("build-kb", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and f"{path}: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_encrypted_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(100, 700, "nr 1 2020 jan.")
    canvas.save()
    with pytest.raises(NewsletterError, match="encrypted"):
        newsletter_text(path)


def test_other_files_in_a_source_folder_are_reported_and_skipped(tmp_path: Path) -> None:
    shutil.copy(SOURCES[-1], tmp_path)
    (tmp_path / "nyhetsbrev-2020-nr1.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "nyhetsbrev-2020-nr2.odt").write_bytes(b"PK\x03\x04")
    (tmp_path / ".gitkeep").write_text("")
    result = run_cli("build-kb", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning: ") and "skipped" in line]
    assert warnings == [
        f"warning: {tmp_path / name}: not a newsletter format (.txt, .md, .pdf, .html); skipped"
        for name in ("nyhetsbrev-2020-nr1.docx", "nyhetsbrev-2020-nr2.odt")
    ]
    assert "from 1 issues" in result.stdout
