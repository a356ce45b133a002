"""The knowledge base built from the five seed newsletters, fact by fact, and the rules behind it; and the
committed knowledge/base built from knowledge/sources, whatever newsletters they hold."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from bot.commands.check_kb import stale_files
from bot.engine import Engine
from bot.ingest.build import build
from bot.ingest.document import read_newsletter
from bot.knowledge import query
from bot.knowledge.meetings import merge_statements
from bot.knowledge.model import (
    Contact,
    Issue,
    KnowledgeBase,
    Meeting,
    MeetingVersion,
    Role,
    Source,
)
from bot.knowledge.serde import KnowledgeError
from bot.knowledge.store import load_kb, render_kb
from bot.knowledge.vocabulary import load_vocabulary
from bot.paths import DEFAULT_CORRECTIONS, DEFAULT_KB_DIR, DEFAULT_SOURCES

OWN_NEWSLETTERS = Path(__file__).parent / "newsletters"
VARIANTS = Path(__file__).parent / "newsletter_variants"


@pytest.fixture(scope="module")
def kb(seed_kb):
    return seed_kb


def meeting(kb, day: str, kind: str = "frukostmöte"):
    found = [m for m in kb.meetings if m.id == f"{kind}-{day}"]
    assert found, f"no {kind} on {day}"
    return found[0]


def test_committed_base_is_what_the_committed_sources_build():
    """Whatever knowledge/sources holds: building it with the corrections gives knowledge/base, file by file."""
    assert stale_files(DEFAULT_KB_DIR) == []


def test_issues_are_read_from_their_headers(kb):
    assert [(i.number, i.year, i.month) for i in kb.issues] == [
        (3, 2016, 5),
        (2, 2017, 3),
        (3, 2017, 4),
        (5, 2018, 8),
        (1, 2019, 1),
    ]
    latest = kb.issues[-1]
    assert latest.published == date(2019, 1, 1)
    assert latest.headlines == [
        "Agneta Tjärnhammar, Nynäshamn, ny ordförande",
        "Många viktiga resultat 2018",
        "Positiva berättelser på återträff",
    ]


# date, municipality, a word of the topic (or None), venue (or None)
BREAKFASTS = [
    ("2016-05-27", "Haninge", "Nyanlända", "Auditoriet, Kulturhuset i Handen"),
    ("2016-09-02", "Haninge", None, "Kulturhuset, Handen"),
    ("2016-09-30", "Haninge", None, "Kulturhuset, Handen"),
    ("2016-10-27", "Nynäshamn", None, "Folkets Hus, Nynäshamn"),
    ("2016-11-25", "Haninge", None, "Hotell Winn, Handen"),
    ("2016-12-16", "Haninge", None, "Hotell Winn, Handen"),
    ("2017-03-01", "Nynäshamn", "Torsby", None),
    ("2017-03-31", "Haninge", "Ormen", None),
    ("2017-04-05", "Nynäshamn", "Torsby-modellen", None),
    ("2017-04-28", "Haninge", "MIA", None),
    ("2017-05-19", "Nynäshamn", "våld i nära relationer", None),
    ("2018-09-21", "Nynäshamn", "samverkansinsatser", None),
    ("2018-09-28", "Haninge", "integration", None),
    ("2018-10-12", "Tyresö", "krig och trauman", None),
    ("2018-10-26", "Haninge", "tillit", None),
    ("2018-11-23", "Haninge", "Arbetsförmedlingens uppdrag", None),
    ("2019-02-01", "Haninge", "arbetsmarknadsprognos", None),
    ("2019-02-08", "Nynäshamn", "tillit", None),
    ("2019-03-22", "Haninge", "ESF-ansökan", None),
    ("2019-05-10", "Haninge", "Våga fråga", None),
    ("2019-05-24", "Tyresö", "ESF-ansökan", None),
]


def test_every_breakfast_meeting(kb):
    breakfasts = [m for m in kb.meetings if m.kind == "frukostmöte"]
    assert sorted(m.date.isoformat() for m in breakfasts) == [row[0] for row in BREAKFASTS]
    for day, municipality, topic, venue in BREAKFASTS:
        found = meeting(kb, day)
        assert found.municipality == municipality, day
        if topic:
            assert topic.lower() in (found.topic or "").lower(), day
        assert found.venue == venue, day


def test_meeting_details(kb):
    first = meeting(kb, "2016-05-27")
    assert (first.breakfast, first.start, first.end) == ("08:00", "08:30", "09:30")
    assert first.registration.deadline == date(2016, 5, 24)
    assert first.registration.contact == "cecilia.vitblom@haninge.se"
    assert meeting(kb, "2017-03-31").speakers == ["Josef Szabo", "Ted Srigley"]
    assert meeting(kb, "2019-02-01").speakers == ["Johan Eklöf, Arbetsförmedlingen"]
    assert meeting(kb, "2019-02-08").speakers[0].startswith("Anna Lexelius, huvudsekreterare i Tillitsdelegationen")
    assert meeting(kb, "2018-09-28").invitation is True
    assert meeting(kb, "2017-04-28").speakers[:2] == [
        "Annica Falk, biträdande förbundschef",
        "Sophie Olofsson, projektledare",
    ]


def test_seminars(kb):
    seminars = [m for m in kb.meetings if m.kind == "seminarium"]
    assert [m.date.isoformat() for m in seminars] == ["2017-03-22", "2017-04-05"]
    for seminar, deadline, speaker in zip(
        seminars, [date(2017, 3, 17), date(2017, 3, 31)], ["Margareta Hydén", "Astrid Schlytter"], strict=True
    ):
        assert seminar.organiser == "Manscentrum"
        assert seminar.venue == "Haninge kommunhus" and seminar.municipality == "Haninge"
        assert (seminar.start, seminar.end) == ("08:30", "12:00")
        assert seminar.registration.deadline == deadline
        assert seminar.registration.contact == "info@manscentrumsodertorn.se"
        assert seminar.speakers[0].startswith(speaker)


def test_later_issue_wins_and_one_meeting_is_kept(kb):
    moved = [m for m in kb.meetings if m.date == date(2017, 5, 19)]
    assert len(moved) == 1
    assert moved[0].municipality == "Nynäshamn" and "våld" in moved[0].topic
    assert [s.issue for s in moved[0].sources] == ["2017-2", "2017-3"]
    assert [(v.source.issue, v.municipality) for v in moved[0].statements] == [
        ("2017-2", "Haninge"),
        ("2017-3", "Nynäshamn"),
    ]


def test_before_the_later_issue_the_earlier_statement_holds(kb):
    in_march = query.upcoming_meetings(kb, date(2017, 3, 15))
    may = [m for m in in_march if m.date == date(2017, 5, 19)]
    assert len(may) == 1 and may[0].municipality == "Haninge"
    in_april = query.upcoming_meetings(kb, date(2017, 4, 2), municipality="Nynäshamn")
    assert date(2017, 5, 19) in [m.date for m in in_april]


def test_a_report_of_a_meeting_held_is_not_known_before_its_issue(kb):
    (fifth,) = [m for m in query.upcoming_meetings(kb, date(2017, 3, 15), "Nynäshamn") if m.date == date(2017, 4, 5)]
    assert [s.issue for s in fifth.sources] == ["2017-2"] and fifth.note is None
    assert "Torsby" in fifth.topic


def test_an_address_is_not_known_before_the_issue_that_gives_it(kb):
    assert query.find_contact(kb, date(2016, 6, 1), "Rosario Alí").email is None
    assert query.find_contact(kb, date(2017, 4, 1), "Rosario Alí").email == "rosario.ali@haninge.se"


def test_year_is_resolved_from_the_issue_date_across_the_turn_of_a_year(kb):
    assert meeting(kb, "2019-02-01").sources[0].issue == "2019-1"
    assert meeting(kb, "2018-09-28").sources[0].issue == "2018-5"


OPEN_PLACES = {
    "Bönorna": 2,
    "Grow": 2,
    "Jobbverket": 6,
    "Skyddsvärnet": 2,
    "Case Management": 20,
    "Stationen": 6,
    "Roa": 5,
    "KBT-samtal": 2,
    "SE-uppstart": 2,
}


def test_every_open_place(kb):
    (report,) = kb.places
    assert {p.provider: p.count for p in report.places} == OPEN_PLACES
    groups = {p.provider: p.group for p in report.places}
    assert all(groups[name] == "Arbetsträning" for name in ("Bönorna", "Grow", "Jobbverket", "Skyddsvärnet"))
    assert {p.provider: p.municipality for p in report.places if p.municipality} == {
        "KBT-samtal": "Nynäshamn",
        "SE-uppstart": "Nynäshamn",
    }
    assert (report.enrolled, report.as_of, report.as_of_text) == (82, date(2018, 8, 31), "i slutet av augusti")
    assert report.contact == "Resursråden/En väg in"
    assert report.programme == "MIA Östra Södertörn"


def test_open_places_count_only_from_publication(kb):
    assert query.latest_places(kb, date(2018, 7, 31)) is None
    assert query.latest_places(kb, date(2018, 8, 1)).enrolled == 82
    assert query.find_place(query.latest_places(kb, date(2019, 1, 1)), "jobbverke").count == 6


CONTACTS = {
    # name: (email, phone, {role titles})
    "Cecilia Vitblom": ("cecilia.vitblom@haninge.se", None, set()),
    "Ritva Widgren": (None, "08-606 82 41", {"förbundschef", "ansvarig utgivare"}),
    "Anna Lexelius": (None, None, {"förbundschef", "huvudsekreterare"}),
    "Annica Falk": (None, None, {"biträdande förbundschef"}),
    "Rosario Alí": ("rosario.ali@haninge.se", None, {"projektledare"}),
    "Sophie Olofsson": (None, None, {"projektledare"}),
    "Maria Andersson": (None, None, {"projektledare"}),
    "Kerstin Larsson": (None, None, {"ekonom"}),
    "Masood Khatibi": (None, None, {"kommunikatör"}),
    "Yvonne Jansson": (None, None, {"handläggare"}),
    "Charlotte Dahlbom": (None, None, {"socialchef"}),
    "Catarina Örtengren": (None, None, {"tillförordnad förbundschef"}),
    "Arja Kallo": (None, None, {"t.f. förbundschef"}),
    "Manscentrum": ("info@manscentrumsodertorn.se", None, set()),
}


def test_every_contact(kb):
    by_name = {c.name: c for c in kb.contacts}
    for name, (email, phone, titles) in CONTACTS.items():
        contact = by_name[name]
        assert contact.email == email, name
        assert contact.phone == phone, name
        assert titles <= {r.title for r in contact.roles}, name
    assert {p.kind for p in by_name["Cecilia Vitblom"].contact_for} >= {"subscribe", "unsubscribe", "registration"}
    assert by_name["Manscentrum"].kind == "organisation"
    assert by_name["Kerstin Larsson"].roles[0].organisation == "MIA-projektet"
    assert ("kommunikatör", "MIA-projektet") in {(r.title, r.organisation) for r in by_name["Masood Khatibi"].roles}


def test_who_is_chief_on_a_date(kb):
    engine = Engine(kb)

    def chief(day: date, title: str = "förbundschef") -> list[str]:
        return engine.answer(f"vem är {title}", today=day).text.splitlines()[:-1]  # without the source line

    # named chief in April 2017 too ("Ansvarig utgivare: förbundschef Ritva Widgren"): of then, not May 2016
    assert chief(date(2017, 6, 1)) == ["Förbundschef: Ritva Widgren (telefon 08-606 82 41)."]
    april_2017 = "(Obs: uppgift från april 2017 – den kan ha ändrats sedan dess.)"  # more than six months old
    assert chief(date(2018, 3, 1)) == ["Förbundschef: Ritva Widgren (telefon 08-606 82 41).", april_2017]
    assert chief(date(2019, 3, 31)) == [
        "Förbundschef: Ritva Widgren (telefon 08-606 82 41).",
        "Ritva Widgren är förbundschef till måndag 1 april 2019.",
        "Ny förbundschef: Anna Lexelius (tillträder i vår).",
    ]
    assert chief(date(2019, 4, 1)) == ["Förbundschef: Anna Lexelius."]
    may_2016 = "(Obs: uppgift från maj 2016 – den kan ha ändrats sedan dess.)"
    assert chief(date(2017, 1, 1), "biträdande förbundschef") == ["Biträdande förbundschef: Annica Falk.", may_2016]


def test_the_board(kb):
    board = query.current_board(kb, date(2019, 6, 1))
    assert (board.start_year, board.end_year) == (2019, 2022)
    chair = [m for m in board.members if m.position == "ordförande"]
    assert [(m.name, m.party, m.represents) for m in chair] == [("Agneta Tjärnhammar", "M", "Nynäshamns kommun")]
    vice = [m for m in board.members if m.position == "vice ordförande"]
    assert vice[0].name is None and vice[0].vacancy == "Utses i februari"
    members = {m.name: m.represents for m in board.members if m.position == "ledamot"}
    assert members == {
        "Joachim Krylborn": "Haninge kommun",
        "Ajda Asgari": "Tyresö kommun",
        "Claes-Göran Nilsson": "Arbetsförmedlingen",
        "Martina Wejdrup": "Försäkringskassan",
    }
    deputies = [(m.name or m.vacancy, m.represents) for m in board.members if m.position == "ersättare"]
    assert deputies == [
        ("Sedat Dogru", "Haninge kommun"),
        ("Dick Bengtson", "Tyresö kommun"),
        ("Roland Junerud", "Nynäshamns kommun"),
        ("Hanna Jakobsson", "Arbetsförmedlingen"),
        ("Vakant", "Försäkringskassan"),
        ("Utses i februari", "Stockholms läns landsting"),
    ]


def test_projects(kb):
    names = {p.name for p in kb.projects}
    assert {
        "MIA",
        "Samrehab",
        "Etableringscentrum",
        "Kugghjulet",
        "Pre-Ester",
        "Stiftelsen Ester",
        "Torsby-modellen",
        "Stationen",
        "Ung i Nynäs",
        "En väg in",
        "Case Management",
    } <= names
    mia = query.find_project(kb, date(2019, 1, 1), "mobilisering infor arbete")
    assert mia.name == "MIA"
    assert any("2020" in fact.text for fact in mia.period)
    assert any("Europeiska socialfonden" in fact.text for fact in mia.funded_by)
    assert any("30 procent" in fact.text for fact in mia.goals + mia.results)
    assert query.find_project(kb, date(2019, 1, 1), "Torsbymodellen").name == "Torsby-modellen"
    assert query.find_project(kb, date(2019, 1, 1), "resursrådet").name == "En väg in"
    assert query.find_project(kb, date(2019, 1, 1), "Stationen").part_of == "MIA Östra Södertörn"


def test_organisation(kb):
    organisation = kb.organisation
    assert organisation.name == "Samordningsförbundet Östra Södertörn"
    assert organisation.website == "www.samordningsforbundetostrasodertorn.se"
    assert {f.text for f in organisation.members} == {
        "Haninge kommun",
        "Nynäshamns kommun",
        "Tyresö kommun",
        "Arbetsförmedlingen",
        "Försäkringskassan",
        "Stockholms läns landsting",
    }
    federations = {f.name: f.members for f in organisation.federations}
    assert len(federations) == 8
    assert federations["Östra Södertörn"] == ["Haninge", "Nynäshamn", "Tyresö"]
    assert federations["VärNa"] == ["Värmdö", "Nacka"]
    assert any("196 personer" in f.text and f.year == 2016 for f in organisation.figures)
    # the rest of that list, pushed by the layout past two meeting boxes into another article
    assert any(f.text == "76 deltagare behövde inte längre försörjningsstöd." for f in organisation.figures)


RESULTS_THEN_CALENDAR = """NYHETSBREV

