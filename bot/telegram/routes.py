"""Every message that starts with "/", in any chat, to the handler of the command it names.

python-telegram-bot's CommandHandler matches only a-z, 0-9 and _: "/hjälp" and "/möten" never reach
it, and a command nobody registered gets no answer at all. Here the name is read by `bot.slash`
(folded, aliases from texts.yaml), so one list decides what every spelling means. In a group, a
command addressed to another bot ("/nasta@otherbot") is left alone, and so is an unknown "/word"
not addressed to this bot: it may be another bot's.
"""

from __future__ import annotations

from functools import cache

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.slash import read_slash
from bot.telegram import forget, handlers, info
from bot.telegram.handlers import Handler
from bot.telegram.services import message_of
from bot.texts import Command, commands

# command key (texts.yaml `commands:`) -> its handler; a command with an `intent:` needs none here
ROUTES: dict[str, Handler] = {
    "start": handlers.start,
    "help": info.help_command,
    "menu": info.menu_command,
    "subscribe": handlers.subscribe,
    "unsubscribe": handlers.unsubscribe,
    "mine": handlers.my_subscriptions,
    "watch": handlers.watch_places,
    "about": info.about_command,
    "privacy": info.privacy_command,
    "delete": forget.forget_command,
    "stop": handlers.stop,
    "reload": handlers.reload_command,
    "stats": handlers.stats_command,
}


def handler_for(command: Command) -> Handler | None:
    if command.key in ROUTES:
        return ROUTES[command.key]
    if command.intent:
        return _asking(command.intent, command.place)
    return None


@cache
def _asking(intent: str, place: bool) -> Handler:
    return handlers.intent_command(intent, takes_place=place)


def unrouted() -> list[str]:
    """Keys of the command list that nothing answers (a test keeps this empty)."""
    return [command.key for command in commands() if handler_for(command) is None]


async def route(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = message_of(update)
    slash = read_slash(message.text or "")
    if slash is None:  # the handler's filter lets only "/…" texts through
        return
    if slash.bot is not None and slash.bot.lower() != (context.bot.username or "").lower():
        return
    handler = handler_for(slash.command) if slash.command else None
    if handler is None:
        if message.chat.type == ChatType.PRIVATE or slash.bot is not None:
            await info.unknown_command(update, context, slash.word)
        return
    context.args = slash.args
    await handler(update, context)
