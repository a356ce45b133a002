"""Every command a person tries gets an answer, through the real Application and the fake Bot API:
spellings with å, ä, ö and English names, unknown commands, /hjalp's list, /om, /integritet, /stop,
/radera leaving nothing behind, and questions about reminders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from telegram_harness import HANINGE_ID, build_bot, callback, keyboard_data, message, running

from bot.answers.bot_info import Operator, privacy
from bot.state import Reason
from bot.telegram import routes
from bot.texts import commands, say

CHAT = 3001
GROUP = {"id": -777, "type": "group", "title": "Handläggare"}
OPERATOR = {"operator": "Samordningsförbundet Östra Södertörn", "operator_contact": "info@example.se"}


def plain(chat_id: int, text: str, lang: str = "sv") -> dict:
    """A message as Telegram sends "/nästa": no command mark, since ä is not a command letter."""
    return message(chat_id, text, lang, as_command=False)


def in_group(text: str) -> dict:
    return message(GROUP["id"], text, chat=GROUP)


def every_row(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the database, read with a connection of its own."""
    with sqlite3.connect(db) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: connection.execute(f'SELECT * FROM "{table}"').fetchall() for table in tables}


def mentions(row: tuple, chat_id: int) -> bool:
    return any(value == chat_id or (isinstance(value, str) and str(chat_id) in value) for value in row)


def test_every_command_of_the_list_has_a_handler():
    assert routes.unrouted() == []
    assert set(routes.ROUTES) <= {command.key for command in commands()}


async def test_commands_typed_with_a_a_o_or_in_capitals_answer_like_their_plain_spelling(api, clock, tmp_path):
    pairs = [
        ("/nästa Handen", "/nasta Handen"),
        ("/möten", "/moten"),
        ("/möten Tyresö", "/moten tyreso"),
        ("/hjälp", "/hjalp"),
        ("/Lediga", "/lediga"),
        ("/NÄSTA@fedbot_test_bot haninge", "/next Haninge"),
        ("/börja", "/start"),
    ]
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        for index, (typed, plain_form) in enumerate(pairs):
            api.queue_update(plain(CHAT + 2 * index, typed))
            api.queue_update(message(CHAT + 2 * index + 1, plain_form))
        for index, (typed, _) in enumerate(pairs):
            [fancy] = await api.wait_for("sendMessage", chat_id=CHAT + 2 * index)
            [reference] = await api.wait_for("sendMessage", chat_id=CHAT + 2 * index + 1)
            assert fancy.text == reference.text, typed
            assert keyboard_data(fancy) == keyboard_data(reference), typed
    nasta = api.calls_to("sendMessage", chat_id=CHAT)[0]
    assert nasta.text.splitlines()[0] == "Nästa möte i Haninge är torsdag 28 mars 2019."
    assert f"rem|{HANINGE_ID}" in keyboard_data(nasta)


async def test_an_unknown_command_gets_a_short_reply_and_the_main_menu(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(CHAT, "/foo"))
        api.queue_update(message(CHAT + 1, "/foo bar", lang="en"))
        api.queue_update(plain(CHAT + 2, "/räksmörgås"))
        [swedish] = await api.wait_for("sendMessage", chat_id=CHAT)
        [english] = await api.wait_for("sendMessage", chat_id=CHAT + 1)
        [folded] = await api.wait_for("sendMessage", chat_id=CHAT + 2)
    assert swedish.text == say("sv", "unknown_command", command="foo")
    assert english.text == say("en", "unknown_command", command="foo")
    assert folded.text == say("sv", "unknown_command", command="räksmörgås")  # repeated as typed
    assert {"i|next_meeting|", "i|open_places|", "subm"} <= set(keyboard_data(swedish))
    assert say("en", "menu_next") in [b["text"] for row in english.json("reply_markup")["inline_keyboard"] for b in row]


