"""The application's error handler: log with context (never message text), tell the person."""
from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.telegram.replies import lang_of
from bot.telegram.services import services
from bot.telegram.texts import t

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log what failed with enough context to find it, without message text; tell the person if possible."""
    details: dict[str, Any] = {}
    if isinstance(update, Update):
        details = {
            "update_id": update.update_id,
            "chat": update.effective_chat.id if update.effective_chat else None,
            "user": update.effective_user.id if update.effective_user else None,
            "kind": _kind(update),
        }
    log.error("error while handling an update %s", details, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat and update.effective_chat.type == "private":
        if isinstance(context.error, Forbidden):
            services(context).repo.mark_blocked(update.effective_chat.id)
            return
        try:
            await context.bot.send_message(update.effective_chat.id, t(lang_of(update, services(context)), "error"))
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


def _kind(update: Update) -> str:
    for name in ("message", "edited_message", "callback_query", "inline_query", "channel_post", "my_chat_member"):
        if getattr(update, name, None) is not None:
            return name
    return "other"
