"""How updates are handled: chats concurrently, each chat's own updates in order, a flooding chat's
excess dropped, and a stop that drains within a bound and keeps what it could not handle.

python-telegram-bot handles one update at a time by default, so one chat waiting for its
1-message-per-second limit held up everyone. `ChatFlow` runs updates of different chats side by
side and queues each chat's behind one another (a lock per chat, taken in arrival order; updates
waiting for their chat do not occupy one of the concurrent slots).

A chat sending more than `FloodGuard.limit` messages or button presses in `window` seconds gets one
"slow down" note; its excess is dropped at arrival, never queued for minutes. Inline queries (one per
keystroke) and membership changes are not counted.

Stopping: `FedbotApplication.stop` is called after polling has stopped. Updates already running
finish; an update whose turn comes more than `drain_seconds` later is kept in the database instead
(`Repository.keep_update`) and handled first at the next start. So every update Telegram counts as
delivered is answered once, now or after the restart, within systemd's stop timeout.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, BaseUpdateProcessor

from bot.ops.logging import log_event

log = logging.getLogger(__name__)

ChatKey = tuple[str, int]


class Verdict(Enum):
    ADMIT = "admit"
    NOTE = "note"  # the first update dropped in a flood: tell the chat once
    DROP = "drop"


class FloodGuard:
    """At most `limit` counted updates per chat in any `window` seconds; the rest are dropped."""

    MAX_CHATS = 10_000  # chats remembered before the quiet ones are forgotten

    def __init__(self, limit: int = 20, window: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._admitted: dict[ChatKey, deque[float]] = {}
        self._dropped: Counter[ChatKey] = Counter()  # dropped in the flood going on, per chat

    def admit(self, key: ChatKey) -> Verdict:
        now = self._clock()
        if len(self._admitted) > self.MAX_CHATS:
            self.forget_idle()
        times = self._admitted.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            if self._dropped[key]:
                log_event(log, "flood_over", chat=key[1], dropped=self._dropped.pop(key))
            return Verdict.ADMIT
        self._dropped[key] += 1
        if self._dropped[key] == 1:
            log_event(log, "flood", logging.WARNING, chat=key[1], limit=self.limit, window_s=self.window)
            return Verdict.NOTE
        return Verdict.DROP

    def forget_idle(self) -> None:
        """Chats quiet for a whole window need no memory (bounded state under many chats)."""
        cutoff = self._clock() - self.window
        for key in [key for key, times in self._admitted.items() if not times or times[-1] <= cutoff]:
            del self._admitted[key]
            if self._dropped.get(key):
                log_event(log, "flood_over", chat=key[1], dropped=self._dropped.pop(key))


class ChatFlow(BaseUpdateProcessor):
    """The update processor: concurrent across chats, in order within a chat, floods cut off."""

    # python-telegram-bot's own limit only caps the tasks waiting here; `running` caps the handlers.
    TASKS = 10_000

    def __init__(
        self,
        guard: FloodGuard | None = None,
        *,
        max_concurrent: int = 64,
        drain_seconds: float = 15.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(self.TASKS)
        self.guard = guard or FloodGuard(clock=clock)
        self.drain_seconds = drain_seconds
        self._clock = clock
        self._running = asyncio.BoundedSemaphore(max_concurrent)  # taken only once it is the chat's turn
        self._locks: dict[ChatKey, asyncio.Lock] = {}
        self._waiting: Counter[ChatKey] = Counter()
        self._drain_until: float | None = None
        # set by the application: tell a flooding chat to slow down; keep an update for the next start
        self.on_flood: Callable[[Update], Awaitable[Any]] | None = None
        self.keep: Callable[[Update], None] | None = None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def begin_drain(self) -> None:
        self._drain_until = self._clock() + self.drain_seconds

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update) or (key := chat_key(update)) is None:
            async with self._running:
                await coroutine
            return
        if counted(update) and (verdict := self.guard.admit(key)) is not Verdict.ADMIT:
            _close(coroutine)
            if verdict is Verdict.NOTE and self.on_flood is not None:
                try:
                    await self.on_flood(update)
                except TelegramError as error:  # e.g. the flooding chat blocked the bot meanwhile
                    log.info("could not ask chat %s to slow down: %s", key[1], type(error).__name__)
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] += 1
        try:
            async with lock:
                if self._drain_until is not None and self._clock() > self._drain_until:
                    _close(coroutine)
                    self._keep(update)
                    return
                async with self._running:
                    await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]

    def _keep(self, update: Update) -> None:
        if self.keep is None:
            log_event(log, "update_not_handled", logging.WARNING, update_id=update.update_id)
            return
        self.keep(update)


class FedbotApplication(Application):  # type: ignore[type-arg]
    """The Application, stopping with a bounded drain (see the module's docstring)."""

    async def stop(self) -> None:
        if isinstance(self.update_processor, ChatFlow):
            self.update_processor.begin_drain()
        await super().stop()


def chat_key(update: Update) -> ChatKey | None:
    """Whose updates must stay in order: the chat's, or for an inline query the person's."""
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


def counted(update: Update) -> bool:
    """Messages and button presses count towards a flood; inline queries and membership changes do not."""
    return update.message is not None or update.callback_query is not None


def _close(coroutine: Awaitable[Any]) -> None:
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()  # never awaited on purpose: no "coroutine was never awaited" warning
