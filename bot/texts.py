"""The bot's own words, in Swedish and English, from bot/texts.yaml, with one lookup: `say`.

Facts never live there, only the sentences around them. Answers, the Telegram bot and the console
all speak through this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.knowledge.serde import KnowledgeError, read_yaml
from bot.paths import TEXTS_PATH

LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Command:
    """A command of the menu: its Swedish and English names and what it does in each language."""

    names: tuple[str, str]
    about: dict[str, str]


def say(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang` (Swedish if the language is neither), its {placeholders} filled in."""
    entry = _texts()[key]
    text = entry.get(lang) or entry["sv"]
    return text.format(**values) if values else text


def has_text(key: str) -> bool:
    return key in _texts()


def choices(lang: str, key: str) -> list[str]:
    """A "one|two|three" text as its parts."""
    return say(lang, key).split("|")


def plural(lang: str, key: str, count: int) -> str:
    """A "one|many" text, as the count needs."""
    one, many = say(lang, key).split("|")
    return one if count == 1 else many


def examples(lang: str) -> list[str]:
    """Example questions with {municipality}, {provider} or {project} to fill in from the knowledge base."""
    return list(_data()["examples"][lang if lang in LANGUAGES else "sv"])


def commands() -> list[Command]:
    return [Command((entry["sv"], entry["en"]), dict(entry["about"])) for entry in _data()["commands"]]


def language_of(code: str | None) -> str:
    """Telegram's `language_code` to the bot's language: English for English, Swedish otherwise."""
    return "en" if code and code.lower().startswith("en") else "sv"


@cache
def _data() -> dict[str, Any]:
    data = read_yaml(TEXTS_PATH)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{TEXTS_PATH}: expected texts by key")
    for key, entry in data.items():
        if key in ("examples", "commands"):
            continue
        if not isinstance(entry, dict) or not all(isinstance(entry.get(lang), str) for lang in LANGUAGES):
            raise KnowledgeError(f"{TEXTS_PATH}: line {getattr(entry, 'line', '?')}: {key} needs sv and en texts")
    return data


def _texts() -> dict[str, dict[str, str]]:
    return _data()
