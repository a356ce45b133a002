"""The console chat: the same engine and the same commands as Telegram, in a terminal."""

from bot.console.chat import chat

__all__ = ["chat"]
