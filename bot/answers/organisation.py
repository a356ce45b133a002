"""Answers about projects, the organisation, its figures and the newsletter itself."""
from __future__ import annotations

from datetime import date

from bot.answers.common import Answer, with_source
from bot.answers.people import person
from bot.answers.texts import say
from bot.answers.words import MONTHS, join_list
from bot.folding import fold
from bot.knowledge import query
from bot.knowledge.model import Fact, KnowledgeBase, Project, Source
from bot.nlu.question import Slots

FACTS_PER_FIELD = 3


def _unique(facts: list[Fact], seen: set[str]) -> list[Fact]:
    """Facts not yet said (the newsletters repeat themselves), without list headings ending in ":"."""
    fresh = []
    for fact in facts:
        key = fact.text.strip()
        if key and key not in seen and not key.endswith(":"):
            seen.add(key)
            fresh.append(fact)
    return fresh


OVERVIEW_FACTS = 5
ASPECT_FACTS = 4


def project(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    if not slots.project and not slots.provider and slots.person:
        return person(kb, today, lang, slots)  # "när slutar Eva?"
    view = query.as_of(kb, today)
    name = slots.project
    found: Project | None = None
    if name:
        found = next((p for p in view.projects if p.name == name), None) or query.find_project(kb, today, name)
    if found is None and slots.provider:
        provider = slots.provider
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
    text = describe_project(found, kb, lang, slots.project_aspect)
    if len([line for line in text.split("\n") if line and not line.startswith("(")]) <= 2:  # only a title: say what the open-places notice or a paragraph tells of it
        offered = _provider_info(kb, today, lang, found.name)
        if offered.answered:
            return Answer(text.split("\n")[0] + "\n" + offered.text)
        passage = _passage_about(kb, today, [found.name, *found.aliases])
        if passage is not None:
            lines = [text.split("\n")[0], say(lang, "quoted"), passage.text]
            return Answer(with_source(lines, kb, [passage.source], lang))
    return Answer(text)


def _passage_about(kb: KnowledgeBase, today: date, names: list[str]):
    """The newest paragraph naming the project most often."""
    wanted = [f" {fold(name)} " for name in names if len(fold(name)) >= 3]
    best, best_key = None, None
    order = {issue.id: issue.published for issue in kb.issues}
    for passage in query.as_of(kb, today).passages:
        text = f" {fold(passage.text)} "
        mentions = sum(text.count(name) for name in wanted)
        if mentions:
            key = (mentions, order.get(passage.source.issue, date.min))
            if best_key is None or key > best_key:
                best, best_key = passage, key
    return best


def _newest_first(kb: KnowledgeBase, facts: list[Fact]) -> list[Fact]:
    order = {issue.id: (issue.published, issue.number) for issue in kb.issues}
    return sorted(facts, key=lambda fact: order.get(fact.source.issue, (date.min, 0)), reverse=True)


def _from_newest_issue(kb: KnowledgeBase, facts: list[Fact]) -> list[Fact]:
    """What the latest issue that speaks of it says, in its own order; then older issues'."""
    newest = _newest_first(kb, facts)
    if not newest:
        return []
    latest = newest[0].source.issue
    return [f for f in facts if f.source.issue == latest] + [f for f in newest if f.source.issue != latest]


def _is_quote(fact: Fact) -> bool:
    return fact.text.lstrip().startswith(("–", "-", "»", '"'))


def describe_project(found: Project, kb: KnowledgeBase, lang: str, aspect: str | None,
                     today: date | None = None) -> str:
    """A few of the newsletters' own sentences, newest first: what it is, then its period, goals,
    results, who runs and funds it; or only the aspect asked about."""
    title = found.name + (f" ({', '.join(found.aliases)})" if found.aliases else "")
    if found.part_of:
        title += " – " + say(lang, "part_of", name=found.part_of)
    lines = [title, say(lang, "quoted")]
    seen: set[str] = set()
    if aspect in ("goals", "period", "results"):
        facts = _unique(_from_newest_issue(kb, getattr(found, aspect)), seen)[:ASPECT_FACTS]
        if facts:
            lines.append(say(lang, aspect) + " ".join(f.text for f in facts))
            return with_source(lines, kb, [f.source for f in facts], lang)
        lines.append(say(lang, "project_no_aspect", name=found.name))
    chosen: list[Fact] = []
    description = [f for f in _unique(_newest_first(kb, found.description), seen) if not _is_quote(f)]
    chosen.extend(description[:2])
    for field_name in ("period", "goals", "results", "run_by", "funded_by"):
        facts = [f for f in _unique(_newest_first(kb, getattr(found, field_name)), seen) if not _is_quote(f)]
        if facts and len(chosen) < OVERVIEW_FACTS:
            chosen.append(facts[0])
    lines.extend(fact.text for fact in chosen)
    return with_source(lines, kb, [f.source for f in chosen] or found.sources[-1:], lang)


def _provider_info(kb: KnowledgeBase, today: date, lang: str, provider: str) -> Answer:
    report = query.latest_places(kb, today)
    place = next((p for p in report.places if p.provider == provider), None) if report else None
    if report is None or place is None:
        return Answer(say(lang, "project_unknown"), answered=False)
    group = f" ({place.group})" if place.group else ""
    text = say(lang, "provider_info", provider=provider, programme=report.programme, group=group)
    return Answer(with_source([text], kb, [report.source], lang))


def members(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    organisation = query.as_of(kb, today).organisation
    if organisation.members:
        lines = [say(lang, "members_lead"), *(f"• {fact.text}" for fact in _unique(organisation.members, set()))]
        return Answer(with_source(lines, kb, [fact.source for fact in organisation.members], lang))
    own = _own_federation(organisation)
    if own is None:
        return Answer(say(lang, "no_members"), answered=False)
    lines = [say(lang, "member_municipalities", name=organisation.name or own.name,
                 members=join_list(own.members, lang))]
    return Answer(with_source(lines, kb, [own.source], lang))


def _own_federation(organisation):
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
    lines = [say(lang, "federation_of", place=place) if covering else say(lang, "federations_lead", count=len(known))]
    for federation in covering or known:
        covers = f" ({join_list(federation.members, lang)})" if federation.members else ""
        lines.append(f"• {federation.name}{covers}")
    return Answer(with_source(lines, kb, [f.source for f in known], lang))


def _covers(federation, place: str) -> bool:
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
    shown = _unique(figures, set())[:10]
    lines = [say(lang, "results_lead", year=year_text), *(f"• {fact.text}" for fact in shown)]
    other_years = sorted({fact.year for fact in query.as_of(kb, today).organisation.figures
                          if fact.year and f" {fact.year}" != year_text})
    if other_years:
        lines.append(say(lang, "other_years", years=join_list([str(y) for y in other_years], lang)))
    return Answer(with_source(lines, kb, [fact.source for fact in shown], lang))


def newsletter_latest(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    issues = query.as_of(kb, today).issues
    if not issues:
        return Answer(say(lang, "no_newsletter"), answered=False)
    latest = max(issues, key=lambda issue: (issue.published, issue.number))
    lines = [say(lang, "newsletter_latest", number=latest.number, year=latest.year,
                 month=f"{MONTHS[lang][latest.month - 1]} {latest.year}")]
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
    purposes = [(purpose, contact) for kind in kinds for contact in view.contacts
                for purpose in contact.contact_for if purpose.kind == kind]
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
        lines.append(say(lang, "member_municipalities", name=organisation.name or own.name,
                         members=join_list(own.members, lang)))
        sources.append(own.source)
    elif organisation.members:
        lines.append(say(lang, "members_lead") + " " + ", ".join(fact.text for fact in _unique(organisation.members, set())))
    if organisation.website:
        lines.append(say(lang, "website", url=organisation.website))
    if not lines:
        return Answer(say(lang, "no_members"), answered=False)
    return Answer(with_source(lines, kb, sources, lang))
