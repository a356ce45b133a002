"""Recognising people's names and the role titles written next to them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.folding import fold
from bot.ingest.lexicon import lexicon
from bot.knowledge.vocabulary import Vocabulary

# Latin-1 and Latin Extended-A letters: "Szabó", "Haraldsdóttir", "Marković" (Extended-A mixes its cases)
_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+(?:-[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+)?"
# up to four words: a title before a name of three is stripped ("Förbundschef Rebecka Andersson Yilmaz")
_PERSON = re.compile(rf"\b{_WORD}(?:\s+(?:von\s+|af\s+|de\s+)?{_WORD}){{1,3}}\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# "08-606 82 41", "070-174 06 12", "08-465 004 10": area code, then groups of two or three digits
PHONE = re.compile(  # "08-465 004 10", "070-174 06 33", "+46 70 174 06 37"; its first character first, then what
    # may not stand before it: `re` skips from "+" and "0" to the next
    r"(?:\+(?<![\w+]\+)46[- ]?|0(?<!\w0))\d{1,3}[- ]?\d{2,3}(?:[ ]?\d{3}[ ]?\d{2}|[ ]?\d{2}[ ]?\d{2})\b"
)


_TITLE_PREFIX = "[a-zåäöé]"  # the letters of a compound's first part ("arbetsgivar" in "arbetsgivarkoordinator")
_PREFIX_LETTER = re.compile(_TITLE_PREFIX, re.I)


class Titles:
    """The pattern of a role title standing as a word, or ending a compound word, with the pattern's own `match`
    and `sub`, and a quicker `search` and `finditer`: the pattern itself tries a compound's first part at the start
    of every word, so they look for a title's own letters first and try the pattern only at the start of the
    word each stands in."""

    def __init__(self, pattern: re.Pattern[str], lowered: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._lowered = lowered  # the titles in lower case, found anywhere in a lower-cased text
        self.match = pattern.match
        self.sub = pattern.sub

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return next(self.finditer(text, pos), None)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text` from `pos`, as `pattern.finditer` gives them."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is two ("İ"): the places would differ
            yield from self.pattern.finditer(text, pos)
            return
        tried = -1
        while (title := self._lowered.search(lowered, pos)) is not None:
            start = title.start()
            while start > pos and _PREFIX_LETTER.match(text, start - 1):
                start -= 1  # back to where the word starts: a match can only start there
            found = self.pattern.match(text, start) if start != tried else None
            tried = start
            if found:
                yield found
                pos = found.end()
            else:
                pos = title.start() + 1  # another title may start inside this one


class Names:
    """Finds people's names and role titles, using the vocabulary to rule out look-alikes."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._role_words = {word for title in vocabulary.role_titles for word in fold(title).split()}
        self._authorities = {fold(authority) for authority in vocabulary.authorities}
        self._one_word_authorities = tuple(fold(a) for a in vocabulary.authorities if " " not in a)
        self._not_names: dict[str, bool] = {}  # word -> _not_a_name(word): the same words recur
        titles = sorted(vocabulary.role_titles, key=len, reverse=True)
        alternatives = "|".join(re.escape(title) for title in titles)
        # a title, or a compound that ends in one ("kanslichef", "arbetsgivarkoordinator", "styrelseledamot")
        # which sentences can hold a title at all, searched before the slower pattern below
        self.any_title = re.compile("|".join(re.escape(fold(title)) for title in titles))
        self.role = Titles(
            re.compile(
                rf"(?<![\wåäöÅÄÖ-])(?P<title>(?:{_TITLE_PREFIX}{{3,}})?(?:{alternatives}))(?:en|n)?(?![\wåäöÅÄÖ])", re.I
            ),
            re.compile("|".join(re.escape(title.lower()) for title in titles)),
        )

    def people(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of two or three capitalised words that are not a role title,
        a place, an authority or a sentence's opening word."""
        found = []
        for match in _PERSON.finditer(text):
            words = match.group(0).split()
            if fold(words[0]) in lexicon().organisation_openers:  # "Samordningsförbundet Östra Södertörn"
                continue
            start = match.start()
            while words and self._not_a_name(words[0]):
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
                words = words[1:]
            while words and self._not_a_name(words[-1]):
                words = words[:-1]
            inner = next((index for index, word in enumerate(words) if self._not_a_name(word)), len(words))
            words = words[: min(inner, 3)]  # "Navet Södra Roslagen": a place's name from the word on
            if len(words) >= 2 and fold(" ".join(words)) not in self._authorities:
                name = " ".join(words)
                found.append((start, start + len(name), name))
        return found

    def is_label(self, word: str) -> bool:
        """A word that opens sentences or labels fields ("Anmälan", "Tema"), never a name."""
        return fold(word) in lexicon().not_names

    def _definite_title(self, folded: str) -> bool:
        """ "Verksamhetsutvecklaren", "Kommunikatören": a title in its definite form opening a sentence."""
        return any(folded.endswith(ending) and folded[: -len(ending)] in self._role_words for ending in ("en", "n"))

    def _not_a_name(self, word: str) -> bool:
        known = self._not_names.get(word)
        if known is None:
            folded = fold(word)
            known = self._not_names[word] = (
                folded in self._role_words
                or self._definite_title(folded)
                or folded in lexicon().not_names
                or bool(self.vocabulary.municipality_of(word))
                or folded.startswith(self._one_word_authorities)
            )
        return known
