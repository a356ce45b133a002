"""The vocabulary file: municipalities with their districts, role titles, authority words, board
positions, and the names of months and weekdays in Swedish and English."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
    months: tuple[tuple[str, ...], ...]  # January first: Swedish, English, other spellings
    weekdays: tuple[tuple[str, str], ...]  # Monday first: Swedish, English

    def month_names(self, lang: str) -> tuple[str, ...]:
        """The twelve months as written in `lang` ("sv" or "en")."""
        return tuple(names[_LANGUAGES.index(lang)] for names in self.months)

    def weekday_names(self, lang: str) -> tuple[str, ...]:
        return tuple(names[_LANGUAGES.index(lang)] for names in self.weekdays)

    def month_numbers(self) -> dict[str, int]:
        """Every way of writing a month, lower case without diacritics -> its number."""
        return {fold(name): number for number, names in enumerate(self.months, start=1) for name in names}

    def municipality_of(self, text: str) -> str | None:
        """The municipality a place name or venue lies in, by name or district, or None."""
        lowered = text.lower()
        for name, aliases in self.municipalities.items():
            for candidate in (name, *aliases):
                if _has_word(lowered, candidate.lower()):
                    return name
        return None


def _has_word(text: str, word: str) -> bool:
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        if not before.isalpha() and (end == len(text) or not text[end].isalpha() or text[end] == "s"):
            return True
        start = text.find(word, start + 1)
    return False


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    data = read_yaml(path)
    try:
        return Vocabulary(
            municipalities={name: tuple(aliases or ()) for name, aliases in data["municipalities"].items()},
            role_titles=dict(data["role_titles"]),
            authorities=tuple(data["authorities"]),
            board_positions=tuple(data["board_positions"]),
            months=_names(data["months"], 12, path, "months"),
            weekdays=_names(data["weekdays"], 7, path, "weekdays"),  # type: ignore[arg-type]
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise KnowledgeError(
            f"{path}: needs municipalities, role_titles, authorities, board_positions, months and weekdays ({error})"
        ) from error


def _names(rows: list[list[str]], count: int, path: Path, what: str) -> tuple[tuple[str, ...], ...]:
    if len(rows) != count or any(len(row) < len(_LANGUAGES) for row in rows):
        raise KnowledgeError(f"{path}: {what} needs {count} rows, each with at least a Swedish and an English name")
    return tuple(tuple(str(name) for name in row) for row in rows)
