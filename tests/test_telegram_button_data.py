"""Callback data is checked before any work: a forged or stale button is acknowledged and nothing else."""

from __future__ import annotations

import logging

import pytest
from telegram_harness import Clock, build_bot, callback, local, running

from bot.telegram.keyboards import BadButton, parse
from bot.texts import say

CHAT = 2002
HUGE = "q|" + "Vad är nästa frukostmöte i Haninge? " * 55  # about 2000 bytes; Telegram's limit is 64
MALFORMED = ["i|next_meeting|Haninge|extra", "rem|<script>", "i|NEXT MEETING|Haninge", "q|rad ett\nrad två"]


async def test_a_forged_button_is_answered_with_a_toast_and_nothing_else_is_done_or_logged(api, tmp_path, caplog):
    caplog.set_level(logging.INFO)
    assert len(HUGE.encode()) > 1900
    bot = build_bot(api, tmp_path / "db.sqlite3", Clock(local(2019, 3, 20, 10, 0)))
    async with running(bot):
        for data in [HUGE, *MALFORMED]:
            api.queue_update(callback(CHAT, data))
        answers = await api.wait_for("answerCallbackQuery", 1 + len(MALFORMED))
        assert bot.repo.stats().users == 0  # not even recorded as a user
    assert [a.params.get("text") for a in answers] == [say("sv", "button_stale")] * (1 + len(MALFORMED))
    assert [
        c.method
        for c in api.calls
        if c.method not in {"getMe", "getUpdates", "deleteWebhook", "setMyCommands", "answerCallbackQuery"}
    ] == []
    rejected = [r for r in caplog.records if r.getMessage() == "button_rejected"]
    assert [r.fields["reason"] for r in rejected] == [
        "too_long",
        "wrong_arguments",
        "malformed",
        "malformed",
        "malformed",
    ]
    assert rejected[0].fields["data_bytes"] == len(HUGE.encode())
    assert "nästa frukostmöte" not in caplog.text and "script" not in caplog.text


def test_every_button_the_bot_makes_passes_the_check():
    from telegram_harness import sample_kb

    from bot.engine import Reply
    from bot.telegram import keyboards

    kb = sample_kb()
    markups = [
        keyboards.main_menu("sv"),
        keyboards.forget_confirm("en"),
        keyboards.places(keyboards.SUBSCRIBE, ["Haninge", "Nynäshamn", "Tyresö"], "sv", with_all=True),
        keyboards.places(keyboards.UNSUBSCRIBE, ["Haninge", "alla"], "en"),
        keyboards.places(keyboards.ASK, ["Haninge", "Nynäshamn"], "sv", intent="next_meeting"),
        keyboards.for_reply(Reply("x", "sv", None, 1.0, choices=["Jobbverket", "Nynäshamn"]), "sv"),
        keyboards.for_reply(Reply("x", "sv", "next_meeting", 1.0, meetings=kb.meetings), "sv"),
    ]
    data = [button.callback_data for markup in markups for row in markup.inline_keyboard for button in row]
    assert len(data) > 15
    for item in data:
        parse(item)  # raises BadButton if the bot would refuse its own button


@pytest.mark.parametrize(
    "data, reason",
    [
        (None, "empty"),
        ("", "empty"),
        ("x" * 65, "too_long"),
        ("å" * 33, "too_long"),
        ("zzz|1", "unknown_action"),
        ("sub", "wrong_arguments"),
        ("subm|x", "wrong_arguments"),
        ("sub|x'); DROP TABLE users; --", "malformed"),
        ("del", "wrong_arguments"),
        ("del|maybe", "malformed"),
        ("del|yes|now", "wrong_arguments"),
    ],
)
def test_callback_data_over_64_bytes_or_of_the_wrong_shape_is_refused(data, reason):
    with pytest.raises(BadButton) as refused:
        parse(data)
    assert refused.value.reason == reason
