"""Projects and initiatives: names found where the text calls something a project, a part of one,
a method or a model; then every sentence that mentions a name, sorted into what it tells."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.ingest.document import Newsletter
from bot.knowledge.model import Fact, Project, Source
from bot.text import fold

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
_EXPANSION = re.compile(r"\b(?P<long>[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+){1,4})[,–]\s+(?P<short>[A-ZÅÄÖ]{2,6})\b")
_EXPANSION_AFTER = re.compile(r"\b(?P<short>[A-ZÅÄÖ]{2,6})\s*[,–]\s+(?P<long>[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+){1,4})\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ–•-])")

_TOPICS = {
    "run_by": re.compile(r"\b(drivs av|driver|projektägare|ansvarar för|ansvarade för|i samarbete med)\b", re.I),
    "funded_by": re.compile(r"\b(stöds av|stött|stödda|delfinansieras|finansieras|medfinansierar|medel från|ansökt om|ESF-medel)\b", re.I),
    "period": re.compile(r"\b(startade|start|startar|avslutas|avslutades|igång|inleddes|pågår|fram till|försenad|beräknas starta|öppnades)\b", re.I),
    "goals": re.compile(r"\b(mål(et|en)?|syftar|syftet|riktar sig|målgrupp)\b", re.I),
    "results": re.compile(r"(\d+\s*procent|\bvisar\b|\bbidragit\b|\bresultat\b|\bnöjda\b|\bmåluppfyllelse\b)", re.I),
}
_CARRIES_SUBJECT = re.compile(r"^(Det|Den|Där|Här|Projektet|Insatsen|Verksamheten|Programmet)\b")
_DESCRIBES = re.compile(r"\b(är|syftar|riktar sig|handlar om|innebär|bygger på|ett av)\b", re.I)


@dataclass
class _Candidate:
    name: str
    aliases: set[str] = field(default_factory=set)
    part_of: str | None = None


def find_projects(newsletters: list[Newsletter], places: set[str]) -> list[Project]:
    """`places`: folded municipality and district names, which name an initiative ("Ung i Nynäs")."""
    texts = [(newsletter, section.heading, paragraph) for newsletter in newsletters
             for section in newsletter.sections for paragraph in section.paragraphs]
    headings = [s.heading for n in newsletters for s in n.sections]
    candidates = _candidates([paragraph for _, _, paragraph in texts] + headings, headings, places)
    projects = []
    for candidate in candidates:
        project = Project(name=candidate.name, aliases=sorted(candidate.aliases - {candidate.name}), part_of=candidate.part_of)
        names = [candidate.name, *candidate.aliases]
        for newsletter, heading, paragraph in texts:
            source = Source(newsletter.id, heading)
            subject = False
            about = _mentions(heading, names)  # "the project" in an article headed by its name
            for sentence in _SENTENCE_END.split(paragraph):
                subject = (
                    _mentions(sentence, names)
                    or (about and "projekt" in fold(sentence))
                    or (subject and bool(_CARRIES_SUBJECT.match(sentence)))
                )
                if not subject:
                    continue
                if source not in project.sources:
                    project.sources.append(source)
                fact = Fact(text=sentence.strip(" •-"), source=source, year=_year(sentence, newsletter.year))
                if _DESCRIBES.search(sentence) and len(project.description) < 4:
                    project.description.append(fact)
                for topic, pattern in _TOPICS.items():
                    if pattern.search(sentence):
                        getattr(project, topic).append(fact)
        if project.sources:
            project.name = _usual_spelling(project, [p for _, _, p in texts])
            project.aliases = [alias for alias in project.aliases if alias != project.name]
            projects.append(project)
    return projects


def _usual_spelling(project: Project, texts: list[str]) -> str:
    """The spelling of the name used most often, so that one misprint does not name a project."""
    spellings = [project.name, *project.aliases]
    counts = {name: sum(text.count(name) for text in texts) for name in spellings}
    best = max(spellings, key=lambda name: counts[name])
    if counts[best] > 1 or len(spellings) == 1:
        words = [w.strip(".,:;!?()[]") for text in texts for w in text.split()]
        similar = [w for w in words if " " not in project.name and w and fuzz.ratio(fold(w), fold(project.name)) >= 90]
        if similar:
            # on a tie, a letter written three times in a row is the misprint
            return max(set(similar), key=lambda w: (similar.count(w), not re.search(r"(\w)\1\1", w)))
    return best


def _candidates(texts: list[str], headings: list[str], places: set[str]) -> list[_Candidate]:
    found: list[_Candidate] = []

    def add(name: str, alias: str | None = None, part_of: str | None = None) -> None:
        name = name.strip(" -,.")
        if len(name) < 3:
            return
        for candidate in found:
            if _same(candidate, name) or (alias and _same(candidate, alias)):
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
        for match in _PART_OF.finditer(text):
            add(match.group("name"), part_of=match.group("parent"))
        for pattern in (_CALLED, _SUFFIXED, _MODEL, _FOUNDATION, _SO_CALLED):
            for match in pattern.finditer(text):
                name = match.group("name")
                if pattern is _SO_CALLED and sum(fold(name) in fold(t) for t in texts) < 3:
                    continue  # "s.k." also introduces passing terms; an initiative recurs
                if name in expansions:  # "projektet Mobilisering inför arbete, MIA"
                    name, alias = expansions[name]
                    add(alias, name)
                    continue
                add(name[0].upper() + name[1:], acronyms.get(name))
        for match in _OWNED_BY_PLACE.finditer(text):  # "Tyresös En väg in"
            if fold(text[match.start():match.start("name")].strip()[:-1]) in places:
                add(match.group("name"))
    for heading in headings:  # an initiative named after its place, big enough for a headline
        for match in _PLACE_NAMED.finditer(heading):
            if fold(match.group("name").split()[-1]) in places:
                add(match.group("name"))
    return found


def _same(candidate: _Candidate, name: str) -> bool:
    folded = fold(name).replace(" ", "")
    return any(
        fuzz.ratio(folded, fold(existing).replace(" ", "")) >= 90
        for existing in [candidate.name, *candidate.aliases]
    )


def _mentions(sentence: str, names: list[str]) -> bool:
    folded = f" {fold(sentence)} "
    if any(f" {fold(name)} " in folded or f" {fold(name)}" in folded.replace("-", " ") for name in names):
        return True
    words = folded.split()
    return any(  # a one-word name misprinted once ("Kuggghjulet")
        fuzz.ratio(fold(name), word) >= 90 for name in names if " " not in fold(name) and len(name) >= 8 for word in words
    )


def _year(sentence: str, default: int) -> int:
    match = re.search(r"\b(20\d\d)\b", sentence)
    return int(match.group(1)) if match else default
