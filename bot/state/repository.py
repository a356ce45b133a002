"""SQLite repository: users, subscriptions, "remind me" watches, watches of open places, the sent-reminder
log and the knowledge base last announced.

One connection in autocommit mode; every write is its own short `BEGIN IMMEDIATE` transaction,
so a second process (a backup, `stats`) never sees half a change. WAL lets readers run while
the bot writes; the busy timeout makes a briefly locked database wait instead of failing.
`synchronous=FULL`: a reminder claim must be on disk before the message goes out (see
`claim_reminder`), or a power cut could forget a claim for a message already delivered.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.failures import BadInput, Failure
from bot.private_files import private_dir, private_file, tighten_if_present
from bot.state.schema import check_writable, migrate

log = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
ALL = "alla"  # a subscription to every municipality's meetings
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Subscription:
    chat_id: int
    municipality: str  # canonical name, or ALL
    language: str


@dataclass(frozen=True)
class Watch:
    chat_id: int
    meeting_id: str
    language: str


@dataclass(frozen=True)
class PlaceWatch:
    chat_id: int
    target_key: str  # folded, as bot.knowledge.news keys open places
    target: str  # the provider or kind of place as the chat asked for it
    language: str


@dataclass(frozen=True)
class Reason:
    """Why a chat is sent a message: the subscriptions (municipalities, or ALL), meeting watches and watches of
    open places (folded keys) that made it a recipient. A claim holds only while one of them still does."""

    municipalities: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Announcement:
    id: int
    news: str  # JSON, as bot.knowledge.news.News.encode wrote it


@dataclass(frozen=True)
class Stats:
    users: int
    blocked_users: int
    active_subscriptions: dict[str, int]
    meeting_watches: int
    reminders_sent: int
    reminders_uncertain: int  # claimed but the process stopped before logging the outcome
    reminders_failed: int

    @property
    def subscribers(self) -> int:
        return sum(self.active_subscriptions.values())


class DatabaseUnusable(BadInput):
    """The database path cannot be used: a folder, not an SQLite file, or not writable."""


class CannotWrite(Failure):
    """The database cannot be written just now (read-only, disk full, locked too long)."""


class Repository:
    """Opening it creates (0600) and migrates the database; it raises DatabaseUnusable or CannotWrite
    with a one-line reason. Later writes that fail raise CannotWrite: reads go on working."""

    def __init__(self, path: Path | str, clock: Clock = utc_now) -> None:
        self.path = Path(path)
        self._clock = clock
        # Usable from worker threads (the reminder fan-out keeps fsyncs off the event loop);
        # the lock makes each transaction or query exclusive on the one connection.
        self._lock = threading.RLock()
        self._write_problem: str | None = None  # why writing fails, logged once until it works again
        try:
            if str(path) != ":memory:":
                self._prepare_files()
            self._db = sqlite3.connect(str(path), isolation_level=None, timeout=10.0, check_same_thread=False)
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self.schema_version = migrate(self._db)
            check_writable(self._db)
        except OSError as error:
            raise DatabaseUnusable(f"database {self.path}: cannot be opened: {error.strerror or error}") from error
        except sqlite3.Error as error:
            raise _opening_error(self.path, error) from error

    def _prepare_files(self) -> None:
        if self.path.is_dir():
            raise DatabaseUnusable(f"database {self.path}: is a folder, not a database file (check BOT_DB_PATH)")
        if self.path.is_file():
            with self.path.open("rb") as file:
                header = file.read(len(_SQLITE_HEADER))
            if header and header != _SQLITE_HEADER:
                raise DatabaseUnusable(
                    f"database {self.path}: not an SQLite database (file is not a database); check BOT_DB_PATH"
                )
        private_dir(self.path.parent)
        private_file(self.path)
        for side in ("-wal", "-shm", "-journal"):
            tighten_if_present(self.path.with_name(self.path.name + side))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._writing():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _write(self, sql: str, parameters: tuple[Any, ...] = ()) -> int:
        """One statement, its own transaction (autocommit); returns the rows it changed."""
        with self._lock, self._writing():
            return self._db.execute(sql, parameters).rowcount

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A failed write becomes CannotWrite, logged once until writing works again."""
        try:
            yield
        except sqlite3.OperationalError as error:
            if self._write_problem is None:
                log.error("database %s cannot be written (%s): answering without saving until it can", self.path, error)
            self._write_problem = str(error)
            raise CannotWrite(f"database {self.path} cannot be written: {error}") from error
        if self._write_problem is not None:
            log.warning("database %s can be written again", self.path)
            self._write_problem = None

    @property
    def writable(self) -> bool:
        """False since a write failed, until one succeeds."""
        return self._write_problem is None

    def _rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    def _first(self, sql: str, parameters: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        rows = self._rows(sql, parameters)
        return rows[0] if rows else None

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="seconds")

    # users

    def touch_user(self, chat_id: int, language: str | None = None) -> None:
        """Record that a chat wrote to the bot: it exists, and it has not blocked us.

        Called for every update on the event loop, so a known user is written (and fsynced)
        only when something changed or at most once a day for `last_seen`."""
        now = self._now()
        self._write(
            """INSERT INTO users (chat_id, language, blocked, first_seen, last_seen) VALUES (?, ?, 0, ?, ?)
               ON CONFLICT (chat_id) DO UPDATE SET last_seen = excluded.last_seen, blocked = 0,
               language = COALESCE(?, users.language)
               WHERE users.blocked = 1 OR users.language IS NOT COALESCE(?, users.language)
                  OR substr(users.last_seen, 1, 10) < substr(excluded.last_seen, 1, 10)""",
            (chat_id, language or "sv", now, now, language, language),
        )

    def language(self, chat_id: int) -> str | None:
        row = self._first("SELECT language FROM users WHERE chat_id = ?", (chat_id,))
        return row[0] if row else None

    def is_blocked(self, chat_id: int) -> bool:
        row = self._first("SELECT blocked FROM users WHERE chat_id = ?", (chat_id,))
        return bool(row and row[0])

    def mark_blocked(self, chat_id: int) -> int:
        """The chat blocked the bot (403): stop everything sent to it. Returns subscriptions ended."""
        now = self._now()
        with self._transaction() as db:
            db.execute("UPDATE users SET blocked = 1 WHERE chat_id = ?", (chat_id,))
            ended = db.execute(
                "UPDATE subscriptions SET active = 0, updated_at = ? WHERE chat_id = ? AND active = 1",
                (now, chat_id),
            ).rowcount
            db.execute("UPDATE meeting_watches SET active = 0 WHERE chat_id = ?", (chat_id,))
            db.execute("UPDATE place_watches SET active = 0 WHERE chat_id = ?", (chat_id,))
        return ended

    def forget_chat(self, chat_id: int) -> dict[str, int]:
        """Delete every row about the chat, in one transaction: table -> rows deleted.

        Every table with a `chat_id` column is cleared of the chat, whatever migration added it, so a
        table added later is covered without a change here. Foreign keys are checked at the commit,
        when the rows that point at the user are gone too."""
        deleted: dict[str, int] = {}
        with self._transaction() as db:
            db.execute("PRAGMA defer_foreign_keys = ON")  # reset by SQLite at the end of the transaction
            for table in _tables_with_column(db, "chat_id"):
                deleted[table] = db.execute(f"DELETE FROM {_quoted(table)} WHERE chat_id = ?", (chat_id,)).rowcount
        return deleted

    def move_chat(self, old: int, new: int) -> dict[str, int]:
        """A group became a supergroup with a new chat id: move every row about it (users, subscriptions,
        watches, the sent log, any table with a `chat_id`) to the new id, in one transaction; table -> rows
        moved. A row the new id already has (the same subscription, say) is kept and the old one dropped."""
        moved: dict[str, int] = {}
        with self._transaction() as db:
            db.execute("PRAGMA defer_foreign_keys = ON")  # users move with the rows that point at them
            for table in _tables_with_column(db, "chat_id"):
                name = _quoted(table)
                moved[table] = db.execute(
                    f"UPDATE OR IGNORE {name} SET chat_id = ? WHERE chat_id = ?", (new, old)
                ).rowcount
                db.execute(f"DELETE FROM {name} WHERE chat_id = ?", (old,))
        return moved

    # subscriptions

    def subscribe(self, chat_id: int, municipality: str, language: str | None = None) -> bool:
        """Returns False when the chat already had this subscription."""
        self.touch_user(chat_id, language)
        now = self._now()
        return (
            self._write(
                """INSERT INTO subscriptions (chat_id, municipality, active, created_at, updated_at)
               VALUES (?, ?, 1, ?, ?)
               ON CONFLICT (chat_id, municipality) DO UPDATE SET active = 1, updated_at = excluded.updated_at
               WHERE active = 0""",
                (chat_id, municipality, now, now),
            )
            == 1
        )

    def unsubscribe(self, chat_id: int, municipality: str | None = None) -> int:
        """End one subscription, or every subscription and watch (of meetings and of open places) of the chat
        when `municipality` is None."""
        now = self._now()
        if municipality is not None:
            return self._write(
                """UPDATE subscriptions SET active = 0, updated_at = ?
                   WHERE chat_id = ? AND municipality = ? AND active = 1""",
                (now, chat_id, municipality),
            )
        with self._transaction() as db:
            db.execute("UPDATE meeting_watches SET active = 0 WHERE chat_id = ? AND active = 1", (chat_id,))
            db.execute("UPDATE place_watches SET active = 0 WHERE chat_id = ? AND active = 1", (chat_id,))
            return db.execute(
                "UPDATE subscriptions SET active = 0, updated_at = ? WHERE chat_id = ? AND active = 1",
                (now, chat_id),
            ).rowcount

    def subscriptions_of(self, chat_id: int) -> list[str]:
        rows = self._rows(
            "SELECT municipality FROM subscriptions WHERE chat_id = ? AND active = 1 ORDER BY municipality",
            (chat_id,),
        )
        return [row[0] for row in rows]

    def active_subscriptions(self) -> list[Subscription]:
        rows = self._rows(
            """SELECT s.chat_id, s.municipality, u.language FROM subscriptions s JOIN users u USING (chat_id)
               WHERE s.active = 1 AND u.blocked = 0 ORDER BY s.chat_id"""
        )
        return [Subscription(*row) for row in rows]

    # "remind me of this meeting"

    def watch_meeting(self, chat_id: int, meeting_id: str, language: str | None = None) -> bool:
        """Returns False when the chat already watched this meeting."""
        self.touch_user(chat_id, language)
        return (
            self._write(
                """INSERT INTO meeting_watches (chat_id, meeting_id, active, created_at) VALUES (?, ?, 1, ?)
               ON CONFLICT (chat_id, meeting_id) DO UPDATE SET active = 1 WHERE active = 0""",
                (chat_id, meeting_id, self._now()),
            )
            == 1
        )

    def watches_of(self, chat_id: int) -> list[str]:
        rows = self._rows(
            "SELECT meeting_id FROM meeting_watches WHERE chat_id = ? AND active = 1 ORDER BY meeting_id", (chat_id,)
        )
        return [row[0] for row in rows]

    def active_watches(self) -> list[Watch]:
        rows = self._rows(
            """SELECT w.chat_id, w.meeting_id, u.language FROM meeting_watches w JOIN users u USING (chat_id)
               WHERE w.active = 1 AND u.blocked = 0"""
        )
        return [Watch(*row) for row in rows]

    # watching open places at a provider or of a kind ("Jobbverket", "Arbetsträning")

    def watch_places(self, chat_id: int, target_key: str, target: str, language: str | None = None) -> bool:
        """Returns False when the chat already watched it."""
        self.touch_user(chat_id, language)
        return (
            self._write(
                """INSERT INTO place_watches (chat_id, target_key, target, active, created_at) VALUES (?, ?, ?, 1, ?)
               ON CONFLICT (chat_id, target_key) DO UPDATE SET active = 1, target = excluded.target
               WHERE active = 0""",
                (chat_id, target_key, target, self._now()),
            )
            == 1
        )

    def unwatch_places(self, chat_id: int, target_key: str) -> bool:
        return (
            self._write(
                "UPDATE place_watches SET active = 0 WHERE chat_id = ? AND target_key = ? AND active = 1",
                (chat_id, target_key),
            )
            == 1
        )

    def place_watches_of(self, chat_id: int) -> list[str]:
        rows = self._rows(
            "SELECT target FROM place_watches WHERE chat_id = ? AND active = 1 ORDER BY target_key", (chat_id,)
        )
        return [row[0] for row in rows]

    def active_place_watches(self) -> list[PlaceWatch]:
        rows = self._rows(
            """SELECT w.chat_id, w.target_key, w.target, u.language FROM place_watches w JOIN users u USING (chat_id)
               WHERE w.active = 1 AND u.blocked = 0 ORDER BY w.chat_id"""
        )
        return [PlaceWatch(*row) for row in rows]

    # change alerts: the snapshot of the knowledge base last announced, and the news queued to be sent

    def has_announced(self) -> bool:
        """Whether any knowledge base was ever recorded as announced (else the next one is the baseline)."""
        return self._first("SELECT 1 FROM announcements LIMIT 1") is not None

    def announced_facts(self) -> dict[str, str]:
        return dict(self._rows("SELECT key, fact FROM announced_facts"))

    def announce(self, facts: dict[str, str], news: str | None, *, baseline: bool = False) -> int | None:
        """Make `facts` the announced snapshot and queue `news` (JSON) to be sent, in one transaction:
        a crash leaves either the old snapshot and nothing queued, or both new. Returns the queued id.
        `baseline`: the first base ever, recorded as announced without any news."""
        now = self._now()
        with self._transaction() as db:
            stored = dict(db.execute("SELECT key, fact FROM announced_facts").fetchall())
            gone = [(key,) for key in stored if key not in facts]
            db.executemany("DELETE FROM announced_facts WHERE key = ?", gone)
            db.executemany(
                "INSERT OR REPLACE INTO announced_facts (key, fact) VALUES (?, ?)",
                [(key, fact) for key, fact in facts.items() if stored.get(key) != fact],
            )
            if baseline:
                db.execute(
                    "INSERT INTO announcements (status, news, created_at, done_at) VALUES ('baseline', '{}', ?, ?)",
                    (now, now),
                )
            elif news is not None:
                return db.execute(
                    "INSERT INTO announcements (status, news, created_at) VALUES ('pending', ?, ?)", (news, now)
                ).lastrowid
        return None

    def pending_announcements(self) -> list[Announcement]:
        rows = self._rows("SELECT id, news FROM announcements WHERE status = 'pending' ORDER BY id")
        return [Announcement(*row) for row in rows]

    def finish_announcement(self, announcement_id: int) -> None:
        """Everyone it was for has been sent it (or certainly cannot be)."""
        self._write(
            "UPDATE announcements SET status = 'done', done_at = ? WHERE id = ? AND status = 'pending'",
            (self._now(), announcement_id),
        )

    # the sent-reminder log: claim, then send, then record the outcome

    def claim_reminder(self, chat_id: int, meeting_id: str, kind: str, reason: Reason) -> bool:
        """Reserve the right to send one reminder. True for exactly one caller, ever, per key, and only
        while the chat is still a recipient: it exists, has not blocked the bot, and still has one of the
        subscriptions or watches in `reason`. Checked in the same statement as the claim, so a chat that
        /radera, /avsluta or /stop reached a moment ago is neither sent the message nor written back.

        The claim is committed before the message is sent. If the process dies after the claim,
        the row stays 'claimed' and is never sent again: a reminder may then be lost, but it can
        never arrive twice. `release_claim` undoes a claim when the send certainly failed.
        """

        def among(values: tuple[str, ...]) -> str:
            return f"IN ({','.join('?' * len(values))})" if values else "IN (NULL)"

        municipalities, meetings, targets = reason.municipalities, reason.meetings, reason.targets
        return (
            self._write(
                f"""INSERT INTO reminders_sent (chat_id, meeting_id, kind, status, claimed_at)
               SELECT ?, ?, ?, 'claimed', ?
               WHERE EXISTS (SELECT 1 FROM users WHERE chat_id = ? AND blocked = 0)
                 AND (EXISTS (SELECT 1 FROM subscriptions WHERE chat_id = ? AND active = 1
                              AND municipality {among(municipalities)})
                      OR EXISTS (SELECT 1 FROM meeting_watches WHERE chat_id = ? AND active = 1
                                 AND meeting_id {among(meetings)})
                      OR EXISTS (SELECT 1 FROM place_watches WHERE chat_id = ? AND active = 1
                                 AND target_key {among(targets)}))
               ON CONFLICT DO NOTHING""",
                (
                    chat_id,
                    meeting_id,
                    kind,
                    self._now(),
                    chat_id,
                    chat_id,
                    *municipalities,
                    chat_id,
                    *meetings,
                    chat_id,
                    *targets,
                ),
            )
            == 1
        )

    def mark_sent(self, chat_id: int, meeting_id: str, kind: str, message_id: int | None) -> None:
        self._write(
            """UPDATE reminders_sent SET status = 'sent', sent_at = ?, message_id = ?, error = NULL
               WHERE chat_id = ? AND meeting_id = ? AND kind = ?""",
            (self._now(), message_id, chat_id, meeting_id, kind),
        )

    def mark_failed(self, chat_id: int, meeting_id: str, kind: str, error: str) -> None:
        """The send certainly failed for good (blocked, chat gone): keep the row so it is not retried."""
        self._write(
            "UPDATE reminders_sent SET status = 'failed', error = ? WHERE chat_id = ? AND meeting_id = ? AND kind = ?",
            (error[:500], chat_id, meeting_id, kind),
        )

    def release_claim(self, chat_id: int, meeting_id: str, kind: str) -> None:
        """The send certainly did not happen and may be tried again later."""
        self._write(
            "DELETE FROM reminders_sent WHERE chat_id = ? AND meeting_id = ? AND kind = ? AND status = 'claimed'",
            (chat_id, meeting_id, kind),
        )

    def reminder_status(self, chat_id: int, meeting_id: str, kind: str) -> str | None:
        row = self._first(
            "SELECT status FROM reminders_sent WHERE chat_id = ? AND meeting_id = ? AND kind = ?",
            (chat_id, meeting_id, kind),
        )
        return row[0] if row else None

    def logged_reminders(self, meeting_ids: list[str]) -> set[tuple[int, str, str]]:
        """Keys (chat, meeting, kind) already in the log, any status, for the given meetings."""
        unique = tuple(dict.fromkeys(meeting_ids))
        if not unique:
            return set()
        rows = self._rows(
            f"SELECT chat_id, meeting_id, kind FROM reminders_sent WHERE meeting_id IN ({','.join('?' * len(unique))})",
            unique,
        )
        return {(int(chat), meeting, kind) for chat, meeting, kind in rows}

    # updates received but not handled when the bot stopped: kept for the next start, then deleted

    def keep_update(self, update_id: int, body: str) -> None:
        self._write(
            "INSERT OR REPLACE INTO kept_updates (update_id, body, kept_at) VALUES (?, ?, ?)",
            (update_id, body, self._now()),
        )

    def take_kept_updates(self) -> list[str]:
        """The kept updates, oldest first, deleted as they are taken."""
        with self._transaction() as db:
            rows = db.execute("SELECT body FROM kept_updates ORDER BY update_id").fetchall()
            db.execute("DELETE FROM kept_updates")
        return [row[0] for row in rows]

    def stats(self) -> Stats:
        def one(sql: str) -> int:
            row = self._first(sql)
            return int(row[0]) if row else 0

        by_place = dict(
            self._rows(
                """SELECT s.municipality, COUNT(*) FROM subscriptions s JOIN users u USING (chat_id)
                   WHERE s.active = 1 AND u.blocked = 0 GROUP BY s.municipality ORDER BY s.municipality"""
            )
        )
        statuses = dict(self._rows("SELECT status, COUNT(*) FROM reminders_sent GROUP BY status"))
        return Stats(
            users=one("SELECT COUNT(*) FROM users"),
            blocked_users=one("SELECT COUNT(*) FROM users WHERE blocked = 1"),
            active_subscriptions=by_place,
            meeting_watches=one("SELECT COUNT(*) FROM meeting_watches WHERE active = 1"),
            reminders_sent=statuses.get("sent", 0),
            reminders_uncertain=statuses.get("claimed", 0),
            reminders_failed=statuses.get("failed", 0),
        )


def _opening_error(path: Path, error: sqlite3.Error) -> Failure:
    """Why the database cannot be opened, in one line; a full disk may pass, so it is not bad input."""
    reason = str(error)
    if "full" in reason or "disk I/O" in reason or "locked" in reason:
        return CannotWrite(f"database {path}: {reason}")
    if isinstance(error, sqlite3.DatabaseError) and "not a database" in reason:
        return DatabaseUnusable(f"database {path}: not an SQLite database ({reason}); check BOT_DB_PATH")
    if "readonly" in reason:
        return DatabaseUnusable(f"database {path}: cannot be written ({reason}); the bot needs to write it")
    return DatabaseUnusable(f"database {path}: {reason}")


def _tables_with_column(db: sqlite3.Connection, column: str) -> list[str]:
    """The database's own tables that have `column`, by name."""
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return [
        table
        for table in tables
        if any(info[1] == column for info in db.execute(f"PRAGMA table_info({_quoted(table)})"))
    ]


def _quoted(name: str) -> str:
    """An SQL identifier, quoted: table names come from the database itself, never from a person."""
    return '"' + name.replace('"', '""') + '"'
