"""Logs: one structured line per event, never the token, no chatter from HTTP libraries."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import pytest

from bot.ops.logging import configure, log_event

TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmnop"


@pytest.fixture
def output(log_output: Callable[..., io.StringIO], monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    return log_output("INFO", secrets=["webhook-secret-value", None])


def test_an_event_is_one_line_of_key_value_fields(output: io.StringIO) -> None:
    log_event(
        logging.getLogger("bot.updates"),
        "update",
        kind="command",
        intent="next_meeting",
        latency_ms=12.34,
        chat_type=None,
        button="rem",
    )
    (line,) = output.getvalue().splitlines()
    assert line.startswith("time=") and line.split()[0].endswith("Z")
    assert (
        "level=INFO logger=bot.updates event=update kind=command intent=next_meeting latency_ms=12.3 button=rem" in line
    )
    assert "chat_type" not in line  # None fields are left out


def test_values_with_spaces_or_quotes_are_quoted(output: io.StringIO) -> None:
    log_event(logging.getLogger("bot"), "reload", meeting="frukostmöte-2019-09-27", note='two "words"\nline')
    assert 'meeting=frukostmöte-2019-09-27 note="two \\"words\\"\\nline"' in output.getvalue()


def test_a_plain_message_and_its_traceback(output: io.StringIO) -> None:
    try:
        raise KeyError("meeting")
    except KeyError:
        logging.getLogger("bot.telegram").exception("could not describe meeting %s", "m-1")
    first, *rest = output.getvalue().splitlines()
    assert 'level=ERROR logger=bot.telegram msg="could not describe meeting m-1"' in first
    assert rest[0] == "Traceback (most recent call last):" and "KeyError" in rest[-1]


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
