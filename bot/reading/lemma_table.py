"""Build time: the lemma table the reading layer looks words up in (knowledge/base/lemmas.yaml), taken from
simplemma's Swedish and English dictionaries so that the bot itself never loads them (about 120 MB).

Only words the newsletters (and the lexicon's Swedish side) use can ever match a question, so the table holds
their forms: every word of the sources with its lemma, and every form in the dictionary whose lemma is such a
word or lemma, or which is one itself (a question's "mötena" finds the sources' "mötet"). The English side
holds the forms of the lexicon's English words ("courses" -> course). A form that is its own lemma is left
out: looking it up gives the word itself, as a missing word does."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bot.knowledge.model import KnowledgeBase, Lemmas
from bot.reading.normalise import _parts, tokens
from bot.reading.words import load_lexicon

_FORM = re.compile(r"[0-9a-zß-öø-ÿ]+")  # one word as the reader splits text, in lower case


def lemmas_of(kb: KnowledgeBase, lexicon: dict[str, tuple[str, ...]] | None = None) -> Lemmas:
    """The table for the base's passages and headlines and the lexicon (default: knowledge/lexicon.yaml)."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    texts = [passage.text for passage in kb.passages] + [passage.source.section for passage in kb.passages]
    swedish = words_of(texts + [word for words in lexicon.values() for word in words])
    return lemma_table(swedish, words_of(lexicon))


def words_of(texts: Iterable[str]) -> set[str]:
    """The words of the texts as the reader splits them, in lower case; numbers left out."""
    return {
        word
        for token in {token for text in texts for token in tokens(text)}  # each one split once
        for part in _parts(token)
        if _FORM.fullmatch(word := part.lower()) and not word.isdigit()
    }


def lemma_table(swedish: Iterable[str], english: Iterable[str]) -> Lemmas:
    """Form -> lemma for these words and every dictionary form that shares a lemma with one of them, sorted."""
    return Lemmas(sv=_table(set(swedish), "sv"), en=_table(set(english), "en"))


def _table(words: set[str], lang: str) -> dict[str, str]:
    import simplemma  # here only: build-kb needs the dictionaries, the bot does not
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY  # the one simplemma.lemmatize uses

    def lemma(word: str) -> str:
        return str(simplemma.lemmatize(word, lang=lang))

    wanted = {word.encode() for word in words | {lemma(word) for word in words}}
    forms = set(words)
    for form, its_lemma in _pairs(DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)):
        if (its_lemma in wanted or form in wanted) and _FORM.fullmatch(text := form.decode()):
            forms.add(text)
    table = {form: lemma(form) for form in sorted(forms)}  # the lemma the reader used to ask simplemma for
    return {form: found for form, found in table.items() if found != form}


def _pairs(dictionary: Mapping[str, str]) -> Iterable[tuple[bytes, bytes]]:
    """The dictionary's (form, lemma) pairs in UTF-8. simplemma keeps them so, in a dict behind its str view:
    read there, the million Swedish pairs take 0.05 s, against 0.5 s decoded one by one through the view."""
    stored = getattr(dictionary, "_dict", None)
    if isinstance(stored, dict):
        return stored.items()
    return ((form.encode(), lemma.encode()) for form, lemma in dictionary.items())
