"""The bot's own words, in Swedish and English, from bot/texts.yaml, with one lookup: `say`.

Facts never live there, only the sentences around them. Answers, the Telegram bot and the console
all speak through this module."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from bot.knowledge.serde import KnowledgeError, read_yaml
from bot.paths import TEXTS_PATH

LANGUAGES = ("sv", "en")


_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")  # what Telegram's command menu accepts


@dataclass(frozen=True)
class Command:
    """A command of the one list (texts.yaml `commands:`): what answers it, its names, what it does."""

    key: str
    names: tuple[str, str]  # Swedish, English: the names in Telegram's menu
    about: dict[str, str]  # language -> one line for /hjalp and the menu
    also: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> other names that work
    intent: str | None = None  # a command that asks this question
    place: bool = False  # ... and takes a municipality
    menu: bool = True  # in Telegram's command menu
    admin: bool = False  # for BOT_ADMIN_IDS only: in no menu and no list

    def name(self, lang: str) -> str:
        return self.names[1] if lang == "en" else self.names[0]

    @property
    def listed(self) -> bool:
        """In /hjalp's list."""
        return not self.admin


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
    """Every command, in the order of the menu and of /hjalp."""
    return list(_commands())


def command(key: str) -> Command:
    """The command `key` (KeyError for a key the list lacks)."""
    for found in _commands():
        if found.key == key:
            return found
    raise KeyError(key)


@cache
def _commands() -> tuple[Command, ...]:
    found: list[Command] = []
    for entry in _data().get("commands") or []:
        where = f"{TEXTS_PATH}: line {getattr(entry, 'line', '?')}: commands"
        try:
            made = Command(
                key=str(entry["key"]),
                names=(str(entry["sv"]), str(entry["en"])),
                about={lang: str(entry["about"][lang]) for lang in LANGUAGES},
                also={str(lang): tuple(map(str, names)) for lang, names in (entry.get("also") or {}).items()},
                intent=str(entry["intent"]) if entry.get("intent") else None,
                place=bool(entry.get("place", False)),
                menu=bool(entry.get("menu", True)),
                admin=bool(entry.get("admin", False)),
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise KnowledgeError(f"{where}: each needs key, sv, en and about (sv, en): {error!r}") from error
        bad = [name for name in made.names if not _COMMAND_NAME.fullmatch(name)]
        if bad:
            raise KnowledgeError(f"{where}: {bad[0]!r} is not a Telegram command name (a-z, 0-9, _; up to 32)")
        if made.key in {other.key for other in found}:
            raise KnowledgeError(f"{where}: key {made.key!r} twice")
        found.append(made)
    return tuple(found)


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
