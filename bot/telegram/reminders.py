"""Meeting reminders: delivering what `bot.schedule` finds due exactly once, and the JobQueue wake-ups.

The schedule lives in the database, not in the JobQueue: jobs are only wake-up calls, rebuilt at
every start, after `/reload` and after each new subscription. Every wake-up runs the same
`run_due`, which recomputes from the subscriptions and the knowledge base what should have gone
out by now, so a missed, doubled or late job changes nothing.

Exactly once: each (chat, meeting, kind) is claimed in the sent log (a UNIQUE key) and the claim
committed before the message is sent; the outcome is logged after. A second wake-up, a second
process or a restart finds the claim and skips. If the process dies between claim and log, the
row stays 'claimed' and is not sent again: we cannot know whether Telegram delivered it, and a
reminder twice is the failure we promised never to make. The same holds when the request went out
and its answer was lost (read timeout, connection dropped). Such rows show as "uncertain" in
/stats; at most WORKERS of them can be open at any moment. A send that certainly failed (429
after retries, connection refused, 5xx) releases its claim so that the next wake-up tries again
while the meeting has not started.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes, JobQueue

from bot.knowledge.model import KnowledgeBase, Meeting
from bot.schedule import KIND, Due, Plan, plan
from bot.state import CannotWrite, Repository
from bot.telegram.network import may_have_arrived

log = logging.getLogger(__name__)

SWEEP = timedelta(minutes=15)  # also picks up meetings that a newsletter "published" today reveals
JOB_PREFIX = "reminders"
BACKOFF = (0.5, 1.0, 2.0, 4.0)
# Reminders claimed and not yet confirmed at any moment: what a SIGKILL can leave "uncertain".
# 12 keeps 28.5 msg/s flowing with up to ~400 ms of Telegram latency.
WORKERS = 12

Clock = Callable[[], datetime]
Render = Callable[[Meeting, KnowledgeBase, str], str]


@dataclass
class Report:
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    retry_later: int = 0
    uncertain: int = 0
    skipped: int = 0  # claimed by another wake-up or process


@dataclass
class ReminderService:
    repo: Repository
    kb: Callable[[], KnowledgeBase]  # the current one: /reload replaces it
    render: Render
    tz: ZoneInfo
    at: time
    clock: Clock
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
    workers: int = WORKERS

    def plan(self) -> Plan:
        return plan(self.kb(), self.repo, self.clock(), self.tz, self.at)

    async def run_due(self, bot: Bot, keep_going: Callable[[], bool] = lambda: True) -> Report:
        """Send what is due. `keep_going` turning False (the bot is stopping) ends the fan-out early:
        claimed reminders are finished, the rest stay unclaimed for the next start."""
        due = self.plan().due
        report = Report()
        if not due:
            return report
        kb = self.kb()
        texts: dict[tuple[str, str], str] = {}
        queue: asyncio.Queue[Due] = asyncio.Queue()
        for item in due:
            queue.put_nowait(item)

        async def worker() -> None:
            while not queue.empty() and keep_going():
                item = queue.get_nowait()
                key = (item.meeting.id, item.language)
                try:
                    if key not in texts:
                        texts[key] = self.render(item.meeting, kb, item.language)
                except Exception:  # noqa: BLE001 -- one meeting's wording must not stop the others
                    log.exception("reminders: could not word %s", item.meeting.id)
                    report.failed += 1
                    continue
                await self._deliver(bot, item, texts[key], report)

        await asyncio.gather(*(worker() for _ in range(min(self.workers, len(due)))))
        log.info(
            "reminders: sent=%d blocked=%d failed=%d retry_later=%d uncertain=%d skipped=%d",
            report.sent,
            report.blocked,
            report.failed,
            report.retry_later,
            report.uncertain,
            report.skipped,
        )
        return report

    async def _deliver(self, bot: Bot, due: Due, text: str, report: Report) -> None:
        chat, meeting = due.chat_id, due.meeting.id
        try:
            claimed = await self._db(self.repo.claim_reminder, chat, meeting, KIND)
        except CannotWrite:  # unclaimed, so unsent: the sweep tries again once the database can be written
            report.retry_later += 1
            return
        if not claimed:
            report.skipped += 1
            return
        for attempt, pause in enumerate((*BACKOFF, None)):
            try:
                message = await bot.send_message(chat, text)
            except Forbidden as error:
                await self._record(self.repo.mark_failed, chat, meeting, KIND, str(error))
                ended = await self._record(self.repo.mark_blocked, chat)
                log.info("reminders: chat %s blocked the bot; %d subscriptions ended", chat, ended)
                report.blocked += 1
                return
            except RetryAfter:
                # certainly not sent; the sweep retries
                await self._record(self.repo.release_claim, chat, meeting, KIND)
                report.retry_later += 1
                return
            except NetworkError as error:  # TimedOut is a NetworkError too
                if may_have_arrived(error):
                    log.warning(
                        "reminders: %s to chat %s may or may not have arrived (%r); not resending", meeting, chat, error
                    )
                    report.uncertain += 1
                    return
                if pause is None:
                    await self._record(self.repo.release_claim, chat, meeting, KIND)
                    log.warning(
                        "reminders: %s to chat %s failed %d times (%r); will retry later",
                        meeting,
                        chat,
                        attempt + 1,
                        error,
                    )
                    report.retry_later += 1
                    return
                await self.sleep(pause)
                continue
            except TelegramError as error:  # refused for good: chat not found, migrated, bad request
                await self._record(self.repo.mark_failed, chat, meeting, KIND, str(error))
                log.warning("reminders: chat %s refused %s: %s", chat, meeting, error)
                report.failed += 1
                return
            await self._record(self.repo.mark_sent, chat, meeting, KIND, message.message_id)
            report.sent += 1
            return

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

    # scheduling

    def reschedule(self, job_queue: JobQueue[Any]) -> int:
        """Replace the reminder jobs by wake-ups at each future reminder time; returns how many.

        The sweep is left running: rescheduling at every new subscription must not keep
        pushing it into the future."""
        sweep = f"{JOB_PREFIX}:sweep"
        for job in job_queue.jobs():
            if job.name and job.name.startswith(JOB_PREFIX) and job.name != sweep:
                job.schedule_removal()
        now = self.clock()
        current = self.plan()
        options = {"misfire_grace_time": None, "coalesce": True}  # APScheduler's default grace is 1 s
        for at in sorted(current.later):
            job_queue.run_once(self._job, when=at - now, name=f"{JOB_PREFIX}:{at.isoformat()}", job_kwargs=options)
        if current.due:
            job_queue.run_once(self._job, when=0, name=f"{JOB_PREFIX}:now", job_kwargs=options)
        if not job_queue.get_jobs_by_name(sweep):
            job_queue.run_repeating(self._job, interval=SWEEP, first=SWEEP, name=sweep, job_kwargs=options)
        return len(current.later)

    async def _job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Application.stop() clears `running` before it waits for running jobs.
        await self.run_due(context.bot, keep_going=lambda: context.application.running)
