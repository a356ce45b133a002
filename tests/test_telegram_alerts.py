"""Change alerts and watches of open places, end to end: the real Application against the fake Bot API, the
real SQLite database, knowledge bases built by the project's builder from newsletters written here."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from pathlib import Path

import pytest
from fake_bot_api import FakeBotApi
from telegram_harness import (
    ADMIN,
    Bot,
    Clock,
    build_bot,
    callback,
    initialized,
    keyboard_data,
    local,
    message,
    running,
)

from bot.answers.alerts import fitted
from bot.engine import Engine
from bot.folding import fold
from bot.ingest.build import build
from bot.knowledge.model import KnowledgeBase, OpenPlace
from bot.knowledge.vocabulary import load_vocabulary
from bot.state import ALL
from bot.telegram import keyboards
from bot.telegram.alerts import KIND
from bot.texts import say

HANINGE, TYRESO, EVERYWHERE, NYNASHAMN, WATCHER = 5001, 5002, 5003, 5004, 5005

FEBRUARY = """\
NYHETSBREV

nr 1 2024 feb.

Vårens frukostmöten • Lediga platser

Vårens frukostmöten

Haninge

15/3 Samverkan kring sjukskrivna. Haninge kulturhus.

24/5 Arbetsträning som väg in.

Tyresö

29/3 Att möta unga som varken arbetar eller studerar. Tyresö kommunhus.

10/5 Digitalt utanförskap. Tyresö bibliotek.

Nynäshamn

12/4 Psykisk ohälsa på arbetsplatsen. Folkets hus, Nynäshamn.

Lediga platser i MIA Östra Södertörn

60 deltagare var inskrivna i slutet av januari. Följande lediga platser finns just nu:

Arbetsträning: Jobbverket 1, Grow 2

Case Management: 10

Kontakta Resursrådet om du har deltagare att föreslå!
"""

# The next issue moves, cancels, adds and changes meetings, and reports more places at Jobbverket.
MARCH = """\
NYHETSBREV

nr 2 2024 mars

Ändrade frukostmöten • Nytt möte i Haninge • Lediga platser

Ändringar i vårens frukostmöten

Frukostmötet i Haninge flyttas från 15/3 till 22/3 på grund av lokalbrist.

Frukostmötet i Tyresö den 29/3 ställs in.

Frukostmötet i Tyresö 10/5 får ny lokal: Tyresö kommunhus.

Frukostmötet i Haninge 24/5 får nytt tema: Unga vuxnas väg till arbete.

Nytt frukostmöte i Haninge

Haninge

19/4 Digitala verktyg i arbetsträningen. Haninge kulturhus.

Lediga platser i MIA Östra Södertörn

62 deltagare var inskrivna i slutet av februari. Följande lediga platser finns just nu:

Arbetsträning: Jobbverket 3, Grow 2

Case Management: 10

