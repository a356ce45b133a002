"""Projects and initiatives: names found where the text calls something a project, a part of one,
a method or a model; then every sentence that mentions a name, sorted into what it tells."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.ingest.document import Newsletter, sentences
from bot.knowledge.model import Fact, Project, Source

_NAME = r"[A-ZÅÄÖ][\wåäöé-]*(?:\s+(?:i\s+|för\s+)?[A-ZÅÄÖ][\wåäöé-]*)*"
_CALLED = re.compile(
    rf"\b(?:[Aa]rvsfonds)?(?:[Pp]rojekte[tn]|[Dd]elprojekte[tn]|[Ii]nsatsen|[Mm]etoden|[Pp]rogrammet|[Ss]atsningen)\s+(?P<name>{_NAME})"
)
_SUFFIXED = re.compile(r"(?<![\w-])(?P<name>[A-ZÅÄÖ][\wåäö]*(?:-[A-ZÅÄÖ][\wåäö]*)*)-(?:projektet|projektets|kurs)\b")
_SO_CALLED = re.compile(r"\bs\.k\.\s+(?P<name>[\wåäö]+)")
_PLACE_NAMED = re.compile(r"\b(?P<name>[A-ZÅÄÖ][a-zåäö]+\s+i\s+[A-ZÅÄÖ][a-zåäö]+)\b")
_OWNED_BY_PLACE = re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+s\s+(?P<name>[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+){1,3})\b")
_MODEL = re.compile(r"\b(?P<name>[A-ZÅÄÖ][\wåäö]*-?modellen)\b")
_FOUNDATION = re.compile(r"\b(?P<name>Stiftelsen\s+[A-ZÅÄÖ][\wåäö]*)")
_PART_OF = re.compile(rf"(?P<name>{_NAME}),\s+ett\s+av\s+delprojekten\s+(?:inom|i)\s+(?P<parent>{_NAME})")
# what a text must contain for each pattern to match in it: most texts are passed over without a search
_WRITTEN_IN_MATCH = {
    _PART_OF: ("delprojekten",),
    _CALLED: ("rojekte", "nsatsen", "etoden", "rogrammet", "atsningen"),
    _SUFFIXED: ("-projektet", "-kurs"),
    _MODEL: ("modellen",),
    _FOUNDATION: ("Stiftelsen",),
    _SO_CALLED: ("s.k.",),
}
_EXPANSION = re.compile(r"\b(?P<long>[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+){1,4})[,–]\s+(?P<short>[A-ZÅÄÖ]{2,6})\b")
_EXPANSION_AFTER = re.compile(r"\b(?P<short>[A-ZÅÄÖ]{2,6})\s*[,–]\s+(?P<long>[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+){1,4})\b")

_TOPICS = {
    "run_by": re.compile(r"\b(drivs av|driver|projektägare|ansvarar för|ansvarade för|i samarbete med)\b", re.I),
    "funded_by": re.compile(
        r"\b(stöds av|stött|stödda|delfinansieras|finansieras|medfinansierar|medel från|ansökt om|ESF-medel)\b", re.I
    ),
    "period": re.compile(
        r"\b(startade|start|startar|avslutas|avslutades|igång|inleddes|pågår|fram till|försenad|beräknas starta"
        r"|öppnades)\b",
        re.I,
    ),
    "goals": re.compile(r"\b(målet|målen för|målsättning\w*|syftar|syftet|riktar sig|målgrupp\w*)\b", re.I),
    "results": re.compile(r"(\d+\s*procent|\bvisar\b|\bbidragit\b|\bresultat\b|\bnöjda\b|\bmåluppfyllelse\b)", re.I),
}
_CARRIES_SUBJECT = re.compile(r"^(Det|Den|Där|Här|Projektet|Insatsen|Verksamheten|Programmet)\b")
_DESCRIBES = re.compile(r"\b(är|syftar|riktar sig|handlar om|innebär|bygger på|ett av)\b", re.I)


class _Folded(dict[str, str]):
    """fold() of each text, computed once: the same names and headings are looked at many times."""

    def __missing__(self, text: str) -> str:
        folded = self[text] = fold(text)
        return folded


@dataclass
class _Candidate:
    name: str
    aliases: set[str] = field(default_factory=set)
    part_of: str | None = None


@dataclass
class _Sentence:
    newsletter: Newsletter
    heading: str
    text: str
    folded: str  # " words of the sentence " folded, padded for whole-word search
    about: bool = False


def find_projects(newsletters: list[Newsletter], places: set[str]) -> list[Project]:
    """`places`: folded municipality and district names, which name an initiative ("Ung i Nynäs")."""
    folds = _Folded()
    paragraphs = [(n, s.heading, p) for n in newsletters for s in n.sections for p in s.paragraphs]
    headings = [s.heading for n in newsletters for s in n.sections]
    candidates = _candidates([p for _, _, p in paragraphs] + headings, headings, places, folds)
    paragraph_sentences = [
        [_Sentence(n, heading, text, f" {folds[text]} ") for text in sentences(paragraph)]
        for n, heading, paragraph in paragraphs
    ]
    paragraph_headings = [f" {folds[heading]} " for _, heading, _ in paragraphs]
    words = [w.strip(".,:;!?()[]") for _, _, p in paragraphs for w in p.split()]
    folded_words = {word: folds[word] for word in set(words)}
    owners = _Owners(candidates)
    spellings = [[c.name, *sorted(c.aliases - {c.name})] for c in candidates]
    mentions = _Mentions(spellings, folded_words)
    named = [  # the projects a paragraph's heading names, and those named in it or under it
        (mentions.of(heading), mentions.of(heading).union(*(mentions.of(s.folded) for s in paragraph)))
        for paragraph, heading in zip(paragraph_sentences, paragraph_headings, strict=True)
    ]
    counts = Counter(words)
    projects = []
    for index, (candidate, names) in enumerate(zip(candidates, spellings, strict=True)):
        project = Project(name=names[0], aliases=names[1:], part_of=candidate.part_of)
        sources: set[Source] = set()  # project.sources, to look up
        for paragraph, (in_heading, anywhere) in zip(paragraph_sentences, named, strict=True):
            if index not in anywhere:
                continue
            about = index in in_heading  # "the project" under its name
            units: list[list[_Sentence]] = []
            for position, sentence in enumerate(paragraph):
                if units and units[-1][-1] is paragraph[position - 1] and _CARRIES_SUBJECT.match(sentence.text):
                    units[-1].append(sentence)  # "Det riktar sig till ...": still about the same thing
                elif index in mentions.of(sentence.folded) or (about and " projekt" in sentence.folded):
                    units.append([sentence])
            for unit in units:
                _add_fact(project, sources, unit, owners, index)
        if project.sources:
            project.name = _usual_spelling(names, counts, folded_words)
            project.aliases = [alias for alias in names if alias != project.name]
            projects.append(project)
    return projects


def _add_fact(project: Project, sources: set[Source], unit: list[_Sentence], owners: _Owners, index: int) -> None:
    """File a unit of sentences under what it tells. Who runs or funds something is told of the
    project named last before the verb ("parallellt med MIA löper Kugghjulet, som drivs av Famna")."""
    first = unit[0]
    text = " ".join(sentence.text for sentence in unit).strip(" •-")
    source = Source(first.newsletter.id, first.heading)
    if source not in sources:
        sources.add(source)
        project.sources.append(source)
    fact = Fact(text=text, source=source, year=_year(text, first.newsletter.year))
    if _DESCRIBES.search(text) and len(project.description) < 4:
        project.description.append(fact)
    for topic, pattern in _TOPICS.items():
        match = pattern.search(text)
        if match and (
            topic not in ("run_by", "funded_by") or owners.named_before(text, match.start()) in (None, index)
        ):
            getattr(project, topic).append(fact)


class _Owners:
    """Which candidate a name written in a sentence belongs to."""

    def __init__(self, candidates: list[_Candidate]) -> None:
        self.index = {name.lower(): i for i, c in enumerate(candidates) for name in [c.name, *c.aliases]}
        names = sorted(self.index, key=len, reverse=True)
        self.pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(name)}(?![\w-])" for name in names) or "(?!)", re.I)

    def named_before(self, text: str, position: int) -> int | None:
        """The candidate named last before `position`, if any."""
        named = [match for match in self.pattern.finditer(text) if match.end() <= position]
        return self.index.get(named[-1].group(0).lower()) if named else None


class _Mentions:
    """Which projects a folded text names: a project by one of its names exactly, or for a long
    one-word name, with one misprint. Each name is looked for only in texts that have its first word."""

    def __init__(self, spellings: list[list[str]], folded_words: dict[str, str]) -> None:
        words = list(dict.fromkeys(folded_words.values()))
        self._by_first_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._wordless: list[tuple[int, str]] = []  # a name that folds to nothing
        for index, names in enumerate(spellings):
            exact = {f" {fold(name)} " for name in names}
            single = [fold(name) for name in names if " " not in fold(name) and len(name) >= 8]
            misprints = {
                f" {folded} "
                for name in single
                for folded, _, _ in process.extract(name, words, scorer=fuzz.ratio, score_cutoff=90, limit=None)
            }
            for padded in sorted(exact | misprints):
                first = padded.split()[:1]
                (self._by_first_word[first[0]] if first else self._wordless).append((index, padded))
        self._named: dict[str, set[int]] = {}

    def of(self, folded: str) -> set[int]:
        """The indices of the projects that `folded` (folded text padded with spaces) names."""
        named = self._named.get(folded)
        if named is None:
            named = {index for index, padded in self._wordless if padded in folded}
            for word in set(folded.split()):
                named.update(index for index, padded in self._by_first_word.get(word, ()) if padded in folded)
            self._named[folded] = named
        return named


def _usual_spelling(names: list[str], counts: Counter[str], folded_words: dict[str, str]) -> str:
    """The spelling of the name written most often, so that one misprint does not name a project;
    on a tie, a letter written three times in a row is the misprint."""

    def written(name: str) -> int:
        return 1 if " " in name else counts[name]

    spellings = set(names)
    if len(names) == 1 and " " not in names[0]:
        target = fold(names[0])
        spellings |= {w for w, f in folded_words.items() if w[:1].isupper() and fuzz.ratio(f, target) >= 90}
    return max(sorted(spellings), key=lambda name: (written(name), not re.search(r"(\w)\1\1", name), name == names[0]))


def _candidates(texts: list[str], headings: list[str], places: set[str], folds: _Folded) -> list[_Candidate]:
    found: list[_Candidate] = []
    keys: dict[str, str] = {}  # a name as two names are compared: folded, without spaces
    recurring: dict[str, int] = {}  # name -> how many texts name it

    def key(name: str) -> str:
        if name not in keys:
            keys[name] = folds[name].replace(" ", "")
        return keys[name]

    def same(candidate: _Candidate, name: str) -> bool:
        return any(fuzz.ratio(key(name), key(existing)) >= 90 for existing in [candidate.name, *candidate.aliases])

    def texts_naming(name: str) -> int:
        if name not in recurring:
            recurring[name] = sum(folds[name] in folds[text] for text in texts)
        return recurring[name]

    def add(name: str, alias: str | None = None, part_of: str | None = None) -> None:
        name = name.strip(" -,.")
        if len(name) < 3:
            return
        for candidate in found:
            if same(candidate, name) or (alias and same(candidate, alias)):
                candidate.aliases.update({name, *([alias] if alias else [])})
                candidate.part_of = candidate.part_of or part_of
                return
        found.append(_Candidate(name=name, aliases={alias} if alias else set(), part_of=part_of))

    acronyms: dict[str, str] = {}
    for text in texts:
        for pattern in (_EXPANSION, _EXPANSION_AFTER):
            for match in pattern.finditer(text):
                acronyms.setdefault(match.group("short"), match.group("long"))
    expansions = {long.split()[0]: (long, short) for short, long in acronyms.items()}
    for text in texts:
        possible = [pattern for pattern, needed in _WRITTEN_IN_MATCH.items() if any(part in text for part in needed)]
        for match in _PART_OF.finditer(text) if _PART_OF in possible else ():
            add(match.group("name"), part_of=match.group("parent"))
        for pattern in (_CALLED, _SUFFIXED, _MODEL, _FOUNDATION, _SO_CALLED):
            for match in pattern.finditer(text) if pattern in possible else ():
                name = match.group("name")
                if pattern is _SO_CALLED and texts_naming(name) < 3:
                    continue  # "s.k." also introduces passing terms; an initiative recurs
                if name in expansions:  # "projektet Mobilisering inför arbete, MIA"
                    name, alias = expansions[name]
                    add(alias, name)
                    continue
                add(name[0].upper() + name[1:], acronyms.get(name))
        for match in _OWNED_BY_PLACE.finditer(text):  # "Tyresös En väg in"
            if folds[text[match.start() : match.start("name")].strip()[:-1]] in places:
                add(match.group("name"))
    for heading in headings:  # an initiative named after its place, big enough for a headline
        for match in _PLACE_NAMED.finditer(heading):
            if folds[match.group("name").split()[-1]] in places:
                add(match.group("name"))
    return found


def _year(sentence: str, default: int) -> int:
    match = re.search(r"\b(20\d\d)\b", sentence)
    return int(match.group(1)) if match else default
