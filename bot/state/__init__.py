"""Persistent state of the bot in SQLite: users, subscriptions and the sent-reminder log."""

from bot.state.repository import (
    ALL,
    CannotWrite,
    DatabaseUnusable,
    Repository,
    Stats,
    Subscription,
    Watch,
)
from bot.state.schema import SchemaTooNew

__all__ = [
    "ALL",
    "CannotWrite",
    "DatabaseUnusable",
    "Repository",
    "SchemaTooNew",
    "Stats",
    "Subscription",
    "Watch",
]
