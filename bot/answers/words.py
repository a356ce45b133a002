"""Dates, times and small phrases written for people, in Swedish and English."""

from __future__ import annotations

import re
from datetime import date

from bot.folding import fold
from bot.knowledge.vocabulary import load_vocabulary
from bot.texts import choices, has_text, say

_VOCABULARY = load_vocabulary()
WEEKDAYS = {lang: _VOCABULARY.weekday_names(lang) for lang in ("sv", "en")}
MONTHS = {lang: _VOCABULARY.month_names(lang) for lang in ("sv", "en")}


def long_date(day: date, lang: str) -> str:
    """ "fredag 28 september 2018" / "Friday 28 September 2018"."""
    return f"{WEEKDAYS[lang][day.weekday()]} {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def month_year(day: date, lang: str) -> str:
    return f"{MONTHS[lang][day.month - 1]} {day.year}"


def clock(value: str | None) -> str | None:
    """ "08:30" -> "08.30"."""
    return value.replace(":", ".") if value else None


def kind_name(kind: str | None, lang: str, plural: bool = False) -> str:
    """ "frukostmöte", "breakfast meetings": a kind of meeting as texts.yaml names it, "möte" when it has no name."""
    key = f"meeting_kind_{kind}"
    return choices(lang, key if has_text(key) else "meeting_kind_other")[1 if plural else 0]


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def uncapital(text: str) -> str:
    """The text with its first letter in lower case ("Frukostmöte fredag …" inside a sentence)."""
    return text[:1].lower() + text[1:]


def as_of_phrase(as_of_text: str | None, as_of: date, lang: str) -> str:
    """When an open-places count holds, in the newsletter's words plus the year: "i slutet av augusti 2018"."""
    text = (as_of_text or "").strip()
    lowered = text.lower()
    if not any(month in lowered for month in MONTHS["sv"]):  # "just nu": as of the issue, in its month
        return f"{choices(lang, 'as_of_periods')[-1]} {month_year(as_of, lang)}"
    if lang == "sv":
        return text if re.search(r"\b\d{4}\b", text) else f"{text} {as_of.year}"
    for swedish, english in zip(choices("sv", "as_of_periods"), choices("en", "as_of_periods"), strict=True):
        if lang == "en" and lowered.startswith(swedish + " ") and MONTHS["sv"][as_of.month - 1] in lowered:
            return f"{english} {month_year(as_of, 'en')}"
    return say(lang, "as_of_day", day=f"{as_of.day} {month_year(as_of, lang)}")


def join_list(items: list[str], lang: str) -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    word = " och " if lang == "sv" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


_MONTH_WORDS = frozenset(fold(name) for names in _VOCABULARY.months for name in names)


def in_programme(programme: str, lang: str) -> str:
    """ " i Steget": the programme a notice of open places is headed by, or nothing when its heading names none
    ("Lediga arbetsträningsplatser", "VECKA 49", "juni", "» LEDIGA PLATSER")."""
    return say(lang, "in_programme", programme=programme) if _names_programme(programme) else ""


def _names_programme(heading: str) -> bool:
    if not heading[:1].isupper() or any(character.isdigit() for character in heading):
        return False
    if heading.isupper() and len(heading) > 5:  # a heading in capitals: a name ("MIA") or not, no telling
        return False
    folded = fold(heading)
    return not any(word in folded for word in _VOCABULARY.place_heading_words) and not any(
        word in _MONTH_WORDS for word in folded.split()
    )
