"""Breakfast meetings and seminars, by a few general rules rather than one parser per layout:

- a block about meetings is a section whose heading names a kind of meeting ("Frukostmöten i
  vår", "► Frukostmöte 28/4 i Haninge"), with the sub-headings under it ("**Tyresö 7/3**",
  "### Haninge") and a table if it has one;
- in a block, a line that starts with a date, or with a municipality and a date, is a meeting
  ("28/9 Topic", "Tyresö 7/3", "Nynäshamn: 6/12 och 17/1", "fredag 12 april kl. 8–9.30"); a
  municipality alone on a line is the place of the meetings under it; lines after a date carry
  its topic and "Label: value" fields (Tema, Plats, Tid, Medverkande, Anmälan); a "Datum:" label
  starts a meeting of its own; a table row is a line whose cells are read by their column's label;
- a date in a heading is the meeting the section is about; without any of these, a sentence of
  the block with a date is a meeting ("Välkommen till frukostmöte fredag 12 april i Tyresö"), or
  one held if the date lies before the issue ("Den 1 mars respektive 5 april samlades ...");
- a sentence anywhere that moves, cancels or changes a meeting is a `Change` (see changes.py),
  never a meeting of its own.
Dates after "senast" or "anmälan" are deadlines, not meetings.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from bot.folding import fold
from bot.ingest.dates import MONTH_PATTERN, DateMention, find_dates, full_date, month_number
from bot.ingest.document import Line, Newsletter, ParseWarning, Section, sentences
from bot.ingest.lexicon import Lexicon, as_written, lexicon
from bot.ingest.meeting_text import (
    CLOCK,
    RANGE,
    SINGLE_TIME,
    TIME,
    apply_times,
    hhmm,
    is_clock,
    programme_start,
    topic_in,
    venue_in,
)
from bot.ingest.people import EMAIL, Names
from bot.knowledge.model import Meeting, Registration, Source

BREAKFAST = "frukostmöte"
SEMINAR = "seminarium"

_CONNECTOR = re.compile(r"^\s*(?:,|·|och|respektive|resp\.?|samt|&|and|\+)?\s*$", re.I)
_LEADER = re.compile(r"^[\s•*\-–|#]*(?:\d{1,2}[.)]\s+)?$")  # "• ", "1. " before a list's dates
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-zÅÄÖåäö][\wÅÄÖåäö /]{1,30}?)\s*:\s*(?P<value>.*)$")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")  # "3. Heldag om samverkan": a numbered heading
_PLACE_LEAD = re.compile(r"^\s*([^()\d:]{2,40}\([^()]+\))\s*:?\s+")  # "Haninge (Kulturhuset i Handen):  " before days
_BULLETS = ("•", "-", "–", "*")
_REMARK_AT_END = re.compile(r"\s*(?:<-+|←|\()[^<←(]*$")  # "Topic <-- NYTT DATUM", "Topic (nytt datum)"
_SAME_AS_ABOVE = ("samma som ovan", "samma plats", "som ovan")


@dataclass
class _Entry:
    dates: list[DateMention]
    line: int
    text: str  # what follows the dates on their line
    municipality: str | None
    venue_like: bool  # "2/9: Kulturhuset, Handen." — a colon right after the dates
    fields: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)
    kind: str | None = None  # when the line names a kind of its own ("Höstens frukostmöten: Tyresö 15/9")


@dataclass
class _Block:
    heading: str
    kind: str
    lines: list[Line]
    first_line: int
    lists_only: bool = False  # found by its opening words alone: only its lists are read, not its sentences


@dataclass(frozen=True)
class MeetingsRead:
    announced: list[Meeting]
    reported: list[Meeting]  # held, as told afterwards: never overrides an announcement


class MeetingReader:
    def __init__(self, newsletter: Newsletter, names: Names) -> None:
        self._weekdays = {fold(name) for names_of_day in names.vocabulary.weekdays for name in names_of_day}
        self.newsletter = newsletter
        self.names = names
        self.vocabulary = names.vocabulary
        self.words: Lexicon = lexicon()
        self.warnings: list[ParseWarning] = []
        self.used: set[int] = set()  # the lines of the blocks that gave meetings
        self._heading_lines = {section.heading_line for section in newsletter.sections}

    def read(self) -> MeetingsRead:
        """The meetings this issue announces, the weakest first (a meeting told of again, in an English summary
        or another article, yields to where it was first announced; a notice of a change overrides both), and
        those it reports as held."""
        announced: list[Meeting] = []
        notices: list[Meeting] = []
        held: list[Meeting] = []
        for block in self._blocks():
            found, reported = self._read_block(block)
            told_as_change = self.words.change_in(" ".join(line.text for line in block.lines) + block.heading)
            silent = told_as_change or block.lists_only  # a notice, or an article that only mentions meetings
            if not found and not reported and self._may_hold_meetings(block) and not silent:
                text = " ".join(line.text for line in block.lines if line.text)
                self.warnings.append(
                    ParseWarning(
                        block.first_line,
                        f"section {block.heading!r} looks like meetings but none could be read: {text[:300]!r}",
                    )
                )
            if found or reported:
                self.used.update(line.number for line in block.lines)
            if self.words.same_times.search(fold(" ".join(line.text for line in block.lines))):
                self._times_as_before(found, announced + notices)  # "Samma tider som i vår."
            (notices if self.words.change_in(block.heading) else announced).extend(found)
            held.extend(reported)
        for meeting in announced + notices + held:
            if meeting.topic and self.words.topic_placeholders.match(fold(meeting.topic)):
                meeting.topic = None  # "Tema meddelas senare"
            meeting.topic = meeting.topic or self.words.occasion_in(meeting.note or "")  # "bjuder vi på julfrukost"
        return MeetingsRead([*reversed(announced), *notices], held)

    # -- blocks ------------------------------------------------------------------------------

    def _blocks(self) -> list[_Block]:
        """Sections about meetings, each with the sub-headed sections that follow it."""
        blocks: list[_Block] = []
        current: _Block | None = None
        for section in self.newsletter.sections:
            if self.words.contents.match(fold(section.heading)):
                current = None  # "I detta nummer": the titles of the articles, read where they stand
                continue
            kind = self.words.kind_in(section.heading)
            notice = self.words.change_in(section.heading)  # "Nytt datum i Haninge": a notice of its own
            numbered = _NUMBERED.match(section.heading)  # "3. Heldag i Nynäshamn" after "2. Ändringar": a sibling
            sibling = current is not None and numbered is not None and _NUMBERED.match(current.heading) is not None
            if (
                kind is None
                and current is not None
                and not notice
                # the text of a heading with none yet ("Tyresö: fredag 24 maj" / "**Ensam och utan jobb**" / its text),
                # or a sub-heading ("Tyresö 7/3", "### Haninge")
                and (self._is_its_text(current, section) or (self._is_subheading(section) and not sibling))
            ):
                current.lines.append(Line(section.heading_line, section.heading))
                current.lines.extend(section.lines)
                continue
            heading, lines = section.heading, list(section.lines)
            if kind is None:
                kind = self._kind_of_dated_heading(section)
            if kind is None:  # "27 APR" over "Frukostmöte: Topic", card after card
                kind = self._kind_of_listed_lines(_cards_as_rows(_badges_joined(section.lines)), None)
            if kind is None:
                kind, heading, lines = self._titled_inside(section)
                above = section.lines[: len(section.lines) - len(lines) - 1] if kind else []
                listed = self._kind_of_listed_lines(above, blocks[-1].kind if blocks else None) if above else None
                # an article above the title that opens on a meeting ("Onsdag 14 oktober ordnar vi ett seminarium
                # om X i Tyresö.") is read as well
                told = next(iter(_paragraphs(above)), "") if above and not listed else ""
                above_kind = listed or (self._kind_of_first_sentence(told) if told else None)
                if above_kind:  # a calendar over the title of another meeting ("Och så ett seminarium ..")
                    first_above = next((line.number for line in above if line.text), section.heading_line)
                    blocks.append(_Block(section.heading, above_kind, above, first_above, False))
            if kind is None and section.paragraphs:
                kind = self._kind_of_first_sentence(section.paragraphs[0])
            if kind is None:
                kind = self._kind_of_listed_lines(lines, blocks[-1].kind if blocks else None)
            if kind is None and self.words.meeting.search(fold(section.heading)):  # "Vårens möten"
                kind = self.words.kind_in(section.text) or BREAKFAST
            lists_only = False
            opening = section.paragraphs[0] if section.paragraphs else ""
            if kind is None and self.words.speaks_of_meeting(opening) and not self.words.contents.match(fold(opening)):
                kind, lists_only = self.words.kind_in(section.text) or BREAKFAST, True  # "Alla möten startar kl. 8.40"
            if kind is None:
                current = None
                continue
            first = next((line.number for line in lines if line.text), section.heading_line)
            current = _Block(heading, kind, lines, first, lists_only)
            blocks.append(current)
        return blocks

    def _is_its_text(self, block: _Block, section: Section) -> bool:
        """Whether a section is the text of a block that has none under its last heading yet (a heading over a
        title set as a heading of its own, with text under it and no day: not the next article of a list of
        headings, as a PDF sets an issue's contents)."""
        last = next((line for line in reversed(block.lines) if line.text), None)
        waits = last is None or last.number in self._heading_lines
        return waits and any(line.text for line in section.lines) and not find_dates(section.heading)

    def _kind_of_first_sentence(self, paragraph: str) -> str | None:
        """A section that opens on a meeting of a municipality or a day ("Frukostmötet i Tyresö flyttas
        från 17/4 till 8/5") is about meetings, whatever its heading."""
        first = sentences(paragraph)[0] if paragraph else ""
        named = self._municipality_in(first) or find_dates(first)
        return self.words.kind_in(first) if named else None

    def _kind_of_listed_lines(self, lines: list[Line], kind_before: str | None) -> str | None:
        """A calendar under any heading ("KALENDER HÖSTEN", "SPARA DATUMET"): two or more short lines that
        each have a day and a kind of meeting or a municipality ("fre 28 okt | Frukostmöte Haninge",
        "tors 12/4 | TYRESÖ | Tyresö bibliotek"); the kind they name, else the one its own text names
        ("Frukostmötena är öppna för alla …" over rows of municipalities and one "SEMINARIUM" row), else that
        of the meetings before."""
        listed = [
            line.text
            for line in lines
            if len(line.text) <= 160 and not self.words.change_in(line.text) and self._meeting_dates(line.text)
        ]
        kinds = [kind for text in listed if (kind := self.words.kind_in(text))]
        if len(kinds) >= 2:
            return max(kinds, key=kinds.count)  # on a tie, the kind named first
        placed = [text for text in listed if self._municipality_in(text)]
        if len(placed) < 2:
            return None
        told = self.words.kind_in(" ".join(line.text for line in lines if line.text not in listed))
        return told or (kinds[0] if kinds else kind_before or BREAKFAST)

    def _titled_inside(self, section: Section) -> tuple[str | None, str, list[Line]]:
        """A title line naming a kind of meeting inside a section ("Frukostmöten under våren" at the
        top of the text): the block starts there; not an article's title in a contents list ("Innehåll" over
        "4. Vårens frukostmöten")."""
        in_contents = False
        for index, line in enumerate(section.lines):
            text = line.text
            in_contents = bool(text) and (in_contents or self.words.contents.match(fold(text)) is not None)
            after = section.lines[index + 1].text if index + 1 < len(section.lines) else ""
            if in_contents or re.search(r"[.!?]\s", text) or after[:1].islower():
                continue  # a sentence, or one going on in the next line ("... Frukosten står framme" / "från kl 8.")
            if text and len(text) <= 80 and not text.endswith((".", "!", "?")) and not find_dates(text):
                kind = self.words.kind_in(text)
                if kind and not self.words.change_in(text):
                    return kind, text.rstrip(":"), section.lines[index + 1 :]
        return None, section.heading, section.lines

    def _is_subheading(self, section: Section) -> bool:
        """ "Tyresö 7/3", "### Haninge", "Fredag 12 april": a heading under a block about meetings."""
        heading = section.heading
        month = re.fullmatch(rf"(?:{MONTH_PATTERN})(?:\s+\d{{4}})?", fold(heading))  # "### September"
        if len(heading.split()) > 8:
            return False
        if find_dates(heading) or month or self._municipality_line(heading):
            return True
        # "HANINGE I OKTOBER" over its meeting, not "NY SAMORDNARE I TYRESÖ" (another article)
        named = self._municipality_in(heading)
        return bool(named) and (
            re.search(rf"\b(?:{MONTH_PATTERN})\b", fold(heading)) is not None
            or self.words.speaks_of_meeting(section.text)
        )

    def _kind_of_dated_heading(self, section: Section) -> str | None:
        """A heading with a date and a municipality, over a text that speaks of a meeting."""
        if not (find_dates(section.heading) and self._municipality_in(section.heading)):
            return None
        return self.words.kind_in(section.text) or (BREAKFAST if self.words.speaks_of_meeting(section.text) else None)

    def _may_hold_meetings(self, block: _Block) -> bool:
        """A day in the block that may be a meeting's: not a deadline, nor a day of another event or of a meeting
        others held ("Nätverket höll sin årliga konferens i Örebro den 24–25 april")."""
        return any(self._meeting_dates(paragraph) for paragraph in _paragraphs(block.lines))

    # -- one block ---------------------------------------------------------------------------

    def _read_block(self, block: _Block) -> tuple[list[Meeting], list[Meeting]]:
        """(announced, reported as held) meetings of one block."""
        source = Source(self.newsletter.id, block.heading)
        heading_dates = self._meeting_dates(block.heading)
        entries, intro, outro = self._entries(block)
        listed = self._listed(block, source, entries, intro, outro) if entries else []
        if any(entry.kind is None for entry in entries):
            # "Höstens första frukostmöte blir i Nynäshamn den 28 augusti. Därefter följer:" over the list
            # the block's running text around its list: "Tyresö. Fredag 3 juni ..." before, "Haninge. Nästa
            # frukostmöte blir fredag" / "11 september på ..." after
            listed_lines = {entry.line for entry in entries}
            prose = set(intro) | set(outro)
            prose_lines = [
                line
                for line in block.lines
                if line.number not in listed_lines and (line.text in prose or not line.text)
            ]
            told, reported = self._in_sentences(dataclasses.replace(block, lines=prose_lines), source)
            undated = " ".join(p for p in _paragraphs(block.lines) if not self._meeting_dates(p))
            for meeting in told + reported:
                if not meeting.start:
                    apply_times(meeting, undated)  # "Programmet börjar kl. 8.30 vid samtliga möten."
            listed_days = {meeting.date for meeting in listed}
            self._venues_told_below(listed, outro)
            return (
                listed + [meeting for meeting in told if meeting.date not in listed_days],
                [  # a day the intro tells of in passing, if it speaks of a meeting (not "Anmälan ... 17/3")
                    meeting
                    for meeting in reported
                    if meeting.date not in listed_days
                    and (meeting.municipality or self.words.speaks_of_meeting(meeting.note or ""))
                    and not self.words.tells_of_held(meeting.note or "")  # "Julfrukosten 11/12 lockade 64"
                ],
            )
        # no list of the block's own: the article is about its meeting ("Seminarium om X" with its day in the
        # text), even where a line lists meetings of another kind ("Vårens frukostmöten: Haninge 22/3")
        if self.words.change_in(block.heading):  # a notice of a change (see changes.py), and what else it announces
            announced, _ = self._in_sentences(self._without_notices(block), source)  # "Två julfrukostar – och …"
            return listed + announced, []
        if heading_dates:
            return listed + self._single(block, source, heading_dates), []
        announced, told = self._in_sentences(block, source)
        listed_days = {meeting.date for meeting in listed}
        announced = [meeting for meeting in announced if meeting.date not in listed_days]
        # under a calendar, as around a list above: "Julfrukosten den 24 november blev välbesökt" is none of its own
        told = [m for m in told if not (listed and self.words.tells_of_held(m.note or ""))]
        return listed + announced, [meeting for meeting in told if meeting.date not in listed_days]

    def _venues_told_below(self, listed: list[Meeting], outro: list[str]) -> None:
        """ "Frukostmötet den 13 november hålls därför i Haninge kommunhus" under the list: a later word on the venue
        of one of its meetings."""
        by_day = {(meeting.date.month, meeting.date.day): meeting for meeting in listed}
        for sentence in (sentence for text in outro for sentence in sentences(text)):
            days = self._meeting_dates(sentence)
            meeting = by_day.get((days[0].month, days[0].day)) if len(days) == 1 else None
            venue = venue_in(sentence) if meeting and self.words.speaks_of_meeting(sentence) else None
            if meeting and venue:
                meeting.venue = venue

    def _without_notices(self, block: _Block) -> _Block:
        """The block without its paragraphs that tell of a change (read in changes.py), a blank line for each."""
        kept: list[Line] = []
        run: list[Line] = []
        for line in [*block.lines, Line(0, "")]:
            if line.text:
                run.append(line)
                continue
            if run and not self.words.change_in(" ".join(line.text for line in run)):
                kept.extend(run)
            kept.append(line)
            run = []
        return dataclasses.replace(block, lines=kept[:-1])

    def _single(self, block: _Block, source: Source, dates: list[DateMention]) -> list[Meeting]:
        """A section about one meeting (or one meeting on several days), its date in the heading."""
        paragraphs = _paragraphs(block.lines)
        fields = _labelled(paragraphs)
        whole = "\n".join(paragraphs)
        line = block.first_line
        meetings = []
        for mention in dates:
            meeting = self._meeting(block.kind, mention, source, line)
            self._apply_fields(meeting, fields, whole, line)
            if not meeting.start:
                apply_times(meeting, block.heading + " " + whole)
            meeting.municipality = (
                self._municipality_in(block.heading)
                or self._municipality_in(fields.get("municipality", ""))
                or self._municipality_in(meeting.venue or "")
                or self._municipality_in(paragraphs[0] if paragraphs else "")
                or self._municipality_in(whole)
            )
            if not meeting.venue:
                meeting.venue = venue_in(paragraphs[0] if paragraphs else "")
            if not meeting.topic and paragraphs:
                meeting.topic = topic_in(whole, first=paragraphs[0])
            if not meeting.topic:  # "SEMINARIUM 3/12 – HÄLSA, ARBETE OCH MIGRATION"
                meeting.topic = _after_dates(block.heading) or None
            meeting.organiser = _organiser(block.heading) if block.kind == SEMINAR else None
            meetings.append(meeting)
        return meetings

    def _entries(self, block: _Block) -> tuple[list[_Entry], list[str], list[str]]:
        """Meetings as lines: dates with the lines that belong to them; lines before the first are the
        intro, lines after the last that belong to none the outro ("Programmet börjar kl. 8.30.")."""
        entries: list[_Entry] = []
        intro: list[str] = []
        outro: list[str] = []
        municipality = None
        columns: list[str | None] | None = None
        wrapped_fields: list[str | None] = []  # of a column "Tema och plats": the field its wrapped line gives
        column_places: list[str | None] = []
        open_entry = False  # whether the lines that follow still belong to the last entry
        article = bool(find_dates(block.heading))  # an article about one meeting: its lines are running text
        title: str | None = None  # the last short line without a full stop: a title for the dates under it
        lines = self._records_dated_first(_badges_joined(block.lines))
        texts = [line.text for line in lines]
        last_label: str | None = None  # the field of the last "Label: value" line, which a wrapped line goes on
        field_bullet = -2  # the index of the last bulleted line read as a field of the meeting above ("- Var: X")
        month_above: str | None = None  # "Januari" over "fre 22   Tyresö   Topic": the month of the days below
        row: _Entry | None = None  # the table's row just above, whose last cell may wrap onto the next line
        place_venues: list[tuple[int, str, str]] = []  # (line, municipality, venue) of "HANINGE (Kulturhuset)"
        for index, line in enumerate(lines):
            text = line.text
            if re.fullmatch(rf"(?:{MONTH_PATTERN})(?:\s+\d{{4}})?", fold(text)):
                month_above = text
                continue
            if month_above and text:
                text = texts[index] = self._with_month(text, month_above)
            previous_text = texts[index - 1] if index else ""  # "" after a blank line
            next_text = texts[index + 1] if index + 1 < len(texts) else ""
            title, previous_title = None, title
            if text and len(text) <= 100 and not text.endswith((".", ":")) and not find_dates(text):
                title = re.sub(r"^[^:]{0,40}:\s+", "", text) if ":" in text else text
            if not text:
                after_a_row = row is not None  # a row of a table with a header is whole: the text below is not its
                title, last_label, row = previous_title, None, None
                # "22/3 kl. 8.30:", or a day alone ("Fredag 7 mars", not "Tyresö: 1/3" in a list of days):
                # what follows the blank line is about it
                latest = entries[-1] if entries else None
                open_entry = (
                    latest is not None
                    and not after_a_row
                    and not _has_topic(latest)
                    and "when" not in latest.fields  # "När: ..." heads a record: prose after it is not its text
                    and (
                        latest.text.endswith(":")
                        # a day alone, or a sub-heading of a day and its place ("### Fredag 4 oktober · Tyresö")
                        or (
                            not latest.text.strip()
                            and (latest.municipality is None or latest.line in self._heading_lines)
                        )
                    )
                )
                continue
            if self._titles_record(None, text) and self._field_label(next_text) == "date":
                continue  # read with the record it heads, on the next line
            if row is not None and "|" not in text and _wraps_a_cell(text):
                if wrapped_fields and wrapped_fields[-1]:  # "Tema och plats": the line below the topic is the venue
                    last_column = wrapped_fields[-1]
                else:
                    last_column = next((column for column in reversed(columns or []) if column), "topic")
                row.fields[last_column] = f"{row.fields.get(last_column, '')} {text}".strip()
                continue
            row = None
            if text.count("|") >= 2 or (columns is not None and "|" in text):
                cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{2,}:?|", cell) for cell in cells):
                    continue
                if columns is None and not any(find_dates(cell) for cell in cells):
                    columns = [self.words.labels.get(fold(cell)) for cell in cells]
                    wrapped_fields = [self._wrapped_field(cell) for cell in cells]
                    column_places = [self._municipality_line(cell) for cell in cells]
                    continue
                if sum(map(bool, column_places)) >= 2:  # a column per municipality: "| Oktober | fre 8/10 | – |"
                    for cell, place in zip(cells, column_places, strict=False):
                        days = self._meeting_dates(cell) if place else []
                        entries.extend(_Entry([day], line.number, "", place, False) for day in days)
                    continue
                entry = self._table_row(cells, columns or [], line.number, municipality)
                if entry:
                    entries.append(entry)
                    open_entry = columns is None  # a calendar's row may have its topic on the line below
                    row = entry if columns is not None else None
                continue
            lead = _PLACE_LEAD.match(text)  # "Haninge (Kulturhuset i Handen):   7 februari, 21 mars och 16 maj"
            placed_lead = self._place_with_venue(lead.group(1)) if lead else None
            if lead and placed_lead and self._starting_dates(text[lead.end() :]):
                municipality, text = placed_lead[0], text[lead.end() :]  # its days, the venue in brackets theirs
                place_venues.append((line.number, *placed_lead))
            labelled = _LABEL.match(text.lstrip("•*–- "))  # "Tid: 8.30", "- Date: Wednesday 14 October"
            label = self.words.labels.get(fold(labelled.group("label"))) if labelled else None
            own_kind = self.words.kind_in(labelled.group("label")) if labelled and not label else None
            if own_kind and labelled and self._starting_dates(labelled.group("value")):
                groups, _ = self._starting_dates(labelled.group("value")) or ([], "")
                for dates, named in groups:  # "Höstens frukostmöten: Tyresö 15/9, Haninge 6/10 och Nynäshamn 27/10"
                    entries.append(_Entry(dates, line.number, "", named or municipality, False, kind=own_kind))
                continue
            if labelled and label:
                last_label = None
                value = labelled.group("value").strip()
                dates = self._meeting_dates(value) if label == "date" else []
                if dates:  # "När: onsdag 21 april, kl 9.00–12.00": its times too
                    entries.append(_Entry(dates, line.number, "", municipality, False, {"when": value}))
                    above = previous_text or ("" if any(texts[:index]) else block.heading)
                    if not self._titles_record(entries[-1], above) and previous_title and len(entries) == 1:
                        entries[-1].fields["topic"] = previous_title  # "Nordic seminar: X" over "Date: ..."
                    open_entry = True
                elif label == "municipality" and self._municipality_in(value):
                    if entries and open_entry:
                        entries[-1].municipality = self._municipality_in(value)
                    else:
                        municipality = self._municipality_in(value)
                elif entries and (open_entry or label != "date"):
                    named = entries[-1].fields.get(label) if label == "topic" else None
                    entries[-1].fields[label] = f"{named}: {value}" if named and named != value else value
                    open_entry, last_label = True, label
                    field_bullet = index if text.lstrip()[:1] in _BULLETS else -2
                    continue
                else:
                    intro.append(text)
                continue
            if last_label and open_entry and text[:1].islower():  # "Vad: Psykisk ohälsa – forskning" / "och ..."
                entries[-1].fields[last_label] += f" {text}"
                continue
            last_label = None
            if field_bullet == index - 1 and text[:1] in _BULLETS and not self._is_listed_day(text):
                entries[-1].extra.append(text)  # "- Var: Tyresö kommunhus" / "- Frukost från 8.00, programmet 08.30"
                field_bullet = index
                continue
            running = len(text) > 100 and re.search(r"[.!?]\s+[A-ZÅÄÖ]", text)
            # a line of a wrapped paragraph that begins with a day ("... blir" / "fredag 20 september kl 8.30")
            on_a_weekday = bool(previous_text) and fold(previous_text.split()[-1]) in self._weekdays
            wrapped = (
                (len(previous_text) > 50 or self.words.ends_open(previous_text) or on_a_weekday)
                and not previous_text.endswith((".", ":", "!", "?", ";"))
                # going on in lower case, or with sentences of its own: not "Thursday 28 November" under a title
                and (
                    # lower case, but not a list's "fre 19 februari  Nynäshamn" under another day of the list
                    (text[:1].islower() and not (self._starts_with_day(text) and self._is_calendar_row(previous_text)))
                    or text.endswith(",")
                    or re.search(r"[.!?]\s+[A-ZÅÄÖ]", text) is not None
                    or on_a_weekday  # "Nästa frukostmöte blir fredag" / "11 september på ..."
                    or self.words.is_deadline(previous_text)  # "Anmälan senast" / "7 oktober."
                    or self._tells_of_another_event(previous_text, text)  # "… laddas ned från hemsidan" / "19 mars."
                )
                and not re.match(r"[-–•*]\s", text)  # an item of a list
            )
            starting = None if (article and running) or wrapped else self._starting_dates(text)
            if starting is not None and self.words.move_arrow.search(text):
                open_entry = False
                continue  # "Tyresö 26/1 → 2/2": a notice of a move, read in changes.py
            goes_on = next_text[:1].islower() or (self.words.ends_open(text) and bool(next_text))
            if starting is not None and goes_on and re.match(r"\s*[a-zåäö]", _clock_free(starting[1])):
                starting = None  # "Tisdag 25 april kl 9–12 håller vi ett seminarium om IPS," / "individuell ..."
            fields_in_line = re.split(r"\s+[·|]\s+", text)  # "Fre 9/9 · Haninge · Topic · Venue"
            dashed = re.split(r"\s+–\s+", text)  # "Fredag 6 februari – Topic – Poseidon, Handen"
            if len(fields_in_line) < 3 and len(dashed) >= 3 and "," in dashed[-1] and _names_a_venue(dashed[-1]):
                fields_in_line = dashed
            days_only = all(self._starts_with_day(part) for part in fields_in_line[1:])  # "26/8 · 30/9 · 28/10"
            placed_days = self._days_with_places(text) if starting is not None else []
            if starting is None and labelled and not label and not own_kind:
                placed_days = self._days_with_places(labelled.group("value"))  # "Datum i höst: 25/9 Nynäshamn · …"
            if placed_days:  # "12 april Haninge · 26 april Tyresö (torsdag!)", "… · 11/12 Haninge (julfrukost)"
                entries.extend(_Entry([day], line.number, said, place, False) for day, place, said in placed_days)
                open_entry = False
                continue
            if starting is not None and len(fields_in_line) >= 3 and not days_only:
                entry = self._table_row(fields_in_line, [], line.number, municipality)
                if entry:
                    entries.append(entry)
                    open_entry = True
                    continue
            if starting is not None:
                groups, rest = starting
                venue_like = rest.startswith(":")
                rest = rest.lstrip(":–-· ").strip()
                named_after = re.match(r",\s*(?=\S)", rest)  # "8/10, Haninge: Topic"
                place_after = self._municipality_at_start(rest[named_after.end() :]) if named_after else None
                if named_after and place_after and rest[named_after.end() + len(place_after[1]) :].startswith(":"):
                    rest = rest[named_after.end() :]
                listed_kind, rest = self._kind_column(rest)
                own = self._municipality_at_start(rest)
                fields: dict[str, str] = {}
                if own:
                    after_place = rest[len(own[1]) :]
                    rest = after_place.lstrip(":,–- ").strip()
                    set_apart = after_place.startswith(",") or own[1].isupper()  # "Haninge, X", "HANINGE  X"
                    if set_apart and _names_a_venue(rest) and any(texts[index + 1 :]):
                        fields, rest = {"venue": rest}, ""  # "24 september – Haninge, Folkets hus" over its topic
                # an agenda's columns: "14.12 fre TYRESÖ 08.30 Topic", "19.02 tis DIGITALT 13.30 Seminarium: Topic"
                column = re.match(rf"(?:[A-ZÅÄÖ]{{3,}}\s+)?{TIME}\s+(?=\S)", rest)
                if column and (column.group(0)[:1].isdigit() or self.words.online_venue(column.group(0))):
                    fields = {**fields, "time": hhmm(*column.group(1, 2))}
                    rest = rest[column.end() :]
                rest, more = self._more_dated_items(rest)
                for number, (dates, named) in enumerate(groups, start=1):
                    municipality = named or municipality
                    final = number == len(groups)
                    place = own[0] if own and final else municipality
                    own_fields = dict(fields) if final else {}
                    if final and len(dates) > 1 and re.fullmatch(r"\(.*\)", rest):  # "26/8 · 9/12 (julfrukost)"
                        entries.append(_Entry(dates[:-1], line.number, "", place, venue_like, {}))
                        dates, rest = dates[-1:], rest[1:-1]  # a remark in brackets is of the day just before it
                    entries.append(
                        _Entry(
                            dates,
                            line.number,
                            rest if final else "",
                            place,
                            venue_like,
                            own_fields,
                            kind=(listed_kind or self._labelled_kind(rest)) if final else None,
                        )
                    )
                for mention, text_of_item in more:  # "Haninge: 20/11 (nytt datum), 11/12 julfrukost, 22/1"
                    entries.append(_Entry([mention], line.number, text_of_item, municipality, False))
                if (
                    previous_title
                    and len(entries) == len(groups)
                    and not re.sub(r"[\W\d_]|\b(?:kl|klockan)\b", "", rest)
                ):
                    entries[-1].fields.setdefault(
                        "topic", previous_title
                    )  # "Nordic seminar: X" / "Friday 12 April, 9.00"
                open_entry = True
                continue
            placed = self._place_with_venue(text)
            if placed:
                municipality, open_entry = placed[0], False
                place_venues.append((line.number, *placed))
                continue
            named = self._municipality_line(text)
            if named and open_entry and entries[-1].municipality is None and not _has_topic(entries[-1]):
                entries[-1].municipality = named  # "FRE 28 JAN" over "Haninge" over its topic: a card
                continue
            if named:
                municipality = named
                open_entry = False
                continue
            # "... fredag den 19 maj, på" / "Brandbergens", "... Handen (lokalen" / "Blå salen)": a sentence going on
            open_ended = (self.words.ends_open(text) or text.count("(") > text.count(")")) and bool(next_text)
            skip_line = find_dates(block.heading) or open_ended or wrapped
            inside = None if skip_line else self._dated_line(text, line.number, municipality)
            if inside is not None:
                entries.append(inside)
                open_entry = True
                continue
            if not entries:
                intro.append(text)
            elif open_entry and "venue" not in entries[-1].fields and _time_and_venue(text):
                entries[-1].fields["time"], entries[-1].fields["venue"] = _time_and_venue(text) or ("", "")
            elif (
                open_entry
                and "venue" not in entries[-1].fields
                and _venue_line([text])
                and not entries[-1].text[:1].isalpha()
            ):
                entries[-1].fields["venue"] = text.rstrip(
                    "."
                )  # "Friday 12 April, 8.30–10.00" / "Folkets Hus, Nynäshamn"
            elif self._venue_under_its_row(entries[-1], lines, index):
                entries[-1].fields["venue"] = text.rstrip(".")  # "tis 8/9 Haninge Topic" / "" / "Poseidon, Handen"
            elif open_entry and not _has_topic(entries[-1]) and not text.startswith(("•", "-", "–")):
                own = None if entries[-1].municipality else self._municipality_at_start(text)
                if own:  # "Fredag 7 mars" over "Haninge – Topic. Venue, kl. 08.30–10.00."
                    entries[-1].municipality, text = own[0], text[len(own[1]) :].lstrip(":,–- ")
                if not entries[-1].text.strip() and self._title_after_kind(text):  # "27 APR" over "Seminarium: X"
                    entries[-1].kind, text = self._labelled_kind(text), self._title_after_kind(text) or text
                entries[-1].text = f"{entries[-1].text} {text}".strip()  # "**Tyresö 7/3**", its topic below
            elif self._is_calendar_row(text) and not wrapped:
                open_entry = False  # "mån 15 mar  Sista dag att ansöka": a row of the calendar, its day no meeting's
            elif _belongs_to_entry(text, block.kind, open_entry):
                entries[-1].extra.append(text)
            else:
                open_entry = False
                remark = text.endswith(".") and len(text) <= 300  # "• Mötet i Tyresö var först planerat till 4 maj."
                if (text.startswith(("•", "-", "–")) and not remark) or len(text) > 300:
                    break  # the list has ended; what follows is another article's layout spill
                outro.append(text)
        _venues_of_places(entries, place_venues)
        return entries, intro, outro

    def _titles_record(self, entry: _Entry | None, title: str) -> bool:
        """ "Frukostmöte i Tyresö: Topic", "Canceled: Seminarium: Topic" directly over a record's "When:" line (a
        calendar invitation pasted in): the words before the last colon give the record its kind, municipality and
        whether it is cancelled, the words after it its topic. Whether the line is such a title; `entry` takes it."""
        lead, colon, topic = title.rpartition(":")
        if not colon or not topic.strip() or find_dates(title) or len(title) > 100 or title.endswith((".", "!", "?")):
            return False
        kind = self.words.kind_in(lead)
        if not kind or self._field_label(title):
            return False  # "Tema: X" is a field, not a title
        if entry is not None:
            entry.kind = kind
            entry.municipality = self._municipality_in(lead) or entry.municipality
            entry.fields["topic"] = topic.strip()
            if self.words.change_in(lead) == "cancelled":
                entry.fields["status"] = "cancelled"
        return True

    def _venue_under_its_row(self, entry: _Entry, lines: list[Line], index: int) -> bool:
        """A line that only names a venue, alone under a meeting's line with its topic (a blank line between, as a
        table's wrapped cell comes out of a PDF), and over the next meeting's line or the list's end."""
        text, above = lines[index].text, [line for line in lines[max(index - 2, 0) : index] if line.text]
        below = lines[index + 1].text if index + 1 < len(lines) else ""
        return (
            "venue" not in entry.fields
            and _has_topic(entry)
            and bool(above)
            and above[-1].number == entry.line
            and _venue_line([text]) is not None
            and (not below or self._starts_with_day(below) or re.fullmatch(r"[-=_\s]+", below) is not None)
        )

    def _wrapped_field(self, heading: str) -> str | None:
        """The field a line wrapped under a cell gives, when the column's heading names two ("Tema och plats":
        the topic, then the venue on the line below)."""
        first, joined, second = fold(heading).partition(" och ")
        return self.words.labels.get(second) if joined and self.words.labels.get(first) else None

    def _place_with_venue(self, text: str) -> tuple[str, str] | None:
        """ "HANINGE (Haninge kulturhus, Blå salen)": a municipality's line with the venue of the meetings
        under it in brackets."""
        match = re.fullmatch(r"(.+?)\s*\(([^)]+)\)\s*:?", text)
        named = self._municipality_line(match.group(1)) if match else None
        return (named, match.group(2)) if match and named and _names_a_venue(match.group(2)) else None

    def _records_dated_first(self, lines: list[Line]) -> list[Line]:
        """Records of "Label: value" lines whose day comes after other labels ("Vad: Frukostmöte" / "Var: ..." /
        "När: fredag 1 oktober" / "Om: ..."): the day's line first, so that the fields around it are its own."""
        ordered: list[Line] = []
        record: list[Line] = []
        for line in [*lines, Line(0, "")]:
            if line.text:
                record.append(line)
                continue
            ordered.extend(self._dated_first(record))
            ordered.append(line)
            record = []
        return ordered[:-1]

    def _dated_first(self, record: list[Line]) -> list[Line]:
        labels = [self._field_label(line.text) for line in record]
        dated = [i for i, label in enumerate(labels) if label == "date" and self._meeting_dates(record[i].text)]
        if len(dated) != 1 or labels[0] in (None, "date") or any(self._starts_with_day(line.text) for line in record):
            return record
        start = dated[0]
        end = next((i for i in range(start + 1, len(record)) if labels[i]), len(record))  # with its wrapped lines
        return [*record[start:end], *record[:start], *record[end:]]

    def _field_label(self, text: str) -> str | None:
        labelled = _LABEL.match(text.lstrip("•*–- "))
        return self.words.labels.get(fold(labelled.group("label"))) if labelled else None

    def _days_with_places(self, text: str) -> list[tuple[DateMention, str, str]]:
        """A line of two or more days, each followed (or led) by its municipality and nothing else but a remark
        in brackets ("12 april Haninge · 26 april Tyresö (torsdag!)", "Haninge 11/9 · Tyresö 2/10"), each with the
        remark if it names a kind of meeting ("11/12 Haninge (julfrukost)": its topic); [] for any other line."""
        items = re.split(r"\s+[·|;]\s+|,\s+", text.strip())
        found = []
        for item in items:
            days = self._meeting_dates(item)
            if len(days) != 1:
                return []
            before, after = item[: days[0].start], _remark_free(item[days[0].end :])
            place = self._municipality_line(after) if days[0].start == 0 else None
            if place is None and not after.strip():
                place = self._municipality_line(before.strip(" :•*–-"))
            if place is None:
                return []
            remark = re.search(r"\(([^)]*)\)", item[days[0].end :])
            found.append((days[0], place, remark.group(1) if remark and self.words.kind_in(remark.group(1)) else ""))
        return found if len(found) >= 2 else []

    def _is_listed_day(self, text: str) -> bool:
        """A line of a list of days: it starts with a day, or is a table's row."""
        return "|" in text or self._starts_with_day(re.sub(r"^[\s•*–-]+", "", text))

    def _is_calendar_row(self, text: str) -> bool:
        """A line of a list of days, also one whose day is of something else ("ons 3 feb  Styrelsen sammanträder"
        over "fre 12 feb  FRUKOSTMÖTE …": the line below is the next row, not the sentence going on)."""
        days = find_dates(re.sub(r"^[\s•*–-]+", "", text))
        return self._is_listed_day(text) or (bool(days) and days[0].start == 0)

    def _starts_with_day(self, text: str) -> bool:
        days = self._meeting_dates(text)
        return bool(days) and days[0].start == 0

    def _with_month(self, text: str, month: str) -> str:
        """ "fre 22   Tyresö   Topic" under "Januari" -> "fre 22 Januari Tyresö Topic"; in a table, its first cell."""
        if text.lstrip().startswith("|"):
            cells = text.strip().strip("|").split("|")
            return "| " + " | ".join([self._with_month(cells[0].strip(), month), *cells[1:]]) + " |"
        row = re.match(r"^(\s*[•*–-]?\s*)(?:(\w{2,7})\.?\s+)?(\d{1,2})(?:[:.]?[ae])?(?![\d/.:])", text)
        if not row or (row.group(2) and fold(row.group(2)) not in self._weekdays):
            return text
        if re.match(rf"\s*(?:{MONTH_PATTERN})\b", fold(text[row.end() :])):
            return text  # "fre 26 feb · Tyresö" under "Februari": its own month
        weekday = f"{row.group(2)} " if row.group(2) else ""
        return f"{row.group(1)}{weekday}{row.group(3)} {month}{text[row.end() :]}"

    def _table_row(
        self, cells: list[str], columns: list[str | None], line: int, municipality: str | None
    ) -> _Entry | None:
        fields: dict[str, str] = {}
        dates: list[DateMention] = []
        rest: list[str] = []
        kind: str | None = None
        for index, cell in enumerate(cells):
            column = columns[index] if index < len(columns) else None
            column = None if column == "what" else column  # "Vad": a kind of meeting, its topic, or both
            if not cell or (column is None and fold(cell) in self._weekdays):
                continue  # "11 JUN · Nynäshamn · torsdag · ...": the day's weekday, no topic
            more = self._meeting_dates(cell) if column is None and dates else []
            if more and not _without_dates(cell, more).strip(" ,.–-"):
                dates = dates + more  # "Haninge | fre 20 jan | fre 17 mars": a row of days, a meeting each
                continue
            if column == "date" or (column is None and not dates and self._meeting_dates(cell)):
                dates = dates or self._meeting_dates(cell)
                if column is None or column == "date":
                    _apply_clock_text(fields, cell)
                    # "27/5  Haninge" in one cell, the gap after the day too narrow to part them
                    municipality = self._municipality_line(_without_dates(cell, dates).strip()) or municipality
                continue
            if column == "municipality" or (column is None and self._municipality_line(cell)):
                municipality = self._municipality_in(cell) or municipality
                continue
            if column is None and len(cell.split()) <= 4 and self.words.kind_in(cell):
                kind = self.words.kind_in(cell)  # "Frukostmöte Haninge", "Seminarium (digitalt)"
                municipality = self._municipality_in(cell) or municipality
                _apply_clock_text(fields, cell)  # "Julfrukost 8.00–9.30": its occasion and its times
                occasion = self.words.occasion_in(cell)
                if occasion:
                    fields["occasion"] = occasion  # the topic if the row gives none
                continue
            if column is None and RANGE.search(cell) and not re.sub(rf"{RANGE.pattern}|\bkl\w*\.?", "", cell).strip():
                _apply_clock_text(fields, cell)  # "kl 8.30–10"
                continue
            said, _, after = cell.rpartition(
                " — "
            )  # "Topic — Tyresö kommunhus, sal B", "Topic — lokal meddelas senare"
            if column is None and said and (_names_a_venue(after) or self.words.topic_placeholders.search(fold(after))):
                if _names_a_venue(after):
                    fields.setdefault("venue", after.rstrip("."))
                cell = said
            if column is None and _names_a_venue(cell) and not self.names.people(cell):
                if "venue" in fields:  # the last of two venue-like cells is the venue ("Folkhälsa i skärgården")
                    rest.append(fields["venue"])
                fields["venue"] = cell.rstrip(".")  # "Kulturhuset, Handen"
                continue
            if column not in (None, "date", "time") and re.fullmatch(rf"\s*{TIME}\s*", cell):
                column = "time"  # a column "Program" of clock times: when the programme starts, not its topic
            if column and column != "date":
                fields[column] = cell
            else:
                rest.append(cell)
                kind = kind or self._labelled_kind(cell)
        if not dates:
            return None
        if rest and self._only_says_moved(rest[-1]):
            rest.pop()  # "<-- NYTT DATUM": a remark on the row, its move told apart; not the venue
        if not columns and "venue" not in fields and len(rest) >= 2 and len(rest[-1].split()) <= 5:
            fields["venue"] = rest.pop().rstrip(".")  # "fre 9/4 · Tyresö · Topic · Tyresö Forum": the venue last
        return _Entry(dates, line, ". ".join(rest), municipality, False, fields, kind=kind)

    def _without_moved_remark(self, text: str) -> str:
        """ "Topic <-- NYTT DATUM" -> "Topic": a remark that the meeting moved, told apart."""
        remark = _REMARK_AT_END.search(text)
        return text[: remark.start()] if remark and self._only_says_moved(remark.group(0)) else text

    def _only_says_moved(self, cell: str) -> bool:
        """ "<-- NYTT DATUM", "(flyttat)": a cell that only says its meeting moved."""
        moved = self.words.changes["moved"]
        return self.words.change_in(cell) == "moved" and not re.search(r"[a-z]{2,}", moved.sub("", fold(cell)))

    def _title_after_kind_in(self, text: str) -> str | None:
        """ ", kl. 10–12 · Webbinarium: Språkstöd på arbetsplatsen med X. Digitalt via Zoom." -> "Språkstöd på
        arbetsplatsen med X": the title after a kind of meeting and a colon, to the end of its sentence."""
        parts = (part for sentence in sentences(text) for part in re.split(r"\s+[·|]\s+", sentence))
        titled = (self._title_after_kind(part.strip(" ,")) for part in parts)
        return next((title.rstrip(".") for title in titled if title), None)

    def _title_before_kind(self, opening: str) -> str | None:
        """ "Samverkan i praktiken – ett heldagsseminarium för chefer …": a paragraph opening on a title set apart
        from a kind of meeting by a dash; the title."""
        titled = re.match(r"^\W*(?P<title>[^–.:]{3,80}?)\W*\s+[–-]\s+(?:ett|en|a|an)\s+(?P<kind>\w+)", opening)
        return titled.group("title") if titled and self.words.kind_in(titled.group("kind")) else None

    def _title_after_kind(self, heading: str) -> str | None:
        """ "Webinar in English: Inclusive hiring" -> "Inclusive hiring": a title after the kind of meeting."""
        kind_named, colon, titled = heading.partition(":")
        return titled.strip() or None if colon and self.words.kind_in(kind_named) else None

    def _kind_named(self, text: str) -> str | None:
        """ "Seminarium i Tyresö", "Frukostmöte (digitalt)": a short text that names a kind of meeting."""
        return self.words.kind_in(text) if len(_remark_free(text).split()) <= 4 else None

    def _kind_column(self, text: str) -> tuple[str | None, str]:
        """ "FRUKOSTMÖTE Nynäshamn – Topic" after a calendar's day: the kind of meeting in a column of its own before
        the municipality's, and the text from the municipality on."""
        column = re.match(r"\s*(\w+)\s+(?:i\s+)?", text)
        kind = self.words.kind_in(column.group(1)) if column else None
        if not (column and kind and self._municipality_at_start(text[column.end() :])):
            return None, text
        return kind, text[column.end() :]

    def _labelled_kind(self, text: str) -> str | None:
        """ "SEMINARIUM: Unga med NPF", "WEBBINARIUM Digitala verktyg" (in a calendar's column): the kind of meeting
        a topic is labelled with, before a colon or in capitals."""
        label = re.match(r"\s*(\w+)\s*:\s", text) or re.match(r"\s*([A-ZÅÄÖ]{4,})\b", text)
        return self.words.kind_in(label.group(1)) if label else None

    def _starting_dates(self, text: str) -> tuple[list[tuple[list[DateMention], str | None]], str] | None:
        """The dates a line starts with, each group with the municipality written before it ("Tyresö
        7/3", "Nynäshamn: 6/12 och 17/1", "Tyresö 10/11 och Haninge 8/12"), and what follows them;
        None if the line does not start with a date."""
        dates = self._meeting_dates(text)
        if not dates:
            return None
        groups: list[tuple[list[DateMention], str | None]] = []
        position, index = 0, 0
        while index < len(dates):
            lead = text[position : dates[index].start]
            named = None
            if not (_LEADER.match(lead) if not groups else _CONNECTOR.match(lead)):
                named = self._municipality_line(re.sub(r"^\s*(?:,|och|samt|&|and)\s+", "", lead).strip(" •*–-:"))
                if named is None:
                    break
            joined = [dates[index]]
            while index + 1 < len(dates) and _CONNECTOR.match(text[dates[index].end : dates[index + 1].start]):
                index += 1
                joined.append(dates[index])
            groups.append((joined, named))
            position, index = joined[-1].end, index + 1
        if not groups:
            return None
        rest = text[position:]
        if len(text) > 120 and re.match(r"\s*(?!kl\b|i\b|på\b)[a-zåäö]", rest):
            return None  # running text that begins with a date: "Den 1 mars samlades ..."
        return groups, rest

    def _more_dated_items(self, rest: str) -> tuple[str, list[tuple[DateMention, str]]]:
        """What follows a line's first dates, split where a comma is followed by another date."""
        parts = re.split(r",\s+(?=\d{1,2}/\d{1,2}\b)", rest)
        items = []
        for part in parts[1:]:
            dates = self._meeting_dates(part)
            if dates and dates[0].start == 0:
                items.append((dates[0], _remark_free(part[dates[0].end :])))
        return (_remark_free(parts[0]) if items else rest), items

    def _dated_line(self, text: str, line: int, municipality: str | None) -> _Entry | None:
        """A short line with a date and a municipality anywhere in it ("Julfrukost i Nynäshamn 6/12"):
        a meeting, its other words the topic."""
        dates = self._meeting_dates(text)
        place = self._municipality_in(text) or municipality
        sentence = text.endswith(".") and len(text.split()) >= 6  # "Vi börjar i Tyresö den 5 april i X."
        running_text = len(text) > 100 or re.search(r"[.!?]\s+\S", text) or text.endswith(":") or sentence
        if len(dates) != 1 or running_text or not place or self.words.change_in(text):
            return None
        if self.words.tells_of_held(text):  # "Septembermötet i Nynäshamn (24/9) samlade 58 deltagare": a report
            return None
        mention = dates[0]
        rest = (text[: mention.start] + text[mention.end :]).strip(" ,.–-:")
        rest = re.sub(rf"\s+(?:i|in)\s+{re.escape(place)}\b", "", " ".join(rest.split())).strip(" ,.–-:")
        own = self._municipality_at_start(rest)
        if own:
            rest = rest[len(own[1]) :].strip(" ,.–-:")
        kicker = re.fullmatch(r"[^:]{1,30}:\s*(.*)", rest)  # "FÖRST UT: HANINGE 7 FEBRUARI": a label, no topic
        if kicker and (not kicker.group(1) or self._municipality_line(kicker.group(1))):
            rest = ""
        venue = venue_in(rest)
        fields = {"venue": venue} if venue else {}
        if venue:
            rest = re.sub(rf"\s+(?:i|på|in|at)\s+{re.escape(venue)}", "", rest)
        return _Entry([mention], line, rest, place, False, fields)

    def _listed(
        self, block: _Block, source: Source, entries: list[_Entry], intro: list[str], outro: list[str]
    ) -> list[Meeting]:
        intro_text = " ".join(intro)
        # what the lines around the list say of all its meetings ("Programmet pågår kl 8.30–10 alla gånger"),
        # not a sentence about a meeting of its own ("Välkommen till vårfrukost 13 april ... kl 8.20")
        around = " ".join([block.heading, *(text for text in [*intro, *outro] if not self._meeting_dates(text))])
        heading_change = self.words.change_in(block.heading)
        shared_venue = _venue_after_dates(intro_text)
        # a deadline in a paragraph about a meeting the list does not hold is that meeting's ("Seminarium 16 juni ...
        # Anmälan senast 9 juni."), not the list's ("Seminarierna anordnas 22/3 och 5/4 ... Anmälan 17/3 och 31/3")
        listed = {(mention.day, mention.month) for entry in entries for mention in entry.dates}
        shared = " ".join(  # nor is a row of the calendar of another day ("ons 3 feb  Styrelsen sammanträder")
            text for text in intro if not self._of_another_meeting(text, listed) and not self._is_calendar_row(text)
        )
        note = _invitation_note(intro_text)
        meetings: list[Meeting] = []
        previous_venue: str | None = None
        ordinal = 0
        places_of_days: dict[tuple[int, int], str] = {}  # "12/4 Topic" under "12 april Haninge · 26 april Tyresö"
        for entry in entries:
            for mention in entry.dates:
                if entry.municipality:
                    places_of_days.setdefault((mention.day, mention.month), entry.municipality)
        for entry in entries:
            for mention in entry.dates:
                fields = dict(entry.fields)
                kind = entry.kind or self._kind_named(fields.get("what", ""))
                meeting = self._meeting(kind or block.kind, mention, source, entry.line)
                body = self._without_moved_remark(_as_sentences([entry.text, *entry.extra]))
                change = self.words.change_in(body) or heading_change or fields.pop("status", None)
                opening = next(iter(sentences(_remark_free(body))), "")
                subject = (opening.split() or [""])[0]  # "mötet får ett nytt tema", not "Frukostmöte: NYTT TEMA – X"
                if self.words.change_in(opening) in ("topic", "venue") and not subject.endswith(":"):
                    if self.words.speaks_of_meeting(subject):
                        continue  # "Tyresö 28 mars: mötet får ett nytt tema. ...": a notice, read in changes.py
                if change == "cancelled":
                    meeting.status = "cancelled"
                    body = re.sub(r"\s*[–-]?\s*(?:är\s+)?inställ\w*\.?", ".", body, count=1, flags=re.I).strip(" .")
                if body.startswith(","):
                    apply_times(meeting, body)  # "28/4 och 19/5, bägge i Haninge", "Friday 12 April, 8.30–10.00"
                    meeting.venue = fields.get("venue") or venue_in(body)  # "Tisdag 14 juni, kl. 9:30–11, på Zoom.
                    # "Onsdag 19 mars, kl. 09.00–12.00" over "Digitalt – länk skickas efter anmälan"
                    meeting.venue = meeting.venue or next(filter(None, map(_online_venue, sentences(body)[1:])), None)
                    meeting.topic = fields.get("topic") or self._title_after_kind_in(body)
                    if meeting.topic and not meeting.venue:  # "… · Seminarium: Title. Tyresö kommunhus, sal B."
                        said = (s.rstrip(".") for s in sentences(body)[1:] if _names_a_venue(s.rstrip(".")))
                        meeting.venue = next(said, None)
                elif entry.venue_like and len(body.split()) <= 8 and not fields and _names_a_venue(body):
                    venue: str | None = body.rstrip(".")
                    if any(phrase in fold(body) for phrase in _SAME_AS_ABOVE):
                        venue = previous_venue
                    meeting.venue = venue
                    previous_venue = venue
                else:
                    record = "when" in entry.fields  # a "När:" record's topic is labelled, not the prose below it
                    fields = {**_labelled([body], topic_first=not record), **fields} if body else fields
                    self._apply_fields(meeting, fields, " ".join([body, *entry.fields.values()]), entry.line)
                    if record:
                        programme_start(meeting, body)
                    if not meeting.venue:
                        meeting.venue = shared_venue
                if not meeting.start:
                    apply_times(meeting, body)  # "Topic. Poseidon, Handen, kl. 08.30–10.00."
                if not meeting.start and entry.kind in (None, block.kind):
                    apply_times(meeting, around)
                # "14 dec · HANINGE · Julfrukost 8.00–9.30": named for its occasion
                meeting.topic = meeting.topic or self.words.occasion_in(body) or fields.get("occasion")
                meeting.municipality = (
                    entry.municipality
                    or places_of_days.get((mention.day, mention.month))
                    or self._municipality_in(fields.get("municipality", ""))
                    or self._municipality_in(fields.get("what", ""))
                    or self._municipality_in(body if not meeting.venue else "")
                    or self._municipality_in(meeting.venue or "")
                    or self._municipality_in(block.heading)
                    or self._municipality_in(intro_text)
                )
                meeting.venue = (
                    meeting.venue
                    or self._venue_of_municipality(around, meeting.municipality)
                    or self._venue_in_list([*intro, *outro], meeting.municipality)
                    or self._venue_in_sentence_of_venues(around, meeting.municipality)
                    or (self._venue_said_of_meetings(sentences(" ".join(outro))) if len(entries) == 1 else None)
                )
                if meeting.registration is None:
                    meeting.registration = self._registration_in(shared, entry.line, ordinal)
                titled = self._title_after_kind(block.heading) if len(entries) == 1 else None
                # "Seminarium: NPF i arbetslivet" over "12 maj ... ett seminarium om ...", or over a table's row whose
                # cells name no topic (the text under it is a remark: "Länk skickas ut dagen före.")
                if titled and "topic" not in entry.fields and (body[:1].islower() or not entry.text):
                    meeting.topic = titled
                if not meeting.topic and len(entries) == 1:  # "Länsseminarium om sociala företag" over "När: ..."
                    opening = next(iter(sentences(intro_text)), "")
                    meeting.topic = (
                        topic_in(_as_sentence_case(block.heading))
                        or titled
                        or (topic_in(intro_text, first=opening) if opening else None)
                    )
                meeting.note = meeting.note or note
                meeting.organiser = _organiser(block.heading) if block.kind == SEMINAR else None
                meetings.append(meeting)
                ordinal += 1
        return meetings

    def _venue_said_of_meetings(self, sentences_of_text: list[str]) -> str | None:
        """ "Höstens frukostmöten hålls digitalt i Teams", "Mötet hålls i Jordbro kultur- och föreningshus.": the
        venue a sentence about the meetings gives without a day of its own ("Nästa möte blir 11 september på X" is
        another meeting's)."""
        told = (venue_in(s) for s in sentences_of_text if self.words.speaks_of_meeting(s) and not find_dates(s))
        return next(filter(None, told), None)

    def _in_sentences(self, block: _Block, source: Source) -> tuple[list[Meeting], list[Meeting]]:
        """Meetings written in running text: a sentence with a date that speaks of a meeting or names a
        municipality ("Fredagen den 12 november träffas vi i Folkets hus i Nynäshamn"), or any sentence
        of an article's first paragraph. Told in passing, they count as reported: they never override
        what a list or an article about the meeting says."""
        told: list[Meeting] = []
        paragraphs = [p for p in _paragraphs(block.lines) if not self.words.contents.match(fold(p))]
        # "Den 1 juli ändras reglerna. ... ett seminarium onsdag 3 juni": the opening's day is no meeting when
        # a sentence of the article dates one
        opening_counts = not block.lists_only and not any(
            self.words.speaks_of_meeting(s) and self._meeting_dates(s) for p in paragraphs for s in sentences(p)
        )
        for index, paragraph in enumerate(paragraphs):
            parts = sentences(paragraph)
            # "Tyresö. Fredag 3 juni handlar mötet om ...": a paragraph led by its municipality's name
            lead = self._municipality_line(parts[0].rstrip(".:")) if len(parts) > 1 else None
            topics_after = _topics_after_days(paragraph)
            titled = self._title_before_kind(parts[0]) if not find_dates(parts[0]) else None
            for sentence in parts:
                if self.words.change_in(sentence) or self.words.moved_from.search(fold(sentence)):
                    continue  # a notice of a change ("... var först planerat till 4 maj"): see changes.py
                named = self._municipality_in(EMAIL.sub("", sentence)) or lead  # not "…@haninge.se"
                speaks = self.words.speaks_of_meeting(sentence)
                if not (named or speaks or (index == 0 and opening_counts)):
                    continue
                days = self._meeting_dates(sentence)
                if not days:
                    continue
                own_kind = self.words.kind_in(sentence)  # "ordnar vi ett seminarium" in a block of breakfasts
                held = self.words.tells_of_held(sentence)
                following = " ".join(sentences(paragraph[paragraph.find(sentence) :], limit=2))  # it and the next
                # "den 22 september, med temat X, och ... den 13 oktober, där ...": each day has its own topic,
                # unless they are joined ("Den 1 mars respektive 5 april samlades ... om X")
                shared_topic = (topic_in(sentence) or topic_in(following)) if _joined(sentence, days) else None
                venue = venue_in(sentence) or venue_in(following) or self._venue_of_paragraph(parts, lead or named)
                for number, mention in enumerate(days):
                    meeting = self._meeting(own_kind or block.kind, mention, source, block.first_line)
                    if held and mention.year is None:
                        meeting = self._held(meeting)  # "i Nynäshamn den 5 juni samlade 52 deltagare": this past June
                    # "i Haninge den 23 februari och i Nynäshamn den 9 mars": the place named last before the day
                    since = days[number - 1].start if number else 0  # the clause is at most since the day before
                    before = self._municipality_in(_last_clause(sentence[since : mention.start]))
                    bracketed = re.match(r"\s*\(([^)]*)\)", sentence[mention.end :])  # "28 januari (Haninge)"
                    after = self._municipality_line(bracketed.group(1)) if bracketed else None
                    meeting.municipality = after or before or lead or named or self._municipality_in(block.heading)
                    meeting.topic = topics_after.get((mention.day, mention.month)) or shared_topic or titled
                    meeting.note = sentence
                    apply_times(meeting, following)
                    meeting.venue = venue
                    if len(days) == 1:  # "… ett seminarium om X. Anmälan senast 7 oktober.": its registration
                        meeting.registration = self._registration_in(paragraph, block.first_line)
                    told.append(meeting)
        # "Alla frukostmöten pågår 8.30–10.00": the sentences without a day of their own
        undated = " ".join(s for p in paragraphs for s in sentences(p) if not self._meeting_dates(s))
        # "Höstens frukostmöten hålls digitalt i Teams": where the meetings are, said of them all
        shared = self._venue_said_of_meetings(sentences(undated))
        for meeting in told:
            if not meeting.start:
                apply_times(meeting, undated)
            meeting.venue = (
                meeting.venue
                or self._venue_of_municipality(undated, meeting.municipality)  # "I Tyresö ses vi i kommunhuset"
                or shared
            )
        whole = " ".join(paragraphs)
        # an article about one meeting: all of it is about that one (not a page of notices about others)
        if len(told) == 1 and not block.lists_only and not self.words.change_in(whole):
            only = told[0]
            only.topic = (
                self._title_after_kind(block.heading)  # "Webbinarium: X" over "... ett webbinarium om ..."
                or only.topic
                or topic_in(whole, first="")
                or topic_in(_as_sentence_case(block.heading))
            )
            stated = _labelled(paragraphs).get("venue")  # "... newcomers meet. Venue: Kajutan, Nynäshamn harbour."
            only.venue = only.venue or (sentences(stated)[0].rstrip(".") if stated else None) or venue_in(whole)
            only.municipality = only.municipality or self._municipality_in(only.venue or "")
            if not only.start:
                apply_times(only, whole)
        # a day well after the month is announced; one near it may be a report of a meeting held
        ahead = [m for m in told if m.date >= self.newsletter.published + timedelta(days=31)]
        return ahead, [m for m in told if m.date < self.newsletter.published + timedelta(days=31)]

    # -- fields ------------------------------------------------------------------------------

    def _apply_fields(self, meeting: Meeting, fields: dict[str, str], whole_text: str, line: int) -> None:
        what = fields.get("what", "")
        topic = fields.get("topic") or (what if not self._kind_named(what) else None)  # "Vad: Psykisk ohälsa och ..."
        if topic:
            self._apply_topic(meeting, topic)
        if "speakers" in fields:
            meeting.speakers = self._speakers(fields["speakers"])
        if "venue" in fields:
            meeting.venue = _without_old_value(fields["venue"])
        apply_times(meeting, " ".join(fields.get(key, "") for key in ("time", "when", "date")))
        bare = re.fullmatch(rf"\s*{TIME}\s*", fields.get("time", ""))
        if bare and not meeting.start and is_clock(*bare.group(1, 2)):  # a "Start" or "Tid" column: "08.30"
            meeting.start = hhmm(*bare.group(1, 2))
        registration_text = fields.get("registration", "")
        deadline = next(
            (m for m in find_dates(whole_text) if self.words.is_deadline(whole_text[: m.start])),
            None,
        ) or next(iter(find_dates(registration_text)), None)
        address = _last_email(registration_text) or _last_email(_sentence_with(whole_text, "anmälan") or "")
        if deadline or address:
            meeting.registration = Registration(
                deadline=self._date(deadline, line, is_event=False) if deadline else None,
                contact=address,
                text=_sentence_with(whole_text, "anmälan") or registration_text or None,
            )
        folded = fold(whole_text)
        meeting.invitation = "inbjudan" in folded and "inbjudan kommer" not in folded
        meeting.note = _invitation_note(whole_text)

    def _apply_topic(self, meeting: Meeting, text: str) -> None:
        """The first sentence is the topic; sentences after it may name the speakers
        ("Per Holm, Arbetsförmedlingen.", "Bl.a. medverkar Manscentrum."), or the topic may
        ("... med Sara Lund, Föreningen X")."""
        parts = sentences(text)
        if len(parts) > 1 and self.words.change_in(parts[0]) and len(parts[0].split()) <= 3:
            parts = parts[1:]  # "Nytt tema! Digital delaktighet": the remark is not the topic
        # "Psykisk hälsa (nytt tema)", "Topic (Folkets hus)": a remark of a change or a venue is not part of the topic
        remarks = [remark for remark in re.findall(r"\(([^)]*)\)", parts[0]) if _names_a_venue(remark)]
        meeting.venue = meeting.venue or next(iter(remarks), None)
        meeting.topic = re.sub(
            r"\s*\(([^)]*)\)",
            lambda m: "" if self.words.change_in(m.group(1)) or m.group(1) in remarks else m.group(0),
            parts[0],
        ).strip(" .")
        trailer = re.search(r"\s+[–-]\s+([^–-]+)$", meeting.topic)  # "Topic – NYTT DATUM"
        if trailer and self.words.change_in(trailer.group(1)) and len(trailer.group(1).split()) <= 3:
            meeting.topic = meeting.topic[: trailer.start()]
        if parts[0][:1].islower():  # "handlar mötet om hälsosamma arbetsplatser": what it is about
            meeting.topic = topic_in(parts[0], first=parts[0]) or meeting.topic
            meeting.venue = meeting.venue or venue_in(text)  # "... Seminariet sänds via Teams.
        told = self.words.told_topic.search(parts[0])  # "Vinterns andra frukost handlar om X.": the meeting is about X
        if told and self.words.speaks_of_meeting(parts[0][: told.start()]):
            meeting.topic = told.group(1).strip(" .")
        venues = [
            place
            for part in parts[1:]
            for place in [_without_old_value(_without_clock(part))]
            if ("," in place or len(place.split()) <= 4)
            and _venue_line([place])
            and (not self.names.people(place) or _ends_in_venue_word(place))  # "Folkets Hus, Nynäshamn"
        ]
        online = next(filter(None, map(_online_venue, parts[1:])), None)  # "Topic? Digitalt via Teams."
        venue = venues[0] if venues else online  # "Topic. Kulturhuset, Handen, kl. 8.30–10.", "Tyresö bibliotek."
        meeting.venue = meeting.venue or venue
        if not meeting.venue:  # "Topic. Programmet börjar kl. 8.30 i Nynäshamns stadshus, Sessionssalen."
            meeting.venue = next(filter(None, map(venue_in, parts[1:])), None)
        parts = [part for part in parts if part not in venues]
        meeting.speakers = self._speakers_in_sentences(parts[1:])
        joining = _sentence_with(" ".join(parts[1:]), "medverkar")
        if not meeting.speakers and joining and re.search(r"\bmedverkar\b", joining, re.I):
            meeting.speakers = [re.split(r"\bmedverkar\s+", joining, flags=re.I)[-1].rstrip(".")]
        if not meeting.speakers and " med " in f" {parts[0]} ":
            meeting.speakers = [name for _, _, name in self.names.people(parts[0])]

    def _speakers(self, text: str) -> list[str]:
        text = sentences(text)[0].rstrip(".")
        names = self.names.people(text)
        if not names:
            return [re.sub(r",?\s*se inbjudan$", "", text, flags=re.I)]
        speakers = []
        for index, (start, _, _) in enumerate(names):
            end = names[index + 1][0] if index + 1 < len(names) else len(text)
            chunk = text[start:end].strip(" ,")
            chunk = re.sub(r"\s+(och|samt)$", "", chunk)
            tail = re.split(r",?\s+samt\s+(?=[a-zåäö])", chunk, maxsplit=1)
            speakers.append(tail[0].strip(" ,"))
            if len(tail) > 1:
                speakers.append(tail[1].strip(" ,"))
        return speakers

    def _speakers_in_sentences(self, parts: list[str]) -> list[str]:
        speakers = []
        for sentence in parts:
            names = self.names.people(sentence)
            if names and names[0][0] == 0:
                speakers.extend(self._speakers(sentence))
        return speakers

    # -- places and dates --------------------------------------------------------------------

    def _venue_of_paragraph(self, parts: list[str], municipality: str | None) -> str | None:
        """ "HANINGE. I Haninge ses vi på Haninge kulturhus. Fredag 12 februari ...", "Båda mötena hålls i Tyresö
        kommunhus.": the venue a sentence without a day gives the meetings of its paragraph about a municipality."""
        undated = [sentence for sentence in parts if not find_dates(sentence)]
        return self._venue_of_municipality(" ".join(undated), municipality, True) or self._venue_said_of_meetings(
            undated
        )

    def _venue_of_municipality(self, text: str, municipality: str | None, about: bool = False) -> str | None:
        """ "mötena i Haninge hålls i Haninge kulturhus, Handen, och mötet i Tyresö i Tyresö kommunhus"; `about`:
        the text is known to be about meetings."""
        if not municipality:
            return None
        # "Samtliga frukostmöten börjar 8.45. I Tyresö ses vi ..."
        about_meetings = about or self.words.speaks_of_meeting(text)
        for sentence in sentences(text):
            # "Mötena i Haninge hålls i Poseidonsalen i Haninge kulturhus, i Nynäshamn på Folkets hus och i Tyresö i
            # kommunhusets Forumsal": each municipality's venue up to the next one named
            # "I Nynäshamn ses vi på Folkets Hus, i Tyresö i kommunhuset": up to two words before the venue
            said = re.search(
                rf"\b[Ii]\s+{re.escape(municipality)}\s+(?:[a-zåäö]+\s+){{0,2}}?(?:i|på)\s+(.+?)(?=[,;]|\s+och\s|\.?$)",
                sentence,
            )
            venue = said.group(1) if said and about_meetings else ""
            if (re.search(r"[A-ZÅÄÖ]", venue) or _ends_in_venue_word(venue)) and len(venue.split()) <= 6:
                return venue
        for match in re.finditer(
            rf"\b(?:mötena|mötet|möten)\s+i\s+{re.escape(municipality)}\s+(?:hålls\s+)?(.*)", text
        ):
            venue = venue_in(match.group(1)[:80])
            if venue:
                return venue
        # "Lokaler: Haninge – Poseidon, Handen. Nynäshamn – Folkets hus.": a venue after the municipality's name
        listed = re.search(rf"(?<![\wåäö]){re.escape(municipality)}\s*[–:-]\s+([A-ZÅÄÖ][^.;]*)", text)
        return listed.group(1).strip() if listed and _names_a_venue(listed.group(1).strip()) else None

    def _venue_in_list(self, lines: list[str], municipality: str | None) -> str | None:
        """ "Haninge    Kulturhuset i Handen, Poseidonsalen" under "Lokaler om inget annat anges:": a line of
        a list of venues, one per municipality, around a calendar."""
        for text in lines:
            own = self._municipality_at_start(text)
            venue = text[len(own[1]) :].strip(" :|–-") if own and own[0] == municipality else ""
            if venue[:1].isupper() and _names_a_venue(venue):
                return venue.rstrip(".")
        return None

    def _venue_in_sentence_of_venues(self, text: str, municipality: str | None) -> str | None:
        """ "Haninge kommunhus (sal Poseidon), Folkets hus i Nynäshamn och Tyresö Forum.", "Lokaler: i Haninge håller
        vi till i Handens bibliotek, i Tyresö på Tyresö Forum och ...": a sentence that lists one venue for each of
        several municipalities, said apart from the meetings."""
        for sentence in sentences(text):
            body = re.sub(r"^[\w ]{1,20}:\s+", "", sentence.rstrip("."))  # "Lokaler: ..."
            items = re.split(r"(?:,\s+|\s+och\s+)(?![^()]*\))", body)  # not inside "(sal Poseidon, plan 2)"
            venues = {}
            for item in items:
                place = self._municipality_in(item)
                said = re.match(r"[Ii]\s+\S+\s+(?:.*?\s)?(?:i|på)\s+(?=[A-ZÅÄÖ])(.+)", item)  # "i Tyresö på X"
                said = said or re.match(r"\S+\s+[a-zåäö]+\s+(?:i|på)\s+(?=[A-ZÅÄÖ])(.+)", item)  # "Vi ses i X"
                venue = said.group(1) if said and not self._municipality_line(said.group(1)) else item  # not "i Tyresö"
                if place is None or place in venues or self._municipality_line(venue) or not _names_a_venue(venue):
                    break
                venues[place] = venue.strip()
            else:
                if len(venues) >= 2 and municipality in venues:
                    return venues[municipality]
        return None

    def _municipality_in(self, text: str) -> str | None:
        if not text:
            return None
        return self.vocabulary.municipality_of(text) or self.vocabulary.municipality_of(
            self.words.split_compounds(text)
        )

    def _municipality_line(self, text: str) -> str | None:
        """The municipality a short line names and nothing else ("Haninge", "Tyresö:", "I Nynäshamn")."""
        folded = re.sub(r"^(?:i|in)\s+", "", fold(text))
        if not folded or len(folded.split()) > 3:
            return None
        named = self._municipality_in(text)
        if named is None:
            return None
        aliases = {fold(alias) for alias in (named, *self.vocabulary.municipalities[named])}
        stripped = re.sub(r"\s+(?:kommun|kommunhus)$", "", folded)
        return named if stripped in aliases or folded in aliases else None

    def _municipality_at_start(self, text: str) -> tuple[str, str] | None:
        """ "Haninge – Topic": the municipality a text starts with, and the words that name it."""
        for name, aliases in self.vocabulary.municipalities.items():
            for alias in (name, *aliases):
                if text.lower().startswith(alias.lower()) and not text[len(alias) : len(alias) + 1].isalpha():
                    return name, text[: len(alias)]
        return None

    def _registration_in(self, text: str, line: int, ordinal: int = 0) -> Registration | None:
        """What the text's sentence about registering gives ("Anmälan senast 9 juni"): the `ordinal`th deadline (one
        for each meeting of a list: "… senast 17/3 respektive 31/3"), the address, and the sentence itself, which
        alone tells what has no day ("Anmälan via hemsidan senast tisdagen före.")."""
        deadlines, address, told = _deadlines(text), _last_email(text), _sentence_with(text, "anmälan")
        if not (deadlines or address or told):
            return None
        deadline = self._date(deadlines[ordinal], line, is_event=False) if ordinal < len(deadlines) else None
        return Registration(deadline=deadline, contact=address, text=told)

    def _tells_of_another_event(self, text: str, below: str) -> bool:
        """A line of a sentence of another event than a meeting ("Rapporten publiceras den"), left open or with
        the line `below` only its day ("14 november."): that day is the event's."""
        day_alone = len(below) <= 30 and below.endswith(".") and bool(find_dates(below))
        return bool(self.words.not_meeting.search(fold(text))) and (self.words.ends_open(text) or day_alone)

    def _of_another_meeting(self, text: str, listed: set[tuple[int, int]]) -> bool:
        """Whether the text tells of meetings on days and none on the `listed` days (day, month)."""
        days = {(mention.day, mention.month) for mention in self._meeting_dates(text)}
        return bool(days) and not days & listed

    def _meeting_dates(self, text: str) -> list[DateMention]:
        """The dates in `text` that may be meetings: not deadlines ("anmälan senast 24/5"), nor days of
        other events ("Styrelsen sammanträder den 8 oktober"), nor of meetings others held themselves."""
        if self.words.not_meeting.search(fold(text)) and not self.words.kind_in(text):
            return []
        if self.words.others_held.search(fold(text)):  # "Nätverket höll sin årliga konferens den 24–25 april"
            return []
        words = self.words
        return [
            m
            for m in find_dates(text)
            if not words.is_deadline(text[: m.start]) and not words.is_other_event(text[: m.start], text[m.end :])
        ]

    @staticmethod
    def _times_as_before(meetings: list[Meeting], before: list[Meeting]) -> None:
        """Meetings said to keep the times of those before them take the times of the last one of their kind."""
        for meeting in meetings:
            timed = [m for m in before if m.kind == meeting.kind and m.start]
            if timed and not meeting.start:
                meeting.start, meeting.end, meeting.breakfast = timed[-1].start, timed[-1].end, timed[-1].breakfast

    def _meeting(self, kind: str, mention: DateMention, source: Source, line: int) -> Meeting:
        when = self._date(mention, line, is_event=True)
        return Meeting(id=f"{kind}-{when.isoformat()}", kind=kind, date=when, sources=[source])

    def _held(self, meeting: Meeting) -> Meeting:
        """A meeting told of as held lies before its issue: the year before, if its day and month put it after
        the issue's month (an issue dated by its month may come out late in it)."""
        if meeting.date < self.newsletter.published + timedelta(days=31):
            return meeting
        when = meeting.date.replace(year=meeting.date.year - 1)
        return dataclasses.replace(meeting, id=f"{meeting.kind}-{when.isoformat()}", date=when)

    def _date(self, mention: DateMention, line: int, is_event: bool) -> date:
        """The full date; an impossible or implausible one stops the build with file:line."""
        return full_date(mention, self.newsletter.published, f"{self.newsletter.path}:{line}", is_event)


def _joined(text: str, days: list[DateMention]) -> bool:
    """Whether the days of a text follow each other with nothing but "och", "respektive", "," between."""
    return all(_CONNECTOR.match(text[one.end : other.start]) for one, other in zip(days, days[1:], strict=False))


def _without_dates(text: str, days: list[DateMention]) -> str:
    """The text with the days named in it cut out."""
    for day in reversed(days):
        text = text[: day.start] + text[day.end :]
    return text


def _last_clause(text: str) -> str:
    """The words since the last date or "och" before a point of a sentence."""
    return re.split(r"\boch\b|\d{1,2}\s+[a-zåäö]+\b|\d{1,2}/\d{1,2}", text)[-1]


def _after_dates(heading: str) -> str:
    """What a dated heading says after its date: the meeting's topic."""
    dates = find_dates(heading)
    return heading[dates[-1].end :].strip(" :–-,.") if dates else ""


def _remark_free(text: str) -> str:
    """ "(nytt datum) julfrukost" -> "julfrukost": a remark in parentheses is no topic."""
    return re.sub(r"\([^)]*\)", "", text).strip(" ,.–-")


def _without_old_value(text: str) -> str:
    """ "Brandbergens bibliotek, i stället för Kulturhuset." -> "Brandbergens bibliotek"."""
    return re.split(r",?\s+(?:i stället för|istället för|instead of)\s", text.rstrip("."), maxsplit=1)[0]


def _topics_after_days(paragraph: str) -> dict[tuple[int, int], str]:
    """ "Den 27 maj pratar vi om X, och den 10 juni om Y", "fredag 4 juni, och då går vi igenom X": the topic said
    right after each day, up to the next day named (the first such topic of a day said twice)."""
    topics: dict[tuple[int, int], str] = {}
    mentions = find_dates(paragraph)
    for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
        end = following.start if following else len(paragraph)
        segment = re.split(r"(?<=[.!?])\s", paragraph[mention.end : end], maxsplit=1)[0]
        led = lexicon().topic_leads.search(segment)
        topic = topic_in(segment, first=segment) or (led.group(1).strip(" .") if led else None)
        if topic:
            topics.setdefault((mention.day, mention.month), topic.strip(" ,"))
    return topics


def _as_sentence_case(heading: str) -> str:
    """ "SEMINARIUM OM SAMORDNAD REHABILITERING" -> "Seminarium om samordnad rehabilitering"."""
    return heading.capitalize() if heading.isupper() else heading


def _without_clock(text: str) -> str:
    """ "Poseidon, Handen, kl. 08.30–10.00." -> "Poseidon, Handen"; "Folkets Hus · program 9.00–10.15" too."""
    text = re.sub(rf"\s+·\s+[^·]*?{RANGE.pattern}.*$", "", text.strip())
    return re.sub(rf",?\s*(?:kl\.?|klockan)\s*(?:{RANGE.pattern}|{CLOCK})\.?\s*$", "", text.strip()).rstrip(" .,")


def _clock_free(text: str) -> str:
    """ "kl 9–12 håller vi ..." -> "håller vi ..."."""
    return re.sub(rf"^[\s,]*(?:kl\.?|klockan)?\s*(?:{RANGE.pattern}|{CLOCK})[\s,]*", "", text)


def _as_sentences(lines: list[str]) -> str:
    """Lines as one text, each ending a sentence (a line's end is where its topic ends) unless the next
    goes on in lower case ("... och vägen" / "till arbete.")."""
    parts = [line.strip() for line in lines if line.strip()]
    ended = [
        part if part.endswith((".", "!", "?", ":", ",")) or following[:1].islower() else f"{part}."
        for part, following in zip(parts, [*parts[1:], ""], strict=False)
    ]
    return " ".join(ended).strip()


def _venues_of_places(entries: list[_Entry], place_venues: list[tuple[int, str, str]]) -> None:
    """The meetings under a municipality's line with a venue take that venue, unless they name their own."""
    for entry in entries:
        above = [place for place in place_venues if place[0] <= entry.line]
        if above and above[-1][1] == entry.municipality:
            entry.fields.setdefault("venue", above[-1][2])


def _wraps_a_cell(text: str) -> bool:
    """A short line under a table's row, no sentence and no day of its own: the rest of the row's last
    cell ("Arbetsmarknaden – prognos och" / "trender (Folkets hus)")."""
    ruler = re.fullmatch(r"[-=_\s]+", text)  # "----------": the table's last line
    return len(text) <= 80 and not ruler and not re.search(r"[.!?](?:\s|$)", text) and not find_dates(text)


def _has_topic(entry: _Entry) -> bool:
    """Whether an entry has more than its dates and times ("22/3 kl. 08.30-12.00:" has not)."""
    bare = re.sub(r"\b(?:kl|klockan)\b|[\W\d_]", "", _remark_free(entry.text))  # not "(OBS nytt datum)"
    return bool(bare) or bool(entry.extra) or "topic" in entry.fields


def _paragraphs(lines: list[Line]) -> list[str]:
    return Section("", lines).paragraphs


def _apply_clock_text(fields: dict[str, str], text: str) -> None:
    if RANGE.search(text) or SINGLE_TIME.search(text):
        fields.setdefault("time", text)


def _labelled(paragraphs: list[str], topic_first: bool = False) -> dict[str, str]:
    """Label: value pieces of a meeting's text ("Tema:", "Medverkande:", "Plats:", "Tid:")."""
    words = lexicon()
    pattern = _labels_pattern()
    fields: dict[str, str] = {}
    for paragraph in paragraphs:
        pieces = pattern.split(paragraph)
        head = pieces[0].strip()
        if head and topic_first and "topic" not in fields:
            when = re.match(rf"^(kl\.?\s*{CLOCK}\s*[-–]\s*{CLOCK})\s*:?\s*(.*)$", head, re.I)
            if when:
                fields["when"] = when.group(1)
                head = when.group(6)
            if head:
                fields["topic"] = head
        for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
            key = words.labels.get(fold(label), "speakers")
            if key == "date" and "time" not in fields:
                fields["when"] = value.strip()
            elif key != "date":
                fields[key] = value.strip()
    return fields


@cache
def _labels_pattern() -> re.Pattern[str]:
    """ "Tema:", "Ämne:", "Plats:" ... any label of reading.yaml, with its diacritics."""
    labels = sorted(lexicon().labels, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?P<label>" + "|".join(as_written(label) for label in labels) + r")\s*:", re.I)


def _belongs_to_entry(text: str, kind: str, same_paragraph: bool) -> bool:
    """A line after a meeting's date line: its invitation, more of its text, or (in seminar
    programmes) its topic a paragraph below."""
    if fold(text) in {"inbjudan", "inbjudan kommer"}:
        return True
    if text.startswith(("•", "-", "–")):
        return False
    return len(text) < 300 and (same_paragraph or kind == SEMINAR)


def _sentence_with(text: str, word: str) -> str | None:
    return next((s for s in sentences(text) if fold(word) in fold(s)), None)


def _venue_after_dates(text: str) -> str | None:
    """ "anordnas 22/3 och 5/4 i Haninge kommunhus och ..." -> "Haninge kommunhus"."""
    match = re.search(
        r"\d{1,2}/\d{1,2}(?:\s*(?:,|och|respektive)\s*\d{1,2}/\d{1,2})*\s+i\s+([^.,]+?)(?:\s+och\s|[.,]|$)", text
    )
    return match.group(1).strip() if match else None


def _names_a_venue(text: str) -> bool:
    """ "Kulturhuset, Handen." or "Samma lokal som ovan", not a topic ("Samverkan med psykiatrin") nor one going
    on in the next line ("Sommarjobb, feriepraktik och vad som")."""
    if lexicon().ends_open(text):
        return False
    if len(text.split()) <= 3 and lexicon().online_venue(text):
        return True  # "Teams", "digitalt via Zoom"
    return bool(_venue_line([text])) or any(phrase in fold(text) for phrase in _SAME_AS_ABOVE)


def _online_venue(text: str) -> str | None:
    """ "Digitalt via Teams.", "Via Teams, kl. 13.00–16.00", "Teams – länk skickas vid anmälan": a sentence after
    a topic that opens on where online the meeting is, that opening (a topic's "Digitalt utanförskap" is not)."""
    opening = re.split(r"\s+[–-]\s+|[,.;(]", text.strip(), maxsplit=1)[0].strip()
    return opening if len(opening.split()) <= 3 and lexicon().online_venue(opening) else None


def _ends_in_venue_word(text: str) -> bool:
    """ "Folkets Hus, Nynäshamn": its first part ends in a word that names a venue (no person's name)."""
    return re.search(rf"{lexicon().venue_end}$", text.split(",")[0].strip(), re.I) is not None


def _venue_line(lines: list[str]) -> str | None:
    """A short line that is only a venue, after a date line ("Folkets Hus, Nynäshamn")."""
    for line in lines:
        words = line.rstrip(".").split()
        if 1 <= len(words) <= 6 and line[:1].isupper() and not find_dates(line) and not RANGE.search(line):
            # "Ungdomsarbetslösheten i skärgården": a common noun after "i" is where a topic is about, not a venue
            about_a_place = re.search(rf"\s(?:i|på)\s+[a-zåäö]\w*{lexicon().venue_end}$", line.rstrip("."))
            if "," in line or (re.search(rf"{lexicon().venue_end}\b", line, re.I) and not about_a_place):
                return line.rstrip(".")
    return None


def _badges_joined(lines: list[Line]) -> list[Line]:
    """ "27" over "APR": a date badge, its day and its month on lines of their own, as one line "27 APR"."""
    joined: list[Line] = []
    for line in lines:
        above = joined[-1] if joined else None
        if above and re.fullmatch(r"\d{1,2}", above.text) and month_number(line.text.rstrip(".")):
            joined[-1] = Line(above.number, f"{above.text} {line.text}")
        else:
            joined.append(line)
    return joined


def _cards_as_rows(lines: list[Line]) -> list[Line]:
    """A calendar's cards ("27 APR" over "Frukostmöte: Topic"): each day alone on its line with the line under it."""
    return [
        Line(line.number, f"{line.text} {below.text}")
        for line, below in itertools.pairwise(lines)
        if below.text and _day_alone(line.text)
    ]


def _day_alone(text: str) -> bool:
    """ "27 APR", "Fredag 7 mars": a line that is only a day."""
    days = find_dates(text)
    return len(days) == 1 and not (text[: days[0].start] + text[days[0].end :]).strip(" .,:–-")


def _time_and_venue(text: str) -> tuple[str, str] | None:
    """ "kl. 13–16, Tyresö kommunhus, Stora salen", "Klockan 08:30 - 10:00 · Folkets hus" under a calendar's row or
    card: its time, then its venue."""
    timed = re.match(
        rf"\s*(?P<time>(?:kl\.?|klockan)?\s*(?:{RANGE.pattern}|{TIME}))\s*[,·]\s*(?P<venue>.+)", text, re.I
    )
    venue = _venue_line([timed.group("venue")]) if timed else None
    return (timed.group("time"), venue) if timed and venue else None


def _deadlines(text: str) -> list[DateMention]:
    sentence = _sentence_with(text, "anmälan")
    return find_dates(sentence) if sentence else []


def _last_email(text: str) -> str | None:
    found = EMAIL.findall(text or "")
    return found[-1] if found else None


def _invitation_note(text: str) -> str | None:
    sentence = _sentence_with(text, "inbjudan kommer") or _sentence_with(text, "inbjudningar kommer")
    return sentence.strip() if sentence else None


def _organiser(heading: str) -> str | None:
    match = re.match(r"^([A-ZÅÄÖ][\wåäö-]+?)s\s", heading)
    return match.group(1) if match else None
