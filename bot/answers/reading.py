"""The reading layer's answer: the sentences that answer, under their headline, with the issue and its month."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.answers.common import Answer
from bot.answers.meetings import change_note
from bot.answers.words import month_year
from bot.knowledge import query
from bot.knowledge.model import KnowledgeBase
from bot.reading.select import Found
from bot.reading.sentences import Sentence
from bot.texts import say


def quote(found: Found, kb: KnowledgeBase, lang: str, today: date) -> Answer:
    """The sentences under their headline, with the issue; a meeting of their article since called off or moved is
    told under them ("16 MAJ Seminarium: …" quoted, the seminar moved to 30 May since)."""
    answer = _quoted(found, kb, lang)
    articles = {(sentence.issue, sentence.headline) for sentence in found.sentences}
    days = {int(day) for day in re.findall(r"\b\d{1,2}\b", " ".join(sentence.text for sentence in found.sentences))}
    changed = [  # of the article, and on a day of the month the quote writes
        meeting
        for meeting in query.as_of(kb, today).meetings
        if meeting.status
        and meeting.date >= today
        and meeting.date.day in days
        and any((source.issue, source.section) in articles for source in meeting.sources)
    ]
    return replace(answer, text="\n".join([answer.text, *(change_note(meeting, lang) for meeting in changed)]))


def _quoted(found: Found, kb: KnowledgeBase, lang: str) -> Answer:
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
