"""What running text says of a meeting: its times, its topic, its venue."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.folding import fold
from bot.ingest.dates import find_dates
from bot.ingest.lexicon import lexicon
from bot.knowledge.model import Meeting
from bot.knowledge.vocabulary import load_vocabulary

TIME = r"(\d{1,2})[.:](\d{2})"
TIME_TEXT = r"\d{1,2}[.:]\d{2}"
CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
RANGE = re.compile(rf"(?<![\d/.,]){CLOCK}\s*[-–]\s*{CLOCK}(?![\d/])")
BREAKFAST_TIME = re.compile(rf"(?:frukost(?!m[öo]t|seminar)|breakfast(?! meeting))\D{{0,25}}?{TIME}", re.I)
SINGLE_TIME = re.compile(  # "kl. 9", "at 8.30", "Programmet startar 08.45", "programmet kör igång 8:15"
    rf"\b(?:(?:kl\.?|klockan|at)\s*|{lexicon().start_verbs}\s+(?=\d{{1,2}}[.:]\d{{2}}))" + CLOCK + r"\b", re.I
)
BETWEEN = re.compile(  # "mellan 8.30 och 10.00", "between 9.00 and 11.30"
    rf"\b(?:mellan|between)\s+(?:kl\.?\s*|klockan\s+)?({TIME_TEXT})\s+(?:och|and)\s+({TIME_TEXT})\b", re.I
)
PROGRAMME_START = re.compile(rf"\bprogram(?:met)?\s+(?:börjar|startar|från)\s+(?:kl\.?\s*)?{TIME}", re.I)


def apply_times(meeting: Meeting, text: str) -> None:
    """ "Frukost från kl. 08.00 ... Program 08.30-09.30", "kl. 08.30-12.00", "kl. 8–9.30", "kl. 9.00"."""
    breakfast, start, end, single = _times(text)
    meeting.breakfast = breakfast or meeting.breakfast
    if end:
        meeting.start, meeting.end = start, end
    elif not meeting.start:
        meeting.start = single


@lru_cache(maxsize=64)  # the same text is looked at for each of its dates, and may be long
def _times(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(breakfast, start, end) of a span of time in `text`, else (breakfast, None, None, a single start)."""
    text = BETWEEN.sub(r"\1–\2", text)  # "mellan 8.30 och 10.00" is "8.30–10.00"
    text = _twenty_four_hour(text)
    breakfast = BREAKFAST_TIME.search(text)
    breakfast_time = hhmm(*breakfast.group(1, 2)) if breakfast and is_clock(*breakfast.group(1, 2)) else None
    spans = [
        span
        for span in RANGE.finditer(text)
        if (span.group(2) or span.group(4) or re.search(r"\b(?:kl\.?|klockan)\s*$", text[: span.start()]))
        and is_clock(*span.group(1, 2))
        and is_clock(*span.group(3, 4))
    ]
    # "frukost 8.00–8.30, program 8.30–10.00": the span the breakfast's word leads is its own, not the programme's
    own_span = breakfast is not None and len(spans) > 1 and breakfast.start(1) == spans[0].start()
    if spans:
        span = spans[1] if own_span else spans[0]
        start, end = hhmm(*span.group(1, 2)), hhmm(*span.group(3, 4))
        programme = PROGRAMME_START.search(text)  # "kl. 8.00–9.30 (programmet börjar 8.30)"
        if programme and is_clock(*programme.group(1, 2)) and start < hhmm(*programme.group(1, 2)) < end:
            return start, hhmm(*programme.group(1, 2)), end, None
        return breakfast_time, start, end, None
    single = _spoken_start(text)  # "Frukost från klockan åtta, och programmet börjar halv nio."
    if not single:  # "frukost från kl. 8.00, programmet börjar kl. 8.30": not the breakfast's own time
        own = range(breakfast.start(), breakfast.end()) if breakfast else range(0)
        singles = [m for m in SINGLE_TIME.finditer(text) if m.start() not in own]
        # "börjar med kaffe kl. 8.00. Själva programmet drar igång 8.30": the programme's time first
        singles.sort(key=lambda m: not re.search(r"\bprogram", text[max(0, m.start() - 40) : m.start()], re.I))
        if singles and is_clock(*singles[0].group(1, 2)):
            single = hhmm(*singles[0].group(1, 2))
    return breakfast_time, None, None, single


