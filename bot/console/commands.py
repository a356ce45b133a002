"""Commands typed in the console ("/nästa Handen", "/om", "/foo"): the same list and spellings as in
Telegram (bot.slash), answered without Telegram. What needs Telegram's chat to keep (subscriptions,
watches, deleting them) says so instead of pretending not to know the command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.answers.bot_info import Operator, about_bot, commands_help, privacy
from bot.engine import Engine, Reply
from bot.nlu.question import Slots
from bot.slash import Slash, argument, resolve_place
from bot.state import ALL
from bot.texts import say

CHAT = "console"

# command key -> its answer here; every other command needs Telegram (a test keeps this list honest)
Answer = Callable[[Engine, date, str, Operator], str]
ANSWERS: dict[str, Answer] = {
    "start": lambda engine, today, lang, _: engine.answer_intent("greeting", today=today, chat=CHAT, lang=lang).text,
    "help": lambda engine, today, lang, _: commands_help(lang, engine.kb, today),
    "menu": lambda engine, today, lang, _: commands_help(lang, engine.kb, today),
    "about": lambda engine, today, lang, operator: about_bot(engine.kb, today, lang, operator),
    "privacy": lambda engine, today, lang, operator: privacy(lang, operator),
}
NEEDS_TELEGRAM = frozenset({"subscribe", "unsubscribe", "mine", "watch", "delete", "stop", "reload", "stats"})


def answer_command(slash: Slash, engine: Engine, today: date, lang: str | None, operator: Operator) -> Reply:
    """The console's answer to a typed command; `lang` None: the language of the name used."""
    reply_lang = lang or slash.lang or "sv"
    command = slash.command
    if command is None:
        return Reply(say(reply_lang, "console_unknown_command", command=slash.word), reply_lang, None, 0.0)
    if command.intent:
        return _ask(command.intent, command.place, slash.args, engine, today, reply_lang)
    found = ANSWERS.get(command.key)
    if found is not None:
        return Reply(found(engine, today, reply_lang, operator), reply_lang, None, 1.0)
    return Reply(say(reply_lang, "console_telegram_only", command=command.name(reply_lang)), reply_lang, None, 1.0)


def _ask(intent: str, takes_place: bool, args: list[str], engine: Engine, today: date, lang: str) -> Reply:
    """A command that asks a question, with a municipality as argument ("/nasta Handen", "/moten alla")."""
    slots = Slots()
    place = argument(args)
    vocabulary = engine.understander.vocabulary
    if takes_place and place:
        municipality = resolve_place(place, vocabulary)
        if municipality is None:
            known = list(vocabulary.municipalities)
            return Reply(say(lang, "unknown_place", place=place), lang, None, 0.0, choices=known)
        if municipality != ALL:
            slots = Slots(municipality=municipality)
    return engine.answer_intent(intent, slots, today=today, chat=CHAT, lang=lang)
