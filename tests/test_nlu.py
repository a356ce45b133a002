"""Understanding: normalising, dates, names from the knowledge base, intents with a threshold."""

from __future__ import annotations

from datetime import date

import pytest

from bot.knowledge.model import (
    Contact,
    Issue,
    KnowledgeBase,
    Meeting,
    OpenPlace,
    PlacesReport,
    Project,
    Role,
    Source,
)
from bot.nlu.catalogue import CatalogueError, load_catalogue, split_placeholders
from bot.nlu.dates import find_dates
from bot.nlu.normalise import normalise
from bot.nlu.question import Slots
from bot.nlu.understand import Understander

TODAY = date(2030, 3, 1)


def small_kb() -> KnowledgeBase:
    """A knowledge base of a newsletter the bot has never seen: other names, other places."""
    source = Source("2030-1")
    return KnowledgeBase(
        issues=[Issue("2030-1", 1, 2030, 1, date(2030, 1, 1), "x.txt")],
        meetings=[Meeting("frukostmöte-2030-03-15", "frukostmöte", date(2030, 3, 15), "Tyresö", sources=[source])],
        places=[
            PlacesReport(
                "MIA",
                date(2030, 1, 31),
                "i slutet av januari",
                [OpenPlace("Verkstaden", 3, "Arbetsträning"), OpenPlace("Kafé Linden", 4)],
                source=source,
            )
        ],
        contacts=[
            Contact(
                "Gunilla Berg", email="gunilla.berg@example.se", roles=[Role("ekonom", source=source)], sources=[source]
            )
        ],
        projects=[Project("Framsteget", aliases=["Steget"], sources=[source])],
    )


@pytest.fixture(scope="module")
def understander() -> Understander:
    return Understander(small_kb())


def test_normalise_keeps_the_words_that_carry_the_question() -> None:
    assert normalise("När är NÄSTA frukostmöte?") == ["nar", "ar", "nasta", "frukostmote"]


def test_numeric_dates_survive_folding() -> None:
    assert normalise("vem talar 28/9") == ["vem", "talar", "28", "september"]
    assert normalise("mötet 2019-02-01") == ["motet", "1", "februari", "2019"]


@pytest.mark.parametrize(
    ("text", "day", "months", "year"),
    [
        ("25 november", 25, (11, 11), None),
        ("hösten 2016", None, (8, 12), 2016),
        ("i maj", None, (5, 5), None),
        ("September 28th 2018", 28, (9, 9), 2018),
    ],
)
def test_dates_and_periods(text: str, day, months, year) -> None:
    [(_, _, when)] = find_dates(normalise(text), TODAY)
    assert (when.day, when.months, when.year) == (day, months, year)


def test_relative_periods_follow_today() -> None:
    [(_, _, when)] = find_dates(normalise("next week"), date(2018, 9, 19))
    assert (when.first, when.last) == (date(2018, 9, 24), date(2018, 9, 30))


def test_may_and_mars_are_only_months_in_context() -> None:
    assert find_dates(normalise("may I ask"), TODAY) == []
    assert find_dates(normalise("frukostmöten i mars"), TODAY)


def test_municipality_by_district_and_typo(understander: Understander) -> None:
    assert understander.parse("nästa frukostmöte i Jordbro", TODAY).slots.municipality == "Haninge"
    assert understander.parse("nasta frukostmote haninnge", TODAY).slots.municipality == "Haninge"
    assert understander.parse("next breakfast in tyreso", TODAY).slots.municipality == "Tyresö"
    # an ordinary word one letter from a district is not the district
    assert not understander.parse("vad hände på frukostmötet 5 april", TODAY).slots.municipality


def test_past_tense_asks_about_a_meeting_held(understander: Understander) -> None:
    assert understander.parse("vem talade 8 februari", TODAY).intent == "meeting_details"


def test_names_come_from_the_knowledge_base(understander: Understander) -> None:
    assert understander.parse("lediga platser på verkstaden", TODAY).slots.provider == "Verkstaden"
    assert understander.parse("vem är Gunilla Berg", TODAY).slots.person == "Gunilla Berg"
    assert understander.parse("vad är steget", TODAY).slots.project == "Framsteget"
    assert understander.parse("lediga platser jobbverket", TODAY).slots.provider is None


