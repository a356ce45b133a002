"""`python -m bot run` as a process: the advice without a token, and polling the fake Bot API until SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fake_bot_api import FakeBotApi
from telegram_harness import message

ROOT = Path(__file__).resolve().parents[1]


def bot_env(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "WEBHOOK_"))}
    return {**env, "BOT_DB_PATH": str(tmp_path / "db.sqlite3"), **values}


def run_until_exit(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m bot run` in `tmp_path` for a start that is expected to stop by itself."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@asynccontextmanager
async def bot_process(tmp_path: Path, env: dict[str, str], *options: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot run [options]` in `tmp_path`; killed if a test fails before stopping it."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        *options,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def stop(process: asyncio.subprocess.Process) -> str:
    """SIGTERM, as systemd and Docker send it; returns what the process wrote to stderr."""
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    return stderr.decode()


def test_without_a_token_it_says_what_to_set_and_how_to_chat_instead(tmp_path):
    done = run_until_exit(tmp_path, bot_env(tmp_path))
    assert done.returncode == 2  # not a terminal: no console chat to open
    assert done.stderr == (
        "error: No Telegram token: set TELEGRAM_BOT_TOKEN (from @BotFather) in the environment or in .env (see "
        ".env.example), then run `python -m bot run` again. To try the bot without Telegram: python -m bot chat\n"
    )


async def test_it_polls_answers_and_stops_cleanly_on_sigterm(tmp_path):
    with FakeBotApi() as api:
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url)
        async with bot_process(tmp_path, env) as process:
            await api.wait_for("getUpdates", timeout=30)
            api.queue_update(message(99, "/start"))
            [greeting] = await api.wait_for("sendMessage", chat_id=99, timeout=30)
            assert greeting.text.startswith("Hej! Jag svarar på frågor om Samordningsförbundet Östra Södertörn")
            stderr = await stop(process)
    assert process.returncode == 0, stderr
    assert api.token not in stderr
    assert (tmp_path / "db.sqlite3").exists()
    assert [c.params.get("language_code", "") for c in api.calls_to("setMyCommands")] == ["", "en"]


async def test_webhook_mode_registers_the_url_and_answers_updates_posted_with_the_secret(tmp_path):
    import json
    import socket
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with FakeBotApi() as api:
        env = bot_env(
            tmp_path,
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_BASE_URL=api.base_url,
            WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
            WEBHOOK_SECRET="s3cret_Token",
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
        )
        async with bot_process(tmp_path, env) as process:
            [registered] = await api.wait_for("setWebhook", timeout=30)
            assert registered.params["url"] == f"http://127.0.0.1:{port}/hook"
            assert registered.params["secret_token"] == "s3cret_Token"

            def post(secret: str, update: dict | None = None) -> int:
                body = json.dumps(update or {"update_id": 1, **message(98, "/start")}).encode()
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/hook",
                    data=body,
                    headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
                )
                try:
                    with urllib.request.urlopen(request, timeout=10) as response:
                        return response.status
                except urllib.error.HTTPError as error:
                    return error.code

            for _ in range(400):  # the webhook server starts listening right after setWebhook
                try:
                    status = await asyncio.to_thread(post, "wrong")
                    break
                except OSError:
                    await asyncio.sleep(0.05)
            assert status == 403
            assert await asyncio.to_thread(post, "s3cret_Token") == 200
            [greeting] = await api.wait_for("sendMessage", chat_id=98, timeout=30)
            assert greeting.text.startswith("Hej! Jag svarar på frågor om")
            unreadable = {"update_id": 2, **message(99, "Hemligt meddelande")}
            unreadable["message"]["chat"] = {"first_name": "Xerxesina", "type": "private"}  # no id
            assert await asyncio.to_thread(post, "s3cret_Token", unreadable) == 400
            assert await asyncio.to_thread(post, "s3cret_Token", {"update_id": 3, **message(98, "/start")}) == 200
            await api.wait_for("sendMessage", 2, chat_id=98, timeout=30)  # still serving
            stderr = await stop(process)
    assert process.returncode == 0, stderr
    assert len(api.calls_to("sendMessage", chat_id=98)) == 2  # the update with the wrong secret was refused
    assert "an update could not be read (TypeError); its content is not logged" in stderr
    assert "Xerxesina" not in stderr and "Hemligt" not in stderr


def test_a_database_from_a_newer_bot_stops_the_start_with_a_reason_and_no_traceback(tmp_path):
    import sqlite3

    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        db.execute("PRAGMA user_version = 99")
    env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN="123456:TEST-token", TELEGRAM_API_BASE_URL="http://127.0.0.1:9/bot")
    done = run_until_exit(tmp_path, env)
    assert done.returncode == 2  # a configuration problem: systemd does not restart it
    assert "newer" in done.stderr and "Traceback" not in done.stderr
