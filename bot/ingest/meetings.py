"""Breakfast meetings and seminars, in the three shapes the newsletters use:

- a section per meeting: "► Frukostmöte 28/4 i Haninge" with "Tema:", "Medverkande:", "Plats:",
  "Tid:", "Anmälan senast 24/5: address" lines;
- a list: "Välkommen till våra frukostmöten!" with municipality lines and "28/9 Topic. Inbjudan."
  or "2/9: Venue." entries, or "28/4 och 19/5, bägge i Haninge.";
- a report of meetings held: "Den 1 mars respektive 5 april samlades ... från Nynäshamn".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.folding import fold
from bot.ingest.dates import MONTH_PATTERN, MONTHS, resolve_year
from bot.ingest.document import Newsletter, ParseWarning, Section, sentences
from bot.ingest.people import EMAIL, Names
from bot.knowledge.model import Meeting, Registration, Source

BREAKFAST = "frukostmöte"
SEMINAR = "seminarium"

_DAY_MONTH = r"(\d{1,2})/(\d{1,2})"
_ENTRY = re.compile(
    rf"^(?:den\s+)?{_DAY_MONTH}(?P<more>(?:\s*(?:,|och|respektive|&)\s*{_DAY_MONTH})*)(?P<colon>\s*:)?\s*(?P<rest>.*)$",
    re.I,
)
_ALL_DAY_MONTHS = re.compile(_DAY_MONTH)
_LABEL = re.compile(
    r"(?P<label>Tema|Medverkande|Plats|Tid|Seminarieledare/föreläsare|Seminarieledare|Föreläsare|Talare|Moderator)\s*:",
    re.I,
)
_TIME = r"(\d{1,2})[.:](\d{2})"
_RANGE = re.compile(rf"{_TIME}\s*[-–]\s*{_TIME}")
_BREAKFAST_TIME = re.compile(rf"frukost\D{{0,20}}?{_TIME}", re.I)
_SINGLE_TIME = re.compile(rf"\bkl\.?\s*{_TIME}", re.I)
_DEADLINE = re.compile(rf"anmälan\b[^.]*?(?:senast\s+)?{_DAY_MONTH}", re.I)
_REPORTED = re.compile(
    rf"\bden\s+(\d{{1,2}})\s+({MONTH_PATTERN})\b((?:\s*(?:,|och|respektive)\s*\d{{1,2}}\s+(?:{MONTH_PATTERN}))*)", re.I
)
_SAME_AS_ABOVE = ("samma som ovan", "samma plats", "som ovan")


@dataclass
class _Entry:
    dates: list[tuple[int, int]]
    line: int
    venue_like: bool
    text: str
    municipality: str | None
    extra: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingsRead:
    announced: list[Meeting]
    reported: list[Meeting]  # held, as told afterwards: never overrides an announcement


class MeetingReader:
    def __init__(self, newsletter: Newsletter, names: Names) -> None:
        self.newsletter = newsletter
        self.names = names
        self.vocabulary = names.vocabulary
        self.warnings: list[ParseWarning] = []

    def read(self) -> MeetingsRead:
        """The meetings this issue announces, and those it reports as held."""
        meetings: list[Meeting] = []
        held: list[Meeting] = []
        for section in self.newsletter.sections:
            kind = self._kind(section)
            if kind is None:
                continue
            found, reported = self._read_section(section, kind)
            if not found and not reported and _looks_like_meetings(section):
                first = next((line.number for line in section.lines if line.text), 0)
                self.warnings.append(
                    ParseWarning(
                        first,
                        f"section {section.heading!r} looks like meetings but none could be read: "
                        f"{section.text[:300]!r}",
                    )
                )
            meetings.extend(found)
            held.extend(reported)
        return MeetingsRead(meetings, held)

    @staticmethod
    def _kind(section: Section) -> str | None:
        heading = fold(section.heading)
        if "frukostmot" in heading:
            return BREAKFAST
        if "seminari" in heading:
            return SEMINAR
        return None

    # -- one section -----------------------------------------------------------------------

    def _read_section(self, section: Section, kind: str) -> tuple[list[Meeting], list[Meeting]]:
        """(announced, reported as held) meetings of one section."""
        source = Source(self.newsletter.id, section.heading)
        heading_dates = _ALL_DAY_MONTHS.findall(section.heading)
        if heading_dates:
            return self._single(section, kind, source, heading_dates), []
        entries, intro = self._entries(section)
        if entries:
            return self._listed(section, kind, source, entries, intro), []
        return [], self._reported(section, kind, source)

    def _single(self, section: Section, kind: str, source: Source, dates: list[tuple[str, str]]) -> list[Meeting]:
        fields = _labelled(section.paragraphs)
        municipality = self._municipality_in(section.heading)
        meetings = []
        for day, month in dates:
            meeting = self._meeting(kind, int(day), int(month), source, section.lines[0].number if section.lines else 0)
            if meeting is None:
                continue
            self._apply_fields(meeting, fields, section.text, section.lines[0].number if section.lines else 0)
            meeting.municipality = municipality or self._municipality_in(meeting.venue or "")
            meetings.append(meeting)
        return meetings

    def _entries(self, section: Section) -> tuple[list[_Entry], list[str]]:
        """Date lines with the lines that belong to them; lines before the first are the intro."""
        entries: list[_Entry] = []
        intro: list[str] = []
        municipality = None
        for line in section.lines:
            text = line.text
            if not text:
                continue
            match = _ENTRY.match(text)
            if match:
                dates = [(int(d), int(m)) for d, m in _ALL_DAY_MONTHS.findall(text[: match.start("rest")])]
                entries.append(
                    _Entry(dates, line.number, bool(match.group("colon")), match.group("rest"), municipality)
                )
                continue
            standalone = self.vocabulary.municipality_of(text)
            if standalone and fold(text) in {fold(name) for name in self.vocabulary.municipalities}:
                municipality = standalone
                continue
            if not entries:
                intro.append(text)
            elif _belongs_to_entry(text, section.heading):
                entries[-1].extra.append(text)
            else:
                break  # the list has ended; what follows is another article's layout spill
        return entries, intro

    def _listed(
        self, section: Section, kind: str, source: Source, entries: list[_Entry], intro: list[str]
    ) -> list[Meeting]:
        intro_text = " ".join(intro)
        shared_venue = _venue_after_dates(intro_text)
        deadlines = _deadlines(intro_text)
        address = _last_email(intro_text)
        note = _invitation_note(intro_text)
        meetings: list[Meeting] = []
        previous_venue: str | None = None
        ordinal = 0
        for entry in entries:
            for day, month in entry.dates:
                meeting = self._meeting(kind, day, month, source, entry.line)
                if meeting is None:
                    continue
                body = " ".join([entry.text, *entry.extra]).strip()
                if body.startswith(","):
                    pass  # "28/4 och 19/5, bägge i Haninge": only where, said below
                elif entry.venue_like and len(body.split()) <= 8:
                    venue: str | None = body.rstrip(".")
                    if any(phrase in fold(body) for phrase in _SAME_AS_ABOVE):
                        venue = previous_venue
                    meeting.venue = venue
                    previous_venue = venue
                else:
                    self._apply_fields(meeting, _labelled([body], topic_first=True), body, entry.line)
                    if not meeting.venue:
                        meeting.venue = shared_venue
                meeting.municipality = (
                    entry.municipality
                    or self._municipality_in(body if not meeting.venue else "")
                    or self._municipality_in(meeting.venue or "")
                    or self._municipality_in(section.heading)
                    or self._municipality_in(intro_text)
                )
                if meeting.registration is None and (deadlines or address):
                    deadline = deadlines[ordinal] if ordinal < len(deadlines) else None
                    meeting.registration = Registration(
                        deadline=self._date(deadline, entry.line) if deadline else None,
                        contact=address,
                        text=_sentence_with(intro_text, "anmälan"),
                    )
                meeting.note = meeting.note or note
                meeting.organiser = _organiser(section.heading) if kind == SEMINAR else None
                meetings.append(meeting)
                ordinal += 1
        return meetings

    def _reported(self, section: Section, kind: str, source: Source) -> list[Meeting]:
        """Meetings the issue reports as held, written as "Den 1 mars respektive 5 april"."""
        meetings = []
        for line in section.lines:
            for match in _REPORTED.finditer(line.text):
                pairs = [(int(match.group(1)), match.group(2))]
                pairs += [(int(d), m) for d, m in re.findall(rf"(\d{{1,2}})\s+({MONTH_PATTERN})", match.group(3), re.I)]
                sentence = _sentence_with(line.text, match.group(0)) or line.text
                topic = re.search(r"\bom\s+([^,.]+)", sentence)
                for day, month_word in pairs:
                    meeting = self._meeting(kind, day, MONTHS[fold(month_word)], source, line.number)
                    if meeting is None:
                        continue
                    meeting.municipality = self._municipality_in(sentence)
                    meeting.topic = topic.group(1).strip() if topic else None
                    meeting.note = sentence
                    meetings.append(meeting)
        return meetings

    # -- fields ------------------------------------------------------------------------------

    def _apply_fields(self, meeting: Meeting, fields: dict[str, str], whole_text: str, line: int) -> None:
        if fields.get("topic"):
            self._apply_topic(meeting, fields["topic"])
        if "speakers" in fields:
            meeting.speakers = self._speakers(fields["speakers"])
        if "venue" in fields:
            meeting.venue = fields["venue"].rstrip(".")
        _apply_times(meeting, fields.get("time", "") + " " + fields.get("when", ""))
        deadline = _DEADLINE.search(whole_text)
        address = _last_email(_sentence_with(whole_text, "anmälan") or "")
        if deadline or address:
            meeting.registration = Registration(
                deadline=self._date((int(deadline.group(1)), int(deadline.group(2))), line) if deadline else None,
                contact=address,
                text=_sentence_with(whole_text, "anmälan"),
            )
        folded = fold(whole_text)
        meeting.invitation = "inbjudan" in folded and "inbjudan kommer" not in folded
        meeting.note = _invitation_note(whole_text)

    def _apply_topic(self, meeting: Meeting, text: str) -> None:
        """The first sentence is the topic; sentences after it may name the speakers
        ("Per Holm, Arbetsförmedlingen.", "Bl.a. medverkar Manscentrum."), or the topic may
        ("... med Sara Lund, Föreningen X")."""
        parts = sentences(text)
        meeting.topic = parts[0].rstrip(".")
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

    def _municipality_in(self, text: str) -> str | None:
        return self.vocabulary.municipality_of(text) if text else None

    def _meeting(self, kind: str, day: int, month: int, source: Source, line: int) -> Meeting | None:
        when = self._date((day, month), line)
        if when is None:
            return None
        return Meeting(id=f"{kind}-{when.isoformat()}", kind=kind, date=when, sources=[source])

    def _date(self, day_month: tuple[int, int], line: int) -> date | None:
        day, month = day_month
        try:
            return resolve_year(day, month, self.newsletter.published)
        except ValueError:
            self.warnings.append(ParseWarning(line, f"impossible date {day}/{month}"))
            return None


def _apply_times(meeting: Meeting, text: str) -> None:
    """ "Frukost från kl. 08.00 ... Program 08.30-09.30", "kl. 08.30-12.00", "kl. 9.00"."""
    breakfast = _BREAKFAST_TIME.search(text)
    if breakfast:
        meeting.breakfast = _hhmm(*breakfast.group(1, 2))
    span = _RANGE.search(text)
    if span:
        meeting.start, meeting.end = _hhmm(*span.group(1, 2)), _hhmm(*span.group(3, 4))
    elif not meeting.start and not breakfast:
        single = _SINGLE_TIME.search(text)
        if single:
            meeting.start = _hhmm(*single.group(1, 2))


def _labelled(paragraphs: list[str], topic_first: bool = False) -> dict[str, str]:
    """Label: value pieces of a meeting's text ("Tema:", "Medverkande:", "Plats:", "Tid:")."""
    keys = {"tema": "topic", "medverkande": "speakers", "plats": "venue", "tid": "time"}
    fields: dict[str, str] = {}
    for paragraph in paragraphs:
        pieces = _LABEL.split(paragraph)
        head = pieces[0].strip()
        if head and topic_first and "topic" not in fields:
            when = re.match(rf"^(kl\.?\s*{_TIME}\s*[-–]\s*{_TIME})\s*:?\s*(.*)$", head, re.I)
            if when:
                fields["when"] = when.group(1)
                head = when.group(6)
            if head:
                fields["topic"] = head
        for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
            key = keys.get(fold(label), "speakers")
            fields[key] = value.strip()
    return fields


