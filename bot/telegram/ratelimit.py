"""Throttling every message the bot sends, so Telegram never has to say 429.

python-telegram-bot's AIORateLimiter limits the overall rate and groups, not one private chat,
and on a 429 it halts everything. This limiter keeps both of Telegram's published limits:
- overall: messages evenly spaced at `overall` per second (28.5 by default, under Telegram's 30).
  Even spacing, not "29 per second" in bursts: a burst reaches Telegram unevenly and overlaps the
  next second's burst in its sliding window (measured with the fake server: 34 429s in 300
  messages with bursts). With 1/28.5 s between messages, 31 arrivals within one second would
  need 50 ms of jitter between them. Slots are reserved on a theoretical schedule, so sleep
  overshoot does not accumulate, but a late sender never catches up in a burst either.
- per chat: one message per second to a private chat (a short burst of `burst` is allowed, so a
  command answered by two messages is not delayed), one per three seconds to a group.
A 429 that still happens pauses all sending for `retry_after` and the request is tried again.
Requests without a chat (answerCallbackQuery, answerInlineQuery) pass straight through: the
person is waiting for them, and they are not counted against the message limits.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)


def retry_seconds(error: RetryAfter) -> float:
    # PTB 22 stores a timedelta; its public `retry_after` warns about a coming type change.
    value = getattr(error, "_retry_after", None)
    if value is None:
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class MessageRateLimiter(BaseRateLimiter[None]):
    def __init__(
        self,
        overall: float = 28.5,
        private_interval: float = 1.0,
        group_interval: float = 3.0,
        burst: int = 3,
        max_retries: int = 3,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.overall = overall
        self.private_interval = private_interval
        self.group_interval = group_interval
        self.burst = burst
        self.max_retries = max_retries
        self._clock = clock
        self._sleep = sleep
        self._interval = 1.0 / overall
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._chat_next: dict[int | str, float] = {}  # per chat: theoretical time of its next message
        self.retries = 0  # 429s met, for the benchmark and logs

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat_id = data.get("chat_id")
        for attempt in range(self.max_retries + 1):
            if chat_id is not None:
                await self._chat_turn(chat_id)
                await self._overall_turn()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self.max_retries:
                    raise
                self.retries += 1
                pause = retry_seconds(error)
                self._paused_until = max(self._paused_until, self._clock() + pause)
                log.warning("429 from Telegram on %s: pausing all sending for %.0f s", endpoint, pause)
                if chat_id is None:
                    await self._sleep(pause)
        raise AssertionError("unreachable")

    async def _chat_turn(self, chat_id: int | str) -> None:
        # Generic cell rate algorithm: reserve the slot now (no await in between), then wait for it.
        interval = self.private_interval if _is_private(chat_id) else self.group_interval
        now = self._clock()
        next_at = max(self._chat_next.get(chat_id, now), now)
        allowed_at = next_at - interval * (self.burst - 1)
        self._chat_next[chat_id] = next_at + interval
        if len(self._chat_next) > 50_000:
            self._forget_idle_chats(now)
        if allowed_at > now:
            await self._sleep(allowed_at - now)

    async def _overall_turn(self) -> None:
        # The slot is taken synchronously, so callers are served in the order they asked.
        now = self._clock()
        slot = max(self._next_slot, self._paused_until, now)
        self._next_slot = slot + self._interval
        if slot > now:
            await self._sleep(slot - now)

    def _forget_idle_chats(self, now: float) -> None:
        for chat in [chat for chat, at in self._chat_next.items() if at < now]:
            del self._chat_next[chat]


def _is_private(chat_id: int | str) -> bool:
    try:
        return int(chat_id) > 0
    except (TypeError, ValueError):
        return False  # "@channelname"