Kontakta Resursrådet om du har deltagare att föreslå!
"""

HANINGE_NEWS = """\
Nytt om mötena i Haninge:
• Flyttat från fredag 15 mars 2024 till fredag 22 mars 2024: Frukostmöte i Haninge – Samverkan kring sjukskrivna
• Nytt: Frukostmöte fredag 19 april 2024 i Haninge – Digitala verktyg i arbetsträningen
• Ändrat: Frukostmöte fredag 24 maj 2024 i Haninge – nytt tema: Unga vuxnas väg till arbete
Källa: Nyhetsbrev nr 2 2024"""

JOBBVERKET_NEWS = """\
Nytt om lediga platser du bevakar:
Jobbverket hade 3 lediga platser i MIA Östra Södertörn i slutet av februari 2024. (Förra beskedet var 1.)
Har du en deltagare att föreslå? Kontakta Resursrådet.
Källa: Nyhetsbrev nr 2 2024"""


def knowledge(folder: Path, *newsletters: str) -> KnowledgeBase:
    """The knowledge base `build-kb` makes of these newsletters (numbered as their issue lines say)."""
    folder.mkdir()
    for number, text in enumerate(newsletters, start=1):
        (folder / f"nyhetsbrev-2024-nr{number}.txt").write_text(text, encoding="utf-8")
    result = build([folder], load_vocabulary(), None)
    assert result.warnings == []
    return result.kb


@pytest.fixture
def bases(tmp_path: Path) -> tuple[KnowledgeBase, KnowledgeBase]:
    """The base before and after the March issue."""
    return knowledge(tmp_path / "february", FEBRUARY), knowledge(tmp_path / "march", FEBRUARY, MARCH)


def bot_with(api: FakeBotApi, db: Path, clock: Clock, kb: KnowledgeBase, on_disk: KnowledgeBase) -> Bot:
    """A bot started with `kb`, whose /reload loads `on_disk` (what `run` does with BOT_KB_DIR)."""
    bot = build_bot(api, db, clock, kb=kb)
    bot.app.bot_data["fedbot"].load_engine = lambda: Engine(on_disk)
    return bot


def texts_to(api: FakeBotApi, chat: int) -> list[str]:
    return [call.text for call in api.calls_to("sendMessage", chat_id=chat)]


async def reload(api: FakeBotApi) -> str:
    before = len(api.calls_to("sendMessage", chat_id=ADMIN))
    api.queue_update(message(ADMIN, "/reload"))
    return (await api.wait_for("sendMessage", before + 1, chat_id=ADMIN))[-1].text


async def test_a_reload_tells_each_subscriber_once_what_changed_where_they_subscribe_and_reminders_follow(
    api, tmp_path, bases
):
    february, march = bases
    db = tmp_path / "db.sqlite3"
    clock = Clock(local(2024, 3, 1, 10, 0))
    bot = bot_with(api, db, clock, february, march)
    bot.repo.subscribe(HANINGE, "Haninge", "sv")
    bot.repo.subscribe(TYRESO, "Tyresö", "en")
    bot.repo.subscribe(EVERYWHERE, ALL, "sv")
    bot.repo.subscribe(NYNASHAMN, "Nynäshamn", "sv")  # nothing changes in Nynäshamn
    async with running(bot):
        api.queue_update(message(WATCHER, "/bevaka jobbverket"))
        [watching] = await api.wait_for("sendMessage", chat_id=WATCHER)
        assert watching.text == say("sv", "watching_places", name="Jobbverket")

        reply = await reload(api)
        assert reply.splitlines()[1] == say(
            "sv", "reload_news", meetings=5, places=4, when=say("sv", "reload_news_now")
        )
        await bot.alerts.send_pending(bot.app.bot)  # waits for the fan-out the reload started
        assert bot.repo.pending_announcements() == []

    assert texts_to(api, HANINGE) == [HANINGE_NEWS]  # one message, about Haninge only
    [tyreso] = texts_to(api, TYRESO)
    assert tyreso.splitlines() == [
        "News of the meetings in Tyresö:",
        "• Cancelled: Breakfast meeting Friday 29 March 2024 in Tyresö – Att möta unga som varken arbetar eller "
        "studerar",
        "• Changed: Breakfast meeting Friday 10 May 2024 in Tyresö – new venue: Tyresö kommunhus",
        "Source: Newsletter nr 2 2024",
    ]
    [everything] = texts_to(api, EVERYWHERE)
    assert everything.startswith("Nytt om mötena i alla kommuner:\n")
    assert [line[:10] for line in everything.splitlines()[1:-1]] == [
        "• Flyttat ",
        "• Inställt",
        "• Nytt: Fr",
        "• Ändrat: ",
        "• Ändrat: ",
    ]
    assert texts_to(api, NYNASHAMN) == []
    assert texts_to(api, WATCHER) == [watching.text, JOBBVERKET_NEWS]

    # A restart with the new base on disk, then another /reload: nobody is told anything twice.
    restarted = bot_with(api, db, clock, march, march)
    async with running(restarted):
        assert len((await reload(api)).splitlines()) == 1  # no news line
        assert (await restarted.alerts.send_pending(restarted.app.bot)).sent == 0
        for chat in (HANINGE, TYRESO, EVERYWHERE, NYNASHAMN):
            assert len(texts_to(api, chat)) == (0 if chat == NYNASHAMN else 1)

        # Reminders follow: none the evening before the day the Haninge meeting moved away from...
        clock.set(local(2024, 3, 14, 18, 30))
        assert (await restarted.reminders.run_due(restarted.app.bot)).sent == 0
        # ... one the evening before its new day, to Haninge's subscriber and the one of every municipality ...
        clock.set(local(2024, 3, 21, 18, 5))
        assert (await restarted.reminders.run_due(restarted.app.bot)).sent == 2
        assert texts_to(api, HANINGE)[-1].startswith("Påminnelse: Frukostmöte fredag 22 mars 2024 i Haninge.")
        # ... and none for the cancelled meeting in Tyresö.
        clock.set(local(2024, 3, 28, 18, 5))
        assert (await restarted.reminders.run_due(restarted.app.bot)).sent == 0
    assert len(texts_to(api, TYRESO)) == 1


async def test_a_first_start_records_the_base_as_announced_without_telling_anyone(api, tmp_path, bases, caplog):
    caplog.set_level(logging.INFO)
    february, march = bases
    clock = Clock(local(2024, 3, 1, 10, 0))
    bot = bot_with(api, tmp_path / "db.sqlite3", clock, march, march)
    bot.repo.subscribe(EVERYWHERE, ALL)
    bot.repo.watch_places(WATCHER, "jobbverket", "Jobbverket")
    async with running(bot):
        assert (await bot.alerts.send_pending(bot.app.bot)).sent == 0
        assert bot.repo.has_announced()
    assert [c for c in api.calls if c.method == "sendMessage"] == []
    assert "recorded as announced, without alerts" in caplog.text


async def test_an_issue_counts_from_the_first_of_its_month_and_is_announced_then_without_a_reload(api, tmp_path, bases):
    _, march = bases
    clock = Clock(local(2024, 2, 20, 10, 0))  # the March issue is in the base but not yet published
    bot = bot_with(api, tmp_path / "db.sqlite3", clock, march, march)
    bot.repo.subscribe(HANINGE, "Haninge")
    async with initialized(bot):
        assert bot.alerts.check() is None  # the baseline: February's knowledge
        clock.set(local(2024, 3, 1, 8, 0))
        found = bot.alerts.check()  # what the sweep does every 15 minutes
        assert found is not None and len(found.meetings) == 5
        assert (await bot.alerts.send_pending(bot.app.bot)).sent == 1
    assert texts_to(api, HANINGE) == [HANINGE_NEWS]


async def test_a_chat_that_blocked_the_bot_is_marked_blocked_during_the_alerts_and_the_others_still_hear(
    api, tmp_path, bases
):
    february, march = bases
    clock = Clock(local(2024, 3, 1, 10, 0))
    bot = bot_with(api, tmp_path / "db.sqlite3", clock, february, march)
    for chat in (HANINGE, HANINGE + 100, HANINGE + 200):
        bot.repo.subscribe(chat, "Haninge")
    bot.repo.watch_places(HANINGE, "jobbverket", "Jobbverket")
    api.forbidden_chats.add(HANINGE)
    async with initialized(bot):
        bot.alerts.check()
        bot.app.bot_data["fedbot"].engine = Engine(march)  # what /reload does
        bot.alerts.check()
        report = await bot.alerts.send_pending(bot.app.bot)
        assert (report.sent, report.blocked) == (2, 1)
        assert bot.repo.is_blocked(HANINGE) and bot.repo.subscriptions_of(HANINGE) == []
        assert bot.repo.place_watches_of(HANINGE) == []
        assert bot.repo.pending_announcements() == []
    assert texts_to(api, HANINGE + 100) == texts_to(api, HANINGE + 200) == [HANINGE_NEWS]


async def test_a_crash_in_the_middle_of_the_alerts_resumes_at_the_next_start_and_tells_nobody_twice(
    api, tmp_path, bases
):
    class Crash(BaseException):
        pass

    february, march = bases
    db = tmp_path / "db.sqlite3"
    clock = Clock(local(2024, 3, 1, 10, 0))
    bot = bot_with(api, db, clock, february, march)
    chats = list(range(6000, 6030))
    for chat in chats:
        bot.repo.subscribe(chat, "Tyresö")
    real_mark_sent = bot.repo.mark_sent
    dead: list[bool] = []

    def crash_at_the_tenth(*args: object) -> None:
        if dead or len(api.calls_to("sendMessage")) >= 10:
            dead.append(True)  # the process dies right after Telegram accepted a message: nothing more is
            raise Crash  # recorded, and no more is claimed (only what was in flight then is sent)
        real_mark_sent(*args)

    bot.repo.mark_sent = crash_at_the_tenth
    await bot.app.initialize()
    bot.alerts.check()
    bot.app.bot_data["fedbot"].engine = Engine(march)
    bot.alerts.check()
    with pytest.raises(Crash):
        await bot.alerts.send_pending(bot.app.bot, keep_going=lambda: not dead)
    await bot.app.shutdown()
    bot.repo.close()
    told = {call.chat_id for call in api.calls_to("sendMessage")}
    assert 10 <= len(told) < len(chats)

    restarted = bot_with(api, db, clock, march, march)
    async with running(restarted):
        await restarted.alerts.send_pending(restarted.app.bot)
        assert restarted.repo.pending_announcements() == []
        uncertain = {
            chat for chat in chats if restarted.repo.reminder_status(chat, "announcement-2", KIND) == "claimed"
        }
    # (a request cut off by the shutdown reaches the fake server without its body: no chat)
    sent = [call.chat_id for call in api.calls_to("sendMessage") if call.chat_id is not None]
    assert len(sent) == len(set(sent))  # nobody twice: what was claimed when the process died is not sent again
    assert set(sent) | uncertain == set(chats)  # everyone else is told after the restart
    assert 1 <= len(uncertain) <= 12  # "uncertain" in /stats: at most one per worker of the fan-out


async def test_stopping_in_the_middle_of_the_alerts_leaves_the_rest_for_the_next_start(api, tmp_path, bases):
    february, march = bases
    db = tmp_path / "db.sqlite3"
    clock = Clock(local(2024, 3, 1, 10, 0))
    bot = bot_with(api, db, clock, february, march)
    chats = list(range(7000, 7060))
    for chat in chats:
        bot.repo.subscribe(chat, ALL)
    async with initialized(bot):
        bot.alerts.check()
        bot.app.bot_data["fedbot"].engine = Engine(march)
        bot.alerts.check()
        report = await bot.alerts.send_pending(bot.app.bot, keep_going=lambda: len(api.calls_to("sendMessage")) < 20)
        assert 20 <= report.sent < len(chats)
        assert len(bot.repo.pending_announcements()) == 1
    async with initialized(bot_with(api, db, clock, march, march)) as restarted:
        assert (await restarted.alerts.send_pending(restarted.app.bot)).sent == len(chats) - report.sent
        assert restarted.repo.pending_announcements() == []
    assert sorted(call.chat_id for call in api.calls_to("sendMessage")) == chats


async def test_watching_open_places_by_command_in_both_languages_and_by_button(api, tmp_path, bases):
    february, _ = bases
    chat, english = 8001, 8002
    bot = bot_with(api, tmp_path / "db.sqlite3", Clock(local(2024, 3, 1, 10, 0)), february, february)
    async with running(bot):
        api.queue_update(message(chat, "/bevaka"))
        [choose] = await api.wait_for("sendMessage", chat_id=chat)
        assert choose.text == say(
            "sv", "choose_watch", example="Jobbverket", names="Jobbverket, Grow, Case Management, Arbetsträning"
        )
        assert keyboard_data(choose) == ["bev|Jobbverket", "bev|Grow", "bev|Case Management", "bev|Arbetsträning"]

        api.queue_update(message(english, "/watch Bönorna", lang="en"))
        [unknown] = await api.wait_for("sendMessage", chat_id=english)
        assert unknown.text == say(
            "en", "watch_unknown", name="Bönorna", names="Jobbverket, Grow, Case Management, Arbetsträning"
        )
        api.queue_update(message(english, "/watch case managment", lang="en"))  # a typo is forgiven
        assert (await api.wait_for("sendMessage", 2, chat_id=english))[-1].text == say(
            "en", "watching_places", name="Case Management"
        )
        api.queue_update(message(english, "/bevaka Case Management", lang="en"))
        assert (await api.wait_for("sendMessage", 3, chat_id=english))[-1].text == say(
            "en", "already_watching_places", name="Case Management"
        )

        # The button under an open-places answer.
        api.queue_update(message(chat, "lediga platser hos jobbverket"))
        answer = (await api.wait_for("sendMessage", 2, chat_id=chat))[-1]
        assert answer.text.startswith("Jobbverket hade 1 ledig plats")
        assert keyboard_data(answer) == ["bev|Jobbverket"]
        assert answer.json("reply_markup")["inline_keyboard"][0][0]["text"] == "🔔 Bevaka Jobbverket"
        api.queue_update(callback(chat, "bev|Jobbverket"))
        [toast] = await api.wait_for("answerCallbackQuery")
        assert toast.params["text"] == say("sv", "watching_places", name="Jobbverket")
        api.queue_update(message(chat, "/lediga"))
        listing = (await api.wait_for("sendMessage", 3, chat_id=chat))[-1]
        assert keyboard_data(listing) == ["bevm"]  # several providers: a button for the chooser
        api.queue_update(callback(chat, "bevm"))
        chooser = (await api.wait_for("sendMessage", 4, chat_id=chat))[-1]
        assert chooser.text == choose.text
        api.queue_update(callback(chat, "bev|Arbetsträning"))
        await api.wait_for("answerCallbackQuery", 3)

        bot.repo.subscribe(chat, "Haninge")
        api.queue_update(message(chat, "/mina"))
        mine = (await api.wait_for("sendMessage", 5, chat_id=chat))[-1]
        assert mine.text.splitlines() == [
            say("sv", "subscriptions", places="Haninge"),
            say("sv", "place_watches", names="Arbetsträning, Jobbverket"),
        ]

        api.queue_update(message(chat, "/avsluta jobbverket"))
        ended = (await api.wait_for("sendMessage", 6, chat_id=chat))[-1]
        assert ended.text == say("sv", "unwatched_places", name="Jobbverket")
        api.queue_update(message(chat, "/avsluta"))
        menu = (await api.wait_for("sendMessage", 7, chat_id=chat))[-1]
        assert keyboard_data(menu) == ["unsub|Haninge", "unsub|alla", "ubev|Arbetsträning"]
        api.queue_update(callback(chat, "ubev|Arbetsträning"))
        gone = (await api.wait_for("sendMessage", 8, chat_id=chat))[-1]
        assert gone.text == say("sv", "unwatched_places", name="Arbetsträning")
        assert bot.repo.place_watches_of(chat) == [] and bot.repo.subscriptions_of(chat) == ["Haninge"]
        assert bot.repo.place_watches_of(english) == ["Case Management"]

    for data in [*keyboard_data(choose), *keyboard_data(answer), *keyboard_data(listing), *keyboard_data(menu)]:
        assert len(data.encode()) <= keyboards.MAX_DATA
        keyboards.parse(data)  # the bot accepts every button it makes


async def test_a_forged_or_stale_watch_button_is_checked_like_a_typed_name(api, tmp_path, bases):
    february, _ = bases
    chat = 8101
    bot = bot_with(api, tmp_path / "db.sqlite3", Clock(local(2024, 3, 1, 10, 0)), february, february)
    async with running(bot):
        api.queue_update(callback(chat, "bev|Nedlagda verkstaden"))  # a provider no newsletter names any more
        [listed] = await api.wait_for("sendMessage", chat_id=chat)
        assert listed.text.startswith("Jag hittar inte Nedlagda verkstaden bland de lediga platserna")
        api.queue_update(callback(chat, "bev|" + "x" * 70))  # over 64 bytes
        api.queue_update(callback(chat, "ubev|Grow"))  # a watch the chat never had
        await api.wait_for("answerCallbackQuery", 3)
        assert bot.repo.place_watches_of(chat) == []
    assert texts_to(api, chat)[1:] == [say("sv", "button_stale")]


async def test_remind_me_of_a_meeting_that_then_moves_tells_of_the_move_and_reminds_on_the_new_day(
    api, tmp_path, bases
):
    february, march = bases
    chat = 8201
    clock = Clock(local(2024, 3, 1, 10, 0))
    bot = bot_with(api, tmp_path / "db.sqlite3", clock, february, march)
    async with running(bot):
        api.queue_update(callback(chat, "rem|frukostmöte-2024-03-15", lang="en"))  # "Remind me" under an answer
        await api.wait_for("answerCallbackQuery")
        await reload(api)
        await bot.alerts.send_pending(bot.app.bot)
        [told] = texts_to(api, chat)
        assert told.splitlines()[:2] == [
            "News of a meeting you asked to be reminded of:",
            "• Moved from Friday 15 March 2024 to Friday 22 March 2024: Breakfast meeting in Haninge – Samverkan "
            "kring sjukskrivna",
        ]
        clock.set(local(2024, 3, 21, 18, 0))
        assert (await bot.reminders.run_due(bot.app.bot)).sent == 1
    assert texts_to(api, chat)[-1].startswith("Reminder: Breakfast meeting Friday 22 March 2024 in Haninge.")


async def test_a_chat_that_deletes_its_data_while_the_alerts_go_out_is_not_sent_one_nor_written_back(
    api, tmp_path, bases
):
    february, march = bases
    first, leaving = 9101, 9102
    bot = bot_with(api, tmp_path / "db.sqlite3", Clock(local(2024, 3, 1, 10, 0)), february, march)
    for chat in (first, leaving):
        bot.repo.subscribe(chat, "Haninge")
    bot.alerts.workers = 1  # one at a time, by chat: `first` first
    async with running(bot):
        api.queue_update(message(leaving, "/radera"))
        await api.wait_for("sendMessage", chat_id=leaving)

        def press_yes(call) -> None:  # noqa: ANN001 -- while Telegram has not yet answered the send to `first`
            if call.chat_id != first:
                return
            api.on_send = None
            api.queue_update(callback(leaving, "del|yes"))
            for _ in range(500):
                if bot.repo.language(leaving) is None:
                    return
                time.sleep(0.01)

        api.on_send = press_yes
        bot.app.bot_data["fedbot"].engine = Engine(march)  # what /reload does
        bot.alerts.check()
        report = await bot.alerts.send_pending(bot.app.bot)
        assert report.sent == 1
        assert bot.repo.language(leaving) is None
        assert bot.repo._rows("SELECT * FROM reminders_sent WHERE chat_id = ?", (leaving,)) == []
    assert texts_to(api, first) == [HANINGE_NEWS]
    assert HANINGE_NEWS not in texts_to(api, leaving)


async def test_a_smaller_base_and_then_the_full_one_again_announces_nothing_as_new(api, tmp_path, bases):
    _, march = bases
    smaller = dataclasses.replace(march, meetings=march.meetings[:1])
    bot = bot_with(api, tmp_path / "db.sqlite3", Clock(local(2024, 3, 1, 10, 0)), march, march)
    bot.repo.subscribe(EVERYWHERE, ALL)
    async with running(bot):  # the first start: March's base is the one announced
        bot.app.bot_data["fedbot"].load_engine = lambda: Engine(smaller)
        assert len((await reload(api)).splitlines()) == 1  # meetings left out are no news
        bot.app.bot_data["fedbot"].load_engine = lambda: Engine(march)
        assert len((await reload(api)).splitlines()) == 1  # ... nor when they come back
        assert (await bot.alerts.send_pending(bot.app.bot)).sent == 0
        assert bot.repo.pending_announcements() == []
    assert texts_to(api, EVERYWHERE) == []


def alert_jobs(bot: Bot, name: str) -> list:
    return [job for job in bot.app.job_queue.jobs() if job.name == name]


async def test_the_sweep_that_finds_a_new_issue_just_after_midnight_waits_for_sending_hours(api, tmp_path, bases):
    _, march = bases
    clock = Clock(local(2024, 2, 29, 20, 0))  # the March issue is in the base but not yet published
    bot = bot_with(api, tmp_path / "db.sqlite3", clock, march, march)
    bot.repo.subscribe(HANINGE, "Haninge")
    async with running(bot):
        [sweep] = alert_jobs(bot, "alerts:sweep")
        clock.set(local(2024, 3, 1, 0, 5))
        await sweep.run(bot.app)  # finds the March issue published: queued, not sent
        assert len(bot.repo.pending_announcements()) == 1
        clock.set(local(2024, 3, 1, 7, 50))
        await sweep.run(bot.app)
        assert texts_to(api, HANINGE) == []
        clock.set(local(2024, 3, 1, 8, 5))
        await sweep.run(bot.app)  # the first sweep in sending hours sends it, once
        await sweep.run(bot.app)
        assert bot.repo.pending_announcements() == []
    assert texts_to(api, HANINGE) == [HANINGE_NEWS]


async def test_a_reload_at_night_answers_when_the_alerts_go_out_and_sends_them_then(api, tmp_path, bases):
    february, march = bases
    clock = Clock(local(2024, 3, 1, 22, 30))
    bot = bot_with(api, tmp_path / "db.sqlite3", clock, february, march)
    bot.repo.subscribe(HANINGE, "Haninge")
    async with running(bot):
        reply = await reload(api)
        assert reply.splitlines()[1] == say(
            "sv", "reload_news", meetings=5, places=4, when=say("sv", "reload_news_later", time="08:00")
        )
        [opening] = alert_jobs(bot, "alerts:2024-03-02T08:00:00+01:00")
        await asyncio.sleep(0.2)
        assert texts_to(api, HANINGE) == []
        clock.set(local(2024, 3, 2, 8, 0))
        await opening.run(bot.app)
    assert texts_to(api, HANINGE) == [HANINGE_NEWS]


async def test_remind_me_of_a_meeting_that_moved_tells_when_it_is_then_cancelled_on_its_new_day(api, tmp_path, bases):
    february, march = bases
    cancelled = dataclasses.replace(
        march,
        meetings=[
            dataclasses.replace(meeting, status="cancelled") if meeting.id == "frukostmöte-2024-03-22" else meeting
            for meeting in march.meetings
        ],
    )
    chat = 8202
    bot = bot_with(api, tmp_path / "db.sqlite3", Clock(local(2024, 3, 1, 10, 0)), february, march)
    async with running(bot):
        api.queue_update(callback(chat, "rem|frukostmöte-2024-03-15", lang="en"))  # on its first day
        await api.wait_for("answerCallbackQuery")
        await reload(api)  # moved to 22 March: told
        await bot.alerts.send_pending(bot.app.bot)
        bot.app.bot_data["fedbot"].load_engine = lambda: Engine(cancelled)
        await reload(api)  # then cancelled on 22 March
        await bot.alerts.send_pending(bot.app.bot)
    moved, told = texts_to(api, chat)
    assert told.splitlines()[:2] == [
        "News of a meeting you asked to be reminded of:",
        "• Cancelled: Breakfast meeting Friday 22 March 2024 in Haninge – Samverkan kring sjukskrivna",
    ]


async def test_an_alert_of_very_many_open_places_is_capped_and_fits_in_one_telegram_message(api, tmp_path, bases):
    february, march = bases
    many = [
        OpenPlace(f"Arbetsträningsutföraren nummer {n} i Haninge med ett mycket långt namn", n) for n in range(1, 61)
    ]
    [notice] = [report for report in march.places if report.source.issue == "2024-2"] or march.places[-1:]
    flooded = dataclasses.replace(march, places=[*march.places, dataclasses.replace(notice, places=many)])
    bot = bot_with(api, tmp_path / "db.sqlite3", Clock(local(2024, 3, 1, 10, 0)), february, flooded)
    for n in range(1, 61):
        bot.repo.watch_places(WATCHER, fold(many[n - 1].provider), many[n - 1].provider)
    async with running(bot):
        await reload(api)
        await bot.alerts.send_pending(bot.app.bot)
    [told] = texts_to(api, WATCHER)
    assert len(told.encode("utf-16-le")) // 2 <= 4096
    lines = told.splitlines()
    assert say("sv", "and_more", count=45) in lines
    assert sum(line.startswith("Arbetsträningsutföraren") for line in lines) == 15


def test_any_alert_text_is_cut_to_telegrams_limit_at_whole_lines():
    text = "\n".join(f"• Nytt: Frukostmöte {n} – " + "ö" * 120 for n in range(100))
    cut = fitted(text, "sv")
    assert len(cut.encode("utf-16-le")) // 2 <= 4096 and cut.splitlines()[0] == text.splitlines()[0]
    kept = len(cut.splitlines()) - 1
    assert cut.splitlines()[-1] == say("sv", "and_more", count=100 - kept)
    assert len(fitted("x" * 9000, "sv")) <= 4096
