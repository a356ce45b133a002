"""Answers about the bot itself rather than the newsletters: its commands, what it is, what it stores,
and how reminders and watches are set up. Pure, like every answer: who runs the bot is passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.answers.common import Answer, known_through, newest_known
from bot.answers.words import long_date, month_year
from bot.knowledge import query
from bot.knowledge.model import Issue, KnowledgeBase
from bot.nlu.question import Slots
from bot.settings import Settings
from bot.texts import Command, command, commands, say

# the commands a question about reminders and watches is answered with, in this order
REMINDER_COMMANDS = ("subscribe", "unsubscribe", "mine", "watch")


@dataclass(frozen=True)
class Operator:
    """Who runs the bot (settings BOT_OPERATOR, BOT_OPERATOR_CONTACT); either may be unknown."""

    name: str | None = None
    contact: str | None = None


def operator_of(settings: Settings) -> Operator:
    """Who runs the bot, as BOT_OPERATOR and BOT_OPERATOR_CONTACT say: for /om and /integritet, everywhere."""
    return Operator(settings.operator, settings.operator_contact)


def command_line(found: Command, lang: str) -> str:
    return say(lang, "commands_line", name=found.name(lang), about=found.about[lang])


def commands_help(lang: str, kb: KnowledgeBase, today: date) -> str:
    """/hjalp: every command anyone may use, one line each, from the one list in texts.yaml, and the
    newest newsletter known on `today`."""
    lines = [command_line(found, lang) for found in commands() if found.listed]
    tail = [say(lang, "commands_tail"), "", known_through(kb, today, lang)]
    return "\n".join([say(lang, "commands_lead"), *lines, "", *tail])


def newest_issue(kb: KnowledgeBase, today: date) -> tuple[Issue | None, int]:
    """The newest newsletter published by `today`, and how many are."""
    return newest_known(kb, today), len(query.as_of(kb, today).issues)


def issue_month(issue: Issue, lang: str) -> str:
    return month_year(issue.published, lang)


def about_bot(kb: KnowledgeBase, today: date, lang: str, operator: Operator) -> str:
    """/om: what the bot is, the newsletters it has read, who runs it, that it answers only from them."""
    federation = kb.organisation.name or say(lang, "the_federation")
    newest, count = newest_issue(kb, today)
    read = say(lang, "about_no_newsletters")
    if newest:
        month = issue_month(newest, lang)
        read = say(lang, "about_newsletters", count=count, number=newest.number, year=newest.year, month=month)
    if operator.name and operator.contact:
        who = say(lang, "operator_with_contact", operator=operator.name, contact=operator.contact)
        runs = say(lang, "about_operator", operator=who)
    elif operator.name or operator.contact:
        runs = say(lang, "about_operator", operator=operator.name or operator.contact)
    else:
        runs = say(lang, "about_operator_unknown")
    return "\n\n".join([say(lang, "about_bot", federation=federation), read, runs, say(lang, "about_privacy")])


def privacy(lang: str, operator: Operator) -> str:
    """/integritet: what is stored about a chat, why, for how long, and how to delete it."""
    who = operator.name or say(lang, "privacy_operator_unknown")
    if operator.contact:
        who = say(lang, "operator_with_contact", operator=who, contact=operator.contact)
    return say(lang, "privacy", operator=who)


def console_today(today: date, lang: str) -> str:
    """The console's note of the day it answers for (the greeting before it names the newest newsletter
    known that day)."""
    return say(lang, "console_today", day=long_date(today, lang))


def reminders_help(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    """ "Hur prenumererar jag på påminnelser?": the commands for reminders and watches, with the
    municipality asked about filled in."""
    lines = [say(lang, "reminders_lead"), *(f"• {command_line(command(key), lang)}" for key in REMINDER_COMMANDS)]
    if slots.municipality:
        lines.append(say(lang, "reminders_example", place=slots.municipality, command=command("subscribe").name(lang)))
    lines.append(say(lang, "reminders_newsletter"))
    return Answer("\n".join(lines))
