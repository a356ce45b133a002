"""Arguments several commands share: the day to answer for, the knowledge base, the language, the database."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from bot.settings import load_settings


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def add_answer_arguments(parser: argparse.ArgumentParser) -> None:
    """`--today`, `--kb` and `--lang`, for the commands that answer questions."""
    parser.add_argument("--today", type=parse_day, default=None, help="answer as on this date, YYYY-MM-DD")
    parser.add_argument("--kb", type=Path, default=None, help="knowledge base directory (default: the project's)")
    parser.add_argument("--lang", default=None, help="language hint, sv or en, for questions too short to tell")


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, help="the SQLite database (default: BOT_DB_PATH, then ./data/fedbot.sqlite3)"
    )


def db_path(args: argparse.Namespace) -> Path:
    """`--db`, else the settings (environment, then .env). May raise SettingsError."""
    return args.db or load_settings().db_path
