"""What the handlers need, kept in `application.bot_data` under one key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from telegram.ext import Application, ContextTypes

from bot.knowledge.model import KnowledgeBase
from bot.nlu.question import Slots
from bot.settings import Settings
from bot.state import Repository
from bot.telegram.reminders import ReminderService

if TYPE_CHECKING:
    from bot.engine import Reply

KEY = "fedbot"


class AnswerEngine(Protocol):
    kb: KnowledgeBase

    def answer(
        self, text: str, *, today: date, chat: str = ..., lang: str | None = ..., now: datetime | None = ...
    ) -> Reply: ...

    def answer_intent(
        self, intent: str, slots: Slots | None = ..., *, today: date, chat: str = ..., lang: str | None = ...
    ) -> Reply: ...


@dataclass
class Services:
    settings: Settings
    repo: Repository
    engine: AnswerEngine
    reminders: ReminderService
    clock: Callable[[], datetime]
    load_engine: Callable[[], AnswerEngine]  # a fresh engine from the knowledge base on disk, for /reload

    def now(self) -> datetime:
        return self.clock().astimezone(self.settings.timezone)

    def today(self) -> date:
        return self.now().date()


def services(context: ContextTypes.DEFAULT_TYPE | Application) -> Services:
    return context.bot_data[KEY]
