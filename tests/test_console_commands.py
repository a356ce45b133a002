"""Console parity: the console chat takes every command Telegram does, with the same spellings, and says
plainly which ones need Telegram; `scripts/start --today` opens it for that day without a token."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from bot.answers.bot_info import Operator
from bot.console import chat
from bot.console.commands import ANSWERS, NEEDS_TELEGRAM, answer_command
from bot.engine import Engine
from bot.slash import MAX_ARGUMENT, read_slash
from bot.telegram import routes
from bot.texts import commands, say

ROOT = Path(__file__).resolve().parents[1]
AUTUMN_2018 = date(2018, 9, 1)
DONT_KNOW = (say("sv", "unknown", examples="").split("–")[0], say("en", "unknown", examples="").split("–")[0])


@pytest.fixture(scope="module")
def engine(seed_kb_dir: Path) -> Engine:
    return Engine.load(seed_kb_dir)


def every_name() -> list[str]:
    names = []
    for command in commands():
        names += [*command.names, *(alias for aliases in command.also.values() for alias in aliases)]
    return names


def test_every_command_telegram_answers_the_console_answers_too():
    keys = {command.key for command in commands()}
    asking = {command.key for command in commands() if command.intent}
    assert set(ANSWERS) | NEEDS_TELEGRAM | asking == keys
    assert set(routes.ROUTES) | asking == keys


@pytest.mark.parametrize("name", every_name())
def test_no_name_of_any_command_gets_i_dont_know_in_the_console(engine: Engine, name: str):
    slash = read_slash(f"/{name}")
    reply = answer_command(slash, engine, AUTUMN_2018, None, Operator())
    assert reply.text.strip() and not reply.text.startswith(DONT_KNOW), name
    assert reply.text != say(reply.lang, "console_unknown_command", command=name)
    if slash.command.key in NEEDS_TELEGRAM:
        assert reply.text == say(reply.lang, "console_telegram_only", command=slash.command.name(reply.lang))
    elif slash.command.intent:
        assert reply.intent == slash.command.intent


def run_chat(engine: Engine, text: str, lang: str | None = None, operator: Operator | None = None) -> str:
    stdout = io.StringIO()
    assert chat(engine, today=AUTUMN_2018, lang=lang, stdin=io.StringIO(text), stdout=stdout, operator=operator) == 0
    return stdout.getvalue()


def test_the_console_answers_commands_as_telegram_spells_them(engine: Engine):
    out = run_chat(
        engine,
        "/nästa Handen\nvem talar?\n/möten tyresö\n/foo\n/nasta Stockholm\n/prenumerera Haninge\n/help\n/om\n",
        operator=Operator("Förbundets kansli", "info@example.se"),
    )
    assert "Nästa möte i Haninge är fredag 28 september 2018." in out
    assert "Medverkande: Birgitta Notlöf" in out  # the follow-up continues the command's question
    assert "Kommande möten i Tyresö:" in out and "fredag 12 oktober 2018" in out
    assert say("sv", "console_unknown_command", command="foo") in out
    assert "Jag känner inte till orten Stockholm." in out and "[Haninge | Nynäshamn | Tyresö]" in out
    assert say("sv", "console_telegram_only", command="prenumerera") in out
    assert "/watch – Watch open places [provider]" in out  # /help in English, from the one list
    assert "Jag har läst 4 nyhetsbrev. Det senaste är nr 5 2018 (augusti 2018)." in out
    assert "Boten drivs av Förbundets kansli (info@example.se)." in out


def test_the_console_greeting_says_the_day_it_answers_for_and_the_newest_newsletter(engine: Engine):
    out = run_chat(engine, "")
    known = "Jag känner till nyhetsbreven t.o.m. nr 5 2018 (augusti 2018)."
    assert f"{known}\n(Jag svarar som den lördag 1 september 2018.)" in out
    english = run_chat(engine, "", lang="en")
    known = "I know the newsletters up to nr 5 2018 (August 2018)."
    assert f"{known}\n(I answer as on Saturday 1 September 2018.)" in english


def read_until(fd: int, wanted: str, timeout: float = 60.0) -> str:
    """What a terminal shows until `wanted` appears (or the program ends)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the program ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen.decode("utf-8", errors="replace").replace("\r\n", "\n")


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").exists(), reason="scripts/start needs the project's .venv")
def test_scripts_start_with_today_and_no_token_opens_the_console_for_that_day(seed_kb_dir: Path, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "WEBHOOK_"))}
    env.update(TELEGRAM_BOT_TOKEN="", BOT_KB_DIR=str(seed_kb_dir), BOT_DB_PATH=str(tmp_path / "db.sqlite3"))
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "start"), "--today", "2019-01-15"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        close_fds=True,
    )
    os.close(terminal)
    try:
        greeting = read_until(controller, "> ")
        os.write(controller, "/nästa Nynäshamn\n".encode())
        answer = read_until(controller, "Källa")
        os.write(controller, b"\x04")  # Ctrl-D
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    assert process.returncode == 0
    assert "No Telegram token" in greeting and "Starting the console chat now." in greeting
    assert "Jag svarar som den tisdag 15 januari 2019." in greeting
    assert "Jag känner till nyhetsbreven t.o.m. nr 1 2019 (januari 2019)." in greeting
    assert "fredag 8 februari 2019" in answer


def test_run_with_today_and_a_token_refuses_in_one_line(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "WEBHOOK_"))}
    env.update(TELEGRAM_BOT_TOKEN="123456:TEST-token", BOT_DB_PATH=str(tmp_path / "db.sqlite3"), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--today", "2019-01-15"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: --today is for the console chat") and "Traceback" not in done.stderr
    assert not (tmp_path / "db.sqlite3").exists()  # refused before anything was opened
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--today", "15/1"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2 and "not a date YYYY-MM-DD: '15/1'" in bad.stderr


def test_a_very_long_place_argument_is_echoed_at_most_as_far_as_telegram_does(engine: Engine):
    out = run_chat(engine, "/nasta " + "x" * 3000 + "\n")
    assert "x" * MAX_ARGUMENT in out and "x" * (MAX_ARGUMENT + 1) not in out
