"""Newsletters -> one knowledge base: read every issue, merge what several issues say (the later
issue wins), then apply the hand-kept corrections."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bot.folding import fold
from bot.ingest.changes import Change, read_changes
from bot.ingest.contacts import (
    ContactReader,
    ImpossibleDate,
    Mention,
    card_mentions,
    infer_successions,
    merge_mentions,
    new_holder_of_heading,
)
from bot.ingest.corrections import apply_corrections
from bot.ingest.dates import check_plausible
from bot.ingest.document import Line, Newsletter, NewsletterError, Section, Skipped, read_newsletter
from bot.ingest.formats import FORMAT_NAMES, SOURCE_SUFFIXES
from bot.ingest.lexicon import lexicon
from bot.ingest.meetings import BREAKFAST, MeetingReader
from bot.ingest.organisation import (
    own_name,
    read_board,
    read_federations,
    read_figures,
    read_newsletter_facts,
    website_votes,
)
from bot.ingest.people import Names
from bot.ingest.places import read_places
from bot.ingest.projects import find_projects
from bot.knowledge.meetings import merge_statements
from bot.knowledge.model import (
    Board,
    Contact,
    Fact,
    Issue,
    KnowledgeBase,
    Meeting,
    Organisation,
    Passage,
    Source,
)
from bot.knowledge.vocabulary import Vocabulary

_OTHER_FEDERATION = re.compile(r"samordningsförbund", re.I)


@dataclass
class BuildResult:
    kb: KnowledgeBase
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "file:line: reason: text" for every line left out


def newsletter_files(directories: list[Path]) -> tuple[list[Path], list[str]]:
    """The newsletters in the folders (or the files named), and a warning for each other file in a folder;
    hidden files (.gitkeep) and subfolders are passed over."""
    files, skipped = [], []
    for directory in directories:
        if directory.is_file():
            files.append(directory)
        elif directory.is_dir():
            for path in sorted(directory.iterdir()):
                if path.suffix.lower() in SOURCE_SUFFIXES:
                    files.append(path)
                elif not path.name.startswith(".") and not path.is_dir():
                    skipped.append(f"{path}: not a newsletter format ({FORMAT_NAMES}); skipped")
        else:
            raise NewsletterError(f"{directory}: no such file or directory")
    return files, skipped


def build(directories: list[Path], vocabulary: Vocabulary, corrections: Path | None) -> BuildResult:
    files, warnings = newsletter_files(directories)
    newsletters = [read_newsletter(path) for path in files]
    _reject_duplicate_issues(newsletters)
    newsletters.sort(key=lambda newsletter: (newsletter.published, newsletter.number))
    names = Names(vocabulary)

    statements: Statements = defaultdict(list)
    places = []
    read_for_facts: dict[str, set[int]] = {}
    for order, newsletter in enumerate(newsletters):
        reader = MeetingReader(newsletter, names)
        read = reader.read()
        for meeting in read.announced:
            statements[meeting.id].append((1, order, meeting))
        for meeting in read.reported:  # a report of a meeting held never overrides its announcement
            statements[meeting.id].append((0, order, meeting))
        for change in read_changes(newsletter, vocabulary):
            _state_change(statements, change, order)
        found_places, place_warnings = read_places(newsletter, vocabulary)
        places.extend(found_places)
        read_for_facts[newsletter.id] = reader.used | _lines_of(newsletter, {r.source.section for r in found_places})
        warnings += [f"{newsletter.path}:{w.line}: {w.message}" for w in reader.warnings + place_warnings]
        if newsletter.header_note:
            warnings.append(newsletter.header_note)
        if not any(section.lines for section in newsletter.sections):
            warnings.append(f"{newsletter.path}:1: no articles after the header: is the file complete?")
    meetings = [
        merge_statements([m for _, _, m in sorted(group, key=lambda s: s[:2])]) for group in statements.values()
    ]
    _carry_over_moved(meetings)
    issue_order = {newsletter.id: order for order, newsletter in enumerate(newsletters)}
    for meeting in meetings:
        meeting.sources.sort(key=lambda source: issue_order[source.issue])
    meetings.sort(key=lambda meeting: (meeting.date, meeting.kind))

    website = _website(newsletters)
    whole_text = " ".join(s.text for n in newsletters for s in n.sections)
    federation_name = own_name(whole_text, website)
    contacts = _contacts(newsletters, names, federation_name)
    boards = [board for board in (read_board(n) for n in newsletters) if board]
    federations = next((f for n in reversed(newsletters) if (f := read_federations(n))), [])
    members = _members(boards)

    kept = {n.id: [(section, passage_runs(section)) for section in n.sections] for n in newsletters}
    kb = KnowledgeBase(
        issues=[_issue(n) for n in newsletters],
        meetings=meetings,
        places=places,
        contacts=contacts,
        boards=boards,
        projects=find_projects(newsletters, _place_words(vocabulary)),
        organisation=Organisation(
            name=federation_name,
            website=website,
            members=members,
            federations=federations,
            figures=[fact for n in newsletters for fact in read_figures(n)],
            newsletter=[fact for n in newsletters for fact in read_newsletter_facts(n)],
        ),
        passages=[
            Passage(text=_text(run), source=Source(n.id, section.heading))
            for n in newsletters
            for section, runs in kept[n.id]
            for run in runs
        ],
    )
    skipped = [
        f"{n.path}:{s.line}: {s.reason}: {s.text}"
        for n in newsletters
        for s in n.skipped + _short_lines(n, kept[n.id], read_for_facts[n.id])
    ]
    if corrections is not None and corrections.exists():
        warnings += apply_corrections(kb, corrections)
    return BuildResult(kb=kb, warnings=warnings, skipped=skipped)


PASSAGE_LENGTH = 40  # a shorter paragraph is a label or a name: read for facts, not kept as a passage


def passage_runs(section: Section) -> list[list[Line]]:
    """The paragraphs kept as passages: those at least PASSAGE_LENGTH long, and shorter ones that are items of
    a list (bulleted), or a paragraph ending in a colon and the one it leads to ("Läs mer på:" /
    "www.finsamstockholm.se")."""
    if is_contents(section):
        return []  # "I DETTA NUMMER" over "1 Kalendarium …": the titles of the issue's articles, read where they stand
    runs = section.runs
    leads = [_text(run).endswith(":") for run in runs]
    return [
        run
        for number, run in enumerate(runs)
        if len(_text(run)) >= PASSAGE_LENGTH
        or section.is_item(run)
        or (leads[number] and number + 1 < len(runs))
        or (number > 0 and leads[number - 1])
    ]


def _text(run: list[Line]) -> str:
    return " ".join(line.text for line in run)


def _short_lines(
    newsletter: Newsletter, kept: list[tuple[Section, list[list[Line]]]], read_for_facts: set[int]
) -> list[Skipped]:
    """Paragraphs too short to be passages that no reader of meetings or places took facts from
    (the readers of contacts and federations may still have)."""
    passages = {line.number for _, runs in kept for run in runs for line in run}
    return [
        Skipped(line.number, "contents" if is_contents(section) else "short, not a passage", line.text)
        for section in newsletter.sections
        for run in section.runs
        for line in run
        if line.number not in passages and line.number not in read_for_facts
    ]


def is_contents(section: Section) -> bool:
    """A section headed "Innehåll", "I detta nummer": the list of the issue's articles."""
    return lexicon().contents.match(fold(section.heading)) is not None


