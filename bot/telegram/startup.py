"""Start-up: wait until Telegram answers, refuse a rejected token, never die of a passing outage.

`connect(application)` runs before PTB's `run_polling` / `run_webhook`, on the event loop they
will use. It calls `getMe` (PTB's `initialize()`) until Telegram answers, with back-off
(1, 2, 4 … 60 s, forever: a bot that gives up stays down until someone notices, and systemd's
start limit would give up after five quick restarts), one log line per failed attempt. A token
Telegram rejects stops the start as a `BadInput` (exit 2) whose message never holds the token.
SIGINT/SIGTERM while waiting end it at once. The commands menu is registered the same patient way,
in the background, so a failure there never stops the bot.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable, Iterator
from http import HTTPStatus

from telegram.error import (
    BadRequest,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ContextTypes

from bot.failures import BadInput
from bot.ops.logging import log_event
from bot.telegram.ratelimit import retry_seconds
from bot.telegram.services import App, job_queue

log = logging.getLogger(__name__)

FIRST_DELAY = 1.0  # seconds before the second attempt
MAX_DELAY = 60.0  # back-off cap: at most a minute of extra downtime once Telegram is back
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
Sleep = Callable[[float], Awaitable[None]]


class TokenRejected(BadInput):
    """Telegram refused the token (401/404), or it cannot be one: running again unchanged fails again."""


def backoff(first: float = FIRST_DELAY, cap: float = MAX_DELAY) -> Iterator[float]:
    delay = first
    while True:
        yield delay
        delay = min(delay * 2, cap)


def is_passing(error: TelegramError) -> bool:
    """A failure that waiting cures: no connection, a timeout, a 5xx, a 429."""
    return isinstance(error, RetryAfter) or (isinstance(error, NetworkError) and not isinstance(error, BadRequest))


def wait_for(error: TelegramError, delay: float) -> float:
    if isinstance(error, RetryAfter):  # Telegram said how long: never ask sooner
        return max(delay, retry_seconds(error))
    return delay


def rejected(error: InvalidToken) -> TokenRejected:
    """The one line an operator reads; PTB's own message quotes the token, so it is not used."""
    description = str(error.__cause__ or "")  # Telegram's own words: "Unauthorized", "Not Found"
    codes = [
        f"{s.value} {s.phrase}" for s in (HTTPStatus.UNAUTHORIZED, HTTPStatus.NOT_FOUND) if s.phrase == description
    ]
    reason = codes[0] if codes else "rejected"  # nothing else is quoted: it could hold the token
    return TokenRejected(
        f"Telegram rejected the token in TELEGRAM_BOT_TOKEN ({reason}): "
        "copy it again from @BotFather (/mybots → API Token) and restart the bot"
    )


async def until_answered(
    call: Callable[[], Awaitable[object]],
    what: str,
    *,
    sleep: Sleep = asyncio.sleep,
    delays: Iterator[float] | None = None,
) -> int:
    """Await `call()` until it succeeds, retrying passing failures; returns the attempts it took.

    A rejected token raises `TokenRejected`; any other error (a bug, a 400) propagates."""
    delays = delays or backoff()
    attempt = 1
    while True:
        pause = await _attempt(call, what, delays, attempt)
        if pause is None:
            return attempt
        await sleep(pause)
        attempt += 1


async def _attempt(
    call: Callable[[], Awaitable[object]], what: str, delays: Iterator[float], attempt: int
) -> float | None:
    """Await `call()` once: None when it succeeded, else the pause before the next try (logged).

    A rejected token raises `TokenRejected`; any other error (a bug, a 400) propagates."""
    try:
        await call()
        return None
    except InvalidToken as error:
        raise rejected(error) from None  # `from None`: the cause's traceback quotes the token
    except TelegramError as error:
        if not is_passing(error):
            raise
        pause = wait_for(error, next(delays))
        log_event(
            log,
            "telegram_unreachable",
            logging.WARNING,
            call=what,
            attempt=attempt,
            error=f"{type(error).__name__}: {error}",
            retry_in_s=pause,
        )
        return pause


def connect(application: App, *, sleep: Sleep = asyncio.sleep) -> bool:
    """Until Telegram accepts the token (True), or a stop signal came first (False).

    Runs on a new event loop, set as the current one: PTB's run_* reuse it (and close it)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    waiting = loop.create_task(until_answered(application.initialize, "getMe", sleep=sleep))
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, waiting.cancel)
    try:
        attempts = loop.run_until_complete(waiting)
    except BaseException as error:
        loop.run_until_complete(application.bot.shutdown())  # the HTTP clients, opened by the first try
        loop.close()
        if isinstance(error, asyncio.CancelledError):
            log.info("stopped while waiting for Telegram")
            return False
        raise
    finally:
        if not loop.is_closed():
            for sig in STOP_SIGNALS:
                loop.remove_signal_handler(sig)
    if attempts > 1:
        log_event(log, "telegram_reachable", attempts=attempts)
    return True


async def register_in_background(
    application: App,
    register: Callable[[App], Awaitable[None]],
    delays: Iterator[float] | None = None,
    attempt: int = 1,
) -> None:
    """Try `register` now; if Telegram cannot take it, keep trying from the JobQueue with back-off.

    For the commands menu: worth having, never worth not serving for."""
    delays = delays or backoff()
    pause = await _attempt(lambda: register(application), "setMyCommands", delays, attempt)
    if pause is None:
        return

    async def again(context: ContextTypes.DEFAULT_TYPE) -> None:
        await register_in_background(context.application, register, delays, attempt + 1)

    job_queue(application).run_once(again, when=pause, name="startup:commands")
