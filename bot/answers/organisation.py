"""Answers about projects, the organisation, its figures and the newsletter itself."""
from __future__ import annotations

from datetime import date

from bot.answers.common import Answer, with_source
from bot.answers.texts import say
from bot.answers.words import MONTHS, join_list
from bot.knowledge import query
from bot.knowledge.model import Fact, KnowledgeBase, Project
from bot.nlu.dates import When

FACTS_PER_FIELD = 3


def _facts(facts: list[Fact], limit: int = FACTS_PER_FIELD) -> list[Fact]:
    return facts[-limit:] if len(facts) > limit else facts


def project(kb: KnowledgeBase, today: date, lang: str, slots: dict) -> Answer:
    view = query.as_of(kb, today)
    name = slots.get("project")
    found: Project | None = None
    if name:
        found = next((p for p in view.projects if p.name == name), None) or query.find_project(kb, today, name)
    if found is None and slots.get("provider"):
        provider = slots["provider"]
        found = next((p for p in view.projects if p.name == provider or provider in p.aliases), None)
        if found is None:
            return _provider_info(kb, today, lang, provider)
    if found is None:
        if name:
            return Answer(say(lang, "project_unknown"), answered=False)
        names = [p.name for p in view.projects]
        if not names:
            return Answer(say(lang, "project_unknown"), answered=False)
        return Answer(say(lang, "which_project", names=join_list(names, lang)))
    return Answer(describe_project(found, kb, lang, slots.get("project_aspect")))


def describe_project(found: Project, kb: KnowledgeBase, lang: str, aspect: str | None) -> str:
    title = found.name + (f" ({', '.join(found.aliases)})" if found.aliases else "")
    lines = [title]
    used: list[Fact] = []
    if aspect in ("goals", "period", "results"):
        facts = _facts(getattr(found, aspect), 5)
        if facts:
            lines.append(say(lang, aspect) + " ".join(f.text for f in facts))
            used.extend(facts)
        else:
            lines.append(say(lang, "project_no_aspect", name=found.name))
            used.extend(_facts(found.description, 2))
            lines.extend(f.text for f in _facts(found.description, 2))
        return with_source(lines, kb, [f.source for f in used] or found.sources[-1:], lang)
    if found.part_of:
        lines.append(say(lang, "part_of", name=found.part_of))
    description = _facts(found.description)
    lines.extend(f.text for f in description)
    used.extend(description)
    for field_name in ("run_by", "funded_by", "period", "goals", "results"):
        facts = _facts(getattr(found, field_name), 2)
        if facts:
            lines.append(say(lang, field_name) + " ".join(f.text for f in facts))
            used.extend(facts)
    return with_source(lines, kb, [f.source for f in used] or found.sources[-1:], lang)


def _provider_info(kb: KnowledgeBase, today: date, lang: str, provider: str) -> Answer:
    report = query.latest_places(kb, today)
    place = next((p for p in report.places if p.provider == provider), None) if report else None
    if report is None or place is None:
        return Answer(say(lang, "project_unknown"), answered=False)
    text = say(lang, "provider_info", provider=provider, programme=report.programme, group=place.group or "–")
    return Answer(with_source([text], kb, [report.source], lang))


def members(kb: KnowledgeBase, today: date, lang: str) -> Answer:
    organisation = query.as_of(kb, today).organisation
    if not organisation.members:
        return Answer(say(lang, "no_members"), answered=False)
    lines = [say(lang, "members_lead"), *(f"• {fact.text}" for fact in organisation.members)]
    return Answer(with_source(lines, kb, [fact.source for fact in organisation.members], lang))


def federations(kb: KnowledgeBase, today: date, lang: str) -> Answer:
    known = query.as_of(kb, today).organisation.federations
    if not known:
        return Answer(say(lang, "no_federations"), answered=False)
    lines = [say(lang, "federations_lead", count=len(known))]
    for federation in known:
        covers = f" ({join_list(federation.members, lang)})" if federation.members else ""
        lines.append(f"• {federation.name}{covers}")
    return Answer(with_source(lines, kb, [f.source for f in known], lang))


def results(kb: KnowledgeBase, today: date, lang: str, slots: dict) -> Answer:
    figures = query.as_of(kb, today).organisation.figures
    when: When | None = slots.get("when")
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
    lines = [say(lang, "results_lead", year=year_text), *(f"• {fact.text}" for fact in figures[:10])]
    return Answer(with_source(lines, kb, [fact.source for fact in figures[:10]], lang))


def newsletter_latest(kb: KnowledgeBase, today: date, lang: str) -> Answer:
    issues = query.as_of(kb, today).issues
    if not issues:
        return Answer(say(lang, "no_newsletter"), answered=False)
    latest = max(issues, key=lambda issue: (issue.published, issue.number))
    lines = [say(lang, "newsletter_latest", number=latest.number, year=latest.year,
                 month=f"{MONTHS[lang][latest.month - 1]} {latest.year}")]
    if latest.headlines:
        lines.append(say(lang, "headlines") + " • ".join(latest.headlines))
    from bot.knowledge.model import Source

    return Answer(with_source(lines, kb, [Source(latest.id)], lang))


def newsletter_subscribe(kb: KnowledgeBase, today: date, lang: str, slots: dict) -> Answer:
    view = query.as_of(kb, today)
    wanted = ("unsubscribe", "subscribe") if slots.get("unsubscribe") else ("subscribe", "unsubscribe")
    lines: list[str] = []
    sources = []
    for kind in wanted:
        for contact in view.contacts:
            for purpose in contact.contact_for:
                if purpose.kind == kind and purpose.text not in lines:
                    how = ", ".join(part for part in (contact.email, contact.phone) if part)
                    lines.append(f"{purpose.text} – {contact.name}{f' ({how})' if how else ''}")
                    sources.append(purpose.source)
    for fact in view.organisation.newsletter[-2:]:
        if fact.text not in lines:
            lines.append(fact.text)
            sources.append(fact.source)
    if not lines:
        return Answer(say(lang, "subscribe_unknown"), answered=False)
    return Answer(with_source(lines, kb, sources, lang))


def about(kb: KnowledgeBase, today: date, lang: str) -> Answer:
    organisation = query.as_of(kb, today).organisation
    lines = []
    if organisation.name:
        lines.append(organisation.name)
    lines.extend(f"• {fact.text}" for fact in organisation.members)
    if organisation.website:
        lines.append(say(lang, "website", url=organisation.website))
    if not lines:
        return Answer(say(lang, "no_members"), answered=False)
    return Answer(with_source(lines, kb, [fact.source for fact in organisation.members], lang))
