"""Reminders end to end: the injected clock passes the reminder time, restarts, crashes, 403, 429, network errors."""

from __future__ import annotations

import asyncio
import time as time_module

import pytest
from fake_bot_api import FakeBotApi
from telegram_harness import (
    HANINGE_ID,
    TYRESO_ID,
    Clock,
    build_bot,
    callback,
    initialized,
    local,
    message,
    running,
    wait_until,
)

from bot.schedule import KIND
from bot.state import ALL
from bot.texts import say

ANNA, BO = 2001, 2002
# PTB's own RetryAfter constructor warns about a future type change of `retry_after`.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def reminders_to(api: FakeBotApi, chat: int) -> list:
    return [
        c for c in api.calls_to("sendMessage", chat_id=chat) if "reply_markup" not in c.params and "Klart" not in c.text
    ]


async def test_a_reminder_arrives_once_when_the_clock_passes_its_time_and_not_again_after_a_restart(api, tmp_path):
    db = tmp_path / "db.sqlite3"
    clock = Clock(local(2019, 3, 20, 10, 0))
    bot = build_bot(api, db, clock)
    async with running(bot):
        api.queue_update(message(ANNA, "/prenumerera Haninge"))
        [confirmation] = await api.wait_for("sendMessage", chat_id=ANNA)
        assert confirmation.text == say("sv", "subscribed", place="Haninge", time="18:00")

        await wait_until(bot.reminder_jobs)  # rescheduled once the confirmation is out
        [job] = bot.reminder_jobs()  # one wake-up, at the reminder time of the Haninge meeting
        assert job.name == "reminders:2019-03-27T18:00:00+01:00"
        assert (await bot.reminders.run_due(bot.app.bot)).sent == 0  # too early: nothing

        clock.set(local(2019, 3, 27, 18, 0, 1))
        await job.run(bot.app)  # the wake-up fires
        reminder = (await api.wait_for("sendMessage", 2, chat_id=ANNA))[-1]
        assert reminder.text == (
            "Påminnelse: Frukostmöte torsdag 28 mars 2019 i Haninge.\nTid: program 08.00–09.30\n"
            "Plats: Handens bibliotek\nTema: Psykisk ohälsa och arbete\n"
            "Anmälan: senast måndag 25 mars 2019, till anmalan@example.se\nKälla: Nyhetsbrev nr 1 2019"
        )
        await job.run(bot.app)  # a second firing of the same job
        await bot.reminders.run_due(bot.app.bot)
        assert len(api.calls_to("sendMessage", chat_id=ANNA)) == 2
        assert bot.repo.reminder_status(ANNA, HANINGE_ID, KIND) == "sent"

    clock.set(local(2019, 3, 27, 19, 0))
    restarted = build_bot(api, db, clock)
    async with running(restarted):
        await asyncio.sleep(0.05)  # let the catch-up job run, if one were scheduled
        assert not [j for j in restarted.app.job_queue.jobs() if j.name == "reminders:now"]
        assert (await restarted.reminders.run_due(restarted.app.bot)).sent == 0
    assert len(api.calls_to("sendMessage", chat_id=ANNA)) == 2


async def test_a_reminder_missed_while_the_bot_was_down_is_sent_at_start_if_the_meeting_has_not_begun(api, tmp_path):
    db = tmp_path / "db.sqlite3"
    clock = Clock(local(2019, 3, 20, 10, 0))
    first = build_bot(api, db, clock)
    first.repo.subscribe(ANNA, "Haninge")
    first.repo.subscribe(BO, "Tyresö")  # Tyresö meets 4 April, no time given: counts as 08:00
    first.repo.close()

    clock.set(local(2019, 3, 28, 7, 45))  # down over the 18:00 reminder; the meeting starts 08:00
    async with running(build_bot(api, db, clock)):
        [reminder] = await api.wait_for("sendMessage", chat_id=ANNA)
    assert api.calls_to("sendMessage", chat_id=BO) == []

    clock.set(local(2019, 4, 4, 8, 0))  # Tyresö's meeting has begun (assumed 08:00): too late
    async with running(build_bot(api, db, clock)) as again:
        assert (await again.reminders.run_due(again.app.bot)).sent == 0
    clock.set(local(2019, 4, 4, 7, 59))
    async with running(build_bot(api, db, clock)):
        await api.wait_for("sendMessage", chat_id=BO)
    assert len(api.calls_to("sendMessage", chat_id=ANNA)) == 1


