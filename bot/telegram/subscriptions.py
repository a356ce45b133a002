"""Subscribing, unsubscribing and "remind me of this meeting", shared by commands and buttons."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.knowledge.query import meeting_by_id
from bot.schedule import meeting_start, reminder_at
from bot.state import ALL, CannotWrite
from bot.telegram.municipalities import place_label
from bot.telegram.replies import Send, send_text
from bot.telegram.services import job_queue, services
from bot.texts import language_of, say

log = logging.getLogger(__name__)


async def subscribe_chat(chat_id: int, place: str, lang: str, context: ContextTypes.DEFAULT_TYPE, send: Send) -> None:
    """Subscribe and confirm with `send`; a reminder already due follows the confirmation, never precedes it."""
    svc = services(context)
    when = svc.settings.reminder_time.strftime("%H:%M")
    try:
        added = svc.repo.subscribe(chat_id, place, lang)
    except CannotWrite:
        await send_text(send, say(lang, "cannot_save"))
        return
    if not added:
        await send_text(send, say(lang, "already_subscribed", place=place_label(place, lang)))
        return
    if place == ALL:
        await send_text(send, say(lang, "subscribed_all", time=when))
    else:
        await send_text(send, say(lang, "subscribed", place=place, time=when))
    svc.reminders.reschedule(job_queue(context))  # a late subscription may be due at once


def unsubscribe_chat(chat_id: int, place: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str:
    repo = services(context).repo
    try:
        if place == ALL:
            repo.unsubscribe(chat_id)
            return say(lang, "unsubscribed_all")
        if repo.unsubscribe(chat_id, place):
            return say(lang, "unsubscribed", place=place)
    except CannotWrite:
        return say(lang, "cannot_save")
    return say(lang, "not_subscribed", place=place)


def watch_meeting(chat_id: int, meeting_id: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str:
    svc = services(context)
    meeting = meeting_by_id(svc.engine.kb, svc.today(), meeting_id)
    now = svc.now()
    if meeting is None or now >= meeting_start(meeting, svc.settings.timezone):
        return say(lang, "meeting_gone")
    try:
        if not svc.repo.watch_meeting(chat_id, meeting_id, lang):
            return say(lang, "already_watching")
    except CannotWrite:
        return say(lang, "cannot_save")
    svc.reminders.reschedule(job_queue(context))
    if now >= reminder_at(meeting, svc.settings.timezone, svc.settings.reminder_time):
        return say(lang, "watching_soon")
    return say(lang, "watching", time=svc.settings.reminder_time.strftime("%H:%M"))


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Blocking the bot (or removing it from a group) ends that chat's subscriptions at once."""
    change = update.my_chat_member
    repo = services(context).repo
    try:
        if change and change.new_chat_member.status in ("kicked", "left"):
            ended = repo.mark_blocked(change.chat.id)
            log.info("chat %s removed the bot; %d subscriptions ended", change.chat.id, ended)
        elif change and change.new_chat_member.status == "member":
            repo.touch_user(change.chat.id, language_of(change.from_user.language_code))
    except CannotWrite:  # logged by the repository; a blocked chat's reminders fail with 403 and end then
        pass
