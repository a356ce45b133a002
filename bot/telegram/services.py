"""What the handlers need, kept in `application.bot_data` under one key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from telegram import Chat, Message, Update, User
from telegram.ext import Application, ContextTypes, JobQueue

from bot.knowledge.model import KnowledgeBase
from bot.nlu.question import Slots
from bot.settings import Settings
from bot.state import Repository
from bot.telegram.alerts import AlertService
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

    def forget(self, *chats: str) -> None: ...


@dataclass
class Services:
    settings: Settings
    repo: Repository
    engine: AnswerEngine
    reminders: ReminderService
    clock: Callable[[], datetime]
    load_engine: Callable[[], AnswerEngine]  # a fresh engine from the knowledge base on disk, for /reload
    alerts: AlertService

    def now(self) -> datetime:
        return self.clock().astimezone(self.settings.timezone)

    def today(self) -> date:
        return self.now().date()


App = Application[Any, Any, Any, Any, Any, Any]
Context = ContextTypes.DEFAULT_TYPE


def services(context: Context | App) -> Services:
    found: Services = context.bot_data[KEY]
    return found


def job_queue(context: Context | App) -> JobQueue[Any]:
    if context.job_queue is None:  # installed with the job-queue extra, which the bot requires
        raise LookupError("the application has no job queue")
    return context.job_queue


class NotThere(LookupError):
    """An update lacks what its handler's filters promised (a message, a chat, a user)."""


def message_of(update: Update) -> Message:
    if update.effective_message is None:
        raise NotThere(f"update {update.update_id} has no message")
    return update.effective_message


def chat_of(update: Update) -> Chat:
    if update.effective_chat is None:
        raise NotThere(f"update {update.update_id} has no chat")
    return update.effective_chat


def user_of(update: Update) -> User:
    if update.effective_user is None:
        raise NotThere(f"update {update.update_id} has no user")
    return update.effective_user
