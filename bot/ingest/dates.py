"""Swedish dates as the newsletters write them: "28/9", "1 april 2019", "i slutet av augusti"."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from bot.folding import fold
from bot.ingest.formats import NewsletterError
from bot.ingest.lexicon import lexicon
from bot.knowledge.vocabulary import load_vocabulary

MONTHS = load_vocabulary().month_numbers()  # folded name -> number
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

# A date without a year belongs to the year unless it lies this long before the issue:
# newsletters announce coming events and report recent ones.
_LOOKBACK = timedelta(days=75)


def month_number(word: str) -> int | None:
    return MONTHS.get(fold(word).rstrip("."))


def resolve_year(day: int, month: int, published: date) -> date:
    """The full date of "day/month" in an issue published on `published`; ValueError if impossible."""
    candidate = date(published.year, month, day)
    if candidate < published - _LOOKBACK:
        candidate = date(published.year + 1, month, day)
    return candidate


def resolve_past_year(month: int, published: date) -> int:
    """The year of a month the issue reports on ("i slutet av augusti"): not after the issue."""
    return published.year if month <= published.month else published.year - 1


_MONTH_POINT = re.compile(rf"\bi\s+(slutet|borjan|mitten)\s+av\s+({MONTH_PATTERN})\b(?:\s+(\d{{4}}))?")


def month_point(text: str, published: date) -> tuple[date, str] | None:
    """ "i slutet av augusti" -> (2018-08-31, the words) for an issue of August 2018."""
    match = _MONTH_POINT.search(fold(text))
    if not match:
        return None
    month = MONTHS[match.group(2)]
    year = int(match.group(3)) if match.group(3) else resolve_past_year(month, published)
    last = calendar.monthrange(year, month)[1]
    day = {"slutet": last, "borjan": 1, "mitten": 15}[match.group(1)]
    words = _original_words(text, match.group(0))
    return date(year, month, day), words


def _original_words(text: str, folded_phrase: str) -> str:
    """The phrase as written in `text` (with its diacritics), found by folding word by word."""
    words = text.split()
    size = len(folded_phrase.split())
    for start in range(len(words) - size + 1):
        chunk = " ".join(words[start : start + size])
        if fold(chunk) == folded_phrase:
            return chunk.strip(".,:;!")
    return folded_phrase


_WEEKDAY_PATTERN = "|".join(  # as written and folded: "måndag" and "mandag" both
    sorted(
        {form for names in load_vocabulary().weekdays for name in names for form in (name.lower(), fold(name))},
        key=len,
        reverse=True,
    )
)
_DIGIT = re.compile(r"\d")
_YEAR = r"(?:19|20|21)\d\d"
# "28/9", "28/9 2024", "28/9-24"; "fredag 12 april", "tisdagen den 3 mars 2024", "12:e april"; "March 12, 2024"
_NUMERIC = rf"(?P<nd>\d{{1,2}})/(?P<nm>\d{{1,2}})(?![\d/])(?:(?:\s+|\s*-\s*)(?P<ny>{_YEAR})\b)?"
_NAMED = rf"(?P<d>\d{{1,2}})(?::[ae]|\.)?\s+(?P<m>{MONTH_PATTERN})\.?(?![a-zåäö])(?:\s+(?P<y>{_YEAR})\b)?"
_MONTH_FIRST = rf"(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<y2>{_YEAR}))?\b(?![/.:]\d)"
# "2085-01-19": ISO, as calendars exported from a spreadsheet write it
_ISO = rf"(?P<iy>{_YEAR})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?![\d-])"
# "fre 25.5": a day and month with a point, only after a weekday (alone it may be a time or a decimal)
_DOTTED = rf"(?:{_WEEKDAY_PATTERN})(?:en|arna)?\.?\s+(?:den\s+)?(?P<pd>\d{{1,2}})\.(?P<pm>\d{{1,2}})(?![\d.:])"
# "14.12  fre  TYRESÖ": or before its weekday, as in an agenda's columns
_DOTTED_FIRST = rf"(?P<fd>\d{{1,2}})\.(?P<fm>\d{{1,2}})\s+(?:{_WEEKDAY_PATTERN})\b\.?"
# "fredagen den tolfte mars": the day an ordinal in words (`ordinal_days` in reading.yaml), only after "den"
_ORDINAL = rf"den\s+(?P<od>[a-zåäö]{{4,14}})\s+(?P<om>{MONTH_PATTERN})(?![a-zåäö])(?:\s+(?P<oy>{_YEAR})\b)?"
_ORDINAL_HINT = re.compile(_ORDINAL, re.I)
_CLOCK_BEFORE = re.compile(r"\b(?:kl|klockan)\.?\s*$", re.I)
_DATE = re.compile(
    rf"(?<![\w/.])(?:{_DOTTED}|{_DOTTED_FIRST}|(?:(?:{_WEEKDAY_PATTERN})(?:en|arna)?\s+(?:den\s+)?|den\s+)?(?:{_ISO}|{_NUMERIC}|{_NAMED}|{_MONTH_FIRST})|(?:(?:{_WEEKDAY_PATTERN})(?:en|arna)?\s+)?{_ORDINAL})",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date written in a text: where, and its parts as written (the year only when given)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    def on(self, published: date) -> date:
        """The date, the year from the text or as `resolve_year` infers it; ValueError if impossible."""
        if self.year is not None:
            return date(self.year, self.month, self.day)
        return resolve_year(self.day, self.month, published)


def find_dates(text: str) -> list[DateMention]:
    """Every day-and-month written in `text`, in order ("28/9", "fredag 12 april 2024", "12 March")."""
    if not _DIGIT.search(text) and not _ORDINAL_HINT.search(text):
        return []  # most lines have no date at all: skip the long pattern
    return list(_dates_in(text))


@lru_cache(maxsize=4096)  # each reader (meetings, changes, roles, contacts) looks at the same lines
def _dates_in(text: str) -> tuple[DateMention, ...]:
    found = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        if groups["pd"] or groups["fd"]:
            day, month, year = groups["pd"] or groups["fd"], groups["pm"] or groups["fm"], None
            clock = groups["fd"] and _CLOCK_BEFORE.search(text, max(0, match.start() - 40), match.start())
            if not 1 <= int(month) <= 12 or clock:
                continue
        elif groups["od"]:
            ordinal = lexicon().ordinal_days.get(fold(groups["od"]))
            if ordinal is None:
                continue  # "den nya mars…": no day
            day, month, year = str(ordinal), str(MONTHS[fold(groups["om"])]), groups["oy"]
        elif groups["iy"]:
            day, month, year = groups["id"], groups["im"], groups["iy"]
        elif groups["nd"]:
            day, month, year = groups["nd"], groups["nm"], groups["ny"]
        elif groups["d"]:
            day, month, year = groups["d"], str(MONTHS[fold(groups["m"])]), groups["y"]
        else:
            day, month, year = groups["d2"], str(MONTHS[fold(groups["m2"])]), groups["y2"]
        if not 1 <= int(month) <= 12 and (groups["nd"] or groups["iy"]):
            continue  # "3/15" is not a day and month: a fraction or a reference
        found.append(DateMention(match.start(), match.end(), int(day), int(month), int(year) if year else None))
    return tuple(found)


def implausible(when: date, published: date, is_event: bool) -> str | None:
    """Why a date stated in an issue cannot be meant as written, or None: a year far ahead of the
    issue, or an event announced years before the issue appeared."""
    if when.year > published.year + 5:
        return f"{when.isoformat()} lies {when.year - published.year} years after the issue"
    if is_event and when < published.replace(year=published.year - 1):
        return f"{when.isoformat()} lies more than a year before the issue"
    return None


def full_date(mention: DateMention, published: date, where: str, is_event: bool) -> date:
    """The date a mention means in an issue published on `published`; an impossible or implausible one
    stops the build with `where` (file:line)."""
    try:
        when = mention.on(published)
    except ValueError as error:
        raise NewsletterError(f"{where}: impossible date {mention.day}/{mention.month}: fix the newsletter") from error
    check_plausible(when, published, where, is_event)
    return when


def check_plausible(when: date, published: date, where: str, is_event: bool) -> None:
    problem = implausible(when, published, is_event)
    if problem:
        raise NewsletterError(f"{where}: implausible date: {problem}; fix the newsletter")
