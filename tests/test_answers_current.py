"""How current the knowledge is, on the five seed newsletters: the greeting and the help name the newest issue
known on the day answered, old open places, enrolment and roles say how old they are, and "no upcoming
meeting" says up to which issue the bot knows meetings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers import greeting, render
from bot.answers.bot_info import commands_help
from bot.answers.common import Answer
from bot.knowledge.model import KnowledgeBase
from bot.nlu.catalogue import load_catalogue
from bot.nlu.dates import When
from bot.nlu.question import Question, Slots

LATER = date(2026, 11, 23)  # everything the seeds say is years old
AUTUMN_2018 = date(2018, 9, 1)  # nr 5 2018 (August) is a month old
JUNE_2019 = date(2019, 6, 1)  # nr 5 2018 is ten months old, nr 1 2019 (January) five

AUGUST_2018 = {"sv": "(Obs: uppgift från augusti 2018", "en": "(Note: as of August 2018"}
JANUARY_2019 = {"sv": "(Obs: uppgift från januari 2019", "en": "(Note: as of January 2019"}
ANY_AGE = {"sv": "Obs: uppgift från", "en": "Note: as of"}


def ask(kb: KnowledgeBase, intent: str, today: date, lang: str, slots: Slots | None = None) -> Answer:
    return render.Answers(load_catalogue()).answer(Question(intent, slots or Slots()), kb, today, lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("intent", ["open_places", "enrolled"])
def test_open_places_and_enrolment_from_an_old_issue_say_how_old_they_are(seed_kb, intent, lang):
    for today in (LATER, JUNE_2019):
        answer = ask(seed_kb, intent, today, lang)
        assert AUGUST_2018[lang] in answer.text, (today, answer.text)
        assert answer.text.splitlines()[-1].startswith(("Källa", "Source"))  # the note comes before the source
    recent = ask(seed_kb, intent, AUTUMN_2018, lang)
    assert ANY_AGE[lang] not in recent.text
    assert "82" in recent.text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_one_providers_places_say_how_old_they_are_too(seed_kb, lang):
    old = ask(seed_kb, "open_places", JUNE_2019, lang, Slots(provider="Jobbverket"))
    assert "Jobbverket" in old.text and AUGUST_2018[lang] in old.text
    assert ANY_AGE[lang] not in ask(seed_kb, "open_places", AUTUMN_2018, lang, Slots(provider="Jobbverket")).text


def test_six_months_after_the_issue_is_not_yet_old_the_day_after_is(seed_kb):
    """nr 5 2018 counts from 1 August 2018: on 1 February 2019 it is six months old, a day later more."""
    assert ANY_AGE["sv"] not in ask(seed_kb, "open_places", date(2019, 2, 1), "sv").text
    assert AUGUST_2018["sv"] in ask(seed_kb, "open_places", date(2019, 2, 2), "sv").text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_role_from_an_old_issue_says_how_old_it_is(seed_kb, lang):
    chief = ask(seed_kb, "role_holder", LATER, lang, Slots(role="förbundschef"))
    assert "Anna Lexelius" in chief.text and JANUARY_2019[lang] in chief.text
    chair = ask(seed_kb, "role_holder", LATER, lang, Slots(role="ordförande"))
    assert "Agneta Tjärnhammar" in chair.text and JANUARY_2019[lang] in chair.text
    person = ask(seed_kb, "person", LATER, lang, Slots(person="Ritva Widgren"))
    assert JANUARY_2019[lang] in person.text
    # five months after nr 1 2019 the new chief is not old news
    assert ANY_AGE[lang] not in ask(seed_kb, "role_holder", JUNE_2019, lang, Slots(role="förbundschef")).text
    # in September 2018 the chief's leaving date, from nr 5 2018, is a month old
    autumn = ask(seed_kb, "role_holder", AUTUMN_2018, lang, Slots(role="förbundschef"))
    assert "Ritva Widgren" in autumn.text and ANY_AGE[lang] not in autumn.text


KNOWN = {
    "sv": "Jag känner till nyhetsbreven t.o.m. nr {number} {year} ({month}).",
    "en": "I know the newsletters up to nr {number} {year} ({month}).",
}


@pytest.mark.parametrize(
    ("today", "lang", "number", "year", "month"),
    [
        (LATER, "sv", 1, 2019, "januari 2019"),
        (LATER, "en", 1, 2019, "January 2019"),
        (AUTUMN_2018, "sv", 5, 2018, "augusti 2018"),
        (AUTUMN_2018, "en", 5, 2018, "August 2018"),
        (date(2017, 3, 15), "sv", 2, 2017, "mars 2017"),
    ],
)
def test_greeting_and_help_name_the_newest_issue_known_that_day(seed_kb, today, lang, number, year, month):
    known = KNOWN[lang].format(number=number, year=year, month=month)
    assert known in ask(seed_kb, "greeting", today, lang).text
    assert known in ask(seed_kb, "help", today, lang).text
    assert known in commands_help(lang, seed_kb, today)  # /hjalp


def test_before_the_first_issue_the_greeting_says_it_knows_none(seed_kb):
    text = ask(seed_kb, "greeting", date(2016, 1, 1), "sv").text
    assert "Jag känner inte till något nyhetsbrev ännu." in text and "t.o.m." not in text


def test_the_greetings_examples_name_only_what_is_known_that_day(seed_kb):
    """The open places (nr 5 2018) are unknown in 2017: no example asks about their providers."""
    assert "Bönorna" in ask(seed_kb, "greeting", AUTUMN_2018, "sv").text
    assert "Bönorna" not in ask(seed_kb, "greeting", date(2017, 6, 1), "sv").text
    assert "Bönorna" in greeting.unknown("sv", load_catalogue(), kb=seed_kb, today=AUTUMN_2018).text
    assert "Bönorna" not in greeting.unknown("sv", load_catalogue(), kb=seed_kb, today=date(2017, 6, 1)).text


MEETINGS_KNOWN = {
    "sv": "Jag känner till möten t.o.m. nyhetsbrev nr {number} {year} ({month}).",
    "en": "I know of meetings up to newsletter nr {number} {year} ({month}).",
}


@pytest.mark.parametrize(("lang", "month"), [("sv", "januari 2019"), ("en", "January 2019")])
@pytest.mark.parametrize("intent", ["next_meeting", "upcoming_meetings"])
def test_no_upcoming_meeting_says_up_to_which_issue_meetings_are_known(seed_kb, intent, lang, month):
    answer = ask(seed_kb, intent, LATER, lang)
    assert MEETINGS_KNOWN[lang].format(number=1, year=2019, month=month) in answer.text
    assert "24" in answer.text  # still the latest meeting known, 24 May 2019


def test_no_upcoming_meeting_in_a_municipality_names_the_issue_known_that_day(seed_kb):
    answer = ask(seed_kb, "next_meeting", date(2018, 11, 1), "sv", Slots(municipality="Tyresö"))
    assert MEETINGS_KNOWN["sv"].format(number=5, year=2018, month="augusti 2018") in answer.text
    assert "12 oktober 2018" in answer.text


def test_no_meeting_in_a_coming_period_says_it_too(seed_kb):
    answer = ask(seed_kb, "upcoming_meetings", JUNE_2019, "en", Slots(when=When(text="in May", months=(5, 5))))
    assert MEETINGS_KNOWN["en"].format(number=1, year=2019, month="January 2019") in answer.text


def test_an_upcoming_meeting_needs_no_such_line(seed_kb):
    answer = ask(seed_kb, "next_meeting", AUTUMN_2018, "sv")
    assert "fredag 21 september 2018" in answer.text and "Jag känner till möten" not in answer.text
