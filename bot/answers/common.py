"""What every answer module shares: the Answer record, citing sources and saying how current they are."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from bot.answers.words import month_year
from bot.knowledge import query
from bot.knowledge.model import Fact, Issue, KnowledgeBase, Meeting, Source
from bot.texts import say

# an answer about open places, enrolment or a role drawn from an issue published longer ago says how old it is
STALE_AFTER_MONTHS = 6


@dataclass
class Answer:
    text: str
    meetings: list[Meeting] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    answered: bool = True  # False when the bot had to say it does not know
    lacking: bool = False  # answered around what was asked (a project's goals the facts lack): the articles may say
    watch: list[str] = field(default_factory=list)  # providers or kinds of place the answer is about (to watch)


def cite(kb: KnowledgeBase, sources: list[Source], lang: str) -> str:
    """ "Källa: Nyhetsbrev nr 5 2018" (newest first when several); "" when nothing is cited."""
    labels: list[str] = []
    ordered = sorted(sources, key=lambda source: _issue_order(kb, source), reverse=True)
    for source in ordered:
        issue = kb.issue(source.issue)
        label = say(lang, "issue_label", number=issue.number, year=issue.year) if issue else source.issue
        if label and label not in labels:
            labels.append(label)
    if not labels:
        return ""
    return say(lang, "source_one" if len(labels) == 1 else "source_many", sources=", ".join(labels))


def _issue_order(kb: KnowledgeBase, source: Source) -> tuple[int, int]:
    issue = kb.issue(source.issue)
    return (issue.published.toordinal(), issue.number) if issue else (0, 0)


def with_source(lines: list[str], kb: KnowledgeBase, sources: list[Source], lang: str) -> str:
    source_line = cite(kb, sources, lang)
    return "\n".join([line for line in lines if line] + ([source_line] if source_line else []))


def unique_facts(facts: list[Fact], seen: set[str]) -> list[Fact]:
    """Facts not yet said (the newsletters repeat themselves), without list headings ending in ":"."""
    fresh = []
    for fact in facts:
        key = fact.text.strip()
        if key and key not in seen and not key.endswith(":"):
            seen.add(key)
            fresh.append(fact)
    return fresh


def newest_known(kb: KnowledgeBase, today: date) -> Issue | None:
    """The newest newsletter published by `today` (None before the first)."""
    return max(query.as_of(kb, today).issues, key=lambda issue: (issue.published, issue.number), default=None)


def known_through(kb: KnowledgeBase, today: date, lang: str, key: str = "known_through") -> str:
    """ "Jag känner till nyhetsbreven t.o.m. nr 1 2019 (januari 2019).": the text `key` naming the newest
    newsletter known on `today`, or that none is known yet."""
    newest = newest_known(kb, today)
    if newest is None:
        return say(lang, "no_newsletter")
    return say(lang, key, number=newest.number, year=newest.year, month=month_year(newest.published, lang))


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def age_note(kb: KnowledgeBase, sources: Iterable[Source], today: date, lang: str) -> str:
    """ "(Obs: uppgift från augusti 2018 …)" when the newest issue the facts come from was published more
    than STALE_AFTER_MONTHS before `today`; "" when it is recent or no issue is known."""
    issues = [issue for issue in (kb.issue(source.issue) for source in sources) if issue is not None]
    if not issues:
        return ""
    newest = max(issues, key=lambda issue: (issue.published, issue.number))
    if newest.published >= months_before(today, STALE_AFTER_MONTHS):
        return ""
    return say(lang, "stale_note", month=month_year(newest.published, lang))
