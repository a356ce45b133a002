"""Updates as they come in from Telegram, read one by one so that one the library cannot parse is
skipped instead of stopping the bot.

python-telegram-bot parses a whole getUpdates batch at once; if one update lacks a field the
library requires (a poll from an older Bot API server, a chat without an id), the batch fails,
is fetched again forever and is logged with everything people wrote. Here each update is parsed
on its own first: an unreadable one is logged by its id and the reason only and replaced by a
bare `Update(update_id)`, which no handler answers and whose id moves the offset past it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from telegram import Update
from telegram.ext import ExtBot

from bot.ops.logging import log_event

log = logging.getLogger(__name__)

_MISSING = re.compile(r"missing \d+ required (?:positional |keyword-only )?arguments?: (.+)$")
_REQUIRED = re.compile(r"`(\w+)` is a required argument")


class IntakeBot(ExtBot[None]):
    """The bot, with getUpdates results made readable update by update before the library sees them."""

    async def _post(self, endpoint: str, data: Any = None, *args: Any, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            return [readable(raw, self) for raw in result]
        return result


def readable(raw: Any, bot: ExtBot[None]) -> Any:
    """`raw` if python-telegram-bot can read it, else a bare update with its id."""
    try:
        Update.de_json(raw, bot)
        return raw
    except Exception as error:  # noqa: BLE001 -- any parse failure: the content must not reach a log
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        log_event(log, "update_unreadable", logging.WARNING, update_id=update_id, reason=reason(error))
        return {"update_id": update_id} if isinstance(update_id, int) else raw


def reason(error: Exception) -> str:
    """Why an update could not be read, in words that hold no content: the error type and, where the
    library names it, the missing field."""
    if isinstance(error, KeyError) and error.args and isinstance(error.args[0], str):
        return f"{type(error).__name__}: missing field {error.args[0][:40]!r}"
    if isinstance(error, TypeError):
        if missing := _MISSING.search(str(error)):
            return f"{type(error).__name__}: missing {missing.group(1)[:80]}"
        if required := _REQUIRED.search(str(error)):
            return f"{type(error).__name__}: missing '{required.group(1)}'"
    return type(error).__name__
