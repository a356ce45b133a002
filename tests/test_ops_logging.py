"""Logs: one structured line per event, never the token, no chatter from HTTP libraries."""
from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.ops.logging import configure, log_reminder_sent, log_update, timed_update

TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmnop"


@pytest.fixture
def output(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), logging.getLogger("httpx").level)
    configure("INFO", stream=stream, secrets=["webhook-secret-value", None])
    yield stream
    root.handlers[:] = saved[1]
    root.setLevel(saved[0])
    logging.getLogger("httpx").setLevel(saved[2])


def test_an_update_is_one_line_with_intent_and_latency(output: io.StringIO) -> None:
    log_update(logging.getLogger("bot.telegram"), kind="command", intent="next_meeting", latency_s=0.0123)
    (line,) = output.getvalue().splitlines()
    assert "level=INFO logger=bot.telegram event=update kind=command intent=next_meeting latency_ms=12.3" in line


def test_reminders_sent_are_logged(output: io.StringIO) -> None:
    log_reminder_sent(logging.getLogger("bot.telegram.reminders"), meeting_id="frukostmöte-2026-09-28", chat_id=42)
    assert 'event=reminder_sent meeting="frukostmöte-2026-09-28" chat=42' in output.getvalue()


def test_a_failing_handler_logs_its_context_and_the_traceback(output: io.StringIO) -> None:
    with pytest.raises(KeyError):
        with timed_update(logging.getLogger("bot.telegram"), "callback") as entry:
            entry["intent"] = "calendar"
            raise KeyError("meeting")
    first, *rest = output.getvalue().splitlines()
    assert "level=ERROR" in first and "event=update_failed kind=callback intent=calendar error=KeyError" in first
    assert any("Traceback" in line for line in rest)


def test_the_token_and_secrets_never_reach_the_log(output: io.StringIO) -> None:
    logging.getLogger("telegram.ext").warning("Network error on https://api.telegram.org/bot%s/getUpdates", TOKEN)
    logging.getLogger("bot").error("webhook secret was %s", "webhook-secret-value")
    logging.getLogger("bot").info("token %s", "987654321:ZZZanotherTokenThatLooksReal_0123456789")
    text = output.getvalue()
    assert TOKEN not in text and "webhook-secret-value" not in text and "ZZZanother" not in text
    assert "bot<secret>/getUpdates" in text or "bot<token>/getUpdates" in text


def test_http_request_lines_are_silenced_at_info(output: io.StringIO) -> None:
    # httpx logs every request URL at INFO, and a Bot API URL contains the token.
    logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/getMe", TOKEN)
    assert output.getvalue() == ""


def test_configure_twice_does_not_duplicate_lines(output: io.StringIO) -> None:
    configure("INFO", stream=output)
    logging.getLogger("bot").info("once")
    assert output.getvalue().count("once") == 1
