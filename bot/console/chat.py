"""The console chat loop: questions go to the engine, "/commands" to bot.console.commands, with follow-ups."""

from __future__ import annotations

import sys
from datetime import date
from typing import TextIO

from bot.answers.bot_info import Operator, console_today
from bot.console.commands import CHAT, answer_command
from bot.engine import Engine, Reply
from bot.slash import read_slash
from bot.texts import say

PROMPT = "> "


def chat(
    engine: Engine,
    *,
    today: date | None = None,
    lang: str | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    operator: Operator | None = None,
) -> int:
    """Answer line by line until end of input or Ctrl-C; `today` None: the real date at each line.
    The greeting names the newest newsletter known on the day answered for, and a note says the day."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    operator = operator or Operator()
    fixed_today = today
    first_day = fixed_today or date.today()
    hello = engine.answer_intent("greeting", today=first_day, chat=CHAT, lang=lang)
    stdout.write("\n".join([hello.text, console_today(first_day, hello.lang), say(hello.lang, "console_hint")]) + "\n")
    while True:
        stdout.write(PROMPT)
        stdout.flush()
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            stdout.write("\n")
            return 0
        except UnicodeDecodeError:
            stdout.write(say(lang or "sv", "console_unreadable") + "\n")
            continue
        if not line:
            stdout.write("\n")
            return 0
        if not line.strip():
            continue
        try:
            reply = _reply(line, engine, fixed_today or date.today(), lang, operator)
        except KeyboardInterrupt:
            stdout.write("\n")
            return 0
        stdout.write(reply.text + "\n")
        if reply.choices:
            stdout.write("[" + " | ".join(reply.choices) + "]\n")


def _reply(line: str, engine: Engine, today: date, lang: str | None, operator: Operator) -> Reply:
    slash = read_slash(line)
    if slash is not None:
        return answer_command(slash, engine, today, lang, operator)
    return engine.answer(line, today=today, chat=CHAT, lang=lang)
