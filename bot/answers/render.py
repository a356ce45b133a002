"""Intent + slots + knowledge + today + language -> the answer. Pure: nothing is read from the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.answers import bot_info, meetings, organisation, people, places, projects
from bot.answers.common import Answer
from bot.answers.greeting import greeting, help_text, unknown
from bot.knowledge.model import KnowledgeBase
from bot.nlu.catalogue import Catalogue
from bot.nlu.question import Question, Slots
from bot.texts import say

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
    "bot_reminders": bot_info.reminders_help,
    "thanks": lambda kb, today, lang, slots: Answer(say(lang, "thanks")),
}


class Answers:
    """Question + knowledge + today + language -> the answer, through one table of answer functions."""

    def __init__(self, catalogue: Catalogue | None = None, operator: bot_info.Operator | None = None) -> None:
        self.catalogue = catalogue
        self.operator = operator or bot_info.Operator()
        self.table: dict[str, AnswerFunction] = {
            **ANSWERS,
            "greeting": self.greeting,
            "help": self.help,
            "bot_about": self.bot_about,
            "bot_privacy": self.bot_privacy,
        }

    def answer(self, question: Question, kb: KnowledgeBase, today: date, lang: str) -> Answer:
        found = self.table.get(question.intent or "")
        if found is None:
            return unknown(lang, self.catalogue, kb=kb, today=today)
        return found(kb, today, lang, question.slots)

    def greeting(self, kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
        return Answer(greeting(kb, today, lang))

    def bot_about(self, kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
        """ "Vem driver boten?": what /om says."""
        return Answer(bot_info.about_bot(kb, today, lang, self.operator))

    def bot_privacy(self, kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
        """ "Vad sparar ni om mig?": what /integritet says."""
        return Answer(bot_info.privacy(lang, self.operator))

    def help(self, kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
        return Answer(help_text(kb, today, lang, self.catalogue))
