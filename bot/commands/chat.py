"""`python -m bot chat`: an interactive console chat with the same engine, no token needed."""

from __future__ import annotations

import argparse

from bot.commands.options import add_answer_arguments
from bot.console import chat
from bot.engine import Engine


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_answer_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return chat(Engine.load(args.kb), today=args.today, lang=args.lang)
