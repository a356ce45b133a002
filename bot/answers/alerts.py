"""The wording of change alerts (meetings published, moved, cancelled, changed) and of open places a chat
watches. Pure: news from `bot.knowledge.news` + the knowledge base (for citing issues) + language -> text."""

from __future__ import annotations

from datetime import date

from bot.answers.common import cite
from bot.answers.meetings import headline
from bot.answers.words import as_of_phrase, capital, in_programme, join_list, kind_name, long_date
from bot.knowledge.model import KnowledgeBase, Source
from bot.knowledge.news import CANCELLED, CHANGED, MOVED, NEW, MeetingFact, MeetingNews, PlacesNews, changed_fields
from bot.texts import plural, say

MAX_LINES = 15  # of meetings, and of open places: a message stays below Telegram's limit however much changes
MAX_CHARS = 4096  # Telegram's limit for one message, in UTF-16 code units


def fitted(text: str, lang: str) -> str:
    """`text` within MAX_CHARS: whole lines as long as they fit, then "… and N more." for the lines left out."""
    if _length(text) <= MAX_CHARS:
        return text
    lines = [line if _length(line) <= MAX_CHARS // 4 else line[: MAX_CHARS // 8] + "…" for line in text.split("\n")]
    kept: list[str] = []
    for index, line in enumerate(lines):
        more = say(lang, "and_more", count=len(lines) - index)
        if _length("\n".join([*kept, line, more])) > MAX_CHARS:
            return "\n".join([*kept, more])
        kept.append(line)
    return "\n".join(kept)


def _length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def meetings_alert(news: list[MeetingNews], places: list[str], kb: KnowledgeBase, lang: str) -> str:
    """One message of every piece of news, for a chat subscribed to `places` (labels: "Haninge", "alla
    kommuner"); with no places, for a chat that asked to be reminded of the meetings concerned."""
    lead = say(lang, "news_lead", place=join_list(places, lang)) if places else say(lang, "news_lead_watched")
    lines = [_line(item, lang) for item in news]
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], say(lang, "and_more", count=len(lines) - MAX_LINES)]
    sources = [Source(item.meeting.issue) for item in news if item.meeting.issue]
    return "\n".join(line for line in [lead, *lines, cite(kb, sources, lang)] if line)


def _line(item: MeetingNews, lang: str) -> str:
    meeting = item.meeting.meeting()
    if item.what == NEW:
        return say(lang, "news_new", meeting=_described(item.meeting, headline(meeting, lang)))
    if item.what == CANCELLED:
        return say(lang, "news_cancelled", meeting=_described(item.meeting, headline(meeting, lang)))
    before = item.before or item.meeting
    if item.what == MOVED:
        to_come = item.meeting.id == before.id  # the new day is still to be announced
        return say(
            lang,
            "news_moved",
            before=long_date(before.day, lang),
            after=say(lang, "date_to_come") if to_come else long_date(item.meeting.day, lang),
            meeting=_described(item.meeting, _what(item.meeting, lang)),
        )
    if item.what == CHANGED:
        changes = [_change(name, before, item.meeting, lang) for name in changed_fields(before, item.meeting)]
        return say(lang, "news_changed", meeting=headline(meeting, lang), changes="; ".join(changes))
    raise ValueError(f"unknown news {item.what!r}")


def _what(fact: MeetingFact, lang: str) -> str:
    """ "Frukostmöte i Haninge": a meeting without its day."""
    what = capital(kind_name(fact.kind, lang))
    return f"{what} {say(lang, 'in')} {fact.municipality}" if fact.municipality else what


def _described(fact: MeetingFact, lead: str) -> str:
    return f"{lead} – {fact.topic}" if fact.topic else lead


def _change(name: str, before: MeetingFact, now: MeetingFact, lang: str) -> str:
    if name == "municipality":
        return say(lang, "news_now_in", place=now.municipality, before=before.municipality or "–")
    return say(lang, f"news_new_{name}", value=getattr(now, name))


def places_alert(news: list[PlacesNews], kb: KnowledgeBase, lang: str) -> str:
    """One message of the open places a newer notice reports where the chat watches: count, notice, whom to contact."""
    lines = [say(lang, "watch_news_lead")]
    for item in news[:MAX_LINES]:
        fact = item.now
        facts = {
            "count": fact.count,
            "places": plural(lang, "place_word", fact.count),
            "in_programme": in_programme(fact.programme, lang),
            "when": as_of_phrase(fact.as_of_text, _day(fact.as_of), lang),
        }
        if fact.providers:
            providers = ", ".join(f"{name} {count}" for name, count in fact.providers)
            line = say(lang, "watch_kind_line", kind=fact.name, providers=providers, **facts)
        else:
            line = say(lang, "places_one", provider=fact.name, **facts)
        if item.before is not None and item.before.count != fact.count:
            line += " " + say(lang, "watch_before", count=item.before.count)
        lines.append(line)
    if len(news) > MAX_LINES:
        lines.append(say(lang, "and_more", count=len(news) - MAX_LINES))
    contacts = list(dict.fromkeys(item.now.contact for item in news if item.now.contact))
    if contacts:
        lines.append(say(lang, "propose", contact=say(lang, "propose_contact", who=join_list(contacts, lang))))
    lines.append(cite(kb, [Source(item.now.issue) for item in news], lang))
    return "\n".join(line for line in lines if line)


def _day(iso: str) -> date:
    return date.fromisoformat(iso)
