"""Intent + slots + knowledge + today + language -> the answer. Pure: nothing is read from the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.answers import meetings, organisation, people, places, projects
from bot.answers.common import Answer, with_source
from bot.answers.words import capital, long_date
from bot.knowledge.model import KnowledgeBase, Meeting
from bot.nlu.catalogue import Catalogue
from bot.nlu.question import Question, Slots
from bot.texts import examples, say

UNKNOWN_EXAMPLES = 3

AnswerFunction = Callable[[KnowledgeBase, date, str, Slots], Answer]

# intent -> the function that answers it; `Answers` adds those that need the phrase catalogue
ANSWERS: dict[str, AnswerFunction] = {
    "next_meeting": meetings.next_answer,
    "upcoming_meetings": meetings.upcoming_answer,
    "past_meetings": meetings.past_answer,
    "meeting_details": meetings.details_answer,
    "open_places": places.open_places,
    "enrolled": places.enrolled,
    "propose_participant": places.propose,
    "role_holder": people.role_holder,
    "person": people.person,
    "contacts": people.contacts,
    "board": people.board,
    "project": projects.project,
    "federations": organisation.federations,
    "results": organisation.results,
    "members": organisation.members,
    "newsletter_latest": organisation.newsletter_latest,
    "newsletter_subscribe": organisation.newsletter_subscribe,
    "about": organisation.about_us,
    "thanks": lambda kb, today, lang, slots: Answer(say(lang, "thanks")),
}


class Answers:
    """Question + knowledge + today + language -> the answer, through one table of answer functions."""

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue
        self.table: dict[str, AnswerFunction] = {**ANSWERS, "greeting": self.greeting, "help": self.help}

    def answer(self, question: Question, kb: KnowledgeBase, today: date, lang: str) -> Answer:
        found = self.table.get(question.intent or "")
        if found is None:
            return unknown(lang, self.catalogue, kb=kb)
        return found(kb, today, lang, question.slots)

    def greeting(self, kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
        return Answer(greeting(kb, lang))

    def help(self, kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
        return Answer(help_text(kb, lang, self.catalogue))


def _name(kb: KnowledgeBase, lang: str) -> str:
    return kb.organisation.name or say(lang, "the_federation")


def example_questions(kb: KnowledgeBase, lang: str) -> str:
    """Example questions naming a municipality, a provider and a project the base knows."""
    latest = max(kb.places, key=lambda report: report.as_of, default=None)
    names = {
        "municipality": next(iter(meetings.municipalities()), None),
        "provider": latest.places[0].provider if latest and latest.places else None,
        "project": kb.projects[0].name if kb.projects else None,
    }
    usable = [e for e in examples(lang) if all(names[key] for key in names if "{" + key + "}" in e)]
    return "\n".join(f"• {example.format(**names)}" for example in usable)


def greeting(kb: KnowledgeBase, lang: str) -> str:
    return say(lang, "greeting", name=_name(kb, lang), examples=example_questions(kb, lang))


def topics(lang: str, catalogue: Catalogue | None) -> str:
    if catalogue is None:
        return ""
    return "\n".join(
        f"• {capital(intent.description.get(lang, intent.name))}"
        for intent in catalogue.intents.values()
        if intent.suggest
    )


def help_text(kb: KnowledgeBase, lang: str, catalogue: Catalogue | None) -> str:
    return say(lang, "help", topics=topics(lang, catalogue), examples=example_questions(kb, lang))


def unknown(
    lang: str, catalogue: Catalogue | None, maybe: list[str] | None = None, kb: KnowledgeBase | None = None
) -> Answer:
    """An honest "I don't know", short enough for a phone: what the bot covers, three examples and
    where the full list is ("hjälp")."""
    shown = example_questions(kb, lang).splitlines()[:UNKNOWN_EXAMPLES] if kb else []
    text = say(lang, "unknown", examples="\n".join(shown)).replace("\n\n", "\n")
    if maybe and catalogue:
        options = [
            catalogue.intents[name].description.get(lang, name)
            for name in maybe
            if name in catalogue.intents and catalogue.intents[name].suggest
        ]
        if options:
            text = say(lang, "did_you_mean", options=" / ".join(f'"{o}"' for o in options)) + "\n\n" + text
    return Answer(text, answered=False)


def reminder_text(meeting: Meeting, kb: KnowledgeBase, lang: str) -> str:
    """The Telegram reminder: what, when, where, topic and how to register, with the source."""
    header = say(lang, "reminder_lead", meeting=meetings.headline(meeting, lang))
    lines = meetings.detail_lines(meeting, lang)
    if "time" not in lines and meeting.start is None:
        lines = {"when": say(lang, "date_label") + long_date(meeting.date, lang), **lines}
    return with_source([header, *lines.values()], kb, meeting.sources, lang)
