"""The vocabulary file: municipalities with their districts, role titles, authority words, board
positions, and the names of months and weekdays in Swedish and English."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.knowledge.serde import KnowledgeError, read_yaml
from bot.paths import VOCABULARY_PATH

_LANGUAGES = ("sv", "en")  # the order of the names in `months` and `weekdays`


@dataclass(frozen=True)
class Vocabulary:
    municipalities: dict[str, tuple[str, ...]]  # canonical name -> districts and other names
    role_titles: dict[str, str]  # Swedish title -> English
    authorities: tuple[str, ...]
    board_positions: tuple[str, ...]
    all_words: frozenset[str]  # words meaning "every municipality", folded
    role_joins: tuple[str, ...]  # "tillträder": a person takes up a role
    role_leaves: tuple[str, ...]  # "går i pension": a person leaves one
    role_takes_up: tuple[str, ...]  # "tillträder": the joins that date the start
    role_succeeds: tuple[str, ...]  # "efterträder": the name before it takes up the role of the name after
    role_past: tuple[str, ...]  # "tillträdde", "sedan": the change lies before the issue
    months: tuple[tuple[str, ...], ...]  # January first: Swedish, English, other spellings
    weekdays: tuple[tuple[str, str], ...]  # Monday first: Swedish, English
    sole_titles: frozenset[str] = frozenset()  # held by one person at a time ("förbundschef")
    place_heading_words: tuple[str, ...] = ()  # "plats", "vecka": a heading with them names no programme, folded
    acting_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # förbundschef: (tillförordnad …, …)

    def words(self) -> list[str]:
        """The words of dates, places, roles and boards a question may use."""
        names = [name for names in self.municipalities.values() for name in names] + list(self.municipalities)
        names += [word for title in self.role_titles.items() for word in title] + list(self.board_positions)
        names += list(self.authorities) + list(self.all_words)
        return names + [name for names in self.months + self.weekdays for name in names]

    def same_title(self, one: str, other: str) -> bool:
        """Whether two role titles mean the same: as written, or by their English ("t.f. förbundschef" and
        "tillförordnad förbundschef" are both "acting chief of the federation")."""
        if fold(one) == fold(other):
            return True
        english = self._titles_in_english
        return fold(one) in english and english.get(fold(one)) == english.get(fold(other))

    @cached_property
    def _titles_in_english(self) -> dict[str, str]:
        return {fold(title): fold(meaning) for title, meaning in self.role_titles.items()}

    def month_names(self, lang: str) -> tuple[str, ...]:
        """The twelve months as written in `lang` ("sv" or "en")."""
        return tuple(names[_LANGUAGES.index(lang)] for names in self.months)

    def weekday_names(self, lang: str) -> tuple[str, ...]:
        return tuple(names[_LANGUAGES.index(lang)] for names in self.weekdays)

    def month_numbers(self) -> dict[str, int]:
        """Every way of writing a month, lower case without diacritics -> its number."""
        return {fold(name): number for number, names in enumerate(self.months, start=1) for name in names}

    def resolve_municipality(self, text: str) -> str | None:
        """The municipality a short argument names ("Handen", "tyreso", "Nynashamm"), or None: a name or
        district, one inside the text, or a close misspelling (by ratio, not by the partial scorers that
        give 100 to any substring)."""
        folded = fold(text)
        if not folded:
            return None
        names = {fold(alias): name for name, aliases in self.municipalities.items() for alias in (name, *aliases)}
        if folded in names:
            return names[folded]
        found = self.municipality_of(text)
        if found:
            return found
        best = process.extractOne(folded, list(names), scorer=fuzz.ratio, score_cutoff=80)
        return names[best[0]] if best else None

    def means_all(self, text: str) -> bool:
        """ "alla", "all", "samtliga": every municipality."""
        return fold(text) in self.all_words

    def municipality_of(self, text: str) -> str | None:
        """The municipality a place name or venue lies in, by name or district, or None."""
        lowered = text.lower()
        return next((name for name, words in self._municipality_words if words.search(lowered)), None)

    def first_municipality_in(self, text: str) -> str | None:
        """The municipality a text names first ("Mötet i Tyresö ställs in; det i Haninge blir av" is Tyresö's)."""
        lowered = text.lower()
        named = [(found.start(), name) for name, words in self._municipality_words if (found := words.search(lowered))]
        return min(named)[1] if named else None

    @cached_property
    def _municipality_words(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """Each municipality with a pattern for its names as words of a lower-case text, a genitive "s" allowed
        ("Tyresös")."""
        return tuple(
            (name, re.compile(rf"(?<![^\W\d_])(?:{'|'.join(re.escape(word.lower()) for word in words)})(?![^\W\d_s])"))
            for name, aliases in self.municipalities.items()
            for words in [sorted((name, *aliases), key=len, reverse=True)]
        )


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    data = read_yaml(path)
    try:
        return Vocabulary(
            municipalities={name: tuple(aliases or ()) for name, aliases in data["municipalities"].items()},
            role_titles=dict(data["role_titles"]),
            authorities=tuple(data["authorities"]),
            board_positions=tuple(data["board_positions"]),
            all_words=frozenset(fold(str(word)) for word in data["all_words"]),
            role_joins=tuple(str(word) for word in data["role_changes"]["joins"]),
            role_leaves=tuple(str(word) for word in data["role_changes"]["leaves"]),
            role_takes_up=tuple(str(word) for word in data["role_changes"]["takes_up"]),
            role_succeeds=tuple(str(word) for word in data["role_changes"]["succeeds"]),
            role_past=tuple(str(word) for word in data["role_changes"]["past"]),
            months=_names(data["months"], 12, path, "months"),
            weekdays=_names(data["weekdays"], 7, path, "weekdays"),  # type: ignore[arg-type]
            sole_titles=frozenset(str(title).lower() for title in data.get("sole_titles") or ()),
            place_heading_words=tuple(fold(str(word)) for word in data.get("place_heading_words") or ()),
            acting_titles={
                str(title).lower(): tuple(str(acting).lower() for acting in actings)
                for title, actings in (data.get("acting_titles") or {}).items()
            },
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise KnowledgeError(
            f"{path}: needs municipalities, role_titles, authorities, board_positions, months and weekdays ({error})"
        ) from error


def _names(rows: list[list[str]], count: int, path: Path, what: str) -> tuple[tuple[str, ...], ...]:
    if len(rows) != count or any(len(row) < len(_LANGUAGES) for row in rows):
        raise KnowledgeError(f"{path}: {what} needs {count} rows, each with at least a Swedish and an English name")
    return tuple(tuple(str(name) for name in row) for row in rows)
