"""Pure, date-aware questions to the knowledge base. Today is always a parameter.

Only newsletters published by `today` count: an issue dated "aug. 2018" counts from 1 August 2018.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.knowledge.meetings import restate
from bot.knowledge.model import (
    Board,
    Contact,
    KnowledgeBase,
    Meeting,
    OpenPlace,
    PlacesReport,
    Project,
    Role,
    Source,
    issues_by_id,
    latest_published,
)

_views: dict[tuple[int, frozenset[str]], tuple[KnowledgeBase, KnowledgeBase]] = {}


def as_of(kb: KnowledgeBase, today: date) -> KnowledgeBase:
    """The knowledge base as someone reading every issue published by `today` would know it."""
    latest = latest_published(kb.issues)
    if latest is not None and latest <= today and len(issues_by_id(kb.issues)) == len(kb.issues):
        return kb  # every issue read (ids are unique): the fast way, as the issues add up
    published = frozenset(issue.id for issue in kb.issues if issue.published <= today)
    if len(published) == len(kb.issues):
        return kb
    key = (id(kb), published)
    cached = _views.get(key)
    if cached and cached[0] is kb:
        return cached[1]
    view = _restrict(kb, published)
    for stale in [k for k, (owner, _) in _views.items() if owner is not kb]:  # a base replaced by /reload
        del _views[stale]
    _views[key] = (kb, view)
    return view


def _restrict(kb: KnowledgeBase, published: frozenset[str]) -> KnowledgeBase:
    def known(source: Source) -> bool:
        return source.issue in published

    meetings = [m for m in (restate(meeting, published.__contains__) for meeting in kb.meetings) if m]
    contacts = []
    for contact in kb.contacts:
        if not any(known(source) for source in contact.sources):
            continue
        contacts.append(
            dataclasses.replace(
                contact,
                email=contact.email if contact.email_from is None or known(contact.email_from) else None,
                phone=contact.phone if contact.phone_from is None or known(contact.phone_from) else None,
                roles=[_dated_as_known(role, known) for role in contact.roles if known(role.source)],
                contact_for=[purpose for purpose in contact.contact_for if known(purpose.source)],
                sources=[source for source in contact.sources if known(source)],
            )
        )
    projects = []
    for project in kb.projects:
        if not any(known(source) for source in project.sources):
            continue
        facts: dict[str, Any] = {
            name: [fact for fact in getattr(project, name) if known(fact.source)]
            for name in ("description", "run_by", "funded_by", "period", "goals", "results")
        }
        projects.append(dataclasses.replace(project, sources=[s for s in project.sources if known(s)], **facts))
    organisation = kb.organisation
    organisation = dataclasses.replace(
        organisation,
        members=[fact for fact in organisation.members if known(fact.source)],
        federations=[federation for federation in organisation.federations if known(federation.source)],
        figures=[fact for fact in organisation.figures if known(fact.source)],
        newsletter=[fact for fact in organisation.newsletter if known(fact.source)],
    )
    return KnowledgeBase(
        issues=[issue for issue in kb.issues if issue.id in published],
        meetings=meetings,
        places=[report for report in kb.places if known(report.source)],
        contacts=contacts,
        boards=[board for board in kb.boards if known(board.source)],
        projects=projects,
        organisation=organisation,
        passages=[passage for passage in kb.passages if known(passage.source)],
        lemmas=kb.lemmas,
    )


def _dated_as_known(role: Role, known: Callable[[Source], bool]) -> Role:
    """A role without the dates that only a not yet published issue gave it."""
    if role.dates_from and not known(role.dates_from):
        return dataclasses.replace(role, start=None, end=None, note=None, dates_from=None)
    return role


_by_date: dict[int, tuple[list[Meeting], int, list[Meeting], list[date]]] = {}


def _standing(kb: KnowledgeBase, today: date) -> tuple[list[Meeting], list[date]]:
    """The meetings known by `today` that stand, soonest first, and their dates: sorted once for each view
    of the base (and again when its list of meetings changes), not at every question, since the list grows
    with every issue."""
    meetings = as_of(kb, today).meetings
    cached = _by_date.get(id(meetings))
    if cached is None or cached[0] is not meetings or cached[1] != len(meetings):
        ordered = sorted((m for m in meetings if m.stands), key=lambda meeting: (meeting.date, meeting.start or ""))
        if len(_by_date) > 64:  # old views (a base replaced by /reload, days gone by)
            _by_date.clear()
        cached = _by_date[id(meetings)] = (meetings, len(meetings), ordered, [m.date for m in ordered])
    return cached[2], cached[3]


def upcoming_meetings(
    kb: KnowledgeBase, today: date, municipality: str | None = None, kind: str | None = None
) -> list[Meeting]:
    """Meetings on or after today, soonest first, optionally in one municipality or of one kind.
    Neither these nor the other lists hold a meeting cancelled or moved away from its day."""
    ordered, dates = _standing(kb, today)
    return [m for m in ordered[bisect_left(dates, today) :] if _matches(m, municipality, kind)]


def called_off(
    kb: KnowledgeBase, today: date, municipality: str | None = None, kind: str | None = None
) -> list[Meeting]:
    """Meetings on or after today that are cancelled, or moved to a day still to be announced, soonest first."""
    known = as_of(kb, today).meetings
    gone = [m for m in known if not m.stands and m.date >= today and (m.status == "cancelled" or m.moved_to is None)]
    return sorted((m for m in gone if _matches(m, municipality, kind)), key=lambda m: m.date)


def past_meetings(
    kb: KnowledgeBase, today: date, municipality: str | None = None, kind: str | None = None
) -> list[Meeting]:
    """Meetings before today, most recent first."""
    ordered, dates = _standing(kb, today)
    return [m for m in ordered[: bisect_left(dates, today)] if _matches(m, municipality, kind)][::-1]


def meetings_between(kb: KnowledgeBase, today: date, first: date, last: date) -> list[Meeting]:
    """Meetings known by today that fall between two dates, inclusive, in date order."""
    ordered, dates = _standing(kb, today)
    return ordered[bisect_left(dates, first) : bisect_right(dates, last)]


def meeting_by_id(kb: KnowledgeBase, today: date, meeting_id: str) -> Meeting | None:
    return next((m for m in as_of(kb, today).meetings if m.id == meeting_id), None)


def follow_moves(meetings: dict[str, Meeting], meeting_id: str) -> Meeting | None:
    """The meeting as it now stands among `meetings` (by id), following its moves to a new day ("remind me"
    of a meeting that moved); None when it is unknown, cancelled, or moved to a day still to be announced."""
    chain = moves_of(meetings, meeting_id)
    meeting = meetings.get(chain[-1])
    return meeting if meeting is not None and meeting.stands else None


def moves_of(meetings: dict[str, Meeting], meeting_id: str) -> list[str]:
    """The ids a meeting has had, following its moves among `meetings`: itself first, the day it stands on (or
    was last moved to, or cancelled on) last."""
    chain = [meeting_id]
    meeting = meetings.get(meeting_id)
    for _ in range(len(meetings)):  # a move's chain ends; a cycle of corrections must not hang
        if meeting is None or meeting.status != "moved" or meeting.moved_to is None:
            break
        next_id = f"{meeting.kind}-{meeting.moved_to.isoformat()}"
        if next_id in chain:
            break
        chain.append(next_id)
        meeting = meetings.get(next_id)
    return chain


def _matches(meeting: Meeting, municipality: str | None, kind: str | None) -> bool:
    return (municipality is None or meeting.municipality == municipality) and (kind is None or meeting.kind == kind)


def latest_places(kb: KnowledgeBase, today: date) -> PlacesReport | None:
    """The most recent open-places notice published by today."""
    reports = as_of(kb, today).places
    return max(reports, key=lambda report: (report.as_of, report.source.issue)) if reports else None


def place_names(kb: KnowledgeBase, today: date) -> list[str]:
    """The providers and kinds of place ("Arbetsträning") the open-places notices published by today name,
    the latest notice's first, each once."""
    reports = sorted(as_of(kb, today).places, key=lambda report: (report.as_of, report.source.issue), reverse=True)
    names: dict[str, str] = {}
    for report in reports:
        for place in report.places:
            names.setdefault(fold(place.provider), place.provider)
        for place in report.places:
            if place.group:
                names.setdefault(fold(place.group), place.group)
    return list(names.values())


