"""`python -m bot check-kb [DIR]`: validate a knowledge base; for the project's own, also check it
is up to date with the newsletters and corrections."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.commands.build_kb import build_base
from bot.failures import Failure
from bot.knowledge.store import load_kb, render_kb
from bot.paths import DEFAULT_CORRECTIONS, DEFAULT_KB_DIR, DEFAULT_SOURCES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, help="knowledge base folder (default: knowledge/base)")


def run(args: argparse.Namespace) -> int:
    directory = args.directory or DEFAULT_KB_DIR
    kb = load_kb(directory)
    print(
        f"{directory}: valid: {len(kb.issues)} issues, {len(kb.meetings)} meetings, "
        f"{sum(len(r.places) for r in kb.places)} open places, {len(kb.contacts)} contacts, {len(kb.projects)} projects"
    )
    if directory.resolve() == DEFAULT_KB_DIR.resolve():
        stale = stale_files(directory)
        if stale:
            raise Failure(f"out of date with knowledge/sources: {', '.join(stale)}; run `python -m bot build-kb`")
    return 0


def stale_files(directory: Path) -> list[str]:
    """Files of the base that differ from a fresh build of the project's own sources."""
    fresh = render_kb(build_base([DEFAULT_SOURCES], DEFAULT_CORRECTIONS).kb)
    return [
        name
        for name, text in fresh.items()
        if not (directory / name).exists() or (directory / name).read_text(encoding="utf-8") != text
    ]
