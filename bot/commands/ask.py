"""`python -m bot ask`: answer one question, or one JSON object per line with --jsonl."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from bot.commands.options import add_answer_arguments
from bot.engine import Engine, Reply

MAX_LINE = 64 * 1024  # bytes of one --jsonl line; a question is a few hundred


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="*", help="the question (omit with --jsonl)")
    add_answer_arguments(parser)
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"text": ..., "today": ...} per line on stdin, write one JSON answer per line',
    )


def reply_record(reply: Reply) -> dict[str, Any]:
    return {
        "answer": reply.text,
        "intent": reply.intent,
        "confidence": reply.confidence,
        "lang": reply.lang,
        "meetings": [meeting.id for meeting in reply.meetings],
        "choices": reply.choices,
    }


def run(args: argparse.Namespace) -> int:
    engine = Engine.load(args.kb)
    today = args.today or date.today()
    if args.jsonl:
        return answer_lines(engine, sys.stdin.buffer, sys.stdout, today, args.lang)
    question = " ".join(args.question)
    reply = engine.answer(question, today=today, chat="ask", lang=args.lang)
    try:
        print(reply.text)
    except BrokenPipeError:  # `ask ... | head`: the reader has what it wanted
        sys.stdout = None  # nothing left to flush at exit
    return 0


def answer_lines(engine: Engine, stream: IO[bytes], out: IO[str], today: date, lang: str | None = None) -> int:
    """One output line per input line, whatever the line holds; each line is its own conversation."""
    for number, raw in enumerate(_lines(stream), start=1):
        if raw is None:
            record = _error(number, f"line longer than {MAX_LINE} bytes")
        else:
            record = _answer_line(engine, raw, number, today, lang)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return 0


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The stream's lines, None for one longer than MAX_LINE: it is skipped without being held in memory."""
    while chunk := stream.readline(MAX_LINE + 1):
        if len(chunk) <= MAX_LINE or chunk.endswith(b"\n"):
            yield chunk
            continue
        while (rest := stream.readline(MAX_LINE)) and not rest.endswith(b"\n"):
            pass
        yield None


def _answer_line(engine: Engine, raw: bytes, number: int, default_today: date, lang: str | None) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _error(number, "line is not UTF-8 text")
    if not text.strip():
        return _error(number, "empty line")
    try:
        item = json.loads(text)
    except json.JSONDecodeError as error:
        return _error(number, f"malformed JSON: {error.msg}")
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return _error(number, 'expected an object with a "text" string')
    today = default_today
    if item.get("today") is not None:
        try:
            today = date.fromisoformat(str(item["today"]))
        except ValueError:
            return _error(number, f'bad "today": {item["today"]!r} (want YYYY-MM-DD)')
    hint = item.get("lang") if isinstance(item.get("lang"), str) else lang
    reply = engine.answer(item["text"], today=today, chat=f"jsonl-{number}", lang=hint)
    return {"line": number, **reply_record(reply)}


def _error(number: int, message: str) -> dict[str, Any]:
    return {"line": number, "error": message, "answer": None, "intent": None, "confidence": 0.0}