async def test_a_subscription_after_the_reminder_time_gets_its_reminder_at_once(api, tmp_path):
    clock = Clock(local(2019, 3, 27, 21, 30))
    async with running(build_bot(api, tmp_path / "db.sqlite3", clock)):
        api.queue_update(message(ANNA, "/subscribe all", lang="en"))
        confirmation, reminder = await api.wait_for("sendMessage", 2, chat_id=ANNA)
        assert confirmation.text == say("en", "subscribed_all", time="18:00")
        assert reminder.text != confirmation.text


async def test_remind_me_button_watches_one_meeting(api, tmp_path):
    clock = Clock(local(2019, 3, 20, 10, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    async with running(bot):
        api.queue_update(callback(ANNA, f"rem|{TYRESO_ID}"))
        [toast] = await api.wait_for("answerCallbackQuery")
        assert toast.params["text"] == say("sv", "watching", time="18:00")
        assert bot.repo.watches_of(ANNA) == [TYRESO_ID]
        bot.repo.subscribe(ANNA, ALL)  # the same meeting through a subscription too: still one reminder
        clock.set(local(2019, 4, 3, 18, 30))
        report = await bot.reminders.run_due(bot.app.bot)
        assert report.sent == 1  # Tyresö's meeting, once, though both the watch and "alla" want it
    [reminder] = api.calls_to("sendMessage", chat_id=ANNA)
    assert reminder.text.splitlines()[:2] == [
        "Påminnelse: Frukostmöte torsdag 4 april 2019 i Tyresö.",
        "Datum: torsdag 4 april 2019",  # no time in the newsletter: the date is said instead
    ]


async def test_a_crash_between_sending_and_logging_never_leads_to_a_second_reminder(api, tmp_path):
    class Crash(BaseException):
        pass

    db = tmp_path / "db.sqlite3"
    clock = Clock(local(2019, 3, 27, 18, 5))
    bot = build_bot(api, db, clock)
    bot.repo.subscribe(ANNA, "Haninge")

    def crash(*args: object) -> None:
        raise Crash

    bot.repo.mark_sent = crash  # the process dies right after Telegram accepted the message
    await bot.app.initialize()
    with pytest.raises(Crash):
        await bot.reminders.run_due(bot.app.bot)
    await bot.app.shutdown()
    bot.repo.close()
    assert len(api.calls_to("sendMessage", chat_id=ANNA)) == 1

    restarted = build_bot(api, db, clock)
    async with running(restarted):
        assert (await restarted.reminders.run_due(restarted.app.bot)).sent == 0
        assert restarted.repo.stats().reminders_uncertain == 1
    assert len(api.calls_to("sendMessage", chat_id=ANNA)) == 1


async def test_two_wake_ups_at_the_same_time_send_each_reminder_once(api, tmp_path):
    clock = Clock(local(2019, 3, 27, 18, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    for chat in range(3000, 3040):
        bot.repo.subscribe(chat, "Haninge")
    async with initialized(bot):
        reports = await asyncio.gather(*(bot.reminders.run_due(bot.app.bot) for _ in range(3)))
    assert sum(r.sent for r in reports) == 40
    sent = [c.chat_id for c in api.calls_to("sendMessage")]
    assert sorted(sent) == list(range(3000, 3040))


async def test_a_user_who_blocked_the_bot_loses_their_subscriptions_and_others_still_get_theirs(api, tmp_path):
    clock = Clock(local(2019, 3, 27, 18, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(ANNA, "Haninge")
    bot.repo.subscribe(ANNA, ALL)
    bot.repo.subscribe(BO, "Haninge")
    api.forbidden_chats.add(ANNA)
    async with initialized(bot):
        report = await bot.reminders.run_due(bot.app.bot)
        assert (report.sent, report.blocked) == (1, 1)
        assert bot.repo.subscriptions_of(ANNA) == [] and bot.repo.subscriptions_of(BO) == ["Haninge"]
        assert bot.repo.is_blocked(ANNA)
    assert [c.chat_id for c in api.calls_to("sendMessage")] == [BO]


async def test_429_is_waited_out_and_retried(api, tmp_path):
    clock = Clock(local(2019, 3, 27, 18, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(ANNA, "Haninge")
    api.fail_next("sendMessage", 429, times=2, retry_after=3)
    async with initialized(bot):
        report = await bot.reminders.run_due(bot.app.bot)
    assert report.sent == 1
    assert len(api.calls_to("sendMessage", chat_id=ANNA)) == 1
    assert [c.status for c in api.calls if c.method == "sendMessage"] == [429, 429, 200]
    assert sum(bot.vtime.slept) >= 6  # waited out both retry_after periods (virtual time)


async def test_network_errors_are_retried_with_back_off_and_a_lasting_outage_is_retried_later(api, tmp_path):
    clock = Clock(local(2019, 3, 27, 18, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(ANNA, "Haninge")
    api.fail_next("sendMessage", 502, times=2)
    async with initialized(bot):
        assert (await bot.reminders.run_due(bot.app.bot)).sent == 1
        assert bot.slept == [0.5, 1.0]

        bot.repo.subscribe(BO, "Haninge")
        api.fail_next("sendMessage", 502, times=5)
        report = await bot.reminders.run_due(bot.app.bot)
        assert (report.sent, report.retry_later) == (0, 1)
        assert bot.repo.reminder_status(BO, HANINGE_ID, KIND) is None  # claim released
        assert (await bot.reminders.run_due(bot.app.bot)).sent == 1  # the next wake-up delivers
    assert len(api.calls_to("sendMessage", chat_id=BO)) == 1


async def test_stopping_the_bot_mid_fan_out_leaves_the_rest_for_the_next_start(api, tmp_path):
    db = tmp_path / "db.sqlite3"
    clock = Clock(local(2019, 3, 27, 18, 0))
    bot = build_bot(api, db, clock)
    for chat in range(4000, 4100):
        bot.repo.subscribe(chat, "Haninge")
    async with initialized(bot):
        # The stop arrives after 30 messages have gone out.
        report = await bot.reminders.run_due(bot.app.bot, keep_going=lambda: len(api.calls_to("sendMessage")) < 30)
        assert 30 <= report.sent < 100
        assert bot.repo.stats().reminders_uncertain == 0  # every claimed reminder was finished
    async with initialized(build_bot(api, db, clock)) as restarted:
        assert (await restarted.reminders.run_due(restarted.app.bot)).sent == 100 - report.sent
    assert sorted(c.chat_id for c in api.calls_to("sendMessage")) == list(range(4000, 4100))


async def test_with_the_seeds_knowledge_base_each_subscriber_gets_their_municipalitys_meeting(api, tmp_path, seed_kb):
    from datetime import timedelta

    from bot.knowledge.query import upcoming_meetings

    kb = seed_kb
    # Every meeting a subscriber could be reminded of: known (published) the evening before.
    remindable = [
        m
        for m in kb.meetings
        if m.municipality and m in upcoming_meetings(kb, m.date - timedelta(days=1), m.municipality)
    ]
    assert remindable, "the knowledge base should hold meetings in the member municipalities"
    meeting = remindable[0]
    other = next(p for p in ("Haninge", "Nynäshamn", "Tyresö") if p != meeting.municipality)
    clock = Clock(local(meeting.date.year, meeting.date.month, meeting.date.day, 18, 0) - timedelta(days=1))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock, kb=kb)
    bot.repo.subscribe(ANNA, meeting.municipality)
    bot.repo.subscribe(BO, other)
    async with initialized(bot):
        await bot.reminders.run_due(bot.app.bot)
    [reminder] = api.calls_to("sendMessage", chat_id=ANNA)
    assert str(meeting.date.day) in reminder.text
    assert not [
        c
        for c in api.calls_to("sendMessage", chat_id=BO)
        if meeting.date.isoformat() in c.text or c.text == reminder.text
    ]


async def test_new_subscriptions_reschedule_wake_ups_but_never_postpone_the_sweep(api, tmp_path):
    clock = Clock(local(2019, 3, 20, 10, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    async with running(bot):
        [sweep] = bot.app.job_queue.get_jobs_by_name("reminders:sweep")
        first_run = sweep.next_t
        api.queue_update(message(ANNA, "/prenumerera Tyresö"))
        api.queue_update(message(BO, "/prenumerera Haninge"))
        await api.wait_for("sendMessage", chat_id=BO)
        await wait_until(lambda: len(bot.reminder_jobs()) == 2)
        assert bot.app.job_queue.get_jobs_by_name("reminders:sweep") == (sweep,) and sweep.next_t == first_run
        assert sorted(job.name for job in bot.reminder_jobs()) == [
            "reminders:2019-03-27T18:00:00+01:00",
            "reminders:2019-04-03T18:00:00+02:00",
        ]  # CET, then CEST


async def test_a_reminder_whose_answer_was_lost_is_not_sent_again(api, tmp_path):
    clock = Clock(local(2019, 3, 27, 18, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(ANNA, "Haninge")
    api.fail_next("sendMessage", 0)  # Telegram got it, the answer never came back
    async with initialized(bot):
        report = await bot.reminders.run_due(bot.app.bot)
        assert (report.sent, report.uncertain) == (0, 1)
        assert (await bot.reminders.run_due(bot.app.bot)).sent == 0
        assert bot.repo.reminder_status(ANNA, HANINGE_ID, KIND) == "claimed"
    assert len([c for c in api.calls if c.method == "sendMessage"]) == 1


async def test_a_chat_that_refuses_for_good_is_logged_failed_and_the_others_still_get_theirs(api, tmp_path):
    group = -100500
    clock = Clock(local(2019, 3, 27, 18, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(group, "Haninge")
    bot.repo.subscribe(ANNA, "Haninge")
    bot.reminders.workers = 1  # the group's reminder goes first (sorted by chat id)
    api.fail_next("sendMessage", 400, description="Bad Request: chat not found")  # a supergroup: see below
    async with initialized(bot):
        report = await bot.reminders.run_due(bot.app.bot)
        assert (report.sent, report.failed) == (1, 1)
        assert bot.repo.reminder_status(group, HANINGE_ID, KIND) == "failed"
        assert (await bot.reminders.run_due(bot.app.bot)).sent == 0  # not retried
    assert [c.chat_id for c in api.calls_to("sendMessage")] == [ANNA]


def stop_during_first_send(api: FakeBotApi, bot, first: int, leaving: int, text: str, done) -> None:  # noqa: ANN001
    """When the fan-out sends to `first`, `leaving` sends `text` through the bot; Telegram answers `first`
    only once that has taken effect (what a chat pressing /stop in the middle of a fan-out does)."""

    def hook(call) -> None:  # noqa: ANN001
        if call.chat_id != first:
            return
        api.on_send = None
        api.queue_update(message(leaving, text))
        for _ in range(500):
            if done():
                return
            time_module.sleep(0.01)

    api.on_send = hook


async def test_a_chat_that_stops_while_the_reminders_go_out_is_neither_reminded_nor_logged(api, tmp_path):
    clock = Clock(local(2019, 3, 27, 17, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    for chat in (ANNA, BO):
        bot.repo.subscribe(chat, "Haninge", "sv")
    bot.reminders.workers = 1  # one at a time, by chat: ANNA first
    async with running(bot):
        clock.set(local(2019, 3, 27, 18, 5))
        stop_during_first_send(api, bot, ANNA, BO, "/stop", lambda: bot.repo.subscriptions_of(BO) == [])
        report = await bot.reminders.run_due(bot.app.bot)
        assert report.sent == 1
        [stopped] = await api.wait_for("sendMessage", chat_id=BO)
        assert stopped.text.startswith(say("sv", "stop_says"))
        assert bot.repo.reminder_status(BO, HANINGE_ID, KIND) is None
    assert [call.text[:11] for call in api.calls_to("sendMessage", chat_id=BO)] == [stopped.text[:11]]
    assert len(api.calls_to("sendMessage", chat_id=ANNA)) == 1


async def test_a_group_that_became_a_supergroup_is_moved_to_its_new_id_and_reminded_there_once(api, tmp_path):
    group, supergroup = -7001, -1007001
    clock = Clock(local(2019, 3, 27, 17, 0))
    bot = build_bot(api, tmp_path / "db.sqlite3", clock)
    bot.repo.subscribe(group, "Haninge", "sv")
    bot.repo.watch_places(group, "jobbverket", "Jobbverket", "sv")
    async with running(bot):
        clock.set(local(2019, 3, 27, 18, 5))
        api.fail_next(
            "sendMessage",
            400,
            description="Bad Request: group chat was upgraded to a supergroup chat",
            migrate_to_chat_id=supergroup,
        )
        report = await bot.reminders.run_due(bot.app.bot)
        assert (report.sent, report.failed) == (1, 0)
        assert bot.repo.subscriptions_of(supergroup) == ["Haninge"] and bot.repo.subscriptions_of(group) == []
        assert bot.repo.place_watches_of(supergroup) == ["Jobbverket"]
        assert bot.repo.language(supergroup) == "sv" and bot.repo.language(group) is None
        assert bot.repo.reminder_status(supergroup, HANINGE_ID, KIND) == "sent"
        assert bot.repo.reminder_status(group, HANINGE_ID, KIND) is None
        assert (await bot.reminders.run_due(bot.app.bot)).sent == 0  # once
    [reminder] = api.calls_to("sendMessage", chat_id=supergroup)
    assert reminder.text.startswith("Påminnelse: Frukostmöte torsdag 28 mars 2019 i Haninge.")
    assert [call.status for call in api.calls if call.method == "sendMessage"] == [400, 200]
