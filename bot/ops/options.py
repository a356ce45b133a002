"""The database the ops commands work on: `--db`, or the bot's own settings."""
from __future__ import annotations

import argparse
from pathlib import Path

from bot.settings import load_settings


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="the SQLite database (default: BOT_DB_PATH, then ./data/fedbot.sqlite3)")


def db_path(args: argparse.Namespace) -> Path:
    """`--db`, else the settings (environment, then .env). May raise SettingsError."""
    return args.db or load_settings().db_path
