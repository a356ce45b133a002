"""One log line per update through the real Application: kind, intent, latency; errors with context."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
import telegram_harness as harness
from fake_bot_api import FakeBotApi

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
    with FakeBotApi() as api:
        bot = harness.build_bot(api, tmp_path / "fedbot.sqlite3", harness.Clock(harness.local(2019, 3, 20, 10, 0)))
        engine = bot.app.bot_data["fedbot"].engine
        asked = engine.answer_intent

        def boom(intent: str, *args: object, **kwargs: object) -> object:
            if intent == "open_places":
                raise RuntimeError("handler bug")
            return asked(intent, *args, **kwargs)

        engine.answer_intent = boom
        update_log.install(bot.app)
        async with harness.running(bot):
            for text in ("/start", SECRET_QUESTION, "/nästa", "/lediga", "/kallesvensson"):
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
            await api.wait_for("sendMessage", 7, chat_id=CHAT)

    found = update_lines(lines)
    assert len(found) == 7, found
    start, question, noted_line, failed, unknown, sticker, button = found
    assert "event=update kind=command command=start" in start and "latency_ms=" in start
    assert "event=update kind=text" in question
    assert "event=update kind=command command=next intent=next_meeting" in noted_line  # "/nästa": its key
    assert "level=ERROR" in failed and "event=update_failed kind=command command=vacancies intent=open_places" in failed
    assert "error=RuntimeError" in failed
    assert "event=update kind=command command=other" in unknown  # an unknown command is not repeated
    assert "kind=non_text" in sticker
    assert "kind=button button=i" in button
    everything = lines.getvalue()
    assert "Kalle" not in everything and "kalle" not in everything and "frukostmöte i Haninge" not in everything
