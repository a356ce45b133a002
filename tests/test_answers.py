"""Answers: the facts of the knowledge base, written for people, with their source."""

from __future__ import annotations

from datetime import date

from bot.answers import greeting, meetings, render
from bot.answers.common import Answer
from bot.answers.words import as_of_phrase, clock, long_date
from bot.knowledge.model import (
    Board,
    BoardMember,
    Contact,
    Issue,
    KnowledgeBase,
    Meeting,
    OpenPlace,
    PlacesReport,
    Registration,
    Role,
    Source,
)
from bot.nlu.catalogue import load_catalogue
from bot.nlu.dates import When
from bot.nlu.question import Question, Slots

NR1 = Source("2030-1")
NR2 = Source("2030-2")


def ask(intent: str, slots: Slots, kb: KnowledgeBase, today: date, lang: str) -> Answer:
    return render.Answers(load_catalogue()).answer(Question(intent, slots), kb, today, lang)


def kb() -> KnowledgeBase:
    return KnowledgeBase(
        issues=[
            Issue("2030-1", 1, 2030, 1, date(2030, 1, 1), "a.txt"),
            Issue("2030-2", 2, 2030, 3, date(2030, 3, 1), "b.txt"),
        ],
        meetings=[
            Meeting(
                "frukostmöte-2030-02-08",
                "frukostmöte",
                date(2030, 2, 8),
                "Haninge",
                venue="Kulturhuset, Handen",
                topic="Samverkan",
                speakers=["Eva Ek"],
                breakfast="08:00",
                start="08:30",
                end="09:30",
                registration=Registration(deadline=date(2030, 2, 5), contact="anmalan@example.se"),
                sources=[NR1],
            ),
            Meeting(
                "frukostmöte-2030-03-22", "frukostmöte", date(2030, 3, 22), "Tyresö", topic="Bemötande", sources=[NR2]
            ),
        ],
        places=[
            PlacesReport(
                "MIA",
                date(2030, 2, 28),
                "i slutet av februari",
                [OpenPlace("Verkstaden", 3, "Arbetsträning"), OpenPlace("Kafé Linden", 4)],
                enrolled=55,
                contact="Resursråden",
                source=NR2,
            )
        ],
        contacts=[
            Contact(
                "Lena Lind",
                phone="08-123 45",
                roles=[Role("förbundschef", end=date(2030, 4, 1), source=NR2)],
                sources=[NR2],
            ),
            Contact(
                "Per Persson",
                roles=[Role("förbundschef", start=date(2030, 4, 1), note="tillträder i vår", source=NR2)],
                sources=[NR2],
            ),
            Contact(
                "Eva Berg",
                roles=[Role("socialchef", organisation="Tyresö kommun", source=NR2)],
                sources=[NR2],
            ),
        ],
        boards=[
            Board(
                2030,
                2033,
                [
                    BoardMember("ordförande", "Tyresö kommun", "Ola Ek", "M"),
                    BoardMember("ledamot", "Haninge kommun", "Kim Lund", "S"),
                ],
                source=NR2,
            )
        ],
    )


def test_dates_and_times_are_written_for_people() -> None:
    assert long_date(date(2018, 9, 28), "sv") == "fredag 28 september 2018"
    assert long_date(date(2018, 9, 28), "en") == "Friday 28 September 2018"
    assert clock("08:30") == "08.30"


def test_next_meeting_is_relative_to_today_and_cites_its_newsletter() -> None:
    answer = ask("next_meeting", Slots(), kb(), date(2030, 2, 1), "sv")
    assert "fredag 8 februari 2030" in answer.text
    assert "Kulturhuset, Handen" in answer.text and "08.30–09.30" in answer.text and "08.00" in answer.text
    assert "senast tisdag 5 februari 2030" in answer.text
    assert answer.text.endswith("Källa: Nyhetsbrev nr 1 2030")
    later = ask("next_meeting", Slots(), kb(), date(2030, 3, 10), "sv")
    assert "fredag 22 mars 2030" in later.text and "Tyresö" in later.text


def test_next_meeting_in_one_municipality() -> None:
    answer = ask("next_meeting", Slots(municipality="Tyresö"), kb(), date(2030, 3, 1), "en")
    assert "Friday 22 March 2030" in answer.text and "Source: Newsletter nr 2 2030" in answer.text
    assert [m.id for m in answer.meetings] == ["frukostmöte-2030-03-22"]


