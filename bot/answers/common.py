"""What every answer module shares: the Answer record and citing sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.knowledge.model import Fact, KnowledgeBase, Meeting, Source
from bot.texts import say


@dataclass
class Answer:
    text: str
    meetings: list[Meeting] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    answered: bool = True  # False when the bot had to say it does not know
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
