"""Question text -> folded tokens. Nothing is stripped: "nästa" and "när" carry the intent."""

from __future__ import annotations

import re

from bot.folding import fold
from bot.knowledge.vocabulary import load_vocabulary

MAX_CHARS = 500  # longer input is cut: no question about newsletters needs more
_SLASH_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{2,4}))?\b")
_ISO_DATE = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|e|a|:e|:a)\b")
_MONTHS_SV = load_vocabulary().month_names("sv")


def _spell_slash(match: re.Match[str]) -> str:
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    text = f" {day} {_MONTHS_SV[month - 1]} "
    if year:
        text += (year if len(year) == 4 else f"20{year}") + " "
    return text


def _spell_iso(match: re.Match[str]) -> str:
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    return f" {day} {_MONTHS_SV[month - 1]} {year} "


def normalise(text: str) -> list[str]:
    """Folded word tokens; numeric dates ("28/9", "2018-09-28") spelt out so they survive folding."""
    text = text[:MAX_CHARS]
    text = _ISO_DATE.sub(_spell_iso, text)
    text = _SLASH_DATE.sub(_spell_slash, text)
    text = _ORDINAL.sub(r"\1", text)
    return fold(text).split()


def has_swedish_letters(text: str) -> bool:
    return any(char in "åäöÅÄÖ" for char in text[:MAX_CHARS])
