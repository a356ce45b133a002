"""The console chat: the same engine as Telegram, in a terminal, with follow-ups."""

from __future__ import annotations

import sys
from datetime import date
from typing import TextIO

from bot.engine import Engine
from bot.texts import say

PROMPT = "> "


def chat(
    engine: Engine,
    *,
    today: date | None = None,
    lang: str | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Answer line by line until end of input or Ctrl-C; `today` None: the real date at each line."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    fixed_today = today
    hello = engine.answer_intent("greeting", today=fixed_today or date.today(), chat="console", lang=lang)
    stdout.write(hello.text + "\n" + say(hello.lang, "console_hint") + "\n")
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
            reply = engine.answer(line, today=fixed_today or date.today(), chat="console", lang=lang)
        except KeyboardInterrupt:
            stdout.write("\n")
            return 0
        stdout.write(reply.text + "\n")
        if reply.choices:
            stdout.write("[" + " | ".join(reply.choices) + "]\n")
