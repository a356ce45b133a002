"""Reminder fan-out benchmark: N subscribers of one meeting, through a fake Bot API enforcing 30 msg/s.

    .venv/bin/python benchmarks/reminder_fanout.py                   # 10,000 subscribers, about 6 minutes
    .venv/bin/python benchmarks/reminder_fanout.py --subscribers 300
    .venv/bin/python benchmarks/reminder_fanout.py --alerts          # a change alert to each instead

With --alerts, the base last announced is the sample one and the bot then knows it with one meeting
more in Haninge: each subscriber gets one change alert, through the same fan-out.

The fake server runs in its own process (so its clock and CPU are not the bot's) and answers 429
to any message beyond 30 in a sliding second. The bot side is the production code: the real
Application, MessageRateLimiter, ReminderService and SQLite repository (synchronous=FULL).
Reports sustained msg/s, 429s provoked, duplicates, lost, and peak memory (max RSS of the bot).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import multiprocessing
import resource
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from telegram_harness import HANINGE_ID, sample_kb  # noqa: E402

from bot.answers.meetings import reminder_text  # noqa: E402
from bot.knowledge.model import KnowledgeBase  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.state import Repository  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.ratelimit import MessageRateLimiter  # noqa: E402

TZ = ZoneInfo("Europe/Stockholm")
MEETING = HANINGE_ID  # the Haninge meeting of the tests' sample knowledge base
FIRST_CHAT = 10_000_000


def serve(conn, flood_limit: int) -> None:
    from fake_bot_api import FakeBotApi

    with FakeBotApi(flood_limit=flood_limit) as api:
        conn.send((api.base_url, api.token))
        conn.recv()  # "stop"
        sends = [c for c in api.calls if c.method == "sendMessage"]
        ok = [c for c in sends if c.status == 200]
        conn.send(
            {
                "per_chat": Counter(c.chat_id for c in ok),
                "rejected_429": sum(1 for c in sends if c.status == 429),
                "first": min((c.at for c in ok), default=0.0),
                "last": max((c.at for c in ok), default=0.0),
                "max_in_any_second": _max_window([c.at for c in ok]),
            }
        )


def _max_window(times: list[float]) -> int:
    times.sort()
    best, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def add_subscribers(db: Path, count: int) -> None:
    Repository(db).close()  # create the schema
    connection = sqlite3.connect(db)
    with connection:
        connection.executemany(
            "INSERT INTO users VALUES (?, 'sv', 0, '2019-03-01', '2019-03-01')",
            ((FIRST_CHAT + i,) for i in range(count)),
        )
        connection.executemany(
            "INSERT INTO subscriptions VALUES (?, 'Haninge', 1, '2019-03-01', '2019-03-01')",
            ((FIRST_CHAT + i,) for i in range(count)),
        )
    connection.close()


class _Engine:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb


def with_one_more_meeting(kb: KnowledgeBase) -> KnowledgeBase:
    """The base with a new meeting in Haninge: news for every Haninge subscriber."""
    first = kb.meetings[0]
    new = dataclasses.replace(first, id="frukostmöte-2019-04-25", date=date(2019, 4, 25), topic="Nytt möte")
    return dataclasses.replace(kb, meetings=[*kb.meetings, new])


async def fan_out(base_url: str, token: str, db: Path, count: int, alerts: bool = False) -> dict:
    now = datetime(2019, 3, 27, 18, 0, tzinfo=TZ)
    settings = Settings(token=token, api_base_url=base_url, db_path=db)
    repo = Repository(db, clock=lambda: now)
    limiter = MessageRateLimiter()
    # Only the sending path is measured: the engine is never asked a question here.
    engine = _Engine(sample_kb())
    app = build_application(
        settings, engine, repo, render=reminder_text, load_engine=lambda: engine, clock=lambda: now, limiter=limiter
    )
    await app.initialize()
    svc = app.bot_data["fedbot"]
    if alerts:
        svc.alerts.check()  # the baseline: the sample base
        engine.kb = with_one_more_meeting(engine.kb)
        svc.alerts.check()
    started = time.monotonic()
    report = await (svc.alerts.send_pending(app.bot) if alerts else svc.reminders.run_due(app.bot))
    elapsed = time.monotonic() - started
    stats = repo.stats()
    await app.shutdown()
    repo.close()
    return {
        "report": report,
        "elapsed": elapsed,
        "logged_sent": stats.reminders_sent,
        "limiter_retries": limiter.retries,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--flood-limit", type=int, default=30, help="messages per second the fake server allows")
    parser.add_argument("--alerts", action="store_true", help="send a change alert to each instead of a reminder")
    options = parser.parse_args()

    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(child, options.flood_limit), daemon=True)
    server.start()
    base_url, token = parent.recv()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        add_subscribers(db, options.subscribers)
        result = asyncio.run(fan_out(base_url, token, db, options.subscribers, options.alerts))
    parent.send("stop")
    seen = parent.recv()
    server.join(timeout=10)

    per_chat: Counter = seen["per_chat"]
    expected = {FIRST_CHAT + i for i in range(options.subscribers)}
    duplicates = sum(n - 1 for n in per_chat.values() if n > 1)
    lost = len(expected - set(per_chat))
    delivered = sum(per_chat.values())
    span = seen["last"] - seen["first"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"subscribers               {options.subscribers}")
    print(f"delivered                 {delivered}  (logged as sent: {result['logged_sent']})")
    print(f"elapsed                   {result['elapsed']:.1f} s")
    print(
        f"sustained rate            {delivered / result['elapsed']:.2f} msg/s overall, "
        f"{(delivered - 1) / span if span else 0:.2f} msg/s first to last (server clock)"
    )
    print(f"most in any 1 s window    {seen['max_in_any_second']} (server limit {options.flood_limit})")
    print(f"429s provoked             {seen['rejected_429']}")
    print(f"duplicates                {duplicates}")
    print(f"lost                      {lost}")
    print(f"peak memory (max RSS)     {peak_mb:.0f} MB (bot process)")
    print(f"{'alert report' if options.alerts else 'reminder report':26}{result['report']}")
    ok = duplicates == 0 and lost == 0 and seen["rejected_429"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
