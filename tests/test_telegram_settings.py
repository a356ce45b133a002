"""Settings from the environment and .env: defaults, parsing, clear errors, and a token that never shows."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.settings import DEFAULT_API_BASE_URL, SettingsError, load_settings

TOKEN = "123456789:AAHsecretsecretsecretsecretsecret00"


def test_defaults_without_anything_set(tmp_path):
    settings = load_settings({}, dotenv=tmp_path / "missing.env")
    assert settings.token is None and not settings.has_token
    assert settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.db_path == Path("data/fedbot.sqlite3")
    assert settings.timezone.key == "Europe/Stockholm"
    assert settings.reminder_time == time(18, 0)
    assert settings.admin_ids == frozenset() and settings.webhook_url is None
    assert settings.operator is None and settings.operator_contact is None


def test_who_runs_the_bot_is_read_as_written():
    settings = load_settings(
        {"BOT_OPERATOR": "Samordningsförbundet Östra Södertörn", "BOT_OPERATOR_CONTACT": " info@example.se "},
        dotenv=None,
    )
    assert settings.operator == "Samordningsförbundet Östra Södertörn"
    assert settings.operator_contact == "info@example.se"


def test_dotenv_is_read_and_the_environment_wins(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        f'# comment\nexport TELEGRAM_BOT_TOKEN="{TOKEN}"\nBOT_REMINDER_TIME=17:30\n'
        "BOT_ADMIN_IDS=1, 2\nWEBHOOK_PORT=9000\n",
        encoding="utf-8",
    )
    settings = load_settings({"BOT_REMINDER_TIME": "19:15"}, dotenv=dotenv)
    assert settings.token == TOKEN
    assert settings.reminder_time == time(19, 15)
    assert settings.admin_ids == {1, 2} and settings.is_admin(2) and not settings.is_admin(3)
    assert settings.webhook_port == 9000
    assert settings.alert_hours == (time(8, 0), time(21, 0))
    assert load_settings({"BOT_ALERT_HOURS": "09:30-20:00"}, dotenv=None).alert_hours == (time(9, 30), time(20, 0))


def test_the_token_and_webhook_secret_never_appear_in_repr(tmp_path):
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_SECRET": "s3cr3t-value"}, dotenv=None)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)
    assert "s3cr3t-value" not in repr(settings)


@pytest.mark.parametrize(
    "name, value",
    [
        ("BOT_REMINDER_TIME", "6pm"),
        ("BOT_ALERT_HOURS", "8-21"),
        ("BOT_ALERT_HOURS", "21:00-08:00"),
        ("BOT_TIMEZONE", "Mars/Olympus"),
        ("BOT_ADMIN_IDS", "alice"),
        ("WEBHOOK_PORT", "x"),
        ("WEBHOOK_PORT", "99999"),
        ("WEBHOOK_PORT", "0"),
        ("TELEGRAM_API_BASE_URL", "api.telegram.org/bot"),
        ("WEBHOOK_URL", "bot.example.se/telegram"),
        ("WEBHOOK_URL", "ftp://x"),
        ("WEBHOOK_SECRET", "bad secret!"),
        ("BOT_OPERATOR", "x" * 201),
        ("BOT_OPERATOR_CONTACT", "line one\nline two"),
    ],
)
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value}, dotenv=None)


def test_env_example_documents_every_variable():
    text = (Path(__file__).resolve().parents[1] / ".env.example").read_text(encoding="utf-8")
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_BASE_URL",
        "BOT_DB_PATH",
        "BOT_TIMEZONE",
        "BOT_REMINDER_TIME",
        "BOT_ALERT_HOURS",
        "BOT_ADMIN_IDS",
        "BOT_KB_DIR",
        "BOT_OPERATOR",
        "BOT_OPERATOR_CONTACT",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "WEBHOOK_LISTEN",
        "WEBHOOK_PORT",
    ):
        assert f"\n{name}=" in text


@pytest.mark.parametrize("token", ["123456789 AAHsecretsecret", '"123456789:AAHsecret', "AAHsecretsecretsecretsecret"])
def test_a_malformed_token_is_refused_without_repeating_it(token):
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN does not look like a bot token") as raised:
        load_settings({"TELEGRAM_BOT_TOKEN": token}, dotenv=None)
    assert "AAHsecret" not in str(raised.value)


def test_an_unreadable_dotenv_is_a_settings_error_naming_it(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_bytes(b"TELEGRAM_BOT_TOKEN=\xff\xfe\n")
    with pytest.raises(SettingsError, match=r"\.env: cannot read the settings file"):
        load_settings({}, dotenv=dotenv)
    dotenv.unlink()
    dotenv.mkdir()
    with pytest.raises(SettingsError, match=r"\.env: cannot read the settings file"):
        load_settings({}, dotenv=dotenv)
