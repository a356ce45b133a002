"""Change alerts: telling subscribers and watchers, once, what a newly loaded knowledge base changed.

When: whenever the base as the bot knows it today differs from the one last announced: at start,
after `/reload`, and at the sweep every 15 minutes (an issue counts from the first of its month, so
a base holding next month's issue changes what is known on that day without a reload).

How: `check` compares the snapshot of the base (`bot.knowledge.news`) with the one stored, and
writes the new snapshot and the news, queued as an announcement, in one transaction: a crash
leaves either neither or both. The first base ever is recorded as announced without alerts (the
baseline), so a first start never tells everyone that every meeting is new. `send_pending` sends
each queued announcement: to each chat at most one message, about the meetings it cares for (those
of the municipalities it subscribes to, or all, and those it asked to be reminded of) and the open
places it watches. They go through the reminders' fan-out (`bot.telegram.fanout`): claimed
in the sent log under "announcement-<id>" before they are sent, with the same rate limits and 403
handling. A restart in the middle resumes the announcement and skips whoever was claimed; an
announcement is done once a pass over it leaves nothing to retry.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.ext import ContextTypes, JobQueue

from bot.answers.alerts import fitted, meetings_alert, places_alert
from bot.folding import fold
from bot.knowledge import news
from bot.knowledge.model import KnowledgeBase, Meeting
from bot.knowledge.news import MeetingNews, News, Snapshot, SnapshotUnreadable
from bot.knowledge.query import as_of, moves_of
from bot.state import ALL, Announcement, CannotWrite, Reason, Repository
from bot.telegram.fanout import WORKERS, Fanout, Outgoing, Report
from bot.telegram.municipalities import place_label
from bot.telegram.reminders import SWEEP

log = logging.getLogger(__name__)

JOB_PREFIX = "alerts"
KIND = "alert"  # in the sent log, beside the reminders' "day_before"


@dataclass
class _Chat:
    """What one chat wants to hear of."""

    language: str
    places: set[str] = field(default_factory=set)  # municipalities subscribed to, or ALL
    meetings: dict[str, str] = field(default_factory=dict)  # meetings it asked to be reminded of, as they moved:
    # each id the meeting has had -> the id it was watched by
    targets: set[str] = field(default_factory=set)  # folded providers and kinds of place it watches

    def wants(self, item: MeetingNews) -> bool:
        return (
            ALL in self.places
            or bool(item.municipalities & self.places)
            or bool(item.meeting_ids & self.meetings.keys())
        )

    def reason(self, items: list[MeetingNews], targets: set[str]) -> Reason:
        """The subscriptions and watches that make the chat hear of these items."""
        where = {place for item in items for place in item.municipalities if place}
        places = self.places & (where | {ALL})
        watched = {self.meetings[meeting] for item in items for meeting in item.meeting_ids if meeting in self.meetings}
        return Reason(tuple(sorted(places)), tuple(sorted(watched)), tuple(sorted(targets)))

    def labels(self, items: list[MeetingNews], lang: str) -> tuple[str, ...]:
        """The subscriptions the news concern, as the lead of the message names them."""
        if ALL in self.places:
            return (place_label(ALL, lang),)
        where = {place for item in items for place in item.municipalities if place}
        return tuple(sorted(self.places & where))


@dataclass
class AlertService:
    repo: Repository
    kb: Callable[[], KnowledgeBase]  # the current one: /reload replaces it
    tz: ZoneInfo
    clock: Callable[[], datetime]
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
    workers: int = WORKERS
    hours: tuple[time, time] = (time(8, 0), time(21, 0))  # sent only from, until (local; BOT_ALERT_HOURS)
    _sending: asyncio.Lock = field(default_factory=asyncio.Lock, init=False, repr=False)

    def today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def sending_hours(self) -> bool:
        """Whether alerts may go out now: nobody is woken by the sweep that finds a new issue at 00:05."""
        start, end = self.hours
        return start <= self.clock().astimezone(self.tz).time() < end

    def next_opening(self) -> datetime:
        """When sending hours next begin (today's opening while it is ahead, else tomorrow's)."""
        now = self.clock().astimezone(self.tz)
        opening = datetime.combine(now.date(), self.hours[0], self.tz)
        return opening if opening > now else datetime.combine(now.date() + timedelta(days=1), self.hours[0], self.tz)

    # finding what changed

    def check(self) -> News | None:
        """Record the base as known today as announced, queueing what changed since the last one; returns
        that news, if any. A database that cannot be written, or a bug, is logged: the sweep tries again."""
        try:
            return self._check()
        except CannotWrite:  # logged by the repository
            return None
        except Exception:  # noqa: BLE001 -- a failed comparison must not stop the bot or a reload
            log.exception("alerts: could not compare the knowledge base with the one last announced")
            return None

    def _check(self) -> News | None:
        today = self.today()
        current = news.snapshot(self.kb(), today)
        facts = current.encode()
        if not self.repo.has_announced():
            self.repo.announce(facts, None, baseline=True)
            log.info(
                "alerts: no knowledge base was announced before; this one (%d meetings, %d open-place counts) "
                "is recorded as announced, without alerts",
                len(current.meetings),
                len(current.places),
            )
            return None
        stored = self.repo.announced_facts()
        if stored == facts:
            return None
        try:
            before = Snapshot.decode(stored)
        except SnapshotUnreadable as error:
            log.warning(
                "alerts: the announced snapshot cannot be read (%s); this base is recorded without alerts", error
            )
            self.repo.announce(facts, None)
            return None
        kept = news.remembered(before, current, today).encode()  # what left the base stays announced
        if stored == kept:
            return None
        found = news.diff(before, current, today)
        number = self.repo.announce(kept, found.encode() if found else None)
        if not found:
            return None
        log.info(
            "alerts: announcement %s queued: %d about meetings, %d about open places",
            number,
            len(found.meetings),
            len(found.places),
        )
        return found

    # sending it

    async def send_pending(self, bot: Bot, keep_going: Callable[[], bool] = lambda: True) -> Report:
        """Send every queued announcement to whom it concerns. One fan-out at a time: a second call waits,
        then finds what the first sent claimed. Outside sending hours nothing is sent: it stays queued."""
        total = Report()
        if not self.sending_hours():
            return total
        async with self._sending:
            for announcement in self.repo.pending_announcements():
                if not keep_going():
                    break
                report = await self._send(bot, announcement, keep_going)
                total.add(report)
                if keep_going() and report.retry_later == 0:
                    try:
                        self.repo.finish_announcement(announcement.id)
                    except CannotWrite:
                        pass  # still pending: the next pass finds everyone claimed
        return total

    async def _send(self, bot: Bot, announcement: Announcement, keep_going: Callable[[], bool]) -> Report:
        try:
            found = News.decode(announcement.news).ahead(self.today())
        except SnapshotUnreadable as error:
            log.warning("alerts: announcement %d cannot be read (%s); not sent", announcement.id, error)
            return Report()
        items = self._outgoing(f"announcement-{announcement.id}", found)
        return await Fanout(self.repo, "alerts", self.sleep, self.workers).send(bot, items, keep_going)

    def _outgoing(self, subject: str, found: News) -> list[Outgoing]:
        if not found:
            return []
        kb = self.kb()
        chats = self._chats()
        logged = self.repo.logged_reminders([subject])

        @functools.cache
        def word(meetings: tuple[int, ...], labels: tuple[str, ...], places: tuple[int, ...], lang: str) -> str:
            parts = []
            if meetings:
                parts.append(meetings_alert([found.meetings[i] for i in meetings], list(labels), kb, lang))
            if places:
                parts.append(places_alert([found.places[i] for i in places], kb, lang))
            return fitted("\n\n".join(parts), lang)

        items = []
        for chat_id, chat in sorted(chats.items()):
            if (chat_id, subject, KIND) in logged:
                continue
            meetings = tuple(i for i, item in enumerate(found.meetings) if chat.wants(item))
            places = tuple(i for i, item in enumerate(found.places) if fold(item.now.name) in chat.targets)
            if meetings or places:
                concerned = [found.meetings[i] for i in meetings]
                labels = chat.labels(concerned, chat.language)
                text = functools.partial(word, meetings, labels, places, chat.language)
                targets = {fold(found.places[i].now.name) for i in places}
                items.append(Outgoing(chat_id, subject, KIND, text, chat.reason(concerned, targets)))
        return items

    def _chats(self) -> dict[int, _Chat]:
        chats: dict[int, _Chat] = {}
        for subscription in self.repo.active_subscriptions():
            chats.setdefault(subscription.chat_id, _Chat(subscription.language)).places.add(subscription.municipality)
        known: dict[str, Meeting] | None = None
        for watch in self.repo.active_watches():
            # "Remind me" of a meeting that moved concerns it on its new day too (cancelled or changed there)
            known = (
                known
                if known is not None
                else {meeting.id: meeting for meeting in as_of(self.kb(), self.today()).meetings}
            )
            chat = chats.setdefault(watch.chat_id, _Chat(watch.language))
            for meeting_id in moves_of(known, watch.meeting_id):
                chat.meetings.setdefault(meeting_id, watch.meeting_id)
        for place_watch in self.repo.active_place_watches():
            chats.setdefault(place_watch.chat_id, _Chat(place_watch.language)).targets.add(place_watch.target_key)
        return chats

    # the JobQueue

    def schedule(self, job_queue: JobQueue[Any]) -> None:
        """Send what is queued now (in the background: a fan-out to thousands takes minutes), or when sending
        hours next begin, and look for changes every SWEEP (whose finds wait for sending hours too)."""
        options = {"misfire_grace_time": None, "coalesce": True}
        if self.sending_hours():
            job_queue.run_once(self._send_job, when=0, name=f"{JOB_PREFIX}:now", job_kwargs=options)
        else:
            opening = self.next_opening()
            name = f"{JOB_PREFIX}:{opening.isoformat()}"
            if not job_queue.get_jobs_by_name(name):
                job_queue.run_once(self._send_job, when=opening - self.clock(), name=name, job_kwargs=options)
        sweep = f"{JOB_PREFIX}:sweep"
        if not job_queue.get_jobs_by_name(sweep):
            job_queue.run_repeating(self._sweep_job, interval=SWEEP, first=SWEEP, name=sweep, job_kwargs=options)

    async def _send_job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Application.stop() clears `running` before it waits for running jobs.
        await self.send_pending(context.bot, keep_going=lambda: context.application.running)

    async def _sweep_job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.check()
        await self._send_job(context)
