"""A command argument ("Handen", "tyreso", "alla") to a canonical municipality name, or ALL."""
from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.knowledge.vocabulary import load_vocabulary
from bot.state import ALL
from bot.texts import say

_ALL_WORDS = {"alla", "all", "allt", "samtliga", "every", "everything"}


def municipalities() -> list[str]:
    return list(load_vocabulary().municipalities)


def resolve_place(text: str) -> str | None:
    """Canonical municipality, ALL for "alla"/"all", None when nothing matches well enough."""
    folded = fold(text)
    if not folded:
        return None
    if folded in _ALL_WORDS:
        return ALL
    vocabulary = load_vocabulary()
    names = {fold(alias): name for name, aliases in vocabulary.municipalities.items() for alias in (name, *aliases)}
    if folded in names:
        return names[folded]
    found = vocabulary.municipality_of(text)
    if found:
        return found
    # Typos ("Nynashamm"): ratio, not partial/token_set scorers that give 100 to any substring.
    best = process.extractOne(folded, list(names), scorer=fuzz.ratio, score_cutoff=80)
    return names[best[0]] if best else None


def place_label(place: str, lang: str) -> str:
    return say(lang, "all_municipalities") if place == ALL else place
