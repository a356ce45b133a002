"""What a question asks: an intent and its slots, the one contract between understanding and answers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from typing import Any

from bot.nlu.dates import When


@dataclass(frozen=True)
class Slots:
    """What a question names. Names are canonical (from the knowledge base and the vocabulary);
    what the bot does not know is kept as written, so an answer can say so honestly."""

    # names found in the question
    municipality: str | None = None
    other_place: str | None = None  # a place outside the federation
    provider: str | None = None
    group: str | None = None  # a kind of open place
    person: str | None = None
    project: str | None = None
    role: str | None = None
    when: When | None = None
    topic: tuple[str, ...] = ()  # what a meeting is about ("mötet om tillit"), as written
    unknown_owner: str | None = None  # an organisation the newsletters do not cover ("chef för X"), as written
    # words of the phrase catalogue's `word_slots`
    kind: str | None = None  # frukostmöte, seminarium
    aspect: str | None = None  # of a meeting: speakers, time, place, ...
    project_aspect: str | None = None  # of a project: goals, results, ...
    reach: str | None = None  # of a person: phone or email
    ask_place: bool = False  # "min kommun": the municipality matters but was not named
    county: bool = False  # the whole county ("länet")
    unsubscribe: bool = False
    succession: bool = False  # "vem efterträder X?", "who replaces X?": who comes after X in X's role
    called_off: bool = False  # "vilka möten är inställda?": a question about meetings called off
    # set by the conversation or the answers, not by words
    meeting_id: str | None = None  # the meeting the conversation is about
    position: str | None = None  # a board position (ordförande, vice ordförande, ...)

    def replace(self, **changes: Any) -> Slots:
        return dataclasses.replace(self, **changes)

    def named(self) -> dict[str, Any]:
        """The slots that are set, by name."""
        return {
            item.name: getattr(self, item.name) for item in fields(self) if getattr(self, item.name) != item.default
        }

    def followed_by(self, new: Slots) -> Slots:
        """A follow-up ("och i Tyresö?", "vem talar?"): a subject it names replaces every earlier
        subject; what it does not name carries over from the conversation."""
        changes = new.named()
        base = self
        if any(name in changes for name in SUBJECTS):
            base = dataclasses.replace(self, **{name: _DEFAULTS[name] for name in SUBJECTS})
        return dataclasses.replace(base, **{"ask_place": False, **changes})

    @classmethod
    def of(cls, found: dict[str, Any]) -> Slots:
        """Slots from what a reader found; a flag (`ask_place`, `county`, ...) is set by any value."""
        unknown = set(found) - set(_DEFAULTS)
        if unknown:
            raise ValueError(f"unknown slot {sorted(unknown)[0]!r} (known: {', '.join(_DEFAULTS)})")
        values: dict[str, Any] = {
            name: bool(value) if isinstance(_DEFAULTS[name], bool) else value for name, value in found.items()
        }
        return cls(**values)


_DEFAULTS: dict[str, Any] = {item.name: item.default for item in fields(Slots)}
# slots that say what a question is about: a follow-up naming one replaces all of them
SUBJECTS = (
    "municipality",
    "other_place",
    "provider",
    "group",
    "person",
    "project",
    "role",
    "when",
    "meeting_id",
    "topic",
)
SLOT_NAMES = frozenset(_DEFAULTS)


@dataclass(frozen=True)
class Question:
    """An understood question: `intent` None when nothing matched well enough."""

    intent: str | None
    slots: Slots = Slots()
