"""Text -> index terms: Swedish (and English) lemmas, folded, with common endings cut so that inflections,
derivations and compounds' forms meet (frukostmötena ~ frukostmöte, efterträder ~ efterträdare, tillträdde ~
tillträda). Short words go unless written as acronyms or known as names ("LOV", "MIA", "NNS"). English words
go through the lexicon to the newsletters' Swedish words.

The lemmas come from the base's lemma table (`Lemmas`, written by build-kb from simplemma's dictionaries: see
lemma_table.py); a word it lacks, or every word when the base has none, is folded and cut as it is."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from bot.folding import fold
from bot.knowledge.model import Lemmas
from bot.reading.words import ReadingWords, load_lexicon, load_words

TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-:][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_GENITIVE = re.compile(r":s$|:n$")  # "MIA:s", "ESF:n"
_JOINS = re.compile(r"[-:]")


_DOTTED = re.compile(r"(?<![\w.])((?:[A-Za-zÅÄÖåäö]\.){2,})")  # "t.f.", "s.k.": one word each
_MAY_BE_DOTTED = re.compile(r"[A-Za-zÅÄÖåäö]\.[A-Za-zÅÄÖåäö]\.")  # found faster: most sentences have none


def tokens(text: str) -> list[str]:
    if "." in text and _MAY_BE_DOTTED.search(text):
        text = _DOTTED.sub(lambda dotted: dotted.group().replace(".", ""), text)
    return TOKEN.findall(text)


class Normaliser:
    def __init__(
        self,
        words: ReadingWords | None = None,
        lexicon: dict[str, tuple[str, ...]] | None = None,
        lemmas: Lemmas | None = None,
    ) -> None:
        self.words = words or load_words()
        self.lemmas = lemmas or Lemmas()
        self.min_word = int(self.words.settings.get("min_word", 4))
        self.names: set[str] = set()  # short words the sources write as acronyms: kept in questions too
        self.known: dict[str, str] = {}  # a source word, folded -> its term: questions typed without å, ä, ö
        lexicon = load_lexicon() if lexicon is None else lexicon
        self._lexicon_words = lexicon
        self._lexicon: dict[str, tuple[str, ...]] | None = None
        self._phrase: re.Pattern[str] | None = None
        self._synonyms: dict[str, tuple[str, ...]] | None = None
        self.min_typo = int(self.words.settings.get("min_typo", 5))
        self.protected: set[str] = set()  # folded words never corrected as typos
        self._words_by_start: dict[str, list[str]] | None = None  # the sources' words by first letter, for typos
        self._terms_by_start: dict[str, list[str]] = {}  # ... and their terms
        self._source_terms: set[str] | None = None
        self._term = lru_cache(maxsize=65536)(self._term_uncached)
        self._word = lru_cache(maxsize=65536)(self._word_uncached)  # the sources repeat their words
        self._token = lru_cache(maxsize=65536)(self._token_uncached)  # ... and their tokens
        self._question = lru_cache(maxsize=32)(self._question_uncached)  # the latest few: an answer reads one often

    def use_lemmas(self, lemmas: Lemmas | None) -> None:
        """Look words up in this table from now on (None: fold and cut them only)."""
        self.lemmas = lemmas or Lemmas()
        self._term.cache_clear()
        self._forget_words()
        self._lexicon = None
        self._synonyms = None

    # --- the sources -------------------------------------------------------------------------
    def learn(self, words: Iterable[str]) -> None:
        """Remember the sources' acronyms and names among these words, as `tokens` finds them (learn every
        word of the sources before indexing)."""
        for token in words:
            if token.islower():  # most words: neither an acronym nor a name
                continue
            for part in _parts(token):
                short = len(part) < self.min_word and part[:1].isupper() and part.isalpha()
                if len(part) < 2 or not (part.isupper() or short):
                    continue
                name = fold(part)
                if name not in self.words.stop_words and name not in self.names:
                    self.names.add(name)  # "LOV", "NNS", "Ali", "Ola"
                    self._forget_words()

    def terms(self, text: str, learn: bool = True) -> list[str]:
        """The terms of a sentence of the sources (Swedish), remembered as the sources' words unless `learn`
        is False (the lexicon's and the synonyms' Swedish words: they are not the sources')."""
        return self.terms_of_words(tokens(text), learn)

    def terms_of_words(self, words: Iterable[str], learn: bool = True) -> list[str]:
        """`terms` of the words `tokens` found in a text."""
        found: list[str] = []
        for token in words:
            for folded, term in self._token(token):
                if learn:
                    self.known.setdefault(folded, term)
                found.append(term)
        return found

    def token_terms(self, token: str) -> list[str]:
        """The terms of one token of the sources (a word as `tokens` finds them), not remembered."""
        return [term for _, term in self._token(token)]

    def _token_uncached(self, token: str) -> tuple[tuple[str, str], ...]:
        """A Swedish token's parts that have terms: (the part folded, its term)."""
        return tuple((fold(part), term) for part in _parts(token) if (term := self._word(part, "sv")))

    def _forget_words(self) -> None:
        """Forget the words and questions read: a new name or lemma table reads them otherwise."""
        self._word.cache_clear()
        self._token.cache_clear()
        self._question.cache_clear()

    # --- questions ---------------------------------------------------------------------------
    def question_terms(self, text: str, lang: str) -> list[str]:
        """The terms of a question; English words the lexicon knows become the Swedish words it gives."""
        return unique(term for group in self.question(text, lang)[0] for term in group)

    def question(self, text: str, lang: str) -> tuple[list[tuple[str, ...]], frozenset[str]]:
        """As `read_question`, remembered for the few latest questions: an answer asks for them more than once."""
        groups, foreign = self._question(text, lang)
        return list(groups), foreign

    def _question_uncached(self, text: str, lang: str) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
        groups, foreign = self.read_question(text, lang)
        return tuple(groups), foreign

    def read_question(self, text: str, lang: str) -> tuple[list[tuple[str, ...]], frozenset[str]]:
        """The question's words, each as the group of terms that stand for it (an English word's Swedish
        alternatives: money -> medel, kronor, mkr; any one of them matches it), and, in English, the terms that
        are foreign: words neither the lexicon nor the newsletters know ("opening hours"), which weigh less
        than a Swedish word the sources lack. The lexicon's phrases ("work training") go before single words."""
        groups: list[tuple[str, ...]] = []
        seen: set[str] = set()
        foreign: set[str] = set()

        def add(terms: Iterable[str]) -> None:
            alternatives = unique(terms)
            if lang == "en" and seen.intersection(alternatives):  # "training courses": utbildning again
                return
            fresh = tuple(term for term in alternatives if term not in seen)
            if fresh:
                seen.update(fresh)
                groups.append(fresh)

        if lang == "en":
            phrases = self._phrases_in(text)
            for phrase in phrases:
                add(self.lexicon[phrase.group(1).lower()])
            text = _blanked(text, phrases)
        for token in tokens(text):
            for part in _parts(token):
                if lang == "en":
                    lemma = self.english_lemma(part.lower())
                    swedish = self.lexicon.get(part.lower()) or self.lexicon.get(lemma)
                    if swedish:  # and the word itself, when the newsletters use it ("Second Chance School", "Managers")
                        add((*swedish, *(self.known[word] for word in (fold(part), fold(lemma)) if word in self.known)))
                        continue
                folded = fold(part)
                known = self.known.get(folded) if folded not in self.words.stop_words else None
                if not known and folded.endswith("s") and lang == "sv":  # a name's genitive: "esters" -> Ester
                    known = self.known.get(folded[:-1])
                term = known or self._word(part, lang)
                if term and lang == "sv" and not known and not self._in_sources(term):
                    # else as typed, its ending cut: "nämnd" is not the participle of "nämna", the sources' word
                    # neither, but what their "socialnämnden" ends with
                    term = self._passive(part) or self._mistyped(folded, term) or self.stem(folded)
                if term and term not in seen:
                    add((term, *self.synonyms.get(term, ())) if lang == "sv" else (term,))
                    if lang == "en" and not known:
                        foreign.add(term)
        return groups, frozenset(foreign)

    def protect(self, texts: Iterable[str]) -> None:
        """Never read these texts' words as mistyped: words questions are asked with, not about."""
        self.protected.update(word for text in texts for word in fold(text).split())
        self._question.cache_clear()

    @property
    def source_terms(self) -> set[str]:
        """The terms of the sources' words: made once, when the first question comes (after `learn` and `terms`
        have met every sentence)."""
        if self._source_terms is None:
            self._source_terms = set(self.known.values())
        return self._source_terms

    def _in_sources(self, term: str) -> bool:
        """Whether the sources use the term, or a word the synonyms give for it ("anmälning": their "anmälan"),
        which is then no typo of another ("antal")."""
        return term in self.source_terms or any(other in self.source_terms for other in self.synonyms.get(term, ()))

    def _passive(self, word: str) -> str | None:
        """The sources' term of a Swedish passive the dictionary lacks, read as its active form ("söktes" ->
        sökte -> söka, "anordnades" -> anordnade): a verb's s-form the sources never write."""
        if len(word) < self.min_typo or not word.lower().endswith(("es", "as", "ts")):
            return None
        term = self._word(word[:-1], "sv")
        return term if term and term in self.source_terms else None

    def _mistyped(self, folded: str, term: str) -> str | None:
        """The term of the sources' word one letter from a word they lack (`folded`, its `term`): changed or
        left out ("hanige" -> haninge, "godkänd" -> godkända), one too many only in a long word ("skämt" is not
        "samt"); the same first letter, `min_typo` letters at least. The words as written first, then their
        terms ("entreprenörsprogrammet" and "entreprenörsprogram" are cut to terms one letter apart). A word
        the questions' own phrasing uses (`protect`: "betyder" is not "betyg") is never corrected."""
        if len(folded) < self.min_typo or folded.isdigit() or folded in self.protected:
            return None
        if self._words_by_start is None:
            self._words_by_start, self._terms_by_start = _by_start(self.known), _by_start(self.source_terms)
        word = _one_letter_from(folded, self._words_by_start, self.min_typo)
        if word:
            return self.known[word]
        return _one_letter_from(term, self._terms_by_start, self.min_typo) if len(term) >= self.min_typo else None

    @property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """A Swedish word's term -> the terms of the words a question may use for it, built on first use."""
        if self._synonyms is None:
            self._synonyms = {}
            for group in self.words.synonyms:
                terms = unique(term for word in group for term in self.terms(word, learn=False))
                for term in terms:
                    self._synonyms[term] = tuple(other for other in terms if other != term)
        return self._synonyms

    def _phrase_pattern(self) -> re.Pattern[str]:
        if self._phrase is None:
            phrases = sorted((p for p in self.lexicon if " " in p or "-" in p), key=len, reverse=True) or ["\0"]
            alternatives = "|".join(map(re.escape, phrases))  # a plural or genitive of one ("resource councils'")
            self._phrase = re.compile(r"\b(" + alternatives + r")(?:e?s'?|'s)?(?!\w)", re.IGNORECASE)
        return self._phrase

    def _phrases_in(self, text: str) -> list[re.Match[str]]:
        """The lexicon's phrases in an English question ("work training", "work-integrating"), as matches."""
        return list(self._phrase_pattern().finditer(text))

    @property
    def lexicon_words(self) -> dict[str, tuple[str, ...]]:
        """English word -> the Swedish words the lexicon gives, as written."""
        return self._lexicon_words

    @property
    def lexicon(self) -> dict[str, tuple[str, ...]]:
        """English word -> terms, built on first use (after the sources are learnt)."""
        if self._lexicon is None:
            self._lexicon = {
                english: tuple(dict.fromkeys(t for word in swedish for t in self.terms(word, learn=False)))
                for english, swedish in self._lexicon_words.items()
            }
        return self._lexicon

    def _word_uncached(self, word: str, lang: str) -> str | None:
        folded = fold(word)
        if not folded or folded in self.words.stop_words:
            return None
        if folded.isdigit():
            return folded
        if len(folded) < self.min_word and not (word.isupper() and len(word) >= 2) and folded not in self.names:
            return None
        if word.isupper() and len(word) >= 2:  # an acronym: never lemmatised or cut
            return folded
        return self._term(word.lower(), lang) or None

    def _term_uncached(self, word: str, lang: str) -> str:
        lemma = self.english_lemma(word) if lang == "en" else self.lemmas.sv.get(word, word)
        if len(word) >= 5 and len(lemma) >= len(word) + 3:  # "handla" is not "handlägga" (a short word may be
            lemma = word  # an abbreviation of its lemma: "aug" is "augusti")
        if word.endswith("s") and lemma == word[:-1]:  # "kurs" is not the genitive of "kur": stem() cuts a
            lemma = word  # genitive's s where enough is left ("Manscentrums")
        folded = fold(lemma)
        if folded in self.words.stop_words and fold(word) not in self.words.stop_words:
            folded = fold(word)  # a word whose lemma is a function word ("första" -> "en") keeps its meaning
        return "" if folded in self.words.stop_words else self.stem(folded)

    def english_lemma(self, word: str) -> str:
        return self.lemmas.en.get(word, word)

    def stem(self, folded: str) -> str:
        for _ in range(self.words.stem_rounds):
            for suffix in self.words.suffixes:
                if folded.endswith(suffix) and len(folded) - len(suffix) >= self.words.min_stem:
                    folded = folded[: -len(suffix)]
                    break
            else:
                break
        return folded


def _parts(token: str) -> Iterator[str]:
    if "-" not in token and ":" not in token:  # most words: nothing to split
        yield token
        return
    token = _GENITIVE.sub("", token)
    pieces = [piece for piece in _JOINS.split(token) if piece]
    yield from pieces
    if len(pieces) > 1 and not any(piece.isupper() for piece in pieces):
        yield "".join(pieces)  # "kick-off" also as "kickoff"


def _blanked(text: str, matches: list[re.Match[str]]) -> str:
    """`text` with each of these matches (in order, not overlapping) made a space, as `re.sub` makes them: the
    phrase pattern, long, is run once."""
    pieces, last = [], 0
    for match in matches:
        pieces.append(text[last : match.start()])
        last = match.end()
    pieces.append(text[last:])
    return " ".join(pieces)


def unique(terms: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(terms))


def _by_start(words: Iterable[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for word in sorted(words):
        found.setdefault(word[:1], []).append(word)
    return found


def _one_letter_from(typed: str, by_start: dict[str, list[str]], min_typo: int) -> str | None:
    """The first word one letter from `typed` with its first letter: a letter changed or left out, or one too
    many in a word of `min_typo` + 3 letters at least."""
    least = -1 if len(typed) >= min_typo + 3 else 0
    return next(
        (
            word
            for word in by_start.get(typed[:1], ())
            if least <= len(word) - len(typed) <= 1 and Levenshtein.distance(word, typed, score_cutoff=1) <= 1
        ),
        None,
    )
