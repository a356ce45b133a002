"""What several test files share: the fake Bot API, the bot's clock, a captured log, the command line,
and a filesystem small enough to fill."""

from __future__ import annotations

import contextlib
import io
import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_bot_api import FakeBotApi
from telegram_harness import Clock, local

from bot.ops.logging import configure

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@pytest.fixture
def clock() -> Clock:
    """A Wednesday in March 2019, a week before the Haninge meeting of `telegram_harness.sample_kb`."""
    return Clock(local(2019, 3, 20, 10, 0))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` in the project, as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False
    )


@pytest.fixture
def log_output(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., io.StringIO]]:
    """`log_output(level, secrets=[...])`: the bot's logging configured into a string; restored after."""
    for owner, name in [(sys, "excepthook"), (threading, "excepthook"), (sys, "unraisablehook")]:
        monkeypatch.setattr(owner, name, getattr(owner, name))  # configure() replaces them
    root = logging.getLogger()
    quiet = ("httpx", "httpcore", "telegram", "apscheduler", "tornado", "hpack")
    saved = (root.level, list(root.handlers), {name: logging.getLogger(name).level for name in quiet})

    def start(level: str = "INFO", secrets: list[str | None] | None = None) -> io.StringIO:
        stream = io.StringIO()
        configure(level, stream=stream, secrets=secrets or [])
        return stream

    yield start
    logging.captureWarnings(False)
    root.handlers[:] = saved[1]
    root.setLevel(saved[0])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


@contextlib.contextmanager
def tiny_filesystem(where: Path, size: str) -> Iterator[Path]:
    """A real filesystem that can be filled up (tmpfs; needs root, else the test is skipped)."""
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small filesystem here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