def _belongs_to_entry(text: str, heading: str) -> bool:
    folded = fold(text)
    if folded in {"inbjudan", "inbjudan kommer"} or _LABEL.match(text):
        return True
    if text.startswith(("•", "-", "–")):
        return False
    # seminar programmes put a topic line under each date line
    return "seminari" in fold(heading) and len(text) < 300


def _looks_like_meetings(section: Section) -> bool:
    return bool(_ALL_DAY_MONTHS.search(section.text) or _REPORTED.search(section.text))


def _sentence_with(text: str, word: str) -> str | None:
    return next((s for s in sentences(text) if fold(word) in fold(s)), None)


def _venue_after_dates(text: str) -> str | None:
    """ "anordnas 22/3 och 5/4 i Haninge kommunhus och ..." -> "Haninge kommunhus"."""
    match = re.search(
        rf"{_DAY_MONTH}(?:\s*(?:,|och|respektive)\s*{_DAY_MONTH})*\s+i\s+([^.,]+?)(?:\s+och\s|[.,]|$)", text
    )
    return match.group(5).strip() if match else None


def _deadlines(text: str) -> list[tuple[int, int]]:
    sentence = _sentence_with(text, "anmälan")
    if not sentence:
        return []
    return [(int(d), int(m)) for d, m in _ALL_DAY_MONTHS.findall(sentence)]


def _last_email(text: str) -> str | None:
    found = EMAIL.findall(text or "")
    return found[-1] if found else None


def _invitation_note(text: str) -> str | None:
    sentence = _sentence_with(text, "inbjudan kommer") or _sentence_with(text, "inbjudningar kommer")
    return sentence.strip() if sentence else None


def _organiser(heading: str) -> str | None:
    match = re.match(r"^([A-ZÅÄÖ][\wåäö-]+?)s\s", heading)
    return match.group(1) if match else None


def _hhmm(hours: str, minutes: str) -> str:
    return f"{int(hours):02d}:{minutes}"
