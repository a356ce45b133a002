"""What several test files share: the five seed newsletters and their knowledge base, the fake Bot API,
the bot's clock, a captured log, the command line, and a filesystem small enough to fill."""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_bot_api import FakeBotApi
from telegram_harness import Clock, local

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.store import load_kb
from bot.ops.logging import configure

ROOT = Path(__file__).resolve().parents[1]

# The five newsletters the project started from. The tests that pin what the bot reads and answers
# (dates, names, counts, the evaluation set) pin these, read from a copy: a newsletter added to
# knowledge/sources changes what the bot knows, never what these tests expect.
SEED_NEWSLETTERS = (
    "nyhetsbrev-2016-nr3.txt",
    "nyhetsbrev-2017-nr2.txt",
    "nyhetsbrev-2017-nr3.txt",
    "nyhetsbrev-2018-nr5.txt",
    "nyhetsbrev-2019-nr1.txt",
)


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@pytest.fixture
def clock() -> Clock:
    """A Wednesday in March 2019, a week before the Haninge meeting of `telegram_harness.sample_kb`."""
    return Clock(local(2019, 3, 20, 10, 0))


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` in the project (or in a copy of it at `cwd`), as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=cwd, timeout=60, check=False
    )


@pytest.fixture(scope="session")
def seed_knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with `sources/`, the five seed newsletters copied from knowledge/sources, and `base/`,
    their knowledge base, built once per session by `build-kb` with the project's corrections.
    Read-only by agreement: a test that changes a file works on its own copy."""
    folder = tmp_path_factory.mktemp("seed-knowledge")
    sources = folder / "sources"
    sources.mkdir()
    for name in SEED_NEWSLETTERS:
        shutil.copyfile(ROOT / "knowledge" / "sources" / name, sources / name)
    built = run_cli("build-kb", str(sources), "--out", str(folder / "base"))
    assert built.returncode == 0, built.stderr
    return folder


@pytest.fixture(scope="session")
def seed_sources(seed_knowledge: Path) -> Path:
    """The folder holding (copies of) the five seed newsletters, and nothing else."""
    return seed_knowledge / "sources"


@pytest.fixture(scope="session")
def seed_kb_dir(seed_knowledge: Path) -> Path:
    """The knowledge base built from the five seeds: a folder of YAML like knowledge/base."""
    return seed_knowledge / "base"


@pytest.fixture(scope="session")
def seed_kb(seed_kb_dir: Path) -> KnowledgeBase:
    """The seeds' knowledge base, loaded as the bot loads it."""
    return load_kb(seed_kb_dir)


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
