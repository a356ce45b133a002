"""Answers about meetings: the next one, the upcoming ones, past ones, one meeting's details, and its reminder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from bot.answers.common import Answer, known_through, with_source
from bot.answers.words import capital, clock, join_list, kind_name, long_date, uncapital
from bot.folding import fold
from bot.knowledge import query
from bot.knowledge.model import KnowledgeBase, Meeting
from bot.knowledge.vocabulary import load_vocabulary
from bot.nlu.dates import When
from bot.nlu.question import Slots
from bot.texts import say

LIST_LIMIT = 12


def headline(meeting: Meeting, lang: str) -> str:
    """ "Frukostmöte fredag 28 september 2018 i Haninge"."""
    text = f"{capital(kind_name(meeting.kind, lang))} {long_date(meeting.date, lang)}"
    if meeting.municipality:
        text += f" {say(lang, 'in')} {meeting.municipality}"
    return text


def detail_lines(meeting: Meeting, lang: str) -> dict[str, str]:
    """Aspect -> the line stating it, for each aspect the newsletters give."""
    lines: dict[str, str] = {}
    if meeting.status == "cancelled":
        lines["status"] = say(lang, "meeting_cancelled")
    elif meeting.status == "moved":
        moved_to = long_date(meeting.moved_to, lang) if meeting.moved_to else say(lang, "date_to_come")
        lines["status"] = say(lang, "meeting_moved_to", day=moved_to)
    elif meeting.moved_from:
        lines["status"] = say(lang, "meeting_moved_from", day=long_date(meeting.moved_from, lang))
    start, end, breakfast = clock(meeting.start), clock(meeting.end), clock(meeting.breakfast)
    times = []
    if breakfast:
        times.append(say(lang, "breakfast_from", time=breakfast))
    if start:
        times.append(say(lang, "programme", span=f"{start}–{end}" if end else start))
    if times:
        lines["time"] = say(lang, "time_label") + ", ".join(times)
    if meeting.venue:
        lines["venue"] = say(lang, "venue_label") + meeting.venue
    if meeting.topic:
        lines["topic"] = say(lang, "topic_label") + meeting.topic
    if meeting.speakers:
        lines["speakers"] = say(lang, "speakers_label") + join_list(meeting.speakers, lang)
    registration = _registration(meeting, lang)
    if registration:
        lines["registration"] = registration
    if meeting.organiser:
        lines["organiser"] = say(lang, "organiser_label") + meeting.organiser
    if meeting.note:
        lines["note"] = meeting.note
    return lines


def _registration(meeting: Meeting, lang: str) -> str | None:
    parts = []
    registration = meeting.registration
    if registration and registration.deadline:
        parts.append(say(lang, "by_date", day=long_date(registration.deadline, lang)))
    if registration and registration.contact:
        parts.append(say(lang, "to_contact", contact=registration.contact))
    label = say(lang, "registration_label")
    if not parts and registration and registration.text:
        word = label.rstrip(": ")  # "Anmälan: via hemsidan …", not "Anmälan: Anmälan via hemsidan …"
        told = registration.text
        parts.append(told[len(word) :].lstrip(" :") if fold(told).startswith(fold(word) + " ") else told)
    if meeting.invitation:
        parts.append(say(lang, "see_invitation"))
    return label + ", ".join(parts) if parts else None


def describe(meeting: Meeting, kb: KnowledgeBase, lang: str, lead: str | None = None) -> str:
    lines = [lead or headline(meeting, lang) + "."]
    lines.extend(detail_lines(meeting, lang).values())
    return with_source(lines, kb, meeting.sources, lang)


def one_line(meeting: Meeting, lang: str) -> str:
    text = "• " + long_date(meeting.date, lang)
    if meeting.municipality:
        text += f", {meeting.municipality}"
    if meeting.kind != "frukostmöte":
        text += f" ({kind_name(meeting.kind, lang)})"
    if meeting.topic:
        text += f": {meeting.topic}"
    elif meeting.venue:
        text += f": {meeting.venue}"
    if meeting.moved_from:
        moved = say(lang, "meeting_moved_from", day=long_date(meeting.moved_from, lang)).rstrip(".")
        text += f" ({uncapital(moved)})"
    return text


def where_words(municipality: str | None, kind: str | None, lang: str, plural: bool = False) -> str:
    text = kind_name(kind, lang, plural)
    return f"{text} {say(lang, 'in')} {municipality}" if municipality else text


def on_topic(meetings: list[Meeting], topic: tuple[str, ...] | None) -> list[Meeting]:
    """The meetings whose topic, speakers or note mention one of the topic words ("tillit", "vald")."""
    if not topic:
        return meetings
    stems = _stems(topic)
    return [meeting for meeting in meetings if _mentions(meeting, stems)]


def first_on_topic(meetings: list[Meeting], topic: tuple[str, ...] | None) -> Meeting | None:
    """The first of `on_topic(meetings, topic)`, without looking at the rest (they grow with every issue)."""
    if not topic:
        return meetings[0] if meetings else None
    stems = _stems(topic)
    return next((meeting for meeting in meetings if _mentions(meeting, stems)), None)


def _stems(topic: tuple[str, ...]) -> list[str]:
    return [word[: max(min(len(word), 5), len(word) - 2)] for word in fold(" ".join(topic)).split()]


def _mentions(meeting: Meeting, stems: list[str]) -> bool:
    return any(said.startswith(stem) for said in _said(meeting) for stem in stems)


def _said(meeting: Meeting) -> tuple[str, ...]:
    return _words(" ".join([meeting.topic or "", *meeting.speakers, meeting.note or ""]))


@lru_cache(maxsize=8192)  # the meetings' texts: folded once, not at every question about a topic
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _no_meeting_about(lang: str, topic: tuple[str, ...]) -> Answer:
    return Answer(say(lang, "no_meeting_about", topic=" ".join(topic)), answered=False)


def next_meeting(
    kb: KnowledgeBase,
    today: date,
    lang: str,
    municipality: str | None,
    kind: str | None,
    topic: tuple[str, ...] | None = None,
) -> Answer:
    upcoming = on_topic(query.upcoming_meetings(kb, today, municipality, kind), topic)
    if topic and not upcoming and first_on_topic(query.past_meetings(kb, today, municipality, kind), topic) is None:
        return _no_meeting_about(lang, topic)
    if upcoming:
        meeting = upcoming[0]
        lead = say(lang, "next_is", what=where_words(municipality, kind, lang), day=long_date(meeting.date, lang))
        if not municipality and meeting.municipality:
            lead = lead[:-1] + f" {say(lang, 'in')} {meeting.municipality}."
        before = [m for m in query.called_off(kb, today, municipality, kind) if m.date < meeting.date]
        return _led_by(before, lang, Answer(describe(meeting, kb, lang, lead), meetings=[meeting]))
    called_off = [] if topic else query.called_off(kb, today, municipality, kind)
    return _led_by(called_off, lang, _nothing_upcoming(kb, today, lang, municipality, kind, topic))


def _led_by(called_off: list[Meeting], lang: str, answer: Answer) -> Answer:
    """The answer led by a line for each meeting still to come that is cancelled or moved to a day not yet given:
    whoever expected it hears that it is off before hearing of the next."""
    lines = [change_note(meeting, lang) for meeting in called_off]
    return replace(answer, text="".join(line + "\n" for line in lines) + answer.text)


def _status(meeting: Meeting, lang: str) -> str:
    if meeting.status == "moved" and meeting.moved_to:
        return say(lang, "moved_word", day=long_date(meeting.moved_to, lang))
    return say(lang, "cancelled_word" if meeting.status == "cancelled" else "moved_later_word")


def change_note(meeting: Meeting, lang: str) -> str:
    """ "Obs: inställt – frukostmöte fredag 12 juni 2065 i Tyresö.", "Obs: flyttat till … – seminarium …"."""
    return say(lang, "called_off", what=uncapital(headline(meeting, lang)), status=_status(meeting, lang))


def _nothing_upcoming(
    kb: KnowledgeBase,
    today: date,
    lang: str,
    municipality: str | None,
    kind: str | None,
    topic: tuple[str, ...] | None = None,
) -> Answer:
    what = where_words(municipality, kind, lang) + (say(lang, "about_topic", topic=" ".join(topic)) if topic else "")
    none = say(lang, "none_upcoming", what=what, today=long_date(today, lang)) + " " + _known_meetings(kb, today, lang)
    latest = first_on_topic(query.past_meetings(kb, today, municipality, kind), topic)
    if latest is None:
        return Answer(none + " " + say(lang, "none_known"), answered=True)
    lead = (
        none
        + " "
        + say(
            lang,
            "latest_was",
            day=long_date(latest.date, lang),
            where=f" {say(lang, 'in')} {latest.municipality}" if latest.municipality else "",
        )
    )
    return Answer(describe(latest, kb, lang, lead), meetings=[latest])


def _known_meetings(kb: KnowledgeBase, today: date, lang: str) -> str:
    """ "Jag känner till möten t.o.m. nyhetsbrev nr 1 2019 (januari 2019).": with "no upcoming meeting",
    how far the bot's knowledge of meetings reaches."""
    return known_through(kb, today, lang, "meetings_known_through")


