"""The python-telegram-bot Application: handlers wired, commands registered, reminders and alerts scheduled."""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime

from telegram import Bot, BotCommand, BotCommandScopeDefault, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.settings import Settings
from bot.state import Repository
from bot.state.repository import utc_now
from bot.telegram import (
    buttons,
    errors,
    handlers,
    inline,
    routes,
    startup,
    subscriptions,
    update_log,
)
from bot.telegram.alerts import AlertService
from bot.telegram.flow import ChatFlow, FedbotApplication
from bot.telegram.intake import IntakeBot
from bot.telegram.ratelimit import MessageRateLimiter
from bot.telegram.reminders import ReminderService, Render
from bot.telegram.services import KEY, AnswerEngine, App, Services, job_queue
from bot.texts import commands, language_of, say

log = logging.getLogger(__name__)

# Only new messages: an edited message or a channel post is not a new question.
NEW_MESSAGE = filters.UpdateType.MESSAGE
# Any text starting with "/" is a command, whatever Telegram marked: it marks "/hjälp" as no command at all.
SLASH = filters.TEXT & filters.Regex(r"^/")
CONNECTIONS = 128  # HTTP connections for sending: updates handled at once (64) and the reminder fan-out
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY, Update.MY_CHAT_MEMBER]


def build_application(
    settings: Settings,
    engine: AnswerEngine,
    repo: Repository,
    *,
    render: Render,
    load_engine: Callable[[], AnswerEngine],
    clock: Callable[[], datetime] = utc_now,
    limiter: MessageRateLimiter | None = None,
    reminders: ReminderService | None = None,
    alerts: AlertService | None = None,
    flow: ChatFlow | None = None,
) -> App:
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    bot = IntakeBot(
        settings.token,
        base_url=settings.api_base_url,
        base_file_url=settings.api_base_url.removesuffix("/bot") + "/file/bot"
        if settings.api_base_url.endswith("/bot")
        else settings.api_base_url,
        request=HTTPXRequest(connection_pool_size=CONNECTIONS),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        defaults=Defaults(tzinfo=settings.timezone),
        rate_limiter=limiter or MessageRateLimiter(),
    )
    flow = flow or ChatFlow()
    application = (
        Application.builder()
        .application_class(FedbotApplication)
        .bot(bot)
        .concurrent_updates(flow)
        .post_init(start_services)
        .build()
    )
    flow.on_flood = functools.partial(_ask_to_slow_down, application.bot)
    flow.keep = functools.partial(_keep, repo)
    svc = Services(
        settings=settings,
        repo=repo,
        engine=engine,
        reminders=reminders
        or ReminderService(repo, lambda: svc.engine.kb, render, settings.timezone, settings.reminder_time, clock),
        clock=clock,
        load_engine=load_engine,
        alerts=alerts
        or AlertService(repo, lambda: svc.engine.kb, settings.timezone, clock, hours=settings.alert_hours),
    )
    application.bot_data[KEY] = svc
    add_handlers(application)
    return application


def add_handlers(application: App) -> None:
    application.add_handlers(
        [
            MessageHandler(NEW_MESSAGE & SLASH, routes.route),  # every command, in any chat: bot/telegram/routes.py
            CallbackQueryHandler(buttons.button),
            ChatMemberHandler(subscriptions.membership, ChatMemberHandler.MY_CHAT_MEMBER),
            InlineQueryHandler(inline.inline_query),
            MessageHandler(NEW_MESSAGE & filters.ChatType.PRIVATE & filters.TEXT & ~SLASH, handlers.text_message),
            MessageHandler(
                NEW_MESSAGE & filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.not_text
            ),
        ]
    )
    application.add_error_handler(errors.on_error)
    update_log.install(application)  # one structured line per update: kind, intent, latency


async def start_services(application: App) -> None:
    """Run once after `initialize()`, before updates flow: commands menu, reminder wake-ups, and the
    updates kept at the last stop, handled before any new one."""
    await startup.register_in_background(application, register_commands)  # an outage must not stop the bot
    svc: Services = application.bot_data[KEY]
    await _resume_kept(application, svc.repo)
    times = svc.reminders.reschedule(job_queue(application))
    log.info("reminders scheduled from the database: %d future reminder times", times)
    svc.alerts.check()  # the base may differ from the one last announced: alerts are queued, then sent
    svc.alerts.schedule(job_queue(application))


async def register_commands(application: App) -> None:
    menu = [command for command in commands() if command.menu and not command.admin]
    swedish = [BotCommand(command.name("sv"), command.about["sv"]) for command in menu]
    english = [BotCommand(command.name("en"), command.about["en"]) for command in menu]
    await application.bot.set_my_commands(swedish, scope=BotCommandScopeDefault())
    await application.bot.set_my_commands(english, scope=BotCommandScopeDefault(), language_code="en")


async def _ask_to_slow_down(bot: Bot, update: Update) -> None:
    if update.effective_chat is not None:
        lang = language_of(update.effective_user.language_code if update.effective_user else None)
        await bot.send_message(update.effective_chat.id, say(lang, "slow_down"))


def _keep(repo: Repository, update: Update) -> None:
    try:
        repo.keep_update(update.update_id, json.dumps(update.to_dict(), ensure_ascii=False))
    except sqlite3.Error as error:
        log.error("update %s could not be kept for the next start: %s", update.update_id, error)


async def _resume_kept(application: App, repo: Repository) -> None:
    try:
        kept = repo.take_kept_updates()
    except sqlite3.Error as error:
        log.error("updates kept at the last stop could not be read: %s", error)
        return
    for body in kept:
        try:
            await application.update_queue.put(Update.de_json(json.loads(body), application.bot))
        except Exception as error:  # noqa: BLE001 -- a kept update the library no longer reads
            log.warning("an update kept at the last stop could not be read again: %s", type(error).__name__)
    if kept:
        log.info("%d updates kept at the last stop are handled first", len(kept))
