"""Question -> the sentences that answer it. The question word says what is sought (a date, a number, a
person, a place, a reason, a definition); among the best-matching sentences the one holding that wins,
and a neighbour comes along when the answer spans two. Only issues published by `today` count; between
equals the later issue wins."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import takewhile

from bot.folding import fold
from bot.knowledge.model import KnowledgeBase
from bot.reading.index import SentenceIndex
from bot.reading.normalise import TOKEN, Normaliser, tokens
from bot.reading.sentences import Sentence, same_article
from bot.reading.words import ReadingWords, load_words

DATED = "@dated"  # the term of every sentence holding a date or a time: what a question's "i höst" meets
_WORD = re.compile(r"\S+")  # a sentence's words, punctuation attached: distance counts every word
_DIGITS = re.compile(r"\d+")
_LIST_ITEM = re.compile(r"[-•*] ")  # a list's bullet ("–" opens a quote)
_NAME_JOINT = re.compile(r"[\s&]*")  # between the words of one name ("Friskis & Svettis")
_WORDS_OF_PATTERN = re.compile(r"(?:\\[a-zA-Z]|[^a-z\\])+")  # a kind's pattern ('\bvad (ar|betyder)\b') -> its words


# the kinds of question in the order they are tried: the first whose pattern a question matches is its kind
_ASKED_FIRST = (
    "way",
    "ordinal",
    "target",
    "frequency",
    "age",
    "reason",
    "finding",
    "party",
    "opinion",
    "speaker",
    "number",
    "outcome",
    "duration",
    "when",
    "origin",
    "role",
    "define",
    "place",
    "organisation",
    "person",
    "name",
)


@dataclass(frozen=True)
class Query:
    """A question as the reader weighs it: its words (each a group of alternative terms, with a weight), what
    it asks for, and the numbers it names itself ("2016" in "hur många ... 2016?" is not the answer)."""

    weighted: list[tuple[tuple[str, ...], float]]
    terms: frozenset[str]
    kind: str | None
    numbers: frozenset[str]
    names: tuple[tuple[str, ...], ...] = ()  # the words that name someone or something: an answer must hold them
    counted: tuple[str, ...] = ()  # "hur många anställda ...?": what is counted, which the number must stand by
    spelled: bool = False  # it names an acronym the sources spell out ("ESF": Europeiska socialfonden)
    years: frozenset[str] = frozenset()  # the years it names ("... under 2017?"): its answer's article must be of them
    past: bool = False  # it is in the past tense ("när det avslutades 2020"): a year after an issue is not of it

    @cached_property
    def named(self) -> frozenset[int]:
        """Which of the weighted words are names."""
        return frozenset(n for n, (group, _) in enumerate(self.weighted) if group in self.names)

    @cached_property
    def total(self) -> float:
        return sum(weight for _, weight in self.weighted)


@dataclass(frozen=True)
class Found:
    sentences: list[Sentence]  # in the newsletter's order, at most max_sentences
    coverage: float  # share of the question's content weight matched (0..1)
    kind: str | None  # what the question asked for
    earlier: Sentence | None = None  # an earlier issue's sentence that said otherwise (another number, name)
    telling: bool = False  # it holds what a telling kind of question asks for (a number, a date, a reason ...)
    held: tuple[tuple[str, ...], ...] = ()  # the question's words the quoted sentences hold themselves

    @property
    def squarely(self) -> bool:
        """Telling, and two of the question's words itself: enough to answer instead of an intent only guessed."""
        return self.telling and len(self.held) >= 2