def programme_start(meeting: Meeting, text: str) -> None:
    """ "When: … 08:00-10:00" over "Frukost från 08.00, programmet startar 08.30" (or "… börjar kvart i nio"): the
    programme's own start within the meeting's span is its start, the span's the breakfast's."""
    said = re.search(r"\bprogram\w*\b.*?(?=[.!?](?:\s|$)|$)", text, re.I)
    written = PROGRAMME_START.search(said.group(0)) if said else None
    start = hhmm(*written.group(1, 2)) if written and is_clock(*written.group(1, 2)) else None
    start = start or (_spoken_start(said.group(0)) if said else None)
    if start and meeting.start and meeting.end and meeting.start < start < meeting.end:
        meeting.breakfast, meeting.start = meeting.breakfast or meeting.start, start


def _twenty_four_hour(text: str) -> str:
    """ "1:00 PM-4:30 PM" -> "13:00-16:30": a calendar invitation's twelve-hour clock."""
    halves = lexicon().clock_halves

    def converted(match: re.Match[str]) -> str:
        hours = int(match.group(1)) % 12 + halves[match.group(3).lower()]
        return f"{hours}:{match.group(2)}"

    if not halves or not re.search(r"\d\s*[AaPp]", text):
        return text
    pattern = "|".join(map(re.escape, halves))
    span = r"\b(?P<start>(?P<hour>\d{1,2})[:.]\d{2})(?P<to>\s*[–-]\s*)(?P<end>(?P<last>\d{1,2})[:.]\d{2})"
    text = re.sub(rf"{span}\s*(?P<half>{pattern})(?!\w)", _half_for_both, text, flags=re.I)
    return re.sub(rf"\b(\d{{1,2}})[:.](\d{{2}})\s*({pattern})(?!\w)", converted, text, flags=re.I)


def _half_for_both(span: re.Match[str]) -> str:
    """ "2.30–4.45 pm" -> "2.30 pm–4.45 pm": a half written once after a span is its start's too, unless the
    start would then come after the end ("11.00–1.00 pm" starts before noon)."""
    if int(span["hour"]) % 12 > int(span["last"]) % 12:
        return span.group(0)
    return f"{span['start']} {span['half']}{span['to']}{span['end']} {span['half']}"


