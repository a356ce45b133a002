"""Shared by the handlers: the person's language, sending an engine reply, the intent log note."""
from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import MessageLimit

from bot.telegram import keyboards
from bot.telegram.services import Services
from bot.telegram.texts import language_of

from bot.ops.update_log import note_intent

MAX_QUESTION = 500  # characters of a message given to the engine; the rest is noise or abuse

__all__ = ["MAX_QUESTION", "chat_key", "lang_of", "note_intent", "seen", "send_reply"]


def lang_of(update: Update, svc: Services) -> str:
    user = update.effective_user
    if user and user.language_code:
        return language_of(user.language_code)
    chat = update.effective_chat
    return (svc.repo.language(chat.id) if chat else None) or "sv"


def seen(update: Update, svc: Services) -> str:
    """Record the chat as active (and not blocking us); returns its language."""
    lang = lang_of(update, svc)
    if update.effective_chat:
        svc.repo.touch_user(update.effective_chat.id, lang)
    return lang


async def send_reply(message: Message, reply: Any, lang: str, extra_markup: InlineKeyboardMarkup | None = None) -> None:
    """An engine reply as one or more messages (Telegram's 4096-character limit), buttons on the last."""
    markup = keyboards.for_reply(reply, lang) or extra_markup
    chunks = _chunks(reply.text or "…")
    for index, chunk in enumerate(chunks):
        await message.reply_text(chunk, reply_markup=markup if index == len(chunks) - 1 else None)


def _chunks(text: str, size: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    chunks = []
    while len(text) > size:
        cut = text.rfind("\n", 0, size)
        cut = cut if cut > size // 2 else size
        chunks.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*chunks, text] if text else chunks


def chat_key(update: Update) -> str:
    return str(update.effective_chat.id) if update.effective_chat else "unknown"