def upcoming(
    kb: KnowledgeBase,
    today: date,
    lang: str,
    municipality: str | None,
    kind: str | None,
    when: When | None,
    topic: tuple[str, ...] | None = None,
) -> Answer:
    if when is not None:
        return in_period(kb, today, lang, municipality, kind, when, prefer="coming")
    meetings = on_topic(query.upcoming_meetings(kb, today, municipality, kind), topic)
    if topic and not meetings and first_on_topic(query.past_meetings(kb, today, municipality, kind), topic) is None:
        return _no_meeting_about(lang, topic)
    called_off = [] if topic else query.called_off(kb, today, municipality, kind)
    if not meetings:
        return _led_by(called_off, lang, _nothing_upcoming(kb, today, lang, municipality, kind, topic))
    lead = say(lang, "upcoming_are", what=where_words(municipality, kind, lang, plural=True))
    return _led_by(called_off, lang, _listing(kb, lang, lead, meetings))


def _listing(kb: KnowledgeBase, lang: str, lead: str, meetings: list[Meeting]) -> Answer:
    shown = meetings[:LIST_LIMIT]
    lines = [lead, *(one_line(meeting, lang) for meeting in shown)]
    if len(meetings) > len(shown):
        lines.append(say(lang, "and_more", count=len(meetings) - len(shown)))
    sources = [source for meeting in shown for source in meeting.sources[-1:]]
    return Answer(with_source(lines, kb, sources, lang), meetings=shown)


