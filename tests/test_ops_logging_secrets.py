"""Nothing Python prints by itself bypasses the masking: thread crashes, uncaught and unraisable errors, warnings."""

from __future__ import annotations

import gc
import io
import logging
import sys
import threading
import warnings
from collections.abc import Callable

import pytest

TOKEN = "5551234567:AAGsecretForHookTests_abcdefghijklmn"
TEST_TOKEN = "123456:TEST-token"  # not shaped like a token: only the explicit secret masks it


@pytest.fixture
def output(log_output: Callable[..., io.StringIO]) -> io.StringIO:
    return log_output("DEBUG", secrets=[TEST_TOKEN])


def assert_masked(text: str, *expected: str) -> None:
    assert TOKEN not in text and TEST_TOKEN not in text
    for part in expected:
        assert part in text


def test_a_crashing_thread_is_logged_masked(output: io.StringIO) -> None:
    def crash() -> None:
        raise RuntimeError(f"The token `{TEST_TOKEN}` was rejected by the server.")

    thread = threading.Thread(target=crash, name="worker")
    thread.start()
    thread.join()
    assert_masked(
        output.getvalue(),
        'msg="uncaught error in thread worker"',
        "RuntimeError: The token `<secret>` was rejected by the server.",
    )


def test_an_uncaught_error_is_logged_masked(output: io.StringIO) -> None:
    try:
        raise ValueError(f"https://api.telegram.org/bot{TOKEN}/getMe failed")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert_masked(output.getvalue(), "level=CRITICAL", "ValueError: https://api.telegram.org/bot<token>/getMe failed")


def test_an_unraisable_error_and_a_warning_are_logged_masked(output: io.StringIO) -> None:
    class Leaky:
        def __del__(self) -> None:
            raise RuntimeError(f"closing with {TEST_TOKEN}")

    Leaky()
    gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"token {TOKEN} looks odd", UserWarning, stacklevel=1)
    assert_masked(output.getvalue(), "RuntimeError: closing with <secret>", "UserWarning: token <token> looks odd")


def test_python_telegram_bot_stays_at_info_when_the_bot_runs_at_debug(output: io.StringIO) -> None:
    logging.getLogger("telegram.ext.ExtBot").debug("Call to Bot API endpoint `getUpdates` finished: text=Hej Anna")
    logging.getLogger("bot.updates").debug("our own debug line")
    assert "Hej Anna" not in output.getvalue()
    assert 'msg="our own debug line"' in output.getvalue()
