"""`python -m bot <command>`: each command lives in its own module, imported only when used."""

from __future__ import annotations

import argparse
import importlib
import sys

from bot.failures import EXIT_FAILED, Failure

EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it

# command -> (module, help). Each module has `add_arguments(parser)` and `run(args) -> int`.
COMMANDS: dict[str, tuple[str, str]] = {
    "build-kb": ("bot.commands.build_kb", "build the knowledge base from newsletters"),
    "run": ("bot.commands.run", "run the Telegram bot (long polling, or a webhook when WEBHOOK_URL is set)"),
    "check-kb": ("bot.commands.check_kb", "validate a built knowledge base"),
    "backup": ("bot.commands.backup", "write a consistent copy of the database, safe while the bot runs"),
    "stats": ("bot.commands.stats", "print users, subscriptions and reminders sent"),
    "health": ("bot.commands.health", "exit 0 when `run` would start: a writable database, a loadable knowledge base"),
    "ask": ("bot.commands.ask", "answer a question (or JSON lines on stdin with --jsonl)"),
    "chat": ("bot.commands.chat", "chat with the bot in the console, no Telegram token needed"),
    "eval": ("bot.commands.eval", "evaluate understanding on the question set: accuracy, out-of-scope recall"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = (argv if argv is not None else sys.argv[1:])[:1]
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text)
        if chosen == [name]:
            importlib.import_module(module_name).add_arguments(sub)
    args = parser.parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        return int(module.run(args))
    except Failure as failure:
        print(f"error: {one_line(str(failure))}", file=sys.stderr)
        return failure.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception:  # noqa: BLE001 -- a bug: its traceback goes through the masking formatter, never raw
        from bot.ops.logging import report_crash

        report_crash(f"python -m bot {args.command}")
        return EXIT_FAILED


def one_line(text: str, limit: int = 500) -> str:
    """A message as the one line an operator reads: no line breaks, never a whole file's worth."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
