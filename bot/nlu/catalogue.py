"""The phrase catalogue (bot/nlu/phrases.yaml): example questions per intent, editable as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bot.failures import BadInput
from bot.knowledge.serde import read_yaml
from bot.paths import PHRASES_PATH

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
PLACEHOLDERS = ("municipality", "provider", "group", "person", "project", "role", "date", "period")


class CatalogueError(BadInput, ValueError):
    """The phrase catalogue cannot be used; the message names the file."""


@dataclass
class Intent:
    name: str
    description: dict[str, str]  # language -> what the bot can answer, shown as a suggestion
    phrases: dict[str, list[str]]  # language -> example phrasings
    suggest: bool = True


@dataclass
class Catalogue:
    intents: dict[str, Intent]
    threshold: float
    margin: float
    scorer: str
    role_aliases: dict[str, str] = field(default_factory=dict)
    word_slots: dict[str, dict[str, str]] = field(default_factory=dict)  # slot -> word (or stem*) -> value
    language_words: dict[str, list[str]] = field(default_factory=dict)
    markers: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> words that announce it
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)  # intent -> words (or stems*) only it uses
    kind_forms: tuple[tuple[str, ...], ...] = ()  # the same word for each kind of meeting: frukostmöten, seminarier

    def with_other_kinds(self, phrase: str) -> list[str]:
        """The phrase, and the same phrase of each other kind of meeting when it names one ("kommande
        frukostmöten": "kommande seminarier")."""
        if not self.kind_forms:
            return [phrase]
        rows, pattern = self._kind_rows
        variants = [phrase]
        for column in range(len(self.kind_forms[0])):  # every row has a form of each kind

            def of_kind(found: re.Match[str], column: int = column) -> str:
                return rows[found.group(0).lower()][column]

            variants.append(pattern.sub(of_kind, phrase))
        return list(dict.fromkeys(variants))

    @cached_property
    def _kind_rows(self) -> tuple[dict[str, tuple[str, ...]], re.Pattern[str]]:
        """Each form of a kind of meeting -> its row, and a pattern finding any of them (made once)."""
        rows = {form.lower(): row for row in self.kind_forms for form in row}
        alternatives = "|".join(map(re.escape, sorted(rows, key=len, reverse=True)))
        return rows, re.compile(rf"\b({alternatives})\b", re.I)

    def words(self) -> list[str]:
        """Every phrase, keyword and slot word the intents are recognised by, in both languages."""
        found = [
            phrase for intent in self.intents.values() for phrases in intent.phrases.values() for phrase in phrases
        ]
        found += [word.rstrip("*") for words in self.keywords.values() for word in words]
        found += [word.rstrip("*") for words in self.word_slots.values() for word in words]
        return found


def split_placeholders(phrase: str) -> list[str]:
    """ "nästa möte i {municipality}" -> ["nästa möte i ", "<municipality>"]: placeholders survive folding."""
    parts: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(phrase):
        parts.append(phrase[last : match.start()])
        parts.append(f"<{match.group(1)}>")
        last = match.end()
    parts.append(phrase[last:])
    return [part for part in parts if part.strip()]


def load_catalogue(path: Path = PHRASES_PATH) -> Catalogue:
    data = read_yaml(path)  # the same limits as every YAML file the bot reads
    try:
        settings = data.get("settings", {})
        intents = {}
        for name, entry in data["intents"].items():
            phrases = {lang: [str(p) for p in entry.get(lang) or []] for lang in ("sv", "en")}
            if not any(phrases.values()):
                raise CatalogueError(f"{path}: intent {name} has no phrases")
            for phrase in phrases["sv"] + phrases["en"]:
                unknown = [found for found in _PLACEHOLDER.findall(phrase) if found not in PLACEHOLDERS]
                if unknown:
                    raise CatalogueError(
                        f"{path}: intent {name}: phrase {phrase!r} uses unknown placeholder "
                        f"{{{unknown[0]}}}; use one of {', '.join(PLACEHOLDERS)}"
                    )
            intents[name] = Intent(
                name=name,
                description=dict(entry.get("description") or {}),
                phrases=phrases,
                suggest=bool(entry.get("suggest", True)),
            )
        if not isinstance(data.get("intents"), dict):
            raise CatalogueError(f"{path}: needs `intents:` with sv/en phrase lists")
        return Catalogue(
            intents=intents,
            threshold=float(settings.get("threshold", 60)),
            margin=float(settings.get("margin", 5)),
            scorer=str(settings.get("scorer", "dice")),
            role_aliases={str(k): str(v) for k, v in (data.get("role_aliases") or {}).items()},
            word_slots={
                slot: {str(k): str(v) for k, v in (words or {}).items()}
                for slot, words in (data.get("word_slots") or {}).items()
            },
            language_words={lang: [str(w) for w in words] for lang, words in (data.get("language") or {}).items()},
            markers={kind: frozenset(str(w) for w in words) for kind, words in (data.get("markers") or {}).items()},
            keywords=_keywords(path, data.get("keywords") or {}, intents),
            kind_forms=_kind_forms(path, data.get("kind_forms") or []),
        )
    except (AttributeError, KeyError, TypeError) as error:
        raise CatalogueError(f"{path}: needs `intents:` with sv/en phrase lists ({error!r})") from error


def _keywords(path: Path, data: dict[str, list[str]], intents: dict[str, Intent]) -> dict[str, tuple[str, ...]]:
    unknown = sorted(set(data) - set(intents))
    if unknown:
        raise CatalogueError(f"{path}: keywords: no intent {unknown[0]!r}")
    return {intent: tuple(str(word) for word in words) for intent, words in data.items()}


def _kind_forms(path: Path, rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    forms = tuple(tuple(str(form) for form in row) for row in rows)
    if len({len(row) for row in forms}) > 1:
        raise CatalogueError(f"{path}: kind_forms: every row needs a form of each kind of meeting, in the same order")
    return forms