def test_nothing_upcoming_says_so_and_gives_the_latest_with_its_date() -> None:
    answer = ask("next_meeting", Slots(municipality="Haninge"), kb(), date(2030, 6, 1), "sv")
    assert "inte" in answer.text and "fredag 8 februari 2030" in answer.text


def test_a_meeting_without_times_gets_no_made_up_time() -> None:
    answer = ask("next_meeting", Slots(municipality="Tyresö"), kb(), date(2030, 3, 1), "sv")
    assert "Tid:" not in answer.text and "08." not in answer.text


def test_meetings_in_a_period_without_a_year_use_the_occurrence_that_has_meetings() -> None:
    when = When(text="mars", months=(3, 3))
    answer = ask("past_meetings", Slots(when=when), kb(), date(2031, 6, 1), "sv")
    assert "22 mars 2030" in answer.text
    coming = ask("upcoming_meetings", Slots(when=when), kb(), date(2031, 6, 1), "sv")
    assert "mars 2032" in coming.text and "inte" in coming.text


def test_meeting_details_answer_the_aspect_asked() -> None:
    answer = ask(
        "meeting_details",
        Slots(aspect="speakers", when=When("8 feb", day=8, months=(2, 2))),
        kb(),
        date(2030, 2, 1),
        "sv",
    )
    assert "Medverkande: Eva Ek" in answer.text
    missing = ask("meeting_details", Slots(aspect="speakers", municipality="Tyresö"), kb(), date(2030, 3, 1), "en")
    assert "names no speakers" in missing.text


def test_what_is_asked_of_a_meeting_held_already_says_it_was_held() -> None:
    venue = ask("meeting_details", Slots(aspect="venue", municipality="Haninge"), kb(), date(2030, 6, 1), "sv")
    assert venue.text.splitlines()[:2] == [
        "Frukostmöte fredag 8 februari 2030 i Haninge (mötet har redan varit):",
        "Plats: Kulturhuset, Handen",
    ]
    none = ask("meeting_details", Slots(aspect="speakers", municipality="Tyresö"), kb(), date(2030, 6, 1), "en")
    assert none.text.splitlines()[0] == (
        "Breakfast meeting Friday 22 March 2030 in Tyresö (this meeting has already taken place). "
        "The newsletter names no speakers."
    )


def test_open_places_give_counts_with_the_date_they_refer_to() -> None:
    answer = ask("open_places", Slots(), kb(), date(2030, 3, 5), "sv")
    assert "i slutet av februari 2030" in answer.text and "Totalt 7" in answer.text and "55 deltagare" in answer.text
    one = ask("open_places", Slots(provider="Verkstaden"), kb(), date(2030, 3, 5), "en")
    assert "Verkstaden had 3 open places" in one.text and "at the end of February 2030" in one.text
    assert "Resursråden" in one.text


def test_open_places_are_unknown_before_their_newsletter() -> None:
    answer = ask("open_places", Slots(), kb(), date(2030, 2, 1), "sv")
    assert "inte" in answer.text and "Verkstaden" not in answer.text


def test_as_of_phrase() -> None:
    assert as_of_phrase("i slutet av augusti", date(2018, 8, 31), "sv") == "i slutet av augusti 2018"
    assert as_of_phrase("i slutet av augusti", date(2018, 8, 31), "en") == "at the end of August 2018"


def test_role_holder_now_and_who_takes_over() -> None:
    before = ask("role_holder", Slots(role="förbundschef"), kb(), date(2030, 3, 5), "sv")
    assert "Lena Lind" in before.text and "1 april 2030" in before.text and "Per Persson" in before.text
    after = ask("role_holder", Slots(role="förbundschef"), kb(), date(2030, 5, 1), "sv")
    assert after.text.startswith("Förbundschef: Per Persson")


def test_a_role_in_another_municipality_than_the_one_asked_about_is_not_its_holder() -> None:
    asked = ask("role_holder", Slots(role="socialchef", municipality="Haninge"), kb(), date(2030, 3, 5), "sv")
    assert not asked.answered and "Eva Berg" not in asked.text and "socialchef i Haninge" in asked.text
    own = ask("role_holder", Slots(role="socialchef", municipality="Tyresö"), kb(), date(2030, 3, 5), "sv")
    assert own.text.startswith("Socialchef: Eva Berg")
    chief = ask("role_holder", Slots(role="förbundschef", municipality="Haninge"), kb(), date(2030, 5, 1), "sv")
    assert chief.text.startswith("Förbundschef: Per Persson")  # the federation's own roles serve every municipality


