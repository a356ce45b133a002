"""One log line per update handled: its kind, the intent found, the latency; errors with the same context.

`install(application)` adds two handlers around everything else: one in the first group notes the
start, one in the last group writes the line. Handlers say what they understood with
`note_intent(context, intent)`; without it, commands and buttons are still named. Message text is
never logged.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

from bot.ops.logging import log_event
from bot.slash import read_slash
from bot.telegram.services import App

log = logging.getLogger("bot.updates")

FIRST_GROUP = -1000
LAST_GROUP = 1000
_errors: dict[int, BaseException] = {}  # id(update) -> the error a handler raised, until the line is written
_MAX_PENDING = 1000
_ACTION = re.compile(r"[a-z]{1,8}")  # the shape of bot.telegram.keyboards' action names


def install(application: App) -> None:
    application.add_handler(TypeHandler(Update, _started), group=FIRST_GROUP)
    application.add_handler(TypeHandler(Update, _finished), group=LAST_GROUP)
    application.add_error_handler(_remember_error)


def note_intent(context: ContextTypes.DEFAULT_TYPE, intent: str | None) -> None:
    """Call from a handler once it knows what the person asked for."""
    context.fedbot_intent = intent  # type: ignore[attr-defined]  # CallbackContext allows attributes


def describe(update: Update) -> dict[str, Any]:
    """What kind of update this is, in words that are safe to log (no message text)."""
    if update.callback_query:
        action = (update.callback_query.data or "").split("|", 1)[0]
        # The data is whatever the client sent: only an action-like word is named, never free text.
        return {"kind": "button", "button": action if _ACTION.fullmatch(action) else None}
    if update.inline_query:
        return {"kind": "inline"}
    if update.edited_message or update.edited_channel_post:
        return {"kind": "edited"}
    if update.channel_post:
        return {"kind": "channel_post"}
    message = update.message
    if message is None:
        return {"kind": "other"}
    where = None if message.chat.type == "private" else message.chat.type
    slash = read_slash(message.text) if message.text else None
    if slash is not None:
        # The command of the list it names, else "other": what people type after "/" is not logged.
        return {"kind": "command", "command": slash.command.key if slash.command else "other", "chat_type": where}
    return {"kind": "text" if message.text else "non_text", "chat_type": where}


async def _started(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    context.fedbot_started = time.perf_counter()  # type: ignore[attr-defined]


async def _finished(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    started = getattr(context, "fedbot_started", None)
    latency_ms = (time.perf_counter() - started) * 1000 if started is not None else None
    fields = {
        **describe(update),
        "intent": getattr(context, "fedbot_intent", None),
        "latency_ms": latency_ms,
        "update_id": update.update_id,
    }
    error = _errors.pop(id(update), None)
    if error is None:
        log_event(log, "update", **fields)
    else:
        # The traceback is logged by the application's own error handler; this line gives the context.
        log_event(log, "update_failed", logging.ERROR, **fields, error=type(error).__name__)


async def _remember_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    if isinstance(update, Update) and context.error is not None:
        if len(_errors) > _MAX_PENDING:  # only if the closing handler never ran; never grow without bound
            _errors.clear()
        _errors[id(update)] = context.error
