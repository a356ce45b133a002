"""One log line per update through the real Application: kind, intent, latency; errors with context."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
import telegram_harness as harness
from fake_bot_api import FakeBotApi
from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.ops.logging import configure  # noqa: E402
from bot.telegram import update_log

CHAT = 5151
SECRET_QUESTION = "När är nästa frukostmöte i Haninge, frågar Kalle Svensson?"


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    configure("INFO", stream=stream)
    yield stream
    root.handlers[:] = saved[1]
    root.setLevel(saved[0])


def update_lines(stream: io.StringIO) -> list[str]:
    return [line for line in stream.getvalue().splitlines() if "logger=bot.updates" in line]


async def test_each_update_gives_one_line_with_kind_intent_and_latency_and_never_the_text(
    lines: io.StringIO, tmp_path
) -> None:
    async def boom(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_log.note_intent(context, "explode")
        raise RuntimeError("handler bug")

    async def noted(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_log.note_intent(context, "next_meeting")
        await update.effective_message.reply_text("ok")

    with FakeBotApi() as api:
        bot = harness.build_bot(api, tmp_path / "fedbot.sqlite3", harness.Clock(harness.local(2019, 3, 20, 10, 0)))
        bot.app.add_handler(CommandHandler("boom", boom))
        bot.app.add_handler(CommandHandler("noted", noted))
        update_log.install(bot.app)
        async with harness.running(bot):
            for text in ("/start", SECRET_QUESTION, "/noted", "/boom"):
                api.queue_update(harness.message(CHAT, text))
            api.queue_update(
                harness.message(
                    CHAT,
                    sticker={
                        "file_id": "x",
                        "file_unique_id": "y",
                        "width": 1,
                        "height": 1,
                        "is_animated": False,
                        "is_video": False,
                        "type": "regular",
                    },
                )
            )
            api.queue_update(harness.callback(CHAT, "i|next_meeting|Haninge"))
            await api.wait_for("answerCallbackQuery")
            await api.wait_for("sendMessage", 5, chat_id=CHAT)

    found = update_lines(lines)
    assert len(found) == 6, found
    start, question, noted_line, failed, sticker, button = found
    assert "event=update kind=command command=start" in start and "latency_ms=" in start
    assert "event=update kind=text" in question
    assert "event=update kind=command command=noted intent=next_meeting" in noted_line
    assert "level=ERROR" in failed and "event=update_failed kind=command command=boom intent=explode" in failed
    assert "error=RuntimeError" in failed
    assert "kind=non_text" in sticker
    assert "kind=button button=i" in button
    everything = lines.getvalue()
    assert "Kalle" not in everything and "frukostmöte i Haninge" not in everything
