"""The reading layer's answer: the sentences that answer, under their headline, with the issue and its month."""

from __future__ import annotations

from dataclasses import replace

from bot.answers.common import Answer
from bot.answers.words import month_year
from bot.knowledge.model import KnowledgeBase
from bot.reading.select import Found
from bot.reading.sentences import Sentence
from bot.texts import say


def quote(found: Found, kb: KnowledgeBase, lang: str) -> Answer:
    first = found.sentences[0]
    issue = kb.issue(first.issue)
    text = " ".join(sentence.text for sentence in found.sentences)
    if issue is None:  # an index built from this base always finds its issue
        return Answer(f"»{text}«")
    fields = {"number": issue.number, "year": issue.year, "month": month_year(issue.published, lang)}
    if first.headline:
        lead = say(lang, "reading_source", headline=first.headline, **fields)
    else:
        lead = say(lang, "reading_source_plain", **fields)
    return Answer(f"{lead} »{text}«" + _earlier(found, kb, lang))


def _earlier(found: Found, kb: KnowledgeBase, lang: str) -> str:
    """A line naming the earlier issue that said otherwise, with what it said; "" when none did."""
    sentence = found.earlier
    issue = kb.issue(sentence.issue) if sentence else None
    if sentence is None or issue is None:
        return ""
    month = month_year(issue.published, lang)
    return "\n" + say(lang, "reading_earlier", number=issue.number, year=issue.year, month=month, text=sentence.text)


def about(answer: Answer, sentences: list[Sentence], kb: KnowledgeBase, lang: str) -> Answer:
    """The answer with what the newsletters also say about its subject, each sentence with its issue."""
    if not sentences:
        return answer
    lines = [answer.text, say(lang, "reading_about")]
    for sentence in sentences:
        issue = kb.issue(sentence.issue)
        if issue is None:
            continue
        month = month_year(issue.published, lang)
        lines.append(
            say(lang, "reading_about_line", number=issue.number, year=issue.year, month=month, text=sentence.text)
        )
    return replace(answer, text="\n".join(lines))
