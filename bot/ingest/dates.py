"""Swedish dates as the newsletters write them: "28/9", "1 april 2019", "i slutet av augusti"."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from bot.folding import fold
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
