"""Persistent state of the bot in SQLite: users, subscriptions, watches, the sent-reminder log, and the
knowledge base last announced."""

from bot.state.repository import (
    ALL,
    Announcement,
    CannotWrite,
    DatabaseUnusable,
    PlaceWatch,
    Reason,
    Repository,
    Stats,
    Subscription,
    Watch,
)
from bot.state.schema import SchemaTooNew

__all__ = [
    "ALL",
    "Announcement",
    "CannotWrite",
    "DatabaseUnusable",
    "PlaceWatch",
    "Reason",
    "Repository",
    "SchemaTooNew",
    "Stats",
    "Subscription",
    "Watch",
]
