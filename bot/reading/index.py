"""An inverted index of the sentences' terms, built once: term -> sentences, with each term's rarity (IDF).

A sentence is found by its own words; its headline and its neighbours in the paragraph are its context,
which counts for part of a match ("Vem är MIA-projektets ekonom?" under "Ny ekonom för MIA-projektet")."""

from __future__ import annotations

import math
from collections import defaultdict

from bot.knowledge.model import KnowledgeBase
from bot.reading.normalise import Normaliser
from bot.reading.sentences import Sentence, sentences_of


class SentenceIndex:
    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser | None = None, unknown_factor: float = 1.0) -> None:
        self.normaliser = normaliser or Normaliser()
        self.sentences: list[Sentence] = sentences_of(kb)
        for passage in kb.passages:
            self.normaliser.learn(passage.text)
        self.terms: list[frozenset[str]] = [frozenset(self.normaliser.terms(s.text)) for s in self.sentences]
        headlines: dict[str, frozenset[str]] = {}
        self.context: list[frozenset[str]] = []
        for number, sentence in enumerate(self.sentences):
            head = headlines.get(sentence.headline)
            if head is None:
                head = headlines[sentence.headline] = frozenset(self.normaliser.terms(sentence.headline))
            around = set(head)
            for other in (number - 1, number + 1):
                if 0 <= other < len(self.sentences) and self.sentences[other].passage == sentence.passage:
                    around |= self.terms[other]
            self.context.append(frozenset(around - self.terms[number]))
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.context_postings: dict[str, list[int]] = defaultdict(list)
        for number, terms in enumerate(self.terms):
            for term in terms:
                self.postings[term].append(number)
            for term in self.context[number]:
                self.context_postings[term].append(number)
        total = max(len(self.sentences), 1)
        self.idf = {term: math.log((1 + total) / len(found)) for term, found in self.postings.items()}
        self.unknown_idf = unknown_factor * math.log(1 + total)  # a word the newsletters never use weighs most

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.unknown_idf)

    def matches(self, weights: dict[str, float], context_weight: float) -> dict[int, float]:
        """Sentence -> the weight of the question's terms it holds (its context's count `context_weight`);
        only sentences holding at least one term themselves."""
        direct: dict[int, float] = defaultdict(float)
        for term, weight in weights.items():
            for number in self.postings.get(term, ()):
                direct[number] += weight
        for term, weight in weights.items():
            weight *= context_weight
            for number in self.context_postings.get(term, ()):
                if number in direct:
                    direct[number] += weight
        return direct