def in_period(
    kb: KnowledgeBase,
    today: date,
    lang: str,
    municipality: str | None,
    kind: str | None,
    when: When,
    prefer: str = "any",
    only_next: bool = False,
) -> Answer:
    """Meetings in a period. Asked about what is coming, only meetings from today count; when the
    coming occurrence of a yearless period ("i maj") has none, the latest past one is shown too."""
    first, last = resolve_span(kb, today, when, prefer)
    if prefer == "coming" and first < today <= last:
        first = today  # "fler frukostmöten i år": what is left of the year
    meetings = _between(kb, today, first, last, municipality, kind, None)
    what = where_words(municipality, kind, lang, plural=True)
    span = long_date(first, lang) if first == last else f"{long_date(first, lang)} – {long_date(last, lang)}"
    if meetings and only_next:
        meeting = meetings[0]
        lead = say(lang, "next_is", what=where_words(municipality, kind, lang), day=long_date(meeting.date, lang))
        return Answer(describe(meeting, kb, lang, lead), meetings=[meeting])
    if meetings:
        key = "on_day" if first == last else "in_period"
        return _listing(kb, lang, say(lang, key, what=capital(what), span=span), meetings)
    none = say(lang, "none_in_period", what=what, span=span)
    if prefer == "coming":
        none += " " + _known_meetings(kb, today, lang)
    if prefer == "coming" and when.year is None and when.first is None:
        past_first, past_last = resolve_span(kb, today, when, "past")
        earlier = _between(kb, today, past_first, past_last, municipality, kind, None)
        if earlier and past_last < first:
            lead = (
                none
                + " "
                + say(lang, "earlier_in_period", span=f"{long_date(past_first, lang)} – {long_date(past_last, lang)}")
            )
            return _listing(kb, lang, lead, earlier)
    return Answer(none)


