"""Inline keyboard presses: answers, (un)subscribing, "remind me", watching open places, the calendar file.

Callback data comes from the person's client and may be stale (a keyboard from last month) or
forged: every argument is checked again here, as if typed.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.knowledge.query import meeting_by_id
from bot.nlu.question import Slots
from bot.ops.logging import log_event
from bot.state import ALL
from bot.telegram import keyboards, place_watches
from bot.telegram.forget import forget_chat
from bot.telegram.ics import ics_filename, meeting_ics
from bot.telegram.municipalities import municipalities, resolve_place
from bot.telegram.replies import Send, lang_of, record_chat_id, send_reply, send_text
from bot.telegram.services import Services, services
from bot.telegram.subscriptions import subscribe_chat, unsubscribe_chat, watch_meeting
from bot.telegram.update_log import note_intent
from bot.texts import say

log = logging.getLogger(__name__)

MAX_TOAST = 200  # characters, Telegram's limit for answerCallbackQuery


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:  # the handler is registered for button presses only
        return
    toast: str | None = None
    try:
        try:
            action, args = keyboards.parse(query.data)
        except keyboards.BadButton as bad:  # nothing is done for it but stopping the spinner
            log_event(log, "button_rejected", reason=bad.reason, data_bytes=len((query.data or "").encode()))
            toast = say(lang_of(update, services(context)), "button_stale")
            return
        toast = await _press(update, context, query, action, args)
    finally:  # even when the press failed: an unanswered button keeps spinning in the client
        try:
            await query.answer(toast[:MAX_TOAST] if toast else None)
        except TelegramError as error:  # e.g. "query is too old" after a restart
            log.info("could not answer a button press: %s", error)


async def _press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, action: str, args: list[str]
) -> str | None:
    """Do what the button says (its data already checked by keyboards.parse); returns the toast, if any."""
    svc = services(context)
    lang = lang_of(update, svc)
    chat_id = update.effective_chat.id if update.effective_chat else query.from_user.id
    record_chat_id(svc, chat_id, lang)
    note_intent(context, args[0] if action == keyboards.ASK and args else action)
    send = _sender(context, chat_id, query)
    if action == keyboards.ASK and len(args) == 2:
        intent, place = args
        slots = Slots(municipality=place) if place and place != ALL else Slots()
        await send_reply(
            send, svc.engine.answer_intent(intent, slots, today=svc.today(), chat=str(chat_id), lang=lang), lang
        )
    elif action == keyboards.QUESTION and args:
        await send_reply(
            send, svc.engine.answer(args[0], today=svc.today(), chat=str(chat_id), lang=lang, now=svc.now()), lang
        )
    elif action == keyboards.MENU_SUBSCRIBE:
        text = say(lang, "choose_subscription", time=svc.settings.reminder_time.strftime("%H:%M"))
        await send_text(send, text, keyboards.places(keyboards.SUBSCRIBE, municipalities(), lang, with_all=True))
    elif action == keyboards.SUBSCRIBE and args and (chosen := resolve_place(args[0])):
        await subscribe_chat(chat_id, chosen, lang, context, send)
        await _retire_keyboard(query)
    elif action == keyboards.UNSUBSCRIBE and args:
        await send_text(send, unsubscribe_chat(chat_id, args[0], lang, context))
        await _retire_keyboard(query)
    elif action == keyboards.FORGET and args:
        await send_text(send, forget_chat(chat_id, args[0] == "yes", lang, context))
        await _retire_keyboard(query)
    elif action == keyboards.MENU_WATCH:
        text, choose = place_watches.watch(chat_id, "", lang, context)
        await send_text(send, text, choose)
    elif action == keyboards.WATCH and args:  # the name is checked against the newsletters, as if typed
        text, choose = place_watches.watch(chat_id, args[0], lang, context)
        if choose is not None:  # no longer known: the reply lists what is
            await send_text(send, text, choose)
            return None
        return text
    elif action == keyboards.UNWATCH and args:
        await send_text(send, place_watches.unwatch(chat_id, args[0], lang, context) or say(lang, "button_stale"))
        await _retire_keyboard(query)
    elif action == keyboards.REMIND and args:
        return watch_meeting(chat_id, args[0], lang, context)
    elif action == keyboards.CALENDAR and args:
        return await _send_calendar(chat_id, args[0], lang, context)
    return None


def _sender(context: ContextTypes.DEFAULT_TYPE, chat_id: int, query: CallbackQuery) -> Send:
    if isinstance(query.message, Message):
        return query.message.reply_text
    # The button sat under an inline-mode message in someone else's chat: answer in private.
    return functools.partial(context.bot.send_message, chat_id)


async def _retire_keyboard(query: CallbackQuery) -> None:
    """A chooser has done its job: take its buttons away so a second tap cannot repeat it."""
    if not isinstance(query.message, Message):
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest as error:  # e.g. "message is not modified" after a double tap
        log.info("could not remove a keyboard: %s", error)


async def _send_calendar(chat_id: int, meeting_id: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    svc = services(context)
    meeting = meeting_by_id(svc.engine.kb, svc.today(), meeting_id)
    if meeting is None:
        return say(lang, "meeting_gone")
    description = _reminder_description(meeting, svc, lang)
    data = meeting_ics(meeting, svc.engine.kb.organisation, svc.settings.timezone, svc.now(), description)
    await context.bot.send_document(
        chat_id, document=data, filename=ics_filename(meeting), caption=say(lang, "calendar_caption")
    )
    return None


def _reminder_description(meeting: Any, svc: Services, lang: str) -> str:
    try:
        return svc.reminders.render(meeting, svc.engine.kb, lang)
    except Exception:  # noqa: BLE001 -- a calendar file without a description is still useful
        log.exception("could not describe meeting %s", meeting.id)
        return ""
