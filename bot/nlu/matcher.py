"""Intent matching: a question's tokens against the catalogue's example phrasings.

Scorers (chosen in phrases.yaml `settings.scorer`, compared with `python -m bot eval --scorer`):
- "dice": weighted Dice overlap of word sets. A word's weight is how few intents use it, so
  "frukostmote" counts more than "i"; words no phrase uses count fully against a match, which is
  what keeps "what is the weather" away from every intent.
- rapidfuzz's "ratio", "token_sort_ratio", "token_set_ratio", "WRatio", "partial_ratio" on the
  joined tokens, and "blend" (mean of dice and token_sort_ratio).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

RAPIDFUZZ_SCORERS = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
    "partial_ratio": fuzz.partial_ratio,
}
SCORERS = ("dice", "blend", *RAPIDFUZZ_SCORERS)
UNKNOWN_WEIGHT_FACTOR = 1.3


@dataclass(frozen=True)
class Example:
    intent: str
    tokens: tuple[str, ...]
    lang: str


@dataclass(frozen=True)
class Ranking:
    best: str | None
    score: float
    second: str | None
    second_score: float


class IntentMatcher:
    def __init__(self, examples: list[Example], scorer: str = "dice") -> None:
        if scorer not in SCORERS:
            raise ValueError(f"unknown scorer {scorer!r}; choose one of {', '.join(SCORERS)}")
        self.scorer = scorer
        self.examples = examples
        intents_using: dict[str, set[str]] = defaultdict(set)
        for example in examples:
            for token in example.tokens:
                intents_using[token].add(example.intent)
        total = len({example.intent for example in examples}) or 1
        self.weights = {token: 1.0 + math.log(total / len(users)) for token, users in intents_using.items()}
        # a word no phrasing uses weighs more than any catalogue word: it is what the question is
        # about, and the catalogue does not know it
        self.unknown_weight = UNKNOWN_WEIGHT_FACTOR * (1.0 + math.log(total))
        self._sets = [frozenset(example.tokens) for example in examples]
        self._mass = [sum(self.weights[t] for t in tokens) for tokens in self._sets]
        self._index: dict[str, list[int]] = defaultdict(list)
        for number, tokens in enumerate(self._sets):
            for token in tokens:
                self._index[token].append(number)
        self._strings = [" ".join(example.tokens) for example in examples]
        self._intents = [example.intent for example in examples]

    @property
    def vocabulary(self) -> set[str]:
        return set(self.weights)

    def rank(self, tokens: list[str], credit: dict[str, float] | None = None) -> Ranking:
        scores = self.scores(tokens, credit)
        ordered = sorted(scores.items(), key=lambda item: item[1], reverse=True)
        if not ordered:
            return Ranking(None, 0.0, None, 0.0)
        best, score = ordered[0]
        second, second_score = ordered[1] if len(ordered) > 1 else (None, 0.0)
        return Ranking(best, score, second, second_score)

    def scores(self, tokens: list[str], credit: dict[str, float] | None = None) -> dict[str, float]:
        """Intent -> best score (0-100) over its phrasings. `credit` lowers what a word corrected
        from a typo counts for (1.0 = fully)."""
        if not tokens:
            return {}
        if self.scorer == "dice":
            return self._dice(tokens, credit or {})
        if self.scorer == "blend":
            dice = self._dice(tokens, credit or {})
            fuzzy = self._rapidfuzz(tokens, fuzz.token_sort_ratio)
            return {intent: (dice.get(intent, 0.0) + fuzzy.get(intent, 0.0)) / 2 for intent in fuzzy}
        return self._rapidfuzz(tokens, RAPIDFUZZ_SCORERS[self.scorer])

    def _dice(self, tokens: list[str], credit: dict[str, float]) -> dict[str, float]:
        query = set(tokens)
        weights, index = self.weights, self._index
        mass = sum(weights.get(t, self.unknown_weight) for t in query)
        shared: dict[int, float] = defaultdict(float)
        for token in query:
            weight = weights.get(token)
            if weight:
                weight *= credit.get(token, 1.0)
                for number in index[token]:
                    shared[number] += weight
        best: dict[str, float] = {}
        masses, intents = self._mass, self._intents
        for number, overlap in shared.items():
            score = 200.0 * overlap / (mass + masses[number])
            intent = intents[number]
            if score > best.get(intent, -1.0):
                best[intent] = score
        return best

    def _rapidfuzz(self, tokens: list[str], scorer: Callable[..., float]) -> dict[str, float]:
        found = process.extract(" ".join(tokens), self._strings, scorer=scorer, limit=None)
        best: dict[str, float] = {}
        for _, score, number in found:
            intent = self.examples[number].intent
            if score > best.get(intent, -1.0):
                best[intent] = float(score)
        return best