def _spoken_start(text: str) -> str | None:
    """The programme's start said in words, the last such time ("frukost från klockan åtta ... programmet
    börjar halv nio" -> 08:30) or the start of a span ("halv nio till tio"), as HH:MM; morning hours are read as
    such (no meeting starts at 20.30)."""
    words = lexicon()
    said = [time for time in words.spoken_time.finditer(text) if not words.clock_end.search(text[: time.start()])]
    # else a span said in words: "När: fredag 25 mars, halv nio till tio (frukost från åtta)"
    last = said[-1] if said else words.spoken_span.search(text)
    if last is None:
        return None
    hour = words.numbers.get(fold(last.group("hour")))
    if not hour:
        return None
    minutes = hour * 60 + words.clock_shifts.get((last.group("shift") or "").lower(), 0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def topic_in(text: str, first: str | None = None) -> str | None:
    """The topic running text gives: "Temat är X", "på temat X", "Tema: X", else "... om X" in `first`
    (or the text), cut before a date or a time."""
    topic = re.search(r"\btema[^.\"”»]{0,40}[\"”»]([^\"”«]+)[\"”«]", text, re.I)  # 'Tema och lokal: "X"'
    topic = topic or re.search(
        r"\b(?:tema(?:t)?\s+(?:är|blir)|(?:blir|är)\s+temat|på temat|med temat|tema:|theme:?|topic:?)\s+([^.]+)",
        text,
        re.I,
    )
    topic = topic or re.search(r"\btemat,\s+([^,]+),", text, re.I)  # "Temat, X, är oförändrat"
    titled = None if topic else _quoted_after_kind(text)  # 'heldagsseminariet "Vägar till arbete"'
    told = None if topic or titled or first is None else lexicon().told_topic.search(text)
    quoted = re.match(r"\s*[\"”»]([^\"”«]+)[\"”«]", told.group(1)) if told else None
    if quoted:  # 'Programmet ... handlar om "Ensamhet i juletid" med X': the title in quotes
        return quoted.group(1).strip()
    if titled:
        return titled
    if not topic:
        topic = re.search(r"\b(?:om|about)\s+([^,.]+)", first if first is not None else text)
    if not topic:
        return None
    value = topic.group(1)
    cut = [m.start for m in find_dates(value)] + [m.start() for m in re.finditer(r"\s(?:kl\.?|klockan)\s", value)]
    labels = lexicon().labels  # "Tema: X Plats: Y" run together on one line: the next field's label ends it
    cut += [m.start() for m in re.finditer(r"\s([A-ZÅÄÖ][\wåäö]{1,15}):\s", value) if fold(m.group(1)) in labels]
    value = value[: min(cut)] if cut else value
    value = re.sub(r"\s+(?:den|på|i)\s*$", "", value.strip(" ,–-"))
    # "Temat är fortfarande X", "Temat är detsamma som tidigare: X"; "Tid, plats och tema är desamma": no topic
    unchanged = lexicon().unchanged
    if re.fullmatch(rf"(?:{unchanged})(?:\s+som\s+(?:tidigare|förut))?", value, re.I):
        return None
    value = re.sub(rf"^(?:{unchanged})(?:\s+som\s+(?:tidigare|förut))?[:,]?\s+", "", value, flags=re.I)
    value = re.split(r",\s+(?:och|men|så|där)\s+", value)[0]  # "X, och vi ses som planerat i ..."
    value = re.split(r"\s+(?:är|blir|hålls|ställs|flyttas)\s", value)[0]  # "om X är tyvärr inställt"
    return value or None


def _quoted_after_kind(text: str) -> str | None:
    """'seminariet "Vägar till arbete"', "frukostmötet »Unga i arbete«": a title in quotes after a kind of meeting."""
    for match in re.finditer(r"(\w+)\s+[\"”»]([^\"”«]+)[\"”«]", text):
        if lexicon().kind_in(match.group(1)):
            return match.group(2).strip()
    return None


def venue_in(text: str, after: str = r"i|på|in|at") -> str | None:
    """ "... i Tyresö kommunhus, Marknadsvägen 1" / "på Folkets hus": a venue named in running text
    (two words or more, so that "i Haninge" alone is a place, not a venue, or one ending in a venue word:
    "Alléhuset", "Jordbro kultur- och föreningshus")."""
    ending = lexicon().venue_end
    joined = r"(?:[a-zåäö]+-\s+(?:och|eller)\s+)?"  # "kultur- och föreningshus": two words sharing their end
    for match in re.finditer(rf"\b(?:{after})\s+((?:[A-ZÅÄÖ][\wåäö-]*\s?)+(?:{joined}[a-zåäö]*{ending})?)", text):
        if re.search(r"(?:i stället|istället|instead)\s+(?:för|of)\s*$", text[: match.start()], re.I):
            continue  # "I stället för i Strandsalen ses vi i Alléhuset": the old venue
        venue = match.group(1).strip()
        if len(venue.split()) >= 2:
            return venue
        placed = re.match(r"\s*i\s+([A-ZÅÄÖ][\wåäö]+)", text[match.end(1) :])  # "på Poseidon i Handen"
        # "i Kulturhuset i Handen": with its district; "i Alléhuset", "i Skärgårdshotellet i Nynäshamn" alone
        named = re.search(rf"{ending}$", venue)
        if placed and not re.search(r"\d", venue) and (not named or _is_district(placed.group(1))):
            return f"{venue} i {placed.group(1)}"
        if named:  # "i Havssalen, Nynäshamns folkhögskola": the room, then the building it is in
            building_name = rf"[A-ZÅÄÖ][\wåäö-]*\s(?:[\wåäö-]+\s)?[\wåäö-]*{ending}"
            building = re.match(rf"\s*,\s*({building_name})\b", text[match.end(1) :])
            return f"{venue}, {building.group(1)}" if building else venue
        district = re.match(r",\s*([A-ZÅÄÖ][\wåäö]+)", text[match.end(1) :])  # "i Poseidon, Handen"
        places = load_vocabulary()
        if district and places.municipality_of(district.group(1)) and not places.municipality_of(venue):
            return f"{venue}, {district.group(1)}"
    online = re.search(rf"\b(?:via|på|i|över|in|on)\s+({lexicon().online.pattern})", text, re.I)
    return online.group(1) if online else None  # "via Teams", "på Zoom"


def _is_district(word: str) -> bool:
    """ "Handen", "Jordbro": a part of a municipality, not the municipality itself."""
    municipality = load_vocabulary().municipality_of(word)
    return municipality is not None and fold(municipality) != fold(word)


def is_clock(hours: str, minutes: str | None) -> bool:
    """Whether hours and minutes are a time of day ("11.90" and "25.00" are not)."""
    return int(hours) <= 23 and int(minutes or 0) <= 59


def hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"