async def test_in_a_group_only_commands_for_this_bot_are_answered(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(in_group("/foo"))  # perhaps another bot's command: not ours to answer
        api.queue_update(in_group("/nasta@another_bot Haninge"))
        api.queue_update(in_group("/foo@fedbot_test_bot"))
        api.queue_update(in_group("/nästa@FedBot_Test_Bot Haninge"))
        first, second = await api.wait_for("sendMessage", 2, chat_id=GROUP["id"])
    assert first.text == say("sv", "unknown_command", command="foo")
    assert second.text.splitlines()[0] == "Nästa möte i Haninge är torsdag 28 mars 2019."
    assert len(api.calls_to("sendMessage", chat_id=GROUP["id"])) == 2


async def test_help_lists_every_command_one_line_each_in_swedish_and_english(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(CHAT, "/hjalp"))
        api.queue_update(message(CHAT + 1, "/help", lang="en"))
        [swedish] = await api.wait_for("sendMessage", chat_id=CHAT)
        [english] = await api.wait_for("sendMessage", chat_id=CHAT + 1)
    for lang, answer in (("sv", swedish), ("en", english)):
        lines = answer.text.splitlines()
        for command in commands():
            line = f"/{command.name(lang)} – {command.about[lang]}"
            assert (line in lines) is not command.admin, line
        assert "i|next_meeting|" in keyboard_data(answer)
    assert "/bevaka – Bevaka lediga platser [utförare]" in swedish.text.splitlines()
    assert "/watch – Watch open places [provider]" in english.text.splitlines()
    # the newest newsletter known on the bot's day (20 March 2019)
    assert swedish.text.endswith("Jag känner till nyhetsbreven t.o.m. nr 1 2019 (februari 2019).")
    assert english.text.endswith("I know the newsletters up to nr 1 2019 (February 2019).")
    assert "/stats" not in swedish.text and "/reload" not in english.text


async def test_telegrams_command_menu_has_the_new_commands_and_not_the_admin_ones(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        registered = {
            call.params.get("language_code", ""): [item["command"] for item in call.json("commands")]
            for call in await api.wait_for("setMyCommands", 2)
        }
    assert {"bevaka", "om", "integritet", "radera", "hjalp"} <= set(registered[""])
    assert {"watch", "about", "privacy", "delete", "help"} <= set(registered["en"])
    assert not {"reload", "stats", "meny", "stopp"} & set(registered[""])
    assert registered[""].index("bevaka") == registered[""].index("mina") + 1


async def test_menu_about_and_privacy_answer_in_both_languages(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock, **OPERATOR)):
        asked = [("/meny", "sv"), ("/menu", "en"), ("/om", "sv"), ("/about", "en"), ("/integritet", "sv")]
        for offset, (text, lang) in enumerate([*asked, ("/privacy", "en")]):
            api.queue_update(message(CHAT + offset, text, lang=lang))
        menu_sv, menu_en, about_sv, about_en, privacy_sv, privacy_en = [
            (await api.wait_for("sendMessage", chat_id=CHAT + offset))[0] for offset in range(6)
        ]
    assert menu_sv.text == say("sv", "menu") and "subm" in keyboard_data(menu_sv)
    assert menu_en.text == say("en", "menu") and "subm" in keyboard_data(menu_en)
    assert about_sv.text.startswith("Jag är en chattbot för samordningsförbundet.")
    assert "bara utifrån förbundets nyhetsbrev" in about_sv.text
    assert "Jag har läst 1 nyhetsbrev. Det senaste är nr 1 2019 (februari 2019)." in about_sv.text
    assert "Boten drivs av Samordningsförbundet Östra Södertörn (info@example.se)." in about_sv.text
    assert "The newest is nr 1 2019 (February 2019)." in about_en.text
    assert "only from the federation's newsletters" in about_en.text
    assert "The bot is run by Samordningsförbundet Östra Södertörn (info@example.se)." in about_en.text
    operator = Operator(**{"name": OPERATOR["operator"], "contact": OPERATOR["operator_contact"]})
    assert privacy_sv.text == privacy("sv", operator)
    assert privacy_en.text == privacy("en", operator)
    for words in ("chattens id-nummer och språk", "prenumerationer", "logg", "tills du raderar", "/radera"):
        assert words in privacy_sv.text
    for words in ("id number and language", "subscriptions", "log", "until you delete", "/delete"):
        assert words in privacy_en.text
    # what the operator's logs hold, and how long: stderr to journald or Docker (5 files of 10 MB, deploy/compose.yaml)
    assert "Driftens loggar innehåller chattens id-nummer" in privacy_sv.text and "5 × 10 MB" in privacy_sv.text
    assert "The operator's logs contain the chat's id number" in privacy_en.text
    assert "journald" in privacy_en.text and "5 × 10 MB" in privacy_en.text


async def test_about_without_an_operator_setting_says_so(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(CHAT, "/om"))
        [about] = await api.wait_for("sendMessage", chat_id=CHAT)
    assert say("sv", "about_operator_unknown") in about.text


async def test_stop_says_what_it_does_and_then_ends_every_reminder(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(CHAT, "Haninge")
    bot.repo.subscribe(CHAT, "alla")
    bot.repo.watch_meeting(CHAT, HANINGE_ID)
    async with running(bot):
        api.queue_update(message(CHAT, "/stop"))
        api.queue_update(message(CHAT + 1, "/stop", lang="en"))
        [stopped] = await api.wait_for("sendMessage", chat_id=CHAT)
        [nothing] = await api.wait_for("sendMessage", chat_id=CHAT + 1)
        assert bot.repo.subscriptions_of(CHAT) == [] and bot.repo.watches_of(CHAT) == []
    assert stopped.text == f"{say('sv', 'stop_says')}\n{say('sv', 'unsubscribed_all')}"
    assert nothing.text == f"{say('en', 'stop_says')}\n{say('en', 'no_subscriptions')}"


async def test_stop_with_only_watches_of_open_places_ends_them(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.watch_places(CHAT, "jobbverket", "Jobbverket", "sv")
    async with running(bot):
        api.queue_update(message(CHAT, "/stop"))
        [stopped] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert bot.repo.place_watches_of(CHAT) == []
    assert stopped.text == f"{say('sv', 'stop_says')}\n{say('sv', 'unsubscribed_all')}"


async def test_watch_has_its_place_in_the_list_and_answers(api, clock, tmp_path):
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(CHAT, "/bevaka Jobbverket"))
        api.queue_update(message(CHAT + 1, "/watch", lang="en"))
        [swedish] = await api.wait_for("sendMessage", chat_id=CHAT)
        [english] = await api.wait_for("sendMessage", chat_id=CHAT + 1)
    # routed to the watch handler (the sample base reports no open places; tests/test_telegram_alerts.py has more)
    assert swedish.text == say("sv", "no_places_to_watch") and english.text == say("en", "no_places_to_watch")


async def test_delete_asks_first_and_then_leaves_nothing_about_the_chat_in_any_table(api, clock, tmp_path):
    db = tmp_path / "db.sqlite3"
    bot = build_bot(api, db, clock)
    for chat in (CHAT, CHAT + 1):
        bot.repo.subscribe(chat, "Haninge")
        bot.repo.watch_meeting(chat, HANINGE_ID)
        assert bot.repo.claim_reminder(chat, HANINGE_ID, "day_before", Reason(("Haninge",)))
        bot.repo.mark_sent(chat, HANINGE_ID, "day_before", 55)
        bot.repo.watch_places(chat, "jobbverket", "Jobbverket", "sv")
    bot.repo.subscribe(CHAT, "alla")
    with sqlite3.connect(db) as other:  # a table added later, by another feature, with the same column
        other.execute("CREATE TABLE provider_watches (chat_id INTEGER NOT NULL, provider TEXT NOT NULL)")
        other.executemany("INSERT INTO provider_watches VALUES (?, 'Jobbverket')", [(CHAT,), (CHAT + 1,)])
    async with running(bot):
        api.queue_update(message(CHAT, "nästa frukostmöte i Haninge"))  # a conversation to forget too
        api.queue_update(message(CHAT, "/radera"))
        asked = (await api.wait_for("sendMessage", 2, chat_id=CHAT))[-1]
        assert asked.text == say("sv", "forget_confirm")
        assert keyboard_data(asked) == ["del|yes", "del|no"]

        api.queue_update(callback(CHAT, "del|no"))
        kept = (await api.wait_for("sendMessage", 3, chat_id=CHAT))[-1]
        assert kept.text == say("sv", "forget_kept")
        assert bot.repo.subscriptions_of(CHAT) == ["Haninge", "alla"]

        api.queue_update(message(CHAT, "/radera"))
        await api.wait_for("sendMessage", 4, chat_id=CHAT)
        api.queue_update(callback(CHAT, "del|yes"))
        done = (await api.wait_for("sendMessage", 5, chat_id=CHAT))[-1]
        assert done.text == say("sv", "forget_done")
        await api.wait_for("editMessageReplyMarkup", 2)  # each question's buttons are taken away

        rows = every_row(db)
        assert set(rows) >= {
            "users",
            "subscriptions",
            "meeting_watches",
            "place_watches",
            "reminders_sent",
            "provider_watches",
        }
        left = {table: [row for row in found if mentions(row, CHAT)] for table, found in rows.items()}
        assert all(not found for found in left.values()), left
        others = {table: len([row for row in found if mentions(row, CHAT + 1)]) for table, found in rows.items()}
        assert others["users"] == others["subscriptions"] == others["meeting_watches"] == 1
        assert others["reminders_sent"] == others["provider_watches"] == others["place_watches"] == 1

        api.queue_update(message(CHAT, "vad handlar det om?"))  # the conversation is forgotten too
        follow_up = (await api.wait_for("sendMessage", 6, chat_id=CHAT))[-1]
        assert "Psykisk ohälsa" not in follow_up.text


async def test_delete_in_english_and_a_forged_answer_to_its_question(api, clock, tmp_path):
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(CHAT, "Tyresö")
    async with running(bot):
        api.queue_update(message(CHAT, "/delete", lang="en"))
        [asked] = await api.wait_for("sendMessage", chat_id=CHAT)
        assert asked.text == say("en", "forget_confirm")
        labels = [b["text"] for row in asked.json("reply_markup")["inline_keyboard"] for b in row]
        assert labels == [say("en", "forget_yes"), say("en", "forget_no")]
        api.queue_update(callback(CHAT, "del|maybe", lang="en"))
        [stale] = await api.wait_for("answerCallbackQuery")
        assert stale.params.get("text") == say("en", "button_stale")
        assert bot.repo.subscriptions_of(CHAT) == ["Tyresö"]
        api.queue_update(callback(CHAT, "del|yes", lang="en"))
        [_, done] = await api.wait_for("sendMessage", 2, chat_id=CHAT)
        assert done.text == say("en", "forget_done")
        assert bot.repo.subscriptions_of(CHAT) == [] and bot.repo.stats().users == 0


async def test_questions_about_reminders_and_watching_are_answered_with_the_bots_commands(api, clock, tmp_path):
    questions = [
        ("hur prenumererar jag på påminnelser?", "sv", ["/prenumerera", "/avsluta", "/mina", "/bevaka"]),
        ("how do I subscribe to reminders for Nynäshamn?", "en", ["/subscribe Nynäshamn", "/unsubscribe"]),
        ("hur avslutar jag påminnelser?", "sv", ["/avsluta"]),
        ("kan jag bevaka lediga platser?", "sv", ["/bevaka", say("sv", "reminders_lead")]),
        # the bot itself and what it stores: what /om and /integritet say, who runs it included
        ("vem står bakom den här boten?", "sv", ["Förbundets kansli", "/integritet"]),
        ("what do you keep about me", "en", ["/delete", "Förbundets kansli"]),
    ]
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock, operator="Förbundets kansli")):
        for offset, (text, lang, _) in enumerate(questions):
            api.queue_update(message(CHAT + offset, text, lang=lang))
        for offset, (text, _, expected) in enumerate(questions):
            [answer] = await api.wait_for("sendMessage", chat_id=CHAT + offset)
            for words in expected:
                assert words in answer.text, (text, answer.text)
            assert "nyhetsbrevet" not in answer.text.split("(")[0]  # not the newsletter's e-mail subscription
