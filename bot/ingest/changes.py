"""Notices that change a meeting: moved ("flyttas från 14/2 till 21/2", "nytt datum"), cancelled
("ställs in", "inställt"), a new topic or a new venue. Any sentence that speaks of a meeting and
uses one of the words of `changes` in bot/ingest/reading.yaml is one, wherever it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.folding import fold
from bot.ingest.dates import DateMention, find_dates, full_date
from bot.ingest.document import Line, Newsletter, sentences
from bot.ingest.lexicon import lexicon
from bot.ingest.meeting_text import apply_times, topic_in, venue_in
from bot.knowledge.model import Meeting, Source
from bot.knowledge.vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Change:
    what: str  # "cancelled", "moved", "topic" or "venue"
    kind: str | None  # the kind of meeting, if the notice names it
    municipality: str | None
    on: date  # the meeting's date as announced before
    source: Source
    text: str  # the notice's own sentence
    line: int
    new_date: date | None = None
    new_value: str | None = None  # the new topic or venue
    details: dict[str, str] = field(default_factory=dict)  # what the notice's paragraph says of the meeting


def read_changes(newsletter: Newsletter, vocabulary: Vocabulary) -> list[Change]:
    words = lexicon()
    changes: list[Change] = []
    for section in newsletter.sections:
        if words.contents.match(fold(section.heading)):
            continue  # "Innehåll": the titles of the articles ("Nynäshamn flyttar en vecka"), not notices
        about_meeting = words.speaks_of_meeting(section.heading)
        line = next((line.number for line in section.lines if line.text), section.heading_line)
        for number, (paragraph, run) in enumerate(zip(section.paragraphs, section.runs, strict=True)):
            if words.contents.match(fold(paragraph)) or (
                words.change_in(paragraph) is None
                and len(find_dates(paragraph)) < 2
                and not words.moved_from.search(fold(paragraph))
            ):
                continue
            listed = _is_list_of_days(run)
            for written in [line.text for line in run] if listed else sentences(paragraph):
                following = paragraph[paragraph.find(written) + len(written) :]  # what the next sentences add
                # the paragraph after it, if undated: the move goes on ("Temat är detsamma: X. Vi börjar 8.30 i ...")
                later = " ".join(p for p in section.paragraphs[number + 1 : number + 2] if not find_dates(p))
                written = written.lstrip("•*–-»> ")
                if written.count("|") >= 2 and not words.change_in(written.rsplit("|", 1)[1]):
                    continue  # a remark inside a table's rows ("– NYTT DATUM") is read with its row
                if _new_day_of_row(written) and (listed or _names_old_day(next(iter(sentences(following)), ""))):
                    continue  # "18/2 | Tyresö | Topic | <-- NYTT DATUM": the row's day is the new one, read with it
                label = _LEAD_LABEL.match(written)  # "Ny lokal: Frukostmötet i ... hålls på ..."
                sentence = written[label.end() :] if label else written
                sentence = re.sub(r"\s*\([^)]*\)", "", sentence)  # "20/11 (nytt datum)": a remark, not a notice
                what = words.change_in(sentence) or _moved_without_saying(sentence)
                what = what or (words.change_in(label.group(0)) if label else None)  # "Ändrat tema i Tyresö: ..."
                moved_by_arrow = words.move_arrow.search(sentence) and (
                    vocabulary.municipality_of(sentence) or vocabulary.municipality_of(section.heading)
                )
                titled = _titled_by_place_and_day(sentence, vocabulary)  # "1) Tyresö 14/2 – ny lokal …"
                speaks = about_meeting or words.speaks_of_meeting(sentence) or moved_by_arrow or titled
                if what is None or not speaks:
                    continue
                context = f"{section.heading}. {sentence}"
                source = Source(newsletter.id, section.heading)
                before = paragraph[: paragraph.find(written)]  # "... skulle hållas 3 november. Mötet flyttas till ..."
                lead = section.paragraphs[number - 1] if number else ""
                if not before.strip() and lead.rstrip().endswith(":"):
                    before = lead  # "Frukostmötet i Nynäshamn om X flyttas en vecka:" over "12 december → 19 december"
                found = _change(newsletter, what, sentence, context, vocabulary, source, line, following, later, before)
                if found:
                    if found.what != "cancelled" and "start" not in found.details:
                        _times_for_all(found.details, section.paragraphs)
                    changes.append(found)
    return changes


def _titled_by_place_and_day(sentence: str, vocabulary: Vocabulary) -> bool:
    """A notice opening on a municipality and a day ("Tyresö 12/3 – ny lokal"): it is about that day's meeting,
    though it names no meeting."""
    opening = re.sub(r"^\d{1,2}[.)]\s+", "", sentence)  # a numbered notice: "2. Haninge 8/4 – ..."
    place = vocabulary.first_municipality_in(opening[:20])
    days = find_dates(opening[:40])
    return place is not None and bool(days) and fold(opening).startswith(fold(place)) and days[0].start < 20


def _is_list_of_days(run: list[Line]) -> bool:
    """A paragraph of two or more lines that start with a day: its notices are read a line each ("14/1 Haninge Topic"
    over "18/2 Tyresö Topic <-- NYTT DATUM": the remark is of its own line, not of the list before it)."""
    return sum(1 for line in run if _DAY_FIRST.match(line.text) and find_dates(line.text)) >= 2


_DAY_FIRST = re.compile(r"^[\s•*–-]*(?:[A-Za-zÅÄÖåäö]{2,7}\.?\s+)?\d")  # "14/1 …", "fre 12 mars …"


def _new_day_of_row(row: str) -> bool:
    """A line of a list of days with one day and after it a word of a new day ("27/5  Haninge  Topic  <-- NYTT
    DATUM"): the line gives the meeting's new day, where it moved from is told apart."""
    days = find_dates(row)
    return len(days) == 1 and lexicon().new_date.search(fold(row[days[0].end :])) is not None


def _names_old_day(sentence: str) -> bool:
    """ "Mötet var först planerat till den 26 februari": a sentence naming the day a meeting was moved from."""
    words = lexicon()
    return any(
        words.is_old_date(sentence[: m.start]) or words.was_moved_from(sentence[: m.start])
        for m in find_dates(sentence)
    )


# "Ny lokal: Frukostmötet ...", "Tyresö 28 mars: mötet får ett nytt tema": a label before the notice
_LEAD_LABEL = re.compile(
    r"^(?:(?:[\wåäöÅÄÖ]+\s){0,3}[\wåäöÅÄÖ]+:\s+(?=[A-ZÅÄÖ])|(?=[^:]*\d[^:]*:)(?:[\wåäöÅÄÖ/.]+\s){1,3}[\wåäöÅÄÖ/.]+:\s+)"
)


def _moved_without_saying(sentence: str) -> str | None:
    """ "... som var planerat till 18/10 hålls 25/10", "... den 22/2 hålls i stället den 29/2": two days, one of
    them said to be the old one or the new one; or one day said to be the old one ("Mötet i Tyresö var först
    planerat till 4 maj")."""
    words = lexicon()
    dates = [m for m in find_dates(sentence) if not words.is_deadline(sentence[: m.start])]
    olds = [m for m in dates if words.is_old_date(sentence[: m.start])]
    news = [m for m in dates if words.is_new_date(sentence[: m.start])]
    if len(dates) == 1 and words.was_moved_from(sentence[: dates[0].start]):
        return "moved"
    return "moved" if len(dates) == 2 and 1 in (len(olds), len(news)) else None


def _days_of_a_named_month(sentence: str) -> list[DateMention]:
    """ "Tyresömötet i januari har flyttats från den 15:e till den 22:a": days written as ordinals, the
    month named once elsewhere in the sentence."""
    months_written_out = enumerate(load_vocabulary().months, start=1)  # Swedish and English names, no abbreviations
    written_out = {fold(name): number for number, names in months_written_out for name in names[:2]}
    months = {written_out[word] for word in fold(sentence).split() if word in written_out}  # "januari", not "jul"
    if len(months) != 1:
        return []
    month = months.pop()
    return [
        DateMention(match.start(), match.end(), int(match.group(1)), month, None)
        for match in re.finditer(r"\bden\s+(\d{1,2}):[ae]\b", sentence)
    ]


def _change(
    newsletter: Newsletter,
    what: str,
    sentence: str,
    context: str,
    vocabulary: Vocabulary,
    source: Source,
    line: int,
    following: str,
    later: str = "",
    before: str = "",
) -> Change | None:
    words = lexicon()
    dates = [m for m in find_dates(sentence) if not words.is_deadline(sentence[: m.start])]
    if what == "moved" and len(dates) < 2:
        dates = sorted([*dates, *_days_of_a_named_month(sentence)], key=lambda mention: mention.start)
    if not dates:
        dates = find_dates(source.section)
    if not dates:
        return None
    old, new = dates[0], None
    if what == "moved" and len(dates) == 1 and _venue_moved_to(sentence):
        what = "venue"  # "Mötet den 18/9 flyttar från Handens bibliotek till Kulturhuset Poseidon"
    if what == "moved" and len(dates) >= 2:
        olds = [m for m in dates if words.is_old_date(sentence[: m.start])]
        olds = olds or [m for m in dates if not words.is_new_date(sentence[: m.start])]
        old = olds[0] if olds else dates[0]
        new = next(m for m in dates if m is not old)
    if what == "moved" and len(dates) == 1 and words.is_moved_to(sentence[: old.start]):
        # "... skulle hållas fredag 3 november. Mötet flyttas en vecka framåt, till fredag 10 november": the old day
        # is the last one the sentence before names
        told_before = find_dates((sentences(before) or [""])[-1])
        if not told_before:
            return None
        old, new = told_before[-1], dates[0]
    if what == "moved" and new is None:  # "... som skulle ha hållits 25 maj blir av senare. Det nya datumet är 8 juni."
        told_next = next(iter(sentences(following)), "")
        days_next = find_dates(told_next)
        new = days_next[0] if len(days_next) == 1 and words.is_new_date(told_next[: days_next[0].start]) else None
        # "Fredagen den 12 mars – frukostmöte NYTT DATUM! Mötet var först planerat till den 26 februari …"
        row_before = (sentences(before) or [""])[-1]
        new = new or (find_dates(row_before)[0] if _new_day_of_row(row_before) else None)
    municipality = (
        vocabulary.first_municipality_in(sentence)
        or vocabulary.first_municipality_in(words.split_compounds(sentence))  # "Tyresömötet får nytt datum"
        or vocabulary.first_municipality_in(source.section)
    )
    return Change(
        what=what,
        kind=words.kind_in(context),
        municipality=municipality,
        on=_full(newsletter, old, line),
        source=source,
        text=sentence,
        line=line,
        new_date=_full(newsletter, new, line) if new else None,
        new_value=_new_value(what, sentence, following) if what in ("topic", "venue") else None,
        details=_details(sentence, following, later if what == "moved" else "", before),
    )


def _details(sentence: str, following: str, later: str = "", before: str = "") -> dict[str, str]:
    """Times, venue and topic the notice's paragraph gives ("Temat är detsamma: X. Mötet hålls i
    Haninge kulturhus, och programmet börjar kl. 8.30."), or the undated paragraphs `later` in its article, or
    a lead `before` it that ends on a colon ("Frukostmötet i Nynäshamn om X flyttas en vecka:")."""
    lead = (sentences(before) or [""])[-1]
    after = following
    other_day = next(iter(find_dates(after)), None)
    after = after[: other_day.start] if other_day else after  # "Vi träffas i stället 8 april ...": another meeting
    after = f"{after.rstrip()}. {later}" if later else after  # the cut sentence ends where the paragraph did
    scratch = Meeting(id="", kind="", date=date.min)
    apply_times(scratch, sentence + after)
    found = {
        "start": scratch.start,
        "end": scratch.end,
        "breakfast": scratch.breakfast,
        "venue": venue_in(after) or venue_in(sentence),
        # "Temat är detsamma: X", "Vi ... pratar om X", not any "om" ("Vi ber om ursäkt")
        "topic": topic_in(sentence)
        or topic_in(after, first="")
        or _told_topic(after)
        or (_before_change(topic_in(lead) or "") if lead.endswith(":") else None)
        or lexicon().occasion_in(sentence),  # "Julfrukosten i Tyresö … flyttas till fredag 17 december"
    }
    return {name: value for name, value in found.items() if value}


def _before_change(text: str) -> str | None:
    """ "ensamföräldrar och arbete skjuts upp en vecka:" -> "ensamföräldrar och arbete": words before the change."""
    words = text.split()
    changes = lexicon().changes.values()
    at = next((i for i in range(len(words)) if any(p.match(fold(" ".join(words[i : i + 4]))) for p in changes)), None)
    return " ".join(words[:at]).strip(" ,:") or None


def _venue_moved_to(sentence: str) -> str | None:
    """ "flyttar från Handens bibliotek till Kulturhuset Poseidon": where a meeting moves, not where it was."""
    return venue_in(sentence, after="till|to")


def _times_for_all(details: dict[str, str], paragraphs: list[str]) -> None:
    """The times the section gives without a day ("Programmet börjar kl 8.30 alla gånger")."""
    scratch = Meeting(id="", kind="", date=date.min)
    apply_times(scratch, " ".join(p for p in paragraphs if not find_dates(p)))
    times = {"start": scratch.start, "end": scratch.end, "breakfast": scratch.breakfast}
    details.update({name: value for name, value in times.items() if value})


def _told_topic(text: str) -> str | None:
    """ "Vi ses på Folkets hus och pratar om Jobbspår Nynäshamn." -> "Jobbspår Nynäshamn"."""
    for sentence in sentences(text)[:1]:
        verb = lexicon().topic_verbs.search(fold(sentence))
        if verb and re.search(r"\bom\s", sentence):
            return topic_in(sentence)
    return None


def _new_value(what: str, sentence: str, after: str) -> str | None:
    """ "... får nytt tema: Unga och psykisk hälsa." / "... hålls i stället i Folkets hus"; a notice
    that only says there is a new one ("Mötet den 25/9 får nytt tema.") gives it in the next sentence."""
    value = _value_in(what, sentence)
    if value is None and not find_dates(after[:200]):
        following = " ".join(sentences(after)[:1])
        value = topic_in(following) if what == "topic" else venue_in(following)
    return value


def _value_in(what: str, sentence: str) -> str | None:
    if what == "venue":
        named = _venue_moved_to(sentence) or venue_in(sentence)
        if named:
            return named
    after_colon = re.search(r":\s*[»\"”']?([^»\"”']+?)[»\"”']?\.?$", sentence)
    # "... får nytt tema: X", not "Kind i Place: Title  When: …  Where: Venue  Ny lokal!" (a pasted invitation)
    if after_colon and lexicon().change_in(sentence[: after_colon.start()]):
        return after_colon.group(1).strip()
    quoted = re.search(r"[»\"”]([^»\"”]+)[«\"”]", sentence)
    if quoted:
        return quoted.group(1).strip()
    if what == "venue":
        place = re.search(r"\b(?:till|i stället i|istället i|på|i)\s+([A-ZÅÄÖ][^,.]*)\.?$", sentence)
        named = place.group(1).strip() if place else None  # not "i Tyresö den 12 februari byter lokal"
        return named if named and not re.search(r"\d", named) and len(named.split()) <= 5 else None
    return None


def _full(newsletter: Newsletter, mention: DateMention, line: int) -> date:
    return full_date(mention, newsletter.published, f"{newsletter.path}:{line}", is_event=True)
