"""Telegram updates to engine calls and back. Thin: no knowledge and no wording of answers here."""
from __future__ import annotations

import logging
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import MessageLimit
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.knowledge.query import meeting_by_id
from bot.state import ALL
from bot.telegram import keyboards
from bot.telegram.ics import ics_filename, meeting_ics
from bot.telegram.places import municipalities, place_label, resolve_place
from bot.telegram.reminders import meeting_start, reminder_at
from bot.telegram.services import Services, services
from bot.telegram.texts import language_of, t

try:
    from bot.ops.update_log import note_intent
except ImportError:  # the ops logging is optional for the transport
    def note_intent(context: ContextTypes.DEFAULT_TYPE, intent: str | None) -> None:
        pass

log = logging.getLogger(__name__)

MAX_QUESTION = 500  # characters of a message given to the engine; the rest is noise or abuse
INLINE_RESULTS = 5


def _lang(update: Update, svc: Services) -> str:
    user = update.effective_user
    if user and user.language_code:
        return language_of(user.language_code)
    chat = update.effective_chat
    return (svc.repo.language(chat.id) if chat else None) or "sv"


def _seen(update: Update, svc: Services) -> str:
    lang = _lang(update, svc)
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


# commands that are questions


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = _seen(update, svc)
    reply = svc.engine.answer_intent("greeting", {}, today=svc.today(), chat=_chat(update), lang=lang)
    note_intent(context, "greeting")
    await update.effective_message.reply_text(reply.text, reply_markup=keyboards.main_menu(lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = _seen(update, svc)
    reply = svc.engine.answer_intent("help", {}, today=svc.today(), chat=_chat(update), lang=lang)
    note_intent(context, "help")
    await send_reply(update.effective_message, reply, lang, keyboards.main_menu(lang))


def intent_command(intent: str, takes_place: bool = True):
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        svc = services(context)
        lang = _seen(update, svc)
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
        reply = svc.engine.answer_intent(intent, slots, today=svc.today(), chat=_chat(update), lang=lang)
        await send_reply(update.effective_message, reply, lang)

    handle.__name__ = f"command_{intent}"
    return handle


# subscriptions


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = _seen(update, svc)
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
    await message.reply_text(_subscribe(update.effective_chat.id, place, lang, context))


def _subscribe(chat_id: int, place: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str:
    svc = services(context)
    when = svc.settings.reminder_time.strftime("%H:%M")
    if not svc.repo.subscribe(chat_id, place, lang):
        return t(lang, "already_subscribed", place=place_label(place, lang))
    svc.reminders.reschedule(context.job_queue)  # a late subscription may be due at once
    if place == ALL:
        return t(lang, "subscribed_all", time=when)
    return t(lang, "subscribed", place=place, time=when)


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = _seen(update, svc)
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
    await message.reply_text(_unsubscribe(chat_id, place or argument, lang, context))


def _unsubscribe(chat_id: int, place: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str:
    repo = services(context).repo
    if place == ALL:
        repo.unsubscribe(chat_id)
        return t(lang, "unsubscribed_all")
    if repo.unsubscribe(chat_id, place):
        return t(lang, "unsubscribed", place=place)
    return t(lang, "not_subscribed", place=place)


async def my_subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = _seen(update, svc)
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
    lang = _seen(update, svc)
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
    lang = _seen(update, svc)
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
    lang = _seen(update, svc)
    message = update.effective_message
    question = message.text or ""
    reply = svc.engine.answer(
        question[:MAX_QUESTION], today=svc.today(), chat=_chat(update), lang=None, now=svc.now()
    )
    note_intent(context, reply.intent)
    if len(question) > MAX_QUESTION:
        reply.text = f"{reply.text}\n\n{t(reply.lang, 'too_long')}"
    await send_reply(message, reply, reply.lang or lang)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    lang = _seen(update, svc)
    await update.effective_message.reply_text(t(lang, "not_text"))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    query = update.callback_query
    lang = _lang(update, svc)
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
    elif action == keyboards.SUBSCRIBE and args:
        toast = _subscribe(chat_id, args[0], lang, context)
        await context.bot.send_message(chat_id, toast)
    elif action == keyboards.UNSUBSCRIBE and args:
        toast = _unsubscribe(chat_id, args[0], lang, context)
        await context.bot.send_message(chat_id, toast)
    elif action == keyboards.REMIND and args:
        toast = _watch(chat_id, args[0], lang, context)
    elif action == keyboards.CALENDAR and args:
        toast = await _send_calendar(chat_id, args[0], lang, context)
    else:
        log.info("unknown button data %r", query.data[:64] if query.data else None)
    await query.answer(toast[:200] if toast else None)


async def _answer_in_chat(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message: Message | None, reply: Any, lang: str) -> None:
    if message is not None:
        await send_reply(message, reply, lang)
    else:  # the button sat under an inline-mode message we cannot reply to
        await context.bot.send_message(chat_id, reply.text[: MessageLimit.MAX_TEXT_LENGTH], reply_markup=keyboards.for_reply(reply, lang))


def _watch(chat_id: int, meeting_id: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str:
    svc = services(context)
    meeting = meeting_by_id(svc.engine.kb, svc.today(), meeting_id)
    now = svc.now()
    if meeting is None or now >= meeting_start(meeting, svc.settings.timezone):
        return t(lang, "meeting_gone")
    if not svc.repo.watch_meeting(chat_id, meeting_id, lang):
        return t(lang, "already_watching")
    svc.reminders.reschedule(context.job_queue)
    if now >= reminder_at(meeting, svc.settings.timezone, svc.settings.reminder_time):
        return t(lang, "watching_soon")
    return t(lang, "watching", time=svc.settings.reminder_time.strftime("%H:%M"))


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


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    query = update.inline_query
    lang = language_of(query.from_user.language_code if query.from_user else None)
    question = (query.query or "").strip()[:MAX_QUESTION]
    today = svc.today()
    if question:
        replies = [svc.engine.answer(question, today=today, chat="inline", lang=None, now=svc.now())]
        note_intent(context, replies[0].intent)
    else:
        replies = [
            svc.engine.answer_intent("next_meeting", {}, today=today, chat="inline", lang=lang),
            svc.engine.answer_intent("upcoming_meetings", {}, today=today, chat="inline", lang=lang),
        ]
    results = []
    for index, reply in enumerate(replies[:INLINE_RESULTS]):
        text = (reply.text or "").strip()
        if not text:
            continue
        title, _, rest = text.partition("\n")
        results.append(InlineQueryResultArticle(
            id=f"{index}-{reply.intent or 'answer'}"[:64],
            title=title[:100],
            description=rest.strip()[:200] or None,
            input_message_content=InputTextMessageContent(text[: MessageLimit.MAX_TEXT_LENGTH]),
        ))
    await query.answer(results, cache_time=60, is_personal=False)


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Blocking the bot (or removing it from a group) ends that chat's subscriptions at once."""
    change = update.my_chat_member
    if change and change.new_chat_member.status in ("kicked", "left"):
        ended = services(context).repo.mark_blocked(change.chat.id)
        log.info("chat %s removed the bot; %d subscriptions ended", change.chat.id, ended)
    elif change and change.new_chat_member.status == "member":
        services(context).repo.touch_user(change.chat.id, language_of(change.from_user.language_code))


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
            await context.bot.send_message(update.effective_chat.id, t(_lang(update, services(context)), "error"))
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


def _kind(update: Update) -> str:
    for name in ("message", "edited_message", "callback_query", "inline_query", "channel_post", "my_chat_member"):
        if getattr(update, name, None) is not None:
            return name
    return "other"


def _chat(update: Update) -> str:
    return str(update.effective_chat.id) if update.effective_chat else "unknown"