def test_contacts_asked_for_at_a_project_are_only_those_the_newsletters_tie_to_it() -> None:
    answer = ask("person", Slots(project="Jobbstegen"), kb(), date(2030, 3, 5), "sv")
    assert not answer.answered and answer.text == "Nyhetsbreven ger ingen kontakt hos Jobbstegen."
    everyone = ask("person", Slots(), kb(), date(2030, 3, 5), "sv")
    assert "Lena Lind" in everyone.text


def test_the_chair_comes_from_the_board() -> None:
    answer = ask("role_holder", Slots(role="ordförande"), kb(), date(2030, 3, 5), "en")
    assert "Ola Ek (M)" in answer.text and "Kim Lund" not in answer.text


def test_a_seat_no_one_holds_is_answered_as_vacant_with_what_the_newsletter_says_of_it() -> None:
    members = [
        BoardMember("ordförande", "Tyresö kommun", "Ola Ek", "M"),
        BoardMember("vice ordförande", "Region Stockholm", vacancy="Utses i februari"),
        BoardMember("ledamot", "Haninge kommun", vacancy="Vakant – utses i juni"),
        BoardMember("ersättare", "Haninge kommun", vacancy="vakant"),
    ]
    base = kb()
    base.boards = [Board(2030, 2033, members, source=NR2)]
    swedish = ask("board", Slots(), base, date(2030, 3, 5), "sv").text.splitlines()
    assert swedish[2:5] == [
        "• Vakant (Utses i februari), vice ordförande, Region Stockholm",
        "• Vakant (utses i juni), ledamot, Haninge kommun",
        "• Vakant, ersättare, Haninge kommun",
    ]
    vice = ask("board", Slots(position="vice ordförande"), base, date(2030, 3, 5), "en").text.splitlines()
    assert vice[0] == "Vice chair: vacant (»Utses i februari«), Region Stockholm"


def test_a_number_or_address_asked_for_that_the_newsletters_lack_is_said_to_be_lacking() -> None:
    no_email = ask("person", Slots(person="Lena Lind", reach="email"), kb(), date(2030, 3, 5), "sv")
    assert no_email.text.splitlines()[:3] == [
        "Nyhetsbreven anger ingen e-postadress till Lena Lind.",
        "Lena Lind – förbundschef (till måndag 1 april 2030)",
        "Telefon 08-123 45",
    ]
    phone = ask("person", Slots(person="Lena Lind", reach="phone"), kb(), date(2030, 3, 5), "en")
    assert phone.text.splitlines()[0].startswith("Lena Lind – chief of the federation")


def test_asks_which_municipality_when_the_question_depends_on_it() -> None:
    answer = ask("next_meeting", Slots(ask_place=True), kb(), date(2030, 3, 1), "sv")
    assert answer.choices == ["Haninge", "Nynäshamn", "Tyresö"] and "Vilken kommun" in answer.text


def test_unknown_offers_what_the_bot_can_answer() -> None:

    answer = greeting.unknown("en", load_catalogue())
    assert "don't know" in answer.text and "open places" in answer.text.lower() and not answer.answered
    with_examples = greeting.unknown("sv", load_catalogue(), kb=kb())
    assert len(with_examples.text.splitlines()) <= 6 and "hjälp" in with_examples.text
    assert sum(line.startswith("• ") for line in with_examples.text.splitlines()) <= greeting.UNKNOWN_EXAMPLES


def test_reminder_text_has_date_time_venue_topic_and_registration() -> None:
    meeting = kb().meetings[0]
    text = meetings.reminder_text(meeting, kb(), "sv")
    for fact in (
        "fredag 8 februari 2030",
        "08.30",
        "Kulturhuset, Handen",
        "Samverkan",
        "anmalan@example.se",
        "Källa: Nyhetsbrev nr 1 2030",
    ):
        assert fact in text
    english = meetings.reminder_text(kb().meetings[1], kb(), "en")
    assert "Friday 22 March 2030" in english and "Bemötande" in english
