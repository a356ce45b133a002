"""`python -m bot chat`: an interactive console chat with the same engine, no token needed."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.ask_command import parse_day
from bot.engine import Engine

PROMPT = "> "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=parse_day, default=None, help="answer as on this date, YYYY-MM-DD")
    parser.add_argument("--kb", type=Path, default=None, help="knowledge base directory (default: the project's)")
    parser.add_argument("--lang", default=None, help="language hint, sv or en")


def run(args: argparse.Namespace) -> int:
    return run_chat(args)


def run_chat(args: argparse.Namespace, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    engine = Engine.load(getattr(args, "kb", None))
    fixed_today = getattr(args, "today", None)
    lang = getattr(args, "lang", None)
    hello = engine.answer_intent("greeting", today=fixed_today or date.today(), chat="console", lang=lang)
    stdout.write(hello.text + "\n(Ctrl-D / Ctrl-C avslutar – ends the chat)\n")
    while True:
        stdout.write(PROMPT)
        stdout.flush()
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            stdout.write("\n")
            return 0
        except UnicodeDecodeError:
            stdout.write("(kunde inte läsa raden – could not read that line)\n")
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
