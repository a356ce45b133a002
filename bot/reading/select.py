"""Question -> the sentences that answer it. The question word says what is sought (a date, a number, a
person, a place, a reason, a definition); among the best-matching sentences the one holding that wins,
and a neighbour comes along when the answer spans two. Only issues published by `today` count; between
equals the later issue wins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.folding import fold
from bot.knowledge.model import KnowledgeBase
from bot.reading.index import SentenceIndex
from bot.reading.normalise import Normaliser
from bot.reading.sentences import Sentence
from bot.reading.words import KINDS, ReadingWords, load_words

_CONTINUES = re.compile(r"^(?:[a-zåäö–\-]|(?:Det|Den|De|Dessa|Detta|Han|Hon|Där|Då|Hennes|Hans)\b)")


@dataclass(frozen=True)
class Found:
    sentences: list[Sentence]  # in the newsletter's order, at most max_sentences
    coverage: float  # share of the question's content weight matched (0..1)
    kind: str | None  # what the question asked for


class Reader:
    def __init__(self, kb: KnowledgeBase, words: ReadingWords | None = None) -> None:
        self.words = words or load_words()
        settings = self.words.settings
        self.index = SentenceIndex(kb, Normaliser(self.words), settings.get("unknown_factor", 1.0))
        self.min_coverage = settings.get("min_coverage", 0.6)
        self.min_coverage_after_intent = settings.get("min_coverage_after_intent", 0.75)
        self.foreign_factor = settings.get("foreign_factor", 1.0)
        self.min_part = int(settings.get("min_compound_part", 4))
        self.light_foreign = int(settings.get("light_foreign", 1))
        self.min_matched = int(settings.get("min_matched", 1))
        self.kind_bonus = settings.get("kind_bonus", 0.25)
        self.context_weight = settings.get("context_weight", 0.5)
        self.newer_bonus = settings.get("newer_bonus", 0.02)
        self.max_sentences = int(settings.get("max_sentences", 3))
        self.short = int(settings.get("short_sentence", 60))  # a shorter sentence brings the next along
        self._holds: dict[tuple[int, str], bool] = {}

    def weight(self, term: str, foreign: set[str] | frozenset[str]) -> float:
        """A term's rarity; an English word neither the lexicon nor the sources know counts for less (it may
        be a word the lexicon lacks rather than a subject the newsletters lack), but only the first
        `light_foreign` of them: several such words ("opening hours", "ferry times") point at a subject the
        newsletters lack."""
        if term in foreign and term not in self.index.idf:
            return self.index.unknown_idf * self.foreign_factor
        return self.index.weight(term)

    def _split(self, group: tuple[str, ...]) -> list[tuple[str, ...]]:
        """A compound the sentences never use, as the two words they do ("förbundschefstjänsten" ->
        förbundschef + tjänst), the longest first part first; a linking s is dropped."""
        idf, stem = self.index.idf, self.index.normaliser.stem
        term = group[0]
        if len(group) > 1 or term in idf or len(term) < 2 * self.min_part:
            return [group]
        for cut in range(len(term) - self.min_part, self.min_part - 1, -1):
            head, tail = term[:cut], stem(term[cut:])
            if tail not in idf:
                continue
            for first in (head, head[:-1] if head.endswith("s") else None, stem(head)):
                if first and len(first) >= self.min_part and first in idf:
                    return [(first,), (tail,)]
        return [group]

    def group_weight(self, group: tuple[str, ...], foreign: set[str] | frozenset[str]) -> float:
        """A word's weight: of its alternatives the newsletters use, the commonest's (any one matches it)."""
        known = [self.index.idf[term] for term in group if term in self.index.idf]
        return min(known) if known else max(self.weight(term, foreign) for term in group)

    def kind_of(self, question: str) -> str | None:
        folded = fold(question)
        for kind in ("way", "reason", "number", "when", "origin", "define", "place", "person"):
            if any(pattern.search(folded) for pattern in self.words.kinds[kind]):
                return kind
        return None

    def holds(self, sentence: Sentence, kind: str) -> bool:
        key = (sentence.number, kind)
        found = self._holds.get(key)
        if found is None:
            found = self._holds[key] = any(p.search(sentence.text) for p in self.words.markers[kind])
        return found

    def find(self, question: str, today: date, lang: str, min_coverage: float | None = None) -> Found | None:
        groups, foreign = self.index.normaliser.question(question, lang)
        groups = [part for group in groups for part in self._split(group)]
        terms = {term for group in groups for term in group}
        if all(term.isdigit() for term in terms):  # "hur mycket är 2+2": no word to read by
            return None
        light = set(sorted(foreign, key=lambda term: self.index.idf.get(term, 0.0))[: self.light_foreign])
        weighted = [(group, self.group_weight(group, light)) for group in groups]
        total = sum(weight for _, weight in weighted)
        kind = self.kind_of(question)
        floor = self.min_coverage if min_coverage is None else min_coverage
        best: tuple[float, float, Sentence] | None = None
        sentences = self.index.sentences
        for number, weight in self.index.matches(weighted, self.context_weight, floor).items():
            sentence = sentences[number]
            if sentence.published > today:
                continue
            coverage = weight / total
            if coverage < floor or len(self.index.terms[number] & terms) < self.min_matched:
                continue
            score = coverage + self.newer_bonus * sentence.published.toordinal() / 365.25
            if kind and self.holds(sentence, kind):
                score += self.kind_bonus
            elif kind == "way":  # "how do I apply?": only a sentence that says how (a contact, a web page) answers
                continue
            if best is None or score > best[0]:
                best = (score, coverage, sentence)
        if best is None:
            return None
        return Found(self._around(best[2], kind), min(best[1], 1.0), kind)

    def _around(self, sentence: Sentence, kind: str | None) -> list[Sentence]:
        """The sentence, with the one before when it continues it, and the one after when it holds what
        the sentence lacks or the sentence is short."""
        chosen = [sentence]
        sentences = self.index.sentences
        before = sentences[sentence.number - 1] if sentence.number > 0 else None
        after = sentences[sentence.number + 1] if sentence.number + 1 < len(sentences) else None
        if before and before.passage == sentence.passage and _CONTINUES.search(sentence.text):
            chosen.insert(0, before)
        lacking = kind is not None and not self.holds(sentence, kind)
        if (
            after
            and after.passage == sentence.passage
            and (
                (lacking and kind and self.holds(after, kind))
                or len(sentence.text) < self.short
                or sentence.text.endswith(":")
            )
        ):
            chosen.append(after)
        return chosen[: self.max_sentences]


KIND_NAMES = KINDS