def test_role_titles_from_the_vocabulary(understander: Understander) -> None:
    assert understander.parse("vem är förbundschefen", TODAY).slots.role == "förbundschef"
    assert understander.parse("who is the chair", TODAY).slots.role == "ordförande"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("nasta frukostmote i tyreso", "next_meeting"),
        ("When is the next breakfast meeting?", "next_meeting"),
        ("lediga platser på Verkstaden", "open_places"),
        ("hur många deltagare är inskrivna", "enrolled"),
        ("vem är ekonom", "role_holder"),
        ("kontakter", "person"),  # not corrected to "kontaktar"
        ("hej", "greeting"),
    ],
)
def test_intents(understander: Understander, text: str, intent: str) -> None:
    assert understander.parse(text, TODAY).intent == intent


@pytest.mark.parametrize("text", ["what is the weather", "vad kostar en pizza", "asdfghjkl", "🙂", ""])
def test_unrelated_questions_match_no_intent(understander: Understander, text: str) -> None:
    assert understander.parse(text, TODAY).intent is None


def test_language_follows_the_question(understander: Understander) -> None:
    assert understander.parse("när är nästa möte", TODAY).lang == "sv"
    assert understander.parse("when is the next meeting", TODAY).lang == "en"
    short = understander.parse("Tyresö", TODAY, hint="en")
    assert (short.lang, short.lang_sure) == ("en", False)


def test_catalogue_is_data_with_placeholders() -> None:
    catalogue = load_catalogue()
    assert {"next_meeting", "open_places", "board", "help"} <= set(catalogue.intents)
    assert all(intent.phrases["sv"] and intent.phrases["en"] for intent in catalogue.intents.values())
    assert split_placeholders("nästa möte i {municipality}") == ["nästa möte i ", "<municipality>"]


def test_a_phrasing_added_to_the_catalogue_is_understood(tmp_path) -> None:
    catalogue = load_catalogue()
    assert Understander(small_kb(), catalogue).parse("fika snart", TODAY).intent != "next_meeting"
    catalogue.intents["next_meeting"].phrases["sv"].append("fika snart")
    assert Understander(small_kb(), catalogue).parse("fika snart", TODAY).intent == "next_meeting"


def test_a_phrasing_of_one_kind_of_meeting_teaches_the_others(tmp_path) -> None:
    catalogue = load_catalogue()
    catalogue.intents["upcoming_meetings"].phrases["sv"].append("frukostmötena framöver")
    understander = Understander(small_kb(), catalogue)
    parse = understander.parse("seminarierna framöver", TODAY)  # no phrasing names seminars so
    assert (parse.intent, parse.slots.kind) == ("upcoming_meetings", "seminarium")


