"""A meeting as an iCalendar (.ics) file, RFC 5545: local times with a VTIMEZONE, a stable UID.

Times are written as local Europe/Stockholm wall-clock times with TZID, and the VTIMEZONE says
what that zone means, so calendars show 08:00 whatever the reader's zone. For any other zone the
times are converted to UTC instead, since only Stockholm's rules are written out here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.knowledge.model import Meeting, Organisation
from bot.schedule import parse_hhmm

DEFAULT_LENGTH = timedelta(hours=1)  # when a newsletter gives a start time but no end

_STOCKHOLM = """BEGIN:VTIMEZONE
TZID:Europe/Stockholm
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""".splitlines()


def meeting_uid(meeting: Meeting, organisation: Organisation) -> str:
    """Stable per meeting: adding the file again updates the same event."""
    domain = (organisation.website or "").removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return f"{meeting.id}@{domain.strip('/') or 'fedbot.invalid'}"


def meeting_ics(
    meeting: Meeting, organisation: Organisation, tz: ZoneInfo, stamp: datetime, description: str = ""
) -> bytes:
    """The meeting as one VEVENT. `stamp` is DTSTAMP (when the file was made), aware."""
    start, end = parse_hhmm(meeting.start), parse_hhmm(meeting.end)
    product = f"-//{organisation.name or 'fedbot'}//fedbot//SV"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{product}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    local = tz.key == "Europe/Stockholm"
    if start and local:
        lines += _STOCKHOLM
    lines += ["BEGIN:VEVENT", f"UID:{meeting_uid(meeting, organisation)}", f"DTSTAMP:{_utc(stamp)}"]
    if start is None:
        # No known time: an all-day event rather than an invented hour.
        lines += [
            f"DTSTART;VALUE=DATE:{_day(meeting.date)}",
            f"DTEND;VALUE=DATE:{_day(meeting.date + timedelta(days=1))}",
        ]
    else:
        begins = datetime.combine(meeting.date, start, tz)
        ends = datetime.combine(meeting.date, end, tz) if end and end > start else begins + DEFAULT_LENGTH
        lines += [_timed("DTSTART", begins, local), _timed("DTEND", ends, local)]
    title = meeting.kind.capitalize() + (f": {meeting.topic}" if meeting.topic else "")
    lines.append(f"SUMMARY:{_escape(title)}")
    place = ", ".join(part for part in (meeting.venue, meeting.municipality) if part)
    if place:
        lines.append(f"LOCATION:{_escape(place)}")
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


def ics_filename(meeting: Meeting) -> str:
    return f"{meeting.kind}-{meeting.date.isoformat()}.ics".replace("ö", "o").replace("ä", "a").replace("å", "a")


def _timed(name: str, moment: datetime, local: bool) -> str:
    if local:
        return f"{name};TZID=Europe/Stockholm:{moment.strftime('%Y%m%dT%H%M%S')}"
    return f"{name}:{_utc(moment)}"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)
