"""Meeting reminders: delivering what `bot.schedule` finds due exactly once, and the JobQueue wake-ups.

The schedule lives in the database, not in the JobQueue: jobs are only wake-up calls, rebuilt at
every start, after `/reload` and after each new subscription. Every wake-up runs the same
`run_due`, which recomputes from the subscriptions and the knowledge base what should have gone
out by now, so a missed, doubled or late job changes nothing. Each reminder goes out through
`bot.telegram.fanout` (claimed in the sent log before it is sent, so never twice); a send that
certainly failed releases its claim, so the next wake-up tries again while the meeting has not started.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.ext import ContextTypes, JobQueue

from bot.knowledge.model import KnowledgeBase, Meeting
from bot.schedule import KIND, Plan, plan
from bot.state import Repository
from bot.telegram.fanout import WORKERS, Fanout, Outgoing, Report

SWEEP = timedelta(minutes=15)  # also picks up meetings that a newsletter "published" today reveals
JOB_PREFIX = "reminders"

Clock = Callable[[], datetime]
Render = Callable[[Meeting, KnowledgeBase, str], str]

__all__ = ["JOB_PREFIX", "SWEEP", "Clock", "ReminderService", "Render", "Report"]


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
        if not due:
            return Report()
        kb = self.kb()
        texts: dict[tuple[str, str], str] = {}

        def word(meeting: Meeting, language: str) -> str:  # once per meeting and language, not per chat
            key = (meeting.id, language)
            if key not in texts:
                texts[key] = self.render(meeting, kb, language)
            return texts[key]

        items = [
            Outgoing(
                item.chat_id, item.meeting.id, KIND, functools.partial(word, item.meeting, item.language), item.reason
            )
            for item in due
        ]
        return await Fanout(self.repo, "reminders", self.sleep, self.workers).send(bot, items, keep_going)

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
