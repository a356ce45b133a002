"""Open places ("Lediga platser i MIA ...!"): providers with counts, however the layout broke them.

Items are "Name N", "Name: N" or "Group: Name N, Name N" (a group runs over comma-separated
items only), separated by bullets or bold labels,
and may be split over lines ("Skyddsvärnet" / "2"): the section's lines are read as one text.
"""

from __future__ import annotations

import re

from bot.folding import fold
from bot.ingest.dates import month_point
from bot.ingest.document import Newsletter, ParseWarning, Section
from bot.knowledge.model import OpenPlace, PlacesReport, Source
from bot.knowledge.vocabulary import Vocabulary

_ITEM = re.compile(
    r"(?P<label>[^\d•:,;]+?(?::\s*[^\d•:,;]+?)?)\s*:?\s*(?P<count>\d+)(?![\d.,]\d|\s*(?:procent|%|deltagare))"
)
_ENROLLED = re.compile(r"(\d+)\s+(?:deltagare\s+(?:var|är)\s+(?:nu\s+)?inskrivna|inskrivna\s+deltagare)", re.I)
_LIST_START = re.compile(r"lediga\s+platser[^:.!]*:", re.I)
_LIST_END = re.compile(r"\.\s+(?=[A-ZÅÄÖ])|\bkontakta\b", re.I)
_CONTACT = re.compile(r"kontakta\s+(?P<who>.+?)\s+(?:om|för att|när)\s+(?:du|ni)\s+har\s+(?:en\s+)?deltagare", re.I)
_PARENTHESIS = re.compile(r"\(([^)]*)\)")


def is_places_section(section: Section) -> bool:
    return "lediga platser" in fold(section.heading)


def read_places(newsletter: Newsletter, vocabulary: Vocabulary) -> tuple[list[PlacesReport], list[ParseWarning]]:
    reports, warnings = [], []
    for section in newsletter.sections:
        if not is_places_section(section):
            for line in section.lines:
                if "lediga platser" in fold(line.text) and re.search(r"\w+:?\s+\d+\s*(?:[•,]|$)", line.text):
                    warnings.append(
                        ParseWarning(
                            line.number, f"open places outside a 'Lediga platser' notice, not read: {line.text[:300]!r}"
                        )
                    )
            continue
        text = " ".join(section.paragraphs)
        first_line = next((line.number for line in section.lines if line.text), 0)
        report = _read_report(section, text, newsletter, vocabulary)
        if report is None or not report.places:
            warnings.append(
                ParseWarning(first_line, f"open places in {section.heading!r} could not be read: {text[:300]!r}")
            )
            continue
        reports.append(report)
    return reports, warnings


def _read_report(section: Section, text: str, newsletter: Newsletter, vocabulary: Vocabulary) -> PlacesReport | None:
    programme = re.sub(r"^lediga\s+platser\s+(i|inom|hos)\s+", "", section.heading, flags=re.I).strip(" !")
    point = month_point(text, newsletter.published)
    as_of, as_of_text = point if point else (newsletter.published, "just nu")
    enrolled = _ENROLLED.search(text)
    contact = _CONTACT.search(text)
    start = _LIST_START.search(text)
    list_text = text[start.end() :] if start else text
    end = _LIST_END.search(list_text)
    list_text = list_text[: end.start()] if end else list_text
    return PlacesReport(
        programme=programme,
        as_of=as_of,
        as_of_text=as_of_text,
        places=_items(list_text, vocabulary),
        enrolled=int(enrolled.group(1)) if enrolled else None,
        contact=re.sub(r"\s*/\s*", "/", contact.group("who")).strip() if contact else None,
        source=Source(newsletter.id, section.heading),
    )


def _items(text: str, vocabulary: Vocabulary) -> list[OpenPlace]:
    places: list[OpenPlace] = []
    for chunk in re.split(r"\s*•\s*", text):
        group = None
        previous_end = 0
        for match in _ITEM.finditer(chunk):
            label = match.group("label").strip(" -–")
            if label.endswith(":"):
                label, group = label[:-1].strip(), None
            elif ":" in label:
                group, label = (part.strip() for part in label.split(":", 1))
            elif chunk[previous_end : match.start()].strip() != ",":
                group = None
            previous_end = match.end()
            if not label:
                continue
            name, municipality = _name_and_place(label, vocabulary)
            places.append(
                OpenPlace(provider=name, count=int(match.group("count")), group=group, municipality=municipality)
            )
    return places


def _name_and_place(label: str, vocabulary: Vocabulary) -> tuple[str, str | None]:
    municipality = None
    for inner in _PARENTHESIS.findall(label):
        municipality = municipality or vocabulary.municipality_of(inner)
    name = _PARENTHESIS.sub("", label).strip() if municipality else label
    return name, municipality
