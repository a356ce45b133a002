"""Answers about open places, enrolled participants and how to propose a participant; each says how old
its notice is when the newsletter is more than six months old."""

from __future__ import annotations

from datetime import date

from bot.answers.common import Answer, age_note, with_source
from bot.answers.words import as_of_phrase, in_programme
from bot.folding import fold
from bot.knowledge import query
from bot.knowledge.model import KnowledgeBase, OpenPlace, PlacesReport
from bot.nlu.question import Slots
from bot.texts import plural, say


def _line(place: OpenPlace) -> str:
    extra = ", ".join(part for part in (place.group, place.municipality) if part)
    return f"• {place.provider}{f' ({extra})' if extra else ''}: {place.count}"


def open_places(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    report = query.latest_places(kb, today)
    if report is None:
        return Answer(say(lang, "no_places"), answered=False)
    when = as_of_phrase(report.as_of_text, report.as_of, lang)
    facts = {"in_programme": in_programme(report.programme, lang), "when": when}
    provider = slots.provider
    if provider:
        place = next((p for p in report.places if p.provider == provider), None) or query.find_place(report, provider)
        if place is None:
            missing = _sourced([say(lang, "place_missing", provider=provider, **facts)], report, kb, today, lang)
            missing.watch = [provider]  # a provider the newsletters know: one may watch for places there
            return missing
        text = say(
            lang,
            "places_one",
            provider=place.provider,
            count=place.count,
            places=plural(lang, "place_word", place.count),
            **facts,
        )
        answer = _sourced([text, _propose_line(report, kb, today, lang)], report, kb, today, lang)
        answer.watch = [place.provider]
        return answer
    places = report.places
    what = None
    if slots.group:
        what = slots.group
        places = [p for p in places if p.group == what]
    elif slots.municipality:
        what = slots.municipality
        places = [p for p in places if p.municipality == what]
    if what and not places:
        return _sourced([say(lang, "places_none_in", what=what, **facts)], report, kb, today, lang)
    lines = [say(lang, "places_lead", **facts), *(_line(p) for p in places)]
    lines.append(say(lang, "places_total", count=sum(p.count for p in places)))
    if report.enrolled is not None and not what:
        lines.append(say(lang, "enrolled", count=report.enrolled, **facts))
    lines.append(_propose_line(report, kb, today, lang))
    answer = _sourced(lines, report, kb, today, lang)
    answer.watch = [slots.group] if slots.group else [place.provider for place in places]
    return answer


def _sourced(lines: list[str], report: PlacesReport, kb: KnowledgeBase, today: date, lang: str) -> Answer:
    """The answer with the notice's age when it is old, and its source."""
    return Answer(with_source([*lines, age_note(kb, [report.source], today, lang)], kb, [report.source], lang))


def _propose_line(report: PlacesReport, kb: KnowledgeBase, today: date, lang: str) -> str:
    who = report.contact or query.proposal_contact(kb, today)
    return say(lang, "propose", contact=say(lang, "propose_contact", who=who)) if who else ""


def enrolled(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    report = query.latest_places(kb, today)
    if report is None or report.enrolled is None:
        return Answer(say(lang, "no_enrolled"), answered=False)
    asked = slots.project or slots.provider
    named = in_programme(report.programme, lang)
    if asked and named and fold(asked) not in fold(report.programme):  # "inskrivna på Ung i Nynäs"
        return Answer(say(lang, "no_enrolled_at", name=asked, programme=report.programme), answered=False)
    text = say(
        lang,
        "enrolled",
        count=report.enrolled,
        in_programme=named,
        when=as_of_phrase(report.as_of_text, report.as_of, lang),
    )
    return _sourced([text], report, kb, today, lang)


def propose(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    report = query.latest_places(kb, today)
    line = _propose_line(report, kb, today, lang) if report else None
    if not line or report is None:
        who = query.proposal_contact(kb, today)
        if not who:
            return Answer(say(lang, "no_propose"), answered=False)
        return Answer(say(lang, "propose", contact=say(lang, "propose_contact", who=who)))
    return _sourced([line], report, kb, today, lang)