class Reader:
    def __init__(self, kb: KnowledgeBase, words: ReadingWords | None = None) -> None:
        self.words = words or load_words()
        settings = self.words.settings
        self.index = SentenceIndex(
            kb,
            Normaliser(self.words),
            settings.get("unknown_factor", 1.0),
            int(settings.get("min_word_in_compound", 5)),
            self.words.points_back,
        )
        self.referred_weight = settings.get("referred_weight", 0.0)
        self.min_coverage = settings.get("min_coverage", 0.6)
        self.min_coverage_after_intent = settings.get("min_coverage_after_intent", 0.75)
        self.doubted_intent = settings.get("doubted_intent", 0.0)
        self.unsure_intent = settings.get("unsure_intent", 0.0)
        self.min_coverage_over_intent = settings.get("min_coverage_over_intent", 1.0)
        self.foreign_factor = settings.get("foreign_factor", 1.0)
        self.min_part = int(settings.get("min_compound_part", 4))
        self.compound_ending = int(settings.get("compound_ending", 3))
        self._terms: list[str] | None = None  # the sentences' terms in order, for compounds
        self._reversed: list[str] | None = None  # ... each written backwards, in order: compounds by their ending
        self.min_word_in_compound = int(settings.get("min_word_in_compound", 5))
        self.disagree_kinds = frozenset(self.words.disagree)
        self.disagree_margin = settings.get("disagree_margin", 0.0)
        self.about_sentences = int(settings.get("about_sentences", 0))
        self.about_when_quoted = int(settings.get("about_when_quoted", 0))
        self.light_foreign = int(settings.get("light_foreign", 1))
        self.min_matched = int(settings.get("min_matched", 1))
        self.kind_bonus = settings.get("kind_bonus", 0.25)
        self.context_weight = settings.get("context_weight", 0.5)
        self.newer_bonus = settings.get("newer_bonus", 0.02)
        self.max_sentences = int(settings.get("max_sentences", 3))
        self.refer_reach = int(settings.get("refer_reach", 0))
        self.part_reach = int(settings.get("part_reach", 0))
        self.lacking_reach = int(settings.get("lacking_reach", 0))
        self.lacking_share = settings.get("lacking_share", 0.0)
        self.short = int(settings.get("short_sentence", 60))  # a shorter sentence brings the next along
        self.near_window = int(settings.get("near_window", 0))
        self.near_bonus = settings.get("near_bonus", 0.0)
        # at most kind_bonus: the bound on a sentence's score (see _scored) counts kind_bonus in full
        self.far_bonus = min(settings.get("far_bonus", self.kind_bonus), self.kind_bonus)
        self.near_kinds = frozenset(self.words.near_kinds)
        self.own_bonus = settings.get("own_bonus", 0.0)
        self.list_penalty = settings.get("list_penalty", 0.0)
        self.list_share = settings.get("list_share", 0.5)
        self.list_words = int(settings.get("list_words", 8))
        self.list_kinds = frozenset(self.words.list_kinds)
        self.telling_kinds = frozenset(self.words.telling_kinds)
        self.required_kinds = frozenset(self.words.required_kinds)
        self.follow_kinds = frozenset(self.words.follow_kinds)
        self.whole_kinds = frozenset(self.words.whole_kinds)
        self.role_asked_kinds = frozenset(self.words.role_asked_kinds)
        self.nearby_kinds = frozenset(self.words.nearby_kinds)
        self.unlisted_kinds = frozenset(self.words.unlisted_kinds)
        self._spans: dict[tuple[int, str], tuple[tuple[int, int, str], ...]] = {}
        self._words: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
        self._digits: dict[tuple[int, str], tuple[frozenset[str], ...]] = {}  # each sought span's digits
        self._near: dict[tuple[int, str], tuple[tuple[frozenset[str], frozenset[str]], ...]] = {}
        self._next: dict[int, tuple[Sentence, ...]] = {}  # a sentence's next two of its article
        self._lists: dict[int, bool] = {}  # whether a sentence is mostly names
        self._givens: dict[tuple[int, str], tuple[bool, tuple[frozenset[str], ...]]] = {}  # see `_given`
        self._needs: dict[tuple[int, str], tuple[frozenset[str], ...]] = {}  # see `_needed`
        self._named: dict[str, tuple[int, ...]] = {}  # a name -> the sentences about it (see `_naming`)
        self._about: dict[int, tuple[int, str]] = {}  # a sentence's about_markers held, and its text folded
        self._article_years: dict[tuple[str, str], frozenset[str]] | None = None  # the years each article writes
        self.index.normaliser.protect(  # the words that say what a question asks for: never typos
            [word for words in self.words.asking.values() for word in words]
            + [_WORDS_OF_PATTERN.sub(" ", p.pattern) for patterns in self.words.kinds.values() for p in patterns]
        )
        self._time_terms = self.terms_of(self.words.time_words)
        # each kind's patterns as one (a search finds one when any of them would), in the order kinds are tried
        self._kind_patterns = [
            (kind, re.compile("|".join(f"(?:{pattern.pattern})" for pattern in self.words.kinds[kind])))
            for kind in _ASKED_FIRST
            if self.words.kinds[kind]
        ]
        self._asking_endings = tuple(end for endings in self.words.asking_endings.values() for end in endings)
        self._met_terms = {kind: self.terms_of(words) for kind, words in self.words.met_by_kind.items() if words}
        question_terms = self.index.normaliser.question_terms
        self.asking = {
            kind: frozenset(term for word in words for lang in ("sv", "en") for term in question_terms(word, lang))
            for kind, words in self.words.asking.items()
        }

    def weight(self, term: str, foreign: set[str] | frozenset[str]) -> float:
        """A term's rarity; an English word neither the lexicon nor the sources know counts for less (it may
        be a word the lexicon lacks rather than a subject the newsletters lack), but only the first
        `light_foreign` of them: several such words ("opening hours", "ferry times") point at a subject the
        newsletters lack."""
        if term in foreign and term not in self.index.idf:
            return self.index.unknown_idf * self.foreign_factor
        return self.index.weight(term)

    def terms_of(self, texts: Iterable[str]) -> frozenset[str]:
        """The terms of these texts' words, as a question's in either language."""
        question_terms = self.index.normaliser.question_terms
        return frozenset(term for text in texts for lang in ("sv", "en") for term in question_terms(text, lang))

    def strange(self, question: str, lang: str, also_known: frozenset[str]) -> bool:
        """Whether the question holds a word neither the newsletters nor `also_known` know: "när är nästa
        riksdagsval?" is not about the meetings, though "när är nästa" is. In English, a word the lexicon gives
        Swedish for ("salary": lön); one it lacks may be a gap in the lexicon rather than a strange subject."""
        groups, foreign = self.index.normaliser.question(question, lang)
        index = self.index
        return any(
            not any(term in index.idf or term in index.around or term in also_known or term.isdigit() for term in group)
            for group in groups
            if not set(group) <= foreign
        )

    def unknown_to(self, question: str, lang: str, known: frozenset[str]) -> list[tuple[str, ...]]:
        """The question's words the newsletters use but `known` (the intents' words and names) lacks: what an
        intent's answer passes over ("vilka kommuner ingår i VärNa?" answered with the federation's own)."""
        groups, _ = self.index.normaliser.question(question, lang)
        return [
            group
            for group in groups
            if any(term in self.index.idf for term in group)
            and not any(term in known or term.isdigit() for term in group)
        ]

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

    def _join(self, groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """Two words the sentences use only as one compound, as that compound ("establishment centres" ->
        etablering + centrum -> etableringscentrum, "kanot skolan" -> kanotskolan, "world changing" -> omvärld
        + förändring -> omvärldsförändringarna)."""
        idf = self.index.idf
        joined: list[tuple[str, ...]] = []
        for group in groups:
            last = joined[-1] if joined else None
            if last and not (any(term in idf for term in last) and any(term in idf for term in group)):
                pairs = ((first, second) for first in last for second in group)  # an English word's alternatives
                compound = next(filter(None, (self._compound(first, second) for first, second in pairs)), None)
                if compound:
                    joined[-1] = (compound,)
                    continue
            joined.append(group)
        return joined

    def _within(self, group: tuple[str, ...], said: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """A word the sentences use only within compounds, with those compounds ("nämnd" -> socialnämnd,
        utbildningsnämnd): any of them holds it. A word the sentences use, or a short one, stays as it is; a
        compound the question says itself (`said`: "vilka hantverk lär man sig på Kulturhantverket?") is that
        word of the question, not this one's too."""
        term = group[0]
        if len(group) > 1 or term in self.index.idf or len(term) < self.min_word_in_compound or not term.isalpha():
            return group
        if self._terms is None:
            self._terms = sorted(self.index.idf)
        if self._reversed is None:
            self._reversed = sorted(other[::-1] for other in self.index.idf)
        beginning = _starting(self._terms, term)
        ending = [other[::-1] for other in _starting(self._reversed, term[::-1])]
        return (term, *sorted(other for other in beginning + ending if other not in said))

    def _compound(self, first: str, second: str) -> str | None:
        """The sentences' first term (alphabetically) written as `first` + `second`, a linking s allowed
        between them and at most `compound_ending` letters of an ending after."""
        if self._terms is None:
            self._terms = sorted(self.index.idf)
        for start in (first + second, first + "s" + second):
            position = bisect_left(self._terms, start)
            if position < len(self._terms):
                term = self._terms[position]
                if term.startswith(start) and len(term) - len(start) <= self.compound_ending:
                    return term
        return None

    def group_weight(self, group: tuple[str, ...], foreign: set[str] | frozenset[str]) -> float:
        """A word's weight: of its alternatives the newsletters use, the commonest's (any one matches it); a
        word found only within compounds weighs as rare as all of them together."""
        known = [self.index.idf[term] for term in group if term in self.index.idf]
        if known and group[0] not in self.index.idf and group[0] not in foreign:
            return self.index.weight_of_any(group)
        return min(known) if known else max(self.weight(term, foreign) for term in group)

    def kind_of(self, question: str) -> str | None:
        folded = fold(question)
        for kind, pattern in self._kind_patterns:
            if pattern.search(folded):
                return kind
        return self._asked_in_compound(question)[1]

    def _asked_in_compound(self, question: str) -> tuple[str, str | None]:
        """A keyword question's compound that ends in what it asks for ("sista ansökningsdag", "startdatum":
        `asking_endings`), its first part a word of the sources: the question with that part alone, and the kind.
        The question as it is, and None, when it has none."""
        for token in tokens(question):
            folded = fold(token).lower()
            if not folded.endswith(self._asking_endings):  # most words: no kind's ending
                continue
            for kind, endings in self.words.asking_endings.items():
                if not folded.endswith(endings):  # most words: at once
                    continue
                ending = next(end for end in endings if folded.endswith(end))
                head = token[: len(token) - len(ending)]
                if len(head) < self.min_part or "-" in head:
                    continue
                for first in (head, head[:-1] if head.endswith("s") else ""):
                    terms = self.index.normaliser.question_terms(first, "sv") if len(first) >= self.min_part else []
                    if any(term in self.index.idf for term in terms):
                        return re.sub(rf"\b{re.escape(token)}\b", first, question, count=1), kind
        return question, None

    def sought(self, sentence: Sentence, kind: str) -> tuple[tuple[int, int, str], ...]:
        """Where the sentence holds what `kind` asks for: (start, end, text) of each marker's match."""
        key = (sentence.number, kind)
        found = self._spans.get(key)
        if found is None:
            matches = (m for pattern in self.words.markers[kind] for m in pattern.finditer(sentence.text))
            spans = [(m.start(), m.end(), m.group()) for m in matches]
            if kind == "number":  # an address's number counts nothing
                spans = [span for span in spans if not self._counts_nothing(sentence.text, span)]
            found = self._spans[key] = tuple(spans)
        return found

    def _counts_nothing(self, text: str, span: tuple[int, int, str]) -> bool:
        """Whether a number found in `text` stands where a number counts nothing (`no_count`: an address)."""
        pattern = self.words.no_count
        return pattern is not None and any(m.start() <= span[0] and span[1] <= m.end() for m in pattern.finditer(text))

    def holds(self, sentence: Sentence, kind: str, numbers: frozenset[str] = frozenset()) -> bool:
        """Whether the sentence holds what `kind` asks for, other than the question's own numbers."""
        return _any_answers(self._sought_digits(sentence, kind), numbers)

    def _sought_digits(self, sentence: Sentence, kind: str) -> tuple[frozenset[str], ...]:
        """The digits of each of `sought`'s matches, found once: whether a match answers (`_answers`) is then a
        set comparison."""
        key = (sentence.number, kind)
        found = self._digits.get(key)
        if found is None:
            found = self._digits[key] = tuple(
                frozenset(_DIGITS.findall(text)) for _, _, text in self.sought(sentence, kind)
            )
        return found

    def question(self, text: str, lang: str) -> Query | None:
        folded = fold(text)
        if any(pattern.search(folded) for pattern in self.words.to_the_bot):
            return None
        groups, foreign = self.index.normaliser.question(self._asked_in_compound(self._unsourced(text))[0], lang)
        parts = [part for group in self._join(groups) for part in self._split(group)]
        said = frozenset(part[0] for part in parts if len(part) == 1)  # a compound the question says itself
        groups = _distinct([self._within(part, said) for part in parts])
        groups = self._dated(groups)
        aliases = self.index.aliases  # "ESF" finds "Europeiska socialfonden", and the other way round
        spelled = any(term in aliases for group in groups for term in group)
        groups = [(*group, *(aliases[t] for t in group if aliases.get(t, t) not in group)) for group in groups]
        kind = self.kind_of(text)
        if kind in self.role_asked_kinds and self._unnamed_role(text, lang):  # "vem är rektor …?": no one is
            return None
        if any(all(term in self.index.names for term in group) for group in groups):
            groups = self._met(groups, kind)  # someone's role ("X's role"), not what a body does ("förbundets roll")
        asking = self.asking.get(kind, frozenset()) if kind else frozenset()
        groups = [group for group in groups if not set(group) <= asking] or groups
        terms = frozenset(term for group in groups for term in group)
        if all(term.isdigit() for term in terms):  # "hur mycket är 2+2": no word to read by
            return None
        foreign = foreign - self._things_named(text, lang)  # "the population": a thing asked about, not a gap
        light = set(sorted(foreign, key=lambda term: self.index.idf.get(term, 0.0))[: self.light_foreign])
        weighted = _one_name_one_weight(
            [(group, self.group_weight(group, light)) for group in groups],
            self._names_in(text, lang) + self._hyphenated(text, lang),
        )
        named = self.index.names | self._capitalised_in(text, lang)
        names = tuple(group for group in groups if all(term in named for term in group))
        names += self._thing_unknown(text, lang, groups)
        numbers = frozenset(_DIGITS.findall(text))
        years = frozenset(self.words.year.findall(text)) if self.words.year else frozenset()
        counted = self._counted(text, lang, groups)
        past = bool(years and self.words.past and self.words.past.search(fold(text)))
        return Query(weighted, terms, kind, numbers, names, counted, spelled, years, past)

    def _thing_unknown(self, text: str, lang: str, groups: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
        """The word a Swedish question asks for as a thing (`thing_asked`: "vilka öppettider …", a keyword question's
        first word), when the sources hold none of its terms, nor as a part of a compound: an answer must hold it
        as a name, so none does. A word the sources lack elsewhere in the question only weighs."""
        pattern = self.words.thing_asked
        found = pattern.search(fold(text)) if pattern is not None and lang == "sv" else None
        if found is None:
            return ()
        asked = set(self.index.normaliser.question_terms(found.group(1), lang))
        idf = self.index.idf
        return tuple(group for group in groups if asked & set(group) and not any(term in idf for term in group))

    def _unnamed_role(self, text: str, lang: str) -> bool:
        """Whether the question names a role or title the role markers know ("rektor"; in English through the
        lexicon's Swedish) that no sentence gives anyone: "vem är rektor för X?" is then not answered."""
        roles = self.words.markers["role"][:1]
        lexicon = self.index.normaliser.lexicon_words
        for token in tokens(text):
            written = [token] if lang == "sv" else list(lexicon.get(token.lower(), ()))
            if any(pattern.search(fold(word)) for word in written for pattern in roles):
                terms = self.index.normaliser.question_terms(token, lang)
                if terms and not any(term in self.index.idf for term in terms):
                    return True
        return False

    def _unsourced(self, text: str) -> str:
        """The question without the words that point to the newsletters themselves ("enligt artikeln", "i
        nyhetsbrevet från augusti 2018", "according to the newsletter", `source_words`): every answer is from them."""
        pattern = self.words.source_words
        if pattern is None:
            return text
        spans = [(match.start(), match.end()) for match in TOKEN.finditer(text)]
        folded = " ".join(fold(text[start:end]) for start, end in spans)
        found = list(pattern.finditer(folded))
        if not found:
            return text
        starts, offset = [], 0  # each token's place in `folded`
        for start, end in spans:
            starts.append(offset)
            offset += len(fold(text[start:end])) + 1
        dropped = [n for n, at in enumerate(starts) if any(match.start() <= at < match.end() for match in found)]
        kept, last = [], 0
        for n in dropped:
            kept.append(text[last : spans[n][0]])
            last = spans[n][1]
        return "".join([*kept, text[last:]])

    def _dated(self, groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """A time word's group ("i höst", "this year") with the sentences' mark of holding a date: any date meets it.
        The sentences are marked when a question first asks with a time word: a pass over all of them, which most
        questions and the start need not wait for."""
        timed = [bool(self._time_terms.intersection(group)) for group in groups]
        if not any(timed):
            return groups
        if DATED not in self.index.postings:
            self.index.mark(DATED, (s.number for s in self.index.sentences if self.holds(s, "when")))
        return [(*group, DATED) if time else group for group, time in zip(groups, timed, strict=True)]

    def _met(self, groups: list[tuple[str, ...]], kind: str | None) -> list[tuple[str, ...]]:
        """In a question of a kind, a word naming what it asks for ("vilken titel", "X's role", `met_by_kind`) with
        the sentences' mark of holding that kind: any role a sentence gives ("biträdande förbundschef") meets it;
        it weighs as the word does ("roll"), or as rare as a word can be when the sources lack it ("titel"). Marked
        when first asked, as `_dated` does."""
        met = self._met_terms.get(kind or "")
        if not kind or not met or not any(met.intersection(group) for group in groups):
            return groups
        mark = "@" + kind
        if mark not in self.index.postings:
            self.index.mark(mark, (s.number for s in self.index.sentences if self.holds(s, kind)), rare=True)
        return [(*group, mark) if met.intersection(group) else group for group in groups]

    def _capitalised_in(self, text: str, lang: str) -> frozenset[str]:
        """The terms of the question's words written with a capital where none is due (past its first word) that
        the sentences never write in lower case ("How much of Tillväxtverket's money …?"): names, as those the
        sentences write with a capital within a sentence are."""
        found = {
            term
            for match in TOKEN.finditer(text)
            if match.start() > 0 and match.group()[:1].isupper()
            for term in self.index.normaliser.terms(match.group(), learn=False)  # names are the sources' words
            if term in self.index.capitalised
        }
        return frozenset(found)

    def _things_named(self, text: str, lang: str) -> set[str]:
        """The terms of the English words after a determiner ("the population", "Lexelius's salary"): things
        asked about. A word the lexicon lacks is more often a verb ("came", "hear") than such a thing."""
        if lang != "en":
            return set()
        words = tokens(text)
        return {
            term
            for before, word in zip(words, words[1:], strict=False)
            if before.lower() in self.words.determiners
            for term in self.index.normaliser.question_terms(word, lang)
        }

    def _counted(self, text: str, lang: str, groups: list[tuple[str, ...]]) -> tuple[str, ...]:
        """The question's word for what it counts ("hur många anställda", "how many managers"), as its group."""
        counting = self.words.counting
        found = counting.search(fold(text)) if counting else None
        if not found:
            return ()
        terms = set(self.index.normaliser.question_terms(found.group(1), lang))
        group = next((group for group in groups if terms & set(group)), ())
        # a time word ("how many years"), which any date meets and the lexicon gives no Swedish for, cannot
        # stand by the number as written ("under tre år"): nothing to ask of it
        return () if DATED in group else group

    def _hyphenated(self, text: str, lang: str) -> list[frozenset[str]]:
        """The terms of each word written with a hyphen ("kick-offen", "hand-butik"): one word of the question,
        however many parts it is read as."""
        question_terms = self.index.normaliser.question_terms
        return [frozenset(question_terms(token, lang)) for token in tokens(text) if "-" in token]

    def _names_in(self, text: str, lang: str) -> list[frozenset[str]]:
        """The names of more than one word the question writes (words the sources write as names, joined by
        spaces, "&", a hyphen or a particle such as "von"), each as its terms."""
        found: list[frozenset[str]] = []
        current: set[str] = set()
        words, end = 0, 0
        for match in TOKEN.finditer(text):
            terms = set(self.index.normaliser.terms(match.group(), learn=False))  # names are the sources' words
            joined = _NAME_JOINT.fullmatch(text, end, match.start()) is not None
            if words and joined and match.group() in self.words.name_particles:  # "Björn von Sydow"
                current |= terms
                end = match.end()
                continue
            naming = bool(terms) and terms <= self.index.names
            if not (naming and joined):
                if words > 1:
                    found.append(frozenset(current))
                current, words = set(), 0
            if naming:
                current |= terms
                words += len(terms)  # "Coca-Cola": coca, cola, cocacola
            end = match.end()
        if words > 1:
            found.append(frozenset(current))
        return found

    def find(self, question: str, today: date, lang: str, min_coverage: float | None = None) -> Found | None:
        query = self.question(question, lang)
        if query is None:
            return None
        floor = self.min_coverage if min_coverage is None else min_coverage
        # between equal scores the shorter sentence (the question's words closer together), then the first
        terms = self.index.terms
        scored = sorted(
            self._scored(query, today, floor), key=lambda found: (found[0], -len(terms[found[2].number])), reverse=True
        )
        if not scored:
            return None
        _, coverage, best = scored[0]
        later, earlier = self._disagreeing(scored, query)
        if later is not None:
            coverage, best = later
        quoted = self._with_each_part(question, lang, best, self._around(best, query), query.numbers)
        quoted = self._with_rarest(best, quoted, query)
        quoted = self._with_lacking(best, quoted, query)
        own = set().union(*(self.index.terms[sentence.number] for sentence in quoted))
        telling = query.kind in self.telling_kinds and self.holds(best, query.kind, query.numbers)
        telling = telling or (query.kind == "define" and self._spells_out(own, query))
        held = tuple(group for group, _ in query.weighted if any(term in own for term in group))
        return Found(quoted, min(coverage, 1.0), query.kind, earlier, telling, held)

    def _with_each_part(
        self, question: str, lang: str, best: Sentence, quoted: list[Sentence], numbers: frozenset[str]
    ) -> list[Sentence]:
        """For a question of two parts ("hur mycket pengar söktes och när kommer beslut?"), the quoted sentences
        with, for each part none of them answers (what it asks for, and one of its words), the sentence of the
        best one's article within `part_reach` that does, holding the most of its words."""
        pattern = self.words.second_part
        split = pattern.search(fold(question)) if pattern else None
        if not split:
            return quoted
        for part in (question[: split.start()], question[split.end() :]):
            kind = self.kind_of(part)
            terms = set(self.index.normaliser.question_terms(part, lang))
            if kind is None or not terms or any(self._answers_part(s, kind, terms, numbers) for s in quoted):
                continue
            other = self._part_in_article(best, kind, terms, numbers)
            if other is not None:
                quoted = self._adding(other, quoted, best)
        return quoted

    def _adding(self, other: Sentence, quoted: list[Sentence], best: Sentence) -> list[Sentence]:
        """The quoted sentences with `other` among them, in the newsletter's order; when they are as many as a
        reply quotes, the best one alone with it."""
        kept = quoted if len(quoted) < self.max_sentences else [best]
        return sorted([*kept, other], key=lambda sentence: sentence.number)

    def _with_rarest(self, best: Sentence, quoted: list[Sentence], query: Query) -> list[Sentence]:
        """The quoted sentences with, when none of them holds the question's rarest word itself but a sentence
        beside the best one in its article does (two either side), the nearest such: it found the best through
        that neighbour, which is likely what is asked ("en utmaning" in the next sentence). Not when the best
        gives what a `whole_kinds` question asks for ("I hamnen finns sju båtplatser.")."""
        kind = query.kind
        if not query.weighted or (kind in self.whole_kinds and self.holds(best, kind, query.numbers)):
            return quoted  # it gives what is asked for: the answer ("sju båtplatser", "två gånger per år")
        rarest, _ = max(query.weighted, key=lambda pair: pair[1])
        terms = self.index.terms
        if not any(term in self.index.idf for term in rarest) or any(
            not terms[one.number].isdisjoint(rarest) for one in quoted
        ):
            return quoted
        sentences = self.index.sentences
        for distance in (1, -1, 2, -2):
            number = best.number + distance
            if 0 <= number < len(sentences) and same_article(sentences[number], best):
                if not terms[number].isdisjoint(rarest):
                    return self._adding(sentences[number], quoted, best)
        return quoted

    def _with_lacking(self, best: Sentence, quoted: list[Sentence], query: Query) -> list[Sentence]:
        """The quoted sentences with, when they lack a rare word of the question (weighing at least `lacking_share`
        of the rarest), the sentence of the best one's article (within `lacking_reach`) holding that word and what
        the question asks for: the article's answer may stand a few sentences from its other words ("... säger
        Maria Andersson som är projektledare"). A common word ("projekt") or a year brings nothing, nor does anything
        when the best's number stands by the question's words (`near_kinds`)."""
        kind, terms = query.kind, self.index.terms
        if kind is None or self.lacking_reach <= 0 or not query.weighted:
            return quoted
        if kind in self.near_kinds and self.holds(best, kind, query.numbers) and self.near_share(best, query):
            return quoted  # its number stands by the question's words: the answer ("I hamnen finns sju båtplatser.")
        held = set().union(*(terms[one.number] for one in quoted))
        least = self.lacking_share * max(weight for _, weight in query.weighted)
        lacking = {
            term
            for group, weight in query.weighted
            if weight >= least and held.isdisjoint(group)
            for term in group
            if term in self.index.idf and not term.isdigit()  # a year bounds the answer, it does not point to it
        }
        if not lacking:
            return quoted
        sentences, reach = self.index.sentences, self.lacking_reach
        near = sentences[max(0, best.number - reach) : best.number + reach + 1]
        found = [
            (len(lacking & terms[other.number]), -abs(other.number - best.number), other.number)
            for other in near
            if other not in quoted
            and same_article(other, best)
            and not lacking.isdisjoint(terms[other.number])
            and self.holds(other, kind, query.numbers)
        ]
        return self._adding(sentences[max(found)[2]], quoted, best) if found else quoted

    def _answers_part(self, sentence: Sentence, kind: str, terms: set[str], numbers: frozenset[str]) -> bool:
        return self.holds(sentence, kind, numbers) and not terms.isdisjoint(self.index.terms[sentence.number])

    def _part_in_article(self, best: Sentence, kind: str, terms: set[str], numbers: frozenset[str]) -> Sentence | None:
        """The sentence of `best`'s article, within `part_reach` of it, that answers a part of the question: holds
        what it asks for and the most of its words (the nearest between equals)."""
        sentences, reach = self.index.sentences, self.part_reach
        near = sentences[max(0, best.number - reach) : best.number + reach + 1]
        found = [
            (len(terms & self.index.terms[other.number]), -abs(other.number - best.number), other.number)
            for other in near
            if other is not best and same_article(other, best) and self._answers_part(other, kind, terms, numbers)
        ]
        return sentences[max(found)[2]] if found else None

    def _spells_out(self, own: set[str] | frozenset[str], query: Query) -> bool:
        """Whether the sentences hold an acronym of the question with what it stands for ("Lagen om
        valfrihetssystem, LOV"): "vad står LOV för?" answered, which few sentences do as a definition's "är" does."""
        aliases = self.index.aliases
        return any(term in own and aliases.get(term) in own for group, _ in query.weighted for term in group)

    def _scored(self, query: Query, today: date, floor: float) -> list[tuple[float, float, Sentence]]:
        """(score, coverage, sentence) of every sentence published by `today` that can answer, as the index
        found them; of those that cannot come within `disagree_margin` of the best (or, when no earlier issue
        is looked for, reach it) none, since their score is not needed.

        A sentence's score is at most its coverage and year's bonus with every other bonus in full: sentences
        are scored from the highest such bound down, and the rest are left once the bound falls short (one that
        lacks what is sought is left when the bound without that bonus falls short). The
        copies of a sentence in older issues (ever more as the issues add up) are then mostly never scored."""
        sentences, total, kind = self.index.sentences, query.total, query.kind
        margin = self.disagree_margin if kind in self.disagree_kinds else 0.0
        most = self.own_bonus + (self.kind_bonus + self.near_bonus if kind else 0.0)
        per_year = self.newer_bonus / 365.25
        bounded: list[tuple[float, int, float, Sentence]] = []
        for order, (number, weight) in enumerate(
            self.index.matches(query.weighted, self.context_weight, floor, self.referred_weight, query.named).items()
        ):
            sentence = sentences[number]
            coverage = weight / total
            if sentence.published > today or coverage < floor:
                continue
            bound = coverage + per_year * sentence.published.toordinal() + most
            bounded.append((bound, order, coverage, sentence))
        bounded.sort(key=lambda found: found[0], reverse=True)
        found: list[tuple[int, float, float, Sentence]] = []
        best = float("-inf")
        for bound, order, coverage, sentence in bounded:
            if bound + 1e-9 < best - margin:
                break
            held = self.index.terms[sentence.number] & query.terms
            if len(held) < self.min_matched or all(term.isdigit() for term in held):  # a year alone answers nothing
                continue
            if not self._names_held(sentence.number, query) or not self._of_years(sentence, query.years, query.past):
                continue
            if query.counted and not self._stands_by(sentence, query, query.counted):  # "två projekt": no staff
                continue
            if kind in self.unlisted_kinds and self._listing(sentence):  # a list naming X is not what X said
                continue
            gives = bool(kind) and self._gives(sentence, query)
            if kind and not gives:  # no bonus for what is sought
                if bound - self.kind_bonus - self.near_bonus + 1e-9 < best - margin or self._lacks(sentence, query):
                    continue
            score = self.score(sentence, coverage, query, best - margin, gives)
            if score is not None:
                found.append((order, score, coverage, sentence))
                best = max(best, score)
        found.sort(key=lambda one: one[0])  # as the index found them: between equal scores the first wins
        return [(score, coverage, sentence) for _, score, coverage, sentence in found]

    def _of_years(self, sentence: Sentence, years: frozenset[str], past: bool = False) -> bool:
        """Whether the sentence can tell of the years a question names: its article (its sentences and headline)
        writes them, or, when neither the sentence nor its headline writes a year, its issue was published in
        them ("vem blev projektledare 2016?"). An article about 2016 does not tell of 2017; an issue of 2018 does
        not tell what became of something in 2020 (`past`), though it writes the year as a plan."""
        if not years or self.words.year is None:
            return True
        if past and any(int(year) > sentence.published.year for year in years):
            return False
        if self._article_years is None:
            written: dict[tuple[str, str], set[str]] = {}
            for one in self.index.sentences:
                found = written.setdefault((one.issue, one.headline), set(self.words.year.findall(one.headline)))
                found.update(self.words.year.findall(one.text))
            self._article_years = {article: frozenset(found) for article, found in written.items()}
        article = self._article_years.get((sentence.issue, sentence.headline), frozenset())
        if years <= article:
            return True
        own = self.words.year.search(sentence.text) or self.words.year.search(sentence.headline)
        return own is None and years <= article | {str(sentence.published.year)}

    def _names_held(self, number: int, query: Query) -> bool:
        """Whether the sentence or its context holds every name the question gives: a sentence about another
        person or place does not answer ("kommunstyrelsens ordförande i Tyresö" is not Nynäshamn's)."""
        own, around = self.index.terms[number], self.index.context[number]
        return all(any(term in own or term in around for term in group) for group in query.names)

    def _disagreeing(
        self, scored: list[tuple[float, float, Sentence]], query: Query
    ) -> tuple[tuple[float, Sentence] | None, Sentence | None]:
        """When a sentence of another issue answers nearly as well as the best (within `disagree_margin`) but
        holds the same question words in its own and says another number, date or name ("140 medlemmar" in
        spring, "150" in autumn): the later issue's (coverage, sentence) when it is not the best, and the
        earlier issue's sentence, which said otherwise."""
        kind = query.kind
        top, coverage, best = scored[0]
        if kind not in self.disagree_kinds:
            return None, None
        said, held = self._values(best, kind, query.numbers), self._held(best, query)
        for score, other_coverage, sentence in scored[1:]:
            if score < top - self.disagree_margin:
                break
            other = self._values(sentence, kind, query.numbers)
            if sentence.issue == best.issue or not (said and other) or said & other:
                continue
            if self._held(sentence, query) != held:  # about something else ("43 mkr" for another project)
                continue
            if sentence.published > best.published:
                return (other_coverage, sentence), best
            return None, sentence
        return None, None

    def _held(self, sentence: Sentence, query: Query) -> frozenset[int]:
        """Which of the question's words the sentence's own words hold."""
        own = self.index.terms[sentence.number]
        return frozenset(n for n, (group, _) in enumerate(query.weighted) if any(term in own for term in group))

    def _values(self, sentence: Sentence, kind: str, numbers: frozenset[str]) -> frozenset[str]:
        """What the sentence says of the sought kind: its numbers (not the question's own), else its names."""
        found = [text for _, _, text in self.sought(sentence, kind) if _answers(text, numbers)]
        digits = {digit for text in found for digit in _DIGITS.findall(text)}
        return frozenset(digits - numbers) if digits else frozenset(fold(text) for text in found)

    def score(
        self, sentence: Sentence, coverage: float, query: Query, least: float = float("-inf"), gives: bool | None = None
    ) -> float | None:
        """How well the sentence answers: its coverage, more when it holds what is sought (more again when
        the question's words stand next to it) and when its own words hold the question's rarest; a little
        for a later issue. None when it cannot answer ("how do I ...?" without a how), or cannot reach
        `least` (then how far it falls short is not worked out). `gives`: whether it gives what is sought,
        when the caller knows."""
        score = coverage + self.newer_bonus * sentence.published.toordinal() / 365.25
        score += self.own_bonus * self.own_share(sentence, query)
        kind = query.kind
        if kind not in self.list_kinds and self._listing(sentence):  # a list of names answers who, not what
            score -= self.list_penalty
        if gives is None:
            gives = bool(kind) and self._gives(sentence, query)
        if gives:
            if score + self.kind_bonus + self.near_bonus + 1e-9 < least:
                return None
            near = self.near_share(sentence, query)
            far = not near and kind in self.near_kinds  # "how many?" and the number stands by none of its words
            score += self.near_bonus * near + (self.far_bonus if far else self.kind_bonus)
        elif self._lacks(sentence, query):  # "how do I apply?": only a sentence that says how (a contact) answers
            return None
        return score

    def _lacks(self, sentence: Sentence, query: Query) -> bool:
        """Whether a sentence not giving what a `required_kinds` question asks for cannot answer it: unless the next
        one of its article does ("Deltagarna är nöjda." "Nästan 100 procent ger ..."), quoted with it, but
        without the bonus for holding it."""
        needed = self._needed(sentence, query.kind)
        return needed is not None and not _any_answers(needed, query.numbers)

    def _needed(self, sentence: Sentence, kind: str | None) -> tuple[frozenset[str], ...] | None:
        """The matches (as their digits) of what `kind` asks for in the sentences `_lacks` looks at; None when the
        kind needs none. Found once for each sentence and kind."""
        if kind is None or (kind not in self.nearby_kinds and kind not in self.required_kinds):
            return None
        key = (sentence.number, kind)
        found = self._needs.get(key)
        if found is None:
            # "vad kom utredningen fram till?": a finding within two, or none is told
            others = self._nearby(sentence) if kind in self.nearby_kinds else self._following(sentence)[:1]
            found = self._needs[key] = tuple(digits for other in others for digits in self._sought_digits(other, kind))
        return found

    def _nearby(self, sentence: Sentence) -> list[Sentence]:
        """The two sentences either side of `sentence`, as far as they are of its article."""
        sentences = self.index.sentences
        before = sentences[max(0, sentence.number - 2) : sentence.number]
        return [other for other in before if same_article(other, sentence)] + list(self._following(sentence))

    def _gives(self, sentence: Sentence, query: Query) -> bool:
        """Whether the sentence gives what the question asks for. What an acronym the sources spell out stands
        for ("vad står ESF för?") only a sentence spelling it out gives, not any saying "ESF-rådet är ..."."""
        kind = query.kind
        if kind == "define" and query.spelled:
            return self._spells_out(self.index.terms[sentence.number], query)
        return kind is not None and self.gives(sentence, kind, query.numbers)

    def gives(self, sentence: Sentence, kind: str, numbers: frozenset[str] = frozenset()) -> bool:
        """Whether the sentence holds what `kind` asks for; or leads a list, which answers the `list_kinds`; or,
        for the `follow_kinds`, one of the next two of its article holds it ("Det finns ett referat från dagen."
        then "Mejla X, x@y.se."): quoted with them, it answers."""
        listed, digits = self._given(sentence, kind)
        return listed or _any_answers(digits, numbers)

    def _given(self, sentence: Sentence, kind: str) -> tuple[bool, tuple[frozenset[str], ...]]:
        """What `gives` looks at, found once for each sentence and kind: whether it leads a list that answers, and
        the matches (as their digits) of what `kind` asks for in it and, for the `follow_kinds`, in its next two."""
        key = (sentence.number, kind)
        found = self._givens.get(key)
        if found is None:
            listed = kind in self.list_kinds and bool(self._list_after(sentence))  # "... två utvecklingsområden:"
            following = self._following(sentence) if kind in self.follow_kinds else ()
            digits = tuple(digits for one in (sentence, *following) for digits in self._sought_digits(one, kind))
            found = self._givens[key] = (listed, digits)
        return found

    def _list_after(self, sentence: Sentence) -> list[Sentence]:
        """The list items that follow a sentence ending in a colon, as far as `_following` reaches."""
        if not sentence.text.endswith(":"):
            return []
        return list(takewhile(lambda other: _LIST_ITEM.match(other.text) is not None, self._following(sentence)))

    def _following(self, sentence: Sentence) -> tuple[Sentence, ...]:
        """The next two sentences, as far as they are of the sentence's article."""
        found = self._next.get(sentence.number)
        if found is None:
            after = self.index.sentences[sentence.number + 1 : sentence.number + 3]
            found = self._next[sentence.number] = tuple(takewhile(lambda other: same_article(other, sentence), after))
        return found

    def _listing(self, sentence: Sentence) -> bool:
        """Whether the sentence is mostly names: a board or a list of contacts (`list_share` of its words
        capitalised or in brackets, `list_words` words at least)."""
        found = self._lists.get(sentence.number)
        if found is None:
            words = sentence.text.split()
            names = sum(word[:1].isupper() or word[:1] == "(" for word in words)
            found = self._lists[sentence.number] = len(words) >= self.list_words and names >= self.list_share * len(
                words
            )
        return found

    def own_share(self, sentence: Sentence, query: Query) -> float:
        """The share of the question's weight the sentence's own words hold, each word weighted by its
        rarity once more: a sentence holding the question's rarest words itself beats one that has them
        only around it (in its headline or a neighbour)."""
        own = self.index.terms[sentence.number]
        squares = [(weight * weight, any(term in own for term in group)) for group, weight in query.weighted]
        total = sum(square for square, _ in squares)
        return sum(square for square, held in squares if held) / total if total else 0.0

    def near_share(self, sentence: Sentence, query: Query) -> float:
        """The share of the question's weight within `near_window` words of what is sought (the number, the
        date): of two sentences with a number, the one whose number stands by the question's words answers
        ("85 anställda", not "60 mkr" two clauses from "sociala företag")."""
        if not query.kind or self.near_window <= 0:
            return 0.0
        near = self._near_sought(sentence, query)
        held = sum(weight for group, weight in query.weighted if any(term in near for term in group))
        return held / query.total if query.total else 0.0

    def _stands_by(self, sentence: Sentence, query: Query, group: tuple[str, ...]) -> bool:
        """Whether a word of `group` stands within `near_window` words of what the question asks for."""
        near = self._near_sought(sentence, query)
        return any(term in near for term in group)

    def _near_sought(self, sentence: Sentence, query: Query) -> set[str]:
        """The terms within `near_window` words of what the question asks for, in the sentence."""
        if not query.kind:
            return set()
        near: set[str] = set()
        for digits, terms in self._near_spans(sentence, query.kind):
            if not digits or not digits <= query.numbers:  # as `_answers`
                near |= terms
        return near

    def _near_spans(self, sentence: Sentence, kind: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        """Each match of what `kind` asks for in the sentence, as its digits and the terms within `near_window`
        words of it: the same for every question, found once."""
        key = (sentence.number, kind)
        found = self._near.get(key)
        if found is None:
            words, window = self._words_of(sentence), self.near_window
            spans = []
            for (first, last, _), digits in zip(
                self.sought(sentence, kind), self._sought_digits(sentence, kind), strict=True
            ):
                terms: set[str] = set()
                for position, (start, end, _) in enumerate(words):
                    if start < last and first < end:
                        for _, _, held in words[max(0, position - window) : position + window + 1]:
                            terms |= held
                spans.append((digits, frozenset(terms)))
            found = self._near[key] = tuple(spans)
        return found

    def _words_of(self, sentence: Sentence) -> list[tuple[int, int, frozenset[str]]]:
        words = self._words.get(sentence.number)
        if words is None:
            terms = self.index.normaliser.terms
            words = self._words[sentence.number] = [
                (m.start(), m.end(), frozenset(terms(m.group()))) for m in _WORD.finditer(sentence.text)
            ]
        return words

    def about(self, name: str, today: date, answer: str, asked: str = "", lang: str = "sv") -> list[Sentence]:
        """For "Vem är X?" / "Vad är X?": the most informative sentences about `name` that `answer` lacks,
        when it quotes at most `about_when_quoted` of them itself (a role line, a paragraph's first lines).
        Informative: what X is ("X är ..."), a role, where X comes from (`about_markers`), more when the
        sentence starts with X; between equals the later issue. A sentence holding the question's (`asked`)
        other words comes first ("vad gör X på fritiden?"), quoted or not. In the newsletters' order, at most
        `about_sentences`; no one's words quoted ("– Jag ...")."""
        naming = self._naming(name, today)
        normaliser = self.index.normaliser
        extra = set(normaliser.question_terms(asked, lang)) - set(normaliser.question_terms(name, "sv"))
        terms = self.index.terms
        # a sentence's copies in other issues are looked for in the answer once
        said = {text: _said_in(sentence, answer) for text, sentence in {s.text: s for s in naming}.items()}
        unsaid = [sentence for sentence in naming if not said[sentence.text]]
        wanted = any(extra & terms[sentence.number] for sentence in unsaid)
        if len(naming) - len(unsaid) > self.about_when_quoted and not wanted:
            return []
        first = fold(name.split()[0]) if name.split() else ""
        ranked: list[tuple[tuple[int, int, date], Sentence]] = []
        for sentence in unsaid:
            held, folded = self._informative(sentence)
            asks = len(extra & terms[sentence.number])
            if held or asks:
                held += folded.startswith(first)
                ranked.append(((asks, held, sentence.published), sentence))
        ranked.sort(key=lambda pair: pair[0], reverse=True)
        return sorted((sentence for _, sentence in ranked[: self.about_sentences]), key=lambda s: s.number)

    def _informative(self, sentence: Sentence) -> tuple[int, str]:
        """How many `about_markers` the sentence holds (someone's words quoted: only who says them, "– ..., säger
        X, socialchef som tidigare arbetat i Torsby"), and its text folded."""
        found = self._about.get(sentence.number)
        if found is None:
            text = sentence.text
            if text.startswith(("–", "-", "»", '"')):
                said = self.words.said_by.search(text) if self.words.said_by else None
                text = text[said.end() :] if said else ""
            held = sum(bool(p.search(text)) for p in self.words.about) if text else 0
            found = self._about[sentence.number] = (held, fold(text) if held else "")
        return found

    def _naming(self, name: str, today: date) -> list[Sentence]:
        """The sentences published by `today` about `name`: those holding all its words, and in the same
        article (issue and headline) those holding one ("Rosario Alí är ..." then "Rosario kommer från ...")."""
        sentences = self.index.sentences
        return [sentences[n] for n in self._naming_all(name) if sentences[n].published <= today]

    def _naming_all(self, name: str) -> tuple[int, ...]:
        """`_naming`'s sentences of every issue, in order: found once for each name."""
        found = self._named.get(name)
        if found is not None:
            return found
        wanted = set(self.index.normaliser.question_terms(name, "sv"))
        if not wanted:
            return ()
        sentences = self.index.sentences
        full = set.intersection(*(set(self.index.postings.get(term, ())) for term in wanted))
        articles = {(sentences[number].issue, sentences[number].headline) for number in full}
        some = {
            n
            for term in wanted
            for n in self.index.postings.get(term, ())
            if (sentences[n].issue, sentences[n].headline) in articles
        }
        found = self._named[name] = tuple(sorted(full | some))
        return found

    def _around(self, sentence: Sentence, query: Query) -> list[Sentence]:
        """The sentence, with the one before when it continues it, and after it: the next when the sentence
        is short or ends in a colon; when it lacks what is sought, the sentences up to the next one in the
        article that holds it (the reason in the next paragraph), when that is one of the next two."""
        chosen = [sentence]
        sentences = self.index.sentences
        before = sentences[sentence.number - 1] if sentence.number > 0 else None
        continues = self.words.continues
        if before and before.passage == sentence.passage and continues and continues.search(sentence.text):
            chosen.insert(0, before)
        elif before and same_article(before, sentence) and query.kind == "reason" and self._reason_before(sentence):
            chosen.insert(0, before)  # "Vi satsade därför på X": the reason is the sentence before
        following = list(self._following(sentence))
        kind, numbers = query.kind, query.numbers
        if kind is not None and not self.holds(sentence, kind, numbers):
            holding = next((n for n, other in enumerate(following) if self.holds(other, kind, numbers)), None)
            if holding is not None:
                return (chosen + following[: holding + 1])[: self.max_sentences]
        after = following[0] if following else None
        items = self._list_after(sentence)
        if items:
            chosen += items
        elif after and (
            sentence.text.endswith(":") or (after.passage == sentence.passage and len(sentence.text) < self.short)
        ):
            chosen.append(after)
        referred = self._referred(sentence, query)
        if referred is not None and referred not in chosen:
            chosen = [*chosen[: self.max_sentences - 1], referred]
            chosen.sort(key=lambda one: one.number)
        return chosen[: self.max_sentences]

    def _reason_before(self, sentence: Sentence) -> bool:
        """Whether every reason the sentence gives is one that points back ("därför", `reason_before`)."""
        pattern, reasons = self.words.reason_before, self.sought(sentence, "reason")
        return pattern is not None and bool(reasons) and all(pattern.fullmatch(text) for _, _, text in reasons)

    def _referred(self, sentence: Sentence, query: Query) -> Sentence | None:
        """The sentence a "se ovan" / "se nedan" points to: the nearest one of the same issue in that direction,
        within `refer_reach` sentences, that holds one of the question's words (and what it asks for, if it asks
        for something)."""
        sentences = self.index.sentences
        for pattern, step in ((self.words.refers_up, -1), (self.words.refers_down, 1)):
            if pattern is None or not pattern.search(sentence.text):
                continue
            for number in range(sentence.number + step, sentence.number + step * (self.refer_reach + 1), step):
                if not 0 <= number < len(sentences) or sentences[number].issue != sentence.issue:
                    break
                other = sentences[number]
                if self.index.terms[number] & query.terms and (
                    query.kind is None or self.holds(other, query.kind, query.numbers)
                ):
                    return other
        return None


def _distinct(groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The groups without repeats: a hyphenated word's parts come again when its joined form is split."""
    return list(dict.fromkeys(groups))


def _one_name_one_weight(
    weighted: list[tuple[tuple[str, ...], float]], names: list[frozenset[str]]
) -> list[tuple[tuple[str, ...], float]]:
    """Words that together make one name ("Second Chance School", "Coca-Cola") or one hyphenated word
    ("kick-offen") weigh as its rarest word alone, shared among them: one thing asked about, not three."""
    shared = list(weighted)
    for name in names:
        within = [n for n, (group, _) in enumerate(shared) if set(group) & name]
        if len(within) > 1:
            most = max(shared[n][1] for n in within)
            for n in within:
                shared[n] = (shared[n][0], most / len(within))
    return shared


def _starting(ordered: list[str], start: str) -> list[str]:
    """The words of the sorted list that begin with `start` and go on for three letters at least."""
    found: list[str] = []
    for word in ordered[bisect_left(ordered, start) :]:
        if not word.startswith(start):
            break
        if len(word) >= len(start) + 3:
            found.append(word)
    return found


def _said_in(sentence: Sentence, answer: str) -> bool:
    """Whether the answer says the sentence already, a list item's bullet aside ("- Projektet startade.")."""
    return sentence.text.lstrip("-–•* ") in answer


def _any_answers(found: tuple[frozenset[str], ...], numbers: frozenset[str]) -> bool:
    """Whether any of these matches, each as its digits, answers (as `_answers`)."""
    return any(not digits or not digits <= numbers for digits in found)


def _answers(found: str, numbers: frozenset[str]) -> bool:
    """A marker's match answers unless it is only the question's own numbers."""
    digits = _DIGITS.findall(found)
    return not digits or not set(digits) <= numbers
