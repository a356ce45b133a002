"""Persistent state of the bot in SQLite: users, subscriptions and the sent-reminder log."""
from bot.state.repository import ALL, Repository, Stats, Subscription, Watch
from bot.state.schema import SchemaTooNew

__all__ = ["ALL", "Repository", "SchemaTooNew", "Stats", "Subscription", "Watch"]
