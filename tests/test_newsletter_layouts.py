"""Newsletters laid out in ways the five sources are not (tests/newsletter_layouts/), each rule of the
reader with a case of its own: meetings under bold or markdown sub-headings, "Kommun: d/m och d/m",
label blocks, tables, articles dated in the heading; notices that move or cancel a meeting; open places
one per line, "N platser på X", "inga lediga platser", "vardera"; appointments in running text."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import run_cli

from bot.answers.render import Answers
from bot.ingest.build import build
from bot.knowledge import query
from bot.knowledge.model import KnowledgeBase, Meeting
from bot.knowledge.vocabulary import load_vocabulary
from bot.nlu.catalogue import load_catalogue
from bot.nlu.question import Question, Slots
from bot.schedule import plan
from bot.state.repository import Repository

LAYOUTS = Path(__file__).parent / "newsletter_layouts"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build([LAYOUTS], load_vocabulary(), None).kb


def meeting(kb: KnowledgeBase, day: str) -> Meeting:
    return next(m for m in kb.meetings if m.date == date.fromisoformat(day))


def facts(m: Meeting) -> tuple[str | None, str | None, str | None, str | None]:
    return m.municipality, m.topic, m.venue, m.start


def test_meetings_under_bold_and_markdown_sub_headings(kb):
    assert facts(meeting(kb, "2024-04-12")) == ("Tyresö", "Att möta unga som inte studerar eller arbetar", None, None)
    assert meeting(kb, "2024-04-19").municipality == "Haninge"
    assert facts(meeting(kb, "2024-04-26")) == ("Nynäshamn", "Digitalt utanförskap och vägar in", None, None)


def test_municipality_lines_with_dates_label_blocks_and_a_table(kb):
    assert meeting(kb, "2024-03-15").municipality == "Haninge"
    assert meeting(kb, "2024-03-29").municipality == "Tyresö"
    block = meeting(kb, "2024-03-14")
    assert facts(block) == ("Nynäshamn", "Försörjningsstöd och arbete", "Kommunhuset, Nynäshamn", "08:30")
    assert block.end == "10:00"
    assert facts(meeting(kb, "2024-05-24")) == ("Tyresö", "Sommarens feriejobb", None, None)
    assert facts(meeting(kb, "2024-05-31")) == ("Haninge", "Uppföljning av insatserna", None, None)


def test_an_article_about_one_meeting_dated_in_its_heading(kb):
    may = meeting(kb, "2024-05-10")
    assert facts(may) == ("Nynäshamn", "psykisk ohälsa på arbetsplatsen", "Folkets hus", "08:00")
    assert may.end == "09:30"


def test_a_moved_meeting_is_answered_on_its_new_day_and_the_old_one_is_not_offered(kb):
    answers = Answers(load_catalogue())
    today = date(2024, 3, 10)
    text = answers.answer(
        Question("next_meeting", Slots(municipality="Haninge", kind="frukostmöte")), kb, today, "sv"
    ).text
    assert text.splitlines()[:2] == [
        "Nästa frukostmöte i Haninge är fredag 22 mars 2024.",
        "Flyttat från fredag 15 mars 2024.",
    ]
    old = meeting(kb, "2024-03-15")
    assert (old.status, old.moved_to) == ("moved", date(2024, 3, 22))
    assert old not in query.upcoming_meetings(kb, today)


def test_a_cancelled_meeting_is_said_so_and_never_reminded(kb):
    cancelled = meeting(kb, "2024-03-29")
    assert cancelled.status == "cancelled"
    assert cancelled not in query.upcoming_meetings(kb, date(2024, 3, 10), municipality="Tyresö")
    answers = Answers(load_catalogue())
    slots = Slots(meeting_id=cancelled.id)  # the meeting a button or the conversation points at
    text = answers.answer(Question("meeting_details", slots), kb, date(2024, 3, 10), "en").text
    assert "Cancelled." in text.splitlines()


def test_before_the_notice_appeared_the_meeting_stood(kb):
    before = query.as_of(kb, date(2024, 2, 20))
    assert meeting(before, "2024-03-15").stands
    assert meeting(before, "2024-03-29").stands


def test_open_places_in_bullets_running_text_lines_and_each(kb):
    reports = {report.programme: {p.provider: p.count for p in report.places} for report in kb.places}
    assert reports["Steget"] == {"Jobbverket": 5, "Grow": 3, "Café Kompassen": 2, "Bönorna": 0}
    assert reports["Platser hos våra leverantörer"] == {"Verkstan": 4, "Trädgårdslaget": 2, "Återbruket": 0}
    assert reports["Lediga arbetsträningsplatser"] == {
        "Jobbverket": 6,
        "Grow Tyresö": 1,
        "Stationen": 2,
        "Roa": 2,
        "Verkstan": 2,
        "Trädgårdslaget": 2,
    }


def test_appointments_dated_in_the_same_or_the_next_sentence(kb):
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles}
    assert roles[("Maja Falk", "förbundschef")] == date(2024, 4, 1)
    assert roles[("Karin Berg", "förbundschef")] == date(2025, 6, 1)


def test_reminders_follow_the_new_day_and_a_cancelled_meeting_has_none(kb, tmp_path):
    tz = ZoneInfo("Europe/Stockholm")
    with Repository(tmp_path / "state.sqlite3") as repo:
        repo.subscribe(1, "Haninge", "sv")
        repo.subscribe(2, "Tyresö", "sv")
        reminded = plan(kb, repo, datetime(2024, 3, 21, 19, tzinfo=tz), tz, time(18, 0)).due
        assert [(due.chat_id, due.meeting.date) for due in reminded] == [(1, date(2024, 3, 22))]
        night_before_old_day = plan(kb, repo, datetime(2024, 3, 14, 19, tzinfo=tz), tz, time(18, 0)).due
        assert night_before_old_day == []
        night_before_cancelled = plan(kb, repo, datetime(2024, 3, 28, 19, tzinfo=tz), tz, time(18, 0)).due
        assert night_before_cancelled == []


def test_a_role_date_with_a_year_typo_stops_the_build_at_its_line(tmp_path):
    (tmp_path / "n.txt").write_text(
        "NYHETSBREV\n\nnr 4 2025 sep.\n\nNy förbundschef\n\n"
        "Styrelsen har utsett Maja Falk till ny förbundschef. Hon tillträder tjänsten 12 mars 2109.\n",
        encoding="utf-8",
    )
    result = run_cli("build-kb", str(tmp_path / "n.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and not (tmp_path / "out").exists()
    assert f"{tmp_path / 'n.txt'}:7: implausible date: 2109-03-12 lies 84 years after the issue" in result.stderr


def test_a_newsletter_with_only_its_header_is_a_warning(tmp_path):
    (tmp_path / "n.txt").write_text("NYHETSBREV\n\nnr 4 2025 sep.\n", encoding="utf-8")
    result = run_cli("build-kb", str(tmp_path / "n.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0
    assert f"warning: {tmp_path / 'n.txt'}:1: no articles after the header: is the file complete?" in result.stdout


def test_a_section_whose_only_day_is_of_a_meeting_others_held_is_no_warning(tmp_path):
    (tmp_path / "n.txt").write_text(
        "NYHETSBREV\n\nnr 4 2025 sep.\n\nFrån nätverkets konferens\n\nNätverket för samordningsförbund höll sin årliga"
        " konferens i Umeå den 12–13 maj. Från förbundet deltog fyra personer, som tog med sig många idéer hem.\n",
        encoding="utf-8",
    )
    result = run_cli("build-kb", str(tmp_path / "n.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0 and "looks like meetings" not in result.stdout + result.stderr


def test_a_heading_over_nothing_that_names_open_places_is_no_warning(tmp_path):
    (tmp_path / "n.txt").write_text(
        "NYHETSBREV\n\nnr 4 2025 sep.\n\n>> Ny samordnare\n\n>> Lediga platser\n\n=====\n\nNy samordnare\n\n"
        "Lisa Ek är ny samordnare på kansliet sedan den 1 september.\n\nLediga platser\n\nVerkstan: 2\nKafé Ljus: 0\n",
        encoding="utf-8",
    )
    result = run_cli("build-kb", str(tmp_path / "n.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0 and "could not be read" not in result.stdout + result.stderr


def test_a_short_line_with_a_date_and_a_municipality_anywhere_is_a_meeting(kb):
    assert (meeting(kb, "2025-12-05").municipality, meeting(kb, "2025-12-05").topic) == ("Nynäshamn", "Julfrukost")
    assert meeting(kb, "2025-12-12").municipality == "Tyresö"
    assert meeting(kb, "2025-12-19").municipality == "Haninge"
    assert facts(meeting(kb, "2025-12-19")) == ("Haninge", "Årets sista träff", "Jordbro kulturhus", None)


def test_a_tab_separated_table_under_a_heading_that_says_only_meetings(kb):
    assert facts(meeting(kb, "2027-03-05")) == ("Tyresö", "Skuldsanering och arbete", "Tyresö bibliotek", "08:15")
    assert facts(meeting(kb, "2027-03-19")) == ("Haninge", "Digital vägledning", "Jordbro kulturhus", "08:15")


def test_a_move_told_as_planned_and_held_instead_keeps_its_topic(kb):
    moved = meeting(kb, "2027-03-26")
    assert (moved.municipality, moved.topic, moved.moved_from) == ("Nynäshamn", "unga och ekonomi", date(2027, 3, 12))
    assert meeting(kb, "2027-03-12").status == "moved"


def test_a_title_over_an_english_label_block_is_the_topic(kb):
    conference = meeting(kb, "2027-04-14")
    assert (conference.kind, conference.topic) == ("seminarium", "European network day on inclusive employment")
    assert (conference.venue, conference.start, conference.end) == ("Haninge kulturhus, Stora salen", "10:00", "15:00")


def test_counts_in_parentheses_and_a_role_handed_over_on_a_day(kb):
    reports = {report.programme: {p.provider: p.count for p in report.places} for report in kb.places}
    assert reports["Lediga platser"] == {"Bryggan Handen": 2, "Vävstugan": 4}
    roles = {(c.name, r.title): (r.start, r.end) for c in kb.contacts for r in c.roles}
    assert roles[("Lova Sten", "utvecklingsledare")] == (date(2027, 2, 1), None)
    assert roles[("Tim Ros", "controller")] == (date(2027, 3, 1), None)
    assert roles[("Ulla Falk", "controller")] == (None, date(2027, 3, 1))


def test_aligned_columns_and_venues_said_per_municipality_under_a_header_of_another_form(kb):
    assert [issue.id for issue in kb.issues if issue.year == 2027] == ["2027-1", "2027-3"]
    assert facts(meeting(kb, "2027-06-04")) == ("Haninge", "Sommarjobb för unga", "Jordbro kulturhus", "08:45")
    assert facts(meeting(kb, "2027-06-11")) == ("Tyresö", "Praktik i kommunen", "Tyresö bibliotek", "08:45")


def test_open_places_in_a_table_and_roles_dated_further_on(kb):
    reports = {report.programme: {p.provider: p.count for p in report.places} for report in kb.places}
    assert reports["juni"] == {"Snickarboden": 3, "Tvätteriet": 0}
    roles = {(c.name, r.title): (r.start, r.end) for c in kb.contacts for r in c.roles}
    assert roles[("Nora Vik", "kanslichef")] == (date(2027, 6, 1), None)
    assert roles[("Axel Berg", "ekonom")] == (date(2027, 5, 20), None)


def test_dot_leaders_rules_capitals_and_remarks_in_a_date_list(kb):
    issue = next(issue for issue in kb.issues if issue.year == 2028)
    assert (issue.number, issue.month) == (2, 3)
    assert facts(meeting(kb, "2028-04-07")) == ("Haninge", "Skuld och arbete", "Jordbro kulturhus", "08:40")
    assert meeting(kb, "2028-04-07").moved_from == date(2028, 3, 31)
    assert facts(meeting(kb, "2028-05-12")) == ("Haninge", "vårfrukost", None, "08:40")
    assert meeting(kb, "2028-04-21").municipality == "Tyresö"
    assert not any(m.date == date(2028, 4, 14) for m in kb.meetings)  # a board meeting under "ÖVRIGT"


def test_open_places_with_the_count_first(kb):
    reports = {report.programme: {p.provider: p.count for p in report.places} for report in kb.places}
    assert reports["LEDIGA PLATSER"] == {"Sömnadsverkstan i Handen": 4, "Cykelboden": 0}  # a locality is part of a name


def test_meetings_told_in_running_text_with_their_details_in_the_next_sentence(kb):
    october = meeting(kb, "2029-10-05")
    assert (october.municipality, october.venue) == ("Tyresö", "Alléhuset")
    assert "unga hittar sitt första jobb" in (october.topic or "")
    assert (meeting(kb, "2029-10-26").municipality, meeting(kb, "2029-10-26").start) == ("Nynäshamn", "08:20")
    cancelled = meeting(kb, "2029-10-19")
    assert (cancelled.municipality, cancelled.status, cancelled.topic) == ("Haninge", "cancelled", "boendefrågor")


def test_open_places_said_with_has_and_numbers_in_words(kb):
    issue_2029 = next(r for r in kb.places if r.source.issue == "2029-4")
    assert {p.provider: p.count for p in issue_2029.places} == {"Mattverkstaden i Handen": 4, "Växthuset": 2}


def test_a_board_table_with_padded_cells_and_meetings_listed_on_one_labelled_line(kb):
    board = next(board for board in kb.boards if board.source.issue == "2030-1")
    assert [(m.position, m.name, m.vacancy, m.represents) for m in board.members] == [
        ("ordförande", "Vera Holmgren", None, "Nynäshamns kommun"),
        ("vice ordförande", None, "Vakant", "Region Stockholm"),
        ("ledamot", "Nils Ekström", None, "Tyresö kommun"),
    ]
    listed = {(m.date, m.municipality, m.kind) for m in kb.meetings if m.date.year == 2030}
    assert {(date(2030, 3, 22), "Haninge", "frukostmöte"), (date(2030, 4, 5), "Tyresö", "frukostmöte")} <= listed
    assert (date(2030, 4, 19), "Nynäshamn", "frukostmöte") in listed
    assert (date(2030, 3, 13), "Haninge", "seminarium") in listed


def test_each_day_of_a_sentence_with_its_own_municipality_and_times_said_for_all(kb):
    assert facts(meeting(kb, "2030-04-05")) == ("Tyresö", None, "Strandsalen", "08:15")
    assert (meeting(kb, "2030-05-03").municipality, meeting(kb, "2030-05-03").start) == ("Nynäshamn", "08:15")
    assert (meeting(kb, "2030-05-24").municipality, meeting(kb, "2030-05-24").end) == ("Haninge", "09:45")
    issue = next(r for r in kb.places if r.source.issue == "2030-2")
    assert {p.provider: p.count for p in issue.places} == {"Pilgården": 2, "Lokstallet": 0}


@pytest.mark.parametrize(
    ("first_lines", "issue"),
    [
        ("Östra Södertörn informerar\nFjärde numret 2031 | maj", (4, 2031, 5)),
        ("Nyheter från förbundet\nHösten 2031 – september", (7, 2031, 9)),  # no number: the file name's
    ],
)
def test_an_issue_line_in_words_or_none_at_all(tmp_path, first_lines, issue):
    path = tmp_path / "nyhetsbrev-2031-nr7.txt"
    path.write_text(f"{first_lines}\n\nFrukostmöten\n\nTyresö 12/10 Samverkan i skolan\n", encoding="utf-8")
    result = build([path], load_vocabulary(), None)
    (read,) = result.kb.issues
    assert (read.number, read.year, read.month) == issue
    said = [w for w in result.warnings if "no issue line recognised" in w]
    assert said == (
        [] if issue[0] == 4 else [f"{path}:2: no issue line recognised; nr 7 2031 taken from the file name"]
    )


def test_places_in_an_aligned_table_with_the_place_after_a_comma_and_where_something_is_found(kb):
    read = {p.provider: p.count for r in kb.places if r.source.issue == "2031-3" for p in r.places}
    assert read == {"Tegelbruket Lövsta": 3, "Kvarnen Solberga": 4, "Sågen Årsta": 0, "Glasbruket Orhem": 2}


def test_a_numbered_article_about_one_meeting_and_no_meeting_from_an_address(kb):
    november = meeting(kb, "2031-11-14")
    assert facts(november) == ("Nynäshamn", "Unga och skärmtid", "Sjökrogen Udden", "08:40")
    assert not any(m.date == date(2031, 11, 3) for m in kb.meetings)  # "…@haninge.se" names no meeting's place


def test_a_list_led_by_a_sentence_about_its_first_meeting_and_changes_of_venue_and_topic(kb):
    assert facts(meeting(kb, "2032-02-13")) == ("Tyresö", "sitt arbete med unga vuxna", None, "08:15")
    # "flyttar från Kulturhuset till Handens bibliotek": a new venue, not a new day; a topic not a venue
    assert facts(meeting(kb, "2032-02-20")) == ("Haninge", "Samtal om skulder", "Handens bibliotek", "08:15")
    assert meeting(kb, "2032-02-20").status is None
    # "Nynäshamnsmötet ... byter tema. Nu handlar det om ...": the new topic in the next sentence
    assert meeting(kb, "2032-02-27").topic == "sommarjobb för unga"


def test_places_in_wrapped_sentences_and_in_aligned_columns_with_a_header_row(kb):
    issue = [r for r in kb.places if r.source.issue == "2032-1"]
    places = {p.provider: p.count for report in issue for p in report.places}
    assert places == {
        "Cykelverkstaden Ekern": 2,  # "två lediga platser hos X" over a line break "och fyra på Y i Haninge"
        "Kafé Mullvaden": 4,
        "Syateljén Tråden": 3,  # under a numbered heading "3) ..." standing alone over a table
        "Snickeriet Kvisten": 0,
        "Bageriet Degen": 2,  # "Kontakta ..." before the list does not end it; the header row is no provider
        "Verkstaden Spånet": 1,
    }


def test_appointments_with_a_party_and_member_between_name_and_title_or_hired_as_or_taking_over(kb):
    roles = {
        (contact.name, role.title): role.start
        for contact in kb.contacts
        for role in contact.roles
        if role.source.issue == "2032-1"
    }
    assert roles == {
        ("Vendela Brask", "samordnare"): date(2032, 3, 2),  # "har anställt X som T. Vendela tillträder den 2 mars"
        ("Oskar Lindgren", "vice ordförande"): date(2032, 2, 1),  # "är X (M), Nynäshamns kommun, ny T"
        ("Tomás Ferreira-Lund", "projektledare"): date(2032, 1, 12),  # "X tog över som T för Lyftet den 12 januari"
        ("Maja Öhrn", "ekonom"): date(2032, 1, 1),  # "X, som är förbundets T sedan den 1 januari"
    }


def test_a_calendar_without_a_header_row_under_framed_headings_and_notices_in_wrapped_lines(kb):
    # "ons 16 mars | Seminarium (webb) | kl 9.00–11.30 | Zoom" with its topic on the line below
    seminar = meeting(kb, "2033-03-16")
    assert (seminar.kind, seminar.municipality, seminar.topic, seminar.venue, seminar.start) == (
        "seminarium",
        None,
        "Arbetsförmåga och sjukpenning i praktiken",
        "Zoom",
        "09:00",
    )
    assert facts(meeting(kb, "2033-03-18")) == (
        "Nynäshamn",
        "Unga som söker sitt första jobb",
        "Sjöbodarna, Nynäshamn",
        "08:15",
    )
    # "har vi tyvärr fått ställa in," / "ställer tyvärr in": cancelled, without the next meeting's details
    for day in ("2033-03-04", "2033-03-11"):
        assert (meeting(kb, day).status, meeting(kb, day).topic, meeting(kb, day).start) == ("cancelled", None, None)
    # a wrapped sentence whose line begins with the day: "Vi träffas i stället i Haninge" / "fredag 8 april ..."
    assert facts(meeting(kb, "2033-04-08")) == ("Haninge", "hälsa och arbete", "Torvalla gård", "08:15")


def test_places_with_none_just_now_and_a_first_working_day_in_the_next_sentence(kb):
    issue = next(r for r in kb.places if r.source.issue == "2033-1")
    assert {p.provider: p.count for p in issue.places} == {
        "Väveriet Skytteln": 2,
        "Glasverkstaden Prisma": 0,  # "inga just nu" after dot leaders
        "Cykelköket": 1,
    }
    selma = next(contact for contact in kb.contacts if contact.name == "Selma Åberg")
    assert [(role.title, role.start) for role in selma.roles] == [("samordnare", date(2033, 9, 16))]


def test_an_html_page_laid_out_in_one_table_cell_with_remarks_in_its_list_items(kb):
    # <td> holding headings and lists is a page, not a cell; "Fre 6/10" is a day; "Ny lokal!" is no topic
    october = meeting(kb, "2034-10-06")
    assert facts(october) == ("Nynäshamn", "Samtal om arbetsträning", "Ösmo bibliotek", "08:15")
    assert (october.breakfast, october.end) == ("07:45", "09:30")  # "kl. 7.45–9.30 (programmet börjar 8.15)"
    assert facts(meeting(kb, "2034-10-20")) == ("Tyresö", "Sömn och stress hos unga vuxna?", "Alléhuset", "08:15")
    issue = next(r for r in kb.places if r.source.issue == "2034-4")
    assert {p.provider: p.count for p in issue.places} == {"Ramverkstaden Listen": 3, "Kaféet Bönan": 0}


def test_a_move_named_only_by_its_old_day_and_board_seats_on_the_line_below_short_leaders(kb):
    assert facts(meeting(kb, "2035-04-13")) == (
        "Nynäshamn",
        "samtal som leder till jobb",  # "Vårens tema är ..."
        "Skärgårdshotellet",
        "08:20",
    )
    # "* Mötet i Tyresö var först planerat till fredag 4 maj." under a table that lists it on 11 May
    assert (meeting(kb, "2035-05-11").moved_from, meeting(kb, "2035-05-04").status) == (date(2035, 5, 4), "moved")
    board = next(board for board in kb.boards if board.source.issue == "2035-2")
    assert [(m.position, m.name, m.vacancy, m.represents) for m in board.members] == [
        ("ordförande", "Greta Holm", None, "Haninge kommun"),
        ("ersättare", "Ali Demir", None, "Haninge kommun"),
        ("vice ordförande", "Jan Öst", None, "Tyresö kommun"),
        ("ersättare", None, "utses senare", "Tyresö kommun"),
    ]
    jan = next(contact for contact in kb.contacts if contact.name == "Jan Öst")
    assert [role.title for role in jan.roles] == ["vice ordförande"]  # not the seat below's "ersättare"


def test_wrapped_paragraphs_a_move_with_its_topic_said_after_and_places_in_sentences_with_som_har(kb):
    # "... fredag den 9 maj, i Strandsalen på" / "Tyresö centrum. Tema: ...": a wrapped sentence, not a list
    assert facts(meeting(kb, "2036-05-09")) == (
        "Tyresö",
        "arbetsgivare som vågar och deras erfarenheter",
        "Strandsalen",
        "08:40",
    )
    # "Tyresömötet får nytt datum: fredag 23 maj i stället för 16 maj. Vi ses i Alléhuset och samtalar om ..."
    moved = meeting(kb, "2036-05-23")
    assert facts(moved) == ("Tyresö", "unga vuxnas ekonomi", "Alléhuset", "08:40")
    assert moved.moved_from == date(2036, 5, 16)
    # "Tisdag 13 maj kl 13–15 ordnar vi ett öppet seminarium om" / "arbetsförmåga, ...": a seminar in running text
    seminar = meeting(kb, "2036-05-13")
    assert (seminar.kind, seminar.topic, seminar.start, seminar.end) == (
        "seminarium",
        "arbetsförmåga",
        "13:00",
        "15:00",
    )
    issue = next(r for r in kb.places if r.source.issue == "2036-2")
    assert {p.provider: p.count for p in issue.places} == {
        "Lindgården i Ösmo": 3,  # "Ett undantag är X, som har 3 lediga platser"
        "Bageriet Kringlan": 0,  # "A, B och C har inga lediga platser just nu"
        "Syateljén Nålen": 0,
        "Tryckeriet Pressen": 0,
    }


def test_a_numbered_list_of_days_with_municipality_and_venue_over_the_topic_and_no_board_meeting(kb):
    assert facts(meeting(kb, "2037-09-18")) == ("Tyresö", "Unga och ekonomi", "Alléhuset", "08:20")
    assert facts(meeting(kb, "2037-10-02")) == (
        "Haninge",
        "Kollegialt lärande i socialtjänsten",
        "digitalt via Zoom",
        "08:20",  # "Programmet startar 08.20 vid samtliga möten."
    )
    assert not any(m.date == date(2037, 10, 9) for m in kb.meetings)  # "Styrelsen sammanträder fredag 9 oktober"
    issue = next(r for r in kb.places if r.source.issue == "2037-4")
    assert {p.provider: p.count for p in issue.places} == {"Odlingen Fröet": 3, "Snickeriet Hyveln": 0}


def test_month_sub_headings_over_items_with_fields_between_dots_and_a_new_topic_said_after_a_label(kb):
    # "### Maj" / "- **Fre 7/5** · Nynäshamn · *Topic* · Venue": a month is a sub-heading, the venue comes last
    assert facts(meeting(kb, "2038-05-07")) == ("Nynäshamn", "Skuld och arbete", "Sjöbodarna, Nynäshamn", "08:15")
    # "(nytt tema)" is a remark; "**Nytt tema i Haninge:** ... skulle ha handlat om X. I stället blir temat Y."
    assert facts(meeting(kb, "2038-05-20")) == ("Haninge", "Unga i sommarjobb", "Haninge Forum", "08:15")
    assert facts(meeting(kb, "2038-06-04")) == ("Tyresö", "Samtal om framtiden", "Alléhuset", "08:15")
    issue = next(r for r in kb.places if r.source.issue == "2038-3")
    assert {p.provider: p.count for p in issue.places} == {"Krukmakeriet Leran i Ösmo": 3, "Kaffestugan": 1}


def test_items_with_fields_between_dashes_a_new_venue_in_the_next_sentence_and_a_pair_taking_office(kb):
    assert facts(meeting(kb, "2039-03-04")) == ("Haninge", "Arbete efter sjukskrivning", "Kulturhuset, Handen", None)
    # "... byter lokal. I stället för i Strandsalen ses vi i Alléhuset, sal Björken.": the new venue, not the old
    assert facts(meeting(kb, "2039-03-18")) == ("Tyresö", "Unga vuxna och skuld", "Alléhuset", None)
    seminar = meeting(kb, "2039-04-14")  # "Seminarium om arbetsgivarkontakter" over "När: ... Var: ..."
    assert (seminar.kind, seminar.topic, seminar.venue, seminar.start) == (
        "seminarium",
        "arbetsgivarkontakter",
        "Nynäshamns kommunhus, Nynäshamn",
        "09:00",
    )
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2039-2"}
    assert roles == {("Agnes Lund", "ordförande"): date(2039, 2, 1), ("Pål Berg", "vice ordförande"): date(2039, 2, 1)}


def test_a_calendar_in_a_drawn_box_under_a_title_of_its_own_and_a_notice_headed_by_its_change(kb):
    # "|  tors 13/9   HANINGE     Torvalla gård  |" inside "+----+" rules, under "BOKA IN"
    assert facts(meeting(kb, "2040-09-13")) == ("Haninge", "Unga och idrott", "Torvalla gård", "08:30")
    moved = meeting(kb, "2040-09-21")  # "Nytt datum i Tyresö" is a notice, not a sub-heading of the calendar
    assert facts(moved) == ("Tyresö", "Vägen från försörjningsstöd", "Alléhuset, Stora salen", "08:30")
    assert (moved.moved_from, meeting(kb, "2040-09-14").status) == (date(2040, 9, 14), "moved")


def test_days_over_their_details_in_a_definition_list_and_notices_led_by_a_dated_label(kb):
    # <dt>Fredag 8 mars</dt><dd>Tyresö – Topic. Venue, kl. 08.30–09.45.</dd>
    eighth = meeting(kb, "2041-03-08")
    assert facts(eighth) == ("Tyresö", "Att läsa av en arbetsplats", "Alléhuset, sal Ekorren", "08:30")
    assert eighth.end == "09:45"
    # "Nynäshamn 22 mars: mötet byter lokal ...": a notice, not a meeting whose topic is "mötet byter lokal"
    assert facts(meeting(kb, "2041-03-22")) == ("Nynäshamn", "Skrivstöd i vardagen", "Sjöbodarna, Nynäshamn", "08:30")


def test_days_under_month_lines_venues_listed_by_municipality_and_a_topic_from_a_heading_in_capitals(kb):
    # "September" / "  fre 12   Haninge   Topic"; "Lokaler: Haninge – Torvalla gård. Tyresö – Strandsalen, ..."
    assert facts(meeting(kb, "2042-09-12")) == ("Haninge", "Unga och arbetsmarknaden", "Torvalla gård", "08:20")
    assert facts(meeting(kb, "2042-10-03")) == ("Tyresö", "Stöd till anhöriga", "Strandsalen, Tyresö centrum", "08:20")
    assert facts(meeting(kb, "2042-10-17")) == ("Haninge", "Skuldrådgivning i praktiken", "Torvalla gård", "08:20")
    # "Tema meddelas senare" says there is no topic yet
    assert facts(meeting(kb, "2042-10-31")) == ("Tyresö", None, "Strandsalen, Tyresö centrum", "08:20")
    # "Haningemötet i november har flyttats från den 7:e till den 14:e"
    assert (meeting(kb, "2042-11-14").moved_from, meeting(kb, "2042-11-07").status) == (date(2042, 11, 7), "moved")
    webinar = meeting(kb, "2042-11-09")  # "WEBBSEMINARIUM OM ARBETSFÖRMÅGA" over "Söndag 9 november 2042, ..."
    assert (webinar.kind, webinar.topic, webinar.venue, webinar.start) == (
        "seminarium",
        "arbetsförmåga",
        "Zoom",
        "10:00",
    )


def test_running_text_led_by_municipalities_around_a_line_that_looks_like_a_list_and_a_start_in_words(kb):
    # "**Nynäshamn.** Vi ses på Sjöboden i Ösmo fredagarna 22 maj och 5 juni. Den 22 maj pratar vi om X,
    # och den 5 juni om Y." and "programmet börjar kvart över åtta"
    assert facts(meeting(kb, "2043-05-22")) == ("Nynäshamn", "läsfrämjande för vuxna", "Sjöboden i Ösmo", "08:15")
    assert facts(meeting(kb, "2043-06-05")) == ("Nynäshamn", "cykelpendling till jobbet", "Sjöboden i Ösmo", "08:15")
    assert facts(meeting(kb, "2043-05-29")) == ("Tyresö", "hälsosamma arbetsplatser", None, "08:15")
    # "**Haninge.** Nästa frukostmöte blir fredag" / "11 september på Jordbro kulturhus.": a wrapped sentence
    assert facts(meeting(kb, "2043-09-11")) == ("Haninge", None, "Jordbro kulturhus", "08:15")


def test_an_article_that_goes_on_after_the_page_footer_keeps_its_paragraphs(tmp_path):
    footer = "Nyhetsbrevet ges ut av förbundet.\n\nAnsvarig utgivare: Vera Holm, 08-465 004 10\n"
    text = (
        "Östra Södertörn\nnr 2 2036 mars\n\n"
        "► Nytt projekt för unga vuxna\n\n"
        "Förbundet har beviljats medel för projektet Brobygget, som ska stödja unga vuxna med "
        "aktivitetsersättning. ▶▶\n\n"
        "► Frukostmöte 14/3\n\nVi ses i Folkets hus i Nynäshamn.\n\n"
        f"{footer}\n"
        "Projektet Brobygget pågår i tre år och leds av en styrgrupp med representanter för "
        "kommunerna, Arbetsförmedlingen och Försäkringskassan.\n\n"
        "► Lediga platser\n\nBageriet Degen: 2\n\n"
        f"{footer}"
    )
    (tmp_path / "nyhetsbrev-2036-nr2.txt").write_text(text, encoding="utf-8")
    kb = build([tmp_path], load_vocabulary(), None).kb
    sections = {passage.text[:20]: passage.source.section for passage in kb.passages}
    assert sections["Projektet Brobygget "] == "Nytt projekt för unga vuxna"  # not "Frukostmöte 14/3"


def test_appointments_dated_by_a_sentence_about_the_election_or_the_person_taking_office(kb):
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2036-2"}
    assert roles[("Klara Ek", "vice ordförande")] == date(2036, 4, 2)  # "... till ny vice ordförande. Valet skedde ..."
    assert roles[("Bo Sand", "samordnare")] == date(2036, 4, 1)  # "är X på plats som T. Han tillträdde den 1 april."


def test_days_written_with_a_point_after_a_weekday_and_a_remark_before_the_topic_line(kb):
    # "fre 20.5  TYRESÖ" over the topic and the venue; "fre 3.6   NYNÄSHAMN  (OBS ny lokal)"
    assert facts(meeting(kb, "2044-05-20")) == (
        "Tyresö",
        "Föräldraskap och arbetsliv",
        "Alléhuset, Tyresö centrum",
        "08:15",
    )
    assert facts(meeting(kb, "2044-06-03")) == (
        "Nynäshamn",
        "Sjukskrivning och ekonomi",
        "Sjöbodarna, Nynäshamn",
        "08:15",
    )


def test_columns_aligned_with_narrow_gaps_and_vacant_seats_with_a_remark(kb):
    # "Vice ordf.    Bo Ekman (KD)  Nynäshamn": one wide gap and one of two spaces are columns too
    board = next(board for board in kb.boards if board.source.issue == "2050-2")
    assert [(m.position, m.name, m.vacancy, m.represents) for m in board.members] == [
        ("ordförande", "Klara Vinge", None, "Tyresö"),
        ("vice ordförande", "Bo Ekman", None, "Nynäshamn"),
        ("ledamot", None, "utses i maj", "Region Stockholm"),
        ("ledamot", None, "Vakant (utses i juni)", "Haninge"),  # "Vakant – utses i juni"
        ("ledamot", "Stig Ahlberg", None, "Försäkringskassan"),
        ("ledamot", None, "Vakant (ny representant i april)", "Arbetsförmedlingen"),  # "Arbetsförmedlingen (...)"
    ]
    # "12/5  Tyresö     Unga vuxna och ekonomi"; "Arbetsträning i trädgården" is a topic, not a venue
    assert facts(meeting(kb, "2050-04-14")) == ("Haninge", "Arbetsträning i trädgården", None, "08:30")
    assert facts(meeting(kb, "2050-05-12")) == ("Tyresö", "Unga vuxna och ekonomi", None, "08:30")


def test_a_start_said_after_a_quote_a_past_word_in_another_clause_and_a_title_before_the_name(kb):
    # "utsett Petra Almgren till ny förbundschef." / "– Jag ..., säger Petra Almgren." / "Hon tillträder den 2 mars
    # och efterträder Olle Brink, som gick i pension": the day lies ahead, "gick" is another clause's
    roles = {c.name: [(r.title, r.start) for r in c.roles] for c in kb.contacts if c.sources[0].issue == "2051-1"}
    assert roles == {
        "Petra Almgren": [("förbundschef", date(2051, 3, 2))],
        "Moa Lindh": [("kommunikatör", date(2051, 2, 15))],  # "anställt en ny kommunikatör, Moa Lindh. Hon börjar ..."
    }


def test_the_venues_of_a_list_named_per_municipality_in_one_sentence_under_it(kb):
    # "Frukostmötena i Tyresö hålls på X, i Haninge i Y och i Nynäshamn på Z."
    assert facts(meeting(kb, "2052-09-09")) == (
        "Tyresö",
        "Ekonomi för unga vuxna",
        "Alléhuset i Tyresö centrum",
        "08:15",
    )
    assert facts(meeting(kb, "2052-09-23")) == (
        "Haninge",
        "Sjukskrivning och arbete",
        "Stora salen på Poseidon",
        "08:15",
    )
    assert facts(meeting(kb, "2052-10-07")) == ("Nynäshamn", "Språk på arbetsplatsen", "Sjöbodarna", "08:15")


def test_a_venue_said_of_all_the_meetings_told_in_running_text(kb):
    # "höstens frukostmöten hålls digitalt via Zoom." above "Först ut är Nynäshamn fredag 12 september, ..."
    assert facts(meeting(kb, "2053-09-12")) == ("Nynäshamn", "skuldsanering", "Zoom", "08:15")
    assert facts(meeting(kb, "2053-10-03")) == ("Tyresö", "ensamhet bland unga", "Zoom", "08:15")


BOARD_BY_SEATS = """# Nyhetsbrev nr 6 2045 (december)

