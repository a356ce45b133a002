"""End to end through the real Application and the fake Bot API: commands, questions, buttons, inline mode."""

from __future__ import annotations

import asyncio

from telegram_harness import (
    ADMIN,
    HANINGE_ID,
    build_bot,
    callback,
    keyboard_data,
    message,
    running,
    wait_until,
)

from bot.telegram.replies import split_text
from bot.texts import say

CHAT = 1001


async def test_start_registers_commands_in_both_languages_and_greets_with_buttons(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        commands = {
            c.params.get("language_code", ""): [x["command"] for x in c.json("commands")]
            for c in await api.wait_for("setMyCommands", 2)
        }
        assert "nasta" in commands[""] and "prenumerera" in commands[""]
        assert "next" in commands["en"] and "subscribe" in commands["en"]

        api.queue_update(message(CHAT, "/start"))
        [greeting] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert greeting.text.startswith(
            "Hej! Jag svarar på frågor om samordningsförbundet utifrån förbundets nyhetsbrev. Fråga till exempel:"
        )
        assert greeting.text.endswith("Jag känner till nyhetsbreven t.o.m. nr 1 2019 (februari 2019).")
        assert "i|next_meeting|" in keyboard_data(greeting)
        assert "subm" in keyboard_data(greeting)

        api.queue_update(message(CHAT + 1, "/start", lang="en"))
        [english] = await api.wait_for("sendMessage", chat_id=CHAT + 1)
        labels = [b["text"] for row in english.json("reply_markup")["inline_keyboard"] for b in row]
        assert say("en", "menu_next") in labels


async def test_a_question_about_the_next_meeting_gets_remind_and_calendar_buttons(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(CHAT, "När är nästa frukostmöte i Haninge?"))
        [answer] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert answer.text.splitlines()[0] == "Nästa frukostmöte i Haninge är torsdag 28 mars 2019."
        assert f"rem|{HANINGE_ID}" in keyboard_data(answer)
        assert f"ics|{HANINGE_ID}" in keyboard_data(answer)


async def test_commands_in_swedish_and_english_with_a_place_argument(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(CHAT, "/nasta Handen"))
        api.queue_update(message(CHAT, "/next tyreso", lang="en"))
        first, second = await api.wait_for("sendMessage", 2, chat_id=CHAT)
        assert first.text.splitlines()[0] == "Nästa möte i Haninge är torsdag 28 mars 2019."  # Handen is in Haninge
        assert second.text.splitlines()[0] == "The next meeting in Tyresö is on Thursday 4 April 2019."
        assert f"rem|{HANINGE_ID}" in keyboard_data(first) and "rem|frukostmöte-2019-04-04" in keyboard_data(second)

        api.queue_update(message(CHAT, "/nasta Stockholm"))
        unknown = (await api.wait_for("sendMessage", 3, chat_id=CHAT))[-1]
        assert "Stockholm" in unknown.text
        assert {"i|next_meeting|Haninge", "i|next_meeting|Nynäshamn", "i|next_meeting|Tyresö"} <= set(
            keyboard_data(unknown)
        )


async def test_pressing_a_municipality_button_answers_for_that_municipality(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(callback(CHAT, "i|next_meeting|Haninge"))
        [answered] = await api.wait_for("answerCallbackQuery")
        [answer] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert answer.text.splitlines()[0] == "Nästa möte i Haninge är torsdag 28 mars 2019."
        assert f"ics|{HANINGE_ID}" in keyboard_data(answer)


async def test_subscribe_list_and_unsubscribe_with_commands_and_buttons(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    async with running(bot):
        api.queue_update(message(CHAT, "/prenumerera"))
        [choose] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert {"sub|Haninge", "sub|alla"} <= set(keyboard_data(choose))

        api.queue_update(callback(CHAT, "sub|Haninge"))
        await api.wait_for("answerCallbackQuery")
        [retired] = await api.wait_for("editMessageReplyMarkup")  # the chooser loses its buttons
        assert retired.chat_id == CHAT and "reply_markup" not in retired.params
        api.queue_update(message(CHAT, "/subscribe all", lang="en"))
        api.queue_update(message(CHAT, "/prenumerera haninge"))
        api.queue_update(message(CHAT, "/mina"))
        sent = await api.wait_for("sendMessage", 5, chat_id=CHAT)
        assert sent[1].text == say("sv", "subscribed", place="Haninge", time="18:00")
        assert sent[2].text == say("en", "subscribed_all", time="18:00")
        assert sent[3].text == say("sv", "already_subscribed", place="Haninge")
        assert "Haninge" in sent[4].text and "alla kommuner" in sent[4].text
        assert bot.repo.subscriptions_of(CHAT) == ["Haninge", "alla"]

        api.queue_update(message(CHAT, "/avsluta Haninge"))
        await api.wait_for("sendMessage", 6, chat_id=CHAT)
        assert bot.repo.subscriptions_of(CHAT) == ["alla"]
        api.queue_update(callback(CHAT, "unsub|alla"))
        await api.wait_for("answerCallbackQuery", 2)
        assert bot.repo.subscriptions_of(CHAT) == []


async def test_non_text_edits_channel_posts_groups_and_huge_messages_never_break_the_bot(api, clock, tmp_path):
    errors: list[object] = []
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)

    async def record(update: object, context) -> None:
        errors.append(context.error)

    bot.app.add_error_handler(record)
    async with running(bot):
        sticker = {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
        api.queue_update(message(CHAT, sticker=sticker))
        [polite] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert polite.text == say("sv", "not_text")
        api.queue_update(message(CHAT, voice={"file_id": "v", "file_unique_id": "v", "duration": 2}))
        api.queue_update(message(CHAT, photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]))
        await api.wait_for("sendMessage", 3, chat_id=CHAT)

        edited = message(CHAT, "När är nästa möte?")["message"]
        edited["edit_date"] = edited["date"]
        api.queue_update({"edited_message": edited})
        api.queue_update(
            {
                "channel_post": {
                    "message_id": 5,
                    "date": 0,
                    "chat": {"id": -100200, "type": "channel", "title": "c"},
                    "text": "/start",
                }
            }
        )
        group = message(-555, "hej alla", chat={"id": -555, "type": "group", "title": "g"})
        api.queue_update(group)
        api.queue_update(
            message(-555, "/nasta@fedbot_test_bot Haninge", chat={"id": -555, "type": "group", "title": "g"})
        )
        [group_answer] = await api.wait_for("sendMessage", chat_id=-555)
        assert group_answer.text.splitlines()[0] == "Nästa möte i Haninge är torsdag 28 mars 2019."

        api.queue_update(message(CHAT, "nästa " + "x" * 10_000))
        long_answer = (await api.wait_for("sendMessage", 4, chat_id=CHAT))[-1]
        assert say("sv", "too_long") in long_answer.text or say("en", "too_long") in long_answer.text
        api.queue_update(message(CHAT, "/mina"))
        await api.wait_for("sendMessage", 5, chat_id=CHAT)
    assert errors == []
    assert len(api.calls_to("sendMessage", chat_id=CHAT)) == 5  # the edit got no answer
    assert len(api.calls_to("sendMessage", chat_id=-555)) == 1  # group chatter is ignored


async def test_inline_mode_offers_the_answer_as_an_article(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(
            {
                "inline_query": {
                    "id": "iq1",
                    "from": {"id": CHAT, "is_bot": False, "first_name": "A"},
                    "query": "när är nästa frukostmöte i Haninge",
                    "offset": "",
                }
            }
        )
        [answered] = await api.wait_for("answerInlineQuery")
        results = answered.json("results")
        assert results and results[0]["type"] == "article"
        assert results[0]["input_message_content"]["message_text"].startswith(
            "Nästa frukostmöte i Haninge är torsdag 28"
        )

        api.queue_update(
            {
                "inline_query": {
                    "id": "iq2",
                    "from": {"id": CHAT, "is_bot": False, "first_name": "A"},
                    "query": "",
                    "offset": "",
                }
            }
        )
        empty = (await api.wait_for("answerInlineQuery", 2))[-1]
        assert empty.json("results")


async def test_admin_commands_are_refused_to_others(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    async with running(bot):
        api.queue_update(message(CHAT, "/stats"))
        api.queue_update(message(CHAT, "/reload"))
        refusals = await api.wait_for("sendMessage", 2, chat_id=CHAT)
        assert [r.text for r in refusals] == [say("sv", "admin_only")] * 2

        bot.repo.subscribe(CHAT, "Haninge")
        api.queue_update(message(ADMIN, "/stats"))
        [stats] = await api.wait_for("sendMessage", chat_id=ADMIN)
        assert "Användare: 2" in stats.text and "Haninge: 1" in stats.text

        engine_before = bot.app.bot_data["fedbot"].engine
        api.queue_update(message(ADMIN, "/reload"))
        reloaded = (await api.wait_for("sendMessage", 2, chat_id=ADMIN))[-1]
        assert "2 möten" in reloaded.text and "1 påminnelsetider" in reloaded.text
        assert bot.app.bot_data["fedbot"].engine is not engine_before
        assert len(bot.reminder_jobs()) == 1


async def test_blocking_the_bot_ends_the_subscriptions_at_once(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(CHAT, "Tyresö")
    me = {"id": 4242, "is_bot": True, "first_name": "FedBot"}
    async with running(bot):
        api.queue_update(
            {
                "my_chat_member": {
                    "chat": {"id": CHAT, "type": "private", "first_name": "A"},
                    "from": {"id": CHAT, "is_bot": False, "first_name": "A"},
                    "date": 0,
                    "old_chat_member": {"status": "member", "user": me},
                    "new_chat_member": {"status": "kicked", "user": me, "until_date": 0},
                }
            }
        )
        api.queue_update(message(CHAT + 5, "/mina"))  # handled after the membership change
        await api.wait_for("sendMessage", chat_id=CHAT + 5)
        assert bot.repo.subscriptions_of(CHAT) == [] and bot.repo.is_blocked(CHAT)


async def test_every_command_answers_in_both_languages(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    commands = [
        "/hjalp",
        "/help",
        "/moten",
        "/meetings Tyresö",
        "/lediga",
        "/vacancies",
        "/kontakt",
        "/contact",
        "/mina",
        "/subscriptions",
        "/avsluta",
    ]
    async with running(bot):
        for index, command in enumerate(commands):
            api.queue_update(message(CHAT + index, command, lang="en" if command.isascii() and index % 2 else "sv"))
        for index, command in enumerate(commands):
            [answer] = await api.wait_for("sendMessage", chat_id=CHAT + index)
            assert answer.text.strip(), command
        meetings = api.calls_to("sendMessage", chat_id=CHAT + 2)[0]
        assert {f"rem|{HANINGE_ID}", "rem|frukostmöte-2019-04-04"} <= set(keyboard_data(meetings))
        assert api.calls_to("sendMessage", chat_id=CHAT + 10)[0].text == say("sv", "no_subscriptions")

        bot.repo.subscribe(CHAT, "Tyresö")
        api.queue_update(message(CHAT, "/avsluta"))
        api.queue_update(callback(CHAT, "subm"))
        choose_unsub, choose_sub = (await api.wait_for("sendMessage", 3, chat_id=CHAT))[1:]
        assert {"unsub|Tyresö", "unsub|alla"} == set(keyboard_data(choose_unsub))
        assert {"sub|Haninge", "sub|Nynäshamn", "sub|Tyresö", "sub|alla"} == set(keyboard_data(choose_sub))


async def test_each_update_gives_one_log_line_with_its_intent_and_never_the_message_text(api, clock, tmp_path, caplog):
    caplog.set_level("INFO")
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(CHAT, "När är nästa frukostmöte i Haninge? hemligt-ord"))
        await api.wait_for("sendMessage", chat_id=CHAT)
        for _ in range(100):  # the line is written by the last handler group, just after the reply
            lines = [r for r in caplog.records if r.getMessage() == "update"]
            if lines:
                break
            await asyncio.sleep(0.01)
    [line] = lines
    assert line.fields["intent"] == "next_meeting" and line.fields["kind"] == "text"
    assert "hemligt-ord" not in caplog.text


def test_long_texts_are_split_within_telegrams_count_of_utf16_units():
    for text in ["a" * 10_000, "ord " * 3000, "📅" * 5000, "rad\n" * 2000 + "x" * 5000]:
        pieces = split_text(text)
        assert all(0 < len(p.encode("utf-16-le")) // 2 <= 4096 for p in pieces)
        assert "".join(pieces).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")


async def test_a_reply_longer_than_telegrams_limit_arrives_whole_in_pieces_with_the_buttons_last(
    api, clock, tmp_path, monkeypatch
):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    engine = bot.app.bot_data["fedbot"].engine
    long_text = "\n".join(f"Rad {i}: " + "ord " * 30 for i in range(200))  # about 25,000 characters
    real_answer = engine.answer

    def long_answer(text, **options):
        reply = real_answer(text, **options)
        reply.text = long_text
        return reply

    monkeypatch.setattr(engine, "answer", long_answer)
    async with running(bot):
        api.queue_update(message(CHAT, "När är nästa frukostmöte i Haninge?"))
        await wait_until(lambda: len(api.calls_to("sendMessage", chat_id=CHAT)) >= 7)
        await asyncio.sleep(0.05)
    pieces = api.calls_to("sendMessage", chat_id=CHAT)
    assert [c for c in api.calls if c.status != 200] == []  # none refused as too long
    assert "\n".join(p.text for p in pieces) == long_text
    assert [("reply_markup" in p.params) for p in pieces] == [False] * (len(pieces) - 1) + [True]
    assert f"rem|{HANINGE_ID}" in keyboard_data(pieces[-1])


async def test_stale_or_forged_buttons_change_nothing_and_every_press_is_answered(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    forged = [
        "sub|Stockholm",
        "sub|x'); DROP TABLE users; --",
        "rem|frukostmöte-1999-01-01",
        "ics|nope",
        "i|no_such_intent|Mars",
        "zzz|1",
        "unsub|Atlantis",
        "sub",
    ]
    async with running(bot):
        for data in forged:
            api.queue_update(callback(CHAT, data))
        answers = await api.wait_for("answerCallbackQuery", len(forged))
        assert bot.repo.subscriptions_of(CHAT) == [] and bot.repo.watches_of(CHAT) == []
        assert bot.repo.stats().users == 1
    toasts = [a.params.get("text") for a in answers]
    assert toasts.count(say("sv", "meeting_gone")) == 2  # the reminder and the calendar of a meeting never held
    assert api.calls_to("sendDocument") == []


async def test_a_button_whose_answer_fails_still_stops_spinning_and_says_so(api, clock, tmp_path, monkeypatch):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(bot.app.bot_data["fedbot"].engine, "answer_intent", broken)
    async with running(bot):
        api.queue_update(callback(CHAT, "i|next_meeting|Haninge"))
        await api.wait_for("answerCallbackQuery")
        [sorry] = await api.wait_for("sendMessage", chat_id=CHAT)
    assert sorry.text == say("sv", "error")


async def test_a_user_who_blocks_the_bot_mid_conversation_loses_their_subscriptions_without_an_error(
    api, clock, tmp_path, caplog
):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(CHAT, "Haninge")
    api.forbidden_chats.add(CHAT)
    async with running(bot):
        api.queue_update(message(CHAT, "När är nästa frukostmöte?"))
        await wait_until(lambda: bot.repo.is_blocked(CHAT))
        assert bot.repo.subscriptions_of(CHAT) == []
    assert not [r for r in caplog.records if r.name == "bot.telegram.errors" and r.levelname == "ERROR"]


async def test_a_reply_that_certainly_failed_is_sent_once_more_and_one_whose_answer_was_lost_is_not(
    api, clock, tmp_path, monkeypatch
):
    monkeypatch.setattr("bot.telegram.replies.RETRY_PAUSE", 0)
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.fail_next("sendMessage", 502)  # Telegram's front end failed: the message never arrived
        api.queue_update(message(CHAT, "/lediga"))
        [reply] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert reply.text.strip()

        api.fail_next("sendMessage", 0)  # Telegram got it, the answer never came back
        api.queue_update(message(CHAT + 1, "/lediga"))
        api.queue_update(message(CHAT + 2, "/lediga"))  # updates are handled in order: this one comes after
        await api.wait_for("sendMessage", chat_id=CHAT + 2)
    attempts = [c for c in api.calls if c.method == "sendMessage" and c.chat_id == CHAT + 1]
    assert len(attempts) == 1  # neither repeated nor followed by "something went wrong"


async def test_inline_follow_ups_continue_the_persons_own_question_never_a_strangers(api, clock, tmp_path):
    def inline(user_id: int, query_id: str, text: str) -> dict:
        return {
            "inline_query": {
                "id": query_id,
                "from": {"id": user_id, "is_bot": False, "first_name": "A"},
                "query": text,
                "offset": "",
            }
        }

    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(inline(CHAT, "a1", "nästa frukostmöte i Haninge"))
        api.queue_update(inline(CHAT + 1, "b1", "vad handlar det om?"))
        api.queue_update(inline(CHAT, "a2", "vad handlar det om?"))
        answered = await api.wait_for("answerInlineQuery", 3)
    by_query = {call.params["inline_query_id"]: call for call in answered}  # people are answered side by side
    stranger, own = by_query["b1"], by_query["a2"]
    text = lambda call: call.json("results")[0]["input_message_content"]["message_text"]  # noqa: E731
    assert "Psykisk ohälsa" in text(own)
    assert "Psykisk ohälsa" not in text(stranger)
    assert own.params["is_personal"] == "true"  # Telegram must not serve one person's answer to another
