"""Commands and messages to engine calls and back. Thin: no knowledge and no wording of answers here."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.nlu.question import Slots
from bot.slash import argument as slash_argument
from bot.state import ALL
from bot.telegram import keyboards, place_watches
from bot.telegram.municipalities import municipalities, place_label, resolve_place
from bot.telegram.replies import (
    MAX_QUESTION,
    chat_key,
    lang_of,
    record_chat,
    send_reply,
    send_text,
)
from bot.telegram.services import chat_of, job_queue, message_of, services, user_of
from bot.telegram.subscriptions import subscribe_chat, unsubscribe_chat
from bot.telegram.update_log import note_intent
from bot.texts import say

log = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def _argument(context: ContextTypes.DEFAULT_TYPE) -> str:
    return slash_argument(context.args or [])


async def _say(update: Update, text: str, markup: Any = None) -> None:
    await send_text(message_of(update).reply_text, text, markup)


# commands that are questions


def intent_command(intent: str, takes_place: bool = True, menu: bool = False) -> Handler:
    """A command that asks the engine one intent, with an optional municipality argument;
    `menu` puts the main menu's buttons under the answer."""

    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        svc = services(context)
        lang = lang_of(update, svc)
        record_chat(update, svc, lang)
        note_intent(context, intent)
        slots = Slots()
        argument = _argument(context)
        if takes_place and argument:
            place = resolve_place(argument)
            if place is None:
                markup = keyboards.places(keyboards.ASK, municipalities(), lang, intent=intent)
                await _say(update, say(lang, "unknown_place", place=argument), markup)
                return
            if place != ALL:
                slots = Slots(municipality=place)
        reply = svc.engine.answer_intent(intent, slots, today=svc.today(), chat=chat_key(update), lang=lang)
        await send_reply(message_of(update).reply_text, reply, lang, keyboards.main_menu(lang) if menu else None)

    handle.__name__ = f"command_{intent}"
    return handle


start = intent_command("greeting", takes_place=False, menu=True)


# subscriptions


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    note_intent(context, "subscribe")
    argument = _argument(context)
    place = resolve_place(argument) if argument else None
    if place is None:
        choose = keyboards.places(keyboards.SUBSCRIBE, municipalities(), lang, with_all=True)
        when = svc.settings.reminder_time.strftime("%H:%M")
        text = say(lang, "unknown_place", place=argument) if argument else say(lang, "choose_subscription", time=when)
        await _say(update, text, choose)
        return
    await subscribe_chat(chat_of(update).id, place, lang, context, message_of(update).reply_text)


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    note_intent(context, "unsubscribe")
    chat_id = chat_of(update).id
    argument = _argument(context)
    if argument:
        place = resolve_place(argument)
        ended = place_watches.unwatch(chat_id, argument, lang, context) if place is None else None
        await _say(update, ended or unsubscribe_chat(chat_id, place or argument, lang, context))
        return
    current = svc.repo.subscriptions_of(chat_id)
    watched = svc.repo.place_watches_of(chat_id)
    if not current and not watched and not svc.repo.watches_of(chat_id):
        await _say(update, say(lang, "no_subscriptions"))
        return
    choose = keyboards.unsubscribe_choices([p for p in current if p != ALL], watched, lang)
    await _say(update, say(lang, "choose_unsubscribe"), choose)


async def stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stop: says what it does, then ends every reminder as /avsluta alla does."""
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    note_intent(context, "unsubscribe")
    chat_id = chat_of(update).id
    if svc.repo.subscriptions_of(chat_id) or svc.repo.watches_of(chat_id) or svc.repo.place_watches_of(chat_id):
        done = unsubscribe_chat(chat_id, ALL, lang, context)
    else:
        done = say(lang, "no_subscriptions")
    await _say(update, f"{say(lang, 'stop_says')}\n{done}")


async def my_subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    chat_id = chat_of(update).id
    places = svc.repo.subscriptions_of(chat_id)
    watches = svc.repo.watches_of(chat_id)
    watched_places = svc.repo.place_watches_of(chat_id)
    lines = []
    if places:
        lines.append(say(lang, "subscriptions", places=", ".join(place_label(p, lang) for p in places)))
    if watches:
        lines.append(say(lang, "watches", meetings=", ".join(watches)))
    if watched_places:
        lines.append(say(lang, "place_watches", names=", ".join(watched_places)))
    await _say(update, "\n".join(lines) or say(lang, "no_subscriptions"))


async def watch_places(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/bevaka Jobbverket`: hear of open places there when a new newsletter reports them."""
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    note_intent(context, "watch_places")
    text, choose = place_watches.watch(chat_of(update).id, _argument(context), lang, context)
    await _say(update, text, choose)


# admin


def admin_only(handler: Handler) -> Handler:
    """Others (not in BOT_ADMIN_IDS) get a polite refusal."""

    @functools.wraps(handler)
    async def checked(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        svc = services(context)
        user = update.effective_user
        if not svc.settings.is_admin(user.id if user else None):
            lang = lang_of(update, svc)
            record_chat(update, svc, lang)
            await _say(update, say(lang, "admin_only"))
            return
        await handler(update, context)

    return checked


@admin_only
async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    try:
        engine = await asyncio.to_thread(svc.load_engine)  # reading the YAML must not hold up other chats
    except Exception as error:  # noqa: BLE001 -- a broken new base must not take the bot down
        log.exception("reload failed")
        await _say(update, say(lang, "reload_failed", error=str(error)[:300]))
        return
    svc.engine = engine
    jobs = svc.reminders.reschedule(job_queue(context))
    log.info("knowledge base reloaded by %s; %d reminder times", user_of(update).id, jobs)
    text = say(lang, "reloaded", meetings=len(engine.kb.meetings), issues=len(engine.kb.issues), jobs=jobs)
    news = svc.alerts.check()
    if news:
        if svc.alerts.sending_hours():
            when = say(lang, "reload_news_now")
        else:
            when = say(lang, "reload_news_later", time=svc.alerts.hours[0].strftime("%H:%M"))
        text += "\n" + say(lang, "reload_news", meetings=len(news.meetings), places=len(news.places), when=when)
    await _say(update, text)
    svc.alerts.schedule(job_queue(context))  # sent in the background, after this answer


@admin_only
async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    stats = svc.repo.stats()
    by_place = ", ".join(f"{place_label(p, lang)}: {n}" for p, n in stats.active_subscriptions.items())
    await _say(
        update,
        say(
            lang,
            "stats",
            users=stats.users,
            blocked=stats.blocked_users,
            subscriptions=stats.subscribers,
            by_place=f"({by_place})" if by_place else "",
            watches=stats.meeting_watches,
            sent=stats.reminders_sent,
            failed=stats.reminders_failed,
            uncertain=stats.reminders_uncertain,
        ),
    )


# free text and everything else


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    question = message_of(update).text or ""
    reply = svc.engine.answer(
        question[:MAX_QUESTION], today=svc.today(), chat=chat_key(update), lang=None, now=svc.now()
    )
    note_intent(context, reply.intent)
    if len(question) > MAX_QUESTION:
        reply.text = f"{reply.text}\n\n{say(reply.lang, 'too_long')}"
    await send_reply(message_of(update).reply_text, reply, reply.lang or lang)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = lang_of(update, svc)
    record_chat(update, svc, lang)
    await _say(update, say(lang, "not_text"))
