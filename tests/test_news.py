"""The difference between the knowledge base last announced and the one known now (bot.knowledge.news), and how
an alert words it (bot.answers.alerts): the cases the end-to-end tests do not reach."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bot.answers.alerts import MAX_LINES, meetings_alert, places_alert
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.news import (
    CANCELLED,
    CHANGED,
    MOVED,
    NEW,
    MeetingFact,
    News,
    PlacesFact,
    Snapshot,
    SnapshotUnreadable,
    diff,
)

TODAY = date(2024, 3, 1)
HANINGE = MeetingFact("frukostmöte-2024-03-15", "frukostmöte", "2024-03-15", "Haninge", "Samverkan", issue="2024-1")


def meetings(*facts: MeetingFact) -> Snapshot:
    return Snapshot(meetings={fact.id: fact for fact in facts})


def places(*facts: PlacesFact) -> Snapshot:
    return Snapshot(places={fact.name.lower(): fact for fact in facts})


def test_nothing_changed_is_no_news_and_a_meeting_in_the_past_is_never_news():
    assert not diff(meetings(HANINGE), meetings(HANINGE), TODAY)
    held = MeetingFact("frukostmöte-2024-02-09", "frukostmöte", "2024-02-09", "Tyresö", issue="2024-1")
    assert not diff(meetings(HANINGE), meetings(HANINGE, held), TODAY)  # a report of a meeting held
    assert not diff(meetings(HANINGE), meetings(dataclasses.replace(HANINGE, status=CANCELLED)), date(2024, 3, 16))


def test_a_move_to_a_day_still_to_be_announced_is_news_of_the_old_day():
    moved = dataclasses.replace(HANINGE, status=MOVED, issue="2024-2")
    [item] = diff(meetings(HANINGE), meetings(moved), TODAY).meetings
    assert (item.what, item.meeting, item.before) == (MOVED, moved, HANINGE)
    text = meetings_alert([item], ["Haninge"], KnowledgeBase(), "sv")
    assert "Flyttat från fredag 15 mars 2024 till ett datum som meddelas senare" in text


def test_a_meeting_moved_to_another_municipality_is_news_where_it_was_and_where_it_is():
    moved = dataclasses.replace(HANINGE, municipality="Nynäshamn", venue="Folkets hus")
    [item] = diff(meetings(HANINGE), meetings(moved), TODAY).meetings
    assert item.what == CHANGED and item.municipalities == {"Haninge", "Nynäshamn"}
    assert meetings_alert([item], ["Haninge"], KnowledgeBase(), "en").splitlines()[1] == (
        "• Changed: Breakfast meeting Friday 15 March 2024 in Nynäshamn – now in Nynäshamn (before, Haninge); "
        "new venue: Folkets hus"
    )


def test_a_meeting_no_longer_given_a_topic_is_no_news_and_a_cancelled_one_standing_again_is():
    assert not diff(meetings(HANINGE), meetings(dataclasses.replace(HANINGE, topic=None)), TODAY)
    cancelled = dataclasses.replace(HANINGE, status=CANCELLED)
    [item] = diff(meetings(cancelled), meetings(HANINGE), TODAY).meetings
    assert item.what == NEW


def test_open_places_are_news_when_a_newer_notice_reports_some_or_a_different_count():
    january = PlacesFact("Grow", 2, programme="MIA", as_of="2024-01-31", issue="2024-1")
    same_again = dataclasses.replace(january, as_of="2024-02-29", issue="2024-2")
    none_now = dataclasses.replace(same_again, count=0)
    assert not diff(places(january), places(january), TODAY)  # the same notice: nothing new
    assert [item.now for item in diff(places(january), places(same_again), TODAY).places] == [same_again]
    assert [item.now for item in diff(places(january), places(none_now), TODAY).places] == [none_now]
    assert not diff(places(dataclasses.replace(january, count=0)), places(none_now), TODAY)  # none, still none
    assert not diff(Snapshot(), places(none_now), TODAY)  # first heard of, with none


def test_snapshots_and_news_survive_their_json_and_a_damaged_one_is_refused():
    kind = PlacesFact("Arbetsträning", 5, (("Jobbverket", 3), ("Grow", 2)), "MIA", "2024-02-29", "i slutet av februari")
    snapshot = Snapshot({HANINGE.id: HANINGE}, {"arbetstraning": kind})
    assert Snapshot.decode(snapshot.encode()) == snapshot
    found = diff(Snapshot(), snapshot, TODAY)
    assert News.decode(found.encode()) == found
    with pytest.raises(SnapshotUnreadable):
        Snapshot.decode({"meeting:x": '{"id": "x", "colour": "red"}'})
    with pytest.raises(SnapshotUnreadable):
        News.decode("[]")


def test_an_alert_about_many_meetings_stays_short_and_a_kind_of_place_names_its_providers():
    many = [
        dataclasses.replace(HANINGE, id=f"frukostmöte-2024-04-{day:02}", date=f"2024-04-{day:02}")
        for day in range(1, 21)
    ]
    found = diff(Snapshot(), meetings(*many), TODAY)
    text = meetings_alert(found.meetings, ["alla kommuner"], KnowledgeBase(), "sv")
    lines = text.splitlines()  # the lead, the lines, how many more, the source
    assert len(lines) == 1 + MAX_LINES + 2 and lines[-2] == "… och 5 till." and len(text) < 4096
    kind = PlacesFact("Arbetsträning", 5, (("Jobbverket", 3), ("Grow", 2)), "MIA", "2024-02-29", "i slutet av februari")
    [item] = diff(Snapshot(), places(kind), TODAY).places
    assert places_alert([item], KnowledgeBase(), "sv").splitlines()[1] == (
        "Arbetsträning: 5 lediga platser i MIA i slutet av februari 2024 (Jobbverket 3, Grow 2)."
    )