def find_place_name(kb: KnowledgeBase, today: date, name: str) -> str | None:
    """A provider or kind of place by name, tolerant of case, diacritics and typos."""
    return _best(name, place_names(kb, today), score_cutoff=80)


def proposal_contact(kb: KnowledgeBase, today: date) -> str | None:
    """Whom the newsletters say to contact to propose a participant, with the address when known."""
    for contact in as_of(kb, today).contacts:
        if any(purpose.kind == "proposal" for purpose in contact.contact_for):
            return contact.name + (f" ({contact.email})" if contact.email else "")
    return None


def find_place(report: PlacesReport, name: str) -> OpenPlace | None:
    """An open place by provider name, tolerant of case, diacritics and typos."""
    names = [place.provider for place in report.places]
    found = _best(name, names, score_cutoff=80)
    return report.places[names.index(found)] if found else None


def find_contact(kb: KnowledgeBase, today: date, name: str) -> Contact | None:
    contacts = as_of(kb, today).contacts
    names = [contact.name for contact in contacts]
    found = _best(name, names, score_cutoff=85)
    return contacts[names.index(found)] if found else None


def find_project(kb: KnowledgeBase, today: date, name: str) -> Project | None:
    projects = as_of(kb, today).projects
    choices = [(alias, project) for project in projects for alias in [project.name, *project.aliases]]
    found = _best(name, [alias for alias, _ in choices], score_cutoff=85)
    return next(project for alias, project in choices if alias == found) if found else None


def current_board(kb: KnowledgeBase, on: date) -> Board | None:
    """The board whose term covers the date, else the latest known by then."""
    boards = as_of(kb, on).boards
    covering = [board for board in boards if board.start_year <= on.year <= board.end_year]
    pool = covering or boards
    return max(pool, key=lambda board: board.start_year) if pool else None


def _best(query: str, choices: list[str], score_cutoff: float) -> str | None:
    if not choices:
        return None
    found = process.extractOne(query, choices, scorer=fuzz.ratio, processor=fold, score_cutoff=score_cutoff)
    return found[0] if found else None
