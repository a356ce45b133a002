"""Which meeting reminders are due, pure: from the subscriptions, the watches, the sent log and the
knowledge base, at a given moment. Sending them is `bot.telegram.reminders`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.knowledge.model import KnowledgeBase, Meeting
from bot.knowledge.query import as_of, follow_moves, upcoming_meetings
from bot.state import ALL, Reason, Repository

KIND = "day_before"
UNKNOWN_START = time(8, 0)  # breakfast meetings start early; assume so when a newsletter gives no time


def parse_hhmm(text: str | None) -> time | None:
    """A meeting's "HH:MM" (or "HH.MM") as a time, None when absent or unreadable."""
    if not text:
        return None
    try:
        hours, minutes = text.strip().replace(".", ":").split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return None


def meeting_start(meeting: Meeting, tz: ZoneInfo) -> datetime:
    return datetime.combine(meeting.date, parse_hhmm(meeting.start) or UNKNOWN_START, tz)


def reminder_at(meeting: Meeting, tz: ZoneInfo, at: time) -> datetime:
    return datetime.combine(meeting.date - timedelta(days=1), at, tz)


@dataclass(frozen=True)
class Due:
    chat_id: int
    meeting: Meeting
    language: str
    reason: Reason = Reason()  # the subscriptions and watches that make it due


@dataclass
class Plan:
    due: list[Due] = field(default_factory=list)  # to send now, not yet in the sent log
    later: set[datetime] = field(default_factory=set)  # future reminder times with someone to remind


def plan(
    kb: KnowledgeBase,
    repo: Repository,
    now: datetime,
    tz: ZoneInfo,
    at: time,
) -> Plan:
    """Everything that should have been sent by `now` and was not, and when to wake up next."""
    today = now.astimezone(tz).date()
    by_place: dict[str | None, list[Meeting]] = {}

    def meetings(place: str | None) -> list[Meeting]:
        if place not in by_place:
            by_place[place] = upcoming_meetings(kb, today, municipality=place)
        return by_place[place]

    wanted: dict[tuple[int, str], Due] = {}
    places: dict[tuple[int, str], set[str]] = {}
    watched_ids: dict[tuple[int, str], set[str]] = {}
    for sub in repo.active_subscriptions():
        for meeting in meetings(None if sub.municipality == ALL else sub.municipality):
            wanted.setdefault((sub.chat_id, meeting.id), Due(sub.chat_id, meeting, sub.language))
            places.setdefault((sub.chat_id, meeting.id), set()).add(sub.municipality)
    if watches := repo.active_watches():
        known = {meeting.id: meeting for meeting in meetings(None)}
        everything: dict[str, Meeting] = {}
        for watch in watches:
            # A watched meeting that moved is reminded on its new day; a cancelled one never.
            watched = known.get(watch.meeting_id)
            if watched is None:
                everything = everything or {meeting.id: meeting for meeting in as_of(kb, today).meetings}
                watched = follow_moves(everything, watch.meeting_id)
            if watched is not None and watched.id in known:
                wanted.setdefault((watch.chat_id, watched.id), Due(watch.chat_id, watched, watch.language))
                watched_ids.setdefault((watch.chat_id, watched.id), set()).add(watch.meeting_id)
    for key, due in wanted.items():
        reason = Reason(tuple(sorted(places.get(key, ()))), tuple(sorted(watched_ids.get(key, ()))))
        wanted[key] = Due(due.chat_id, due.meeting, due.language, reason)

    result = Plan()
    logged = repo.logged_reminders([meeting_id for _, meeting_id in wanted])
    for (chat_id, meeting_id), due in wanted.items():
        if now >= meeting_start(due.meeting, tz) or (chat_id, meeting_id, KIND) in logged:
            continue
        remind = reminder_at(due.meeting, tz, at)
        if now >= remind:
            result.due.append(due)
        else:
            result.later.add(remind)
    result.due.sort(key=lambda d: (meeting_start(d.meeting, tz), d.chat_id))
    return result