def _lines_of(newsletter: Newsletter, headings: set[str]) -> set[int]:
    return {line.number for section in newsletter.sections if section.heading in headings for line in section.lines}


Statements = dict[str, list[tuple[int, int, Meeting]]]  # meeting id -> (weight, issue order, statement)


def _state_change(statements: Statements, change: Change, order: int) -> None:
    """A notice of change as statements about the meeting it changes (and, for a move, about the
    meeting on its new date), said by the notice's issue: the later issue wins, as always."""
    target = _changed_meeting(statements, change)
    kind = target.split("-", 1)[0] if target else (change.kind or BREAKFAST)
    target = target or f"{kind}-{change.on.isoformat()}"

    def statement(on: date, **fields: object) -> Meeting:
        return Meeting(
            id=f"{kind}-{on.isoformat()}",
            kind=kind,
            date=on,
            municipality=change.municipality,
            note=change.text,
            sources=[change.source],
            **fields,  # type: ignore[arg-type]
        )

    if change.what == "cancelled":
        statements[target].append((1, order, statement(change.on, status="cancelled", **change.details)))
    elif change.what == "moved":
        new_date = change.new_date or _new_day_in_issue(statements, change, order, kind, target)
        statements[target].append((1, order, statement(change.on, status="moved", moved_to=new_date)))
        if new_date:
            moved = statement(new_date, moved_from=change.on, **change.details)
            statements[moved.id].append((1, order, moved))
    elif change.new_value:
        details = {**change.details, change.what: change.new_value}
        statements[target].append((1, order, statement(change.on, **details)))


