"""Configuration: read once at start-up from the environment and an optional `.env` file.

The environment wins over `.env`, so a deployment can override a checked-out file.
The token is a secret: it never appears in `repr()` or in logs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.failures import BadInput
from bot.paths import DEFAULT_KB_DIR

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
_TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")  # what @BotFather hands out: "123456789:AAH…"
WEB = ("https", "http")  # http only makes sense with a local Bot API server, which allows it
_SECRET_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as a webhook secret_token


class SettingsError(BadInput, ValueError):
    """A variable is set to something the bot cannot use; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    api_base_url: str = DEFAULT_API_BASE_URL
    db_path: Path = Path("data/fedbot.sqlite3")
    timezone: ZoneInfo = ZoneInfo("Europe/Stockholm")
    reminder_time: time = time(18, 0)
    alert_hours: tuple[time, time] = (time(8, 0), time(21, 0))  # change alerts go out from, until (local)
    admin_ids: frozenset[int] = frozenset()
    kb_dir: Path = DEFAULT_KB_DIR
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    operator: str | None = None  # who runs the bot, for /om and /integritet
    operator_contact: str | None = None  # how to reach them: an e-mail address, phone or web page

    @property
    def has_token(self) -> bool:
        return bool(self.token)

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids


def read_dotenv(path: Path) -> dict[str, str]:
    """`KEY=value` lines; `#` comments, blank lines, `export ` and surrounding quotes allowed."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path}: cannot read the settings file: {error}") from error
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def load_settings(environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")) -> Settings:
    env = {**(read_dotenv(dotenv) if dotenv else {}), **(os.environ if environ is None else environ)}

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    return Settings(
        token=_token(get("TELEGRAM_BOT_TOKEN")),
        api_base_url=_url("TELEGRAM_API_BASE_URL", get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL, WEB),
        db_path=Path(get("BOT_DB_PATH") or "data/fedbot.sqlite3"),
        timezone=_zone(get("BOT_TIMEZONE") or "Europe/Stockholm"),
        reminder_time=_time(get("BOT_REMINDER_TIME") or "18:00"),
        alert_hours=_hours(get("BOT_ALERT_HOURS") or "08:00-21:00"),
        admin_ids=_ids(get("BOT_ADMIN_IDS") or ""),
        kb_dir=Path(get("BOT_KB_DIR") or DEFAULT_KB_DIR),
        webhook_url=_optional_url("WEBHOOK_URL", get("WEBHOOK_URL"), WEB),
        webhook_secret=_secret(get("WEBHOOK_SECRET")),
        webhook_listen=get("WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=_port(get("WEBHOOK_PORT") or "8443"),
        operator=_short("BOT_OPERATOR", get("BOT_OPERATOR")),
        operator_contact=_short("BOT_OPERATOR_CONTACT", get("BOT_OPERATOR_CONTACT")),
    )


def _token(value: str | None) -> str | None:
    # The message never repeats the value: it is a secret even when mistyped.
    if value is not None and not _TOKEN_SHAPE.match(value):
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather (digits, a colon, "
            "then letters, digits, _ or -): check for quotes, spaces or a missing part"
        )
    return value


def _short(name: str, value: str | None, limit: int = 200) -> str | None:
    """A line of text the bot repeats to people: one line, not a page."""
    if value is not None and (len(value) > limit or not value.isprintable()):
        raise SettingsError(f"{name} must be one line of at most {limit} characters")
    return value


def _secret(value: str | None) -> str | None:
    if value is not None and not _SECRET_SHAPE.match(value):
        raise SettingsError("WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ - (Telegram's rule)")
    return value


def _url(name: str, text: str, schemes: tuple[str, ...]) -> str:
    parts = urlsplit(text)
    if parts.scheme not in schemes or not parts.hostname:
        starts = " or ".join(f"{scheme}://" for scheme in schemes)
        raise SettingsError(f"{name}={text[:100]!r} must be a URL starting with {starts}")
    return text


def _optional_url(name: str, text: str | None, schemes: tuple[str, ...]) -> str | None:
    return _url(name, text, schemes) if text is not None else None


def _port(text: str) -> int:
    port = _int("WEBHOOK_PORT", text)
    if not 1 <= port <= 65535:
        raise SettingsError(f"WEBHOOK_PORT={text!r} must be a port number from 1 to 65535")
    return port


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingsError(f"BOT_TIMEZONE={name!r} is not a known time zone (try Europe/Stockholm)") from error


def _time(text: str, name: str = "BOT_REMINDER_TIME") -> time:
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError as error:
        raise SettingsError(f"{name}={text!r} must be HH:MM, e.g. 18:00") from error


def _hours(text: str) -> tuple[time, time]:
    """ "08:00-21:00": from, until; the first before the second."""
    start, _, end = text.replace(" ", "").partition("-")
    hours = (_time(start, "BOT_ALERT_HOURS"), _time(end, "BOT_ALERT_HOURS"))
    if not hours[0] < hours[1]:
        raise SettingsError(f"BOT_ALERT_HOURS={text!r} must be HH:MM-HH:MM with the first before the second")
    return hours


def _ids(text: str) -> frozenset[int]:
    try:
        return frozenset(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError as error:
        raise SettingsError(f"BOT_ADMIN_IDS={text!r} must be Telegram user ids separated by commas") from error


def _int(name: str, text: str) -> int:
    try:
        return int(text)
    except ValueError as error:
        raise SettingsError(f"{name}={text!r} must be a number") from error
