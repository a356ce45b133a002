"""Commands about the bot itself: every command (/hjalp), the menu, what the bot is (/om), what it
stores (/integritet), and the answer to a command it does not know."""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import ContextTypes

from bot.answers.bot_info import about_bot, commands_help, operator_of, privacy
from bot.telegram import keyboards
from bot.telegram.replies import lang_of, record_chat, send_text
from bot.telegram.services import Services, message_of, services
from bot.texts import say


async def _reply(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: Callable[[Services, str], str], menu: bool = False
) -> None:
    """Send `text(services, language)`, with the main menu's buttons under it if `menu`."""
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    await send_text(message_of(update).reply_text, text(svc, lang), keyboards.main_menu(lang) if menu else None)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every command, one line each, from the one list, and the newest newsletter known; the menu's buttons."""
    await _reply(update, context, lambda svc, lang: commands_help(lang, svc.engine.kb, svc.today()), menu=True)


async def menu_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply(update, context, lambda svc, lang: say(lang, "menu"), menu=True)


async def about_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply(
        update, context, lambda svc, lang: about_bot(svc.engine.kb, svc.today(), lang, operator_of(svc.settings))
    )


async def privacy_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply(update, context, lambda svc, lang: privacy(lang, operator_of(svc.settings)))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE, word: str) -> None:
    """A command no name of the list matches: say so, with the menu."""
    await _reply(update, context, lambda svc, lang: say(lang, "unknown_command", command=word), menu=True)
