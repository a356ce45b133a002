"""The application's error handler: log with context (never message text), tell the person."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.error import Forbidden, NetworkError, TelegramError
from telegram.ext import ContextTypes

from bot.state import CannotWrite
from bot.telegram.replies import lang_of
from bot.telegram.services import services
from bot.texts import say

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log what failed with enough context to find it, without message text; tell the person if possible."""
    if not isinstance(update, Update):
        log.error("error outside an update", exc_info=context.error)
        return
    chat = update.effective_chat
    private = chat is not None and chat.type == "private"
    if chat is not None and private and isinstance(context.error, Forbidden):  # blocked mid-conversation: not a bug
        try:
            ended = services(context).repo.mark_blocked(chat.id)
        except CannotWrite:  # logged by the repository; the next reminder's 403 ends them
            return
        log.info("chat %s blocked the bot while being answered; %d subscriptions ended", chat.id, ended)
        return
    details: dict[str, Any] = {
        "update_id": update.update_id,
        "chat": chat.id if chat else None,
        "user": update.effective_user.id if update.effective_user else None,
        "kind": _kind(update),
    }
    log.error("error while handling an update %s", details, exc_info=context.error)
    # After a network failure the answer may have arrived, and telling would fail the same way.
    if chat is not None and private and not isinstance(context.error, NetworkError):
        try:
            await context.bot.send_message(chat.id, say(lang_of(update, services(context)), "error"))
        except TelegramError:
            log.warning("could not tell chat %s about the error", chat.id)


def _kind(update: Update) -> str:
    for name in ("message", "edited_message", "callback_query", "inline_query", "channel_post", "my_chat_member"):
        if getattr(update, name, None) is not None:
            return name
    return "other"