## Styrelsen 2046

| Part | Ordinarie ledamot | Ersättare |
|---|---|---|
| Haninge kommun | Tova Lind (S), ordförande | Oskar Berg (M) |
| Tyresö kommun | Nils Ahl (C) | Vakant (utses i januari) |

## Arbetsutskottet i styrelsen

Nynäshamns kommun
   vice ordf.   Rut Sand (L)
   ersättare    Ebbe Holm (S)
"""


def test_a_board_table_with_a_column_per_seat_and_seats_listed_under_each_organisation(tmp_path):
    # as text only: a three-column table in a two-column PDF is not yet read back column for column
    (tmp_path / "nyhetsbrev-2045-nr6.md").write_text(BOARD_BY_SEATS, encoding="utf-8")
    [board] = build([tmp_path], load_vocabulary(), None).kb.boards
    assert [(m.position, m.name, m.vacancy, m.represents) for m in board.members] == [
        ("ordförande", "Tova Lind", None, "Haninge kommun"),  # "Tova Lind (S), ordförande" in "Ordinarie ledamot"
        ("ersättare", "Oskar Berg", None, "Haninge kommun"),
        ("ledamot", "Nils Ahl", None, "Tyresö kommun"),
        ("ersättare", None, "Vakant (utses i januari)", "Tyresö kommun"),
        ("vice ordförande", "Rut Sand", None, "Nynäshamns kommun"),  # "Nynäshamns kommun" / "vice ordf.  Rut Sand (L)"
        ("ersättare", "Ebbe Holm", None, "Nynäshamns kommun"),
    ]


def test_days_listed_with_dots_keep_the_times_of_the_meetings_before_and_reports_are_not_announcements(kb):
    # "Samma tider som i vår." over "- **Tyresö:** 4/9 · 2/10 · 11/12 (julfrukost)"
    assert facts(meeting(kb, "2054-09-04")) == ("Tyresö", None, None, "08:10")
    assert facts(meeting(kb, "2054-12-11")) == ("Tyresö", "julfrukost", None, "08:10")
    assert facts(meeting(kb, "2054-11-13")) == ("Haninge", None, None, "08:10")
    # "Novembermötet i Haninge (21/11) lockade 47 deltagare och ...": a report in a list of meetings, not one of them
    assert not any((m.date.month, m.date.day) == (11, 21) for m in kb.meetings)
    # "Tack till alla 63 som kom till julfrukosten i Nynäshamn den 12 december!": last December's
    assert not any(m.date == date(2054, 12, 12) for m in kb.meetings)
    assert meeting(kb, "2053-12-12").municipality == "Nynäshamn"


def test_a_board_list_whose_heading_names_the_seats_of_each_row(kb):
    # "STYRELSENS SAMMANSÄTTNING (ordinarie ledamot / suppleant)" over "Tyresö kommun ...... Gunnel Frid (C) / vakant"
    board = next(board for board in kb.boards if board.source.issue == "2054-2")
    assert [(m.position, m.name, m.vacancy, m.represents) for m in board.members] == [
        ("ordförande", "Vera Ling", None, "Haninge kommun"),
        ("ersättare", "Ture Alm", None, "Haninge kommun"),
        ("ledamot", "Gunnel Frid", None, "Tyresö kommun"),
        ("ersättare", None, "vakant", "Tyresö kommun"),
        ("vice ordförande", "Arvid Stam", None, "Region Stockholm"),
        ("ersättare", "Maj Lundh", None, "Region Stockholm"),
        ("ledamot", "Bo Kranz", None, "Försäkringskassan"),
        ("ersättare", "Elsa Varg", None, "Försäkringskassan"),
    ]


def test_deputies_listed_past_a_seat_not_yet_filled(kb):
    # "Ersättare:" over "Inte utsedd – Haninge kommun (väljs i maj)" and a deputy after it
    board = next(board for board in kb.boards if board.source.issue == "2054-3")
    assert [(m.name, m.vacancy, m.represents) for m in board.members if m.position == "ersättare"] == [
        ("Karin Moss", None, "Nynäshamns kommun"),
        (None, "Inte utsedd (väljs i maj)", "Haninge kommun"),
        ("Lisa Stare", None, "Arbetsförmedlingen"),
    ]


def test_open_places_said_clause_by_clause(kb):
    def counts(issue: str) -> set[tuple[str, int]]:
        return {(p.provider, p.count) for r in kb.places if r.source.issue == issue for p in r.places}

    assert counts("2054-4") == {
        ("Snickeriet Valla", 3),  # "har tre lediga praktikplatser"
        ("Bageriet Kringlan i Handen", 1),  # "och Bageriet Kringlan i Handen en."
        ("Sybutiken Tråd", 0),  # "Hos Sybutiken Tråd är det tyvärr fullt, men ..."
        ("Cykelverkstaden", 6),  # "Dessutom startar Cykelverkstaden i Nynäshamn sitt kök igen och har sex"
        ("Tvätten Lyckan", 2),  # "... i oktober. Tvätten Lyckan har två,"
        ("Kaféet Sjöstjärnan", 0),  # "medan Kaféet Sjöstjärnan inte har några lediga platser"
        ("Odlingen Berga", 0),  # "| Odlingen Berga, Haninge | 0 (fullt) |"
        ("Gjuteriet Vik", 2),
        ("Ateljé Lerkrukan", 4),  # "Hos Ateljé Lerkrukan finns just nu fyra lediga platser" in another article
    }


def test_a_phone_number_written_with_the_country_code_after_the_name_and_pa(kb):
    # "höra av dig till samordnaren Tilda Rask på" / "+46 70 174 06 92"
    assert next(c for c in kb.contacts if c.name == "Tilda Rask").phone == "+46 70 174 06 92"


def test_contact_cards_with_the_addresses_under_the_name_or_after_a_title(kb):
    # "Name, title" over "address · phone", a phone alone under "Name, title", "Name, title – phone"
    def card(name: str) -> tuple[str | None, str | None]:
        contact = next(c for c in kb.contacts if c.name == name)
        return contact.email, contact.phone

    assert card("Tova Lindqvist") == ("tova.lindqvist@tyreso.se", "08-465 004 91")
    assert card("Arne Sjövik") == (None, "070-174 06 93")
    assert card("Greta Holm") == (None, "08-465 004 94")
    assert all(c.phone != "08-465 004 00" for c in kb.contacts)  # the switchboard's


def test_a_start_said_for_all_meetings_and_rows_under_month_headings_with_topic_and_venue_apart(kb):
    # "Programmet drar igång 8:10 vid alla möten" (not "klart från kvart över sju"); under "### Oktober",
    # "- fre 8 okt · **Nynäshamn** · Topic — Venue" keeps its own month; "— lokal meddelas senare" is no venue
    assert facts(meeting(kb, "2060-10-08")) == ("Nynäshamn", "Ut ur skulder", "Folkets hus, Lyran", "08:10")
    assert facts(meeting(kb, "2060-10-22")) == ("Tyresö", "Unga i fokus", "Tyresö bibliotek, Kupolen", "08:10")
    assert facts(meeting(kb, "2060-11-05")) == ("Haninge", "Hälsa och arbete", None, "08:10")


def test_an_english_seminar_block_with_where_and_register_by_its_topic_after_the_kind_in_the_heading(kb):
    seminar = meeting(kb, "2060-10-14")
    assert facts(seminar) == (None, "Welcoming new colleagues", "Online via our link", "13:00")


def test_a_board_list_with_abbreviated_positions_before_the_names(kb):
    # "Ordf.     Name (S) – Tyresö", "V. ordf.  Name (M) – Haninge", "Led.      vakant – Region Stockholm"
    board = next(board for board in kb.boards if board.source.issue == "2060-2")
    assert [(m.position, m.name, m.vacancy, m.represents) for m in board.members] == [
        ("ordförande", "Hanna Berglöf", None, "Tyresö"),
        ("vice ordförande", "Olle Kvist", None, "Haninge"),
        ("ledamot", "Rut Engdahl", None, "Arbetsförmedlingen"),
        ("ledamot", None, "vakant", "Region Stockholm"),
    ]


def test_open_places_a_provider_a_cell_on_one_line_and_behind_pictures_as_bullets(kb):
    def counts(issue: str) -> set[tuple[str, int]]:
        return {(p.provider, p.count) for r in kb.places if r.source.issue == issue for p in r.places}

    assert counts("2060-2") == {("Korgmakeriet", 3), ("Kafé Tranan", 0), ("Smedjan Öja", 2)}
    assert counts("2060-5") == {("Odlingen Tuna", 4), ("Bokbindarna", 0)}  # "<li>🟢 Odlingen Tuna – 4 lediga platser"


def test_sections_under_bracketed_labels_and_a_line_of_days_each_with_its_municipality(kb):
    # "[MÖTEN]" over "9 april Tyresö · 23 april Nynäshamn (onsdag!) · 14 maj Haninge", topics by day below;
    # "[ENGLISH CORNER]" is a section of its own whose "Venue: Sjöboden, Nynäshamn." names place and venue
    april = meeting(kb, "2070-04-09")
    assert facts(april) == ("Tyresö", "Arbete efter långtidssjukskrivning", "Tyresö bibliotek", "08:45")
    assert meeting(kb, "2070-04-23").municipality == "Nynäshamn"
    assert facts(meeting(kb, "2070-05-14")) == ("Haninge", "Ekonomiskt bistånd och arbete", None, "08:45")
    english = meeting(kb, "2070-05-30")
    assert facts(english) == ("Nynäshamn", "Mentoring newcomers at work", "Sjöboden, Nynäshamn", "09:00")


def test_a_table_with_a_column_per_municipality_and_the_topics_listed_by_day_below(kb):
    # "| Oktober | – | tis 7/10, tis 21/10 | – |" under "| Månad | Tyresö | Haninge | Nynäshamn |", then
    # "- 7/10, Haninge: *Topic*"; the venues in one sentence ("i Tyresö hålls i X; i Haninge på Y och ...")
    assert facts(meeting(kb, "2070-09-09")) == ("Tyresö", "Stöd till anhöriga", "Tyresö kommunhus", "08:40")
    assert facts(meeting(kb, "2070-09-23")) == ("Nynäshamn", "Lärlingsplatser i skärgården", "Folkets hus", "08:40")
    assert facts(meeting(kb, "2070-10-21")) == ("Haninge", "Psykisk hälsa bland unga", "Handens bibliotek", "08:40")


def test_a_numbered_heading_after_a_notice_is_an_article_of_its_own_and_blir_inte_av_cancels(kb):
    # "## 3. Konferensdag i Tyresö" after "## 2. Ett webbinarium utgår" is not a sub-heading of the notice
    assert meeting(kb, "2070-09-30").status == "cancelled"  # "... tisdag 30 september blir inte av."
    conference = meeting(kb, "2070-10-15")
    assert (conference.kind, conference.municipality, conference.start) == ("seminarium", "Tyresö", "09:00")


def test_a_fixed_width_agenda_and_a_calendar_with_default_venues_per_municipality(kb):
    # ">> KOMMANDE TRÄFFAR" over " 06.11  tor  HANINGE    09.15  Topic" with the venue on the next line;
    # "DIGITALT 14.00 Webbinarium: Topic" is a seminar without a municipality among breakfast meetings
    assert facts(meeting(kb, "2070-11-06")) == (
        "Haninge",
        "Frukostträff: arbetsgivare om vad de lärt sig",
        "Haninge kulturhus, Poseidon",
        "09:15",
    )
    webinar = meeting(kb, "2070-11-20")
    assert (webinar.kind, webinar.municipality, webinar.start) == ("seminarium", None, "14:00")
    assert meeting(kb, "2070-12-04").kind == "frukostmöte"
    # "Lokaler om inget annat anges:" / "Nynäshamn  Folkets Hus, stora salen" under a calendar by month
    assert facts(meeting(kb, "2071-01-15")) == ("Nynäshamn", "Sommarjobb för unga", "Folkets Hus, stora salen", "08:00")
    assert meeting(kb, "2071-01-29").venue == "Tyresö bibliotek, Kupolen"


def test_html_cards_with_a_date_badge_in_one_cell_and_the_municipality_over_the_topic_in_the_next(kb):
    # <td><div>TIS</div><div>9</div><div>DEC</div></td><td><div>Nynäshamn</div><div>Topic</div><div>Venue · program
    # 09.00–10.30</div></td>: the badge is one date, the card's lines one meeting
    assert facts(meeting(kb, "2070-12-09")) == (
        "Nynäshamn",
        "Skuldsanering steg för steg",
        "Folkets hus, Nynäshamn",
        "09:00",
    )
    assert facts(meeting(kb, "2071-01-13")) == ("Tyresö", "Arbete och långvarig smärta", "Tyresö bibliotek", "08:45")


def test_a_title_held_before_is_not_a_role_taken_up(kb):
    # "Viggo Strandberg, tidigare utvärderare på kansliet, till ...", "Majken Sörlin, som senast arbetat som
    # samordnare": the title after "tidigare" or "senast" is what the person did before
    roles = {c.name: [(r.title, r.start) for r in c.roles] for c in kb.contacts if c.sources[0].issue == "2072-2"}
    assert roles["Tindra Holmgren"][0] == ("verksamhetsutvecklare", date(2072, 3, 2))
    # "... till tillförordnad förbundschef" in the article and "t.f. förbundschef" on the card: one title
    assert roles["Viggo Strandberg"] == [("tillförordnad förbundschef", None)]
    assert roles["Majken Sörlin"] == [("analytiker", date(2072, 3, 16))]  # "med en analytiker, Majken Sörlin"


def test_a_verb_of_two_words_around_the_name_dates_the_role_taken_up(kb):
    # "Den 15 april tog **Saga Hellberg (C)**, Tyresö, över som styrelsens ordförande"
    roles = {c.name: [(r.title, r.start) for r in c.roles] for c in kb.contacts if c.sources[0].issue == "2072-3"}
    assert roles["Ruben Malmsten"] == [("förbundschef", date(2072, 5, 2))]
    assert roles["Saga Hellberg"] == [("ordförande", date(2072, 4, 15))]


def test_a_sentence_opening_on_the_first_working_day_dates_the_role_of_the_one_just_named(kb):
    # "... anställt en ny ekonom, Alvar Lindkvist, ... Första arbetsdagen blir onsdagen den 2 oktober.":
    # the next sentence names no one, yet tells when the one just named starts; a sentence on a meeting does not
    roles = {c.name: [(r.title, r.start) for r in c.roles] for c in kb.contacts if c.sources[0].issue == "2072-4"}
    assert roles["Alvar Lindkvist"] == [("ekonom", date(2072, 10, 2))]
    assert roles["Selma Grönberg"] == [("utredare", date(2072, 10, 14))]
    assert roles["Elsa Vikander"] == [("samordnare", None)]


def test_records_whose_day_comes_after_other_labels_and_a_title_naming_its_kind(kb):
    # "Vad: Frukostträff" / "Lokal: ..." / "Datum: fredag 10 februari" / "Ämne: ..." (wrapped): the record's fields
    # are its own day's, "Vad: Webbinarium" makes it a seminar; "Passar för:" says whom it is for, not its topic
    february = meeting(kb, "2090-02-10")
    assert facts(february) == (
        "Nynäshamn",
        "Lärlingsjobb i hamnen – vad har vi lärt oss efter två år?",
        "Nynäshamn, Skärgårdsscenen",
        "08:15",
    )
    webinar = meeting(kb, "2090-02-22")
    assert (webinar.kind, webinar.municipality, webinar.venue) == ("seminarium", None, "Zoom (länken mejlas ut)")
    # "Konferens: Vägar ut ur långtidsarbetslöshet" alone over its text is the article's title, and its topic
    conference = meeting(kb, "2090-03-16")
    assert (conference.kind, conference.topic) == ("seminarium", "Vägar ut ur långtidsarbetslöshet")


def test_a_meeting_online_and_a_title_after_its_kind(kb):
    # "14/4 Topic? Online via Zoom.": the sentence after the topic that names only where online is the venue
    assert facts(meeting(kb, "2090-04-14")) == (
        "Haninge",
        "Arbetsgivare som tar emot praktikanter – hur gör vi det enklare?",
        "Online via Zoom",
        None,
    )
    assert meeting(kb, "2090-04-28").venue == "Handens bibliotek, hörsalen"
    # "Webbinarium: Unga vuxna och skulder" over "Tisdag 18 april kl. 13–15 håller vi ett webbinarium om hur ...
    # Det sänds via Teams": the title after the kind is the topic, the prose says where
    webinar = meeting(kb, "2090-04-18")
    assert (webinar.kind, webinar.topic, webinar.venue, webinar.start) == (
        "seminarium",
        "Unga vuxna och skulder",
        "Teams",
        "13:00",
    )


def test_days_of_other_events_are_no_meetings_and_a_summary_yields_to_the_first_announcement(kb):
    # "Sista dag för anmälan till mötet i Tyresö är 12 maj", "Den publiceras den 2 maj och diskuteras sedan på
    # frukostmötet", "på sitt möte 16 maj", "Den 22 maj började Vilma Ekdahl som samordnare": none is a meeting
    may = {m.date for m in kb.meetings if m.sources[0].issue == "2090-3"}
    assert may == {date(2090, 5, 19), date(2090, 6, 9)}
    # "IN ENGLISH: Our breakfast meeting in Tyresö on 19 May is about ...": the calendar's topic and place stand,
    # and the calendar is the source quoted
    tyreso = meeting(kb, "2090-05-19")
    assert facts(tyreso) == (
        "Tyresö",
        "Ensamstående föräldrar och vägen till arbete",
        "Tyresö kommunhus, Strandsalen",
        None,
    )
    assert tyreso.sources[-1].section == "FRUKOSTMÖTEN I MAJ OCH JUNI"


def test_an_arrow_between_two_days_moves_a_meeting(kb):
    # "» Haninge 6/3 -> 13/3 (lokalen var dubbelbokad). » Tyresö 20/3 => 27/3.": moves, not meetings on the old days
    assert meeting(kb, "2090-03-13").moved_from == date(2090, 3, 6)
    assert meeting(kb, "2090-03-27").moved_from == date(2090, 3, 20)
    assert (meeting(kb, "2090-03-06").status, meeting(kb, "2090-03-20").status) == ("moved", "moved")


def contacts_of(kb: KnowledgeBase, issue: str) -> dict[str, tuple[str | None, str | None]]:
    return {c.name: (c.email, c.phone) for c in kb.contacts if c.sources[0].issue == issue}


def roles_of(kb: KnowledgeBase, issue: str) -> dict[str, list[tuple[str, date | None]]]:
    return {c.name: [(r.title, r.start) for r in c.roles] for c in kb.contacts if c.sources[0].issue == issue}


def test_a_name_after_an_imperative_and_a_name_with_letters_beyond_latin_1(kb):
    # "Ring Zoran Petrović, 070-…", "Kontakt Tuva Sandberg, kommunikatör · tuva.sandberg@…"
    contacts = contacts_of(kb, "2091-1")
    assert contacts["Zoran Petrović"] == (None, "070-174 06 71")
    assert contacts["Tuva Sandberg"] == ("tuva.sandberg@tyreso.se", None)
    assert not [name for name in contacts if name.startswith(("Ring", "Kontakt"))]


def test_a_title_set_apart_from_the_name_by_a_dot_or_a_table_rule(kb):
    # "Melker Ståhl · controller · 08-…", "| Signe Ahl | samordnare | signe.ahl@… |"
    roles = roles_of(kb, "2091-1")
    assert roles["Melker Ståhl"] == [("controller", None)]
    assert roles["Signe Ahl"] == [("samordnare", None)]


def test_a_successor_takes_up_the_title_the_article_named_last(kb):
    # "Styrelsen har rekryterat X till hans efterträdare. Hon tillträder den 3 juni."; "Hennes efterträdare heter
    # Y" in the paragraph after the one naming the title; an "efterträdare" with no name next to it is no one
    roles = roles_of(kb, "2091-2")
    assert roles["Hedda Wallin"] == [("controller", date(2091, 6, 3))]
    assert roles["Olof Brinkman"] == [("samordnare", date(2091, 5, 12))]
    assert set(roles) == {"Birger Lundell", "Hedda Wallin", "Karin Åsberg", "Olof Brinkman"}


def test_cards_whose_name_stands_alone_over_lines_that_describe_the_person(kb):
    # "<p><strong>Name</strong><br>utredare<br>address<br>phone</p>" (the bold name read as a heading), and a
    # signature "Name" / "Ekonom" / "Samordningsförbundet Östra Södertörn" / "address · phone"
    contacts, roles = contacts_of(kb, "2091-3"), roles_of(kb, "2091-3")
    assert contacts["Ylva Strömqvist"] == ("ylva.stromqvist@nynashamn.se", "08-465 004 73")
    assert contacts["Måns Ekelöf"] == ("mans.ekelof@haninge.se", "070-174 06 74")
    assert contacts["Frida Nordqvist"] == ("frida.nordqvist@tyreso.se", "08-465 004 75")
    assert roles["Ylva Strömqvist"] == [("utredare", None)]
    assert roles["Måns Ekelöf"] == [("processledare", None)]
    assert roles["Frida Nordqvist"] == [("ekonom", None)]
    assert set(contacts) == {"Ylva Strömqvist", "Måns Ekelöf", "Frida Nordqvist"}  # not "Östra Södertörn"


def test_the_day_a_role_is_taken_up_said_by_since_words_by_the_title_or_the_name(kb):
    # "X började den 18 augusti som T", "Från och med den 1 oktober är X förbundets T", "en T med ...: X. Hon är på
    # plats från den 14 oktober", "Jag heter X och är sedan den 1 september T", "X, T (fr.o.m. 3/11)"
    roles = roles_of(kb, "2091-4")
    assert roles["Alma Rydberg"] == [("handledare", date(2091, 8, 18))]
    assert roles["Viktor Hammar"] == [("strateg", date(2091, 10, 1))]
    assert roles["Stina Malmberg"] == [("utredare", date(2091, 10, 14))]
    assert roles["Rut Lindelöf"] == [("projektledare", date(2091, 9, 1))]
    assert roles["Kalle Björkqvist"] == [("jobbcoach", date(2091, 11, 3))]
    assert "Gunnar Edholm" not in roles  # "Regeringen har tillsatt en utredare, X": no one joining the federation


def places_of(kb: KnowledgeBase, issue: str) -> dict[str, int]:
    return {p.provider: p.count for r in kb.places if r.source.issue == issue for p in r.places}


def test_open_places_told_in_prose(kb):
    # "1 plats på X", "X har fyra platser lediga och Y två", "A och B har tre var", "X i Tyresö centrum är just nu
    # fullbelagt"; in an article about something else "Hos A finns tre lediga platser, och B har en", "C har däremot
    # inga lediga platser"
    places = places_of(kb, "2093-1")
    assert places == {
        "Glasverkstaden Skärvan": 2,
        "Bokbinderiet Falsen i Handen": 1,
        "Sadelmakeriet Remmen": 4,
        "Tapetseriet Rullen": 2,
        "Krukmakeriet Drejan": 3,
        "Vävstolen Inslaget": 3,
        "Bryggeriet Humlan": 0,
        "Cykelverkstaden Ekret": 3,
        "Sömnaden Stygnet": 1,
        "Bageriet Degen": 0,
    }


def test_open_places_led_by_a_first_line_or_stated_after_the_list(kb):
    # "[ARBETSTRÄNING]" over "Lediga praktikplatser (läget 1/3):"; "Hos X är det tyvärr fullt" after the list ends;
    # "- X, Trollbäcken – inga lediga platser" after a line ending in a remark; "X (inga)"
    places = places_of(kb, "2093-2")
    assert places == {
        "Smedjan Gnistan": 3,
        "Kafé Koppen": 0,
        "Tryckeriet Arket": 2,
        "Snickeriet Hyveln": 2,
        "Trädgården Fröet": 1,
        "Keramikverkstaden Leran": 0,
        "Musikstudion Tonen": 1,
        "Verkstaden Mutter": 0,
        "Fiskeboden Nätet": 3,
        "Pappersbruket Massan": 0,
    }


def board_of(kb: KnowledgeBase, issue: str) -> list[tuple[str, str | None, str, str | None]]:
    return [
        (m.position, m.name, m.represents, m.vacancy) for b in kb.boards if b.source.issue == issue for m in b.members
    ]


def test_a_board_told_in_one_sentence(kb):
    # "... av ordförande A (S, Nynäshamn) och vice ordförande B (Försäkringskassan), medan ledamöterna är C (M,
    # Haninge), D (Region Stockholm) och E (Arbetsförmedlingen)": each name in the position named last before it
    assert board_of(kb, "2093-3")[:5] == [
        ("ordförande", "Gustav Lönnqvist", "Nynäshamn", None),
        ("vice ordförande", "Petra Hällgren", "Försäkringskassan", None),
        ("ledamot", "Oskar Fjäll", "Haninge", None),
        ("ledamot", "Vera Sundin", "Region Stockholm", None),
        ("ledamot", "Hugo Brandt", "Arbetsförmedlingen", None),
    ]


def test_a_board_row_with_a_one_dot_leader_and_a_vacancy_remark_in_capitals(kb):
    # "Region Stockholm . Elsa Hed (L) / Jon Frost (KD)"; "Vakant – Nynäshamn väljer ny ledamot i augusti" in a table
    board = board_of(kb, "2093-3")
    assert ("ledamot", "Elsa Hed", "Region Stockholm", None) in board
    assert ("ersättare", "Jon Frost", "Region Stockholm", None) in board
    assert ("ledamot", None, "Nynäshamns kommun", "Vakant (Nynäshamn väljer ny ledamot i augusti)") in board


def test_contacts_by_a_pronoun_in_a_mail_link_and_on_a_card_naming_a_project(kb):
    # "X har anställts ... Hon nås på 070-…"; "- Utredare [X](mailto:x@…), 08-…"; "**X**, projektledare Nya Vägar" over
    # "address · phone", and "X är projektledare för Nya Vägar" in an article: one role, and none for the project
    contacts, roles = contacts_of(kb, "2093-4"), roles_of(kb, "2093-4")
    assert contacts["Tilda Vinge"] == (None, "070-174 06 81")
    assert contacts["Sixten Ros"] == ("sixten.ros@tyreso.se", "08-465 004 82")
    assert contacts["Ellen Sparre"] == ("ellen.sparre@haninge.se", None)
    assert contacts["Kerstin Fahl"] == ("kerstin.fahl@nynashamn.se", "070-174 06 83")
    assert roles["Kerstin Fahl"] == [("projektledare", None)]
    assert roles.get("Nya Vägar", []) == []


def test_a_calendar_of_iso_dates_after_week_numbers_with_cells_wrapped_onto_the_next_line(kb):
    # "6      2092-02-08   Tyresö   Studiestöd för vuxna som vill byta" / "bana (Alléhuset)": the week's number
    # is no part of the day, the wrapped line ends the topic, and the venue in brackets is the venue
    assert facts(meeting(kb, "2092-02-08")) == (
        "Tyresö",
        "Studiestöd för vuxna som vill byta bana",
        "Alléhuset",
        "08:15",
    )
    assert facts(meeting(kb, "2092-03-21")) == ("Haninge", "Träffpunkter för unga vuxna", None, "08:15")
    # "(Sjöfartshuset) – ÄNDRAT DATUM" inside the table is the row's remark, not a move of the calendar's first day
    assert meeting(kb, "2092-02-08").status is None


def test_a_move_told_by_the_day_it_happens_instead_and_a_cancellation_with_a_word_inside(kb):
    # "Nynäshamnsfrukosten om praktik, som först var utlyst till den 22 februari, hålls i stället den 29 februari."
    moved = meeting(kb, "2092-02-29")
    assert (moved.municipality, moved.moved_from, moved.venue) == ("Nynäshamn", date(2092, 2, 22), "Sjöfartshuset")
    # "Seminariet om arbetsgivarkontakter tisdag den 14 februari blir dessvärre inte av"
    assert (meeting(kb, "2092-02-14").kind, meeting(kb, "2092-02-14").status) == ("seminarium", "cancelled")


def test_a_municipality_line_with_its_venue_in_brackets_over_a_plural_weekday_and_its_days(kb):
    # "Tyresö (Alléhuset, Strandsalen):" / "torsdagarna 3 september och 1 oktober": every day under it is there
    days = {m.date: (m.municipality, m.venue) for m in kb.meetings if m.sources[0].issue == "2092-2"}
    assert days == {
        date(2092, 9, 3): ("Tyresö", "Alléhuset, Strandsalen"),
        date(2092, 10, 1): ("Tyresö", "Alléhuset, Strandsalen"),
        date(2092, 9, 16): ("Nynäshamn", "Sjöfartshuset"),
        date(2092, 10, 14): ("Nynäshamn", "Sjöfartshuset"),
        date(2092, 11, 11): ("Nynäshamn", "Sjöfartshuset"),
    }


def test_a_dated_line_that_leaves_a_bracket_open_is_prose_and_a_topic_going_on_is_no_venue(kb):
    # "Vi träffas torsdagen den 17 september i Tyresö kommunhus (salen" / "Forum, entréplan).": a sentence, its
    # venue said in it and its topic after the heading's colon
    assert facts(meeting(kb, "2092-09-17")) == ("Tyresö", "arbetsgivare som vågar", "Tyresö kommunhus", "08:40")
    # "15/10 · HANINGE · Idrott, kultur och" / "hälsa för unga": a cell ending on "och" goes on, it names no venue
    assert facts(meeting(kb, "2092-10-15")) == ("Haninge", "Idrott, kultur och hälsa för unga", None, None)


def test_a_contents_line_a_day_of_other_news_before_a_seminar_and_a_weekday_between_a_cards_cells(kb):
    # "Innehåll: Höstens frukostar – Ny styrelse från 1 november – ...", "Från den 2 januari gäller nya regler ...":
    # no meetings; "9 OKT · Haninge · fredag · Poseidon, Handen" over its topic: "fredag" is the day's weekday
    days = {m.date for m in kb.meetings if m.sources[0].issue == "2092-4"}
    assert days == {date(2092, 10, 9), date(2092, 10, 13)}
    assert facts(meeting(kb, "2092-10-09")) == ("Haninge", "Arbetsträning i kommunens parker", "Poseidon, Handen", None)
    assert meeting(kb, "2092-10-13").topic == "NYA REGLER FÖR AKTIVITETSSTÖD"


def test_headings_underlined_with_tildes_and_meetings_told_in_one_sentence_with_venues_said_apart(kb):
    # "Om höstens träffar" / "~~~~": a heading; "i Haninge tisdagen den 10 november, med temat "X", och fortsätter i
    # Tyresö den 24 november, där ...": each day its own topic; "I Haninge träffas vi på Poseidon, i Tyresö i
    # kommunhuset": each municipality's venue
    assert facts(meeting(kb, "2092-11-10")) == ("Haninge", "Unga och skulder", "Poseidon", "08:30")
    assert facts(meeting(kb, "2092-11-24")) == ("Tyresö", None, "kommunhuset", "08:30")
    # "stod det 17 november, men nu gäller den 24:e": the day as an ordinal is the new one of the month named
    assert meeting(kb, "2092-11-24").moved_from == date(2092, 11, 17)
    # "Den 3 december håller vi konferensen "Arbete för alla" på" / "Sjöviksgården ...": a sentence going on, not a
    # heading nor a line of a list; the title in quotes after the kind of meeting is its topic
    conference = meeting(kb, "2092-12-03")
    assert (conference.kind, conference.topic, conference.venue) == ("seminarium", "Arbete för alla", "Sjöviksgården")


def test_a_title_and_its_holder_apart_by_a_clause_and_names_after_a_title_that_do_not_hold_it(kb):
    roles = roles_of(kb, "2095-1")
    # "X har rekryterats som förbundets nya T": more words between the name and the title
    assert roles["Ruben Falk"] == [("utvärderare", date(2095, 2, 2))]
    # "X, tidigare utredare på Försäkringskassan, att vara T": the former title set apart is no role and no gap
    assert roles["Hanna Ek"] == [("tillförordnad förbundschef", date(2095, 1, 9))]
    # "X (S), som har suttit i styrelsen sedan 2091, tillträdde som T den 1 januari"
    assert roles["Ingemar Roos"] == [("ordförande", date(2095, 1, 1))]
    # "utsett X till ny ledamot efter Y": Y held the seat before, the title is X's
    assert roles["Klara Wennberg"] == [("ledamot", None)]
    assert "Bertil Axelsson" not in roles
    # "förbundschef och ansvarig utgivare X": both titles are X's
    assert [title for title, _ in roles["Sixten Berg"]] == ["förbundschef", "ansvarig utgivare"]
    # "bitr. förbundschef" on a card: the title "biträdande förbundschef" written short
    [(title, _)] = roles["Mona Dahl"]
    assert load_vocabulary().same_title(title, "biträdande förbundschef")


def test_a_substitute_takes_the_title_and_the_start_day_is_found_paragraphs_later(kb):
    roles = roles_of(kb, "2095-2")
    # "Vår processledare X går på föräldraledighet. Hennes vikarie Y börjar den 7 april.": the day is Y's
    assert roles["Wilma Nord"] == [("processledare", None)]
    assert roles["Axel Strömgren"] == [("processledare", date(2095, 4, 7))]
    # the appointment, a paragraph about the person's past, a quote, then "Selmas första arbetsdag är 14/4."
    assert roles["Selma Vik"] == [("koordinator", date(2095, 4, 14))]
    # "Elsa Berglund på Tyresö kommun ... (elsa.berglund@tyreso.se)": the address spells the name said before it
    assert contacts_of(kb, "2095-2")["Elsa Berglund"] == ("elsa.berglund@tyreso.se", None)


def test_an_html_agenda_with_each_field_of_a_row_in_an_element_of_its_own(kb):
    # <span class="when">tis 10 mars</span> / <span class="where">Tyresö</span> / <span class="what">…</span> /
    # <span class="room">…</span>, each on a line of its own: the fields of one meeting, not one run of words
    assert facts(meeting(kb, "2094-03-10")) == (
        "Tyresö",
        "Studiecirklar som språngbräda",
        "Alléhuset, Strandsalen",
        "08:30",
    )
    assert facts(meeting(kb, "2094-03-24")) == (
        "Haninge",
        "När socialtjänsten och vården möts",
        "Handens bibliotek",
        "08:30",
    )


def test_the_titles_of_a_contents_list_are_no_notices_of_change(kb):
    # "I detta nummer" / "Haninge tisdag 14/4: arbetsgivare och praktik" / "Tyresömötet ställs in": the contents
    # name the articles; only the article itself cancels the meeting in Tyresö, and the one in Haninge stands
    haninge = meeting(kb, "2094-04-14")
    assert (haninge.municipality, haninge.status, haninge.venue, haninge.start) == (
        "Haninge",
        None,
        "Handens bibliotek",
        "08:30",
    )
    assert (meeting(kb, "2094-04-21").municipality, meeting(kb, "2094-04-21").status) == ("Tyresö", "cancelled")


def test_a_boxed_calendar_of_days_in_rows_with_its_venues_in_one_sentence_below(kb):
    # "| Tyresö | tis 13 jan | tis 10 mars |": every day of a municipality's row is a meeting ("febr" is February);
    # "Vi ses i Kulturhuset i Handen, Alléhuset i Tyresö och Sjöfartshuset i Nynäshamn.": each its venue
    days = {m.date: (m.municipality, m.venue, m.start) for m in kb.meetings if m.sources[0].issue == "2094-3"}
    assert days[date(2095, 1, 13)] == ("Tyresö", "Alléhuset i Tyresö", "08:45")
    assert days[date(2095, 3, 10)] == ("Tyresö", "Alléhuset i Tyresö", "08:45")
    assert days[date(2095, 2, 3)] == ("Haninge", "Kulturhuset i Handen", "08:45")
    assert days[date(2095, 5, 12)] == ("Haninge", "Kulturhuset i Handen", "08:45")


def test_an_underlined_heading_that_repeats_a_long_line_of_the_contents_is_kept(kb):
    # the contents list "Seminarium i Nynäshamn om arbetsgivarkontakter och jobbmatchning i praktiken", then the article
    # under that heading, underlined: the heading is the article's, not a duplicated paragraph
    seminar = meeting(kb, "2095-02-24")
    assert (seminar.kind, seminar.municipality, seminar.venue, seminar.start) == (
        "seminarium",
        "Nynäshamn",
        "Sjöfartshuset, Nynäshamn",
        "09:30",
    )


def test_a_move_told_over_two_sentences_with_what_stays_the_same_in_the_paragraph_after(kb):
    # "... som skulle ha hållits tisdag 19 maj får vänta en vecka. Det nya datumet blir tisdag 26 maj, ...": the old
    # day in one sentence, the new in the next; "Temat är detsamma som förut: X. ... vi träffas i Y." below
    moved = meeting(kb, "2094-05-26")
    assert facts(moved) == ("Tyresö", "arbetsträning i föreningslivet", "Alléhuset", "09:00")
    assert moved.moved_from == date(2094, 5, 19)
    assert meeting(kb, "2094-05-19").status == "moved"


def test_the_breakfasts_own_span_of_time_is_not_the_programmes_start(kb):
    # "frukost 7.45–8.15 i foajén, därefter program 8.15–9.45": the programme starts at 8.15, the breakfast at 7.45
    first = meeting(kb, "2096-02-20")
    assert facts(first) == ("Tyresö", "Unga vuxna och studiestöd", "Tyresö bibliotek", "08:15")
    assert (first.breakfast, first.end) == ("07:45", "09:45")
    assert meeting(kb, "2096-03-13").start == "08:15"


def test_a_day_beside_a_compound_of_another_meeting_and_a_count_of_who_came_are_no_breakfasts_ahead(kb):
    # "24/4 förbundets årsmöte" under a line about a breakfast meeting: the federation's annual meeting, no breakfast;
    # "62 personer kom till frukostmötet i Tyresö den 6 februari": a report of one held, not its topic
    assert not [m for m in kb.meetings if m.date == date(2096, 4, 24)]
    held = meeting(kb, "2096-02-06")
    assert held.topic is None and "62 personer kom" in (held.note or "")
    assert facts(meeting(kb, "2096-05-08"))[0::3] == ("Haninge", "08:30")


def test_a_row_of_days_each_led_by_its_municipality_and_a_venue_told_below_an_articles_meeting(kb):
    # "Nynäshamn 18/9 · Haninge 9/10 · Tyresö 6/11": a meeting on each day, in the municipality written before it
    days = {m.date: m.municipality for m in kb.meetings if m.sources[0].issue == "2096-3"}
    assert (days[date(2096, 9, 18)], days[date(2096, 10, 9)], days[date(2096, 11, 6)]) == (
        "Nynäshamn",
        "Haninge",
        "Tyresö",
    )
    # "Träffen hålls i Tyresö kultur- och idrottshus." under the article's only meeting: its venue
    june = meeting(kb, "2096-06-05")
    assert (june.municipality, june.venue, june.start) == ("Tyresö", "Tyresö kultur- och idrottshus", "09:00")


def test_a_column_of_topic_and_venue_with_the_venue_wrapped_below_and_a_move_with_its_old_day_a_sentence_before(kb):
    # "Ämne och lokal": the row's cell is the topic, the line wrapped under it the venue (not the municipality)
    first = meeting(kb, "2096-09-08")
    assert facts(first) == ("Haninge", "Försörjningsstöd och studier", "Poseidonsalen, Handen", "08:45")
    assert meeting(kb, "2096-09-22").venue == "Sjöfartshuset, stora salen"
    # "... skulle äga rum tisdag 6 oktober. Mötet flyttas två veckor, till tisdag 20 oktober": moved from the 6th
    moved = meeting(kb, "2096-10-20")
    assert (moved.municipality, moved.status, moved.moved_from) == ("Tyresö", None, date(2096, 10, 6))
    assert meeting(kb, "2096-10-06").status == "moved"


def test_a_move_written_as_an_arrow_between_named_days_under_a_lead_that_names_the_meeting(kb):
    # "Frukostträffen i Tyresö om X skjuts upp en vecka:" over "tisdag 3 november -> tisdag 10 november": a move, not
    # a meeting on the 3rd nor a heading; the lead gives its topic
    moved = meeting(kb, "2096-11-10")
    assert (moved.municipality, moved.topic, moved.moved_from) == (
        "Tyresö",
        "ensamföräldrar och arbete",
        date(2096, 11, 3),
    )
    assert meeting(kb, "2096-11-03").status == "moved"


def test_a_seminar_in_a_table_row_without_a_topic_takes_the_title_of_its_heading(kb):
    # "Seminarium: X" over a table of date, time and venue; the remark under the table is no topic
    seminar = meeting(kb, "2097-01-14")
    assert (seminar.kind, seminar.topic, seminar.venue, seminar.start) == (
        "seminarium",
        "Plattformsjobb och trygghetssystemen",
        "Sjöfartshuset",
        "09:00",
    )


def test_meetings_in_paragraphs_led_by_their_municipality_take_its_venue_times_between_and_a_topic_gone_through(kb):
    # "NYNÄSHAMN. Vinterns båda träffar i Nynäshamn hålls i Sjöfartshuset. Fredag 15 januari går vi igenom X":
    # the sentence without a day gives the venue of the paragraph's meetings; "mellan 9.00 och 10.30" the times
    assert facts(meeting(kb, "2097-01-15")) == (
        "Nynäshamn",
        "det nya regelverket för lönebidrag",
        "Sjöfartshuset",
        "09:00",
    )
    assert meeting(kb, "2097-03-12").venue == "Sjöfartshuset"
    # "I Haninge ses vi på Poseidon i Handen.": no word of a meeting, but the paragraph is about Haninge's meetings
    assert facts(meeting(kb, "2097-01-29")) == (
        "Haninge",
        "höstens uppföljning av insatserna",
        "Poseidon i Handen",
        "09:00",
    )
    # "... som hålls onsdag 24 februari kl. 13.00–15.30 på Södertörns universitet i Flemingsberg"
    assert meeting(kb, "2097-02-24").venue == "Södertörns universitet"


def test_a_meeting_pushed_on_to_a_later_day_with_its_old_day_in_the_sentence_before(kb):
    # "... skulle ses torsdag 4 februari. ... vi har fått skjuta frukostmötet två veckor, till torsdag 18 februari."
    moved = meeting(kb, "2097-02-18")
    assert (moved.municipality, moved.status, moved.moved_from) == ("Haninge", None, date(2097, 2, 4))
    assert meeting(kb, "2097-02-04").status == "moved"


def test_a_sub_heading_of_a_day_and_its_municipality_over_the_meetings_text(kb):
    # "### Tisdag 9 mars · Nynäshamn" over a paragraph: the paragraph is the meeting's topic and venue
    march = meeting(kb, "2097-03-09")
    assert facts(march) == (
        "Nynäshamn",
        "Hur kan arbetsgivare i skärgården ta emot praktikanter året runt?",
        "Sjöfartshuset, Nynäshamn",
        "08:45",
    )
    assert meeting(kb, "2097-03-23").venue == "Alléhuset, Tyresö centrum"


def test_a_calendar_above_a_title_of_another_meeting_in_one_section_and_the_programmes_time_before_the_teas(kb):
    # the calendar rows over "Dessutom ett seminarium för alla tre kommunerna" are meetings too, not only the seminar;
    # "te och frukt kl. 8.15. Själva programmet kör igång 8.45": the programme starts at 8.45
    assert facts(meeting(kb, "2097-04-13")) == ("Haninge", "Jobbcoachning för nyanlända", None, "08:45")
    assert meeting(kb, "2097-04-27").municipality == "Tyresö"
    assert (meeting(kb, "2097-05-20").kind, meeting(kb, "2097-05-20").start) == ("seminarium", "13:00")


def test_a_title_in_quotes_after_the_programme_handlar_om_is_the_meetings_topic(kb):
    # 'Programmet börjar 8.30 och handlar om "Säsongsjobb i skärgården" med ...': the quoted title, not the speakers
    april = meeting(kb, "2097-04-16")
    assert (april.municipality, april.topic, april.start) == ("Nynäshamn", "Säsongsjobb i skärgården", "08:30")


def test_a_venue_of_one_word_followed_by_its_district_in_running_text(kb):
    # '... med temat "X" i Kulan, Jordbro.': the venue is "Kulan, Jordbro", not the next meeting's venue
    may = meeting(kb, "2097-05-07")
    assert (may.municipality, may.venue, may.start) == ("Haninge", "Kulan, Jordbro", "08:30")
    assert meeting(kb, "2097-05-21").venue == "Alléhuset"


def test_a_board_table_with_a_column_of_parties(kb):
    # "| Ordförande | Vendela Strand | KD | Nynäshamns kommun |": the party is the name's, "–" is no party
    board = next(board for board in kb.boards if board.source.issue == "2075-1")
    assert [(m.position, m.name, m.party, m.vacancy is not None, m.represents) for m in board.members] == [
        ("ordförande", "Vendela Strand", "KD", False, "Nynäshamns kommun"),
        ("vice ordförande", "Ossian Lövgren", None, False, "Försäkringskassan"),
        ("ledamot", "Tindra Ek", "MP", False, "Tyresö kommun"),
        ("ersättare", "Nils Åkerlund", "L", False, "Haninge kommun"),
        ("ersättare", None, None, True, "Arbetsförmedlingen"),
    ]


def test_figures_below_a_list_of_open_places_are_no_open_places(kb):
    # "Sedan starten 2091 har 318 personer …, varav 57 …", "Sammanlagt … 45 avtalade platser", "3–4 gånger",
    # "LÄGET VECKA 11": a year, people, a share, a total, a range and a week are figures, not providers with places
    places = {p.provider: p.count for r in kb.places if r.source.issue == "2075-2" for p in r.places}
    assert places == {"Pilträdets Café": 3, "Båtbyggarna i Muskö": 0, "Omsorgsverkstaden": 2}


def test_open_places_in_columns_under_a_dashed_rule_with_the_place_after_a_comma(kb):
    # "Verksamhet   Lediga" over "-------  ------": a header and its rule; "Cykelboden, Handen   1": the place after
    # a comma is not the provider
    places = {(p.provider, p.municipality): p.count for r in kb.places if r.source.issue == "2075-3" for p in r.places}
    assert places == {
        ("Bryggeriet Humlan", None): 4,
        ("Cykelboden", "Haninge"): 1,
        ("Vävstugan Inslaget", "Nynäshamn"): 0,
    }


def test_a_title_in_its_definite_form_before_a_name(kb):
    # "Utredaren Maja Fors har följt upp ...": the title opens the sentence, and is no part of the name
    roles = {(c.name, r.title) for c in kb.contacts for r in c.roles if r.source.issue == "2075-4"}
    assert roles == {("Maja Fors", "utredare")}


def test_a_first_name_for_someone_named_in_full_and_a_job_elsewhere_is_no_role(kb):
    # "TRE FRÅGOR TILL ... Ingvar Palmqvist" over "Ingvar är ny samordnare ... sedan den 2 oktober": the first name
    # is the person the heading names; "Ingvar är i dag enhetschef på …", "har en bakgrund som controller": jobs
    # elsewhere
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2075-5"}
    assert roles == {
        ("Ingvar Palmqvist", "samordnare"): date(2075, 10, 2),
        ("Malin Åhlund", "kanslichef"): date(2075, 11, 3),
    }


def test_contact_lines_broken_by_br_in_a_table_cell_of_their_own(kb):
    # an e-mail laid out in a table: "Name, title – phone<br>Name, title – address<br>…" in the only cell of its row
    # are lines of their own, each person with their own number or address
    contacts = {c.name: (c.email, c.phone) for c in kb.contacts if any(s.issue == "2075-6" for s in c.sources)}
    assert contacts == {
        "Gunnel Tidström": (None, "08-465 004 91"),
        "Aron Wiklund": ("aron.wiklund@tyreso.se", None),
        "Saga Olin": (None, "070-174 06 93"),
    }


def test_a_title_given_only_in_a_heading_that_names_the_person(kb):
    # "Vilma Sandqvist blir ny ekonom" over "… Styrelsen valde Vilma Sandqvist … Hon börjar den 8 januari.": the title
    # is in the heading alone, the day in the article, after a sentence about something else
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2075-7"}
    assert roles == {("Vilma Sandqvist", "ekonom"): date(2076, 1, 8)}


def test_a_calendar_of_municipalities_with_their_venue_in_brackets_and_a_kicker_heading_over_a_title(kb):
    # "Haninge (Poseidon, Handen):   6 februari, 27 februari och 3 april": the days are Haninge's, the venue theirs
    for day in ("2070-02-06", "2070-02-27", "2070-04-03"):
        assert facts(meeting(kb, day)) == ("Haninge", None, "Poseidon, Handen", "08:15")
    assert facts(meeting(kb, "2070-03-13")) == ("Nynäshamn", None, "Sjöfartshuset", "08:15")
    assert meeting(kb, "2070-03-20").venue == "Alléhuset, Tyresö centrum"
    # "PÅ TUR: TYRESÖ 13 FEBRUARI" over a title line: the kicker is no topic, the title is
    assert facts(meeting(kb, "2070-02-13")) == (
        "Tyresö",
        "Föräldraledighet och försörjning – hur går det ihop?",
        "Alléhuset, Tyresö centrum",
        "08:15",
    )


def test_an_online_line_under_a_seminars_day_and_an_article_about_someone_in_a_municipality_after_it(kb):
    # "Digitalt – länken kommer med bekräftelsen" under the day is the venue; "NY HANDLÄGGARE I NYNÄSHAMN" below is
    # another article, not the seminar's municipality
    webinar = meeting(kb, "2070-02-17")
    assert (webinar.kind, webinar.municipality, webinar.topic, webinar.venue, webinar.start) == (
        "seminarium",
        None,
        "Arbetsgivare som partner",
        "Digitalt",
        "13:30",
    )


def test_a_heading_without_text_takes_the_title_set_as_a_heading_under_it_and_the_bullets_of_its_fields(kb):
    # "### Haninge: torsdag 4 februari" / "**Skuldfri start – …**" (a heading of its own) / text / "- Var: X" /
    # "- Kaffe från 7.45, programmet startar 08.20" / "- Anmälan …": one meeting, and the sub-heading after it another
    assert facts(meeting(kb, "2071-02-04")) == (
        "Haninge",
        "Skuldfri start – om skuldsanering för unga vuxna",
        "Poseidon, Handen",
        "08:20",
    )
    # "Vinterns andra frukost handlar om X. Programmet börjar kl. 8.20 i Tyresö kommunhus, Forumsalen."
    assert facts(meeting(kb, "2071-02-18")) == ("Tyresö", "friluftsliv som rehabilitering", "Tyresö kommunhus", "08:20")
    # "## Seminarium om X" with no text, over "### Title" and "Dag: …": the seminar's topic from its heading
    seminar = meeting(kb, "2071-03-10")
    assert (seminar.kind, seminar.topic, seminar.venue, seminar.start) == (
        "seminarium",
        "lärlingsanställningar",
        "Sjöfartshuset, Nynäshamn",
        "13:00",
    )


def test_a_labelled_line_of_days_each_with_its_municipality_and_a_kind_in_brackets(kb):
    # "Träffar i vår: 12/3 Tyresö · 26/3 Nynäshamn · 16/4 Haninge (vårfrukost)": each day its municipality (not
    # the one named before it), the bracket its topic; the article below: "i Kulturhuset i Handen", "Program från 08.45"
    assert meeting(kb, "2071-03-12").municipality == "Tyresö"
    assert meeting(kb, "2071-03-26").municipality == "Nynäshamn"
    assert facts(meeting(kb, "2071-04-16")) == ("Haninge", "vårfrukost", "Kulturhuset i Handen", "08:45")


def test_a_contact_cards_line_of_addresses_is_no_heading(kb):
    # "Viggo Almström, ekonom" over "viggo.almstrom@… · 070-…" over a long paragraph: the line of addresses stands
    # alone over running text like a heading, but it is the card's
    contacts = {c.name: (c.email, c.phone) for c in kb.contacts if any(s.issue == "2071-1" for s in c.sources)}
    assert contacts["Viggo Almström"] == ("viggo.almstrom@tyreso.se", "070-174 06 71")


def test_a_name_run_on_into_the_next_words_is_cut_to_what_its_address_spells(kb):
    # "Ronja Edholm<br>Insatsen Vägvisaren" in a table cell reads "Ronja Edholm Insatsen Vägvisaren |
    # 070-… ronja.edholm@…": the address spells the name's first two words
    contacts = {c.name: (c.email, c.phone) for c in kb.contacts if any(s.issue == "2071-1" for s in c.sources)}
    assert contacts["Ronja Edholm"] == ("ronja.edholm@nynashamn.se", "070-174 06 72")


def test_a_board_grouped_by_organisation_with_a_labelled_seat_a_line(kb):
    # "Haninge kommun" over "Ledamot: Name (S), vice ordförande" and "Ersättare: Name (M)": the seat's label, then the
    # member, a position after the name being the one they hold; "Ersättare – ännu inte utsedd" is a vacant seat
    board = next(board for board in kb.boards if board.source.issue == "2071-2")
    assert [(m.position, m.name, m.party, m.vacancy is not None, m.represents) for m in board.members] == [
        ("vice ordförande", "Signe Valdemarsson", "S", False, "Haninge kommun"),
        ("ersättare", "Hugo Blixt", "M", False, "Haninge kommun"),
        ("ordförande", "Agnes Wirén", "C", False, "Tyresö kommun"),
        ("ersättare", None, None, True, "Tyresö kommun"),
        ("ledamot", "Mattias Oljelund", None, False, "Försäkringskassan"),
    ]


def test_a_vacant_seat_takes_the_position_its_remark_names(kb):
    # "Haninge kommun – vakant (ny ersättare väljs av fullmäktige i augusti)": no position of its own, the remark on the
    # vacancy names the seat
    board = next(board for board in kb.boards if board.source.issue == "2071-3")
    vacant = [(m.position, m.represents) for m in board.members if m.vacancy is not None]
    assert vacant == [("ersättare", "Haninge kommun")]
    assert len(board.members) == 4


def test_a_list_of_places_under_a_heading_that_does_not_say_lediga_platser(kb):
    # "ARBETSTRÄNING – DET FINNS PLATS" over lines "Name ....... 3": a section that speaks of places over a list of
    # names with counts is a notice of places; "Odlingslotten Muskö ..... inga just nu" over two counted lines is a
    # provider with none, not the list's column header
    places = {p.provider: p.count for r in kb.places if r.source.issue == "2071-4" for p in r.places}
    assert places == {
        "Snickeriet Tallåsen": 3,
        "Kafé Mullvaden": 1,
        "Odlingslotten Muskö": 0,
        "Pappersverkstan Handen": 2,
        "Glasateljén Prisma": 4,
    }


def test_a_count_in_words_after_a_provider_and_its_place(kb):
    # "**Tvätteriet Lunden**, Haninge: två platser": the place after the comma is not the provider, the count a word
    places = {(p.provider, p.municipality): p.count for r in kb.places if r.source.issue == "2071-5" for p in r.places}
    assert places == {
        ("Tvätteriet Lunden", "Haninge"): 2,
        ("Musikstudion Ackord", "Nynäshamn"): 1,
        ("Bokbinderiet", None): 3,
    }


def test_a_heading_announcing_someone_new_in_a_title_that_names_nobody(kb):
    # "NY SAMORDNARE I TYRESÖ" over "Från och med den 14 november arbetar Alva Stenmark hos oss. Hon efterträder Leo
    # Brandin …": the title is the first person's the article names (not the predecessor's), dated by the sentence
    # that opens on the day; "Ny kanslichef" over "Sedan 1 oktober är det Maj Östlund som …"; "NY ORDFÖRANDE" over
    # "Från och med den 1 december leder Henning Kvarnström …" and a board list naming him ordförande: his, that day
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2071-6"}
    assert roles == {
        ("Alva Stenmark", "samordnare"): date(2071, 11, 14),
        ("Maj Östlund", "kanslichef"): date(2071, 10, 1),
        ("Henning Kvarnström", "ordförande"): date(2071, 12, 1),
        ("Runa Blomgren", "vice ordförande"): None,
        ("Ture Wahlbeck", "ledamot"): None,
    }


def test_a_start_day_written_as_an_iso_date(kb):
    # "NY UTREDARE I LÄNKEN" over "… har fått en ny utredare. Fr.o.m. 2072-01-10 är Selma Dahlqvist ansvarig …": the
    # day after "fr.o.m." written year-month-day; "Hon nås på selma.dahlqvist@…" is hers
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2071-8"}
    assert roles == {("Selma Dahlqvist", "utredare"): date(2072, 1, 10)}
    assert next(c.email for c in kb.contacts if c.name == "Selma Dahlqvist") == "selma.dahlqvist@haninge.se"


def test_a_title_then_a_verb_and_a_word_before_its_holder(kb):
    # "Ekonom är alltjämt Birger Tallqvist, som …": the title opens the sentence, its holder after "är alltjämt"
    roles = {(c.name, r.title) for c in kb.contacts for r in c.roles if r.source.issue == "2071-7"}
    assert roles == {("Birger Tallqvist", "ekonom")}


def test_a_first_name_by_a_title_for_someone_the_issue_names_in_full_elsewhere(kb):
    # "Frågor om den tar jag (Greta, ekonom) gärna emot" in one article, "Greta Lundkvist, 08-…" in the contacts
    roles = {(c.name, r.title) for c in kb.contacts for r in c.roles if r.source.issue == "2071-10"}
    assert roles == {("Greta Lundkvist", "ekonom")}


def test_participants_a_provider_can_take_in_are_its_places(kb):
    # "Vävstugan Solvarv i Dalarö kan ta emot två deltagare", "Cykelverkstan Eken har plats för 4 personer": in a
    # notice of places, a count of participants a provider can take in
    places = {p.provider: p.count for r in kb.places if r.source.issue == "2071-9" for p in r.places}
    assert places == {"Vävstugan Solvarv i Dalarö": 2, "Cykelverkstan Eken": 4, "Kafé Kompassen": 1}


def test_a_line_in_capitals_right_over_its_article_is_its_heading(kb):
    # "LEDIGA PLATSER I ARBETSTRÄNINGEN" after a blank line, its text on the very next line: a heading (and so a
    # notice of places), not the first words of a provider's name
    reports = [r for r in kb.places if r.source.issue == "2073-1"]
    assert [r.source.section for r in reports] == ["LEDIGA PLATSER I ARBETSTRÄNINGEN"]
    assert {p.provider: p.count for p in reports[0].places} == {"Keramikverkstaden Lergöken": 3, "Stallet i Fors": 0}


def test_a_meeting_someone_else_held_themselves_is_none_of_the_federations(kb):
    # "Länets samordningsförbund höll sin gemensamma konferens i Uppsala den 20 januari": their own, held
    assert not [m for m in kb.meetings if any(s.issue == "2073-1" for s in m.sources)]


def test_a_calendar_whose_own_text_names_its_kind_with_one_line_of_another(kb):
    # "Frukostträffarna är öppna för alla …" over "Tis 8.4   TYRESÖ   …" lines and one "Ons 23.4  WEBBINARIUM …": the
    # rows without a kind of their own are breakfast meetings, the webinar a seminar
    kinds = {m.date: m.kind for m in kb.meetings if any(s.issue == "2073-2" for s in m.sources)}
    assert kinds == {date(2073, 4, 8): "frukostmöte", date(2073, 5, 6): "frukostmöte", date(2073, 4, 23): "seminarium"}


def test_articles_between_dotted_rules_a_contents_list_and_a_row_marked_as_moved(kb):
    # "......" rules round "2. VÅRENS … FRUKOSTMÖTEN – ETT NYTT DATUM": a heading; "Utkom torsdag 3 april" over the
    # "Innehåll" list is no meeting; "27/5  Haninge  Topic  <-- NYTT DATUM" over its venue: the row's day is the new
    # one (the move told below it), its remark not its venue, and the rows before it not moved
    read = {m.date: m for m in kb.meetings if any(s.issue == "2073-3" for s in m.sources)}
    assert sorted(read) == [date(2073, 4, 15), date(2073, 5, 20), date(2073, 5, 27), date(2073, 6, 12)]
    assert read[date(2073, 4, 15)].status is None
    assert read[date(2073, 5, 20)].status == "moved"
    moved = read[date(2073, 5, 27)]
    assert (moved.municipality, moved.venue) == ("Haninge", "Poseidonhuset, Handen")
    assert moved.moved_from == date(2073, 5, 20)


def test_a_mark_a_legend_explains_as_no_places(kb):
    # "Snickarboden Vega   x" over "(x = inga lediga platser just nu)": the mark the legend explains is a count of none;
    # the column labels "Anordnare   Antal" above are no provider
    places = {p.provider: p.count for r in kb.places if r.source.issue == "2073-4" for p in r.places}
    assert places == {"Snickarboden Vega": 0, "Odlingslotten i Lida": 3, "Kaffestugan Dalarö": 0}


def test_a_meeting_announced_in_a_notice_of_another_and_named_for_its_occasion(kb):
    # "LUCIAFRUKOST – OCH ETT MÖTE SOM STÄLLS IN": the article's first paragraph announces a meeting of its own, a
    # "luciafrukost", its occasion its topic; the second cancels another
    read = {m.date: m for m in kb.meetings if any(s.issue == "2073-5" for s in m.sources)}
    assert sorted(read) == [date(2073, 12, 13), date(2073, 12, 16)]
    lucia = read[date(2073, 12, 13)]
    assert (lucia.municipality, lucia.topic) == ("Nynäshamn", "luciafrukost")
    assert (lucia.start, lucia.venue) == ("07:30", "Folkets hus")
    assert read[date(2073, 12, 16)].status == "cancelled"


def test_an_administrators_title_and_seminars_titled_after_their_kind_in_a_list_of_iso_days(kb):
    # "förbundets administratör Sune Bergkvist, 08-…": a title of the vocabulary; "- **2074-02-12**, kl. 10.00–12.00 ·
    # Webbinarium: *Språkstöd på arbetsplatsen* med …": the title after the kind and its colon is the topic
    roles = {(c.name, r.title) for c in kb.contacts for r in c.roles if r.source.issue == "2073-6"}
    assert roles == {("Sune Bergkvist", "administratör")}
    read = {m.date: m for m in kb.meetings if any(s.issue == "2073-6" for s in m.sources)}
    assert read[date(2074, 2, 12)].topic == "Språkstöd på arbetsplatsen med logopeden Iris Malm"
    assert (read[date(2074, 3, 19)].topic, read[date(2074, 3, 19)].venue) == (
        "Unga vuxna och skulder",
        "Tyresö kommunhus, sal Ekbacken",
    )


def test_leaving_told_of_a_predecessor_in_a_clause_of_his_own(kb):
    # "anställt Vera Lindh som verksamhetsledare och efterträdare till Kjell Ahl, som lämnar vid årsskiftet …. Hon
    # tillträder måndag 8 januari 2074": the leaving is Kjell Ahl's, the day Vera Lindh's start
    roles = {(c.name, r.title): (r.start, r.end) for c in kb.contacts for r in c.roles if r.source.issue == "2073-7"}
    assert roles[("Vera Lindh", "verksamhetsledare")] == (date(2074, 1, 8), None)


def test_a_meeting_that_became_something_was_held(kb):
    # "Luciafrukosten i Dalarö den 13 december blev en fin avslutning på året" in January: last December's, held
    days = {m.date for m in kb.meetings if any(s.issue == "2074-1" for s in m.sources)}
    assert days == {date(2073, 12, 13)}


def test_a_title_recruited_in_one_sentence_and_the_choice_named_in_the_next(kb):
    # "… har kansliet rekryterat en utredare till. Valet har fallit på Ronja Ek, …. Hon börjar tisdag 2 april.": the
    # title the sentence before recruits is hers, from that day
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2074-2"}
    assert roles[("Ronja Ek", "utredare")] == date(2074, 4, 2)


def test_a_calendar_in_columns_with_rows_of_other_days_and_the_kind_before_the_municipality(kb):
    # "tor 8 apr    FRUKOSTMÖTE i Tyresö – Topic" over its venue; rows of a board meeting and a deadline
    # ("mån 19 apr   Sista ansökningsdag …") are no meetings, nor the sentence the next row goes on; "mån" is a
    # weekday; "kl. 9.30–11, Venue" under a row; the meetings start "kvart över åtta", not when they "avslutas
    # klockan nio"
    read = {m.date: m for m in kb.meetings if any(s.issue == "2074-3" for s in m.sources)}
    assert sorted(read) == [date(2074, 4, 8), date(2074, 4, 21), date(2074, 5, 17), date(2074, 5, 20)]
    assert facts(read[date(2074, 4, 8)]) == (
        "Tyresö",
        "Stöd till unga anhöriga",
        "Tyresö bibliotek, Forumsalen",
        "08:15",
    )
    seminar = read[date(2074, 4, 21)]
    assert seminar.kind == "seminarium"
    assert facts(seminar) == ("Haninge", "Lönebidrag i praktiken", "Haninge kulturhus, sal Poseidon", "09:30")
    assert facts(read[date(2074, 5, 17)]) == (
        "Haninge",
        "Sjukskrivning och skulder",
        "Handens bibliotek, hörsalen",
        "08:15",
    )
    assert facts(read[date(2074, 5, 20)])[:2] == ("Nynäshamn", "Att byta bana efter femtio")


def test_a_calendar_of_cards_with_the_day_as_a_badge(kb):
    # "9" over "SEPT" over "Frukostmöte: Topic" over "Kl. 08.15 - 09.30 · Venue" over "Mer info »": the badge is the
    # card's day, the title after the kind its topic, the link no topic of the next card; a venue
    # changed later "i stället i matsalen på Nynäshamns gymnasium"
    read = {m.date: m for m in kb.meetings if any(s.issue == "2074-4" for s in m.sources)}
    assert sorted(read) == [date(2074, 9, 9), date(2074, 9, 23), date(2074, 10, 7)]
    assert facts(read[date(2074, 9, 9)]) == (
        "Haninge",
        "Skuldfällor för unga vuxna",
        "Haninge kulturhus, Blå salen",
        "08:15",
    )
    seminar = read[date(2074, 9, 23)]
    assert seminar.kind == "seminarium"
    assert facts(seminar) == (
        "Tyresö",
        "Kollegialt lärande i rehabiliteringen",
        "Tyresö bibliotek, Forumsalen",
        "13:00",
    )
    assert facts(read[date(2074, 10, 7)]) == ("Nynäshamn", "Seniorer som mentorer", "Nynäshamns gymnasium", "08:15")


def test_a_dotted_list_of_places_with_counts_in_words_and_places_in_running_text(kb):
    # "Kafé Strandhugget ....... inga", "Sömnadsstugan Lida ....... fem": each line an item, its word a count;
    # "Vedbacken i Haninge centrum kan ta emot två nya deltagare", "Bokbussen Dalarö har en extra plats"
    places = {p.provider: p.count for r in kb.places if r.source.issue == "2074-5" for p in r.places}
    assert places == {
        "Sömnadsstugan Lida": 5,
        "Kafé Strandhugget": 0,
        "Bildverkstan Brandbergen": 3,
        "Verktygsboden Gudö": 1,
        "Vedbacken i Haninge centrum": 2,
        "Bokbussen Dalarö": 1,
    }


def test_a_venue_told_under_the_list_and_a_move_that_keeps_the_topic(kb):
    # "Frukosten den 4 december äger därför rum i Handens bibliotek" under the list: the later word on its venue;
    # "… skjuts upp till den 22 januari. Lokal och tema är oförändrade.": the moved meeting keeps its topic
    read = {m.date: m for m in kb.meetings if any(s.issue == "2074-6" for s in m.sources)}
    assert facts(read[date(2074, 12, 4)]) == ("Haninge", "Bostad först", "Handens bibliotek", "08:15")
    moved = read[date(2075, 1, 22)]
    assert moved.moved_from == date(2075, 1, 15)
    assert facts(moved) == ("Tyresö", "Sommarjobb för unga", "Tyresö bibliotek", "08:15")


def test_a_calendar_invitation_on_a_twelve_hour_clock(kb):
    # "When: Tuesday, February 9, 2075 2:00 PM-3:30 PM": the programme starts at 14:00
    seminar = meeting(kb, "2075-02-09")
    assert seminar.kind == "seminarium"
    assert facts(seminar) == ("Tyresö", "Skuldsanering steg för steg", "Tyresö kommunhus, sal Björkbacken", "14:00")
    assert seminar.end == "15:30"


def test_a_table_column_of_clock_times_under_a_topic_word_gives_the_start(kb):
    # a table "När | Kommun | Rubrik | Lokal | Program" with "9.00" under "Program": the start, not the topic
    assert facts(meeting(kb, "2076-03-10")) == ("Nynäshamn", "Praktik i skärgårdens företag", "Sjöfartshuset", "08:15")
    assert facts(meeting(kb, "2076-04-14")) == ("Haninge", "Sommarjobb för unga vuxna", "Handens bibliotek", "09:00")


def test_open_places_after_a_day_and_a_contact_and_a_line_of_cells_broken_over_two(kb):
    # "Uppdaterat 9 mars. Kontakta din handläggare …" before the list does not end it;
    # "… | Återbruket" over "Mården fem | Cykelverkstan Kroken fullbokat | …": one row of cells, counts in words
    reports = {r.programme: {p.provider: p.count for p in r.places} for r in kb.places if r.source.issue == "2076-2"}
    assert reports == {
        "ARBETSTRÄNING: LEDIGA PLATSER": {"Snickeriet Bryggan": 2, "Kafé Ljuset": 0, "Tryckverkstan Vega": 3},
        "ÖVRIGA ANORDNARE": {
            "Trädgården Vinga": 2,
            "Tvätteriet Ösmo": 0,
            "Återbruket Mården": 5,
            "Cykelverkstan Kroken": 0,
            "Sömnaden": 1,
        },
    }


def test_days_written_as_ordinals_and_a_move_told_under_its_new_day(kb):
    # "Tisdagen den nittonde maj – frukostmöte i Tyresö"; under "Torsdagen den elfte juni …": "nytt datum! Träffen
    # var planerad till torsdagen den fjärde juni …": the row's day is the new one, the next sentence's the old
    assert facts(meeting(kb, "2076-05-19")) == (
        "Tyresö",
        "Arbetsgivare som mentorer",
        "Alléhuset, Tyresö centrum",
        "08:30",
    )
    moved = meeting(kb, "2076-06-11")
    assert moved.moved_from == date(2076, 6, 4)
    assert moved.status is None
    assert facts(moved) == ("Haninge", "bostaden som första steg mot arbete", "Handens bibliotek", "08:30")


def test_a_meeting_many_of_you_came_to_was_held(kb):
    # "Hela 52 av er kom till frukostmötet i Nynäshamn den 9 januari" in April: held in January, not one next year
    assert not [m for m in kb.meetings if m.date == date(2077, 1, 9)]


def test_a_title_before_the_name_is_held_and_the_one_after_till_is_taken_up(kb):
    # "har anställt utredare Hugo Berglund till kanslichef … Hugo har haft uppgiften sedan den 3 mars": the day is
    # the new title's; the title in front of the name is the one he held already
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2076-4"}
    assert roles[("Hugo Berglund", "kanslichef")] == date(2076, 3, 3)
    assert roles[("Hugo Berglund", "utredare")] is None


def test_a_new_post_the_next_sentence_says_has_gone_to_someone(kb):
    # "har inrättat en ny tjänst som utvecklingsledare … Uppdraget har gått till Petra Sjöholm … Petra börjar den
    # 12 juni": the post is hers from that day
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2076-5"}
    assert roles == {("Petra Sjöholm", "utvecklingsledare"): date(2076, 6, 12)}


def test_a_new_chair_takes_office_on_the_day_the_board_does(kb):
    # "… tog den omvalda styrelsen över den 15 augusti. … Oskar Lund (C) … blir ny ordförande": from that day
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2076-6"}
    assert roles[("Oskar Lund", "ordförande")] == date(2076, 8, 15)


def test_the_sentence_after_the_day_gives_the_topic_it_takes_up(kb):
    # "Nynäshamn står värd onsdagen den 18 november. Vi ses på Folkets hus, och morgonen tar upp X."
    assert facts(meeting(kb, "2076-11-18")) == ("Nynäshamn", "arbetsgivarnas syn på lönebidrag", "Folkets hus", "08:30")


def test_a_line_of_providers_separated_by_middle_dots(kb):
    # "Bryggeriet: 3 · Kaffestugan i Dalarö: fullsatt · …": one provider a cell, as between "|"
    read = {p.provider: p.count for r in kb.places if r.source.issue == "2077-1" for p in r.places}
    assert read == {"Bryggeriet": 3, "Kaffestugan i Dalarö": 0, "Sömnaden Jordbro": 1, "Vedgården": 5}


def test_calendar_invitations_pasted_in_with_their_titles(kb):
    # "Frukostseminarium i Haninge: Topic" over "When: Thursday, 8 April 2077 07:45-09:30 (UTC+01:00) …" and "Where:":
    # the title gives kind, municipality and topic; "Cancelled:" before it cancels; "Updated:" is no topic
    april = meeting(kb, "2077-04-08")
    assert (april.kind, *facts(april)) == (
        "frukostmöte",
        "Haninge",
        "Arbetsgivare som öppnar dörrar",
        "Handens bibliotek, Läsesalen",
        "08:15",  # "programmet börjar 08.15" inside the invitation's 07:45-09:30: breakfast first
    )
    assert april.breakfast == "07:45"
    cancelled = meeting(kb, "2077-04-22")
    assert (cancelled.status, cancelled.municipality, cancelled.topic) == (
        "cancelled",
        "Tyresö",
        "Ungas väg till körkort",
    )
    workshop = meeting(kb, "2077-05-04")
    assert (workshop.kind, workshop.topic, workshop.municipality) == (
        "seminarium",
        "Motiverande samtal i vardagen",
        "Tyresö",
    )


def test_invitations_alike_but_for_their_days_are_no_page_footer(kb):
    # two records "When: Thursday, 22 April …" / "Where: Tyresö bibliotek, Hörsalen" and the same for 20 May: lines
    # that name other days are two meetings, not a footer repeated on every page
    may = meeting(kb, "2077-05-20")
    assert (may.status, *facts(may)) == (
        None,
        "Tyresö",
        "Studier som väg till arbete",
        "Tyresö bibliotek, Hörsalen",
        "08:15",
    )
    assert meeting(kb, "2077-04-22").venue == "Tyresö bibliotek, Hörsalen"


def test_a_meeting_told_as_held_under_a_calendar_is_none_of_its_own(kb):
    # "Frukostmötet i Haninge den 11 mars blev välbesökt, …" under the invitations: a report, not a meeting announced
    assert not [m for m in kb.meetings if m.date == date(2077, 3, 11)]


def test_each_day_of_a_sentence_takes_the_municipality_in_brackets_after_it(kb):
    # "… frukostmöten: 10 september (Nynäshamn), 8 oktober (Tyresö) och 5 november (Haninge)."
    days = {day: meeting(kb, day).municipality for day in ("2077-09-10", "2077-10-08", "2077-11-05")}
    assert days == {"2077-09-10": "Nynäshamn", "2077-10-08": "Tyresö", "2077-11-05": "Haninge"}


def test_an_acting_chief_dated_by_a_sentence_about_the_appointment(kb):
    # "… går Viktor Almgren in som tillförordnad förbundschef. Förordnandet gäller från och med den 12 januari."
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2077-4"}
    assert roles[("Viktor Almgren", "tillförordnad förbundschef")] == date(2078, 1, 12)


def test_an_address_after_a_title_and_the_workplace_is_the_persons(kb):
    # "Kontakta Selma Norberg, handläggare för praktik i ESF Nya Steget, selma.norberg@…, tel 070-…": not the
    # workplace's name just before the address
    selma = next(c for c in kb.contacts if c.name == "Selma Norberg")
    assert (selma.email, selma.phone) == ("selma.norberg@haninge.se", "070-555 12 34")
    assert not [c for c in kb.contacts if c.name == "Nya Steget"]


def test_a_start_said_as_a_span_in_words_going_in_as_a_title_and_nothing_free(kb):
    # "När: torsdag 16 oktober, kvart i nio till tio (kaffe från åtta)": the span said in words starts at 8.45
    assert meeting(kb, "2077-10-16").start == "08:45"
    # "Rasmus Falk går in som utvecklingsledare för samverkansteamen den 6 oktober"
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2077-5"}
    assert roles[("Rasmus Falk", "utvecklingsledare")] == date(2077, 10, 6)
    # "- Snickeriet Trollbäcken: inget ledigt"
    read = {p.provider: p.count for r in kb.places if r.source.issue == "2077-5" for p in r.places}
    assert read == {"Bryggeriet Ösmo": 2, "Snickeriet Trollbäcken": 0}


def test_a_title_before_a_kind_a_new_one_named_next_and_places_after_a_clause(kb):
    # "Arbetsgivare i fokus – ett halvdagsseminarium för … Onsdag 18 mars i Nynäshamns stadshus, kl. 13.00–16.00."
    assert meeting(kb, "2078-03-18").topic == "Arbetsgivare i fokus"
    # "Kansliet har fått en ny controller. Jonatan Ek kommer från … Han börjar hos oss den 9 februari."
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles if r.source.issue == "2078-1"}
    assert roles == {("Jonatan Ek", "controller"): date(2078, 2, 9)}
    # "Verksamheten Vävstugan, som tar emot deltagare från alla tre kommunerna, har fyra lediga platser just nu."
    read = {p.provider: p.count for r in kb.places if r.source.issue == "2078-1" for p in r.places}
    assert read == {"Vävstugan": 4}


def test_the_empty_lines_of_a_quote_separate_its_notices(kb):
    # "> … flyttas till hösten." / ">" / "> Mötet 20/3 i Tyresö blir av som planerat": two paragraphs, the move
    # said of a topic in the first is not the second's meeting's
    march = meeting(kb, "2078-03-20")
    assert (march.status, march.moved_from) == (None, None)
    assert meeting(kb, "2078-03-06").status == "cancelled"


def test_a_cancelled_meeting_is_of_the_municipality_its_notice_names_first(kb):
    # "Frukostmötet i Tyresö den 7 maj ställs in, eftersom föreläsaren från Jobbtorget Handen …": Tyresö's
    # meeting, though Haninge (Handen) comes first in the vocabulary
    cancelled = meeting(kb, "2078-05-07")
    assert (cancelled.municipality, cancelled.status) == ("Tyresö", "cancelled")


def test_a_venue_given_in_place_of_the_old_one_is_a_new_venue(kb):
    # "Mötet i Nynäshamn den 9 april blir på Skärgårdshotellet, istället för på Folkets hus, …" under another
    # heading than the table's: a notice of a new venue, though it says no "ny lokal"
    assert meeting(kb, "2078-04-09").venue == "Skärgårdshotellet"
    assert meeting(kb, "2078-04-23").venue == "Kulturhuset i Handen"


def test_a_new_venue_remark_in_a_pasted_invitation_keeps_its_where_line(kb):
    # "Uppdaterad: Seminarium i Tyresö: Title" / "When: …" / "Where: Tyresö bibliotek, Hörsalen" / "Observera
    # ändrad lokal!": the value after a colon is a new venue only when the words of change stand before it
    assert meeting(kb, "2078-06-09").venue == "Tyresö bibliotek, Hörsalen"


def test_a_twelve_hour_span_with_its_half_written_once_after_the_end(kb):
    # "Tuesday 20 October 2078, 2.30–4.45 pm": the afternoon of both its times
    webinar = meeting(kb, "2078-10-20")
    assert (webinar.start, webinar.end) == ("14:30", "16:45")


def test_a_day_on_the_line_below_a_publication_is_no_meeting(kb):
    # "… verksamhetsberättelsen kan laddas ner från hemsidan" / "7 november.", "… seminarium publiceras på
    # hemsidan den" / "14 november.": the day goes on a sentence of another event, under a list with "frukostmöten"
    assert not [m for m in kb.meetings if m.date in (date(2078, 11, 7), date(2078, 11, 14))]


def test_a_notice_titled_by_a_municipality_and_a_day_is_of_that_meeting(kb):
    # "1) Tyresö 14/2 – ny lokal" / "Kommunhuset är upptaget den dagen. Vi ses istället i Tyresö bibliotek, …":
    # the notice names no meeting, its title the meeting's place and day
    assert meeting(kb, "2079-02-14").venue == "Tyresö bibliotek"
    assert meeting(kb, "2079-03-07").venue is None


def test_a_room_and_the_building_it_is_in_are_the_venue(kb):
    # "… hålls i Havssalen, Nynäshamns folkhögskola.": the room alone would not find the way
    assert meeting(kb, "2079-03-06").venue == "Havssalen, Nynäshamns folkhögskola"


def test_a_title_in_italics_after_a_kind_of_meeting_is_its_topic(kb):
    # "… håller vi workshopen <i>Hur möter vi den som inte kommer?</i> i Haninge kulturhus …": read as a title in
    # quotes (markdown's "*…*" too, which a PDF of the issue cannot show, so no layout of its own here)
    assert meeting(kb, "2079-05-19").topic == "Hur möter vi den som inte kommer?"


def test_places_under_a_heading_that_says_there_are_some_and_a_provider_described_between_commas(kb):
    # "HÄR FINNS PLATSER I SOMMAR" over "Kafé Ljuset, kaféet vid stationen i Ösmo, är fullbokat till hösten."
    read = {p.provider: p.count for r in kb.places if r.source.issue == "2079-5" for p in r.places}
    assert read == {"Snickeriet Spånet i Tungelsta": 4, "Kafé Ljuset": 0, "Cykelverkstan": 1}


def test_providers_listed_after_a_count_of_places_each_with_a_count_alone(kb):
    # "… har Bokbinderiet i Vendelsö fyra lediga platser, Sömnaden 2, samt Växthuset i Ösmo en.": the verb and the
    # noun are left out after the first provider, each of the others named with its count alone
    read = {p.provider: p.count for r in kb.places if r.source.issue == "2079-4" for p in r.places}
    assert read == {"Bokbinderiet i Vendelsö": 4, "Sömnaden": 2, "Växthuset i Ösmo": 1}


def test_places_in_a_list_of_definitions(kb):
    # "Sömnaden, Nynäshamn" over ": 1 plats (förmiddagar)": a line opening on a colon tells what the line above it
    # names, read as one line "Sömnaden, Nynäshamn: 1 plats …"; the figure in the words after the count is none
    read = {(p.provider, p.municipality): p.count for r in kb.places if r.source.issue == "2079-6" for p in r.places}
    assert read == {("Bokbinderiet", None): 3, ("Sömnaden", "Nynäshamn"): 1, ("Växthuset", None): 0}
