"""Inline keyboards and their callback data ("<action>|<argument>", at most 64 bytes)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.knowledge.model import Meeting
from bot.state import ALL
from bot.texts import say

ASK = "i"  # i|<intent>|<municipality or empty>: answer an intent
QUESTION = "q"  # q|<text>: answer a choice as if typed
SUBSCRIBE = "sub"
UNSUBSCRIBE = "unsub"
REMIND = "rem"
CALENDAR = "ics"
MENU_SUBSCRIBE = "subm"
FORGET = "del"  # del|yes or del|no: the answer to /radera's question
WATCH = "bev"  # bev|<provider or kind of place>: watch for open places there
UNWATCH = "ubev"
MENU_WATCH = "bevm"  # the chooser of providers to watch
MAX_DATA = 64  # bytes, Telegram's limit


def pack(*parts: str) -> str | None:
    data = "|".join(parts)
    return data if len(data.encode("utf-8")) <= MAX_DATA else None


class BadButton(ValueError):
    """Callback data this bot never made (forged, or from an older version); `reason` is safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_INTENT = re.compile(r"[a-z][a-z_]{0,39}")
_PLACE = re.compile(r"[^\W\d_][\w .'-]{0,39}")  # a municipality (or district) name, or "alla"
_PLACE_OR_NONE = re.compile(rf"(?:{_PLACE.pattern})?")
_MEETING = re.compile(r"[\w-]{1,60}")  # e.g. frukostmöte-2019-03-28
_YES_NO = re.compile(r"yes|no")
_CHOICE = re.compile(r"[^\x00-\x1f\x7f]*\S[^\x00-\x1f\x7f]*")  # one line of text, not blank
_TARGET = re.compile(r"\w[^|\x00-\x1f\x7f]{0,59}")  # a provider or kind of place ("Case Management", "KBT-samtal")
# Each action and the shape of each of its arguments, as pack() was called for it above.
SHAPES: dict[str, tuple[re.Pattern[str], ...]] = {
    ASK: (_INTENT, _PLACE_OR_NONE),
    QUESTION: (_CHOICE,),
    SUBSCRIBE: (_PLACE,),
    UNSUBSCRIBE: (_PLACE,),
    REMIND: (_MEETING,),
    CALENDAR: (_MEETING,),
    MENU_SUBSCRIBE: (),
    FORGET: (_YES_NO,),
    WATCH: (_TARGET,),
    UNWATCH: (_TARGET,),
    MENU_WATCH: (),
}


def parse(data: str | None) -> tuple[str, list[str]]:
    """(action, arguments) of callback data this bot could have made; else BadButton saying why.

    Checked before any work: Telegram caps what it delivers at 64 bytes, but the data comes from
    the person's client and a modified client can send anything."""
    if not data:
        raise BadButton("empty")
    if len(data.encode("utf-8")) > MAX_DATA:
        raise BadButton("too_long")
    action, *args = data.split("|")
    shapes = SHAPES.get(action)
    if shapes is None:
        raise BadButton("unknown_action")
    if len(args) != len(shapes):
        raise BadButton("wrong_arguments")
    if not all(shape.fullmatch(arg) for shape, arg in zip(shapes, args, strict=True)):
        raise BadButton("malformed")
    return action, args


def _button(label: str, *parts: str) -> InlineKeyboardButton | None:
    data = pack(*parts)
    return InlineKeyboardButton(label, callback_data=data) if data else None


def _markup(rows: Sequence[Sequence[InlineKeyboardButton | None]]) -> InlineKeyboardMarkup | None:
    cleaned = [[b for b in row if b is not None] for row in rows]
    cleaned = [row for row in cleaned if row]
    return InlineKeyboardMarkup(cleaned) if cleaned else None


def main_menu(lang: str) -> InlineKeyboardMarkup | None:
    return _markup(
        [
            [
                _button(say(lang, "menu_next"), ASK, "next_meeting", ""),
                _button(say(lang, "menu_meetings"), ASK, "upcoming_meetings", ""),
            ],
            [
                _button(say(lang, "menu_places"), ASK, "open_places", ""),
                _button(say(lang, "menu_contact"), ASK, "contacts", ""),
            ],
            [_button(say(lang, "menu_subscribe"), MENU_SUBSCRIBE)],
        ]
    )


def forget_confirm(lang: str) -> InlineKeyboardMarkup | None:
    """/radera's question: delete everything about this chat, or keep it."""
    return _markup([[_button(say(lang, "forget_yes"), FORGET, "yes"), _button(say(lang, "forget_no"), FORGET, "no")]])


def places(
    action: str, names: Sequence[str], lang: str, intent: str | None = None, with_all: bool = False
) -> InlineKeyboardMarkup | None:
    """One button per municipality, answering `intent` (ASK) or (un)subscribing."""

    def button(name: str, label: str) -> InlineKeyboardButton | None:
        return _button(label, ASK, intent, name) if action == ASK and intent else _button(label, action, name)

    buttons = [button(name, name if name != ALL else say(lang, "all")) for name in names]
    if with_all:
        buttons.append(button(ALL, say(lang, "all")))
    return _markup([buttons[i : i + 3] for i in range(0, len(buttons), 3)])


def watch_choices(names: Sequence[str]) -> InlineKeyboardMarkup | None:
    """One button per provider or kind of place, to watch it."""
    buttons = [_button(name, WATCH, name) for name in names]
    return _markup([buttons[i : i + 3] for i in range(0, len(buttons), 3)])


def unsubscribe_choices(subscribed: Sequence[str], watched: Sequence[str], lang: str) -> InlineKeyboardMarkup | None:
    """The chat's subscriptions and "all", then its watches of open places, each a button ending it."""
    rows = places(UNSUBSCRIBE, subscribed, lang, with_all=True)
    ends = [_button(say(lang, "unwatch_button", name=name), UNWATCH, name) for name in watched]
    return _markup([*(rows.inline_keyboard if rows else ()), *(ends[i : i + 3] for i in range(0, len(ends), 3))])


def for_reply(reply: Any, lang: str) -> InlineKeyboardMarkup | None:
    """Buttons under an engine answer: its choices, remind/calendar for the meetings it is about, or watching
    the open places it is about."""
    if reply.choices:
        if reply.intent:
            return places(ASK, list(reply.choices), lang, intent=reply.intent)
        return _markup([[_button(choice, QUESTION, choice) for choice in reply.choices]])
    watch: list[str] = list(getattr(reply, "watch", []))
    if watch and not reply.meetings:
        if len(watch) == 1:
            return _markup([[_button(say(lang, "watch_button", name=watch[0]), WATCH, watch[0])]])
        return _markup([[_button(say(lang, "watch_menu_button"), MENU_WATCH)]])
    meetings: list[Meeting] = list(reply.meetings)[:5]
    if not meetings:
        return None
    if len(meetings) == 1:
        only = meetings[0]
        return _markup(
            [[_button(say(lang, "remind_me"), REMIND, only.id), _button(say(lang, "calendar"), CALENDAR, only.id)]]
        )
    rows = []
    for meeting in meetings:
        label = f"{meeting.date.day}/{meeting.date.month}" + (
            f" {meeting.municipality}" if meeting.municipality else ""
        )
        rows.append([_button(f"🔔 {label}", REMIND, meeting.id), _button(f"📅 {label}", CALENDAR, meeting.id)])
    return _markup(rows)
