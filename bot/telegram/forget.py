"""/radera (/delete): after a confirm button, everything stored about the chat is deleted.

The rows go from every table with a `chat_id` column (Repository.forget_chat), the engine forgets the
chat's conversation, and the reminder wake-ups are rebuilt without it. Only counts are logged, never
the chat."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.ops.logging import log_event
from bot.state import CannotWrite
from bot.telegram import keyboards
from bot.telegram.replies import lang_of, record_chat, send_text
from bot.telegram.services import job_queue, message_of, services
from bot.telegram.update_log import note_intent
from bot.texts import say

log = logging.getLogger(__name__)


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask first: deleting cannot be undone."""
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    note_intent(context, "forget")
    await send_text(message_of(update).reply_text, say(lang, "forget_confirm"), keyboards.forget_confirm(lang))


def forget_chat(chat_id: int, confirmed: bool, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The answer to /radera's question (a button press, its data already checked): what to tell the chat."""
    if not confirmed:
        return say(lang, "forget_kept")
    svc = services(context)
    try:
        deleted = svc.repo.forget_chat(chat_id)
    except CannotWrite:
        return say(lang, "cannot_save")
    svc.engine.forget(str(chat_id), f"inline:{chat_id}")  # the chat's and (in private) the person's inline talk
    svc.reminders.reschedule(job_queue(context))
    log_event(log, "chat_forgotten", rows=sum(deleted.values()), tables=len(deleted))
    return say(lang, "forget_done")
