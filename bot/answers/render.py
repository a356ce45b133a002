"""Intent + slots + knowledge + today + language -> the answer. Pure: nothing is read from the clock."""
from __future__ import annotations

from datetime import date

from bot.answers import meetings, organisation, people, places
from bot.answers.common import Answer, with_source
from bot.answers.texts import EXAMPLES, say
from bot.answers.words import capital, long_date
from bot.knowledge.model import KnowledgeBase, Meeting
from bot.knowledge.vocabulary import load_vocabulary
from bot.nlu.catalogue import Catalogue

UNKNOWN_EXAMPLES = 3


# intents answered by one function of (kb, today, lang, slots), or of (kb, today, lang)
_ANSWERS_WITH_SLOTS = {
    "open_places": places.open_places,
    "role_holder": people.role_holder,
    "person": people.person,
    "federations": organisation.federations,
    "results": organisation.results,
    "newsletter_subscribe": organisation.newsletter_subscribe,
}
_ANSWERS = {
    "enrolled": places.enrolled,
    "propose_participant": places.propose,
    "contacts": people.contacts,
    "members": organisation.members,
    "newsletter_latest": organisation.newsletter_latest,
    "about": organisation.about,
}


def municipalities() -> list[str]:
    return list(load_vocabulary().municipalities)


def answer(intent: str, slots: dict, kb: KnowledgeBase, today: date, lang: str,
           catalogue: Catalogue | None = None) -> Answer:
    municipality, kind, when = slots.get("municipality"), slots.get("kind"), slots.get("when")
    if intent in ("next_meeting", "upcoming_meetings", "past_meetings", "meeting_details") and slots.get("ask_place") \
            and not municipality and not slots.get("meeting_id"):
        choices = municipalities()
        return Answer(say(lang, "which_municipality", choices=", ".join(choices) + "?"), choices=choices)
    if intent in ("next_meeting", "upcoming_meetings", "past_meetings") and slots.get("other_place") \
            and not municipality:
        choices = municipalities()
        return Answer(say(lang, "not_our_place", place=slots["other_place"], choices=", ".join(choices)),
                      choices=choices)
    if intent == "next_meeting":
        if when is not None and when.is_day:
            return meetings.details(kb, today, lang, slots)
        if when is not None:
            return meetings.in_period(kb, today, lang, municipality, kind, when, prefer="coming", only_next=True)
        return meetings.next_meeting(kb, today, lang, municipality, kind, slots.get("topic"))
    if intent == "upcoming_meetings":
        return meetings.upcoming(kb, today, lang, municipality, kind, when, slots.get("topic"))
    if intent == "past_meetings":
        return meetings.past(kb, today, lang, municipality, kind, when)
    if intent == "meeting_details":
        return meetings.details(kb, today, lang, slots)
    if intent in _ANSWERS_WITH_SLOTS:
        return _ANSWERS_WITH_SLOTS[intent](kb, today, lang, slots)
    if intent in _ANSWERS:
        return _ANSWERS[intent](kb, today, lang)
    if intent == "board":
        role = (slots.get("role") or "").lower()
        return people.board(kb, today, lang, {**slots, "position": role} if role in people.BOARD_POSITIONS else slots)
    if intent == "project":
        if not slots.get("project") and not slots.get("provider") and slots.get("person"):
            return people.person(kb, today, lang, slots)  # "när slutar Ritva?"
        return organisation.project(kb, today, lang, slots)
    if intent == "greeting":
        return Answer(greeting(kb, lang))
    if intent == "thanks":
        return Answer(say(lang, "thanks"))
    if intent == "help":
        return Answer(help_text(kb, lang, catalogue))
    return unknown(lang, catalogue, kb=kb)


def _name(kb: KnowledgeBase, lang: str) -> str:
    return kb.organisation.name or say(lang, "the_federation")


def examples(kb: KnowledgeBase, lang: str) -> str:
    """Example questions naming a municipality, a provider and a project the base knows."""
    latest = max(kb.places, key=lambda report: report.as_of, default=None)
    names = {
        "municipality": next(iter(municipalities()), None),
        "provider": latest.places[0].provider if latest and latest.places else None,
        "project": kb.projects[0].name if kb.projects else None,
    }
    usable = [e for e in EXAMPLES[lang] if all(names[key] for key in names if "{" + key + "}" in e)]
    return "\n".join(f"• {example.format(**names)}" for example in usable)


def greeting(kb: KnowledgeBase, lang: str) -> str:
    return say(lang, "greeting", name=_name(kb, lang), examples=examples(kb, lang))


def topics(lang: str, catalogue: Catalogue | None) -> str:
    if catalogue is None:
        return ""
    return "\n".join(f"• {capital(intent.description.get(lang, intent.name))}"
                     for intent in catalogue.intents.values() if intent.suggest)


def help_text(kb: KnowledgeBase, lang: str, catalogue: Catalogue | None) -> str:
    return say(lang, "help", topics=topics(lang, catalogue), examples=examples(kb, lang))


def unknown(lang: str, catalogue: Catalogue | None, maybe: list[str] | None = None,
            kb: KnowledgeBase | None = None) -> Answer:
    """An honest "I don't know", short enough for a phone: what the bot covers, three examples and
    where the full list is ("hjälp")."""
    shown = examples(kb, lang).splitlines()[:UNKNOWN_EXAMPLES] if kb else []
    text = say(lang, "unknown", examples="\n".join(shown)).replace("\n\n", "\n")
    if maybe and catalogue:
        options = [catalogue.intents[name].description.get(lang, name) for name in maybe
                   if name in catalogue.intents and catalogue.intents[name].suggest]
        if options:
            text = say(lang, "did_you_mean", options=" / ".join(f"\"{o}\"" for o in options)) + "\n\n" + text
    return Answer(text, answered=False)


def reminder_text(meeting: Meeting, kb: KnowledgeBase, lang: str) -> str:
    """The Telegram reminder: what, when, where, topic and how to register, with the source."""
    header = ("Påminnelse: " if lang == "sv" else "Reminder: ") + meetings.headline(meeting, lang) + "."
    lines = meetings.detail_lines(meeting, lang)
    if "time" not in lines and meeting.start is None:
        lines = {"when": ("Datum: " if lang == "sv" else "Date: ") + long_date(meeting.date, lang), **lines}
    return with_source([header, *lines.values()], kb, meeting.sources, lang)