def _between(
    kb: KnowledgeBase,
    today: date,
    first: date,
    last: date,
    municipality: str | None,
    kind: str | None,
    not_before: date | None,
) -> list[Meeting]:
    return [
        meeting
        for meeting in query.meetings_between(kb, today, first, last)
        if (municipality is None or meeting.municipality == municipality)
        and (kind is None or meeting.kind == kind)
        and (not_before is None or meeting.date >= not_before)
    ]


def resolve_span(kb: KnowledgeBase, today: date, when: When, prefer: str = "any") -> tuple[date, date]:
    """The dates a period means. Without a year, `prefer` decides: "coming" is the occurrence
    still to come (or under way); "past" the latest one that has passed with meetings; "any" the
    coming one if it has meetings, else the latest earlier one that has."""
    if when.first and when.last:
        return when.first, when.last
    if when.year:
        return when.span(when.year)
    meeting_days = [meeting.date for meeting in query.as_of(kb, today).meetings]
    spans = [when.span(year) for year in range(today.year - 15, today.year + 2)]
    coming = [span for span in spans if span[1] >= today]
    if prefer == "coming":
        return coming[0]
    earlier = sorted((s for s in spans if s[0] <= today), reverse=True)
    order = earlier if prefer == "past" else coming[:1] + [s for s in earlier if s[1] < today]
    for span in order:
        if any(span[0] <= day <= span[1] for day in meeting_days):
            return span
    return coming[0] if prefer != "past" else (earlier[0] if earlier else coming[0])


def past(
    kb: KnowledgeBase, today: date, lang: str, municipality: str | None, kind: str | None, when: When | None
) -> Answer:
    if when is not None:
        return in_period(kb, today, lang, municipality, kind, when, prefer="past")
    meetings = query.past_meetings(kb, today, municipality, kind)
    if not meetings:
        return Answer(say(lang, "no_past", what=where_words(municipality, kind, lang, plural=True)))
    latest = meetings[0]
    lead = say(
        lang,
        "latest_was",
        day=long_date(latest.date, lang),
        where=f" {say(lang, 'in')} {latest.municipality}" if latest.municipality else "",
    )
    text = describe(latest, kb, lang, capital(lead))
    if len(meetings) > 1:
        earlier = [say(lang, "earlier"), *(one_line(meeting, lang) for meeting in meetings[1:5])]
        text = text + "\n\n" + "\n".join(earlier)
    return Answer(text, meetings=[latest])


def find_meeting(kb: KnowledgeBase, today: date, slots: Slots) -> Meeting | None:
    """The meeting a question points at: a date said, a meeting in the conversation, a municipality."""
    view = query.as_of(kb, today)
    when = slots.when
    municipality, kind = slots.municipality, slots.kind
    candidates = on_topic(
        [
            meeting
            for meeting in view.meetings
            if (municipality is None or meeting.municipality == municipality) and (kind is None or meeting.kind == kind)
        ],
        slots.topic,
    )
    if when is not None:
        if when.day is not None and when.months:
            matching = [
                m
                for m in candidates
                if m.date.day == when.day
                and m.date.month == when.months[0]
                and (when.year is None or m.date.year == when.year)
            ]
        else:
            first, last = resolve_span(kb, today, when)
            matching = [m for m in candidates if first <= m.date <= last]
        return _nearest(matching, today)
    if slots.meeting_id and not municipality and not slots.topic:
        return query.meeting_by_id(kb, today, slots.meeting_id)
    return _nearest([meeting for meeting in candidates if meeting.stands], today)


