"""The message rate limiter, on virtual time: Telegram's overall and per-chat limits are kept."""

from __future__ import annotations

import asyncio

import pytest
from telegram.error import RetryAfter
from telegram_harness import VirtualTime

from bot.telegram.ratelimit import MessageRateLimiter

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def limiter_and_log(**options):
    vtime = VirtualTime()
    limiter = MessageRateLimiter(clock=vtime, sleep=vtime.sleep, **options)
    sent: list[tuple[float, object]] = []

    def send(chat_id):
        async def callback():
            sent.append((vtime(), chat_id))
            return True

        return limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": chat_id}, None)

    return limiter, vtime, sent, send


def most_in_one_second(times: list[float]) -> int:
    return max(sum(1 for u in times if t <= u < t + 1.0) for t in times)


async def test_messages_are_evenly_spaced_under_the_overall_limit():
    _, _, sent, send = limiter_and_log(overall=28.5)
    await asyncio.gather(*(send(chat) for chat in range(1, 301)))
    times = [at for at, _ in sent]
    assert len(sent) == 300
    assert most_in_one_second(times) == 29
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 1 / 28.5 - 1e-9  # never a burst
    assert times[-1] - times[0] <= 299 / 28.5 + 1e-6  # and not slower than the limit either


async def test_one_message_per_second_to_a_private_chat_after_a_short_burst():
    _, _, sent, send = limiter_and_log(burst=3)
    for _ in range(8):
        await send(7)
    private = [at for at, _ in sent]
    assert private[2] - private[0] < 0.1  # the burst, only spaced by the overall smoothing
    assert round(private[3] - private[0], 6) == 1.0
    assert [round(b - a, 6) for a, b in zip(private[3:], private[4:], strict=False)] == [1.0] * 4


async def test_groups_get_one_message_per_three_seconds_after_the_burst():
    _, _, sent, send = limiter_and_log(burst=1)
    for _ in range(4):
        await send(-100)
    group = [at for at, _ in sent]
    assert [round(b - a, 6) for a, b in zip(group, group[1:], strict=False)] == [3.0] * 3


async def test_a_429_pauses_everything_and_the_request_is_retried():
    limiter, vtime, sent, _ = limiter_and_log()
    attempts = []

    async def flaky():
        attempts.append(vtime())
        if len(attempts) == 1:
            raise RetryAfter(5)
        return True

    assert await limiter.process_request(flaky, (), {}, "sendMessage", {"chat_id": 1}, None) is True
    assert attempts[1] - attempts[0] >= 5
    assert limiter.retries == 1


async def test_requests_without_a_chat_pass_straight_through():
    limiter, vtime, _, _ = limiter_and_log(overall=1)

    async def answer():
        return True

    for _ in range(10):
        await limiter.process_request(answer, (), {}, "answerCallbackQuery", {"callback_query_id": "x"}, None)
    assert vtime.slept == []
