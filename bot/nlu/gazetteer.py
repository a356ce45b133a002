"""Names the questions may mention, taken from the knowledge base and the vocabulary.

Each name is stored folded as a token tuple with the slot it fills and its canonical value.
Long names win over short ones; typos are forgiven with rapidfuzz for names long enough
that a near miss cannot be an ordinary word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.vocabulary import Vocabulary

# slots whose value a question can name; each also becomes a placeholder token "<slot>"
NAME_SLOTS = ("municipality", "provider", "group", "person", "project", "role", "other_place")
FUZZY_MIN_LENGTH = 6  # shorter names and words must be typed exactly ("mia", "grow"; "hände" is not "Handen")
FUZZY_CUTOFF = 84
MAX_NAME_TOKENS = 5
_PARENTHESIS = re.compile(r"\(.*?\)")


@dataclass
class Gazetteer:
    names: dict[tuple[str, ...], list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    prefixes: dict[str, tuple[str, str]] = field(default_factory=dict)  # long word stems: "arbetstraning"
    _fuzzy_keys: list[str] = field(default_factory=list)
    _fuzzy_values: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, name: str, slot: str, value: str, fuzzy: bool = True) -> None:
        key = tuple(fold(name).split())
        if not key or len(key) > MAX_NAME_TOKENS:
            return
        if (slot, value) not in self.names[key]:
            self.names[key].append((slot, value))
        joined = " ".join(key)
        if fuzzy and len(joined) >= FUZZY_MIN_LENGTH and joined not in self._fuzzy_keys:
            self._fuzzy_keys.append(joined)
            self._fuzzy_values.append(key)

    def fuzzy(self, text: str) -> tuple[tuple[str, ...], float] | None:
        if len(text) < FUZZY_MIN_LENGTH or not self._fuzzy_keys:
            return None
        found = process.extractOne(text, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return (self._fuzzy_values[found[2]], found[1]) if found else None

    def find(self, tokens: list[str], protected: set[str]) -> list[tuple[int, int, list[tuple[str, str]]]]:
        """Spans of tokens naming something. Words in `protected` are never read as a misspelt name."""
        spans = []
        i = 0
        while i < len(tokens):
            hit = self.exact_at(tokens, i) or self._near(tokens, i, protected)
            if hit:
                end, values = hit
                spans.append((i, end, values))
                i = end
            else:
                i += 1
        return spans

    def exact_at(self, tokens: list[str], i: int) -> tuple[int, list[tuple[str, str]]] | None:
        for length in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
            key = tuple(tokens[i : i + length])
            if key in self.names:
                return i + length, self.names[key]
            if length == 1 and key[0].endswith("s") and key[0][:-1] and (key[0][:-1],) in self.names:
                return i + 1, self.names[(key[0][:-1],)]  # genitive: "tyresos", "mias"
        for stem, value in self.prefixes.items():
            if tokens[i].startswith(stem):
                return i + 1, [value]
        return None

    def _near(self, tokens: list[str], i: int, protected: set[str]) -> tuple[int, list[tuple[str, str]]] | None:
        for length in (2, 1):
            words = tokens[i : i + length]
            if len(words) < length or any(word in protected or word.startswith("<") for word in words):
                continue
            found = self.fuzzy(" ".join(words))
            if found and len(found[0]) == length:
                return i + length, self.names[found[0]]
        return None


def build_gazetteer(kb: KnowledgeBase, vocabulary: Vocabulary, role_aliases: dict[str, str]) -> Gazetteer:
    gazetteer = Gazetteer()
    for name, aliases in vocabulary.municipalities.items():
        for alias in (name, *aliases):
            gazetteer.add(alias, "municipality", name)
    for title, english in vocabulary.role_titles.items():
        gazetteer.add(title, "role", title)
        if tuple(fold(english).split()) not in gazetteer.names:
            gazetteer.add(english, "role", title)
    for alias, title in role_aliases.items():
        gazetteer.add(alias, "role", title, fuzzy=False)
    ours = {fold(name) for name, aliases in vocabulary.municipalities.items() for name in (name, *aliases)}
    own = fold(kb.organisation.name or "")
    for federation in kb.organisation.federations:
        name = fold(federation.name)
        if name not in ours and name not in own and "," not in name and name not in map(fold, federation.members):
            gazetteer.add(federation.name, "other_place", federation.name, fuzzy=False)  # "VärNa", not its members
        for place in federation.members:
            if fold(place) not in ours:
                gazetteer.add(place, "other_place", place, fuzzy=False)  # Huddinge, Nacka, Stockholms stad
                first = fold(place).split()[0]
                if " " in fold(place) and len(first) >= 5:
                    gazetteer.add(first.removesuffix("s"), "other_place", place, fuzzy=False)  # "Stockholm"
    _add_providers(gazetteer, kb)
    _add_projects(gazetteer, kb)
    _add_people(gazetteer, kb)
    return gazetteer


def _add_providers(gazetteer: Gazetteer, kb: KnowledgeBase) -> None:
    providers = {place.provider for report in kb.places for place in report.places}
    groups = {place.group for report in kb.places for place in report.places if place.group}
    first_words: dict[str, set[str]] = defaultdict(set)
    for provider in providers:
        gazetteer.add(provider, "provider", provider)
        plain = _PARENTHESIS.sub(" ", provider).strip()
        if plain != provider:
            gazetteer.add(plain, "provider", provider)
        words = fold(plain).split()
        if len(words) > 1 and len(words[0]) >= 3:
            first_words[words[0]].add(provider)
    for word, owners in first_words.items():
        if len(owners) == 1:
            gazetteer.add(word, "provider", next(iter(owners)), fuzzy=False)  # "kbt" for "KBT-samtal"
    for group in groups:
        gazetteer.add(group, "group", group)
        stem = fold(group).replace(" ", "")
        if len(stem) >= 8:
            gazetteer.prefixes[stem] = ("group", group)  # "arbetstraningsplatser"


def _add_projects(gazetteer: Gazetteer, kb: KnowledgeBase) -> None:
    for project in kb.projects:
        for alias in (project.name, *project.aliases):
            gazetteer.add(alias, "project", project.name)
            plain = _PARENTHESIS.sub(" ", alias).strip()
            if plain != alias:
                gazetteer.add(plain, "project", project.name)


def _add_people(gazetteer: Gazetteer, kb: KnowledgeBase) -> None:
    people = {contact.name for contact in kb.contacts}  # organisations too: "kontakt Manscentrum"
    people |= {member.name for board in kb.boards for member in board.members if member.name}
    for meeting in kb.meetings:
        for speaker in meeting.speakers:
            name = speaker.split(",")[0].strip()
            if 2 <= len(name.split()) <= 4 and all(word[:1].isupper() for word in name.split()):
                people.add(name)
    parts: dict[str, set[str]] = defaultdict(set)
    for person in people:
        gazetteer.add(person, "person", person)
        words = fold(person).split()
        if len(words) >= 2:
            for word in (words[0], words[-1]):
                parts[word].add(person)
    for word, owners in parts.items():
        if len(owners) == 1 and len(word) >= 4:
            gazetteer.add(word, "person", next(iter(owners)), fuzzy=len(word) >= 7)
