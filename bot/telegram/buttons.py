"""Inline keyboard presses: answers, (un)subscribing, "remind me", and the calendar file."""
from __future__ import annotations

import logging
from typing import Any

from telegram import CallbackQuery, Message, Update
from telegram.constants import MessageLimit
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.knowledge.query import meeting_by_id
from bot.state import ALL
from bot.telegram import keyboards
from bot.telegram.ics import ics_filename, meeting_ics
from bot.telegram.places import municipalities
from bot.telegram.replies import lang_of, note_intent, send_reply
from bot.telegram.services import Services, services
from bot.telegram.subscriptions import subscribe_chat, unsubscribe_chat, watch_meeting
from bot.telegram.texts import t

log = logging.getLogger(__name__)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    query = update.callback_query
    lang = lang_of(update, svc)
    action, *args = keyboards.unpack(query.data)
    message = query.message if isinstance(query.message, Message) else None
    chat_id = update.effective_chat.id if update.effective_chat else query.from_user.id
    svc.repo.touch_user(chat_id, lang)
    toast: str | None = None
    note_intent(context, args[0] if action == keyboards.ASK and args else action)
    if action == keyboards.ASK and len(args) == 2:
        intent, place = args
        slots = {"municipality": place} if place and place != ALL else {}
        reply = svc.engine.answer_intent(intent, slots, today=svc.today(), chat=str(chat_id), lang=lang)
        await _answer_in_chat(context, chat_id, message, reply, lang)
    elif action == keyboards.QUESTION and args:
        reply = svc.engine.answer(args[0], today=svc.today(), chat=str(chat_id), lang=lang, now=svc.now())
        await _answer_in_chat(context, chat_id, message, reply, lang)
    elif action == keyboards.MENU_SUBSCRIBE:
        text = t(lang, "choose_subscription", time=svc.settings.reminder_time.strftime("%H:%M"))
        markup = keyboards.places(keyboards.SUBSCRIBE, municipalities(), lang, with_all=True)
        await context.bot.send_message(chat_id, text, reply_markup=markup)
    elif action in (keyboards.SUBSCRIBE, keyboards.UNSUBSCRIBE) and args:
        change = subscribe_chat if action == keyboards.SUBSCRIBE else unsubscribe_chat
        await context.bot.send_message(chat_id, change(chat_id, args[0], lang, context))
        await _retire_keyboard(query)
    elif action == keyboards.REMIND and args:
        toast = watch_meeting(chat_id, args[0], lang, context)
    elif action == keyboards.CALENDAR and args:
        toast = await _send_calendar(chat_id, args[0], lang, context)
    else:
        log.info("unknown button data %r", query.data[:64] if query.data else None)
    await query.answer(toast[:200] if toast else None)


async def _retire_keyboard(query: CallbackQuery) -> None:
    """A chooser has done its job: take its buttons away so a second tap cannot repeat it."""
    if not isinstance(query.message, Message):
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest as error:  # e.g. "message is not modified" after a double tap
        log.info("could not remove a keyboard: %s", error)


async def _answer_in_chat(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message: Message | None, reply: Any, lang: str) -> None:
    if message is not None:
        await send_reply(message, reply, lang)
    else:  # the button sat under an inline-mode message we cannot reply to
        await context.bot.send_message(chat_id, reply.text[: MessageLimit.MAX_TEXT_LENGTH], reply_markup=keyboards.for_reply(reply, lang))


async def _send_calendar(chat_id: int, meeting_id: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    svc = services(context)
    meeting = meeting_by_id(svc.engine.kb, svc.today(), meeting_id)
    if meeting is None:
        return t(lang, "meeting_gone")
    description = _reminder_description(meeting, svc, lang)
    data = meeting_ics(meeting, svc.settings.timezone, svc.now(), description)
    await context.bot.send_document(chat_id, document=data, filename=ics_filename(meeting), caption=t(lang, "calendar_caption"))
    return None


def _reminder_description(meeting: Any, svc: Services, lang: str) -> str:
    try:
        return svc.reminders.render(meeting, svc.engine.kb, lang)
    except Exception:  # noqa: BLE001 -- a calendar file without a description is still useful
        log.exception("could not describe meeting %s", meeting.id)
        return ""
