"""The database under faults: read-only or full while the bot runs, unusable paths at start, `health`
agreeing with `run`, and files of personal data private whatever the umask."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import tiny_filesystem
from fake_bot_api import FakeBotApi
from telegram_harness import Clock, build_bot, initialized, local, message, running
from test_telegram_run import bot_env, run_until_exit

from bot.cli import main
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.store import save_kb
from bot.ops.instance import InstanceLock
from bot.state import CannotWrite, DatabaseUnusable, Repository
from bot.state.schema import MIGRATIONS
from bot.texts import say

ANNA, BO = 3001, 3002
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    with contextlib.suppress(OSError):
        while True:
            os.write(fd, b"\0" * 4096)
    os.close(fd)
    return filler


def cannot_write_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.state.repository"]


async def test_a_read_only_database_still_answers_questions_and_says_plainly_what_it_cannot_save(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "db.sqlite3"
    with FakeBotApi() as api:
        bot = build_bot(api, db, Clock(local(2019, 3, 20, 10, 0)))
        async with running(bot):
            bot.repo._db.execute("PRAGMA query_only = ON")  # SQLite refuses every write from now on
            api.queue_update(message(ANNA, "nästa frukostmöte i Haninge"))
            api.queue_update(message(ANNA, "/prenumerera Haninge"))
            api.queue_update(message(BO, "lediga platser"))
            answer, refusal = await api.wait_for("sendMessage", 2, chat_id=ANNA)
            await api.wait_for("sendMessage", chat_id=BO)
            assert answer.text.startswith("Nästa frukostmöte i Haninge är torsdag 28 mars 2019.")
            assert refusal.text == say("sv", "cannot_save")
            assert bot.repo.subscriptions_of(ANNA) == []

            bot.repo._db.execute("PRAGMA query_only = OFF")  # writable again
            api.queue_update(message(ANNA, "/prenumerera Haninge"))
            confirmation = (await api.wait_for("sendMessage", 3, chat_id=ANNA))[-1]
            assert confirmation.text == say("sv", "subscribed", place="Haninge", time="18:00")
    assert cannot_write_lines(caplog) == [
        f"database {db} cannot be written (attempt to write a readonly database): answering without saving "
        "until it can",
        f"database {db} can be written again",
    ]  # once each, not once per update


async def test_a_full_disk_holds_a_reminder_back_and_sends_it_once_there_is_room(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", "512k") as disk, FakeBotApi() as api:
        db = disk / "db.sqlite3"
        clock = Clock(local(2019, 3, 27, 18, 0, 1))  # the Haninge reminder is due
        bot = build_bot(api, db, clock)
        bot.repo.subscribe(ANNA, "Haninge", "sv")
        async with initialized(bot):
            filler = fill(disk)
            held = await bot.reminders.run_due(bot.app.bot)
            assert (held.sent, held.retry_later) == (0, 1) and api.calls_to("sendMessage") == []
            filler.unlink()
            sent = await bot.reminders.run_due(bot.app.bot)
            assert sent.sent == 1
            assert (await bot.reminders.run_due(bot.app.bot)).sent == 0  # and never twice
    [reminder] = api.calls_to("sendMessage", chat_id=ANNA)
    assert reminder.text.startswith("Påminnelse: ")


@pytest.mark.parametrize(
    "make, message_end",
    [
        (lambda path: path.mkdir(), "is a folder, not a database file (check BOT_DB_PATH)"),
        (
            lambda path: path.write_bytes(b"no database here, only text " * 10),
            "not an SQLite database (file is not a database); check BOT_DB_PATH",
        ),
    ],
)
def test_run_with_an_unusable_database_path_stops_with_one_line_and_exit_2(tmp_path: Path, make, message_end) -> None:
    db = tmp_path / "fedbot.sqlite3"
    make(db)
    with FakeBotApi() as api:
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url, BOT_DB_PATH=str(db))
        done = run_until_exit(tmp_path, env)
    assert done.returncode == 2
    assert done.stderr == f"error: database {db}: {message_end}\n"


def immutable(path: Path) -> contextlib.AbstractContextManager[None]:
    """Unwritable even for root (chattr +i), as a read-only mount would be; skipped where unsupported."""

    @contextlib.contextmanager
    def manage() -> Iterator[None]:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode != 0:
            pytest.skip("chattr +i is not supported here")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=False)

    return manage()


def test_health_fails_whenever_run_would(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "fedbot.sqlite3"
    save_kb(KnowledgeBase(), tmp_path / "kb")
    Repository(db).close()
    health = ["health", "--db", str(db), "--kb", str(tmp_path / "kb")]
    assert main(health) == 0
    capsys.readouterr()

    with immutable(db):
        assert main(health) == 1
        assert capsys.readouterr().err == (f"unhealthy: database {db}: attempt to write a readonly database\n")
        with pytest.raises(DatabaseUnusable) as refused:
            Repository(db)
        assert str(refused.value) == (
            f"database {db}: cannot be written (attempt to write a readonly database); the bot needs to write it"
        )

    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    assert main(health) == 1
    assert capsys.readouterr().err == (
        f"unhealthy: database {db}: written by a newer version of the bot "
        f"(schema 99, this one knows {len(MIGRATIONS)}): `run` would refuse it\n"
    )


def test_files_of_personal_data_are_private_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        data = tmp_path / "data"
        db = data / "fedbot.sqlite3"
        with Repository(db) as repo:
            repo.subscribe(ANNA, "Haninge", "sv")
            assert main(["backup", "--db", str(db), str(tmp_path / "backups") + "/"]) == 0
            with InstanceLock(db):
                modes = {
                    path.relative_to(tmp_path).as_posix(): stat.S_IMODE(path.stat().st_mode)
                    for path in tmp_path.rglob("*")
                }
    finally:
        os.umask(previous)
    (backup,) = [name for name in modes if name.startswith("backups/fedbot-")]
    assert modes == {
        "data": 0o700,
        "data/fedbot.sqlite3": 0o600,
        "data/fedbot.sqlite3-wal": 0o600,
        "data/fedbot.sqlite3-shm": 0o600,
        "data/fedbot.sqlite3.lock": 0o600,
        "backups": 0o700,
        backup: 0o600,
    }


def test_an_existing_database_open_to_others_is_made_private_and_said_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "fedbot.sqlite3"
    Repository(db).close()
    os.chmod(db, 0o644)
    caplog.set_level(logging.WARNING)
    Repository(db).close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert f"{db} was open to other users (mode 644) and holds personal data: now 600" in caplog.text


def test_a_full_disk_at_start_is_one_line_and_a_failure_worth_retrying(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", "256k") as disk:
        fill(disk)
        with pytest.raises(CannotWrite) as refused:
            Repository(disk / "fedbot.sqlite3")
    assert str(refused.value) == f"database {disk / 'fedbot.sqlite3'}: database or disk is full"
    assert refused.value.exit_code == 1  # systemd restarts: the disk may have room again
