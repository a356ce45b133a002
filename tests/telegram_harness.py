"""Shared pieces of the Telegram tests: a small knowledge base, clocks, update builders, a running app.

The engine and the reminder wording are the real ones (bot.engine, bot.answers.render).
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time as _time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fake_bot_api import BOT_ID, FakeBotApi
from telegram.ext import Application

from bot.answers.bot_info import Operator, operator_of
from bot.answers.meetings import reminder_text
from bot.engine import Engine
from bot.knowledge.model import Issue, KnowledgeBase, Meeting, Registration, Source
from bot.settings import Settings
from bot.state import Repository
from bot.telegram.alerts import AlertService
from bot.telegram.app import build_application
from bot.telegram.ratelimit import MessageRateLimiter
from bot.telegram.reminders import ReminderService

TZ = ZoneInfo("Europe/Stockholm")
ADMIN = 777
HANINGE_ID = "frukostmöte-2019-03-28"
TYRESO_ID = "frukostmöte-2019-04-04"


def sample_kb() -> KnowledgeBase:
    source = Source("2019-1", "Frukostmöten")
    return KnowledgeBase(
        issues=[Issue("2019-1", 1, 2019, 2, date(2019, 2, 1), "nyhetsbrev-2019-nr1.txt")],
        meetings=[
            Meeting(
                HANINGE_ID,
                "frukostmöte",
                date(2019, 3, 28),
                municipality="Haninge",
                venue="Handens bibliotek",
                topic="Psykisk ohälsa och arbete",
                start="08:00",
                end="09:30",
                registration=Registration(deadline=date(2019, 3, 25), contact="anmalan@example.se"),
                sources=[source],
            ),
            Meeting(
                TYRESO_ID,
                "frukostmöte",
                date(2019, 4, 4),
                municipality="Tyresö",
                venue="Tyresö kommunhus",
                topic="Samverkan",
                sources=[source],
            ),
        ],
    )


class Clock:
    """An injected wall clock that only moves when a test says so."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


class VirtualTime:
    """Monotonic time for the rate limiter: sleepers wake in order of their wake-up times, instantly.

    A tiny discrete-event clock: each sleeper yields until it is the earliest one waiting, then
    moves time to its wake-up time. Concurrent senders therefore see the time they would see in
    reality, without any real waiting.
    """

    def __init__(self) -> None:
        self.t = 1000.0
        self.slept: list[float] = []
        self._waiting: list[tuple[float, int]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        entry = (self.t + max(seconds, 0.0), next(self._order))
        heapq.heappush(self._waiting, entry)
        try:
            while self._waiting[0] != entry:
                await asyncio.sleep(0)
        except BaseException:
            self._waiting.remove(entry)
            heapq.heapify(self._waiting)
            raise
        heapq.heappop(self._waiting)
        self.t = max(self.t, entry[0])


def make_engine(kb: KnowledgeBase, operator: Operator | None = None) -> Engine:
    return Engine(kb, operator)


def render(meeting: Meeting, kb: KnowledgeBase, lang: str) -> str:
    return reminder_text(meeting, kb, lang)


def settings_for(api: FakeBotApi, db: Path, **extra: Any) -> Settings:
    return Settings(token=api.token, api_base_url=api.base_url, db_path=db, admin_ids=frozenset({ADMIN}), **extra)


@dataclass
class Bot:
    """One running bot process, as far as a test can tell: application, database, clock."""

    app: Application
    repo: Repository
    clock: Clock
    vtime: VirtualTime
    slept: list[float]

    @property
    def reminders(self) -> ReminderService:
        return self.app.bot_data["fedbot"].reminders

    @property
    def alerts(self) -> AlertService:
        return self.app.bot_data["fedbot"].alerts

    def reminder_jobs(self) -> list[Any]:
        return [job for job in self.app.job_queue.jobs() if job.name and job.name.startswith("reminders:20")]


def build_bot(api: FakeBotApi, db: Path, clock: Clock, kb: KnowledgeBase | None = None, **settings: Any) -> Bot:
    """`settings`: more settings for the bot (e.g. `operator=`), beside the fake API, database and admin."""
    kb = kb or sample_kb()
    repo = Repository(db, clock=clock)
    vtime = VirtualTime()
    slept: list[float] = []

    async def record_sleep(seconds: float) -> None:
        slept.append(seconds)

    config = settings_for(api, db, **settings)
    engine = make_engine(kb, operator_of(config))
    limiter = MessageRateLimiter(clock=vtime, sleep=vtime.sleep)
    reminders = ReminderService(
        repo, lambda: app.bot_data["fedbot"].engine.kb, render, TZ, config.reminder_time, clock, sleep=record_sleep
    )
    app = build_application(
        config,
        engine,
        repo,
        render=render,
        load_engine=lambda: make_engine(sample_kb(), operator_of(config)),
        clock=clock,
        limiter=limiter,
        reminders=reminders,
    )
    return Bot(app, repo, clock, vtime, slept)


@asynccontextmanager
async def running(bot: Bot) -> AsyncIterator[Bot]:
    """What `run_polling` does, minus the signal handling: initialize, post_init, start, poll."""
    app = bot.app
    await app.initialize()
    await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0.0, timeout=1)
    try:
        yield bot
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        bot.repo.close()


async def wait_until(condition: Any, timeout: float = 10.0) -> None:
    """A bounded wait that lets the bot run, for effects that are not a request to the fake server."""
    for _ in range(int(timeout / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not met in time")


# updates, as Telegram sends them

_ids = itertools.count(1)


def user(user_id: int, lang: str = "sv") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Anna", "language_code": lang}


def private_chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", "first_name": "Anna"}


def message(
    chat_id: int, text: str | None = None, lang: str = "sv", *, as_command: bool = True, **extra: Any
) -> dict[str, Any]:
    """A message as Telegram sends it. A text starting with "/" is marked a command, as Telegram marks
    "/nasta"; `as_command=False` leaves the mark out, as Telegram does for "/nästa" (ä is no command letter)."""
    body: dict[str, Any] = {
        "message_id": next(_ids),
        "date": int(_time.time()),
        "chat": private_chat(chat_id),
        "from": user(chat_id, lang),
        **extra,
    }
    if text is not None:
        body["text"] = text
        if text.startswith("/") and as_command:
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": body}


def callback(chat_id: int, data: str, lang: str = "sv") -> dict[str, Any]:
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(chat_id, lang),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": next(_ids),
                "date": int(_time.time()),
                "chat": private_chat(chat_id),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "FedBot"},
                "text": "…",
            },
        }
    }


def keyboard_data(call: Any) -> list[str]:
    markup = call.json("reply_markup") if "reply_markup" in call.params else {"inline_keyboard": []}
    return [button.get("callback_data") for row in markup["inline_keyboard"] for button in row]


@asynccontextmanager
async def initialized(bot: Bot) -> AsyncIterator[Bot]:
    """The bot able to send, without polling or the JobQueue: a test drives `run_due` itself."""
    await bot.app.initialize()
    try:
        yield bot
    finally:
        await bot.app.shutdown()
        bot.repo.close()
