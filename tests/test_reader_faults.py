"""Newsletters that once crashed the build or made it write a base the bot could not load, found by
benchmarks/fuzz_reader.py and cut down to a few lines: each now builds into a base that loads (as `build-kb`
writes it) with what could be read."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.build import build
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.store import load_kb, save_kb
from bot.knowledge.vocabulary import load_vocabulary


def built(tmp_path: Path, text: str, name: str = "nyhetsbrev.txt") -> KnowledgeBase:
    """The base `build-kb` writes from this newsletter, read back as the bot reads it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    save_kb(build([path], load_vocabulary(), None).kb, tmp_path / "base")
    return load_kb(tmp_path / "base")


def test_a_title_under_a_cards_name_keeps_the_issue_it_came_from(tmp_path):
    kb = built(tmp_path, "3/2040 maj\nEbba Lundin\nKommunikatör,\n08-465 004 17\n")
    (ebba,) = kb.contacts
    assert [(role.title, role.source.issue) for role in ebba.roles] == [("kommunikatör", "2040-3")]


def test_a_time_with_more_than_59_minutes_is_not_read_as_the_meetings_time(tmp_path):
    kb = built(tmp_path, "3 | Maj 2025\n12 juni 8.30–11.90 Frukost\n")
    assert [(meeting.date.isoformat(), meeting.end) for meeting in kb.meetings] == [("2025-06-12", None)]
    kb = built(tmp_path, "nr 4 2024 okt.\n\nFrukostmöte\n\nNär: 14 december\nTid: 08.75\nVar: Tyresö\n")
    assert [(meeting.date.isoformat(), meeting.start) for meeting in kb.meetings] == [("2024-12-14", None)]


def test_a_count_of_thousands_of_digits_is_no_number_of_open_places(tmp_path):
    kb = built(tmp_path, "3 2025 maj\nLediga platser i\nJobbverket " + "9" * 5000 + ", Trappan 2\n")
    assert {place.provider: place.count for report in kb.places for place in report.places} == {"Trappan": 2}
