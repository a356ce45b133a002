"""No line of a newsletter vanishes: each is a heading, in a passage, read for facts, or on the
build's list of lines left out, with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.build import PASSAGE_LENGTH, build, is_contents
from bot.ingest.document import clean, read_newsletter
from bot.ingest.formats import newsletter_text
from bot.knowledge.vocabulary import load_vocabulary
from tests.conftest import SEED_NEWSLETTERS, run_cli

HERE = Path(__file__).parent
SOURCES = [HERE.parent / "knowledge" / "sources" / name for name in SEED_NEWSLETTERS]
OTHERS = sorted(
    path
    for folder in ("newsletter_zoo/seen", "newsletter_layouts", "newsletter_variants")
    for path in (HERE / folder).iterdir()
    if ".facts." not in path.name
)


@pytest.mark.parametrize("newsletter", SOURCES + OTHERS, ids=lambda path: path.name)
def test_every_line_is_a_heading_in_a_section_or_reported(newsletter):
    """Lines in sections become passages or are read for facts (short ones not read are reported too)."""
    result = build([newsletter], load_vocabulary(), None)
    text_lines = newsletter_text(newsletter).splitlines()
    written = {number for number, line in enumerate(text_lines, start=1) if clean(line)}
    reported = {int(line.split(": ", 1)[0].rsplit(":", 1)[1]) for line in result.skipped}
    document = read_newsletter(newsletter)
    headings = {section.heading_line for section in document.sections}
    in_sections = {line.number for section in document.sections for line in section.lines if line.text}
    vanished = written - headings - in_sections - reported
    assert {number: clean(text_lines[number - 1]) for number in vanished} == {}
    short = {
        line.number
        for section in document.sections
        for run in section.runs
        if len(" ".join(line.text for line in run)) < PASSAGE_LENGTH
        for line in run
    }
    contents = {line.number for section in document.sections if is_contents(section) for line in section.lines}
    assert reported & in_sections <= short | contents  # only short paragraphs and the list of articles are left out


def test_build_kb_counts_the_lines_left_out_and_lists_them_on_request(tmp_path):
    result = run_cli("build-kb", str(SOURCES[0]), "--out", str(tmp_path / "out"), "--skipped")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("  ") and "lines left out of facts and passages: " in line for line in lines)
    assert f"  skipped {SOURCES[0]}:7: issue line: nr 3 2016 maj" in lines


def test_strict_makes_every_warning_fatal_and_writes_nothing(tmp_path):
    (tmp_path / "n.txt").write_text(
        "NYHETSBREV\n\nnr 1 2024 jan.\n\nFrukostmöten i vår\n\nHaninge bjuder in 14/2 men det står inget mer.\n"
        "\n\nLediga platser i Steget\n\nSe hemsidan för platser.\n",
        encoding="utf-8",
    )
    lenient = run_cli("build-kb", str(tmp_path / "n.txt"), "--out", str(tmp_path / "lenient"))
    assert lenient.returncode == 0 and "warning: " in lenient.stdout
    strict = run_cli("build-kb", str(tmp_path / "n.txt"), "--out", str(tmp_path / "strict"), "--strict")
    assert strict.returncode == 2 and not (tmp_path / "strict").exists()
    assert "--strict: nothing written" in strict.stderr


def test_short_items_of_a_list_are_passages_and_a_lone_label_is_left_out(tmp_path):
    newsletter = tmp_path / "n.txt"
    newsletter.write_text(
        "NYHETSBREV\n\nnr 2 2024 mars\n\nSeglarföreningar i länet\n\n"
        "Föreningen samarbetar med flera andra seglarföreningar i länet:\n\n"
        "- Vågen (Värmdö, Nacka)\n- Ankaret\n\nLäs mer på:\n\nwww.segla.se\n\nFoto: Eva\n\n"
        "Klubbhuset målades om i våras och står nu klart för säsongen.\n",
        encoding="utf-8",
    )
    result = build([newsletter], load_vocabulary(), None)
    texts = [passage.text for passage in result.kb.passages]
    assert {"- Vågen (Värmdö, Nacka)", "- Ankaret", "Läs mer på:", "www.segla.se"} <= set(texts)
    assert [line.split(": ", 2)[2] for line in result.skipped if "short, not a passage" in line] == ["Foto: Eva"]


def test_the_issues_list_of_articles_is_no_passage_and_is_reported_as_contents(tmp_path):
    path = tmp_path / "nyhetsbrev-2030-nr2.txt"
    path.write_text(
        "NYHETSBREV\n\nnr 2 2030 mars\n\nI DETTA NUMMER\n  1  Ny samordnare på kansliet i Tyresö\n"
        "  2  Resultaten från förra året visar på stora framsteg\n\n----------\n\nNY SAMORDNARE\n\n"
        "Lisa Ek är ny samordnare på kansliet sedan den 1 mars och kommer närmast från Tyresö kommun.\n",
        encoding="utf-8",
    )
    result = build([path], load_vocabulary(), None)
    assert not any("Resultaten" in passage.text for passage in result.kb.passages)
    assert f"{path}:7: contents: 2 Resultaten från förra året visar på stora framsteg" in result.skipped
