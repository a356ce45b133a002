"""One meeting from what several issues said of it: the later issue wins, field by field."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from bot.knowledge.model import Meeting, MeetingVersion

_IDENTITY = {"id", "kind", "date", "sources", "statements"}  # what no single issue's statement changes
_STATED = [item.name for item in dataclasses.fields(Meeting) if item.name not in _IDENTITY]
if set(_STATED) != {item.name for item in dataclasses.fields(MeetingVersion)} - {"source"}:
    # Every field a statement can make must be kept per statement and merged: never one without the other.
    raise TypeError("Meeting and MeetingVersion must state the same fields (besides id, kind, date and sources)")


def version_of(meeting: Meeting) -> MeetingVersion:
    """What a single-source meeting statement said, kept beside the merged meeting."""
    return MeetingVersion(source=meeting.sources[-1], **{name: getattr(meeting, name) for name in _STATED})


def meeting_from(version: MeetingVersion, template: Meeting) -> Meeting:
    return dataclasses.replace(
        template,
        sources=[version.source],
        statements=[],
        **{name: getattr(version, name) for name in _STATED},
    )


def merge_statements(statements: list[Meeting]) -> Meeting:
    """Merge single-source statements about one meeting, the weakest first (reports of a meeting
    held, then announcements oldest first).

    A later statement overrides every field it states. When it moves the meeting to another
    municipality, the earlier venue no longer holds and is dropped unless restated.
    """
    merged = dataclasses.replace(statements[0], sources=list(statements[0].sources), statements=[])
    for later in statements[1:]:
        moved = later.municipality and merged.municipality and later.municipality != merged.municipality
        updates = {name: getattr(later, name) for name in _STATED if getattr(later, name) not in (None, [], False)}
        if moved and "venue" not in updates:
            updates["venue"] = None
        merged = dataclasses.replace(merged, **updates)
        merged.sources = merged.sources + list(later.sources)
    if len(statements) > 1:
        merged.statements = [version_of(statement) for statement in statements]
    return merged


def restate(meeting: Meeting, is_published: Callable[[str], bool]) -> Meeting | None:
    """The meeting as known from the issues for which `is_published(issue_id)` holds, or None."""
    if all(is_published(source.issue) for source in meeting.sources):
        return meeting
    known = [meeting_from(version, meeting) for version in meeting.statements if is_published(version.source.issue)]
    return merge_statements(known) if known else None