def _new_day_in_issue(statements: Statements, change: Change, order: int, kind: str, target: str) -> date | None:
    """A notice that names only the old day ("mötet i Nynäshamn var först planerat till 23 januari"): the
    new one is the meeting the same issue lists for that municipality within eight weeks after it, if one."""
    if change.municipality is None:
        return None
    later = {
        meeting.date
        for meeting_id, group in statements.items()
        if meeting_id != target
        for priority, said_in, meeting in group
        if priority == 1
        and said_in == order
        and meeting.kind == kind
        and meeting.municipality == change.municipality
        and change.on < meeting.date <= change.on + timedelta(weeks=8)
    }
    return later.pop() if len(later) == 1 else None


def _changed_meeting(statements: Statements, change: Change) -> str | None:
    """The id of the meeting a notice speaks of: same day, same kind if named, same municipality if known."""
    candidates = [
        meeting_id
        for meeting_id, group in statements.items()
        if group[0][2].date == change.on and (change.kind is None or group[0][2].kind == change.kind)
    ]
    if change.municipality:
        candidates.sort(key=lambda meeting_id: statements[meeting_id][-1][2].municipality != change.municipality)
    return candidates[0] if candidates else None


def _carry_over_moved(meetings: list[Meeting]) -> None:
    """A meeting moved to a new day keeps what it was (topic, venue, speakers, times) unless restated."""
    by_id = {meeting.id: meeting for meeting in meetings}
    for meeting in meetings:
        if meeting.moved_from is None:
            continue
        before = by_id.get(f"{meeting.kind}-{meeting.moved_from.isoformat()}")
        if before is None:
            continue
        for name in ("municipality", "venue", "topic", "speakers", "organiser", "breakfast", "start", "end"):
            if getattr(meeting, name) in (None, []):
                setattr(meeting, name, getattr(before, name))
        meeting.invitation = meeting.invitation or before.invitation


def _reject_duplicate_issues(newsletters: list[Newsletter]) -> None:
    seen: dict[str, Path] = {}
    for newsletter in newsletters:
        if newsletter.id in seen:
            raise NewsletterError(
                f"{newsletter.path}:1: nr {newsletter.number} {newsletter.year} is also in {seen[newsletter.id]}"
            )
        seen[newsletter.id] = newsletter.path


def _issue(newsletter: Newsletter) -> Issue:
    return Issue(
        id=newsletter.id,
        number=newsletter.number,
        year=newsletter.year,
        month=newsletter.month,
        published=newsletter.published,
        file=newsletter.path.name,
        headlines=newsletter.headlines,
    )


def _website(newsletters: list[Newsletter]) -> str | None:
    votes: Counter[str] = Counter()
    for newsletter in newsletters:
        votes.update(website_votes(newsletter))
    return votes.most_common(1)[0][0] if votes else None


