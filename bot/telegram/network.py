"""What a failed request to Telegram means for whether it arrived."""

from __future__ import annotations

import httpx
from telegram.error import NetworkError

_ANSWER_LOST = (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError)


def may_have_arrived(error: NetworkError) -> bool:
    """The request reached Telegram but its answer was lost, so it may have been delivered."""
    return isinstance(error.__cause__, _ANSWER_LOST)
