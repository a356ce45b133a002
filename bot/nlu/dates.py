"""Dates and periods in folded tokens: "25 november", "hosten 2016", "i maj", "next week", "idag".

A day or month without a year is kept without one: which year is meant depends on what the
knowledge base holds, and the answer layer decides (the nearest occurrence that has meetings).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from bot.knowledge.vocabulary import load_vocabulary

MONTHS: dict[str, int] = load_vocabulary().month_numbers()  # folded name -> number

# season -> (first month, last month)
SEASONS: dict[str, tuple[int, int]] = {
    "hosten": (8, 12),
    "hostens": (8, 12),
    "autumn": (8, 12),
    "fall": (8, 12),
    "varen": (1, 6),
    "varens": (1, 6),
    "spring": (1, 6),
    "sommaren": (6, 8),
    "summer": (6, 8),
    "vintern": (12, 2),
    "winter": (12, 2),
}
# seasons written without the article are only seasons after "i"/"in": "i host", "in spring"
_BARE_SEASONS = {"host": (8, 12), "var": (1, 6), "sommar": (6, 8), "vinter": (12, 2)}


@dataclass(frozen=True)
class When:
    """A day or a period. `first`/`last` are set when the dates are fully known."""

    text: str
    day: int | None = None
    months: tuple[int, int] | None = None
    year: int | None = None
    first: date | None = None
    last: date | None = None

    @property
    def is_day(self) -> bool:
        return self.day is not None or (self.first is not None and self.first == self.last)

    def span(self, year: int) -> tuple[date, date]:
        """The dates this means in a given year (used when no year was said)."""
        if self.first and self.last:
            return self.first, self.last
        first_month, last_month = self.months or (1, 12)
        if self.day is not None:
            day = min(self.day, calendar.monthrange(year, first_month)[1])
            return date(year, first_month, day), date(year, first_month, day)
        end_year = year + 1 if last_month < first_month else year
        return (
            date(year, first_month, 1),
            date(end_year, last_month, calendar.monthrange(end_year, last_month)[1]),
        )


def _year(token: str | None) -> int | None:
    if token and token.isdigit() and len(token) == 4 and 1990 <= int(token) <= 2099:
        return int(token)
    return None


def _resolved(text: str, first: date, last: date) -> When:
    return When(text=text, first=first, last=last, year=first.year if first.year == last.year else None)


def find_dates(tokens: list[str], today: date) -> list[tuple[int, int, When]]:
    """Spans (start, end) of tokens that name a day or a period, with what they mean."""
    found: list[tuple[int, int, When]] = []
    i = 0
    while i < len(tokens):
        match = _match_at(tokens, i, today)
        if match:
            end, when = match
            found.append((i, end, when))
            i = end
        else:
            i += 1
    return found


def _match_at(tokens: list[str], i: int, today: date) -> tuple[int, When] | None:
    token = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    after2 = tokens[i + 2] if i + 2 < len(tokens) else None
    before = tokens[i - 1] if i else None
    # 25 november [2018]
    if token.isdigit() and 1 <= int(token) <= 31 and after in MONTHS:
        year = _year(after2)
        end = i + 3 if year else i + 2
        month = MONTHS[after]
        return end, _day(" ".join(tokens[i:end]), int(token), month, year)
    # november 25 [2018]
    if token in MONTHS and after and after.isdigit() and 1 <= int(after) <= 31 and not _year(after):
        year = _year(after2)
        end = i + 3 if year else i + 2
        return end, _day(" ".join(tokens[i:end]), int(after), MONTHS[token], year)
    # [i] maj [2019]; "mar"/"jan" etc. only with a year or after i/in, they are words too
    if token in MONTHS and (len(token) > 3 or _year(after) or before in ("i", "in")):
        year = _year(after)
        end = i + 2 if year else i + 1
        month = MONTHS[token]
        if token in ("mars", "maj", "mar", "may") and not year and before not in ("i", "in", "during", "under"):
            return None  # "mars" and "may" are also ordinary words
        return end, When(
            text=" ".join(tokens[i:end]),
            months=(month, month),
            year=year,
            first=date(year, month, 1) if year else None,
            last=date(year, month, calendar.monthrange(year, month)[1]) if year else None,
        )
    if token in SEASONS or (token in _BARE_SEASONS and before in ("i", "in")):
        months = SEASONS.get(token) or _BARE_SEASONS[token]
        year = _year(after)
        end = i + 2 if year else i + 1
        when = When(text=" ".join(tokens[i:end]), months=months, year=year)
        if year:
            first, last = when.span(year)
            when = When(text=when.text, months=months, year=year, first=first, last=last)
        return end, when
    # "i år" only at the end: "ar" is also "är" ("när är nästa")
    if (token, after) in (("this", "year"), ("detta", "ar")) or (token, after) == ("i", "ar") and i + 2 == len(tokens):
        return i + 2, _resolved(f"{token} {after}", date(today.year, 1, 1), date(today.year, 12, 31))
    relative = _relative(token, after, today)
    if relative:
        return i + relative[0], relative[1]
    # a year alone: "2018", "ar 2016"
    year = _year(token)
    if year:
        return i + 1, _resolved(token, date(year, 1, 1), date(year, 12, 31))
    return None


def _day(text: str, day: int, month: int, year: int | None) -> When:
    if year:
        try:
            exact = date(year, month, day)
        except ValueError:
            return When(text=text, day=day, months=(month, month), year=year)
        return When(text=text, day=day, months=(month, month), year=year, first=exact, last=exact)
    return When(text=text, day=day, months=(month, month))


def _relative(token: str, after: str | None, today: date) -> tuple[int, When] | None:
    if token in ("idag", "today", "ikvall", "tonight"):
        return 1, _resolved(token, today, today)
    if token in ("imorgon", "tomorrow", "imorron"):
        day = today + timedelta(days=1)
        return 1, _resolved(token, day, day)
    if token in ("nasta", "next", "kommande", "coming") and after in ("vecka", "veckan", "week"):
        monday = today + timedelta(days=7 - today.weekday())
        return 2, _resolved(f"{token} {after}", monday, monday + timedelta(days=6))
    if token in ("denna", "this", "den") and after in ("vecka", "veckan", "week"):
        monday = today - timedelta(days=today.weekday())
        return 2, _resolved(f"{token} {after}", monday, monday + timedelta(days=6))
    if (token, after) in (("nasta", "ar"), ("next", "year")):
        year = today.year + 1
        return 2, _resolved(f"{token} {after}", date(year, 1, 1), date(year, 12, 31))
    if token in ("nasta", "next") and after in ("manad", "month"):
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return 2, _resolved(
            f"{token} {after}", date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        )
    if token in ("denna", "this") and after in ("manad", "month") or token == "imanad":
        first = today.replace(day=1)
        last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
        return (1 if token == "imanad" else 2), _resolved(token, first, last)
    return None