def _contacts(newsletters: list[Newsletter], names: Names, federation_name: str) -> list[Contact]:
    reader = ContactReader(names, federation_name)
    mentions: list[tuple[Mention, int]] = []
    for order, newsletter in enumerate(newsletters):
        reader.start_issue(newsletter.sections)
        for section in newsletter.sections:
            other = _federation_of_section(section, federation_name)
            paragraphs = section.paragraphs
            source = Source(newsletter.id, section.heading)
            mentions.extend(
                (mention, order)  # a card's name set apart on a line of its own may have been taken for a heading
                for mention in card_mentions([section.heading, *(line.text for line in section.lines)], names, source)
            )
            article = (section.heading, *paragraphs)
            headline = []  # "Elin Waltersson blir ny förbundschef" over "Hon tillträder 1 juni.": the role, if no other
            unnamed = False  # "Ny samordnare" over an article that gives no one that title: the one it introduces
            if names.people(section.heading):
                headline = reader.read(
                    section.heading, source, other, newsletter.published, paragraphs[:4], [], article
                )
            elif holder := new_holder_of_heading(section.heading, paragraphs, names):
                unnamed = True
                # "Ny projektledare för X" over "Sedan den 2 maj leder Farida Noor …": read as the heading of her
                headline = reader.read(
                    f"{holder}, {section.heading}", source, other, newsletter.published, paragraphs[:4], [], article
                )
            body_start = len(mentions)
            for index, run in enumerate(section.runs):
                later = paragraphs[index + 1 : index + 5]  # the start day may come after the person's past
                earlier = paragraphs[:index]
                try:
                    read = reader.read(paragraphs[index], source, other, newsletter.published, later, earlier, article)
                except ImpossibleDate as error:
                    raise NewsletterError(f"{newsletter.path}:{run[0].number}: {error}: fix the newsletter") from None
                for mention in read:
                    _check_role_dates(mention, newsletter, run[0].number)
                    mentions.append((mention, order))
            body = [mention for mention, _ in mentions[body_start:] if mention.role]
            with_roles = {fold(mention.name) for mention in body}
            titles = {fold(mention.role.title) for mention in body if mention.role}
            for mention in headline:
                if mention.role is None:
                    continue
                if fold(mention.name) in with_roles:  # "ordförande" in the board list under "NY ORDFÖRANDE": the day
                    _date_role(body, mention)
                    continue
                if unnamed and fold(mention.role.title) in titles:
                    continue  # "Ny samordnare" over "Ebba Strand är ny samordnare …": the article says whose it is
                _check_role_dates(mention, newsletter, section.lines[0].number if section.lines else 0)
                mentions.append((mention, order))
        for footer in dict.fromkeys(newsletter.footers):
            footer_source = Source(newsletter.id, "Sidfot")
            mentions.extend((mention, order) for mention in card_mentions(footer.split("\n"), names, footer_source))
            for mention in reader.read(footer, footer_source):
                mentions.append((mention, order))
    contacts = merge_mentions(mentions)
    infer_successions(contacts, {newsletter.id: newsletter.published for newsletter in newsletters})
    return contacts


def _date_role(body: list[Mention], heading: Mention) -> None:
    """The day a heading's role was taken up, for the article's own mention of the same person in the same title
    without one."""
    for mention in body:
        role, said = mention.role, heading.role
        if role and said and role.start is None and fold(mention.name) == fold(heading.name):
            role.start = said.start if fold(role.title) == fold(said.title) else None


def _check_role_dates(mention: Mention, newsletter: Newsletter, line: int) -> None:
    """A role taken up or left on an impossible day ("12 mars 2109") stops the build at its line."""
    for when in (mention.role.start, mention.role.end) if mention.role else ():
        if when:
            check_plausible(when, newsletter.published, f"{newsletter.path}:{line}", is_event=False)


def _federation_of_section(section: Section, own: str) -> str | None:
    """The other federation a section is about ("Nytt samordningsförbund bildat: ..."), if any."""
    if not _OTHER_FEDERATION.search(section.heading):
        return None
    named = re.findall(r"Samordningsförbundet\s+[A-ZÅÄÖ][\wåäö]*(?:\s+(?:[A-ZÅÄÖ][\wåäö]*|stad))?", section.text)
    others = [name for name in named if fold(name) != fold(own)]
    return others[0] if others else None


def _place_words(vocabulary: Vocabulary) -> set[str]:
    return {fold(word) for name, aliases in vocabulary.municipalities.items() for word in (name, *aliases)}


def _members(boards: list[Board]) -> list[Fact]:
    """The member municipalities and authorities: those the latest board's members represent."""
    if not boards:
        return []
    latest = max(boards, key=lambda board: board.start_year)
    represented = dict.fromkeys(member.represents for member in latest.members)
    return [Fact(text=name, source=latest.source, year=latest.start_year) for name in represented]
