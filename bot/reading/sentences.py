"""The knowledge base's passages cut into sentences, each kept with its issue, headline and date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.knowledge.model import KnowledgeBase

# a sentence ends at . ! ? before a capital, a digit-free dash or a quote; "kl. 08.00" and "bl.a. en" do not end
_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ–\-\"»])")
# ... nor after an initial ("D. Carnegie & Co")
_ABBREVIATION = re.compile(
    r"\b(?:[a-zåäö]{1,3}\.){1,3}$|\b(?:kl|ca|nr|bl\.a|t\.ex|dvs|resp|s\.k|m\.m)\.$|(?<![\w.])[A-ZÅÄÖ]\.$"
)
_ABBREVIATION_REACH = 16  # its longest match is 12 characters: only the sentence's end is searched


@dataclass(frozen=True)
class Sentence:
    number: int  # its place in the reader's list
    text: str
    issue: str  # Issue.id
    headline: str
    published: date
    passage: int  # the paragraph it belongs to (index into kb.passages)


def same_article(one: Sentence, other: Sentence) -> bool:
    return one.issue == other.issue and one.headline == other.headline


def split_sentences(text: str) -> list[str]:
    pieces = _END.split(" ".join(text.split()))
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ABBREVIATION.search(sentences[-1], max(0, len(sentences[-1]) - _ABBREVIATION_REACH)):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def sentences_of(kb: KnowledgeBase) -> list[Sentence]:
    published = {issue.id: issue.published for issue in kb.issues}
    found: list[Sentence] = []
    for number, passage in enumerate(kb.passages):
        day = published.get(passage.source.issue)
        if day is None:
            continue
        for text in split_sentences(passage.text):
            found.append(Sentence(len(found), text, passage.source.issue, passage.source.section, day, number))
    return found
