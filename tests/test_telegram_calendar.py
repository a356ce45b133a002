"""The "add to calendar" button: an .ics document that parses back to the right Stockholm times."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from fake_bot_api import FakeBotApi
from telegram_harness import (
    HANINGE_ID,
    TYRESO_ID,
    Clock,
    build_bot,
    callback,
    local,
    running,
)

from bot.knowledge.model import Meeting, Organisation
from bot.telegram.ics import meeting_ics, meeting_uid

OURS = Organisation(name="Samordningsförbundet Exempel", website="www.exempel.se")

TZ = ZoneInfo("Europe/Stockholm")


def parse_ics(data: bytes) -> list[dict[str, tuple[dict[str, str], str]]]:
    """VEVENTs as {name: (params, value)}, after unfolding; enough of RFC 5545 to check our files."""
    text = data.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    lines = text.replace("\r\n ", "").split("\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    events, current = [], None
    for line in filter(None, lines):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            head, _, value = line.partition(":")
            name, *params = head.split(";")
            current[name] = (dict(p.split("=", 1) for p in params), value)
    return events


def when(prop: tuple[dict[str, str], str]) -> datetime:
    params, value = prop
    if value.endswith("Z"):
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=ZoneInfo(params["TZID"]))


async def test_calendar_button_sends_an_ics_file_with_stockholm_times_and_a_stable_uid(tmp_path):
    with FakeBotApi() as api:
        async with running(build_bot(api, tmp_path / "db.sqlite3", Clock(local(2019, 3, 20, 10)))):
            api.queue_update(callback(42, f"ics|{HANINGE_ID}"))
            api.queue_update(callback(42, f"ics|{HANINGE_ID}", lang="en"))
            first, second = await api.wait_for("sendDocument", 2, chat_id=42)
            await api.wait_for("answerCallbackQuery", 2)
    filename, data = first.files["document"]
    assert filename.endswith(".ics")
    [event] = parse_ics(data)
    assert event["DTSTART"][0]["TZID"] == "Europe/Stockholm"
    assert when(event["DTSTART"]) == datetime(2019, 3, 28, 7, 0, tzinfo=UTC)  # 08:00 CET
    assert when(event["DTEND"]) == datetime(2019, 3, 28, 8, 30, tzinfo=UTC)
    assert "Handens bibliotek" in event["LOCATION"][1]
    assert "BEGIN:VTIMEZONE" in data.decode() and "TZID:Europe/Stockholm" in data.decode()
    [again] = parse_ics(second.files["document"][1])
    assert again["UID"] == event["UID"] == ({}, f"{HANINGE_ID}@fedbot.invalid")  # a base without a website


def test_summer_time_meeting_is_at_local_time():
    meeting = Meeting("frukostmöte-2019-05-16", "frukostmöte", date(2019, 5, 16), start="08:30", end="10:00")
    [event] = parse_ics(meeting_ics(meeting, OURS, TZ, datetime(2019, 5, 1, tzinfo=UTC)))
    assert when(event["DTSTART"]) == datetime(2019, 5, 16, 6, 30, tzinfo=UTC)  # 08:30 CEST


def test_meeting_without_a_time_is_an_all_day_event():
    meeting = Meeting(TYRESO_ID, "frukostmöte", date(2019, 4, 4), venue="Tyresö kommunhus")
    [event] = parse_ics(meeting_ics(meeting, OURS, TZ, datetime(2019, 3, 1, tzinfo=UTC)))
    assert event["DTSTART"] == ({"VALUE": "DATE"}, "20190404")
    assert event["DTEND"] == ({"VALUE": "DATE"}, "20190405")


def test_other_time_zones_get_utc_times_and_text_is_escaped_and_folded():
    meeting = Meeting(
        "seminarium-2019-06-01",
        "seminarium",
        date(2019, 6, 1),
        start="13:00",
        topic="Arbete, hälsa; och " + "långa ord " * 20,
        venue="Sal A\nPlan 2",
    )
    data = meeting_ics(meeting, OURS, ZoneInfo("UTC"), datetime(2019, 5, 1, tzinfo=UTC), description="Anmälan: a@b.se")
    [event] = parse_ics(data)
    assert event["DTSTART"] == ({}, "20190601T130000Z")
    assert when(event["DTEND"]) - when(event["DTSTART"]) == timedelta(hours=1)
    assert event["SUMMARY"][1].startswith("Seminarium: Arbete\\, hälsa\\; och")
    assert event["LOCATION"][1] == "Sal A\\nPlan 2"
    assert event["UID"][1] == meeting_uid(meeting, OURS) == "seminarium-2019-06-01@exempel.se"
    assert "PRODID:-//Samordningsförbundet Exempel//fedbot//SV" in data.decode()  # the base's own name
