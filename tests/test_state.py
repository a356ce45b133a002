"""The SQLite repository: schema migration, subscriptions, blocking and the exactly-once reminder log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from bot.state import ALL, Reason, Repository
from bot.state.schema import MIGRATIONS

HANINGE = Reason(("Haninge",))


@pytest.fixture
def repo(tmp_path):
    with Repository(tmp_path / "state.sqlite3", clock=lambda: datetime(2019, 3, 1, 12, tzinfo=UTC)) as r:
        yield r


def test_new_database_is_migrated_to_the_latest_version_and_uses_wal(tmp_path):
    path = tmp_path / "sub" / "dir" / "fresh.sqlite3"
    with Repository(path) as repo:
        assert repo.schema_version == len(MIGRATIONS)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_at_version_one_is_migrated_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in filter(str.strip, MIGRATIONS[0].split(";")):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO users VALUES (7, 'en', 0, '2019-01-01', '2019-01-01')")
    db.execute("INSERT INTO subscriptions VALUES (7, 'Tyresö', 1, '2019-01-01', '2019-01-01')")
    db.close()
    with Repository(path) as repo:
        assert repo.subscriptions_of(7) == ["Tyresö"]
        assert repo.watch_meeting(7, "frukostmöte-2019-03-28")  # table from migration 2


def test_a_database_newer_than_the_program_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        Repository(path)


def test_subscriptions_survive_reopening_and_are_not_doubled(tmp_path):
    path = tmp_path / "s.sqlite3"
    with Repository(path) as repo:
        assert repo.subscribe(1, "Haninge", "sv") is True
        assert repo.subscribe(1, "Haninge", "sv") is False
        assert repo.subscribe(1, ALL) is True
    with Repository(path) as repo:
        assert repo.subscriptions_of(1) == ["Haninge", ALL]
        assert repo.stats().active_subscriptions == {"Haninge": 1, ALL: 1}


def test_unsubscribe_one_or_all(repo):
    repo.subscribe(1, "Haninge")
    repo.subscribe(1, "Tyresö")
    repo.watch_meeting(1, "m1")
    assert repo.unsubscribe(1, "Haninge") == 1
    assert repo.unsubscribe(1, "Haninge") == 0
    assert repo.subscriptions_of(1) == ["Tyresö"]
    assert repo.unsubscribe(1) == 1
    assert repo.subscriptions_of(1) == [] and repo.watches_of(1) == []


def test_blocking_deactivates_subscriptions_and_watches(repo):
    repo.subscribe(5, "Nynäshamn", "en")
    repo.watch_meeting(5, "m1")
    repo.subscribe(6, "Nynäshamn")
    assert repo.mark_blocked(5) == 1
    assert [s.chat_id for s in repo.active_subscriptions()] == [6]
    assert repo.active_watches() == []
    assert repo.stats().blocked_users == 1
    repo.touch_user(5, "en")  # wrote again: no longer blocked, but must subscribe anew
    assert not repo.is_blocked(5) and repo.subscriptions_of(5) == []


def test_a_reminder_can_be_claimed_once_even_from_a_second_connection(tmp_path):
    path = tmp_path / "c.sqlite3"
    with Repository(path) as first, Repository(path) as second:
        first.subscribe(1, "Haninge")
        first.subscribe(2, "Haninge")
        assert first.claim_reminder(1, "m1", "day_before", HANINGE) is True
        assert second.claim_reminder(1, "m1", "day_before", HANINGE) is False
        assert second.claim_reminder(1, "m1", "other_kind", HANINGE) is True
        assert second.claim_reminder(2, "m1", "day_before", HANINGE) is True


def test_claim_outcomes(repo):
    for chat in (1, 2, 3):
        repo.subscribe(chat, "Haninge")
    repo.claim_reminder(1, "m1", "k", HANINGE)
    assert repo.reminder_status(1, "m1", "k") == "claimed"
    repo.mark_sent(1, "m1", "k", 42)
    assert repo.reminder_status(1, "m1", "k") == "sent"
    repo.release_claim(1, "m1", "k")  # a sent reminder is never released
    assert repo.reminder_status(1, "m1", "k") == "sent"

    repo.claim_reminder(2, "m1", "k", HANINGE)
    repo.release_claim(2, "m1", "k")
    assert repo.reminder_status(2, "m1", "k") is None
    assert repo.claim_reminder(2, "m1", "k", HANINGE) is True

    repo.claim_reminder(3, "m1", "k", HANINGE)
    repo.mark_failed(3, "m1", "k", "Forbidden")
    stats = repo.stats()
    assert (stats.reminders_sent, stats.reminders_uncertain, stats.reminders_failed) == (1, 1, 1)
    assert repo.logged_reminders(["m1", "m2"]) == {(1, "m1", "k"), (2, "m1", "k"), (3, "m1", "k")}


def test_language_is_kept_when_not_given(repo):
    repo.touch_user(9, "en")
    repo.touch_user(9, None)
    assert repo.language(9) == "en"


def test_a_known_user_writing_again_costs_no_disk_write_unless_something_changed(repo):
    repo.touch_user(5, "sv")
    before = repo._db.total_changes
    repo.touch_user(5, "sv")
    repo.touch_user(5)
    assert repo._db.total_changes == before  # no transaction to fsync for every update
    repo.touch_user(5, "en")
    assert repo.language(5) == "en"
    repo.mark_blocked(5)
    repo.touch_user(5, "en")
    assert not repo.is_blocked(5)


def test_forgetting_a_chat_deletes_its_rows_from_every_table_with_a_chat_id_even_ones_added_later(repo, tmp_path):
    for chat in (7, 8):
        repo.subscribe(chat, "Haninge")
        repo.watch_meeting(chat, "frukostmöte-2019-03-28")
        assert repo.claim_reminder(chat, "frukostmöte-2019-03-28", "day_before", HANINGE)
    repo._write(  # as a later migration might: a table that points at users, cleared after users
        "CREATE TABLE watched_providers (chat_id INTEGER NOT NULL REFERENCES users(chat_id), issue TEXT NOT NULL)"
    )
    repo._write("INSERT INTO watched_providers VALUES (7, '2019-1'), (8, '2019-1')")
    deleted = repo.forget_chat(7)
    assert deleted == {
        "watched_providers": 1,
        "place_watches": 0,
        "meeting_watches": 1,
        "reminders_sent": 1,
        "subscriptions": 1,
        "users": 1,
    }
    assert repo.forget_chat(7) == dict.fromkeys(deleted, 0)
    assert repo.subscriptions_of(8) == ["Haninge"] and repo.watches_of(8) == ["frukostmöte-2019-03-28"]
    assert repo.stats().users == 1 and repo.language(7) is None


def test_watches_of_open_places_are_kept_by_chat_and_end_when_the_chat_blocks_the_bot_or_ends_everything(repo):
    assert repo.watch_places(1, "jobbverket", "Jobbverket", "sv") is True
    assert repo.watch_places(1, "jobbverket", "JobbVerket") is False  # the same, however it is spelt
    assert repo.watch_places(2, "grow", "Grow", "en") is True
    assert repo.place_watches_of(1) == ["Jobbverket"]
    assert [(w.chat_id, w.target, w.language) for w in repo.active_place_watches()] == [
        (1, "Jobbverket", "sv"),
        (2, "Grow", "en"),
    ]
    repo.mark_blocked(1)
    assert repo.place_watches_of(1) == [] and [w.chat_id for w in repo.active_place_watches()] == [2]
    repo.unsubscribe(2)  # "/avsluta alla"
    assert repo.place_watches_of(2) == []
    columns = [row[1] for row in repo._db.execute("PRAGMA table_info(place_watches)")]
    assert "chat_id" in columns  # what /radera deletes by


def test_the_announced_snapshot_and_its_news_are_written_together(repo):
    assert not repo.has_announced()
    assert repo.announce({"meeting:a": "1"}, None, baseline=True) is None
    assert repo.has_announced() and repo.pending_announcements() == []
    number = repo.announce({"meeting:a": "2", "meeting:b": "3"}, '{"meetings": []}')
    assert repo.announced_facts() == {"meeting:a": "2", "meeting:b": "3"}
    assert [a.id for a in repo.pending_announcements()] == [number]
    repo.announce({"meeting:b": "3"}, None)  # a change that is no news: the snapshot only
    assert repo.announced_facts() == {"meeting:b": "3"} and len(repo.pending_announcements()) == 1
    repo.finish_announcement(number)
    assert repo.pending_announcements() == []
