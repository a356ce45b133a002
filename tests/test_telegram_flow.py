"""How updates flow through the real Application and the fake Bot API: chats side by side, each in
order, a flooding chat cut off with one note, an unreadable update skipped without its content, and
a stop that keeps what it could not answer for the next start."""

from __future__ import annotations

import asyncio
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from fake_bot_api import FakeBotApi
from telegram_harness import (
    Bot,
    Clock,
    make_engine,
    message,
    render,
    running,
    sample_kb,
    settings_for,
)
from test_knowledge_files import BOMB
from test_telegram_run import bot_env, bot_process, stop

from bot.state import Repository
from bot.telegram.app import build_application
from bot.telegram.flow import ChatFlow, FloodGuard
from bot.telegram.ratelimit import MessageRateLimiter
from bot.texts import say

QUESTIONS = [
    "nästa frukostmöte i Haninge",
    "nästa frukostmöte i Tyresö",
    "lediga platser",
    "kontakt",
    "vem är förbundschef",
]


def real_time_bot(api: FakeBotApi, db: Path, flow: ChatFlow, *, burst: int = 3) -> Bot:
    """The bot as deployed: Telegram's per-chat limit of one message a second, in real time."""
    repo = Repository(db)
    clock = Clock(datetime(2030, 2, 1, 9, 0, tzinfo=datetime.now().astimezone().tzinfo))
    app = build_application(
        settings_for(api, db),
        make_engine(sample_kb()),
        repo,
        render=render,
        load_engine=lambda: make_engine(sample_kb()),
        clock=clock,
        limiter=MessageRateLimiter(burst=burst),
        flow=flow,
    )
    return Bot(app, repo, clock, None, [])  # type: ignore[arg-type]


def replies(api: FakeBotApi, chat_id: int) -> list[str]:
    return [call.text for call in api.calls_to("sendMessage", chat_id)]


def expected_answers(chat: int = 1) -> list[str]:
    engine = make_engine(sample_kb())
    today = datetime(2030, 2, 1).date()
    return [engine.answer(question, today=today, chat=f"expected-{chat}").text for question in QUESTIONS]


async def test_a_flooding_chat_gets_one_note_and_does_not_hold_up_another_chat(tmp_path: Path) -> None:
    with FakeBotApi() as api:
        bot = real_time_bot(api, tmp_path / "db.sqlite3", ChatFlow(FloodGuard(limit=5, window=10.0)))
        for number in range(60):
            api.queue_update(message(1, QUESTIONS[number % len(QUESTIONS)]))
        api.queue_update(message(2, "/start"))
        async with running(bot):
            (other,) = await api.wait_for("sendMessage", chat_id=2, timeout=20)
            fetched = api.calls_to("getUpdates")[0].at
            assert other.at - fetched < 1.0  # answered within a second although chat 1 sent 60 first
            await api.wait_for("sendMessage", count=6, chat_id=1, timeout=20)
            await asyncio.sleep(1.5)  # nothing more is coming for chat 1
        answers = replies(api, 1)
        note = say("sv", "slow_down")
        assert answers.count(note) == 1
        assert [text for text in answers if text != note] == expected_answers()  # the first five, in order


async def test_an_update_the_library_cannot_read_is_skipped_without_its_content(tmp_path: Path) -> None:
    poll = {
        "id": "1",
        "question": "Hemliga frågan?",
        "options": [{"text": "Svar", "voter_count": 0}],
        "total_voter_count": 0,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
    }  # as a Bot API server older than the library sends it
    with FakeBotApi() as api:
        poisoned = api.queue_update(_named(message(5, None, poll=poll)))
        no_chat_id = _named(message(6, "Hemligt meddelande"))
        no_chat_id["message"]["chat"] = {"first_name": "Xerxesina", "type": "private"}
        broken_chat = api.queue_update(no_chat_id)
        api.queue_update(message(7, "lediga platser"))
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url)
        async with bot_process(tmp_path, env, "--log-level", "DEBUG") as process:
            (answer,) = await api.wait_for("sendMessage", chat_id=7, timeout=30)
            await asyncio.sleep(0.5)
            stderr = await stop(process)
        gets = api.calls_to("getUpdates")
    assert process.returncode == 0, stderr
    assert answer.text.startswith("Lediga platser")
    assert len(gets) < 20  # the batch was not fetched again and again
    unreadable = [line.split("event=", 1)[1] for line in stderr.splitlines() if "event=update_unreadable" in line]
    assert unreadable == [
        f"update_unreadable update_id={poisoned} reason=\"TypeError: missing 'persistent_id'\"",
        f"update_unreadable update_id={broken_chat} reason=\"TypeError: missing 'id'\"",
    ]
    assert "Xerxesina" not in stderr and "Hemlig" not in stderr


def _named(update: dict[str, Any]) -> dict[str, Any]:
    """A person whose name must never reach the log."""
    body = update["message"]
    body["from"]["first_name"] = body["chat"]["first_name"] = "Xerxesina"
    return update


async def test_a_stop_answers_what_it_can_and_keeps_the_rest_for_the_next_start(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with FakeBotApi() as api:
        first = real_time_bot(api, db, ChatFlow(drain_seconds=0.3), burst=1)
        for question in QUESTIONS:
            api.queue_update(message(1, question))
        async with running(first):
            await api.wait_for("sendMessage", chat_id=1, timeout=10)
        answered_before = len(replies(api, 1))
        assert 1 <= answered_before < len(QUESTIONS)  # the stop came while chat 1 waited for its turn
        assert not api._updates  # every update was confirmed to Telegram: the rest is in the database

        second = real_time_bot(api, db, ChatFlow(), burst=1)
        async with running(second):
            await api.wait_for("sendMessage", count=len(QUESTIONS), chat_id=1, timeout=15)
            await asyncio.sleep(0.3)
            assert second.repo.take_kept_updates() == []
    assert replies(api, 1) == expected_answers()  # each once, in the order asked


async def test_reload_of_a_hostile_base_answers_at_once_and_keeps_serving(tmp_path: Path, seed_kb_dir: Path) -> None:
    from telegram_harness import ADMIN, build_bot, local

    from bot.engine import Engine

    hostile = tmp_path / "base"
    shutil.copytree(seed_kb_dir, hostile)
    (hostile / "meetings.yaml").write_text(BOMB, encoding="utf-8")
    with FakeBotApi() as api:
        bot = build_bot(api, tmp_path / "db.sqlite3", Clock(local(2019, 3, 20, 10, 0)))
        bot.app.bot_data["fedbot"].load_engine = lambda: Engine.load(hostile)  # what `run` does on /reload
        engine = bot.app.bot_data["fedbot"].engine
        async with running(bot):
            api.queue_update(message(ADMIN, "/reload"))
            api.queue_update(message(8, "lediga platser"))
            [refused] = await api.wait_for("sendMessage", chat_id=ADMIN, timeout=10)
            await api.wait_for("sendMessage", chat_id=8, timeout=10)
        assert refused.text == say(
            "sv",
            "reload_failed",
            error=f"{hostile / 'meetings.yaml'}: line 1: YAML anchors and aliases are not allowed here",
        )
        assert bot.app.bot_data["fedbot"].engine is engine  # the old knowledge stays
