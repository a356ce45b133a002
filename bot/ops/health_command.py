"""`python -m bot health`: exit 0 when the database opens and the knowledge base loads (Docker HEALTHCHECK)."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from bot.knowledge.serde import KnowledgeError
from bot.knowledge.store import load_kb
from bot.ops.options import add_db_argument
from bot.settings import SettingsError, load_settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--kb", type=Path, help="knowledge base directory (default: BOT_KB_DIR)")


def check_database(path: Path) -> str:
    """Opens without creating or changing anything and reads the schema version."""
    if not path.is_file():
        raise sqlite3.OperationalError(f"{path}: no database (the bot creates it at start)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise sqlite3.DatabaseError(f"{path}: {error}") from error
    return f"database {path} opens (schema version {version})"


def check_knowledge(directory: Path) -> str:
    kb = load_kb(directory)
    return f"knowledge base {directory} loads ({len(kb.issues)} issues, {len(kb.meetings)} meetings)"


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1
    checks: list[tuple[Callable[[Path], str], Path]] = [
        (check_database, args.db or settings.db_path),
        (check_knowledge, args.kb or settings.kb_dir),
    ]
    healthy = True
    for check, path in checks:
        try:
            print(f"ok: {check(path)}")
        except (sqlite3.Error, KnowledgeError, OSError) as error:
            print(f"unhealthy: {error}", file=sys.stderr)
            healthy = False
    return 0 if healthy else 1
