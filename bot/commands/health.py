"""`python -m bot health`: exit 0 when `run` would start: a database it can open and write, of a
version it knows, the lock file beside it, and a knowledge base that loads (Docker HEALTHCHECK).

It changes nothing (the write test is rolled back). It checks a bot that has started once: a
missing database is a problem. Each problem is one line on stderr; any problem exits 1."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from bot.commands.options import add_db_argument
from bot.failures import EXIT_FAILED, EXIT_OK, Failure
from bot.knowledge.store import load_kb
from bot.ops.instance import lock_path_for
from bot.private_files import FILE_MODE
from bot.settings import load_settings
from bot.state.schema import MIGRATIONS, check_writable


class Unhealthy(Failure):
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--kb", type=Path, help="knowledge base directory (default: BOT_KB_DIR)")


def check_database(path: Path) -> str:
    if path.is_dir():
        raise Unhealthy(f"database {path}: is a folder, not a database file")
    if not path.exists():
        raise Unhealthy(f"database {path}: no database (the bot creates it at start: is it running with this path?)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=5.0, isolation_level=None)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise Unhealthy(
                    f"database {path}: written by a newer version of the bot (schema {version}, "
                    f"this one knows {len(MIGRATIONS)}): `run` would refuse it"
                )
            check_writable(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise Unhealthy(f"database {path}: {error}") from error
    return f"database {path} opens and can be written (schema version {version})"


def check_lock(db_path: Path) -> str:
    lock = lock_path_for(db_path)
    if not db_path.exists():  # nothing to lock yet; creating the lock file would change something
        return f"lock file {lock}: not needed before the database exists"
    try:
        os.close(os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE))
    except OSError as error:
        raise Unhealthy(f"lock file {lock}: {error.strerror or error}") from error
    return f"lock file {lock} can be used"


def check_knowledge(directory: Path) -> str:
    kb = load_kb(directory)
    return f"knowledge base {directory} loads ({len(kb.issues)} issues, {len(kb.meetings)} meetings)"


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    db = args.db or settings.db_path
    checks: list[tuple[Callable[[Path], str], Path]] = [
        (check_database, db),
        (check_lock, db),
        (check_knowledge, args.kb or settings.kb_dir),
    ]
    healthy = True
    for check, path in checks:
        try:
            print(f"ok: {check(path)}")
        except Failure as problem:
            print(f"unhealthy: {problem}", file=sys.stderr)
            healthy = False
    return EXIT_OK if healthy else EXIT_FAILED
