"""An inverted index of the sentences' terms, built once: term -> sentences, with each term's rarity (IDF).

A sentence is found by its own words; its headline, its neighbours in the article and the words its
compounds are made of are its context, which counts for part of a match ("Vem är MIA-projektets ekonom?"
under "Ny ekonom för MIA-projektet")."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain

from bot.folding import fold
from bot.knowledge.model import KnowledgeBase
from bot.reading.normalise import TOKEN, Normaliser, tokens
from bot.reading.sentences import Sentence, same_article, sentences_of


class SentenceIndex:
    def __init__(
        self,
        kb: KnowledgeBase,
        normaliser: Normaliser | None = None,
        unknown_factor: float = 1.0,
        min_part: int = 5,
        referring: re.Pattern[str] | None = None,
    ) -> None:
        self.normaliser = normaliser or Normaliser()
        if kb.lemmas is not None:  # a base built before the lemma table: words are folded and cut only
            self.normaliser.use_lemmas(kb.lemmas)
        self.sentences: list[Sentence] = sentences_of(kb)
        said = [tokens(sentence.text) for sentence in self.sentences]  # each sentence's words, found once
        every_word = {word for words in said for word in words}
        self.normaliser.learn(every_word)
        written = [frozenset(self.normaliser.terms_of_words(words)) for words in said]
        vocabulary = set().union(*written)
        # a compound is a kind of what it ends with: "halvårsrapport" is a "rapport", the sentence holds both
        kinds = compound_tails(vocabulary, min_part)
        self.terms: list[frozenset[str]] = [
            terms.union(*tails) if (tails := [kinds[term] for term in terms if term in kinds]) else terms
            for terms in written
        ]
        self.names, self.capitalised = _capitalised(self.sentences, every_word, self.normaliser)
        self.aliases = self._aliases(written)
        parts = compound_parts(vocabulary, min_part)
        headlines: dict[str, frozenset[str]] = {}
        self.context: list[frozenset[str]] = []
        count = len(self.sentences)
        for number, sentence in enumerate(self.sentences):
            head = headlines.get(sentence.headline)
            if head is None:
                head = headlines[sentence.headline] = frozenset(self.normaliser.terms(sentence.headline))
            around = set(head)
            around.add(str(sentence.published.year))  # "vem blev projektledare 2016?"
            for term in self.terms[number]:
                if term in parts:
                    around.update(parts[term])  # "projekt" of "projektform"
            for other in range(max(number - 2, 0), min(number + 3, count)):
                if other != number and same_article(self.sentences[other], sentence):
                    around |= self.terms[other]
            self.context.append(frozenset(around - self.terms[number]))
        # a sentence opening on a word that points back ("Där ska nyanlända få ...") is about the one before
        self.referred: dict[str, frozenset[int]] = {}
        if referring is not None:
            pointing: dict[str, set[int]] = defaultdict(set)
            for number, sentence in enumerate(self.sentences[1:], start=1):
                before = self.sentences[number - 1]
                if before.passage == sentence.passage and referring.search(sentence.text):
                    for term in self.terms[number - 1] - self.terms[number]:
                        pointing[term].add(number)
            self.referred = {term: frozenset(found) for term, found in pointing.items()}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.context_postings: dict[str, list[int]] = defaultdict(list)
        for number, terms in enumerate(self.terms):
            for term in terms:
                self.postings[term].append(number)
            for term in self.context[number]:
                self.context_postings[term].append(number)
        # the same as sets, to meet a question's candidates in one step
        self.holding = {term: frozenset(found) for term, found in self.postings.items()}
        self.around = {term: frozenset(found) for term, found in self.context_postings.items()}
        total = max(len(self.sentences), 1)
        self.idf = {term: math.log((1 + total) / len(found)) for term, found in self.postings.items()}
        self.unknown_idf = unknown_factor * math.log(1 + total)  # a word the newsletters never use weighs most

    def mark(self, term: str, numbers: Iterable[int], rare: bool = False) -> None:
        """Give these sentences a term of their own ("@dated": what they hold, not a word), with its rarity; or,
        when `rare`, the rarity of a word only one sentence holds: it then never lowers the weight of the word
        it is an alternative of."""
        found = sorted(set(numbers))
        for number in found:
            self.terms[number] = self.terms[number] | {term}
        self.postings[term] = found
        self.holding[term] = frozenset(found)
        if found:
            self.idf[term] = math.log((1 + len(self.sentences)) / (1 if rare else len(found)))

    def _aliases(self, written: list[frozenset[str]]) -> dict[str, str]:
        """An acronym and the rarest word of what it stands for, each for the other, as the sentences write
        them side by side ("Europeiska socialfonden, ESF", "MIA, Mobilisering inför arbete"): esf <-> socialfond."""
        counts = Counter(chain.from_iterable(written))
        aliases: dict[str, str] = {}
        for sentence in self.sentences:
            for acronym, spelled in _spelled_out(sentence.text):
                words = [term for term in self.normaliser.terms(spelled, learn=False) if term in counts]
                short = fold(acronym)
                if words and short in counts:
                    rarest = min(words, key=lambda term: (counts[term], -len(term)))
                    aliases.setdefault(short, rarest)
                    aliases.setdefault(rarest, short)
        return aliases

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.unknown_idf)

    def weight_of_any(self, terms: tuple[str, ...]) -> float:
        """The rarity of the sentences holding any of these terms."""
        holding = set().union(*(self.holding.get(term, ()) for term in terms))
        return math.log((1 + len(self.sentences)) / len(holding)) if holding else self.unknown_idf

    def matches(
        self,
        groups: list[tuple[tuple[str, ...], float]],
        context_weight: float,
        floor: float = 0.0,
        referred_weight: float = 0.0,
        named: frozenset[int] = frozenset(),
    ) -> dict[int, float]:
        """Sentence -> the weight of the question's words it holds (a word is a group of alternative terms with
        one weight; its context's count `context_weight`, the sentence's it points back to `referred_weight`
        if more, and in full for the `named` groups: a sentence of an article about X need not name X); only
        sentences holding at least one term themselves and reaching `floor`.

        Only sentences that can reach `floor` (a share of the question's weight) are looked at. The words are
        taken rarest first: a sentence that holds none of the first k itself and none of the first j (j <= k)
        in its context holds at most the rest, with the words between j and k at `context_weight`; the
        (k, j) whose posting lists are shortest among those that leave such a sentence short of the floor
        says which lists are walked. Common words' long lists (they grow with every issue) are then mostly
        never walked. The candidates then meet each word's sentences as sets."""
        total = sum(weight for _, weight in groups)
        referred_weight = max(referred_weight, context_weight)
        bound_weight = referred_weight  # the most a word held around a sentence may count
        ordered = sorted(groups, key=lambda group: group[1], reverse=True)
        reach = floor * total - 1e-9 * total  # a sentence whose bound is below this cannot reach the floor
        lengths, context_lengths, weight = [0], [0], [0.0]  # the first k words' list lengths and weight
        for terms, group_weight in ordered:
            lengths.append(lengths[-1] + sum(len(self.postings.get(term, ())) for term in terms))
            context_lengths.append(
                context_lengths[-1] + sum(len(self.context_postings.get(term, ())) for term in terms)
            )
            weight.append(weight[-1] + group_weight)
        walk, walk_context = len(ordered), 0  # every word's own list: always enough
        for k in range(1, len(ordered)):
            for j in range(k + 1):
                if bound_weight * (weight[k] - weight[j]) + total - weight[k] < reach:
                    if lengths[k] + context_lengths[j] < lengths[walk] + context_lengths[walk_context]:
                        walk, walk_context = k, j
                    break
        candidates: set[int] = set()
        for number, (terms, _) in enumerate(ordered[:walk]):
            for term in terms:
                candidates.update(self.postings.get(term, ()))
                if number < walk_context:
                    candidates.update(self.context_postings.get(term, ()))
        # each word's weight goes to the candidates holding it (in the question's order, as a sum is taken)
        scores = dict.fromkeys(sorted(candidates), 0.0)  # in the base's order: between equal scores the first wins
        itself: set[int] = set()
        for number, (terms, group_weight) in enumerate(groups):
            held: set[int] = set()
            near: set[int] = set()
            pointed: set[int] = set()
            for term in terms:
                held |= candidates & self.holding.get(term, frozenset())
                near |= candidates & self.around.get(term, frozenset())
                pointed |= candidates & self.referred.get(term, frozenset())
            for sentence in held:
                scores[sentence] += group_weight
            for sentence in pointed - held:
                scores[sentence] += group_weight * referred_weight
            for sentence in near - held - pointed:
                scores[sentence] += group_weight * (referred_weight if number in named else context_weight)
            itself |= held
        # found by its context alone: not an answer
        return {sentence: score for sentence, score in scores.items() if score >= reach and sentence in itself}


_ACRONYM_BESIDE = re.compile(r"\b[A-ZÅÄÖ]{2,6}[,)]|, [A-ZÅÄÖ]{2,6}\b")
_ACRONYM_AFTER = re.compile(r"\b([A-ZÅÄÖ][a-zåäö-]+(?: [a-zåäö-]+){1,5}),? \(?([A-ZÅÄÖ]{2,6})\b")
_ACRONYM_BEFORE = re.compile(r"\b([A-ZÅÄÖ]{2,6}), ([A-ZÅÄÖ][a-zåäö-]+(?: [a-zåäö-]+){1,5})")


def _spelled_out(text: str) -> list[tuple[str, str]]:
    """(acronym, what it stands for) written side by side, the acronym's letters in order in the words'
    ("Lagen om valfrihetssystem, LOV"; "MIA, Mobilisering inför arbete")."""
    found: list[tuple[str, str]] = []
    if not _ACRONYM_BESIDE.search(text):  # most sentences: no acronym beside a comma or in brackets
        return found
    pairs = [(m.group(2), m.group(1)) for m in _ACRONYM_AFTER.finditer(text)]
    pairs += [(m.group(1), m.group(2)) for m in _ACRONYM_BEFORE.finditer(text)]
    for acronym, words in pairs:
        letters = iter(fold(words))
        if fold(words)[:1] == fold(acronym)[:1] and all(letter in letters for letter in fold(acronym)):
            found.append((acronym, words))
    return found


_PIECES = re.compile(r"[-:]")
# a word past a word, a comma or "&": not a clause's first, which has its capital due
_WITHIN = re.compile(r"(?<=[\w,&] )" + TOKEN.pattern)


def _capitalised(
    sentences: list[Sentence], every_word: set[str], normaliser: Normaliser
) -> tuple[frozenset[str], frozenset[str]]:
    """The terms the sentences write with a capital and never without one: (1) of the words where a capital
    is not due (past a word or a comma): names of people, places, projects and organisations; (2) of every
    word, at a sentence's start too ("Tillväxtverket har ..."): a question writing one with a capital where
    none is due names it."""
    within = {word for sentence in sentences for word in _WITHIN.findall(sentence.text)}  # each word once
    return _only_capitalised(within, normaliser), _only_capitalised(every_word, normaliser)


def _only_capitalised(words: set[str], normaliser: Normaliser) -> frozenset[str]:
    """The terms of these words written with a capital and never without one."""
    lowered: set[str] = set()  # the pieces written without a capital somewhere, and with one
    raised: set[str] = set()
    for word in words:
        for piece in _PIECES.split(word):  # "Torsby-modellen": "modellen" is not a name
            (raised if piece[:1].isupper() else lowered).add(piece)
    common = {term for piece in lowered for term in normaliser.token_terms(piece)}
    named = {term for piece in raised for term in normaliser.token_terms(piece)}
    return frozenset(term for term in named - common if not term.isdigit())


def compound_tails(vocabulary: set[str], min_part: int) -> dict[str, tuple[str, ...]]:
    """A compound term -> the sources' words it ends with, `min_part` letters at least, 3 before them
    ("halvarsrapport" -> rapport): what the compound is a kind of."""
    found: dict[str, tuple[str, ...]] = {}
    for term in vocabulary:
        if term.isalpha():
            tails = tuple(term[cut:] for cut in range(3, len(term) - min_part + 1) if term[cut:] in vocabulary)
            if tails:
                found[term] = tails
    return found


def compound_parts(vocabulary: set[str], min_part: int) -> dict[str, tuple[str, ...]]:
    """A compound term -> the sources' words it begins or ends with, `min_part` letters at least, the rest 3
    ("projektform" -> projekt, "arbetsträningsplatser" -> arbetsträning): part of a word, part of a match."""
    found: dict[str, tuple[str, ...]] = {}
    for term in vocabulary:
        if term.isalpha():
            parts = [term[:cut] for cut in range(min_part, len(term) - 2) if term[:cut] in vocabulary]
            parts += [term[cut:] for cut in range(3, len(term) - min_part + 1) if term[cut:] in vocabulary]
            if parts:
                found[term] = tuple(parts)
    return found
