"""`python -m bot backup`: a consistent copy while another process writes, and it restores."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.cli import main
from bot.ops.backup import BackupError, backup
from bot.state import Reason, Repository

ROOT = Path(__file__).resolve().parents[1]

# Writes pairs of rows, each pair in one transaction, until stdin closes. A consistent
# snapshot therefore always holds an even number of rows; a torn one could hold an odd number.
WRITER = textwrap.dedent(
    """
    import sqlite3, sys, threading
    db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE IF NOT EXISTS pairs (n INTEGER, half INTEGER, padding BLOB)")
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    n = 0
    while not stop.is_set():
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO pairs VALUES (?, 0, randomblob(2000))", (n,))
        db.execute("INSERT INTO pairs VALUES (?, 1, randomblob(2000))", (n,))
        db.execute("COMMIT")
        n += 1
        if n == 50:
            print("writing", flush=True)
    """
)


def rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT COUNT(*) FROM pairs").fetchone()[0]


def test_backups_taken_while_another_process_writes_are_consistent(tmp_path: Path) -> None:
    db = tmp_path / "fedbot.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "writing"
        counts = [rows(backup(db, tmp_path / f"copy-{i}.sqlite3")) for i in range(5)]
    finally:
        writer.communicate("", timeout=20)
    assert writer.returncode == 0
    assert all(count % 2 == 0 for count in counts), counts
    assert counts == sorted(counts) and counts[-1] > 0
    assert rows(db) >= counts[-1]
    # The copy is one self-contained file: no write-ahead log beside it.
    assert not (tmp_path / "copy-4.sqlite3-wal").exists()
    assert not list(tmp_path.glob("*.partial"))


def test_backup_command_copies_the_bots_database_and_the_copy_restores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "data" / "fedbot.sqlite3"
    monkeypatch.setenv("BOT_DB_PATH", str(db))
    with Repository(db) as repository:
        repository.subscribe(1001, "Haninge", "sv")
        repository.subscribe(1002, "alla", "en")
        assert repository.claim_reminder(1001, "frukostmöte-2026-09-28", "day_before", Reason(("Haninge",)))
        repository.mark_sent(1001, "frukostmöte-2026-09-28", "day_before", 77)
        expected = repository.stats()

        backups = tmp_path / "backups"
        assert main(["backup", f"{backups}/"]) == 0  # while the repository is open; a new directory
    written = list(backups.glob("fedbot-*.sqlite3"))
    assert len(written) == 1
    assert str(written[0]) in capsys.readouterr().out

    # Restore: the copy becomes the database (the bot stopped, its -wal/-shm files gone).
    restored = tmp_path / "restored" / "fedbot.sqlite3"
    restored.parent.mkdir()
    restored.write_bytes(written[0].read_bytes())
    with Repository(restored) as repository:
        assert repository.stats() == expected
        assert repository.reminder_status(1001, "frukostmöte-2026-09-28", "day_before") == "sent"


def test_backup_refuses_a_missing_database_without_creating_one(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite3"
    with pytest.raises(BackupError, match="no database"):
        backup(missing, tmp_path / "copy.sqlite3")
    assert not missing.exists()
    assert main(["backup", str(tmp_path / "copy.sqlite3"), "--db", str(missing)]) == 1
    assert not (tmp_path / "copy.sqlite3").exists()


def test_backup_never_overwrites_the_database(tmp_path: Path) -> None:
    db = tmp_path / "fedbot.sqlite3"
    Repository(db).close()
    with pytest.raises(BackupError, match="overwrite"):
        backup(db, db)
