"""Last resort before "I don't know": the newsletter paragraph that clearly answers, quoted with its source.

"Clearly" means the paragraph contains nearly all of the question's rarer words: a question with
words the newsletters never use is not answered from them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from datetime import date

from bot.answers.common import Answer, with_source
from bot.folding import fold
from bot.knowledge import query
from bot.knowledge.model import KnowledgeBase, Passage
from bot.texts import say

MIN_WORD = 4
MIN_COVERAGE = 0.8  # share of the question's word weight the paragraph must contain
MIN_MATCHED = 2
QUOTE_CHARS = 400


def _words(text: str) -> set[str]:
    return {word for word in fold(text).split() if len(word) >= MIN_WORD and not word.isdigit()}


class PassageIndex:
    def __init__(self, kb: KnowledgeBase, common_words: Iterable[str] = ()) -> None:
        self.kb = kb
        self.common = set(common_words)  # catalogue words: they say what kind of question, not what about
        self._words = [_words(passage.text) for passage in kb.passages]
        counts = Counter(word for words in self._words for word in words)
        total = max(len(self._words), 1)
        self.idf = {word: math.log((1 + total) / count) for word, count in counts.items()}
        self._unknown = math.log(1 + total)

    def search(self, text: str, today: date) -> tuple[Passage, float] | None:
        question = _words(text) - self.common
        if len(question) < MIN_MATCHED:
            return None
        weight = {word: self.idf.get(word, self._unknown) for word in question}
        total = sum(weight.values())
        published = {issue.id for issue in query.as_of(self.kb, today).issues}
        best: tuple[Passage, float] | None = None
        for passage, words in zip(self.kb.passages, self._words, strict=True):
            if passage.source.issue not in published:
                continue
            matched = question & words
            if len(matched) < MIN_MATCHED:
                continue
            coverage = sum(weight[word] for word in matched) / total
            if coverage >= MIN_COVERAGE and (best is None or coverage > best[1]):
                best = (passage, coverage)
        return best

    def answer(self, passage: Passage, lang: str) -> Answer:
        quote = passage.text.strip()
        if len(quote) > QUOTE_CHARS:
            quote = quote[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        return Answer(with_source([say(lang, "passage"), f"»{quote}«"], self.kb, [passage.source], lang))
