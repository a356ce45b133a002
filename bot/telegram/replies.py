"""Shared by the handlers: the person's language, sending a reply, the intent log note."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import MessageLimit
from telegram.error import NetworkError

from bot.state import CannotWrite
from bot.telegram import keyboards
from bot.telegram.network import may_have_arrived
from bot.telegram.services import Services
from bot.texts import language_of

log = logging.getLogger(__name__)

MAX_QUESTION = 500  # characters of a message given to the engine; the rest is noise or abuse
RETRY_PAUSE = 1.0  # seconds before the one retry of a reply that certainly did not reach Telegram

# `message.reply_text` (answers in the same chat and forum topic), or `partial(bot.send_message, chat_id)`.
Send = Callable[..., Awaitable[Any]]


def lang_of(update: Update, svc: Services) -> str:
    user = update.effective_user
    if user and user.language_code:
        return language_of(user.language_code)
    chat = update.effective_chat
    try:
        return (svc.repo.language(chat.id) if chat else None) or "sv"
    except sqlite3.Error:  # an unreadable database: Swedish, the bot's first language
        return "sv"


def record_chat(update: Update, svc: Services, lang: str) -> None:
    """Record the chat as active (and not blocking us) in `lang`."""
    if update.effective_chat:
        record_chat_id(svc, update.effective_chat.id, lang)


def record_chat_id(svc: Services, chat_id: int, lang: str) -> None:
    """A database that cannot be written now does not stop the answer (the repository logs it once)."""
    try:
        svc.repo.touch_user(chat_id, lang)
    except CannotWrite:
        pass


async def send_reply(send: Send, reply: Any, lang: str, extra_markup: InlineKeyboardMarkup | None = None) -> None:
    """An engine reply with its buttons (remind me, calendar, choices), else `extra_markup`."""
    await send_text(send, reply.text, keyboards.for_reply(reply, lang) or extra_markup)


async def send_text(send: Send, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """`text` as one or more messages (Telegram's 4096-character limit), the buttons under the last.

    A message that certainly did not reach Telegram (connection refused, 5xx) is tried once more:
    the person is waiting. One whose answer was lost may have arrived and is not repeated."""
    chunks = split_text(text or "…")
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        try:
            await send(chunk, reply_markup=markup if last else None)
        except NetworkError as error:
            if may_have_arrived(error):
                raise
            log.warning("a reply failed (%r); trying once more", error)
            await asyncio.sleep(RETRY_PAUSE)
            await send(chunk, reply_markup=markup if last else None)


def split_text(text: str, size: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Pieces of at most `size` UTF-16 code units (Telegram's measure), cut at a line break,
    else a space, in the second half of a piece."""
    chunks = []
    while _units(text) > size:
        cut = size
        while (excess := _units(text[:cut]) - size) > 0:  # characters outside the BMP (emoji) count twice
            cut -= (excess + 1) // 2
        for separator in ("\n", " "):
            at = text.rfind(separator, 0, cut)
            if at > cut // 2:
                cut = at
                break
        chunks.append(text[:cut])
        text = text[cut:].lstrip("\n ")
    return [*chunks, text] if text else chunks


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def chat_key(update: Update) -> str:
    return str(update.effective_chat.id) if update.effective_chat else "unknown"
