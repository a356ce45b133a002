"""One message to each of many chats, exactly once: the machinery the reminders and the change alerts share.

Exactly once: each message is claimed in the sent log (a UNIQUE key of chat, subject and kind) and
the claim committed before it is sent; the outcome is logged after. A second wake-up, a second
process or a restart finds the claim and skips. If the process dies between claim and log, the
row stays 'claimed' and is not sent again: we cannot know whether Telegram delivered it, and a
message twice is the failure we promised never to make. The same holds when the request went out
and its answer was lost (read timeout, connection dropped). Such rows show as "uncertain" in
/stats; at most `workers` of them can be open at any moment. A send that certainly failed (429
after retries, connection refused, 5xx) releases its claim so that the next wake-up tries again.
A chat that blocked the bot (403) is marked blocked, which ends its subscriptions and watches. A group that
became a supergroup (ChatMigrated) has its rows moved to the new chat id in one transaction and is sent the
message there, once.

The pace is the bot's `MessageRateLimiter`: every message of every fan-out goes through it.
Log lines name the chat and the subject, never the text.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.state import CannotWrite, Reason, Repository
from bot.telegram.network import may_have_arrived

log = logging.getLogger(__name__)

BACKOFF = (0.5, 1.0, 2.0, 4.0)
# Messages claimed and not yet confirmed at any moment: what a SIGKILL can leave "uncertain".
# 12 keeps 28.5 msg/s flowing with up to ~400 ms of Telegram latency.
WORKERS = 12
BLOCKED = "blocked"


@dataclass(frozen=True)
class Outgoing:
    """One message to send: to whom, about what (the sent log's key) and its wording, asked for just before
    it is sent (so that 10,000 identical reminders are worded once, by a cache behind `text`)."""

    chat_id: int
    subject: str  # a meeting id, or an announcement ("announcement-7")
    kind: str  # what kind of message about it: a day-before reminder, a change alert, open places
    text: Callable[[], str]
    reason: Reason  # the subscriptions and watches that make the chat a recipient: claimed only while one holds


@dataclass
class Report:
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    retry_later: int = 0
    uncertain: int = 0
    skipped: int = 0  # claimed by another wake-up or process

    def add(self, other: Report) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


@dataclass
class Fanout:
    repo: Repository
    label: str  # "reminders", "alerts": the first word of each log line
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
    workers: int = WORKERS

    async def send(self, bot: Bot, items: Sequence[Outgoing], keep_going: Callable[[], bool] = lambda: True) -> Report:
        """Send each item once. `keep_going` turning False (the bot is stopping) ends the fan-out early:
        claimed messages are finished, the rest stay unclaimed for the next start."""
        report = Report()
        if not items:
            return report
        queue: asyncio.Queue[Outgoing] = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        blocked: set[int] = set()  # chats that answered 403 in this fan-out: nothing more is tried for them

        async def worker() -> None:
            while not queue.empty() and keep_going():
                item = queue.get_nowait()
                if item.chat_id in blocked:
                    report.skipped += 1
                    continue
                try:
                    text = item.text()
                except Exception:  # noqa: BLE001 -- one subject's wording must not stop the others
                    log.exception("%s: could not word %s", self.label, item.subject)
                    report.failed += 1
                    continue
                if await self._deliver(bot, item, text, report) == BLOCKED:
                    blocked.add(item.chat_id)

        await asyncio.gather(*(worker() for _ in range(min(self.workers, len(items)))))
        log.info(
            "%s: sent=%d blocked=%d failed=%d retry_later=%d uncertain=%d skipped=%d",
            self.label,
            report.sent,
            report.blocked,
            report.failed,
            report.retry_later,
            report.uncertain,
            report.skipped,
        )
        return report

    async def _deliver(self, bot: Bot, item: Outgoing, text: str, report: Report) -> str | None:
        """Claim, send, record; returns BLOCKED when the chat blocked the bot."""
        chat, subject, kind = item.chat_id, item.subject, item.kind
        try:
            claimed = await self._db(self.repo.claim_reminder, chat, subject, kind, item.reason)
        except CannotWrite:  # unclaimed, so unsent: the sweep tries again once the database can be written
            report.retry_later += 1
            return None
        if not claimed:  # claimed before, or the chat is no longer a recipient (/radera, /stop a moment ago)
            report.skipped += 1
            return None
        migrated = False
        attempt = 0  # sends tried to this chat; a move to a supergroup's new id starts again
        while True:
            pause = BACKOFF[attempt] if attempt < len(BACKOFF) else None
            attempt += 1
            try:
                message = await bot.send_message(chat, text)
            except ChatMigrated as error:  # a group became a supergroup: certainly not sent; move it, send once more
                new = int(error.new_chat_id)
                if migrated or await self._db(self.repo.reminder_status, new, subject, kind) is not None:
                    await self._record(self.repo.mark_failed, chat, subject, kind, str(error))
                    report.failed += 1
                    return None
                try:
                    await self._db(self.repo.move_chat, chat, new)
                except CannotWrite:
                    await self._record(self.repo.release_claim, chat, subject, kind)
                    report.retry_later += 1
                    return None
                log.info(
                    "%s: chat %s became chat %s (a supergroup); its rows moved, sending there", self.label, chat, new
                )
                chat, migrated, attempt = new, True, 0
                continue
            except Forbidden as error:
                await self._record(self.repo.mark_failed, chat, subject, kind, str(error))
                ended = await self._record(self.repo.mark_blocked, chat)
                log.info("%s: chat %s blocked the bot; %d subscriptions ended", self.label, chat, ended)
                report.blocked += 1
                return BLOCKED
            except RetryAfter:
                # certainly not sent; the sweep retries
                await self._record(self.repo.release_claim, chat, subject, kind)
                report.retry_later += 1
                return None
            except BadRequest as error:  # a NetworkError in python-telegram-bot, but Telegram answered: for good
                await self._refused(chat, subject, kind, error, report)
                return None
            except NetworkError as error:  # TimedOut is a NetworkError too
                if may_have_arrived(error):
                    log.warning(
                        "%s: %s to chat %s may or may not have arrived (%r); not resending",
                        self.label,
                        subject,
                        chat,
                        error,
                    )
                    report.uncertain += 1
                    return None
                if pause is None:
                    await self._record(self.repo.release_claim, chat, subject, kind)
                    log.warning(
                        "%s: %s to chat %s failed %d times (%r); will retry later",
                        self.label,
                        subject,
                        chat,
                        attempt,
                        error,
                    )
                    report.retry_later += 1
                    return None
                await self.sleep(pause)
                continue
            except TelegramError as error:  # refused for good
                await self._refused(chat, subject, kind, error, report)
                return None
            await self._record(self.repo.mark_sent, chat, subject, kind, message.message_id)
            report.sent += 1
            return None

    async def _refused(self, chat: int, subject: str, kind: str, error: TelegramError, report: Report) -> None:
        await self._record(self.repo.mark_failed, chat, subject, kind, str(error))
        log.warning("%s: chat %s refused %s: %s", self.label, chat, subject, error)
        report.failed += 1

    @staticmethod
    async def _db(write: Callable[..., Any], *args: Any) -> Any:
        # Each write waits for an fsync (synchronous=FULL). In a thread, the event loop keeps
        # other senders on their rate-limit slots instead of releasing them late and all at once.
        return await asyncio.to_thread(write, *args)

    async def _record(self, write: Callable[..., Any], *args: Any) -> Any:
        """An outcome after the claim: if it cannot be written the claim stays and is never resent."""
        try:
            return await self._db(write, *args)
        except CannotWrite:
            return 0
