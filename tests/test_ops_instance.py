"""Only one bot per database: a second start refuses with a clear message, a crash frees the lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.cli import COMMANDS
from bot.ops.instance import AlreadyRunning, InstanceLock

ROOT = Path(__file__).resolve().parents[1]

HOLDER = textwrap.dedent(
    """
    import sys
    from bot.ops.instance import InstanceLock
    lock = InstanceLock(sys.argv[1]).acquire()
    print("locked", flush=True)
    sys.stdin.read()  # hold the lock until the test closes stdin or kills us
    """
)
SECOND = textwrap.dedent(
    """
    import sys
    from bot.ops.instance import AlreadyRunning, InstanceLock
    try:
        InstanceLock(sys.argv[1]).acquire()
    except AlreadyRunning as error:
        print(error)
        sys.exit(3)
    print("acquired")
    """
)


def start_holder(db: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def try_second(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SECOND, str(db)], cwd=ROOT, capture_output=True, text=True, timeout=20)


def test_second_process_refuses_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "fedbot.sqlite3"
    holder = start_holder(db)
    try:
        second = try_second(db)
        assert second.returncode == 3
        assert "already running" in second.stdout
        assert f"pid {holder.pid}" in second.stdout
        assert str(db) in second.stdout
    finally:
        holder.communicate("")
    # After a clean exit the next start goes ahead.
    assert try_second(db).stdout.strip() == "acquired"


def test_a_crashed_instance_does_not_block_the_next_start(tmp_path: Path) -> None:
    db = tmp_path / "fedbot.sqlite3"
    holder = start_holder(db)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert (tmp_path / "fedbot.sqlite3.lock").exists()  # the file stays; the lock does not
    assert try_second(db).stdout.strip() == "acquired"


def test_other_databases_are_independent(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "a.sqlite3"):
        with InstanceLock(tmp_path / "b.sqlite3") as other:
            assert other.held
        with pytest.raises(AlreadyRunning):
            InstanceLock(tmp_path / "a.sqlite3").acquire()


@pytest.mark.skipif("run" not in COMMANDS, reason="the run command is not registered yet")
def test_second_bot_run_refuses_before_touching_telegram(tmp_path: Path) -> None:
    db = tmp_path / "fedbot.sqlite3"
    holder = start_holder(db)
    env = {
        **os.environ,
        "BOT_DB_PATH": str(db),
        "TELEGRAM_BOT_TOKEN": "123456:TEST-token-that-is-never-used-anywhere",
        # Nothing listens here: if the guard failed, the bot could not reach Telegram either.
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
    }
    try:
        second = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env={**env, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        holder.communicate("")
    assert second.returncode != 0
    assert "already running" in second.stdout + second.stderr