nr 2 2044 mars


Årsredovisningen 2043 – några resultat

Årsredovisningen för 2043 är klar. Några resultat:

1. 318 deltagare fick stöd i någon av förbundets insatser.
2) 41 procent av dem som avslutade gick vidare till arbete eller studier.

Årsredovisningen finns på hemsidan.


Övrigt i vår

- Styrelsen sammanträder fredag 11 april.
- Kansliet har stängt veckorna 29–31.
"""


def test_a_numbered_list_of_results_is_its_items_and_a_later_list_of_dates_no_results(tmp_path: Path) -> None:
    (tmp_path / "nyhetsbrev-2044-nr2.txt").write_text(RESULTS_THEN_CALENDAR, encoding="utf-8")
    figures = build([tmp_path], load_vocabulary(), None).kb.organisation.figures
    assert [(f.text, f.year) for f in figures] == [
        ("318 deltagare fick stöd i någon av förbundets insatser.", 2043),
        ("41 procent av dem som avslutade gick vidare till arbete eller studier.", 2043),
    ]


def test_own_newsletters_are_read_in_the_same_style():
    kb = build([OWN_NEWSLETTERS], load_vocabulary(), None).kb
    assert [(i.number, i.year) for i in kb.issues] == [(6, 2020), (1, 2021)]
    december = next(m for m in kb.meetings if m.date == date(2020, 12, 4))
    assert december.municipality == "Haninge" and december.speakers == ["Per Nordin, Arbetsförmedlingen"]
    moved = [m for m in kb.meetings if m.date == date(2021, 1, 15)]  # Tyresö in nr 6 2020, moved by nr 1 2021
    assert len(moved) == 1
    assert (moved[0].municipality, moved[0].venue) == ("Nynäshamn", "Folkets Hus, Nynäshamn")
    assert (moved[0].breakfast, moved[0].start, moved[0].end) == ("07:45", "08:15", "09:15")
    assert moved[0].registration.deadline == date(2021, 1, 10)
    assert next(m for m in kb.meetings if m.date == date(2021, 1, 29)).venue == "Folkets Hus, Nynäshamn"
    (report,) = kb.places
    assert {p.provider: p.count for p in report.places} == {
        "Verkstaden": 3,
        "Grow": 4,
        "Case Management": 12,
        "Cykelköket": 1,
    }
    assert (report.enrolled, report.as_of) == (57, date(2020, 10, 31))
    chief = next(c for c in kb.contacts if c.name == "Anna Lexelius")
    assert chief.phone == "08-606 82 41"
    assert next(c for c in kb.contacts if c.name == "Karin Holm").email == "karin.holm@tyreso.se"
    assert [p.name for p in kb.projects] == ["Jobbstegen"]


def test_build_kb_command_writes_a_base_that_check_kb_accepts(tmp_path, seed_sources):
    result = run_cli("build-kb", str(seed_sources), str(OWN_NEWSLETTERS), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "7 issues" in result.stdout and "meetings" in result.stdout
    assert run_cli("check-kb", str(tmp_path)).returncode == 0


def test_an_issue_line_split_over_two_lines_is_read(tmp_path):
    path = tmp_path / "brev.txt"
    path.write_text("Samordningsförbundet\n\nNyhetsbrev nummer 4 · 2031\nOktober\n\nHej!\n", encoding="utf-8")
    newsletter = read_newsletter(path)
    assert (newsletter.number, newsletter.year, newsletter.month) == (4, 2031, 10)


def test_newsletter_without_header_is_refused_naming_the_file(tmp_path):
    (tmp_path / "broken.txt").write_text("NYHETSBREV\n\nHej och välkommen!\n", encoding="utf-8")
    result = run_cli("build-kb", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "broken.txt:1" in result.stderr and "header" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda path: path.mkdir(), "dir.txt: cannot read: Is a directory"),
        (lambda path: path.symlink_to(path), "dir.txt: cannot read: Too many levels of symbolic links"),
        (
            lambda path: path.write_bytes(b"NYHETSBREV\nnr 1 2020 jan.\n" + b"ord " * 600_000),
            "dir.txt: larger than 2 MB; a newsletter's text is a few tens of KB (is this the right file?)",
        ),
    ],
)
def test_a_source_that_is_no_newsletter_is_one_line_naming_it(tmp_path, make, message):
    make(tmp_path / "dir.txt")
    result = run_cli("build-kb", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / message}"]
    assert not (tmp_path / "out").exists()


def test_newsletter_in_another_encoding_is_refused_naming_file_and_line(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("NYHETSBREV\nnr 1 2020 jan.\n\nHär är text\n".encode("latin-1"))
    result = run_cli("build-kb", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "latin1.txt:4" in result.stderr and "UTF-8" in result.stderr


@pytest.mark.parametrize(
    ("written", "reason"),
    [("31/2 Digitala", "impossible date 31/2"), ("4 december 2109 Digitala", "implausible date: 2109-12-04 lies")],
)
def test_an_impossible_or_implausible_meeting_date_stops_the_build_at_its_line(tmp_path, written, reason):
    text = (OWN_NEWSLETTERS / "nyhetsbrev-2020-nr6.txt").read_text(encoding="utf-8")
    (tmp_path / "n.txt").write_text(text.replace("4/12 Digitala", written), encoding="utf-8")
    result = run_cli("build-kb", str(tmp_path), "--out", str(tmp_path / "out"))
    line = text.splitlines().index(next(row for row in text.splitlines() if "4/12 Digitala" in row)) + 1
    assert result.returncode == 2 and not (tmp_path / "out").exists()
    assert f"n.txt:{line}: {reason}" in result.stderr


def test_places_section_that_does_not_parse_is_reported(tmp_path):
    text = (OWN_NEWSLETTERS / "nyhetsbrev-2020-nr6.txt").read_text(encoding="utf-8")
    broken = text.replace(
        "Arbetsträning: Verkstaden 3, Grow\n\n4 • **Case Management:** 12 • **Cykelköket (Tyresö):** 1", "Se hemsidan."
    )
    broken = broken.replace("57 deltagare var inskrivna i slutet av oktober. ", "")
    (tmp_path / "n.txt").write_text(broken, encoding="utf-8")
    result = run_cli("build-kb", str(tmp_path), "--out", str(tmp_path / "out"))
    assert "open places" in result.stdout and "Se hemsidan" in result.stdout


@pytest.fixture
def base_copy(tmp_path, seed_kb_dir):
    target = tmp_path / "kb"
    shutil.copytree(seed_kb_dir, target)
    return target


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        ("meetings.yaml", "date: 2019-02-01", "date: 2019-02-30", "impossible or malformed date"),
        (
            "meetings.yaml",
            "kind: frukostmöte\n  date: 2016-05-27",
            "kind: frukostmöte\n  colour: red\n  date: 2016-05-27",
            "unknown field 'colour'",
        ),
        ("places.yaml", "  count: 2", "  count: [2", "malformed YAML"),
    ],
)
def test_bad_knowledge_base_is_refused_with_file_and_line(base_copy, file, old, new, expected):
    path = base_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli("check-kb", str(base_copy))
    assert result.returncode == 2
    assert file in result.stderr and "line " in result.stderr and expected in result.stderr


def test_corrections_are_kept_on_rebuild_and_bad_ones_refused(tmp_path, seed_sources):
    corrections = tmp_path / "corrections.yaml"
    corrections.write_text(
        "corrections:\n"
        "  - in: meetings\n    match: {id: frukostmöte-2019-05-10}\n    set: {venue: 'Kulturhuset, Handen'}\n",
        encoding="utf-8",
    )
    kb = build([seed_sources], load_vocabulary(), corrections).kb
    assert meeting(kb, "2019-05-10").venue == "Kulturhuset, Handen"
    corrections.write_text(
        "corrections:\n  - in: meetings\n    match: {id: frukostmöte-2019-05-10}\n    set: {date: 2019-13-01}\n",
        encoding="utf-8",
    )
    result = run_cli("build-kb", str(seed_sources), "--corrections", str(corrections), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "corrections.yaml" in result.stderr and "line" in result.stderr
    corrections.write_text("corrections:\n  - in: meetings\n    match: {colour: red}\n    set: {}\n", encoding="utf-8")
    result = run_cli("build-kb", str(seed_sources), "--corrections", str(corrections), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "unknown field 'colour'" in result.stderr and "line 2" in result.stderr


def test_every_project_correction_applies_to_the_project_sources():
    result = build([DEFAULT_SOURCES], load_vocabulary(), DEFAULT_CORRECTIONS)
    assert not [warning for warning in result.warnings if "corrections.yaml" in warning]


def test_the_project_corrections_give_the_seeds_base_its_aliases(kb):
    (project,) = [project for project in kb.projects if project.name == "En väg in"]
    assert project.aliases == ["Resursråd", "Resursrådet", "Resursråden"]


def test_a_newsletter_laid_out_differently():
    """Unmarked headings, times written "07.30, program 08.00–09.00", the list before the enrolled
    count, a phone number given after an address, an address no person is named for."""
    kb = build([VARIANTS / "nyhetsbrev-2022-nr2.txt"], load_vocabulary(), None).kb
    first = next(m for m in kb.meetings if m.date == date(2022, 3, 14))
    assert (first.municipality, first.venue) == ("Tyresö", "Tyresö kommunhus, Marknadsvägen 4")
    assert (first.breakfast, first.start, first.end) == ("07:30", "08:00", "09:00")
    assert first.speakers == ["Karin Ek, psykolog, Region Stockholm"]
    assert first.registration.contact == "anmalan.fruk@tyreso.se"
    assert [(m.date.isoformat(), m.municipality) for m in kb.meetings[1:]] == [
        ("2022-04-08", "Haninge"),
        ("2022-05-06", "Nynäshamn"),
        ("2022-06-03", "Tyresö"),
    ]
    (report,) = kb.places
    assert [(p.provider, p.count, p.group, p.municipality) for p in report.places] == [
        ("Verkstan", 3, "Arbetsträning", None),
        ("Café Tegel", 2, "Arbetsträning", None),
        ("Studiecoachning", 4, None, None),
        ("IPS", 5, None, "Haninge"),
    ]
    assert (report.enrolled, report.as_of, report.contact) == (64, date(2022, 2, 28), "Resursrådet")
    (deputy,) = kb.contacts
    assert (deputy.name, deputy.email, deputy.phone) == ("Lotta Svensson", "lotta.svensson@haninge.se", "08-123 45 67")
    assert (deputy.roles[0].title, deputy.roles[0].start) == ("biträdande förbundschef", date(2022, 4, 1))


def test_markdown_headings_a_provider_split_over_lines_and_a_role_that_ends():
    kb = build([VARIANTS / "nyhetsbrev-2019-nr6.txt"], load_vocabulary(), None).kb
    assert kb.issues[0].headlines == ["Annica Falk går vidare", "Höstens sista frukostmöte", "Vårens frukostmöten"]
    december = meeting(kb, "2019-12-06")
    assert (december.venue, december.breakfast, december.start, december.end) == (
        "Haninge kulturhus, Handen",
        "07:45",
        "08:15",
        "09:30",
    )
    assert december.speakers == ["Per Holm, samordnare i Haninge kommun", "Sara Lind, Arbetsförmedlingen"]
    assert december.registration.deadline == date(2019, 12, 2)
    assert meeting(kb, "2020-01-17").speakers == ["Lisa Nilsson, Arbetsförmedlingen"]  # the year turns
    assert meeting(kb, "2020-03-20").venue == "Folkets Hus, Nynäshamn"  # "Samma som ovan"
    (report,) = kb.places
    assert {p.provider: p.count for p in report.places} == {
        "Bönorna": 1,
        "Grow": 2,
        "Nya Verket": 3,
        "Case Management": 8,
        "Stationen": 4,
    }
    falk = next(c for c in kb.contacts if c.name == "Annica Falk")
    assert (falk.roles[0].title, falk.roles[0].end) == ("biträdande förbundschef", date(2019, 12, 31))
    assert ("samordnare", "Haninge kommun") in {(r.title, r.organisation) for c in kb.contacts for r in c.roles}


def test_every_field_a_statement_makes_is_merged_and_kept_per_statement():
    stated = {item.name for item in dataclasses.fields(MeetingVersion)} - {"source"}
    merged = {item.name for item in dataclasses.fields(Meeting)} - {"id", "kind", "date", "sources", "statements"}
    assert stated == merged
    first = Meeting(
        "frukostmöte-2030-01-10", "frukostmöte", date(2030, 1, 10), organiser="A", sources=[Source("2029-6")]
    )
    later = Meeting(
        "frukostmöte-2030-01-10",
        "frukostmöte",
        date(2030, 1, 10),
        organiser="B",
        topic="Ny",
        sources=[Source("2030-1")],
    )
    meeting = merge_statements([first, later])
    assert (meeting.organiser, meeting.topic) == ("B", "Ny")
    assert [version.organiser for version in meeting.statements] == ["A", "B"]


def test_a_role_ending_before_it_starts_is_blamed_on_its_own_contact(tmp_path):
    issue = Issue(id="2030-1", number=1, year=2030, month=1, published=date(2030, 1, 1), file="x.txt")
    wrong = Role("förbundschef", start=date(2030, 5, 1), end=date(2030, 3, 1), source=Source("2030-1"))
    right = Role("ekonom", start=date(2030, 1, 1), end=date(2030, 3, 1), source=Source("2030-1"))
    no_roles = Contact("Anna Berg", sources=[Source("2030-1")])
    for contacts in (
        [no_roles, Contact("Eva Ek", roles=[wrong])],
        [Contact("Eva Ek", roles=[wrong]), no_roles],
        [Contact("Per Holm", roles=[right]), no_roles],
    ):
        kb = KnowledgeBase(issues=[issue], contacts=contacts)
        for name, text in render_kb(kb).items():  # as a hand-edited base would be: save_kb refuses it
            (tmp_path / name).write_text(text, encoding="utf-8")
        if any(contact.roles == [wrong] for contact in contacts):
            with pytest.raises(KnowledgeError) as raised:
                load_kb(tmp_path)
            assert "contact Eva Ek: role förbundschef ends before it starts" in str(raised.value)
            assert "Anna Berg" not in str(raised.value)
        else:
            assert load_kb(tmp_path).contacts == contacts
