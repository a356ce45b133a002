"""A consistent copy of the live database with SQLite's online backup API.

The copy is one snapshot even while the bot writes: the backup reads inside one read
transaction (WAL lets the bot keep writing meanwhile). It is written under a temporary name,
checked, and only then renamed, so a backup file is either complete or absent.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.failures import BadInput, Failure
from bot.private_files import private_dir, private_file


class BackupError(Failure):
    pass


def backup_path(target: Path, now: datetime | None = None) -> Path:
    """`target` itself, or a time-stamped file inside it when it is a directory."""
    if target.is_dir():
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        return target / f"fedbot-{stamp}.sqlite3"
    return target


def backup(db_path: Path, target: Path) -> Path:
    """Copy `db_path` to `target` (a file, or a directory for a time-stamped file); return the file written."""
    if not db_path.is_file():
        raise BackupError(f"{db_path}: no database here (is BOT_DB_PATH right?)")
    destination = backup_path(target)
    if destination.resolve() == db_path.resolve():
        raise BackupError(f"{destination}: the backup would overwrite the database itself")
    private_dir(destination.parent)  # a copy of personal data: readable by the bot's user only
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    private_file(partial)
    # mode=rw: never create an empty database by mistake.
    source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=rw", uri=True, timeout=30.0)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)  # pages=-1: the whole database in one step, one snapshot
            # A self-contained file: no -wal beside it to forget when copying it elsewhere.
            copy.execute("PRAGMA journal_mode = DELETE")
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:  # the source is not an SQLite database: bad input
        partial.unlink(missing_ok=True)
        raise BadInput(f"backup of {db_path} failed: {error}") from error
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup of {db_path} failed: {error}") from error
    finally:
        source.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup of {db_path} failed its integrity check: {result}")
    os.replace(partial, destination)
    return destination
