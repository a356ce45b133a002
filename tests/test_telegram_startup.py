"""Start-up of `python -m bot run`: a Telegram that is not there yet, a rejected token, DEBUG logs without secrets."""

from __future__ import annotations

import asyncio

import pytest
from fake_bot_api import FakeBotApi, free_port
from telegram_harness import Clock, build_bot, local, message, running
from test_telegram_run import bot_env, bot_process, run_until_exit, stop

from bot.telegram.startup import until_answered

# Shaped like a real token (digits, colon, 35 characters), so nothing but masking can hide it.
REAL_LOOKING_TOKEN = "7012345678:AAFq3xZ_secretSECRETsecret-42abcdefgh"
REJECTED = (
    "error: Telegram rejected the token in TELEGRAM_BOT_TOKEN ({}): "
    "copy it again from @BotFather (/mybots → API Token) and restart the bot\n"
)
UNREACHABLE = (
    "event=telegram_unreachable call=getMe attempt=1 "
    'error="NetworkError: httpx.ConnectError: All connection attempts failed" retry_in_s=1.0'
)


async def read_until(stream: asyncio.StreamReader, text: str, timeout: float = 30) -> str:
    """Lines of `stream` up to and including the first one containing `text`."""
    seen = ""
    async with asyncio.timeout(timeout):
        while text not in seen:
            line = await stream.readline()
            assert line, f"stream ended before {text!r}: {seen}"
            seen += line.decode()
    return seen


async def test_a_bot_api_that_comes_up_late_is_waited_for_and_then_the_bot_answers(tmp_path):
    port = free_port()  # nothing listens there yet: connection refused, as in an outage at boot
    env = bot_env(
        tmp_path, TELEGRAM_BOT_TOKEN="123456:TEST-token", TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot"
    )
    async with bot_process(tmp_path, env) as process:
        waiting = await read_until(process.stderr, "retry_in_s=2.0")  # two attempts failed
        with FakeBotApi(port=port) as api:
            api.queue_update(message(99, "/start"))
            [greeting] = await api.wait_for("sendMessage", chat_id=99, timeout=30)
            assert greeting.text.startswith("Hej! Jag svarar på frågor om Samordningsförbundet Östra Södertörn")
            stderr = waiting + await stop(process)
    assert process.returncode == 0, stderr
    assert UNREACHABLE in stderr
    assert "event=telegram_reachable attempts=3" in stderr or "event=telegram_reachable attempts=4" in stderr
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) < 20


async def test_sigterm_while_waiting_for_telegram_stops_at_once_with_exit_0(tmp_path):
    env = bot_env(
        tmp_path, TELEGRAM_BOT_TOKEN="123456:TEST-token", TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot"
    )
    async with bot_process(tmp_path, env) as process:
        waiting = await read_until(process.stderr, "event=telegram_unreachable")
        stderr = waiting + await stop(process)
    assert process.returncode == 0, stderr
    assert stderr.splitlines()[-1].endswith('msg="stopped while waiting for Telegram"')


@pytest.mark.parametrize("status, reason", [(401, "401 Unauthorized"), (404, "404 Not Found")])
def test_a_rejected_token_stops_with_exit_2_and_one_line_that_does_not_hold_the_token(tmp_path, status, reason):
    with FakeBotApi(token=REAL_LOOKING_TOKEN) as api:
        api.fail_next("getMe", status, times=5, description=reason.split(" ", 1)[1])
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=REAL_LOOKING_TOKEN, TELEGRAM_API_BASE_URL=api.base_url)
        done = run_until_exit(tmp_path, env)
    assert done.returncode == 2  # a configuration problem: systemd does not restart it
    assert done.stderr == REJECTED.format(reason)
    assert done.stdout == ""
    assert len(api.calls_to("getMe")) == 0 and len(api.calls) == 1  # asked once, not retried


def test_a_token_with_a_control_character_stops_with_exit_2_and_one_line(tmp_path):
    env = bot_env(
        tmp_path,
        TELEGRAM_BOT_TOKEN="7012345678:AAFq3xZ_secret\x01SECRET-42abcdefgh",
        TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",
    )
    done = run_until_exit(tmp_path, env)
    assert done.returncode == 2
    assert done.stderr == (
        "error: TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather (digits, a colon, "
        "then letters, digits, _ or -): check for quotes, spaces or a missing part\n"
    )


async def test_at_debug_level_the_log_never_holds_what_people_wrote_their_names_or_the_token(tmp_path):
    with FakeBotApi(token=REAL_LOOKING_TOKEN) as api:
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=REAL_LOOKING_TOKEN, TELEGRAM_API_BASE_URL=api.base_url)
        async with bot_process(tmp_path, env, "--log-level", "DEBUG") as process:
            update = message(97, "Finns det plats på Zebrakursen i Tyresö?")
            for person in (update["message"]["from"], update["message"]["chat"]):
                person.update(first_name="Xerxesina", last_name="Quodlibet", username="xerxesina_q")
            api.queue_update(update)
            await api.wait_for("sendMessage", chat_id=97, timeout=30)
            stderr = await stop(process)
    assert process.returncode == 0, stderr
    assert "level=DEBUG" in stderr  # the run really logged at DEBUG
    assert "event=update kind=text" in stderr
    for secret in ("Zebrakursen", "Xerxesina", "Quodlibet", "xerxesina_q", REAL_LOOKING_TOKEN, "AAFq3xZ"):
        assert secret not in stderr


async def test_telegram_failing_at_the_commands_menu_does_not_stop_the_bot_and_the_menu_follows(tmp_path):
    with FakeBotApi() as api:
        api.fail_next("setMyCommands", 502)
        async with running(build_bot(api, tmp_path / "db.sqlite3", Clock(local(2019, 3, 20, 10, 0)))):
            api.queue_update(message(96, "/start"))
            await api.wait_for("sendMessage", chat_id=96)
            registered = await api.wait_for("setMyCommands", 2)  # retried from the JobQueue a second later
    assert sorted(c.params.get("language_code", "") for c in registered) == ["", "en"]


async def test_getme_is_retried_with_back_off_through_5xx_dropped_connections_and_429(tmp_path):
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    with FakeBotApi() as api:
        api.fail_next("getMe", 502)
        api.fail_next("getMe", 0)  # the connection dropped without an answer
        api.fail_next("getMe", 500)
        api.fail_next("getMe", 429, times=5, retry_after=7)  # more than the rate limiter's own retries
        bot = build_bot(api, tmp_path / "db.sqlite3", Clock(local(2019, 3, 20, 10, 0)))
        try:
            attempts = await until_answered(bot.app.initialize, "getMe", sleep=sleep)
            assert bot.app.bot.username == "fedbot_test_bot"
        finally:
            await bot.app.shutdown()
            bot.repo.close()
    assert slept[:3] == [1.0, 2.0, 4.0]
    assert all(pause >= 7 for pause in slept[3:]) and len(slept) == attempts - 1


def test_back_off_doubles_up_to_a_minute():
    from itertools import islice

    from bot.telegram.startup import backoff

    assert list(islice(backoff(), 9)) == [1, 2, 4, 8, 16, 32, 60, 60, 60]
