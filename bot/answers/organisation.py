"""Answers about the federation itself: its members, the county's federations, results, the newsletter."""

from __future__ import annotations

from datetime import date

from bot.answers.common import Answer, unique_facts, with_source
from bot.answers.words import MONTHS, join_list
from bot.folding import fold
from bot.knowledge import query
from bot.knowledge.model import Federation, KnowledgeBase, Organisation, Source
from bot.nlu.question import Slots
from bot.texts import say


def members(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    if slots.other_place:  # "vilka kommuner ingår i VärNa?": another federation's, from the county's list
        return federations(kb, today, lang, slots)
    organisation = query.as_of(kb, today).organisation
    if organisation.members:
        lines = [say(lang, "members_lead"), *(f"• {fact.text}" for fact in unique_facts(organisation.members, set()))]
        return Answer(with_source(lines, kb, [fact.source for fact in organisation.members], lang))
    own = _own_federation(organisation)
    if own is None:
        return Answer(say(lang, "no_members"), answered=False)
    lines = [
        say(lang, "member_municipalities", name=organisation.name or own.name, members=join_list(own.members, lang))
    ]
    return Answer(with_source(lines, kb, [own.source], lang))


def _own_federation(organisation: Organisation) -> Federation | None:
    """The county list's entry for this federation ("Östra Södertörn"), whose members are ours."""
    name = fold(organisation.name)
    return next((f for f in organisation.federations if f.members and fold(f.name) in name), None)


def federations(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    """The county's federations; asked about one place ("Nacka?"), the federation that covers it."""
    known = query.as_of(kb, today).organisation.federations
    if not known:
        return Answer(say(lang, "no_federations"), answered=False)
    place = None if slots.county else slots.other_place or slots.municipality
    covering = [federation for federation in known if place and _covers(federation, place)]
    named = bool(place) and any(fold(f.name) == fold(place or "") for f in covering)  # "VärNa", not a member
    lead = ("federation_named" if named else "federation_of") if covering else "federations_lead"
    lines = [say(lang, lead, place=place, count=len(known))]
    for federation in covering or known:
        covers = f" ({join_list(federation.members, lang)})" if federation.members else ""
        lines.append(f"• {federation.name}{covers}")
    return Answer(with_source(lines, kb, [f.source for f in known], lang))


def _covers(federation: Federation, place: str) -> bool:
    wanted = fold(place).split()[0]
    return any(wanted in fold(name) for name in [federation.name, *federation.members])


def results(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    figures = query.as_of(kb, today).organisation.figures
    when = slots.when
    year = when.year if when else None
    year_text = f" {year}" if year else ""
    if year:
        figures = [fact for fact in figures if fact.year == year]
    elif figures:
        latest = max((fact.year or 0) for fact in figures)
        figures = [fact for fact in figures if (fact.year or 0) == latest] if latest else figures
        year_text = f" {latest}" if latest else ""
    if not figures:
        return Answer(say(lang, "no_results", year=year_text), answered=False)
    shown = unique_facts(figures, set())[:10]
    lines = [say(lang, "results_lead", year=year_text), *(f"• {fact.text}" for fact in shown)]
    other_years = sorted(
        {
            fact.year
            for fact in query.as_of(kb, today).organisation.figures
            if fact.year and f" {fact.year}" != year_text
        }
    )
    if other_years:
        lines.append(say(lang, "other_years", years=join_list([str(y) for y in other_years], lang)))
    return Answer(with_source(lines, kb, [fact.source for fact in shown], lang))


def newsletter_latest(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    issues = query.as_of(kb, today).issues
    if not issues:
        return Answer(say(lang, "no_newsletter"), answered=False)
    latest = max(issues, key=lambda issue: (issue.published, issue.number))
    lines = [
        say(
            lang,
            "newsletter_latest",
            number=latest.number,
            year=latest.year,
            month=f"{MONTHS[lang][latest.month - 1]} {latest.year}",
        )
    ]
    if latest.headlines:
        lines.append(say(lang, "headlines") + " • ".join(latest.headlines))
    return Answer(with_source(lines, kb, [Source(latest.id)], lang))


def newsletter_subscribe(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    """The newsletter's own latest words on how often it appears and how to (un)subscribe."""
    view = query.as_of(kb, today)
    kinds = ("unsubscribe", "subscribe") if slots.unsubscribe else ("subscribe", "unsubscribe")
    lines: list[str] = []
    sources = []
    if view.organisation.newsletter:
        latest = view.organisation.newsletter[-1]
        lines.append(latest.text)
        sources.append(latest.source)
    purposes = [
        (purpose, contact)
        for kind in kinds
        for contact in view.contacts
        for purpose in contact.contact_for
        if purpose.kind == kind
    ]
    if purposes and not lines:
        lines.append(purposes[-1][0].text)
        sources.append(purposes[-1][0].source)
    if not lines:
        return Answer(say(lang, "subscribe_unknown"), answered=False)
    if lang == "en" and purposes and purposes[0][1].email:
        lines.insert(0, say(lang, "subscribe_how", name=purposes[0][1].name, email=purposes[0][1].email))
        lines.insert(1, say(lang, "quoted"))
    if slots.unsubscribe and not any("avsluta" in line for line in lines):
        unsubscribe = [p for p, _ in purposes if p.kind == "unsubscribe"]
        if unsubscribe:
            lines.append(unsubscribe[-1].text)
            sources.append(unsubscribe[-1].source)
    return Answer(with_source(lines, kb, sources, lang))


def about_us(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    organisation = query.as_of(kb, today).organisation
    lines = []
    sources = [fact.source for fact in organisation.members]
    if organisation.name:
        lines.append(organisation.name)
    own = _own_federation(organisation)
    if own is not None:
        lines.append(
            say(lang, "member_municipalities", name=organisation.name or own.name, members=join_list(own.members, lang))
        )
        sources.append(own.source)
    elif organisation.members:
        lines.append(
            say(lang, "members_lead") + " " + ", ".join(fact.text for fact in unique_facts(organisation.members, set()))
        )
    if organisation.website:
        lines.append(say(lang, "website", url=organisation.website))
    if not lines:
        return Answer(say(lang, "no_members"), answered=False)
    return Answer(with_source(lines, kb, sources, lang))
