"""What changed between the knowledge base last announced to subscribers and the one known now. Pure.

A `Snapshot` keeps, per meeting and per provider or kind of place, only the facts an alert speaks
of, as strings and numbers: compact enough to store in the database as one line of JSON a key
(`bot.state`), and independent of the YAML's layout. `diff(before, after, today)` gives the news:
- meetings newly published, moved (old and new day), cancelled, or given another topic, venue or
  municipality, when they lie ahead (today or later);
- open places that a newer notice reports at a provider or kind ("Arbetsträning"): a count above
  zero, or one different from the last count reported there.
A meeting moved to a new day is one piece of news (moved), not a cancellation plus a new meeting.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.folding import fold
from bot.knowledge.model import KnowledgeBase, Meeting, PlacesReport, Source
from bot.knowledge.query import as_of, proposal_contact

NEW, MOVED, CANCELLED, CHANGED = "new", "moved", "cancelled", "changed"
CHANGEABLE = ("municipality", "topic", "venue")  # a change of these is news; of the rest (times, speakers) not
_MEETING, _PLACES = "meeting:", "places:"
Day = date  # for annotations beside a field named `date`


class SnapshotUnreadable(ValueError):
    """A stored snapshot this version cannot read (written by another version, or damaged)."""


@dataclass(frozen=True)
class MeetingFact:
    id: str
    kind: str
    date: str  # ISO day
    municipality: str | None = None
    topic: str | None = None
    venue: str | None = None
    status: str | None = None  # as Meeting.status: None while it stands
    moved_to: str | None = None
    moved_from: str | None = None
    issue: str = ""  # the latest issue that speaks of it

    @property
    def day(self) -> Day:
        return Day.fromisoformat(self.date)

    def meeting(self) -> Meeting:
        """A Meeting with these facts, for wording them as answers word meetings."""
        return Meeting(
            self.id,
            self.kind,
            self.day,
            municipality=self.municipality,
            venue=self.venue,
            topic=self.topic,
            status=self.status,
            moved_to=Day.fromisoformat(self.moved_to) if self.moved_to else None,
            moved_from=Day.fromisoformat(self.moved_from) if self.moved_from else None,
            sources=[Source(self.issue)] if self.issue else [],
        )


@dataclass(frozen=True)
class PlacesFact:
    name: str  # the provider, or the kind of place, as the notice writes it
    count: int  # open places there; a kind's is the sum over its providers
    providers: tuple[tuple[str, int], ...] = ()  # a kind's providers and their counts
    programme: str = ""
    as_of: str = ""  # ISO day the count holds
    as_of_text: str = ""  # the newsletter's words ("i slutet av augusti")
    contact: str | None = None  # whom to contact to propose a participant
    issue: str = ""

    @property
    def notice(self) -> str:
        """Which notice said it: a newer notice is news even when the count is the same."""
        return f"{self.issue}|{self.programme}|{self.as_of}"


@dataclass
class Snapshot:
    meetings: dict[str, MeetingFact] = field(default_factory=dict)  # by meeting id
    places: dict[str, PlacesFact] = field(default_factory=dict)  # by folded name

    def encode(self) -> dict[str, str]:
        """Key -> one line of JSON, as stored."""
        encoded = {_MEETING + key: _json(fact) for key, fact in self.meetings.items()}
        encoded.update({_PLACES + key: _json(fact) for key, fact in self.places.items()})
        return encoded

    @classmethod
    def decode(cls, stored: dict[str, str]) -> Snapshot:
        snapshot = cls()
        try:
            for key, text in stored.items():
                if key.startswith(_MEETING):
                    snapshot.meetings[key.removeprefix(_MEETING)] = MeetingFact(**json.loads(text))
                elif key.startswith(_PLACES):
                    snapshot.places[key.removeprefix(_PLACES)] = _places_fact(json.loads(text))
                else:
                    raise SnapshotUnreadable(f"unknown key {key[:40]!r}")
        except (TypeError, ValueError, AttributeError) as error:
            raise SnapshotUnreadable(str(error)[:200]) from error
        return snapshot


def snapshot(kb: KnowledgeBase, today: date) -> Snapshot:
    """The facts an alert speaks of, in the base as someone reading every issue published by `today` knows it."""
    view = as_of(kb, today)
    found = Snapshot()
    for meeting in view.meetings:
        found.meetings[meeting.id] = MeetingFact(
            id=meeting.id,
            kind=meeting.kind,
            date=meeting.date.isoformat(),
            municipality=meeting.municipality,
            topic=meeting.topic,
            venue=meeting.venue,
            status=meeting.status,
            moved_to=meeting.moved_to.isoformat() if meeting.moved_to else None,
            moved_from=meeting.moved_from.isoformat() if meeting.moved_from else None,
            issue=meeting.sources[-1].issue if meeting.sources else "",
        )
    contact = proposal_contact(kb, today)
    for report in sorted(view.places, key=lambda report: _notice_order(kb, report)):  # a later notice wins
        found.places.update(_places_facts(report, report.contact or contact))
    return found


def remembered(before: Snapshot, now: Snapshot, today: date) -> Snapshot:
    """The snapshot to record as announced: `now`, plus what was announced before and is missing from it,
    meetings while still ahead and every count of open places. A base that leaves facts out (a smaller
    base, an issue taken back for a correction) must not make them news when they come back: only an id
    never announced is new."""
    kept = Snapshot(dict(now.meetings), dict(now.places))
    for key, fact in before.meetings.items():
        if key not in kept.meetings and fact.day >= today:
            kept.meetings[key] = fact
    for key, places in before.places.items():
        kept.places.setdefault(key, places)
    return kept


def _notice_order(kb: KnowledgeBase, report: PlacesReport) -> tuple[date, date, int]:
    issue = kb.issue(report.source.issue)
    return (report.as_of, issue.published, issue.number) if issue else (report.as_of, date.min, 0)


def _places_facts(report: PlacesReport, contact: str | None) -> dict[str, PlacesFact]:
    common: dict[str, Any] = {
        "programme": report.programme,
        "as_of": report.as_of.isoformat(),
        "as_of_text": report.as_of_text,
        "contact": contact,
        "issue": report.source.issue,
    }
    facts = {fold(place.provider): PlacesFact(place.provider, place.count, **common) for place in report.places}
    kinds: dict[str, list[tuple[str, int]]] = {}
    for place in report.places:
        if place.group:
            kinds.setdefault(place.group, []).append((place.provider, place.count))
    for kind, providers in kinds.items():
        if fold(kind) not in facts:  # a provider's own name wins over a kind of the same name
            facts[fold(kind)] = PlacesFact(kind, sum(count for _, count in providers), tuple(providers), **common)
    return facts


@dataclass(frozen=True)
class MeetingNews:
    what: str  # NEW, MOVED, CANCELLED or CHANGED
    meeting: MeetingFact  # as it is now; for a move, the meeting on its new day when that is known
    before: MeetingFact | None = None  # as last announced; for a move, the meeting on its old day

    @property
    def day(self) -> date:
        """The day it is now on (for a move to a day still to be announced: the old day)."""
        return self.meeting.day

    @property
    def municipalities(self) -> set[str | None]:
        """Where it was and is: a subscriber of either hears of it (None: no municipality named)."""
        return {self.meeting.municipality} | ({self.before.municipality} if self.before else set())

    @property
    def meeting_ids(self) -> set[str]:
        return {self.meeting.id} | ({self.before.id} if self.before else set())


@dataclass(frozen=True)
class PlacesNews:
    now: PlacesFact
    before: PlacesFact | None = None


@dataclass
class News:
    meetings: list[MeetingNews] = field(default_factory=list)
    places: list[PlacesNews] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.meetings or self.places)

    def ahead(self, today: date) -> News:
        """Only meetings still ahead (a queued alert sent days later must not speak of the past)."""
        return News([item for item in self.meetings if item.day >= today], list(self.places))

    def encode(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    @classmethod
    def decode(cls, text: str) -> News:
        try:
            data = json.loads(text)
            return cls(
                [
                    MeetingNews(
                        item["what"],
                        MeetingFact(**item["meeting"]),
                        MeetingFact(**item["before"]) if item["before"] else None,
                    )
                    for item in data["meetings"]
                ],
                [
                    PlacesNews(_places_fact(item["now"]), _places_fact(item["before"]) if item["before"] else None)
                    for item in data["places"]
                ],
            )
        except (TypeError, ValueError, KeyError, AttributeError) as error:
            raise SnapshotUnreadable(str(error)[:200]) from error


def diff(before: Snapshot, after: Snapshot, today: date) -> News:
    news = News()
    moved_here: set[str] = set()
    for key, now in after.meetings.items():
        was = before.meetings.get(key)
        if was is None or was.status is not None or now.status != MOVED:
            continue
        target = after.meetings.get(f"{now.kind}-{now.moved_to}") if now.moved_to else None
        if target is not None:
            moved_here.add(target.id)
        shown = target or now  # on its new day; still `now` while that day is to be announced
        if shown.day >= today:
            news.meetings.append(MeetingNews(CANCELLED if shown.status == CANCELLED else MOVED, shown, was))
    for key, now in after.meetings.items():
        was = before.meetings.get(key)
        if now.day < today or key in moved_here:
            continue
        if was is None or was.status is not None:
            if now.status is None:  # newly published, or standing again
                news.meetings.append(MeetingNews(NEW, now))
        elif now.status == CANCELLED:
            news.meetings.append(MeetingNews(CANCELLED, now, was))
        elif now.status is None and changed_fields(was, now):
            news.meetings.append(MeetingNews(CHANGED, now, was))
    news.meetings.sort(key=lambda item: (item.day, item.meeting.id))
    for key, reported in after.places.items():
        last = before.places.get(key)
        if last is not None and last.notice == reported.notice:
            continue
        if reported.count > 0 or (last is not None and last.count != reported.count):
            news.places.append(PlacesNews(reported, last))
    return news


def changed_fields(was: MeetingFact, now: MeetingFact) -> list[str]:
    """Which of CHANGEABLE the later facts give anew (a field no longer given is no news)."""
    return [name for name in CHANGEABLE if getattr(now, name) is not None and getattr(now, name) != getattr(was, name)]


def _json(fact: MeetingFact | PlacesFact) -> str:
    return json.dumps(dataclasses.asdict(fact), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _places_fact(data: dict[str, Any]) -> PlacesFact:
    providers = tuple((str(name), int(count)) for name, count in data.pop("providers", ()))
    return PlacesFact(**data, providers=providers)