def _nearest(meetings: list[Meeting], today: date) -> Meeting | None:
    coming = sorted((m for m in meetings if m.date >= today), key=lambda m: m.date)
    if coming:
        return coming[0]
    gone = sorted(meetings, key=lambda m: m.date, reverse=True)
    return gone[0] if gone else None


def details(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    meeting = find_meeting(kb, today, slots)
    if meeting is None:
        when = slots.when
        if when is not None:
            return Answer(say(lang, "no_meeting_on", when=when.text), answered=False)
        if slots.topic:
            return _no_meeting_about(lang, slots.topic)
        return next_meeting(kb, today, lang, slots.municipality, slots.kind)
    aspect = slots.aspect
    lines = detail_lines(meeting, lang)
    lead = headline(meeting, lang)
    if meeting.date < today:  # a meeting held already says so, whatever is asked of it
        lead += " " + say(lang, "past_note").rstrip(".")
    if aspect and aspect in lines:
        text = with_source([lead + ":", lines[aspect]], kb, meeting.sources, lang)
    elif aspect:
        text = describe(meeting, kb, lang, lead + ". " + say(lang, f"no_{aspect}"))
    else:
        text = describe(meeting, kb, lang, lead + ".")
    return Answer(text, meetings=[meeting])


# The questions about meetings, one signature each: see `bot.answers.render.ANSWERS`.


def next_answer(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    if (asked := _which_place(lang, slots)) is not None:
        return asked
    if slots.when is not None and slots.when.is_day:
        return details(kb, today, lang, slots)
    if slots.when is not None:
        return in_period(kb, today, lang, slots.municipality, slots.kind, slots.when, prefer="coming", only_next=True)
    return _none_called_off(
        kb, today, lang, slots, next_meeting(kb, today, lang, slots.municipality, slots.kind, slots.topic)
    )


def upcoming_answer(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    if (asked := _which_place(lang, slots)) is not None:
        return asked
    answer = upcoming(kb, today, lang, slots.municipality, slots.kind, slots.when, slots.topic)
    return answer if slots.when is not None else _none_called_off(kb, today, lang, slots, answer)


def _none_called_off(kb: KnowledgeBase, today: date, lang: str, slots: Slots, answer: Answer) -> Answer:
    """ "vilka möten är inställda?" when none still to come is: the answer led by saying so."""
    if not slots.called_off or query.called_off(kb, today, slots.municipality, slots.kind):
        return answer
    none = say(lang, "none_called_off", what=where_words(slots.municipality, slots.kind, lang))
    return replace(answer, text=f"{none}\n{answer.text}")


def past_answer(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    if (asked := _which_place(lang, slots)) is not None:
        return asked
    return past(kb, today, lang, slots.municipality, slots.kind, slots.when)


def details_answer(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    if slots.ask_place and not slots.municipality and not slots.meeting_id:
        return _ask_municipality(lang)
    return details(kb, today, lang, slots)


def _which_place(lang: str, slots: Slots) -> Answer | None:
    """ "min kommun" without naming it, or a place outside the federation: ask which municipality."""
    if slots.municipality:
        return None
    if slots.ask_place and not slots.meeting_id:
        return _ask_municipality(lang)
    if slots.other_place:
        choices = municipalities()
        return Answer(say(lang, "not_our_place", place=slots.other_place, choices=", ".join(choices)), choices=choices)
    return None


def _ask_municipality(lang: str) -> Answer:
    choices = municipalities()
    return Answer(say(lang, "which_municipality", choices=", ".join(choices) + "?"), choices=choices)


def municipalities() -> list[str]:
    return list(load_vocabulary().municipalities)


def reminder_text(meeting: Meeting, kb: KnowledgeBase, lang: str) -> str:
    """The Telegram reminder: what, when, where, topic and how to register, with the source."""
    header = say(lang, "reminder_lead", meeting=headline(meeting, lang))
    lines = detail_lines(meeting, lang)
    if "time" not in lines and meeting.start is None:
        lines = {"when": say(lang, "date_label") + long_date(meeting.date, lang), **lines}
    return with_source([header, *lines.values()], kb, meeting.sources, lang)