def test_the_forms_of_the_kinds_of_meetings_must_line_up(tmp_path) -> None:
    from bot.nlu.catalogue import CatalogueError

    path = tmp_path / "phrases.yaml"
    path.write_text(
        "intents:\n  next_meeting:\n    sv: ['nästa möte']\n"
        "kind_forms:\n  - [frukostmöte, seminarium]\n  - [seminar]\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="kind_forms"):
        load_catalogue(path)


def test_a_misspelt_placeholder_in_the_catalogue_is_reported(tmp_path) -> None:
    from bot.nlu.catalogue import CatalogueError

    path = tmp_path / "phrases.yaml"
    path.write_text("intents:\n  next_meeting:\n    sv: ['nästa möte i {kommun}']\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="kommun"):
        load_catalogue(path)


def test_what_a_meeting_is_about_is_read_as_written(understander: Understander) -> None:
    parse = understander.parse("när är frukostmötet om Tillit", date(2018, 9, 1))
    assert parse.intent == "meeting_details" and parse.slots.topic == ("Tillit",)
    # a misspelt catalogue word after "om" is that word, not a topic; a name is a name
    assert understander.parse("info om frukstmötet", date(2018, 9, 1)).slots.topic == ()
    assert understander.parse("vad handlar det om", date(2018, 9, 1)).slots.topic == ()


def test_an_organisation_the_role_belongs_to_is_kept(understander: Understander) -> None:
    parse = understander.parse("vem är chef på Försäkringskassan?", date(2018, 9, 1))
    assert parse.slots.unknown_owner == "Försäkringskassan"


def test_a_word_slot_the_answers_do_not_know_is_refused_when_the_catalogue_loads() -> None:
    catalogue = load_catalogue()
    catalogue.word_slots["colour"] = {"rod": "red"}
    with pytest.raises(CatalogueError, match="word_slots: unknown slot 'colour'"):
        Understander(KnowledgeBase(), catalogue=catalogue)


def test_a_follow_up_replaces_the_subject_and_keeps_the_rest() -> None:
    asked = Slots(municipality="Haninge", kind="frukostmöte", ask_place=True, topic=("tillit",))
    assert asked.followed_by(Slots(municipality="Tyresö")) == Slots(municipality="Tyresö", kind="frukostmöte")
    assert asked.followed_by(Slots(aspect="speakers")) == Slots(
        municipality="Haninge", kind="frukostmöte", topic=("tillit",), aspect="speakers"
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hur prenumererar jag på påminnelser?", "bot_reminders"),
        ("kan jag bevaka lediga platser?", "bot_reminders"),
        ("how do I get notified about meetings", "bot_reminders"),  # a keyword, where no phrasing matched
        ("hur anmäler jag mig till påminnelser för Tyresö", "bot_reminders"),  # a keyword, the intent second
        ("hur prenumererar jag på nyhetsbrevet", "newsletter_subscribe"),  # the newsletter's own e-mail list
        ("prenumerera", "bot_reminders"),  # the bot's /prenumerera, typed without its slash
        ("I want to subscribe", "bot_reminders"),
        ("subscribe to the newsletter", "newsletter_subscribe"),
        ("remind me who the chair is", "role_holder"),  # a keyword, but the question is about a role
        ("påminnelse om frukostmötet 15/3, vem talar?", "meeting_details"),  # ... or about a day's meeting
    ],
)
def test_reminders_are_the_bots_own_unless_the_question_is_about_something_named(
    understander: Understander, text: str, intent: str
) -> None:
    assert understander.parse(text, TODAY).intent == intent


def test_a_keyword_for_an_intent_the_catalogue_lacks_is_reported(tmp_path) -> None:
    catalogue = tmp_path / "phrases.yaml"
    catalogue.write_text("intents:\n  greeting:\n    sv: [hej]\nkeywords:\n  reminders: [paminn*]\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="keywords: no intent 'reminders'"):
        load_catalogue(catalogue)


@pytest.mark.parametrize("text", ["vilka utförare finns?", "which providers are there"])
def test_the_providers_asked_for_are_those_of_the_open_places(understander: Understander, text: str) -> None:
    assert understander.parse(text, TODAY).intent == "open_places"


@pytest.mark.parametrize(
    ("text", "reach"),
    [
        ("vad har Ritva Widgren för telefonnummer", "phone"),
        ("what's her e-mail address", "email"),
        ("mejla", "email"),
        ("Annicas e-postadress", "email"),  # words joined by a hyphen: "e post*" over two tokens
        ("vilken besöksadress har Jobbverket", "address"),
        ("when are the opening hours", "hours"),
        ("hur kontaktar jag Ritva", "any"),
    ],
)
def test_the_means_of_reaching_someone_asked_for(understander: Understander, text: str, reach: str) -> None:
    assert understander.parse(text, TODAY).slots.reach == reach


def test_the_languages_own_little_words_are_never_typos(understander: Understander) -> None:
    # "hans" is a Swedish pronoun, not "has" misspelt; "yes" and "no" are English (not YAML's true and false)
    assert understander.parse("hans telefonnummer", TODAY).tokens[0] == "hans"
    assert understander.parse("yes please", TODAY).lang == "en"
