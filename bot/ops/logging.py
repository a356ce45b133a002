"""Structured logging: one `key=value` line per record, with secrets masked.

Call `configure(level)` once at start-up. `log_event` writes an event with fields:

    time=2026-11-23T18:00:00.120Z level=INFO logger=bot.updates event=update kind=command latency_ms=14.2

Other records become `msg="…"`. Never log message text at INFO: log what the bot understood
(the intent), not what people wrote.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

# Environment variables whose values must never reach a log line.
SECRET_VARIABLES = ("TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET")
# A bot token anywhere, e.g. inside a Bot API URL that a library logs.
_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}")
_PLAIN = re.compile(r"^[\w.:/@+\-]+$")
_FIELDS = "fields"  # the `extra` key carrying an event's fields
# Libraries that are chatty at INFO; httpx even logs every request URL, which contains the token.
# python-telegram-bot logs whole updates (what people wrote, their names) and API payloads at
# DEBUG, so it stays at INFO even when the bot runs at DEBUG.
_QUIET = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "apscheduler": logging.WARNING,
    "telegram": logging.INFO,
    "hpack": logging.INFO,
    "tornado": logging.INFO,
}
_HANDLER_NAME = "bot.ops.logging"


def _value(value: Any) -> str:
    if isinstance(value, float):
        value = round(value, 1)
    text = str(value)
    if _PLAIN.match(text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


class KeyValueFormatter(logging.Formatter):
    """`time=… level=… logger=… event=… k=v …`; a plain message becomes `msg="…"`."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        parts = [f"time={stamp.replace('+00:00', 'Z')}", f"level={record.levelname}", f"logger={record.name}"]
        fields: dict[str, Any] | None = getattr(record, _FIELDS, None)
        if fields is not None:
            parts.append(f"event={_value(record.getMessage())}")
            parts.extend(f"{key}={_value(value)}" for key, value in fields.items() if value is not None)
        else:
            parts.append(f"msg={_value(record.getMessage())}")
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return self.redact(line)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<secret>")
        return _TOKEN.sub("<token>", text)


def _without_payloads(record: logging.LogRecord) -> bool:
    """python-telegram-bot logs a whole update it cannot parse ("Received data was …"): names and what
    people wrote. Such a record keeps its level and the error's type, not the data."""
    if record.name.startswith("telegram") and "Received data was" in str(record.msg):
        error = record.exc_info[1] if record.exc_info else None
        record.msg = "an update could not be read (%s); its content is not logged"
        record.args = (type(error).__name__ if error else "unknown error",)
        record.exc_info = record.exc_text = None
    return True


def configure(level: str | int = "INFO", *, stream: TextIO | None = None, secrets: Iterable[str | None] = ()) -> None:
    """Send every log record to `stream` (stderr: journald and Docker collect it) as one line.

    Calling it again replaces the handler it installed before. The values of SECRET_VARIABLES
    and anything that looks like a bot token are masked, in addition to `secrets` (pass
    `settings.token` and `settings.webhook_secret`: values read from .env are not in the environment).
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.set_name(_HANDLER_NAME)
    known = [os.environ.get(name, "") for name in SECRET_VARIABLES]
    handler.setFormatter(KeyValueFormatter([*known, *secrets]))
    handler.addFilter(_without_payloads)
    root.addHandler(handler)
    root.setLevel(level.upper() if isinstance(level, str) else level)
    for name, quiet in _QUIET.items():
        logging.getLogger(name).setLevel(max(quiet, root.level))
    _route_uncaught_errors_to_logging()


def _route_uncaught_errors_to_logging() -> None:
    """Python prints uncaught tracebacks, thread crashes, unraisable errors and warnings straight
    to stderr, past the formatter: a token in an exception's message would be printed as is."""
    crash_log = logging.getLogger("bot")

    def uncaught(kind: type[BaseException], error: BaseException, traceback: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, traceback)
            return
        crash_log.critical("uncaught error", exc_info=(kind, error, traceback))

    def thread_crash(crash: threading.ExceptHookArgs) -> None:
        if crash.exc_type is SystemExit:
            return
        name = crash.thread.name if crash.thread else "?"
        crash_log.error(
            "uncaught error in thread %s",
            name,
            exc_info=(crash.exc_type, crash.exc_value or crash.exc_type(), crash.exc_traceback),
        )

    def unraisable(problem: Any) -> None:
        error = problem.exc_value or problem.exc_type()
        crash_log.warning(
            "%s", problem.err_msg or "exception ignored", exc_info=(problem.exc_type, error, problem.exc_traceback)
        )

    sys.excepthook = uncaught
    threading.excepthook = thread_crash
    sys.unraisablehook = unraisable
    logging.captureWarnings(True)  # warnings go to the "py.warnings" logger, through the formatter


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO, **fields: Any) -> None:
    """One structured line: `event=<event>` followed by the fields that are not None."""
    logger.log(level, event, extra={_FIELDS: fields})


def report_crash(where: str) -> None:
    """Log the exception being handled as one ERROR record, its traceback masked like every log line.

    Used instead of Python's own traceback printing, which bypasses the formatter and would print
    a token carried in an exception's message."""
    root = logging.getLogger()
    if not any(handler.get_name() == _HANDLER_NAME for handler in root.handlers):
        configure("WARNING")
    logging.getLogger("bot").error("%s stopped on an unexpected error", where, exc_info=True)
