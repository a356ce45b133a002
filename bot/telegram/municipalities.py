"""A command argument ("Handen", "tyreso", "alla") to a canonical municipality name, or ALL."""

from __future__ import annotations

from bot.knowledge.vocabulary import load_vocabulary
from bot.slash import resolve_place
from bot.state import ALL
from bot.texts import say

__all__ = ["municipalities", "place_label", "resolve_place"]


def municipalities() -> list[str]:
    return list(load_vocabulary().municipalities)


def place_label(place: str, lang: str) -> str:
    return say(lang, "all_municipalities") if place == ALL else place
