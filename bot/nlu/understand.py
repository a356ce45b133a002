"""Text -> Parse: the pipeline of normalising, finding dates and names, correcting typos, matching."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.vocabulary import Vocabulary, load_vocabulary
from bot.nlu.catalogue import (
    Catalogue,
    CatalogueError,
    load_catalogue,
    split_placeholders,
)
from bot.nlu.dates import MONTHS, SEASONS, find_dates
from bot.nlu.gazetteer import Gazetteer, build_gazetteer
from bot.nlu.matcher import Example, IntentMatcher, Ranking
from bot.nlu.normalise import has_swedish_letters, normalise
from bot.nlu.question import SLOT_NAMES, Slots

CORRECTION_CUTOFF = 80  # fuzz.ratio for a misspelt word to count as a catalogue word
CORRECTION_MIN_LENGTH = 4
MEETING_INTENTS = frozenset({"next_meeting", "upcoming_meetings", "past_meetings", "meeting_details"})
TOPIC_TYPO_SIMILARITY = 90  # a word this close to a catalogue word is that word misspelt, not a topic
_CACHE_LIMIT = 20000
KEYWORD_BLOCKERS = ("provider", "group", "person", "project", "role", "when", "topic", "other_place")


@dataclass
class Parse:
    intent: str | None
    confidence: float  # 0..1, the best intent's score even when it was not accepted
    slots: Slots
    lang: str
    lang_sure: bool = True  # False when the language was only guessed (hint, default)
    tokens: list[str] = field(default_factory=list)
    ranking: Ranking | None = None


class Understander:
    def __init__(
        self,
        kb: KnowledgeBase,
        catalogue: Catalogue | None = None,
        vocabulary: Vocabulary | None = None,
        scorer: str | None = None,
    ) -> None:
        self.catalogue = catalogue or load_catalogue()
        unknown = sorted(set(self.catalogue.word_slots) - SLOT_NAMES)
        if unknown:
            raise CatalogueError(f"word_slots: unknown slot {unknown[0]!r} (known: {', '.join(sorted(SLOT_NAMES))})")
        self.vocabulary = vocabulary or load_vocabulary()
        self.gazetteer: Gazetteer = build_gazetteer(kb, self.vocabulary, self.catalogue.role_aliases)
        self.threshold = self.catalogue.threshold
        self.margin = self.catalogue.margin
        # each slot's words as what the joined tokens hold when one is there (" e post": "e-postadress" too)
        self._slot_needles = {
            slot: [(f" {word[:-1]}" if word.endswith("*") else f" {word} ", value) for word, value in words.items()]
            for slot, words in self.catalogue.word_slots.items()
        }
        # each intent's keywords, and the stems of those that stand for any word starting so
        self._keywords = [
            (intent, frozenset(words), tuple(word.rstrip("*") for word in words if word.endswith("*")))
            for intent, words in self.catalogue.keywords.items()
        ]
        examples = []
        for intent in self.catalogue.intents.values():
            for lang, phrases in intent.phrases.items():
                for variant in (variant for phrase in phrases for variant in self.catalogue.with_other_kinds(phrase)):
                    tokens, _ = self._read(variant, date(2000, 1, 1), exact_only=True)
                    if tokens:
                        examples.append(Example(intent.name, tuple(tokens), lang))
        self.matcher = IntentMatcher(examples, scorer or self.catalogue.scorer)
        self._words = sorted(self.matcher.vocabulary - {t for t in self.matcher.vocabulary if t.startswith("<")})
        self._protected = set(self._words) | set(MONTHS) | set(SEASONS)
        for words in self.catalogue.word_slots.values():
            self._protected |= {word.rstrip("*") for word in words}
        for little in self.catalogue.language_words.values():  # "hans" is Swedish, not a typo of "has"
            self._protected |= set(normalise(" ".join(little)))
        self._corrections: dict[str, tuple[str, float]] = {}
        self._lang_words = self._language_words(examples)

    def _language_words(self, examples: list[Example]) -> dict[str, set[str]]:
        used: dict[str, set[str]] = {"sv": set(), "en": set()}
        for example in examples:
            used[example.lang].update(t for t in example.tokens if not t.startswith("<"))
        words = {"sv": used["sv"] - used["en"], "en": used["en"] - used["sv"]}
        for lang, extra in self.catalogue.language_words.items():
            words.setdefault(lang, set()).update(normalise(" ".join(extra)))
        return words

    def parse(self, text: str, today: date, hint: str | None = None) -> Parse:
        tokens, slots = self._read(text, today)
        credit: dict[str, float] = {}
        corrected = []
        for token in tokens:
            word, similarity = self._correct(token)
            corrected.append(word)
            if word != token:
                credit[word] = min(credit.get(word, 1.0), _credit(similarity))
        self._topic(tokens, corrected, text, slots)
        tokens = corrected
        self._unknown_owner(tokens, text, slots)
        lang, lang_sure = self._language(tokens, text, hint)
        ranking = self.matcher.rank(tokens, credit)
        if slots.get("topic"):  # "mötet om integration": the topic is what the meeting is about, not noise
            topic = {word for written in slots["topic"] for word in normalise(written)}
            without = self.matcher.rank([t for t in tokens if t not in topic], credit)
            if without.best in MEETING_INTENTS and without.score > ranking.score:
                ranking = without
        accepted = (
            ranking.best is not None
            and ranking.score >= self.threshold
            and ranking.score - ranking.second_score >= self.margin
        )
        intent = ranking.best if accepted else None
        keyed = self._keyword_intent(tokens)
        if keyed is not None and not _names_a_subject(slots) and (intent is None or keyed == ranking.second):
            intent = keyed  # not "har boten koll på lediga platser hos Bönorna": that names what it is about
        return Parse(
            intent=intent,
            confidence=round(ranking.score / 100, 3),
            slots=Slots.of(slots),
            lang=lang,
            lang_sure=lang_sure,
            tokens=tokens,
            ranking=ranking,
        )

    def _read(self, text: str, today: date, exact_only: bool = False) -> tuple[list[str], dict[str, Any]]:
        """Tokens with dates and names replaced by placeholders, and the slots they fill."""
        tokens: list[str] = []
        slots: dict[str, Any] = {}
        for part in split_placeholders(text) if exact_only else [text]:
            if part.startswith("<") and part.endswith(">"):
                tokens.append(part)
                continue
            tokens.extend(self._replace_dates(normalise(part), today, slots))
        tokens = self._replace_names(tokens, slots, exact_only)
        self._word_slots(tokens, slots)
        return tokens, slots

    def _replace_dates(self, tokens: list[str], today: date, slots: dict[str, Any]) -> list[str]:
        spans = find_dates(tokens, today)
        if not spans:
            return tokens
        result, last = [], 0
        for start, end, when in spans:
            result.extend(tokens[last:start])
            result.append("<date>" if when.is_day else "<period>")
            slots.setdefault("when", when)
            last = end
        result.extend(tokens[last:])
        return result

    def _replace_names(self, tokens: list[str], slots: dict[str, Any], exact_only: bool) -> list[str]:
        protected = self._protected if not exact_only else None
        spans = self.gazetteer.find(tokens, protected) if protected is not None else self._exact_spans(tokens)
        if not spans:
            return tokens
        result, last = [], 0
        for start, end, values in spans:
            result.extend(tokens[last:start])
            for slot, value in values:
                # a place outside the federation is asked about like one of ours; the answer tells
                placeholder = "<municipality>" if slot == "other_place" else f"<{slot}>"
                if placeholder not in result[-len(values) :]:
                    result.append(placeholder)
                slots.setdefault(slot, value)
            last = end
        result.extend(tokens[last:])
        return result

    def _exact_spans(self, tokens: list[str]) -> list[tuple[int, int, list[tuple[str, str]]]]:
        spans: list[tuple[int, int, list[tuple[str, str]]]] = []
        i = 0
        while i < len(tokens):
            hit = None if tokens[i].startswith("<") else self.gazetteer.exact_at(tokens, i)
            if hit:
                spans.append((i, hit[0], hit[1]))
                i = hit[0]
            else:
                i += 1
        return spans

    def _word_slots(self, tokens: list[str], slots: dict[str, Any]) -> None:
        joined = f" {' '.join(tokens)} "
        for slot, needles in self._slot_needles.items():
            for needle, value in needles:
                if needle in joined:
                    slots.setdefault(slot, value)
                    break  # the slot is filled: a later word would not change it

    def _keyword_intent(self, tokens: list[str]) -> str | None:
        """The intent a word of the catalogue's `keywords` names ("påminnelser": the bot's reminders).
        It is taken when no intent was accepted or over the best one when it came second, if the question
        names nothing but a municipality ("remind me who the chair is" is about the chair)."""
        said = set(tokens)
        for intent, words, stems in self._keywords:
            if not words.isdisjoint(said) or (stems and any(token.startswith(stems) for token in tokens)):
                return intent
        return None

    def _correct(self, token: str) -> tuple[str, float]:
        """The catalogue word a misspelt word stands for, with how similar it is (100 = unchanged)."""
        if token.startswith("<") or token in self._protected or len(token) < CORRECTION_MIN_LENGTH:
            return token, 100.0
        cached = self._corrections.get(token)
        if cached is None:
            found = process.extractOne(token, self._words, scorer=fuzz.ratio, score_cutoff=CORRECTION_CUTOFF)
            cached = (found[0], found[1]) if found else (token, 100.0)
            if len(self._corrections) < _CACHE_LIMIT:
                self._corrections[token] = cached
        return cached

    def _topic(self, tokens: list[str], corrected: list[str], text: str, slots: dict[str, Any]) -> None:
        """ "mötet om tillit", "meeting about violence": the words after "om"/"about" that no phrasing
        uses (a clear typo of a catalogue word does not count) say what the meeting is about."""
        for number, token in enumerate(tokens[:-1]):
            if token not in self.catalogue.markers.get("topic", ()):
                continue
            words = [
                word
                for word, fixed in zip(tokens[number + 1 :], corrected[number + 1 :], strict=True)
                if not word.startswith("<")
                and word not in self._protected
                and len(word) >= CORRECTION_MIN_LENGTH
                and (word == fixed or fuzz.ratio(word, fixed) < TOPIC_TYPO_SIMILARITY)
            ]
            if words:
                slots.setdefault("topic", tuple(_as_written(word, text) for word in words))
                return

    def _unknown_owner(self, tokens: list[str], text: str, slots: dict[str, Any]) -> None:
        """ "chef för Arbetsförmedlingen", "head of Försäkringskassan": a role or thing asked about at an
        organisation the bot knows nothing of (a word no phrasing uses, after "för", "på", "of"...).
        Kept as written, so an answer can say honestly that it does not know about it."""
        for before, word in zip(tokens, tokens[1:], strict=False):
            if (
                before in self.catalogue.markers.get("owner", ())
                and not word.startswith("<")
                and word not in self._protected
                and len(word) >= CORRECTION_MIN_LENGTH
            ):
                slots.setdefault("unknown_owner", _as_written(word, text))
                return

    def _language(self, tokens: list[str], text: str, hint: str | None) -> tuple[str, bool]:
        sv = sum(token in self._lang_words["sv"] for token in tokens)
        en = sum(token in self._lang_words["en"] for token in tokens)
        if sv != en:
            return ("sv" if sv > en else "en"), True
        if has_swedish_letters(text) and not all(t.startswith("<") for t in tokens):
            return "sv", True
        if hint and hint[:2].lower() in ("sv", "en"):
            return hint[:2].lower(), False
        return "sv", False


def _names_a_subject(slots: dict[str, Any]) -> bool:
    """A question naming a provider, person, project, role, day or topic is about that."""
    return any(slots.get(name) for name in KEYWORD_BLOCKERS)


def _as_written(token: str, text: str) -> str:
    """The word of `text` that folds to `token`, as the person wrote it ("Arbetsförmedlingen")."""
    for word in text.split():
        word = word.strip(".,!?:;()\"'")
        if normalise(word) == [token]:
            return word
    return token


def _credit(similarity: float) -> float:
    """How much a corrected word counts as a match: an ordinary word that merely looks like a
    catalogue word ("vader" -> "vander") must not carry an unrelated question over the threshold."""
    return max(0.0, min(1.0, (similarity - 70.0) / 30.0))
