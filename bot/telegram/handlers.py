"""Commands and messages to engine calls and back. Thin: no knowledge and no wording of answers here."""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.state import ALL
from bot.telegram import keyboards
from bot.telegram.places import municipalities, place_label, resolve_place
from bot.telegram.replies import MAX_QUESTION, chat_key, note_intent, seen, send_reply
from bot.telegram.services import Services, services
from bot.telegram.subscriptions import subscribe_chat, unsubscribe_chat
from bot.telegram.texts import t

log = logging.getLogger(__name__)


# commands that are questions


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    reply = svc.engine.answer_intent("greeting", {}, today=svc.today(), chat=chat_key(update), lang=lang)
    note_intent(context, "greeting")
    await update.effective_message.reply_text(reply.text, reply_markup=keyboards.main_menu(lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    reply = svc.engine.answer_intent("help", {}, today=svc.today(), chat=chat_key(update), lang=lang)
    note_intent(context, "help")
    await send_reply(update.effective_message, reply, lang, keyboards.main_menu(lang))


def intent_command(intent: str, takes_place: bool = True) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
    """A command that asks the engine one intent, with an optional municipality argument."""
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        svc = services(context)
        lang = seen(update, svc)
        note_intent(context, intent)
        slots: dict[str, Any] = {}
        argument = " ".join(context.args or [])[:100]
        if takes_place and argument:
            place = resolve_place(argument)
            if place is None:
                markup = keyboards.places(keyboards.ASK, municipalities(), lang, intent=intent)
                await update.effective_message.reply_text(t(lang, "unknown_place", place=argument), reply_markup=markup)
                return
            if place != ALL:
                slots["municipality"] = place
        reply = svc.engine.answer_intent(intent, slots, today=svc.today(), chat=chat_key(update), lang=lang)
        await send_reply(update.effective_message, reply, lang)

    handle.__name__ = f"command_{intent}"
    return handle


# subscriptions


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    note_intent(context, "subscribe")
    argument = " ".join(context.args or [])[:100]
    message = update.effective_message
    if not argument:
        text = t(lang, "choose_subscription", time=svc.settings.reminder_time.strftime("%H:%M"))
        await message.reply_text(text, reply_markup=keyboards.places(keyboards.SUBSCRIBE, municipalities(), lang, with_all=True))
        return
    place = resolve_place(argument)
    if place is None:
        markup = keyboards.places(keyboards.SUBSCRIBE, municipalities(), lang, with_all=True)
        await message.reply_text(t(lang, "unknown_place", place=argument), reply_markup=markup)
        return
    await message.reply_text(subscribe_chat(update.effective_chat.id, place, lang, context))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    note_intent(context, "unsubscribe")
    chat_id = update.effective_chat.id
    argument = " ".join(context.args or [])[:100]
    message = update.effective_message
    if not argument:
        current = svc.repo.subscriptions_of(chat_id)
        if not current and not svc.repo.watches_of(chat_id):
            await message.reply_text(t(lang, "no_subscriptions"))
            return
        markup = keyboards.places(keyboards.UNSUBSCRIBE, [p for p in current if p != ALL], lang, with_all=True)
        await message.reply_text(t(lang, "choose_unsubscribe"), reply_markup=markup)
        return
    place = resolve_place(argument)
    await message.reply_text(unsubscribe_chat(chat_id, place or argument, lang, context))


async def my_subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    chat_id = update.effective_chat.id
    places = svc.repo.subscriptions_of(chat_id)
    watches = svc.repo.watches_of(chat_id)
    lines = []
    if places:
        lines.append(t(lang, "subscriptions", places=", ".join(place_label(p, lang) for p in places)))
    if watches:
        lines.append(t(lang, "watches", meetings=", ".join(watches)))
    await update.effective_message.reply_text("\n".join(lines) or t(lang, "no_subscriptions"))


# admin


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    if not _is_admin(update, svc):
        await update.effective_message.reply_text(t(lang, "admin_only"))
        return
    try:
        engine = svc.load_engine()
    except Exception as error:  # noqa: BLE001 -- a broken new base must not take the bot down
        log.exception("reload failed")
        await update.effective_message.reply_text(t(lang, "reload_failed", error=str(error)[:300]))
        return
    svc.engine = engine
    jobs = svc.reminders.reschedule(context.job_queue)
    log.info("knowledge base reloaded by %s; %d reminder times", update.effective_user.id, jobs)
    text = t(lang, "reloaded", meetings=len(engine.kb.meetings), issues=len(engine.kb.issues), jobs=jobs)
    await update.effective_message.reply_text(text)


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    if not _is_admin(update, svc):
        await update.effective_message.reply_text(t(lang, "admin_only"))
        return
    stats = svc.repo.stats()
    by_place = ", ".join(f"{place_label(p, lang)}: {n}" for p, n in stats.active_subscriptions.items())
    await update.effective_message.reply_text(t(
        lang, "stats", users=stats.users, blocked=stats.blocked_users, subscriptions=stats.subscribers,
        by_place=f"({by_place})" if by_place else "", watches=stats.meeting_watches, sent=stats.reminders_sent,
        failed=stats.reminders_failed, uncertain=stats.reminders_uncertain,
    ))


def _is_admin(update: Update, svc: Services) -> bool:
    user = update.effective_user
    return svc.settings.is_admin(user.id if user else None)


# free text, buttons, inline mode, everything else


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    message = update.effective_message
    question = message.text or ""
    reply = svc.engine.answer(
        question[:MAX_QUESTION], today=svc.today(), chat=chat_key(update), lang=None, now=svc.now()
    )
    note_intent(context, reply.intent)
    if len(question) > MAX_QUESTION:
        reply.text = f"{reply.text}\n\n{t(reply.lang, 'too_long')}"
    await send_reply(message, reply, reply.lang or lang)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = seen(update, svc)
    await update.effective_message.reply_text(t(lang, "not_text"))
