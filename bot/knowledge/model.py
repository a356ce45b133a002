"""Typed records of the knowledge base. Every fact carries the newsletter it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Day = date  # for fields beside one named `date`


@dataclass(frozen=True)
class Source:
    """Where a fact was read: the newsletter issue (see `Issue.id`) and the section heading."""

    issue: str
    section: str = ""


@dataclass
class Issue:
    """One newsletter. `published` is the first day of its month: the day it starts to count."""

    id: str  # "2018-5" for nr 5 2018
    number: int
    year: int
    month: int
    published: date
    file: str
    headlines: list[str] = field(default_factory=list)


@dataclass
class Registration:
    deadline: date | None = None
    contact: str | None = None  # an e-mail address, or who to tell
    text: str | None = None  # the newsletter's own words


@dataclass
class MeetingVersion:
    """What one issue said about a meeting that several issues speak of."""

    source: Source
    municipality: str | None = None
    venue: str | None = None
    topic: str | None = None
    speakers: list[str] = field(default_factory=list)
    organiser: str | None = None
    breakfast: str | None = None
    start: str | None = None
    end: str | None = None
    registration: Registration | None = None
    invitation: bool = False
    note: str | None = None
    status: str | None = None  # "cancelled", or "moved" (to `moved_to`); None while it stands
    moved_from: Day | None = None  # the date it had before a notice moved it here
    moved_to: Day | None = None


@dataclass
class Meeting:
    """A breakfast meeting or seminar. Times are "HH:MM" in Europe/Stockholm."""

    id: str  # "<kind>-<date>": one meeting per kind and day
    kind: str  # "frukostmöte" or "seminarium"
    date: date
    municipality: str | None = None
    venue: str | None = None
    topic: str | None = None
    speakers: list[str] = field(default_factory=list)
    organiser: str | None = None
    breakfast: str | None = None
    start: str | None = None
    end: str | None = None
    registration: Registration | None = None
    invitation: bool = False
    note: str | None = None
    status: str | None = None  # "cancelled", or "moved" (to `moved_to`); None while it stands
    moved_from: Day | None = None  # the date it had before a notice moved it here
    moved_to: Day | None = None
    sources: list[Source] = field(default_factory=list)  # every issue that speaks of it, oldest first
    statements: list[MeetingVersion] = field(default_factory=list)  # what each said, when several do

    @property
    def stands(self) -> bool:
        """Whether it takes place on its day: neither cancelled nor moved to another."""
        return self.status is None


@dataclass
class OpenPlace:
    provider: str
    count: int
    group: str | None = None
    municipality: str | None = None


@dataclass
class PlacesReport:
    """One "Lediga platser" notice: the open places of a programme as of a date."""

    programme: str
    as_of: date
    as_of_text: str  # the newsletter's words, e.g. "i slutet av augusti"
    places: list[OpenPlace]
    enrolled: int | None = None
    contact: str | None = None  # whom to contact to propose a participant
    source: Source = field(default_factory=lambda: Source(""))


@dataclass
class Role:
    title: str
    organisation: str | None = None
    start: date | None = None
    end: date | None = None  # the first day the person no longer holds it
    note: str | None = None  # e.g. "tillträder i vår"
    source: Source = field(default_factory=lambda: Source(""))
    dates_from: Source | None = None  # the later issue that gave start, end or note, if not `source`


@dataclass
class Purpose:
    """What to contact someone for. `kind` is one of PURPOSE_KINDS."""

    kind: str
    text: str
    source: Source = field(default_factory=lambda: Source(""))


PURPOSE_KINDS = ("subscribe", "unsubscribe", "registration", "publisher", "information", "proposal")


@dataclass
class Contact:
    """A person or an organisation one can reach."""

    name: str
    kind: str = "person"  # or "organisation"
    email: str | None = None
    phone: str | None = None
    organisation: str | None = None
    email_from: Source | None = None  # the issue that first gave the address
    phone_from: Source | None = None
    roles: list[Role] = field(default_factory=list)
    contact_for: list[Purpose] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass
class BoardMember:
    position: str  # ordförande, vice ordförande, ledamot, ersättare
    represents: str
    name: str | None = None
    party: str | None = None
    vacancy: str | None = None  # e.g. "Utses i februari" when no name is given


@dataclass
class Board:
    start_year: int
    end_year: int
    members: list[BoardMember]
    source: Source = field(default_factory=lambda: Source(""))


@dataclass
class Fact:
    """A sentence or value from a newsletter, with the year it speaks of when known."""

    text: str
    source: Source
    year: int | None = None


@dataclass
class Project:
    name: str
    aliases: list[str] = field(default_factory=list)
    part_of: str | None = None
    description: list[Fact] = field(default_factory=list)
    run_by: list[Fact] = field(default_factory=list)
    funded_by: list[Fact] = field(default_factory=list)
    period: list[Fact] = field(default_factory=list)
    goals: list[Fact] = field(default_factory=list)
    results: list[Fact] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass
class Federation:
    """A coordination federation in the county and the municipalities it covers."""

    name: str
    members: list[str] = field(default_factory=list)
    source: Source = field(default_factory=lambda: Source(""))


@dataclass
class Organisation:
    name: str = ""
    website: str | None = None
    members: list[Fact] = field(default_factory=list)
    federations: list[Federation] = field(default_factory=list)
    figures: list[Fact] = field(default_factory=list)
    newsletter: list[Fact] = field(default_factory=list)  # how often it appears, how to subscribe


@dataclass
class Passage:
    """A paragraph of a newsletter, for quoting when nothing structured answers."""

    text: str
    source: Source


@dataclass
class Lemmas:
    """Word form (lower case) -> its lemma, for the forms the reading layer can meet that are not their own
    lemma: written by `build-kb` from simplemma's dictionaries, so that the bot never loads them."""

    sv: dict[str, str] = field(default_factory=dict)
    en: dict[str, str] = field(default_factory=dict)


@dataclass
class KnowledgeBase:
    issues: list[Issue] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    places: list[PlacesReport] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    boards: list[Board] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    organisation: Organisation = field(default_factory=Organisation)
    passages: list[Passage] = field(default_factory=list)
    lemmas: Lemmas | None = None  # None: a base built before the lemma table (words are folded and cut only)

    def issue(self, issue_id: str) -> Issue | None:
        return issues_by_id(self.issues).get(issue_id)


_by_id: dict[int, tuple[list[Issue], int, dict[str, Issue], date | None]] = {}


def issues_by_id(issues: list[Issue]) -> dict[str, Issue]:
    """Issue id -> the first issue with that id: made once for a list of issues (again when it grows or
    shrinks), not looked for one by one at every question, since the list grows with every issue."""
    return _issues(issues)[2]


def latest_published(issues: list[Issue]) -> date | None:
    """The day the latest of the issues was published (None for none), kept as `issues_by_id` is."""
    return _issues(issues)[3]


def _issues(issues: list[Issue]) -> tuple[list[Issue], int, dict[str, Issue], date | None]:
    cached = _by_id.get(id(issues))
    if cached is None or cached[0] is not issues or cached[1] != len(issues):
        if len(_by_id) > 64:  # old bases and views
            _by_id.clear()
        found: dict[str, Issue] = {}
        for issue in issues:
            found.setdefault(issue.id, issue)
        latest = max((issue.published for issue in issues), default=None)
        cached = _by_id[id(issues)] = (issues, len(issues), found, latest)
    return cached
