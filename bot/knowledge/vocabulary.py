"""The vocabulary file: municipalities with their districts, role titles, authority words."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.knowledge.serde import KnowledgeError, read_yaml
from bot.knowledge.store import PROJECT_ROOT

VOCABULARY_PATH = PROJECT_ROOT / "knowledge" / "vocabulary.yaml"


@dataclass(frozen=True)
class Vocabulary:
    municipalities: dict[str, tuple[str, ...]]  # canonical name -> districts and other names
    role_titles: dict[str, str]  # Swedish title -> English
    authorities: tuple[str, ...]

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
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise KnowledgeError(f"{path}: needs municipalities, role_titles and authorities ({error})") from error
