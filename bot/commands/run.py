"""`python -m bot run`: the Telegram bot, by long polling or (with WEBHOOK_URL) a webhook.

Without a token it explains what to set and, at a terminal, opens the console chat instead.
PTB's run_polling / run_webhook stop on SIGINT, SIGTERM and SIGABRT: the update in flight is
finished, the JobQueue and the HTTP client are shut down, then the database is closed here.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from urllib.parse import urlsplit

from bot.answers.bot_info import operator_of
from bot.commands.options import parse_day
from bot.failures import BadInput
from bot.settings import Settings, load_settings

log = logging.getLogger("bot.telegram")

NO_TOKEN = """\
No Telegram token: set TELEGRAM_BOT_TOKEN (from @BotFather) in the environment or in .env
(see .env.example), then run `python -m bot run` again.
To try the bot without Telegram: python -m bot chat"""
TODAY_NEEDS_CONSOLE = (
    "--today is for the console chat (no TELEGRAM_BOT_TOKEN): the Telegram bot answers and sends reminders "
    "for the real date"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log-level", default="INFO", help="DEBUG, INFO, WARNING (default INFO)")
    parser.add_argument(
        "--today", type=parse_day, default=None, help="console chat only: answer as on this date, YYYY-MM-DD"
    )


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    if not settings.has_token:
        if sys.stdin.isatty() and sys.stdout.isatty():
            print(NO_TOKEN, file=sys.stderr)
            print("Starting the console chat now.\n", file=sys.stderr)
            return _console(settings, args.today)
        raise BadInput(" ".join(NO_TOKEN.split()))
    if args.today is not None:
        raise BadInput(TODAY_NEEDS_CONSOLE)
    _configure_logging(args.log_level, settings)
    return serve(settings)


def serve(settings: Settings) -> int:
    from bot.answers.meetings import reminder_text
    from bot.engine import Engine
    from bot.ops.instance import InstanceLock
    from bot.state import Repository
    from bot.telegram.app import ALLOWED_UPDATES, build_application
    from bot.telegram.startup import connect

    lock = InstanceLock(settings.db_path).acquire()
    try:
        operator = operator_of(settings)
        engine = Engine.load(settings.kb_dir, operator)
        repo = Repository(settings.db_path)
        with repo:
            application = build_application(
                settings,
                engine,
                repo,
                render=reminder_text,
                load_engine=lambda: Engine.load(settings.kb_dir, operator),
            )
            if not connect(application):  # SIGTERM before Telegram ever answered
                return 0
            # bootstrap_retries=-1: PTB retries deleteWebhook / setWebhook until Telegram takes it.
            if settings.webhook_url:
                log.info("starting webhook on %s:%d", settings.webhook_listen, settings.webhook_port)
                application.run_webhook(
                    listen=settings.webhook_listen,
                    port=settings.webhook_port,
                    url_path=_path_of(settings.webhook_url),
                    webhook_url=settings.webhook_url,
                    secret_token=settings.webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                    drop_pending_updates=False,
                    bootstrap_retries=-1,
                )
            else:
                log.info("starting long polling")
                application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
        log.info("stopped")
        return 0
    finally:
        lock.release()


def _path_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _console(settings: Settings, today: date | None) -> int:
    from bot.console import chat
    from bot.engine import Engine

    return chat(Engine.load(settings.kb_dir, operator_of(settings)), today=today, operator=operator_of(settings))


def _configure_logging(level: str, settings: Settings) -> None:
    from bot.ops.logging import configure

    configure(level, secrets=[settings.token, settings.webhook_secret])
