"""Answers about projects and the providers of open places: what they are, who runs and funds them, results."""

from __future__ import annotations

from datetime import date

from bot.answers.common import Answer, unique_facts, with_source
from bot.answers.people import contacts, person
from bot.answers.words import in_programme, join_list
from bot.folding import fold
from bot.knowledge import query
from bot.knowledge.model import Fact, KnowledgeBase, Passage, Project
from bot.nlu.question import Slots
from bot.texts import say

FACTS_PER_FIELD = 3
OVERVIEW_FACTS = 5
ASPECT_FACTS = 4


def project(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    if not slots.project and not slots.provider and slots.person:
        return person(kb, today, lang, slots)  # "när slutar Eva?"
    if slots.reach in ("phone", "email", "any"):
        return contacts(kb, today, lang, slots)  # its phone or e-mail: someone the newsletters tie to it
    view = query.as_of(kb, today)
    name = slots.project
    found: Project | None = None
    if name:
        found = next((p for p in view.projects if p.name == name), None) or query.find_project(kb, today, name)
    if found is None and slots.provider:
        provider = slots.provider
        found = next((p for p in view.projects if p.name == provider or provider in p.aliases), None)
        if found is None:
            return _not_given(slots.reach, provider, _provider_info(kb, today, lang, provider), lang)
    if found is not None and slots.reach:  # its address or opening hours, which the newsletters never give
        return _not_given(slots.reach, found.name, Answer(describe_project(found, kb, lang, None)), lang)
    if found is None:
        if name:
            return Answer(say(lang, "project_unknown"), answered=False)
        names = [p.name for p in view.projects]
        if not names:
            return Answer(say(lang, "project_unknown"), answered=False)
        return Answer(say(lang, "which_project", names=join_list(names, lang)))
    text = describe_project(found, kb, lang, slots.project_aspect)
    lacking = slots.project_aspect in ("goals", "period", "results") and not getattr(found, slots.project_aspect)
    if (
        len([line for line in text.split("\n") if line and not line.startswith("(")]) <= 2
    ):  # only a title: say what the open-places notice or a paragraph tells of it
        offered = _provider_info(kb, today, lang, found.name)
        if offered.answered:
            return Answer(text.split("\n")[0] + "\n" + offered.text, lacking=lacking)
        passage = _passage_about(kb, today, [found.name, *found.aliases])
        if passage is not None:
            lines = [text.split("\n")[0], say(lang, "quoted"), passage.text]
            return Answer(with_source(lines, kb, [passage.source], lang), lacking=lacking)
    return Answer(text, lacking=lacking)


def _not_given(reach: str | None, name: str, answer: Answer, lang: str) -> Answer:
    """The answer about a project or provider, led by what of it was asked for and is not given."""
    if not reach:
        return answer
    return Answer(say(lang, f"no_{reach}", name=name) + "\n" + answer.text, answered=False, lacking=True)


def _passage_about(kb: KnowledgeBase, today: date, names: list[str]) -> Passage | None:
    """The newest paragraph naming the project most often."""
    wanted = [f" {fold(name)} " for name in names if len(fold(name)) >= 3]
    best: Passage | None = None
    best_key: tuple[int, date] | None = None
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


def describe_project(
    found: Project, kb: KnowledgeBase, lang: str, aspect: str | None, today: date | None = None
) -> str:
    """A few of the newsletters' own sentences, newest first: what it is, then its period, goals,
    results, who runs and funds it; or only the aspect asked about."""
    title = found.name + (f" ({', '.join(found.aliases)})" if found.aliases else "")
    if found.part_of:
        title += " – " + say(lang, "part_of", name=found.part_of)
    lines = [title, say(lang, "quoted")]
    seen: set[str] = set()
    if aspect in ("goals", "period", "results"):
        facts = unique_facts(_from_newest_issue(kb, getattr(found, aspect)), seen)[:ASPECT_FACTS]
        if facts:
            lines.append(say(lang, aspect) + " ".join(f.text for f in facts))
            return with_source(lines, kb, [f.source for f in facts], lang)
        lines.append(say(lang, "project_no_aspect", name=found.name))
    chosen: list[Fact] = []
    description = [f for f in unique_facts(_newest_first(kb, found.description), seen) if not _is_quote(f)]
    chosen.extend(description[:2])
    for field_name in ("period", "goals", "results", "run_by", "funded_by"):
        facts = [f for f in unique_facts(_newest_first(kb, getattr(found, field_name)), seen) if not _is_quote(f)]
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
    text = say(lang, "provider_info", provider=provider, in_programme=in_programme(report.programme, lang), group=group)
    return Answer(with_source([text], kb, [report.source], lang))
