"""`python -m bot stats`: the figures of the admins' /stats, read from the database."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3

from bot.commands.options import add_db_argument, db_path
from bot.failures import BadInput
from bot.state import Repository, Stats


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def format_stats(stats: Stats) -> str:
    lines = [
        f"Users: {stats.users} ({stats.blocked_users} blocked the bot)",
        f"Active subscriptions: {stats.subscribers}",
        *(f"  {place}: {count}" for place, count in stats.active_subscriptions.items()),
        f"Meeting reminders asked for: {stats.meeting_watches}",
        f"Reminders sent: {stats.reminders_sent}"
        f" (failed: {stats.reminders_failed}, interrupted before confirmation: {stats.reminders_uncertain})",
    ]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.is_file():
        raise BadInput(f"{path}: no database here yet (the bot creates it at its first start)")
    try:
        with Repository(path) as repository:
            stats = repository.stats()
    except sqlite3.Error as error:
        raise BadInput(f"{path}: not a database the bot can read: {error}") from error
    if args.json:
        print(json.dumps({**dataclasses.asdict(stats), "subscribers": stats.subscribers}, ensure_ascii=False))
    else:
        print(format_stats(stats))
    return 0
