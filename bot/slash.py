"""A typed command ("/nästa Handen", "/NEXT@fedbot tyreso", "/foo") -> the command of the one list it names.

Telegram's own command matching knows only a-z, 0-9 and _, so "/hjälp" and "/möten" would never
reach a command handler. Every message that starts with "/" is read here instead, by Telegram and
the console alike: the name is folded (case, å/ä/ö, punctuation) and looked up among the names and
aliases of bot/texts.yaml `commands:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bot.folding import fold
from bot.knowledge.serde import KnowledgeError
from bot.knowledge.vocabulary import Vocabulary, load_vocabulary
from bot.paths import TEXTS_PATH
from bot.state import ALL
from bot.texts import Command, commands

MAX_SHOWN = 32  # characters of an unknown command repeated back to the person
MAX_ARGUMENT = 100  # characters of a command's argument; a place name is short
_SLASH = re.compile(r"/(?P<word>[^\s@]*)(?:@(?P<bot>\S*))?(?:\s+(?P<rest>.*))?", re.DOTALL)


@dataclass(frozen=True)
class Slash:
    """What a "/word[@bot] arguments" message says."""

    word: str  # the name as typed, without "/" and "@bot", at most MAX_SHOWN characters
    bot: str | None  # the bot it is addressed to, if any ("/nasta@fedbot_bot")
    args: list[str] = field(default_factory=list)
    command: Command | None = None  # None: no command of the list has that name
    lang: str | None = None  # the language of the name used ("/help": en), None for an unknown command


def argument(args: list[str]) -> str:
    """A command's argument as one string, at most MAX_ARGUMENT characters: never echoed back longer."""
    return " ".join(args)[:MAX_ARGUMENT]


def resolve_place(text: str, vocabulary: Vocabulary | None = None) -> str | None:
    """A command's place argument: the canonical municipality, ALL for "alla"/"all", None when nothing matches
    well enough. Telegram and the console alike."""
    vocabulary = vocabulary or load_vocabulary()
    return ALL if vocabulary.means_all(text) else vocabulary.resolve_municipality(text)


def read_slash(text: str) -> Slash | None:
    """The command a message names, or None when it does not start with "/"."""
    match = _SLASH.fullmatch(text.strip())
    if match is None:
        return None
    word = match.group("word")
    found = find_command(word)
    return Slash(
        word=word[:MAX_SHOWN],
        bot=match.group("bot") or None,
        args=(match.group("rest") or "").split(),
        command=found[0] if found else None,
        lang=found[1] if found else None,
    )


def find_command(word: str) -> tuple[Command, str] | None:
    """The command named `word` (any case, with or without diacritics) and the language of that name."""
    return _index().get(_folded(word))


def _folded(word: str) -> str:
    return fold(word).replace(" ", "")


@cache
def _index() -> dict[str, tuple[Command, str]]:
    """Folded name -> (command, language). Two commands may not share a name."""
    index: dict[str, tuple[Command, str]] = {}
    for command in commands():
        named = [(name, lang) for lang, name in zip(("sv", "en"), command.names, strict=True)]
        named += [(alias, lang) for lang, aliases in command.also.items() for alias in aliases]
        for name, lang in named:
            key = _folded(name)
            taken = index.get(key)
            if taken is not None and taken[0].key != command.key:
                raise KnowledgeError(f"{TEXTS_PATH}: commands: /{name} names both {taken[0].key} and {command.key}")
            if not key:
                raise KnowledgeError(f"{TEXTS_PATH}: commands: {command.key} has an empty name")
            index.setdefault(key, (command, lang))
    return index
