"""Watching open places at a provider or of a kind ("Jobbverket", "Arbetsträning"): `/bevaka`, `/watch`,
the button under an open-places answer, and ending a watch. Shared by commands and buttons.

What a chat may watch is what the newsletters name in their notices of open places, matched as
typed (case, diacritics and small typos forgiven); the alert itself is `bot.telegram.alerts`."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup
from telegram.ext import ContextTypes

from bot.folding import fold
from bot.knowledge.query import find_place_name, place_names
from bot.state import CannotWrite
from bot.telegram import keyboards
from bot.telegram.services import services
from bot.texts import say

Reply = tuple[str, InlineKeyboardMarkup | None]
MAX_LISTED = 12  # names listed in a reply, and buttons under it


def watch(chat_id: int, wanted: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> Reply:
    """Watch `wanted`; with nothing or something unknown, the names one can watch, as text and buttons."""
    svc = services(context)
    known = place_names(svc.engine.kb, svc.today())
    if not known:
        return say(lang, "no_places_to_watch"), None
    listed = ", ".join(known[:MAX_LISTED])
    choose = keyboards.watch_choices(known[:MAX_LISTED])
    if not wanted.strip():
        return say(lang, "choose_watch", example=known[0], names=listed), choose
    name = find_place_name(svc.engine.kb, svc.today(), wanted)
    if name is None:
        return say(lang, "watch_unknown", name=wanted, names=listed), choose
    try:
        added = svc.repo.watch_places(chat_id, fold(name), name, lang)
    except CannotWrite:
        return say(lang, "cannot_save"), None
    return say(lang, "watching_places" if added else "already_watching_places", name=name), None


def unwatch(chat_id: int, wanted: str, lang: str, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    """End the chat's watch of `wanted` (as typed, or a button's name); None when it watches nothing by that name."""
    svc = services(context)
    repo = svc.repo
    watched = {fold(target): target for target in repo.place_watches_of(chat_id)}
    if fold(wanted) not in watched:  # a typo: the name the newsletters spell, if the chat watches that
        wanted = find_place_name(svc.engine.kb, svc.today(), wanted) or wanted
    name = watched.get(fold(wanted))
    if name is None:
        return None
    try:
        repo.unwatch_places(chat_id, fold(name))
    except CannotWrite:
        return say(lang, "cannot_save")
    return say(lang, "unwatched_places", name=name)
