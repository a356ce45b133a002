"""A command argument ("Handen", "tyreso", "alla") to a canonical municipality name, or ALL."""

from __future__ import annotations

from bot.knowledge.vocabulary import load_vocabulary
from bot.state import ALL
from bot.texts import say


def municipalities() -> list[str]:
    return list(load_vocabulary().municipalities)


def resolve_place(text: str) -> str | None:
    """Canonical municipality, ALL for "alla"/"all", None when nothing matches well enough."""
    vocabulary = load_vocabulary()
    return ALL if vocabulary.means_all(text) else vocabulary.resolve_municipality(text)


def place_label(place: str, lang: str) -> str:
    return say(lang, "all_municipalities") if place == ALL else place
