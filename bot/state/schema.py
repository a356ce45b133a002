"""The database schema as an ordered list of migrations; `PRAGMA user_version` counts those applied.

Append a migration to change the schema; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

from bot.failures import BadInput


class SchemaTooNew(BadInput, RuntimeError):
    """The database was written by a newer version of the bot."""


MIGRATIONS: list[str] = [
    # 1: users, subscriptions to a municipality (or "alla"), the sent-reminder log.
    """
    CREATE TABLE users (
        chat_id    INTEGER PRIMARY KEY,
        language   TEXT NOT NULL DEFAULT 'sv',
        blocked    INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        last_seen  TEXT NOT NULL
    );
    CREATE TABLE subscriptions (
        chat_id      INTEGER NOT NULL REFERENCES users(chat_id),
        municipality TEXT NOT NULL,
        active       INTEGER NOT NULL DEFAULT 1,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (chat_id, municipality)
    );
    CREATE TABLE reminders_sent (
        chat_id    INTEGER NOT NULL,
        meeting_id TEXT NOT NULL,
        kind       TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
        claimed_at TEXT NOT NULL,
        sent_at    TEXT,
        message_id INTEGER,
        error      TEXT,
        UNIQUE (chat_id, meeting_id, kind)
    );
    """,
    # 2: "remind me of this meeting" from a button under an answer.
    """
    CREATE TABLE meeting_watches (
        chat_id    INTEGER NOT NULL REFERENCES users(chat_id),
        meeting_id TEXT NOT NULL,
        active     INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, meeting_id)
    );
    CREATE INDEX subscriptions_active ON subscriptions(active, municipality);
    """,
    # 3: updates received but not handled before a stop, handled first at the next start.
    """
    CREATE TABLE kept_updates (
        update_id INTEGER PRIMARY KEY,
        body      TEXT NOT NULL,
        kept_at   TEXT NOT NULL
    );
    """,
    # 4: change alerts and watches of open places. `announced_facts` is the snapshot of the knowledge
    # base last announced (bot.knowledge.news: one line of JSON per meeting and per provider or kind of
    # place); `announcements` the news queued to be sent (its messages go through reminders_sent, with
    # meeting_id "announcement-<id>"); `place_watches` who wants to hear of open places where
    # (`target_key` folded, like the snapshot's keys).
    """
    CREATE TABLE announced_facts (
        key  TEXT PRIMARY KEY,
        fact TEXT NOT NULL
    );
    CREATE TABLE announcements (
        id         INTEGER PRIMARY KEY,
        status     TEXT NOT NULL CHECK (status IN ('baseline', 'pending', 'done')),
        news       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        done_at    TEXT
    );
    CREATE TABLE place_watches (
        chat_id    INTEGER NOT NULL REFERENCES users(chat_id),
        target_key TEXT NOT NULL,
        target     TEXT NOT NULL,
        active     INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, target_key)
    );
    """,
]


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations not yet applied, each in its own transaction; return the version reached."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise SchemaTooNew(
            f"database schema version {version} is newer than this program knows ({len(MIGRATIONS)}): "
            "run a newer version of the bot"
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, script.split(";")):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def check_writable(connection: sqlite3.Connection) -> None:
    """Raise sqlite3.OperationalError if the database cannot be written; changes nothing."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute(f"PRAGMA user_version = {int(version)}")  # a real write of the header page
    finally:
        connection.execute("ROLLBACK")
