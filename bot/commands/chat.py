"""`python -m bot chat`: an interactive console chat with the same engine, no token needed."""

from __future__ import annotations

import argparse
import sys

from bot.answers.bot_info import operator_of
from bot.commands.options import add_answer_arguments
from bot.console import chat
from bot.engine import Engine
from bot.settings import Settings, SettingsError, load_settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_answer_arguments(parser)


def run(args: argparse.Namespace) -> int:
    operator = operator_of(_settings())
    return chat(Engine.load(args.kb, operator), today=args.today, lang=args.lang, operator=operator)


def _settings() -> Settings:
    """The settings for /om; a setting the Telegram bot could not use is no reason not to chat."""
    try:
        return load_settings()
    except SettingsError as error:
        print(f"warning: {error}; chatting without the settings", file=sys.stderr)
        return Settings()
