"""Build time: the lemma table the reading layer looks words up in (knowledge/base/lemmas.yaml), taken from
simplemma's Swedish and English dictionaries so that the bot itself never loads them (about 120 MB).

Only words the newsletters (and the lexicon's Swedish side) use can ever match a question, so the table holds
their forms: every word of the sources with its lemma, and every form in the dictionary whose lemma is such a
word or lemma, or which is one itself (a question's "mötena" finds the sources' "mötet"); the same for the
reading layer's synonyms. The English side holds the forms of the lexicon's English words ("courses" ->
course). A form that is its own lemma is left out: looking it up gives the word itself, as a missing word
does. The words are looked up, and lemmatised by simplemma, in copies of its dictionaries made for quick
lookups both ways (dictionary_copy.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from bot.knowledge.model import KnowledgeBase, Lemmas
from bot.reading.normalise import _parts, tokens
from bot.reading.words import load_lexicon, load_words

if TYPE_CHECKING:
    from bot.reading.dictionary_copy import CopiedDictionaries

_FORM = re.compile(r"[0-9a-zß-öø-ÿ]+")  # one word as the reader splits text, in lower case


def lemmas_of(kb: KnowledgeBase, lexicon: dict[str, tuple[str, ...]] | None = None) -> Lemmas:
    """The table for the base's passages and headlines and the lexicon (default: knowledge/lexicon.yaml)."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    texts = [passage.text for passage in kb.passages] + [passage.source.section for passage in kb.passages]
    synonyms = [word for group in load_words().synonyms for word in group]
    swedish = words_of(texts + [word for words in lexicon.values() for word in words] + synonyms)
    return lemma_table(swedish, words_of(lexicon))


def words_of(texts: Iterable[str]) -> set[str]:
    """The words of the texts as the reader splits them, in lower case; numbers left out."""
    return {
        word
        for token in {token for text in texts for token in tokens(text)}  # each one split once
        for part in _parts(token)
        if _FORM.fullmatch(word := part.lower()) and not word.isdigit()
    }


def lemma_table(swedish: Iterable[str], english: Iterable[str], copies: Path | None = None) -> Lemmas:
    """Form -> lemma for these words and every dictionary form that shares a lemma with one of them, sorted;
    looked up in the copies of simplemma's dictionaries in `copies` (default: the project's .cache/, made there
    if missing)."""
    from bot.reading.dictionary_copy import CopiedDictionaries  # here only: the bot never loads simplemma

    with closing(CopiedDictionaries(copies)) as dictionaries:
        return Lemmas(sv=_table(set(swedish), "sv", dictionaries), en=_table(set(english), "en", dictionaries))


def _table(words: set[str], lang: str, dictionaries: CopiedDictionaries) -> dict[str, str]:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    if not words:
        return {}  # and no copy of the dictionary needed
    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=dictionaries))

    def lemma(word: str) -> str:
        return str(lemmatizer.lemmatize(word, lang))

    dictionary = dictionaries.get_dictionary(lang)
    dictionary.prefetch(words)
    wanted = words | {lemma(word) for word in words}
    sharing = dictionary.forms_of(wanted) | {word for word in wanted if word in dictionary}
    forms = words | {form for form in sharing if _FORM.fullmatch(form)}
    dictionary.prefetch(forms)
    table = {form: lemma(form) for form in sorted(forms)}  # the lemma the reader used to ask simplemma for
    return {form: found for form, found in table.items() if found != form}
