"""The bot's greeting, its help and its honest "I don't know", with example questions from the knowledge base
as known on the day answered; the greeting and the help name the newest newsletter known that day."""

from __future__ import annotations

from datetime import date

from bot.answers import meetings
from bot.answers.common import Answer, known_through
from bot.answers.words import capital
from bot.knowledge import query
from bot.knowledge.model import KnowledgeBase
from bot.nlu.catalogue import Catalogue
from bot.texts import examples, say

UNKNOWN_EXAMPLES = 3


def _name(kb: KnowledgeBase, lang: str) -> str:
    return kb.organisation.name or say(lang, "the_federation")


def example_questions(kb: KnowledgeBase, today: date, lang: str) -> str:
    """Example questions naming a municipality, a provider and a project the base knows on `today`."""
    latest = query.latest_places(kb, today)
    projects = query.as_of(kb, today).projects
    names = {
        "municipality": next(iter(meetings.municipalities()), None),
        "provider": latest.places[0].provider if latest and latest.places else None,
        "project": projects[0].name if projects else None,
    }
    usable = [e for e in examples(lang) if all(names[key] for key in names if "{" + key + "}" in e)]
    return "\n".join(f"• {example.format(**names)}" for example in usable)


def greeting(kb: KnowledgeBase, today: date, lang: str) -> str:
    """/start: what the bot answers, example questions, and the newest newsletter it knows on `today`."""
    text = say(lang, "greeting", name=_name(kb, lang), examples=example_questions(kb, today, lang))
    return f"{text}\n\n{known_through(kb, today, lang)}"


def topics(lang: str, catalogue: Catalogue | None) -> str:
    if catalogue is None:
        return ""
    return "\n".join(
        f"• {capital(intent.description.get(lang, intent.name))}"
        for intent in catalogue.intents.values()
        if intent.suggest
    )


def help_text(kb: KnowledgeBase, today: date, lang: str, catalogue: Catalogue | None) -> str:
    """ "hjälp": what the bot answers, examples, the newest newsletter it knows on `today`, where the commands are."""
    text = say(lang, "help", topics=topics(lang, catalogue), examples=example_questions(kb, today, lang))
    return f"{text}\n\n{known_through(kb, today, lang)}\n{say(lang, 'help_commands')}"


def unknown(
    lang: str,
    catalogue: Catalogue | None,
    maybe: list[str] | None = None,
    kb: KnowledgeBase | None = None,
    today: date | None = None,
) -> Answer:
    """An honest "I don't know", short enough for a phone: what the bot covers, three examples (from what
    is known on `today`; without it, from the whole base) and where the full list is ("hjälp")."""
    shown = example_questions(kb, today or date.max, lang).splitlines()[:UNKNOWN_EXAMPLES] if kb else []
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
